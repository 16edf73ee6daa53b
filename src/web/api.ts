/**
 * Typed client of the motcua API. The session travels in the HttpOnly cookie set by POST /api/auth/login;
 * nothing is kept in localStorage. Every failure throws an `ApiError` with the API's stable code and its
 * Vietnamese (`message`) and English (`messageEn`) text.
 */
import type { ActionPreview } from '../core/dossier/confirm.ts';
import type { ProcedureRecord } from '../core/catalog/types.ts';
import type { WorkflowStep } from '../core/catalog/workflow.ts';
import type { ActionName } from '../core/dossier/actions.ts';
import type { ActionKind, WaitingReason } from '../core/dossier/rank.ts';

import { apiUrl, isApiError, request as http, type ApiError, type HttpOptions } from '../client/http.ts';

export { apiUrl, isApiError, type ApiError };

/** Fired when the API answers 401 on a call made by a signed-in page (the shell sends the user to the login page). */
export const UNAUTHENTICATED_EVENT = 'motcua:unauthenticated';

interface RequestOptions extends HttpOptions {
  /** Do not announce a 401 (login, me, public pages). */
  quiet401?: boolean;
}

function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const { quiet401, ...rest } = opts;
  return http<T>(method, path, {
    ...rest,
    onError: (e) => {
      if (e.status === 401 && !quiet401) window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
    },
  });
}

// ---- types (mirror the API's response schemas) ----

export interface Assignment {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  role: string;
}

export interface Me {
  userId: string;
  username: string;
  fullName: string;
  assignments: Assignment[];
}

export interface Applicant {
  fullName: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
  organisation?: string;
}

export interface Dossier {
  id: string;
  code: string | null;
  procedureId: string;
  procedureCode: string;
  procedureName: string;
  receivingAgencyId: string;
  handlingAgencyId: string;
  channel: string;
  state: string;
  stateLabel: string;
  version: number;
  applicant: Applicant & Record<string, unknown>;
  limit: { amount: number; unit: string } | null;
  onestopPolicy: string;
  submittedAt: string | null;
  receivedAt: string | null;
  clockStartedAt: string | null;
  dueAt: string | null;
  dueAtLocal: string | null;
  originalDueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  apologiesSent: number;
  supplementRequests: number;
  /** Detail only: agencies the dossier was transferred to that have not answered yet. */
  pendingAgencies?: { agency: string; name: string }[];
  hasElectronicResult: boolean;
  paperResult: boolean;
  resultMethod: string | null;
  feeTotal: number;
  paidTotal: number;
  timing: string;
  allowedActions: string[];
  /** The allowed actions ranked by the server (core/dossier/rank.ts `planActions`): the first is the primary one. */
  actionPlan: { action: string; rank: 'primary' | 'secondary'; kind: ActionKind; confirm: boolean }[];
  /** Why the caller cannot move the dossier on, and the role that can (core/dossier/rank.ts `waitingFor`). */
  waitingFor: { reason: WaitingReason; role: string } | null;
  trackingSecret: string;
}

export interface HistoryEntry {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorRole: string;
  agencyId: string | null;
  at: string;
  note: string | null;
  data: Record<string, unknown> | null;
  attachments: string[];
  text: string;
}

export interface DossierDocument {
  id: string;
  kind: string;
  componentCode: string | null;
  componentName: string | null;
  fileSha256: string | null;
  fileName: string | null;
  mime: string | null;
  size: number | null;
  digitised: boolean;
  reused: boolean;
  fromCitizenStore: boolean;
  electronicResult: boolean;
  uploadedAt: string;
}

export interface Payments {
  fees: { id: string; kind: string; description: string; amountVnd: number }[];
  payments: { id: string; amountVnd: number; method: string; paidAt: string; reference: string | null }[];
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  unitId: string | null;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface Publication {
  id: string;
  agencyId: string;
  procedureId: string;
  active: boolean;
  decisionNo: string | null;
  currentWorkflowId: string | null;
}

export interface PublicationItem {
  publication: Publication;
  procedure: { id: string; code: string; name: string; onlineLevel: string; fieldName: string | null };
}

export interface ProcedureSummary {
  id: string;
  code: string;
  name: string;
  fieldName: string | null;
  levels: string[];
  onlineLevel: string;
  structured: boolean;
  source: string;
  ministry: string | null;
  reviewState?: ReviewState;
}

export type ReviewState = 'not_needed' | 'pending' | 'confident' | 'reviewed';

export interface ReviewQueueItem {
  code: string;
  name: string;
  fieldName: string | null;
  levels: string[];
  reviewState: ReviewState;
  version: number;
  lowFields: string[];
}

export interface ProcedureVersion {
  version: number;
  reviewState: ReviewState;
  origin: 'import_national' | 'import_index' | 'review';
  createdBy: string | null;
  createdAt: string;
  note: string | null;
  review: { reviewerName: string; corrected: string[] } | null;
}

export interface ProcedureDetail extends ProcedureSummary {
  version: number;
  record: ProcedureRecord;
}

export interface Workflow {
  id: string;
  publicationId: string;
  version: number;
  channel: string;
  legalLimit: { amount: number; unit: string } | null;
  steps: WorkflowStep[];
  agencyOrder: string;
  createdAt: string;
}

export interface Staff {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  roles?: { agencyId: string; agencyName: string; role: string }[];
}

export interface Holiday {
  date: string;
  reason: string;
  source: string;
  kind: string;
}

export interface Override {
  id: string;
  date: string;
  kind: string;
  reason: string;
}

export interface TrackResult {
  code: string;
  procedureName: string;
  agencyName: string;
  state: string;
  stateLabel: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  timeline: { at: string; action: string; label: string; state: string }[];
  delivery: { trackingNumber: string; sentAt: string; status: { code: string; label: string; at: string; location: string | null } | null } | null;
}

export interface DocumentInput {
  kind?: 'input' | 'supplement' | 'result' | 'other';
  componentCode?: string | null;
  componentName?: string | null;
  sha256: string;
  fileName: string;
}

export interface CreateDossierBody {
  agencyId: string;
  procedureCode: string;
  channel: 'desk' | 'postal' | 'online';
  action: 'receive' | 'request_intake_supplement' | 'reject_intake';
  applicant: Applicant;
  resultMethod?: 'desk' | 'online' | 'postal';
  postalHandoverAt?: string;
  documents?: DocumentInput[];
  fees?: { kind: 'fee' | 'charge'; description: string; amountVnd: number }[];
  input?: Record<string, unknown>;
}

export interface StaffFeedback {
  id: string;
  reference: string;
  agencyId: string;
  agencyName: string;
  originAgencyId: string;
  subject: string;
  procedureCode: string | null;
  dossierCode: string | null;
  title: string;
  content: string;
  contact: { fullName: string; phone: string | null; email: string | null };
  citizenId: string | null;
  status: string;
  statusLabel: string;
  version: number;
  classification: string | null;
  submittedAt: string;
  receivedAt: string | null;
  deadlines: { handle: string; reject: string; requestInfo: string; forward: string } | null;
  dueAt: string | null;
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  publishDueAt: string | null;
  publishedAt: string | null;
  rating: { rating: string; comment: string | null; at: string } | null;
  allowedActions: string[];
}

export interface FeedbackHistoryEntry {
  seq: number;
  action: string;
  label: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  agencyId: string | null;
  at: string;
  note: string | null;
  data: Record<string, unknown>;
}

export interface FeedbackActionInput {
  classification?: string;
  reason?: string;
  targetAgencyId?: string;
  note?: string;
  answer?: string;
}

export const QUEUE_VIEWS = [
  'mine',
  'unassigned',
  'due_soon',
  'overdue',
  'waiting_supplement',
  'inter_agency',
  'awaiting_approval',
  'result_ready',
  'all',
] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number] | 'awaiting_intake';

export interface Page<T> {
  items: T[];
  next: string | null;
}

// ---- calls ----

export interface KioskDossier {
  id: string;
  code: string;
  procedureName: string;
  applicantName: string;
  returnedAt: string;
}

export interface FollowUp {
  id: string;
  kind: string;
  status: string;
  summary: string;
  dossierId: string;
  dossierCode: string | null;
  agencyId: string;
  agencyName: string;
  rating: { rating: string; reasons: string[]; comment: string | null; channel: string } | null;
  answer: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
}

export const api = {
  kioskCurrent: () => request<{ dossier: KioskDossier | null }>('GET', '/kiosk/current'),
  kioskRate: (body: { dossierId: string; rating: string; reasons: string[]; comment?: string }) => request<{ rating: string }>('POST', '/kiosk/rating', { body }),
  kioskUnlock: (password: string) => request<{ ok: true }>('POST', '/kiosk/unlock', { body: { password }, quiet401: true }),
  followUps: (status?: 'open' | 'closed') => request<{ items: FollowUp[] }>('GET', '/follow-ups', { query: { status } }),
  closeFollowUp: (id: string, body: { version: number; answer: string }) => request<FollowUp>('POST', `/follow-ups/${encodeURIComponent(id)}/close`, { body }),
  login: (username: string, password: string) => request<Me & { expiresAt: string }>('POST', '/auth/login', { body: { username, password }, quiet401: true }),
  logout: () => request<{ ok: true }>('POST', '/auth/logout', { quiet401: true }),
  me: () => request<Me>('GET', '/auth/me', { quiet401: true }),

  agencies: () => request<{ items: Agency[] }>('GET', '/agencies', { query: { limit: 1000 } }).then((r) => r.items),
  publications: (agencyId: string) => request<{ items: PublicationItem[] }>('GET', `/agencies/${agencyId}/publications`).then((r) => r.items),
  publish: (agencyId: string, procedureCode: string, decisionNo: string | null) =>
    request<Publication>('POST', `/agencies/${agencyId}/publications`, { body: { procedureCode, decisionNo } }),
  procedures: (q: string, structured = true, after?: string) =>
    request<Page<ProcedureSummary>>('GET', '/procedures', { query: { q, structured: structured ? 'true' : undefined, after, limit: 30 } }),
  procedure: (code: string) => request<ProcedureDetail>('GET', `/procedures/${encodeURIComponent(code)}`),
  reviewQueue: (q: { state: string; level?: string | undefined; q?: string | undefined; after?: string | undefined }) =>
    request<{ items: ReviewQueueItem[]; next: string | null; counts: Partial<Record<ReviewState, number>> }>('GET', '/catalog/reviews', { query: { ...q, limit: 50 } }),
  version: (code: string, version: number) => request<ProcedureVersion & { record: ProcedureRecord }>('GET', `/procedures/${encodeURIComponent(code)}/versions/${version}`),
  versions: (code: string) => request<{ items: ProcedureVersion[] }>('GET', `/procedures/${encodeURIComponent(code)}/versions`).then((r) => r.items),
  review: (code: string, version: number, corrections: Record<string, unknown>, note: string | null) =>
    request<ProcedureDetail>('POST', `/procedures/${encodeURIComponent(code)}/review`, { body: { version, corrections, note } }),
  workflow: (publicationId: string) => request<Workflow>('GET', `/publications/${publicationId}/workflow`),
  saveWorkflow: (publicationId: string, steps: WorkflowStep[], agencyOrder: string) =>
    request<Workflow>('PUT', `/publications/${publicationId}/workflow`, { body: { steps, agencyOrder } }),

  uploadFile: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<{ sha256: string; size: number; mime: string }>('POST', '/files', { form });
  },

  createDossier: (body: CreateDossierBody, idempotencyKey: string) =>
    request<Dossier>('POST', '/dossiers', { body, headers: { 'idempotency-key': idempotencyKey } }),
  queue: (view: QueueView, cursor?: string | null, agencyId?: string, limit = 50) =>
    request<Page<Dossier>>('GET', '/dossiers', { query: { view, cursor, agencyId, limit } }),
  search: (q: string) => request<{ items: Dossier[] }>('GET', '/dossiers/search', { query: { q, limit: 50 } }).then((r) => r.items),
  dossier: (id: string) => request<Dossier>('GET', `/dossiers/${id}`),
  history: (id: string) => request<{ items: HistoryEntry[] }>('GET', `/dossiers/${id}/history`).then((r) => r.items),
  documents: (id: string) => request<{ items: DossierDocument[] }>('GET', `/dossiers/${id}/documents`).then((r) => r.items),
  payments: (id: string) => request<Payments>('GET', `/dossiers/${id}/payments`),
  act: (id: string, action: ActionName, version: number, input: Record<string, unknown>, documents: DocumentInput[] = []) =>
    request<Dossier>('POST', `/dossiers/${id}/actions`, { body: { action, version, input, documents } }),
  /** What an action would do (the same decide() as the action, nothing written): consequences to tell the officer. */
  previewAction: (id: string, action: ActionName, input: Record<string, unknown>) =>
    request<ActionPreview>('POST', `/dossiers/${id}/actions/preview`, { body: { action, input } }),

  staff: () => request<{ items: Staff[] }>('GET', '/staff').then((r) => r.items),
  agencyStaff: (agencyId: string, role?: string) =>
    request<{ items: Staff[] }>('GET', `/agencies/${agencyId}/staff${role ? `?role=${encodeURIComponent(role)}` : ''}`).then((r) => r.items),
  createStaff: (body: { username: string; password: string; fullName: string; email?: string; phone?: string; roles: { agencyId: string; role: string }[] }) =>
    request<Staff>('POST', '/staff', { body }),
  grantRole: (id: string, agencyId: string, role: string) => request<{ ok: true }>('POST', `/staff/${id}/roles`, { body: { agencyId, role } }),
  revokeRole: (id: string, agencyId: string, role: string) => request<{ ok: true }>('DELETE', `/staff/${id}/roles`, { body: { agencyId, role } }),

  holidays: (year: number) => request<{ year: number; days: Holiday[] }>('GET', `/calendar/holidays/${year}`).then((r) => r.days),
  overrides: (year: number) => request<{ items: Override[] }>('GET', '/calendar/overrides', { query: { year } }).then((r) => r.items),
  setOverride: (date: string, kind: string, reason: string) => request<Override>('PUT', '/calendar/overrides', { body: { date, kind, reason } }),
  deleteOverride: (id: string) => request<Override>('DELETE', `/calendar/overrides/${id}`),

  feedbackQueue: (view: 'all' | 'overdue', status?: string | null, cursor?: string | null, limit = 50) =>
    request<Page<StaffFeedback>>('GET', '/feedback', { query: { view, status, cursor, limit } }),
  feedback: (id: string) => request<StaffFeedback>('GET', `/feedback/${id}`),
  feedbackHistory: (id: string) => request<{ items: FeedbackHistoryEntry[] }>('GET', `/feedback/${id}/history`).then((r) => r.items),
  feedbackAct: (id: string, action: string, version: number, input: FeedbackActionInput) =>
    request<StaffFeedback>('POST', `/feedback/${id}/actions`, { body: { action, version, input } }),

  track: (code: string, secret: string) => request<TrackResult>('GET', '/public/track', { query: { code, secret }, quiet401: true }),
};

// ---- links to documents produced by the server ----

export const links = {
  slip: (dossierId: string, kind: string) => `/api/dossiers/${dossierId}/slips/${kind}`,
  document: (dossierId: string, docId: string) => `/api/dossiers/${dossierId}/documents/${docId}/content`,
  register: (agencyId: string, from: string, to: string, format: 'pdf' | 'xlsx') => apiUrl('/register', { agencyId, from, to, format }),
};

/** A random UUID v4 (crypto.randomUUID is missing outside secure contexts, e.g. plain http on an intranet). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

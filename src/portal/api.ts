/**
 * Client of the public and citizen APIs used by the portal. The citizen session travels in the HttpOnly cookie
 * set by POST /api/citizen/login; nothing secret is kept in localStorage. Every failure throws an `ApiError`
 * with the API's stable code and its Vietnamese (`message`) and English (`messageEn`) text.
 */
import type { ProcedureRecord } from '../core/catalog/types.ts';

import { apiUrl, isApiError, request as http, type ApiError, type HttpOptions } from '../client/http.ts';

export { apiUrl, isApiError, type ApiError };

/** The server has no such route yet (the citizen endpoints are being rolled out): not a user error. */
export function isNotImplemented(e: unknown): boolean {
  if (!isApiError(e)) return false;
  if (e.status === 501) return true;
  return e.status === 404 && e.code === 'NOT_FOUND' && /\/api\//.test(`${e.message} ${e.messageEn}`);
}

const request = <T,>(method: string, path: string, opts: HttpOptions = {}): Promise<T> => http<T>(method, path, opts);

// ---- types (mirror the API's response schemas) ----

/** The postal operator's latest status of a parcel. */
export interface ParcelStatus {
  code: string;
  label: string;
  at: string;
  location: string | null;
}

/** A survey-run questionnaire opened by its link or QR code (no account). */
export interface Questionnaire {
  round: { title: string; year: number };
  agency: { name: string };
  group: 'officials' | 'leaders' | 'citizens';
  answered: boolean;
  open: boolean;
  questions: { nodeCode: string; text: string; letters: string[] }[];
}

export type Level = 'commune' | 'province' | 'ministry' | 'other';
export type OnlineLevel = 'full' | 'partial' | 'none';

export interface ProcedureHit {
  code: string;
  name: string;
  fieldName: string | null;
  levels: string[];
  onlineLevel: string;
  structured: boolean;
  score: number;
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  deskAddress?: string | null;
}

export interface CatalogItem {
  code: string;
  name: string;
  fieldName: string | null;
  levels: string[];
  onlineLevel: string;
}

export interface LifeEventDetail {
  slug: string;
  title: { vi: string; en: string };
  lead: { vi: string; en: string };
  count: number;
  procedures: (CatalogItem & { published: boolean })[];
}

export interface PublicProcedure {
  code: string;
  name: string;
  fieldName: string | null;
  levels: string[];
  onlineLevel: string;
  structured: boolean;
  record: ProcedureRecord;
  agencies: AgencyRef[];
}

export interface TrackEntry {
  at: string;
  action: string;
  label: string;
  state: string;
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
  timeline: TrackEntry[];
  /** A result sent by post: the parcel number and when it was handed over. */
  delivery: { trackingNumber: string; sentAt: string; status: ParcelStatus | null } | null;
}

export interface PublicRatingView {
  code: string;
  procedureName: string;
  agencyName: string;
  state: string;
  stateLabel: string;
  canRate: boolean;
  reason: 'RATING_NOT_ALLOWED' | 'ALREADY_RATED' | 'RATING_WINDOW_CLOSED' | null;
  rating: { rating: string; reasons: string[]; comment: string | null; channel: string; at: string } | null;
  followUp: { status: string; answer: string | null; answeredAt: string | null } | null;
}

export interface Citizen {
  id: string;
  contact: string;
  fullName: string;
}

export interface StoredFile {
  sha256: string;
  size: number;
  mime: string;
  fileName?: string;
}

export interface CitizenDocument {
  sha256: string;
  fileName: string;
  mime?: string;
  size?: number;
  uploadedAt?: string;
  /** 'result': an electronic result of one of the citizen's dossiers. */
  source?: 'upload' | 'result';
  dossierCode?: string | null;
}

export type ResultMethod = 'online' | 'desk' | 'postal';

export interface ApplicantInput {
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

/** The applicant as sent: empty optional fields are left out (the API validates what is present). */
export type ApplicantBody = { fullName: string } & Partial<Omit<ApplicantInput, 'fullName'>>;

export interface SubmittedDocument {
  componentCode: string;
  componentName: string;
  sha256: string;
  fileName: string;
  reused?: boolean;
}

export interface SubmitBody {
  agencyId: string;
  procedureCode: string;
  applicant: ApplicantBody;
  formData: Record<string, unknown>;
  documents: SubmittedDocument[];
  resultMethod: ResultMethod;
  postalAddress?: string;
}

/** A citizen's dossier (GET /api/citizen/dossiers/:id; the list items carry the summary fields). */
export interface CitizenDossier {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  agencyName: string;
  channel?: string;
  state: string;
  stateLabel: string;
  version: number;
  trackingSecret?: string;
  applicant?: Partial<ApplicantInput> & Record<string, unknown>;
  resultMethod?: string | null;
  postalAddress?: string | null;
  submittedAt: string | null;
  receivedAt?: string | null;
  /** The appointment date for the result (detail); the list has `dueAt`. */
  appointmentAt?: string | null;
  dueAt?: string | null;
  finishedAt: string | null;
  returnedAt?: string | null;
  feeTotal: number;
  paidTotal: number;
  timeline?: TrackEntry[];
  delivery?: { trackingNumber: string; sentAt: string; address: string | null; status: ParcelStatus | null } | null;
  supplementRequest?: { requestedAt: string; missingItems: string[]; note: string | null } | null;
  apology?: { sentAt: string; reasons: string[]; newAppointmentAt: string | null } | null;
  refusal?: { at: string; reasons: string[] } | null;
  documents?: { id: string; kind: string; componentName: string | null; fileName: string | null; uploadedAt: string }[];
  results?: {
    id: string;
    fileName: string | null;
    mime: string | null;
    size: number | null;
    signature?: { status: 'unsigned' | 'valid' | 'untrusted' | 'invalid'; statusLabel: { vi: string; en: string }; signers: { name: string | null; signedAt: string | null; status: 'valid' | 'untrusted' | 'invalid' }[] } | null;
  }[];
  rating?: { rating: string; reasons: string[]; comment: string | null; at: string } | null;
  canSupply?: boolean;
  canRate?: boolean;
  canPay?: boolean;
}

export interface PaymentIntent {
  reference: string;
  amountVnd: number;
  dossierCode?: string | null;
  account?: { bankBin: string; bankName: string; accountNumber: string; accountName: string };
  vietqr: { payload: string; dataUrl: string };
}


// ---- feedback (phản ánh, kiến nghị) and statistics ----

export type FeedbackSubject = 'procedure' | 'rule' | 'officer' | 'other';
export type FeedbackRating = 'satisfied' | 'neutral' | 'dissatisfied';

export interface PublicAgency {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  parentId: string | null;
  validTo: string | null;
}

export interface FeedbackBody {
  agencyId: string;
  subject: FeedbackSubject;
  procedureCode?: string;
  dossierCode?: string;
  title: string;
  content: string;
  contact: { fullName: string; phone?: string; email?: string };
}

export interface OwnFeedback {
  reference: string;
  agencyName: string;
  subject: FeedbackSubject;
  title: string;
  content: string;
  status: string;
  statusLabel: string;
  submittedAt: string;
  receivedAt: string | null;
  answerDueAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  publishedAt: string | null;
  notAcceptedReason: string | null;
  rating: { rating: string; comment: string | null; at: string } | null;
  canRate: boolean;
  timeline: { at: string; action: string; label: string; state: string; stateLabel: string }[];
}

export interface PublishedFeedback {
  reference: string;
  agencyId: string;
  agencyName: string;
  subject: FeedbackSubject;
  procedureCode: string | null;
  title: string;
  content: string;
  answer: string;
  receivedAt: string | null;
  answeredAt: string | null;
  publishedAt: string;
}

export interface UnitStats {
  agencyId: string;
  agencyName: string;
  period: 'month' | 'year';
  from: string;
  to: string;
  received: number;
  finished: number;
  onTime: number;
  onTimeRate: number | null;
  online: number;
  onlineRate: number | null;
  ratings: { satisfied: number; neutral: number; dissatisfied: number };
  satisfactionRate: number | null;
  feedback: { received: number; answered: number; onTime: number };
}

function listOf<T>(v: unknown): T[] {
  if (Array.isArray(v)) return v as T[];
  if (v && typeof v === 'object') {
    for (const k of ['items', 'documents', 'dossiers', 'messages']) {
      const x = (v as Record<string, unknown>)[k];
      if (Array.isArray(x)) return x as T[];
    }
  }
  return [];
}

/** Every page of a keyset-paginated public list: `next` is passed as `after` until it is null. */
export async function allPages<T>(page: (after: string | undefined) => Promise<{ items: T[]; next: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  for (;;) {
    const p = await page(after);
    out.push(...p.items);
    if (!p.next || p.next === after) return out;
    after = p.next;
  }
}

function unwrapDossier(v: unknown): CitizenDossier {
  const o = v as Record<string, unknown>;
  return (o && typeof o === 'object' && 'dossier' in o ? o['dossier'] : o) as CitizenDossier;
}

export const api = {
  searchProcedures: (q: { q: string; field?: string; level?: string; agencyId?: string; limit?: number }, signal?: AbortSignal) =>
    request<{ items: ProcedureHit[] }>('GET', '/public/procedures', { query: { ...q }, ...(signal ? { signal } : {}) }),
  procedure: async (code: string) => {
    const p = await request<PublicProcedure & { agenciesNext?: string | null }>('GET', `/public/procedures/${encodeURIComponent(code)}`);
    if (!p.agenciesNext) return p;
    // More than one page of receiving agencies: the rest from the paged list.
    const first = p.agenciesNext;
    const rest = await allPages((after) =>
      request<{ items: PublicProcedure['agencies']; next: string | null }>('GET', `/public/procedures/${encodeURIComponent(code)}/agencies`, { query: { after: after ?? first, limit: 100 } }),
    );
    return { ...p, agencies: [...p.agencies, ...rest] };
  },
  lifeEvent: (slug: string) => request<LifeEventDetail>('GET', `/public/life-events/${encodeURIComponent(slug)}`),
  catalogFields: async () => ({
    items: await allPages((after) => request<{ items: { field: string | null; count: number }[]; next: string | null }>('GET', '/public/catalog/fields', { query: { limit: 100, ...(after ? { after } : {}) } })),
  }),
  catalog: (field: string, after?: string) => request<{ items: CatalogItem[]; next: string | null }>('GET', '/public/catalog', { query: { field, limit: 100, ...(after ? { after } : {}) } }),
  track: (code: string, secret: string) => request<TrackResult>('GET', '/public/track', { query: { code, secret } }),
  questionnaire: (token: string) => request<Questionnaire>('GET', `/public/par/survey/${encodeURIComponent(token)}`),
  answerQuestionnaire: (token: string, answers: { nodeCode: string; letter: string }[]) => request<{ answered: true }>('POST', `/public/par/survey/${encodeURIComponent(token)}`, { body: { answers } }),
  ratingView: (code: string, secondFactor: string) =>
    request<PublicRatingView>('GET', `/public/dossiers/${encodeURIComponent(code)}/rating`, { query: { secondFactor } }),
  rateByLink: (code: string, body: { secondFactor: string; rating: string; reasons: string[]; comment?: string }) =>
    request<{ rating: string; followUpId: string | null }>('POST', `/public/dossiers/${encodeURIComponent(code)}/rating`, { body }),

  requestOtp: (contact: string) => request<{ sent: boolean }>('POST', '/citizen/otp', { body: { contact } }),
  login: (contact: string, code: string) => request<{ token: string; citizen: Citizen }>('POST', '/citizen/login', { body: { contact, code } }),
  me: async () => {
    const r = await request<Citizen | { citizen: Citizen }>('GET', '/citizen/me');
    return 'citizen' in r ? r.citizen : r;
  },
  logout: () => request<unknown>('POST', '/citizen/logout'),
  devMessages: async (to: string) => listOf<{ to: string; subject: string; body: string; at: string }>(await request<unknown>('GET', '/dev/messages', { query: { to } })),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<StoredFile>('POST', '/citizen/files', { form });
  },
  documents: async () => listOf<CitizenDocument>(await request<unknown>('GET', '/citizen/documents')),
  submit: async (body: SubmitBody, idempotencyKey: string) =>
    unwrapDossier(await request<unknown>('POST', '/citizen/dossiers', { body, headers: { 'idempotency-key': idempotencyKey } })),
  dossiers: async () => listOf<CitizenDossier>(await request<unknown>('GET', '/citizen/dossiers')),
  dossier: async (id: string) => unwrapDossier(await request<unknown>('GET', `/citizen/dossiers/${encodeURIComponent(id)}`)),
  supply: (id: string, body: { version: number; documents: SubmittedDocument[]; note?: string }) =>
    request<unknown>('POST', `/citizen/dossiers/${encodeURIComponent(id)}/supply`, { body }),
  resultUrl: (id: string, docId: string) => apiUrl(`/citizen/dossiers/${encodeURIComponent(id)}/result/${encodeURIComponent(docId)}`),
  rate: (id: string, body: { rating: 'satisfied' | 'neutral' | 'dissatisfied'; reasons?: string[]; comment?: string }) =>
    request<unknown>('POST', `/citizen/dossiers/${encodeURIComponent(id)}/rating`, { body }),
  paymentIntent: (id: string) => request<PaymentIntent>('POST', `/citizen/dossiers/${encodeURIComponent(id)}/payment-intents`),
  agencies: async () => (await request<{ items: PublicAgency[] }>('GET', '/agencies', { query: { limit: 1000 } })).items,
  sendFeedback: (body: FeedbackBody) => request<{ id: string; reference: string; trackingSecret: string }>('POST', '/public/feedback', { body }),
  feedback: (reference: string, secret: string) => request<OwnFeedback>('GET', `/public/feedback/${encodeURIComponent(reference)}`, { query: { secret } }),
  rateFeedback: (reference: string, secret: string, body: { rating: FeedbackRating; comment?: string }) =>
    request<OwnFeedback>('POST', `/public/feedback/${encodeURIComponent(reference)}/rating`, { query: { secret }, body }),
  publishedFeedback: (q: { agencyId?: string; cursor?: string | null; limit?: number }) =>
    request<{ items: PublishedFeedback[]; next: string | null }>('GET', '/public/feedback', { query: { ...q } }),
  stats: (q: { agencyId: string; period: 'month' | 'year'; date?: string }) => request<UnitStats>('GET', '/public/stats', { query: { ...q } }),
};

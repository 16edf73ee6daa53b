/**
 * Calls of the reform-inspection API (/api/reform/inspection-…) used by the "Kiểm tra CCHC" screens, with the
 * response shapes of the contract (issue 9 §2). The visit page itself reads and writes through the offline store
 * (src/web/offline/): only plans, start/finish and the documents go straight to the API.
 */
import type { ChecklistSummary, Coverage, ItemResult } from '../../../../core/reform/inspections/index.ts';
import { apiUrl, request as http, type HttpOptions } from '../../../../client/http.ts';
import { UNAUTHENTICATED_EVENT } from '../../../api.ts';

export type { ItemResult };

function request<T>(method: string, path: string, opts: HttpOptions = {}): Promise<T> {
  return http<T>(method, path, { ...opts, onError: (e) => e.status === 401 && window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT)) });
}

type AgencyRef = { id: string; name: string; code?: string };
type Who = { id: string; name: string } | null;

export interface TemplateItem { code: string; group: string; title: string; guidance: string; figure?: string | null }
export interface Template { id: string; unitType: string; title: string; validFrom: string; validTo: string | null; items: TemplateItem[] }

export type PlanStatus = 'draft' | 'approved';
export type VisitStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';
export interface PlanSummary { id: string; year: number; kind: 'province' | 'self'; title: string; ownerAgency: AgencyRef; status: PlanStatus; visitCount: number; doneCount: number; version: number }
export interface PlanVisit { id: string; agency: AgencyRef & { code: string }; scheduledOn: string | null; surprise: boolean; status: VisitStatus; version: number }
export interface TeamMember { staffId: string; name: string; agency: AgencyRef; role: 'leader' | 'member' }
export interface Plan extends PlanSummary { templateId: string; visits: PlanVisit[]; team: TeamMember[]; coverage?: Coverage | null }

export interface PlanInputBody {
  year: number;
  kind: 'province' | 'self';
  title: string;
  ownerAgencyId: string;
  templateId: string;
  visits: { agencyId: string; scheduledOn: string | null; surprise: boolean }[];
  team: { staffId: string; agencyId: string; role: 'leader' | 'member' }[];
}

export interface Figure { key: string; value: string | number | null; label: string; query: string | null }
export interface VisitItem { code: string; group: string; title: string; guidance: string; figure?: Figure | null; result: ItemResult | null; note: string; version: number; updatedBy: Who; updatedAt: string | null }
export interface VisitPhoto { id: string; clientPhotoId: string; itemCode: string; fileName: string; contentType: string; size: number; takenAt: string | null; url: string }
/** `number` is the register's number; shown with its symbol as "07/TB-SNV" (core documentNumber). */
export interface VisitDocumentRef { kind: DocumentKind; status: 'draft' | 'issued'; number: number | null; version: number }
export interface Visit {
  id: string;
  plan: { id: string; title: string; year: number };
  agency: AgencyRef;
  status: VisitStatus;
  scheduledOn: string | null;
  surprise: boolean;
  startedAt: string | null;
  doneAt: string | null;
  version: number;
  period: { from: string; to: string };
  items: VisitItem[];
  photos: VisitPhoto[];
  summary: ChecklistSummary;
  documents: VisitDocumentRef[];
  me: { role: 'leader' | 'member' | null };
}
export interface VisitSummary { id: string; plan?: { id: string; title: string; year: number }; agency: AgencyRef; status: VisitStatus; scheduledOn: string | null; surprise: boolean; version: number }

export type DocumentKind = 'minutes' | 'conclusion';
export interface Recommendation { id: string; ownerAgencyId: string; content: string; deadline: string | null }
export interface VisitDocument {
  kind: DocumentKind;
  status: 'draft' | 'issued';
  version: number;
  number: number | null;
  symbol: string;
  place: string;
  date: string | null;
  subject: string;
  sections: { key: string; heading: string; body: string }[];
  findings: unknown[];
  recommendations?: Recommendation[];
  recipients: string[];
  signer: { title: string; name: string };
}
/** A row of GET /remediation-tasks (contract: owner, content, deadline, status, overdue, source). */
export interface RemediationRow { id: string; owner: AgencyRef; content: string; deadline: string; status: string; statusLabel: { vi: string; en?: string }; overdue: boolean; source: { kind: string; link: string } }

const R = '/reform';
const V = (id: string) => `${R}/inspection-visits/${id}`;
export const inspectionApi = {
  templates: () => request<{ items: Template[] }>('GET', `${R}/inspection-templates`).then((r) => r.items),
  plans: (year: number) => request<{ items: PlanSummary[] }>('GET', `${R}/inspection-plans`, { query: { year } }).then((r) => r.items),
  plan: (id: string) => request<Plan>('GET', `${R}/inspection-plans/${id}`),
  createPlan: (b: PlanInputBody) => request<Plan>('POST', `${R}/inspection-plans`, { body: b }),
  updatePlan: (id: string, b: PlanInputBody & { version: number }) => request<Plan>('PATCH', `${R}/inspection-plans/${id}`, { body: b }),
  approvePlan: (id: string, version: number) => request<Plan>('POST', `${R}/inspection-plans/${id}/approve`, { body: { version } }),
  visits: (q: { year?: number; status?: string }) => request<{ items: VisitSummary[] }>('GET', `${R}/inspection-visits`, { query: q }).then((r) => r.items),
  visit: (id: string) => request<Visit>('GET', V(id)),
  start: (id: string, version: number) => request<Visit>('POST', `${V(id)}/start`, { body: { version } }),
  finish: (id: string, version: number) => request<Visit>('POST', `${V(id)}/finish`, { body: { version } }),
  document: (id: string, kind: DocumentKind) => request<VisitDocument>('GET', `${V(id)}/documents/${kind}`),
  saveDocument: (id: string, kind: DocumentKind, b: { version: number; subject?: string; sections: { key: string; heading: string; body: string }[]; recommendations?: Recommendation[] }) =>
    request<VisitDocument>('PUT', `${V(id)}/documents/${kind}`, { body: b }),
  issue: (id: string, kind: DocumentKind, version: number) => request<VisitDocument>('POST', `${V(id)}/documents/${kind}/issue`, { body: { version } }),
  tasks: (visitId: string) =>
    request<{ items: RemediationRow[] }>('GET', `${R}/remediation-tasks`, { query: { source: 'inspection', visitId } }).then((r) => r.items),
};

export const inspectionLinks = {
  pdf: (visitId: string, kind: DocumentKind) => apiUrl(`${V(visitId)}/documents/${kind}.pdf`),
  /** The API path of the sync endpoint and of the photo upload (used by the offline sync loop). */
  sync: (visitId: string) => apiUrl(`${V(visitId)}/sync`),
  photos: (visitId: string) => apiUrl(`${V(visitId)}/photos`),
  visit: (visitId: string) => apiUrl(V(visitId)),
};

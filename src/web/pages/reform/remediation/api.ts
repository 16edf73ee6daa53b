/** Calls of the remediation and reform-dashboard API (/api/reform/remediation-tasks…, /api/reform/dashboard…). */
import { request as http, type HttpOptions } from '../../../../client/http.ts';
import { UNAUTHENTICATED_EVENT } from '../../../api.ts';

function request<T>(method: string, path: string, opts: HttpOptions = {}): Promise<T> {
  return http<T>(method, path, { ...opts, onError: (e) => e.status === 401 && window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT)) });
}
type Text = { vi: string; en?: string };
export type AgencyRef = { id: string; code: string; name: string };
export type TaskStatus = 'open' | 'reported' | 'accepted' | 'returned';

export interface TaskSummary {
  id: string; owner: AgencyRef; content: string; deadline: string; noticeDate: string; status: TaskStatus; statusLabel: Text; overdue: boolean; everReported: boolean; version: number;
  source: { kind: 'inspection'; inspectionId: string; recommendationId: string; link: string } | { kind: 'par'; roundId: string; nodeCode: string; link: string };
}
export interface Task extends TaskSummary {
  history: { id: number; action: string; from: string | null; to: string | null; body: string | null; actor: { id: string; name: string } | null; at: string }[];
  evidence: { id: string; historyId: number; sha256: string; fileName: string; addedAt: string }[];
  can: { report: boolean; accept: boolean; return: boolean };
}
export interface Figure { key: string; label: Text; count: number; rows: Record<string, unknown>[] }
export interface DashboardUnit {
  agency: AgencyRef;
  par: { index: string | null; rank: number | null; of: number | null; group: string | null; roundStatus: string | null };
  parLastYear: { index: string | null; rank: number | null };
  round: { roundId: string; status: string; label: Text; selfDeadline: string } | null;
  inspections: { planned: number; done: number; inProgress: number; findings: number };
  remediation: { open: number; overdue: number; reported: number; accepted: number };
}
export interface Dashboard { agency: AgencyRef; year: number; today: string; asOf: string; figures: Figure[]; units: DashboardUnit[] }
export interface UnitHistory {
  agency: AgencyRef;
  years: { year: number; par: { index: string | null; rank: number | null; of: number | null; group: string | null; roundId?: string }; lostPoints: { count: number; top: { nodeCode: string; title: string; lost: string }[] }; inspections: { planned: number; done: number; findings: number }; remediation: { total: number; open: number; overdue: number; accepted: number }; tasks: TaskSummary[] }[];
}

const T = '/reform/remediation-tasks';
export const remedApi = {
  list: (q: { agencyId?: string; status?: string; overdue?: boolean; source?: string; cursor?: string | null }) =>
    request<{ items: TaskSummary[]; nextCursor: string | null }>('GET', T, { query: { agencyId: q.agencyId, status: q.status, overdue: q.overdue ? 'true' : undefined, source: q.source, cursor: q.cursor ?? undefined } }),
  task: (id: string) => request<Task>('GET', `${T}/${id}`),
  create: (b: { roundId: string; agencyId: string; nodeCode: string; content: string; deadline?: string }) => request<Task>('POST', T, { body: b }),
  report: (id: string, version: number, report: string, evidence: { sha256: string; fileName: string }[]) => request<Task>('POST', `${T}/${id}/report`, { body: { version, report, evidence } }),
  accept: (id: string, version: number, comment: string) => request<Task>('POST', `${T}/${id}/accept`, { body: { version, ...(comment ? { comment } : {}) } }),
  returnTask: (id: string, version: number, comment: string) => request<Task>('POST', `${T}/${id}/return`, { body: { version, comment } }),
  dashboard: (year?: number, agencyId?: string) => request<Dashboard>('GET', '/reform/dashboard', { query: { year, agencyId } }),
  unitHistory: (agencyId: string) => request<UnitHistory>('GET', `/reform/units/${agencyId}/history`),
};

/**
 * Calls of the reform-report API (/api/reform/…) used by the "Báo cáo CCHC định kỳ" screens. The figures are the
 * core's type (src/core/reform/figures.ts), imported as a type only.
 */
import type { ReportFigures, ReportKind, ReportSection, ReportStanding, ReportStatus } from '../../../core/reform/index.ts';
import { apiUrl, request as http, type HttpOptions } from '../../../client/http.ts';
import { UNAUTHENTICATED_EVENT } from '../../api.ts';

export type { ReportFigures, ReportKind, ReportSection, ReportStanding, ReportStatus };

function request<T>(method: string, path: string, opts: HttpOptions = {}): Promise<T> {
  return http<T>(method, path, {
    ...opts,
    onError: (e) => {
      if (e.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
    },
  });
}

type Text = { vi: string; en: string };
type AgencyRef = { id: string; code: string; name: string };

export interface ReportSummary {
  id: string;
  agency: AgencyRef;
  year: number;
  kind: ReportKind;
  kindLabel: Text;
  title: string;
  status: ReportStatus;
  version: number;
  standing: ReportStanding;
  standingLabel: Text;
  late: boolean;
  daysLate: number;
  cutoff: { from: string; to: string };
  deadline: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: { id: string; name: string | null } | null;
}

export interface Report extends ReportSummary {
  legalBasis: string;
  figures: ReportFigures;
  sections: ReportSection[];
  createdBy: { id: string; name: string | null } | null;
  can: { edit: boolean; refresh: boolean; submit: boolean; withdraw: boolean };
}

export interface OverviewRow {
  agency: AgencyRef;
  report: { id: string; status: ReportStatus; version: number; submittedAt: string | null; updatedAt: string } | null;
  standing: ReportStanding;
  standingLabel: Text;
  late: boolean;
  daysLate: number;
}

export interface Overview {
  parent: AgencyRef;
  year: number;
  kind: ReportKind;
  kindLabel: Text;
  cutoff: { from: string; to: string };
  deadline: string;
  lateFrom: string;
  legalBasis: string;
  asOf: string;
  rows: OverviewRow[];
  summary: { units: number; submittedOnTime: number; submittedLate: number; draft: number; notStarted: number; late: number };
}

export const reformApi = {
  list: (q: { year?: number; kind?: ReportKind; agencyId?: string }, signal?: AbortSignal) =>
    request<{ items: ReportSummary[] }>('GET', '/reform/reports', { query: q, ...(signal ? { signal } : {}) }).then((r) => r.items),
  get: (id: string, signal?: AbortSignal) => request<Report>('GET', `/reform/reports/${id}`, signal ? { signal } : {}),
  create: (agencyId: string, year: number, kind: ReportKind) => request<Report>('POST', '/reform/reports', { body: { agencyId, year, kind } }),
  edit: (id: string, version: number, sections: { key: string; heading?: string; body: string }[]) => request<Report>('PUT', `/reform/reports/${id}`, { body: { version, sections } }),
  refresh: (id: string, version: number) => request<Report>('POST', `/reform/reports/${id}/refresh`, { body: { version } }),
  submit: (id: string, version: number) => request<Report>('POST', `/reform/reports/${id}/submit`, { body: { version } }),
  withdraw: (id: string, version: number) => request<Report>('POST', `/reform/reports/${id}/withdraw`, { body: { version } }),
  overview: (q: { year: number; kind: ReportKind; agencyId?: string }, signal?: AbortSignal) =>
    request<Overview>('GET', '/reform/overview', { query: q, ...(signal ? { signal } : {}) }),
};

export const reformLinks = {
  docx: (id: string) => apiUrl(`/reform/reports/${id}/document.docx`),
  pdf: (id: string) => apiUrl(`/reform/reports/${id}/document.pdf`),
};

/**
 * Calls of the monitoring API (service index, Decision 766) used by the staff console's "Chỉ số phục vụ"
 * screens; the shapes are the core's types (src/core/service-index/dashboard.ts, score.ts, profile.ts), imported
 * as types only so no server or validation code reaches the bundle.
 */
import type { IndexDashboard, IndicatorDossierRow, IndicatorProcedureRow, Rankings } from '../../../core/service-index/dashboard.ts';
import type { PeriodKind } from '../../../core/service-index/period.ts';
import type { ScoringProfile } from '../../../core/service-index/profile.ts';
import type { IndexResult, IndicatorScore, MetricCount, MetricDifference } from '../../../core/service-index/score.ts';
import { apiUrl, request as http, type HttpOptions, type Query } from '../../../client/http.ts';
import { UNAUTHENTICATED_EVENT } from '../../api.ts';

export type { IndexDashboard, IndicatorDossierRow, IndicatorProcedureRow, Rankings, ScoringProfile, IndexResult, IndicatorScore, MetricCount, MetricDifference, PeriodKind };

function request<T>(method: string, path: string, opts: HttpOptions = {}): Promise<T> {
  return http<T>(method, path, {
    ...opts,
    onError: (e) => {
      if (e.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT));
    },
  });
}

/** The period query common to every monitoring endpoint (only the fields its kind uses). */
export interface PeriodQuery {
  agencyId: string;
  period: PeriodKind;
  year?: number;
  index?: number;
  from?: string;
  to?: string;
  profile?: string;
}

export type DossierFilter = 'missing' | 'numerator' | 'denominator';

export interface Reconciliation {
  imported: { id: string; source: string; createdAt: string } | null;
  portal: IndexResult | null;
  motcua: IndexResult;
  differences: MetricDifference[];
}

export interface ReconciliationBody extends PeriodQuery {
  source: string;
  metrics: MetricCount[];
}

const q = (p: PeriodQuery, extra: Query = {}): Query => ({ ...p, ...extra });

/** Indicators whose dossiers can be listed (GET /api/monitoring/index/dossiers answers 422 for the others). */
export const DOSSIER_INDICATORS: ReadonlySet<string> = new Set([
  'DOSSIER_SYNC',
  'ON_TIME',
  'ONLINE_DOSSIERS',
  'PAYMENT_DOSSIERS',
  'ORIGINAL_RESULT_AVAILABLE',
  'SO_HOA_GIAY_TO_GIAI_QUYET',
  'REUSED_DIGITIZED_DATA',
  'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
  'CITIZEN_DATA_CONNECTED_DOSSIER',
  'DOSSIER_RECEIVING_SATISFACTION',
]);

export const monitoringApi = {
  profiles: (signal?: AbortSignal) => request<{ defaultId: string; profiles: ScoringProfile[] }>('GET', '/monitoring/profiles', signal ? { signal } : {}),
  dashboard: (p: PeriodQuery, signal?: AbortSignal) => request<IndexDashboard>('GET', '/monitoring/index', { query: q(p), ...(signal ? { signal } : {}) }),
  procedures: (p: PeriodQuery, indicator: string, signal?: AbortSignal) =>
    request<{ indicator: IndicatorScore; rows: IndicatorProcedureRow[] }>('GET', '/monitoring/index/procedures', { query: q(p, { indicator }), ...(signal ? { signal } : {}) }),
  /** One page of the drill-down; `cursor` is the `next` of the previous page (keyset paging). */
  dossiers: (p: PeriodQuery, o: { indicator: string; procedureId?: string | null; filter: DossierFilter; limit: number; cursor?: string | undefined }, signal?: AbortSignal) =>
    request<{ rows: IndicatorDossierRow[]; hasMore: boolean; next: string | null }>('GET', '/monitoring/index/dossiers', {
      query: q(p, { indicator: o.indicator, procedureId: o.procedureId ?? undefined, filter: o.filter, limit: o.limit, cursor: o.cursor }),
      ...(signal ? { signal } : {}),
    }),
  rankings: (p: PeriodQuery, o: { sort: string; minDossiers?: number | null }, signal?: AbortSignal) =>
    request<Rankings>('GET', '/monitoring/rankings', { query: q(p, { sort: o.sort, minDossiers: o.minDossiers ?? undefined }), ...(signal ? { signal } : {}) }),
  reconciliation: (p: PeriodQuery, signal?: AbortSignal) => request<Reconciliation>('GET', '/monitoring/reconciliation', { query: q(p), ...(signal ? { signal } : {}) }),
  importPortalCounts: (body: ReconciliationBody) => request<{ id: string }>('POST', '/monitoring/reconciliations', { body }),
  /** Reads the portal's exported Excel (or JSON) file on the server; nothing is stored. */
  readPortalCountsFile: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<{ fileName: string | null; metrics: MetricCount[] }>('POST', '/monitoring/reconciliations/read', { form });
  },
};

/** Links to the exports (binary attachments; the session cookie travels with them). */
export const monitoringLinks = {
  dashboard: (p: PeriodQuery, format: 'xlsx' | 'pdf') => apiUrl(`/monitoring/index.${format}`, q(p)),
  drilldown: (p: PeriodQuery, indicator: string) => apiUrl('/monitoring/index/drilldown.xlsx', q(p, { indicator })),
  rankings: (p: PeriodQuery, sort: string, format: 'xlsx' | 'pdf', minDossiers?: number | null) =>
    apiUrl(`/monitoring/rankings.${format}`, q(p, { sort, minDossiers: minDossiers ?? undefined })),
};

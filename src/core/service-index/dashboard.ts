/**
 * The shapes the monitoring API answers with (types only), shared by the server, the exports and the web apps.
 */
import type { Period } from './period.ts';
import type { IndexResult } from './score.ts';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface PeriodFigures {
  received: number;
  finished: number;
  finishedOnTime: number;
  openAtEnd: number;
  lateOpenAtEnd: number;
  /** Average processing time of finished dossiers in days (supplement time excluded). */
  averageProcessingDays: number | null;
}

export interface TrendPoint {
  period: Period;
  total: number;
  scaled: number;
  groups: Record<string, number>;
}

export interface IndexDashboard {
  agency: AgencyRef;
  period: Period;
  /** Open dossiers are judged at this instant's day end: the period end, or today for a running period. */
  judgedOn: string;
  profile: { id: string; name: { vi: string; en: string } };
  result: IndexResult;
  figures: PeriodFigures;
  previous: { period: Period; result: IndexResult; figures: PeriodFigures };
  /** The months of the period's year up to its end (or today). */
  trend: TrendPoint[];
  /**
   * Indicators motcua cannot measure itself (source `external`, e.g. publication on time) whose counts were taken
   * from the national portal's figures imported for exactly this unit and period (reconciliation).
   */
  importedCodes: string[];
}

/** One procedure behind an indicator (drill-down level 1). */
export interface IndicatorProcedureRow {
  procedureId: string;
  code: string;
  name: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  /** denominator − numerator: what costs the unit points. */
  missing: number;
}

/** One dossier behind an indicator (drill-down level 2). */
export interface IndicatorDossierRow {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  agencyName: string;
  state: string;
  receivedAt: string | null;
  dueAt: string | null;
  /** The appointment the judgement used (the due date before an apology moved it); equals dueAt when none did. */
  appointmentAt: string | null;
  finishedAt: string | null;
  /** Whether it is in the numerator (true) or only the denominator (false). */
  counts: boolean;
  /** Why it does not count (vi), e.g. "Trễ hạn từ 17:00 26/02/2026". */
  reason: string | null;
}

export interface RankingRow {
  agency: AgencyRef;
  received: number;
  /** Enough dossiers (profile's minimum) to be ranked. */
  eligible: boolean;
  rank: number | null;
  total: number;
  scaled: number;
  band: { code: string; label: { vi: string; en: string } };
  groups: Record<string, number>;
}

export interface Rankings {
  parent: AgencyRef;
  period: Period;
  profile: { id: string; name: { vi: string; en: string } };
  minDossiers: number;
  rows: RankingRow[];
}

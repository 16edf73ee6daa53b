/**
 * The figures a reform report quotes, taken once from the service-index dashboard of the unit over the report's
 * cut-off range and kept in the report as a snapshot: a submitted report never changes when the data later does.
 * Pure: the dashboard and the computation time are parameters.
 */
import type { LocalDate } from '../calendar/types.ts';
import type { IndexDashboard } from '../service-index/dashboard.ts';
import type { IndicatorScore } from '../service-index/score.ts';

export interface RateFigure {
  numerator: number;
  denominator: number;
  /** Percentage with 2 decimals; null when the denominator is 0. */
  rate: number | null;
}

/**
 * The reform part of the snapshot, read from the reform modules (PAR round, inspections, remediation) for the
 * report's unit and year, up to the computation time. Absent (undefined) in snapshots taken before it existed, and
 * null where the reform modules were not available: the sections are then drafted without it.
 */
export interface ReformFigures {
  year: number;
  /** The unit in this year's latest PAR round; null when it is in none. */
  par: {
    roundTitle: string;
    roundStatus: string;
    /** The unit's self-assessment: draft | submitted (as stored). */
    unitStatus: string;
    selfDeadline: LocalDate;
    /** Index so far ("85.50"); rank and of once published. */
    index: string | null;
    rank: number | null;
    of: number | null;
  } | null;
  /** Inspection visits of the year to the unit (cancelled ones left out) and the shortcomings found. */
  inspections: { done: number; planned: number; inProgress: number; findings: number; lastVisitOn: LocalDate | null };
  /** The unit's remediation tasks (inspection conclusions and PAR lost points), as the reform dashboard tallies them. */
  remediation: { total: number; open: number; reported: number; accepted: number; returned: number; overdue: number };
  /** Incoming documents processed electronically: null while motcua has no document office (unknown). */
  documents: RateFigure | null;
}

export interface ReportFigures {
  /** The data cut-off (inclusive local dates). */
  cutoff: { from: LocalDate; to: LocalDate };
  /** When the figures were computed (ISO, Vietnam time). */
  computedAt: string;
  /** Open dossiers were judged at the end of this day (the cut-off end, or the computation day if earlier). */
  judgedOn: string;
  agency: { id: string; code: string; name: string };
  profile: { id: string; name: { vi: string; en: string } };
  dossiers: {
    received: number;
    finished: number;
    finishedOnTime: number;
    /** Finished after their due date. */
    finishedLate: number;
    openAtEnd: number;
    /** Open at the cut-off end and already past their due date. */
    openLate: number;
    /** finishedLate + openLate. */
    late: number;
    /** finishedOnTime ÷ finished. */
    onTime: RateFigure;
    /** Index indicator ONLINE_DOSSIERS: online dossiers ÷ dossiers received. */
    online: RateFigure | null;
    /** Index indicator PAYMENT_DOSSIERS: dossiers paid online ÷ dossiers with a fee. */
    onlinePayment: RateFigure | null;
    /** Index indicator SO_HOA_GIAY_TO_GIAI_QUYET: dossiers digitised ÷ dossiers received. */
    digitisation: RateFigure | null;
    averageProcessingDays: number | null;
  };
  feedback: {
    /** Feedback (phản ánh, kiến nghị) received in the range. */
    received: number;
    /** Handled within the time limit (or still within it). */
    onTime: number;
    /** Not rated dissatisfied, not re-raised, not overdue. */
    satisfied: number;
  };
  index: {
    total: number;
    scaled: number;
    applicableMax: number;
    band: { code: string; label: { vi: string; en: string } };
    groups: { code: string; name: { vi: string; en: string }; score: number; max: number; applicableMax: number }[];
  };
  reform?: ReformFigures | null;
}

export const pctOf = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10000 + Number.EPSILON) / 100 : null;

function rateOf(ind: IndicatorScore | undefined): RateFigure | null {
  if (!ind || ind.numerator === null || ind.denominator === null) return null;
  return { numerator: ind.numerator, denominator: ind.denominator, rate: pctOf(ind.numerator, ind.denominator) };
}

/** The report's figures from the dashboard of the cut-off range (and the reform part, when read). */
export function figuresFromDashboard(d: IndexDashboard, computedAt: string, reform?: ReformFigures | null): ReportFigures {
  const indicators = new Map(d.result.groups.flatMap((g) => g.indicators).map((i) => [i.code, i]));
  const f = d.figures;
  const finishedLate = Math.max(0, f.finished - f.finishedOnTime);
  const fbReceived = indicators.get('PETITION_PROCESSING_ON_TIME')?.denominator ?? indicators.get('PETITION_HANDLING_SATISFACTION')?.denominator ?? 0;
  return {
    cutoff: { from: d.period.from, to: d.period.to },
    computedAt,
    judgedOn: d.judgedOn,
    agency: { id: d.agency.id, code: d.agency.code, name: d.agency.name },
    profile: { id: d.profile.id, name: d.profile.name },
    dossiers: {
      received: f.received,
      finished: f.finished,
      finishedOnTime: f.finishedOnTime,
      finishedLate,
      openAtEnd: f.openAtEnd,
      openLate: f.lateOpenAtEnd,
      late: finishedLate + f.lateOpenAtEnd,
      onTime: { numerator: f.finishedOnTime, denominator: f.finished, rate: pctOf(f.finishedOnTime, f.finished) },
      online: rateOf(indicators.get('ONLINE_DOSSIERS')),
      onlinePayment: rateOf(indicators.get('PAYMENT_DOSSIERS')),
      digitisation: rateOf(indicators.get('SO_HOA_GIAY_TO_GIAI_QUYET')),
      averageProcessingDays: f.averageProcessingDays,
    },
    feedback: {
      received: fbReceived,
      onTime: indicators.get('PETITION_PROCESSING_ON_TIME')?.numerator ?? 0,
      satisfied: indicators.get('PETITION_HANDLING_SATISFACTION')?.numerator ?? 0,
    },
    index: {
      total: d.result.total,
      scaled: d.result.scaled,
      applicableMax: d.result.applicableMax,
      band: { code: d.result.band.code, label: d.result.band.label },
      groups: d.result.groups.map((g) => ({ code: g.code, name: g.name, score: g.score, max: g.max, applicableMax: g.applicableMax })),
    },
    ...(reform !== undefined ? { reform } : {}),
  };
}

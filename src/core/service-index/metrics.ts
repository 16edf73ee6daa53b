/**
 * From summed counters to indicator counts (numerator, denominator per indicator code). Pure. The server sums the
 * counters of a scope and period (modules/monitoring) and calls these; the drill-down calls them per procedure.
 */
import type { Counters } from './facts.ts';
import type { MetricCount } from './score.ts';

/** The running balances at a day's end: each is the sum of its delta counter over every day up to it. */
export interface Balances {
  /** Dossiers open (openDelta), and of them already late (lateOpenDelta). */
  open: number;
  lateOpen: number;
  /** Open dossiers not complained about nor rated dissatisfied (contentOpenDelta), and of them late (contentLateOpenDelta). */
  contentOpen: number;
  contentLateOpen: number;
}

export const BALANCE_COUNTERS = { open: 'openDelta', lateOpen: 'lateOpenDelta', contentOpen: 'contentOpenDelta', contentLateOpen: 'contentLateOpenDelta' } as const satisfies Record<keyof Balances, keyof Counters>;

export const zeroBalances = (): Balances => ({ open: 0, lateOpen: 0, contentOpen: 0, contentLateOpen: 0 });

/** Counters summed over the period, plus the open balances at its end. */
export interface PeriodCounts {
  /** Receipt- and finish-day counters summed over [from, to]. */
  sums: Counters;
  /** The balances at the judging day's end (the period end, or today while it runs). */
  atEnd: Balances;
}

/** Indicators computed from dossiers. */
export function dossierMetrics(c: PeriodCounts): MetricCount[] {
  const s = c.sums;
  const e = c.atEnd;
  // The "progress" population (core/service-index/drill.ts): finished in the period or open at its end.
  const progressDen = s.finished + e.open;
  const progressNum = s.finishedOnTime + (e.open - e.lateOpen);
  // Of it, not late and not complained about / rated dissatisfied: the same population, one more condition.
  const contentNum = s.finishedOnTimeContent + (e.contentOpen - e.contentLateOpen);
  return [
    { code: 'DOSSIER_SYNC', numerator: s.synced, denominator: s.received },
    { code: 'ON_TIME', numerator: progressNum, denominator: progressDen },
    { code: 'ONLINE_DOSSIERS', numerator: s.onlineCompliant, denominator: s.received },
    { code: 'PAYMENT_DOSSIERS', numerator: s.paidOnline, denominator: s.feeBearing },
    { code: 'ORIGINAL_RESULT_AVAILABLE', numerator: s.finishedElectronic, denominator: s.finished },
    { code: 'SO_HOA_GIAY_TO_GIAI_QUYET', numerator: s.digitised, denominator: s.received },
    { code: 'REUSED_DIGITIZED_DATA', numerator: s.reused, denominator: s.received },
    { code: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE', numerator: s.citizenStore, denominator: s.received },
    { code: 'CITIZEN_DATA_CONNECTED_DOSSIER', numerator: s.eid, denominator: s.received },
    // 100 % − (late rate + dissatisfied/complained rate) over the progress population: the dossiers of it that are
    // neither late nor complained about (a late and complained one costs once; a withdrawn one is not in it).
    { code: 'DOSSIER_RECEIVING_SATISFACTION', numerator: contentNum, denominator: progressDen },
  ];
}

/** Catalog facts of a procedure the unit handles, and its dossier counters in the period. */
export interface ProcedurePeriodStats {
  procedureId: string;
  onlineLevel: 'none' | 'partial' | 'full';
  feeBearing: boolean;
  citizenSubject: boolean;
  /** The public record has every mandatory part (name, steps, channels, components, time limit, subjects, agency…). */
  contentFull: boolean;
  online: number;
  paidOnline: number;
  feeBearingDossiers: number;
  eid: number;
}

/** Indicators computed from the catalog and per-procedure activity. */
export function procedureMetrics(procs: readonly ProcedurePeriodStats[]): MetricCount[] {
  const onlineServices = procs.filter((p) => p.onlineLevel !== 'none');
  const fee = procs.filter((p) => p.feeBearing);
  const citizen = procs.filter((p) => p.citizenSubject);
  return [
    { code: 'PUBLIC_CONTENT_FULL', numerator: procs.filter((p) => p.contentFull).length, denominator: procs.length },
    { code: 'ONLINE_PROVIDED', numerator: onlineServices.length, denominator: procs.length },
    { code: 'ONLINE_USED', numerator: onlineServices.filter((p) => p.online > 0).length, denominator: onlineServices.length },
    { code: 'PAYMENT_PROCEDURES_USED', numerator: fee.filter((p) => p.paidOnline > 0).length, denominator: fee.length },
    { code: 'PAYMENT_PROCEDURES_INTEGRATED', numerator: fee.filter((p) => p.feeBearingDossiers > 0).length, denominator: fee.length },
    { code: 'CITIZEN_DATA_CONNECTED_FORMALITY', numerator: citizen.filter((p) => p.eid > 0).length, denominator: citizen.length },
  ];
}

export interface FeedbackPeriodStats {
  received: number;
  /** Handled within the deadline, or still open and not overdue at the period end. */
  onTime: number;
  /** Not rated dissatisfied, not re-raised, not overdue. */
  satisfied: number;
  aboutProcedures: number;
  aboutStaff: number;
}

export function feedbackMetrics(f: FeedbackPeriodStats): MetricCount[] {
  return [
    { code: 'PETITION_CLASSIFICATION_TTHC', numerator: f.aboutProcedures, denominator: f.received },
    { code: 'PETITION_CLASSIFICATION_STAFF', numerator: f.aboutStaff, denominator: f.received },
    { code: 'PETITION_PROCESSING_ON_TIME', numerator: f.onTime, denominator: f.received },
    { code: 'PETITION_HANDLING_SATISFACTION', numerator: f.satisfied, denominator: f.received },
    // No electronic certified-copy service runs through motcua yet: nothing requested (full points by the profile).
    { code: 'ELECTRONIC_CERTIFIED_COPY', numerator: 0, denominator: 0 },
  ];
}

/** Average processing time of finished dossiers, in days (supplement time excluded); null when none. */
export function averageProcessingDays(s: Counters): number | null {
  return s.finished > 0 ? Math.round((s.processingSeconds / s.finished / 86_400) * 100) / 100 : null;
}

/**
 * One dossier's contribution to the service index, derived from its record and append-only history only.
 *
 * `dossierFacts` classifies a dossier (pure, from its row, history, documents, payments, rating and complaints);
 * `contributions` turns the facts into additive counter deltas per (agency, procedure, local day). The server
 * keeps one facts row per dossier and, in the transaction of every change, adds contributions(new) −
 * contributions(old) to the counters; the rebuild command sums contributions(facts) over all dossiers. Both paths
 * share these two functions, so they agree by construction (and a randomised test checks they do).
 *
 * Classification rules (domain doc service-index-766.md, "ON_TIME"):
 * - A dossier counts from its receipt (the desk accepting it; postal: the hand-over time). Dossiers refused at
 *   intake or never received do not count.
 * - The appointment that judges it is the one set at receipt or at the restart after a supplement (the applicant's
 *   supplement time is excluded: the clock restarts in full). An apology's new date does not change the
 *   judgement: a dossier past its appointment is late even if the applicant was apologised to.
 * - A dossier becomes late at the instant its running clock passes the appointment, or at its second supplement
 *   request (more than one supplement request makes a dossier late). Once late, it stays late.
 * - It finishes when the result is ready, it is refused, or it is stopped; it is on time if it finished before
 *   becoming late. A withdrawn dossier leaves the progress figures at its withdrawal (it counts while it was open,
 *   it is never "finished").
 * - An unfinished dossier is judged at the period end: in the period's denominator, and late iff it had become
 *   late by then (`lateOpenDelta`).
 */
import { toLocalDate } from '../calendar/time.ts';
import { readDossierEvent } from '../dossier/events.ts';
import type { LocalDate } from '../calendar/types.ts';

/**
 * Version of the classification and of the counters it feeds. A change re-derives every facts row and rebuilds the
 * counters (index-maintenance.ts ensureIndexRules, run at server start).
 * 2026-2: satisfaction counters mirroring the drill-down (finishedOnTimeContent, contentOpenDelta, contentLateOpenDelta).
 * 2026-3: the facts keep the appointment the judgement used (appointmentAt), shown by the drill-down.
 */
export const RULES_VERSION = 'classification-2026-3';

/** The counters kept per (agency, procedure, day) and rolled up per month. */
export const COUNTERS = [
  // by receipt day
  'received',
  'online',
  'onlineCompliant',
  'synced',
  'digitised',
  'reused',
  'citizenStore',
  'eid',
  'feeBearing',
  'paidOnline',
  'dissatisfied',
  // by finish day
  'finished',
  'finishedOnTime',
  /** Finished, not late and not complained about / rated dissatisfied (DOSSIER_RECEIVING_SATISFACTION). */
  'finishedOnTimeContent',
  'finishedElectronic',
  'processingSeconds',
  // running balances (sum over all days ≤ the period end)
  'openDelta',
  'lateOpenDelta',
  /** Open and not complained about / rated dissatisfied; of them, late (the satisfaction balances). */
  'contentOpenDelta',
  'contentLateOpenDelta',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export const zeroCounters = (): Counters => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

export interface FactsHistoryEntry {
  seq: number;
  action: string;
  toState: string;
  at: Date;
  /** History data: `clock` (start | pause | restart | reappoint | finish | none), `dueAt` (ISO), `receivedAt` (ISO). */
  data: Record<string, unknown>;
}

export interface FactsInput {
  dossier: {
    id: string;
    procedureId: string;
    handlingAgencyId: string;
    channel: string;
    state: string;
    receivedAt: Date | null;
    feeTotal: number;
    eidAuthenticated: boolean;
    syncedAt: Date | null;
    paperResult: boolean;
    hasElectronicResult: boolean;
  };
  history: readonly FactsHistoryEntry[];
  documents: readonly { kind: string; digitised: boolean; reused: boolean; fromCitizenStore: boolean; electronicResult: boolean }[];
  /** A successful online payment was recorded. */
  paidOnline: boolean;
  /** The applicant rated the dossier "dissatisfied". */
  dissatisfiedRating: boolean;
  /** Feedback (a complaint) names the dossier. */
  complained: boolean;
}

export interface DossierFacts {
  dossierId: string;
  agencyId: string;
  procedureId: string;
  /** False: the dossier does not count (never received). */
  counted: boolean;
  receivedAt: Date | null;
  /** Finished (result ready / refused / stopped); null while open or when withdrawn. */
  finishedAt: Date | null;
  /** Withdrawn by the applicant: leaves the figures then. */
  withdrawnAt: Date | null;
  /** The instant from which it counts as late (projected from the current appointment while open). */
  lateAt: Date | null;
  /**
   * The appointment the judgement used: the due date of the running clock, set at receipt and at each restart
   * after a supplement. An apology's new date does not move it (the drill-down shows it beside the due date the
   * citizen was given, so "due 14/01, finished 12/01, late since 17:00 09/01" explains itself).
   */
  appointmentAt: Date | null;
  /** Why it is late: 'overdue' | 'supplements'. */
  lateReason: 'overdue' | 'supplements' | null;
  supplementRequests: number;
  processingSeconds: number;
  online: boolean;
  onlineCompliant: boolean;
  synced: boolean;
  digitised: boolean;
  reused: boolean;
  citizenStore: boolean;
  eid: boolean;
  feeBearing: boolean;
  paidOnline: boolean;
  electronicResult: boolean;
  dissatisfied: boolean;
}

const asDate = (v: unknown): Date | null => {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

const FINISH_STATES = new Set(['result_ready', 'refused', 'stopped']);

export function dossierFacts(input: FactsInput): DossierFacts {
  const d = input.dossier;
  const history = [...input.history].sort((a, b) => a.seq - b.seq);
  let receivedAt: Date | null = null;
  let finishedAt: Date | null = null;
  let withdrawnAt: Date | null = null;
  let lateAt: Date | null = null;
  let lateReason: DossierFacts['lateReason'] = null;
  let due: Date | null = null;
  let appointmentAt: Date | null = null;
  let running = false;
  let supplements = 0;
  let pausedSince: Date | null = null;
  let pausedMs = 0;

  const markLate = (at: Date, reason: 'overdue' | 'supplements') => {
    if (lateAt === null) {
      lateAt = at;
      lateReason = reason;
    }
  };
  for (const h of history) {
    // The typed event (version 1 rows upcast on read): the one reading of the clock fields.
    const ev = readDossierEvent(h).data;
    const clock = ev.clock;
    if (finishedAt || withdrawnAt) break;
    // Passing the appointment before this event makes the dossier late from the appointment.
    if (running && due && due.getTime() < h.at.getTime()) markLate(due, 'overdue');
    switch (clock) {
      case 'start':
        receivedAt = asDate(ev.receivedAt) ?? h.at;
        due = asDate(ev.dueAt);
        appointmentAt = due;
        running = true;
        break;
      case 'pause':
        supplements += 1;
        running = false;
        pausedSince = h.at;
        if (supplements > 1) markLate(h.at, 'supplements');
        break;
      case 'restart':
        if (pausedSince) pausedMs += h.at.getTime() - pausedSince.getTime();
        pausedSince = null;
        due = asDate(ev.dueAt);
        appointmentAt = due;
        running = true;
        break;
      case 'finish':
        if (receivedAt === null) break; // withdrawn before receipt
        if (h.toState === 'withdrawn') withdrawnAt = h.at;
        else if (FINISH_STATES.has(h.toState)) finishedAt = h.at;
        else withdrawnAt = h.at;
        if (pausedSince) pausedMs += h.at.getTime() - pausedSince.getTime();
        pausedSince = null;
        running = false;
        break;
      default:
        break;
    }
  }
  // Still open with a running clock: late from the appointment if nothing else happens.
  if (!finishedAt && !withdrawnAt && running && due) markLate(due, 'overdue');
  // A late instant after the end does not count.
  const end = finishedAt ?? withdrawnAt;
  if (lateAt && end && (lateAt as Date).getTime() >= end.getTime()) {
    lateAt = null;
    lateReason = null;
  }

  const inputs = input.documents.filter((x) => x.kind === 'input' || x.kind === 'supplement');
  const electronicResult = d.hasElectronicResult || input.documents.some((x) => x.electronicResult);
  const counted = receivedAt !== null;
  const online = d.channel === 'online';
  const digitisedInputs = inputs.length > 0 && inputs.every((x) => x.digitised);
  return {
    dossierId: d.id,
    agencyId: d.handlingAgencyId,
    procedureId: d.procedureId,
    counted,
    receivedAt,
    finishedAt,
    withdrawnAt,
    lateAt,
    appointmentAt,
    lateReason,
    supplementRequests: supplements,
    processingSeconds: finishedAt && receivedAt ? Math.max(0, Math.round(((finishedAt as Date).getTime() - (receivedAt as Date).getTime() - pausedMs) / 1000)) : 0,
    online,
    onlineCompliant: online && (!d.paperResult || electronicResult),
    synced: d.syncedAt !== null,
    digitised: digitisedInputs && (finishedAt === null || electronicResult),
    reused: inputs.some((x) => x.reused),
    citizenStore: input.documents.some((x) => x.fromCitizenStore),
    eid: d.eidAuthenticated,
    feeBearing: d.feeTotal > 0,
    paidOnline: d.feeTotal > 0 && input.paidOnline,
    electronicResult,
    dissatisfied: input.dissatisfiedRating || input.complained,
  };
}

export interface Contribution {
  day: LocalDate;
  counters: Partial<Counters>;
}

const b = (x: boolean) => (x ? 1 : 0);

/** The counter deltas of one dossier, per local day (agency and procedure are the facts'). */
export function contributions(f: DossierFacts): Contribution[] {
  if (!f.counted || !f.receivedAt) return [];
  const out: Contribution[] = [];
  const received = toLocalDate(f.receivedAt);
  out.push({
    day: received,
    counters: {
      received: 1,
      online: b(f.online),
      onlineCompliant: b(f.onlineCompliant),
      synced: b(f.synced),
      digitised: b(f.digitised),
      reused: b(f.reused),
      citizenStore: b(f.citizenStore),
      eid: b(f.eid),
      feeBearing: b(f.feeBearing),
      paidOnline: b(f.paidOnline),
      dissatisfied: b(f.dissatisfied),
      openDelta: 1,
      contentOpenDelta: b(!f.dissatisfied),
    },
  });
  const end = f.finishedAt ?? f.withdrawnAt;
  if (f.lateAt) out.push({ day: toLocalDate(f.lateAt), counters: { lateOpenDelta: 1, contentLateOpenDelta: b(!f.dissatisfied) } });
  if (end) {
    const c: Partial<Counters> = { openDelta: -1, contentOpenDelta: -b(!f.dissatisfied) };
    if (f.lateAt) {
      c.lateOpenDelta = -1;
      c.contentLateOpenDelta = -b(!f.dissatisfied);
    }
    if (f.finishedAt) {
      c.finished = 1;
      c.finishedOnTime = b(f.lateAt === null);
      c.finishedOnTimeContent = b(f.lateAt === null && !f.dissatisfied);
      c.finishedElectronic = b(f.electronicResult);
      c.processingSeconds = f.processingSeconds;
    }
    out.push({ day: toLocalDate(end), counters: c });
  }
  return out;
}

/** Key of a counter bucket. */
export type BucketKey = `${string}|${string}|${'d' | 'm'}|${LocalDate}`;

/**
 * Contributions of many dossiers (or the difference new − old of one), summed per (agency, procedure, grain,
 * bucket): each day's counters go to the daily bucket and to its month's bucket. Buckets whose counters are all
 * zero are dropped.
 */
export function bucketDeltas(plus: readonly DossierFacts[], minus: readonly DossierFacts[] = []): Map<BucketKey, Counters> {
  const acc = new Map<BucketKey, Counters>();
  const add = (f: DossierFacts, sign: 1 | -1) => {
    for (const c of contributions(f)) {
      const month = `${c.day.slice(0, 7)}-01`;
      for (const key of [`${f.agencyId}|${f.procedureId}|d|${c.day}`, `${f.agencyId}|${f.procedureId}|m|${month}`] as BucketKey[]) {
        let row = acc.get(key);
        if (!row) acc.set(key, (row = zeroCounters()));
        for (const [k, v] of Object.entries(c.counters) as [Counter, number][]) row[k] += sign * v;
      }
    }
  };
  for (const f of plus) add(f, 1);
  for (const f of minus) add(f, -1);
  for (const [k, row] of acc) if (COUNTERS.every((c) => row[c] === 0)) acc.delete(k);
  return acc;
}

export function parseBucketKey(k: BucketKey): { agencyId: string; procedureId: string; grain: 'd' | 'm'; bucket: LocalDate } {
  const [agencyId, procedureId, grain, bucket] = k.split('|') as [string, string, 'd' | 'm', string];
  return { agencyId, procedureId, grain, bucket };
}

/**
 * One dossier action, decided in one pure function: `decide(snapshot, action, actor, input, calendar, policy, now)`.
 *
 * It runs the state machine with a real guard context (the pinned one-stop policy's `maxApologies`, the apology
 * checks of `validateApology` — also when the dossier has no appointment), computes every clock field with
 * `computeDossierDue`/`computeDueAt` (start, pause, restart, re-appointment, finish) and the supplement-request rules
 * (made later than `supplementRequestWithinWorkingDays` after receipt → flagged; a second one makes the index count
 * the dossier late → refused with CONFIRMATION_REQUIRED unless the officer confirms). The caller (the dossiers
 * service) only checks scope, persists what this returns and runs the side effects.
 */
import {
  appointmentInstant,
  computeDossierDue,
  deemedReceipt,
  toLocalDate,
  validateApology,
  type TimeLimit,
  type WorkCalendar,
} from '../calendar/index.ts';
import type { ActionName } from './actions.ts';
import type { ActionInput } from './inputs.ts';
import { transition, type Actor, type DossierSnapshot, type GuardContext, type TransitionError, type TransitionOk } from './machine.ts';
import type { OneStopPolicy } from './onestop-policy.ts';

/** The dossier's stored clock fields. */
export interface ClockFields {
  receivedAt: Date | null;
  clockStartedAt: Date | null;
  dueAt: Date | null;
  originalDueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
}

/** The dossier as the decision needs it: the machine's snapshot plus its clock fields and time limit. */
export interface DecisionSnapshot extends DossierSnapshot, ClockFields {
  limit: TimeLimit | null;
}

/** Every clock field after the action (unchanged ones carried over). */
export interface DossierClock extends ClockFields {
  /** Set when this action paused the clock (supplement requested). */
  pausedAt: Date | null;
  /** Set when this action restarted the full processing time (supplied). */
  restartedAt: Date | null;
  /** Set when this action re-appointed the dossier (apology): the new appointment. */
  apologyDueAt: Date | null;
}

/** What the officer must be told before the action takes effect (the preview endpoint lists them). */
export type Consequence =
  /** The supplement request is made later than the policy's working days after receipt. */
  | 'SUPPLEMENT_REQUEST_LATE'
  /** A second (or later) supplement request: the service index counts the dossier late. */
  | 'INDEX_COUNTS_LATE';

export interface DecisionOk {
  ok: true;
  transition: TransitionOk;
  clock: DossierClock;
  consequences: Consequence[];
  /** The one-stop policy pinned by this action (receipt), else null. */
  pinnedPolicyId: string | null;
}

export type DecisionErrorCode = TransitionError['code'] | 'CONFIRMATION_REQUIRED';

export interface DecisionError {
  ok: false;
  code: DecisionErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Decision = DecisionOk | DecisionError;

export interface DecideOptions {
  /** The instant of the action (the injected clock). */
  now: Date;
  /** Receipt instant when it is not `now` (postal handover at creation). */
  receiptAt?: Date;
  /** Preview: report consequences instead of asking for confirmation. */
  preview?: boolean;
}

/**
 * The latest local date on which a supplement may be requested for a dossier received at `receivedAt`
 * (the policy's working days after the deemed receipt day).
 */
export function supplementRequestDeadline(receivedAt: Date, cal: WorkCalendar, policy: OneStopPolicy): string {
  return cal.addWorkingDays(deemedReceipt(receivedAt, cal).date, policy.supplementRequestWithinWorkingDays);
}

/** The apology facts for the machine's guards, from validateApology (one rule, one place). */
function apologyGuards(d: DecisionSnapshot, input: Record<string, unknown>, cal: WorkCalendar, now: Date): GuardContext | DecisionError {
  if (typeof input.newDueAt !== 'string') return {};
  if (d.dueAt === null) {
    return { ok: false, code: 'APOLOGY_WITHOUT_APPOINTMENT', message: 'the dossier has no appointment to move (paused or without a time limit)' };
  }
  let newDueAt: Date;
  try {
    newDueAt = appointmentInstant(input.newDueAt, cal);
  } catch {
    return {}; // the input schema reports the invalid date
  }
  if (Number.isNaN(newDueAt.getTime())) return {};
  // previousApologies: 0 here — how many apologies a dossier may have is the machine's maxApologies guard.
  const v = validateApology({ currentDueAt: d.dueAt, sentAt: now, newDueAt, previousApologies: 0 }, cal);
  return { apologyInTime: !(v.ok === false && v.code === 'APOLOGY_TOO_LATE'), newDueAtIsLater: !(v.ok === false && v.code === 'APOLOGY_DATE_NOT_LATER') };
}

export function decide(
  d: DecisionSnapshot,
  action: ActionName,
  actor: Actor,
  input: Record<string, unknown>,
  cal: WorkCalendar,
  policy: OneStopPolicy,
  opts: DecideOptions,
): Decision {
  const now = opts.now;
  const ctx: GuardContext = { maxApologies: policy.maxApologies };
  if (action === 'apologize') {
    const g = apologyGuards(d, input, cal, now);
    if ('ok' in g) return g;
    Object.assign(ctx, g);
  }
  const t = transition(d, action, actor, input as ActionInput, ctx);
  if (!t.ok) return t;

  const consequences: Consequence[] = [];
  if (t.action === 'request_supplement') {
    if (d.receivedAt !== null && toLocalDate(now) > supplementRequestDeadline(d.receivedAt, cal, policy)) consequences.push('SUPPLEMENT_REQUEST_LATE');
    if (d.supplementRequests >= 1) {
      consequences.push('INDEX_COUNTS_LATE');
      if (!opts.preview && t.data.confirm !== true) {
        return {
          ok: false,
          code: 'CONFIRMATION_REQUIRED',
          message: 'a second supplement request makes the service index count the dossier late: confirm it (confirm: true)',
          details: { consequences, supplementRequests: d.supplementRequests },
        };
      }
    }
  }

  const clock: DossierClock = {
    receivedAt: d.receivedAt,
    clockStartedAt: d.clockStartedAt,
    dueAt: d.dueAt,
    originalDueAt: d.originalDueAt,
    finishedAt: d.finishedAt,
    returnedAt: d.returnedAt,
    pausedAt: null,
    restartedAt: null,
    apologyDueAt: null,
  };
  switch (t.clock) {
    case 'start': {
      const at = opts.receiptAt ?? now;
      clock.receivedAt = at;
      clock.clockStartedAt = at;
      clock.dueAt = d.limit ? computeDossierDue({ receivedAt: at, limit: d.limit, supplements: [] }, cal).dueAt : null;
      clock.originalDueAt = clock.dueAt;
      break;
    }
    case 'pause':
      // The appointment no longer holds while the applicant supplements.
      clock.pausedAt = now;
      clock.dueAt = d.limit ? computeDossierDue({ receivedAt: d.clockStartedAt ?? now, limit: d.limit, supplements: [{ requestedAt: now, suppliedAt: null }] }, cal).dueAt : null;
      break;
    case 'restart': {
      // The full processing time restarts from the supply.
      clock.restartedAt = now;
      clock.clockStartedAt = now;
      const base = d.clockStartedAt !== null && d.clockStartedAt.getTime() <= now.getTime() ? d.clockStartedAt : now;
      clock.dueAt = d.limit ? computeDossierDue({ receivedAt: base, limit: d.limit, supplements: [{ requestedAt: base, suppliedAt: now }] }, cal).dueAt : null;
      break;
    }
    case 'reappoint': {
      const newDueAt = appointmentInstant(t.data.newDueAt!, cal);
      clock.apologyDueAt = newDueAt;
      clock.dueAt = d.limit && d.clockStartedAt
        ? computeDossierDue({ receivedAt: d.clockStartedAt, limit: d.limit, supplements: [], apology: { sentAt: now, newDueAt } }, cal).dueAt
        : newDueAt;
      break;
    }
    case 'finish':
      clock.finishedAt = now;
      break;
    default:
      break;
  }
  if (t.to === 'intake_rejected' && d.state === null) clock.finishedAt = now;
  if (t.to === 'returned') clock.returnedAt = now;
  return {
    ok: true,
    transition: t,
    clock,
    consequences,
    pinnedPolicyId: t.issuesCode ? policy.id : null,
  };
}

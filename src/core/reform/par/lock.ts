/**
 * The deadline lock of a PAR round, per phase (pure; no clock read — `today` is given).
 *
 * A round has two deadlines: the self-assessment deadline (the unit's edits, submission, withdrawal) and the
 * appraisal deadline (the appraisers' scores and the unit's answers to their comments). Each phase locks the day
 * after its deadline, unless an admin unlocked the unit for that phase with a grace date: edits are then open until
 * the end of the grace date. A round that is not open (finalised, published) is locked in every phase. The lock is
 * derived, never stored, so nothing runs at the deadline.
 *
 *   locked ⇔ round not open ∨ (today > deadline ∧ ¬(grace ∧ today ≤ grace))
 */
import { addDays } from '../../calendar/dates.ts';
import type { LocalDate } from '../../calendar/types.ts';

export const LOCK_PHASES = ['self', 'appraisal'] as const;
export type LockPhase = (typeof LOCK_PHASES)[number];

export interface DeadlineLockInput {
  phase: LockPhase;
  /** open | finalised | published */
  roundStatus: string;
  /** The phase's deadline (the last day edits are allowed). */
  deadline: LocalDate;
  /** The unit's grace date for this phase (an admin's unlock), or null. */
  graceUntil: LocalDate | null;
  today: LocalDate;
}

export interface DeadlineLock {
  phase: LockPhase;
  locked: boolean;
  /** Why it is locked: the round is no longer open, or the deadline in force has passed; null when not locked. */
  reason: 'round_not_open' | 'deadline_passed' | null;
  /** today > the phase's own deadline (whatever the grace). */
  pastDeadline: boolean;
  /** Past the phase's deadline but within the unit's grace date. */
  inGrace: boolean;
  graceUntil: LocalDate | null;
  /** The deadline in force: the grace date when it extends the deadline, else the phase's deadline. */
  deadline: LocalDate;
  /** The first locked day (the day after the deadline in force) when locked by the deadline; null otherwise. */
  since: LocalDate | null;
}

/** Whether edits of a phase are locked today, since when, and which deadline applies. */
export function deadlineLock(i: DeadlineLockInput): DeadlineLock {
  const pastDeadline = i.today > i.deadline;
  const graceApplies = i.graceUntil !== null && i.today <= i.graceUntil;
  const inForce = i.graceUntil !== null && i.graceUntil > i.deadline ? i.graceUntil : i.deadline;
  const open = i.roundStatus === 'open';
  const lateLocked = pastDeadline && !graceApplies;
  const locked = !open || lateLocked;
  return {
    phase: i.phase,
    locked,
    reason: !open ? 'round_not_open' : lateLocked ? 'deadline_passed' : null,
    pastDeadline,
    inGrace: pastDeadline && graceApplies,
    graceUntil: i.graceUntil,
    deadline: inForce,
    since: open && lateLocked ? addDays(inForce, 1) : null,
  };
}

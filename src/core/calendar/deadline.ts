/**
 * Processing deadlines (thời hạn giải quyết) of dossiers. Pure: every instant is passed in.
 *
 * Counting rules (Civil Code 2015 art. 147–148; Decree 61/2018/NĐ-CP on the one-stop mechanism for supplements
 * and apologies — article numbers of the decree deliberately not cited here, see the legal basis of the policy):
 *  - The day of receipt is not counted (art. 147(2)); a period in days ends at the end of its last day (art. 148(1)).
 *    Art. 148(4) puts that end at 24:00; for a dossier handled at an agency the engine uses the end of office hours
 *    by default (policy.dueTime 'end_of_office_hours' — agency practice, the appointment is during opening hours);
 *    'end_of_day' = 23:59:59 local is the literal Civil-Code reading. A last day that is a weekly rest day or a
 *    holiday moves to the next working day (art. 148(3)).
 *  - Deemed receipt (setting receiptOutsideHoursCountsFromNextWorkingDay, default true): a dossier received on a
 *    non-working day, or at/after the end of the day's last office block, is deemed received at the opening of the
 *    next working day. Receipt before opening or during the lunch break on a working day counts as that day.
 *    The deemed receipt moment is the starting point of every unit below.
 *  - working_days N (N a multiple of 0.5): the deemed-receipt day is not counted; the last day is the
 *    floor(N)-th working day after it. A remaining half day (0.5) is the MORNING block (the first office-hours
 *    block) of the next working day: due at the end of that block. Examples with default hours (Mon–Fri,
 *    07:30–11:30 and 13:00–17:00): received Mon 10:00 → 0.5 = Tue 11:30, 1 = Tue 17:00, 1.5 = Wed 11:30.
 *  - days N (calendar days, integer): deemed-receipt date + N days; if that day is not a working day, the next
 *    working day; at the policy's due time.
 *  - hours N (may be fractional): N hours of office time counted from the deemed receipt moment (or the next
 *    office opening when it is outside a block: before opening, lunch break); the lunch break, evenings and days
 *    off do not count. A period ending exactly at the end of a block ends there (e.g. 11:30, not 13:00).
 *  - same_day: received on a working day strictly before policy.sameDayCutoff (local time) → that day at the
 *    policy's due time (end of office hours by default); at/after the cutoff or on a non-working day → the next
 *    working day at the due time.
 */
import type { LocalDate, TimeLimit, WorkCalendar, CalendarPolicy } from './types.ts';
import { addDays } from './dates.ts';
import { localMinutesOfDay, localMinutesToInstant, parseLocalTime, toLocalDate } from './time.ts';

interface Block {
  start: number;
  end: number;
}

function blocksOf(policy: CalendarPolicy): Block[] {
  return policy.officeHours.map((b) => ({ start: parseLocalTime(b.start), end: parseLocalTime(b.end) }));
}

function officeOpen(policy: CalendarPolicy): number {
  return (blocksOf(policy)[0] as Block).start;
}

function officeClose(policy: CalendarPolicy): number {
  const b = blocksOf(policy);
  return (b[b.length - 1] as Block).end;
}

const END_OF_DAY_MINUTES = 23 * 60 + 59 + 59 / 60; // 23:59:59

/** The due instant on a (working) day per the policy in force that day. */
export function dueInstantOn(d: LocalDate, cal: WorkCalendar): Date {
  const p = cal.policyAt(d);
  return localMinutesToInstant(d, p.dueTime === 'end_of_day' ? END_OF_DAY_MINUTES : officeClose(p));
}

/** End of office hours on a day (the last block's end), regardless of policy.dueTime. */
export function endOfOfficeHours(d: LocalDate, cal: WorkCalendar): Date {
  return localMinutesToInstant(d, officeClose(cal.policyAt(d)));
}

/**
 * The moment a dossier is deemed received (see module comment): the instant itself, or the opening of the next
 * working day when received on a non-working day or at/after the end of office hours (if the policy says so).
 */
export function deemedReceipt(receivedAt: Date, cal: WorkCalendar): { date: LocalDate; at: Date; shifted: boolean } {
  const d = toLocalDate(receivedAt);
  const p = cal.policyAt(d);
  if (p.receiptOutsideHoursCountsFromNextWorkingDay) {
    if (!cal.isWorkingDay(d) || localMinutesOfDay(receivedAt) >= officeClose(p)) {
      const next = cal.nextWorkingDay(d);
      return { date: next, at: localMinutesToInstant(next, officeOpen(cal.policyAt(next))), shifted: true };
    }
  }
  return { date: d, at: receivedAt, shifted: false };
}

function workingDayOnOrAfter(d: LocalDate, cal: WorkCalendar): LocalDate {
  return cal.isWorkingDay(d) ? d : cal.nextWorkingDay(d);
}

function checkAmount(limit: TimeLimit): void {
  const a = limit.amount;
  if (limit.unit === 'same_day') return;
  if (typeof a !== 'number' || !Number.isFinite(a) || a < 0) {
    throw new RangeError(`Invalid time limit amount ${String(a)} ${limit.unit}`);
  }
  if (limit.unit === 'working_days' && !Number.isInteger(a * 2)) {
    throw new RangeError(`working_days must be a multiple of 0.5, got ${a}`);
  }
  if (limit.unit === 'days' && !Number.isInteger(a)) {
    throw new RangeError(`days must be an integer, got ${a}`);
  }
}

/** The due instant (appointment) of a dossier received at `receivedAt` with a processing time `limit`. */
export function computeDueAt(receivedAt: Date, limit: TimeLimit, cal: WorkCalendar): Date {
  checkAmount(limit);
  switch (limit.unit) {
    case 'working_days': {
      const start = deemedReceipt(receivedAt, cal);
      const whole = Math.floor(limit.amount);
      const half = limit.amount - whole === 0.5;
      const last = whole === 0 ? workingDayOnOrAfter(start.date, cal) : cal.addWorkingDays(start.date, whole);
      if (!half) return dueInstantOn(last, cal);
      // The half day is the morning block of the working day after the last whole day (after the receipt day
      // itself when whole = 0: the day of receipt is not counted).
      const halfDay = cal.nextWorkingDay(whole === 0 ? start.date : last);
      const morning = blocksOf(cal.policyAt(halfDay))[0] as Block;
      return localMinutesToInstant(halfDay, morning.end);
    }
    case 'days': {
      const start = deemedReceipt(receivedAt, cal);
      return dueInstantOn(workingDayOnOrAfter(addDays(start.date, limit.amount), cal), cal);
    }
    case 'hours':
      return addOfficeMinutes(deemedReceipt(receivedAt, cal).at, limit.amount * 60, cal);
    case 'same_day': {
      const d = toLocalDate(receivedAt);
      const p = cal.policyAt(d);
      if (cal.isWorkingDay(d) && localMinutesOfDay(receivedAt) < parseLocalTime(p.sameDayCutoff)) {
        return dueInstantOn(d, cal);
      }
      return dueInstantOn(cal.nextWorkingDay(d), cal);
    }
    default: {
      const never: never = limit.unit;
      throw new RangeError(`Unknown time unit ${String(never)}`);
    }
  }
}

/** Whether an instant lies inside an office-hours block of a working day (start inclusive, end inclusive). */
export function isOfficeTime(at: Date, cal: WorkCalendar): boolean {
  const date = toLocalDate(at);
  if (!cal.isWorkingDay(date)) return false;
  const pos = localMinutesOfDay(at);
  return blocksOf(cal.policyAt(date)).some((b) => pos >= b.start && pos <= b.end);
}

/** The instant itself when it is office time, otherwise the start of the next office-hours block. */
export function nextOfficeTime(at: Date, cal: WorkCalendar): Date {
  return isOfficeTime(at, cal) ? at : addOfficeMinutes(at, 0, cal);
}

/** The instant itself when it is office time, otherwise the end of the latest office-hours block before it. */
export function previousOfficeTime(at: Date, cal: WorkCalendar): Date {
  if (isOfficeTime(at, cal)) return at;
  let date = toLocalDate(at);
  let pos = localMinutesOfDay(at);
  for (let guard = 0; guard < 10_000; guard++) {
    if (cal.isWorkingDay(date)) {
      const before = blocksOf(cal.policyAt(date)).filter((b) => b.end <= pos);
      const last = before[before.length - 1];
      if (last) return localMinutesToInstant(date, last.end);
    }
    date = addDays(date, -1);
    pos = 24 * 60;
  }
  throw new RangeError('No office time before this instant');
}

/** Adds `minutes` of office time (inside office-hours blocks of working days) to an instant. */
export function addOfficeMinutes(from: Date, minutes: number, cal: WorkCalendar): Date {
  let date = toLocalDate(from);
  let pos = localMinutesOfDay(from);
  let remaining = minutes;
  for (let guard = 0; guard < 10_000; guard++) {
    if (cal.isWorkingDay(date)) {
      for (const b of blocksOf(cal.policyAt(date))) {
        if (pos >= b.end) continue;
        const s = Math.max(pos, b.start);
        const avail = b.end - s;
        if (remaining <= avail) return localMinutesToInstant(date, s + remaining);
        remaining -= avail;
        pos = b.end;
      }
    }
    date = cal.nextWorkingDay(date);
    pos = 0;
  }
  throw new RangeError(`Time limit of ${minutes} office minutes is too long`);
}

export interface SupplementPeriod {
  requestedAt: Date;
  suppliedAt: Date | null;
}

export interface DossierDueInput {
  receivedAt: Date;
  limit: TimeLimit;
  supplements: readonly SupplementPeriod[];
  apology?: { sentAt: Date; newDueAt: Date } | null;
}

export interface DossierDue {
  dueAt: Date | null;
  paused: boolean;
  /** When the (full) processing time last started: receipt, or the latest supply of requested documents. */
  clockStartedAt: Date | null;
}

/**
 * The current appointment of a dossier:
 *  - a supplement request still outstanding (suppliedAt null) pauses the clock: { dueAt: null, paused: true };
 *  - once supplied, the FULL processing time restarts from the supply moment: computeDueAt(latest suppliedAt);
 *  - an apology's newDueAt replaces the appointment (only one apology is possible, see validateApology) — unless
 *    it was sent before the clock last restarted, in which case the restart supersedes it.
 */
export function computeDossierDue(input: DossierDueInput, cal: WorkCalendar): DossierDue {
  for (const s of input.supplements) {
    if (s.suppliedAt !== null && s.suppliedAt.getTime() < s.requestedAt.getTime()) {
      throw new RangeError('A supplement cannot be supplied before it was requested');
    }
  }
  if (input.supplements.some((s) => s.suppliedAt === null)) {
    return { dueAt: null, paused: true, clockStartedAt: null };
  }
  let clock = input.receivedAt;
  for (const s of input.supplements) {
    if (s.suppliedAt !== null && s.suppliedAt.getTime() > clock.getTime()) clock = s.suppliedAt;
  }
  let dueAt = computeDueAt(clock, input.limit, cal);
  if (input.apology && input.apology.sentAt.getTime() >= clock.getTime()) dueAt = input.apology.newDueAt;
  return { dueAt, paused: false, clockStartedAt: clock };
}

export type ApologyCheck =
  | { ok: true }
  | { ok: false; code: 'APOLOGY_ALREADY_SENT' | 'APOLOGY_TOO_LATE' | 'APOLOGY_DATE_NOT_LATER' };

/**
 * An apology letter with a new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả) is valid when
 *  1. no apology was sent before for this dossier (once only)            → else APOLOGY_ALREADY_SENT;
 *  2. it is sent at least one day before the due date: local date of sentAt ≤ local due date − 1 calendar day
 *                                                                         → else APOLOGY_TOO_LATE;
 *  3. the new appointment falls on a later local date than the current one → else APOLOGY_DATE_NOT_LATER.
 * Checks are applied in that order.
 */
export function validateApology(
  input: { currentDueAt: Date; sentAt: Date; newDueAt: Date; previousApologies: number },
  cal: WorkCalendar,
): ApologyCheck {
  void cal; // the rule uses calendar days; the calendar is accepted for API stability
  if (input.previousApologies > 0) return { ok: false, code: 'APOLOGY_ALREADY_SENT' };
  const dueDate = toLocalDate(input.currentDueAt);
  if (toLocalDate(input.sentAt) > addDays(dueDate, -1)) return { ok: false, code: 'APOLOGY_TOO_LATE' };
  if (toLocalDate(input.newDueAt) <= dueDate) return { ok: false, code: 'APOLOGY_DATE_NOT_LATER' };
  return { ok: true };
}

export type Timing = 'early' | 'on_time' | 'late' | 'in_time' | 'due_soon' | 'overdue' | 'paused';

/**
 * Timing class of a dossier.
 *  - dueAt null (clock paused) → 'paused' (also when finished: the caller decides what a finish while paused means);
 *  - finished: 'early' if finished on a local date before the due local date; 'on_time' if on the due date and not
 *    after dueAt; 'late' otherwise;
 *  - open: 'overdue' if now > dueAt; 'due_soon' if the due date is within policy.dueSoonWorkingDays working days of
 *    today (workingDaysBetween(today, dueDate) ≤ dueSoonWorkingDays, policy in force today); else 'in_time'.
 */
export function classifyTiming(input: { dueAt: Date | null; finishedAt: Date | null; now: Date }, cal: WorkCalendar): Timing {
  const { dueAt, finishedAt, now } = input;
  if (dueAt === null) return 'paused';
  const dueDate = toLocalDate(dueAt);
  if (finishedAt !== null) {
    const finDate = toLocalDate(finishedAt);
    if (finDate < dueDate) return 'early';
    if (finDate === dueDate && finishedAt.getTime() <= dueAt.getTime()) return 'on_time';
    return 'late';
  }
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  return dueAt.getTime() <= dueSoonUntil(now, cal).getTime() ? 'due_soon' : 'in_time';
}

/**
 * The last instant that is "due soon" at `now`: an open dossier is due soon when its due date is within
 * policy.dueSoonWorkingDays working days of today (policy in force today), i.e. its due instant falls before the
 * first instant of the next working day after that window — so a due date on a weekend or holiday that follows the
 * window, and a due time of 23:59:59 (end_of_day policies), count as due soon. The due-soon queue and
 * classifyTiming both use this one function.
 */
export function dueSoonUntil(now: Date, cal: WorkCalendar): Date {
  const today = toLocalDate(now);
  const lastSoonDay = cal.addWorkingDays(today, cal.policyAt(today).dueSoonWorkingDays);
  return new Date(localMinutesToInstant(cal.nextWorkingDay(lastSoonDay), 0).getTime() - 1);
}

/**
 * The instant of an appointment given by the officer: a date alone means that day's due instant under the policy
 * in force (end of office hours, or 23:59:59 for end_of_day policies); an instant is taken as is.
 */
export function appointmentInstant(value: string, cal: WorkCalendar): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dueInstantOn(value, cal);
  return new Date(value);
}

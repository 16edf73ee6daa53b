/**
 * Types of the pure calendar and deadline engine.
 *
 * Nothing in src/core/calendar performs I/O or reads the clock: "now" and every instant are passed in.
 */

/** 'YYYY-MM-DD', a civil date in Vietnam (UTC+7). */
export type LocalDate = string;

/** 'HH:MM' (24 h), a Vietnamese wall-clock time. */
export type LocalTime = string;

export type TimeUnit = 'working_days' | 'days' | 'hours' | 'same_day';

/**
 * A processing time limit. `amount` may be fractional for working_days in steps of 0.5 (0.5 = half a day, see
 * deadline.ts), and any non-negative number for hours. For same_day the amount is ignored.
 */
export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
}

/** Official per-year notices: extra days off, make-up Saturdays. Overrides win over every rule. */
export interface CalendarOverride {
  date: LocalDate;
  kind: 'day_off' | 'working_day';
  reason: string;
}

/** One entry of holidaysOfYear(). */
export interface HolidayDay {
  date: LocalDate;
  reason: string;
  /** rule = a public holiday of the Labour Code; compensatory = nghỉ bù; override = official notice. */
  source: 'rule' | 'compensatory' | 'override';
  /** 'working_day' only for overrides that turn a day into a working day (make-up Saturday, ngày làm bù). */
  kind: 'day_off' | 'working_day';
}

/** A date of the Vietnamese lunar calendar. `leap` marks the intercalary month (tháng nhuận). */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/** An office-hours block, 'HH:MM'–'HH:MM' local time, end exclusive. */
export interface OfficeHoursBlock {
  start: LocalTime;
  end: LocalTime;
}

/** A fixed day of the Gregorian calendar, e.g. 30/4. */
export interface SolarHolidayRule {
  kind: 'solar';
  month: number;
  day: number;
  reason: string;
}

/** A fixed day of the (non-leap) lunar month, e.g. 10/3 lunar. */
export interface LunarHolidayRule {
  kind: 'lunar';
  month: number;
  day: number;
  reason: string;
}

/**
 * Lunar New Year: the last `daysBeforeNewYear` days of the old lunar year plus the first `daysOfNewYear` days of
 * the new one (Labour Code 2012 and 2019: 1 + 4 = 5 days, the default before any official notice).
 */
export interface LunarNewYearHolidayRule {
  kind: 'lunar_new_year';
  daysBeforeNewYear: number;
  daysOfNewYear: number;
  reason: string;
}

/**
 * The day adjacent to a solar holiday (National Day 2/9 + "01 ngày liền kề trước hoặc sau", Labour Code 2019
 * art. 112(1)(đ)). The government announces it yearly; until then the engine picks it deterministically:
 *  1. prefer a candidate (day before / day after) that is not a weekend day;
 *  2. if both are weekdays, prefer the one that touches a weekend (gives the longer continuous break);
 *  3. otherwise `tieBreak` ('before' = 1/9).
 * With a Sat–Sun weekend this gives: 2/9 on Mon→3/9, Tue→1/9, Wed→1/9 (tie), Thu→3/9, Fri→1/9, Sat→1/9, Sun→3/9,
 * which matches the official notices of 2021 (3/9), 2022 (1/9), 2023 (1/9), 2024 (3/9) and 2025 (1/9).
 */
export interface AdjacentDayHolidayRule {
  kind: 'adjacent_day';
  month: number;
  day: number;
  reason: string;
  tieBreak: 'before' | 'after';
}

export type HolidayRule = SolarHolidayRule | LunarHolidayRule | LunarNewYearHolidayRule | AdjacentDayHolidayRule;

/** Versioned calendar and counting rules (data, not code). */
export interface CalendarPolicy {
  id: string;
  /** First civil date the policy applies to. */
  validFrom: LocalDate;
  /** Last civil date (inclusive) or null = open-ended. */
  validTo: LocalDate | null;
  /** Human-readable legal basis (Vietnamese law references). */
  legalBasis: string;
  /** ISO weekdays that are weekly rest days (1 = Monday … 7 = Sunday). Default [6, 7]. */
  weekendDays: number[];
  /** Office-hours blocks in order, non-overlapping. Default 07:30–11:30 and 13:00–17:00. */
  officeHours: OfficeHoursBlock[];
  /** Same-day procedures received at or after this time are due the next working day. Default '15:00'. */
  sameDayCutoff: LocalTime;
  /** Receipt on a non-working day or after office hours is deemed received at the next working day's opening. */
  receiptOutsideHoursCountsFromNextWorkingDay: boolean;
  /** A public holiday falling on a weekly rest day gives a compensatory day off (Labour Code 2019 art. 112(3)). */
  compensateWeekendHolidays: boolean;
  /** When a period in days ends on its last day: end of office hours (default) or 23:59:59. */
  dueTime: 'end_of_office_hours' | 'end_of_day';
  /** An open dossier is "due soon" within this many working days of its due date. */
  dueSoonWorkingDays: number;
  holidays: HolidayRule[];
}

/** A working calendar bound to a set of policies and official overrides. */
export interface WorkCalendar {
  isWorkingDay(d: LocalDate): boolean;
  /** The first working day strictly after d. */
  nextWorkingDay(d: LocalDate): LocalDate;
  /** The n-th working day after d (n > 0), before d (n < 0), or d itself (n = 0). n must be an integer. */
  addWorkingDays(d: LocalDate, n: number): LocalDate;
  /** Number of working days in (a, b] — a excluded, b included; negative when b < a. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
  /** The policy in force on d (throws RangeError when none is). */
  policyAt(d: LocalDate): CalendarPolicy;
  /** Whether d is a working day and why not (or why it is, for a make-up working day). */
  describeDay(d: LocalDate): { working: boolean; reason: string | null };
  /** Holidays, compensatory days and overrides of a Gregorian year (all policies in force during it). */
  holidaysOfYear(year: number): HolidayDay[];
}

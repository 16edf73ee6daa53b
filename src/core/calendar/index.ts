/**
 * Pure calendar and deadline engine: Vietnamese lunar calendar, public holidays, working calendar, Vietnam time
 * helpers and dossier deadlines. No I/O, no clock reads; safe for server, CLI and browser.
 */
export type {
  LocalDate,
  LocalTime,
  TimeUnit,
  TimeLimit,
  CalendarOverride,
  HolidayDay,
  LunarDate,
  OfficeHoursBlock,
  HolidayRule,
  SolarHolidayRule,
  LunarHolidayRule,
  LunarNewYearHolidayRule,
  AdjacentDayHolidayRule,
  CalendarPolicy,
  WorkCalendar,
} from './types.ts';
export {
  parseLocalDate,
  isLocalDate,
  makeLocalDate,
  toEpochDay,
  fromEpochDay,
  addDays,
  diffDays,
  isoWeekday,
  compareLocalDate,
  daysInMonth,
  isLeapYear,
  weekdayNameVi,
} from './dates.ts';
export {
  solarToLunar,
  lunarToSolar,
  leapMonthOf,
  lunarMonthLength,
  tetOf,
  lastDayOfLunarYear,
  lunarYearName,
  formatLunarDate,
  LUNAR_MIN_DATE,
  LUNAR_MAX_DATE,
} from './lunar.ts';
export {
  DEFAULT_CALENDAR_POLICIES,
  POLICY_LABOUR_CODE_2012,
  POLICY_LABOUR_CODE_2019,
  DEFAULT_OFFICE_HOURS,
  DEFAULT_WEEKEND_DAYS,
  REASON as HOLIDAY_REASONS,
  policyFor,
  findPolicy,
  validatePolicies,
  withPolicyDefaults,
} from './policies.ts';
export { holidaysOfYear, ruleHolidaysOfYear, chooseAdjacentDay } from './holidays.ts';
export { createWorkCalendar, listNonWorkingDays } from './work-calendar.ts';
export {
  VN_OFFSET_MINUTES,
  toLocalDate,
  toLocalTime,
  localMinutesOfDay,
  parseLocalTime,
  localDateTimeToInstant,
  localMinutesToInstant,
  formatVnIso,
  parseIsoWithOffset,
} from './time.ts';
export {
  computeDueAt,
  computeDossierDue,
  validateApology,
  classifyTiming,
  deemedReceipt,
  dueInstantOn,
  endOfOfficeHours,
  addOfficeMinutes,
  isOfficeTime,
  nextOfficeTime,
  previousOfficeTime,
  dueSoonUntil,
  appointmentInstant,
} from './deadline.ts';
export type { SupplementPeriod, DossierDueInput, DossierDue, ApologyCheck, Timing } from './deadline.ts';

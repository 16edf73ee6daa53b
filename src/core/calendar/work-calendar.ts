/**
 * A working calendar: weekly rest days + public holidays + compensatory days + official overrides, under the
 * policy in force on each date. Holidays are computed once per Gregorian year and cached per instance.
 */
import type { CalendarOverride, CalendarPolicy, HolidayDay, LocalDate, WorkCalendar } from './types.ts';
import { addDays, isoWeekday, parseLocalDate, weekdayNameVi } from './dates.ts';
import { holidaysOfYear } from './holidays.ts';
import { policyFor, validatePolicies, withPolicyDefaults } from './policies.ts';

/** Safety bound for searches (no real calendar has 60 consecutive days off). */
const MAX_SCAN_DAYS = 366;

export function createWorkCalendar(
  policies: readonly CalendarPolicy[],
  overrides: readonly CalendarOverride[] = [],
): WorkCalendar {
  if (policies.length === 0) throw new RangeError('createWorkCalendar: at least one policy is required');
  const pols = policies.map((p) => withPolicyDefaults(p));
  const problems = validatePolicies(pols);
  if (problems.length > 0) throw new RangeError(`Invalid calendar policies: ${problems.join('; ')}`);
  const seen = new Set<LocalDate>();
  for (const o of overrides) {
    parseLocalDate(o.date);
    if (seen.has(o.date)) throw new RangeError(`Duplicate calendar override for ${o.date}`);
    seen.add(o.date);
  }
  const ovs = [...overrides];
  const cache = new Map<number, Map<LocalDate, HolidayDay>>();

  function yearMap(year: number): Map<LocalDate, HolidayDay> {
    let m = cache.get(year);
    if (m) return m;
    m = new Map();
    const first = `${String(year).padStart(4, '0')}-01-01`;
    const last = `${String(year).padStart(4, '0')}-12-31`;
    for (const p of pols) {
      if (p.validFrom > last || (p.validTo !== null && p.validTo < first)) continue;
      for (const h of holidaysOfYear(year, p, ovs)) {
        const inForce = p.validFrom <= h.date && (p.validTo === null || h.date <= p.validTo);
        if (h.source === 'override' || inForce) m.set(h.date, h);
      }
    }
    for (const o of ovs) {
      if (o.date.startsWith(`${year}-`)) m.set(o.date, { date: o.date, reason: o.reason, source: 'override', kind: o.kind });
    }
    cache.set(year, m);
    return m;
  }

  const policyAt = (d: LocalDate): CalendarPolicy => policyFor(d, pols);

  function describeDay(d: LocalDate): { working: boolean; reason: string | null } {
    const { year } = parseLocalDate(d);
    const policy = policyAt(d);
    const h = yearMap(year).get(d);
    if (h) return { working: h.kind === 'working_day', reason: h.reason };
    const wd = isoWeekday(d);
    if (policy.weekendDays.includes(wd)) return { working: false, reason: `Nghỉ hằng tuần (${weekdayNameVi(wd)})` };
    return { working: true, reason: null };
  }

  const isWorkingDay = (d: LocalDate): boolean => describeDay(d).working;

  function nextWorkingDay(d: LocalDate): LocalDate {
    let cur = d;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      cur = addDays(cur, 1);
      if (isWorkingDay(cur)) return cur;
    }
    throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days after ${d}`);
  }

  function previousWorkingDay(d: LocalDate): LocalDate {
    let cur = d;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      cur = addDays(cur, -1);
      if (isWorkingDay(cur)) return cur;
    }
    throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days before ${d}`);
  }

  function addWorkingDays(d: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
    parseLocalDate(d);
    let cur = d;
    for (let i = 0; i < Math.abs(n); i++) cur = n > 0 ? nextWorkingDay(cur) : previousWorkingDay(cur);
    return cur;
  }

  function workingDaysBetween(a: LocalDate, b: LocalDate): number {
    parseLocalDate(a);
    parseLocalDate(b);
    if (a === b) return 0;
    const [from, to, sign] = a < b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let cur = addDays(from, 1); cur <= to; cur = addDays(cur, 1)) if (isWorkingDay(cur)) count++;
    return sign * count;
  }

  function holidaysOfYearAll(year: number): HolidayDay[] {
    return [...yearMap(year).values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  }

  return {
    isWorkingDay,
    nextWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    policyAt,
    describeDay,
    holidaysOfYear: holidaysOfYearAll,
  };
}

/**
 * The listing `calendar holidays <year>` answers (API and CLI): the calendar's own non-working days of the year,
 * each under the policy in force that day, i.e. exactly the days the due-date engine skips (plus rule holidays on
 * a weekly rest day, which explain a compensatory day, and make-up working days). A year with a day no policy
 * covers is out of range (RangeError).
 */
export function listNonWorkingDays(cal: WorkCalendar, year: number): HolidayDay[] {
  const y = String(year).padStart(4, '0');
  cal.policyAt(`${y}-01-01`);
  cal.policyAt(`${y}-12-31`);
  return cal.holidaysOfYear(year);
}

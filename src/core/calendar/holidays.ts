/**
 * Public holidays (ngày nghỉ lễ, tết) of a Gregorian year under one CalendarPolicy, with compensatory days
 * (nghỉ bù) and official overrides.
 *
 * Default rules (Labour Code 2019 art. 112; 2012 art. 115 without the National Day adjacent day):
 *  - 1/1; Tết = last day of the old lunar year + first 4 days of the new one (before any official notice);
 *    Giỗ Tổ Hùng Vương 10/3 lunar (the ordinary, non-leap month 3); 30/4; 1/5; 2/9 (+ adjacent day, see
 *    AdjacentDayHolidayRule in types.ts for the deterministic default).
 *  - Compensation (art. 112(3)): a "holiday block" is a maximal run of consecutive days each of which is a rule
 *    holiday or a weekly rest day, containing at least one rule holiday. Every rule holiday in the block that
 *    falls on a weekly rest day gives one compensatory day, placed on the first weekdays after the block that are
 *    neither rule holidays, nor already compensatory days, nor official day_off overrides.
 *  - Two rules on the same date (does not happen 2013–2100 with the default rules) merge into one day off with
 *    both reasons and give no extra compensation.
 *  - Overrides (official per-year notices) win: a `day_off` override replaces/adds the day (source 'override');
 *    a `working_day` override removes any holiday or compensatory day on that date and is listed with
 *    kind 'working_day' (make-up working day, e.g. a Saturday).
 */
import type { CalendarOverride, CalendarPolicy, HolidayDay, HolidayRule, LocalDate } from './types.ts';
import { addDays, isoWeekday, makeLocalDate } from './dates.ts';
import { lunarToSolar } from './lunar.ts';
import { REASON, withPolicyDefaults } from './policies.ts';

export { DEFAULT_CALENDAR_POLICIES, policyFor, findPolicy, validatePolicies } from './policies.ts';

/** Rule holidays (before compensation and overrides) of a Gregorian year: date → reason. Sorted by date. */
export function ruleHolidaysOfYear(year: number, policy: CalendarPolicy): { date: LocalDate; reason: string }[] {
  const isWeekend = (d: LocalDate) => policy.weekendDays.includes(isoWeekday(d));
  const days = new Map<LocalDate, string[]>();
  const add = (d: LocalDate, reason: string) => {
    if (Number(d.slice(0, 4)) !== year) return;
    const r = days.get(d);
    if (r) {
      if (!r.includes(reason)) r.push(reason);
    } else days.set(d, [reason]);
  };
  const adjacent: Extract<HolidayRule, { kind: 'adjacent_day' }>[] = [];
  for (const rule of policy.holidays) {
    switch (rule.kind) {
      case 'solar':
        add(makeLocalDate(year, rule.month, rule.day), rule.reason);
        break;
      case 'lunar':
        add(lunarToSolar({ day: rule.day, month: rule.month, year, leap: false }), rule.reason);
        break;
      case 'lunar_new_year': {
        const tet = lunarToSolar({ day: 1, month: 1, year, leap: false });
        for (let i = -rule.daysBeforeNewYear; i < rule.daysOfNewYear; i++) add(addDays(tet, i), rule.reason);
        break;
      }
      case 'adjacent_day':
        adjacent.push(rule);
        break;
    }
  }
  // Adjacent days are chosen after the fixed days so that they never collide with them.
  for (const rule of adjacent) {
    const base = makeLocalDate(year, rule.month, rule.day);
    add(chooseAdjacentDay(base, isWeekend, rule.tieBreak), rule.reason);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, reasons]) => ({ date, reason: reasons.join('; ') }));
}

/**
 * The default adjacent day of `base` (see AdjacentDayHolidayRule): prefer a weekday; among two weekdays prefer
 * the one next to a weekly rest day (the longer break); otherwise the tie-break.
 */
export function chooseAdjacentDay(
  base: LocalDate,
  isWeekend: (d: LocalDate) => boolean,
  tieBreak: 'before' | 'after',
): LocalDate {
  const before = addDays(base, -1);
  const after = addDays(base, 1);
  const score = (d: LocalDate, outward: LocalDate) => (isWeekend(d) ? 0 : isWeekend(outward) ? 2 : 1);
  const sb = score(before, addDays(base, -2));
  const sa = score(after, addDays(base, 2));
  if (sb !== sa) return sb > sa ? before : after;
  return tieBreak === 'before' ? before : after;
}

/**
 * That year's non-working weekdays with reasons, compensatory days and override entries, sorted by date.
 * Rule holidays that fall on a weekly rest day are listed too (source 'rule'): they explain the compensatory day.
 * Plain weekends are not listed.
 */
export function holidaysOfYear(
  year: number,
  policyIn: CalendarPolicy,
  overrides: readonly CalendarOverride[],
): HolidayDay[] {
  const policy = withPolicyDefaults(policyIn);
  const isWeekend = (d: LocalDate) => policy.weekendDays.includes(isoWeekday(d));
  const yearOverrides = overrides.filter((o) => Number(o.date.slice(0, 4)) === year);
  const overrideOff = new Set(yearOverrides.filter((o) => o.kind === 'day_off').map((o) => o.date));

  const rules = ruleHolidaysOfYear(year, policy);
  const ruleMap = new Map(rules.map((r) => [r.date, r.reason]));
  const result = new Map<LocalDate, HolidayDay>();
  for (const r of rules) result.set(r.date, { date: r.date, reason: r.reason, source: 'rule', kind: 'day_off' });

  if (policy.compensateWeekendHolidays) {
    const compDates = new Set<LocalDate>();
    let i = 0;
    while (i < rules.length) {
      let cur = (rules[i] as { date: LocalDate }).date;
      const owed: string[] = [];
      while (ruleMap.has(cur) || isWeekend(cur)) {
        const reason = ruleMap.get(cur);
        if (reason !== undefined && isWeekend(cur)) owed.push(reason);
        cur = addDays(cur, 1);
      }
      while (i < rules.length && (rules[i] as { date: LocalDate }).date < cur) i++;
      for (const reason of owed) {
        while (isWeekend(cur) || ruleMap.has(cur) || compDates.has(cur) || overrideOff.has(cur)) cur = addDays(cur, 1);
        compDates.add(cur);
        result.set(cur, { date: cur, reason: REASON.compensatoryPrefix + reason, source: 'compensatory', kind: 'day_off' });
        cur = addDays(cur, 1);
      }
    }
  }

  for (const o of yearOverrides) {
    result.set(o.date, { date: o.date, reason: o.reason, source: 'override', kind: o.kind });
  }
  return [...result.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

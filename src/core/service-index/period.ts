/**
 * Reporting periods of the service index: a month, a quarter, the first 6 or 9 months, a year, or a custom range
 * of local dates (inclusive). Pure and calendar-only (Vietnam civil dates).
 */
import { addDays, diffDays, makeLocalDate, parseLocalDate } from '../calendar/dates.ts';
import type { LocalDate } from '../calendar/types.ts';

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodRequest {
  kind: PeriodKind;
  year?: number | undefined;
  /** 1–12 for a month, 1–4 for a quarter. */
  index?: number | undefined;
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
}

export interface Period {
  kind: PeriodKind;
  from: LocalDate;
  to: LocalDate;
  label: { vi: string; en: string };
}

function lastDayOfMonth(year: number, month: number): LocalDate {
  return addDays(month === 12 ? makeLocalDate(year + 1, 1, 1) : makeLocalDate(year, month + 1, 1), -1);
}

const fmt = (d: LocalDate) => {
  const { year, month, day } = parseLocalDate(d);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
};

/** Resolves a request into dates; throws RangeError with a precise reason on a bad request. */
export function resolvePeriod(req: PeriodRequest): Period {
  const year = req.year;
  const needYear = () => {
    if (year === undefined || !Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError('year must be 2000–2100');
    return year;
  };
  switch (req.kind) {
    case 'month': {
      const y = needYear();
      const m = req.index;
      if (m === undefined || !Number.isInteger(m) || m < 1 || m > 12) throw new RangeError('month must be 1–12');
      return { kind: 'month', from: makeLocalDate(y, m, 1), to: lastDayOfMonth(y, m), label: { vi: `Tháng ${m}/${y}`, en: `${y}-${String(m).padStart(2, '0')}` } };
    }
    case 'quarter': {
      const y = needYear();
      const q = req.index;
      if (q === undefined || !Number.isInteger(q) || q < 1 || q > 4) throw new RangeError('quarter must be 1–4');
      return { kind: 'quarter', from: makeLocalDate(y, q * 3 - 2, 1), to: lastDayOfMonth(y, q * 3), label: { vi: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y}`, en: `Q${q} ${y}` } };
    }
    case 'half': {
      const y = needYear();
      return { kind: 'half', from: makeLocalDate(y, 1, 1), to: lastDayOfMonth(y, 6), label: { vi: `6 tháng đầu năm ${y}`, en: `First half of ${y}` } };
    }
    case 'nine_months': {
      const y = needYear();
      return { kind: 'nine_months', from: makeLocalDate(y, 1, 1), to: lastDayOfMonth(y, 9), label: { vi: `9 tháng năm ${y}`, en: `First nine months of ${y}` } };
    }
    case 'year': {
      const y = needYear();
      return { kind: 'year', from: makeLocalDate(y, 1, 1), to: makeLocalDate(y, 12, 31), label: { vi: `Năm ${y}`, en: `Year ${y}` } };
    }
    case 'custom': {
      const { from, to } = req;
      if (!from || !to) throw new RangeError('a custom period needs from and to');
      if (to < from) throw new RangeError('to is before from');
      if (diffDays(from, to) > 366 * 5) throw new RangeError('a custom period is at most 5 years');
      return { kind: 'custom', from, to, label: { vi: `${fmt(from)} – ${fmt(to)}`, en: `${from} – ${to}` } };
    }
  }
}

/**
 * The period to compare with: the previous month or quarter; the same part of the previous year for 6 months,
 * 9 months and a year; the same number of days just before for a custom range.
 */
export function previousPeriod(p: Period): Period {
  const { year, month } = parseLocalDate(p.from);
  switch (p.kind) {
    case 'month':
      return resolvePeriod(month === 1 ? { kind: 'month', year: year - 1, index: 12 } : { kind: 'month', year, index: month - 1 });
    case 'quarter': {
      const q = Math.floor((month - 1) / 3) + 1;
      return resolvePeriod(q === 1 ? { kind: 'quarter', year: year - 1, index: 4 } : { kind: 'quarter', year, index: q - 1 });
    }
    case 'half':
    case 'nine_months':
    case 'year':
      return resolvePeriod({ kind: p.kind, year: year - 1 });
    case 'custom': {
      const len = diffDays(p.from, p.to) + 1;
      return resolvePeriod({ kind: 'custom', from: addDays(p.from, -len), to: addDays(p.from, -1) });
    }
  }
}

/** The months (as month periods) of the period's year up to the month of `until` (trend over the year). */
export function monthsOfYearUntil(p: Period, until: LocalDate): Period[] {
  const { year } = parseLocalDate(p.to);
  const end = p.to < until ? p.to : until;
  const { year: ey, month: em } = parseLocalDate(end);
  const last = ey < year ? 0 : em;
  return Array.from({ length: last }, (_, i) => resolvePeriod({ kind: 'month', year, index: i + 1 }));
}

/** The months (as month periods) from the month of `from` to the month of `to`. */
export function monthsOfRange(from: LocalDate, to: LocalDate): Period[] {
  const out: Period[] = [];
  let { year, month } = parseLocalDate(from);
  const end = parseLocalDate(to);
  while (year < end.year || (year === end.year && month <= end.month)) {
    out.push(resolvePeriod({ kind: 'month', year, index: month }));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** First day of the month of a date. */
export function monthStart(d: LocalDate): LocalDate {
  const { year, month } = parseLocalDate(d);
  return makeLocalDate(year, month, 1);
}

/**
 * Splits [from, to] into whole months and edge days, so sums can read monthly buckets for whole months and
 * daily buckets only for the partial months at either end.
 */
export function splitByMonths(from: LocalDate, to: LocalDate): { months: LocalDate[]; days: [LocalDate, LocalDate][] } {
  const months: LocalDate[] = [];
  const days: [LocalDate, LocalDate][] = [];
  let cur = from;
  while (cur <= to) {
    const ms = monthStart(cur);
    const { year, month } = parseLocalDate(ms);
    const me = lastDayOfMonth(year, month);
    const segEnd = me < to ? me : to;
    if (cur === ms && segEnd === me) months.push(ms);
    else days.push([cur, segEnd]);
    cur = addDays(segEnd, 1);
  }
  return { months, days };
}

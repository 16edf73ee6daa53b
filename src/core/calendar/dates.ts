/**
 * Civil-date arithmetic on `LocalDate` strings ('YYYY-MM-DD', proleptic Gregorian).
 *
 * Everything here is pure integer arithmetic on "epoch days" (days since 1970-01-01); no time zone is involved
 * because a LocalDate is already a civil date in Vietnam.
 */
import type { LocalDate } from './types.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' strictly (rejects 2025-02-30, missing zero padding, …). */
export function parseLocalDate(d: LocalDate): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(d);
  if (!m) throw new RangeError(`Invalid LocalDate '${d}' (expected YYYY-MM-DD)`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid LocalDate '${d}' (no such day)`);
  }
  return { year, month, day };
}

export function isLocalDate(d: unknown): d is LocalDate {
  if (typeof d !== 'string') return false;
  try {
    parseLocalDate(d);
    return true;
  } catch {
    return false;
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Builds a LocalDate from numeric parts (validated). */
export function makeLocalDate(year: number, month: number, day: number): LocalDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  parseLocalDate(s);
  return s;
}

/** Days since 1970-01-01 (negative before). Julian Day Number = epochDay + 2440588. */
export function toEpochDay(d: LocalDate): number {
  const { year, month, day } = parseLocalDate(d);
  return daysFromCivil(year, month, day);
}

/** H. Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function fromEpochDay(n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Epoch day must be an integer, got ${n}`);
  const { year, month, day } = civilFromDays(n);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** d + n calendar days (n may be negative). */
export function addDays(d: LocalDate, n: number): LocalDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/** b − a in calendar days. */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  const e = toEpochDay(d);
  return ((((e + 3) % 7) + 7) % 7) + 1;
}

export function compareLocalDate(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // fixed-width ISO strings sort lexicographically
}

export function yearOf(d: LocalDate): number {
  return parseLocalDate(d).year;
}

const WEEKDAY_VI = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;

/** Vietnamese weekday name for an ISO weekday (1..7). */
export function weekdayNameVi(isoDay: number): string {
  return WEEKDAY_VI[isoDay - 1] ?? '';
}

/**
 * Vietnamese lunar calendar (âm lịch, UTC+7) ⇄ Gregorian dates, valid for solar dates 1900-01-01..2100-12-31.
 *
 * Reads only the precomputed table in lunar-table.ts (generated from precise astronomy by
 * scripts/gen-lunar-table.ts), so it is fast, tiny and browser-safe.
 */
import type { LocalDate, LunarDate } from './types.ts';
import { fromEpochDay, toEpochDay, daysFromCivil } from './dates.ts';
import { LUNAR_TABLE, LUNAR_TABLE_FIRST_YEAR } from './lunar-table.ts';

export const LUNAR_MIN_DATE: LocalDate = '1900-01-01';
export const LUNAR_MAX_DATE: LocalDate = '2100-12-31';

interface LunarYearInfo {
  year: number;
  /** Epoch day of 1/1 (Tết). */
  newYear: number;
  /** 0 = no leap month, else the number of the month that is repeated. */
  leapMonth: number;
  /** Lengths (29/30) of the months in order (12 or 13 entries; the leap month follows its namesake). */
  lengths: number[];
}

let parsed: LunarYearInfo[] | null = null;

function table(): LunarYearInfo[] {
  if (parsed) return parsed;
  parsed = LUNAR_TABLE.map((row, i) => {
    const [date, leap, bits] = row.split(' ') as [string, string, string];
    return {
      year: LUNAR_TABLE_FIRST_YEAR + i,
      newYear: toEpochDay(date),
      leapMonth: Number(leap),
      lengths: [...bits].map((b) => (b === '1' ? 30 : 29)),
    };
  });
  return parsed;
}

function yearInfo(year: number): LunarYearInfo | undefined {
  return table()[year - LUNAR_TABLE_FIRST_YEAR];
}

const MIN_DAY = daysFromCivil(1900, 1, 1);
const MAX_DAY = daysFromCivil(2100, 12, 31);

function checkRange(day: number, what: string): void {
  if (day < MIN_DAY || day > MAX_DAY) {
    throw new RangeError(`${what} is outside the supported range ${LUNAR_MIN_DATE}..${LUNAR_MAX_DATE}`);
  }
}

/** Month number and leap flag of the i-th month (0-based) of a lunar year. */
function monthAt(info: LunarYearInfo, i: number): { month: number; leap: boolean } {
  if (info.leapMonth === 0 || i < info.leapMonth) return { month: i + 1, leap: false };
  if (i === info.leapMonth) return { month: info.leapMonth, leap: true };
  return { month: i, leap: false };
}

/** Gregorian (Vietnam civil) date → Vietnamese lunar date. */
export function solarToLunar(date: LocalDate): LunarDate {
  const day = toEpochDay(date);
  checkRange(day, `Date ${date}`);
  // Tết falls between 21 Jan and 20 Feb, so the lunar year is the Gregorian year or the one before.
  const gy = Number(date.slice(0, 4));
  let info = yearInfo(gy);
  if (!info || day < info.newYear) info = yearInfo(gy - 1);
  if (!info) throw new RangeError(`Date ${date} is outside the lunar table`);
  let start = info.newYear;
  for (let i = 0; i < info.lengths.length; i++) {
    const len = info.lengths[i] as number;
    if (day < start + len) {
      const { month, leap } = monthAt(info, i);
      return { day: day - start + 1, month, year: info.year, leap };
    }
    start += len;
  }
  /* c8 ignore next */
  throw new Error(`Lunar table inconsistent near ${date}`);
}

/**
 * Vietnamese lunar date → Gregorian date. Throws RangeError for a non-existent lunar date (leap flag on a month
 * that is not leap that year, day 30 of a 29-day month, …) or a result outside 1900-01-01..2100-12-31.
 */
export function lunarToSolar(l: LunarDate): LocalDate {
  const { day, month, year, leap } = l;
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) {
    throw new RangeError(`Invalid lunar date ${JSON.stringify(l)}`);
  }
  if (day < 1 || day > 30) throw new RangeError(`Invalid lunar date ${JSON.stringify(l)}`);
  const { start, len } = monthSpan(year, month, leap);
  if (day > len) throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''}/${year} has only ${len} days`);
  const result = start + day - 1;
  checkRange(result, `Lunar date ${day}/${month}${leap ? 'N' : ''}/${year}`);
  return fromEpochDay(result);
}

/** The leap month of a lunar year (0 = none). */
export function leapMonthOf(lunarYear: number): number {
  const info = yearInfo(lunarYear);
  if (!info) throw new RangeError(`Lunar year ${lunarYear} outside the table`);
  return info.leapMonth;
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(lunarYear: number, month: number, leap = false): number {
  return monthSpan(lunarYear, month, leap).len;
}

function monthSpan(year: number, month: number, leap: boolean): { start: number; len: number } {
  const info = yearInfo(year);
  if (!info || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid or unsupported lunar month ${month}/${year}`);
  }
  if (leap && info.leapMonth !== month) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  let idx = month - 1;
  if (info.leapMonth !== 0 && (month > info.leapMonth || (leap && month === info.leapMonth))) idx += 1;
  let start = info.newYear;
  for (let i = 0; i < idx; i++) start += info.lengths[i] as number;
  return { start, len: info.lengths[idx] as number };
}

/**
 * Solar date of Tết (1/1 lunar) of the lunar year that begins in Gregorian year `year` (1900..2100).
 * (Tết 1900 is 1900-01-31; the lunar year 1899 began before the supported range.)
 */
export function tetOf(year: number): LocalDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false });
}

/** The last day of lunar year `year` (29 or 30 tháng Chạp, or of leap month 12). */
export function lastDayOfLunarYear(year: number): LocalDate {
  const next = yearInfo(year + 1);
  if (!next) throw new RangeError(`Lunar year ${year} outside the table`);
  const d = next.newYear - 1;
  checkRange(d, `Last day of lunar year ${year}`);
  return fromEpochDay(d);
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** Sexagenary name of a lunar year, e.g. 2026 → 'Bính Ngọ', 1968 → 'Mậu Thân'. */
export function lunarYearName(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}

/** 'D/M[ nhuận]/YYYY' formatting used in reasons and UI. */
export function formatLunarDate(l: LunarDate): string {
  return `${l.day}/${l.month}${l.leap ? ' nhuận' : ''}/${l.year}`;
}

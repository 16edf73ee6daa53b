/**
 * Generates src/core/calendar/lunar-table.ts — the Vietnamese lunar calendar 1899..2101 — from precise astronomy
 * (astronomy-engine, MIT). Run: `npx tsx scripts/gen-lunar-table.ts` (add `--check` to only compare with the
 * committed file, exit code 1 on difference). The runtime converter (lunar.ts) reads only the generated table.
 *
 * Rules (Vietnamese calendar, all computed at UTC+7 for every year):
 *  - a lunar month starts on the civil day (UTC+7) containing the astronomical new moon;
 *  - month 11 is the month containing the winter solstice (sun apparent longitude 270°), compared by civil day:
 *    the month whose first day ≤ civil day of the solstice < first day of the next month;
 *  - when there are 13 months from one month 11 (inclusive) to the next (exclusive), the leap month is the first
 *    month after month 11 that contains no major solar term (zhongqi / trung khí: apparent longitude a multiple of
 *    30°); a month [start, nextStart) "contains" a term when start ≤ civil day of the term < nextStart;
 *    the leap month takes the number of the month before it.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { SearchMoonPhase, SearchSunLongitude, Seasons, MakeTime } from 'astronomy-engine';
import { fromEpochDay } from '../src/core/calendar/dates.ts';

const TZ_MS = 7 * 3600_000;
const FIRST_YEAR = 1899;
const LAST_YEAR = 2101;

/** Civil epoch day at UTC+7 of an instant. */
function civilDay(d: Date): number {
  return Math.floor((d.getTime() + TZ_MS) / 86_400_000);
}

function utc(y: number, m: number, d: number): Date {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t;
}

export interface NewMoon {
  day: number;
  at: Date;
}

export function computeNewMoons(from: Date, to: Date): NewMoon[] {
  const out: NewMoon[] = [];
  let t = MakeTime(from);
  for (;;) {
    const nm = SearchMoonPhase(0, t, 40);
    if (!nm) throw new Error('new moon search failed');
    if (nm.date > to) break;
    out.push({ day: civilDay(nm.date), at: nm.date });
    t = nm.AddDays(1);
  }
  return out;
}

/** Civil days (UTC+7) of every major solar term (multiple of 30°) in [fromYear, toYear]. */
export function computeMajorTerms(fromYear: number, toYear: number): { day: number; lon: number; at: Date }[] {
  const out: { day: number; lon: number; at: Date }[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (let lon = 0; lon < 360; lon += 30) {
      // Longitude 0 is near 20 March; start each search at 1 Jan − 10 days so each term of year y is found once.
      const start = MakeTime(utc(y, 1, 1)).AddDays(-10);
      const t = SearchSunLongitude(lon, start, 370);
      if (!t) throw new Error(`term ${lon} ${y} not found`);
      if (t.date.getUTCFullYear() === y) out.push({ day: civilDay(t.date), lon, at: t.date });
    }
  }
  out.sort((a, b) => a.at.getTime() - b.at.getTime());
  return out;
}

interface Month {
  start: number;
  next: number;
  month: number;
  year: number;
  leap: boolean;
}

export function buildMonths(): Month[] {
  const newMoons = computeNewMoons(utc(FIRST_YEAR - 2, 10, 1), utc(LAST_YEAR + 2, 3, 1));
  const terms = computeMajorTerms(FIRST_YEAR - 2, LAST_YEAR + 2);
  const termDays = terms.map((t) => t.day);
  const nmDays = newMoons.map((n) => n.day);

  const hasTerm = (start: number, next: number) => termDays.some((d) => d >= start && d < next);
  const month11Index = (gregYear: number): number => {
    const sol = civilDay(Seasons(gregYear).dec_solstice.date);
    let idx = -1;
    for (let i = 0; i < nmDays.length; i++) if ((nmDays[i] as number) <= sol) idx = i;
    return idx;
  };

  const months: Month[] = [];
  for (let y = FIRST_YEAR - 1; y <= LAST_YEAR; y++) {
    // The "sui" from month 11 of Gregorian year y to month 11 of y+1; its months 1..10 belong to lunar year y+1.
    const a = month11Index(y);
    const b = month11Index(y + 1);
    const count = b - a;
    if (count !== 12 && count !== 13) throw new Error(`sui ${y}: ${count} months`);
    let leapAt = -1;
    if (count === 13) {
      for (let i = a + 1; i < b; i++) {
        if (!hasTerm(nmDays[i] as number, nmDays[i + 1] as number)) {
          leapAt = i;
          break;
        }
      }
      if (leapAt < 0) throw new Error(`sui ${y}: 13 months but no month without a major term`);
    }
    let label = 10; // incremented before use: month 11 first
    for (let i = a; i < b; i++) {
      const leap = i === leapAt;
      if (!leap) label = label === 12 ? 1 : label + 1;
      // Months 11 and 12 (and a leap 11/12) at the start of the sui belong to lunar year y; from month 1 on, y+1.
      const year = label >= 11 ? y : y + 1;
      months.push({ start: nmDays[i] as number, next: nmDays[i + 1] as number, month: label, year, leap });
    }
  }
  return months;
}

export function buildRows(): string[] {
  const months = buildMonths();
  const rows: string[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    const ms = months.filter((m) => m.year === y);
    const first = ms[0];
    if (!first || first.month !== 1 || first.leap) throw new Error(`year ${y}: bad first month`);
    if (ms.length !== 12 && ms.length !== 13) throw new Error(`year ${y}: ${ms.length} months`);
    for (let i = 1; i < ms.length; i++) {
      if ((ms[i] as Month).start !== (ms[i - 1] as Month).next) throw new Error(`year ${y}: gap`);
    }
    const leap = ms.find((m) => m.leap)?.month ?? 0;
    const bits = ms
      .map((m) => {
        const len = m.next - m.start;
        if (len !== 29 && len !== 30) throw new Error(`year ${y}: month length ${len}`);
        return len === 30 ? '1' : '0';
      })
      .join('');
    rows.push(`${fromEpochDay(first.start)} ${leap} ${bits}`);
  }
  return rows;
}

function render(rows: string[]): string {
  return `// GENERATED by scripts/gen-lunar-table.ts from astronomy-engine — do not edit by hand.
// Vietnamese lunar calendar (UTC+7), lunar years ${FIRST_YEAR}..${LAST_YEAR}, one row per lunar year:
//   '<solar date of Tết (1/1 lunar)> <leap month number, 0 = none> <month lengths in order, 1 = 30 days, 0 = 29>'
// The leap month (if any) follows the ordinary month of the same number in the length string.

export const LUNAR_TABLE_FIRST_YEAR = ${FIRST_YEAR};

export const LUNAR_TABLE: readonly string[] = [
${rows.map((r) => `  '${r}',`).join('\n')}
];
`;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'calendar', 'lunar-table.ts');
  const text = render(buildRows());
  if (process.argv.includes('--check')) {
    const same = readFileSync(out, 'utf8') === text;
    console.log(same ? 'lunar-table.ts is up to date' : 'lunar-table.ts differs from the generator output');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}

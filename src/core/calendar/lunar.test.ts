import { describe, expect, it } from 'vitest';
import {
  formatLunarDate,
  lastDayOfLunarYear,
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  lunarYearName,
  solarToLunar,
  tetOf,
} from './lunar.ts';
import { LUNAR_TABLE, LUNAR_TABLE_FIRST_YEAR } from './lunar-table.ts';
import { civilFromDays, daysFromCivil, fromEpochDay } from './dates.ts';
import { hndSolarToLunar } from './hnd-reference.ts';

const FIRST = daysFromCivil(1900, 1, 1);
const LAST = daysFromCivil(2100, 12, 31);

describe('Tết (1/1 lunar) — official Vietnamese dates', () => {
  // Known Vietnamese Tết dates. Where VN (UTC+7) and CN (UTC+8) differ it is noted; the rule is "a month starts on
  // the civil day, at UTC+7, of the new moon".
  const TET: [number, string][] = [
    [1900, '1900-01-31'],
    [1945, '1945-02-13'],
    [1954, '1954-02-03'],
    // Mậu Thân 1968: new moon 1968-01-29 16:29 UTC = 23:29 UTC+7 (29 Jan) but 00:29 UTC+8 (30 Jan, China and the
    // South Vietnamese calendar of the time).
    [1968, '1968-01-29'],
    [1975, '1975-02-11'],
    // Ất Sửu 1985: VN 21 Jan vs CN 20 Feb — the UTC+7 month 11 of 1984 differs, so VN has no leap month in 1984
    // and a leap month 2 in 1985 (CN: leap 10 in 1984).
    [1985, '1985-01-21'],
    [2000, '2000-02-05'],
    [2001, '2001-01-24'],
    [2004, '2004-01-22'],
    [2006, '2006-01-29'],
    // Đinh Hợi 2007: new moon 2007-02-17 16:14 UTC = 23:14 UTC+7 (17 Feb) vs 00:14 UTC+8 (18 Feb in China).
    [2007, '2007-02-17'],
    [2008, '2008-02-07'],
    [2009, '2009-01-26'],
    [2010, '2010-02-14'],
    [2011, '2011-02-03'],
    [2012, '2012-01-23'],
    [2013, '2013-02-10'],
    [2014, '2014-01-31'],
    [2015, '2015-02-19'],
    [2016, '2016-02-08'],
    [2017, '2017-01-28'],
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    // Canh Tuất 2030: new moon 2030-02-02 16:08 UTC = 23:08 UTC+7 on 2 Feb, so the Vietnamese Tết is Saturday
    // 2 Feb 2030; 3 Feb is the Chinese date (00:08 UTC+8). Same situation as 2007.
    [2030, '2030-02-02'],
    [2031, '2031-01-23'],
    [2033, '2033-01-31'],
    [2036, '2036-01-28'],
    [2100, '2100-02-09'],
  ];
  it.each(TET)('Tết %i is %s', (year, date) => {
    expect(tetOf(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
    // The day before Tết is the last day of the previous lunar year (29 or 30 of month 12, never leap here).
    const eve = solarToLunar(fromEpochDay(daysFromCivil(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8)) - 1));
    expect(eve.year).toBe(year - 1);
    expect(eve.month).toBe(12);
    expect([29, 30]).toContain(eve.day);
  });

  it('lunarYearName gives the sexagenary names', () => {
    expect(lunarYearName(1968)).toBe('Mậu Thân');
    expect(lunarYearName(1985)).toBe('Ất Sửu');
    expect(lunarYearName(2024)).toBe('Giáp Thìn');
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
  });
});

describe('leap months (tháng nhuận)', () => {
  const LEAP: [number, number][] = [
    [1984, 0], // VN: none (CN: 10) — see 1985
    [1985, 2], // VN only
    [2001, 4],
    [2004, 2],
    [2006, 7],
    [2009, 5],
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2024, 0],
    [2025, 6],
    [2026, 0],
    [2028, 5],
    [2031, 3],
    // 2033: 13 months between the month-11s of 2033 and 2034; the first month without a major term is the one
    // after month 11 → leap 11 (the "2033 problem", resolved the same way as the Chinese standard GB/T 33661).
    [2033, 11],
    [2036, 6],
  ];
  it.each(LEAP)('lunar year %i has leap month %i', (year, leap) => {
    expect(leapMonthOf(year)).toBe(leap);
  });

  it('2023: leap month 2 runs 22 Mar – 19 Apr 2023', () => {
    // 1/2 nhuận = new moon 2023-03-22 (00:23 UTC+7); 1/3 = 2023-04-20 (11:12 UTC+7, solar eclipse).
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(solarToLunar('2023-04-19')).toEqual({ day: 29, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2023-04-20')).toEqual({ day: 1, month: 3, year: 2023, leap: false });
    expect(solarToLunar('2023-03-21')).toEqual({ day: 30, month: 2, year: 2023, leap: false });
  });

  it('2025: leap month 6 starts 25 Jul 2025', () => {
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: false })).toBe('2025-06-25');
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    expect(solarToLunar('2025-08-23')).toEqual({ day: 1, month: 7, year: 2025, leap: false });
  });

  it('rejects a leap flag on a month that is not leap that year', () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 2, year: 2024, leap: true })).toThrow(RangeError);
  });
});

describe('other known dates', () => {
  it('Giỗ Tổ Hùng Vương 10/3 lunar', () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2021, leap: false })).toBe('2021-04-21');
    expect(lunarToSolar({ day: 10, month: 3, year: 2022, leap: false })).toBe('2022-04-10');
    expect(lunarToSolar({ day: 10, month: 3, year: 2023, leap: false })).toBe('2023-04-29');
    expect(lunarToSolar({ day: 10, month: 3, year: 2024, leap: false })).toBe('2024-04-18');
    expect(lunarToSolar({ day: 10, month: 3, year: 2025, leap: false })).toBe('2025-04-07');
    expect(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false })).toBe('2026-04-26');
  });

  it('Mid-autumn 15/8 lunar 2024 = 17 Sep 2024, 2025 = 6 Oct 2025', () => {
    expect(lunarToSolar({ day: 15, month: 8, year: 2024, leap: false })).toBe('2024-09-17');
    expect(lunarToSolar({ day: 15, month: 8, year: 2025, leap: false })).toBe('2025-10-06');
  });

  it('range ends', () => {
    // 1900-01-01 lies in month 12 of lunar 1899 (which began 1899-12-02); 2100-12-31 is 1/12/2100.
    expect(solarToLunar('1900-01-01')).toEqual({ day: 1, month: 12, year: 1899, leap: false });
    expect(solarToLunar('2100-12-31')).toEqual({ day: 1, month: 12, year: 2100, leap: false });
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
    expect(() => solarToLunar('2101-01-01')).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 2101, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 30, month: 11, year: 1899, leap: false })).toThrow(RangeError);
  });

  it('rejects impossible lunar dates', () => {
    // Month 12 of Ất Tỵ (2026-01-19 .. 2026-02-16) has 29 days, so 30/12/2025 does not exist.
    expect(lunarMonthLength(2025, 12)).toBe(29);
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toThrow(RangeError);
    // Month 12 of Giáp Thìn (2024-12-31 .. 2025-01-28) has 29 days too; month 11 of Giáp Thìn has 30.
    expect(lunarMonthLength(2024, 11)).toBe(30);
    expect(() => lunarToSolar({ day: 0, month: 1, year: 2025, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2025, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1.5, month: 1, year: 2025, leap: false })).toThrow(RangeError);
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
  });

  it('lastDayOfLunarYear and formatLunarDate', () => {
    // Tết 2026 is 17 Feb, so the last day of Ất Tỵ is 16 Feb 2026 — 29 tháng Chạp: month 12 of Ất Tỵ starts on
    // the new moon of 2026-01-19 and has 29 days, so there is no "30 Tết" that year.
    expect(lastDayOfLunarYear(2025)).toBe('2026-02-16');
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(lunarToSolar({ day: 1, month: 12, year: 2025, leap: false })).toBe('2026-01-19');
    expect(formatLunarDate({ day: 1, month: 2, year: 2023, leap: true })).toBe('1/2 nhuận/2023');
  });
});

describe('table integrity', () => {
  it('covers lunar years 1899..2101 and is consistent', () => {
    expect(LUNAR_TABLE_FIRST_YEAR).toBe(1899);
    expect(LUNAR_TABLE.length).toBe(2101 - 1899 + 1);
    LUNAR_TABLE.forEach((row, i) => {
      const [tet, leap, bits] = row.split(' ') as [string, string, string];
      const next = LUNAR_TABLE[i + 1];
      // 13 months iff there is a leap month; Tết always between 21 Jan and 20 Feb.
      expect(bits.length).toBe(leap === '0' ? 12 : 13);
      expect(tet.slice(5) >= '01-21' && tet.slice(5) <= '02-20').toBe(true);
      if (next) {
        const len = [...bits].reduce((s, b) => s + (b === '1' ? 30 : 29), 0);
        const t0 = daysFromCivil(+tet.slice(0, 4), +tet.slice(5, 7), +tet.slice(8));
        const n = next.slice(0, 10);
        expect(fromEpochDay(t0 + len)).toBe(n);
      }
    });
  });

  it('solarToLunar and lunarToSolar are inverse on every day 1900-01-01..2100-12-31', () => {
    let prev = solarToLunar(fromEpochDay(FIRST));
    let bad = 0;
    for (let e = FIRST; e <= LAST; e++) {
      const d = fromEpochDay(e);
      const l = solarToLunar(d);
      if (lunarToSolar(l) !== d) bad++;
      // Consecutive days: day + 1, or day 1 of the next month after day 29/30.
      if (e > FIRST && !(l.day === prev.day + 1 && l.month === prev.month && l.leap === prev.leap)) {
        if (!(l.day === 1 && (prev.day === 29 || prev.day === 30))) bad++;
      }
      prev = l;
    }
    expect(bad).toBe(0);
  });
});

describe('cross-check with Hồ Ngọc Đức’s algorithm (timezone 7), every day 1900–2100', () => {
  /*
   * The table comes from precise astronomy (astronomy-engine); Hồ Ngọc Đức's algorithm uses Meeus' truncated
   * series (errors of a few minutes). They agree on every day except these, all explained:
   *  1. 1938-08-25..1938-10-22: the September equinox (sun longitude 180°) is at 1938-09-24 00:00:01.5 UTC+7 —
   *     1.5 s after midnight. Precise: the month starting 1938-08-25 has no major term → leap month 7 (which is also
   *     the Chinese calendar's 閏七月 of 1938). Hồ's series puts the equinox before midnight → leap month 8.
   *     (1.5 s is inside every model's uncertainty: this date is genuinely borderline.)
   *  2. 2054-05-07 and 2062-04-09: both sides agree on the month starts (new moons 2054-05-08 00:01:09 and
   *     2062-04-10 00:17:27 UTC+7); Hồ's converter returns "day 0 of the next month" for the last day of the month
   *     (a known artefact of its k-estimate), the table gives 30/3/2054 and 30/2/2062.
   *  3. 2072-12-09..2073-01-07: new moon at 2072-12-09 23:59:23 UTC+7 (37 s before midnight) → month 11 starts
   *     9 Dec 2072 (precise) vs 10 Dec (Hồ). ΔT for 2072 is itself uncertain by far more than 37 s.
   *  4. 2085-10-18..2085-11-16: new moon at 2085-10-19 00:00:16 UTC+7 (16 s after midnight) → month 9 starts
   *     19 Oct 2085 (precise) vs 18 Oct (Hồ). Same caveat.
   */
  it('disagrees only on the documented near-midnight days', () => {
    const diffs: string[] = [];
    for (let e = FIRST; e <= LAST; e++) {
      const d = fromEpochDay(e);
      const c = civilFromDays(e);
      const a = solarToLunar(d);
      const [hd, hm, hy, hl] = hndSolarToLunar(c.day, c.month, c.year, 7);
      if (a.day !== hd || a.month !== hm || a.year !== hy || a.leap !== (hl === 1)) diffs.push(d);
    }
    const range = (from: string, to: string) => {
      const out: string[] = [];
      const f = daysFromCivil(+from.slice(0, 4), +from.slice(5, 7), +from.slice(8));
      const t = daysFromCivil(+to.slice(0, 4), +to.slice(5, 7), +to.slice(8));
      for (let e = f; e <= t; e++) out.push(fromEpochDay(e));
      return out;
    };
    expect(diffs).toEqual([
      ...range('1938-08-25', '1938-10-22'),
      '2054-05-07',
      '2062-04-09',
      ...range('2072-12-09', '2073-01-07'),
      ...range('2085-10-18', '2085-11-16'),
    ]);
    // 59 + 2 + 30 + 30 days
    expect(diffs.length).toBe(121);
  });

  it('the reference implementation reproduces the VN/CN-sensitive dates too', () => {
    expect(hndSolarToLunar(21, 1, 1985)).toEqual([1, 1, 1985, 0]);
    expect(hndSolarToLunar(17, 2, 2007)).toEqual([1, 1, 2007, 0]);
    expect(hndSolarToLunar(29, 1, 1968)).toEqual([1, 1, 1968, 0]);
    expect(hndSolarToLunar(2, 2, 2030)).toEqual([1, 1, 2030, 0]);
    // With timezone 8 the same algorithm gives the Chinese dates.
    expect(hndSolarToLunar(20, 2, 1985, 8)).toEqual([1, 1, 1985, 0]);
    expect(hndSolarToLunar(18, 2, 2007, 8)).toEqual([1, 1, 2007, 0]);
    expect(hndSolarToLunar(3, 2, 2030, 8)).toEqual([1, 1, 2030, 0]);
  });
});

describe('generated table is reproducible', () => {
  it('scripts/gen-lunar-table.ts (astronomy-engine) regenerates exactly the committed rows', async () => {
    // Dev-only import: the runtime converter never loads astronomy-engine.
    const { buildRows } = await import('../../../scripts/gen-lunar-table.ts');
    expect(buildRows()).toEqual([...LUNAR_TABLE]);
  }, 60_000);
});

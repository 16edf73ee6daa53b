import { describe, expect, it } from 'vitest';
import { chooseAdjacentDay, holidaysOfYear, ruleHolidaysOfYear } from './holidays.ts';
import {
  DEFAULT_CALENDAR_POLICIES,
  POLICY_LABOUR_CODE_2012,
  POLICY_LABOUR_CODE_2019,
  policyFor,
  validatePolicies,
  withPolicyDefaults,
} from './policies.ts';
import { isoWeekday } from './dates.ts';
import type { CalendarPolicy, HolidayDay } from './types.ts';

const P19 = POLICY_LABOUR_CODE_2019;
const P12 = POLICY_LABOUR_CODE_2012;
const brief = (hs: HolidayDay[]) => hs.map((h) => `${h.date} ${h.source} ${h.kind} ${h.reason}`);

describe('holidaysOfYear — Labour Code 2019 defaults', () => {
  it('2026: Tết Mon 16 – Fri 20 Feb, Hùng Kings on Sunday 26/4 → Monday 27/4 off, 2/9 Wed + 1/9 (tie-break)', () => {
    // Tết Bính Ngọ = Tue 17 Feb 2026; default = last day of Ất Tỵ (Mon 16, 29 Chạp) + mùng 1–4 (17–20).
    // 10/3 lunar = Sun 26 Apr → compensatory on the next weekday, Mon 27 Apr.
    // 2/9 is a Wednesday: both neighbours are weekdays not touching the weekend → tie-break 'before' → Tue 1/9.
    expect(brief(holidaysOfYear(2026, P19, []))).toEqual([
      '2026-01-01 rule day_off Tết Dương lịch',
      '2026-02-16 rule day_off Tết Nguyên đán',
      '2026-02-17 rule day_off Tết Nguyên đán',
      '2026-02-18 rule day_off Tết Nguyên đán',
      '2026-02-19 rule day_off Tết Nguyên đán',
      '2026-02-20 rule day_off Tết Nguyên đán',
      '2026-04-26 rule day_off Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2026-04-27 compensatory day_off Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2026-04-30 rule day_off Ngày Chiến thắng 30/4',
      '2026-05-01 rule day_off Quốc tế Lao động 1/5',
      '2026-09-01 rule day_off Quốc khánh 2/9 (ngày liền kề)',
      '2026-09-02 rule day_off Quốc khánh 2/9',
    ]);
  });

  it('2022: 1/1 on Saturday, Hùng Kings on Sunday, 30/4 Sat + 1/5 Sun → two compensatory days 2–3/5', () => {
    // Block 30/4 (Sat) – 1/5 (Sun) holds two weekend holidays → the first two weekdays after it: Mon 2, Tue 3 May
    // (this is also what the official 2022 notice gave). 2/9/2022 is a Friday → adjacent day Thu 1/9.
    expect(brief(holidaysOfYear(2022, P19, []))).toEqual([
      '2022-01-01 rule day_off Tết Dương lịch',
      '2022-01-03 compensatory day_off Nghỉ bù Tết Dương lịch',
      '2022-01-31 rule day_off Tết Nguyên đán',
      '2022-02-01 rule day_off Tết Nguyên đán',
      '2022-02-02 rule day_off Tết Nguyên đán',
      '2022-02-03 rule day_off Tết Nguyên đán',
      '2022-02-04 rule day_off Tết Nguyên đán',
      '2022-04-10 rule day_off Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2022-04-11 compensatory day_off Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2022-04-30 rule day_off Ngày Chiến thắng 30/4',
      '2022-05-01 rule day_off Quốc tế Lao động 1/5',
      '2022-05-02 compensatory day_off Nghỉ bù Ngày Chiến thắng 30/4',
      '2022-05-03 compensatory day_off Nghỉ bù Quốc tế Lao động 1/5',
      '2022-09-01 rule day_off Quốc khánh 2/9 (ngày liền kề)',
      '2022-09-02 rule day_off Quốc khánh 2/9',
    ]);
  });

  it('2023: Tết on a weekend, Hùng Kings Sat 29/4 + 30/4 Sun + 1/5 Mon, 2/9 on Saturday', () => {
    // Tết: Sat 21 Jan (last day of Nhâm Dần) – Wed 25 Jan; Sat 21 and Sun 22 are weekend → 2 compensatory days
    // after the block (block ends Wed 25): Thu 26, Fri 27.
    // Block Sat 29/4 – Mon 1/5: 29/4 and 30/4 fall on the weekend → Tue 2/5, Wed 3/5.
    // 2/9 Saturday → adjacent Fri 1/9 (weekday beats Sunday 3/9); block Fri 1 – Sun 3 → compensatory Mon 4/9
    // (official 2023 schedule: 1–4/9).
    expect(brief(holidaysOfYear(2023, P19, []))).toEqual([
      '2023-01-01 rule day_off Tết Dương lịch',
      '2023-01-02 compensatory day_off Nghỉ bù Tết Dương lịch',
      '2023-01-21 rule day_off Tết Nguyên đán',
      '2023-01-22 rule day_off Tết Nguyên đán',
      '2023-01-23 rule day_off Tết Nguyên đán',
      '2023-01-24 rule day_off Tết Nguyên đán',
      '2023-01-25 rule day_off Tết Nguyên đán',
      '2023-01-26 compensatory day_off Nghỉ bù Tết Nguyên đán',
      '2023-01-27 compensatory day_off Nghỉ bù Tết Nguyên đán',
      '2023-04-29 rule day_off Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2023-04-30 rule day_off Ngày Chiến thắng 30/4',
      '2023-05-01 rule day_off Quốc tế Lao động 1/5',
      '2023-05-02 compensatory day_off Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2023-05-03 compensatory day_off Nghỉ bù Ngày Chiến thắng 30/4',
      '2023-09-01 rule day_off Quốc khánh 2/9 (ngày liền kề)',
      '2023-09-02 rule day_off Quốc khánh 2/9',
      '2023-09-04 compensatory day_off Nghỉ bù Quốc khánh 2/9',
    ]);
  });

  it('2025: Tết Tue 28 Jan – Sat 1 Feb → compensatory Mon 3 Feb; Hùng Kings Mon 7/4', () => {
    const hs = holidaysOfYear(2025, P19, []);
    expect(hs.filter((h) => h.date < '2025-03-01').map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-28', // 29 Chạp Giáp Thìn (month 12 has 29 days)
      '2025-01-29', // mùng 1
      '2025-01-30',
      '2025-01-31',
      '2025-02-01', // mùng 4, Saturday
      '2025-02-03', // the block runs Tue 28 – Sun 2 Feb → first weekday after: Mon 3 Feb
    ]);
    expect(hs.find((h) => h.date === '2025-04-07')?.reason).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  });

  it('National Day adjacent day for every weekday of 2/9 (matches the official notices of 2021–2025)', () => {
    const adjacent = (y: number) =>
      ruleHolidaysOfYear(y, P19).find((h) => h.reason === 'Quốc khánh 2/9 (ngày liền kề)')?.date;
    expect(adjacent(2021)).toBe('2021-09-03'); // 2/9 Thu → Fri 3/9 (touches the weekend)
    expect(adjacent(2022)).toBe('2022-09-01'); // Fri → Thu 1/9 (3/9 is Saturday)
    expect(adjacent(2023)).toBe('2023-09-01'); // Sat → Fri 1/9 (3/9 is Sunday)
    expect(adjacent(2024)).toBe('2024-09-03'); // Mon → Tue 3/9 (1/9 is Sunday)
    expect(adjacent(2025)).toBe('2025-09-01'); // Tue → Mon 1/9 (touches the weekend; 3/9 Wed does not)
    expect(adjacent(2026)).toBe('2026-09-01'); // Wed → tie → 'before'
    expect(adjacent(2029)).toBe('2029-09-03'); // Sun → Mon 3/9
    // 2029: 2/9 Sunday → compensatory Tue 4/9 (Mon 3/9 is already the adjacent holiday).
    expect(holidaysOfYear(2029, P19, []).filter((h) => h.date >= '2029-09-01').map((h) => `${h.date} ${h.source}`)).toEqual([
      '2029-09-02 rule',
      '2029-09-03 rule',
      '2029-09-04 compensatory',
    ]);
  });

  it('chooseAdjacentDay honours the tie-break and custom weekends', () => {
    const satSun = (d: string) => [6, 7].includes(isoWeekday(d));
    expect(chooseAdjacentDay('2026-09-02', satSun, 'after')).toBe('2026-09-03');
    expect(chooseAdjacentDay('2026-09-02', satSun, 'before')).toBe('2026-09-01');
    // Sunday-only weekend: 2/9/2023 is Saturday (a working day then); 3/9 Sunday is a rest day → choose 1/9.
    const sunOnly = (d: string) => isoWeekday(d) === 7;
    expect(chooseAdjacentDay('2023-09-02', sunOnly, 'after')).toBe('2023-09-01');
  });

  it('rule holidays never coincide with each other 2014–2100 (so merging reasons is only a safety net)', () => {
    for (let y = 2014; y <= 2100; y++) {
      const r = ruleHolidaysOfYear(y, P19);
      expect(r.length).toBe(11); // 1 + 5 + 1 + 1 + 1 + 2
      expect(r.every((h) => !h.reason.includes(';'))).toBe(true);
    }
  });
});

describe('holidaysOfYear — Labour Code 2012 (National Day one day)', () => {
  it('2019: 2/9 Monday only, Hùng Kings Sun 14/4 → Mon 15/4', () => {
    const hs = holidaysOfYear(2019, P12, []);
    expect(hs.filter((h) => h.date >= '2019-09-01').map((h) => h.date)).toEqual(['2019-09-02']);
    expect(hs.find((h) => h.date === '2019-04-15')?.source).toBe('compensatory');
    expect(hs.length).toBe(11); // 1/1 + 5 Tết (4–8 Feb) + 14/4 + 15/4 (bù) + 30/4 + 1/5 + 2/9
  });

  it('2020: Tết Fri 24 – Tue 28 Jan with Sat 25 + Sun 26 → compensatory Wed 29 + Thu 30 Jan', () => {
    const tet = holidaysOfYear(2020, P12, []).filter((h) => h.date < '2020-02-15');
    expect(tet.map((h) => `${h.date} ${h.source}`)).toEqual([
      '2020-01-01 rule',
      '2020-01-24 rule',
      '2020-01-25 rule',
      '2020-01-26 rule',
      '2020-01-27 rule',
      '2020-01-28 rule',
      '2020-01-29 compensatory',
      '2020-01-30 compensatory',
    ]);
  });
});

describe('overrides (official per-year notices)', () => {
  it('swap a weekday off against a make-up Saturday, and overrides win over rules', () => {
    // Constructed notice modelled on the usual Tết swaps: Mon 27/1/2025 off, Sat 8/2/2025 worked instead.
    const hs = holidaysOfYear(2025, P19, [
      { date: '2025-01-27', kind: 'day_off', reason: 'Nghỉ Tết Nguyên đán (hoán đổi ngày làm việc)' },
      { date: '2025-02-08', kind: 'working_day', reason: 'Làm bù cho ngày 27/1/2025' },
      { date: '2024-12-31', kind: 'day_off', reason: 'other year: ignored' },
    ]);
    expect(hs.find((h) => h.date === '2025-01-27')).toEqual({
      date: '2025-01-27',
      reason: 'Nghỉ Tết Nguyên đán (hoán đổi ngày làm việc)',
      source: 'override',
      kind: 'day_off',
    });
    expect(hs.find((h) => h.date === '2025-02-08')).toEqual({
      date: '2025-02-08',
      reason: 'Làm bù cho ngày 27/1/2025',
      source: 'override',
      kind: 'working_day',
    });
    expect(hs.some((h) => h.date === '2024-12-31')).toBe(false);
  });

  it('a working_day override on a rule holiday removes the holiday', () => {
    const hs = holidaysOfYear(2026, P19, [{ date: '2026-09-01', kind: 'working_day', reason: 'Nghỉ 2/9 và 3/9 theo thông báo' }]);
    expect(hs.find((h) => h.date === '2026-09-01')?.kind).toBe('working_day');
  });

  it('a day_off override pushes the compensatory day further', () => {
    // 1/1/2022 (Sat) normally gives Mon 3/1. If Mon 3/1 is already declared off, the compensation moves to Tue 4/1.
    const hs = holidaysOfYear(2022, P19, [{ date: '2022-01-03', kind: 'day_off', reason: 'Nghỉ theo thông báo' }]);
    expect(hs.filter((h) => h.date < '2022-01-10').map((h) => `${h.date} ${h.source}`)).toEqual([
      '2022-01-01 rule',
      '2022-01-03 override',
      '2022-01-04 compensatory',
    ]);
  });
});

describe('policy settings', () => {
  it('compensateWeekendHolidays = false gives no compensatory days', () => {
    const p: CalendarPolicy = { ...P19, id: 'no-comp', compensateWeekendHolidays: false };
    expect(holidaysOfYear(2023, p, []).some((h) => h.source === 'compensatory')).toBe(false);
  });

  it('a Sunday-only weekend: 1/1/2022 (Saturday) gives no compensation, 1/1/2023 (Sunday) does', () => {
    const p: CalendarPolicy = { ...P19, id: 'sun-only', weekendDays: [7] };
    expect(holidaysOfYear(2022, p, []).some((h) => h.date === '2022-01-03')).toBe(false);
    expect(holidaysOfYear(2023, p, []).find((h) => h.date === '2023-01-02')?.source).toBe('compensatory');
  });

  it('DEFAULT_CALENDAR_POLICIES: 1994 code (6-day week, then 40-hour week), 2007 amendment, 2012 code, 2019 code', () => {
    expect(DEFAULT_CALENDAR_POLICIES.map((p) => [p.id, p.validFrom, p.validTo])).toEqual([
      ['vn-labour-code-1994', '1995-01-01', '1999-10-01'],
      ['vn-labour-code-1994-40h', '1999-10-02', '2007-04-01'],
      ['vn-labour-code-2007', '2007-04-02', '2013-04-30'],
      ['vn-labour-code-2012', '2013-05-01', '2020-12-31'],
      ['vn-labour-code-2019', '2021-01-01', null],
    ]);
    expect(policyFor('2020-12-31', DEFAULT_CALENDAR_POLICIES).id).toBe('vn-labour-code-2012');
    expect(policyFor('2021-01-01', DEFAULT_CALENDAR_POLICIES).id).toBe('vn-labour-code-2019');
    expect(policyFor('2013-04-30', DEFAULT_CALENDAR_POLICIES).id).toBe('vn-labour-code-2007');
    expect(() => policyFor('1994-12-31', DEFAULT_CALENDAR_POLICIES)).toThrow(RangeError);
    for (const p of DEFAULT_CALENDAR_POLICIES) {
      expect(p.weekendDays).toEqual(p.id === 'vn-labour-code-1994' ? [7] : [6, 7]);
      expect(p.officeHours).toEqual([
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ]);
      expect(p.sameDayCutoff).toBe('15:00');
      expect(p.dueTime).toBe('end_of_office_hours');
      expect(p.dueSoonWorkingDays).toBe(1);
      expect(p.receiptOutsideHoursCountsFromNextWorkingDay).toBe(true);
      expect(p.compensateWeekendHolidays).toBe(true);
    }
    expect(validatePolicies(DEFAULT_CALENDAR_POLICIES)).toEqual([]);
    // Policies are plain JSON data (they are stored in the database).
    expect(JSON.parse(JSON.stringify(DEFAULT_CALENDAR_POLICIES))).toEqual(DEFAULT_CALENDAR_POLICIES);
  });

  it('validatePolicies reports overlaps and bad settings; withPolicyDefaults fills gaps', () => {
    const overlapping = [P12, { ...P19, validFrom: '2020-06-01' }];
    expect(validatePolicies(overlapping)).toEqual(['vn-labour-code-2012 overlaps vn-labour-code-2019']);
    expect(validatePolicies([{ ...P19, officeHours: [{ start: '13:00', end: '11:00' }] }])).toEqual([
      'vn-labour-code-2019: bad office hours 13:00-11:00',
    ]);
    const filled = withPolicyDefaults({ id: 'x', validFrom: '2030-01-01' });
    expect(filled.weekendDays).toEqual([6, 7]);
    expect(filled.validTo).toBeNull();
    expect(filled.holidays).toEqual([]);
  });
});

describe('older Labour Code versions (dated policy data)', () => {
  it('2010 (Labour Code 1994 as amended 2007): Tết is 4 days, Hùng Kings is a holiday', async () => {
    const { holidaysOfYear, policyFor, DEFAULT_CALENDAR_POLICIES } = await import('./index.ts');
    const days = holidaysOfYear(2010, policyFor('2010-07-01', DEFAULT_CALENDAR_POLICIES), []);
    const off = days.filter((d) => d.kind === 'day_off').map((d) => d.date);
    // Tết Canh Dần = Sun 14/02/2010: rule days Sat 13 (last day), Sun 14, Mon 15, Tue 16; the two weekend
    // days give compensatory Wed 17 and Thu 18.
    expect(off).toEqual(expect.arrayContaining(['2010-02-15', '2010-02-16', '2010-02-17', '2010-02-18']));
    expect(off).not.toContain('2010-02-19');
    // Hùng Kings 10/3 Canh Dần = Fri 23/04/2010.
    expect(days.find((d) => d.date === '2010-04-23')?.reason).toMatch(/Hùng Vương/);
  });

  it('1998: Saturdays were working days, and there was no Hùng Kings holiday', async () => {
    const { createWorkCalendar, DEFAULT_CALENDAR_POLICIES } = await import('./index.ts');
    const cal = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, []);
    expect(cal.isWorkingDay('1998-03-07')).toBe(true); // a Saturday
    expect(cal.isWorkingDay('1998-03-08')).toBe(false); // a Sunday
    expect(cal.isWorkingDay('2000-03-04')).toBe(false); // a Saturday after the 40-hour week
  });
});

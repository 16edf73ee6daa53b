import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './work-calendar.ts';
import { DEFAULT_CALENDAR_POLICIES, POLICY_LABOUR_CODE_2019 } from './policies.ts';

const cal = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, []);

describe('createWorkCalendar — default policies, no overrides', () => {
  it('Tết week 2026: Mon 16 – Fri 20 Feb are days off, Mon 23 Feb is a working day', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(cal.isWorkingDay(d)).toBe(false);
    }
    expect(cal.isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    expect(cal.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(cal.nextWorkingDay('2026-02-23')).toBe('2026-02-24');
  });

  it('addWorkingDays forwards, backwards and zero', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(cal.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    expect(cal.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
    // From a Saturday: the next working day is Monday.
    expect(cal.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  it('workingDaysBetween counts (a, b]', () => {
    // (13 Feb, 27 Feb] = Mon 23 … Fri 27 = 5 working days (16–20 Tết, weekends off).
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(cal.workingDaysBetween('2026-02-27', '2026-02-13')).toBe(-5);
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    // (Fri 6 Mar, Mon 9 Mar] = Monday only.
    expect(cal.workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    for (const n of [0, 1, 7, 30]) expect(cal.workingDaysBetween('2026-04-24', cal.addWorkingDays('2026-04-24', n))).toBe(n);
  });

  it('compensatory days and holidays on weekends', () => {
    expect(cal.isWorkingDay('2022-01-03')).toBe(false); // bù for 1/1/2022 (Saturday)
    expect(cal.isWorkingDay('2023-09-04')).toBe(false); // bù for 2/9/2023 (Saturday)
    expect(cal.isWorkingDay('2023-09-05')).toBe(true);
    expect(cal.describeDay('2023-09-02')).toEqual({ working: false, reason: 'Quốc khánh 2/9' });
    expect(cal.describeDay('2023-09-04')).toEqual({ working: false, reason: 'Nghỉ bù Quốc khánh 2/9' });
    expect(cal.describeDay('2026-03-08')).toEqual({ working: false, reason: 'Nghỉ hằng tuần (Chủ nhật)' });
    expect(cal.describeDay('2026-03-09')).toEqual({ working: true, reason: null });
  });

  it('policy switch on 2021-01-01: National Day has an adjacent day only from 2021', () => {
    expect(cal.policyAt('2020-09-02').id).toBe('vn-labour-code-2012');
    expect(cal.isWorkingDay('2020-09-03')).toBe(true); // 2020: 2/9 (Wed) only
    expect(cal.isWorkingDay('2021-09-03')).toBe(false); // 2021: 2/9 Thu + 3/9 Fri
    expect(cal.policyAt('2021-01-01').id).toBe('vn-labour-code-2019');
    expect(cal.policyAt('2013-04-30').id).toBe('vn-labour-code-2007');
    expect(() => cal.isWorkingDay('1994-12-30')).toThrow(RangeError); // no policy before 1995-01-01
  });

  it('holidaysOfYear on the calendar keeps only days inside each policy’s validity', () => {
    // 2013: the 2007 text applies until 30/4 — Tết Quý Tỵ is Sun 10/2: Sat 9 (last day), Sun 10, Mon 11,
    // Tue 12; the weekend days give compensatory Wed 13 and Thu 14; Hùng Kings 10/3 lunar = Fri 19/4; Tue 30/4 —
    // and the 2012 code from 1/5 (1/5, 2/9).
    expect(cal.holidaysOfYear(2013).map((h) => h.date)).toEqual([
      '2013-01-01', '2013-02-09', '2013-02-10', '2013-02-11', '2013-02-12', '2013-02-13', '2013-02-14', '2013-04-19', '2013-04-30', '2013-05-01', '2013-09-02',
    ]);
  });
});

describe('createWorkCalendar — overrides', () => {
  const withSwap = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, [
    { date: '2025-01-27', kind: 'day_off', reason: 'Nghỉ Tết (hoán đổi)' },
    { date: '2025-02-08', kind: 'working_day', reason: 'Làm bù cho ngày 27/1/2025' },
  ]);

  it('a make-up Saturday is a working day and the swapped Monday is off', () => {
    expect(withSwap.isWorkingDay('2025-02-08')).toBe(true);
    expect(withSwap.describeDay('2025-02-08')).toEqual({ working: true, reason: 'Làm bù cho ngày 27/1/2025' });
    expect(withSwap.isWorkingDay('2025-01-27')).toBe(false);
    // Fri 7 Feb → next working day is the make-up Saturday 8 Feb.
    expect(withSwap.nextWorkingDay('2025-02-07')).toBe('2025-02-08');
    expect(cal.nextWorkingDay('2025-02-07')).toBe('2025-02-10');
  });

  it('rejects duplicate overrides, bad dates and empty/overlapping policies', () => {
    const o = { date: '2025-01-27', kind: 'day_off' as const, reason: 'x' };
    expect(() => createWorkCalendar(DEFAULT_CALENDAR_POLICIES, [o, o])).toThrow(RangeError);
    expect(() => createWorkCalendar(DEFAULT_CALENDAR_POLICIES, [{ ...o, date: '2025-02-30' }])).toThrow(RangeError);
    expect(() => createWorkCalendar([], [])).toThrow(RangeError);
    expect(() =>
      createWorkCalendar([POLICY_LABOUR_CODE_2019, { ...POLICY_LABOUR_CODE_2019, id: 'dup' }], []),
    ).toThrow(RangeError);
  });

  it('accepts stored policies that lack newer settings (defaults filled in)', () => {
    const { weekendDays: _w, dueSoonWorkingDays: _d, ...partial } = POLICY_LABOUR_CODE_2019;
    const c = createWorkCalendar([partial as typeof POLICY_LABOUR_CODE_2019], []);
    expect(c.policyAt('2026-01-05').weekendDays).toEqual([6, 7]);
    expect(c.isWorkingDay('2026-03-07')).toBe(false);
  });
});

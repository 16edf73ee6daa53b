import { describe, expect, it } from 'vitest';
import { monthsOfYearUntil, previousPeriod, resolvePeriod, splitByMonths } from './period.ts';

describe('reporting periods', () => {
  it('resolves months, quarters, 6 and 9 months, years and custom ranges (inclusive local dates)', () => {
    expect(resolvePeriod({ kind: 'month', year: 2026, index: 2 })).toMatchObject({ from: '2026-02-01', to: '2026-02-28', label: { vi: 'Tháng 2/2026' } });
    expect(resolvePeriod({ kind: 'month', year: 2028, index: 2 }).to).toBe('2028-02-29');
    expect(resolvePeriod({ kind: 'quarter', year: 2026, index: 4 })).toMatchObject({ from: '2026-10-01', to: '2026-12-31', label: { vi: 'Quý IV/2026' } });
    expect(resolvePeriod({ kind: 'half', year: 2026 })).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
    expect(resolvePeriod({ kind: 'nine_months', year: 2026 })).toMatchObject({ from: '2026-01-01', to: '2026-09-30' });
    expect(resolvePeriod({ kind: 'year', year: 2026 })).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(resolvePeriod({ kind: 'custom', from: '2026-03-15', to: '2026-04-14' }).label.vi).toBe('15/03/2026 – 14/04/2026');
  });

  it('refuses bad requests with a reason', () => {
    expect(() => resolvePeriod({ kind: 'month', year: 2026, index: 13 })).toThrow('month must be 1–12');
    expect(() => resolvePeriod({ kind: 'quarter', year: 2026, index: 5 })).toThrow('quarter must be 1–4');
    expect(() => resolvePeriod({ kind: 'custom', from: '2026-04-01', to: '2026-03-01' })).toThrow('to is before from');
    expect(() => resolvePeriod({ kind: 'custom', from: '2020-01-01', to: '2026-03-01' })).toThrow('at most 5 years');
    expect(() => resolvePeriod({ kind: 'year' })).toThrow('year');
  });

  it('compares with the previous month/quarter, the same part of last year, or the same length just before', () => {
    expect(previousPeriod(resolvePeriod({ kind: 'month', year: 2026, index: 1 }))).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod(resolvePeriod({ kind: 'quarter', year: 2026, index: 1 }))).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod(resolvePeriod({ kind: 'nine_months', year: 2026 }))).toMatchObject({ from: '2025-01-01', to: '2025-09-30' });
    expect(previousPeriod(resolvePeriod({ kind: 'custom', from: '2026-03-15', to: '2026-04-14' }))).toMatchObject({ from: '2026-02-12', to: '2026-03-14' }) // 31 days, like 15/03–14/04;
  });

  it('splits a range into whole months and edge days', () => {
    expect(splitByMonths('2026-01-01', '2026-03-31')).toEqual({ months: ['2026-01-01', '2026-02-01', '2026-03-01'], days: [] });
    expect(splitByMonths('2026-01-15', '2026-03-10')).toEqual({ months: ['2026-02-01'], days: [['2026-01-15', '2026-01-31'], ['2026-03-01', '2026-03-10']] });
    expect(splitByMonths('2026-05-03', '2026-05-03')).toEqual({ months: [], days: [['2026-05-03', '2026-05-03']] });
  });

  it('the trend runs over the months of the period’s year up to its end or today', () => {
    const year = resolvePeriod({ kind: 'year', year: 2026 });
    expect(monthsOfYearUntil(year, '2026-11-22').map((p) => p.from)).toHaveLength(11);
    expect(monthsOfYearUntil(year, '2027-02-01')).toHaveLength(12);
    expect(monthsOfYearUntil(resolvePeriod({ kind: 'quarter', year: 2026, index: 2 }), '2026-11-22')).toHaveLength(6);
    expect(monthsOfYearUntil(year, '2025-12-31')).toHaveLength(0);
  });
});

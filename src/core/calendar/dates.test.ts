import { describe, expect, it } from 'vitest';
import { addDays, civilFromDays, daysFromCivil, diffDays, fromEpochDay, isLocalDate, isoWeekday, parseLocalDate, toEpochDay } from './dates.ts';

describe('LocalDate arithmetic', () => {
  it('epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(fromEpochDay(toEpochDay('1900-02-28') + 1)).toBe('1900-03-01'); // 1900 is not a leap year
    expect(fromEpochDay(toEpochDay('2000-02-28') + 1)).toBe('2000-02-29'); // 2000 is
    for (let e = daysFromCivil(1899, 1, 1); e <= daysFromCivil(2101, 12, 31); e += 97) {
      const { year, month, day } = civilFromDays(e);
      expect(daysFromCivil(year, month, day)).toBe(e);
    }
  });

  it('weekday, addDays, diffDays, validation', () => {
    expect(isoWeekday('2026-02-17')).toBe(2); // Tết 2026 is a Tuesday
    expect(isoWeekday('2023-09-02')).toBe(6); // Saturday
    expect(isoWeekday('2022-05-01')).toBe(7); // Sunday
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(diffDays('2026-02-16', '2026-02-23')).toBe(7);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
    expect(() => parseLocalDate('2026-13-01')).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatVnIso,
  localDateTimeToInstant,
  localMinutesOfDay,
  parseIsoWithOffset,
  parseLocalTime,
  toLocalDate,
  toLocalTime,
} from './time.ts';

describe('Vietnam local time (UTC+7, no DST)', () => {
  it('toLocalDate shifts by +7 h', () => {
    expect(toLocalDate(new Date('2026-02-23T16:59:59.999Z'))).toBe('2026-02-23'); // 23:59:59.999 local
    expect(toLocalDate(new Date('2026-02-23T17:00:00.000Z'))).toBe('2026-02-24'); // 00:00 local
    expect(toLocalDate(new Date('1969-12-31T17:00:00Z'))).toBe('1970-01-01'); // before the epoch too
    expect(() => toLocalDate(new Date('nope'))).toThrow(RangeError);
  });

  it('localDateTimeToInstant / toLocalTime / localMinutesOfDay', () => {
    expect(localDateTimeToInstant('2026-02-24', '17:00').toISOString()).toBe('2026-02-24T10:00:00.000Z');
    expect(localDateTimeToInstant('2026-02-24', '00:30').toISOString()).toBe('2026-02-23T17:30:00.000Z');
    expect(localDateTimeToInstant('2026-02-24', '23:59:59').toISOString()).toBe('2026-02-24T16:59:59.000Z');
    expect(toLocalTime(new Date('2026-02-24T01:05:00Z'))).toBe('08:05');
    expect(localMinutesOfDay(new Date('2026-02-24T01:05:30Z'))).toBe(8 * 60 + 5.5);
    expect(() => localDateTimeToInstant('2026-02-24', '7:30')).toThrow(RangeError);
    expect(() => parseLocalTime('24:01')).toThrow(RangeError);
    expect(parseLocalTime('24:00')).toBe(1440);
  });

  it('formatVnIso', () => {
    expect(formatVnIso(new Date('2026-02-24T10:00:00Z'))).toBe('2026-02-24T17:00:00+07:00');
    expect(formatVnIso(new Date('2026-02-23T17:30:00Z'))).toBe('2026-02-24T00:30:00+07:00');
    expect(formatVnIso(new Date('2026-02-24T10:00:00.250Z'))).toBe('2026-02-24T17:00:00.250+07:00');
  });

  it('parseIsoWithOffset accepts Z and ±HH:MM and rejects strings without an offset', () => {
    expect(parseIsoWithOffset('2026-02-24T17:00:00+07:00').toISOString()).toBe('2026-02-24T10:00:00.000Z');
    expect(parseIsoWithOffset('2026-02-24T10:00Z').toISOString()).toBe('2026-02-24T10:00:00.000Z');
    expect(parseIsoWithOffset('2026-02-24T05:00:00.5-05:00').toISOString()).toBe('2026-02-24T10:00:00.500Z');
    expect(() => parseIsoWithOffset('2026-02-24T17:00:00')).toThrow(RangeError);
    expect(() => parseIsoWithOffset('2026-02-24')).toThrow(RangeError);
    expect(() => parseIsoWithOffset('2026-02-30T10:00:00Z')).toThrow(RangeError);
    expect(() => parseIsoWithOffset('2026-02-24T25:00:00Z')).toThrow(RangeError);
    expect(() => parseIsoWithOffset('2026-02-24T10:00:00+15:00')).toThrow(RangeError);
    // Round trip.
    const s = '2025-09-02T07:30:00+07:00';
    expect(formatVnIso(parseIsoWithOffset(s))).toBe(s);
  });
});

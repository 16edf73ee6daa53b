import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateText, parseDateText } from './date-text.ts';
import { addDays } from './dates.ts';
import type { LocalDate } from './types.ts';

describe('dates typed as dd/mm/yyyy', () => {
  it('reads the day first, in the forms people type, and the ISO form', () => {
    expect(parseDateText('01/03/2026')).toBe('2026-03-01');
    expect(parseDateText('1/3/2026')).toBe('2026-03-01');
    expect(parseDateText(' 01-03-2026 ')).toBe('2026-03-01');
    expect(parseDateText('01.03.2026')).toBe('2026-03-01');
    expect(parseDateText('2026-03-01')).toBe('2026-03-01');
  });
  it('refuses impossible and partial dates', () => {
    for (const s of ['31/02/2026', '29/02/2025', '00/01/2026', '01/13/2026', '01/03/26', '01/03', '', 'hôm nay', '2026-02-30']) expect(parseDateText(s)).toBeNull();
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
  });
  it('formats an ISO date as dd/mm/yyyy and nothing else', () => {
    expect(formatDateText('2026-03-01')).toBe('01/03/2026');
    expect(formatDateText('2026-03-01T10:00:00Z')).toBe('');
    expect(formatDateText(null)).toBe('');
  });
  it('round-trips every date of 1900–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 73_413 }), (n) => {
        const iso = addDays('1900-01-01' as LocalDate, n);
        expect(parseDateText(formatDateText(iso))).toBe(iso);
      }),
    );
  });
});

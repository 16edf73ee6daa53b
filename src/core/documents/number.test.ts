import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencySymbolOf, formatNumberSymbol, numberLine, parseNumberSymbol, registerNumberText } from './number.ts';
import { DOCUMENT_KIND_NAMES } from './states.ts';

describe('number and symbol (Decree 30/2020, Appendix I)', () => {
  it('an official letter: number / agency - drafting unit, from 01', () => {
    expect(numberLine(formatNumberSymbol({ registerNo: 12, kind: 'official_letter', agencySymbol: 'UBND', unitSymbol: 'VP' }))).toBe('Số: 12/UBND-VP');
    expect(formatNumberSymbol({ registerNo: 1, kind: 'official_letter', agencySymbol: 'UBND', unitSymbol: 'VP' })).toBe('01/UBND-VP');
    expect(formatNumberSymbol({ registerNo: 3, kind: 'official_letter', agencySymbol: 'UBND' })).toBe('03/UBND');
  });
  it('a named kind: number / kind - agency (- unit)', () => {
    expect(formatNumberSymbol({ registerNo: 15, kind: 'decision', agencySymbol: 'UBND' })).toBe('15/QĐ-UBND');
    expect(formatNumberSymbol({ registerNo: 120, kind: 'plan', agencySymbol: 'UBND', unitSymbol: 'VP' })).toBe('120/KH-UBND-VP');
  });
  it('refuses a number that is not a positive integer', () => {
    expect(() => registerNumberText(0)).toThrow(RangeError);
    expect(() => registerNumberText(1.5)).toThrow(RangeError);
  });
  it('reads back what it writes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom(...DOCUMENT_KIND_NAMES), fc.constantFrom('UBND', 'SNNMT', 'CA'), fc.option(fc.constantFrom('VP', 'TP', 'KT'), { nil: null }), (n, kind, agency, unit) => {
        const s = formatNumberSymbol({ registerNo: n, kind, agencySymbol: agency, unitSymbol: unit });
        const p = parseNumberSymbol(numberLine(s));
        expect(p?.registerNo).toBe(n);
        expect(p?.symbol).toContain(agency);
        if (unit) expect(p?.symbol.at(-1)).toBe(unit);
      }),
    );
    expect(parseNumberSymbol('abc')).toBeNull();
    expect(parseNumberSymbol('0/UBND')).toBeNull();
    expect(parseNumberSymbol('12/UBND-')).toBeNull();
  });
  it('the agency abbreviation', () => {
    expect(agencySymbolOf({ kind: 'people_committee', name: 'Ủy ban nhân dân Phường Pleiku' })).toBe('UBND');
    expect(agencySymbolOf({ kind: 'department', name: 'Sở Nông nghiệp và Môi trường tỉnh Gia Lai' })).toBe('SNNMT');
    expect(agencySymbolOf({ kind: 'department', name: 'Sở Tư pháp tỉnh Gia Lai' })).toBe('STP');
  });
});

import { describe, expect, it } from 'vitest';
import {
  DOSSIER_CODE_SCHEMES,
  formatDossierCode,
  isValidAgencyCode,
  isValidLocalDate,
  MAX_SEQ,
  parseDossierCode,
  SCHEME_2018,
  schemeFor,
  vietnamLocalDate,
  type DossierCodeScheme,
} from './code.ts';

const AGENCY = '000.00.12.H56';

describe('formatDossierCode', () => {
  it('formats the documented example', () => {
    expect(formatDossierCode(AGENCY, '2026-09-15', 7)).toBe('000.00.12.H56-260915-0007');
  });

  it.each([
    [1, '0001'],
    [9, '0009'],
    [10, '0010'],
    [999, '0999'],
    [1000, '1000'],
    [9999, '9999'],
  ])('pads %i to four digits (%s)', (seq, nnnn) => {
    expect(formatDossierCode(AGENCY, '2026-01-02', seq)).toBe(`${AGENCY}-260102-${nnnn}`);
  });

  it('widens to five digits from the 10,000th dossier of the day, up to 99,999', () => {
    expect(formatDossierCode(AGENCY, '2026-01-02', 10_000)).toBe(`${AGENCY}-260102-10000`);
    expect(formatDossierCode(AGENCY, '2026-01-02', MAX_SEQ)).toBe(`${AGENCY}-260102-99999`);
    expect(() => formatDossierCode(AGENCY, '2026-01-02', MAX_SEQ + 1)).toThrow(RangeError);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the running number %s', (seq) => {
    expect(() => formatDossierCode(AGENCY, '2026-01-02', seq)).toThrow(RangeError);
  });

  it.each(['000.00.12.h56', '00.00.12.H56', '000.00.12', 'H56', '000-00-12-H56', ' 000.00.12.H56', ''])(
    'refuses the agency code %j',
    (agency) => {
      expect(() => formatDossierCode(agency, '2026-01-02', 1)).toThrow(RangeError);
    },
  );

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-02', '2026-1-2', '2026-01-02T00:00:00Z'])(
    'refuses the date %j',
    (date) => {
      expect(() => formatDossierCode(AGENCY, date, 1)).toThrow(RangeError);
    },
  );

  it('handles date boundaries: leap day, year and century ends', () => {
    expect(formatDossierCode(AGENCY, '2024-02-29', 1)).toBe(`${AGENCY}-240229-0001`);
    expect(formatDossierCode(AGENCY, '2000-02-29', 1)).toBe(`${AGENCY}-000229-0001`);
    expect(formatDossierCode(AGENCY, '2025-12-31', 42)).toBe(`${AGENCY}-251231-0042`);
    expect(formatDossierCode(AGENCY, '2026-01-01', 1)).toBe(`${AGENCY}-260101-0001`);
    expect(formatDossierCode(AGENCY, '2099-12-31', 1)).toBe(`${AGENCY}-991231-0001`);
    expect(() => formatDossierCode(AGENCY, '2100-01-01', 1)).toThrow(RangeError);
    expect(() => formatDossierCode(AGENCY, '1999-12-31', 1)).toThrow(RangeError);
  });
});

describe('parseDossierCode', () => {
  it('parses the documented example', () => {
    expect(parseDossierCode('000.00.12.H56-260915-0007')).toEqual({ agencyCode: AGENCY, date: '2026-09-15', seq: 7 });
  });

  it.each([
    ['000.00.12.H56', '2026-09-15', 7],
    ['000.00.00.G22', '2018-08-21', 1],
    ['123.45.67.K01', '2024-02-29', 9999],
    ['000.21.27.H29', '2030-06-30', 10_000],
    ['000.00.12.H56', '2099-12-31', 99_999],
    ['000.00.12.H56', '2000-01-01', 1],
  ])('round-trips %s %s %i', (agencyCode, date, seq) => {
    expect(parseDossierCode(formatDossierCode(agencyCode, date, seq))).toEqual({ agencyCode, date, seq });
  });

  it('accepts surrounding spaces and lower case, as typed into a tracking box', () => {
    expect(parseDossierCode('  000.00.12.h56-260915-0007 ')).toEqual({ agencyCode: AGENCY, date: '2026-09-15', seq: 7 });
  });

  it.each([
    '',
    '000.00.12.H56',
    '000.00.12.H56-260915',
    '000.00.12.H56-260915-007',
    '000.00.12.H56-260915-123456',
    '000.00.12.H56-260915-00007',
    '000.00.12.H56-260915-0000',
    '000.00.12.H56-260230-0001',
    '000.00.12.H56-261301-0001',
    '000.00.12.H56-250229-0001',
    '00.00.12.H56-260915-0001',
    '000.00.12.HH6-260915-0001',
    '000.00.12.H56-20260915-0001',
    '000.00.12.H56_260915_0001',
    'x000.00.12.H56-260915-0001',
  ])('rejects %j', (code) => {
    expect(parseDossierCode(code)).toBeNull();
  });
});

describe('isValidAgencyCode', () => {
  it.each(['000.00.12.H56', '000.00.00.G22', '999.99.99.Z99'])('accepts %s', (s) => {
    expect(isValidAgencyCode(s)).toBe(true);
  });
  it.each(['', '000.00.12.H5', '000.00.12.H567', '000.00.12.56H', '0000.00.12.H56', '000.0.12.H56', '000.00.12.h56', '000.00.12.H56 '])(
    'rejects %j',
    (s) => {
      expect(isValidAgencyCode(s)).toBe(false);
    },
  );
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('1900-02-29')).toBe(false);
    expect(isValidLocalDate('2000-02-29')).toBe(true);
    expect(isValidLocalDate('2026-06-31')).toBe(false);
  });

  it('takes the receipt date in Vietnam time (UTC+7)', () => {
    expect(vietnamLocalDate('2026-09-14T16:59:59Z')).toBe('2026-09-14');
    expect(vietnamLocalDate('2026-09-14T17:00:00Z')).toBe('2026-09-15');
    expect(vietnamLocalDate('2026-09-15T00:00:00+07:00')).toBe('2026-09-15');
    expect(vietnamLocalDate('2026-09-14T23:59:59.999+07:00')).toBe('2026-09-14');
    expect(vietnamLocalDate('2025-12-31T17:00:00Z')).toBe('2026-01-01');
    expect(vietnamLocalDate('2024-02-28T20:00:00Z')).toBe('2024-02-29');
  });

  it('refuses an instant without an offset (ambiguous) or garbage', () => {
    expect(() => vietnamLocalDate('2026-09-14T17:00:00')).toThrow(RangeError);
    expect(() => vietnamLocalDate('yesterday')).toThrow(RangeError);
  });

  it('a code formatted from a late-evening UTC instant carries the Vietnamese date', () => {
    expect(formatDossierCode(AGENCY, vietnamLocalDate('2026-09-14T18:30:00Z'), 3)).toBe(`${AGENCY}-260915-0003`);
  });
});

describe('schemes', () => {
  const LATER: DossierCodeScheme = {
    id: 'test-2030',
    validFrom: '2030-01-01',
    format: (agency, date, seq) => `${agency}/${date}/${seq}`,
    parse: (code) => {
      const m = /^(.+)\/(\d{4}-\d{2}-\d{2})\/(\d+)$/.exec(code);
      return m ? { agencyCode: m[1]!, date: m[2]!, seq: Number(m[3]) } : null;
    },
  };

  it('the 2018 scheme is the default', () => {
    expect(DOSSIER_CODE_SCHEMES).toEqual([SCHEME_2018]);
    expect(schemeFor('2026-09-15')).toBe(SCHEME_2018);
    expect(schemeFor('2010-01-01')).toBe(SCHEME_2018);
  });

  it('picks the scheme in force on the receipt date', () => {
    const schemes = [LATER, SCHEME_2018];
    expect(schemeFor('2029-12-31', schemes)).toBe(SCHEME_2018);
    expect(schemeFor('2030-01-01', schemes)).toBe(LATER);
    expect(parseDossierCode('000.00.12.H56/2030-01-01/5', [SCHEME_2018, LATER])).toEqual({
      agencyCode: '000.00.12.H56',
      date: '2030-01-01',
      seq: 5,
    });
    expect(parseDossierCode('000.00.12.H56-260915-0007', [SCHEME_2018, LATER])?.seq).toBe(7);
  });

  it('refuses an empty scheme list', () => {
    expect(() => schemeFor('2026-01-01', [])).toThrow(RangeError);
  });
});

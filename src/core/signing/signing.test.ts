import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLACEMENTS, appearanceContent, displayVietnam, documentVerdict, isoVietnam, parsePdfDate, pdfDateVietnam,
  placementPage, placementRect, signatureVerdict, type SignatureFacts,
} from './index.ts';

describe('Vietnam time on signatures', () => {
  it('ISO 8601 with +07:00, the PDF date and the screen form', () => {
    const d = new Date('2026-03-01T03:00:05Z');
    expect(isoVietnam(d)).toBe('2026-03-01T10:00:05+07:00');
    expect(pdfDateVietnam(d)).toBe("D:20260301100005+07'00'");
    expect(displayVietnam(d)).toBe('01/03/2026 10:00:05');
    expect(isoVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01T00:30:00+07:00'); // the date turns at 17:00 UTC
  });

  it('a PDF date written in Vietnam time reads back as the same instant (any second 1970–2100)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4102444799 }), (s) => {
      const d = new Date(s * 1000);
      expect(parsePdfDate(pdfDateVietnam(d))?.getTime()).toBe(d.getTime());
      expect(new Date(isoVietnam(d)).getTime()).toBe(d.getTime());
    }));
  });

  it('reads the PDF date forms writers use, refuses others', () => {
    expect(parsePdfDate('D:20260301100000Z')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(parsePdfDate("D:20260301100000-05'30'")?.toISOString()).toBe('2026-03-01T15:30:00.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePdfDate('D:20261301')).toBeNull();
    expect(parsePdfDate('yesterday')).toBeNull();
  });
});

describe('what a signature shows (Circular 01/2019)', () => {
  const at = new Date('2026-03-01T03:00:00Z');
  it('a person: the signature image, name and title', () => {
    expect(appearanceContent({ kind: 'person', name: 'Nguyễn Văn Lãnh', title: 'Chủ tịch', signedAt: at })).toEqual({
      image: 'signature',
      lines: [{ text: 'Nguyễn Văn Lãnh', bold: true, size: 10 }, { text: 'Chủ tịch', size: 9 }],
    });
  });
  it('the agency: the seal image, the agency name and the ISO time with the offset', () => {
    const c = appearanceContent({ kind: 'agency', agency: 'UBND Phường Pleiku', signedAt: at });
    expect(c.image).toBe('seal');
    expect(c.lines.map((l) => l.text)).toEqual(['UBND Phường Pleiku', '2026-03-01T10:00:00+07:00']);
  });
  it('an electronic copy: no image, the kind of copy, agency and time in 10 pt, at the top right of page 1', () => {
    const c = appearanceContent({ kind: 'copy', agency: 'UBND Phường Pleiku', signedAt: at });
    expect(c.image).toBeNull();
    expect(c.lines).toEqual([
      { text: 'Bản sao điện tử', size: 10 }, { text: 'UBND Phường Pleiku', size: 10 }, { text: '2026-03-01T10:00:00+07:00', size: 10 },
    ]);
    expect(DEFAULT_PLACEMENTS.copy.page).toBe('first');
    const [x1, y1, x2, y2] = placementRect(DEFAULT_PLACEMENTS.copy, 595.28, 841.89);
    expect(x2).toBeGreaterThan(595.28 / 2); // right half
    expect(y2).toBeGreaterThan(841.89 * 0.9); // top tenth
    expect(x2 - x1).toBe(DEFAULT_PLACEMENTS.copy.width);
    expect(y2 - y1).toBe(DEFAULT_PLACEMENTS.copy.height);
  });
});

describe('placements', () => {
  it('negative offsets count from the right and bottom; a box never leaves the page', () => {
    fc.assert(fc.property(
      fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 10, max: 300 }), fc.integer({ min: 10, max: 300 }),
      fc.integer({ min: 300, max: 1200 }), fc.integer({ min: 300, max: 1200 }),
      (x, y, width, height, pw, ph) => {
        const [x1, y1, x2, y2] = placementRect({ page: 'first', x, y, width, height }, pw, ph);
        expect(x1).toBeGreaterThanOrEqual(0);
        expect(y1).toBeGreaterThanOrEqual(-0.01);
        expect(x2).toBeLessThanOrEqual(pw + 0.01);
        expect(y2).toBeLessThanOrEqual(ph + 0.01);
      },
    ));
    expect(placementRect({ page: 1, x: -100, y: -50, width: 80, height: 30 }, 600, 800)).toEqual([500, 20, 580, 50]) // the box's top edge 50 pt above the bottom;
  });
  it('pages: first, last, a number (clamped)', () => {
    expect(placementPage({ ...DEFAULT_PLACEMENTS.person, page: 'first' }, 3)).toBe(0);
    expect(placementPage({ ...DEFAULT_PLACEMENTS.person, page: 'last' }, 3)).toBe(2);
    expect(placementPage({ ...DEFAULT_PLACEMENTS.person, page: 9 }, 3)).toBe(2);
    expect(() => placementPage(DEFAULT_PLACEMENTS.person, 0)).toThrow();
  });
});

describe('verdicts', () => {
  const good: SignatureFacts = { subFilter: 'ETSI.CAdES.detached', cmsReadable: true, byteRangeValid: true, coversRevisionEnd: true, digestMatches: true, signatureValid: true, chainTrusted: true, certValidAtSigning: true, timestampValid: null };
  it('all facts good: valid; untrusted chain alone: intact but untrusted', () => {
    expect(signatureVerdict(good)).toEqual({ status: 'valid', intact: true, problems: [] });
    expect(signatureVerdict({ ...good, chainTrusted: false })).toEqual({ status: 'untrusted', intact: true, problems: ['CHAIN_UNTRUSTED'] });
  });
  it('any fact about the bytes failing makes it invalid, whatever the trust', () => {
    const keys = ['cmsReadable', 'byteRangeValid', 'coversRevisionEnd', 'digestMatches', 'signatureValid'] as const;
    fc.assert(fc.property(fc.subarray([...keys], { minLength: 1 }), fc.boolean(), (bad, trusted) => {
      const f = { ...good, chainTrusted: trusted };
      for (const k of bad) f[k] = false;
      const v = signatureVerdict(f);
      expect(v.status).toBe('invalid');
      expect(v.intact).toBe(false);
    }));
    expect(signatureVerdict({ ...good, timestampValid: false }).status).toBe('invalid');
    expect(signatureVerdict({ ...good, subFilter: 'adbe.x509.rsa_sha1' }).problems).toContain('SUBFILTER_UNSUPPORTED');
  });
  it('a document: unsigned, or its worst signature', () => {
    expect(documentVerdict([])).toBe('unsigned');
    expect(documentVerdict(['valid', 'valid'])).toBe('valid');
    expect(documentVerdict(['valid', 'untrusted'])).toBe('untrusted');
    expect(documentVerdict(['untrusted', 'invalid', 'valid'])).toBe('invalid');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PORTAL_2025, scoreMetrics } from './index.ts';
import { fmtScore, frameIndex } from './framing.ts';

const group = (code: string, score: number, max: number, applicableMax: number) => ({ code, name: { vi: `Nhóm ${code}`, en: `Group ${code}` }, score, max, applicableMax });

describe('frameIndex: one framing of the service index', () => {
  it('the reviewer’s example: 56,39 out of 100 (not out of 90), the group out of 18 with the applicable 8 as a note', () => {
    const f = frameIndex({ total: 56.39, applicableMax: 90, scaled: 62.66, groups: [group('A', 1.62, 18, 8), group('B', 54.77, 82, 82)] }, 'vi');
    expect(f.outOf).toBe(100);
    expect(f.headline).toBe('56,39/100 điểm');
    expect(f.partial).toBe(true);
    expect(f.scaledNote).toBe('Quy đổi thang 100: 62,66 điểm — 10 điểm của các chỉ số không áp dụng hoặc chưa có số liệu không tính, điểm được quy đổi trên 90 điểm áp dụng.');
    expect(f.groups[0]).toMatchObject({ label: '1,62/18 điểm', note: 'áp dụng 8/18 điểm' });
    expect(f.groups[1]!.note).toBeNull();
    expect(frameIndex({ total: 56.39, applicableMax: 90, scaled: 62.66, groups: [group('A', 1.62, 18, 8), group('B', 54.77, 82, 82)] }, 'en').headline).toBe('56.39/100 points');
  });

  it('nothing missing: no rescaled figure and no note', () => {
    const f = frameIndex({ total: 78.5, applicableMax: 100, scaled: 78.5, groups: [group('A', 10, 18, 18), group('B', 68.5, 82, 82)] }, 'vi');
    expect(f.partial).toBe(false);
    expect(f.scaledNote).toBeNull();
    expect(f.headline).toBe('78,5/100 điểm');
  });

  it('for any scoring of the national profile the headline is out of the profile maximum and the note appears exactly when something is missing', () => {
    const codes = PORTAL_2025.indicators.map((i) => i.code);
    fc.assert(
      fc.property(fc.array(fc.record({ pick: fc.boolean(), n: fc.nat(50), d: fc.nat(50) }), { minLength: codes.length, maxLength: codes.length }), (rows) => {
        const metrics = rows.flatMap((r, i) => (r.pick ? [{ code: codes[i]!, numerator: Math.min(r.n, r.d), denominator: r.d }] : []));
        const result = scoreMetrics(PORTAL_2025, metrics);
        const f = frameIndex(result, 'vi');
        const max = PORTAL_2025.groups.reduce((s, g) => s + g.max, 0);
        expect(f.headline).toBe(`${fmtScore(result.total, 'vi')}/${fmtScore(max, 'vi')} điểm`);
        expect(f.scaledNote !== null).toBe(result.applicableMax < max);
        f.groups.forEach((g, i) => expect(g.note !== null).toBe(result.groups[i]!.applicableMax < result.groups[i]!.max));
      }),
    );
  });
});

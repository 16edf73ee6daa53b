import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, PORTAL_2025, QD766_2022 } from './profiles.ts';
import { bandOf, profileFor, scoringProfileSchema } from './profile.ts';
import { compareResults, indicatorsOf, pointsFor, scoreIndicator, scoreMetrics } from './score.ts';

const def = (code: string) => PORTAL_2025.indicators.find((i) => i.code === code)!;
const all = (n: number, d: number) => PORTAL_2025.indicators.map((i) => ({ code: i.code, numerator: n, denominator: d }));

describe('scoring rules (service-index-766.md)', () => {
  it('worked example, linear: 79 of 82 procedures updated on time → 96.34 % → 3.85 of 4', () => {
    const s = scoreIndicator(def('PUBLIC_UPDATE_ON_TIME'), { code: 'PUBLIC_UPDATE_ON_TIME', numerator: 79, denominator: 82 });
    expect(s.rate).toBe(96.34);
    expect(s.score).toBe(3.85);
    expect(s.lost).toBe(0.15);
  });

  it('worked example, linear: 93,664 of 443,565 dossiers digitised → 21.12 % → 0.84 of 4', () => {
    const s = scoreIndicator(def('SO_HOA_GIAY_TO_GIAI_QUYET'), { code: 'SO_HOA_GIAY_TO_GIAI_QUYET', numerator: 93_664, denominator: 443_565 });
    expect(s.rate).toBe(21.12);
    expect(s.score).toBe(0.84);
  });

  it('worked example, threshold 80: 82,645 of 443,565 reusing data → 18.63 % → 0.47 of 2', () => {
    const s = scoreIndicator(def('REUSED_DIGITIZED_DATA'), { code: 'REUSED_DIGITIZED_DATA', numerator: 82_645, denominator: 443_565 });
    expect(s.rate).toBe(18.63);
    expect(s.score).toBe(0.47);
  });

  it('threshold T: full points at or above T, proportional to T below', () => {
    expect(pointsFor({ kind: 'threshold', threshold: 50 }, 6, 50)).toBe(6);
    expect(pointsFor({ kind: 'threshold', threshold: 50 }, 6, 80)).toBe(6);
    expect(pointsFor({ kind: 'threshold', threshold: 50 }, 6, 25)).toBe(3);
    expect(pointsFor({ kind: 'linear' }, 20, 150)).toBe(20); // rates are capped at 100 %
    expect(pointsFor({ kind: 'tracking' }, 0, 70)).toBe(0);
  });

  it('empty denominators follow the profile: no feedback → full, no dossiers → 0 satisfaction, no certified-copy request → full', () => {
    const r = scoreMetrics(PORTAL_2025, all(0, 0));
    const by = new Map(indicatorsOf(r).map((i) => [i.code, i]));
    expect(by.get('PETITION_PROCESSING_ON_TIME')).toMatchObject({ score: 6, status: 'empty_full' });
    expect(by.get('PETITION_HANDLING_SATISFACTION')).toMatchObject({ score: 6, status: 'empty_full' });
    expect(by.get('DOSSIER_RECEIVING_SATISFACTION')).toMatchObject({ score: 0, status: 'empty_zero', lost: 6 });
    expect(by.get('ELECTRONIC_CERTIFIED_COPY')).toMatchObject({ score: 2, status: 'empty_full' });
    expect(by.get('PETITION_CLASSIFICATION_TTHC')!.status).toBe('tracking');
  });

  it('groups are the rounded sums of their indicators and the total is the sum of the groups; all 100 % gives 100', () => {
    const r = scoreMetrics(PORTAL_2025, all(10, 10));
    expect(r.total).toBe(100);
    expect(r.groups.map((g) => g.score)).toEqual(PORTAL_2025.groups.map((g) => g.max));
    expect(r.band.code).toBe('excellent');
    const half = scoreMetrics(PORTAL_2025, all(1, 3));
    for (const g of half.groups) expect(g.score).toBe(Math.round(g.indicators.reduce((s, i) => s + i.score, 0) * 100) / 100);
    expect(half.total).toBe(Math.round(half.groups.reduce((s, g) => s + g.score, 0) * 100) / 100);
  });

  it('indicators without counts leave the maximum: the total is also given rescaled to 100', () => {
    const r = scoreMetrics(PORTAL_2025, all(1, 1).filter((m) => m.code !== 'PUBLISH_ON_TIME' && m.code !== 'PUBLIC_UPDATE_ON_TIME'));
    expect(r.applicableMax).toBe(90);
    expect(r.total).toBe(90);
    expect(r.scaled).toBe(100);
    expect(indicatorsOf(r).find((i) => i.code === 'PUBLISH_ON_TIME')!.status).toBe('no_data');
  });

  it('compares two results indicator by indicator (reconciliation)', () => {
    const ours = scoreMetrics(PORTAL_2025, [{ code: 'ON_TIME', numerator: 90, denominator: 100 }]);
    const theirs = scoreMetrics(PORTAL_2025, [{ code: 'ON_TIME', numerator: 80, denominator: 100 }]);
    const d = compareResults(ours, theirs).find((x) => x.code === 'ON_TIME')!;
    expect(d).toMatchObject({ differs: true, scoreDelta: 2, ours: { score: 18 }, theirs: { score: 16 } });
    expect(compareResults(ours, ours).every((x) => !x.differs)).toBe(true);
  });
});

describe('scoring profiles as data', () => {
  it('the built-in profiles are valid and worth 100 points', () => {
    for (const p of BUILTIN_PROFILES) {
      expect(scoringProfileSchema.safeParse(p).success).toBe(true);
      expect(p.groups.reduce((s, g) => s + g.max, 0)).toBe(100);
    }
    expect(QD766_2022.groups.map((g) => g.code)).not.toContain('ONLINE_PAYMENT');
    expect(QD766_2022.groups.find((g) => g.code === 'ONLINE_SERVICE')!.max).toBe(22);
  });

  it('refuses a profile whose group maximum differs from its indicators, or with a duplicate code', () => {
    const bad = { ...PORTAL_2025, id: 'bad', groups: PORTAL_2025.groups.map((g) => (g.code === 'PROGRESS' ? { ...g, max: 25 } : g)) };
    const r = scoringProfileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('PROGRESS');
    const dup = { ...PORTAL_2025, id: 'dup', indicators: [...PORTAL_2025.indicators, { ...def('ON_TIME'), max: 0 }] };
    expect(JSON.stringify(scoringProfileSchema.safeParse(dup).error?.issues)).toContain('duplicate indicator ON_TIME');
  });

  it('picks the profile in force for a period by its validity dates', () => {
    expect(profileFor('2024-03-01', BUILTIN_PROFILES).id).toBe('qd766-2022');
    expect(profileFor('2026-01-01', BUILTIN_PROFILES).id).toBe('portal-2025');
    expect(profileFor('2020-01-01', BUILTIN_PROFILES).id).toBe('portal-2025'); // none valid: the newest
  });

  it('rating bands are configurable data (≥ 90 excellent … else weak)', () => {
    expect(bandOf(90, PORTAL_2025.bands).code).toBe('excellent');
    expect(bandOf(89.99, PORTAL_2025.bands).code).toBe('good');
    expect(bandOf(70, PORTAL_2025.bands).code).toBe('fair');
    expect(bandOf(50, PORTAL_2025.bands).code).toBe('average');
    expect(bandOf(12, PORTAL_2025.bands).code).toBe('weak');
  });
});

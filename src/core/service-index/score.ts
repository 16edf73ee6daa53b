/**
 * Scoring: counts (numerator, denominator per indicator code) + a profile → rate, points and lost points per
 * indicator, group scores and the total. Pure; the dashboard, the rankings, the reconciliation and the CLI
 * (`motcua index score`) all call `scoreMetrics`.
 *
 * Rules (domain doc service-index-766.md): R = numerator ÷ denominator × 100; linear: max × R / 100;
 * threshold T: max when R ≥ T, else max × R / T; scores rounded to 2 decimals; a group is the sum of its
 * indicators (rounded); the total is the sum of the groups. Rates above 100 % are capped at 100 %.
 */
import { bandOf, type IndicatorDef, type RatingBand, type ScoringProfile } from './profile.ts';

export interface MetricCount {
  code: string;
  numerator: number;
  denominator: number;
}

export type IndicatorStatus =
  | 'scored' // denominator > 0
  | 'empty_full' // denominator 0 → full points by the profile
  | 'empty_zero' // denominator 0 → 0 points by the profile
  | 'not_applicable' // denominator 0 and the profile says n/a
  | 'no_data' // no counts for it (e.g. an external indicator not imported): leaves the maximum
  | 'tracking'; // shares only, no points

export interface IndicatorScore {
  code: string;
  group: string;
  name: { vi: string; en: string };
  numerator: number | null;
  denominator: number | null;
  /** Percentage, 2 decimals; null when the denominator is 0 or there is no data. */
  rate: number | null;
  max: number;
  score: number;
  /** Points lost (max − score) on an applicable indicator. */
  lost: number;
  status: IndicatorStatus;
  rule: IndicatorDef['rule'];
}

export interface GroupScore {
  code: string;
  name: { vi: string; en: string };
  max: number;
  /** Maximum of its applicable indicators. */
  applicableMax: number;
  score: number;
  indicators: IndicatorScore[];
}

export interface IndexResult {
  profileId: string;
  /** Sum of the group scores (what the national portal shows). */
  total: number;
  /** Sum of the applicable maxima (100 unless some indicator is not applicable / has no data). */
  applicableMax: number;
  /** total rescaled to 100 over the applicable maxima (= total when everything applies). */
  scaled: number;
  band: RatingBand;
  groups: GroupScore[];
}

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/** Points for one rate (0–100) under a rule. */
export function pointsFor(rule: IndicatorDef['rule'], max: number, rate: number): number {
  const r = Math.max(0, Math.min(100, rate));
  switch (rule.kind) {
    case 'linear':
      return (max * r) / 100;
    case 'threshold':
      return r >= rule.threshold ? max : (max * r) / rule.threshold;
    case 'tracking':
      return 0;
  }
}

export function scoreIndicator(def: IndicatorDef, m: MetricCount | undefined): IndicatorScore {
  const base = { code: def.code, group: def.group, name: def.name, max: def.max, rule: def.rule };
  if (!m) return { ...base, numerator: null, denominator: null, rate: null, score: 0, lost: 0, status: def.rule.kind === 'tracking' ? 'tracking' : 'no_data' };
  const { numerator, denominator } = m;
  const rawRate = denominator > 0 ? (numerator / denominator) * 100 : null;
  const rate = rawRate === null ? null : round2(rawRate);
  if (def.rule.kind === 'tracking') return { ...base, numerator, denominator, rate, score: 0, lost: 0, status: 'tracking' };
  if (rawRate === null) {
    if (def.empty === 'full') return { ...base, numerator, denominator, rate, score: def.max, lost: 0, status: 'empty_full' };
    if (def.empty === 'zero') return { ...base, numerator, denominator, rate, score: 0, lost: def.max, status: 'empty_zero' };
    return { ...base, numerator, denominator, rate, score: 0, lost: 0, status: 'not_applicable' };
  }
  const score = round2(pointsFor(def.rule, def.max, rawRate));
  return { ...base, numerator, denominator, rate, score, lost: round2(def.max - score), status: 'scored' };
}

const applies = (s: IndicatorScore) => s.status !== 'not_applicable' && s.status !== 'no_data' && s.status !== 'tracking';

/** Scores a set of counts with a profile. Counts for codes the profile does not know are ignored. */
export function scoreMetrics(profile: ScoringProfile, metrics: readonly MetricCount[]): IndexResult {
  const byCode = new Map(metrics.map((m) => [m.code, m]));
  const groups: GroupScore[] = profile.groups.map((g) => {
    const indicators = profile.indicators.filter((i) => i.group === g.code).map((i) => scoreIndicator(i, byCode.get(i.code)));
    return {
      code: g.code,
      name: g.name,
      max: g.max,
      applicableMax: round2(indicators.filter(applies).reduce((s, i) => s + i.max, 0)),
      score: round2(indicators.reduce((s, i) => s + i.score, 0)),
      indicators,
    };
  });
  const total = round2(groups.reduce((s, g) => s + g.score, 0));
  const applicableMax = round2(groups.reduce((s, g) => s + g.applicableMax, 0));
  const scaled = applicableMax > 0 ? round2((total * 100) / applicableMax) : 0;
  return { profileId: profile.id, total, applicableMax, scaled, band: bandOf(scaled, profile.bands), groups };
}

/** Every indicator of a result, flat. */
export function indicatorsOf(result: IndexResult): IndicatorScore[] {
  return result.groups.flatMap((g) => g.indicators);
}

export interface MetricDifference {
  code: string;
  ours: { numerator: number | null; denominator: number | null; rate: number | null; score: number };
  theirs: { numerator: number | null; denominator: number | null; rate: number | null; score: number };
  scoreDelta: number;
  differs: boolean;
}

/** Side-by-side comparison of two results of the same profile (reconciliation). */
export function compareResults(ours: IndexResult, theirs: IndexResult): MetricDifference[] {
  const t = new Map(indicatorsOf(theirs).map((i) => [i.code, i]));
  return indicatorsOf(ours).map((o) => {
    const x = t.get(o.code)!;
    const pick = (i: IndicatorScore) => ({ numerator: i.numerator, denominator: i.denominator, rate: i.rate, score: i.score });
    const differs = o.numerator !== x.numerator || o.denominator !== x.denominator || o.score !== x.score;
    return { code: o.code, ours: pick(o), theirs: pick(x), scoreDelta: round2(o.score - x.score), differs };
  });
}

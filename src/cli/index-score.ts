/**
 * `motcua index score --input counts.json [--profile id]`: scores published counts with a scoring profile
 * (core/service-index scoreMetrics), the same function the dashboards and the reconciliation use. Pure: no
 * database unless the profile is not a built-in one.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, indicatorsOf, scoreMetrics, type ScoringProfile } from '../core/service-index/index.ts';

export const CountsFile = z.object({
  metrics: z
    .array(
      z.object({
        code: z.string().trim().min(1),
        numerator: z.number().min(0),
        denominator: z.number().min(0),
      }),
    )
    .min(1),
});

export function readCounts(file: string): z.infer<typeof CountsFile> {
  const text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RangeError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const r = CountsFile.safeParse(json);
  if (!r.success) throw new RangeError(`${file}: expected {"metrics":[{"code","numerator","denominator"}, …]} — ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** The JSON printed by `motcua index score`. */
export function scoreReport(profile: ScoringProfile, counts: z.infer<typeof CountsFile>) {
  const known = new Set(profile.indicators.map((i) => i.code));
  const result = scoreMetrics(profile, counts.metrics);
  return {
    profile: profile.id,
    total: result.total,
    applicableMax: result.applicableMax,
    scaled: result.scaled,
    band: result.band.code,
    groups: result.groups.map((g) => ({ code: g.code, score: g.score, max: g.max })),
    metrics: indicatorsOf(result)
      .filter((i) => i.status !== 'no_data')
      .map((i) => ({ code: i.code, group: i.group, numerator: i.numerator, denominator: i.denominator, rate: i.rate, score: i.score, max: i.max, status: i.status })),
    missing: indicatorsOf(result).filter((i) => i.status === 'no_data').map((i) => i.code),
    ignored: counts.metrics.filter((m) => !known.has(m.code)).map((m) => m.code),
  };
}

export function builtinProfile(id: string | undefined): ScoringProfile | null {
  return BUILTIN_PROFILES.find((p) => p.id === (id ?? DEFAULT_PROFILE_ID)) ?? null;
}

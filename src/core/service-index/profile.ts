/**
 * Scoring profiles of the service index (Decision 766/QĐ-TTg) as dated, versioned data. A profile says which
 * indicators exist, their group, maximum points, scoring rule (linear / threshold T / tracking only), what an
 * empty denominator gives, and the rating bands. The indicator codes are the national portal's where it has
 * one (domain doc service-index-766.md), ours otherwise; they are the stable identifiers of every figure.
 *
 * Profiles are validated with Zod so that one imported as JSON (API, CLI) is checked exactly like the built-in
 * ones. Changing a profile never touches the counts: scores are computed on read from the counts, so a new
 * profile re-scores all history on demand.
 */
import { z } from 'zod';

export const GROUP_CODES = ['TRANSPARENCY', 'PROGRESS', 'ONLINE_SERVICE', 'ONLINE_PAYMENT', 'DIGITISATION', 'SATISFACTION'] as const;

const text = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const scoringRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linear') }),
  z.object({ kind: z.literal('threshold'), threshold: z.number().positive().max(100) }),
  z.object({ kind: z.literal('tracking') }),
]);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

/**
 * What an indicator scores when its denominator is 0: `full` (nothing could go wrong: e.g. no feedback at all),
 * `zero` (e.g. a unit without dossiers earns no satisfaction points), or `not_applicable` (the indicator leaves
 * the maximum; the total is then also given rescaled to 100).
 */
export const emptyRuleSchema = z.enum(['full', 'zero', 'not_applicable']);
export type EmptyRule = z.infer<typeof emptyRuleSchema>;

/** Where motcua takes an indicator's counts from. `external`: only from imported national-portal counts. */
export const indicatorSourceSchema = z.enum(['dossiers', 'procedures', 'feedback', 'external']);

export const indicatorSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  group: z.string().min(1),
  name: text,
  /** What the numerator and the denominator count (shown beside the figures). */
  numerator: text,
  denominator: text,
  max: z.number().min(0),
  rule: scoringRuleSchema,
  empty: emptyRuleSchema,
  source: indicatorSourceSchema,
});
export type IndicatorDef = z.infer<typeof indicatorSchema>;

export const bandSchema = z.object({ code: z.string().min(1), min: z.number().min(0).max(100), label: text });
export type RatingBand = z.infer<typeof bandSchema>;

export const scoringProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: text,
    /** ISO dates; the profile applies to periods that start within [validFrom, validTo]. */
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    basis: z.string().min(1),
    groups: z.array(z.object({ code: z.string().min(1), name: text, max: z.number().min(0) })).min(1),
    indicators: z.array(indicatorSchema).min(1),
    /** Rating bands on the total (out of 100), highest first. */
    bands: z.array(bandSchema).min(1),
    /** Minimum dossiers received in the period for a unit to be ranked. */
    rankingMinDossiers: z.number().int().min(0),
  })
  .superRefine((p, ctx) => {
    const groups = new Set(p.groups.map((g) => g.code));
    const seen = new Set<string>();
    for (const [i, ind] of p.indicators.entries()) {
      if (!groups.has(ind.group)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'group'], message: `unknown group ${ind.group}` });
      if (seen.has(ind.code)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'code'], message: `duplicate indicator ${ind.code}` });
      seen.add(ind.code);
    }
    for (const [i, g] of p.groups.entries()) {
      const sum = p.indicators.filter((x) => x.group === g.code).reduce((s, x) => s + x.max, 0);
      if (Math.abs(sum - g.max) > 1e-9) ctx.addIssue({ code: 'custom', path: ['groups', i, 'max'], message: `group ${g.code} max ${g.max} ≠ sum of its indicators ${sum}` });
    }
  });
export type ScoringProfile = z.infer<typeof scoringProfileSchema>;

/** The profile in force for a period starting on `from` (the latest valid one), else the newest. */
export function profileFor(from: string, profiles: readonly ScoringProfile[]): ScoringProfile {
  const valid = profiles.filter((p) => p.validFrom <= from && (p.validTo === null || from <= p.validTo));
  const pick = (valid.length > 0 ? valid : [...profiles]).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!pick) throw new Error('no scoring profile');
  return pick;
}

/** The band of a total (out of 100). */
export function bandOf(total: number, bands: readonly RatingBand[]): RatingBand {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => total >= b.min) ?? sorted[sorted.length - 1]!;
}

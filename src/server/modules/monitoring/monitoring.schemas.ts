/** Zod schemas of the monitoring API (request validation and the OpenAPI document). */
import { z } from 'zod';
import { PERIOD_KINDS, resolvePeriod, scoringProfileSchema, type Period } from '../../../core/service-index/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { IsoDate } from '../../platform/http/schemas.ts';

const localDate = IsoDate;

/** A period: kind + year (+ month/quarter index) or a custom from–to range. */
export const PeriodQuery = z.object({
  period: z.enum(PERIOD_KINDS).default('year'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  index: z.coerce.number().int().min(1).max(12).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  profile: z.string().max(80).optional(),
});

export const ScopeQuery = PeriodQuery.extend({ agencyId: z.string().uuid() });
export const PublicScopeQuery = PeriodQuery.extend({ agencyId: z.string().uuid() });

/** Resolves the period of a request; a bad combination answers 422 PERIOD_INVALID with the reason. */
export function periodOf(q: z.infer<typeof PeriodQuery>, today: string): Period {
  try {
    return resolvePeriod({ kind: q.period, year: q.year ?? Number(today.slice(0, 4)), index: q.index, from: q.from, to: q.to });
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('PERIOD_INVALID', { reason: e.message });
    throw e;
  }
}

const text = z.object({ vi: z.string(), en: z.string() });
const PeriodOut = z.object({ kind: z.enum(PERIOD_KINDS), from: z.string(), to: z.string(), label: text });
const RuleOut = z.union([z.object({ kind: z.literal('linear') }), z.object({ kind: z.literal('threshold'), threshold: z.number() }), z.object({ kind: z.literal('tracking') })]);
export const IndicatorScoreOut = z.object({
  code: z.string(),
  group: z.string(),
  name: text,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rate: z.number().nullable(),
  max: z.number(),
  score: z.number(),
  lost: z.number(),
  status: z.enum(['scored', 'empty_full', 'empty_zero', 'not_applicable', 'no_data', 'tracking']),
  rule: RuleOut,
});
export const IndexResultOut = z.object({
  profileId: z.string(),
  total: z.number(),
  applicableMax: z.number(),
  scaled: z.number(),
  band: z.object({ code: z.string(), min: z.number(), label: text }),
  groups: z.array(z.object({ code: z.string(), name: text, max: z.number(), applicableMax: z.number(), score: z.number(), indicators: z.array(IndicatorScoreOut) })),
});
const FiguresOut = z.object({
  received: z.number(),
  finished: z.number(),
  finishedOnTime: z.number(),
  openAtEnd: z.number(),
  lateOpenAtEnd: z.number(),
  averageProcessingDays: z.number().nullable(),
});
const AgencyRefOut = z.object({ id: z.string(), code: z.string(), name: z.string() });
const ProfileRefOut = z.object({ id: z.string(), name: text });

export const DashboardOut = z.object({
  agency: AgencyRefOut,
  period: PeriodOut,
  judgedOn: z.string(),
  profile: ProfileRefOut,
  result: IndexResultOut,
  figures: FiguresOut,
  previous: z.object({ period: PeriodOut, result: IndexResultOut, figures: FiguresOut }),
  trend: z.array(z.object({ period: PeriodOut, total: z.number(), scaled: z.number(), groups: z.record(z.string(), z.number()) })),
  importedCodes: z.array(z.string()),
});

export const IndicatorQuery = ScopeQuery.extend({ indicator: z.string().regex(/^[A-Z][A-Z0-9_]*$/) });
export const ProceduresOut = z.object({
  indicator: IndicatorScoreOut,
  rows: z.array(z.object({ procedureId: z.string(), code: z.string(), name: z.string(), numerator: z.number(), denominator: z.number(), rate: z.number().nullable(), missing: z.number() })),
});

export const DossiersQuery = IndicatorQuery.extend({
  procedureId: z.string().uuid().optional(),
  filter: z.enum(['missing', 'numerator', 'denominator']).default('missing'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `next` of the previous page (keyset paging in receipt order). */
  cursor: z.string().max(300).optional(),
});
export const DossiersOut = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      code: z.string().nullable(),
      procedureCode: z.string(),
      procedureName: z.string(),
      agencyName: z.string(),
      state: z.string(),
      receivedAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      appointmentAt: z.string().nullable().describe('The appointment the on-time judgement used (before an apology moved the due date)'),
      finishedAt: z.string().nullable(),
      counts: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
  hasMore: z.boolean(),
  /** The cursor of the next page; null on the last one. */
  next: z.string().nullable(),
});

export const RankingsQuery = ScopeQuery.extend({
  sort: z.string().regex(/^[A-Za-z_]+$/).default('total'),
  minDossiers: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const RankingsOut = z.object({
  parent: AgencyRefOut,
  period: PeriodOut,
  profile: ProfileRefOut,
  minDossiers: z.number(),
  rows: z.array(
    z.object({
      agency: AgencyRefOut,
      received: z.number(),
      eligible: z.boolean(),
      rank: z.number().nullable(),
      total: z.number(),
      scaled: z.number(),
      band: z.object({ code: z.string(), label: text }),
      groups: z.record(z.string(), z.number()),
    }),
  ),
});

export const MetricCountIn = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(0),
});
export const ReconciliationBody = PeriodQuery.extend({
  agencyId: z.string().uuid(),
  period: z.enum(PERIOD_KINDS),
  year: z.number().int().min(2000).max(2100).optional(),
  index: z.number().int().min(1).max(12).optional(),
  source: z.string().trim().min(1).max(500),
  metrics: z.array(MetricCountIn).min(1).max(100),
});
const CountOut = z.object({ numerator: z.number().nullable(), denominator: z.number().nullable(), rate: z.number().nullable(), score: z.number() });
export const ReconciliationOut = z.object({
  imported: z.object({ id: z.string(), source: z.string(), createdAt: z.string() }).nullable(),
  portal: IndexResultOut.nullable(),
  motcua: IndexResultOut,
  differences: z.array(z.object({ code: z.string(), ours: CountOut, theirs: CountOut, scoreDelta: z.number(), differs: z.boolean() })),
});

export const ProfilesOut = z.object({ defaultId: z.string(), profiles: z.array(scoringProfileSchema) });
export { scoringProfileSchema as ProfileBody };

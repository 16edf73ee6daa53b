/**
 * SQL of the service index. Every dashboard figure is read from the counters (index_counts): whole months from the
 * monthly buckets, partial months from the daily buckets; open balances are the deltas summed up to a day. The
 * drill-down lists read the per-dossier facts (index_dossier_facts) by agency, procedure and time, on indexes.
 */
import { and, asc, between, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, dossiers, feedback, indexCounts, indexDossierFacts, indexReconciliations, procedures, publications, scoringProfiles } from '../../platform/db/schema.ts';
import { BALANCE_COUNTERS, COUNTERS, monthStart, splitByMonths, zeroBalances, zeroCounters, type Balances, type Counters, type DrillSpec, type DrillWindow } from '../../../core/service-index/index.ts';
import { addDays } from '../../../core/calendar/dates.ts';
import type { LocalDate } from '../../../core/calendar/types.ts';

export type AgencyProcedureCounts = { agencyId: string; procedureId: string; c: Counters };

const sums = Object.fromEntries(COUNTERS.map((c) => [c, sql<number>`coalesce(sum(${indexCounts[c]}), 0)`.mapWith(Number)])) as Record<(typeof COUNTERS)[number], SQL.Aliased<number> | SQL<number>>;

function inPeriod(from: LocalDate, to: LocalDate): SQL {
  const { months, days } = splitByMonths(from, to);
  const parts: SQL[] = [];
  if (months.length > 0) parts.push(and(eq(indexCounts.grain, 'm'), inArray(indexCounts.bucket, months))!);
  for (const [a, b] of days) parts.push(and(eq(indexCounts.grain, 'd'), between(indexCounts.bucket, a, b))!);
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

function upTo(day: LocalDate): SQL {
  const ms = monthStart(day);
  return or(and(eq(indexCounts.grain, 'm'), lt(indexCounts.bucket, ms)), and(eq(indexCounts.grain, 'd'), between(indexCounts.bucket, ms, day)))!;
}

const toCounters = (r: Record<string, unknown>): Counters => {
  const c = zeroCounters();
  for (const k of COUNTERS) c[k] = Number(r[k] ?? 0);
  return c;
};

/** Counters of [from, to] per (agency, procedure) in the scope, or per procedure only (agencyId ''). */
export async function sumPeriod(db: DbOrTx, agencyIds: readonly string[], from: LocalDate, to: LocalDate, byAgency = true): Promise<AgencyProcedureCounts[]> {
  if (agencyIds.length === 0) return [];
  const where = and(inArray(indexCounts.agencyId, [...agencyIds]), inPeriod(from, to));
  if (!byAgency) {
    const rows = await db.select({ procedureId: indexCounts.procedureId, ...sums }).from(indexCounts).where(where).groupBy(indexCounts.procedureId);
    return rows.map((r) => ({ agencyId: '', procedureId: r.procedureId, c: toCounters(r) }));
  }
  const rows = await db.select({ agencyId: indexCounts.agencyId, procedureId: indexCounts.procedureId, ...sums }).from(indexCounts).where(where).groupBy(indexCounts.agencyId, indexCounts.procedureId);
  return rows.map((r) => ({ agencyId: r.agencyId, procedureId: r.procedureId, c: toCounters(r) }));
}

export interface Balance extends Balances {
  agencyId: string;
  procedureId: string;
}

/** The balances (sums of the delta counters) of the rows selected. */
const balanceSums = Object.fromEntries(Object.entries(BALANCE_COUNTERS).map(([b, c]) => [b, sql<number>`coalesce(sum(${indexCounts[c]}), 0)`.mapWith(Number)])) as Record<keyof Balances, SQL<number>>;
const nonZero = (r: Balances) => r.open !== 0 || r.lateOpen !== 0 || r.contentOpen !== 0 || r.contentLateOpen !== 0;

/** Dossiers open at the end of `day` (and those of them late, not complained about…) per (agency, procedure) or per procedure. */
export async function balancesAt(db: DbOrTx, agencyIds: readonly string[], day: LocalDate, byAgency = true): Promise<Balance[]> {
  if (agencyIds.length === 0) return [];
  const where = and(inArray(indexCounts.agencyId, [...agencyIds]), upTo(day));
  const rows = byAgency
    ? await db.select({ agencyId: indexCounts.agencyId, procedureId: indexCounts.procedureId, ...balanceSums }).from(indexCounts).where(where).groupBy(indexCounts.agencyId, indexCounts.procedureId)
    : (await db.select({ procedureId: indexCounts.procedureId, ...balanceSums }).from(indexCounts).where(where).groupBy(indexCounts.procedureId)).map((r) => ({ ...r, agencyId: '' }));
  return rows.filter(nonZero);
}

/**
 * Monthly counters per (month, procedure) from `fromMonth` up to the month of `until` (at most `toMonth`), with the
 * daily buckets after `until` in that last month taken out (a running month is judged on `until`), and the open
 * balances before `fromMonth`.
 */
export async function monthRange(db: DbOrTx, agencyIds: readonly string[], fromMonth: LocalDate, toMonth: LocalDate, until: LocalDate) {
  const lastMonth = monthStart(until) < toMonth ? monthStart(until) : toMonth;
  if (agencyIds.length === 0 || lastMonth < fromMonth) return { months: [] as { month: LocalDate; procedureId: string; c: Counters }[], before: zeroBalances() };
  const ids = [...agencyIds];
  const cutsLastMonth = monthStart(until) === lastMonth;
  const monthly = await db
    .select({ month: indexCounts.bucket, procedureId: indexCounts.procedureId, ...sums })
    .from(indexCounts)
    .where(and(inArray(indexCounts.agencyId, ids), eq(indexCounts.grain, 'm'), between(indexCounts.bucket, fromMonth, lastMonth)))
    .groupBy(indexCounts.bucket, indexCounts.procedureId);
  const future = cutsLastMonth
    ? await db
        .select({ procedureId: indexCounts.procedureId, ...sums })
        .from(indexCounts)
        .where(and(inArray(indexCounts.agencyId, ids), eq(indexCounts.grain, 'd'), gt(indexCounts.bucket, until), lt(indexCounts.bucket, nextMonth(lastMonth))))
        .groupBy(indexCounts.procedureId)
    : [];
  const [before] = await db
    .select(balanceSums)
    .from(indexCounts)
    .where(and(inArray(indexCounts.agencyId, ids), eq(indexCounts.grain, 'm'), lt(indexCounts.bucket, fromMonth)));
  const months = monthly.map((r) => ({ month: r.month, procedureId: r.procedureId, c: toCounters(r) }));
  const last = new Map(months.filter((m) => m.month === lastMonth).map((m) => [m.procedureId, m]));
  for (const f of future) {
    const row = last.get(f.procedureId);
    if (!row) continue;
    const fc = toCounters(f);
    for (const k of COUNTERS) row.c[k] -= fc[k];
  }
  return { months, before: before ?? zeroBalances() };
}

function nextMonth(ms: LocalDate): LocalDate {
  return addDays(ms, 32).slice(0, 8) + '01';
}

/** (agency, procedure) of the active publications of the agencies. */
export async function publishedPairs(db: DbOrTx, agencyIds: readonly string[]) {
  if (agencyIds.length === 0) return [];
  return db
    .select({ agencyId: publications.agencyId, procedureId: publications.procedureId })
    .from(publications)
    .where(and(inArray(publications.agencyId, [...agencyIds]), eq(publications.active, true)));
}

/** When each procedure's record last changed (to keep derived catalog facts fresh). */
export async function procedureStamps(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: procedures.id, updatedAt: procedures.updatedAt }).from(procedures).where(inArray(procedures.id, [...ids]));
}

export async function procedureRecords(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: procedures.id, updatedAt: procedures.updatedAt, record: procedures.record }).from(procedures).where(inArray(procedures.id, [...ids]));
}

export async function procedureNamesByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { code: string; name: string }>();
  const rows = await db.select({ id: procedures.id, code: procedures.code, name: procedures.name }).from(procedures).where(inArray(procedures.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** Feedback figures of the agencies (the feedback module's one query and on-time predicate). */
export { feedbackFigures as feedbackStats } from '../feedback/index.ts';

/**
 * The SQL of the drill-down predicate (core/service-index/drill.ts inDenominator / inNumerator, the same conditions
 * on the per-dossier facts): which dossiers an indicator counts in its denominator and, of them, in its numerator.
 * The figures read the counters; the API test figures.routes.test.ts checks both agree for every indicator.
 */
export function drillPredicates(spec: DrillSpec, w: DrillWindow): { denominator: SQL; numerator: SQL } {
  const f = indexDossierFacts;
  const before = (c: typeof f.finishedAt) => and(isNotNull(c), lt(c, w.end))!;
  const inside = (c: typeof f.finishedAt) => and(gte(c, w.from), lt(c, w.end))!;
  const population =
    spec.kind === 'received'
      ? inside(f.receivedAt)
      : spec.kind === 'finished'
        ? inside(f.finishedAt)
        : or(inside(f.finishedAt), and(lt(f.receivedAt, w.end), not(before(f.finishedAt)), not(before(f.withdrawnAt))))!;
  const denominator = and(eq(f.counted, true), isNotNull(f.receivedAt), spec.only ? eq(f[spec.only], true) : undefined, population)!;
  const notLate = or(isNull(f.lateAt), gte(f.lateAt, w.end))!;
  const numerator = spec.kind === 'progress' ? (spec.satisfaction ? and(notLate, eq(f.dissatisfied, false))! : notLate) : eq(f[spec.flag!], true);
  return { denominator, numerator };
}

/** Position in a drill-down list: its ORDER BY columns (receipt time as the database prints it, dossier id). */
export interface DrillCursor {
  receivedAt: string;
  dossierId: string;
}

/**
 * Dossiers behind an indicator in its window: the denominator, its numerator, or the missing ones (denominator and
 * not numerator). Keyset paged in (received_at, dossier_id) order: `after` is the last row of the previous page.
 */
export async function drillDossiers(
  db: DbOrTx,
  q: { agencyIds: readonly string[]; procedureId?: string | undefined; spec: DrillSpec; window: DrillWindow; want: 'numerator' | 'missing' | 'denominator'; after: DrillCursor | null; limit: number },
) {
  if (q.agencyIds.length === 0) return [];
  const f = indexDossierFacts;
  const { denominator, numerator } = drillPredicates(q.spec, q.window);
  const pick = q.want === 'numerator' ? numerator : q.want === 'missing' ? not(numerator) : undefined;
  const after = q.after ? sql`(${f.receivedAt}, ${f.dossierId}) > (${q.after.receivedAt}::timestamptz, ${q.after.dossierId}::uuid)` : undefined;
  return db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      state: dossiers.state,
      dueAt: dossiers.dueAt,
      apologiesSent: dossiers.apologiesSent,
      procedureId: f.procedureId,
      agencyName: agencies.name,
      receivedAt: f.receivedAt,
      cursorAt: sql<string>`${f.receivedAt}::text`,
      finishedAt: f.finishedAt,
      lateAt: f.lateAt,
      appointmentAt: f.appointmentAt,
      lateReason: f.lateReason,
      supplementRequests: f.supplementRequests,
      counts: sql<boolean>`(${numerator})`.mapWith(Boolean),
      facts: sql<Record<string, boolean>>`json_build_object('online', ${f.online}, 'onlineCompliant', ${f.onlineCompliant}, 'synced', ${f.synced}, 'digitised', ${f.digitised}, 'reused', ${f.reused}, 'citizenStore', ${f.citizenStore}, 'eid', ${f.eid}, 'feeBearing', ${f.feeBearing}, 'paidOnline', ${f.paidOnline}, 'electronicResult', ${f.electronicResult}, 'dissatisfied', ${f.dissatisfied})`,
    })
    .from(f)
    .innerJoin(dossiers, eq(dossiers.id, f.dossierId))
    .innerJoin(agencies, eq(agencies.id, f.agencyId))
    .where(and(inArray(f.agencyId, [...q.agencyIds]), q.procedureId ? eq(f.procedureId, q.procedureId) : undefined, denominator, pick, after))
    .orderBy(asc(f.receivedAt), asc(f.dossierId))
    .limit(q.limit);
}

export async function childAgencies(db: DbOrTx, parentId: string) {
  return db.select().from(agencies).where(eq(agencies.parentId, parentId)).orderBy(asc(agencies.code));
}

/** Agencies with their subtree paths, for grouping a scope's rows by child. */
export async function agenciesUnderPath(db: DbOrTx, path: string) {
  return db.select({ id: agencies.id, path: agencies.path, parentId: agencies.parentId }).from(agencies).where(sql`${agencies.path} like ${path + '%'}`);
}

export async function storedProfiles(db: DbOrTx) {
  return db.select().from(scoringProfiles).orderBy(asc(scoringProfiles.createdAt));
}

export async function insertProfile(db: DbOrTx, v: typeof scoringProfiles.$inferInsert) {
  await db.insert(scoringProfiles).values(v);
}

export async function insertReconciliation(db: DbOrTx, v: typeof indexReconciliations.$inferInsert) {
  const [row] = await db.insert(indexReconciliations).values(v).returning();
  return row!;
}

/** The latest import for exactly this agency and period. */
export async function latestReconciliation(db: DbOrTx, agencyId: string, from: LocalDate, to: LocalDate) {
  const [row] = await db
    .select()
    .from(indexReconciliations)
    .where(and(eq(indexReconciliations.agencyId, agencyId), eq(indexReconciliations.periodFrom, from), eq(indexReconciliations.periodTo, to)))
    .orderBy(desc(indexReconciliations.createdAt))
    .limit(1);
  return row ?? null;
}


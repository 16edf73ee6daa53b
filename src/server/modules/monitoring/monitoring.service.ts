/**
 * Use cases of the live service index (Decision 766): dashboards, drill-down, rankings, profiles and the
 * reconciliation with the national portal's figures. Every figure comes from the counters maintained in the
 * dossier transactions (index-maintenance.ts) and the scoring in core/service-index; nothing here scans dossiers.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { inScope, type AuthInfo } from '../../platform/http/auth.ts';
import { agencyTreePage, findAgency } from '../units/index.ts';
import { ratingStats } from '../feedback/index.ts';
import { addDays, isLocalDate } from '../../../core/calendar/dates.ts';
import { localMinutesToInstant, toLocalDate, formatVnIso } from '../../../core/calendar/time.ts';
import type { LocalDate } from '../../../core/calendar/types.ts';
import type { ProcedureRecord } from '../../../core/catalog/types.ts';
import {
  averageProcessingDays,
  BALANCE_COUNTERS,
  BUILTIN_PROFILES,
  catalogFacts,
  compareResults,
  COUNTERS,
  DEFAULT_PROFILE_ID,
  DRILL_SPECS,
  dossierMetrics,
  feedbackMetrics,
  indicatorsOf,
  monthsOfYearUntil,
  monthsOfRange,
  monthStart,
  splitByMonths,
  type ProcedureCatalogFacts,
  previousPeriod,
  procedureMetrics,
  profileFor,
  round2,
  scoreMetrics,
  scoringProfileSchema,
  zeroBalances,
  zeroCounters,
  type Balances,
  type Counters,
  type DrillSpec,
  type DrillWindow,
  type IndexDashboard,
  type IndexResult,
  type IndicatorDossierRow,
  type IndicatorProcedureRow,
  type MetricCount,
  type Period,
  type PeriodFigures,
  type ProcedurePeriodStats,
  type RankingRow,
  type Rankings,
  type ScoringProfile,
} from '../../../core/service-index/index.ts';
import * as repo from './monitoring.repository.ts';
import { ensureIndexRules, rebuildIndex } from './index-maintenance.ts';

type AgencyRow = NonNullable<Awaited<ReturnType<typeof findAgency>>>;

/** What one scope (set of agencies) scores in one period. */
interface ScopeScore {
  result: IndexResult;
  figures: PeriodFigures;
  metrics: MetricCount[];
}

interface ScopeData {
  sums: Counters;
  /** The balances at the judging day's end. */
  atEnd: Balances;
  procs: Map<string, ProcedurePeriodStats>;
  feedback: Awaited<ReturnType<typeof repo.feedbackStats>>;
}

function byProcedure<T extends { procedureId: string }>(xs: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(x.procedureId);
    if (list) list.push(x);
    else m.set(x.procedureId, [x]);
  }
  return m;
}

const dayStart = (d: LocalDate) => localMinutesToInstant(d, 0);
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n * 1000) / d) / 10);
const addInto = (a: Counters, b: Counters) => {
  for (const k of COUNTERS) a[k] += b[k];
};
const BALANCE_KEYS = Object.keys(BALANCE_COUNTERS) as (keyof Balances)[];
const addBalances = (a: Balances, b: Balances) => {
  for (const k of BALANCE_KEYS) a[k] += b[k];
};
/** The balance deltas carried by one set of counters. */
const balancesOf = (c: Counters): Balances => Object.fromEntries(BALANCE_KEYS.map((k) => [k, c[BALANCE_COUNTERS[k]]])) as unknown as Balances;

export class MonitoringService {
  constructor(private readonly ctx: AppContext) {}

  // ------------------------------------------------------------------ profiles

  async profiles(): Promise<ScoringProfile[]> {
    const stored = await repo.storedProfiles(this.ctx.db);
    return [...BUILTIN_PROFILES, ...stored.map((r) => scoringProfileSchema.parse(r.body))];
  }

  async addProfile(auth: AuthInfo, body: ScoringProfile): Promise<ScoringProfile> {
    const all = await this.profiles();
    if (all.some((p) => p.id === body.id)) throw new AppError('PROFILE_EXISTS', { id: body.id });
    await repo.insertProfile(this.ctx.db, { id: body.id, body, createdBy: auth.userId, createdAt: this.ctx.now() });
    return body;
  }

  async resolveProfile(period: Period, id?: string): Promise<ScoringProfile> {
    const all = await this.profiles();
    if (id) {
      const p = all.find((x) => x.id === id);
      if (!p) throw new AppError('NOT_FOUND', { entity: `scoring profile ${id}` });
      return p;
    }
    return profileFor(period.from, all);
  }

  // ------------------------------------------------------------------ access

  /** The agency, if the caller may see it (any staff role on it or an ancestor); else 404. */
  async agencyInScope(auth: AuthInfo, agencyId: string): Promise<AgencyRow> {
    const a = await findAgency(this.ctx.db, agencyId);
    if (!a || !inScope(auth, a.path)) throw new AppError('NOT_FOUND', { entity: 'agency' });
    return a;
  }

  async publicAgency(agencyId: string): Promise<AgencyRow> {
    const a = await findAgency(this.ctx.db, agencyId);
    if (!a) throw new AppError('NOT_FOUND', { entity: 'agency' });
    return a;
  }

  today(): LocalDate {
    return toLocalDate(this.ctx.now());
  }

  /** Open dossiers are judged at the period end, or today while the period runs. */
  judgedOn(period: Period): LocalDate {
    const today = this.today();
    return period.to < today ? period.to : today;
  }

  // ------------------------------------------------------------------ scoring a scope

  /** Catalog facts per procedure, derived once per record version (procedures change rarely; records are large). */
  private readonly catalogCache = new Map<string, { stamp: number; facts: ProcedureCatalogFacts }>();

  private async catalogFor(procIds: readonly string[]): Promise<Map<string, ProcedureCatalogFacts>> {
    const stamps = await repo.procedureStamps(this.ctx.db, procIds);
    const stale = stamps.filter((p) => this.catalogCache.get(p.id)?.stamp !== p.updatedAt.getTime()).map((p) => p.id);
    for (let i = 0; i < stale.length; i += 1000) {
      for (const r of await repo.procedureRecords(this.ctx.db, stale.slice(i, i + 1000))) {
        this.catalogCache.set(r.id, { stamp: r.updatedAt.getTime(), facts: catalogFacts(r.record as ProcedureRecord) });
      }
    }
    return new Map(stamps.map((p) => [p.id, this.catalogCache.get(p.id)!.facts]));
  }

  /** The scope: its agencies, the procedures they publish (with catalog facts), by agency. */
  private async scopeOf(agency: AgencyRow) {
    const agencies = await repo.agenciesUnderPath(this.ctx.db, agency.path);
    const ids = agencies.map((a) => a.id);
    const pairs = await repo.publishedPairs(this.ctx.db, ids);
    const catalog = await this.catalogFor([...new Set(pairs.map((p) => p.procedureId))]);
    return { agencies, ids, pairs, catalog };
  }

  private feedbackOf(ids: string[], period: Period, judged: LocalDate) {
    return repo.feedbackStats(this.ctx.db, ids, dayStart(period.from), dayStart(addDays(period.to, 1)), dayStart(addDays(judged, 1)));
  }

  /** Counters of any period straight from the daily and monthly buckets (custom ranges; rankings). */
  private async periodData(ids: string[], procIds: Iterable<string>, catalog: Map<string, ProcedureCatalogFacts>, period: Period): Promise<ScopeData> {
    const judged = this.judgedOn(period);
    const [rows, balances, fb] = await Promise.all([
      repo.sumPeriod(this.ctx.db, ids, period.from, period.to, false),
      judged >= period.from ? repo.balancesAt(this.ctx.db, ids, judged, false) : Promise.resolve([]),
      this.feedbackOf(ids, period, judged),
    ]);
    return this.assemble(rows, balances, procIds, catalog, fb);
  }

  private assemble(rows: { procedureId: string; c: Counters }[], balances: Balances[], procIds: Iterable<string>, catalog: Map<string, ProcedureCatalogFacts>, fb: ScopeData['feedback']): ScopeData {
    const sums = zeroCounters();
    const procs = new Map<string, ProcedurePeriodStats>();
    for (const id of procIds) {
      const facts = catalog.get(id);
      if (facts && !procs.has(id)) procs.set(id, { procedureId: id, ...facts, online: 0, paidOnline: 0, feeBearingDossiers: 0, eid: 0 });
    }
    for (const r of rows) {
      addInto(sums, r.c);
      const p = procs.get(r.procedureId);
      if (p) {
        p.online += r.c.online;
        p.paidOnline += r.c.paidOnline;
        p.feeBearingDossiers += r.c.feeBearing;
        p.eid += r.c.eid;
      }
    }
    const atEnd = zeroBalances();
    for (const b of balances) addBalances(atEnd, b);
    return { sums, atEnd, procs, feedback: fb };
  }

  private score(profile: ScoringProfile, data: ScopeData, overrides: MetricCount[] = []): ScopeScore {
    const own = [
      ...dossierMetrics({ sums: data.sums, atEnd: data.atEnd }),
      ...procedureMetrics([...data.procs.values()]),
      ...feedbackMetrics(data.feedback),
    ];
    const replaced = new Set(overrides.map((m) => m.code));
    const metrics = [...own.filter((m) => !replaced.has(m.code)), ...overrides];
    const s = data.sums;
    return {
      metrics,
      result: scoreMetrics(profile, metrics),
      figures: { received: s.received, finished: s.finished, finishedOnTime: s.finishedOnTime, openAtEnd: data.atEnd.open, lateOpenAtEnd: data.atEnd.lateOpen, averageProcessingDays: averageProcessingDays(s) },
    };
  }

  /**
   * Months of one range read once from the monthly buckets: the data of each month (with its end-of-month open
   * balances, the last month judged on `until`) and of the whole range.
   */
  private async monthsData(ids: string[], procIds: string[], catalog: Map<string, ProcedureCatalogFacts>, months: Period[], until: LocalDate) {
    if (months.length === 0) return { perMonth: [] as ScopeData[], rows: [] as { month: string; procedureId: string; c: Counters }[], atEnd: zeroBalances() };
    const range = await repo.monthRange(this.ctx.db, ids, months[0]!.from, months[months.length - 1]!.from, until);
    const fbs = await Promise.all(months.map((m) => this.feedbackOf(ids, m, m.to < until ? m.to : until)));
    const running = { ...range.before };
    const perMonth = months.map((m, i) => {
      const rows = range.months.filter((r) => r.month === m.from);
      for (const r of rows) addBalances(running, balancesOf(r.c));
      return this.assemble(rows, [{ ...running }], procIds, catalog, fbs[i]!);
    });
    return { perMonth, rows: range.months, atEnd: running };
  }

  /** Whole months only (no partial month at either end). */
  private static monthAligned(p: Period): boolean {
    return splitByMonths(p.from, p.to).days.length === 0;
  }

  /** A month-aligned period from its months' data (sums of the months; balances at its judging day). */
  private async alignedData(ids: string[], procIds: string[], catalog: Map<string, ProcedureCatalogFacts>, period: Period, months?: Awaited<ReturnType<MonitoringService['monthsData']>>, monthPeriods?: Period[]): Promise<ScopeData> {
    const judged = this.judgedOn(period);
    if (judged < period.from) return this.assemble([], [], procIds, catalog, await this.feedbackOf(ids, period, judged));
    let data = months;
    let list = monthPeriods;
    if (!data || !list) {
      list = monthsOfRange(period.from, judged);
      data = await this.monthsData(ids, procIds, catalog, list, judged);
    }
    const inside = data.rows.filter((r) => r.month >= period.from && r.month <= period.to);
    const lastIndex = list.findIndex((m) => m.from === monthStart(judged));
    const endBalance = lastIndex >= 0 ? data.perMonth[lastIndex]! : null;
    return this.assemble(inside, endBalance ? [endBalance.atEnd] : [], procIds, catalog, await this.feedbackOf(ids, period, judged));
  }

  /** The dashboard of an agency (its subtree) for a period: score, figures, previous period and monthly trend. */
  async dashboardFor(agencyId: string, period: Period, profileId?: string): Promise<IndexDashboard> {
    const agency = await this.publicAgency(agencyId);
    const profile = await this.resolveProfile(period, profileId);
    const { ids, catalog } = await this.scopeOf(agency);
    const procIds = [...catalog.keys()];
    const judged = this.judgedOn(period);
    const prev = previousPeriod(period);
    // The months of the period's year up to its judging day, read once: the trend, and the period itself when it
    // is made of whole months.
    const trendMonths = monthsOfYearUntil(period, judged);
    const year = await this.monthsData(ids, procIds, catalog, trendMonths, judged);
    const inYear = MonitoringService.monthAligned(period) && trendMonths.some((m) => m.from === period.from);
    const [cur, before, imported] = await Promise.all([
      inYear ? this.alignedData(ids, procIds, catalog, period, year, trendMonths) : MonitoringService.monthAligned(period) ? this.alignedData(ids, procIds, catalog, period) : this.periodData(ids, procIds, catalog, period),
      MonitoringService.monthAligned(prev) ? this.alignedData(ids, procIds, catalog, prev) : this.periodData(ids, procIds, catalog, prev),
      repo.latestReconciliation(this.ctx.db, agency.id, period.from, period.to),
    ]);
    // Indicators motcua cannot measure take the national portal's imported counts for this unit and period.
    const external = new Set(profile.indicators.filter((i) => i.source === 'external').map((i) => i.code));
    const fromPortal = ((imported?.metrics ?? []) as MetricCount[]).filter((m) => external.has(m.code));
    const c = this.score(profile, cur, fromPortal);
    const p = this.score(profile, before);
    return {
      agency: { id: agency.id, code: agency.code, name: agency.name },
      period,
      judgedOn: judged,
      profile: { id: profile.id, name: profile.name },
      result: c.result,
      figures: c.figures,
      previous: { period: prev, result: p.result, figures: p.figures },
      trend: trendMonths.map((m, i) => {
        const r = this.score(profile, year.perMonth[i]!).result;
        return { period: m, total: r.total, scaled: r.scaled, groups: Object.fromEntries(r.groups.map((g) => [g.code, g.score])) };
      }),
      importedCodes: fromPortal.map((m) => m.code),
    };
  }

  async dashboard(auth: AuthInfo, agencyId: string, period: Period, profileId?: string): Promise<IndexDashboard> {
    await this.agencyInScope(auth, agencyId);
    return this.dashboardFor(agencyId, period, profileId);
  }

  // ------------------------------------------------------------------ drill-down

  /** The procedures behind an indicator, worst first. */
  async indicatorProcedures(auth: AuthInfo, agencyId: string, period: Period, indicator: string, profileId?: string) {
    const agency = await this.agencyInScope(auth, agencyId);
    const profile = await this.resolveProfile(period, profileId);
    const def = profile.indicators.find((i) => i.code === indicator);
    if (!def) throw new AppError('NOT_FOUND', { entity: `indicator ${indicator}` });
    const { ids, catalog } = await this.scopeOf(agency);
    const procIds = [...catalog.keys()];
    const judged = this.judgedOn(period);
    const [rows, balances, fb] = await Promise.all([
      repo.sumPeriod(this.ctx.db, ids, period.from, period.to, false),
      judged >= period.from ? repo.balancesAt(this.ctx.db, ids, judged, false) : Promise.resolve([]),
      this.feedbackOf(ids, period, judged),
    ]);
    const whole = this.score(profile, this.assemble(rows, balances, procIds, catalog, fb));
    const scoreOf = indicatorsOf(whole.result).find((i) => i.code === indicator)!;
    const all = new Set<string>([...rows.map((r) => r.procedureId), ...balances.map((b) => b.procedureId), ...procIds]);
    const names = await repo.procedureNamesByIds(this.ctx.db, [...all]);
    const noFeedback = { received: 0, answered: 0, onTime: 0, satisfied: 0, aboutProcedures: 0, aboutStaff: 0 };
    // Group once: a province has thousands of procedures and tens of thousands of counter rows.
    const rowsOf = byProcedure(rows);
    const balancesOf = byProcedure(balances);
    const out: IndicatorProcedureRow[] = [];
    for (const pid of all) {
      const data = this.assemble(rowsOf.get(pid) ?? [], balancesOf.get(pid) ?? [], [pid], catalog, noFeedback);
      const metrics = [...dossierMetrics({ sums: data.sums, atEnd: data.atEnd }), ...procedureMetrics([...data.procs.values()])];
      const m = metrics.find((x) => x.code === indicator);
      if (!m || m.denominator === 0) continue;
      const n = names.get(pid);
      out.push({ procedureId: pid, code: n?.code ?? '', name: n?.name ?? '', numerator: m.numerator, denominator: m.denominator, rate: round2((m.numerator / m.denominator) * 100), missing: m.denominator - m.numerator });
    }
    out.sort((a, b) => b.missing - a.missing || a.code.localeCompare(b.code));
    return { indicator: scoreOf, rows: out };
  }

  /**
   * The dossiers behind a dossier-based indicator, keyset paged: `cursor` is the `next` of the previous page. The
   * predicate is the indicator's (core drill.ts, SQL in the repository), so the rows of filter=numerator and
   * filter=denominator number exactly the figure's numerator and denominator.
   */
  async indicatorDossiers(
    auth: AuthInfo,
    agencyId: string,
    period: Period,
    q: { indicator: string; procedureId?: string | undefined; filter: 'missing' | 'numerator' | 'denominator'; limit: number; cursor?: string | undefined },
  ): Promise<{ rows: IndicatorDossierRow[]; hasMore: boolean; next: string | null }> {
    const after = q.cursor ? decodeDrillCursor(q.cursor) : null;
    const agency = await this.agencyInScope(auth, agencyId);
    const spec = DRILL_SPECS[q.indicator];
    if (!spec) throw new AppError('INDICATOR_NOT_DOSSIER_BASED', { indicator: q.indicator });
    const ids = (await repo.agenciesUnderPath(this.ctx.db, agency.path)).map((a) => a.id);
    const rows = await repo.drillDossiers(this.ctx.db, { agencyIds: ids, procedureId: q.procedureId, spec, window: this.drillWindow(spec, period), want: q.filter, after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const names = await repo.procedureNamesByIds(this.ctx.db, [...new Set(page.map((r) => r.procedureId))]);
    const fmt = (d: Date | null) => (d ? formatVnIso(d) : null);
    const last = page[page.length - 1];
    const hasMore = rows.length > q.limit;
    return {
      hasMore,
      next: hasMore && last ? encodeCursor([last.cursorAt, last.id]) : null,
      rows: page.map((r) => ({
        id: r.id,
        code: r.code,
        procedureCode: names.get(r.procedureId)?.code ?? '',
        procedureName: names.get(r.procedureId)?.name ?? '',
        agencyName: r.agencyName,
        state: r.state,
        receivedAt: fmt(r.receivedAt),
        dueAt: fmt(r.dueAt),
        appointmentAt: fmt(r.appointmentAt ?? r.dueAt),
        finishedAt: fmt(r.finishedAt),
        counts: r.counts,
        reason: r.counts ? null : this.reason(spec.missing.vi, r),
      })),
    };
  }

  /**
   * For other modules that check their own access (reform inspections' pre-visit figures): every dossier behind a
   * dossier-based indicator of a unit and its subtree — the same predicate and window as indicatorDossiers, no
   * caller scope — with its apology count. `cap` bounds the rows (`truncated` says when more matched).
   */
  async drillRowsFor(agencyId: string, period: Period, indicator: string, filter: 'missing' | 'numerator' | 'denominator', cap = 5000): Promise<{ rows: { id: string; code: string | null; apologiesSent: number }[]; truncated: boolean }> {
    const spec = DRILL_SPECS[indicator];
    if (!spec) throw new AppError('INDICATOR_NOT_DOSSIER_BASED', { indicator });
    const agency = await findAgency(this.ctx.db, agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const ids = (await repo.agenciesUnderPath(this.ctx.db, agency.path)).map((a) => a.id);
    const rows = await repo.drillDossiers(this.ctx.db, { agencyIds: ids, spec, window: this.drillWindow(spec, period), want: filter, after: null, limit: cap + 1 });
    return { rows: rows.slice(0, cap).map((r) => ({ id: r.id, code: r.code, apologiesSent: r.apologiesSent })), truncated: rows.length > cap };
  }

  /** The instants an indicator's figure is read in: up to the period end, or the judging day for progress ones. */
  drillWindow(spec: DrillSpec, period: Period): DrillWindow {
    const end = spec.kind === 'progress' ? this.judgedOn(period) : period.to;
    return { from: dayStart(period.from), end: dayStart(addDays(end, 1)) };
  }

  /** The drill-down of one indicator for export: its procedures and (for dossier-based ones) up to `cap` dossiers. */
  async drillExport(auth: AuthInfo, agencyId: string, period: Period, q: { indicator: string; procedureId?: string | undefined; filter: 'missing' | 'numerator' | 'denominator'; profileId?: string | undefined }) {
    const cap = 5000;
    const agency = await this.agencyInScope(auth, agencyId);
    const procs = await this.indicatorProcedures(auth, agencyId, period, q.indicator, q.profileId);
    const dossiers = DRILL_SPECS[q.indicator] ? await this.indicatorDossiers(auth, agencyId, period, { indicator: q.indicator, procedureId: q.procedureId, filter: q.filter, limit: cap }) : { rows: [], hasMore: false };
    return { agency: { id: agency.id, code: agency.code, name: agency.name }, period, indicator: procs.indicator, procedures: procs.rows, dossiers: dossiers.rows, cap, truncated: dossiers.hasMore };
  }

  private reason(base: string, r: { lateAt: Date | null; lateReason: string | null; supplementRequests: number; facts: Record<string, boolean> }): string {
    if (r.lateAt && r.lateReason === 'supplements') return `Trễ hạn: yêu cầu bổ sung ${r.supplementRequests} lần`;
    if (r.lateAt) {
      const iso = formatVnIso(r.lateAt);
      return `Trễ hạn từ ${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    }
    if (r.facts.dissatisfied) return 'Bị phản ánh hoặc đánh giá không hài lòng';
    return base;
  }

  // ------------------------------------------------------------------ public figures

  /**
   * The public figures of a unit (the agency and its subtree) for the month or the year of `date`, up to and
   * including it (GET /api/public/stats). Read from the index counters exactly as the dashboard reads them (the
   * same periodData), so a figure means the same thing on the portal and in the console: received = dossiers
   * received in the period; finished / onTime = finished in it, and of them not late (an apology's new date does not
   * make a late dossier on time); online = received online; feedback as PETITION_PROCESSING_ON_TIME.
   */
  async publicStats(q: { agencyId: string; period: 'month' | 'year'; date?: string | undefined }) {
    const agency = await this.publicAgency(q.agencyId);
    const date = q.date ?? this.today();
    if (!isLocalDate(date)) throw new AppError('VALIDATION_FAILED', {}, { reason: `not a date: ${date}` });
    const from = (q.period === 'year' ? `${date.slice(0, 4)}-01-01` : `${date.slice(0, 7)}-01`) as LocalDate;
    const period: Period = { kind: 'custom', from, to: date, label: { vi: '', en: '' } };
    const ids = (await repo.agenciesUnderPath(this.ctx.db, agency.path)).map((a) => a.id);
    const [data, ratings] = await Promise.all([this.periodData(ids, [], new Map(), period), ratingStats(this.ctx.db, ids, dayStart(from), dayStart(addDays(date, 1)))]);
    const s = data.sums;
    const fb = data.feedback;
    const rated = ratings.satisfied + ratings.neutral + ratings.dissatisfied;
    return {
      agencyId: agency.id,
      agencyName: agency.name,
      period: q.period,
      from,
      to: date,
      received: s.received,
      finished: s.finished,
      onTime: s.finishedOnTime,
      onTimeRate: pct(s.finishedOnTime, s.finished),
      online: s.online,
      onlineRate: pct(s.online, s.received),
      ratings,
      satisfactionRate: pct(ratings.satisfied + ratings.neutral, rated),
      feedback: { received: fb.received, answered: fb.answered, onTime: fb.onTime },
    };
  }

  // ------------------------------------------------------------------ rankings

  async rankingsFor(parentId: string, period: Period, opts: { profileId?: string | undefined; sort?: string | undefined; minDossiers?: number | undefined } = {}): Promise<Rankings> {
    const parent = await this.publicAgency(parentId);
    const profile = await this.resolveProfile(period, opts.profileId);
    const minDossiers = opts.minDossiers ?? profile.rankingMinDossiers;
    const [children, scope] = await Promise.all([repo.childAgencies(this.ctx.db, parent.id), this.scopeOf(parent)]);
    const { agencies: all, ids, pairs, catalog } = scope;
    const judged = this.judgedOn(period);
    const [rows, balances] = await Promise.all([
      repo.sumPeriod(this.ctx.db, ids, period.from, period.to),
      judged >= period.from ? repo.balancesAt(this.ctx.db, ids, judged) : Promise.resolve([]),
    ]);
    const childOf = new Map<string, string>();
    for (const a of all) {
      const c = children.find((ch) => a.path.startsWith(ch.path));
      if (c) childOf.set(a.id, c.id);
    }
    const fbs = await Promise.all(children.map((c) => this.feedbackOf(all.filter((a) => childOf.get(a.id) === c.id).map((a) => a.id), period, judged)));
    const out: RankingRow[] = children.map((c, i) => {
      const mine = (x: { agencyId: string }) => childOf.get(x.agencyId) === c.id;
      const s = this.score(profile, this.assemble(rows.filter(mine), balances.filter(mine), pairs.filter(mine).map((p) => p.procedureId), catalog, fbs[i]!));
      return {
        agency: { id: c.id, code: c.code, name: c.name },
        received: s.figures.received,
        eligible: s.figures.received >= minDossiers,
        rank: null,
        total: s.result.total,
        scaled: s.result.scaled,
        band: { code: s.result.band.code, label: s.result.band.label },
        groups: Object.fromEntries(s.result.groups.map((g) => [g.code, g.score])),
      };
    });
    const key = (r: RankingRow) => (opts.sort && opts.sort !== 'total' ? (r.groups[opts.sort] ?? 0) : r.scaled);
    out.sort((a, b) => Number(b.eligible) - Number(a.eligible) || key(b) - key(a) || b.received - a.received || a.agency.code.localeCompare(b.agency.code));
    let rank = 0;
    let prevKey: number | null = null;
    out.forEach((r, i) => {
      if (!r.eligible) return;
      if (prevKey === null || key(r) !== prevKey) rank = i + 1;
      prevKey = key(r);
      r.rank = rank;
    });
    return { parent: { id: parent.id, code: parent.code, name: parent.name }, period, profile: { id: profile.id, name: profile.name }, minDossiers, rows: out };
  }

  async rankings(auth: AuthInfo, parentId: string, period: Period, opts: { profileId?: string | undefined; sort?: string | undefined; minDossiers?: number | undefined }) {
    await this.agencyInScope(auth, parentId);
    return this.rankingsFor(parentId, period, opts);
  }

  // ------------------------------------------------------------------ reconciliation

  async importReconciliation(auth: AuthInfo, agencyId: string, period: Period, body: { source: string; metrics: MetricCount[]; profile?: string | undefined }) {
    await this.agencyInScope(auth, agencyId);
    const profile = await this.resolveProfile(period, body.profile);
    const known = new Set(profile.indicators.map((i) => i.code));
    const unknown = body.metrics.filter((m) => !known.has(m.code)).map((m) => m.code);
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', {}, { reason: `unknown indicator codes: ${unknown.join(', ')}` });
    const bad = body.metrics.filter((m) => m.numerator > m.denominator && m.denominator > 0).map((m) => m.code);
    if (bad.length > 0) throw new AppError('VALIDATION_FAILED', {}, { reason: `numerator above denominator: ${bad.join(', ')}` });
    const row = await repo.insertReconciliation(this.ctx.db, {
      agencyId,
      periodFrom: period.from,
      periodTo: period.to,
      periodKind: period.kind,
      profileId: profile.id,
      metrics: body.metrics,
      source: body.source,
      createdBy: auth.userId,
      createdAt: this.ctx.now(),
    });
    return { id: row.id };
  }

  async reconciliation(auth: AuthInfo, agencyId: string, period: Period, profileId?: string) {
    await this.agencyInScope(auth, agencyId);
    const imported = await repo.latestReconciliation(this.ctx.db, agencyId, period.from, period.to);
    const profile = await this.resolveProfile(period, profileId ?? imported?.profileId);
    const dash = await this.dashboardFor(agencyId, period, profile.id);
    const portal = imported ? scoreMetrics(profile, imported.metrics as MetricCount[]) : null;
    return {
      imported: imported ? { id: imported.id, source: imported.source, createdAt: imported.createdAt.toISOString() } : null,
      portal,
      motcua: dash.result,
      differences: portal ? compareResults(dash.result, portal) : [],
    };
  }

  // ------------------------------------------------------------------ maintenance

  async rebuild() {
    return rebuildIndex(this.ctx.db);
  }

  /** Rebuilds the index when it was derived by other classification rules (server start after an upgrade). */
  async ensureRules() {
    return ensureIndexRules(this.ctx.db);
  }

  /** The agency tree for the public index page, keyset-paginated in path order (units module). */
  async publicAgencies(q: { after?: string | undefined; limit: number }) {
    const rows = await agencyTreePage(this.ctx.db, q.after ?? null, q.limit);
    const last = rows[rows.length - 1];
    return { agencies: rows.map(({ path: _path, kind: _kind, ...a }) => a), next: last && rows.length === q.limit ? last.path : null };
  }

  defaultProfileId() {
    return DEFAULT_PROFILE_ID;
  }
}

/** The cursor of a drill-down page: the ORDER BY columns of its last row (receipt time, dossier id). */
function decodeDrillCursor(token: string): repo.DrillCursor {
  const [receivedAt, dossierId] = decodeCursor(token, ['timestamp', 'uuid']);
  return { receivedAt, dossierId };
}

import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AuthInfo } from '../../platform/http/auth.ts';
import { recordAudit } from '../../platform/db/audit.ts';
import {
  computeDueAt,
  createWorkCalendar,
  DEFAULT_CALENDAR_POLICIES,
  listNonWorkingDays,
  solarToLunar,
  type CalendarOverride,
  type CalendarPolicy,
  type HolidayDay,
  type LocalDate,
  type LunarDate,
  type TimeLimit,
  type WorkCalendar,
} from '../../../core/calendar/index.ts';
import * as repo from './calendar.repository.ts';

/** How long a process trusts its cached calendar before re-reading the version number (one tiny query). */
export const CALENDAR_RECHECK_MS = 2_000;

/**
 * The stored calendar: versioned policies (holiday rules, office hours, counting settings) and the
 * official per-year overrides, both in the database; the rules themselves live in core/calendar.
 * Cached per process and shared by every process: the cache is reloaded when the database's calendar version
 * (bumped by a trigger on any change, from any server or the CLI) has moved — checked at most every
 * CALENDAR_RECHECK_MS (real time, not the injected clock), so a change is seen everywhere within seconds.
 */
export class CalendarService {
  private cached: { cal: WorkCalendar; policies: CalendarPolicy[]; overrides: CalendarOverride[]; version: number } | null = null;
  private checkedAt = -Infinity;
  private loading: Promise<NonNullable<CalendarService['cached']>> | null = null;
  constructor(
    private readonly ctx: AppContext,
    private readonly recheckMs = CALENDAR_RECHECK_MS,
  ) {}

  /** Stores the shipped default policies when the database has none (first start). */
  async ensurePolicies(): Promise<void> {
    const existing = await repo.loadPolicies(this.ctx.db);
    if (existing.length === 0) for (const p of DEFAULT_CALENDAR_POLICIES) await repo.upsertPolicy(this.ctx.db, p, this.ctx.now());
  }

  async calendar(): Promise<WorkCalendar> {
    return (await this.load()).cal;
  }

  private async load() {
    if (this.cached && performance.now() - this.checkedAt < this.recheckMs) return this.cached;
    this.loading ??= this.refresh().finally(() => (this.loading = null));
    return this.loading;
  }

  private async refresh() {
    // The version is read before the data: a change committed in between is reloaded at the next check.
    const version = await repo.loadVersion(this.ctx.db);
    this.checkedAt = performance.now();
    if (this.cached && this.cached.version === version) return this.cached;
    let policies = await repo.loadPolicies(this.ctx.db);
    if (policies.length === 0) policies = [...DEFAULT_CALENDAR_POLICIES];
    const overrides = (await repo.loadOverrides(this.ctx.db)).map(({ date, kind, reason }) => ({ date, kind, reason }));
    this.cached = { cal: createWorkCalendar(policies, overrides), policies, overrides, version };
    return this.cached;
  }

  /** This process changed the calendar: reload at the next use (other processes see the version move). */
  invalidate(): void {
    this.cached = null;
    this.checkedAt = -Infinity;
  }

  /** The year's listing: the same calendar, day by day under the policy in force that day, as the due dates. */
  async holidays(year: number): Promise<HolidayDay[]> {
    if (year < 1901 || year > 2099) throw new AppError('CALENDAR_OUT_OF_RANGE');
    const cal = await this.calendar();
    return outOfRangeAs422(() => listNonWorkingDays(cal, year));
  }

  async due(receivedAt: Date, limit: TimeLimit): Promise<Date> {
    const cal = await this.calendar();
    return outOfRangeAs422(() => computeDueAt(receivedAt, limit, cal));
  }

  lunar(date: LocalDate): LunarDate {
    if (date < '1900-01-01' || date > '2100-12-31') throw new AppError('CALENDAR_OUT_OF_RANGE');
    return outOfRangeAs422(() => solarToLunar(date));
  }

  async listOverrides(year: number) {
    return repo.overridesOfYear(this.ctx.db, year);
  }

  async setOverride(actor: AuthInfo | null, o: CalendarOverride) {
    // The years the calendar serves (holidays, overrides listing): 1901–2099.
    if (o.date < '1901-01-01' || o.date > '2099-12-31') throw new AppError('CALENDAR_OUT_OF_RANGE');
    const row = await this.ctx.db.transaction(async (tx) => {
      const r = await repo.insertOverride(tx, o, actor?.userId ?? null, this.ctx.now());
      await recordAudit(tx, { at: this.ctx.now(), actorId: actor?.userId ?? null, action: 'calendar.override.set', entity: 'calendar_override', entityId: r.id, data: o });
      return r;
    });
    this.invalidate();
    return row;
  }

  async removeOverride(actor: AuthInfo, id: string) {
    const removed = await this.ctx.db.transaction(async (tx) => {
      const r = await repo.deleteOverride(tx, id);
      if (!r) throw new AppError('NOT_FOUND', { entity: 'calendar override' });
      await recordAudit(tx, { at: this.ctx.now(), actorId: actor.userId, action: 'calendar.override.remove', entity: 'calendar_override', entityId: id, data: { date: r.date, kind: r.kind, reason: r.reason } });
      return r;
    });
    this.invalidate();
    return removed;
  }
}

/**
 * The core engine throws RangeError for dates it cannot serve (no calendar policy in force, outside the lunar
 * table): a client error (422 CALENDAR_OUT_OF_RANGE), not an internal one.
 */
function outOfRangeAs422<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) throw new AppError('CALENDAR_OUT_OF_RANGE', {}, { reason: err.message });
    throw err;
  }
}

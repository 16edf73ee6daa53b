/**
 * The URL is the source of truth of the monitoring screens: unit, period and profile live in the query string
 * (agencyId, period, year, index, from, to, profile — the API's own parameters), so a view can be shared,
 * bookmarked and opened by a test. Screen-specific parameters (sort, filter, c = the drill-down page cursors, procedureId) sit beside them.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PeriodKind, PeriodQuery } from './api.ts';

export const PERIOD_KIND_LIST: readonly PeriodKind[] = ['month', 'quarter', 'half', 'nine_months', 'year', 'custom'];
const isKind = (s: string | null): s is PeriodKind => s !== null && (PERIOD_KIND_LIST as readonly string[]).includes(s);
const isDate = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The period keys owned by the shared filter bar. */
export const PERIOD_KEYS = ['agencyId', 'period', 'year', 'index', 'from', 'to', 'profile'] as const;

function int(s: string | null, min: number, max: number): number | null {
  if (s === null || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/**
 * The period query read from the URL, completed with defaults (the current year; the current month or quarter
 * when only the kind is given; the year to date for a custom range). `complete` says whether the URL already
 * held everything (otherwise the page writes the completed query back, replacing the history entry).
 */
export function readPeriod(sp: URLSearchParams, today: string, defaultAgencyId: string | null): { query: PeriodQuery | null; complete: boolean } {
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const rawKind = sp.get('period');
  const kind: PeriodKind = isKind(rawKind) ? rawKind : 'year';
  let complete = isKind(rawKind);
  const agencyId = sp.get('agencyId') ?? defaultAgencyId;
  if (!sp.get('agencyId')) complete = false;
  if (!agencyId) return { query: null, complete: false };
  const query: PeriodQuery = { agencyId, period: kind };
  if (kind === 'custom') {
    const from = sp.get('from');
    const to = sp.get('to');
    query.from = isDate(from) ? from : `${thisYear}-01-01`;
    query.to = isDate(to) ? to : today;
    if (!isDate(from) || !isDate(to)) complete = false;
  } else {
    const year = int(sp.get('year'), 2000, 2100);
    query.year = year ?? thisYear;
    if (year === null) complete = false;
    if (kind === 'month' || kind === 'quarter') {
      const max = kind === 'month' ? 12 : 4;
      const index = int(sp.get('index'), 1, max);
      query.index = index ?? (kind === 'month' ? thisMonth : Math.floor((thisMonth - 1) / 3) + 1);
      if (index === null) complete = false;
    }
  }
  const profile = sp.get('profile');
  if (profile) query.profile = profile;
  return { query, complete };
}

/** The period query as URL parameters (only the fields its kind uses). */
export function periodParams(p: PeriodQuery): Record<string, string> {
  const out: Record<string, string> = { agencyId: p.agencyId, period: p.period };
  if (p.period === 'custom') {
    if (p.from) out.from = p.from;
    if (p.to) out.to = p.to;
  } else {
    if (p.year !== undefined) out.year = String(p.year);
    if ((p.period === 'month' || p.period === 'quarter') && p.index !== undefined) out.index = String(p.index);
  }
  if (p.profile) out.profile = p.profile;
  return out;
}

/** `?…` for a link to another monitoring screen with the same unit, period and profile (plus `extra`). */
export function searchOf(p: PeriodQuery, extra: Record<string, string | number | null | undefined> = {}): string {
  const sp = new URLSearchParams(periodParams(p));
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== '') sp.set(k, String(v));
  return `?${sp.toString()}`;
}

/** The address's parameters at the moment of a change (never a render's possibly older copy). */
const current = () => new URLSearchParams(window.location.search);

/** The monitoring query of the current URL and setters that keep it there. */
export function useMonitoringQuery(today: string, defaultAgencyId: string | null) {
  const [sp, setSp] = useSearchParams();
  const { query, complete } = useMemo(() => readPeriod(sp, today, defaultAgencyId), [sp, today, defaultAgencyId]);
  /** Replaces the period query (other parameters of the screen are kept unless listed in `drop`). */
  const setQuery = useCallback(
    (next: PeriodQuery, opts: { replace?: boolean; drop?: string[] } = {}) => {
      const out = new URLSearchParams();
      for (const [k, v] of current().entries()) if (!(PERIOD_KEYS as readonly string[]).includes(k) && !(opts.drop ?? []).includes(k)) out.set(k, v);
      for (const [k, v] of Object.entries(periodParams(next))) out.set(k, v);
      setSp(out, { replace: opts.replace ?? false });
    },
    [setSp],
  );
  /** Sets (or clears, with null) screen parameters, keeping the period query. */
  const setParams = useCallback(
    (patch: Record<string, string | number | null>, opts: { replace?: boolean } = {}) => {
      const out = current();
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === '') out.delete(k);
        else out.set(k, String(v));
      }
      setSp(out, { replace: opts.replace ?? false });
    },
    [setSp],
  );
  return { query, complete, params: sp, setQuery, setParams };
}

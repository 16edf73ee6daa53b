/** Shared pieces of the monitoring screens: the context (unit, period, profile, agencies), loading, number formats. */
import { Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconEqual } from '@tabler/icons-react';
import { createContext, useContext, useEffect, useRef, useState, type DependencyList, type ReactNode } from 'react';
import type { Lang } from '../../../core/i18n/ui.ts';
import type { ScopedAgency } from '../../components/agencyScope.ts';
export type { ScopedAgency };
import { useLang } from '../../context.tsx';
import type { IndicatorScore, PeriodQuery, ScoringProfile } from './api.ts';

export interface MonitoringCtx {
  query: PeriodQuery;
  agencies: ScopedAgency[];
  profiles: ScoringProfile[];
  defaultProfileId: string | null;
  setQuery: (next: PeriodQuery, opts?: { replace?: boolean; drop?: string[] }) => void;
  setParams: (patch: Record<string, string | number | null>, opts?: { replace?: boolean }) => void;
  params: URLSearchParams;
}

export const MonitoringContext = createContext<MonitoringCtx | null>(null);

export function useMonitoring(): MonitoringCtx {
  const c = useContext(MonitoringContext);
  if (!c) throw new Error('useMonitoring outside the monitoring screens');
  return c;
}

/** A stable key of a period query (to refetch when it changes). */
export const queryKey = (q: PeriodQuery) => JSON.stringify([q.agencyId, q.period, q.year, q.index, q.from, q.to, q.profile]);

/** Loads data with `load` whenever `deps` change; aborts the previous request. */
export function useFetch<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ac = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true }));
    load(ac.signal)
      .then((data) => {
        if (!ac.signal.aborted) setState({ data, error: null, loading: false });
      })
      .catch((error: unknown) => {
        if (!ac.signal.aborted) setState({ data: null, error, loading: false });
      });
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((x) => x + 1) };
}

/**
 * A wide table that scrolls sideways on a narrow screen. When it does scroll, it is a named region reachable
 * with the keyboard (so it can be scrolled without a mouse).
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  const el = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const check = () => setScrolls(node.scrollWidth > node.clientWidth + 1);
    check();
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(check) : null;
    ro?.observe(node);
    if (node.firstElementChild) ro?.observe(node.firstElementChild);
    return () => ro?.disconnect();
  }, []);
  return (
    <div ref={el} className="mon-scroll" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}

export function Loading() {
  const { t } = useLang();
  return <Loader role="status" aria-label={t('app.loading')} />;
}

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** A number with at most `digits` decimals in the language's format (85,5 / 85.5); "—" for null. */
export function fmtNum(n: number | null | undefined, lang: Lang, digits = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n);
}

export function fmtRate(n: number | null | undefined, lang: Lang): string {
  return n === null || n === undefined ? '—' : `${fmtNum(n, lang)} %`;
}

/** A signed difference: "+1,25", "−0,5", "0". */
export function fmtDelta(n: number, lang: Lang): string {
  const r = Math.round(n * 100) / 100;
  if (r === 0) return fmtNum(0, lang);
  return `${r > 0 ? '+' : '−'}${fmtNum(Math.abs(r), lang)}`;
}

/** A difference with an arrow and a word for screen readers (never colour alone). */
export function Delta({ value, testid }: { value: number; testid?: string }) {
  const { t, lang } = useLang();
  const r = Math.round(value * 100) / 100;
  const Icon = r > 0 ? IconArrowUpRight : r < 0 ? IconArrowDownRight : IconEqual;
  const word = r > 0 ? t('mon.delta.up') : r < 0 ? t('mon.delta.down') : t('mon.delta.same');
  return (
    <Group gap={4} wrap="nowrap" component="span" data-testid={testid} data-value={r}>
      <Icon size={16} aria-hidden />
      <Text component="span" size="sm" fw={r !== 0 ? 600 : 400}>
        {fmtDelta(r, lang)}
      </Text>
      <VisuallyHidden>{word}</VisuallyHidden>
    </Group>
  );
}

/** Why an indicator shows no rate or no points (empty denominator, no data, tracking only, threshold rule). */
export function statusNote(s: IndicatorScore, t: ReturnType<typeof useLang>['t'], lang: Lang): string {
  switch (s.status) {
    case 'empty_full':
      return t('mon.status.empty_full');
    case 'empty_zero':
      return t('mon.status.empty_zero');
    case 'not_applicable':
      return t('mon.status.not_applicable');
    case 'no_data':
      return t('mon.status.no_data');
    case 'tracking':
      return t('mon.status.tracking');
    case 'scored':
      return s.rule.kind === 'threshold' ? t('mon.status.threshold', { t: fmtNum(s.rule.threshold, lang) }) : '';
  }
}


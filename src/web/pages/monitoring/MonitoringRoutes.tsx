/**
 * "Chỉ số phục vụ (766)": the live service index of the units in the user's scope. One filter bar (unit,
 * period, profile — kept in the URL) above four screens: the dashboard (/chi-so), the drill-down from an
 * indicator to its procedures and dossiers (/chi-so/chi-tieu/:code[/ho-so]), the rankings of the child units
 * (/chi-so/xep-hang) and the reconciliation with the national portal's counts (/chi-so/doi-chieu).
 * Loaded on demand (React.lazy in App.tsx) so the charts stay out of the console's main bundle.
 */
import './monitoring.css';
import { Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChartLine, IconListNumbers, IconScale } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang, useSession } from '../../context.tsx';
import { todayVn } from '../../format.ts';
import { monitoringApi, type PeriodKind, type PeriodQuery, type ScoringProfile } from './api.ts';
import { Loading, MonitoringContext, useMonitoring, type MonitoringCtx, type ScopedAgency } from './common.tsx';
import { agenciesInScope } from '../../components/agencyScope.ts';
import { DashboardPage } from './Dashboard.tsx';
import { IndicatorDossiersPage, IndicatorProceduresPage } from './Drilldown.tsx';
import { RankingsPage } from './Rankings.tsx';
import { ReconciliationPage } from './Reconciliation.tsx';
import { PERIOD_KIND_LIST, searchOf, useMonitoringQuery } from './state.ts';
import { DateField } from '../../components/DateField.tsx';

export function MonitoringRoutes() {
  const { t } = useLang();
  const { me } = useSession();
  const [agencies, setAgencies] = useState<ScopedAgency[] | null>(null);
  const [profiles, setProfiles] = useState<{ defaultId: string | null; profiles: ScoringProfile[] }>({ defaultId: null, profiles: [] });
  const [error, setError] = useState<unknown>(null);
  const roots = useMemo(() => new Set((me?.assignments ?? []).map((a) => a.agencyId)), [me]);

  useEffect(() => {
    const ac = new AbortController();
    api
      .agencies()
      .then((all) => {
        if (!ac.signal.aborted) setAgencies(agenciesInScope(all, roots));
      })
      .catch((e: unknown) => {
        if (!ac.signal.aborted) setError(e);
      });
    monitoringApi
      .profiles(ac.signal)
      .then((p) => {
        if (!ac.signal.aborted) setProfiles(p);
      })
      .catch(() => {
        /* the profile picker then offers only the default; the dashboard still works */
      });
    return () => ac.abort();
  }, [roots]);

  const defaultAgencyId = agencies?.find((a) => a.depth === 0)?.id ?? null;
  const today = todayVn();
  const { query, complete, setQuery, setParams, params } = useMonitoringQuery(today, defaultAgencyId);

  // Write the completed query back (replace), so the address always shows what the screen shows.
  useEffect(() => {
    if (agencies && query && !complete) setQuery(query, { replace: true });
  }, [agencies, query, complete, setQuery]);

  if (error) return <ErrorAlert error={error} />;
  if (!agencies) return <Loading />;
  if (agencies.length === 0 || !query) {
    return (
      <Text c="dimmed" data-testid="mon-no-units">
        {t('mon.noUnits')}
      </Text>
    );
  }
  if (!agencies.some((a) => a.id === query.agencyId)) {
    return (
      <Stack>
        <Text data-testid="mon-unit-outside">{t('mon.unitOutside')}</Text>
        <Button component={Link} to={`/chi-so${searchOf({ ...query, agencyId: defaultAgencyId ?? agencies[0]!.id })}`} w="fit-content">
          {t('mon.backToMyUnit')}
        </Button>
      </Stack>
    );
  }
  const ctx: MonitoringCtx = { query, agencies, profiles: profiles.profiles, defaultProfileId: profiles.defaultId, setQuery, setParams, params };
  return (
    <MonitoringContext.Provider value={ctx}>
      <Stack gap="md" className="mon-root">
        <Title order={1} size="h2">
          {t('mon.title')}
        </Title>
        <FilterBar />
        <ScreenNav />
        <Routes>
          <Route index element={<DashboardPage />} />
          <Route path="chi-tieu/:code" element={<IndicatorProceduresPage />} />
          <Route path="chi-tieu/:code/ho-so" element={<IndicatorDossiersPage />} />
          <Route path="xep-hang" element={<RankingsPage />} />
          <Route path="doi-chieu" element={<ReconciliationPage />} />
          <Route path="*" element={<Text>{t('app.notFound')}</Text>} />
        </Routes>
      </Stack>
    </MonitoringContext.Provider>
  );
}

/** Links to the screens (not ARIA tabs: each is its own address), the current one marked. */
function ScreenNav() {
  const { t } = useLang();
  const { query } = useMonitoring();
  const { pathname } = useLocation();
  const search = searchOf(query);
  const item = (to: string, label: string, icon: ReactNode, testid: string, active: boolean) => (
    <Button
      component={Link}
      to={`${to}${search}`}
      variant={active ? 'filled' : 'default'}
      leftSection={icon}
      aria-current={active ? 'page' : undefined}
      data-testid={testid}
    >
      {label}
    </Button>
  );
  const rank = pathname.startsWith('/chi-so/xep-hang');
  const rec = pathname.startsWith('/chi-so/doi-chieu');
  return (
    <nav aria-label={t('mon.screens')} className="no-print">
      <Group gap="xs">
        {item('/chi-so', t('mon.tab.dashboard'), <IconChartLine size={16} aria-hidden />, 'mon-tab-dashboard', !rank && !rec)}
        {item('/chi-so/xep-hang', t('mon.tab.rankings'), <IconListNumbers size={16} aria-hidden />, 'mon-tab-rankings', rank)}
        {item('/chi-so/doi-chieu', t('mon.tab.reconciliation'), <IconScale size={16} aria-hidden />, 'mon-tab-reconciliation', rec)}
      </Group>
    </nav>
  );
}

const AUTO = 'auto';

function FilterBar() {
  const { t, lang } = useLang();
  const { query, agencies, profiles, setQuery } = useMonitoring();
  const today = todayVn();
  const thisYear = Number(today.slice(0, 4));
  const years = useMemo(() => {
    const ys: string[] = [];
    for (let y = thisYear; y >= Math.min(2022, query.year ?? thisYear); y--) ys.push(String(y));
    return ys;
  }, [thisYear, query.year]);
  const [from, setFrom] = useState(query.from ?? `${thisYear}-01-01`);
  const [to, setTo] = useState(query.to ?? today);
  useEffect(() => {
    if (query.from) setFrom(query.from);
    if (query.to) setTo(query.to);
  }, [query.from, query.to]);

  // Changing the unit or the period resets paging and the procedure of a drill-down.
  const change = (next: PeriodQuery) => setQuery(next, { drop: ['c'] });
  const setKind = (kind: PeriodKind) => {
    const { from: _f, to: _t, index: _i, year: _y, ...rest } = query;
    const year = query.year ?? thisYear;
    const month = Number(today.slice(5, 7));
    if (kind === 'custom') change({ ...rest, period: kind, from, to });
    else if (kind === 'month') change({ ...rest, period: kind, year, index: year === thisYear ? month : 12 });
    else if (kind === 'quarter') change({ ...rest, period: kind, year, index: year === thisYear ? Math.floor((month - 1) / 3) + 1 : 4 });
    else change({ ...rest, period: kind, year });
  };
  const badRange = query.period === 'custom' && (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to);
  const applyRange = (f: string, tt: string) => {
    setFrom(f);
    setTo(tt);
    if (/^\d{4}-\d{2}-\d{2}$/.test(f) && /^\d{4}-\d{2}-\d{2}$/.test(tt) && f <= tt) change({ ...query, from: f, to: tt });
  };
  const profileOptions = [{ value: AUTO, label: t('mon.profile.auto') }, ...profiles.map((p) => ({ value: p.id, label: p.name[lang] }))];
  const indexOptions =
    query.period === 'month'
      ? Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('mon.month', { m: i + 1 }) }))
      : ['I', 'II', 'III', 'IV'].map((r, i) => ({ value: String(i + 1), label: t('mon.quarter', { q: r }) }));

  return (
    <Card withBorder padding="sm" className="no-print" component="section" aria-label={t('mon.filters')}>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('mon.unit')}
          data={agencies.map((a) => ({ value: a.id, label: `${'— '.repeat(a.depth)}${a.name}` }))}
          value={query.agencyId}
          onChange={(v) => v && change({ ...query, agencyId: v })}
          allowDeselect={false}
          searchable
          w={340}
          data-testid="mon-agency"
        />
        <Select
          label={t('mon.periodKind')}
          data={PERIOD_KIND_LIST.map((k) => ({ value: k, label: t(`mon.period.${k}`) }))}
          value={query.period}
          onChange={(v) => v && setKind(v as PeriodKind)}
          allowDeselect={false}
          w={170}
          data-testid="mon-period-kind"
        />
        {query.period !== 'custom' && (
          <Select
            label={t('mon.year')}
            data={years}
            value={String(query.year ?? thisYear)}
            onChange={(v) => v && change({ ...query, year: Number(v) })}
            allowDeselect={false}
            w={110}
            data-testid="mon-year"
          />
        )}
        {(query.period === 'month' || query.period === 'quarter') && (
          <Select
            label={query.period === 'month' ? t('mon.monthLabel') : t('mon.quarterLabel')}
            data={indexOptions}
            value={String(query.index ?? 1)}
            onChange={(v) => v && change({ ...query, index: Number(v) })}
            allowDeselect={false}
            w={130}
            data-testid="mon-index"
          />
        )}
        {query.period === 'custom' && (
          <>
            <DateField label={t('common.from')} value={from} onChange={(v) => applyRange(v, to)} error={badRange ? t('mon.badRange') : undefined} data-testid="mon-from" />
            <DateField label={t('common.to')} value={to} onChange={(v) => applyRange(from, v)} data-testid="mon-to" />
          </>
        )}
        <Select
          label={t('mon.profile')}
          data={profileOptions}
          value={query.profile ?? AUTO}
          onChange={(v) => {
            if (!v) return;
            const { profile: _p, ...rest } = query;
            change(v === AUTO ? rest : { ...rest, profile: v });
          }}
          allowDeselect={false}
          w={340}
          data-testid="mon-profile"
        />
      </Group>
    </Card>
  );
}

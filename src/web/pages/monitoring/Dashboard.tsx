/**
 * The service-index dashboard of one unit and period: total out of 100 (rescaled when some indicators do not
 * apply), rating band, the groups against the previous period, the monthly trend, and every indicator with its
 * numerator, denominator, rate, points and lost points — each indicator opening its drill-down.
 */
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { EChartsCoreOption } from 'echarts/core';
import { frameIndex } from '../../../core/service-index/framing.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { fmtDate } from '../../format.ts';
import { DOSSIER_INDICATORS, monitoringApi, monitoringLinks, type IndexDashboard, type IndicatorScore, type ScoringProfile } from './api.ts';
import { EChart, LINE_STYLES } from './Chart.tsx';
import { Delta, fmtNum, fmtRate, Loading, queryKey, ScrollTable, statusNote, useFetch, useMonitoring } from './common.tsx';
import { searchOf } from './state.ts';

/** Opens every data-table <details> before printing (a closed <details> prints closed). */
function useOpenDetailsForPrint() {
  useEffect(() => {
    const open = () => document.querySelectorAll<HTMLDetailsElement>('details.mon-details').forEach((d) => (d.open = true));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
}

/** Whether an indicator can be explained by procedures (and dossiers): its counts come from our data. */
export function drillable(code: string, profile: ScoringProfile | null): boolean {
  const def = profile?.indicators.find((i) => i.code === code);
  if (def) return def.source === 'dossiers' || def.source === 'procedures';
  return DOSSIER_INDICATORS.has(code);
}

export function DashboardPage() {
  const { t, lang } = useLang();
  const { query, profiles } = useMonitoring();
  const { data, error, loading } = useFetch((s) => monitoringApi.dashboard(query, s), [queryKey(query)]);
  useOpenDetailsForPrint();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  const r = data.result;
  const framed = frameIndex(r, lang);
  const prev = data.previous.result;
  const profile = profiles.find((p) => p.id === data.profile.id) ?? null;
  return (
    <Stack gap="lg" data-testid="mon-dashboard" aria-busy={loading}>
      {loading && <Loading />}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" data-testid="mon-heading">
            {t('mon.dash.heading', { agency: data.agency.name, period: data.period.label[lang] })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mon.dash.judgedOn', { date: fmtDate(data.judgedOn, lang) })} · {t('mon.dash.profile', { name: data.profile.name[lang] })}
          </Text>
        </Stack>
        <Group gap="xs" className="no-print">
          <Button component="a" href={monitoringLinks.dashboard(query, 'xlsx')} variant="light" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid="mon-export-xlsx">
            {t('mon.export.xlsx')}
          </Button>
          <Button component="a" href={monitoringLinks.dashboard(query, 'pdf')} target="_blank" rel="noopener" variant="light" leftSection={<IconFileTypePdf size={16} aria-hidden />} data-testid="mon-export-pdf">
            {t('mon.export.pdf')}
          </Button>
          <Button variant="default" onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />}>
            {t('common.print')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder component="section" aria-labelledby="mon-total-title">
          <Text id="mon-total-title" fw={600}>
            {t('mon.total')}
          </Text>
          <Text className="mon-total" data-testid="mon-total" data-value={r.total}>
            {fmtNum(r.total, lang)}
            <Text span size="lg" c="dimmed" fw={400}>
              {' '}
              / 100
            </Text>
          </Text>
          {framed.scaledNote && (
            <Text size="sm" data-testid="mon-scaled" data-value={r.scaled}>
              {framed.scaledNote}
            </Text>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="mon-band-title">
          <Text id="mon-band-title" fw={600}>
            {t('mon.band')}
          </Text>
          <Text size="xl" fw={700} data-testid="mon-band" data-band={r.band.code}>
            {r.band.label[lang]}
          </Text>
          <Text size="xs" c="dimmed">
            {framed.partial ? t('mon.band.onScaled') : t('mon.band.onTotal')}
          </Text>
        </Card>
        <Card withBorder component="section" aria-labelledby="mon-prev-title">
          <Text id="mon-prev-title" fw={600}>
            {t('mon.previous', { period: data.previous.period.label[lang] })}
          </Text>
          <Text size="xl" fw={700} data-testid="mon-prev-total" data-value={prev.total}>
            {fmtNum(prev.total, lang)} / 100
          </Text>
          <Group gap={6}>
            <Text size="sm">{t('mon.change')}</Text>
            <Delta value={r.total - prev.total} testid="mon-total-delta" />
          </Group>
        </Card>
      </SimpleGrid>

      <Figures data={data} />

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <GroupsTable data={data} />
        <ComparisonChart data={data} />
      </SimpleGrid>

      <Trend data={data} />

      <Stack gap="md" component="section" aria-labelledby="mon-indicators-title">
        <Title order={3} id="mon-indicators-title">
          {t('mon.indicators.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mon.indicators.hint')}
        </Text>
        {r.groups.map((g, gi) => (
          <IndicatorTable key={g.code} caption={`${g.name[lang]} — ${framed.groups[gi]!.label}${framed.groups[gi]!.note ? ` (${framed.groups[gi]!.note})` : ''}`} indicators={g.indicators} profile={profile} imported={data.importedCodes} />
        ))}
      </Stack>
    </Stack>
  );
}

function Figures({ data }: { data: IndexDashboard }) {
  const { t, lang } = useLang();
  const f = data.figures;
  const items: [string, string, string][] = [
    ['received', t('mon.fig.received'), fmtNum(f.received, lang)],
    ['finished', t('mon.fig.finished'), fmtNum(f.finished, lang)],
    ['finishedOnTime', t('mon.fig.finishedOnTime'), fmtNum(f.finishedOnTime, lang)],
    ['openAtEnd', t('mon.fig.openAtEnd'), fmtNum(f.openAtEnd, lang)],
    ['lateOpenAtEnd', t('mon.fig.lateOpenAtEnd'), fmtNum(f.lateOpenAtEnd, lang)],
    ['averageProcessingDays', t('mon.fig.averageDays'), f.averageProcessingDays === null ? '—' : t('mon.fig.days', { n: fmtNum(f.averageProcessingDays, lang, 1) })],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="mon-figures-title">
      <Title order={3} size="h5" id="mon-figures-title" mb="xs">
        {t('mon.fig.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" style={{ margin: 0 }}>
        {items.map(([k, label, value]) => (
          <div key={k}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" fw={700} size="lg" m={0} data-testid={`mon-fig-${k}`}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function GroupsTable({ data }: { data: IndexDashboard }) {
  const { t, lang } = useLang();
  const r = data.result;
  const prev = new Map(data.previous.result.groups.map((g) => [g.code, g]));
  return (
    <ScrollTable minWidth={480} label={t('mon.groups.caption', { period: data.period.label[lang], previous: data.previous.period.label[lang] })}>
      <Table captionSide="top" striped withTableBorder data-testid="mon-groups">
        <Table.Caption>
          <Text fw={700} ta="left">
            {t('mon.groups.caption', { period: data.period.label[lang], previous: data.previous.period.label[lang] })}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('mon.col.group')}</Table.Th>
            <Table.Th scope="col" className="mon-num">
              {t('mon.col.score')}
            </Table.Th>
            <Table.Th scope="col" className="mon-num">
              {t('mon.col.max')}
            </Table.Th>
            <Table.Th scope="col" className="mon-num">
              {t('mon.col.previous')}
            </Table.Th>
            <Table.Th scope="col" className="mon-num">
              {t('mon.col.delta')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.groups.map((g) => {
            const p = prev.get(g.code);
            return (
              <Table.Tr key={g.code} data-testid={`mon-group-${g.code}`} data-score={g.score} data-max={g.max}>
                <Table.Th scope="row" fw={400}>
                  {g.name[lang]}
                </Table.Th>
                <Table.Td className="mon-num" fw={700}>
                  {fmtNum(g.score, lang)}
                </Table.Td>
                <Table.Td className="mon-num">{fmtNum(g.max, lang)}</Table.Td>
                <Table.Td className="mon-num">{p ? fmtNum(p.score, lang) : '—'}</Table.Td>
                <Table.Td className="mon-num">{p ? <Delta value={g.score - p.score} /> : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('mon.total')}</Table.Th>
            <Table.Td className="mon-num" fw={700}>
              {fmtNum(r.total, lang)}
            </Table.Td>
            <Table.Td className="mon-num">100</Table.Td>
            <Table.Td className="mon-num">{fmtNum(data.previous.result.total, lang)}</Table.Td>
            <Table.Td className="mon-num">
              <Delta value={r.total - data.previous.result.total} />
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}

/** A chart with its data as a table under a <details> (for screen readers, keyboard users and print). */
function ChartFigure({ title, id, chart, table }: { title: string; id: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useLang();
  return (
    <Stack gap="xs" component="figure" m={0} aria-labelledby={id}>
      <Text component="figcaption" fw={700} id={id}>
        {title}
      </Text>
      {chart}
      <details className="mon-details">
        <summary>{t('mon.chart.table')}</summary>
        {table}
      </details>
    </Stack>
  );
}

function ComparisonChart({ data }: { data: IndexDashboard }) {
  const { t, lang } = useLang();
  const groups = data.result.groups;
  const prev = new Map(data.previous.result.groups.map((g) => [g.code, g.score]));
  const cur = data.period.label[lang];
  const before = data.previous.period.label[lang];
  const option = useMemo<EChartsCoreOption>(
    () => ({
      legend: { top: 0, itemGap: 24 },
      grid: { left: 170, right: 48, top: 40, bottom: 24 },
      xAxis: { type: 'value', min: 0 },
      yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.name[lang]), axisLabel: { width: 160, overflow: 'break', fontSize: 12 } },
      series: [
        { type: 'bar', name: cur, data: groups.map((g) => g.score), itemStyle: { borderColor: '#000', borderWidth: 1 }, label: { show: true, position: 'right', formatter: (p: { value: number }) => fmtNum(p.value, lang) } },
        { type: 'bar', name: before, data: groups.map((g) => prev.get(g.code) ?? 0), itemStyle: { borderColor: '#000', borderWidth: 1 }, label: { show: true, position: 'right', formatter: (p: { value: number }) => fmtNum(p.value, lang) } },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, lang],
  );
  const label = t('mon.chart.compare.label', { period: cur, previous: before });
  return (
    <ChartFigure
      id="mon-compare-title"
      title={t('mon.chart.compare', { period: cur, previous: before })}
      chart={<EChart option={option} label={label} height={340} testid="mon-chart-compare" />}
      table={
        <Table captionSide="top" withTableBorder>
          <Table.Caption>{label}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('mon.col.group')}</Table.Th>
              <Table.Th scope="col" className="mon-num">
                {cur}
              </Table.Th>
              <Table.Th scope="col" className="mon-num">
                {before}
              </Table.Th>
              <Table.Th scope="col" className="mon-num">
                {t('mon.col.delta')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.code}>
                <Table.Th scope="row" fw={400}>
                  {g.name[lang]}
                </Table.Th>
                <Table.Td className="mon-num">{fmtNum(g.score, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtNum(prev.get(g.code) ?? null, lang)}</Table.Td>
                <Table.Td className="mon-num">
                  <Delta value={g.score - (prev.get(g.code) ?? 0)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

const TOTAL = 'total';

function Trend({ data }: { data: IndexDashboard }) {
  const { t, lang } = useLang();
  const [series, setSeries] = useState<string>(TOTAL);
  const groups = data.result.groups;
  const group = groups.find((g) => g.code === series) ?? null;
  const months = data.trend.map((p) => t('mon.monthShort', { m: Number(p.period.from.slice(5, 7)) }));
  const year = data.period.to.slice(0, 4);
  const showScaled = data.trend.some((p) => p.scaled !== p.total);
  const option = useMemo<EChartsCoreOption>(() => {
    // The rescaled line is never below the total: its labels go above, the total's below.
    const line = (name: string, values: number[], style: number, labelAt: 'top' | 'bottom') => ({
      type: 'line',
      name,
      data: values,
      symbol: LINE_STYLES[style]!.symbol,
      symbolSize: 9,
      lineStyle: { type: LINE_STYLES[style]!.type, width: 2.5 },
      label: { show: true, position: labelAt, formatter: (p: { value: number }) => fmtNum(p.value, lang) },
    });
    const lines = group
      ? [line(group.name[lang], data.trend.map((p) => p.groups[group.code] ?? 0), 0, 'top')]
      : [line(t('mon.total'), data.trend.map((p) => p.total), 0, showScaled ? 'bottom' : 'top'), ...(showScaled ? [line(t('mon.scaledShort'), data.trend.map((p) => p.scaled), 1, 'top')] : [])];
    return {
      legend: { top: 0, itemGap: 24 },
      grid: { left: 44, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: months, boundaryGap: true },
      yAxis: { type: 'value', min: 0, max: group ? group.max : 100 },
      series: lines,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, lang, series]);
  const label = t('mon.trend.label', { series: group ? group.name[lang] : t('mon.total'), year });
  return (
    <Stack gap="xs" component="section" aria-labelledby="mon-trend-title">
      <Group justify="space-between" align="flex-end">
        <Title order={3} id="mon-trend-title">
          {t('mon.trend.title', { year })}
        </Title>
        <Select
          label={t('mon.trend.series')}
          data={[{ value: TOTAL, label: t('mon.total') }, ...groups.map((g) => ({ value: g.code, label: g.name[lang] }))]}
          value={series}
          onChange={(v) => v && setSeries(v)}
          allowDeselect={false}
          w={260}
          className="no-print"
          data-testid="mon-trend-series"
        />
      </Group>
      {data.trend.length === 0 ? (
        <Text c="dimmed">{t('mon.trend.empty')}</Text>
      ) : (
        <ChartFigure
          id="mon-trend-chart-title"
          title={label}
          chart={<EChart option={option} label={label} height={320} testid="mon-chart-trend" />}
          table={
            <ScrollTable minWidth={640} label={t('mon.trend.tableCaption', { year })}>
              <Table captionSide="top" withTableBorder data-testid="mon-trend-table">
                <Table.Caption>{t('mon.trend.tableCaption', { year })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('mon.monthLabel')}</Table.Th>
                    <Table.Th scope="col" className="mon-num">
                      {t('mon.total')}
                    </Table.Th>
                    {showScaled && (
                      <Table.Th scope="col" className="mon-num">
                        {t('mon.scaledShort')}
                      </Table.Th>
                    )}
                    {groups.map((g) => (
                      <Table.Th scope="col" key={g.code} className="mon-num">
                        {g.name[lang]}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.trend.map((p) => (
                    <Table.Tr key={p.period.from}>
                      <Table.Th scope="row" fw={400}>
                        {p.period.label[lang]}
                      </Table.Th>
                      <Table.Td className="mon-num">{fmtNum(p.total, lang)}</Table.Td>
                      {showScaled && <Table.Td className="mon-num">{fmtNum(p.scaled, lang)}</Table.Td>}
                      {groups.map((g) => (
                        <Table.Td key={g.code} className="mon-num">
                          {fmtNum(p.groups[g.code] ?? null, lang)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          }
        />
      )}
    </Stack>
  );
}

function IndicatorTable({ caption, indicators, profile, imported }: { caption: string; indicators: IndicatorScore[]; profile: ScoringProfile | null; imported: string[] }) {
  const { t, lang } = useLang();
  const { query } = useMonitoring();
  const search = searchOf(query);
  return (
    <ScrollTable minWidth={900} label={caption}>
      <Table captionSide="top" striped withTableBorder verticalSpacing="xs" layout="fixed">
        <Table.Caption>
          <Text fw={700} ta="left">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="34%">{t('mon.col.indicator')}</Table.Th>
            <Table.Th scope="col" className="mon-num" w="8%">
              {t('mon.col.numerator')}
            </Table.Th>
            <Table.Th scope="col" className="mon-num" w="8%">
              {t('mon.col.denominator')}
            </Table.Th>
            <Table.Th scope="col" className="mon-num" w="9%">
              {t('mon.col.rate')}
            </Table.Th>
            <Table.Th scope="col" className="mon-num" w="10%">
              {t('mon.col.points')}
            </Table.Th>
            <Table.Th scope="col" className="mon-num" w="9%">
              {t('mon.col.lost')}
            </Table.Th>
            <Table.Th scope="col" w="22%">{t('mon.col.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((s) => {
            const def = profile?.indicators.find((i) => i.code === s.code);
            const name = s.name[lang];
            return (
              <Table.Tr key={s.code} data-testid={`mon-indicator-${s.code}`} data-numerator={s.numerator ?? ''} data-denominator={s.denominator ?? ''} data-score={s.score} data-status={s.status}>
                <Table.Th scope="row" fw={400}>
                  {drillable(s.code, profile) ? (
                    <Anchor component={Link} to={`/chi-so/chi-tieu/${s.code}${search}`} fw={600} data-testid={`mon-drill-${s.code}`}>
                      {name}
                    </Anchor>
                  ) : (
                    <Text span fw={600}>
                      {name}
                    </Text>
                  )}
                  {def && (
                    <Text size="xs" c="dimmed">
                      {t('mon.definition', { numerator: def.numerator[lang], denominator: def.denominator[lang] })}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td className="mon-num">{fmtNum(s.numerator, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtNum(s.denominator, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtRate(s.rate, lang)}</Table.Td>
                <Table.Td className="mon-num">
                  {s.rule.kind === 'tracking' ? '—' : `${fmtNum(s.score, lang)} / ${fmtNum(s.max, lang)}`}
                </Table.Td>
                <Table.Td className={`mon-num${s.lost > 0 ? ' mon-lost' : ''}`}>{s.lost > 0 ? `−${fmtNum(s.lost, lang)}` : fmtNum(0, lang)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{imported.includes(s.code) ? t('mon.status.imported') : statusNote(s, t, lang)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

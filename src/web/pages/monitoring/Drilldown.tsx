/**
 * Drill-down of one indicator: the procedures behind it (numerator, denominator, what is missing), then the
 * dossiers behind it or behind one procedure (those that cost points by default), each linking to its dossier.
 */
import { Anchor, Breadcrumbs, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconCircleCheck, IconCircleX, IconFileSpreadsheet, IconFiles } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/common.tsx';
import { StateBadge } from '../../components/badges.tsx';
import { useLang } from '../../context.tsx';
import { fmtDateTime } from '../../format.ts';
import { DOSSIER_INDICATORS, monitoringApi, monitoringLinks, type DossierFilter, type IndicatorScore, type ScoringProfile } from './api.ts';
import { fmtNum, fmtRate, Loading, queryKey, ScrollTable, statusNote, useFetch, useMonitoring } from './common.tsx';
import { searchOf } from './state.ts';

const PAGE = 50;
const FILTERS: readonly DossierFilter[] = ['missing', 'numerator', 'denominator'];

/** Moves the focus to the page's heading when it opens (the content changed without a page load). */
function useFocusOnOpen<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** The indicator's definition in the profile used (else in any known profile). */
function useIndicatorDef(code: string) {
  const { query, profiles, defaultProfileId } = useMonitoring();
  const order = [query.profile, defaultProfileId].filter((x): x is string => !!x);
  const sorted: ScoringProfile[] = [...profiles].sort((a, b) => {
    const ia = order.indexOf(a.id);
    const ib = order.indexOf(b.id);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  for (const p of sorted) {
    const d = p.indicators.find((i) => i.code === code);
    if (d) return d;
  }
  return null;
}

function Trail({ items }: { items: { label: string; to?: string }[] }) {
  const { t } = useLang();
  return (
    <nav aria-label={t('mon.breadcrumbs')} className="no-print">
      <Breadcrumbs separator="›">
        {items.map((it, i) =>
          it.to ? (
            <Anchor component={Link} to={it.to} key={i} size="sm">
              {it.label}
            </Anchor>
          ) : (
            <Text key={i} size="sm" aria-current="page">
              {it.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}

function IndicatorSummary({ s }: { s: IndicatorScore }) {
  const { t, lang } = useLang();
  const note = statusNote(s, t, lang);
  const cells: [string, string, string][] = [
    ['numerator', t('mon.col.numerator'), fmtNum(s.numerator, lang)],
    ['denominator', t('mon.col.denominator'), fmtNum(s.denominator, lang)],
    ['rate', t('mon.col.rate'), fmtRate(s.rate, lang)],
    ['points', t('mon.col.points'), `${fmtNum(s.score, lang)} / ${fmtNum(s.max, lang)}`],
    ['lost', t('mon.col.lost'), s.lost > 0 ? `−${fmtNum(s.lost, lang)}` : fmtNum(0, lang)],
  ];
  return (
    <Card withBorder padding="sm" data-testid="mon-indicator-summary">
      <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" style={{ margin: 0 }}>
        {cells.map(([k, label, value]) => (
          <div key={k}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" fw={700} size="lg" m={0} data-testid={`mon-summary-${k}`}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {note && (
        <Text size="sm" mt="xs">
          {note}
        </Text>
      )}
    </Card>
  );
}

export function IndicatorProceduresPage() {
  const { t, lang } = useLang();
  const { code = '' } = useParams();
  const { query } = useMonitoring();
  const def = useIndicatorDef(code);
  const { data, error } = useFetch((s) => monitoringApi.procedures(query, code, s), [queryKey(query), code]);
  const heading = useFocusOnOpen<HTMLHeadingElement>(code);
  const search = searchOf(query);
  const name = data?.indicator.name[lang] ?? def?.name[lang] ?? code;
  const withDossiers = DOSSIER_INDICATORS.has(code);
  return (
    <Stack gap="md" data-testid="mon-procedures-page">
      <Trail items={[{ label: t('mon.tab.dashboard'), to: `/chi-so${search}` }, { label: name }]} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3" ref={heading} tabIndex={-1} data-testid="mon-indicator-title">
            {name}
          </Title>
          {def && (
            <Text size="sm" c="dimmed">
              {t('mon.definition', { numerator: def.numerator[lang], denominator: def.denominator[lang] })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {withDossiers && (
            <Button component={Link} to={`/chi-so/chi-tieu/${code}/ho-so${search}`} variant="light" leftSection={<IconFiles size={16} aria-hidden />} data-testid="mon-all-dossiers">
              {t('mon.drill.allDossiers')}
            </Button>
          )}
          <Button component="a" href={monitoringLinks.drilldown(query, code)} variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid="mon-drill-xlsx">
            {t('mon.export.xlsx')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <IndicatorSummary s={data.indicator} />
          {data.rows.length === 0 ? (
            <Text c="dimmed" data-testid="mon-procedures-empty">
              {t('mon.drill.noProcedures')}
            </Text>
          ) : (
            <ScrollTable minWidth={820} label={t('mon.drill.procedures.caption')}>
              <Table captionSide="top" striped highlightOnHover withTableBorder data-testid="mon-procedures">
                <Table.Caption>
                  <Text fw={700} ta="left">
                    {t('mon.drill.procedures.caption')}
                  </Text>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('mon.col.procedureCode')}</Table.Th>
                    <Table.Th scope="col">{t('mon.col.procedure')}</Table.Th>
                    <Table.Th scope="col" className="mon-num">
                      {t('mon.col.numerator')}
                    </Table.Th>
                    <Table.Th scope="col" className="mon-num">
                      {t('mon.col.denominator')}
                    </Table.Th>
                    <Table.Th scope="col" className="mon-num">
                      {t('mon.col.rate')}
                    </Table.Th>
                    <Table.Th scope="col" className="mon-num">
                      {t('mon.col.missing')}
                    </Table.Th>
                    {withDossiers && <Table.Th scope="col">{t('mon.col.dossiers')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((p) => (
                    <Table.Tr key={p.procedureId} data-testid={`mon-proc-${p.procedureId}`} data-missing={p.missing} data-numerator={p.numerator} data-denominator={p.denominator}>
                      <Table.Td>{p.code}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        {p.name}
                      </Table.Th>
                      <Table.Td className="mon-num">{fmtNum(p.numerator, lang)}</Table.Td>
                      <Table.Td className="mon-num">{fmtNum(p.denominator, lang)}</Table.Td>
                      <Table.Td className="mon-num">{fmtRate(p.rate, lang)}</Table.Td>
                      <Table.Td className={`mon-num${p.missing > 0 ? ' mon-lost' : ''}`}>{fmtNum(p.missing, lang)}</Table.Td>
                      {withDossiers && (
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/chi-so/chi-tieu/${code}/ho-so${searchOf(query, { procedureId: p.procedureId })}`}
                            aria-label={t('mon.drill.dossiersOf', { procedure: p.name })}
                            data-testid={`mon-proc-dossiers-${p.procedureId}`}
                          >
                            {t('mon.drill.viewDossiers')}
                          </Anchor>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </>
      )}
    </Stack>
  );
}

export function IndicatorDossiersPage() {
  const { t, lang } = useLang();
  const { code = '' } = useParams();
  const { query, params, setParams } = useMonitoring();
  const def = useIndicatorDef(code);
  const procedureId = params.get('procedureId');
  const rawFilter = params.get('filter');
  const filter: DossierFilter = (FILTERS as readonly string[]).includes(rawFilter ?? '') ? (rawFilter as DossierFilter) : 'missing';
  // Keyset paging: the URL keeps the cursors of the pages opened so far (`c`, comma-separated; base64url has no
  // comma), so "previous" pops one and a link opens the same page.
  const trail = (params.get('c') ?? '').split(',').filter((x) => /^[A-Za-z0-9_-]+$/.test(x));
  const cursor = trail[trail.length - 1];
  const offset = trail.length * PAGE;
  const { data, error, loading } = useFetch(
    (s) => monitoringApi.dossiers(query, { indicator: code, procedureId, filter, limit: PAGE, cursor }, s),
    [queryKey(query), code, procedureId, filter, cursor ?? ''],
  );
  const heading = useFocusOnOpen<HTMLHeadingElement>(`${code}/${procedureId ?? ''}`);
  const search = searchOf(query);
  const name = def?.name[lang] ?? code;
  const procedure = procedureId ? (data?.rows[0] ? `${data.rows[0].procedureCode} — ${data.rows[0].procedureName}` : null) : t('mon.drill.allProcedures');
  const filterLabel = t(`mon.filter.${filter}`);
  return (
    <Stack gap="md" data-testid="mon-dossiers-page">
      <Trail items={[{ label: t('mon.tab.dashboard'), to: `/chi-so${search}` }, { label: name, to: `/chi-so/chi-tieu/${code}${search}` }, { label: t('mon.drill.dossiers') }]} />
      <Stack gap={2}>
        <Title order={2} size="h3" ref={heading} tabIndex={-1}>
          {t('mon.drill.dossiersTitle', { indicator: name })}
        </Title>
        {procedure && (
          <Text size="sm" data-testid="mon-dossiers-procedure">
            {t('mon.drill.procedureLine', { procedure })}
          </Text>
        )}
        {def && (
          <Text size="sm" c="dimmed">
            {t('mon.definition', { numerator: def.numerator[lang], denominator: def.denominator[lang] })}
          </Text>
        )}
      </Stack>
      <Group gap="sm" align="center" className="no-print">
        <Text size="sm" fw={600} id="mon-filter-label">
          {t('mon.filter.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="mon-filter-label"
          value={filter}
          onChange={(v) => setParams({ filter: v === 'missing' ? null : v, c: null })}
          data={FILTERS.map((f) => ({ value: f, label: t(`mon.filter.${f}`) }))}
          data-testid="mon-dossier-filter"
        />
      </Group>
      <ErrorAlert error={error} />
      {loading && <Loading />}
      {data &&
        (data.rows.length === 0 ? (
          <Text c="dimmed" data-testid="mon-dossiers-empty">
            {t('mon.drill.noDossiers')}
          </Text>
        ) : (
          <ScrollTable minWidth={1100} label={t('mon.drill.dossiers.caption', { filter: filterLabel, from: offset + 1, to: offset + data.rows.length })}>
            <Table captionSide="top" striped highlightOnHover withTableBorder verticalSpacing="xs" data-testid="mon-dossiers">
              <Table.Caption>
                <Text fw={700} ta="left">
                  {t('mon.drill.dossiers.caption', { filter: filterLabel, from: offset + 1, to: offset + data.rows.length })}
                </Text>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dossier.code')}</Table.Th>
                  <Table.Th scope="col">{t('mon.col.procedure')}</Table.Th>
                  <Table.Th scope="col">{t('common.agency')}</Table.Th>
                  <Table.Th scope="col">{t('dossier.state')}</Table.Th>
                  <Table.Th scope="col">{t('mon.col.received')}</Table.Th>
                  <Table.Th scope="col">{t('mon.col.due')}</Table.Th>
                  <Table.Th scope="col">{t('mon.col.finished')}</Table.Th>
                  <Table.Th scope="col">{t('mon.col.counts')}</Table.Th>
                  <Table.Th scope="col">{t('mon.col.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((d) => (
                  <Table.Tr key={d.id} data-testid={`mon-dossier-${d.id}`} data-counts={d.counts ? 'yes' : 'no'}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/ho-so/${d.id}`} fw={600} data-testid={`mon-dossier-link-${d.id}`}>
                        {d.code ?? t('mon.noCode')}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm">{d.procedureName}</Text>
                      <Text size="xs" c="dimmed">
                        {d.procedureCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.agencyName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StateBadge state={d.state} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{fmtDateTime(d.receivedAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{fmtDateTime(d.dueAt, lang)}</Text>
                      {d.appointmentAt && d.appointmentAt !== d.dueAt && (
                        <Text size="xs" c="dimmed" data-testid={`mon-appointment-${d.id}`}>
                          {t('mon.appointmentUsed', { at: fmtDateTime(d.appointmentAt, lang) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{fmtDateTime(d.finishedAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {d.counts ? <IconCircleCheck size={16} aria-hidden /> : <IconCircleX size={16} aria-hidden />}
                        <Text size="sm" fw={d.counts ? 400 : 700}>
                          {d.counts ? t('mon.counts.yes') : t('mon.counts.no')}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.reason ?? ''}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ))}
      {data && (trail.length > 0 || data.hasMore) && (
        <Group gap="sm" className="no-print">
          <Button variant="default" leftSection={<IconChevronLeft size={16} aria-hidden />} disabled={trail.length === 0} onClick={() => setParams({ c: trail.length > 1 ? trail.slice(0, -1).join(',') : null })} data-testid="mon-page-prev">
            {t('mon.page.prev')}
          </Button>
          <Text size="sm">{t('mon.page.n', { n: trail.length + 1 })}</Text>
          <Button variant="default" rightSection={<IconChevronRight size={16} aria-hidden />} disabled={!data.next} onClick={() => data.next && setParams({ c: [...trail, data.next].join(',') })} data-testid="mon-page-next">
            {t('mon.page.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

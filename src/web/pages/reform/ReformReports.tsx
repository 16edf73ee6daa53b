/**
 * "Báo cáo CCHC định kỳ": the reports of the user's units for one year and kind (status badges, late in red with
 * words), drafting a new report, and — for users over several units (province) — the overview of every unit
 * under a parent with the late flag.
 */
import { Anchor, Button, Card, Group, Loader, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { REPORT_KINDS, fmtLocalDate, reportSchedule, type ReportKind } from '../../../core/reform/index.ts';
import { api, type Agency } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang, useSession } from '../../context.tsx';
import { fmtDate, fmtDateTime, todayVn } from '../../format.ts';
import { reformApi, type Overview, type ReportSummary } from './api.ts';
import { StandingBadges, WRITE_ROLES, defaultKind, kindKey } from './common.tsx';
import { agenciesInScope } from '../../components/agencyScope.ts';

const isKind = (k: string | null): k is ReportKind => !!k && (REPORT_KINDS as readonly string[]).includes(k);

export function ReformReportsPage() {
  const { t, lang } = useLang();
  const { me } = useSession();
  const navigate = useNavigate();
  const today = todayVn();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(today.slice(0, 4));
  const yearParam = Number(params.get('nam'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear;
  const kindParam = params.get('ky');
  const kind: ReportKind = isKind(kindParam) ? kindParam : defaultKind(today);
  const schedule = reportSchedule(kind, year);
  const setFilter = (next: { nam?: number; ky?: ReportKind; cha?: string }) => {
    const p = new URLSearchParams(params);
    if (next.nam !== undefined) p.set('nam', String(next.nam));
    if (next.ky !== undefined) p.set('ky', next.ky);
    if (next.cha !== undefined) p.set('cha', next.cha);
    setParams(p, { replace: true });
  };

  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [items, setItems] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const ac = new AbortController();
    api.agencies().then((a) => !ac.signal.aborted && setAgencies(a), (e: unknown) => !ac.signal.aborted && setError(e));
    return () => ac.abort();
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    setItems(null);
    reformApi.list({ year, kind }, ac.signal).then(
      (r) => !ac.signal.aborted && setItems(r),
      (e: unknown) => {
        if (!ac.signal.aborted) {
          setError(e);
          setItems([]);
        }
      },
    );
    return () => ac.abort();
  }, [year, kind, reload]);

  const assignments = me?.assignments ?? [];
  const writable = useMemo(() => {
    if (!agencies) return [];
    return agenciesInScope(agencies, new Set(assignments.filter((a) => WRITE_ROLES.includes(a.role)).map((a) => a.agencyId)));
  }, [agencies, assignments]);
  const parents = useMemo(() => [...new Map(assignments.map((a) => [a.agencyId, { id: a.agencyId, name: a.agencyName }])).values()], [assignments]);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('reform.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('reform.intro')}
      </Text>

      <Card withBorder padding="sm" component="section" aria-label={t('reform.filters')}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('reform.year')}
            data={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))}
            value={String(year)}
            onChange={(v) => v && setFilter({ nam: Number(v) })}
            allowDeselect={false}
            w={120}
            data-testid="reform-year"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="reform-kind-label">
              {t('reform.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="reform-kind-label"
              value={kind}
              onChange={(v) => isKind(v) && setFilter({ ky: v })}
              data={REPORT_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
              data-testid="reform-kind"
            />
          </Stack>
        </Group>
        <Text size="sm" mt="xs" data-testid="reform-schedule">
          {t('reform.schedule', { from: fmtLocalDate(schedule.cutoff.from), to: fmtLocalDate(schedule.cutoff.to), deadline: fmtLocalDate(schedule.deadline) })}
        </Text>
      </Card>

      <ErrorAlert error={error} onClose={() => setError(null)} />

      {writable.length > 0 && <CreateCard year={year} kind={kind} agencies={writable} existing={items ?? []} onCreated={(id) => navigate(`/bao-cao-cchc/${id}`)} />}

      <Card withBorder padding="sm" component="section" aria-labelledby="reform-list-title">
        <Title order={2} size="h4" id="reform-list-title" mb="xs">
          {t('reform.list')}
        </Title>
        {items === null ? (
          <Loader role="status" aria-label={t('app.loading')} />
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('reform.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid="reform-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reform.col.unit')}</Table.Th>
                  <Table.Th>{t('reform.col.status')}</Table.Th>
                  <Table.Th>{t('reform.col.deadline')}</Table.Th>
                  <Table.Th>{t('reform.col.submittedAt')}</Table.Th>
                  <Table.Th>{t('reform.col.updatedAt')}</Table.Th>
                  <Table.Th>{t('reform.col.report')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-testid="reform-row">
                    <Table.Td>{r.agency.name}</Table.Td>
                    <Table.Td>
                      <StandingBadges standing={r.standing} late={r.late} daysLate={r.daysLate} />
                    </Table.Td>
                    <Table.Td>{fmtDate(r.deadline, lang)}</Table.Td>
                    <Table.Td>{fmtDateTime(r.submittedAt, lang)}</Table.Td>
                    <Table.Td>{fmtDateTime(r.updatedAt, lang)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/bao-cao-cchc/${r.id}`} aria-label={`${t('reform.open')}: ${r.agency.name}`}>
                        {t('reform.open')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setReload((n) => n + 1)}>
          {t('common.reload')}
        </Button>
      </Card>

      {parents.length > 0 && <OverviewCard year={year} kind={kind} parents={parents} parentId={params.get('cha')} onParent={(id) => setFilter({ cha: id })} reload={reload} />}
    </Stack>
  );
}

function CreateCard({ year, kind, agencies, existing, onCreated }: { year: number; kind: ReportKind; agencies: { id: string; name: string; depth: number }[]; existing: ReportSummary[]; onCreated: (id: string) => void }) {
  const { t } = useLang();
  const [agencyId, setAgencyId] = useState<string | null>(agencies[0]?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const already = existing.find((r) => r.agency.id === agencyId);
  const create = async () => {
    if (!agencyId) return;
    setBusy(true);
    setError(null);
    try {
      const r = await reformApi.create(agencyId, year, kind);
      onCreated(r.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="reform-create-title">
      <Title order={2} size="h4" id="reform-create-title" mb="xs">
        {t('reform.create')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('reform.create.unit')}
          data={agencies.map((a) => ({ value: a.id, label: `${'— '.repeat(a.depth)}${a.name}` }))}
          value={agencyId}
          onChange={setAgencyId}
          allowDeselect={false}
          searchable
          w={380}
          data-testid="reform-create-agency"
        />
        {already ? (
          <Button component={Link} to={`/bao-cao-cchc/${already.id}`} variant="light">
            {t('reform.open')}
          </Button>
        ) : (
          <Button leftSection={<IconFilePlus size={16} aria-hidden />} onClick={() => void create()} loading={busy} disabled={!agencyId} data-testid="reform-create">
            {t('reform.create.submit')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {t('reform.create.hint')}
      </Text>
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </Card>
  );
}

function OverviewCard({ year, kind, parents, parentId, onParent, reload }: { year: number; kind: ReportKind; parents: { id: string; name: string }[]; parentId: string | null; onParent: (id: string) => void; reload: number }) {
  const { t, lang } = useLang();
  const current = parents.find((p) => p.id === parentId)?.id ?? parents[0]!.id;
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const ac = new AbortController();
    setData(null);
    reformApi.overview({ year, kind, agencyId: current }, ac.signal).then(
      (o) => !ac.signal.aborted && setData(o),
      (e: unknown) => !ac.signal.aborted && setError(e),
    );
    return () => ac.abort();
  }, [year, kind, current, reload]);
  // A unit without units under it has nothing to oversee: show the overview only where there is something.
  if (data && data.rows.length === 0 && parents.length === 1) return null;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="reform-overview-title" data-testid="reform-overview">
      <Title order={2} size="h4" id="reform-overview-title" mb="xs">
        {t('reform.overview')}
      </Title>
      {parents.length > 1 && (
        <Select label={t('reform.overview.parent')} data={parents.map((p) => ({ value: p.id, label: p.name }))} value={current} onChange={(v) => v && onParent(v)} allowDeselect={false} w={380} mb="sm" />
      )}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {data === null ? (
        error ? null : <Loader role="status" aria-label={t('app.loading')} />
      ) : data.rows.length === 0 ? (
        <Text c="dimmed">{t('reform.overview.empty')}</Text>
      ) : (
        <>
          <Text size="sm" data-testid="reform-overview-summary">
            {t('reform.overview.summary', {
              units: data.summary.units,
              onTime: data.summary.submittedOnTime,
              lateSent: data.summary.submittedLate,
              draft: data.summary.draft,
              none: data.summary.notStarted,
              late: data.summary.late,
            })}{' '}
            <Text span c="dimmed" size="xs">
              {t('reform.overview.asOf', { at: fmtDateTime(data.asOf, lang) })}
            </Text>
          </Text>
          <Table.ScrollContainer minWidth={600}>
            <Table striped mt="xs" data-testid="reform-overview-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reform.col.unit')}</Table.Th>
                  <Table.Th>{t('reform.col.status')}</Table.Th>
                  <Table.Th>{t('reform.col.submittedAt')}</Table.Th>
                  <Table.Th>{t('reform.col.report')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.agency.id} data-testid="reform-overview-row" data-late={r.late ? 'true' : 'false'}>
                    <Table.Td>{r.agency.name}</Table.Td>
                    <Table.Td>
                      <StandingBadges standing={r.standing} late={r.late} daysLate={r.daysLate} />
                    </Table.Td>
                    <Table.Td>{fmtDateTime(r.report?.submittedAt ?? null, lang)}</Table.Td>
                    <Table.Td>
                      {r.report ? (
                        <Anchor component={Link} to={`/bao-cao-cchc/${r.report.id}`} aria-label={`${t('reform.open')}: ${r.agency.name}`}>
                          {t('reform.open')}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}

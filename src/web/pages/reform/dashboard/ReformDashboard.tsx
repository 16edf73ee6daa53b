/**
 * The reform dashboard of the province (or a unit and its children): the figures — each opens its drill-down
 * list, the same rows the number counts — and the table per unit (index this year and last, this round's status,
 * inspections, remediation tasks) with a link to the unit's history.
 */
import { Anchor, Badge, Card, Group, NumberInput, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang } from '../../../context.tsx';
import { fmtDate, fmtDateTime } from '../../../format.ts';
import { remedApi, type Dashboard, type Figure } from '../remediation/api.ts';

type Row = Record<string, unknown> & { agency?: { name: string }; link?: string };

function rowText(key: string, r: Row, lang: 'vi' | 'en'): string {
  const parts: string[] = [];
  if (typeof r.content === 'string') parts.push(r.content);
  if (r.owner && typeof r.owner === 'object') parts.unshift((r.owner as { name: string }).name);
  if (r.agency) parts.unshift(r.agency.name);
  if (typeof r.deadline === 'string') parts.push(`hạn ${fmtDate(r.deadline, lang)}`);
  if (typeof r.selfDeadline === 'string') parts.push(`hạn tự đánh giá ${fmtDate(r.selfDeadline, lang)}`);
  if (r.kindLabel && typeof r.kindLabel === 'object') parts.push(`báo cáo ${(r.kindLabel as { vi: string }).vi}`);
  if (typeof r.daysLate === 'number' && r.daysLate > 0) parts.push(`trễ ${r.daysLate} ngày`);
  if (typeof r.planTitle === 'string') parts.push(r.planTitle);
  if (typeof r.tasks === 'number') parts.push(`${r.tasks} nhiệm vụ chưa báo cáo`);
  if (key === 'inspections_planned' && typeof r.scheduledOn === 'string') parts.push(fmtDate(r.scheduledOn, lang));
  return parts.join(' — ');
}

export function FigureCards({ d, open, setOpen }: { d: Dashboard; open: string | null; setOpen: (k: string | null) => void }) {
  const { t, lang } = useLang();
  const f: Figure | undefined = d.figures.find((x) => x.key === open);
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {d.figures.map((x) => (
          <UnstyledButton key={x.key} onClick={() => setOpen(open === x.key ? null : x.key)} data-testid={`rdash-figure-${x.key}`} aria-pressed={open === x.key}>
            <Card withBorder padding="sm" style={{ borderColor: open === x.key ? 'var(--mantine-color-blue-6)' : undefined }}>
              <Text size="xl" fw={700} data-testid="rdash-count">{x.count}</Text>
              <Text size="sm">{lang === 'vi' ? x.label.vi : (x.label.en ?? x.label.vi)}</Text>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      {f && (
        <Card withBorder data-testid="rdash-drill">
          <Title order={2} size="h4">{t('rdash.drill', { label: lang === 'vi' ? f.label.vi : (f.label.en ?? f.label.vi) })}</Title>
          {f.rows.length === 0 ? <Text>{t('rdash.noRows')}</Text> : (
            <Stack gap={4} mt="xs">
              {(f.rows as Row[]).map((r, i) => (
                <Text key={i} size="sm" data-testid="rdash-drill-row">{r.link ? <Anchor component={Link} to={r.link}>{rowText(f.key, r, lang)}</Anchor> : rowText(f.key, r, lang)}</Text>
              ))}
            </Stack>
          )}
        </Card>
      )}
    </>
  );
}

export function ReformDashboardPage() {
  const { t, lang } = useLang();
  const [params] = useSearchParams();
  const agencyId = params.get('agencyId') ?? undefined;
  const [year, setYear] = useState<number | undefined>(params.get('year') ? Number(params.get('year')) : undefined);
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    remedApi.dashboard(year, agencyId).then((x) => { setD(x); if (year === undefined) setYear(x.year); }, setError);
  }, [year, agencyId]);
  if (!d) return <ErrorAlert error={error} />;
  return (
    <Stack gap="md">
      <Title order={1}>{t('rdash.title')} — {d.agency.name}</Title>
      <Group align="flex-end">
        <NumberInput label={t('rdash.year')} value={year} onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)} w={120} data-testid="rdash-year" />
        <Text c="dimmed">{t('rdash.asOf', { at: fmtDateTime(d.asOf, lang) })}</Text>
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <FigureCards d={d} open={open} setOpen={setOpen} />
      <Card withBorder>
        <Table data-testid="rdash-units">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('rdash.col.unit')}</Table.Th><Table.Th>{t('rdash.col.index', { year: d.year })}</Table.Th><Table.Th>{t('rdash.col.lastYear', { year: d.year - 1 })}</Table.Th><Table.Th>{t('rdash.col.round')}</Table.Th><Table.Th>{t('rdash.col.inspections')}</Table.Th><Table.Th>{t('rdash.col.tasks')}</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.units.map((u) => (
              <Table.Tr key={u.agency.id} data-testid={`rdash-unit-${u.agency.code}`}>
                <Table.Td>{u.agency.name}</Table.Td>
                <Table.Td>{u.par.index ?? '—'}{u.par.rank ? ` (hạng ${u.par.rank}/${u.par.of})` : ''}</Table.Td>
                <Table.Td>{u.parLastYear.index ?? '—'}{u.parLastYear.rank ? ` / ${u.parLastYear.rank}` : ''}</Table.Td>
                <Table.Td>{u.round ? <Badge variant="light" color={u.round.status === 'late' ? 'red' : u.round.status === 'draft' ? 'blue' : 'green'} style={{ textTransform: 'none' }}>{lang === 'vi' ? u.round.label.vi : (u.round.label.en ?? u.round.label.vi)}</Badge> : '—'}</Table.Td>
                <Table.Td>{u.inspections.done} / {u.inspections.planned}</Table.Td>
                <Table.Td data-testid="rdash-unit-tasks">{u.remediation.open} / <Text span c={u.remediation.overdue ? 'red.8' : undefined} fw={u.remediation.overdue ? 700 : undefined}>{u.remediation.overdue}</Text></Table.Td>
                <Table.Td><Anchor component={Link} to={`/tong-quan-cchc/don-vi/${u.agency.id}`}>{t('rdash.openUnit')}</Anchor></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

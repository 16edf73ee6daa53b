/**
 * Remediation tasks the caller may see (own unit, led, or the whole province for the standing body), with filters
 * (status, source, overdue, unit from the dashboard's drill-down link) and keyset "load more".
 */
import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang } from '../../../context.tsx';
import { fmtDate } from '../../../format.ts';
import { remedApi, type TaskSummary } from './api.ts';

export function StatusBadge({ t: task }: { t: Pick<TaskSummary, 'status' | 'statusLabel' | 'overdue'> }) {
  const { t, lang } = useLang();
  const color = task.status === 'accepted' ? 'green' : task.status === 'reported' ? 'blue' : task.status === 'returned' ? 'orange' : 'gray';
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={color} style={{ textTransform: 'none' }} data-testid="remed-status" data-status={task.status}>{lang === 'vi' ? task.statusLabel.vi : (task.statusLabel.en ?? task.statusLabel.vi)}</Badge>
      {task.overdue && <Badge color="red" style={{ textTransform: 'none' }} data-testid="remed-overdue">{t('remed.overdue')}</Badge>}
    </Group>
  );
}

export function RemediationListPage() {
  const { t, lang } = useLang();
  const [params] = useSearchParams();
  const agencyId = params.get('agencyId') ?? undefined;
  const [status, setStatus] = useState<string | null>(params.get('status'));
  const [source, setSource] = useState<string | null>(params.get('source'));
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const [items, setItems] = useState<TaskSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const q = { agencyId, status: status ?? undefined, source: source ?? undefined, overdue };
  useEffect(() => {
    remedApi.list(q).then((r) => { setItems(r.items); setCursor(r.nextCursor); }, setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [agencyId, status, source, overdue]);
  const more = () => remedApi.list({ ...q, cursor }).then((r) => { setItems((x) => [...x, ...r.items]); setCursor(r.nextCursor); }, setError);

  return (
    <Stack gap="md">
      <Title order={1}>{t('remed.title')}</Title>
      <Text>{t('remed.intro')}</Text>
      <Group align="flex-end">
        <Select label={t('remed.filter.status')} clearable placeholder={t('remed.filter.all')} value={status} onChange={setStatus} data={['open', 'reported', 'returned', 'accepted'].map((s) => ({ value: s, label: { open: 'Chưa khắc phục', reported: 'Đã báo cáo', returned: 'Trả lại', accepted: 'Đã chấp nhận' }[s]! }))} data-testid="remed-filter-status" />
        <Select label={t('remed.filter.source')} clearable placeholder={t('remed.filter.all')} value={source} onChange={setSource} data={[{ value: 'inspection', label: t('remed.source.inspection') }, { value: 'par', label: t('remed.source.par') }]} />
        <Checkbox label={t('remed.filter.overdue')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} data-testid="remed-filter-overdue" />
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Card withBorder>
        {items.length === 0 ? <Text>{t('remed.none')}</Text> : (
          <Table data-testid="remed-list">
            <Table.Thead><Table.Tr><Table.Th>{t('remed.col.owner')}</Table.Th><Table.Th>{t('remed.col.content')}</Table.Th><Table.Th>{t('remed.col.deadline')}</Table.Th><Table.Th>{t('remed.col.status')}</Table.Th><Table.Th>{t('remed.col.source')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((x) => (
                <Table.Tr key={x.id} data-testid="remed-row" data-id={x.id}>
                  <Table.Td>{x.owner.name}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/khac-phuc/${x.id}`}>{x.content}</Anchor></Table.Td>
                  <Table.Td>{fmtDate(x.deadline, lang)}</Table.Td>
                  <Table.Td><StatusBadge t={x} /></Table.Td>
                  <Table.Td>{t(`remed.source.${x.source.kind}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {cursor && <Button mt="sm" variant="light" size="xs" onClick={() => void more()}>{t('remed.more')}</Button>}
      </Card>
    </Stack>
  );
}

import { Anchor, Button, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Dossier } from '../api.ts';
import { useLang } from '../context.tsx';
import { fmtDate, fmtDateTime } from '../format.ts';
import { StateBadge, TimingBadge } from './badges.tsx';

type Sort = 'none' | 'asc' | 'desc';

export function DossierTable({
  items,
  extra,
  extraLabel,
  next,
  onLoadMore,
  loadingMore,
  sortable = true,
  showReceived = true,
}: {
  items: Dossier[];
  /** A last column (e.g. a button). */
  extra?: (d: Dossier) => ReactNode;
  extraLabel?: string;
  next?: string | null;
  onLoadMore?: () => void;
  loadingMore?: boolean;
  sortable?: boolean;
  showReceived?: boolean;
}) {
  const { t, lang } = useLang();
  const [sort, setSort] = useState<Sort>('none');
  const rows = useMemo(() => {
    if (sort === 'none') return items;
    const key = (d: Dossier) => (d.dueAt ? new Date(d.dueAt).getTime() : Number.POSITIVE_INFINITY);
    return [...items].sort((a, b) => (sort === 'asc' ? key(a) - key(b) : key(b) - key(a)));
  }, [items, sort]);
  const cycle = () => setSort((s) => (s === 'asc' ? 'desc' : 'asc'));
  const SortIcon = sort === 'asc' ? IconArrowUp : sort === 'desc' ? IconArrowDown : IconArrowsSort;
  const ariaSort = sort === 'asc' ? 'ascending' : sort === 'desc' ? 'descending' : 'none';

  if (items.length === 0) {
    return (
      <Text c="dimmed" py="md" data-testid="empty-list">
        {t('common.empty')}
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="dossier-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dossier.code')}</Table.Th>
              <Table.Th>{t('dossier.applicant')}</Table.Th>
              <Table.Th>{t('dossier.procedure')}</Table.Th>
              <Table.Th>{t('dossier.state')}</Table.Th>
              {showReceived && <Table.Th>{t('dossier.received')}</Table.Th>}
              <Table.Th aria-sort={sortable ? ariaSort : undefined}>
                {sortable ? (
                  <UnstyledButton onClick={cycle} data-testid="sort-due" fz="sm" fw={700}>
                    <Group gap={4} wrap="nowrap">
                      {t('dossier.due')}
                      <SortIcon size={14} aria-hidden />
                      <VisuallyHidden>{t('queues.sortDue')}</VisuallyHidden>
                    </Group>
                  </UnstyledButton>
                ) : (
                  t('dossier.due')
                )}
              </Table.Th>
              <Table.Th>{t('dossier.remaining')}</Table.Th>
              {extra && <Table.Th className="sticky-action">{extraLabel ?? ''}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id} data-testid={`row-${d.code ?? d.id}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/ho-so/${d.id}`} ff="monospace" size="sm">
                    {d.code ?? t('dossier.noCode')}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.applicant.fullName}</Text>
                  {d.applicant.idNumber && (
                    <Text size="xs" c="dimmed">
                      {d.applicant.idNumber}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ maxWidth: 280, minWidth: 180 }}>
                  <Text size="sm" lineClamp={2} title={d.procedureName}>
                    {d.procedureName}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StateBadge state={d.state} fallback={d.stateLabel} />
                </Table.Td>
                {showReceived && <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(d.receivedAt ?? d.submittedAt, lang)}</Table.Td>}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmtDate(d.dueAt, lang)}</Table.Td>
                <Table.Td>
                  <TimingBadge dossier={d} />
                </Table.Td>
                {extra && <Table.Td className="sticky-action">{extra(d)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {t('queues.count', { n: items.length })}
        </Text>
        {next && onLoadMore && (
          <Button variant="light" onClick={onLoadMore} loading={loadingMore} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
}

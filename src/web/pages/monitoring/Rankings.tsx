/**
 * Rankings of the selected unit's child units for the period: sortable by the total or any group; units with
 * fewer dossiers than the profile's minimum are listed apart, unranked ("chưa đủ số hồ sơ tối thiểu").
 */
import { Anchor, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { monitoringApi, monitoringLinks, type Rankings } from './api.ts';
import { fmtNum, Loading, queryKey, ScrollTable, useFetch, useMonitoring } from './common.tsx';
import { searchOf } from './state.ts';

type Row = Rankings['rows'][number];

export function RankingsPage() {
  const { t, lang } = useLang();
  const { query, params, setParams, profiles, agencies } = useMonitoring();
  const sort = params.get('sort') ?? 'total';
  const minRaw = params.get('minDossiers');
  const min = minRaw !== null && /^\d+$/.test(minRaw) ? Number(minRaw) : null;
  const { data, error, loading } = useFetch((s) => monitoringApi.rankings(query, { sort, minDossiers: min }, s), [queryKey(query), sort, min]);
  const [minInput, setMinInput] = useState<string | number>(min ?? '');
  useEffect(() => {
    if (data) setMinInput(min ?? data.minDossiers);
  }, [data, min]);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;

  const profile = profiles.find((p) => p.id === data.profile.id);
  const groups = profile ? profile.groups.map((g) => ({ code: g.code, name: g.name[lang] })) : Object.keys(data.rows[0]?.groups ?? {}).map((c) => ({ code: c, name: c }));
  // The API ranks (and orders) by the chosen column; ties and the order of the unranked units are its own.
  const eligible = data.rows.filter((r) => r.eligible).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const ineligible = data.rows.filter((r) => !r.eligible);
  const inScope = new Set(agencies.map((a) => a.id));
  const sortLabel = sort === 'total' ? t('mon.total') : (groups.find((g) => g.code === sort)?.name ?? sort);

  const applyMin = (e: FormEvent) => {
    e.preventDefault();
    const n = typeof minInput === 'number' ? minInput : Number(minInput);
    setParams({ minDossiers: Number.isInteger(n) && n >= 0 && n !== data.minDossiers ? n : null });
  };

  const header = (withRank: boolean) => (
    <Table.Thead>
      <Table.Tr>
        {withRank && <Table.Th scope="col">{t('mon.rank.rank')}</Table.Th>}
        <Table.Th scope="col" miw={220}>
          {t('mon.unit')}
        </Table.Th>
        <Table.Th scope="col" className="mon-num">
          {t('mon.rank.received')}
        </Table.Th>
        <SortTh k="total" label={t('mon.total')} sort={sort} onSort={(k) => setParams({ sort: k === 'total' ? null : k })} />
        <Table.Th scope="col" className="mon-num">
          {t('mon.scaledShort')}
        </Table.Th>
        <Table.Th scope="col">{t('mon.band')}</Table.Th>
        {groups.map((g) => (
          <SortTh key={g.code} k={g.code} label={g.name} sort={sort} onSort={(k) => setParams({ sort: k })} />
        ))}
        {!withRank && <Table.Th scope="col">{t('mon.col.note')}</Table.Th>}
      </Table.Tr>
    </Table.Thead>
  );

  const row = (r: Row, withRank: boolean) => (
    <Table.Tr key={r.agency.id} data-testid={`mon-rank-${r.agency.code}`} data-eligible={r.eligible ? 'yes' : 'no'} data-total={r.total} data-rank={r.rank ?? ''}>
      {withRank && <Table.Td className="mon-num">{r.rank ?? '—'}</Table.Td>}
      <Table.Th scope="row" fw={400}>
        {inScope.has(r.agency.id) ? (
          <Anchor component={Link} to={`/chi-so${searchOf({ ...query, agencyId: r.agency.id })}`}>
            {r.agency.name}
          </Anchor>
        ) : (
          r.agency.name
        )}
      </Table.Th>
      <Table.Td className="mon-num">{fmtNum(r.received, lang)}</Table.Td>
      <Table.Td className="mon-num" fw={700}>
        {fmtNum(r.total, lang)}
      </Table.Td>
      <Table.Td className="mon-num">{fmtNum(r.scaled, lang)}</Table.Td>
      <Table.Td>{r.band.label[lang]}</Table.Td>
      {groups.map((g) => (
        <Table.Td key={g.code} className="mon-num">
          {fmtNum(r.groups[g.code] ?? null, lang)}
        </Table.Td>
      ))}
      {!withRank && <Table.Td>{t('mon.rank.notEnough')}</Table.Td>}
    </Table.Tr>
  );

  return (
    <Stack gap="md" data-testid="mon-rankings" aria-busy={loading}>
      {loading && <Loading />}
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h3">
            {t('mon.rank.title', { parent: data.parent.name, period: data.period.label[lang] })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mon.dash.profile', { name: data.profile.name[lang] })}
          </Text>
          <Text size="sm" data-testid="mon-rank-min">
            {t('mon.rank.minRule', { n: data.minDossiers })}
          </Text>
        </Stack>
        <Group gap="xs" className="no-print">
          <Button component="a" href={monitoringLinks.rankings(query, sort, 'xlsx', min)} variant="light" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid="mon-rank-xlsx">
            {t('mon.export.xlsx')}
          </Button>
          <Button component="a" href={monitoringLinks.rankings(query, sort, 'pdf', min)} target="_blank" rel="noopener" variant="light" leftSection={<IconFileTypePdf size={16} aria-hidden />} data-testid="mon-rank-pdf">
            {t('mon.export.pdf')}
          </Button>
        </Group>
      </Group>
      <form onSubmit={applyMin} className="no-print">
        <Group align="flex-end" gap="sm">
          <NumberInput label={t('mon.rank.minInput')} value={minInput} onChange={setMinInput} min={0} allowDecimal={false} w={260} data-testid="mon-rank-min-input" />
          <Button type="submit" variant="default">
            {t('mon.apply')}
          </Button>
        </Group>
      </form>
      {data.rows.length === 0 ? (
        <Text c="dimmed" data-testid="mon-rank-empty">
          {t('mon.rank.noChildren')}
        </Text>
      ) : (
        <>
          <ScrollTable minWidth={1300} label={t('mon.rank.caption', { sort: sortLabel })}>
            <Table captionSide="top" striped withTableBorder data-testid="mon-rank-eligible">
              <Table.Caption>
                <Text fw={700} ta="left">
                  {t('mon.rank.caption', { sort: sortLabel })}
                </Text>
              </Table.Caption>
              {header(true)}
              <Table.Tbody>
                {eligible.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6 + groups.length}>{t('mon.rank.noneEligible')}</Table.Td>
                  </Table.Tr>
                ) : (
                  eligible.map((r) => row(r, true))
                )}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {ineligible.length > 0 && (
            <Stack gap="xs" component="section" aria-labelledby="mon-rank-inelig-title">
              <Title order={3} size="h4" id="mon-rank-inelig-title">
                {t('mon.rank.ineligible', { n: data.minDossiers })}
              </Title>
              <ScrollTable minWidth={1300} label={t('mon.rank.ineligibleCaption')}>
                <Table captionSide="top" striped withTableBorder data-testid="mon-rank-ineligible">
                  <Table.Caption>
                    <Text ta="left" size="sm">
                      {t('mon.rank.ineligibleCaption')}
                    </Text>
                  </Table.Caption>
                  {header(false)}
                  <Table.Tbody>{ineligible.map((r) => row(r, false))}</Table.Tbody>
                </Table>
              </ScrollTable>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function SortTh({ k, label, sort, onSort }: { k: string; label: string; sort: string; onSort: (k: string) => void }) {
  const { t } = useLang();
  const active = sort === k;
  const Icon = active ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th scope="col" aria-sort={active ? 'descending' : 'none'} className="mon-num">
      <button type="button" className="mon-sort" onClick={() => onSort(k)} data-testid={`mon-sort-${k}`} title={t('mon.rank.sortBy', { col: label })}>
        {label}
        <Icon size={14} aria-hidden />
      </button>
    </Table.Th>
  );
}

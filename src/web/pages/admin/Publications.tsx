import { Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRoute, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { UiKey } from '../../../core/i18n/ui.ts';
import { foldVietnamese } from '../../../core/text/fold.ts';
import { api, type ProcedureSummary, type PublicationItem } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { useAdminAgencies } from './useAdminAgencies.ts';

export function PublicationsPage() {
  const { t } = useLang();
  const agencies = useAdminAgencies();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [items, setItems] = useState<PublicationItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [found, setFound] = useState<ProcedureSummary[]>([]);
  const [code, setCode] = useState<string | null>(null);
  const [decisionNo, setDecisionNo] = useState('');
  const [busy, setBusy] = useState(false);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (!agencyId && agencies[0]) setAgencyId(agencies[0].id);
  }, [agencies, agencyId]);

  useEffect(() => {
    if (!agencyId) return;
    let alive = true;
    setItems(null);
    api
      .publications(agencyId)
      .then((p) => alive && setItems(p))
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [agencyId, nonce]);

  useEffect(() => {
    const q = debounced.trim();
    if (q.length < 2 || (code && q.startsWith(code))) return;
    let alive = true;
    api
      .procedures(q, true)
      .then((r) => alive && setFound(r.items))
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [debounced, code]);

  const rows = useMemo(() => {
    const words = foldVietnamese(filter).split(' ').filter(Boolean);
    return (items ?? []).filter((p) => {
      const f = foldVietnamese(`${p.procedure.code} ${p.procedure.name} ${p.procedure.fieldName ?? ''}`);
      return words.every((w) => f.includes(w));
    });
  }, [items, filter]);

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    if (!agencyId || !code) return;
    setBusy(true);
    setError(null);
    try {
      await api.publish(agencyId, code, decisionNo.trim() || null);
      notifications.show({ color: 'green', message: t('pub.published', { code }) });
      setCode(null);
      setSearch('');
      setDecisionNo('');
      setNonce((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const published = new Set((items ?? []).map((p) => p.procedure.code));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('pub.title')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('common.agency')}
          data={agencies.map((a) => ({ value: a.id, label: a.name }))}
          value={agencyId}
          onChange={setAgencyId}
          allowDeselect={false}
          searchable
          w={380}
          data-testid="pub-agency"
        />
      </Group>
      <Card withBorder padding="sm">
        <form onSubmit={publish}>
          <Title order={2} size="h4" mb="xs">
            {t('pub.add')}
          </Title>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('pub.search')}
              placeholder={t('pub.search.placeholder')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={found.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}`, disabled: published.has(p.code) }))}
              filter={({ options }) => options}
              value={code}
              onChange={setCode}
              nothingFoundMessage={search.trim().length >= 2 ? t('intake.procedure.empty') : undefined}
              leftSection={<IconSearch size={14} aria-hidden />}
              style={{ flex: 1, minWidth: 320 }}
              maxDropdownHeight={320}
              data-testid="pub-procedure"
            />
            <TextInput label={t('pub.decisionNo')} value={decisionNo} onChange={(e) => setDecisionNo(e.currentTarget.value)} w={200} data-testid="pub-decision" />
            <Button type="submit" disabled={!code || !agencyId} loading={busy} data-testid="pub-publish">
              {t('pub.publish')}
            </Button>
          </Group>
        </form>
      </Card>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <TextInput label={t('pub.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={380} leftSection={<IconSearch size={14} aria-hidden />} />
      {items === null ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover data-testid="pub-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossier.procedure')}</Table.Th>
                <Table.Th>{t('pub.field')}</Table.Th>
                <Table.Th>{t('pub.onlineLevel')}</Table.Th>
                <Table.Th>{t('pub.decisionNo')}</Table.Th>
                <Table.Th>{t('pub.workflow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.publication.id} data-testid={`pub-${p.procedure.code}`}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {p.procedure.code}
                    </Text>
                    <Text size="sm">{p.procedure.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.procedure.fieldName ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.procedure.onlineLevel === 'full' ? 'green' : p.procedure.onlineLevel === 'partial' ? 'blue' : 'gray'} style={{ textTransform: 'none' }}>
                      {t(`pub.online.${p.procedure.onlineLevel}` as UiKey)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.publication.decisionNo ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button component={Link} to={`/quan-tri/quy-trinh/${p.publication.id}?name=${encodeURIComponent(p.procedure.name)}`} size="compact-sm" variant="light" leftSection={<IconRoute size={14} aria-hidden />} data-testid={`workflow-${p.procedure.code}`}>
                      {t('pub.workflow')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

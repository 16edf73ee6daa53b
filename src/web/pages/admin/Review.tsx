/**
 * Catalog review (/quan-tri/ra-soat): index entries the page-text parser structured, by review state, then one
 * entry (/quan-tri/ra-soat/:code) with what the parser read beside the cleaned source text. Fields read with
 * low confidence are highlighted (red) with the parser's reasons; a province admin confirms or corrects them
 * and saves a new version (POST /api/procedures/:code/review), then publishes it for a unit. Unit admins see
 * the same screens read-only.
 */
import { Alert, Badge, Button, Card, Grid, Group, Loader, NumberInput, SegmentedControl, Select, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconSearch, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { cleanPageText } from '../../../core/catalog/page-parser.ts';
import { type ChannelSpec, type CodedName, type DossierComponent, type ParsedField, type ParseIssue, type ProcedureNote, type ProcedureRecord, type TimeLimit } from '../../../core/catalog/types.ts';
import type { UiKey } from '../../../core/i18n/ui.ts';
import { api, type ProcedureDetail, type ProcedureVersion, type ReviewQueueItem, type ReviewState } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang, useSession } from '../../context.tsx';
import { useAdminAgencies } from './useAdminAgencies.ts';
import { fmtDateTime } from '../../format.ts';

const STATES = ['pending', 'confident', 'reviewed'] as const;
const UNITS = ['working_days', 'days', 'hours', 'same_day', 'none'] as const;

export function ReviewQueuePage() {
  const { t } = useLang();
  const [state, setState] = useState<(typeof STATES)[number]>('pending');
  const [level, setLevel] = useState<string>('commune');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [counts, setCounts] = useState<Partial<Record<ReviewState, number>>>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    setItems(null);
    api
      .reviewQueue({ state, level: level || undefined, q: q || undefined })
      .then((r) => {
        if (!alive) return;
        setItems(r.items);
        setNext(r.next);
        setCounts(r.counts);
      })
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [state, level, q]);

  const more = async () => {
    if (!next) return;
    const r = await api.reviewQueue({ state, level: level || undefined, q: q || undefined, after: next });
    setItems((xs) => [...(xs ?? []), ...r.items]);
    setNext(r.next);
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('review.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('review.intro')}
      </Text>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Group align="flex-end">
        <Select
          label={t('review.level')}
          data={[{ value: '', label: t('review.level.all') }, ...(['commune', 'province', 'ministry', 'other'] as const).map((l) => ({ value: l, label: t(`review.level.${l}` as UiKey) }))]}
          value={level}
          onChange={(v) => setLevel(v ?? '')}
          allowDeselect={false}
          w={220}
          data-testid="review-level"
        />
        <TextInput label={t('review.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} leftSection={<IconSearch size={14} aria-hidden />} w={320} data-testid="review-search" />
      </Group>
      <Tabs value={state} onChange={(v) => v && setState(v as (typeof STATES)[number])} keepMounted={false}>
        <Tabs.List>
          {STATES.map((s) => (
            <Tabs.Tab key={s} value={s} data-testid={`review-tab-${s}`}>
              {t(`review.state.${s}` as UiKey)} ({counts[s] ?? 0})
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {items === null ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('review.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover data-testid="review-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('review.col.procedure')}</Table.Th>
                <Table.Th>{t('review.col.field')}</Table.Th>
                <Table.Th>{t('review.col.low')}</Table.Th>
                <Table.Th>{t('review.col.version')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.code} data-testid={`review-row-${p.code}`}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {p.code}
                    </Text>
                    <Text size="sm">{p.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.fieldName ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.lowFields.map((f) => (
                        <Badge key={f} color="red" variant="light" style={{ textTransform: 'none' }}>
                          {t(`review.field.${f}` as UiKey)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.version}</Table.Td>
                  <Table.Td>
                    <Button component={Link} to={`/quan-tri/ra-soat/${encodeURIComponent(p.code)}`} size="compact-sm" variant="light" data-testid={`review-open-${p.code}`}>
                      {t('review.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {next && (
        <Button variant="default" onClick={() => void more()} w="fit-content">
          {t('review.more')}
        </Button>
      )}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------- one entry

interface Draft {
  channels: ChannelSpec[];
  components: DossierComponent[];
  notes: ProcedureNote[];
  results: string;
  legalBasis: string;
  executing: string;
}

const linesOf = (xs: CodedName[]) => xs.map((x) => (x.code ? `${x.name} | ${x.code}` : x.name)).join('\n');
const parseLines = (s: string): CodedName[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.lastIndexOf(' | ');
      return i > 0 ? { name: l.slice(0, i).trim(), code: l.slice(i + 3).trim() || null } : { name: l, code: null };
    });
const draftOf = (r: ProcedureRecord): Draft => ({
  channels: structuredClone(r.channels),
  components: structuredClone(r.components),
  notes: structuredClone(r.notes ?? []),
  results: linesOf(r.results),
  legalBasis: linesOf(r.legalBasis),
  executing: r.agencies.executing.join('\n'),
});

/** A field's card: red border and the parser's reasons when it was read with low confidence. */
function FieldCard({ field, low, issues, children }: { field: ParsedField; low: boolean; issues: ParseIssue[]; children: ReactNode }) {
  const { t } = useLang();
  return (
    <Card withBorder padding="sm" style={low ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined} data-testid={`review-field-${field}`} data-confidence={low ? 'low' : 'high'}>
      <Group justify="space-between" mb={6}>
        <Title order={3} size="h5">
          {t(`review.field.${field}` as UiKey)}
        </Title>
        <Badge color={low ? 'red' : 'green'} variant="light" style={{ textTransform: 'none' }}>
          {t(low ? 'review.low' : 'review.high')}
        </Badge>
      </Group>
      {low && issues.length > 0 && (
        <Alert color="red" variant="light" p="xs" mb="xs" title={t('review.why')}>
          <Stack gap={2}>
            {issues.map((i, k) => (
              <Text key={k} size="xs">
                {t(`review.issue.${i.code}` as UiKey, { detail: i.detail ?? '' })}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {children}
    </Card>
  );
}

/** `fallback`: the amount to start from when a unit is chosen for "no limit" (the page's bare number). */
function LimitEditor({ limit, onChange, label, fallback = 1 }: { limit: TimeLimit | null; onChange: (l: TimeLimit | null) => void; label: string; fallback?: number }) {
  const { t } = useLang();
  const unit = limit?.unit ?? 'none';
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <NumberInput
        label={t('review.amount')}
        aria-label={`${label}: ${t('review.amount')}`}
        value={limit && limit.unit !== 'same_day' ? limit.amount : ''}
        disabled={unit === 'same_day' || unit === 'none'}
        min={0}
        step={0.5}
        w={90}
        onChange={(v) => limit && onChange({ ...limit, amount: Number(v) || 0 })}
      />
      <Select
        label={t('review.unit')}
        aria-label={`${label}: ${t('review.unit')}`}
        data={UNITS.map((u) => ({ value: u, label: t(`review.unit.${u}` as UiKey) }))}
        value={unit}
        allowDeselect={false}
        w={300}
        onChange={(v) => onChange(v === 'none' || !v ? null : v === 'same_day' ? { amount: 0, unit: 'same_day' } : { amount: limit && limit.unit !== 'same_day' ? limit.amount : fallback || 1, unit: v as TimeLimit['unit'] })}
      />
    </Group>
  );
}

export function ReviewPage() {
  const { code = '' } = useParams();
  const { t, lang } = useLang();
  const { hasRole } = useSession();
  const canEdit = hasRole('province_admin');
  const agencies = useAdminAgencies();
  const [p, setP] = useState<ProcedureDetail | null>(null);
  const [versions, setVersions] = useState<ProcedureVersion[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const [sourceView, setSourceView] = useState<'clean' | 'raw'>('clean');

  useEffect(() => {
    let alive = true;
    api
      .procedure(code)
      // The current version holds the source text (the procedure's current record leaves it out).
      .then((proc) => Promise.all([proc, api.versions(code), api.version(code, proc.version)]))
      .then(([proc0, vs, current]) => {
        if (!alive) return;
        const proc = { ...proc0, record: current.record };
        setP(proc);
        setVersions(vs);
        setDraft(draftOf(proc.record));
        setDirty(new Set());
      })
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [code, nonce]);
  useEffect(() => {
    if (!agencyId && agencies[0]) setAgencyId(agencies[0].id);
  }, [agencies, agencyId]);

  const source = useMemo(() => (p?.record.text ? cleanPageText(p.record.text) : null), [p]);
  if (error && !p) return <ErrorAlert error={error} />;
  if (!p || !draft) return <Loader role="status" aria-label={t('app.loading')} />;

  const r = p.record;
  const reviewed = !!r.review;
  const lowOf = (f: ParsedField) => !reviewed && r.parse?.confidence[f] === 'low';
  const issuesOf = (f: ParsedField) => (r.parse?.issues ?? []).filter((i) => i.field === f);
  const edit = (key: keyof Draft, patch: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setDirty((s) => new Set(s).add(key));
  };
  const setChannel = (i: number, patch: Partial<ChannelSpec>) => edit('channels', { channels: draft.channels.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  const save = async () => {
    setBusy(true);
    setError(null);
    const corrections: Record<string, unknown> = {};
    if (dirty.has('channels')) corrections['channels'] = draft.channels;
    if (dirty.has('components')) {
      corrections['components'] = draft.components;
      corrections['notes'] = draft.notes;
    }
    if (dirty.has('results')) corrections['results'] = parseLines(draft.results);
    if (dirty.has('legalBasis')) corrections['legalBasis'] = parseLines(draft.legalBasis);
    if (dirty.has('executing')) corrections['executing'] = draft.executing.split('\n').map((l) => l.trim()).filter(Boolean);
    try {
      const saved = await api.review(p.code, p.version, corrections, note.trim() || null);
      notifications.show({ color: 'green', message: t('review.saved', { n: saved.version, code: p.code }) });
      setNote('');
      setNonce((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    if (!agencyId) return;
    setBusy(true);
    setError(null);
    try {
      await api.publish(agencyId, p.code, r.publication?.decisionNo ?? null);
      notifications.show({ color: 'green', message: t('pub.published', { code: p.code }) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" data-testid="review-page">
      <Group>
        <Button component={Link} to="/quan-tri/ra-soat" variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          {t('review.back')}
        </Button>
      </Group>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" ff="monospace">
            {p.code} · {t('review.version', { n: p.version })}
          </Text>
          <Title order={1} size="h3">
            {p.name}
          </Title>
        </div>
        <Badge size="lg" color={p.reviewState === 'pending' ? 'red' : 'green'} variant="light" style={{ textTransform: 'none' }} data-testid="review-state">
          {t(`review.state.${p.reviewState ?? 'not_needed'}` as UiKey)}
        </Badge>
      </Group>
      {!canEdit && <Alert color="blue">{t('review.readOnly')}</Alert>}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('review.parsed')}
            </Title>
            <FieldCard field="time" low={lowOf('time') || lowOf('channels')} issues={[...issuesOf('channels'), ...issuesOf('time')]}>
              <Stack gap="sm">
                {draft.channels.map((c, i) => (
                  <Stack key={c.channel} gap={4}>
                    <Text fw={600} size="sm">
                      {t(`review.channel.${c.channel}` as UiKey)}
                    </Text>
                    <LimitEditor label={t(`review.channel.${c.channel}` as UiKey)} limit={c.limit} fallback={c.rawTime.value} onChange={(limit) => setChannel(i, { limit, stages: [] })} />
                    {c.limitQuote && (
                      <Text size="xs" c="dimmed">
                        {t('review.quote', { quote: c.limitQuote })}
                      </Text>
                    )}
                    {(c.conditionalLimits ?? []).map((cl, k) => (
                      <Group key={k} gap="xs" align="flex-end" wrap="nowrap">
                        <TextInput label={t('review.conditional.condition')} value={cl.condition} w={220} onChange={(e) => setChannel(i, { conditionalLimits: (c.conditionalLimits ?? []).map((x, m) => (m === k ? { ...x, condition: e.currentTarget.value } : x)) })} />
                        <LimitEditor label={cl.condition} limit={cl.limit} onChange={(limit) => limit && setChannel(i, { conditionalLimits: (c.conditionalLimits ?? []).map((x, m) => (m === k ? { ...x, limit } : x)) })} />
                        <Button variant="subtle" color="red" aria-label={t('review.remove')} onClick={() => setChannel(i, { conditionalLimits: (c.conditionalLimits ?? []).filter((_, m) => m !== k) })}>
                          <IconTrash size={16} aria-hidden />
                        </Button>
                      </Group>
                    ))}
                    <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => setChannel(i, { conditionalLimits: [...(c.conditionalLimits ?? []), { condition: 'Trường hợp cần xác minh', limit: { amount: 5, unit: 'working_days' } }] })}>
                      {t('review.conditional.add')}
                    </Button>
                  </Stack>
                ))}
              </Stack>
            </FieldCard>
            <FieldCard field="fees" low={lowOf('fees')} issues={issuesOf('fees')}>
              <Stack gap="sm">
                {draft.channels.map((c, i) => (
                  <Stack key={c.channel} gap={4}>
                    <Text fw={600} size="sm">
                      {t(`review.channel.${c.channel}` as UiKey)}
                    </Text>
                    {c.fees.map((f, k) => (
                      <Group key={k} gap="xs" align="flex-end" wrap="nowrap">
                        <NumberInput label={t('review.fee.amount')} value={f.amountVnd} min={0} thousandSeparator="." decimalSeparator="," w={140} onChange={(v) => setChannel(i, { fees: c.fees.map((x, m) => (m === k ? { ...x, amountVnd: Math.round(Number(v) || 0) } : x)) })} />
                        <TextInput label={t('review.fee.description')} value={f.description} style={{ flex: 1 }} onChange={(e) => setChannel(i, { fees: c.fees.map((x, m) => (m === k ? { ...x, description: e.currentTarget.value } : x)) })} />
                        <Button variant="subtle" color="red" aria-label={t('review.remove')} onClick={() => setChannel(i, { fees: c.fees.filter((_, m) => m !== k) })}>
                          <IconTrash size={16} aria-hidden />
                        </Button>
                      </Group>
                    ))}
                    <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => setChannel(i, { fees: [...c.fees, { kind: 'charge', amountVnd: 0, description: '' }] })}>
                      {t('review.fee.add')}
                    </Button>
                  </Stack>
                ))}
              </Stack>
            </FieldCard>
            <FieldCard field="components" low={lowOf('components')} issues={issuesOf('components')}>
              <Stack gap={6}>
                {draft.components.map((c, i) => (
                  <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                    <Textarea aria-label={`${t('review.component.name')} ${i + 1}`} value={c.name} autosize minRows={1} maxRows={4} style={{ flex: 1 }} onChange={(e) => edit('components', { components: draft.components.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)) })} />
                    <NumberInput aria-label={t('review.component.original')} title={t('review.component.original')} value={c.originalCount} min={0} w={70} onChange={(v) => edit('components', { components: draft.components.map((x, j) => (j === i ? { ...x, originalCount: Number(v) || 0 } : x)) })} />
                    <NumberInput aria-label={t('review.component.copy')} title={t('review.component.copy')} value={c.copyCount} min={0} w={70} onChange={(v) => edit('components', { components: draft.components.map((x, j) => (j === i ? { ...x, copyCount: Number(v) || 0 } : x)) })} />
                    <Button size="compact-xs" variant="subtle" onClick={() => edit('components', { components: draft.components.filter((_, j) => j !== i), notes: [...draft.notes, { caseName: c.caseName, text: c.name }] })}>
                      {t('review.component.toNote')}
                    </Button>
                  </Group>
                ))}
                <Text fw={600} size="sm" mt="xs">
                  {t('review.notes')} ({draft.notes.length})
                </Text>
                {draft.notes.map((n, i) => (
                  <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="xs" style={{ flex: 1 }} lineClamp={3} title={n.text}>
                      {n.text}
                    </Text>
                    <Button size="compact-xs" variant="subtle" onClick={() => edit('components', { notes: draft.notes.filter((_, j) => j !== i), components: [...draft.components, { code: null, name: n.text, caseName: n.caseName, required: false, originalCount: 1, copyCount: 0, hasEForm: false, forms: [] }] })}>
                      {t('review.note.toComponent')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            </FieldCard>
            <FieldCard field="results" low={lowOf('results')} issues={issuesOf('results')}>
              <Textarea aria-label={t('review.field.results')} description={t('review.lines')} value={draft.results} autosize minRows={2} maxRows={8} onChange={(e) => edit('results', { results: e.currentTarget.value })} />
            </FieldCard>
            <FieldCard field="legalBasis" low={lowOf('legalBasis')} issues={issuesOf('legalBasis')}>
              <Textarea aria-label={t('review.field.legalBasis')} description={t('review.lines')} value={draft.legalBasis} autosize minRows={3} maxRows={12} onChange={(e) => edit('legalBasis', { legalBasis: e.currentTarget.value })} />
            </FieldCard>
            <FieldCard field="agencies" low={lowOf('agencies')} issues={issuesOf('agencies')}>
              <Textarea aria-label={t('review.field.agencies')} description={t('review.agencies.lines')} value={draft.executing} autosize minRows={1} maxRows={6} onChange={(e) => edit('executing', { executing: e.currentTarget.value })} />
            </FieldCard>
            {canEdit && (
              <Card withBorder padding="sm">
                <Stack gap="xs">
                  <Textarea label={t('review.reviewNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="review-note" />
                  <Group>
                    <Button leftSection={<IconCheck size={16} aria-hidden />} loading={busy} onClick={() => void save()} data-testid="review-save">
                      {t('review.save')}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            )}
            <Card withBorder padding="sm">
              <Group align="flex-end">
                <Select label={t('review.publishFor')} data={agencies.map((a) => ({ value: a.id, label: a.name }))} value={agencyId} onChange={setAgencyId} allowDeselect={false} searchable w={360} data-testid="review-agency" />
                <Button variant="light" loading={busy} onClick={() => void publish()} data-testid="review-publish">
                  {t('review.publish')}
                </Button>
              </Group>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm" style={{ position: 'sticky', top: 72 }}>
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('review.source')}
              </Title>
              {source && <SegmentedControl size="xs" value={sourceView} onChange={(v) => setSourceView(v as 'clean' | 'raw')} data={[{ value: 'clean', label: t('review.source.clean') }, { value: 'raw', label: t('review.source.raw') }]} />}
            </Group>
            {!source ? (
              <Text c="dimmed" size="sm">
                {t('review.sourceNone')}
              </Text>
            ) : (
              <Card withBorder padding="sm" style={{ maxHeight: '70vh', overflow: 'auto' }} tabIndex={0} role="region" aria-label={t('review.source')} data-testid="review-source">
                {(['methods', 'components', 'result', 'legalBasis', 'steps'] as const).map((k) => (
                  <Stack key={k} gap={2} mb="sm">
                    <Text fw={700} size="sm">
                      {t(`review.source.${k}` as UiKey)}
                    </Text>
                    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {(sourceView === 'clean' ? source[k] : r.text?.[k]) || '—'}
                    </Text>
                  </Stack>
                ))}
              </Card>
            )}
            <Title order={2} size="h5">
              {t('review.history')}
            </Title>
            <Stack gap={2} data-testid="review-versions">
              {versions.map((v) => (
                <Text key={v.version} size="xs">
                  {t('review.version', { n: v.version })} · {fmtDateTime(v.createdAt, lang)} · {t(`review.origin.${v.origin}` as UiKey, { name: v.review?.reviewerName ?? '' })}
                  {v.review && v.review.corrected.length > 0 && ` · ${t('review.corrected')}: ${v.review.corrected.map((f) => t(`review.field.${f}` as UiKey)).join(', ')}`}
                </Text>
              ))}
            </Stack>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

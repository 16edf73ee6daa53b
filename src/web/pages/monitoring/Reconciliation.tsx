/**
 * Reconciliation with the national portal: the counts the portal publishes for the unit and period are read
 * from the portal's exported Excel file or JSON (or pasted as JSON) with a note of their source, scored
 * with the same profile, and shown beside motcua's own figures, indicator by indicator, differences marked
 * with an icon and the word "khác" (never colour alone).
 */
import { Alert, Button, Card, FileButton, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang, useSession } from '../../context.tsx';
import { fmtDateTime } from '../../format.ts';
import { parsePortalCounts } from '../../../core/service-index/portal-counts.ts';
import { monitoringApi, type Reconciliation } from './api.ts';
import { Delta, fmtNum, fmtRate, Loading, queryKey, ScrollTable, useFetch, useMonitoring } from './common.tsx';

/** Pasted JSON is read by the core reader the server uses for uploaded files (one rule, one place). */
export { parsePortalCounts } from '../../../core/service-index/portal-counts.ts';

export function ReconciliationPage() {
  const { t } = useLang();
  const { query } = useMonitoring();
  const { hasRole } = useSession();
  const canImport = hasRole('reform_officer', 'province_admin', 'unit_admin');
  const { data, error, loading, reload } = useFetch((s) => monitoringApi.reconciliation(query, s), [queryKey(query)]);
  return (
    <Stack gap="md" data-testid="mon-reconciliation" aria-busy={loading}>
      <Title order={2} size="h3">
        {t('mon.rec.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('mon.rec.intro')}
      </Text>
      <ErrorAlert error={error} />
      {loading && <Loading />}
      {data && <Comparison data={data} />}
      {canImport && <ImportForm onDone={reload} />}
      {!canImport && (
        <Text size="sm" c="dimmed">
          {t('mon.rec.readOnly')}
        </Text>
      )}
    </Stack>
  );
}

function Comparison({ data }: { data: Reconciliation }) {
  const { t, lang } = useLang();
  const names = new Map(data.motcua.groups.flatMap((g) => g.indicators.map((i) => [i.code, i.name[lang]] as const)));
  const differing = data.differences.filter((d) => d.differs).length;
  if (!data.portal || !data.imported) {
    return (
      <Alert color="gray" data-testid="mon-rec-none" title={t('mon.rec.none')}>
        {t('mon.rec.noneHint', { total: fmtNum(data.motcua.total, lang) })}
      </Alert>
    );
  }
  const totalDiff = data.motcua.total !== data.portal.total;
  return (
    <Stack gap="sm">
      <Card withBorder padding="sm">
        <Stack gap={4}>
          <Text size="sm" data-testid="mon-rec-source">
            {t('mon.rec.imported', { source: data.imported.source, at: fmtDateTime(data.imported.createdAt, lang) })}
          </Text>
          <Group gap="lg">
            <Text size="sm">
              {t('mon.rec.totalPortal')}: <b data-testid="mon-rec-total-portal">{fmtNum(data.portal.total, lang)}</b>
            </Text>
            <Text size="sm">
              {t('mon.rec.totalMotcua')}: <b data-testid="mon-rec-total-motcua">{fmtNum(data.motcua.total, lang)}</b>
            </Text>
            <Group gap={4}>
              <Text size="sm">{t('mon.col.delta')}:</Text>
              <Delta value={data.motcua.total - data.portal.total} />
            </Group>
            <Group gap={4}>
              {totalDiff || differing > 0 ? <IconAlertTriangle size={16} aria-hidden /> : <IconCheck size={16} aria-hidden />}
              <Text size="sm" fw={700} data-testid="mon-rec-count">
                {t('mon.rec.differing', { n: differing })}
              </Text>
            </Group>
          </Group>
        </Stack>
      </Card>
      <ScrollTable minWidth={1300} label={t('mon.rec.caption')}>
        <Table captionSide="top" withTableBorder withColumnBorders striped data-testid="mon-rec-table">
          <Table.Caption>
            <Text fw={700} ta="left">
              {t('mon.rec.caption')}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" rowSpan={2} miw={240}>
                {t('mon.col.indicator')}
              </Table.Th>
              <Table.Th scope="colgroup" colSpan={4} ta="center">
                {t('mon.rec.portal')}
              </Table.Th>
              <Table.Th scope="colgroup" colSpan={4} ta="center">
                {t('mon.rec.motcua')}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2} className="mon-num">
                {t('mon.rec.scoreDelta')}
              </Table.Th>
              <Table.Th scope="col" rowSpan={2}>
                {t('mon.rec.result')}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              {[0, 1].flatMap((side) =>
                (['numerator', 'denominator', 'rate', 'score'] as const).map((k) => (
                  <Table.Th scope="col" key={`${side}-${k}`} className="mon-num">
                    {t(`mon.col.${k}`)}
                  </Table.Th>
                )),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.differences.map((d) => (
              <Table.Tr key={d.code} className={d.differs ? 'mon-differs' : undefined} data-testid={`mon-rec-${d.code}`} data-differs={d.differs ? 'yes' : 'no'}>
                <Table.Th scope="row" fw={400}>
                  {names.get(d.code) ?? d.code}
                </Table.Th>
                <Table.Td className="mon-num">{fmtNum(d.theirs.numerator, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtNum(d.theirs.denominator, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtRate(d.theirs.rate, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtNum(d.theirs.score, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtNum(d.ours.numerator, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtNum(d.ours.denominator, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtRate(d.ours.rate, lang)}</Table.Td>
                <Table.Td className="mon-num">{fmtNum(d.ours.score, lang)}</Table.Td>
                <Table.Td className="mon-num">
                  <Delta value={d.scoreDelta} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {d.differs ? <IconAlertTriangle size={16} aria-hidden /> : <IconCheck size={16} aria-hidden />}
                    <Text size="sm" fw={d.differs ? 700 : 400}>
                      {d.differs ? t('mon.rec.differs') : t('mon.rec.same')}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

const EXAMPLE = '{"metrics":[{"code":"ON_TIME","numerator":120,"denominator":125}]}';

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useLang();
  const { query } = useMonitoring();
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const [read, setRead] = useState<string | null>(null);
  const readFile = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    setApiError(null);
    setRead(null);
    try {
      const r = await monitoringApi.readPortalCountsFile(file);
      setText(JSON.stringify({ metrics: r.metrics }, null, 1));
      setRead(t('mon.rec.fileRead', { n: r.metrics.length, name: r.fileName ?? file.name }));
    } catch (err) {
      setApiError(err);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setApiError(null);
    if (!source.trim()) return setProblem(t('mon.rec.err.source'));
    const parsed = parsePortalCounts(text);
    if ('error' in parsed) return setProblem(t(parsed.error, parsed.params));
    setProblem(null);
    setBusy(true);
    try {
      await monitoringApi.importPortalCounts({ ...query, source: source.trim(), metrics: parsed.metrics });
      setDone(true);
      onDone();
    } catch (err) {
      setApiError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="mon-rec-form-title" className="no-print">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="mon-rec-form-title">
            {t('mon.rec.form')}
          </Title>
          <TextInput label={t('mon.rec.source')} description={t('mon.rec.sourceHint')} value={source} onChange={(e) => setSource(e.currentTarget.value)} required data-testid="mon-rec-source-input" />
          <Textarea
            label={t('mon.rec.json')}
            description={t('mon.rec.jsonHint', { example: EXAMPLE })}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={16}
            required
            styles={{ input: { fontFamily: 'monospace' } }}
            data-testid="mon-rec-json"
          />
          {problem && (
            <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="mon-rec-problem">
              {problem}
            </Alert>
          )}
          <ErrorAlert error={apiError} />
          {read && !done && (
            <Alert color="blue" role="status" data-testid="mon-rec-read">
              {read}
            </Alert>
          )}
          {done && (
            <Alert color="green" role="status" icon={<IconCheck size={18} aria-hidden />} data-testid="mon-rec-done">
              {t('mon.rec.done')}
            </Alert>
          )}
          <Group gap="sm">
            <FileButton onChange={(f) => void readFile(f)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/json,.json">
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />} data-testid="mon-rec-file">
                  {t('mon.rec.file')}
                </Button>
              )}
            </FileButton>
            <Button type="submit" loading={busy} data-testid="mon-rec-submit">
              {t('mon.rec.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

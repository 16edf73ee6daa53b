/**
 * One reform report: its standing, cut-off and deadline, the figures taken from the one-stop data, the four
 * sections as editable text (draft only), and the actions the user may take: save, refresh the figures, submit,
 * withdraw (before the deadline), download DOCX / PDF. Every change sends the version it started from; a
 * conflict shows the API's message and the user reloads.
 */
import { Alert, Anchor, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy, IconFileTypeDocx, IconFileTypePdf, IconRefresh, IconSend, IconArrowBackUp } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { fmtLocalDate, fmtPct, type RateFigure } from '../../../core/reform/index.ts';
import { frameIndex } from '../../../core/service-index/framing.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { fmtDateTime } from '../../format.ts';
import { reformApi, reformLinks, type Report, type ReportSection } from './api.ts';
import { StandingBadges } from './common.tsx';

const rate = (r: RateFigure | null) => (r === null || r.rate === null ? '—' : `${fmtPct(r.rate)} (${r.numerator}/${r.denominator})`);

export function ReformReportPage() {
  const { id = '' } = useParams();
  const { t, lang, errText } = useLang();
  const [report, setReport] = useState<Report | null>(null);
  const [draft, setDraft] = useState<ReportSection[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);

  const show = useCallback((r: Report) => {
    setReport(r);
    setDraft(r.sections.map((s) => ({ ...s })));
  }, []);

  const load = useCallback(
    (signal?: AbortSignal) => {
      setError(null);
      reformApi.get(id, signal).then(
        (r) => !signal?.aborted && show(r),
        (e: unknown) => !signal?.aborted && setError(e),
      );
    },
    [id, show],
  );

  useEffect(() => {
    const ac = new AbortController();
    load(ac.signal);
    return () => ac.abort();
  }, [load]);

  if (!report) {
    return (
      <Stack>
        <BackLink />
        {error ? <ErrorAlert error={error} /> : <Loader role="status" aria-label={t('app.loading')} />}
      </Stack>
    );
  }

  const dirty = draft.some((s, i) => s.body !== report.sections[i]?.body || s.heading !== report.sections[i]?.heading);
  const run = async (name: string, fn: () => Promise<Report>, done: string) => {
    setBusy(name);
    setError(null);
    try {
      show(await fn());
      notifications.show({ color: 'green', message: done });
    } catch (e) {
      setError(e);
      notifications.show({ color: 'red', title: t('common.error'), message: errText(e) });
    } finally {
      setBusy(null);
    }
  };
  const changed = draft.filter((s, i) => s.body !== report.sections[i]?.body || s.heading !== report.sections[i]?.heading).map((s) => ({ key: s.key, heading: s.heading, body: s.body }));
  const f = report.figures;

  return (
    <Stack gap="md">
      <BackLink year={report.year} kind={report.kind} />
      <Stack gap={4}>
        <Title order={1} size="h2" data-testid="reform-title">
          {report.title}
        </Title>
        <Text fw={600}>{report.agency.name}</Text>
        <Group gap="sm">
          <StandingBadges standing={report.standing} late={report.late} daysLate={report.daysLate} />
          <Text size="sm" c="dimmed">
            {t('reform.version', { n: report.version })}
          </Text>
        </Group>
      </Stack>

      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Info label={t('reform.cutoff')} value={`${fmtLocalDate(report.cutoff.from)} – ${fmtLocalDate(report.cutoff.to)}`} />
          <Info label={t('reform.deadline')} value={fmtLocalDate(report.deadline)} />
          <Info label={t('reform.computedAt')} value={fmtDateTime(f.computedAt, lang)} />
          <Info label={t('reform.col.submittedAt')} value={report.submittedAt ? `${fmtDateTime(report.submittedAt, lang)}${report.submittedBy?.name ? ` — ${report.submittedBy.name}` : ''}` : '—'} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          {t('reform.legalBasis')}: {report.legalBasis}
        </Text>
      </Card>

      <Group gap="sm" wrap="wrap">
        {report.can.edit && (
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} disabled={!dirty} loading={busy === 'save'} onClick={() => void run('save', () => reformApi.edit(report.id, report.version, changed), t('reform.saved'))} data-testid="reform-save">
            {t('reform.save')}
          </Button>
        )}
        {report.can.refresh && (
          <Button variant="light" leftSection={<IconRefresh size={16} aria-hidden />} disabled={dirty} title={dirty ? t('reform.refresh.unsaved') : undefined} loading={busy === 'refresh'} onClick={() => void run('refresh', () => reformApi.refresh(report.id, report.version), t('reform.refreshed'))} data-testid="reform-refresh">
            {t('reform.refresh')}
          </Button>
        )}
        {report.can.submit && (
          <Button color="green" leftSection={<IconSend size={16} aria-hidden />} disabled={dirty} loading={busy === 'submit'} onClick={() => setConfirmSubmit(true)} data-testid="reform-submit">
            {t('reform.submit')}
          </Button>
        )}
        {report.can.withdraw && (
          <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} loading={busy === 'withdraw'} onClick={() => void run('withdraw', () => reformApi.withdraw(report.id, report.version), t('reform.withdrawn'))} data-testid="reform-withdraw">
            {t('reform.withdraw')}
          </Button>
        )}
        <Button component="a" href={reformLinks.docx(report.id)} variant="light" leftSection={<IconFileTypeDocx size={16} aria-hidden />} data-testid="reform-docx">
          {t('reform.docx')}
        </Button>
        <Button component="a" href={reformLinks.pdf(report.id)} variant="light" leftSection={<IconFileTypePdf size={16} aria-hidden />} data-testid="reform-pdf">
          {t('reform.pdf')}
        </Button>
      </Group>
      {dirty && (
        <Text size="sm" c="orange.9" role="status">
          {t('reform.unsaved')}
        </Text>
      )}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {error !== null && (
        <Button variant="subtle" w="fit-content" onClick={() => load()}>
          {t('common.reload')}
        </Button>
      )}

      <Card withBorder padding="sm" component="section" aria-labelledby="reform-figures-title">
        <Title order={2} size="h4" id="reform-figures-title" mb="xs">
          {t('reform.figures')}
        </Title>
        <Table data-testid="reform-figures" withRowBorders>
          <Table.Tbody>
            <Fig label={t('reform.fig.received')} value={String(f.dossiers.received)} />
            <Fig label={t('reform.fig.finished')} value={String(f.dossiers.finished)} />
            <Fig label={t('reform.fig.onTime')} value={rate(f.dossiers.onTime)} />
            <Fig label={t('reform.fig.late')} value={String(f.dossiers.late)} />
            <Fig label={t('reform.fig.online')} value={rate(f.dossiers.online)} />
            <Fig label={t('reform.fig.payment')} value={rate(f.dossiers.onlinePayment)} />
            <Fig label={t('reform.fig.digitisation')} value={rate(f.dossiers.digitisation)} />
            <Fig label={t('reform.fig.feedback')} value={`${f.feedback.onTime}/${f.feedback.received}`} />
            <Fig label={t('reform.fig.index')} value={indexLine(f.index, lang)} />
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder padding="sm" component="section" aria-labelledby="reform-sections-title">
        <Title order={2} size="h4" id="reform-sections-title" mb="xs">
          {t('reform.sections')}
        </Title>
        {!report.can.edit && (
          <Alert color="gray" mb="sm">
            {report.status === 'submitted' ? t('reform.readOnly') : t('reform.noRights')}
          </Alert>
        )}
        <Stack gap="lg">
          {draft.map((s, i) => (
            <Stack key={s.key} gap={4} data-testid={`reform-section-${s.key}`}>
              {report.can.edit ? (
                <TextInput
                  label={t('reform.section.heading')}
                  value={s.heading}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setDraft((d) => d.map((x, j) => (j === i ? { ...x, heading: v } : x)));
                  }}
                  styles={{ input: { fontWeight: 700 } }}
                />
              ) : (
                <Title order={3} size="h5">
                  {s.heading}
                </Title>
              )}
              <Textarea
                label={report.can.edit ? t('reform.section.body') : undefined}
                aria-label={report.can.edit ? undefined : s.heading}
                value={s.body}
                readOnly={!report.can.edit}
                autosize
                minRows={3}
                maxRows={24}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDraft((d) => d.map((x, j) => (j === i ? { ...x, body: v } : x)));
                }}
                data-testid={`reform-body-${s.key}`}
              />
            </Stack>
          ))}
        </Stack>
      </Card>

      <Modal opened={confirmSubmit} onClose={() => setConfirmSubmit(false)} title={t('reform.submit')} centered>
        <Stack>
          <Text>{t('reform.submit.confirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmSubmit(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              data-testid="reform-submit-confirm"
              onClick={() => {
                setConfirmSubmit(false);
                void run('submit', () => reformApi.submit(report.id, report.version), t('reform.submitted'));
              }}
            >
              {t('reform.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function BackLink({ year, kind }: { year?: number; kind?: string }) {
  const { t } = useLang();
  const q = year && kind ? `?nam=${year}&ky=${kind}` : '';
  return (
    <Anchor component={Link} to={`/bao-cao-cchc${q}`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('reform.back')}
      </Group>
    </Anchor>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}

function Fig({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {label}
      </Table.Th>
      <Table.Td ta="right">{value}</Table.Td>
    </Table.Tr>
  );
}

/** The index as every surface frames it (core/service-index/framing): total out of the full maximum, band, and the rescaled note. */
function indexLine(ix: Report['figures']['index'], lang: 'vi' | 'en'): string {
  const framed = frameIndex(ix, lang);
  return `${framed.headline} — ${ix.band.label[lang]}${framed.scaledNote ? `. ${framed.scaledNote}` : ''}`;
}

import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import type { DossierComponent } from '../../core/catalog/types.ts';
import { ACTIONS, isActionName, SLIP_KINDS, type ActionName, type SlipKind } from '../../core/dossier/actions.ts';
import { ACTION_LABELS, CHANNEL_LABELS, PAYMENT_METHOD_LABELS, RETURN_METHOD_LABELS, ROLE_LABELS } from '../../core/dossier/labels.ts';
import type { PlannedAction } from '../../core/dossier/rank.ts';
import type { Channel, Role } from '../../core/dossier/states.ts';
import type { UiKey } from '../../core/i18n/ui.ts';
import type { PaymentMethod, ReturnMethod } from '../../core/dossier/inputs.ts';
import { api, links, type Dossier, type DossierDocument, type HistoryEntry, type Payments } from '../api.ts';
import { ActionModal } from '../components/ActionModal.tsx';
import { StateBadge, TimingBadge } from '../components/badges.tsx';
import { ErrorAlert, SlipLinks } from '../components/common.tsx';
import { DocumentsPanel } from '../components/DocumentsPanel.tsx';
import { useLang } from '../context.tsx';
import { fmtDateTime, fmtLimit, fmtMoney } from '../format.ts';

const WRAP = { label: { whiteSpace: 'normal' as const, textAlign: 'left' as const } };

/** The server's ranking of the caller's actions (core/dossier/rank.ts), for the actions this console knows. */
function planOf(d: Dossier): PlannedAction[] {
  return (d.actionPlan ?? []).flatMap((p) => (isActionName(p.action) ? [{ ...p, action: p.action }] : []));
}

export function DossierPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [documents, setDocuments] = useState<DossierDocument[]>([]);
  const [payments, setPayments] = useState<Payments | null>(null);
  const [components, setComponents] = useState<DossierComponent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<ActionName | null>(null);
  const [lastDone, setLastDone] = useState<{ action: ActionName; slip: SlipKind | null } | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [d, h, docs, pay] = await Promise.all([api.dossier(id), api.history(id), api.documents(id), api.payments(id)]);
      setDossier(d);
      setHistory(h);
      setDocuments(docs);
      setPayments(pay);
    } catch (e) {
      setError(e);
    }
  }, [id]);

  useEffect(() => {
    setDossier(null);
    setLastDone(null);
    void load();
  }, [load]);

  // The procedure's components, for the missing-items checklists.
  useEffect(() => {
    if (!dossier) return;
    let alive = true;
    api
      .procedure(dossier.procedureCode)
      .then((p) => alive && setComponents(p.record.components ?? []))
      .catch(() => alive && setComponents([]));
    return () => {
      alive = false;
    };
  }, [dossier?.procedureCode]); // eslint-disable-line react-hooks/exhaustive-deps

  if (error && !dossier) return <ErrorAlert error={error} />;
  if (!dossier) return <Loader role="status" aria-label={t('app.loading')} />;

  const d = dossier;
  const plan = planOf(d);
  const steps = plan.filter((p) => p.kind !== 'exceptional');
  const exceptional = plan.filter((p) => p.kind === 'exceptional');
  const planned = plan.find((p) => p.action === action);
  const waiting = d.waitingFor;
  const producedSlips = SLIP_KINDS.filter((k) => history.some((h) => isActionName(h.action) && ACTIONS[h.action].slip === k));

  const done = (updated: Dossier, a: ActionName) => {
    setAction(null);
    setDossier(updated);
    setLastDone({ action: a, slip: ACTIONS[a].slip });
    notifications.show({ color: 'green', message: t('dossier.actionDone', { action: ACTION_LABELS[a][lang] }) });
    void load();
  };

  const ap = d.applicant;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2" ff="monospace" data-testid="dossier-code">
              {d.code ?? t('dossier.noCode')}
            </Title>
            <StateBadge state={d.state} fallback={d.stateLabel} />
            <TimingBadge dossier={d} />
          </Group>
          <Text size="sm" c="dimmed">
            {d.procedureCode} — {d.procedureName}
          </Text>
        </Stack>
        <Tooltip label={t('common.reload')}>
          <ActionIcon variant="default" size="lg" onClick={() => void load()} aria-label={t('common.reload')} data-testid="dossier-reload">
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Card withBorder padding="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Stack gap={4}>
                  <Title order={2} size="h5">
                    {t('dossier.applicant')}
                  </Title>
                  <Field label={t('intake.fullName')} value={ap.fullName} testid="applicant-name" />
                  <Field label={t('intake.idNumber')} value={ap.idNumber} />
                  <Field label={t('intake.phone')} value={ap.phone} />
                  <Field label={t('intake.email')} value={ap.email} />
                  <Field label={t('intake.address')} value={ap.address} />
                </Stack>
                <Stack gap={4}>
                  <Title order={2} size="h5">
                    {t('dossier.procedure')}
                  </Title>
                  <Field label={t('dossier.channel')} value={CHANNEL_LABELS[d.channel as Channel]?.[lang] ?? d.channel} />
                  <Field label={t('dossier.limit')} value={fmtLimit(d.limit, lang)} />
                  <Field label={t('dossier.submitted')} value={fmtDateTime(d.submittedAt, lang)} />
                  <Field label={t('dossier.received')} value={fmtDateTime(d.receivedAt, lang)} />
                  <Field label={t('dossier.due')} value={fmtDateTime(d.dueAt, lang)} testid="due-date" />
                  {d.originalDueAt && d.originalDueAt !== d.dueAt && <Field label={t('dossier.originalDue')} value={fmtDateTime(d.originalDueAt, lang)} />}
                  {d.finishedAt && <Field label={t('dossier.finished')} value={fmtDateTime(d.finishedAt, lang)} />}
                  {d.returnedAt && <Field label={t('dossier.returned')} value={fmtDateTime(d.returnedAt, lang)} />}
                  <Field label={t('dossier.resultMethod')} value={d.resultMethod ? (RETURN_METHOD_LABELS[d.resultMethod as ReturnMethod]?.[lang] ?? d.resultMethod) : null} />
                  <Field label={t('dossier.assignee')} value={d.assigneeId ? (d.assigneeName ?? d.assigneeId) : null} />
                  <Field label={t('dossier.trackingSecret')} value={d.trackingSecret} mono />
                </Stack>
              </SimpleGrid>
            </Card>

            <Card withBorder padding="sm">
              <Title order={2} size="h4" mb="xs">
                {t('dossier.documents')}
              </Title>
              <DocumentsPanel dossierId={d.id} documents={documents} />
            </Card>

            <Card withBorder padding="sm">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {t('dossier.history')}
                </Title>
                <Button component="a" href={links.slip(d.id, 'control')} target="_blank" rel="noopener" size="compact-sm" variant="light" leftSection={<IconPrinter size={14} aria-hidden />} data-testid="print-control">
                  {t('dossier.printControl')}
                </Button>
              </Group>
              <Table.ScrollContainer minWidth={520}>
                <Table striped verticalSpacing={4} data-testid="history-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>#</Table.Th>
                      <Table.Th w={150}>{t('dossier.historyAt')}</Table.Th>
                      <Table.Th>{t('dossier.historyText')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {history.map((h) => (
                      <Table.Tr key={h.seq}>
                        <Table.Td>{h.seq}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{fmtDateTime(h.at, lang)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" className="history-text">
                            {h.text}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <Card withBorder padding="sm" data-testid="actions-panel">
              <Title order={2} size="h4" mb="xs">
                {t('dossier.actions')}
              </Title>
              {lastDone && (
                <Alert color="green" mb="sm" role="status" data-testid="last-action">
                  <Stack gap={4}>
                    <Text size="sm">{t('dossier.actionDone', { action: ACTION_LABELS[lastDone.action][lang] })}</Text>
                    {lastDone.slip && (
                      <Anchor href={links.slip(d.id, lastDone.slip)} target="_blank" rel="noopener" size="sm" data-testid={`last-slip-${lastDone.slip}`}>
                        <Group gap={4}>
                          <IconPrinter size={14} aria-hidden />
                          {t('intake.printSlip')}
                        </Group>
                      </Anchor>
                    )}
                  </Stack>
                </Alert>
              )}
              {waiting && (
                <Alert color="blue" variant="light" mb="sm" data-testid="waiting-for" data-reason={waiting.reason}>
                  <Stack gap={2}>
                    <Text size="sm">{t(`waiting.${waiting.reason}` as UiKey, { assignee: d.assigneeName ?? d.assigneeId ?? '' })}</Text>
                    <Text size="xs" c="dimmed">
                      {t('waiting.who', { role: ROLE_LABELS[waiting.role as Role]?.[lang] ?? waiting.role })}
                    </Text>
                  </Stack>
                </Alert>
              )}
              {plan.length === 0 ? (
                !waiting && (
                  <Text size="sm" c="dimmed">
                    {t('dossier.noActions')}
                  </Text>
                )
              ) : (
                <Stack gap={6}>
                  {steps.map((p) => (
                    <PlanButton key={p.action} p={p} color={p.kind === 'record' ? 'gray' : undefined} label={ACTION_LABELS[p.action][lang]} onClick={() => setAction(p.action)} />
                  ))}
                  {exceptional.length > 0 && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('plan.exceptional')}
                    </Text>
                  )}
                  {exceptional.map((p) => (
                    <PlanButton key={p.action} p={p} color="red" label={ACTION_LABELS[p.action][lang]} onClick={() => setAction(p.action)} />
                  ))}
                </Stack>
              )}
            </Card>

            {producedSlips.length > 0 && (
              <Card withBorder padding="sm">
                <SlipLinks dossierId={d.id} kinds={producedSlips} />
              </Card>
            )}

            <Card withBorder padding="sm" data-testid="payments-panel">
              <Title order={2} size="h4" mb="xs">
                {t('dossier.fees')}
              </Title>
              <Stack gap={4}>
                {(payments?.fees ?? []).map((f) => (
                  <Group key={f.id} justify="space-between" wrap="nowrap" align="flex-start">
                    <Text size="sm" lineClamp={2} title={f.description} style={{ flex: 1 }}>
                      {f.description}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {fmtMoney(f.amountVnd, lang)}
                    </Text>
                  </Group>
                ))}
                <Field label={t('dossier.feeTotal')} value={fmtMoney(d.feeTotal, lang)} />
                <Field label={t('dossier.paidTotal')} value={fmtMoney(d.paidTotal, lang)} />
                {(payments?.payments ?? []).length > 0 && (
                  <>
                    <Text size="sm" fw={600} mt={4}>
                      {t('dossier.payments')}
                    </Text>
                    {(payments?.payments ?? []).map((p) => (
                      <Text size="xs" key={p.id}>
                        {fmtDateTime(p.paidAt, lang)} · {fmtMoney(p.amountVnd, lang)} · {PAYMENT_METHOD_LABELS[p.method as PaymentMethod]?.[lang] ?? p.method}
                        {p.reference ? ` · ${p.reference}` : ''}
                      </Text>
                    ))}
                  </>
                )}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <ActionModal dossier={d} action={action} confirm={planned?.confirm ?? false} onClose={() => setAction(null)} onDone={done} onConflict={() => void load()} components={components} />
    </Stack>
  );
}

/** One action of the ranked plan: the primary one filled, the others light; the label wraps rather than being cut. */
function PlanButton({ p, color, label, onClick }: { p: PlannedAction; color: string | undefined; label: string; onClick: () => void }) {
  return (
    <Button onClick={onClick} justify="flex-start" h="auto" py={6} styles={WRAP} variant={p.rank === 'primary' ? 'filled' : 'light'} color={color} data-testid={`action-${p.action}`} data-rank={p.rank}>
      {label}
    </Button>
  );
}

function Field({ label, value, testid, mono }: { label: string; value: ReactNode | null | undefined; testid?: string; mono?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" miw={130}>
        {label}:
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} data-testid={testid} style={{ wordBreak: 'break-word' }}>
        {value === null || value === undefined || value === '' ? '—' : value}
      </Text>
    </Group>
  );
}

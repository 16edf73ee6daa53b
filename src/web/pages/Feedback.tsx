/**
 * Phản ánh, kiến nghị: the feedback queue of the caller's scope (all / overdue, status filter), a drawer with
 * the content, the petitioner's contact, the deadlines and the history, and the actions the API allows the
 * caller in the feedback's state (allowedActions), one modal per action with exactly its input. The version
 * travels with every action; a 409 reloads the feedback.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Loader,
  Modal,
  Radio,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { FEEDBACK_ACTIONS, FEEDBACK_STATE_LABELS, FEEDBACK_STATES, type FeedbackAction, type FeedbackState } from '../../core/feedback/machine.ts';
import type { UiKey } from '../../core/i18n/ui.ts';
import { api, isApiError, type Agency, type FeedbackActionInput, type FeedbackHistoryEntry, type StaffFeedback } from '../api.ts';
import { ErrorAlert } from '../components/common.tsx';
import { useLang } from '../context.tsx';
import { fmtDateTime } from '../format.ts';

type View = 'all' | 'overdue';

const STATUS_COLOR: Record<string, string> = {
  submitted: 'blue',
  received: 'cyan',
  not_accepted: 'gray',
  in_progress: 'indigo',
  forwarded: 'violet',
  answered: 'teal',
  published: 'green',
  archived: 'gray',
};

const isFeedbackState = (s: string): s is FeedbackState => (FEEDBACK_STATES as readonly string[]).includes(s);
const isFeedbackAction = (s: string): s is FeedbackAction => (FEEDBACK_ACTIONS as readonly string[]).includes(s);

function StatusBadge({ status, fallback }: { status: string; fallback: string }) {
  const { lang } = useLang();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="outline" radius="sm" style={{ textTransform: 'none' }} styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }} data-testid="fb-status" data-status={status}>
      {isFeedbackState(status) ? FEEDBACK_STATE_LABELS[status][lang] : fallback}
    </Badge>
  );
}

export function FeedbackPage() {
  const { t, lang } = useLang();
  const params = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const view: View = params.view === 'overdue' ? 'overdue' : 'all';
  const status = search.get('status');
  const openId = search.get('id');
  const [items, setItems] = useState<StaffFeedback[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(null);
    api
      .feedbackQueue(view, status)
      .then((p) => {
        if (!alive) return;
        setItems(p.items);
        setNext(p.next);
      })
      .catch((e: unknown) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [view, status, nonce]);

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const p = await api.feedbackQueue(view, status, next);
      setItems((prev) => [...prev, ...p.items.filter((f) => !prev.some((x) => x.id === f.id))]);
      setNext(p.next);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const setParam = (k: string, v: string | null) => {
    const s = new URLSearchParams(search);
    if (v) s.set(k, v);
    else s.delete(k);
    setSearch(s);
  };

  const updated = (f: StaffFeedback) => setItems((prev) => prev.map((x) => (x.id === f.id ? f : x)));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('fb.title')}
        </Title>
        <Tooltip label={t('common.reload')}>
          <ActionIcon variant="default" size="lg" onClick={() => setNonce((n) => n + 1)} aria-label={t('common.reload')} data-testid="fb-reload">
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Tabs value={view} onChange={(v) => v && navigate(`/phan-anh/${v === 'overdue' ? 'overdue' : 'all'}${status ? `?status=${status}` : ''}`)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="all" data-testid="fb-tab-all">
              {t('fb.tab.all')}
            </Tabs.Tab>
            <Tabs.Tab value="overdue" data-testid="fb-tab-overdue">
              {t('fb.tab.overdue')}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Select
          label={t('fb.statusFilter')}
          placeholder={t('fb.statusAll')}
          data={FEEDBACK_STATES.map((s) => ({ value: s, label: FEEDBACK_STATE_LABELS[s][lang] }))}
          value={status && isFeedbackState(status) ? status : null}
          onChange={(v) => setParam('status', v)}
          clearable
          w={260}
          data-testid="fb-status-filter"
        />
      </Group>
      <ErrorAlert error={error} />
      {loading ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="fb-empty">
          {t('fb.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover data-testid="fb-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fb.reference')}</Table.Th>
                  <Table.Th>{t('fb.titleCol')}</Table.Th>
                  <Table.Th>{t('common.agency')}</Table.Th>
                  <Table.Th>{t('fb.status')}</Table.Th>
                  <Table.Th>{t('fb.submitted')}</Table.Th>
                  <Table.Th>{t('fb.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.id} data-testid={`fb-row-${f.reference}`}>
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" ff="monospace" onClick={() => setParam('id', f.id)} aria-label={t('fb.open', { reference: f.reference })} data-testid={`fb-open-${f.reference}`}>
                        {f.reference}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {f.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.agencyName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={f.status} fallback={f.statusLabel} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{fmtDateTime(f.submittedAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">{fmtDateTime(f.dueAt, lang)}</Text>
                        {f.overdue && (
                          <Badge color="red" variant="light" radius="sm" style={{ textTransform: 'none' }}>
                            {t('fb.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {next && (
            <Button variant="default" onClick={() => void loadMore()} loading={loadingMore} w="fit-content" data-testid="fb-load-more">
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <Drawer opened={!!openId} onClose={() => setParam('id', null)} position="right" size="xl" title={t('fb.detail')} closeButtonProps={{ 'aria-label': t('common.close') }} data-testid="fb-drawer">
        {openId && <FeedbackDetail id={openId} onUpdated={updated} />}
      </Drawer>
    </Stack>
  );
}

function FeedbackDetail({ id, onUpdated }: { id: string; onUpdated: (f: StaffFeedback) => void }) {
  const { t, lang } = useLang();
  const [fb, setFb] = useState<StaffFeedback | null>(null);
  const [history, setHistory] = useState<FeedbackHistoryEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<FeedbackAction | null>(null);
  const [lastDone, setLastDone] = useState<FeedbackAction | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [f, h] = await Promise.all([api.feedback(id), api.feedbackHistory(id)]);
      setFb(f);
      setHistory(h);
      onUpdated(f);
    } catch (e) {
      setError(e);
    }
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setFb(null);
    setLastDone(null);
    void load();
  }, [load]);

  if (error && !fb) return <ErrorAlert error={error} />;
  if (!fb) return <Loader role="status" aria-label={t('app.loading')} />;

  const allowed = fb.allowedActions.filter(isFeedbackAction);
  const done = (f: StaffFeedback, a: FeedbackAction) => {
    setAction(null);
    setFb(f);
    onUpdated(f);
    setLastDone(a);
    notifications.show({ color: 'green', message: t('fb.actionDone', { action: t(`fb.action.${a}` as UiKey) }) });
    void load();
  };

  return (
    <Stack gap="md" data-testid="fb-detail">
      <Stack gap={4}>
        <Group gap="sm">
          <Text fw={700} ff="monospace" data-testid="fb-reference">
            {fb.reference}
          </Text>
          <StatusBadge status={fb.status} fallback={fb.statusLabel} />
          {fb.overdue && (
            <Badge color="red" variant="light" radius="sm" style={{ textTransform: 'none' }} data-testid="fb-overdue">
              {t('fb.overdue')}
            </Badge>
          )}
        </Group>
        <Title order={2} size="h4" data-testid="fb-title">
          {fb.title}
        </Title>
        <Text size="sm" c="dimmed">
          {fb.agencyName}
        </Text>
      </Stack>
      <ErrorAlert error={error} onClose={() => setError(null)} />

      <Card withBorder padding="sm" data-testid="fb-actions">
        <Title order={3} size="h5" mb="xs">
          {t('fb.actions')}
        </Title>
        {lastDone && (
          <Alert color="green" mb="sm" role="status" data-testid="fb-last-action">
            {t('fb.actionDone', { action: t(`fb.action.${lastDone}` as UiKey) })}
          </Alert>
        )}
        {allowed.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('fb.noActions')}
          </Text>
        ) : (
          <Group gap="xs">
            {allowed.map((a) => (
              <Button key={a} onClick={() => setAction(a)} variant={a === 'archive' ? 'light' : 'filled'} color={a === 'archive' ? 'gray' : undefined} data-testid={`fb-action-${a}`}>
                {t(`fb.action.${a}` as UiKey)}
              </Button>
            ))}
          </Group>
        )}
      </Card>

      <Card withBorder padding="sm">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('fb.content')}
          </Title>
          <Field label={t('fb.subject')} value={t(`fb.subject.${fb.subject}` as UiKey)} />
          {fb.procedureCode && <Field label={t('fb.procedure')} value={fb.procedureCode} />}
          {fb.dossierCode && <Field label={t('fb.dossier')} value={fb.dossierCode} mono />}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="fb-content">
            {fb.content}
          </Text>
        </Stack>
      </Card>

      <Card withBorder padding="sm">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('fb.contact')}
          </Title>
          <Field label={t('fb.fullName')} value={fb.contact.fullName} testid="fb-contact-name" />
          <Field label={t('fb.phone')} value={fb.contact.phone} />
          <Field label={t('fb.email')} value={fb.contact.email} />
        </Stack>
      </Card>

      <Card withBorder padding="sm" data-testid="fb-deadlines">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('fb.deadlines')}
          </Title>
          <Field label={t('fb.submitted')} value={fmtDateTime(fb.submittedAt, lang)} />
          <Field label={t('fb.received')} value={fmtDateTime(fb.receivedAt, lang)} />
          <Field label={t('fb.due')} value={fmtDateTime(fb.dueAt, lang)} testid="fb-due" />
          {fb.deadlines && (
            <>
              <Field label={t('fb.deadline.handle')} value={fmtDateTime(fb.deadlines.handle, lang)} />
              <Field label={t('fb.deadline.reject')} value={fmtDateTime(fb.deadlines.reject, lang)} />
              <Field label={t('fb.deadline.requestInfo')} value={fmtDateTime(fb.deadlines.requestInfo, lang)} />
              <Field label={t('fb.deadline.forward')} value={fmtDateTime(fb.deadlines.forward, lang)} />
            </>
          )}
          {fb.publishDueAt && <Field label={t('fb.publishDue')} value={fmtDateTime(fb.publishDueAt, lang)} />}
          {fb.answeredAt && <Field label={t('fb.answeredAt')} value={fmtDateTime(fb.answeredAt, lang)} />}
          {fb.publishedAt && <Field label={t('fb.publishedAt')} value={fmtDateTime(fb.publishedAt, lang)} testid="fb-published-at" />}
        </Stack>
      </Card>

      {fb.answer && (
        <Card withBorder padding="sm">
          <Title order={3} size="h5" mb={4}>
            {t('fb.answer')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="fb-answer">
            {fb.answer}
          </Text>
        </Card>
      )}

      {fb.rating && (
        <Card withBorder padding="sm">
          <Title order={3} size="h5" mb={4}>
            {t('fb.rating')}
          </Title>
          <Text size="sm">
            {(['satisfied', 'neutral', 'dissatisfied'] as const).includes(fb.rating.rating as 'satisfied') ? t(`fb.rating.${fb.rating.rating}` as UiKey) : fb.rating.rating}
            {fb.rating.comment ? ` — ${fb.rating.comment}` : ''}
          </Text>
        </Card>
      )}

      <Card withBorder padding="sm">
        <Title order={3} size="h5" mb="xs">
          {t('fb.history')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing={4} data-testid="fb-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th w={150}>{t('dossier.historyAt')}</Table.Th>
                <Table.Th>{t('dossier.historyText')}</Table.Th>
                <Table.Th>{t('fb.historyBy')}</Table.Th>
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
                    <Text size="sm">
                      {h.label}
                      {h.note ? ` — ${h.note}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{h.actorName ?? '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <FeedbackActionModal feedback={fb} action={action} onClose={() => setAction(null)} onDone={done} onConflict={() => void load()} />
    </Stack>
  );
}

/** One feedback action: exactly its input, sent with the feedback's version. */
function FeedbackActionModal({
  feedback,
  action,
  onClose,
  onDone,
  onConflict,
}: {
  feedback: StaffFeedback;
  action: FeedbackAction | null;
  onClose: () => void;
  onDone: (f: StaffFeedback, a: FeedbackAction) => void;
  onConflict: () => void;
}) {
  const { t } = useLang();
  const [classification, setClassification] = useState<string>('within_competence');
  const [reason, setReason] = useState('');
  const [targetAgencyId, setTargetAgencyId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState('');
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    setClassification('within_competence');
    setReason('');
    setTargetAgencyId(null);
    setNote('');
    setAnswer('');
    setError(null);
    setNotice(null);
  }, [action, feedback.id]);

  useEffect(() => {
    if (action !== 'classify' || agencies.length > 0) return;
    api
      .agencies()
      .then(setAgencies)
      .catch(() => setAgencies([]));
  }, [action, agencies.length]);

  if (!action) return null;

  const input = (): FeedbackActionInput => {
    switch (action) {
      case 'classify':
        if (classification === 'not_accepted') return { classification, reason: reason.trim() };
        if (classification === 'outside_competence') return { classification, targetAgencyId: targetAgencyId ?? '', note: note.trim() };
        return { classification };
      case 'request_info':
        return { note: note.trim() };
      case 'answer':
        return { answer: answer.trim() };
      default:
        return {};
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const f = await api.feedbackAct(feedback.id, action, feedback.version, input());
      onDone(f, action);
    } catch (err) {
      if (isApiError(err) && err.status === 409) {
        setNotice(t('fb.conflict'));
        onConflict();
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const confirmText: Partial<Record<FeedbackAction, UiKey>> = { receive: 'fb.confirm.receive', publish: 'fb.confirm.publish', archive: 'fb.confirm.archive' };
  const confirmKey = confirmText[action];
  let body: ReactNode = null;
  if (confirmKey) body = <Text size="sm">{t(confirmKey)}</Text>;
  else if (action === 'classify')
    body = (
      <>
        <Radio.Group label={t('fb.classification')} value={classification} onChange={setClassification} required>
          <Stack gap={6} mt={4}>
            {(['within_competence', 'not_accepted', 'outside_competence'] as const).map((c) => (
              <Radio key={c} value={c} label={t(`fb.class.${c}` as UiKey)} data-testid={`fb-input-classification-${c}`} />
            ))}
          </Stack>
        </Radio.Group>
        {classification === 'not_accepted' && (
          <Textarea label={t('fb.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={3} maxLength={2000} data-testid="fb-input-reason" />
        )}
        {classification === 'outside_competence' && (
          <>
            <Select
              label={t('fb.targetAgency')}
              data={agencies.filter((a) => a.id !== feedback.agencyId).map((a) => ({ value: a.id, label: a.name }))}
              value={targetAgencyId}
              onChange={setTargetAgencyId}
              searchable
              required
              data-testid="fb-input-targetAgencyId"
            />
            <Textarea label={t('fb.forwardNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required autosize minRows={2} maxLength={4000} data-testid="fb-input-note" />
          </>
        )}
      </>
    );
  else if (action === 'request_info')
    body = <Textarea label={t('fb.infoNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required autosize minRows={3} maxLength={4000} data-autofocus data-testid="fb-input-note" />;
  else if (action === 'answer')
    body = <Textarea label={t('fb.answer')} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} required autosize minRows={5} maxLength={20000} data-autofocus data-testid="fb-input-answer" />;

  return (
    <Modal opened onClose={onClose} title={t(`fb.action.${action}` as UiKey)} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} data-testid={`fb-modal-${action}`}>
        <Stack gap="sm">
          {body}
          {notice && (
            <Alert color="yellow" role="alert" data-testid="fb-conflict">
              {notice}
            </Alert>
          )}
          <ErrorAlert error={error} onClose={() => setError(null)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="fb-action-submit">
              {t(`fb.action.${action}` as UiKey)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Field({ label, value, testid, mono }: { label: string; value: ReactNode | null | undefined; testid?: string; mono?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" miw={150}>
        {label}:
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} data-testid={testid} style={{ wordBreak: 'break-word' }}>
        {value === null || value === undefined || value === '' ? '—' : value}
      </Text>
    </Group>
  );
}

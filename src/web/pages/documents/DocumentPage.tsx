/**
 * /van-ban/:id — one document: its particulars, its files (download), the signatures of the latest file
 * ("Đã ký số: … lúc …", read by the console's verifier), comments, the append-only history, and the actions the
 * signed-in user may take now (the API's allowedActions), each in a small modal. Every action sends the version
 * read; a 409 reloads the document and says so.
 */
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, Modal, MultiSelect, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DOCUMENT_KINDS, LABELS, type DocumentKind } from '../../../core/documents/index.ts';
import type { UiKey } from '../../../core/i18n/ui.ts';
import { api, isApiError, type Agency, type Staff } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { fmtDate, fmtDateTime } from '../../format.ts';
import { docApi, docLinks, type Doc, type DocHistory, type DocListItem, type SendResult } from './api.ts';
import { DocFileInput, StateBadge, UrgencyBadge, useFieldError } from './common.tsx';
import { ACTION_PATHS, actionButtons, checkAction, EMPTY_ACTION, needsFile, signatureLines, type ActionForm, type FieldErrors, type SignatureLine, type UiAction } from './logic.ts';

export function DocumentPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [doc, setDoc] = useState<Doc | null>(null);
  const [history, setHistory] = useState<DocHistory[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [action, setAction] = useState<UiAction | null>(null);
  const load = useCallback(async () => {
    const [d, h] = await Promise.all([docApi.get(id), docApi.history(id)]);
    setDoc(d);
    setHistory(h);
  }, [id]);
  useEffect(() => {
    setDoc(null);
    load().catch(setError);
  }, [load]);

  if (!doc) return error ? <ErrorAlert error={error} /> : <Loader role="status" aria-label={t('app.loading')} />;
  const buttons = actionButtons(doc);
  const back = doc.direction === 'incoming' ? '/van-ban/den' : '/van-ban/di';
  const label = (a: UiAction) => LABELS.actions[a][lang];

  return (
    <Stack gap="md" data-testid="doc-page" data-state={doc.state} data-version={doc.version}>
      <Anchor component={Link} to={back} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('doc.page.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {t(`doc.direction.${doc.direction}`)} · {DOCUMENT_KINDS[doc.kind as DocumentKind]?.[lang] ?? doc.kind} · {doc.agency.name}
          </Text>
          <Title order={1} size="h2" data-testid="doc-title">
            {doc.numberSymbol ? `${doc.numberSymbol} — ` : ''}
            {doc.summary}
          </Title>
        </div>
        <Group gap={4} wrap="nowrap">
          <StateBadge state={doc.state} label={doc.stateLabel} timing={doc.timing} />
          <UrgencyBadge urgency={doc.urgency} confidentiality={doc.confidentiality} />
        </Group>
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {notice && (
        <Alert color="green" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} data-testid="doc-notice">
          {notice}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Fields doc={doc} />
            <Files doc={doc} />
            <History items={history} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="sm">
                {t('doc.page.actions')}
              </Title>
              {buttons.length === 0 ? (
                <Text size="sm" c="dimmed" data-testid="doc-no-actions">
                  {t('doc.page.noActions')}
                </Text>
              ) : (
                <Group gap="xs">
                  {buttons.map((b) => (
                    <Button key={b.action} variant={b.primary ? 'filled' : 'light'} onClick={() => setAction(b.action)} data-testid={`doc-action-${b.action}`}>
                      {label(b.action)}
                    </Button>
                  ))}
                </Group>
              )}
              {doc.direction === 'incoming' && buttons.some((b) => b.action === 'reply') && (
                <Button component={Link} to={`/van-ban/di?inReplyTo=${doc.id}`} variant="subtle" mt="xs" data-testid="doc-draft-reply">
                  {t('doc.draft.open')}
                </Button>
              )}
            </Card>
            <Signatures doc={doc} />
            {doc.comments.length > 0 && (
              <Card withBorder padding="md">
                <Title order={2} size="h4" mb="xs">
                  {t('doc.page.comments')}
                </Title>
                <Stack gap={6}>
                  {doc.comments.map((c, i) => (
                    <Text key={i} size="sm" data-testid="doc-comment">
                      <b>{t('doc.page.version', { n: c.versionNo })}</b> · {fmtDateTime(c.at, lang)}: {c.comment}
                    </Text>
                  ))}
                </Stack>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {action && (
        <ActionModal
          doc={doc}
          action={action}
          onClose={() => setAction(null)}
          onDone={async (next, extra) => {
            setAction(null);
            setDoc(next);
            setNotice(
              <>
                {t('doc.page.done', { action: label(action) })}
                {extra}
              </>,
            );
            setHistory(await docApi.history(id));
          }}
          onConflict={async () => {
            setAction(null);
            await load();
            setError({ code: 'DOCUMENT_VERSION_CONFLICT', status: 409, message: t('doc.err.conflict'), messageEn: t('doc.err.conflict') });
          }}
        />
      )}
    </Stack>
  );
}

function Row({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) {
  return (
    <Table.Tr>
      <Table.Th w={190} style={{ verticalAlign: 'top', fontWeight: 600 }}>
        {label}
      </Table.Th>
      <Table.Td data-testid={testid}>{children}</Table.Td>
    </Table.Tr>
  );
}

function Fields({ doc }: { doc: Doc }) {
  const { t, lang } = useLang();
  const inc = doc.direction === 'incoming';
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('doc.page.fields')}
      </Title>
      <Table withRowBorders={false} verticalSpacing={4} data-testid="doc-fields">
        <Table.Tbody>
          {doc.registerNo !== null && (
            <Row label={inc ? t('doc.page.register') : t('doc.page.outRegister')} testid="doc-register-no">
              {doc.registerNo}/{doc.registerYear}
            </Row>
          )}
          <Row label={t('doc.col.numberSymbol')} testid="doc-number">{doc.numberSymbol ?? '—'}</Row>
          {doc.issuedOn && <Row label={t('doc.page.issuedOn')}>{fmtDate(doc.issuedOn, lang)}</Row>}
          {inc && <Row label={t('doc.col.sender')} testid="doc-sender">{doc.senderName ?? '—'}</Row>}
          {doc.pages !== null && <Row label={t('doc.f.pages')}>{doc.pages}</Row>}
          <Row label={t('doc.f.urgency')}>{t(`doc.urgency.${doc.urgency}` as UiKey)}</Row>
          <Row label={t('doc.f.confidentiality')}>{t(`doc.conf.${doc.confidentiality}` as UiKey)}</Row>
          {doc.createdBy && <Row label={t('doc.page.createdBy')}>{doc.createdBy.name} · {fmtDateTime(doc.createdAt, lang)}</Row>}
          {doc.directedBy && <Row label={t('doc.page.directedBy')}>{doc.directedBy.name} · {fmtDateTime(doc.directedAt, lang)}</Row>}
          {doc.directionNote && <Row label={t('doc.page.direction')} testid="doc-direction">{doc.directionNote}</Row>}
          {doc.handler && <Row label={t('doc.col.handler')} testid="doc-handler">{doc.handler.name}</Row>}
          {doc.coHandlers.length > 0 && <Row label={t('doc.page.coHandlers')}>{doc.coHandlers.map((c) => c.name).join(', ')}</Row>}
          {doc.dueAt && <Row label={t('doc.col.due')} testid="doc-due">{fmtDate(doc.dueAt, lang)}</Row>}
          {doc.signedBy && <Row label={t('doc.page.signedBy')}>{doc.signedBy.name} · {fmtDateTime(doc.signedAt, lang)}</Row>}
          {doc.sourceDocumentId && <Row label={t('doc.page.source')}><Anchor component={Link} to={`/van-ban/${doc.sourceDocumentId}`}>{t('doc.page.open')}</Anchor></Row>}
          {doc.inReplyTo && <Row label={t('doc.page.inReplyTo')}><Anchor component={Link} to={`/van-ban/${doc.inReplyTo}`} data-testid="doc-in-reply-to">{t('doc.page.open')}</Anchor></Row>}
          {doc.replyDocumentId && <Row label={t('doc.page.reply')}><Anchor component={Link} to={`/van-ban/${doc.replyDocumentId}`} data-testid="doc-reply-link">{t('doc.page.open')}</Anchor></Row>}
          {doc.recipients.length > 0 && (
            <Row label={t('doc.page.recipients')} testid="doc-recipients">
              {doc.recipients.map((r) => (r.kind === 'internal' ? r.agencyName : r.name)).join('; ')}
            </Row>
          )}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Files({ doc }: { doc: Doc }) {
  const { t, lang } = useLang();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('doc.page.files')}
      </Title>
      <Stack gap={4}>
        {[...doc.files].reverse().map((f, i) => (
          <Group key={f.versionNo} gap="xs" wrap="nowrap" data-testid="doc-file">
            <Badge variant={i === 0 ? 'filled' : 'light'} size="sm" style={{ textTransform: 'none', flexShrink: 0 }}>
              {t('doc.page.version', { n: f.versionNo })} · {t(`doc.page.fileKind.${f.kind}` as UiKey)}
            </Badge>
            <Anchor href={docLinks.file(doc.id, f.versionNo)} download={f.fileName} size="sm" truncate="end" data-testid={i === 0 ? 'doc-download' : undefined}>
              <Group gap={4} wrap="nowrap">
                <IconDownload size={14} aria-hidden />
                {f.fileName}
              </Group>
            </Anchor>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {fmtDateTime(f.at, lang)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function Signatures({ doc }: { doc: Doc }) {
  const { t, lang, errText } = useLang();
  const latest = doc.files.at(-1);
  const pdf = latest?.mime === 'application/pdf';
  const [lines, setLines] = useState<SignatureLine[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!pdf) return;
    setLines(null);
    setError(null);
    docApi.verify(doc.id).then((r) => setLines(signatureLines(r)), setError);
  }, [doc.id, latest?.sha256, pdf]);
  if (!pdf) return null;
  return (
    <Card withBorder padding="md" data-testid="doc-signatures">
      <Title order={2} size="h4" mb="xs">
        {t('doc.page.signatures')}
      </Title>
      {lines === null && !error && <Loader size="sm" role="status" aria-label={t('app.loading')} />}
      {(lines?.length === 0 || error !== null) && (
        <Text size="sm" c="dimmed" data-testid="doc-unsigned">
          {t('doc.page.unsigned')}
          {error !== null && ` (${errText(error)})`}
        </Text>
      )}
      <Stack gap={4}>
        {lines?.map((l, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start" data-testid="doc-signature" data-valid={l.valid}>
            <IconRosetteDiscountCheck size={18} color={l.valid ? 'var(--mantine-color-green-7)' : 'var(--mantine-color-red-7)'} aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm">
              {t('doc.page.signedLine', { signer: l.signer, at: fmtDateTime(l.at, lang) })}
              {!l.valid && ` (${t('doc.page.signatureInvalid')})`}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function History({ items }: { items: DocHistory[] }) {
  const { t, lang } = useLang();
  const detail = (h: DocHistory) => {
    const d = h.data;
    const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
    return s('direction') ?? s('note') ?? s('comment') ?? s('numberSymbol') ?? '';
  };
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('doc.page.history')}
      </Title>
      <Table.ScrollContainer minWidth={500}>
        <Table verticalSpacing={4} data-testid="doc-history">
          <Table.Tbody>
            {items.map((h) => (
              <Table.Tr key={h.seq} data-testid="doc-history-row" data-action={h.action}>
                <Table.Td w={130} style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(h.at, lang)}</Table.Td>
                <Table.Td w={200} fw={600}>{h.actionLabel[lang]}</Table.Td>
                <Table.Td w={160}>{h.actor?.name ?? t('doc.page.agency')}</Table.Td>
                <Table.Td>{detail(h)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

const CONFIRM: Partial<Record<UiAction, UiKey>> = { approve_sign: 'doc.confirm.approve_sign', issue_number: 'doc.confirm.issue_number', seal: 'doc.confirm.seal', submit: 'doc.confirm.submit' };

function ActionModal({ doc, action, onClose, onDone, onConflict }: { doc: Doc; action: UiAction; onClose: () => void; onDone: (d: Doc, extra?: ReactNode) => void; onConflict: () => void }) {
  const { t, lang } = useLang();
  const [f, setF] = useState<ActionForm>(() => ({ ...EMPTY_ACTION, handlerId: action === 'assign' ? (doc.handler?.id ?? null) : null, workingDays: action === 'assign' ? '' : EMPTY_ACTION.workingDays, replyDocumentId: null }));
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof ActionForm>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [outgoing, setOutgoing] = useState<DocListItem[]>([]);
  const err = useFieldError(errors, true);
  const people = action === 'direct' || action === 'assign';
  useEffect(() => {
    if (people) api.agencyStaff(doc.agency.id).then(setStaff, setError);
    // The answer is one of the agency's outgoing documents (newest first); the one drafted in reply comes first.
    if (action === 'reply') docApi.list({ direction: 'outgoing', limit: 50 }).then((r) => setOutgoing(r.items.filter((x) => x.agencyId === doc.agency.id)), setError);
    if (action === 'send') api.agencies().then((a) => setAgencies(a.filter((x) => x.id !== doc.agency.id && !x.validTo)), setError);
  }, [action, doc.agency.id, people]);
  const staffData = useMemo(() => staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.fullName })), [staff]);
  const outgoingData = useMemo(() => outgoing.map((d) => ({ value: d.id, label: `${d.numberSymbol ?? d.stateLabel[lang]} — ${d.summary}` })), [outgoing, lang]);
  const agencyData = useMemo(() => agencies.map((a) => ({ value: a.id, label: a.name })), [agencies]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkAction(action, { ...f, fileName: file?.name ?? null });
    if (!c.ok) return setErrors(c.errors);
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { ...c.body, version: doc.version };
      if (needsFile(action) && file) {
        const up = await docApi.upload(file);
        body.file = { sha256: up.sha256, fileName: file.name };
      }
      if (action === 'send') {
        const r = await docApi.act<SendResult>(doc.id, 'send', body);
        onDone(
          r.document,
          r.packages.length > 0 ? (
            <Stack gap={2} mt={4} data-testid="doc-packages">
              <Text size="sm">{t('doc.page.sentPackages')}</Text>
              {r.packages.map((p) => (
                <Text key={p.packageId} size="sm" ff="monospace">
                  {p.name}: {p.downloadCode}
                </Text>
              ))}
            </Stack>
          ) : undefined,
        );
      } else {
        onDone(await docApi.act<Doc>(doc.id, ACTION_PATHS[action], body));
      }
    } catch (x) {
      if (isApiError(x) && x.status === 409) onConflict();
      else setError(x);
    } finally {
      setBusy(false);
    }
  };
  const confirm = CONFIRM[action];
  return (
    <Modal opened onClose={onClose} title={LABELS.actions[action][lang]} size="lg">
      <form onSubmit={submit} noValidate data-testid="doc-action-form" data-action={action}>
        <Stack gap="sm">
          <ErrorAlert error={error} onClose={() => setError(null)} />
          {confirm && <Text>{t(confirm)}</Text>}
          {action === 'direct' && (
            <Textarea required label={t('doc.f.direction')} autosize minRows={2} value={f.direction} onChange={(e) => setF({ ...f, direction: e.currentTarget.value })} error={err('direction')} data-testid="doc-f-direction" />
          )}
          {people && (
            <>
              <Select required label={t('doc.f.handler')} data={staffData} searchable value={f.handlerId} onChange={(v) => setF({ ...f, handlerId: v })} error={err('handlerId')} data-testid="doc-f-handler" comboboxProps={{ withinPortal: true }} />
              <MultiSelect label={t('doc.f.coHandlers')} data={staffData.filter((s) => s.value !== f.handlerId)} searchable value={f.coHandlerIds} onChange={(v) => setF({ ...f, coHandlerIds: v })} data-testid="doc-f-cohandlers" />
              <TextInput
                required={action === 'direct'}
                label={action === 'direct' ? t('doc.f.workingDays') : t('doc.f.workingDaysKeep')}
                inputMode="numeric"
                w={260}
                value={f.workingDays}
                onChange={(e) => setF({ ...f, workingDays: e.currentTarget.value })}
                error={err('workingDays')}
                data-testid="doc-f-days"
              />
            </>
          )}
          {['assign', 'process', 'reply', 'close', 'return', 'comment', 'submit', 'revise'].includes(action) && (
            <Textarea
              required={!['assign', 'submit', 'revise'].includes(action)}
              label={action === 'comment' ? t('doc.f.comment') : t('doc.f.note')}
              autosize
              minRows={2}
              value={f.note}
              onChange={(e) => setF({ ...f, note: e.currentTarget.value })}
              error={err('note')}
              data-testid="doc-f-note"
            />
          )}
          {action === 'reply' && (
            <Select label={t('doc.f.replyDocument')} data={outgoingData} searchable clearable value={f.replyDocumentId} onChange={(v) => setF({ ...f, replyDocumentId: v })} data-testid="doc-f-reply-doc" />
          )}
          {action === 'revise' && <DocFileInput required label={t('doc.f.newVersion')} accept=".pdf,application/pdf" value={file} onChange={setFile} error={err('fileName')} data-testid="doc-f-file" />}
          {action === 'send' && (
            <>
              <MultiSelect label={t('doc.f.agencies')} data={agencyData} searchable value={f.agencyIds} onChange={(v) => setF({ ...f, agencyIds: v })} error={err('agencyIds')} data-testid="doc-f-agencies" />
              <Textarea label={t('doc.f.outside')} autosize minRows={2} value={f.outsideNames} onChange={(e) => setF({ ...f, outsideNames: e.currentTarget.value })} error={err('outsideNames')} data-testid="doc-f-outside" />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="doc-action-submit">
              {LABELS.actions[action][lang]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

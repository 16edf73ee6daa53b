/**
 * The form of one lifecycle action: exactly the input its Zod schema (core/dossier/inputs.ts) needs, checked
 * with the same schema before sending, with the dossier version for optimistic concurrency.
 */
import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ACTIONS, type ActionName } from '../../core/dossier/actions.ts';
import { validateActionInput, PAYMENT_METHODS, RETURN_METHODS } from '../../core/dossier/inputs.ts';
import { preSendStep, previewFromConfirmationError, withConfirmation, type ActionPreview } from '../../core/dossier/confirm.ts';
import { ACTION_LABELS, PAYMENT_METHOD_LABELS, RETURN_METHOD_LABELS } from '../../core/dossier/labels.ts';
import type { DossierComponent } from '../../core/catalog/types.ts';
import type { UiKey } from '../../core/i18n/ui.ts';
import { api, isApiError, type Agency, type DocumentInput, type Dossier, type Staff } from '../api.ts';
import { useLang } from '../context.tsx';
import { ErrorAlert, lines } from './common.tsx';
import { MissingItemsPicker, missingItemText } from './MissingItemsPicker.tsx';
import { DateField } from './DateField.tsx';

const FIELD_LABEL: Record<string, UiKey> = {
  reasons: 'action.reasons',
  missingItems: 'action.missingItems',
  assigneeId: 'action.assignee',
  targetAgency: 'action.targetAgency',
  fromAgency: 'action.fromAgency',
  reason: 'action.proceedReason',
  task: 'action.task',
  deadline: 'action.deadline',
  newDueAt: 'action.newDueAt',
  attachments: 'action.attachments',
  returnMethod: 'action.returnMethod',
  collectedBy: 'action.collectedBy',
  authorisationNote: 'action.authorisationNote',
  trackingNumber: 'action.trackingNumber',
  postalAddress: 'action.postalAddress',
  amount: 'action.amount',
  paymentMethod: 'action.paymentMethod',
  note: 'common.note',
};

const NOTE_REQUIRED: ReadonlySet<string> = new Set(['send_back', 'add_note', 'record_field_check']);
const REASONS: ReadonlySet<string> = new Set(['refuse', 'withdraw', 'stop', 'reject_intake', 'apologize']);
const MISSING: ReadonlySet<string> = new Set(['request_supplement', 'request_intake_supplement']);
const FILES: ReadonlySet<string> = new Set(['attach_result', 'attach_document']);
/** Actions that may carry files (optional): the desk scans what the applicant supplied. */
const OPTIONAL_FILES: ReadonlySet<string> = new Set(['supply']);

export function ActionModal({
  dossier,
  action,
  onClose,
  onDone,
  onConflict,
  components = [],
  confirm = false,
}: {
  dossier: Dossier;
  action: ActionName | null;
  /** An exceptional action (the server's plan says so): the officer ticks a confirmation sentence first. */
  confirm?: boolean;
  onClose: () => void;
  onDone: (updated: Dossier, action: ActionName) => void;
  /** 409 VERSION_CONFLICT: the caller reloads the dossier. */
  onConflict: () => void;
  /** The procedure's components (for the missing-items checklist). */
  components?: DossierComponent[];
}) {
  const { t, lang, errText } = useLang();
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState('');
  const [missing, setMissing] = useState<Set<number>>(new Set());
  const [missingOther, setMissingOther] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [staffForbidden, setStaffForbidden] = useState(false);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [targetAgency, setTargetAgency] = useState<string | null>(null);
  const [task, setTask] = useState('');
  const [fromAgency, setFromAgency] = useState<string | null>(null);
  const [proceedWithout, setProceedWithout] = useState(false);
  const [proceedReason, setProceedReason] = useState('');
  const [deadline, setDeadline] = useState('');
  const [newDueAt, setNewDueAt] = useState('');
  const [files, setFiles] = useState<DocumentInput[]>([]);
  const [uploading, setUploading] = useState(false);
  const [paperResult, setPaperResult] = useState(false);
  const [returnMethod, setReturnMethod] = useState<string>('desk');
  const [collectedBy, setCollectedBy] = useState('');
  const [byProxy, setByProxy] = useState(false);
  const [authorisationNote, setAuthorisationNote] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [postalAddress, setPostalAddress] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [paymentMethod, setPaymentMethod] = useState<string | null>('desk');
  const [reference, setReference] = useState('');
  const [competentBody, setCompetentBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server's preview of this action once its consequences are shown; the officer's confirmation.
  const [preview, setPreview] = useState<ActionPreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  // The officer's confirmation of an exceptional action (apology, refusal, rejection, withdrawal, stop).
  const [exceptionalConfirmed, setExceptionalConfirmed] = useState(false);

  // Reset when another action opens.
  useEffect(() => {
    setNote('');
    setReasons('');
    setMissing(new Set());
    setMissingOther('');
    setAssigneeId(null);
    setTargetAgency(null);
    setFromAgency(dossier.pendingAgencies?.length === 1 ? dossier.pendingAgencies[0]!.agency : null);
    setProceedWithout(false);
    setProceedReason('');
    setTask('');
    setDeadline('');
    setNewDueAt('');
    setFiles([]);
    setPaperResult(!dossier.hasElectronicResult);
    setReturnMethod(dossier.resultMethod === 'online' && dossier.hasElectronicResult ? 'online' : dossier.resultMethod === 'postal' ? 'postal' : 'desk');
    setCollectedBy(dossier.applicant.fullName ?? '');
    setByProxy(false);
    setAuthorisationNote('');
    setTrackingNumber('');
    // Where the applicant asked to receive it (online application), else the address given at the desk.
    setPostalAddress(String(dossier.applicant.postalAddress ?? dossier.applicant.address ?? ''));
    setAmount(Math.max(0, dossier.feeTotal - dossier.paidTotal) || '');
    setPaymentMethod('desk');
    setReference('');
    setCompetentBody('');
    setError(null);
    setClientError(null);
    setPreview(null);
    setConfirmed(false);
    setExceptionalConfirmed(false);
    if (action === 'assign' && staff === null && !staffForbidden) {
      // The specialists of the handling agency (and its divisions), listed by name.
      api
        .agencyStaff(dossier.handlingAgencyId, 'specialist')
        .then(setStaff)
        .catch((e: unknown) => {
          if (isApiError(e) && e.status === 403) setStaffForbidden(true);
          else setError(e);
        });
    }
    if (action === 'transfer' && agencies.length === 0) api.agencies().then(setAgencies).catch(setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, dossier.id]);

  if (action === null) return null;

  const build = (): { input: Record<string, unknown>; documents: DocumentInput[] } => {
    const input: Record<string, unknown> = {};
    if (note.trim()) input.note = note.trim();
    if (REASONS.has(action)) input.reasons = lines(reasons);
    if (MISSING.has(action)) {
      input.missingItems = [...[...missing].sort((a, b) => a - b).map((i) => missingItemText(components[i]?.name ?? '')), ...lines(missingOther)].filter((x) => x);
    }
    switch (action) {
      case 'assign':
        if (assigneeId?.trim()) input.assigneeId = assigneeId.trim();
        break;
      case 'transfer':
        if (targetAgency) input.targetAgency = targetAgency;
        if (task.trim()) input.task = task.trim();
        if (deadline) input.deadline = deadline;
        break;
      case 'return_from_agency':
        if (fromAgency) input.fromAgency = fromAgency;
        if (proceedWithout) {
          input.proceedWithout = true;
          if (proceedReason.trim()) input.reason = proceedReason.trim();
        }
        break;
      case 'apologize':
        if (newDueAt) input.newDueAt = newDueAt;
        break;
      case 'reject_intake':
        if (competentBody.trim()) input.competentBody = competentBody.trim();
        break;
      case 'mark_result_ready':
        input.paperResult = paperResult;
        break;
      case 'return_result':
        input.returnMethod = returnMethod;
        if (returnMethod === 'desk') {
          if (collectedBy.trim()) input.collectedBy = collectedBy.trim();
          input.byProxy = byProxy;
          if (byProxy && authorisationNote.trim()) input.authorisationNote = authorisationNote.trim();
        }
        if (returnMethod === 'postal' && trackingNumber.trim()) input.trackingNumber = trackingNumber.trim();
        if (returnMethod === 'postal' && postalAddress.trim()) input.postalAddress = postalAddress.trim();
        break;
      case 'record_payment':
        if (amount !== '' && Number(amount) > 0) input.amount = Number(amount);
        if (paymentMethod) input.paymentMethod = paymentMethod;
        if (reference.trim()) input.reference = reference.trim();
        break;
      default:
        break;
    }
    const kind = action === 'attach_result' ? 'result' : action === 'supply' ? 'supplement' : 'other';
    return { input, documents: FILES.has(action) || OPTIONAL_FILES.has(action) ? files.map((f) => ({ ...f, kind })) : [] };
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const { input, documents } = build();
    // Same schema as the API; attachments arrive as documents (the server fills in their ids).
    const check = validateActionInput(action, FILES.has(action) && documents.length > 0 ? { ...input, attachments: documents.map((d) => d.sha256) } : input);
    if (!check.ok) {
      setClientError(t('action.missing', { fields: check.fields.map((f) => (FIELD_LABEL[f] ? t(FIELD_LABEL[f]) : f)).join(', ') }));
      return;
    }
    if (confirm && !exceptionalConfirmed) {
      setClientError(t('action.confirmFirst'));
      return;
    }
    setClientError(null);
    setBusy(true);
    setError(null);
    try {
      // First ask the server what the action would do (the same decide() as the action): its consequences are
      // shown before the officer confirms; a needed confirmation is sent as input.confirm.
      let shown = preview;
      if (shown === null) {
        const p = await api.previewAction(dossier.id, action, input).catch(() => null);
        const first = preSendStep(p, false, false);
        if (first.kind === 'tell') {
          setPreview(p);
          return;
        }
        shown = p;
      }
      const step = preSendStep(shown, true, confirmed);
      if (step.kind === 'tell') {
        setClientError(t('action.confirmFirst'));
        return;
      }
      const updated = await api.act(dossier.id, action, dossier.version, withConfirmation(input, step.confirm), documents);
      onDone(updated, action);
    } catch (err) {
      if (isApiError(err) && err.code === 'CONFIRMATION_REQUIRED') {
        setPreview(previewFromConfirmationError(err));
        setConfirmed(false);
      } else if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        notifications.show({ color: 'orange', title: errText(err), message: t('dossier.conflictReloaded') });
        onConflict();
        onClose();
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };

  const upload = async (list: File[] | File | null) => {
    const arr = list === null ? [] : Array.isArray(list) ? list : [list];
    if (arr.length === 0) return;
    setUploading(true);
    setError(null);
    try {
      for (const f of arr) {
        const r = await api.uploadFile(f);
        setFiles((prev) => [...prev, { sha256: r.sha256, fileName: f.name }]);
      }
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  };

  const def = ACTIONS[action];
  const staffOptions = (staff ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.fullName} (${s.username})` }));

  return (
    <Modal opened onClose={onClose} title={ACTION_LABELS[action][lang]} size="lg">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid={`modal-${action}`}>
        <Stack gap="sm">
          {MISSING.has(action) && (
            <MissingItemsPicker
              components={components}
              checked={missing}
              onToggle={(i) =>
                setMissing((prev) => {
                  const n = new Set(prev);
                  if (n.has(i)) n.delete(i);
                  else n.add(i);
                  return n;
                })
              }
              other={missingOther}
              onOther={setMissingOther}
            />
          )}

          {action === 'assign' &&
            (staffForbidden ? (
              <TextInput
                label={t('action.assigneeId')}
                description={t('action.assigneeId.hint')}
                value={assigneeId ?? ''}
                onChange={(e) => setAssigneeId(e.currentTarget.value)}
                required
                data-autofocus
                data-testid="input-assigneeId"
              />
            ) : (
              <Select
                label={t('action.assignee')}
                data={staffOptions}
                value={assigneeId}
                onChange={setAssigneeId}
                searchable
                required
                data-autofocus
                data-testid="input-assigneeId"
                nothingFoundMessage={t('common.none')}
              />
            ))}

          {action === 'transfer' && (
            <>
              <Select
                label={t('action.targetAgency')}
                data={agencies.filter((a) => a.id !== dossier.handlingAgencyId).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
                value={targetAgency}
                onChange={setTargetAgency}
                searchable
                required
                data-autofocus
                data-testid="input-targetAgency"
              />
              <Textarea label={t('action.task')} value={task} onChange={(e) => setTask(e.currentTarget.value)} required autosize minRows={2} data-testid="input-task" />
              <DateField label={t('action.deadline')} value={deadline} onChange={(v) => setDeadline(v)} required data-testid="input-deadline" />
            </>
          )}

          {action === 'return_from_agency' && (dossier.pendingAgencies?.length ?? 0) > 0 && (
            <>
              <Text size="sm" c="dimmed" data-testid="pending-agencies">
                {t('action.fromAgency.waiting', { names: (dossier.pendingAgencies ?? []).map((p) => p.name).join('; ') })}
              </Text>
              <Select
                label={t('action.fromAgency')}
                data={(dossier.pendingAgencies ?? []).map((p) => ({ value: p.agency, label: p.name }))}
                value={fromAgency}
                onChange={setFromAgency}
                required={(dossier.pendingAgencies?.length ?? 0) > 1}
                data-autofocus
                data-testid="input-fromAgency"
              />
              <Checkbox label={t('action.proceedWithout')} checked={proceedWithout} onChange={(e) => setProceedWithout(e.currentTarget.checked)} data-testid="input-proceedWithout" />
              {proceedWithout && (
                <Textarea label={t('action.proceedReason')} value={proceedReason} onChange={(e) => setProceedReason(e.currentTarget.value)} required autosize minRows={2} data-testid="input-reason" />
              )}
            </>
          )}

          {action === 'apologize' && (
            <DateField label={t('action.newDueAt')} value={newDueAt} onChange={(v) => setNewDueAt(v)} required data-autofocus data-testid="input-newDueAt" />
          )}

          {REASONS.has(action) && (
            <Textarea
              label={t('action.reasons')}
              description={t('common.onePerLine')}
              value={reasons}
              onChange={(e) => setReasons(e.currentTarget.value)}
              required
              autosize
              minRows={3}
              data-autofocus={action !== 'apologize' ? true : undefined}
              data-testid="input-reasons"
            />
          )}

          {action === 'reject_intake' && (
            <TextInput label={t('action.competentBody')} value={competentBody} onChange={(e) => setCompetentBody(e.currentTarget.value)} data-testid="input-competentBody" />
          )}

          {(FILES.has(action) || OPTIONAL_FILES.has(action)) && (
            <Stack gap={6}>
              <Text fw={500} size="sm">
                {t('action.attachments')}
                {FILES.has(action) && (
                  <>
                    {' '}
                    <span aria-hidden style={{ color: 'var(--mantine-color-error)' }}>
                      *
                    </span>
                  </>
                )}
              </Text>
              {files.map((f, i) => (
                <Group key={`${f.sha256}-${i}`} gap={6}>
                  <IconPaperclip size={14} aria-hidden />
                  <Text size="sm">{f.fileName}</Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setFiles((p) => p.filter((_, j) => j !== i))}
                    aria-label={t('intake.removeFile', { name: f.fileName })}
                  >
                    <IconX size={14} />
                  </Button>
                </Group>
              ))}
              <FileButton onChange={upload} accept="application/pdf,image/jpeg,image/png,.docx,.xlsx" multiple>
                {(props) => (
                  <Button {...props} variant="light" leftSection={<IconPaperclip size={16} />} loading={uploading} w="fit-content" data-testid="input-file">
                    {t('action.pickFile')}
                  </Button>
                )}
              </FileButton>
            </Stack>
          )}

          {action === 'mark_result_ready' && (
            <Checkbox label={t('action.paperResult')} checked={paperResult} onChange={(e) => setPaperResult(e.currentTarget.checked)} data-testid="input-paperResult" />
          )}

          {action === 'return_result' && (
            <>
              <Radio.Group label={t('action.returnMethod')} value={returnMethod} onChange={setReturnMethod} required>
                <Group mt={4}>
                  {RETURN_METHODS.map((m) => (
                    <Radio key={m} value={m} label={RETURN_METHOD_LABELS[m][lang]} data-testid={`input-returnMethod-${m}`} />
                  ))}
                </Group>
              </Radio.Group>
              {returnMethod === 'desk' && (
                <>
                  <TextInput label={t('action.collectedBy')} value={collectedBy} onChange={(e) => setCollectedBy(e.currentTarget.value)} required data-testid="input-collectedBy" />
                  <Checkbox label={t('action.byProxy')} checked={byProxy} onChange={(e) => setByProxy(e.currentTarget.checked)} data-testid="input-byProxy" />
                  {byProxy && (
                    <TextInput
                      label={t('action.authorisationNote')}
                      value={authorisationNote}
                      onChange={(e) => setAuthorisationNote(e.currentTarget.value)}
                      required
                      data-testid="input-authorisationNote"
                    />
                  )}
                </>
              )}
              {returnMethod === 'postal' && (
                <>
                  <Textarea
                    label={t('action.postalAddress')}
                    description={t('action.postalAddressHint')}
                    value={postalAddress}
                    onChange={(e) => setPostalAddress(e.currentTarget.value)}
                    required
                    autosize
                    minRows={1}
                    data-testid="input-postalAddress"
                  />
                  <TextInput label={t('action.trackingNumber')} value={trackingNumber} onChange={(e) => setTrackingNumber(e.currentTarget.value)} required data-testid="input-trackingNumber" />
                </>
              )}
            </>
          )}

          {action === 'record_payment' && (
            <>
              <NumberInput label={t('action.amount')} value={amount} onChange={setAmount} min={1} thousandSeparator="." decimalSeparator="," allowDecimal={false} required data-autofocus data-testid="input-amount" />
              <Select
                label={t('action.paymentMethod')}
                data={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m][lang] }))}
                value={paymentMethod}
                onChange={setPaymentMethod}
                required
                allowDeselect={false}
                data-testid="input-paymentMethod"
              />
              <TextInput label={t('action.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid="input-reference" />
            </>
          )}

          <Textarea
            label={t('common.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            required={NOTE_REQUIRED.has(action)}
            autosize
            minRows={NOTE_REQUIRED.has(action) ? 3 : 1}
            data-autofocus={NOTE_REQUIRED.has(action) || def.requires.length === 0 ? true : undefined}
            data-testid="input-note"
          />

          {preview && (
            <Alert color="orange" title={t('action.consequences')} data-testid="action-consequences">
              <Stack gap="xs">
                {preview.consequences.map((c) => (
                  <Text key={c.code} size="sm" data-testid={`consequence-${c.code}`}>
                    {lang === 'en' ? c.messageEn : c.message}
                  </Text>
                ))}
                {preview.requiresConfirmation && (
                  <Checkbox
                    label={t('action.confirmConsequences')}
                    checked={confirmed}
                    onChange={(e) => setConfirmed(e.currentTarget.checked)}
                    data-testid="action-confirm"
                  />
                )}
              </Stack>
            </Alert>
          )}
          {confirm && (
            <Alert color="red" variant="light" data-testid="action-exceptional">
              <Stack gap="xs">
                <Text size="sm" fw={500} data-testid="action-exceptional-question">
                  {t(`plan.confirm.${action}` as UiKey)}
                </Text>
                <Checkbox
                  label={t('plan.confirmTick')}
                  checked={exceptionalConfirmed}
                  onChange={(e) => setExceptionalConfirmed(e.currentTarget.checked)}
                  data-testid="action-exceptional-confirm"
                />
              </Stack>
            </Alert>
          )}
          {clientError && (
            <Alert color="red" role="alert">
              {clientError}
            </Alert>
          )}
          <ErrorAlert error={error} onClose={() => setError(null)} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('action.ctrlEnter')}
            </Text>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={uploading} data-testid="action-submit">
                {ACTION_LABELS[action][lang]}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

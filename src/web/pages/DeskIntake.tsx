/**
 * Desk intake (/tiep-nhan): procedure, checklist of components with scans, applicant, fees, and the three
 * outcomes (receive / request completion / reject). The whole form is a draft in localStorage until it succeeds.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Divider,
  FileButton,
  Grid,
  Group,
  Kbd,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  type ComboboxItem,
  type OptionsFilter,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileX, IconMessageExclamation, IconPaperclip, IconPrinter, IconSearch, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import type { ChannelSpec, DossierComponent } from '../../core/catalog/types.ts';
import { CHANNEL_LABELS, RETURN_METHOD_LABELS } from '../../core/dossier/labels.ts';
import { foldVietnamese } from '../../core/text/fold.ts';
import { api, links, uuid, type Dossier, type ProcedureDetail, type PublicationItem } from '../api.ts';
import { ErrorAlert, lines } from '../components/common.tsx';
import { MissingItemsPicker, missingItemText } from '../components/MissingItemsPicker.tsx';
import { useLang, useSession } from '../context.tsx';
import { fmtDateTime, fmtLimit, fmtMoney } from '../format.ts';

type IntakeAction = 'receive' | 'request_intake_supplement' | 'reject_intake';

interface FileRef {
  sha256: string;
  fileName: string;
}

interface Draft {
  agencyId: string | null;
  procedureCode: string | null;
  channel: 'desk' | 'postal';
  postalHandoverAt: string;
  applicant: { fullName: string; idNumber: string; phone: string; email: string; address: string };
  present: number[];
  files: Record<string, FileRef[]>;
  resultMethod: 'desk' | 'online' | 'postal';
  paidNow: boolean;
  payMethod: 'cash' | 'transfer';
  payReference: string;
  note: string;
  idemKey: string;
}

function emptyDraft(agencyId: string | null): Draft {
  return {
    agencyId,
    procedureCode: null,
    channel: 'desk',
    postalHandoverAt: '',
    applicant: { fullName: '', idNumber: '', phone: '', email: '', address: '' },
    present: [],
    files: {},
    resultMethod: 'desk',
    paidNow: false,
    payMethod: 'cash',
    payReference: '',
    note: '',
    idemKey: uuid(),
  };
}

// Same rules as the API (dossiers.schemas.ts ApplicantSchema).
/** A button whose label wraps onto a second line rather than being cut. */
const WRAP_LABEL = { label: { whiteSpace: 'normal' as const, textAlign: 'left' as const } };

const ID_RE = /^[0-9]{9}$|^[0-9]{12}$/;
const PHONE_RE = /^\+?[0-9 ]{8,15}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function draftKey(userId: string): string {
  return `motcua.intakeDraft.${userId}`;
}

function loadDraft(userId: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(userId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (!d || typeof d !== 'object' || typeof d.idemKey !== 'string') return null;
    return { ...emptyDraft(null), ...d, applicant: { ...emptyDraft(null).applicant, ...d.applicant } } as Draft;
  } catch {
    return null;
  }
}

function isBlank(d: Draft): boolean {
  const a = d.applicant;
  return !d.procedureCode && !a.fullName && !a.idNumber && !a.phone && !a.email && !a.address && !d.note;
}

/** Local datetime (from <input type=datetime-local>) as an instant with the Vietnam offset. */
function vnInstant(local: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+07:00` : undefined;
}

export function DeskIntakePage() {
  const { t, lang, errText } = useLang();
  const session = useSession();
  const userId = session.me?.userId ?? 'anon';
  const agencies = session.agencies('desk_officer');
  const defaultAgency = agencies.length === 1 ? (agencies[0]?.id ?? null) : null;

  const [draft, setDraft] = useState<Draft>(() => loadDraft(userId) ?? emptyDraft(defaultAgency));
  const restored = useRef(false);
  const [pubs, setPubs] = useState<PublicationItem[]>([]);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<IntakeAction | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<{ action: IntakeAction; dossier: Dossier } | null>(null);
  const [suppOpen, setSuppOpen] = useState(false);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [missing, setMissing] = useState<Set<number>>(new Set());
  const [missingOther, setMissingOther] = useState('');
  const [reasons, setReasons] = useState('');
  const [competentBody, setCompetentBody] = useState('');
  const [modalError, setModalError] = useState<string | null>(null);

  // Restored draft notice (once).
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const d = loadDraft(userId);
    if (d && !isBlank(d)) notifications.show({ color: 'blue', message: t('intake.draftRestored') });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Save the draft as the officer types.
  useEffect(() => {
    if (result) return;
    try {
      if (isBlank(draft)) localStorage.removeItem(draftKey(userId));
      else localStorage.setItem(draftKey(userId), JSON.stringify(draft));
    } catch {
      /* storage full or disabled */
    }
  }, [draft, userId, result]);

  const update = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const updateApplicant = (patch: Partial<Draft['applicant']>) => setDraft((d) => ({ ...d, applicant: { ...d.applicant, ...patch } }));

  // Publications of the agency.
  useEffect(() => {
    if (!draft.agencyId) {
      setPubs([]);
      return;
    }
    let alive = true;
    api
      .publications(draft.agencyId)
      .then((p) => alive && setPubs(p.filter((x) => x.publication.active)))
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [draft.agencyId]);

  // The chosen procedure's record.
  useEffect(() => {
    if (!draft.procedureCode) {
      setProcedure(null);
      return;
    }
    let alive = true;
    api
      .procedure(draft.procedureCode)
      .then((p) => alive && setProcedure(p))
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [draft.procedureCode]);

  const procOptions = useMemo(
    () => pubs.map((p) => ({ value: p.procedure.code, label: `${p.procedure.code} — ${p.procedure.name}` })),
    [pubs],
  );
  const procFilter: OptionsFilter = ({ options, search }) => {
    const words = foldVietnamese(search).split(' ').filter(Boolean);
    if (words.length === 0) return options;
    return (options as ComboboxItem[]).filter((o) => {
      const f = foldVietnamese(o.label);
      return words.every((w) => f.includes(w));
    });
  };

  const components: DossierComponent[] = procedure?.record.components ?? [];
  const channelSpec: ChannelSpec | undefined = procedure?.record.channels.find((c) => c.channel === draft.channel);
  const fees = (channelSpec?.fees ?? []).filter((f) => f.amountVnd > 0);
  const feeTotal = fees.reduce((s, f) => s + f.amountVnd, 0);

  // Validation as you type (errors on non-empty values; required fields after a submit attempt).
  const a = draft.applicant;
  const errors = {
    fullName: touched && !a.fullName.trim() ? t('intake.fullName.required') : null,
    idNumber: a.idNumber.trim() && !ID_RE.test(a.idNumber.trim()) ? t('intake.idNumber.invalid') : null,
    phone: a.phone.trim() && !PHONE_RE.test(a.phone.trim()) ? t('intake.phone.invalid') : null,
    email: a.email.trim() && !EMAIL_RE.test(a.email.trim()) ? t('intake.email.invalid') : null,
  };
  const formValid = !!a.fullName.trim() && !errors.idNumber && !errors.phone && !errors.email && !!draft.procedureCode && !!draft.agencyId;

  const lookup = async () => {
    const id = a.idNumber.trim();
    if (!ID_RE.test(id)) return;
    try {
      const found = await api.search(id);
      const newest = [...found]
        .filter((d) => d.applicant.idNumber === id)
        .sort((x, y) => (y.submittedAt ?? y.receivedAt ?? '').localeCompare(x.submittedAt ?? x.receivedAt ?? ''))[0];
      if (!newest) {
        notifications.show({ id: 'applicant-lookup', color: 'gray', message: t('intake.lookup.none') });
        return;
      }
      const ap = newest.applicant;
      updateApplicant({
        fullName: ap.fullName ?? a.fullName,
        phone: ap.phone ?? a.phone,
        email: ap.email ?? a.email,
        address: ap.address ?? a.address,
      });
      notifications.show({ id: 'applicant-lookup', color: 'green', message: t('intake.lookup.found', { code: newest.code ?? newest.id.slice(0, 8) }) });
    } catch (e) {
      setError(e);
    }
  };

  const attach = async (index: number, list: File[] | File | null) => {
    const arr = list === null ? [] : Array.isArray(list) ? list : [list];
    if (arr.length === 0) return;
    setUploading(index);
    setError(null);
    try {
      const refs: FileRef[] = [];
      for (const f of arr) {
        const r = await api.uploadFile(f);
        refs.push({ sha256: r.sha256, fileName: f.name });
      }
      setDraft((d) => ({
        ...d,
        files: { ...d.files, [index]: [...(d.files[index] ?? []), ...refs] },
        present: d.present.includes(index) ? d.present : [...d.present, index],
      }));
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
    }
  };

  const submit = async (action: IntakeAction, input: Record<string, unknown>) => {
    setTouched(true);
    if (!draft.procedureCode || !draft.agencyId) {
      setError({ status: 0, code: 'CLIENT', message: t('intake.pickProcedure'), messageEn: t('intake.pickProcedure') });
      return false;
    }
    if (!formValid) {
      setError({ status: 0, code: 'CLIENT', message: t('intake.fixErrors'), messageEn: t('intake.fixErrors') });
      return false;
    }
    if (busy) return false;
    setBusy(action);
    setError(null);
    const applicant: Record<string, string> = { fullName: a.fullName.trim() };
    for (const k of ['idNumber', 'phone', 'email', 'address'] as const) if (a[k].trim()) applicant[k] = a[k].trim();
    const documents = Object.entries(draft.files).flatMap(([i, refs]) => {
      const c = components[Number(i)];
      return refs.map((r) => ({ kind: 'input' as const, componentCode: c?.code ?? null, componentName: c?.name.slice(0, 1000) ?? null, sha256: r.sha256, fileName: r.fileName }));
    });
    const note = draft.note.trim();
    // Every ticked component goes on the record (and the receipt, Mẫu 01) with the counts received, scanned or not.
    const componentsReceived = [...draft.present]
      .sort((x, y) => x - y)
      .map((i) => components[i])
      .filter((c): c is NonNullable<typeof c> => c !== undefined)
      .map((c) => ({ code: c.code ?? null, name: c.name.slice(0, 1000), originals: Math.max(0, Math.min(99, c.originalCount)), copies: Math.max(0, Math.min(99, c.copyCount)) }));
    try {
      let dossier = await api.createDossier(
        {
          agencyId: draft.agencyId,
          procedureCode: draft.procedureCode,
          channel: draft.channel,
          action,
          applicant: applicant as { fullName: string },
          resultMethod: draft.resultMethod,
          ...(draft.channel === 'postal' && vnInstant(draft.postalHandoverAt) ? { postalHandoverAt: vnInstant(draft.postalHandoverAt) } : {}),
          documents,
          fees: action === 'receive' ? fees.map((f) => ({ kind: f.kind, description: f.description.slice(0, 1000), amountVnd: f.amountVnd })) : [],
          input: { ...input, ...(note ? { note } : {}), ...(action !== 'reject_intake' && componentsReceived.length > 0 ? { componentsReceived } : {}) },
        },
        draft.idemKey,
      );
      if (action === 'receive' && draft.paidNow && feeTotal > 0 && dossier.paidTotal < feeTotal) {
        try {
          dossier = await api.act(dossier.id, 'record_payment', dossier.version, {
            amount: feeTotal - dossier.paidTotal,
            paymentMethod: draft.payMethod === 'cash' ? 'desk' : 'bank_transfer',
            ...(draft.payReference.trim() ? { reference: draft.payReference.trim() } : {}),
          });
        } catch (e) {
          notifications.show({ color: 'red', title: t('common.error'), message: errText(e) });
        }
      }
      try {
        localStorage.removeItem(draftKey(userId));
      } catch {
        /* ignore */
      }
      setResult({ action, dossier });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const receive = () => void submit('receive', {});
  const openSupp = () => {
    setModalError(null);
    setMissing(new Set(components.map((c, i) => (c.required && !draft.present.includes(i) ? i : -1)).filter((i) => i >= 0)));
    setSuppOpen(true);
  };
  const openReject = () => {
    setModalError(null);
    setRejectOpen(true);
  };
  const confirmSupp = async () => {
    const items = [...[...missing].sort((x, y) => x - y).map((i) => missingItemText(components[i]?.name ?? '')), ...lines(missingOther)].filter(Boolean);
    if (items.length === 0) {
      setModalError(t('intake.missing.none'));
      return;
    }
    if (await submit('request_intake_supplement', { missingItems: items })) setSuppOpen(false);
  };
  const confirmReject = async () => {
    const rs = lines(reasons);
    if (rs.length === 0) {
      setModalError(t('intake.reasons.none'));
      return;
    }
    if (await submit('reject_intake', { reasons: rs, ...(competentBody.trim() ? { competentBody: competentBody.trim() } : {}) })) setRejectOpen(false);
  };

  const modalOpen = suppOpen || rejectOpen;
  useHotkeys(
    [
      ['alt+1', () => !modalOpen && !result && receive()],
      ['alt+2', () => !modalOpen && !result && openSupp()],
      ['alt+3', () => !modalOpen && !result && openReject()],
      ['mod+Enter', () => !modalOpen && !result && receive()],
    ],
    [],
  );
  const modalKeys = (confirm: () => void) => (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      confirm();
    }
  };

  const startNew = () => {
    setResult(null);
    setTouched(false);
    setError(null);
    setMissing(new Set());
    setMissingOther('');
    setReasons('');
    setCompetentBody('');
    setDraft({ ...emptyDraft(draft.agencyId), channel: draft.channel });
  };

  if (result) return <IntakeResult result={result} onNew={startNew} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('intake.title')}
        </Title>
        <Group gap="xs" aria-label={t('common.shortcuts')} data-testid="shortcut-hint">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">1</Kbd> {t('intake.receive')} · <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">2</Kbd> {t('intake.requestSupplement')} ·{' '}
            <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">3</Kbd> {t('intake.reject')} · <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> {t('intake.receive')}
          </Text>
        </Group>
      </Group>

      <Card withBorder padding="sm">
        <Grid gap="sm" align="flex-end">
          {agencies.length > 1 && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t('intake.agency')}
                data={agencies.map((ag) => ({ value: ag.id, label: ag.name }))}
                value={draft.agencyId}
                onChange={(v) => update({ agencyId: v, procedureCode: null, present: [], files: {} })}
                allowDeselect={false}
                required
                data-testid="intake-agency"
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, md: agencies.length > 1 ? 5 : 8 }}>
            <Select
              label={t('intake.procedure')}
              placeholder={t('intake.procedure.placeholder')}
              data={procOptions}
              value={draft.procedureCode}
              onChange={(v) => update({ procedureCode: v, present: [], files: {} })}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': `${t('common.delete')}: ${t('intake.procedure')}` }}
              filter={procFilter}
              limit={50}
              maxDropdownHeight={360}
              nothingFoundMessage={t('intake.procedure.empty')}
              required
              error={touched && !draft.procedureCode ? t('intake.pickProcedure') : undefined}
              data-testid="intake-procedure"
              autoFocus
              // Focused on arrival: the list opens when the officer types or clicks, not over the page.
              openOnFocus={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: agencies.length > 1 ? 3 : 4 }}>
            <Select
              label={t('intake.channel')}
              data={(['desk', 'postal'] as const).map((c) => ({ value: c, label: CHANNEL_LABELS[c][lang] }))}
              value={draft.channel}
              onChange={(v) => update({ channel: v === 'postal' ? 'postal' : 'desk' })}
              allowDeselect={false}
              data-testid="intake-channel"
            />
          </Grid.Col>
          {draft.channel === 'postal' && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput
                type="datetime-local"
                label={t('intake.postalHandover')}
                value={draft.postalHandoverAt}
                onChange={(e) => update({ postalHandoverAt: e.currentTarget.value })}
                data-testid="intake-postal-handover"
              />
            </Grid.Col>
          )}
        </Grid>
        {procedure && (
          <Group gap="lg" mt="sm" data-testid="procedure-info">
            <Text size="sm">
              <b>{t('dossier.limit')}:</b> {channelSpec ? fmtLimit(channelSpec.limit, lang) : t('intake.channelNotOffered')}
            </Text>
            <Text size="sm">
              <b>{t('dossier.fees')}:</b> {feeTotal > 0 ? fmtMoney(feeTotal, lang) : t('common.free')}
            </Text>
            <Text size="sm">
              <b>{t('dossier.channel')}:</b> {procedure.record.channels.map((c) => CHANNEL_LABELS[c.channel][lang]).join(', ')}
            </Text>
            {procedure.fieldName && (
              <Text size="sm">
                <b>{t('pub.field')}:</b> {procedure.fieldName}
              </Text>
            )}
          </Group>
        )}
      </Card>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="sm">
            <Title order={2} size="h4">
              {t('intake.checklist')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('intake.checklist.hint')}
            </Text>
            {!procedure ? (
              <Text size="sm" c="dimmed">
                {t('intake.pickProcedure')}
              </Text>
            ) : components.length === 0 ? (
              <Alert color="yellow">{t('intake.noComponents')}</Alert>
            ) : (
              <Stack gap={0} data-testid="intake-checklist">
                {components.map((c, i) => {
                  const header = c.caseName && c.caseName !== components[i - 1]?.caseName ? c.caseName : null;
                  const files = draft.files[i] ?? [];
                  return (
                    <div key={i}>
                      {header && (
                        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" mb={4}>
                          {header}
                        </Text>
                      )}
                      <Group align="flex-start" wrap="nowrap" gap="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                        <Checkbox
                          mt={3}
                          checked={draft.present.includes(i)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setDraft((d) => ({ ...d, present: on ? [...d.present, i] : d.present.filter((x) => x !== i) }));
                          }}
                          aria-label={c.name}
                          data-testid={`component-${i}`}
                        />
                        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                          <Text size="sm" lineClamp={3} title={c.name}>
                            {c.name}
                          </Text>
                          <Group gap={6}>
                            {c.required && (
                              <Badge size="xs" color="red" variant="light" style={{ textTransform: 'none' }}>
                                {t('intake.component.required')}
                              </Badge>
                            )}
                            {(c.originalCount > 0 || c.copyCount > 0) && (
                              <Badge size="xs" color="gray" variant="light" style={{ textTransform: 'none' }}>
                                {t('intake.component.counts', { o: c.originalCount, c: c.copyCount })}
                              </Badge>
                            )}
                            {c.hasEForm && (
                              <Badge size="xs" color="blue" variant="light" style={{ textTransform: 'none' }}>
                                {t('intake.component.eform')}
                              </Badge>
                            )}
                            {files.map((f, j) => (
                              <Badge
                                key={`${f.sha256}-${j}`}
                                size="sm"
                                variant="outline"
                                leftSection={<IconPaperclip size={12} aria-hidden />}
                                rightSection={
                                  <IconX
                                    size={12}
                                    role="button"
                                    tabIndex={0}
                                    aria-label={t('intake.removeFile', { name: f.fileName })}
                                    style={{ cursor: 'pointer' }}
                                    onClick={() => setDraft((d) => ({ ...d, files: { ...d.files, [i]: (d.files[i] ?? []).filter((_, k) => k !== j) } }))}
                                    onKeyDown={(e) => {
                                      if (e.key === 'Enter' || e.key === ' ') setDraft((d) => ({ ...d, files: { ...d.files, [i]: (d.files[i] ?? []).filter((_, k) => k !== j) } }));
                                    }}
                                  />
                                }
                                style={{ textTransform: 'none' }}
                              >
                                {f.fileName}
                              </Badge>
                            ))}
                          </Group>
                        </Stack>
                        <FileButton onChange={(f) => void attach(i, f)} accept="application/pdf,image/jpeg,image/png" multiple>
                          {(props) => (
                            <Button
                              {...props}
                              size="compact-sm"
                              variant="light"
                              leftSection={<IconPaperclip size={14} aria-hidden />}
                              loading={uploading === i}
                              aria-label={`${t('intake.attach')}: ${c.name.slice(0, 80)}`}
                              data-testid={`attach-${i}`}
                            >
                              {t('intake.attach')}
                            </Button>
                          )}
                        </FileButton>
                      </Group>
                    </div>
                  );
                })}
              </Stack>
            )}
            {/* Notes of the components section ("* Lưu ý", "+ Người tiếp nhận có trách nhiệm…"): read, never ticked. */}
            {(procedure?.record.notes ?? []).length > 0 && (
              <details style={{ marginTop: 8 }} data-testid="intake-notes">
                <summary>
                  <Text span size="sm" fw={600}>
                    {t('intake.notes', { n: procedure!.record.notes!.length })}
                  </Text>
                </summary>
                <Stack gap={4} mt={4}>
                  {procedure!.record.notes!.map((n, i) => (
                    <Text key={i} size="xs" c="dimmed">
                      {n.text}
                    </Text>
                  ))}
                </Stack>
              </details>
            )}
          </Card>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder padding="sm">
              <Title order={2} size="h4" mb="xs">
                {t('intake.applicantTitle')}
              </Title>
              <Stack gap="xs">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('intake.idNumber')}
                    description={t('intake.idNumber.hint')}
                    value={a.idNumber}
                    onChange={(e) => updateApplicant({ idNumber: e.currentTarget.value.replace(/[^0-9]/g, '').slice(0, 12) })}
                    onBlur={() => {
                      if (ID_RE.test(a.idNumber) && !a.fullName.trim()) void lookup();
                    }}
                    error={errors.idNumber}
                    inputMode="numeric"
                    autoComplete="off"
                    data-testid="applicant-idNumber"
                  />
                  <Button
                    mt={46}
                    variant="default"
                    leftSection={<IconSearch size={14} aria-hidden />}
                    onClick={() => void lookup()}
                    disabled={!ID_RE.test(a.idNumber)}
                    data-testid="applicant-lookup"
                  >
                    {t('intake.lookup')}
                  </Button>
                </Group>
                <TextInput
                  label={t('intake.fullName')}
                  value={a.fullName}
                  onChange={(e) => updateApplicant({ fullName: e.currentTarget.value })}
                  error={errors.fullName}
                  required
                  autoComplete="off"
                  data-testid="applicant-fullName"
                />
                <Group grow align="flex-start">
                  <TextInput
                    label={t('intake.phone')}
                    value={a.phone}
                    onChange={(e) => updateApplicant({ phone: e.currentTarget.value })}
                    error={errors.phone}
                    inputMode="tel"
                    autoComplete="off"
                    data-testid="applicant-phone"
                  />
                  <TextInput
                    label={t('intake.email')}
                    value={a.email}
                    onChange={(e) => updateApplicant({ email: e.currentTarget.value })}
                    error={errors.email}
                    type="email"
                    autoComplete="off"
                    data-testid="applicant-email"
                  />
                </Group>
                <TextInput label={t('intake.address')} value={a.address} onChange={(e) => updateApplicant({ address: e.currentTarget.value })} autoComplete="off" data-testid="applicant-address" />
                <Radio.Group label={t('intake.resultMethod')} value={draft.resultMethod} onChange={(v) => update({ resultMethod: v as Draft['resultMethod'] })}>
                  <Group mt={4} gap="md">
                    {(['desk', 'online', 'postal'] as const).map((m) => (
                      <Radio key={m} value={m} label={RETURN_METHOD_LABELS[m][lang]} />
                    ))}
                  </Group>
                </Radio.Group>
              </Stack>
            </Card>

            <Card withBorder padding="sm">
              <Title order={2} size="h4" mb="xs">
                {t('intake.fees')}
              </Title>
              {fees.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('intake.fees.none')}
                </Text>
              ) : (
                <Stack gap={6} data-testid="intake-fees">
                  {fees.map((f, i) => (
                    <Group key={i} justify="space-between" wrap="nowrap" align="flex-start">
                      <Text size="sm" lineClamp={2} title={f.description} style={{ flex: 1 }}>
                        {f.description}
                      </Text>
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {fmtMoney(f.amountVnd, lang)}
                      </Text>
                    </Group>
                  ))}
                  <Divider />
                  <Text size="sm" fw={700}>
                    {t('intake.fees.total', { amount: fmtMoney(feeTotal, lang) })}
                  </Text>
                  <Checkbox label={t('intake.fees.paidNow')} checked={draft.paidNow} onChange={(e) => update({ paidNow: e.currentTarget.checked })} data-testid="intake-paid" />
                  {draft.paidNow && (
                    <Group grow align="flex-start">
                      <Radio.Group label={t('intake.fees.method')} value={draft.payMethod} onChange={(v) => update({ payMethod: v === 'transfer' ? 'transfer' : 'cash' })}>
                        <Group mt={4}>
                          <Radio value="cash" label={t('intake.fees.cash')} />
                          <Radio value="transfer" label={t('intake.fees.transfer')} />
                        </Group>
                      </Radio.Group>
                      <TextInput label={t('intake.fees.reference')} value={draft.payReference} onChange={(e) => update({ payReference: e.currentTarget.value })} />
                    </Group>
                  )}
                </Stack>
              )}
            </Card>

            <Card withBorder padding="sm">
              <Title order={2} size="h4" mb="xs">
                {t('intake.outcomes')}
              </Title>
              <Stack gap="sm">
                <Textarea label={t('intake.note')} value={draft.note} onChange={(e) => update({ note: e.currentTarget.value })} autosize minRows={1} data-testid="intake-note" />
                <ErrorAlert error={error} onClose={() => setError(null)} />
                {/* The usual outcome on its own row; the two exceptional ones below it, each label whole (1366×768). */}
                <Button fullWidth color="green" leftSection={<IconCheck size={16} aria-hidden />} onClick={receive} loading={busy === 'receive'} disabled={busy !== null} data-testid="intake-receive" aria-keyshortcuts="Alt+1 Control+Enter">
                  {t('intake.receive')}
                </Button>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <Button color="orange" variant="light" h="auto" mih={36} py={6} styles={WRAP_LABEL} leftSection={<IconMessageExclamation size={16} aria-hidden />} onClick={openSupp} disabled={busy !== null} data-testid="intake-request-supplement" aria-keyshortcuts="Alt+2">
                    {t('intake.requestSupplement')}
                  </Button>
                  <Button color="red" variant="light" h="auto" mih={36} py={6} styles={WRAP_LABEL} leftSection={<IconFileX size={16} aria-hidden />} onClick={openReject} disabled={busy !== null} data-testid="intake-reject" aria-keyshortcuts="Alt+3">
                    {t('intake.reject')}
                  </Button>
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button variant="subtle" size="compact-sm" color="gray" onClick={startNew} data-testid="intake-clear">
                    {t('intake.clear')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal opened={suppOpen} onClose={() => setSuppOpen(false)} title={t('intake.missing.title')} size="lg">
        <Stack gap="sm" data-testid="modal-request-supplement" onKeyDown={modalKeys(() => void confirmSupp())}>
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
          {modalError && (
            <Alert color="red" role="alert">
              {modalError}
            </Alert>
          )}
          <ErrorAlert error={error} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('action.ctrlEnter')}
            </Text>
            <Group>
              <Button variant="default" onClick={() => setSuppOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" onClick={() => void confirmSupp()} loading={busy === 'request_intake_supplement'} data-testid="confirm-request-supplement">
                {t('intake.requestSupplement')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={rejectOpen} onClose={() => setRejectOpen(false)} title={t('intake.reject.title')} size="lg">
        <Stack gap="sm" data-testid="modal-reject" onKeyDown={modalKeys(() => void confirmReject())}>
          <Textarea
            label={t('intake.reject.reasons')}
            description={t('common.onePerLine')}
            value={reasons}
            onChange={(e) => setReasons(e.currentTarget.value)}
            autosize
            minRows={3}
            required
            data-autofocus
            data-testid="input-reasons"
          />
          <TextInput label={t('intake.reject.competentBody')} value={competentBody} onChange={(e) => setCompetentBody(e.currentTarget.value)} data-testid="input-competentBody" />
          {modalError && (
            <Alert color="red" role="alert">
              {modalError}
            </Alert>
          )}
          <ErrorAlert error={error} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('action.ctrlEnter')}
            </Text>
            <Group>
              <Button variant="default" onClick={() => setRejectOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => void confirmReject()} loading={busy === 'reject_intake'} data-testid="confirm-reject">
                {t('intake.reject')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function IntakeResult({ result, onNew }: { result: { action: IntakeAction; dossier: Dossier }; onNew: () => void }) {
  const { t, lang } = useLang();
  const d = result.dossier;
  const title = result.action === 'receive' ? t('intake.received.title') : result.action === 'request_intake_supplement' ? t('intake.supplement.title') : t('intake.rejected.title');
  const slip = result.action === 'receive' ? 'receipt' : result.action === 'request_intake_supplement' ? 'supplement_request' : 'refusal';
  useHotkeys([['mod+Enter', onNew]], []);
  return (
    <Stack maw={720} gap="md" data-testid="intake-result" data-outcome={result.action}>
      <Alert color={result.action === 'receive' ? 'green' : result.action === 'reject_intake' ? 'red' : 'orange'} title={title} role="status">
        <Stack gap="xs">
          {d.code && (
            <Group gap="xs">
              <Text>{t('dossier.code')}:</Text>
              <Text ff="monospace" fw={700} size="xl" data-testid="dossier-code">
                {d.code}
              </Text>
            </Group>
          )}
          {result.action === 'receive' && (
            <Text>
              {t('intake.received.appointment')}: <b data-testid="appointment-date">{fmtDateTime(d.dueAt, lang)}</b>
            </Text>
          )}
          <Text size="sm">
            {t('dossier.applicant')}: {d.applicant.fullName} · {d.procedureName}
          </Text>
          {result.action === 'receive' && (
            <Text size="sm">
              {t('dossier.trackingSecret')}: <span style={{ fontFamily: 'monospace' }}>{d.trackingSecret}</span>
            </Text>
          )}
        </Stack>
      </Alert>
      <Group>
        <Button component="a" href={links.slip(d.id, slip)} target="_blank" rel="noopener" leftSection={<IconPrinter size={16} aria-hidden />} data-testid={`print-${slip}`}>
          {result.action === 'receive' ? t('intake.printReceipt') : t('intake.printSlip')}
        </Button>
        <Button component={Link} to={`/ho-so/${d.id}`} variant="default" data-testid="open-dossier">
          {t('dossier.open')}
        </Button>
        <Button variant="light" onClick={onNew} autoFocus data-testid="intake-new">
          {t('intake.new')}
        </Button>
      </Group>
      <Anchor size="sm" href={`/tra-cuu?code=${encodeURIComponent(d.code ?? '')}&secret=${encodeURIComponent(d.trackingSecret)}`} target="_blank" hidden={!d.code}>
        {t('nav.track')}
      </Anchor>
    </Stack>
  );
}

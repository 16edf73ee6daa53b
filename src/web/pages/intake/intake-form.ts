/**
 * The form state of the desk intake (/tiep-nhan), without React: the draft kept in localStorage per officer, the
 * blank check, the applicant's field checks (the API's rules, dossiers.schemas.ts ApplicantSchema), the draft's
 * edits (ticks, scans), and what the three outcomes send (receive / request completion / reject) and the payment
 * recorded right after a receipt. The page and its cards hold the draft in state and call these.
 */
import type { ChannelSpec, DossierComponent, ProcedureFee } from '../../../core/catalog/types.ts';
import type { UiKey } from '../../../core/i18n/ui.ts';
import type { CreateDossierBody, Dossier } from '../../api.ts';
import { lines } from '../../components/common.tsx';
import { missingItemText } from '../../components/MissingItemsPicker.tsx';
import { applicantFieldValid } from '../../../core/dossier/applicant.ts';

export type IntakeAction = CreateDossierBody['action'];

/** A scan already uploaded to the file store. */
export interface FileRef {
  sha256: string;
  fileName: string;
}

export interface ApplicantDraft {
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

export interface Draft {
  agencyId: string | null;
  procedureCode: string | null;
  channel: 'desk' | 'postal';
  /** <input type=datetime-local> value, Vietnam time. */
  postalHandoverAt: string;
  applicant: ApplicantDraft;
  /** Indices of the components the officer ticked as received. */
  present: number[];
  /** Scans per component index. */
  files: Record<string, FileRef[]>;
  resultMethod: 'desk' | 'online' | 'postal';
  paidNow: boolean;
  payMethod: 'cash' | 'transfer';
  payReference: string;
  note: string;
  /** The Idempotency-Key of the intake request: fixed when the draft starts, so a retry cannot make two dossiers. */
  idemKey: string;
}

export function emptyDraft(agencyId: string | null, idemKey: string): Draft {
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
    idemKey,
  };
}

/** The draft after an outcome: empty, on the same agency and channel, with a new Idempotency-Key. */
export function nextDraft(previous: Draft, idemKey: string): Draft {
  return { ...emptyDraft(previous.agencyId, idemKey), channel: previous.channel };
}

// ---------------------------------------------------------------------------------------------------------------
// The draft in localStorage

/** The part of `Storage` the draft needs (localStorage in the browser). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or `null` where reading it throws (storage disabled) or there is none. */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function draftKey(userId: string): string {
  return `motcua.intakeDraft.${userId}`;
}

/**
 * A stored draft (the text kept in localStorage), completed with an empty draft's fields for what it lacks;
 * `null` when there is none, it is unreadable or it has no Idempotency-Key.
 */
export function parseDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<Draft> | null;
    if (!d || typeof d !== 'object' || typeof d.idemKey !== 'string') return null;
    const empty = emptyDraft(null, d.idemKey);
    return { ...empty, ...d, applicant: { ...empty.applicant, ...d.applicant } } as Draft;
  } catch {
    return null;
  }
}

/** The officer's stored draft, or `null` (none, unreadable, or storage disabled). */
export function loadDraft(storage: DraftStorage | null, userId: string): Draft | null {
  try {
    return parseDraft(storage?.getItem(draftKey(userId)) ?? null);
  } catch {
    return null;
  }
}

/** Keeps the draft (a blank one is removed instead); a full or disabled storage is ignored. */
export function saveDraft(storage: DraftStorage | null, userId: string, draft: Draft): void {
  try {
    if (isBlank(draft)) storage?.removeItem(draftKey(userId));
    else storage?.setItem(draftKey(userId), JSON.stringify(draft));
  } catch {
    /* storage full or disabled: the form still works */
  }
}

export function clearDraft(storage: DraftStorage | null, userId: string): void {
  try {
    storage?.removeItem(draftKey(userId));
  } catch {
    /* ignore */
  }
}

/** Nothing typed yet (ticks and scans alone do not make a draft worth restoring). */
export function isBlank(d: Draft): boolean {
  const a = d.applicant;
  return !d.procedureCode && !a.fullName && !a.idNumber && !a.phone && !a.email && !a.address && !d.note;
}

// ---------------------------------------------------------------------------------------------------------------
// Edits of the draft

export function setPresent(d: Draft, index: number, on: boolean): Draft {
  return { ...d, present: on ? (d.present.includes(index) ? d.present : [...d.present, index]) : d.present.filter((x) => x !== index) };
}

/** Scans added to a component also tick it as received. */
export function addFiles(d: Draft, index: number, refs: readonly FileRef[]): Draft {
  return {
    ...d,
    files: { ...d.files, [index]: [...(d.files[index] ?? []), ...refs] },
    present: d.present.includes(index) ? d.present : [...d.present, index],
  };
}

export function removeFile(d: Draft, index: number, fileIndex: number): Draft {
  return { ...d, files: { ...d.files, [index]: (d.files[index] ?? []).filter((_, k) => k !== fileIndex) } };
}

/** Another agency or procedure: the ticks and scans belong to the old checklist and are dropped. */
export function pickProcedure(d: Draft, procedureCode: string | null): Draft {
  return { ...d, procedureCode, present: [], files: {} };
}

export function pickAgency(d: Draft, agencyId: string | null): Draft {
  return { ...d, agencyId, procedureCode: null, present: [], files: {} };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks


/** What the ID field keeps of a keystroke: digits only, at most 12. */
export const idNumberInput = (s: string) => s.replace(/[^0-9]/g, '').slice(0, 12);

export type ApplicantErrors = Record<'fullName' | 'idNumber' | 'phone' | 'email', UiKey | null>;

/**
 * The applicant's problems as catalogue keys: a malformed ID, phone or e-mail as soon as it is typed; the missing
 * name only after a submit attempt (`touched`).
 */
export function applicantErrors(a: ApplicantDraft, touched: boolean): ApplicantErrors {
  const id = a.idNumber.trim();
  const phone = a.phone.trim();
  const email = a.email.trim();
  return {
    fullName: touched && !a.fullName.trim() ? 'intake.fullName.required' : null,
    // The API's own rules (core/dossier/applicant.ts): the form never accepts what the server then refuses.
    idNumber: id && !applicantFieldValid('idNumber', id) ? 'intake.idNumber.invalid' : null,
    phone: phone && !applicantFieldValid('phone', phone) ? 'intake.phone.invalid' : null,
    email: email && !applicantFieldValid('email', email) ? 'intake.email.invalid' : null,
  };
}

/** The problem that stops a submission (a catalogue key), or `null` when the draft can be sent. */
export function submitProblem(d: Draft): UiKey | null {
  if (!d.procedureCode || !d.agencyId) return 'intake.pickProcedure';
  const e = applicantErrors(d.applicant, true);
  if (e.fullName || e.idNumber || e.phone || e.email) return 'intake.fixErrors';
  return null;
}

/** Local datetime (from <input type=datetime-local>) as an instant with the Vietnam offset. */
export function vnInstant(local: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+07:00` : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The procedure

/** The fees charged on a channel (zero-amount lines left out) and their total. */
export function channelFees(spec: ChannelSpec | undefined): { fees: ProcedureFee[]; total: number } {
  const fees = (spec?.fees ?? []).filter((f) => f.amountVnd > 0);
  return { fees, total: fees.reduce((s, f) => s + f.amountVnd, 0) };
}

/** Every word of the search (folded) appears in the folded label. */
export function matchesAllWords(foldedLabel: string, foldedSearch: string): boolean {
  const words = foldedSearch.split(' ').filter(Boolean);
  return words.every((w) => foldedLabel.includes(w));
}

/** The newest earlier dossier of this ID number (by submission, else receipt), to prefill the applicant. */
export function newestDossierOf<D extends Pick<Dossier, 'applicant' | 'submittedAt' | 'receivedAt'>>(found: readonly D[], idNumber: string): D | undefined {
  return [...found]
    .filter((d) => d.applicant.idNumber === idNumber)
    .sort((x, y) => (y.submittedAt ?? y.receivedAt ?? '').localeCompare(x.submittedAt ?? x.receivedAt ?? ''))[0];
}

/** The applicant's known details over what is typed (what is unknown stays as typed). */
export function prefillApplicant(a: ApplicantDraft, known: Dossier['applicant']): Partial<ApplicantDraft> {
  return {
    fullName: known.fullName ?? a.fullName,
    phone: known.phone ?? a.phone,
    email: known.email ?? a.email,
    address: known.address ?? a.address,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What the outcomes send

/** The required components not ticked: pre-checked as missing when the supplement request opens. */
export function initialMissing(components: readonly DossierComponent[], present: readonly number[]): Set<number> {
  return new Set(components.flatMap((c, i) => (c.required && !present.includes(i) ? [i] : [])));
}

/** The supplement request's input (every missing item in one request), or `null` when nothing is named. */
export function supplementInput(components: readonly DossierComponent[], missing: ReadonlySet<number>, other: string): { missingItems: string[] } | null {
  const items = [...[...missing].sort((x, y) => x - y).map((i) => missingItemText(components[i]?.name ?? '')), ...lines(other)].filter(Boolean);
  return items.length > 0 ? { missingItems: items } : null;
}

/** The refusal's input (one reason a line, the competent body when given), or `null` without a reason. */
export function rejectInput(reasons: string, competentBody: string): { reasons: string[]; competentBody?: string } | null {
  const rs = lines(reasons);
  if (rs.length === 0) return null;
  return { reasons: rs, ...(competentBody.trim() ? { competentBody: competentBody.trim() } : {}) };
}

const clampCount = (n: number) => Math.max(0, Math.min(99, n));

/**
 * The body of `POST /api/dossiers` for an outcome (the draft must have passed `submitProblem`): the applicant
 * trimmed with empty fields left out; every scan as an input document of its component; every ticked component with
 * the counts received, scanned or not (the receipt, Mẫu 01, lists them; not on a refusal); the fees on a receipt
 * only; the note and the outcome's own input.
 */
export function intakeBody(
  draft: Draft & { agencyId: string; procedureCode: string },
  action: IntakeAction,
  input: Record<string, unknown>,
  components: readonly DossierComponent[],
  fees: readonly ProcedureFee[],
): CreateDossierBody {
  const a = draft.applicant;
  const applicant: CreateDossierBody['applicant'] = { fullName: a.fullName.trim() };
  for (const k of ['idNumber', 'phone', 'email', 'address'] as const) if (a[k].trim()) applicant[k] = a[k].trim();
  const documents = Object.entries(draft.files).flatMap(([i, refs]) => {
    const c = components[Number(i)];
    return refs.map((r) => ({ kind: 'input' as const, componentCode: c?.code ?? null, componentName: c?.name.slice(0, 1000) ?? null, sha256: r.sha256, fileName: r.fileName }));
  });
  const note = draft.note.trim();
  const componentsReceived = [...draft.present]
    .sort((x, y) => x - y)
    .map((i) => components[i])
    .filter((c): c is DossierComponent => c !== undefined)
    .map((c) => ({ code: c.code ?? null, name: c.name.slice(0, 1000), originals: clampCount(c.originalCount), copies: clampCount(c.copyCount) }));
  const handover = draft.channel === 'postal' ? vnInstant(draft.postalHandoverAt) : undefined;
  return {
    agencyId: draft.agencyId,
    procedureCode: draft.procedureCode,
    channel: draft.channel,
    action,
    applicant,
    resultMethod: draft.resultMethod,
    ...(handover ? { postalHandoverAt: handover } : {}),
    documents,
    fees: action === 'receive' ? fees.map((f) => ({ kind: f.kind, description: f.description.slice(0, 1000), amountVnd: f.amountVnd })) : [],
    input: { ...input, ...(note ? { note } : {}), ...(action !== 'reject_intake' && componentsReceived.length > 0 ? { componentsReceived } : {}) },
  };
}

/**
 * The `record_payment` input when the officer ticked "paid now" on a receipt with fees still unpaid, else `null`.
 */
export function paymentInput(draft: Draft, action: IntakeAction, feeTotal: number, paidTotal: number): { amount: number; paymentMethod: 'desk' | 'bank_transfer'; reference?: string } | null {
  if (action !== 'receive' || !draft.paidNow || feeTotal <= 0 || paidTotal >= feeTotal) return null;
  const reference = draft.payReference.trim();
  return { amount: feeTotal - paidTotal, paymentMethod: draft.payMethod === 'cash' ? 'desk' : 'bank_transfer', ...(reference ? { reference } : {}) };
}

/** The slip printed after an outcome. */
export function outcomeSlip(action: IntakeAction): 'receipt' | 'supplement_request' | 'refusal' {
  return action === 'receive' ? 'receipt' : action === 'request_intake_supplement' ? 'supplement_request' : 'refusal';
}

/** A modal's Ctrl/⌘+Enter: confirms it, and goes no further (the page's own Ctrl+Enter would receive). */
export function confirmOnModEnter(confirm: () => void) {
  return (e: { ctrlKey: boolean; metaKey: boolean; key: string; preventDefault: () => void; stopPropagation: () => void }) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      confirm();
    }
  };
}

/**
 * The pure logic of the document office's screens (/van-ban): which queue tab asks which query, which action
 * buttons a document shows (the API's allowedActions, in the machine's order, for the document's direction), and
 * the forms: what is checked before sending and the exact body sent. No React, no I/O (logic.test.ts).
 */
import {
  CONFIDENTIALITY_LEVELS,
  DOCUMENT_KIND_NAMES,
  INCOMING_ACTIONS,
  OUTGOING_ACTIONS,
  URGENCY_LEVELS,
  type Confidentiality,
  type DocumentAction,
  type DocumentKind,
  type DocumentQueue,
  type Urgency,
} from '../../../core/documents/index.ts';

// ---- queue tabs

export const INCOMING_TABS = ['to_direct', 'assigned_to_me', 'due_soon', 'overdue', 'done', 'all'] as const;
export type IncomingTab = (typeof INCOMING_TABS)[number];
export const OUTGOING_TABS = ['drafts', 'to_sign', 'to_number', 'to_seal', 'to_send', 'done', 'all'] as const;
export type OutgoingTab = (typeof OUTGOING_TABS)[number];

export interface SearchForm {
  number: string;
  q: string;
  sender: string;
}
export const EMPTY_SEARCH: SearchForm = { number: '', q: '', sender: '' };

export interface ListQuery {
  direction: 'incoming' | 'outgoing';
  queue?: DocumentQueue;
  number?: string;
  q?: string;
  sender?: string;
  cursor?: string;
  limit: number;
}

export const PAGE_SIZE = 20;

/** The GET /api/documents query of a tab, the search fields (trimmed; empty ones left out) and the cursor. */
export function listQuery(direction: 'incoming' | 'outgoing', tab: IncomingTab | OutgoingTab, search: SearchForm = EMPTY_SEARCH, cursor?: string | null): ListQuery {
  const q: ListQuery = { direction, limit: PAGE_SIZE };
  if (tab !== 'all') q.queue = tab;
  const number = search.number.trim();
  const text = search.q.trim();
  const sender = search.sender.trim();
  if (number) q.number = number;
  if (text) q.q = text;
  if (sender && direction === 'incoming') q.sender = sender;
  if (cursor) q.cursor = cursor;
  return q;
}

/** A tab name read from the address (?tab=…), or the default tab. */
export function tabFrom<T extends string>(tabs: readonly T[], raw: string | null, fallback: T): T {
  return raw !== null && (tabs as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

// ---- actions

/** The API path segment of each action (POST /api/documents/:id/<path>). */
export const ACTION_PATHS: Record<Exclude<DocumentAction, 'register' | 'draft'>, string> = {
  direct: 'direct',
  assign: 'assign',
  process: 'process',
  reply: 'reply',
  close: 'close',
  submit: 'submit',
  revise: 'revise',
  comment: 'comment',
  return: 'return',
  approve_sign: 'approve-sign',
  issue_number: 'issue-number',
  seal: 'seal',
  send: 'send',
};
export type UiAction = keyof typeof ACTION_PATHS;

/** Actions whose buttons are the main ones (the step forward); the rest are secondary. */
const PRIMARY: ReadonlySet<UiAction> = new Set(['direct', 'reply', 'submit', 'approve_sign', 'issue_number', 'seal', 'send']);

export interface ActionButton {
  action: UiAction;
  path: string;
  primary: boolean;
}

/**
 * The buttons a document shows: the actions the API says the signed-in user may take now (`allowedActions`, from
 * the same core guard as the action itself), only those of the document's direction, in the machine's order.
 */
export function actionButtons(doc: { direction: 'incoming' | 'outgoing'; allowedActions: readonly string[] }): ActionButton[] {
  const order: readonly string[] = doc.direction === 'incoming' ? INCOMING_ACTIONS : OUTGOING_ACTIONS;
  const allowed = new Set(doc.allowedActions);
  return order
    .filter((a): a is UiAction => a in ACTION_PATHS && allowed.has(a))
    .map((a) => ({ action: a, path: ACTION_PATHS[a], primary: PRIMARY.has(a) }));
}

// ---- forms

export type FieldErrors<K extends string> = Partial<Record<K, 'required' | 'invalid' | 'fileType'>>;
export type Checked<B, K extends string> = { ok: true; body: B } | { ok: false; errors: FieldErrors<K> };

const ALLOWED_FILE = /\.(pdf|docx)$/i;
export const ACCEPT_FILES = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** dd/mm/yyyy (or yyyy-mm-dd) → yyyy-mm-dd, or null when it is not a real date. */
export function parseDate(s: string): string | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  let mt = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (mt) [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else if ((mt = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface RegisterForm {
  numberSymbol: string;
  /** dd/mm/yyyy as typed. */
  issuedOn: string;
  senderName: string;
  kind: string;
  urgency: string;
  confidentiality: string;
  summary: string;
  pages: string;
  /** The chosen file's name (null: none). */
  fileName: string | null;
  /** A confidential document: the staff named to read it (the leader who will direct it at least). */
  readerIds: string[];
}
export const EMPTY_REGISTER: RegisterForm = { numberSymbol: '', issuedOn: '', senderName: '', kind: 'official_letter', urgency: 'normal', confidentiality: 'normal', summary: '', pages: '1', fileName: null, readerIds: [] };

export interface RegisterBody {
  numberSymbol: string;
  issuedOn: string;
  senderName: string;
  kind: DocumentKind;
  urgency: Urgency;
  confidentiality: Confidentiality;
  summary: string;
  pages: number;
  /** Only for a confidential document. */
  readerIds?: string[];
}
type RegisterField = keyof RegisterForm;

const inList = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** The incoming-register form checked (the same limits as the API) and the body sent (the file is added after upload). */
export function checkRegister(f: RegisterForm): Checked<RegisterBody, RegisterField> {
  const errors: FieldErrors<RegisterField> = {};
  const numberSymbol = f.numberSymbol.trim();
  const senderName = f.senderName.trim();
  const summary = f.summary.trim();
  if (!numberSymbol) errors.numberSymbol = 'required';
  else if (numberSymbol.length > 100) errors.numberSymbol = 'invalid';
  const issuedOn = f.issuedOn.trim() ? parseDate(f.issuedOn) : null;
  if (!f.issuedOn.trim()) errors.issuedOn = 'required';
  else if (!issuedOn) errors.issuedOn = 'invalid';
  if (!senderName) errors.senderName = 'required';
  else if (senderName.length > 300) errors.senderName = 'invalid';
  if (!inList(DOCUMENT_KIND_NAMES, f.kind)) errors.kind = 'required';
  if (!inList(URGENCY_LEVELS, f.urgency)) errors.urgency = 'invalid';
  if (!inList(CONFIDENTIALITY_LEVELS, f.confidentiality)) errors.confidentiality = 'invalid';
  if (!summary) errors.summary = 'required';
  else if (summary.length > 2000) errors.summary = 'invalid';
  const pages = /^\d+$/.test(f.pages.trim()) ? Number(f.pages.trim()) : NaN;
  if (!f.pages.trim()) errors.pages = 'required';
  else if (!Number.isInteger(pages) || pages < 1 || pages > 10_000) errors.pages = 'invalid';
  if (!f.fileName) errors.fileName = 'required';
  else if (!ALLOWED_FILE.test(f.fileName)) errors.fileName = 'fileType';
  // A confidential document is seen only by those named: without a reader no leader could direct it.
  const confidential = f.confidentiality !== 'normal';
  const readerIds = [...new Set(f.readerIds)];
  if (confidential && readerIds.length === 0) errors.readerIds = 'required';
  if (readerIds.length > 20) errors.readerIds = 'invalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: { numberSymbol, issuedOn: issuedOn!, senderName, kind: f.kind as DocumentKind, urgency: f.urgency as Urgency, confidentiality: f.confidentiality as Confidentiality, summary, pages, ...(confidential ? { readerIds } : {}) },
  };
}

export interface DraftForm {
  kind: string;
  subject: string;
  urgency: string;
  confidentiality: string;
  unitSymbol: string;
  fileName: string | null;
  inReplyTo: string | null;
}
export const EMPTY_DRAFT: DraftForm = { kind: 'official_letter', subject: '', urgency: 'normal', confidentiality: 'normal', unitSymbol: '', fileName: null, inReplyTo: null };
export interface DraftBody {
  kind: DocumentKind;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  unitSymbol: string | null;
  inReplyTo: string | null;
}
type DraftField = keyof DraftForm;

/** The draft form: a PDF upload (a draft is signed as PDF), a subject, the drafting unit's symbol (letters, digits, dots). */
export function checkDraft(f: DraftForm): Checked<DraftBody, DraftField> {
  const errors: FieldErrors<DraftField> = {};
  const subject = f.subject.trim();
  const unitSymbol = f.unitSymbol.trim();
  if (!inList(DOCUMENT_KIND_NAMES, f.kind)) errors.kind = 'required';
  if (!subject) errors.subject = 'required';
  else if (subject.length > 1000) errors.subject = 'invalid';
  if (!inList(URGENCY_LEVELS, f.urgency)) errors.urgency = 'invalid';
  if (!inList(CONFIDENTIALITY_LEVELS, f.confidentiality)) errors.confidentiality = 'invalid';
  if (unitSymbol && (unitSymbol.length > 20 || !/^[\p{L}\d.]*$/u.test(unitSymbol))) errors.unitSymbol = 'invalid';
  if (!f.fileName) errors.fileName = 'required';
  else if (!/\.pdf$/i.test(f.fileName)) errors.fileName = 'fileType';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { kind: f.kind as DocumentKind, subject, urgency: f.urgency as Urgency, confidentiality: f.confidentiality as Confidentiality, unitSymbol: unitSymbol || null, inReplyTo: f.inReplyTo } };
}

/** The inputs of every action modal (one shape; each action reads the fields it needs). */
export interface ActionForm {
  note: string;
  direction: string;
  handlerId: string | null;
  coHandlerIds: string[];
  workingDays: string;
  fileName: string | null;
  /** Agencies in motcua (ids) and outside recipients (one name a line). */
  agencyIds: string[];
  outsideNames: string;
  replyDocumentId: string | null;
}
export const EMPTY_ACTION: ActionForm = { note: '', direction: '', handlerId: null, coHandlerIds: [], workingDays: '5', fileName: null, agencyIds: [], outsideNames: '', replyDocumentId: null };
type ActionField = keyof ActionForm;

/** Whether the action needs a file (uploaded first, then `file` is added to the body). */
export const needsFile = (a: UiAction): boolean => a === 'revise';

/**
 * The body of an action from its modal (without `version` and `file`: added at send time), or the fields to fix.
 * approve_sign, issue_number and seal take nothing but the version.
 */
export function checkAction(a: UiAction, f: ActionForm): Checked<Record<string, unknown>, ActionField> {
  const errors: FieldErrors<ActionField> = {};
  const note = f.note.trim();
  const days = () => {
    const t = f.workingDays.trim();
    const n = /^\d+$/.test(t) ? Number(t) : NaN;
    return Number.isInteger(n) && n >= 1 && n <= 365 ? n : null;
  };
  const coHandlers = () => [...new Set(f.coHandlerIds)].filter((x) => x !== f.handlerId);
  let body: Record<string, unknown> = {};
  switch (a) {
    case 'direct': {
      const d = days();
      if (!f.direction.trim()) errors.direction = 'required';
      if (!f.handlerId) errors.handlerId = 'required';
      if (d === null) errors.workingDays = f.workingDays.trim() ? 'invalid' : 'required';
      body = { direction: f.direction.trim(), handlerId: f.handlerId, coHandlerIds: coHandlers(), workingDays: d };
      break;
    }
    case 'assign': {
      if (!f.handlerId) errors.handlerId = 'required';
      const d = f.workingDays.trim() ? days() : null;
      if (f.workingDays.trim() && d === null) errors.workingDays = 'invalid';
      body = { handlerId: f.handlerId, coHandlerIds: coHandlers(), workingDays: d, note: note || null };
      break;
    }
    case 'process':
    case 'close':
    case 'return':
      if (!note) errors.note = 'required';
      body = { note };
      break;
    case 'reply':
      if (!note) errors.note = 'required';
      body = { note, replyDocumentId: f.replyDocumentId };
      break;
    case 'comment':
      if (!note) errors.note = 'required';
      body = { comment: note };
      break;
    case 'submit':
      body = { note: note || null };
      break;
    case 'revise':
      if (!f.fileName) errors.fileName = 'required';
      else if (!/\.pdf$/i.test(f.fileName)) errors.fileName = 'fileType';
      body = { note: note || null };
      break;
    case 'send': {
      const names = [...new Set(f.outsideNames.split('\n').map((x) => x.trim()).filter(Boolean))];
      const recipients = [...new Set(f.agencyIds)].map((agencyId) => ({ agencyId }) as Record<string, string>).concat(names.map((name) => ({ name })));
      if (recipients.length === 0) errors.agencyIds = 'required';
      if (names.some((n) => n.length > 300)) errors.outsideNames = 'invalid';
      body = { recipients };
      break;
    }
    case 'approve_sign':
    case 'issue_number':
    case 'seal':
      body = {};
      break;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body };
}

// ---- signatures

export interface SignatureLine {
  signer: string;
  at: string | null;
  valid: boolean;
}

/** The verifier's report reduced to one line per signature ("Đã ký số: <signer> lúc <time>"). */
export function signatureLines(report: { signatures: { status: string; signingTime: string | null; signer: { commonName: string | null; subject: string } | null }[] } | null): SignatureLine[] {
  if (!report) return [];
  return report.signatures.map((s) => ({ signer: s.signer?.commonName ?? s.signer?.subject ?? '—', at: s.signingTime, valid: s.status === 'valid' }));
}

/**
 * The document machine: one pure `decide(snapshot, action, actor, input, ctx)` that checks the action against the
 * state and the actor's roles, computes what the action fixes (a deadline in working days from the calendar, the
 * next version number) and returns the typed event and the next state; and one fold (`foldDocument`) of stored
 * events into the state. `decide(s, …).next` equals `applyEvent(s, decide(s, …).event)`: the state read back from
 * the history is the state the decision produced (fold.test.ts checks it on random histories).
 */
import { computeDueAt, formatVnIso, type WorkCalendar } from '../calendar/index.ts';
import {
  documentEvent,
  DocumentEventError,
  type DocumentEvent,
  type DocumentEventOf,
  type FileRef,
} from './events.ts';
import type {
  Confidentiality,
  Direction,
  DocumentAction,
  DocumentKind,
  DocumentRole,
  DocumentState,
  IncomingAction,
  OutgoingAction,
  Urgency,
} from './states.ts';
import { INCOMING_ACTIONS } from './states.ts';

export interface DocumentFile {
  versionNo: number;
  file: FileRef;
  /** original: as registered; draft: a drafter's version; signed: the leader's signature; sealed: the agency's. */
  kind: 'original' | 'draft' | 'signed' | 'sealed';
  at: string;
  by: string | null;
}

export interface DocumentComment {
  versionNo: number;
  comment: string;
  by: string | null;
  at: string;
}

export interface DocumentSnapshot {
  direction: Direction;
  state: DocumentState;
  /** Number of events applied (= the history's last seq = the row's version). */
  version: number;
  kind: DocumentKind;
  urgency: Urgency;
  confidentiality: Confidentiality;
  /** Incoming: the summary (trích yếu); outgoing: the subject (V/v …). */
  summary: string;
  /** Incoming: the sender's number and symbol; outgoing: the number issued from the register (null before). */
  numberSymbol: string | null;
  issuedOn: string | null;
  registerNo: number | null;
  registerYear: number | null;
  senderName: string | null;
  senderAgencyId: string | null;
  pages: number | null;
  unitSymbol: string | null;
  createdBy: string | null;
  createdAt: string;
  directedBy: string | null;
  directedAt: string | null;
  directionNote: string | null;
  handlerId: string | null;
  coHandlerIds: string[];
  readerIds: string[];
  dueAt: string | null;
  /** When the incoming document was replied or closed, or the outgoing one sent. */
  finishedAt: string | null;
  files: DocumentFile[];
  comments: DocumentComment[];
  signedBy: string | null;
  signerId: string | null;
  signedAt: string | null;
  sealedAt: string | null;
  sourceDocumentId: string | null;
  inReplyTo: string | null;
  replyDocumentId: string | null;
  recipients: DocumentEventOf<'send'>['recipients'];
}

export interface StoredDocumentEvent {
  event: DocumentEvent;
  /** ISO instant of the entry (the injected clock). */
  at: string;
  actorId: string | null;
}

export interface DocumentActor {
  id: string | null;
  roles: readonly DocumentRole[];
}

/** Which role may take each action (the handler checks come on top, in `guard`). */
export const ACTION_ROLES: Record<DocumentAction, readonly DocumentRole[]> = {
  register: ['clerk', 'system'],
  direct: ['leader'],
  assign: ['leader'],
  process: ['leader', 'clerk', 'specialist'],
  reply: ['leader', 'clerk', 'specialist'],
  close: ['leader', 'clerk', 'specialist'],
  draft: ['leader', 'clerk', 'specialist'],
  submit: ['leader', 'clerk', 'specialist'],
  revise: ['leader', 'clerk', 'specialist'],
  comment: ['leader', 'clerk', 'specialist'],
  return: ['leader'],
  approve_sign: ['leader'],
  issue_number: ['clerk'],
  seal: ['clerk'],
  send: ['clerk'],
};

/** From which states each action is allowed (null: creates the document) and the state after it. */
export const TRANSITIONS: Record<DocumentAction, { from: readonly (DocumentState | null)[]; to: DocumentState | 'same' }> = {
  register: { from: [null], to: 'registered' },
  direct: { from: ['registered'], to: 'directed' },
  assign: { from: ['directed', 'in_process'], to: 'same' },
  process: { from: ['directed', 'in_process'], to: 'in_process' },
  reply: { from: ['directed', 'in_process'], to: 'replied' },
  close: { from: ['directed', 'in_process', 'replied'], to: 'closed' },
  draft: { from: [null], to: 'draft' },
  submit: { from: ['draft'], to: 'in_review' },
  revise: { from: ['draft', 'in_review'], to: 'same' },
  comment: { from: ['draft', 'in_review'], to: 'same' },
  return: { from: ['in_review'], to: 'draft' },
  approve_sign: { from: ['in_review'], to: 'signed' },
  issue_number: { from: ['signed'], to: 'numbered' },
  seal: { from: ['numbered'], to: 'sealed' },
  send: { from: ['sealed'], to: 'sent' },
};

export const directionOfAction = (a: DocumentAction): Direction => ((INCOMING_ACTIONS as readonly string[]).includes(a) ? 'incoming' : 'outgoing');

export type DocumentRefusal =
  | { code: 'DOCUMENT_ACTION_NOT_ALLOWED'; params: { action: DocumentAction; state: string } }
  | { code: 'DOCUMENT_ROLE_NOT_ALLOWED'; params: { action: DocumentAction } }
  | { code: 'DOCUMENT_NOT_HANDLER'; params: { action: DocumentAction } }
  | { code: 'DOCUMENT_FILE_NOT_PDF'; params: { action: DocumentAction } }
  | { code: 'DOCUMENT_EVENT_INVALID'; params: { action: DocumentAction; issues: string } };

/** Why `actor` may not take `action` on `s` now, or null when it may. */
export function guard(s: DocumentSnapshot | null, action: DocumentAction, actor: DocumentActor): DocumentRefusal | null {
  const t = TRANSITIONS[action];
  const state = s?.state ?? null;
  if (s && s.direction !== directionOfAction(action)) return { code: 'DOCUMENT_ACTION_NOT_ALLOWED', params: { action, state: s.state } };
  if (!t.from.includes(state)) return { code: 'DOCUMENT_ACTION_NOT_ALLOWED', params: { action, state: state ?? 'none' } };
  if (!actor.roles.some((r) => ACTION_ROLES[action].includes(r))) return { code: 'DOCUMENT_ROLE_NOT_ALLOWED', params: { action } };
  if (!s) return null;
  const isLeader = actor.roles.includes('leader');
  const isHandler = actor.id !== null && actor.id === s.handlerId;
  const isCoHandler = actor.id !== null && s.coHandlerIds.includes(actor.id);
  switch (action) {
    case 'process':
      if (!isHandler && !isCoHandler) return { code: 'DOCUMENT_NOT_HANDLER', params: { action } };
      break;
    case 'reply':
      if (!isHandler) return { code: 'DOCUMENT_NOT_HANDLER', params: { action } };
      break;
    case 'close':
      if (!isHandler && !isLeader) return { code: 'DOCUMENT_NOT_HANDLER', params: { action } };
      break;
    case 'submit':
    case 'revise':
      // The drafter, or a leader reworking it.
      if (actor.id !== s.createdBy && !isLeader) return { code: 'DOCUMENT_NOT_HANDLER', params: { action } };
      break;
    case 'approve_sign':
      if (s.files.at(-1)?.file.mime !== 'application/pdf') return { code: 'DOCUMENT_FILE_NOT_PDF', params: { action } };
      break;
    default:
      break;
  }
  return null;
}

/** The actions `actor` may take on `s` now, in the order of the machine. */
export function allowedDocumentActions(s: DocumentSnapshot, actor: DocumentActor): DocumentAction[] {
  return (Object.keys(TRANSITIONS) as DocumentAction[]).filter((a) => TRANSITIONS[a].from[0] !== null && guard(s, a, actor) === null);
}

/** What the caller gives for each action; the rest (deadline, version numbers) decide fixes. */
export interface DocumentActionInputs {
  register: Omit<DocumentEventOf<'register'>, 'v' | 'action'>;
  direct: { direction: string; handlerId: string; coHandlerIds: string[]; workingDays: number };
  assign: { handlerId: string; coHandlerIds: string[]; workingDays: number | null; note: string | null };
  process: { note: string };
  reply: { note: string; replyDocumentId: string | null };
  close: { note: string };
  draft: Omit<DocumentEventOf<'draft'>, 'v' | 'action' | 'versionNo'>;
  submit: { note: string | null };
  revise: { file: FileRef; note: string | null };
  comment: { comment: string };
  return: { note: string };
  approve_sign: { signerId: string; file: FileRef };
  issue_number: Omit<DocumentEventOf<'issue_number'>, 'v' | 'action'>;
  seal: { signerId: string; file: FileRef };
  send: Omit<DocumentEventOf<'send'>, 'v' | 'action'>;
}

export interface DecideContext {
  now: Date;
  /** The stored working calendar (deadlines in working days). */
  calendar: WorkCalendar;
}

export type Decision = { ok: true; event: DocumentEvent; next: DocumentSnapshot } | ({ ok: false } & DocumentRefusal);

const lastVersionNo = (s: DocumentSnapshot) => s.files.at(-1)?.versionNo ?? 0;

/** The event of `action` from its input, or the refusal. */
export function decide<A extends DocumentAction>(
  s: DocumentSnapshot | null,
  action: A,
  actor: DocumentActor,
  input: DocumentActionInputs[A],
  ctx: DecideContext,
): Decision {
  const refusal = guard(s, action, actor);
  if (refusal) return { ok: false, ...refusal };
  const due = (days: number) => formatVnIso(computeDueAt(ctx.now, { amount: days, unit: 'working_days' }, ctx.calendar));
  let ev: DocumentEvent;
  try {
    const i = input as DocumentActionInputs[DocumentAction];
    switch (action) {
      case 'direct': {
        const d = i as DocumentActionInputs['direct'];
        ev = documentEvent({ action: 'direct', direction: d.direction, handlerId: d.handlerId, coHandlerIds: uniqueWithout(d.coHandlerIds, d.handlerId), workingDays: d.workingDays, dueAt: due(d.workingDays) });
        break;
      }
      case 'assign': {
        const d = i as DocumentActionInputs['assign'];
        const dueAt = d.workingDays !== null ? due(d.workingDays) : s!.dueAt;
        if (dueAt === null) return { ok: false, code: 'DOCUMENT_EVENT_INVALID', params: { action, issues: 'workingDays: required' } };
        ev = documentEvent({ action: 'assign', handlerId: d.handlerId, coHandlerIds: uniqueWithout(d.coHandlerIds, d.handlerId), dueAt, note: d.note });
        break;
      }
      case 'draft':
        ev = documentEvent({ ...(i as DocumentActionInputs['draft']), action: 'draft', versionNo: 1 });
        break;
      case 'revise':
        ev = documentEvent({ ...(i as DocumentActionInputs['revise']), action: 'revise', versionNo: lastVersionNo(s!) + 1 });
        break;
      case 'comment':
        ev = documentEvent({ action: 'comment', comment: (i as DocumentActionInputs['comment']).comment, versionNo: lastVersionNo(s!) });
        break;
      case 'approve_sign':
      case 'seal':
        ev = documentEvent({ ...(i as DocumentActionInputs['seal']), action, versionNo: lastVersionNo(s!) + 1 });
        break;
      default:
        ev = documentEvent({ ...(i as object), action } as Parameters<typeof documentEvent>[0]);
    }
  } catch (e) {
    if (e instanceof DocumentEventError) return { ok: false, code: 'DOCUMENT_EVENT_INVALID', params: { action, issues: e.issues.map((x) => `${x.path}: ${x.message}`).join('; ') } };
    throw e;
  }
  return { ok: true, event: ev, next: applyEvent(s, { event: ev, at: formatVnIso(ctx.now), actorId: actor.id }) };
}

function uniqueWithout(ids: readonly string[], without: string): string[] {
  return [...new Set(ids)].filter((x) => x !== without);
}

function nextState(s: DocumentSnapshot | null, action: DocumentAction): DocumentState {
  const to = TRANSITIONS[action].to;
  return to === 'same' ? s!.state : to;
}

const base = (direction: Direction, at: string, actorId: string | null): Omit<DocumentSnapshot, 'kind' | 'urgency' | 'confidentiality' | 'summary' | 'state'> => ({
  direction,
  version: 1,
  numberSymbol: null,
  issuedOn: null,
  registerNo: null,
  registerYear: null,
  senderName: null,
  senderAgencyId: null,
  pages: null,
  unitSymbol: null,
  createdBy: actorId,
  createdAt: at,
  directedBy: null,
  directedAt: null,
  directionNote: null,
  handlerId: null,
  coHandlerIds: [],
  readerIds: [],
  dueAt: null,
  finishedAt: null,
  files: [],
  comments: [],
  signedBy: null,
  signerId: null,
  signedAt: null,
  sealedAt: null,
  sourceDocumentId: null,
  inReplyTo: null,
  replyDocumentId: null,
  recipients: [],
});

/** One stored event applied to the state (no guards: the history is what happened). */
export function applyEvent(s: DocumentSnapshot | null, e: StoredDocumentEvent): DocumentSnapshot {
  const { event: ev, at, actorId } = e;
  if (ev.action === 'register') {
    const p = ev.particulars;
    return {
      ...base('incoming', at, actorId),
      state: 'registered',
      kind: p.kind,
      urgency: p.urgency,
      confidentiality: p.confidentiality,
      summary: p.summary,
      numberSymbol: p.numberSymbol,
      issuedOn: p.issuedOn,
      senderName: p.senderName,
      senderAgencyId: p.senderAgencyId,
      pages: p.pages,
      registerNo: ev.registerNo,
      registerYear: ev.registerYear,
      files: [{ versionNo: 1, file: ev.file, kind: 'original', at, by: actorId }],
      sourceDocumentId: ev.sourceDocumentId,
      readerIds: ev.readerIds,
    };
  }
  if (ev.action === 'draft') {
    return {
      ...base('outgoing', at, actorId),
      state: 'draft',
      kind: ev.kind,
      urgency: ev.urgency,
      confidentiality: ev.confidentiality,
      summary: ev.subject,
      unitSymbol: ev.unitSymbol,
      files: [{ versionNo: 1, file: ev.file, kind: 'draft', at, by: actorId }],
      inReplyTo: ev.inReplyTo,
      readerIds: ev.readerIds,
    };
  }
  if (!s) throw new Error(`${ev.action}: the first event must be register or draft`);
  const n: DocumentSnapshot = { ...s, version: s.version + 1, state: nextState(s, ev.action) };
  switch (ev.action) {
    case 'direct':
      return { ...n, directedBy: actorId, directedAt: at, directionNote: ev.direction, handlerId: ev.handlerId, coHandlerIds: ev.coHandlerIds, dueAt: ev.dueAt };
    case 'assign':
      return { ...n, handlerId: ev.handlerId, coHandlerIds: ev.coHandlerIds, dueAt: ev.dueAt };
    case 'process':
    case 'submit':
    case 'return':
      return n;
    case 'reply':
      return { ...n, finishedAt: at, replyDocumentId: ev.replyDocumentId };
    case 'close':
      return { ...n, finishedAt: s.finishedAt ?? at };
    case 'revise':
      return { ...n, files: [...s.files, { versionNo: ev.versionNo, file: ev.file, kind: 'draft', at, by: actorId }] };
    case 'comment':
      return { ...n, comments: [...s.comments, { versionNo: ev.versionNo, comment: ev.comment, by: actorId, at }] };
    case 'approve_sign':
      return { ...n, files: [...s.files, { versionNo: ev.versionNo, file: ev.file, kind: 'signed', at, by: actorId }], signedBy: actorId, signerId: ev.signerId, signedAt: at };
    case 'issue_number':
      return { ...n, registerNo: ev.registerNo, registerYear: ev.registerYear, numberSymbol: ev.numberSymbol, issuedOn: ev.issuedOn };
    case 'seal':
      return { ...n, files: [...s.files, { versionNo: ev.versionNo, file: ev.file, kind: 'sealed', at, by: actorId }], sealedAt: at };
    case 'send':
      return { ...n, recipients: ev.recipients, finishedAt: at };
  }
}

/** The state a history leads to (null for an empty history). */
export function foldDocument(events: readonly StoredDocumentEvent[]): DocumentSnapshot | null {
  let s: DocumentSnapshot | null = null;
  for (const e of events) s = applyEvent(s, e);
  return s;
}

export type { IncomingAction, OutgoingAction };

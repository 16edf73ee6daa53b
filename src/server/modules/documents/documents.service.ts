/**
 * The document office's use cases (Decree 30/2020): register incoming documents, direct (bút phê), assign, process,
 * reply, close; draft outgoing documents, review and comment (every version kept), approve and sign through the
 * signature service with the leader's signer, number from the outgoing register, seal with the agency's signer,
 * send — to agencies inside motcua, where it is registered at once as incoming (already signed), and to others as
 * a downloadable package. Queues, search, work files, the view log of confidential documents.
 *
 * Every change: core/documents decide() on the state folded from the history → one transaction that updates the
 * row only if its version is unchanged (else 409), appends the typed event to document_history, the file version
 * and an outbox message. Register numbers come from one atomic upsert per (agency, year, direction) inside that
 * transaction. Times come from the injected clock.
 *
 * Access: a document is seen by staff of its agency (or above) and of the agencies it was sent to; a confidential
 * one only by those named on it (core/documents canViewDocument). Anything else answers 404 DOCUMENT_NOT_FOUND,
 * exactly like an unknown id. Every view of a confidential document (metadata, file, history) is logged.
 */
import { filesByHash, recordFile } from '../../platform/files/files.repository.ts';
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { scopePaths, type AuthInfo } from '../../platform/http/auth.ts';
import type { Role } from '../../../core/dossier/index.ts';
import { loadPdf } from '../../platform/signing/index.ts';
import { addDays, dueSoonUntil, formatVnIso, localDateTimeToInstant, toLocalDate, type WorkCalendar } from '../../../core/calendar/index.ts';
import { foldVietnamese } from '../../../core/text/index.ts';
import {
  agencySymbolOf,
  allowedDocumentActions,
  canViewDocument,
  decide,
  documentRolesOf,
  foldDocument,
  formatNumberSymbol,
  guard,
  isConfidential,
  LABELS,
  readDocumentEvent,
  type DocumentAction,
  type DocumentActionInputs,
  type DocumentActor,
  type DocumentQueue,
  type DocumentSnapshot,
  type FileRef,
  type IncomingParticulars,
} from '../../../core/documents/index.ts';
import { findAgency, type AgencyRow } from '../units/index.ts';
import { isUserInScope, namesOf, staffOfAgency } from '../staff/index.ts';
import * as repo from './documents.repository.ts';
import { documentRatesForPeriod } from './rates.ts';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOCUMENT_MIMES = new Set([PDF, DOCX]);

export interface FileInput {
  sha256: string;
  fileName: string;
}

export interface RegisterInput {
  agencyId?: string;
  numberSymbol: string;
  issuedOn: string;
  senderName: string;
  senderAgencyId?: string | null;
  kind: IncomingParticulars['kind'];
  urgency: IncomingParticulars['urgency'];
  confidentiality: IncomingParticulars['confidentiality'];
  summary: string;
  pages: number;
  file: FileInput;
  readerIds?: string[];
}

export interface DraftInput {
  agencyId?: string;
  kind: IncomingParticulars['kind'];
  subject: string;
  urgency: IncomingParticulars['urgency'];
  confidentiality: IncomingParticulars['confidentiality'];
  unitSymbol?: string | null;
  file: FileInput;
  inReplyTo?: string | null;
  readerIds?: string[];
}

export type Recipient = { agencyId: string } | { name: string };

export interface ListInput {
  queue?: DocumentQueue;
  direction?: 'incoming' | 'outgoing';
  number?: string;
  q?: string;
  sender?: string;
  cursor?: string;
  limit: number;
}

interface Loaded {
  row: repo.DocumentRow;
  agency: AgencyRow;
  snapshot: DocumentSnapshot;
  history: repo.DocumentHistoryRow[];
}

const wfOut = (w: repo.WorkFileRow) => ({
  id: w.id,
  agencyId: w.agencyId,
  code: w.code,
  title: w.title,
  retentionYears: w.retentionYears,
  state: w.state as 'open' | 'closed' | 'archived',
  version: w.version,
  ownerId: w.ownerId,
  openedAt: formatVnIso(w.openedAt),
  closedAt: w.closedAt ? formatVnIso(w.closedAt) : null,
  archivedAt: w.archivedAt ? formatVnIso(w.archivedAt) : null,
});

/** The staff roles that see documents of their agencies (inspectors and reform officers read the rates, not the documents). */
const VIEW_ROLES: readonly Role[] = ['leader', 'desk_officer', 'unit_admin', 'specialist', 'province_admin'];
const viewScope = (auth: AuthInfo) => scopePaths(auth, VIEW_ROLES);

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

function encodeCursor(at: Date, id: string) {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}
function decodeCursor(s: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(s, 'base64url').toString().split('|');
  if (!at || !id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(Date.parse(at))) throw new AppError('VALIDATION_FAILED', {}, { reason: 'bad cursor' });
  return { at: new Date(at), id };
}

/** The row's columns that mirror the folded state (queues, search, scope read them). */
function columnsOf(s: DocumentSnapshot): repo.DocumentChange {
  return {
    state: s.state,
    kind: s.kind,
    urgency: s.urgency,
    confidentiality: s.confidentiality,
    summary: s.summary,
    summaryFolded: foldVietnamese(s.summary),
    numberSymbol: s.numberSymbol,
    issuedOn: s.issuedOn,
    registerYear: s.registerYear,
    registerNo: s.registerNo,
    senderName: s.senderName,
    senderNameFolded: s.senderName ? foldVietnamese(s.senderName) : null,
    senderAgencyId: s.senderAgencyId,
    pages: s.pages,
    unitSymbol: s.unitSymbol,
    handlerId: s.handlerId,
    coHandlerIds: s.coHandlerIds,
    readerIds: s.readerIds,
    directedBy: s.directedBy,
    directedAt: s.directedAt ? new Date(s.directedAt) : null,
    dueAt: s.dueAt ? new Date(s.dueAt) : null,
    finishedAt: s.finishedAt ? new Date(s.finishedAt) : null,
    signedAt: s.signedAt ? new Date(s.signedAt) : null,
    sealedAt: s.sealedAt ? new Date(s.sealedAt) : null,
    sourceDocumentId: s.sourceDocumentId,
    inReplyTo: s.inReplyTo,
    replyDocumentId: s.replyDocumentId,
    recipientAgencyIds: s.recipients.flatMap((r) => (r.kind === 'internal' ? [r.agencyId] : [])),
  } as repo.DocumentChange;
}

export class DocumentsService {
  constructor(private readonly ctx: AppContext) {}

  // ------------------------------------------------------------------------------------------------ helpers

  /** The agency the caller acts for: the one given (a document role on it or above), else their only one. */
  private async actingAgency(auth: AuthInfo, agencyId: string | undefined, action: string): Promise<AgencyRow> {
    const withRole = auth.assignments.filter((a) => documentRolesOf([a.role]).length > 0);
    if (agencyId) {
      const agency = await findAgency(this.ctx.db, agencyId);
      if (!agency || !withRole.some((a) => agency.path.startsWith(a.agencyPath))) throw new AppError('NOT_FOUND', { entity: 'agency' });
      return agency;
    }
    const ids = [...new Set(withRole.map((a) => a.agencyId))];
    if (ids.length === 0) throw new AppError('DOCUMENT_ROLE_NOT_ALLOWED', { action });
    if (ids.length > 1) throw new AppError('DOCUMENT_AGENCY_REQUIRED');
    return (await findAgency(this.ctx.db, ids[0]!))!;
  }

  /** The caller's document roles over an agency (roles held on it or an ancestor). */
  actorOver(auth: AuthInfo, agency: { path: string }): DocumentActor {
    return { id: auth.userId, roles: documentRolesOf(auth.assignments.filter((a) => agency.path.startsWith(a.agencyPath)).map((a) => a.role)) };
  }

  private async fileRef(f: FileInput): Promise<FileRef> {
    const [stored] = await filesByHash(this.ctx.db, [f.sha256]);
    if (!stored || !this.ctx.files.exists(f.sha256)) throw new AppError('DOCUMENT_FILE_UNKNOWN');
    if (!DOCUMENT_MIMES.has(stored.mime)) throw new AppError('DOCUMENT_FILE_TYPE', { mime: stored.mime });
    return { sha256: stored.sha256, fileName: f.fileName, mime: stored.mime };
  }

  private async checkStaff(agency: AgencyRow, ids: string[]): Promise<void> {
    for (const id of new Set(ids)) if (!(await isUserInScope(this.ctx.db, id, [agency.path]))) throw new AppError('DOCUMENT_HANDLER_NOT_STAFF');
  }

  private async accessFacts(row: repo.DocumentRow, agencyPath: string) {
    const recipientPaths = [...(await repo.agencyPaths(this.ctx.db, row.recipientAgencyIds)).values()];
    return {
      agencyPath,
      confidentiality: row.confidentiality as DocumentSnapshot['confidentiality'],
      createdBy: row.createdBy,
      directedBy: row.directedBy,
      handlerId: row.handlerId,
      coHandlerIds: row.coHandlerIds,
      readerIds: row.readerIds,
      recipientAgencyPaths: recipientPaths,
    };
  }

  /** The document if the caller may see it (else 404); the view is logged when it is confidential. */
  private async load(auth: AuthInfo, id: string, what: 'metadata' | 'file' | 'history' | 'action' = 'metadata'): Promise<Loaded> {
    const row = await repo.findDocument(this.ctx.db, id);
    if (!row) throw new AppError('DOCUMENT_NOT_FOUND');
    const agency = (await findAgency(this.ctx.db, row.agencyId))!;
    if (!canViewDocument(await this.accessFacts(row, agency.path), { userId: auth.userId, scopePaths: viewScope(auth) })) throw new AppError('DOCUMENT_NOT_FOUND');
    if (isConfidential(row.confidentiality as DocumentSnapshot['confidentiality']) && what !== 'action') {
      await repo.logView(this.ctx.db, { documentId: row.id, userId: auth.userId, what, at: this.ctx.now() });
    }
    const history = await repo.historyOf(this.ctx.db, row.id);
    const snapshot = foldDocument(history.map((h) => ({ event: readDocumentEvent(h.data, h.seq), at: formatVnIso(h.at), actorId: h.actorId })))!;
    return { row, agency, snapshot, history };
  }

  /** The version the caller saw is current and the action is theirs to take now (else 409 / 403). */
  private ensureCan(auth: AuthInfo, l: Loaded, action: DocumentAction, version: number): void {
    if (l.row.version !== version) throw new AppError('DOCUMENT_VERSION_CONFLICT', { current: l.row.version });
    const refusal = guard(l.snapshot, action, this.actorOver(auth, l.agency));
    if (refusal) throw new AppError(refusal.code, refusal.params);
  }

  /**
   * Runs one action: guard on the folded state, `prepare` (may sign, may read a register number inside the
   * transaction), decide, then one transaction (row if version unchanged, history, file, outbox, `after`).
   */
  private async perform<A extends DocumentAction>(
    auth: AuthInfo | null,
    l: Loaded,
    action: A,
    version: number,
    prepare: (tx: DbOrTx) => Promise<DocumentActionInputs[A]>,
    after?: (tx: DbOrTx, next: DocumentSnapshot) => Promise<void>,
  ): Promise<repo.DocumentRow> {
    const actor: DocumentActor = auth ? this.actorOver(auth, l.agency) : { id: null, roles: ['system'] };
    if (l.row.version !== version) throw new AppError('DOCUMENT_VERSION_CONFLICT', { current: l.row.version });
    const refusal = guard(l.snapshot, action, actor);
    if (refusal) throw new AppError(refusal.code, refusal.params);
    const now = this.ctx.now();
    const calendar = await this.ctx.services.calendar.calendar();
    return this.ctx.db.transaction(async (tx) => {
      const input = await prepare(tx);
      const d = decide(l.snapshot, action, actor, input, { now, calendar });
      if (!d.ok) throw new AppError(d.code, d.params);
      const row = await repo.updateDocumentIfVersion(tx, l.row.id, version, columnsOf(d.next), now);
      if (!row) throw new AppError('DOCUMENT_VERSION_CONFLICT', { current: (await repo.findDocument(tx, l.row.id))?.version ?? version });
      await this.record(tx, l.row.id, l.snapshot, d.next, d.event, actor, row.agencyId, now);
      if (after) await after(tx, d.next);
      return row;
    });
  }

  /** The history row (seq = the new version), the new file version if any, and the outbox message. */
  private async record(tx: DbOrTx, documentId: string, before: DocumentSnapshot | null, next: DocumentSnapshot, event: ReturnType<typeof readDocumentEvent>, actor: DocumentActor, agencyId: string, now: Date): Promise<void> {
    await repo.appendHistory(tx, {
      documentId,
      seq: next.version,
      action: event.action,
      fromState: before?.state ?? null,
      toState: next.state,
      actorId: actor.id,
      actorRole: actor.roles[0] ?? 'system',
      agencyId,
      at: now,
      data: event,
    });
    const added = next.files.slice(before?.files.length ?? 0);
    for (const f of added) await repo.insertFile(tx, { documentId, versionNo: f.versionNo, kind: f.kind, sha256: f.file.sha256, fileName: f.file.fileName, mime: f.file.mime, createdBy: actor.id, createdAt: now });
    await repo.enqueue(tx, 'document.changed', { documentId, action: event.action, state: next.state, direction: next.direction }, now);
  }

  /** Creates a document from its first event (register or draft). */
  private async create<A extends 'register' | 'draft'>(tx: DbOrTx, agency: AgencyRow, actor: DocumentActor, action: A, input: DocumentActionInputs[A], calendar: WorkCalendar): Promise<repo.DocumentRow> {
    const now = this.ctx.now();
    const d = decide(null, action, actor, input, { now, calendar });
    if (!d.ok) throw new AppError(d.code, d.params);
    const row = await repo.insertDocument(tx, {
      ...(columnsOf(d.next) as Required<Pick<repo.DocumentChange, 'state' | 'kind' | 'urgency' | 'confidentiality' | 'summary' | 'summaryFolded'>> & repo.DocumentChange),
      agencyId: agency.id,
      direction: d.next.direction,
      version: 1,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await this.record(tx, row.id, null, d.next, d.event, actor, agency.id, now);
    return row;
  }

  // ------------------------------------------------------------------------------------------------ incoming

  /** The clerk registers an incoming document: the next number of the agency's incoming register for the year. */
  async register(auth: AuthInfo, body: RegisterInput) {
    const agency = await this.actingAgency(auth, body.agencyId, 'register');
    const actor = this.actorOver(auth, agency);
    const refusal = guard(null, 'register', actor);
    if (refusal) throw new AppError(refusal.code, refusal.params);
    const file = await this.fileRef(body.file);
    if (body.senderAgencyId && !(await findAgency(this.ctx.db, body.senderAgencyId))) throw new AppError('NOT_FOUND', { entity: 'agency' });
    await this.checkStaff(agency, body.readerIds ?? []);
    const year = Number(toLocalDate(this.ctx.now()).slice(0, 4));
    const calendar = await this.ctx.services.calendar.calendar();
    const row = await this.ctx.db.transaction(async (tx) => {
      const registerNo = await repo.nextRegisterNo(tx, agency.id, year, 'incoming');
      return this.create(tx, agency, actor, 'register', {
        particulars: {
          numberSymbol: body.numberSymbol,
          issuedOn: body.issuedOn,
          senderName: body.senderName,
          senderAgencyId: body.senderAgencyId ?? null,
          kind: body.kind,
          urgency: body.urgency,
          confidentiality: body.confidentiality,
          summary: body.summary,
          pages: body.pages,
        },
        registerNo,
        registerYear: year,
        file,
        sourceDocumentId: null,
        readerIds: [...new Set(body.readerIds ?? [])],
      }, calendar);
    });
    return this.get(auth, row.id);
  }

  async direct(auth: AuthInfo, id: string, b: { version: number; direction: string; handlerId: string; coHandlerIds?: string[]; workingDays: number }) {
    const l = await this.load(auth, id, 'action');
    this.ensureCan(auth, l, 'direct', b.version);
    await this.checkStaff(l.agency, [b.handlerId, ...(b.coHandlerIds ?? [])]);
    await this.perform(auth, l, 'direct', b.version, async () => ({ direction: b.direction, handlerId: b.handlerId, coHandlerIds: b.coHandlerIds ?? [], workingDays: b.workingDays }));
    return this.get(auth, id);
  }

  async assign(auth: AuthInfo, id: string, b: { version: number; handlerId: string; coHandlerIds?: string[]; workingDays?: number | null; note?: string | null }) {
    const l = await this.load(auth, id, 'action');
    this.ensureCan(auth, l, 'assign', b.version);
    await this.checkStaff(l.agency, [b.handlerId, ...(b.coHandlerIds ?? [])]);
    await this.perform(auth, l, 'assign', b.version, async () => ({ handlerId: b.handlerId, coHandlerIds: b.coHandlerIds ?? [], workingDays: b.workingDays ?? null, note: b.note ?? null }));
    return this.get(auth, id);
  }

  async process(auth: AuthInfo, id: string, b: { version: number; note: string }) {
    const l = await this.load(auth, id, 'action');
    await this.perform(auth, l, 'process', b.version, async () => ({ note: b.note }));
    return this.get(auth, id);
  }

  /** The handler replies: a note, and optionally the outgoing document (of the same agency) that answers it. */
  async reply(auth: AuthInfo, id: string, b: { version: number; note: string; replyDocumentId?: string | null }) {
    const l = await this.load(auth, id, 'action');
    this.ensureCan(auth, l, 'reply', b.version);
    if (b.replyDocumentId) {
      const r = await repo.findDocument(this.ctx.db, b.replyDocumentId);
      if (!r || r.direction !== 'outgoing' || r.agencyId !== l.row.agencyId) throw new AppError('DOCUMENT_NOT_FOUND');
    }
    await this.perform(auth, l, 'reply', b.version, async () => ({ note: b.note, replyDocumentId: b.replyDocumentId ?? null }));
    return this.get(auth, id);
  }

  async close(auth: AuthInfo, id: string, b: { version: number; note: string }) {
    const l = await this.load(auth, id, 'action');
    await this.perform(auth, l, 'close', b.version, async () => ({ note: b.note }));
    return this.get(auth, id);
  }

  // ------------------------------------------------------------------------------------------------ outgoing

  /** A draft from an uploaded PDF or DOCX (version 1). */
  async draft(auth: AuthInfo, body: DraftInput) {
    const agency = await this.actingAgency(auth, body.agencyId, 'draft');
    const actor = this.actorOver(auth, agency);
    const refusal = guard(null, 'draft', actor);
    if (refusal) throw new AppError(refusal.code, refusal.params);
    const file = await this.fileRef(body.file);
    if (body.inReplyTo) {
      const r = await repo.findDocument(this.ctx.db, body.inReplyTo);
      if (!r || r.direction !== 'incoming' || r.agencyId !== agency.id) throw new AppError('DOCUMENT_NOT_FOUND');
    }
    await this.checkStaff(agency, body.readerIds ?? []);
    const calendar = await this.ctx.services.calendar.calendar();
    const row = await this.ctx.db.transaction((tx) =>
      this.create(tx, agency, actor, 'draft', {
        kind: body.kind,
        subject: body.subject,
        urgency: body.urgency,
        confidentiality: body.confidentiality,
        unitSymbol: body.unitSymbol ?? null,
        file,
        inReplyTo: body.inReplyTo ?? null,
        readerIds: [...new Set(body.readerIds ?? [])],
      }, calendar),
    );
    return this.get(auth, row.id);
  }

  async submit(auth: AuthInfo, id: string, b: { version: number; note?: string | null }) {
    const l = await this.load(auth, id, 'action');
    await this.perform(auth, l, 'submit', b.version, async () => ({ note: b.note ?? null }));
    return this.get(auth, id);
  }

  /** A new version of the draft (the earlier ones are kept). */
  async revise(auth: AuthInfo, id: string, b: { version: number; file: FileInput; note?: string | null }) {
    const l = await this.load(auth, id, 'action');
    this.ensureCan(auth, l, 'revise', b.version);
    const file = await this.fileRef(b.file);
    await this.perform(auth, l, 'revise', b.version, async () => ({ file, note: b.note ?? null }));
    return this.get(auth, id);
  }

  async comment(auth: AuthInfo, id: string, b: { version: number; comment: string }) {
    const l = await this.load(auth, id, 'action');
    await this.perform(auth, l, 'comment', b.version, async () => ({ comment: b.comment }));
    return this.get(auth, id);
  }

  async returnDraft(auth: AuthInfo, id: string, b: { version: number; note: string }) {
    const l = await this.load(auth, id, 'action');
    await this.perform(auth, l, 'return', b.version, async () => ({ note: b.note }));
    return this.get(auth, id);
  }

  /**
   * A registered signer of the agency, of the kind: the seal for `agency`; for `person`, only a key bound to the
   * signing account (`username` in the signer registry) — nobody signs with another person's key.
   */
  private async signerFor(agency: AgencyRow, kind: 'person' | 'agency', wanted: string | undefined, username?: string): Promise<string> {
    const all = (await this.ctx.services.signatures.signers()).filter((s) => s.agencyCode === agency.code && s.kind === kind && (kind === 'agency' || (username !== undefined && s.username === username)));
    if (wanted) {
      if (!all.some((s) => s.id === wanted)) throw new AppError('SIGNER_NOT_FOUND', { id: wanted });
      return wanted;
    }
    const pick = all[0];
    if (!pick) throw new AppError('DOCUMENT_NO_SIGNER', { kind: kind === 'person' ? 'gắn với tài khoản người ký' : 'của cơ quan' });
    return pick.id;
  }

  private async signLatest(l: Loaded, signerId: string, reason: string): Promise<FileRef> {
    const latest = l.snapshot.files.at(-1)!;
    const signed = await this.ctx.services.signatures.sign(new Uint8Array(await this.ctx.files.get(latest.file.sha256)), { signerId, reason });
    const buf = Buffer.from(signed);
    const stored = await this.ctx.files.put(buf);
    await recordFile(this.ctx.db, { sha256: stored.sha256, size: stored.size, mime: PDF, createdAt: this.ctx.now() });
    return { sha256: stored.sha256, fileName: latest.file.fileName.replace(/(\.pdf)?$/i, '.pdf'), mime: PDF };
  }

  /** The leader approves and signs the latest version (PAdES, the leader's registered signer). */
  async approveSign(auth: AuthInfo, id: string, b: { version: number; signerId?: string }) {
    const l = await this.load(auth, id, 'action');
    this.ensureCan(auth, l, 'approve_sign', b.version);
    const signerId = await this.signerFor(l.agency, 'person', b.signerId, auth.username);
    const file = await this.signLatest(l, signerId, 'Phê duyệt, ký ban hành');
    await this.perform(auth, l, 'approve_sign', b.version, async () => ({ signerId, file }));
    return this.get(auth, id);
  }

  /** The clerk issues the next number of the agency's outgoing register ("12/UBND-VP"). */
  async issueNumber(auth: AuthInfo, id: string, b: { version: number }) {
    const l = await this.load(auth, id, 'action');
    const now = this.ctx.now();
    const today = toLocalDate(now);
    const year = Number(today.slice(0, 4));
    await this.perform(auth, l, 'issue_number', b.version, async (tx) => {
      const registerNo = await repo.nextRegisterNo(tx, l.agency.id, year, 'outgoing');
      return { registerNo, registerYear: year, numberSymbol: formatNumberSymbol({ registerNo, kind: l.snapshot.kind, agencySymbol: agencySymbolOf(l.agency), unitSymbol: l.snapshot.unitSymbol }), issuedOn: today };
    });
    return this.get(auth, id);
  }

  /** The clerk adds the agency's seal signature (an incremental update: the leader's stays valid). */
  async seal(auth: AuthInfo, id: string, b: { version: number; signerId?: string }) {
    const l = await this.load(auth, id, 'action');
    this.ensureCan(auth, l, 'seal', b.version);
    const signerId = await this.signerFor(l.agency, 'agency', b.signerId);
    const file = await this.signLatest(l, signerId, `Ban hành văn bản số ${l.snapshot.numberSymbol}`);
    await this.perform(auth, l, 'seal', b.version, async () => ({ signerId, file }));
    return this.get(auth, id);
  }

  /**
   * The clerk sends the sealed document. Agencies inside motcua: a new incoming document in their register (next
   * number, the sealed file, linked to this one), in the same transaction. Others: a package downloadable with a
   * secret code, returned once.
   */
  async send(auth: AuthInfo, id: string, b: { version: number; recipients: Recipient[] }) {
    const l = await this.load(auth, id, 'action');
    this.ensureCan(auth, l, 'send', b.version);
    const sealed = l.snapshot.files.at(-1)!;
    const internal: AgencyRow[] = [];
    const external: string[] = [];
    for (const r of b.recipients) {
      if ('agencyId' in r) {
        const a = await findAgency(this.ctx.db, r.agencyId);
        if (!a) throw new AppError('DOCUMENT_RECIPIENT_INVALID', { reason: 'không có cơ quan này' }, { agencyId: r.agencyId });
        if (a.id === l.agency.id) throw new AppError('DOCUMENT_RECIPIENT_INVALID', { reason: 'không gửi cho chính cơ quan ban hành' });
        if (!internal.some((x) => x.id === a.id)) internal.push(a);
      } else external.push(r.name.trim());
    }
    if (internal.length + external.length === 0) throw new AppError('INPUT_REQUIRED', { fields: 'recipients' });
    // A confidential document is named, at each receiving agency, to its leaders (who direct it there).
    const readersAt = new Map<string, string[]>();
    if (isConfidential(l.snapshot.confidentiality)) for (const a of internal) readersAt.set(a.id, (await staffOfAgency(this.ctx.db, a.path, 'leader')).map((u) => u.id));
    let pages = 1;
    if (internal.length > 0) pages = (await loadPdf(new Uint8Array(await this.ctx.files.get(sealed.file.sha256)))).getPages().length;
    const packages: { name: string; packageId: string; token: string }[] = external.map((name) => ({ name, packageId: crypto.randomUUID(), token: crypto.randomBytes(24).toString('base64url') }));
    const received: { agencyId: string; documentId: string }[] = [];
    const now = this.ctx.now();
    const year = Number(toLocalDate(now).slice(0, 4));
    const calendar = await this.ctx.services.calendar.calendar();
    await this.perform(
      auth,
      l,
      'send',
      b.version,
      async (tx) => {
        const recipients: DocumentActionInputs['send']['recipients'] = [];
        for (const a of internal) {
          const registerNo = await repo.nextRegisterNo(tx, a.id, year, 'incoming');
          const row = await this.create(tx, a, { id: null, roles: ['system'] }, 'register', {
            particulars: {
              numberSymbol: l.snapshot.numberSymbol!,
              issuedOn: l.snapshot.issuedOn!,
              senderName: l.agency.name,
              senderAgencyId: l.agency.id,
              kind: l.snapshot.kind,
              urgency: l.snapshot.urgency,
              confidentiality: l.snapshot.confidentiality,
              summary: l.snapshot.summary,
              pages,
            },
            registerNo,
            registerYear: year,
            file: sealed.file,
            sourceDocumentId: l.row.id,
            readerIds: readersAt.get(a.id) ?? [],
          }, calendar);
          received.push({ agencyId: a.id, documentId: row.id });
          recipients.push({ kind: 'internal', agencyId: a.id, agencyName: a.name, incomingDocumentId: row.id });
        }
        for (const p of packages) {
          await repo.insertPackage(tx, { id: p.packageId, documentId: l.row.id, recipientName: p.name, tokenHash: sha(p.token), createdAt: now });
          recipients.push({ kind: 'external', name: p.name, packageId: p.packageId });
        }
        return { recipients };
      },
    );
    return { document: await this.get(auth, id), received, packages: packages.map((p) => ({ name: p.name, packageId: p.packageId, downloadCode: p.token, url: `/api/public/documents/packages/${p.token}` })) };
  }

  /** An external recipient's package: the sealed file, by its secret code. */
  async packageFile(token: string): Promise<{ bytes: Buffer; fileName: string; mime: string }> {
    const p = await repo.findPackageByTokenHash(this.ctx.db, sha(token));
    if (!p) throw new AppError('DOCUMENT_PACKAGE_NOT_FOUND');
    const files = await repo.filesOf(this.ctx.db, p.documentId);
    const last = files.at(-1)!;
    return { bytes: await this.ctx.files.get(last.sha256), fileName: last.fileName, mime: last.mime };
  }

  // ------------------------------------------------------------------------------------------------ reads

  /** One document with the caller's allowed actions (a confidential one: the view is logged). */
  async get(auth: AuthInfo, id: string) {
    const l = await this.load(auth, id);
    return this.view(auth, l);
  }

  private async view(auth: AuthInfo, l: Loaded) {
    const s = l.snapshot;
    const names = await namesOf(this.ctx.db, [s.handlerId, s.directedBy, s.createdBy, s.signedBy, ...s.coHandlerIds].filter((x): x is string => x !== null));
    const name = (id: string | null) => (id ? { id, name: names.get(id) ?? null } : null);
    const calendar = await this.ctx.services.calendar.calendar();
    const now = this.ctx.now();
    const open = s.direction === 'incoming' && (s.state === 'directed' || s.state === 'in_process');
    const timing: 'overdue' | 'due_soon' | 'in_time' | null = !open || !s.dueAt ? null : new Date(s.dueAt) < now ? 'overdue' : new Date(s.dueAt) <= dueSoonUntil(now, calendar) ? 'due_soon' : 'in_time';
    return {
      id: l.row.id,
      agency: { id: l.agency.id, name: l.agency.name },
      direction: s.direction,
      state: s.state,
      stateLabel: LABELS.states[s.state],
      version: l.row.version,
      kind: s.kind,
      urgency: s.urgency,
      confidentiality: s.confidentiality,
      summary: s.summary,
      numberSymbol: s.numberSymbol,
      numberLine: s.numberSymbol ? `Số: ${s.numberSymbol}` : null,
      issuedOn: s.issuedOn,
      registerNo: s.registerNo,
      registerYear: s.registerYear,
      senderName: s.senderName,
      senderAgencyId: s.senderAgencyId,
      pages: s.pages,
      unitSymbol: s.unitSymbol,
      createdBy: name(s.createdBy),
      createdAt: s.createdAt,
      directedBy: name(s.directedBy),
      directedAt: s.directedAt,
      directionNote: s.directionNote,
      handler: name(s.handlerId),
      coHandlers: s.coHandlerIds.map((x) => name(x)!),
      dueAt: s.dueAt,
      timing,
      finishedAt: s.finishedAt,
      signedBy: name(s.signedBy),
      signedAt: s.signedAt,
      sealedAt: s.sealedAt,
      sourceDocumentId: s.sourceDocumentId,
      inReplyTo: s.inReplyTo,
      replyDocumentId: s.replyDocumentId,
      workFileId: l.row.workFileId,
      files: s.files.map((f) => ({ versionNo: f.versionNo, kind: f.kind, fileName: f.file.fileName, mime: f.file.mime, sha256: f.file.sha256, at: f.at })),
      comments: s.comments,
      recipients: s.recipients,
      allowedActions: allowedDocumentActions(s, this.actorOver(auth, l.agency)),
    };
  }

  async history(auth: AuthInfo, id: string) {
    const l = await this.load(auth, id, 'history');
    const names = await namesOf(this.ctx.db, l.history.map((h) => h.actorId).filter((x): x is string => x !== null));
    return l.history.map((h) => ({
      seq: h.seq,
      action: h.action,
      actionLabel: LABELS.actions[h.action as DocumentAction],
      fromState: h.fromState,
      toState: h.toState,
      actor: h.actorId ? { id: h.actorId, name: names.get(h.actorId) ?? null } : null,
      actorRole: h.actorRole,
      at: formatVnIso(h.at),
      data: h.data as Record<string, unknown>,
    }));
  }

  /** A file version (default the latest) as bytes. */
  async file(auth: AuthInfo, id: string, versionNo?: number): Promise<{ bytes: Buffer; fileName: string; mime: string }> {
    const l = await this.load(auth, id, 'file');
    const f = versionNo === undefined ? l.snapshot.files.at(-1) : l.snapshot.files.find((x) => x.versionNo === versionNo);
    if (!f) throw new AppError('NOT_FOUND', { entity: 'file' });
    return { bytes: await this.ctx.files.get(f.file.sha256), fileName: f.file.fileName, mime: f.file.mime };
  }

  /** Who viewed a confidential document and when (visible to those who may see it). */
  async views(auth: AuthInfo, id: string) {
    const l = await this.load(auth, id, 'action');
    const rows = await repo.viewsOf(this.ctx.db, l.row.id);
    const names = await namesOf(this.ctx.db, rows.map((r) => r.userId));
    return rows.map((r) => ({ user: { id: r.userId, name: names.get(r.userId) ?? null }, what: r.what, at: formatVnIso(r.at) }));
  }

  /** A queue or a search over the caller's scope (documents of their agencies and those sent to them). */
  async list(auth: AuthInfo, q: ListInput) {
    const agencyIds = await repo.agencyIdsUnderPaths(this.ctx.db, viewScope(auth));
    const now = this.ctx.now();
    const calendar = await this.ctx.services.calendar.calendar();
    const items: ReturnType<DocumentsService['listItem']>[] = [];
    let cursor = q.cursor ? decodeCursor(q.cursor) : null;
    let next: string | null = null;
    const paths = new Map<string, string>();
    const viewer = { userId: auth.userId, scopePaths: viewScope(auth) };
    const visible: repo.DocumentRow[] = [];
    // Read pages until `limit` visible rows (confidential rows the caller is not named on are skipped).
    for (let round = 0; ; round++) {
      const rows = await repo.listDocuments(this.ctx.db, {
        agencyIds,
        queue: q.queue,
        direction: q.direction,
        userId: auth.userId,
        now,
        dueSoonUntil: dueSoonUntil(now, calendar),
        number: q.number?.trim() || undefined,
        text: q.q?.trim() ? foldVietnamese(q.q) : undefined,
        sender: q.sender?.trim() ? foldVietnamese(q.sender) : undefined,
        limit: q.limit + 1,
        cursor,
      });
      for (const [k, v] of await repo.agencyPaths(this.ctx.db, [...new Set(rows.map((r) => r.agencyId).filter((x) => !paths.has(x)))])) paths.set(k, v);
      const page = rows.slice(0, q.limit);
      let i = 0;
      for (; i < page.length && visible.length < q.limit; i++) {
        const r = page[i]!;
        if (canViewDocument(await this.accessFacts(r, paths.get(r.agencyId)!), viewer)) visible.push(r);
      }
      const more = i < page.length || rows.length > q.limit;
      const last = page[i - 1];
      if (!more || !last) {
        next = null;
        break;
      }
      cursor = { at: last.createdAt, id: last.id };
      next = encodeCursor(cursor.at, cursor.id);
      if (visible.length >= q.limit || round >= 4) break;
    }
    const names = await namesOf(this.ctx.db, [...new Set(visible.map((r) => r.handlerId).filter((x): x is string => x !== null))]);
    for (const r of visible) items.push(this.listItem(auth, r, names));
    return { items, next };
  }

  private listItem(auth: AuthInfo, r: repo.DocumentRow, names: Map<string, string>) {
    return {
      id: r.id,
      agencyId: r.agencyId,
      direction: r.direction as 'incoming' | 'outgoing',
      state: r.state,
      stateLabel: LABELS.states[r.state as DocumentSnapshot['state']],
      version: r.version,
      kind: r.kind,
      urgency: r.urgency,
      confidentiality: r.confidentiality,
      summary: r.summary,
      numberSymbol: r.numberSymbol,
      registerNo: r.registerNo,
      registerYear: r.registerYear,
      senderName: r.senderName,
      handler: r.handlerId ? { id: r.handlerId, name: names.get(r.handlerId) ?? null } : null,
      dueAt: r.dueAt ? formatVnIso(r.dueAt) : null,
      createdAt: formatVnIso(r.createdAt),
      sourceDocumentId: r.sourceDocumentId,
      mine: r.handlerId === auth.userId || r.coHandlerIds.includes(auth.userId),
    };
  }

  // ------------------------------------------------------------------------------------------------ work files

  async openWorkFile(auth: AuthInfo, b: { agencyId?: string; code: string; title: string; retentionYears: number | null }) {
    const agency = await this.actingAgency(auth, b.agencyId, 'open_work_file');
    try {
      return wfOut(await repo.insertWorkFile(this.ctx.db, { agencyId: agency.id, code: b.code, title: b.title, retentionYears: b.retentionYears, state: 'open', version: 1, ownerId: auth.userId, openedAt: this.ctx.now() }));
    } catch (err) {
      const e = err as { code?: string; cause?: { code?: string } };
      if (e?.code === '23505' || e?.cause?.code === '23505') throw new AppError('WORK_FILE_CODE_TAKEN', { code: b.code });
      throw err;
    }
  }

  private async loadWorkFile(auth: AuthInfo, id: string) {
    const w = await repo.findWorkFile(this.ctx.db, id);
    if (!w) throw new AppError('WORK_FILE_NOT_FOUND');
    const agency = (await findAgency(this.ctx.db, w.agencyId))!;
    if (!viewScope(auth).some((p) => agency.path.startsWith(p))) throw new AppError('WORK_FILE_NOT_FOUND');
    return { w, agency };
  }

  async workFile(auth: AuthInfo, id: string) {
    const { w } = await this.loadWorkFile(auth, id);
    const docs = await repo.documentsInWorkFile(this.ctx.db, w.id);
    const items = [];
    for (const d of docs) {
      const path = (await repo.agencyPaths(this.ctx.db, [d.agencyId])).get(d.agencyId)!;
      if (canViewDocument(await this.accessFacts(d, path), { userId: auth.userId, scopePaths: viewScope(auth) })) items.push(this.listItem(auth, d, await namesOf(this.ctx.db, d.handlerId ? [d.handlerId] : [])));
    }
    return { ...wfOut(w), documents: items };
  }

  async workFiles(auth: AuthInfo, state?: string) {
    return (await repo.listWorkFiles(this.ctx.db, await repo.agencyIdsUnderPaths(this.ctx.db, viewScope(auth)), state)).map(wfOut);
  }

  /** close (open → closed), archive (closed → archived: handed to the archive with its retention), reopen. */
  async workFileAction(auth: AuthInfo, id: string, b: { action: 'close' | 'archive' | 'reopen'; version: number }) {
    const { w } = await this.loadWorkFile(auth, id);
    const from = { close: 'open', archive: 'closed', reopen: 'closed' }[b.action];
    if (w.state !== from) throw new AppError('WORK_FILE_ACTION_NOT_ALLOWED', { action: b.action, state: w.state });
    const now = this.ctx.now();
    const set = b.action === 'close' ? { state: 'closed', closedAt: now } : b.action === 'archive' ? { state: 'archived', archivedAt: now } : { state: 'open', closedAt: null };
    const row = await repo.updateWorkFileIfVersion(this.ctx.db, w.id, b.version, set);
    if (!row) throw new AppError('WORK_FILE_VERSION_CONFLICT', { current: w.version });
    return wfOut(row);
  }

  /** Files a document (of the work file's agency) into an open work file. */
  async fileInto(auth: AuthInfo, workFileId: string, documentId: string, version: number) {
    const { w } = await this.loadWorkFile(auth, workFileId);
    if (w.state !== 'open') throw new AppError('WORK_FILE_ACTION_NOT_ALLOWED', { action: 'file', state: w.state });
    const l = await this.load(auth, documentId, 'action');
    if (l.row.agencyId !== w.agencyId) throw new AppError('DOCUMENT_NOT_FOUND');
    if (l.row.version !== version) throw new AppError('DOCUMENT_VERSION_CONFLICT', { current: l.row.version });
    // Filing is not a step of the document's process: the row changes, the version stays (no history entry).
    const row = await this.ctx.db.transaction((tx) => repo.setWorkFile(tx, l.row.id, w.id));
    return this.listItem(auth, row, await namesOf(this.ctx.db, row.handlerId ? [row.handlerId] : []));
  }

  // ------------------------------------------------------------------------------------------------ rates

  /** The rates for reform of a unit (the agency and its subtree) from `from` to `to` inclusive (Vietnam dates). */
  async rates(auth: AuthInfo, q: { agencyId: string; from: string; to: string }) {
    const agency = await findAgency(this.ctx.db, q.agencyId);
    // Any staff role covering the unit (inspectors and reform officers included) reads its rates.
    if (!agency || !scopePaths(auth).some((p) => agency.path.startsWith(p))) throw new AppError('NOT_FOUND', { entity: 'agency' });
    if (q.to < q.from) throw new AppError('VALIDATION_FAILED', {}, { reason: 'to is before from' });
    return { agency: { id: agency.id, name: agency.name }, from: q.from, to: q.to, ...(await documentRatesForPeriod(this.ctx.db, agency.path, q, this.ctx.now())) };
  }

  // ------------------------------------------------------------------------------------------------ for others

  /** The documents other agencies received from an outgoing one (system use, no scope). */
  receivedFrom(sourceId: string) {
    return repo.documentsFromSource(this.ctx.db, sourceId);
  }
}

/**
 * Dossier use cases: intake (create), actions through the lifecycle, reads, queues and search.
 *
 * Every change follows one path (see ARCHITECTURE.md "One dossier action"): the core state machine decides,
 * the calendar computes dates, and one transaction updates the dossier only if its version is unchanged,
 * appends the history row, writes documents/payments/access rows and the outbox message.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { trackingLink } from '../../platform/config/config.ts';
import { filesByHash, recordFile } from '../../platform/files/files.repository.ts';
import { AppError, fromGuard } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { scopePaths, type AuthInfo } from '../../platform/http/auth.ts';
import type { DbOrTx, Tx } from '../../platform/db/database.ts';
import {
  allowedActions,
  assignmentAllows,
  planActions,
  waitingFor,
  formatDossierCode,
  decide,
  newDossier,
  oneStopPolicyById,
  oneStopPolicyFor,
  describeEntry,
  STATE_LABELS,
  type Actor,
  type ActionName,
  type DossierSnapshot,
  type DossierState,
  type Role,
  type Channel,
  type DecisionSnapshot,
  type Consequence,
  pendingAgencies,
  dossierEventData,
} from '../../../core/dossier/index.ts';
import { errorMessage } from '../../../core/i18n/errors.ts';
import { dossierNotice, NOTIFIED_ACTIONS } from '../../../core/notifications/dossier-notices.ts';
import { normaliseContact } from '../citizens/identity.ts';
import {
  classifyTiming,
  dueSoonUntil,
  toLocalDate,
  formatVnIso,
  type TimeLimit,
} from '../../../core/calendar/index.ts';
import type { ProcedureRecord } from '../../../core/catalog/index.ts';
import { foldVietnamese } from '../../../core/text/index.ts';
import { findAgency } from '../units/index.ts';
import { findProcedure, findProcedureByCode, findPublicationFor } from '../catalog/index.ts';
import { isUserInScope, namesOf } from '../staff/index.ts';
import * as repo from './dossiers.repository.ts';
import { refreshDossierIndex } from '../monitoring/index-maintenance.ts';
import type { z } from 'zod';
import type { CreateDossierBody, DocumentInput } from './dossiers.schemas.ts';

type CreateInput = z.infer<typeof CreateDossierBody>;
type DocInput = z.infer<typeof DocumentInput>;
export interface ActRequest {
  action: ActionName;
  version: number;
  input: Record<string, unknown>;
  documents: DocInput[];
}

export function snapshotOf(d: repo.DossierRow): DossierSnapshot {
  return {
    state: d.state as DossierState,
    channel: d.channel as Channel,
    apologiesSent: d.apologiesSent,
    supplementRequests: d.supplementRequests,
    hasElectronicResult: d.hasElectronicResult,
    paperResult: d.paperResult,
    assigneeId: d.assigneeId,
    version: d.version,
  };
}

/** The dossier as `decide` reads it: the machine snapshot plus its time limit and clock fields. */
export function decisionSnapshotOf(d: repo.DossierRow, pending?: readonly string[]): DecisionSnapshot {
  return {
    ...snapshotOf(d),
    ...(pending ? { pendingAgencies: pending } : {}),
    limit: d.limit as TimeLimit | null,
    receivedAt: d.receivedAt,
    clockStartedAt: d.clockStartedAt,
    dueAt: d.dueAt,
    originalDueAt: d.originalDueAt,
    finishedAt: d.finishedAt,
    returnedAt: d.returnedAt,
  };
}

/**
 * The decision snapshot, with the agencies still awaited folded from the history when the action needs them (a
 * transfer, or any action while the dossier is with other agencies).
 */
async function decisionSnapshotFor(db: DbOrTx, d: repo.DossierRow, action: ActionName): Promise<DecisionSnapshot> {
  if (action !== 'transfer' && action !== 'return_from_agency' && d.state !== 'inter_agency') return decisionSnapshotOf(d);
  const history = await repo.historyOf(db, d.id);
  return decisionSnapshotOf(d, pendingAgencies(history.map((h) => ({ action: h.action, data: (h.data ?? {}) as Record<string, unknown> }))));
}

/** The one-stop policy a dossier is pinned to (received), else the one in force now (receipt pins it). */
function policyOf(d: repo.DossierRow, now: Date) {
  return d.receivedAt !== null ? oneStopPolicyById(d.onestopPolicy, toLocalDate(now)) : oneStopPolicyFor(toLocalDate(now));
}

/** The roles the caller holds over a dossier: assignments on an agency that has (or is above) the dossier. */
export function rolesOver(auth: AuthInfo, dossierAgencyPaths: string[]): Role[] {
  const roles = new Set<Role>();
  for (const a of auth.assignments) if (dossierAgencyPaths.some((p) => p.startsWith(a.agencyPath))) roles.add(a.role);
  return [...roles];
}

/** What the officer is told before confirming (preview). */
const CONSEQUENCE_TEXT: Record<Consequence, { vi: string; en: string }> = {
  SUPPLEMENT_REQUEST_LATE: {
    vi: 'Yêu cầu bổ sung được đưa ra sau thời hạn 03 ngày làm việc kể từ ngày tiếp nhận; yêu cầu sẽ được ghi nhận là trễ.',
    en: 'The supplement request is made later than 3 working days after receipt; it is recorded as late.',
  },
  INDEX_COUNTS_LATE: {
    vi: 'Đây là lần yêu cầu bổ sung thứ hai: Bộ chỉ số phục vụ sẽ tính hồ sơ là trễ hạn.',
    en: 'This is a second supplement request: the service index will count the dossier late.',
  },
};

const requestHash = (body: unknown) => crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex');

export class DossiersService {
  constructor(private readonly ctx: AppContext) {}

  // ------------------------------------------------------------------ intake

  /**
   * Intake: a desk officer receives a dossier (code and appointment issued), records it as incomplete
   * (supplement request, no code, no clock) or refuses it; or registers an online submission that awaits
   * intake. Idempotent per (officer, Idempotency-Key): a retry returns the same dossier.
   */
  async create(auth: AuthInfo, body: CreateInput, idempotencyKey: string | null): Promise<{ dossier: repo.DossierRow; created: boolean }> {
    const hash = requestHash(body);
    const replay = await this.replay(auth.userId, idempotencyKey, hash);
    if (replay) return replay;
    const agency = await findAgency(this.ctx.db, body.agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const roles = rolesOver(auth, [agency.path]);
    if (roles.length === 0) throw new AppError('FORBIDDEN');
    const proc = await findProcedureByCode(this.ctx.db, body.procedureCode);
    if (!proc) throw new AppError('NOT_FOUND', { entity: `procedure ${body.procedureCode}` });
    const publication = await findPublicationFor(this.ctx.db, agency.id, proc.id);
    if (!publication || !publication.active) throw new AppError('PROCEDURE_NOT_PUBLISHED');
    const record = proc.record as ProcedureRecord;
    const channelSpec = record.channels.find((c) => c.channel === body.channel);
    if (!channelSpec) throw new AppError('CHANNEL_NOT_OFFERED', { channel: body.channel });

    // Registering an online submission (arrived through the national portal) is done on the system's behalf.
    const actor: Actor = { userId: auth.userId, roles: body.action === 'submit_online' ? ['system'] : roles, unitId: agency.id };
    return this.createChecked({ createdBy: auth.userId, citizenId: null, actor, agency, procedureId: proc.id, publication, limit: channelSpec.limit as TimeLimit | null, body, idempotencyKey, hash, historyExtra: {} });
  }

  /**
   * A citizen applies online on the portal: the dossier is created in `submitted_online` with its code issued
   * at once (the applicant can track it immediately); the desk then checks completeness and receives it.
   * Only procedures the agency publishes with an online channel and online level full or partial.
   * Idempotent per (citizen, Idempotency-Key).
   */
  async submitOnlineAsCitizen(
    citizen: { id: string; eidVerified: boolean },
    body: { agencyId: string; procedureCode: string; applicant: CreateInput['applicant']; formData: Record<string, unknown>; documents: DocInput[]; resultMethod: 'online' | 'desk' | 'postal'; postalAddress?: string | undefined },
    idempotencyKey: string,
  ): Promise<{ dossier: repo.DossierRow; created: boolean }> {
    const hash = requestHash(body);
    const replay = await this.replay(citizen.id, idempotencyKey, hash);
    if (replay) return replay;
    const agency = await findAgency(this.ctx.db, body.agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const proc = await findProcedureByCode(this.ctx.db, body.procedureCode);
    if (!proc) throw new AppError('NOT_FOUND', { entity: `procedure ${body.procedureCode}` });
    const publication = await findPublicationFor(this.ctx.db, agency.id, proc.id);
    if (!publication || !publication.active) throw new AppError('PROCEDURE_NOT_PUBLISHED');
    const record = proc.record as ProcedureRecord;
    const channelSpec = record.channels.find((c) => c.channel === 'online');
    if (!channelSpec || !['full', 'partial'].includes(proc.onlineLevel)) throw new AppError('PROCEDURE_NOT_ONLINE');
    if (body.resultMethod === 'postal' && !body.postalAddress) throw new AppError('INPUT_REQUIRED', { fields: 'postalAddress' });
    const create: CreateInput = {
      agencyId: agency.id,
      procedureCode: proc.code,
      channel: 'online',
      action: 'submit_online',
      applicant: body.applicant,
      resultMethod: body.resultMethod,
      eidAuthenticated: citizen.eidVerified,
      documents: body.documents,
      // The fees the procedure publishes for the online channel (amounts of 0 are not charged).
      fees: channelSpec.fees.filter((f) => f.amountVnd > 0).map((f) => ({ kind: f.kind === 'charge' ? 'charge' : 'fee', description: f.description || 'Phí, lệ phí', amountVnd: f.amountVnd })),
      input: {},
    };
    const actor: Actor = { userId: citizen.id, roles: ['citizen'], unitId: agency.id };
    return this.createChecked({
      createdBy: citizen.id,
      citizenId: citizen.id,
      actor,
      agency,
      procedureId: proc.id,
      publication,
      limit: channelSpec.limit as TimeLimit | null,
      body: create,
      idempotencyKey,
      hash,
      applicantExtra: body.postalAddress ? { postalAddress: body.postalAddress } : {},
      historyExtra: { formData: body.formData },
    });
  }

  /** An earlier request with the same idempotency key: the same body returns its dossier, another body is refused. */
  private async replay(createdBy: string, idempotencyKey: string | null, hash: string) {
    if (!idempotencyKey) return null;
    const existing = await repo.findByIdempotencyKey(this.ctx.db, createdBy, idempotencyKey);
    if (!existing) return null;
    if (existing.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { dossier: existing, created: false };
  }

  private async createChecked(p: {
    createdBy: string;
    citizenId: string | null;
    actor: Actor;
    agency: NonNullable<Awaited<ReturnType<typeof findAgency>>>;
    procedureId: string;
    publication: { id: string; currentWorkflowId: string | null };
    limit: TimeLimit | null;
    body: CreateInput;
    idempotencyKey: string | null;
    hash: string;
    applicantExtra?: Record<string, unknown>;
    historyExtra: Record<string, unknown>;
  }): Promise<{ dossier: repo.DossierRow; created: boolean }> {
    const { body, agency, actor, limit, idempotencyKey, hash } = p;
    const now = this.ctx.now();
    const cal = await this.ctx.services.calendar.calendar();
    let receivedAt: Date | null = null;
    if (body.postalHandoverAt) {
      if (body.channel !== 'postal') throw new AppError('VALIDATION_FAILED', {}, { reason: 'postalHandoverAt is only for postal submissions' });
      receivedAt = new Date(body.postalHandoverAt);
      if (receivedAt.getTime() > now.getTime()) throw new AppError('VALIDATION_FAILED', {}, { reason: 'postalHandoverAt is in the future' });
    }
    const receiptAt = receivedAt ?? now;
    const policy = oneStopPolicyFor(toLocalDate(receiptAt));
    const snapshot: DecisionSnapshot = { ...newDossier(body.channel), limit, receivedAt: null, clockStartedAt: null, dueAt: null, originalDueAt: null, finishedAt: null, returnedAt: null };
    const decision = decide(snapshot, body.action as ActionName, actor, body.input, cal, policy, { now, receiptAt });
    if (!decision.ok) throw this.guardError(decision, body.action, null);
    const t = decision.transition;
    const clock = decision.clock;
    // The code is issued on receipt at the desk and, for online submissions, at once on submission (the
    // applicant tracks the dossier with it); the later `receive` keeps it.
    const issuesCode = t.issuesCode || t.action === 'submit_online';

    try {
      const dossier = await this.ctx.db.transaction(async (tx) => {
        // The day's dossier-code counter is a hot row shared by every desk of the agency: it is touched last,
        // just before commit (the row is inserted with the code, then the code is set).
        const dueAt = clock.dueAt;
        const id = crypto.randomUUID();
        const row = await repo.insertDossier(tx, {
          id,
          code: null,
          procedureId: p.procedureId,
          publicationId: p.publication.id,
          workflowId: p.publication.currentWorkflowId,
          receivingAgencyId: agency.id,
          handlingAgencyId: agency.id,
          channel: body.channel,
          state: t.to,
          version: 1,
          applicant: { ...body.applicant, ...(p.applicantExtra ?? {}) },
          applicantIdNumber: body.applicant.idNumber ?? null,
          applicantNameFolded: foldVietnamese(body.applicant.fullName),
          citizenId: p.citizenId,
          limit,
          onestopPolicy: policy.id,
          submittedAt: body.channel === 'online' ? now : receiptAt,
          receivedAt: t.to === 'received' ? clock.receivedAt : null,
          clockStartedAt: clock.clockStartedAt,
          dueAt,
          originalDueAt: clock.originalDueAt,
          finishedAt: clock.finishedAt,
          resultMethod: body.resultMethod,
          feeTotal: body.fees.reduce((s, f) => s + f.amountVnd, 0),
          eidAuthenticated: body.eidAuthenticated,
          trackingSecret: crypto.randomBytes(6).toString('hex').toUpperCase(),
          createdBy: p.createdBy,
          idempotencyKey,
          requestHash: hash,
          createdAt: now,
          updatedAt: now,
        });
        const docs = await this.storeDocuments(tx, id, p.createdBy, body.documents);
        await repo.insertFees(tx, body.fees.map((f) => ({ dossierId: id, ...f })));
        await repo.grantAccess(tx, row, agency.id);
        let code: string | null = null;
        if (issuesCode) code = await this.issueCode(tx, agency.code, toLocalDate(receiptAt));
        await repo.appendHistory(tx, {
          dossierId: id,
          seq: 1,
          action: body.action,
          fromState: null,
          toState: t.to,
          actorId: actor.userId,
          actorRole: t.actingRole,
          agencyId: agency.id,
          at: now,
          note: t.data.note ?? null,
          data: dossierEventData(body.action, { ...t.data, ...p.historyExtra }, { clock: t.clock, code, dueAt: dueAt ? formatVnIso(dueAt) : null, receivedAt: t.to === 'received' ? formatVnIso(receiptAt) : null, slip: t.slip }),
          attachments: docs.map((d) => d.id),
        });
        await repo.enqueue(tx, 'dossier.changed', { dossierId: id, action: body.action, state: t.to, code }, now);
        const stored = code !== null ? await repo.setDossierCode(tx, id, code) : row;
        await this.notifyApplicant(tx, stored, body.action, t.data, now);
        // Hot rows last: the index counters.
        await refreshDossierIndex(tx, id);
        return stored;
      });
      return { dossier, created: true };
    } catch (err) {
      // Two identical requests raced: the loser returns the winner's dossier.
      if (idempotencyKey && isUniqueViolation(err)) {
        const existing = await repo.findByIdempotencyKey(this.ctx.db, p.createdBy, idempotencyKey);
        if (existing && existing.requestHash === hash) return { dossier: existing, created: false };
        if (existing) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      }
      throw err;
    }
  }

  private async issueCode(tx: Tx, agencyCode: string, localDay: string): Promise<string> {
    const seq = await repo.nextCodeSeq(tx, agencyCode, localDay);
    return formatDossierCode(agencyCode, localDay, seq);
  }

  private async storeDocuments(tx: Tx, dossierId: string, userId: string | null, docs: DocInput[]) {
    if (docs.length === 0) return [];
    const known = await filesByHash(tx, docs.map((d) => d.sha256));
    const meta = new Map(known.map((f) => [f.sha256, f]));
    for (const d of docs) if (!meta.has(d.sha256)) throw new AppError('NOT_FOUND', { entity: `file ${d.sha256}` });
    return repo.insertDocuments(
      tx,
      docs.map((d) => ({
        mime: meta.get(d.sha256)!.mime,
        size: meta.get(d.sha256)!.size,
        dossierId,
        kind: d.kind,
        componentCode: d.componentCode,
        componentName: d.componentName,
        fileSha256: d.sha256,
        fileName: d.fileName,
        digitised: d.digitised,
        reused: d.reused,
        fromCitizenStore: d.fromCitizenStore,
        electronicResult: d.kind === 'result',
        uploadedBy: userId,
        uploadedAt: this.ctx.now(),
      })),
    );
  }

  // ------------------------------------------------------------------ actions

  async act(auth: AuthInfo, dossierId: string, req: ActRequest) {
    const d = await this.loadInScope(auth, dossierId);
    if (d.version !== req.version) throw new AppError('VERSION_CONFLICT', { current: d.version }, { currentVersion: d.version });
    const paths = await repo.accessAgencyPaths(this.ctx.db, d.id);
    return this.perform(d, { actorId: auth.userId, roles: rolesOver(auth, paths) }, req);
  }

  /**
   * What the action would do now, without doing it (the console's action modal asks before confirming): the
   * same `decide` as `act`, in preview mode, so the answer cannot differ from what the action then does.
   */
  async preview(auth: AuthInfo, dossierId: string, req: { action: ActionName; input: Record<string, unknown> }) {
    const d = await this.loadInScope(auth, dossierId);
    const paths = await repo.accessAgencyPaths(this.ctx.db, d.id);
    const cal = await this.ctx.services.calendar.calendar();
    const now = this.ctx.now();
    const actor: Actor = { userId: auth.userId, roles: rolesOver(auth, paths), unitId: d.handlingAgencyId };
    const decision = decide(await decisionSnapshotFor(this.ctx.db, d, req.action), req.action, actor, req.input, cal, policyOf(d, now), { now, preview: true });
    const consequences = decision.ok ? decision.consequences.map((code) => ({ code, message: CONSEQUENCE_TEXT[code].vi, messageEn: CONSEQUENCE_TEXT[code].en })) : [];
    if (!decision.ok) {
      const err = this.guardError(decision, req.action, d.state);
      return { allowed: false, code: err.code, message: errorMessage(err.code, 'vi', err.params), consequences, requiresConfirmation: false, outcome: null };
    }
    const t = decision.transition;
    const dueAt = decision.clock.dueAt;
    const outcome = {
      state: t.to,
      stateLabel: STATE_LABELS[t.to]?.vi ?? t.to,
      clock: t.clock,
      dueAt: dueAt ? formatVnIso(dueAt) : null,
      dueChanged: (dueAt?.getTime() ?? null) !== (d.dueAt?.getTime() ?? null),
      slip: t.slip,
      notifiesApplicant: (NOTIFIED_ACTIONS as readonly string[]).includes(t.action),
    };
    return { allowed: true, code: null, message: null, consequences, requiresConfirmation: decision.consequences.includes('INDEX_COUNTS_LATE'), outcome };
  }

  /**
   * The applicant acts on their own dossier (portal): `supply` and `resubmit`, in the role citizen. Another
   * citizen's dossier answers exactly like an unknown one.
   */
  async actAsCitizen(citizenId: string, dossierId: string, req: ActRequest) {
    const d = await this.loadOwn(citizenId, dossierId);
    if (d.version !== req.version) throw new AppError('VERSION_CONFLICT', { current: d.version }, { currentVersion: d.version });
    return this.perform(d, { actorId: citizenId, roles: ['citizen'] }, req);
  }

  /**
   * An integration acts in the role system (e.g. the payment provider's confirmation). Acts on the current
   * version; `within` runs inside the same transaction (e.g. to claim an idempotency row).
   */
  async actAsSystem(dossierId: string, req: Omit<ActRequest, 'version'>, within?: (tx: Tx, updated: repo.DossierRow) => Promise<void>) {
    const d = await repo.findDossier(this.ctx.db, dossierId);
    if (!d) throw new AppError('DOSSIER_NOT_FOUND');
    return this.perform(d, { actorId: null, roles: ['system'] }, { ...req, version: d.version }, within);
  }

  /** Any dossier by id, without a scope check (integrations acting as system). */
  async loadAny(id: string): Promise<repo.DossierRow> {
    const d = await repo.findDossier(this.ctx.db, id);
    if (!d) throw new AppError('DOSSIER_NOT_FOUND');
    return d;
  }

  /** A citizen's own dossier (citizen_id), else "not found". */
  async loadOwn(citizenId: string, id: string): Promise<repo.DossierRow> {
    const d = await repo.findDossier(this.ctx.db, id);
    if (!d || d.citizenId !== citizenId) throw new AppError('DOSSIER_NOT_FOUND');
    return d;
  }

  private async perform(d: repo.DossierRow, who: { actorId: string | null; roles: Role[] }, req: ActRequest, within?: (tx: Tx, updated: repo.DossierRow) => Promise<void>) {
    const roles = who.roles;
    const cal = await this.ctx.services.calendar.calendar();
    const now = this.ctx.now();

    // Scope guards the pure machine leaves to us.
    // A specialist takes the assignee's actions only on a dossier assigned to them (core/dossier/rank.ts).
    if (!assignmentAllows({ assigneeId: d.assigneeId }, { userId: who.actorId ?? '', roles }, req.action)) {
      throw new AppError('FORBIDDEN');
    }
    if (req.action === 'assign' && typeof req.input.assigneeId === 'string') {
      const handling = await findAgency(this.ctx.db, d.handlingAgencyId);
      if (!handling || !(await isUserInScope(this.ctx.db, req.input.assigneeId, [handling.path]))) {
        throw new AppError('VALIDATION_FAILED', {}, { reason: 'the assignee must be staff of the handling agency' });
      }
    }
    let forwardTarget: Awaited<ReturnType<typeof findAgency>> = null;
    if (req.action === 'forward' && typeof req.input.targetUnitId === 'string') {
      forwardTarget = await findAgency(this.ctx.db, req.input.targetUnitId);
      if (!forwardTarget) throw new AppError('NOT_FOUND', { entity: 'agency' });
    }
    let transferTarget: Awaited<ReturnType<typeof findAgency>> = null;
    if (req.action === 'transfer' && typeof req.input.targetAgency === 'string' && /^[0-9a-f-]{36}$/.test(req.input.targetAgency)) {
      transferTarget = await findAgency(this.ctx.db, req.input.targetAgency);
    }

    // An electronic result carries the handling agency's seal signature before anyone can download it (signed
    // before the transaction: signing may wait on a token or a remote service).
    const documents = req.action === 'attach_result' ? await this.signResults(d, req.documents) : req.documents;
    // Documents sent with the action are stored in the same transaction and attached to it.
    const input = { ...req.input };
    const t = await this.ctx.db.transaction(async (tx) => {
      const docs = await this.storeDocuments(tx, d.id, who.actorId, documents.map((doc) => (req.action === 'attach_result' ? { ...doc, kind: 'result' as const } : doc)));
      if (docs.length > 0) input.attachments = [...((input.attachments as string[] | undefined) ?? []), ...docs.map((x) => x.id)];
      const actor: Actor = { userId: who.actorId ?? 'system', roles, unitId: d.handlingAgencyId };
      const decision = decide(await decisionSnapshotFor(tx, d, req.action), req.action, actor, input, cal, policyOf(d, now), { now });
      if (!decision.ok) throw this.guardError(decision, req.action, d.state);
      const res = decision.transition;
      if (res.action === 'attach_result' && (res.data.attachments ?? []).length > 0) {
        const own = await repo.documentsOf(tx, d.id);
        const ids = new Set(own.map((x) => x.id));
        for (const a of res.data.attachments ?? []) if (!ids.has(a)) throw new AppError('NOT_FOUND', { entity: `document ${a}` });
      }
      const c = decision.clock;
      const set: Partial<repo.DossierRow> = {
        state: res.to,
        assigneeId: res.next.assigneeId,
        apologiesSent: res.next.apologiesSent,
        supplementRequests: res.next.supplementRequests,
        hasElectronicResult: res.next.hasElectronicResult,
        paperResult: res.next.paperResult,
        receivedAt: c.receivedAt,
        clockStartedAt: c.clockStartedAt,
        dueAt: c.dueAt,
        originalDueAt: c.originalDueAt,
        finishedAt: c.finishedAt,
        returnedAt: c.returnedAt,
      };
      // Receipt pins the one-stop policy (decide says which).
      if (decision.pinnedPolicyId !== null) set.onestopPolicy = decision.pinnedPolicyId;
      if (res.action === 'record_payment') set.paidTotal = d.paidTotal + (res.data.amount ?? 0);
      if (forwardTarget) set.handlingAgencyId = forwardTarget.id;
      if (res.action === 'attach_result') await this.markResults(tx, d.id, res.data.attachments ?? []);
      const updated0 = await repo.updateDossierIfVersion(tx, d.id, d.version, set, now);
      if (!updated0) {
        const current = await repo.findDossier(tx, d.id);
        throw new AppError('VERSION_CONFLICT', { current: current?.version }, { currentVersion: current?.version });
      }
      let updated = updated0;
      // The code is issued on receipt unless the online submission already has one. The day's code counter is a
      // hot row: it is taken here, after the dossier row, so it stays locked only until commit.
      let code: string | null = null;
      if (res.issuesCode && !d.code) {
        const receiving = await findAgency(tx, d.receivingAgencyId);
        code = await this.issueCode(tx, receiving!.code, toLocalDate(now));
        updated = await repo.setDossierCode(tx, d.id, code);
      }
      // A dossier's place follows its receipt (queueSortAt); the agencies it reaches see it at the same place.
      if (updated.receivedAt?.getTime() !== d.receivedAt?.getTime()) await repo.followReceipt(tx, updated);
      if (forwardTarget) await repo.grantAccess(tx, updated, forwardTarget.id);
      if (transferTarget) await repo.grantAccess(tx, updated, transferTarget.id);
      if (res.action === 'record_payment') {
        await repo.insertPayment(tx, { recordedAt: now, dossierId: d.id, amountVnd: res.data.amount!, method: res.data.paymentMethod!, paidAt: now, reference: res.data.reference ?? null, recordedBy: who.actorId });
      }
      await repo.appendHistory(tx, {
        dossierId: d.id,
        seq: updated.version,
        action: res.action,
        fromState: d.state,
        toState: res.to,
        actorId: who.actorId,
        actorRole: res.actingRole,
        agencyId: updated.handlingAgencyId,
        at: now,
        note: res.data.note ?? null,
        // The typed event (core/dossier/events.ts): the action's validated input and the decision's outcome.
        data: dossierEventData(res.action, { ...res.data }, {
          slip: res.slip,
          clock: res.clock,
          dueAt: updated.dueAt ? formatVnIso(updated.dueAt) : null,
          ...(code ? { code } : {}),
          ...(res.clock === 'start' && c.receivedAt ? { receivedAt: formatVnIso(c.receivedAt) } : {}),
          ...(decision.consequences.includes('SUPPLEMENT_REQUEST_LATE') ? { lateSupplementRequest: true as const } : {}),
        }),
        attachments: res.data.attachments ?? [],
      });
      await repo.enqueue(tx, 'dossier.changed', { dossierId: d.id, action: res.action, state: res.to, code: updated.code }, now);
      await this.notifyApplicant(tx, updated, res.action, res.data, now);
      if (within) await within(tx, updated);
      // Hot rows last: the index counters are locked only for the instant before commit.
      await refreshDossierIndex(tx, d.id);
      return updated;
    });
    return t;
  }

  /**
   * The result files as the citizen will get them: each PDF signed with the handling agency's seal (PAdES, visible
   * seal box, incremental: a signature already in the file stays valid) and stored as a new file. A file that cannot
   * be signed (not a PDF, or the agency has no seal signer) is refused with RESULT_SIGNATURE=required and passed
   * through unsigned otherwise (the citizen's page then shows it unsigned). A broken or encrypted PDF likewise.
   */
  private async signResults(d: repo.DossierRow, docs: DocInput[]): Promise<DocInput[]> {
    if (docs.length === 0) return docs;
    const required = this.ctx.config.resultSignature === 'required';
    const agency = await findAgency(this.ctx.db, d.handlingAgencyId);
    const seal = agency ? this.ctx.services.signatures.sealOf(agency.code) : null;
    const meta = new Map((await filesByHash(this.ctx.db, docs.map((x) => x.sha256))).map((f) => [f.sha256, f]));
    const out: DocInput[] = [];
    for (const doc of docs) {
      const file = meta.get(doc.sha256);
      if (!file) {
        out.push(doc); // unknown file: storeDocuments answers 404
        continue;
      }
      const problem = file.mime !== 'application/pdf' ? `${doc.fileName} is not a PDF` : !seal ? `${agency?.name ?? d.handlingAgencyId} has no seal signer` : null;
      if (problem) {
        if (required) throw new AppError('RESULT_SIGNATURE_REQUIRED', { reason: problem });
        out.push(doc);
        continue;
      }
      let signed: Uint8Array;
      try {
        signed = await this.ctx.services.signatures.sign(await this.ctx.files.get(doc.sha256), {
          signerId: seal!,
          reason: d.code ? `Kết quả giải quyết hồ sơ ${d.code}` : 'Kết quả giải quyết thủ tục hành chính',
          location: agency?.name,
          appearance: 'agency',
        });
      } catch (e) {
        // A file the signer cannot read (broken or encrypted PDF) is the officer's to fix; a signer fault is ours.
        if (!(e instanceof AppError) || (e.code !== 'PDF_INVALID' && e.code !== 'PDF_ENCRYPTED')) throw e;
        if (required) throw new AppError('RESULT_SIGNATURE_REQUIRED', { reason: `${doc.fileName}: ${errorMessage(e.code, 'vi', e.params)}` });
        out.push(doc);
        continue;
      }
      const stored = await this.ctx.files.put(Buffer.from(signed));
      await recordFile(this.ctx.db, { sha256: stored.sha256, size: stored.size, mime: 'application/pdf', createdAt: this.ctx.now() });
      out.push({ ...doc, sha256: stored.sha256 });
    }
    return out;
  }

  /**
   * Tells the applicant (e-mail and/or SMS) about the changes that concern them, through the outbox in the
   * same transaction; the dispatcher delivers after commit (and retries).
   */
  private async notifyApplicant(tx: Tx, d: repo.DossierRow, action: string, data: { missingItems?: string[] | undefined; reasons?: string[] | undefined }, now: Date) {
    if (!(NOTIFIED_ACTIONS as readonly string[]).includes(action)) return;
    const applicant = d.applicant as { email?: string; phone?: string };
    if (!applicant.email && !applicant.phone) return;
    const [agency, proc] = await Promise.all([findAgency(tx, d.receivingAgencyId), findProcedure(tx, d.procedureId)]);
    const handlerName = d.assigneeId ? ((await namesOf(tx, [d.assigneeId])).get(d.assigneeId) ?? null) : null;
    const notice = dossierNotice({
      action,
      code: d.code,
      procedureName: proc?.name ?? '',
      agencyName: agency?.name ?? '',
      at: now,
      dueAt: d.dueAt,
      handlerName,
      missingItems: data.missingItems,
      reasons: data.reasons,
      trackingUrl: d.code ? trackingLink(this.ctx.config, d.code, d.trackingSecret) : null,
    });
    if (!notice) return;
    const email = applicant.email ? normaliseContact(applicant.email) : null;
    const phone = applicant.phone ? normaliseContact(applicant.phone) : null;
    if (email?.kind === 'email') await this.ctx.services.notifications.enqueue(tx, { channel: 'email', to: email.value, subject: notice.subject, body: notice.body });
    if (phone?.kind === 'phone') await this.ctx.services.notifications.enqueue(tx, { channel: 'sms', to: phone.value, subject: notice.subject, body: notice.sms });
  }

  private async markResults(tx: Tx, dossierId: string, docIds: string[]) {
    await repo.markElectronicResults(tx, dossierId, docIds);
  }

  private guardError(t: { code: string; message: string; details?: unknown }, action: string, state: string | null): AppError {
    const details = { reason: t.message, ...(t.details && typeof t.details === 'object' ? t.details : {}) };
    switch (t.code) {
      case 'ACTION_NOT_ALLOWED_IN_STATE':
      case 'CHANNEL_NOT_ALLOWED':
        return new AppError('ACTION_NOT_ALLOWED_IN_STATE', { action, state: state ? STATE_LABELS[state as DossierState]?.vi ?? state : '—' }, details);
      case 'ROLE_NOT_ALLOWED':
        return new AppError('ROLE_NOT_ALLOWED', { action }, details);
      case 'TRANSFER_ALREADY_PENDING':
      case 'AGENCY_NOT_PENDING':
        return new AppError(t.code, { agency: (t.details as { agency?: string })?.agency ?? '' }, details);
      case 'INPUT_REQUIRED':
        return new AppError('INPUT_REQUIRED', { fields: ((t.details as { fields?: string[] })?.fields ?? []).join(', ') }, details);
      default:
        return fromGuard(t);
    }
  }

  /**
   * A record event in a dossier's history, inside the caller's transaction: the state and the clock do not move (the
   * appointment stays), the version moves like every change (a stale `d.version` → 409), an optional outbox message is
   * queued, and the dossier's index counters are refreshed last. Used by the modules that record what happened to a
   * dossier without acting on it (a rating, a follow-up's answer); actions go through `act`.
   */
  async recordEvent(tx: Tx, d: repo.DossierRow, e: { action: 'rate' | 'answer_follow_up'; actorId: string | null; actorRole: Role; now: Date; data: Record<string, unknown>; outbox?: { topic: string; payload: Record<string, unknown> } }): Promise<repo.DossierRow> {
    const updated = await repo.updateDossierIfVersion(tx, d.id, d.version, {}, e.now);
    if (!updated) {
      const current = await repo.findDossier(tx, d.id);
      throw new AppError('VERSION_CONFLICT', { current: current?.version }, { currentVersion: current?.version });
    }
    const event = dossierEventData(e.action, e.data, { clock: 'none', dueAt: d.dueAt ? formatVnIso(d.dueAt) : null, slip: null });
    await repo.appendHistory(tx, { dossierId: d.id, seq: updated.version, action: e.action, fromState: d.state, toState: d.state, actorId: e.actorId, actorRole: e.actorRole, agencyId: d.handlingAgencyId, at: e.now, note: null, data: event });
    if (e.outbox) await repo.enqueue(tx, e.outbox.topic, e.outbox.payload, e.now);
    await refreshDossierIndex(tx, d.id);
    return updated;
  }

  /** Records an uploaded file's metadata (content already stored by hash). */
  async registerFile(sha256: string, size: number, mime: string) {
    await recordFile(this.ctx.db, { sha256, size, mime, createdAt: this.ctx.now() });
  }

  // ------------------------------------------------------------------ reads

  /** Loads a dossier the caller may see; anything else is "not found" (no existence leak). */
  async loadInScope(auth: AuthInfo, id: string): Promise<repo.DossierRow> {
    const d = await repo.findDossier(this.ctx.db, id);
    if (!d) throw new AppError('DOSSIER_NOT_FOUND');
    const paths = await repo.accessAgencyPaths(this.ctx.db, id);
    if (rolesOver(auth, paths).length === 0) throw new AppError('DOSSIER_NOT_FOUND');
    return d;
  }

  async view(auth: AuthInfo, d: repo.DossierRow) {
    return (await this.viewMany(auth, [d]))[0]!;
  }

  /**
   * The dossier as a caller sees it: labels, timing class and the actions the caller may take. Lists are
   * decorated in three batched queries (procedures, access paths, names), not per row.
   */
  async viewMany(auth: AuthInfo, rows: repo.DossierRow[]) {
    if (rows.length === 0) return [];
    const cal = await this.ctx.services.calendar.calendar();
    const now = this.ctx.now();
    const [procs, paths, names] = await Promise.all([
      repo.procedureNames(this.ctx.db, [...new Set(rows.map((d) => d.procedureId))]),
      repo.accessAgencyPathsMany(this.ctx.db, rows.map((d) => d.id)),
      namesOf(this.ctx.db, [...new Set(rows.map((d) => d.assigneeId).filter((x): x is string => !!x))]),
    ]);
    return rows.map((d) => {
      const proc = procs.get(d.procedureId);
      const actor: Actor = { userId: auth.userId, roles: rolesOver(auth, paths.get(d.id) ?? []), unitId: d.handlingAgencyId };
      const timing = d.state === 'supplement_requested' ? 'paused' : d.clockStartedAt ? classifyTiming({ dueAt: d.dueAt, finishedAt: d.finishedAt, now }, cal) : 'not_started';
      // What the caller is offered: the machine's actions within their assignment, ranked; else who can act.
      const snapshot = snapshotOf(d);
      const allowed = allowedActions(snapshot, actor).filter((a) => assignmentAllows(snapshot, actor, a));
      return {
        ...d,
        assigneeName: d.assigneeId ? (names.get(d.assigneeId) ?? null) : null,
        procedureCode: proc?.code ?? '',
        procedureName: proc?.name ?? '',
        stateLabel: STATE_LABELS[d.state as DossierState]?.vi ?? d.state,
        dueAtLocal: d.dueAt ? formatVnIso(d.dueAt) : null,
        applicant: d.applicant as Record<string, unknown>,
        timing,
        allowedActions: allowed,
        actionPlan: planActions(snapshot, actor, allowed, { timing }),
        waitingFor: waitingFor(snapshot, actor, allowed),
      };
    });
  }

  async get(auth: AuthInfo, id: string) {
    const d = await this.loadInScope(auth, id);
    const view = await this.view(auth, d);
    if (d.state !== 'inter_agency') return { ...view, pendingAgencies: [] };
    const pending = (await decisionSnapshotFor(this.ctx.db, d, 'return_from_agency')).pendingAgencies ?? [];
    const named = await Promise.all(
      pending.map(async (agency) => ({ agency, name: /^[0-9a-f-]{36}$/.test(agency) ? ((await findAgency(this.ctx.db, agency))?.name ?? agency) : agency })),
    );
    return { ...view, pendingAgencies: named };
  }

  async history(auth: AuthInfo, id: string) {
    await this.loadInScope(auth, id);
    const rows = await repo.historyOf(this.ctx.db, id);
    // People are shown by name in the process-control slip (actors and assignees).
    const ids = new Set<string>();
    for (const h of rows) {
      if (h.actorId) ids.add(h.actorId);
      const a = (h.data as { assigneeId?: unknown }).assigneeId;
      if (typeof a === 'string') ids.add(a);
    }
    const names = await namesOf(this.ctx.db, [...ids]);
    const displayName = (uid: string) => names.get(uid) ?? uid;
    return rows.map((h) => ({
      ...h,
      actorName: h.actorId ? (names.get(h.actorId) ?? null) : null,
      text: describeEntry(
        { action: h.action as ActionName, fromState: h.fromState as DossierState | null, toState: h.toState as DossierState, actorId: h.actorId ?? '', actorRole: h.actorRole as Role, unitId: h.agencyId ?? '', at: h.at.toISOString(), note: h.note, attachments: h.attachments, data: h.data as Record<string, unknown> },
        'vi',
        { displayName },
      ),
    }));
  }

  async documents(auth: AuthInfo, id: string) {
    await this.loadInScope(auth, id);
    return repo.documentsOf(this.ctx.db, id);
  }

  async documentContent(auth: AuthInfo, id: string, docId: string) {
    await this.loadInScope(auth, id);
    const doc = await repo.findDocument(this.ctx.db, id, docId);
    if (!doc || !doc.fileSha256) throw new AppError('NOT_FOUND', { entity: 'document' });
    return { doc, content: await this.ctx.files.get(doc.fileSha256) };
  }

  async payments(auth: AuthInfo, id: string) {
    await this.loadInScope(auth, id);
    return { fees: await repo.feesOf(this.ctx.db, id), payments: await repo.paymentsOf(this.ctx.db, id), refusedNotices: await this.ctx.services.payments.refusedNotices(id) };
  }

  async queue(auth: AuthInfo, q: { view: repo.QueueView; agencyId?: string | undefined; cursor?: string | undefined; limit: number }) {
    let paths = scopePaths(auth);
    if (q.agencyId) {
      const a = await findAgency(this.ctx.db, q.agencyId);
      if (!a || !paths.some((p) => a.path.startsWith(p))) throw new AppError('FORBIDDEN');
      paths = [a.path];
    }
    const agencyIds = await repo.agencyIdsUnder(this.ctx.db, paths);
    const now = this.ctx.now();
    const cal = await this.ctx.services.calendar.calendar();
    const dueSoonBefore = dueSoonUntil(now, cal); // the same boundary classifyTiming uses
    const cursor = q.cursor ? cursorAt(q.cursor) : null;
    const page = await repo.listQueue(this.ctx.db, { view: q.view, agencyIds, userId: auth.userId, now, dueSoonBefore, cursor, limit: q.limit });
    const items = await this.viewMany(auth, page.rows);
    return { items, next: page.next ? encodeCursor([page.next.at, page.next.id]) : null };
  }

  async search(auth: AuthInfo, q: string, limit: number) {
    const agencyIds = await repo.agencyIdsUnder(this.ctx.db, scopePaths(auth));
    const term = q.trim();
    const rows = await repo.searchDossiers(
      this.ctx.db,
      agencyIds,
      /^\d{9}$|^\d{12}$/.test(term) ? { idNumber: term } : term.includes('-') ? { code: term } : { namePrefix: foldVietnamese(term) },
      limit,
    );
    return this.viewMany(auth, rows);
  }

  async findByCode(auth: AuthInfo, code: string) {
    const d = await repo.findDossierByCode(this.ctx.db, code);
    if (!d) throw new AppError('DOSSIER_NOT_FOUND');
    return this.get(auth, d.id);
  }
}

function cursorAt(token: string): { at: string; id: string } {
  const [at, id] = decodeCursor(token, ['timestamp|infinity', 'uuid']);
  return { at, id };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

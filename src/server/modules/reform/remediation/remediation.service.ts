/**
 * Remediation tasks (nhiệm vụ khắc phục), issue 9 §2: one per recommendation of an inspection's conclusion notice
 * (created by the inspections module through createRemediationTask) or per PAR lost point (created here by a
 * reform officer). The owner unit reports with evidence; the task's leader (or, when none, the reform officers of
 * the province's standing body) accepts or returns it with a comment. Rules in core/reform/remediation.ts.
 *
 * Scope: a unit's staff (a role on the owner agency itself) see and report their own tasks; the leader sees the
 * tasks they lead; the reviewers (reform officers over the standing body, the standing body's leader) see every
 * task of the province. Anyone else gets 404. Every change is one transaction: a versioned update of the task and
 * one append-only history entry (actor, ctx.now()).
 */
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { AuthInfo } from '../../../platform/http/auth.ts';
import type { Role } from '../../../../core/dossier/index.ts';
import { formatVnIso, toLocalDate } from '../../../../core/calendar/index.ts';
import {
  REMEDIATION_STATUS_LABELS,
  defaultRemediationDeadline,
  isRemediationOverdue,
  remediationStatusFromHistory,
  remediationTransition,
  type RemediationAction,
  type RemediationSource,
  type RemediationStatus,
} from '../../../../core/reform/remediation.ts';
import { rolesOver } from '../../dossiers/dossiers.service.ts';
import { findAgency, findReformStandingBody } from '../../units/index.ts';
import { lostPointsFor } from '../par/par.service.ts';
import { findRound } from '../par/index.ts';
import * as repo from './remediation.repository.ts';
import type * as S from './remediation.schemas.ts';

/** A unit's staff who report on its tasks (a role on the unit itself). */
export const REMEDIATION_REPORT_ROLES: readonly Role[] = ['leader', 'unit_admin', 'specialist', 'reform_officer'];
/** Reviewers over the standing body (held there or on an ancestor): accept/return tasks without a leader, create from lost points. */
export const REMEDIATION_REVIEW_ROLES: readonly Role[] = ['reform_officer'];

export interface NewRemediationTask {
  ownerAgencyId: string;
  content: string;
  deadline: string | null;
  noticeDate: string;
  source: RemediationSource;
  leaderUserId: string | null;
}

const sourceCols = (s: RemediationSource) => (s.kind === 'inspection' ? { sourceKind: 'inspection', sourceRef: s.inspectionId, sourceItem: s.recommendationId } : { sourceKind: 'par', sourceRef: s.roundId, sourceItem: s.nodeCode });

/** Idempotent on source: the same (visit, recommendation) or (round, criterion, unit) returns the existing task. */
export async function createTask(tx: DbOrTx, ctx: AppContext, actorUserId: string | null, t: NewRemediationTask): Promise<{ id: string; created: boolean }> {
  const cols = sourceCols(t.source);
  const existing = await repo.findBySource(tx, cols.sourceKind, cols.sourceRef, cols.sourceItem, t.ownerAgencyId);
  if (existing) return { id: existing.id, created: false };
  const d = t.deadline ? { deadline: t.deadline, ruleId: null } : defaultRemediationDeadline(t.noticeDate);
  const now = ctx.now();
  const row = await repo.insertTaskIfNew(tx, {
    ownerAgencyId: t.ownerAgencyId,
    content: t.content,
    deadline: d.deadline,
    deadlineRuleId: d.ruleId,
    noticeDate: t.noticeDate,
    status: 'open',
    ...cols,
    leaderUserId: t.leaderUserId,
    createdBy: actorUserId,
    createdAt: now,
    updatedAt: now,
  });
  if (!row) {
    const again = await repo.findBySource(tx, cols.sourceKind, cols.sourceRef, cols.sourceItem, t.ownerAgencyId);
    return { id: again!.id, created: false };
  }
  await repo.appendHistory(tx, { taskId: row.id, actorId: actorUserId, action: 'create', fromStatus: null, toStatus: 'open', body: t.content, data: { deadline: d.deadline, deadlineRuleId: d.ruleId, noticeDate: t.noticeDate, source: t.source, leaderUserId: t.leaderUserId }, at: now });
  return { id: row.id, created: true };
}

export type TaskView = ReturnType<typeof taskSummary>;

export function taskSummary(t: repo.TaskRow, owner: { id: string; name: string; code: string }, today: string) {
  const status = t.status as RemediationStatus;
  const source =
    t.sourceKind === 'inspection'
      ? { kind: 'inspection' as const, inspectionId: t.sourceRef, recommendationId: t.sourceItem, link: `/kiem-tra-cchc/dot/${t.sourceRef}` }
      : { kind: 'par' as const, roundId: t.sourceRef, nodeCode: t.sourceItem, link: `/chi-so-cchc/${t.sourceRef}/don-vi/${t.ownerAgencyId}` };
  return {
    id: t.id,
    owner,
    content: t.content,
    deadline: t.deadline,
    deadlineRuleId: t.deadlineRuleId,
    noticeDate: t.noticeDate,
    status,
    statusLabel: REMEDIATION_STATUS_LABELS[status],
    overdue: isRemediationOverdue(status, t.deadline, today),
    everReported: t.everReported > 0,
    leaderUserId: t.leaderUserId,
    source,
    version: t.version,
    createdAt: formatVnIso(t.createdAt),
    updatedAt: formatVnIso(t.updatedAt),
  };
}

function encodeCursor(deadline: string, id: string) {
  return Buffer.from(`${deadline}|${id}`).toString('base64url');
}
function decodeCursor(s: string): { deadline: string; id: string } {
  const [deadline, id] = Buffer.from(s, 'base64url').toString().split('|');
  if (!deadline || !/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !id || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('VALIDATION_FAILED', {}, { reason: 'bad cursor', field: 'cursor' });
  return { deadline, id };
}

export class RemediationService {
  constructor(private readonly ctx: AppContext) {}

  today() {
    return toLocalDate(this.ctx.now());
  }

  // ---------------- scope

  /** The standing body over an agency's province (else the province root itself). */
  private async reviewPathFor(agencyPath: string): Promise<string> {
    const rootId = agencyPath.split('/').filter(Boolean)[0]!;
    const body = await findReformStandingBody(this.ctx.db, rootId);
    return body?.path ?? `/${rootId}/`;
  }
  /** Reviewer: a review role over the standing body, or the standing body's own leader. */
  private async isReviewer(auth: AuthInfo, agencyPath: string): Promise<boolean> {
    const path = await this.reviewPathFor(agencyPath);
    if (rolesOver(auth, [path]).some((r) => REMEDIATION_REVIEW_ROLES.includes(r))) return true;
    return auth.assignments.some((a) => a.role === 'leader' && a.agencyPath === path);
  }
  private ownRoles(auth: AuthInfo, agencyId: string): Role[] {
    return auth.assignments.filter((a) => a.agencyId === agencyId).map((a) => a.role);
  }

  /** The caller's rights on a task; 404 when none. */
  private async access(auth: AuthInfo, t: repo.TaskRow) {
    const owner = (await findAgency(this.ctx.db, t.ownerAgencyId))!;
    const reviewer = await this.isReviewer(auth, owner.path);
    const own = this.ownRoles(auth, owner.id);
    const leads = t.leaderUserId === auth.userId;
    if (!reviewer && own.length === 0 && !leads) throw new AppError('REMEDIATION_NOT_FOUND');
    return {
      owner,
      canReport: own.some((r) => REMEDIATION_REPORT_ROLES.includes(r)),
      // The task's leader decides; a task without a leader is decided by the reviewers.
      canDecide: t.leaderUserId ? leads : reviewer,
    };
  }

  private async load(auth: AuthInfo, id: string) {
    const t = await repo.findTask(this.ctx.db, id);
    if (!t) throw new AppError('REMEDIATION_NOT_FOUND');
    return { t, ...(await this.access(auth, t)) };
  }

  /** The filter of what the caller may list: all of a province (reviewer), else own units and led tasks. */
  private async scopeFilter(auth: AuthInfo): Promise<repo.TaskFilter> {
    const roots = [...new Set(auth.assignments.map((a) => a.agencyPath.split('/').filter(Boolean)[0]!))];
    const reviewed: string[] = [];
    for (const r of roots) if (await this.isReviewer(auth, `/${r}/`)) reviewed.push(...(await repo.subtreeIds(this.ctx.db, `/${r}/`)));
    if (reviewed.length) return { ownerAgencyIds: reviewed };
    return { ownerAgencyIds: [...new Set(auth.assignments.map((a) => a.agencyId))], leaderUserId: auth.userId };
  }

  // ---------------- reads

  async list(auth: AuthInfo, q: z.infer<typeof S.ListQuery>) {
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    const f = await this.scopeFilter(auth);
    const today = this.today();
    if (q.agencyId) {
      const a = await findAgency(this.ctx.db, q.agencyId);
      if (!a) throw new AppError('NOT_FOUND', { entity: 'agency' });
      const sub = new Set(await repo.subtreeIds(this.ctx.db, a.path));
      f.ownerAgencyIds = (f.ownerAgencyIds ?? []).filter((x) => sub.has(x));
      delete f.leaderUserId;
    }
    if (q.status) f.statuses = [q.status];
    if (q.overdue === 'true') f.overdueOn = today;
    if (q.source) f.sourceKind = q.source;
    if (q.visitId) {
      if (q.source === 'par') return { items: [], nextCursor: null, today };
      f.sourceKind = 'inspection';
      f.sourceRef = q.visitId;
    }
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    let rows = await repo.listTasks(this.ctx.db, f, after, q.limit + 1);
    if (q.overdue === 'false') rows = rows.filter((r) => !isRemediationOverdue(r.t.status as RemediationStatus, r.t.deadline, today));
    const more = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => taskSummary(r.t, r.owner, today)), nextCursor: more && last ? encodeCursor(last.t.deadline, last.t.id) : null, today };
  }

  async get(auth: AuthInfo, id: string) {
    const { t, owner, canReport, canDecide } = await this.load(auth, id);
    const today = this.today();
    const history = await repo.historyOf(this.ctx.db, id);
    const evidence = await repo.evidenceOf(this.ctx.db, id);
    const derived = remediationStatusFromHistory(history.map((x) => ({ action: x.h.action as never, evidenceCount: (x.h.data as { evidenceCount?: number } | null)?.evidenceCount ?? 0, comment: x.h.body })));
    const status = t.status as RemediationStatus;
    return {
      ...taskSummary(t, { id: owner.id, name: owner.name, code: owner.code }, today),
      /** Status as derived from the history entries (equal to `status` unless the history was tampered with). */
      derivedStatus: derived?.status ?? null,
      history: history.map((x) => ({ id: x.h.id, action: x.h.action, from: x.h.fromStatus, to: x.h.toStatus, body: x.h.body, data: x.h.data, actor: x.h.actorId ? { id: x.h.actorId, name: x.actorName ?? '' } : null, at: formatVnIso(x.h.at) })),
      evidence: evidence.map((e) => ({ id: e.id, historyId: e.historyId, sha256: e.fileSha256, fileName: e.fileName, addedAt: formatVnIso(e.addedAt) })),
      can: {
        report: canReport && remediationTransition(status, { action: 'report', evidenceCount: 1 }).ok,
        accept: canDecide && status === 'reported',
        return: canDecide && status === 'reported',
      },
    };
  }

  /** An evidence file of a task (same scope as the task: others 404), with its stored type and the name it was reported with. */
  async evidenceContent(auth: AuthInfo, id: string, sha256: string) {
    await this.load(auth, id);
    const e = (await repo.evidenceOf(this.ctx.db, id)).find((x) => x.fileSha256 === sha256);
    if (!e) throw new AppError('NOT_FOUND', { entity: 'tài liệu kiểm chứng' });
    const f = await repo.storedFile(this.ctx.db, sha256);
    return { fileName: e.fileName, contentType: f?.mime ?? 'application/octet-stream', content: await this.ctx.files.get(sha256) };
  }

  // ---------------- changes

  /** From a PAR lost point (reform officers of the standing body). */
  async createFromLostPoint(auth: AuthInfo, body: z.infer<typeof S.CreateBody>) {
    const agency = await findAgency(this.ctx.db, body.agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const path = await this.reviewPathFor(agency.path);
    if (!rolesOver(auth, [path]).some((r) => REMEDIATION_REVIEW_ROLES.includes(r))) {
      if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
      throw new AppError('ROLE_NOT_ALLOWED', { action: 'Giao nhiệm vụ khắc phục' });
    }
    const round = await findRound(this.ctx.db, body.roundId);
    if (!round) throw new AppError('PAR_ROUND_NOT_FOUND');
    const lost = await lostPointsFor(this.ctx.db, body.roundId, body.agencyId);
    if (!lost.some((l) => l.nodeCode === body.nodeCode)) throw new AppError('REMEDIATION_NO_LOST_POINT', { node: body.nodeCode });
    // The task is assigned today: the notice date is today's (the default deadline runs from it).
    const today = this.today();
    const r = await this.ctx.db.transaction((tx) =>
      createTask(tx, this.ctx, auth.userId, { ownerAgencyId: body.agencyId, content: body.content, deadline: body.deadline ?? null, noticeDate: today, source: { kind: 'par', roundId: body.roundId, nodeCode: body.nodeCode }, leaderUserId: null }),
    );
    return { created: r.created, task: await this.get(auth, r.id) };
  }

  private async decide(auth: AuthInfo, id: string, version: number, action: RemediationAction, text: string, evidence: { sha256: string; fileName: string }[]) {
    const { t, canReport, canDecide } = await this.load(auth, id);
    const label = action === 'report' ? 'Báo cáo khắc phục' : action === 'accept' ? 'Chấp nhận kết quả khắc phục' : 'Trả lại báo cáo khắc phục';
    if (action === 'report' ? !canReport : !canDecide) throw new AppError('ROLE_NOT_ALLOWED', { action: label });
    if (t.version !== version) throw new AppError('REMEDIATION_VERSION_CONFLICT', { current: t.version }, { currentVersion: t.version });
    const from = t.status as RemediationStatus;
    const tr = remediationTransition(from, { action, evidenceCount: evidence.length, comment: text });
    if (!tr.ok) {
      if (tr.error === 'evidence_required') throw new AppError('REMEDIATION_EVIDENCE_REQUIRED');
      if (tr.error === 'comment_required') throw new AppError('REMEDIATION_COMMENT_REQUIRED');
      throw new AppError('REMEDIATION_STATE', { action: label, state: REMEDIATION_STATUS_LABELS[from].vi });
    }
    for (const e of evidence) {
      if (!(await repo.storedFile(this.ctx.db, e.sha256))) throw new AppError('NOT_FOUND', { entity: 'file' });
    }
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateTaskIfVersion(tx, id, version, { status: tr.to, ...(action === 'report' ? { everReported: 1 } : {}) }, now);
      if (!u) throw new AppError('REMEDIATION_VERSION_CONFLICT', { current: version + 1 });
      const h = await repo.appendHistory(tx, { taskId: id, actorId: auth.userId, action, fromStatus: from, toStatus: tr.to, body: text.trim() || null, data: action === 'report' ? { evidenceCount: evidence.length } : null, at: now });
      await repo.insertEvidence(tx, evidence.map((e) => ({ taskId: id, historyId: h.id, fileSha256: e.sha256, fileName: e.fileName, addedBy: auth.userId, addedAt: now })));
    });
    return this.get(auth, id);
  }

  report(auth: AuthInfo, id: string, b: z.infer<typeof S.ReportBody>) {
    return this.decide(auth, id, b.version, 'report', b.report, b.evidence);
  }
  accept(auth: AuthInfo, id: string, b: z.infer<typeof S.AcceptBody>) {
    return this.decide(auth, id, b.version, 'accept', b.comment ?? '', []);
  }
  returnTask(auth: AuthInfo, id: string, b: z.infer<typeof S.ReturnBody>) {
    return this.decide(auth, id, b.version, 'return', b.comment, []);
  }
}

/**
 * Reform inspections use cases: templates, plans (validated by core validatePlan), visits (scoped), start, offline
 * sync (core mergeItemChange, one transaction per change, replay detection by client change id), finish.
 * Every state change appends an inspection_item_history entry; every mutable row is versioned (409 VERSION_CONFLICT).
 */
import type { AppContext } from '../../../platform/context.ts';
import type { AuthInfo } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { toLocalDate } from '../../../../core/calendar/index.ts';
import { PLAN_PROBLEM_MESSAGES } from '../../../../core/i18n/errors.ts';
import {
  CHECKLIST_TEMPLATES,
  mergeItemChange,
  previsitPeriod,
  selfInspectionCoverage,
  selfInspectionRuleFor,
  summariseChecklist,
  validatePlan,
  type ChecklistFigure,
  type ChecklistTemplate,
  type ItemResult,
  type PlanProblem,
} from '../../../../core/reform/inspections/index.ts';
import * as R from './inspections.repository.ts';
import { previsitFigures } from './previsit-figures.ts';
import type { z } from 'zod';
import type * as S from './inspections.schemas.ts';

const PROVINCE_ROLES = ['reform_officer', 'leader', 'province_admin'];

export function templateById(id: string): ChecklistTemplate {
  const t = CHECKLIST_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new AppError('INSPECTION_TEMPLATE_NOT_FOUND', { id });
  return t;
}

export class InspectionsService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.db;
  }

  /**
   * Reform officers / leaders / province admins of a reform standing body (Sở Nội vụ), or holding that role over it
   * (on the province root), see every plan and visit. A commune's own reform officer is not "province": the role
   * counts only at or above the standing body.
   */
  private async isProvince(auth: AuthInfo): Promise<boolean> {
    const bodies = await R.standingBodies(this.db);
    return auth.assignments.some((a) => PROVINCE_ROLES.includes(a.role) && bodies.some((b) => b.path.startsWith(a.agencyPath)));
  }

  /** 404 for a caller who may not see the plan at all (no existence leak), 403 for a team member who may not manage it. */
  private async requireManage(auth: AuthInfo, plan: { id: string; ownerAgencyId: string }) {
    if (await this.canManagePlan(auth, plan.ownerAgencyId)) return;
    const team = await R.teamsOfPlans(this.db, [plan.id]);
    if (!team.some((t) => t.m.userId === auth.userId)) throw new AppError('INSPECTION_PLAN_NOT_FOUND');
    throw new AppError('FORBIDDEN');
  }

  listTemplates() {
    return {
      items: CHECKLIST_TEMPLATES.map((t) => ({
        id: t.id,
        unitType: t.unitType,
        title: t.title.vi,
        validFrom: t.validFrom,
        validTo: t.validTo,
        items: t.items.map((i) => ({ code: i.code, group: i.group.vi, title: i.title.vi, guidance: i.guidance.vi, ...(i.figure ? { figure: i.figure } : {}) })),
      })),
    };
  }

  private async planProblems(body: { year: number; kind: 'province' | 'self'; ownerAgencyId: string; visits: z.infer<typeof S.VisitInput>[]; team: z.infer<typeof S.TeamInput>[] }) {
    const subUnitIds = body.kind === 'self' ? (await R.subUnitsOf(this.db, body.ownerAgencyId)).map((a) => a.id) : undefined;
    const problems: PlanProblem[] = validatePlan({ year: body.year, kind: body.kind, visits: body.visits, team: body.team, ...(subUnitIds ? { subUnitIds } : {}) } as never);
    if (problems.length === 0) return;
    const names = new Map((await R.agenciesByIds(this.db, body.visits.map((v) => v.agencyId))).map((a) => [a.id, a.name]));
    const detailed = problems.map((p) => {
      const m = /^(visits|team)\.(\d+)/.exec(p.path);
      const n = m ? Number(m[2]) + 1 : 0;
      const unit = m && m[1] === 'visits' ? (names.get(body.visits[Number(m[2])]!.agencyId) ?? '') : '';
      const fmt = (s: string) => s.replaceAll('{n}', String(n)).replaceAll('{unit}', unit);
      return { ...p, message: fmt(PLAN_PROBLEM_MESSAGES[p.code].vi), messageEn: fmt(PLAN_PROBLEM_MESSAGES[p.code].en) };
    });
    throw new AppError('PLAN_INVALID', { count: detailed.length, first: detailed[0]!.message }, { problems: detailed });
  }

  private async canManagePlan(auth: AuthInfo, ownerAgencyId: string) {
    if (await this.isProvince(auth)) return true;
    return auth.assignments.some((a) => a.agencyId === ownerAgencyId && ['leader', 'reform_officer', 'unit_admin'].includes(a.role));
  }

  async listPlans(auth: AuthInfo, year?: number) {
    const plans = await R.listPlans(this.db, year);
    const province = await this.isProvince(auth);
    const mine = new Set((await R.plansOfMember(this.db, auth.userId)).map((m) => m.planId));
    const own = new Set(auth.assignments.map((a) => a.agencyId));
    const visible = plans.filter((p) => province || mine.has(p.id) || own.has(p.ownerAgencyId));
    const visits = await R.visitsOfPlans(this.db, visible.map((p) => p.id));
    const owners = new Map((await R.agenciesByIds(this.db, visible.map((p) => p.ownerAgencyId))).map((a) => [a.id, a]));
    return {
      items: visible.map((p) => {
        const vs = visits.filter((v) => v.v.planId === p.id);
        return { id: p.id, year: p.year, kind: p.kind, title: p.title, ownerAgency: { id: p.ownerAgencyId, name: owners.get(p.ownerAgencyId)?.name ?? '' }, status: p.status, visitCount: vs.length, doneCount: vs.filter((v) => v.v.status === 'done').length, version: p.version };
      }),
    };
  }

  async createPlan(auth: AuthInfo, body: z.infer<typeof S.PlanBody>) {
    templateById(body.templateId);
    if (!(await this.canManagePlan(auth, body.ownerAgencyId))) throw new AppError('FORBIDDEN');
    await this.planProblems(body);
    const now = this.ctx.now();
    const plan = await this.db.transaction(async (tx) => {
      const p = await R.insertPlan(tx, { year: body.year, kind: body.kind, title: body.title, ownerAgencyId: body.ownerAgencyId, templateId: body.templateId, status: 'draft', createdBy: auth.userId, createdAt: now, updatedAt: now });
      await this.writeVisitsAndTeam(tx, p.id, body.templateId, body.visits, body.team, now);
      await R.appendHistory(tx, { planId: p.id, actorId: auth.userId, action: 'plan_created', to: body as never, at: now });
      return p;
    });
    return this.getPlan(auth, plan.id);
  }

  private async writeVisitsAndTeam(tx: Parameters<typeof R.insertPlan>[0], planId: string, templateId: string, visits: z.infer<typeof S.VisitInput>[], team: z.infer<typeof S.TeamInput>[], now: Date) {
    const tpl = templateById(templateId);
    const rows = await R.insertVisits(tx, visits.map((v, i) => ({ planId, agencyId: v.agencyId, position: i, scheduledOn: v.scheduledOn, surprise: v.surprise, status: 'planned', createdAt: now, updatedAt: now })));
    await R.insertItems(tx, rows.flatMap((v) => tpl.items.map((it, i) => ({ visitId: v.id, code: it.code, position: i }))));
    await R.insertTeam(tx, team.map((m) => ({ planId, userId: m.staffId, agencyId: m.agencyId, role: m.role, createdAt: now })));
  }

  private async loadPlan(id: string) {
    const p = await R.findPlan(this.db, id);
    if (!p) throw new AppError('INSPECTION_PLAN_NOT_FOUND');
    return p;
  }

  async getPlan(auth: AuthInfo, id: string) {
    const p = await this.loadPlan(id);
    const team = await R.teamsOfPlans(this.db, [id]);
    const manage = await this.canManagePlan(auth, p.ownerAgencyId);
    if (!manage && !team.some((t) => t.m.userId === auth.userId)) throw new AppError('INSPECTION_PLAN_NOT_FOUND');
    const visits = await R.visitsOfPlans(this.db, [id]);
    const owner = (await R.agenciesByIds(this.db, [p.ownerAgencyId]))[0];
    let coverage: unknown = null;
    if (p.kind === 'self') {
      const subs = await R.subUnitsOf(this.db, p.ownerAgencyId);
      const rule = selfInspectionRuleFor(toLocalDate(this.ctx.now()));
      coverage = rule ? selfInspectionCoverage(subs.map((s) => s.id), visits.filter((v) => v.v.status === 'done').map((v) => v.v.agencyId), rule) : null;
    }
    return {
      id: p.id, year: p.year, kind: p.kind, title: p.title, templateId: p.templateId, ownerAgency: { id: p.ownerAgencyId, name: owner?.name ?? '' }, status: p.status, version: p.version,
      visitCount: visits.length, doneCount: visits.filter((v) => v.v.status === 'done').length,
      visits: visits.map((v) => ({ id: v.v.id, agency: { id: v.agency.id, name: v.agency.name, code: v.agency.code }, scheduledOn: v.v.scheduledOn, surprise: v.v.surprise, status: v.v.status, version: v.v.version })),
      team: team.map((t) => ({ staffId: t.m.userId, name: t.name, agency: t.agency, role: t.m.role })),
      coverage,
    };
  }

  async patchPlan(auth: AuthInfo, id: string, body: z.infer<typeof S.PlanPatchBody>) {
    const p = await this.loadPlan(id);
    await this.requireManage(auth, p);
    if (p.status !== 'draft') throw new AppError('INSPECTION_PLAN_STATE', { action: 'sửa', state: p.status });
    if (p.version !== body.version) throw new AppError('VERSION_CONFLICT', { current: p.version });
    const cur = await this.getPlan(auth, id);
    const visits = body.visits ?? cur.visits.map((v) => ({ agencyId: v.agency.id, scheduledOn: v.scheduledOn, surprise: v.surprise }));
    const team = body.team ?? cur.team.map((t) => ({ staffId: t.staffId, agencyId: t.agency.id, role: t.role as 'leader' | 'member' }));
    const templateId = body.templateId ?? p.templateId;
    templateById(templateId);
    await this.planProblems({ year: p.year, kind: p.kind as 'province' | 'self', ownerAgencyId: p.ownerAgencyId, visits, team });
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const u = await R.updatePlanIfVersion(tx, id, body.version, { title: body.title ?? p.title, templateId }, now);
      if (!u) throw new AppError('VERSION_CONFLICT', { current: p.version });
      if (body.visits || body.team || body.templateId) {
        await R.deleteVisitsOfPlan(tx, id);
        await R.deleteTeamOfPlan(tx, id);
        await this.writeVisitsAndTeam(tx, id, templateId, visits, team, now);
      }
      await R.appendHistory(tx, { planId: id, actorId: auth.userId, action: 'plan_updated', to: body as never, at: now });
    });
    return this.getPlan(auth, id);
  }

  async approvePlan(auth: AuthInfo, id: string, version: number) {
    const p = await this.loadPlan(id);
    await this.requireManage(auth, p);
    if (!auth.assignments.some((a) => ['leader', 'province_admin'].includes(a.role) || a.role === 'reform_officer')) throw new AppError('FORBIDDEN');
    if (p.status !== 'draft') throw new AppError('INSPECTION_PLAN_STATE', { action: 'phê duyệt', state: p.status });
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const u = await R.updatePlanIfVersion(tx, id, version, { status: 'approved', approvedBy: auth.userId, approvedAt: now }, now);
      if (!u) throw new AppError('VERSION_CONFLICT', { current: p.version });
      await R.appendHistory(tx, { planId: id, actorId: auth.userId, action: 'plan_approved', from: { status: 'draft' }, to: { status: 'approved' }, at: now });
    });
    return this.getPlan(auth, id);
  }

  // ------------------------------------------------------------ visits

  /** The caller's role on a visit ('leader'|'member'), 'province', 'unit' (own done visit) or null (not visible). */
  private async access(auth: AuthInfo, visit: R.VisitRow): Promise<{ role: 'leader' | 'member' | null; visible: boolean }> {
    const team = (await R.plansOfMember(this.db, auth.userId)).find((m) => m.planId === visit.planId);
    if (team) return { role: team.role as 'leader' | 'member', visible: true };
    if (await this.isProvince(auth)) return { role: null, visible: true };
    if (visit.status === 'done' && auth.assignments.some((a) => a.agencyId === visit.agencyId)) return { role: null, visible: true };
    return { role: null, visible: false };
  }

  async listVisits(auth: AuthInfo, q: z.infer<typeof S.VisitsQuery>) {
    const rows = await R.allVisits(this.db);
    const province = await this.isProvince(auth);
    const myPlans = new Set((await R.plansOfMember(this.db, auth.userId)).map((m) => m.planId));
    const own = new Set(auth.assignments.map((a) => a.agencyId));
    const items = rows
      .filter((r) => (q.year === undefined || r.plan.year === q.year) && (q.status === undefined || r.v.status === q.status))
      .filter((r) => province || myPlans.has(r.plan.id) || (r.v.status === 'done' && own.has(r.v.agencyId)))
      .map((r) => ({ id: r.v.id, plan: { id: r.plan.id, title: r.plan.title, year: r.plan.year }, agency: { id: r.agency.id, name: r.agency.name, code: r.agency.code }, status: r.v.status, scheduledOn: r.v.scheduledOn, surprise: r.v.surprise, doneAt: r.v.doneAt, version: r.v.version, me: { role: null as string | null } }));
    return { items };
  }

  private async loadVisit(auth: AuthInfo, id: string) {
    const v = await R.findVisit(this.db, id);
    if (!v) throw new AppError('INSPECTION_VISIT_NOT_FOUND');
    const a = await this.access(auth, v);
    if (!a.visible) throw new AppError('INSPECTION_VISIT_NOT_FOUND');
    return { v, role: a.role };
  }

  async getVisit(auth: AuthInfo, id: string) {
    const { v, role } = await this.loadVisit(auth, id);
    const plan = (await R.findPlan(this.db, v.planId))!;
    const tpl = templateById(plan.templateId);
    const agency = (await R.agenciesByIds(this.db, [v.agencyId]))[0]!;
    const items = await R.itemsOf(this.db, [id]);
    const photos = await R.photosOf(this.db, id);
    const docs = await R.documentsOf(this.db, [id]);
    const ref = v.scheduledOn ?? toLocalDate(this.ctx.now());
    const period = v.periodFrom && v.periodTo ? { from: v.periodFrom, to: v.periodTo } : previsitPeriod(ref as never);
    const byCode = new Map(tpl.items.map((t) => [t.code, t]));
    const figures = await previsitFigures(this.ctx, v.agencyId, period, [...new Set(items.map((r) => byCode.get(r.i.code)?.figure).filter((f): f is ChecklistFigure => !!f))]);
    const outItems = items.map((r) => {
      const t = byCode.get(r.i.code);
      return {
        code: r.i.code, group: t?.group.vi ?? '', title: t?.title.vi ?? r.i.code, guidance: t?.guidance.vi ?? '',
        figure: (t?.figure ? figures.get(t.figure) : undefined) ?? null,
        result: r.i.result as ItemResult | null, note: r.i.note, version: r.i.version,
        updatedBy: r.i.updatedBy ? { id: r.i.updatedBy, name: r.updatedByName ?? '' } : null, updatedAt: r.i.updatedAt,
      };
    });
    return {
      id: v.id, plan: { id: plan.id, title: plan.title, year: plan.year }, agency: { id: agency.id, name: agency.name, code: agency.code },
      status: v.status, scheduledOn: v.scheduledOn, surprise: v.surprise, startedAt: v.startedAt, doneAt: v.doneAt, version: v.version, period,
      items: outItems,
      photos: photos.map((p) => this.photoOut(p)),
      summary: summariseChecklist(outItems.map((i) => ({ code: i.code, result: i.result })) as never),
      documents: docs.map((d) => ({ kind: d.kind, status: d.status, number: d.number, version: d.version })),
      me: { role },
    };
  }

  photoOut(p: R.PhotoRow) {
    return { id: p.id, clientPhotoId: p.clientPhotoId, itemCode: p.itemCode, fileName: p.fileName, contentType: p.contentType, size: p.size, takenAt: p.takenAt, url: `/api/reform/inspection-visits/${p.visitId}/photos/${p.id}` };
  }

  async start(auth: AuthInfo, id: string, version: number) {
    const { v, role } = await this.loadVisit(auth, id);
    if (!role) throw new AppError('FORBIDDEN');
    if (v.status !== 'planned') throw new AppError('INSPECTION_VISIT_STATE', { action: 'bắt đầu', state: v.status });
    // A visit of a plan not yet approved cannot start.
    const plan = await R.findPlan(this.db, v.planId);
    if (plan?.status !== 'approved') throw new AppError('INSPECTION_PLAN_STATE', { action: 'bắt đầu cuộc kiểm tra', state: plan?.status ?? 'draft' });
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const u = await R.updateVisitIfVersion(tx, id, version, { status: 'in_progress', startedAt: now, startedBy: auth.userId }, now);
      if (!u) throw new AppError('VERSION_CONFLICT', { current: v.version });
      await R.appendHistory(tx, { planId: v.planId, visitId: id, actorId: auth.userId, action: 'visit_started', from: { status: 'planned' }, to: { status: 'in_progress' }, at: now });
    });
    return this.getVisit(auth, id);
  }

  async sync(auth: AuthInfo, id: string, body: z.infer<typeof S.SyncBody>) {
    const { v, role } = await this.loadVisit(auth, id);
    if (!role) throw new AppError('FORBIDDEN');
    if (v.status !== 'in_progress') throw new AppError('INSPECTION_VISIT_STATE', { action: 'đồng bộ', state: v.status });
    const results = [];
    for (const c of body.changes) {
      results.push(await this.applyChange(auth, v, c));
    }
    return { results };
  }

  private async applyChange(auth: AuthInfo, v: R.VisitRow, c: z.infer<typeof S.SyncBody>['changes'][number]) {
    const now = this.ctx.now();
    const names = async (db: Parameters<typeof R.usersByIds>[0], uid: string | null) => (uid ? { id: uid, name: (await R.usersByIds(db, [uid]))[0]?.fullName ?? '' } : null);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          const item = await R.findItem(tx, v.id, c.itemCode);
          if (!item) throw new AppError('INSPECTION_ITEM_NOT_FOUND', { code: c.itemCode });
          const prior = await R.findChange(tx, v.id, c.clientChangeId);
          const applied = prior ? new Set([c.clientChangeId]) : new Set<string>();
          const m = mergeItemChange(
            { result: item.result as ItemResult | null, note: item.note, version: item.version, updatedBy: item.updatedBy },
            { clientChangeId: c.clientChangeId, itemId: item.id, baseVersion: c.baseVersion, result: c.result, note: c.note, authorId: auth.userId },
            applied,
          );
          if (m.kind === 'applied') {
            const u = await R.updateItemIfVersion(tx, item.id, item.version, { result: m.item.result, note: m.item.note, updatedBy: auth.userId }, now);
            if (!u) throw new RetryChange();
            await R.appendHistory(tx, { planId: v.planId, visitId: v.id, itemCode: item.code, clientChangeId: c.clientChangeId, actorId: auth.userId, action: 'item_changed', from: { result: item.result, note: item.note, version: item.version }, to: { result: u.result, note: u.note, version: u.version }, at: now });
            return { clientChangeId: c.clientChangeId, outcome: 'applied' as const, item: { code: u.code, result: u.result, note: u.note, version: u.version, updatedBy: await names(tx, u.updatedBy), updatedAt: u.updatedAt } };
          }
          if (m.kind === 'unchanged') {
            if (m.reason === 'same_content') {
              await R.appendHistory(tx, { planId: v.planId, visitId: v.id, itemCode: item.code, clientChangeId: c.clientChangeId, actorId: auth.userId, action: 'item_same_content', to: { result: c.result, note: c.note }, at: now });
            }
            return { clientChangeId: c.clientChangeId, outcome: 'unchanged' as const, reason: m.reason, item: { code: item.code, result: item.result, note: item.note, version: item.version, updatedBy: await names(tx, item.updatedBy), updatedAt: item.updatedAt } };
          }
          return { clientChangeId: c.clientChangeId, outcome: 'conflict' as const, item: { code: item.code, result: item.result, note: item.note, version: item.version, updatedBy: await names(tx, item.updatedBy), updatedAt: item.updatedAt }, mine: { result: c.result, note: c.note } };
        });
      } catch (e) {
        // A concurrent writer (same item, or the same client change id in a parallel request): re-read and merge again.
        if (attempt < 3 && (e instanceof RetryChange || isUniqueViolation(e))) continue;
        throw e;
      }
    }
  }

  async finish(auth: AuthInfo, id: string, version: number) {
    const { v, role } = await this.loadVisit(auth, id);
    if (role !== 'leader') throw new AppError('FORBIDDEN');
    if (v.status !== 'in_progress') throw new AppError('INSPECTION_VISIT_STATE', { action: 'kết thúc', state: v.status });
    const items = await R.itemsOf(this.db, [id]);
    const missing = items.filter((i) => i.i.result === null).map((i) => i.i.code);
    if (missing.length) throw new AppError('CHECKLIST_INCOMPLETE', { count: missing.length, codes: missing.join(', ') }, { codes: missing });
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const u = await R.updateVisitIfVersion(tx, id, version, { status: 'done', doneAt: now, doneBy: auth.userId }, now);
      if (!u) throw new AppError('VERSION_CONFLICT', { current: v.version });
      await R.appendHistory(tx, { planId: v.planId, visitId: id, actorId: auth.userId, action: 'visit_done', from: { status: 'in_progress' }, to: { status: 'done' }, at: now });
    });
    return this.getVisit(auth, id);
  }

  /** Stores a photo exactly once per clientPhotoId: `created` false when it was already stored (replay). */
  async addPhoto(auth: AuthInfo, id: string, fields: z.infer<typeof S.PhotoFields>, file: { bytes: Buffer; fileName: string; contentType: string }) {
    const { v, role } = await this.loadVisit(auth, id);
    if (!role) throw new AppError('FORBIDDEN');
    const existing = await R.findPhotoByClientId(this.db, id, fields.clientPhotoId);
    if (existing) return { created: false, photo: this.photoOut(existing) };
    if (v.status !== 'in_progress') throw new AppError('INSPECTION_VISIT_STATE', { action: 'thêm ảnh', state: v.status });
    if (!(await R.findItem(this.db, id, fields.itemCode))) throw new AppError('INSPECTION_ITEM_NOT_FOUND', { code: fields.itemCode });
    const stored = await this.ctx.files.put(file.bytes);
    const now = this.ctx.now();
    const row = await this.db.transaction(async (tx) => {
      const r = await R.insertPhotoOnce(tx, { visitId: id, clientPhotoId: fields.clientPhotoId, itemCode: fields.itemCode, fileSha256: stored.sha256, fileName: file.fileName, contentType: file.contentType, size: file.bytes.length, takenAt: fields.takenAt ? new Date(fields.takenAt) : null, addedBy: auth.userId, addedAt: now });
      if (r) await R.appendHistory(tx, { planId: v.planId, visitId: id, itemCode: fields.itemCode, actorId: auth.userId, action: 'photo_added', to: { photoId: r.id, clientPhotoId: fields.clientPhotoId, sha256: stored.sha256 }, at: now });
      return r;
    });
    if (row) return { created: true, photo: this.photoOut(row) };
    const again = await R.findPhotoByClientId(this.db, id, fields.clientPhotoId);
    return { created: false, photo: this.photoOut(again!) };
  }

  async photoContent(auth: AuthInfo, id: string, photoId: string) {
    await this.loadVisit(auth, id);
    const p = await R.findPhoto(this.db, id, photoId);
    if (!p) throw new AppError('INSPECTION_VISIT_NOT_FOUND');
    return { photo: p, content: await this.ctx.files.get(p.fileSha256) };
  }
}

class RetryChange extends Error {}
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}

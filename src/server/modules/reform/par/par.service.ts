/**
 * PAR index (Chỉ số cải cách hành chính), issue 9 §1: criteria sets as data, rounds with deadlines and locks,
 * self-assessment with evidence and auto-filled figures, appraisal, survey, results with ranking and lost points.
 *
 * Every score is computed by core/reform/par (hundredths, one rounding at the end); `computeRound` is the single
 * place that turns stored rows into a round's figures, used by the results, the exports, the public page and the
 * functions exported to the reform dashboard (parSummaryFor, lostPointsFor).
 *
 * Scope: a unit's staff (a role assigned on the unit itself) see and edit only their unit; appraisers see the
 * units of their assignments; the round's owners (reform officer / province admin on the province) see all;
 * results are private until published. Every change is one transaction that checks a version and appends a
 * par_history entry (who, when, from, to, why).
 */
import { documentRatesForPeriod } from '../../documents/index.ts';
import { electronicProcessing } from '../../../../core/documents/index.ts';
import { pctOf } from '../../../../core/reform/figures.ts';
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { publicLink } from '../../../platform/config/config.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import type { AuthInfo } from '../../../platform/http/auth.ts';
import type { Role } from '../../../../core/dossier/index.ts';
import { formatVnIso, toLocalDate } from '../../../../core/calendar/index.ts';
import { resolvePeriod } from '../../../../core/service-index/period.ts';
import { REPORT_KINDS, reportSchedule, reportTiming, type ReportStatus } from '../../../../core/reform/index.ts';
import {
  buildTree,
  changeVsLastYear,
  exportCriteriaSet,
  hundredthsString,
  lostPoints,
  mapRate,
  notApplicableFor,
  parseCriteriaSet,
  percentNumber,
  pointsFromAnswer,
  rankUnits,
  scoreTree,
  toHundredths,
  aggregateSurvey,
  isLeaf,
  copySetToYear,
  deadlineLock,
  checkAnswers,
  countAnswers,
  surveyQuestions,
  type RespondentGroup,
  type DeadlineLock,
  type LockPhase,
  type CriteriaNode,
  type CriteriaSet,
  type Hundredths,
  type Tree,
  type TreeScore,
  type AutoMetric,
  type Answer,
} from '../../../../core/reform/par/index.ts';
import { PAR_LOCK_PHASE_TEXT } from '../../../../core/i18n/errors.ts';
import { rolesOver } from '../../dossiers/dossiers.service.ts';
import { findAgency } from '../../units/index.ts';
import { reportsOfAgency } from '../index.ts';
import * as repo from './par.repository.ts';
import type * as S from './par.schemas.ts';

/** Who manages sets and rounds (on the province: the round's owner agency or an ancestor). */
export const PAR_ADMIN_ROLES: readonly Role[] = ['reform_officer', 'province_admin'];
/** The appraisal council: finalises, reopens and publishes. */
export const PAR_COUNCIL_ROLES: readonly Role[] = ['reform_officer', 'leader'];
/** A unit's staff who fill the self-assessment (a role on the unit itself). */
export const PAR_UNIT_WRITE_ROLES: readonly Role[] = ['leader', 'unit_admin', 'specialist', 'reform_officer'];
/** Who submits and withdraws a unit's self-assessment. */
export const PAR_SUBMIT_ROLES: readonly Role[] = ['leader'];

export const ROUND_STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  open: { vi: 'Đang đánh giá', en: 'In progress' },
  finalised: { vi: 'Đã chốt kết quả', en: 'Finalised' },
  published: { vi: 'Đã công bố', en: 'Published' },
};

/** Service-index indicators behind the auto-filled metrics. */
const METRIC_INDICATOR: Partial<Record<AutoMetric, string>> = {
  ONLINE_DOSSIERS: 'ONLINE_DOSSIERS',
  ON_TIME: 'ON_TIME',
  ELECTRONIC_RESULTS: 'ORIGINAL_RESULT_AVAILABLE',
  ONLINE_PAYMENT: 'PAYMENT_DOSSIERS',
  DIGITISATION: 'SO_HOA_GIAY_TO_GIAI_QUYET',
  SATISFACTION: 'DOSSIER_RECEIVING_SATISFACTION',
  FEEDBACK_ON_TIME: 'PETITION_PROCESSING_ON_TIME',
};

export interface AutoFigure {
  metric: AutoMetric;
  available: boolean;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  period: { from: string; to: string };
  /** The query behind the figure, in words. */
  query: string;
  /** Console link to the drill-down (null when motcua has no list for it). */
  drill: string | null;
  computedAt: string;
}

export interface RemediationTaskRef {
  id: string;
  content: string;
  deadline: string | null;
  status: string;
  overdue: boolean;
}
export type OpenTasksForNode = (agencyId: string, nodeCode: string) => Promise<RemediationTaskRef[]>;

const fmtDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const h2s = (h: number | null | undefined) => (h == null ? null : hundredthsString(h));
const pct = (p: number | null) => (p == null ? null : hundredthsString(p));

/** The type of unit a set applies to, from the agency (department; commune/ward; else the agency kind). */
export function unitTypeOf(a: { kind: string; level: string }): string {
  if (a.kind === 'department') return 'department';
  if (a.level === 'commune') return 'commune';
  return a.kind;
}

function setFromRows(s: repo.SetRow, nodes: repo.NodeRow[]): CriteriaSet {
  return {
    code: s.code,
    year: s.year,
    unitType: s.unitType,
    title: s.title as CriteriaSet['title'],
    bands: s.bands as CriteriaSet['bands'],
    answerWeights: s.answerWeights as Record<string, number>,
    nodes: nodes.map((n) => ({
      code: n.code,
      parent: n.parentCode,
      title: n.title as CriteriaNode['title'],
      max: n.max,
      method: (n.method ?? undefined) as CriteriaNode['method'],
      evidence: n.evidence ?? undefined,
      evidenceRequired: n.evidenceRequired ?? undefined,
      appliesTo: (n.appliesTo ?? undefined) as string[] | undefined,
      guidance: n.guidance ?? undefined,
      source: (n.method as { kind?: string } | null)?.kind === 'survey' ? 'survey' : undefined,
    })),
  };
}

function nodeRows(set: CriteriaSet) {
  return set.nodes.map((n, i) => ({
    code: n.code,
    parentCode: n.parent ?? null,
    position: i,
    title: n.title,
    max: n.max,
    method: n.method ?? null,
    evidence: n.evidence ?? null,
    evidenceRequired: n.evidenceRequired ?? null,
    appliesTo: n.appliesTo ?? null,
    guidance: n.guidance ?? null,
  }));
}

const needsEvidence = (n: CriteriaNode) => n.method?.kind !== 'survey' && n.method?.kind !== 'auto' && n.evidenceRequired !== false;

// ------------------------------------------------------------------ the one computation of a round

export interface UnitResult {
  agency: repo.AgencyRow;
  roundUnit: repo.RoundUnitRow;
  score: TreeScore;
  points: Map<string, Hundredths | null>;
  notes: Map<string, string | null>;
}
export interface RoundComputation {
  round: repo.RoundRow;
  set: CriteriaSet;
  tree: Tree<CriteriaNode>;
  units: UnitResult[];
  ranked: ReturnType<typeof rankUnits>;
}

/**
 * A leaf's counted points: the survey result for a survey node; else the appraised points, or — until appraised —
 * the self-assessed (or auto-filled) points of a submitted unit. A unit that never submitted counts only what the
 * appraisers scored (nothing is submitted on its behalf).
 */
/** The criteria set a round scores with. */
async function setOfRound(db: DbOrTx, round: Pick<repo.RoundRow, 'setId'>): Promise<CriteriaSet> {
  const setRow = (await repo.findSet(db, round.setId))!;
  return setFromRows(setRow, await repo.nodesOf(db, setRow.id));
}

export async function computeRound(db: DbOrTx, round: repo.RoundRow): Promise<RoundComputation> {
  const set = await setOfRound(db, round);
  const tree = buildTree(set.nodes);
  const rus = await repo.unitsOfRound(db, round.id);
  const assessments = await repo.assessmentsOf(db, rus.map((x) => x.u.id));
  const byUnit = new Map<string, repo.AssessmentRow[]>();
  for (const a of assessments) byUnit.set(a.roundUnitId, [...(byUnit.get(a.roundUnitId) ?? []), a]);
  const survey = await repo.surveyOf(db, round.id);
  const units: UnitResult[] = rus.map(({ u, agency }) => {
    const points = new Map<string, Hundredths | null>();
    const notes = new Map<string, string | null>();
    const rows = new Map((byUnit.get(u.id) ?? []).map((a) => [a.nodeCode, a]));
    for (const n of set.nodes) {
      if (!isLeaf(tree, n.code)) continue;
      if (n.method?.kind === 'survey') {
        points.set(n.code, survey.find((s) => s.agencyId === agency.id && s.nodeCode === n.code)?.points ?? null);
        continue;
      }
      const a = rows.get(n.code);
      const v = a?.appraisedPoints ?? (u.status === 'submitted' ? (a?.selfPoints ?? null) : null);
      points.set(n.code, v);
      notes.set(n.code, a?.appraiserNote ?? null);
    }
    const score = scoreTree(tree, points, { surveyRun: round.surveyRun, notApplicable: notApplicableFor(set, unitTypeOf(agency)) });
    return { agency, roundUnit: u, score, points, notes };
  });
  const ranked = rankUnits(units.map((x) => ({ id: x.agency.id, index: x.score.index, name: x.agency.name })), set.bands);
  return { round, set, tree, units, ranked };
}

/** Contract for the reform dashboard: the unit's index, rank and group in the latest round of a year. */
export async function parSummaryFor(db: DbOrTx, agencyId: string, year: number) {
  const rounds = (await repo.roundUnitsOfAgency(db, agencyId)).filter((x) => x.r.year === year).sort((a, b) => +b.r.createdAt - +a.r.createdAt);
  const hit = rounds[0];
  if (!hit) return { year, index: null, rank: null, of: null, group: null, roundStatus: null, roundTitle: null, unitStatus: null, selfDeadline: null };
  const c = await computeRound(db, hit.r);
  const published = hit.r.status === 'published';
  const u = c.units.find((x) => x.agency.id === agencyId)!;
  const r = c.ranked.find((x) => x.id === agencyId)!;
  return { year, roundId: hit.r.id, index: pct(u.score.index), rank: published ? r.rank : null, of: published ? r.of : null, group: r.group, roundStatus: hit.r.status, roundTitle: hit.r.title, unitStatus: hit.u.status, selfDeadline: hit.r.selfDeadline };
}

/** Contract for remediation: a unit's lost points in a round (decimal strings, hundredths-exact). */
export async function lostPointsFor(db: DbOrTx, roundId: string, agencyId: string) {
  const round = await repo.findRound(db, roundId);
  if (!round) return [];
  const c = await computeRound(db, round);
  const u = c.units.find((x) => x.agency.id === agencyId);
  if (!u) return [];
  return lostPoints(c.tree, u.score, u.notes).map((r) => {
    const n = c.tree.byCode.get(r.code)!;
    return { nodeCode: r.code, title: n.title.vi, path: r.path, max: h2s(r.max)!, points: h2s(r.points)!, lost: h2s(r.lost)!, appraiserNote: r.note };
  });
}

// ------------------------------------------------------------------ service

export class ParService {
  constructor(
    private readonly ctx: AppContext,
    private readonly openTasksForNode: OpenTasksForNode = async () => [],
  ) {}

  private today() {
    return toLocalDate(this.ctx.now());
  }

  private async history(tx: DbOrTx, e: { roundId: string; agencyId?: string | null; nodeCode?: string | null; actorId: string | null; action: string; from?: unknown; to?: unknown; reason?: string | null }) {
    await repo.appendHistory(tx, { roundId: e.roundId, agencyId: e.agencyId ?? null, nodeCode: e.nodeCode ?? null, actorId: e.actorId, action: e.action, from: (e.from ?? null) as never, to: (e.to ?? null) as never, reason: e.reason ?? null, at: this.ctx.now() });
  }

  // ---------------- permissions

  /** Province-level agencies on which the caller holds one of the roles. */
  private rootsWith(auth: AuthInfo, roles: readonly Role[]) {
    return auth.assignments.filter((a) => roles.includes(a.role) && a.agencyPath.split('/').filter(Boolean).length === 1);
  }
  private requireSetAdmin(auth: AuthInfo) {
    const r = this.rootsWith(auth, PAR_ADMIN_ROLES);
    if (r.length === 0) throw new AppError('ROLE_NOT_ALLOWED', { action: 'Quản lý bộ tiêu chí Chỉ số CCHC' });
    return r[0]!;
  }
  private async owner(round: repo.RoundRow) {
    return (await findAgency(this.ctx.db, round.ownerAgencyId))!;
  }
  private async isAdmin(auth: AuthInfo, round: repo.RoundRow) {
    return rolesOver(auth, [(await this.owner(round)).path]).some((r) => PAR_ADMIN_ROLES.includes(r));
  }
  private async requireAdmin(auth: AuthInfo, round: repo.RoundRow, action: string) {
    if (!(await this.isAdmin(auth, round))) throw new AppError('ROLE_NOT_ALLOWED', { action });
  }
  private async requireCouncil(auth: AuthInfo, round: repo.RoundRow, action: string) {
    if (!rolesOver(auth, [(await this.owner(round)).path]).some((r) => PAR_COUNCIL_ROLES.includes(r))) throw new AppError('ROLE_NOT_ALLOWED', { action });
  }
  private unitRoles(auth: AuthInfo, agencyId: string): Role[] {
    return auth.assignments.filter((a) => a.agencyId === agencyId).map((a) => a.role);
  }
  private async assignmentsOf(auth: AuthInfo, roundId: string) {
    return (await repo.appraisersOf(this.ctx.db, roundId)).filter((x) => x.a.userId === auth.userId).map((x) => x.a);
  }
  /** Whether the caller may appraise this node of this unit. */
  private canAppraise(assignments: repo.AppraiserRow[], tree: Tree, agencyId: string, nodeCode: string) {
    const areaOf = (code: string) => {
      let c = tree.byCode.get(code)!;
      while (c.parent) c = tree.byCode.get(c.parent)!;
      return c.code;
    };
    const ancestors = new Set<string>();
    for (let c: string | null | undefined = nodeCode; c; c = tree.byCode.get(c)?.parent) ancestors.add(c);
    return assignments.some((a) => (a.agencyId === null || a.agencyId === agencyId) && (a.areaCode === null || ancestors.has(a.areaCode) || areaOf(nodeCode) === a.areaCode));
  }

  /** The caller's view of a round: admin, council, unit (own agencies in the round), appraiser. 404 when none. */
  private async access(auth: AuthInfo, round: repo.RoundRow) {
    const ownerPath = (await this.owner(round)).path;
    const roles = rolesOver(auth, [ownerPath]);
    const admin = roles.some((r) => PAR_ADMIN_ROLES.includes(r));
    const council = roles.some((r) => PAR_COUNCIL_ROLES.includes(r));
    const rus = await repo.unitsOfRound(this.ctx.db, round.id);
    const own = rus.filter((x) => this.unitRoles(auth, x.agency.id).length > 0).map((x) => x.agency.id);
    const assignments = await this.assignmentsOf(auth, round.id);
    const appraised = new Set(assignments.some((a) => a.agencyId === null) ? rus.map((x) => x.agency.id) : assignments.map((a) => a.agencyId!));
    if (!admin && !council && own.length === 0 && appraised.size === 0) throw new AppError('PAR_ROUND_NOT_FOUND');
    const sees = (agencyId: string) => admin || council || own.includes(agencyId) || appraised.has(agencyId);
    return { admin, council, own, assignments, appraised, sees, units: rus };
  }

  private async loadRound(id: string) {
    const r = await repo.findRound(this.ctx.db, id);
    if (!r) throw new AppError('PAR_ROUND_NOT_FOUND');
    return r;
  }
  private requireOpen(round: repo.RoundRow, action: string) {
    if (round.status !== 'open') throw new AppError('PAR_ROUND_STATE', { action, state: ROUND_STATUS_LABELS[round.status]?.vi ?? round.status });
  }

  // ---------------- criteria sets

  async listSets(auth: AuthInfo) {
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    const rows = await repo.listSets(this.ctx.db);
    const out = [];
    for (const s of rows) {
      const nodes = await repo.nodesOf(this.ctx.db, s.id);
      const roots = nodes.filter((n) => !n.parentCode);
      out.push({ id: s.id, code: s.code, year: s.year, unitType: s.unitType, title: s.title, version: s.version, nodes: nodes.length, areas: roots.length, max: h2s(roots.reduce((a, n) => a + n.max, 0)), inUse: (await repo.roundsUsingSet(this.ctx.db, s.id)) > 0 });
    }
    return { items: out };
  }

  async getSet(auth: AuthInfo, id: string) {
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    const s = await repo.findSet(this.ctx.db, id);
    if (!s) throw new AppError('PAR_SET_NOT_FOUND');
    const set = setFromRows(s, await repo.nodesOf(this.ctx.db, s.id));
    return { id: s.id, version: s.version, inUse: (await repo.roundsUsingSet(this.ctx.db, s.id)) > 0, document: exportCriteriaSet(set) };
  }

  private parseOrThrow(json: unknown): CriteriaSet {
    const r = parseCriteriaSet(json);
    if (!r.ok) throw new AppError('PAR_SET_INVALID', { count: r.problems.length, first: r.problems[0]!.message }, { problems: r.problems.map((p) => ({ node: p.code, kind: p.kind, message: p.message })) });
    return r.set;
  }

  async importSet(auth: AuthInfo | null, json: unknown) {
    if (auth) this.requireSetAdmin(auth);
    const set = this.parseOrThrow(json);
    return this.insertSet(auth?.userId ?? null, set);
  }

  private async insertSet(actor: string | null, set: CriteriaSet) {
    if (await repo.findSetByCode(this.ctx.db, set.code, set.year)) throw new AppError('PAR_SET_EXISTS', { code: set.code, year: set.year });
    const now = this.ctx.now();
    const row = await this.ctx.db.transaction(async (tx) => {
      const s = await repo.insertSet(tx, { code: set.code, year: set.year, unitType: set.unitType, title: set.title, bands: set.bands, answerWeights: set.answerWeights, createdBy: actor, createdAt: now, updatedAt: now });
      await repo.replaceNodes(tx, s.id, nodeRows(set));
      return s;
    });
    return { id: row.id, code: row.code, year: row.year, version: row.version, nodes: set.nodes.length };
  }

  async updateSet(auth: AuthInfo, id: string, body: z.infer<typeof S.SetUpdateBody>) {
    this.requireSetAdmin(auth);
    const s = await repo.findSet(this.ctx.db, id);
    if (!s) throw new AppError('PAR_SET_NOT_FOUND');
    if ((await repo.roundsUsingSet(this.ctx.db, id)) > 0) throw new AppError('PAR_SET_IN_USE');
    if (s.version !== body.version) throw new AppError('PAR_VERSION_CONFLICT', { current: s.version }, { currentVersion: s.version });
    const set = this.parseOrThrow(body.document);
    if (set.code !== s.code || set.year !== s.year) {
      const clash = await repo.findSetByCode(this.ctx.db, set.code, set.year);
      if (clash && clash.id !== id) throw new AppError('PAR_SET_EXISTS', { code: set.code, year: set.year });
    }
    const now = this.ctx.now();
    const u = await this.ctx.db.transaction(async (tx) => {
      const r = await repo.updateSetIfVersion(tx, id, body.version, { code: set.code, year: set.year, unitType: set.unitType, title: set.title, bands: set.bands, answerWeights: set.answerWeights }, now);
      if (!r) return null;
      await repo.replaceNodes(tx, id, nodeRows(set));
      return r;
    });
    if (!u) throw new AppError('PAR_VERSION_CONFLICT', { current: (await repo.findSet(this.ctx.db, id))?.version });
    return this.getSet(auth, id);
  }

  async copySet(auth: AuthInfo, id: string, body: z.infer<typeof S.CopySetBody>) {
    this.requireSetAdmin(auth);
    const s = await repo.findSet(this.ctx.db, id);
    if (!s) throw new AppError('PAR_SET_NOT_FOUND');
    const copy = copySetToYear(setFromRows(s, await repo.nodesOf(this.ctx.db, id)), body.year, body.code);
    return this.insertSet(auth.userId, copy);
  }

  // ---------------- rounds

  async openRound(auth: AuthInfo, body: z.infer<typeof S.OpenRoundBody>) {
    const root = this.requireSetAdmin(auth);
    const s = await repo.findSet(this.ctx.db, body.setId);
    if (!s) throw new AppError('PAR_SET_NOT_FOUND');
    const agencies = await repo.agenciesByIds(this.ctx.db, [...new Set(body.agencyIds)]);
    if (agencies.length !== new Set(body.agencyIds).size) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const outside = agencies.filter((a) => !a.path.startsWith(root.agencyPath));
    if (outside.length) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const cal = await this.ctx.services.calendar.calendar();
    const today = this.today();
    const deadline = (d: z.infer<typeof S.OpenRoundBody>['selfDeadline']) => ('date' in d ? d.date : cal.addWorkingDays(today, d.workingDays));
    const selfDeadline = deadline(body.selfDeadline);
    const appraisalDeadline = deadline(body.appraisalDeadline);
    if (appraisalDeadline < selfDeadline) throw new AppError('VALIDATION_FAILED', {}, { reason: 'the appraisal deadline is before the self-assessment deadline' });
    const period = body.period ?? { from: `${s.year}-01-01`, to: `${s.year}-12-31` };
    const set = setFromRows(s, await repo.nodesOf(this.ctx.db, s.id));
    // Live figures for the auto-filled nodes of each unit, computed before the transaction.
    const autos = new Map<string, Map<string, AutoFigure>>();
    for (const a of agencies) autos.set(a.id, await this.autoFigures(a, set, period));
    const now = this.ctx.now();
    const title = body.title ?? `Đánh giá Chỉ số CCHC năm ${s.year}`;
    const round = await this.ctx.db.transaction(async (tx) => {
      const r = await repo.insertRound(tx, { setId: s.id, ownerAgencyId: root.agencyId, year: s.year, title, status: 'open', surveyRun: body.surveyRun, periodFrom: period.from, periodTo: period.to, selfDeadline, appraisalDeadline, createdBy: auth.userId, createdAt: now });
      const rus = await repo.insertRoundUnits(tx, agencies.map((a) => ({ roundId: r.id, agencyId: a.id, status: 'draft', updatedAt: now })));
      for (const ru of rus) {
        for (const [code, fig] of autos.get(ru.agencyId)!) {
          const n = set.nodes.find((x) => x.code === code)!;
          const pts = fig.rate === null || n.method?.kind !== 'auto' ? null : mapRate(n.method.mapping, fig.rate, n.max);
          await repo.insertAssessment(tx, { roundUnitId: ru.id, nodeCode: code, autoFigure: fig, selfPoints: pts, updatedAt: now });
        }
      }
      await this.history(tx, { roundId: r.id, actorId: auth.userId, action: 'round.open', to: { setId: s.id, units: agencies.map((a) => a.code), selfDeadline, appraisalDeadline, surveyRun: body.surveyRun } });
      for (const a of agencies) {
        for (const c of await repo.contactsOfAgency(tx, a.id)) {
          if (!c.email || !['leader', 'unit_admin'].includes(c.role)) continue;
          await this.ctx.services.notifications.enqueue(tx, {
            channel: 'email',
            to: c.email,
            subject: `[motcua] ${title}: hạn tự đánh giá ${fmtDate(selfDeadline)}`,
            body: `Kính gửi ${c.fullName},\n\n${a.name} được đưa vào đợt "${title}". Đề nghị đơn vị tự đánh giá, đính kèm tài liệu kiểm chứng và gửi trước hết ngày ${fmtDate(selfDeadline)}; sau thời hạn này bản tự đánh giá sẽ khóa.\nHạn thẩm định: ${fmtDate(appraisalDeadline)}.`,
          });
        }
      }
      return r;
    });
    void this.ctx.services.notifications.dispatchPending().catch(() => undefined);
    return this.getRound(auth, round.id);
  }

  /** The live figures of a unit for the auto-filled nodes, over the round's period (service index, reports). */
  async autoFigures(agency: repo.AgencyRow, set: CriteriaSet, period: { from: string; to: string }): Promise<Map<string, AutoFigure>> {
    const out = new Map<string, AutoFigure>();
    const autoNodes = set.nodes.filter((n) => n.method?.kind === 'auto');
    if (autoNodes.length === 0) return out;
    const computedAt = formatVnIso(this.ctx.now());
    const today = this.today();
    const to = period.to < today ? period.to : today;
    let indicators = new Map<string, { numerator: number | null; denominator: number | null; rate: number | null; name: { vi: string } }>();
    try {
      const d = await this.ctx.services.monitoring.dashboardFor(agency.id, resolvePeriod({ kind: 'custom', from: period.from, to: period.from > to ? period.from : to }));
      indicators = new Map(d.result.groups.flatMap((g) => g.indicators).map((i) => [i.code, i]));
    } catch {
      // No dashboard for this unit (no published procedures): every dossier figure is unavailable.
    }
    const q = (code: string) => `agencyId=${agency.id}&period=custom&from=${period.from}&to=${to}`;
    for (const n of autoNodes) {
      const metric = (n.method as { metric: AutoMetric }).metric;
      const base = { metric, period: { from: period.from, to }, computedAt };
      const ind = METRIC_INDICATOR[metric];
      if (ind) {
        const i = indicators.get(ind);
        const available = !!i && i.denominator !== null && i.denominator > 0;
        out.set(n.code, {
          ...base,
          available,
          numerator: i?.numerator ?? null,
          denominator: i?.denominator ?? null,
          rate: available ? i!.rate : null,
          query: `${i?.name.vi ?? ind}: ${i?.numerator ?? 0}/${i?.denominator ?? 0} của ${agency.name}, ${fmtDate(period.from)}–${fmtDate(to)} (Chỉ số phục vụ, chỉ tiêu ${ind})`,
          drill: `/chi-so/chi-tieu/${ind}?${q(ind)}`,
        });
      } else if (metric === 'REPORTS_ON_TIME') {
        const year = Number(period.from.slice(0, 4));
        const rows = await reportsOfAgency(this.ctx.db, agency.id, year);
        let due = 0;
        let onTime = 0;
        for (const kind of REPORT_KINDS) {
          const sch = reportSchedule(kind, year);
          if (sch.deadline > to) continue;
          due++;
          const r = rows.find((x) => x.kind === kind);
          const t = reportTiming(sch, r ? { status: r.status as ReportStatus, submittedAt: r.submittedAt } : null, this.ctx.now());
          if (r?.status === 'submitted' && !t.late) onTime++;
        }
        out.set(n.code, {
          ...base,
          available: due > 0,
          numerator: onTime,
          denominator: due,
          rate: due > 0 ? Math.round((onTime / due) * 10000) / 100 : null,
          query: `Báo cáo CCHC định kỳ gửi đúng hạn: ${onTime}/${due} kỳ đã đến hạn trong năm ${year} của ${agency.name}`,
          drill: `/bao-cao-cchc?agencyId=${agency.id}&year=${year}`,
        });
      } else {
        // DOCUMENTS_ELECTRONIC: the document office's figure (modules/documents), over the same period.
        const f = electronicProcessing(await documentRatesForPeriod(this.ctx.db, agency.path, { from: period.from, to: period.from > to ? period.from : to }, this.ctx.now()));
        out.set(n.code, {
          ...base,
          available: f.denominator > 0,
          numerator: f.numerator,
          denominator: f.denominator,
          rate: pctOf(f.numerator, f.denominator),
          query: `Văn bản đến được xử lý trên phần mềm: ${f.numerator}/${f.denominator} văn bản đến đăng ký của ${agency.name}, ${fmtDate(period.from)}–${fmtDate(to)} (Quản lý văn bản)`,
          drill: null, // the register lists no documents by this predicate yet (issue 12, left)
        });
      }
    }
    return out;
  }

  async listRounds(auth: AuthInfo) {
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    const out = [];
    for (const r of await repo.listRounds(this.ctx.db)) {
      try {
        const acc = await this.access(auth, r);
        out.push({ ...this.roundSummary(r), units: acc.units.length, mine: acc.own, appraiser: acc.assignments.length > 0, admin: acc.admin });
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'PAR_ROUND_NOT_FOUND') throw e;
      }
    }
    return { items: out };
  }

  private roundSummary(r: repo.RoundRow) {
    return {
      id: r.id,
      title: r.title,
      year: r.year,
      setId: r.setId,
      status: r.status,
      statusLabel: ROUND_STATUS_LABELS[r.status],
      surveyRun: r.surveyRun,
      period: { from: r.periodFrom, to: r.periodTo },
      selfDeadline: r.selfDeadline,
      appraisalDeadline: r.appraisalDeadline,
      cycle: r.cycle,
      version: r.version,
      finalisedAt: r.finalisedAt ? formatVnIso(r.finalisedAt) : null,
      publishedAt: r.publishedAt ? formatVnIso(r.publishedAt) : null,
    };
  }

  /** The lock of one phase for one unit today (core deadlineLock: the round's deadline, the unit's grace date). */
  private phaseLock(round: repo.RoundRow, ru: repo.RoundUnitRow, phase: LockPhase): DeadlineLock {
    return phase === 'self'
      ? deadlineLock({ phase, roundStatus: round.status, deadline: round.selfDeadline, graceUntil: ru.graceUntil, today: this.today() })
      : deadlineLock({ phase, roundStatus: round.status, deadline: round.appraisalDeadline, graceUntil: ru.appraisalGraceUntil, today: this.today() });
  }

  /** What a unit's row shows: the self-assessment lock at the top level (as before), the appraisal lock nested. */
  private lockState(round: repo.RoundRow, ru: repo.RoundUnitRow) {
    const self = this.phaseLock(round, ru, 'self');
    const appraisal = this.phaseLock(round, ru, 'appraisal');
    return {
      locked: self.locked,
      pastDeadline: self.pastDeadline,
      graceUntil: ru.graceUntil,
      inGrace: self.inGrace,
      deadlineInForce: self.deadline,
      lockedSince: self.since,
      late: self.pastDeadline && ru.status !== 'submitted',
      appraisalLock: { locked: appraisal.locked, pastDeadline: appraisal.pastDeadline, graceUntil: ru.appraisalGraceUntil, inGrace: appraisal.inGrace, deadlineInForce: appraisal.deadline, lockedSince: appraisal.since },
    };
  }

  /** 423 ROUND_LOCKED naming the phase and the deadline in force (the grace date when it extended the deadline). */
  private lockedError(lock: DeadlineLock) {
    return new AppError('ROUND_LOCKED', { ...PAR_LOCK_PHASE_TEXT[lock.phase], deadline: fmtDate(lock.deadline) }, { phase: lock.phase, deadline: lock.deadline, graceUntil: lock.graceUntil, since: lock.since });
  }
  private requireUnlocked(round: repo.RoundRow, ru: repo.RoundUnitRow, phase: LockPhase) {
    const lock = this.phaseLock(round, ru, phase);
    if (lock.locked) throw this.lockedError(lock);
  }

  async getRound(auth: AuthInfo, id: string) {
    const r = await this.loadRound(id);
    const acc = await this.access(auth, r);
    const comp = await computeRound(this.ctx.db, r);
    const units = comp.units
      .filter((u) => acc.sees(u.agency.id))
      .map((u) => {
        const lock = this.lockState(r, u.roundUnit);
        const leaves = comp.tree.order.filter((c) => isLeaf(comp.tree, c));
        return {
          agency: { id: u.agency.id, code: u.agency.code, name: u.agency.name },
          status: u.roundUnit.status,
          version: u.roundUnit.version,
          submittedAt: u.roundUnit.submittedAt ? formatVnIso(u.roundUnit.submittedAt) : null,
          ...lock,
          appraised: leaves.filter((c) => u.points.get(c) !== undefined).length,
          index: pct(u.score.index),
          mine: acc.own.includes(u.agency.id),
        };
      });
    const appraisers = acc.admin || acc.council ? (await repo.appraisersOf(this.ctx.db, r.id)).map((x) => ({ id: x.a.id, userId: x.a.userId, name: x.name, username: x.username, agencyId: x.a.agencyId, areaCode: x.a.areaCode })) : [];
    return {
      ...this.roundSummary(r),
      set: { id: comp.set.code, title: comp.set.title, unitType: comp.set.unitType },
      setId: r.setId,
      ownerAgencyId: r.ownerAgencyId,
      /** The set's areas (top-level nodes), for assigning appraisers per area. */
      areas: comp.tree.roots.map((code) => ({ code, title: comp.tree.byCode.get(code)!.title })),
      units,
      appraisers,
      can: { admin: acc.admin, council: acc.council, appraise: acc.assignments.length > 0, finalise: acc.council && r.status === 'open', publish: acc.council && r.status === 'finalised', reopen: acc.council && r.status !== 'open' },
    };
  }

  /**
   * Unlock one unit for a phase ('self': its self-assessment; 'appraisal': its appraisal and its answers) with a grace
   * period in working days from today; audited with the phase and a reason.
   */
  async unlock(auth: AuthInfo, roundId: string, agencyId: string, body: z.infer<typeof S.UnlockBody>) {
    const r = await this.loadRound(roundId);
    await this.requireAdmin(auth, r, body.phase === 'self' ? 'Mở khóa tự đánh giá' : 'Mở khóa thẩm định');
    this.requireOpen(r, 'Mở khóa');
    const ru = await repo.findRoundUnit(this.ctx.db, roundId, agencyId);
    if (!ru) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
    const cal = await this.ctx.services.calendar.calendar();
    const graceUntil = cal.addWorkingDays(this.today(), body.workingDays);
    const before = body.phase === 'self' ? ru.graceUntil : ru.appraisalGraceUntil;
    await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateRoundUnitIfVersion(tx, ru.id, ru.version, body.phase === 'self' ? { graceUntil } : { appraisalGraceUntil: graceUntil }, this.ctx.now());
      if (!u) throw new AppError('PAR_VERSION_CONFLICT', { current: ru.version + 1 });
      await this.history(tx, { roundId, agencyId, actorId: auth.userId, action: 'unit.unlock', from: { phase: body.phase, graceUntil: before }, to: { phase: body.phase, graceUntil, workingDays: body.workingDays }, reason: body.reason });
    });
    return this.getRound(auth, roundId);
  }

  /** End a unit's grace period of a phase now; only in an open round (like unlock); audited with the phase and a reason. */
  async relock(auth: AuthInfo, roundId: string, agencyId: string, body: z.infer<typeof S.RelockBody>) {
    const r = await this.loadRound(roundId);
    await this.requireAdmin(auth, r, body.phase === 'self' ? 'Khóa lại tự đánh giá' : 'Khóa lại thẩm định');
    this.requireOpen(r, 'Khóa lại');
    const ru = await repo.findRoundUnit(this.ctx.db, roundId, agencyId);
    if (!ru) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
    const before = body.phase === 'self' ? ru.graceUntil : ru.appraisalGraceUntil;
    await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateRoundUnitIfVersion(tx, ru.id, ru.version, body.phase === 'self' ? { graceUntil: null } : { appraisalGraceUntil: null }, this.ctx.now());
      if (!u) throw new AppError('PAR_VERSION_CONFLICT', { current: ru.version + 1 });
      await this.history(tx, { roundId, agencyId, actorId: auth.userId, action: 'unit.relock', from: { phase: body.phase, graceUntil: before }, to: { phase: body.phase, graceUntil: null }, reason: body.reason });
    });
    return this.getRound(auth, roundId);
  }

  async assign(auth: AuthInfo, roundId: string, body: z.infer<typeof S.AssignBody>) {
    const r = await this.loadRound(roundId);
    await this.requireAdmin(auth, r, 'Phân công thẩm định');
    if (!(await repo.userExists(this.ctx.db, body.userId))) throw new AppError('NOT_FOUND', { entity: 'user' });
    if (body.agencyId && !(await repo.findRoundUnit(this.ctx.db, roundId, body.agencyId))) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
    const comp = await computeRound(this.ctx.db, r);
    if (body.areaCode && !comp.tree.byCode.has(body.areaCode)) throw new AppError('PAR_NODE_NOT_FOUND', { node: body.areaCode });
    await this.ctx.db.transaction(async (tx) => {
      const a = await repo.insertAppraiser(tx, { roundId, userId: body.userId, agencyId: body.agencyId ?? null, areaCode: body.areaCode ?? null, createdAt: this.ctx.now() });
      await this.history(tx, { roundId, agencyId: body.agencyId ?? null, nodeCode: body.areaCode ?? null, actorId: auth.userId, action: 'appraiser.assign', to: { id: a.id, userId: body.userId } });
    });
    return this.getRound(auth, roundId);
  }

  /**
   * Remove an appraiser assignment (the round's owners only): the row is marked removed, never deleted, and the
   * history keeps who removed it, what it was and why. The appraiser then no longer sees or appraises through it
   * (scores already given stay, with their own history).
   */
  async removeAppraiser(auth: AuthInfo, roundId: string, appraiserId: string, body: z.infer<typeof S.RemoveAppraiserBody>) {
    const r = await this.loadRound(roundId);
    await this.requireAdmin(auth, r, 'Gỡ phân công thẩm định');
    const a = await repo.findAppraiser(this.ctx.db, appraiserId);
    if (!a || a.roundId !== roundId || a.removedAt) throw new AppError('PAR_APPRAISER_NOT_FOUND');
    await this.ctx.db.transaction(async (tx) => {
      const removed = await repo.removeAppraiser(tx, appraiserId, auth.userId, this.ctx.now());
      if (!removed) throw new AppError('PAR_APPRAISER_NOT_FOUND');
      await this.history(tx, { roundId, agencyId: a.agencyId, nodeCode: a.areaCode, actorId: auth.userId, action: 'appraiser.remove', from: { id: a.id, userId: a.userId, agencyId: a.agencyId, areaCode: a.areaCode }, to: null, reason: body.reason });
    });
    return this.getRound(auth, roundId);
  }

  // ---------------- self-assessment

  private async unitContext(auth: AuthInfo, roundId: string, agencyId: string) {
    const round = await this.loadRound(roundId);
    const acc = await this.access(auth, round);
    if (!acc.sees(agencyId)) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
    const ru = await repo.findRoundUnit(this.ctx.db, roundId, agencyId);
    if (!ru) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
    const agency = (await findAgency(this.ctx.db, agencyId))!;
    const set = await setOfRound(this.ctx.db, round);
    const tree = buildTree(set.nodes);
    return { round, acc, ru, agency, set, tree };
  }

  private requireUnitWriter(auth: AuthInfo, agencyId: string, roles: readonly Role[], action: string) {
    if (!this.unitRoles(auth, agencyId).some((r) => roles.includes(r))) throw new AppError('ROLE_NOT_ALLOWED', { action });
  }

  private requireEditable(round: repo.RoundRow, ru: repo.RoundUnitRow) {
    this.requireOpen(round, 'Sửa tự đánh giá');
    if (ru.status !== 'draft') throw new AppError('PAR_NOT_DRAFT');
    this.requireUnlocked(round, ru, 'self');
  }

  /** The unit's self-assessment: every node with its value, evidence, comments, the running total and what is missing. */
  async assessment(auth: AuthInfo, roundId: string, agencyId: string) {
    const { round, acc, ru, agency, set, tree } = await this.unitContext(auth, roundId, agencyId);
    const [rows, evidence, comments, survey] = await Promise.all([repo.assessmentsOf(this.ctx.db, [ru.id]), repo.evidenceOf(this.ctx.db, [ru.id]), repo.commentsOf(this.ctx.db, [ru.id]), repo.surveyOf(this.ctx.db, round.id)]);
    const byCode = new Map(rows.map((a) => [a.nodeCode, a]));
    const selfPoints = new Map<string, Hundredths | null>();
    for (const n of set.nodes) {
      if (!isLeaf(tree, n.code)) continue;
      if (n.method?.kind === 'survey') selfPoints.set(n.code, survey.find((s) => s.agencyId === agencyId && s.nodeCode === n.code)?.points ?? null);
      else selfPoints.set(n.code, byCode.get(n.code)?.selfPoints ?? null);
    }
    const na = notApplicableFor(set, unitTypeOf(agency));
    const selfScore = scoreTree(tree, selfPoints, { surveyRun: round.surveyRun, notApplicable: na });
    const comp = await computeRound(this.ctx.db, round);
    const final = comp.units.find((u) => u.agency.id === agencyId)!;
    const appraisalLocked = this.phaseLock(round, ru, 'appraisal').locked;
    const missing: { code: string; reason: 'points' | 'evidence' }[] = [];
    const nodes = [];
    for (const code of tree.order) {
      const n = tree.byCode.get(code)!;
      const a = byCode.get(code);
      const leaf = isLeaf(tree, code);
      const s = selfScore.byCode.get(code)!;
      const ev = evidence.filter((e) => e.nodeCode === code);
      if (leaf && s.applicable && n.method?.kind !== 'survey') {
        if (a?.selfPoints == null && n.method?.kind !== 'auto') missing.push({ code, reason: 'points' });
        else if (needsEvidence(n) && ev.length === 0 && !a?.explanation) missing.push({ code, reason: 'evidence' });
      }
      nodes.push({
        code,
        parent: n.parent ?? null,
        title: n.title,
        leaf,
        depth: (() => {
          let d = 0;
          for (let p = n.parent; p; p = tree.byCode.get(p)!.parent) d++;
          return d;
        })(),
        max: h2s(n.max),
        method: n.method ?? null,
        evidenceExpected: n.evidence ?? null,
        evidenceRequired: leaf ? needsEvidence(n) : false,
        guidance: n.guidance ?? null,
        applicable: s.applicable,
        version: a?.version ?? null,
        answer: (a?.selfAnswer ?? null) as Answer | null,
        selfPoints: leaf ? h2s(a?.selfPoints ?? (n.method?.kind === 'survey' ? selfPoints.get(code) : null)) : h2s(s.points),
        selfMax: h2s(s.max),
        explanation: a?.explanation ?? null,
        unitComment: a?.unitComment ?? null,
        autoFigure: (a?.autoFigure ?? null) as AutoFigure | null,
        appraisal: a?.appraisal ?? null,
        appraisedPoints: h2s(a?.appraisedPoints),
        appraiserNote: a?.appraiserNote ?? null,
        points: h2s(final.score.byCode.get(code)!.points),
        percent: pct(final.score.byCode.get(code)!.percent),
        canAppraise: leaf && s.applicable && n.method?.kind !== 'survey' && !appraisalLocked && this.canAppraise(acc.assignments, tree, agencyId, code),
        evidence: ev.map((e) => ({ id: e.id, fileName: e.fileName, sha256: e.fileSha256, documentRef: e.documentRef, pageNote: e.pageNote, effectiveDate: e.effectiveDate, addedAt: formatVnIso(e.addedAt) })),
        comments: comments.filter((c) => c.nodeCode === code).map((c) => ({ id: c.id, kind: c.kind, cycle: c.cycle, body: c.body, createdAt: formatVnIso(c.createdAt) })),
        remediation: leaf ? await this.openTasksForNode(agencyId, code) : [],
      });
    }
    const mine = acc.own.includes(agencyId);
    const lock = this.lockState(round, ru);
    const editable = mine && round.status === 'open' && ru.status === 'draft' && !lock.locked;
    return {
      round: this.roundSummary(round),
      agency: { id: agency.id, code: agency.code, name: agency.name },
      status: ru.status,
      version: ru.version,
      submittedAt: ru.submittedAt ? formatVnIso(ru.submittedAt) : null,
      ...lock,
      running: { points: h2s(selfScore.total), max: h2s(selfScore.max), index: pct(selfScore.index) },
      result: { points: h2s(final.score.total), max: h2s(final.score.max), index: pct(final.score.index) },
      missing,
      nodes,
      can: {
        edit: editable && this.unitRoles(auth, agencyId).some((r) => PAR_UNIT_WRITE_ROLES.includes(r)),
        submit: editable && this.unitRoles(auth, agencyId).some((r) => PAR_SUBMIT_ROLES.includes(r)) && missing.length === 0,
        withdraw: mine && round.status === 'open' && ru.status === 'submitted' && !lock.locked && this.unitRoles(auth, agencyId).some((r) => PAR_SUBMIT_ROLES.includes(r)),
        answer: mine && round.status === 'open' && !appraisalLocked,
        appraise: round.status === 'open' && ru.status === 'submitted' && acc.assignments.length > 0 && !appraisalLocked,
        unlock: acc.admin && round.status === 'open',
      },
    };
  }

  async saveNode(auth: AuthInfo, roundId: string, agencyId: string, code: string, body: z.infer<typeof S.SaveNodeBody>) {
    const { round, ru, tree } = await this.unitContext(auth, roundId, agencyId);
    this.requireUnitWriter(auth, agencyId, PAR_UNIT_WRITE_ROLES, 'Tự đánh giá');
    const n = tree.byCode.get(code);
    if (!n) throw new AppError('PAR_NODE_NOT_FOUND', { node: code });
    if (!isLeaf(tree, code)) throw new AppError('PAR_NODE_NOT_LEAF', { node: code });
    this.requireEditable(round, ru);
    const kind = n.method?.kind;
    if (kind === 'survey') throw new AppError('PAR_NODE_SURVEY', { node: code });
    if (kind === 'auto' && (body.answer != null || body.explanation !== undefined)) throw new AppError('PAR_NODE_AUTO', { node: code });
    let points: Hundredths | null | undefined;
    if (body.answer !== undefined) {
      if (body.answer === null) points = null;
      else {
        const r = pointsFromAnswer(n, body.answer);
        if ('error' in r) throw new AppError('PAR_POINTS_INVALID', { reason: r.error }, { node: code });
        points = r.points;
      }
    }
    const now = this.ctx.now();
    const before = await repo.findAssessment(this.ctx.db, ru.id, code);
    if (before && body.version !== before.version) throw new AppError('PAR_VERSION_CONFLICT', { current: before.version }, { currentVersion: before.version });
    if (!before && body.version !== undefined) throw new AppError('PAR_VERSION_CONFLICT', { current: 0 }, { currentVersion: null });
    const set: Partial<repo.AssessmentRow> = { updatedBy: auth.userId };
    if (points !== undefined) {
      set.selfPoints = points;
      set.selfAnswer = body.answer ?? null;
    }
    if (body.explanation !== undefined) set.explanation = body.explanation || null;
    if (body.comment !== undefined) set.unitComment = body.comment || null;
    await this.ctx.db.transaction(async (tx) => {
      let after: repo.AssessmentRow | null;
      if (before) after = await repo.updateAssessmentIfVersion(tx, before.id, before.version, set, now);
      else {
        try {
          after = await repo.insertAssessment(tx, { roundUnitId: ru.id, nodeCode: code, ...set, updatedAt: now });
        } catch {
          after = null;
        }
      }
      if (!after) throw new AppError('PAR_VERSION_CONFLICT', { current: '?' });
      await repo.touchRoundUnit(tx, ru.id, now);
      await this.history(tx, {
        roundId,
        agencyId,
        nodeCode: code,
        actorId: auth.userId,
        action: 'self.score',
        from: before ? { points: h2s(before.selfPoints), explanation: before.explanation, comment: before.unitComment } : null,
        to: { points: h2s(after.selfPoints), explanation: after.explanation, comment: after.unitComment, answer: after.selfAnswer },
      });
    });
    return this.assessment(auth, roundId, agencyId);
  }

  async refreshAuto(auth: AuthInfo, roundId: string, agencyId: string) {
    const { round, ru, agency, set } = await this.unitContext(auth, roundId, agencyId);
    this.requireUnitWriter(auth, agencyId, PAR_UNIT_WRITE_ROLES, 'Cập nhật số liệu tự động');
    this.requireEditable(round, ru);
    const figs = await this.autoFigures(agency, set, { from: round.periodFrom, to: round.periodTo });
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      for (const [code, fig] of figs) {
        const n = set.nodes.find((x) => x.code === code)!;
        const pts = fig.rate === null || n.method?.kind !== 'auto' ? null : mapRate(n.method.mapping, fig.rate, n.max);
        const before = await repo.findAssessment(tx, ru.id, code);
        if (before) await repo.updateAssessmentIfVersion(tx, before.id, before.version, { autoFigure: fig, selfPoints: pts }, now);
        else await repo.insertAssessment(tx, { roundUnitId: ru.id, nodeCode: code, autoFigure: fig, selfPoints: pts, updatedAt: now });
        await this.history(tx, { roundId, agencyId, nodeCode: code, actorId: auth.userId, action: 'self.auto_refresh', from: before ? { points: h2s(before.selfPoints), rate: (before.autoFigure as AutoFigure | null)?.rate ?? null } : null, to: { points: h2s(pts), rate: fig.rate } });
      }
      await repo.touchRoundUnit(tx, ru.id, now);
    });
    return this.assessment(auth, roundId, agencyId);
  }

  async addEvidence(auth: AuthInfo, roundId: string, agencyId: string, code: string, body: z.infer<typeof S.EvidenceBody>) {
    const { round, ru, tree } = await this.unitContext(auth, roundId, agencyId);
    this.requireUnitWriter(auth, agencyId, PAR_UNIT_WRITE_ROLES, 'Đính kèm tài liệu kiểm chứng');
    if (!tree.byCode.has(code)) throw new AppError('PAR_NODE_NOT_FOUND', { node: code });
    if (!isLeaf(tree, code)) throw new AppError('PAR_NODE_NOT_LEAF', { node: code });
    this.requireEditable(round, ru);
    let fileSha256: string | null = null;
    let fileName: string;
    let documentRef: { kind: string; id: string } | null = null;
    if ('sha256' in body) {
      const f = await repo.storedFile(this.ctx.db, body.sha256);
      if (!f) throw new AppError('NOT_FOUND', { entity: 'file' });
      fileSha256 = body.sha256;
      fileName = body.fileName;
    } else {
      const picked = (await this.pickerDocuments(auth, roundId, agencyId)).items.find((d) => d.kind === body.documentRef.kind && d.id === body.documentRef.id);
      if (!picked) throw new AppError('NOT_FOUND', { entity: 'document' });
      documentRef = body.documentRef;
      fileName = picked.title;
      fileSha256 = picked.sha256 ?? null;
    }
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const e = await repo.insertEvidence(tx, { roundUnitId: ru.id, nodeCode: code, fileSha256, fileName, documentRef, pageNote: body.pageNote, effectiveDate: body.effectiveDate ?? null, addedBy: auth.userId, addedAt: now });
      await repo.touchRoundUnit(tx, ru.id, now);
      await this.history(tx, { roundId, agencyId, nodeCode: code, actorId: auth.userId, action: 'evidence.add', to: { id: e.id, fileName, sha256: fileSha256, documentRef, pageNote: body.pageNote } });
    });
    return this.assessment(auth, roundId, agencyId);
  }

  /** The file of an evidence item (whoever sees the unit's assessment: the unit, its appraisers, owners and council; others 404). */
  async evidenceContent(auth: AuthInfo, roundId: string, agencyId: string, evidenceId: string) {
    const { ru } = await this.unitContext(auth, roundId, agencyId);
    const e = await repo.findEvidence(this.ctx.db, evidenceId);
    if (!e || e.roundUnitId !== ru.id || !e.fileSha256) throw new AppError('NOT_FOUND', { entity: 'tài liệu kiểm chứng' });
    const f = await repo.storedFile(this.ctx.db, e.fileSha256);
    return { fileName: e.fileName, contentType: f?.mime ?? 'application/octet-stream', content: await this.ctx.files.get(e.fileSha256) };
  }

  async removeEvidence(auth: AuthInfo, roundId: string, agencyId: string, evidenceId: string) {
    const { round, ru } = await this.unitContext(auth, roundId, agencyId);
    this.requireUnitWriter(auth, agencyId, PAR_UNIT_WRITE_ROLES, 'Gỡ tài liệu kiểm chứng');
    this.requireEditable(round, ru);
    const e = await repo.findEvidence(this.ctx.db, evidenceId);
    if (!e || e.roundUnitId !== ru.id || e.removedAt) throw new AppError('NOT_FOUND', { entity: 'evidence' });
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      await repo.removeEvidence(tx, evidenceId, auth.userId, now);
      await repo.touchRoundUnit(tx, ru.id, now);
      await this.history(tx, { roundId, agencyId, nodeCode: e.nodeCode, actorId: auth.userId, action: 'evidence.remove', from: { id: e.id, fileName: e.fileName, pageNote: e.pageNote } });
    });
    return this.assessment(auth, roundId, agencyId);
  }

  /** Documents already in motcua the unit can attach: its reform reports and its evidence of earlier rounds. */
  async pickerDocuments(auth: AuthInfo, roundId: string, agencyId: string) {
    const { ru } = await this.unitContext(auth, roundId, agencyId);
    const reports = await reportsOfAgency(this.ctx.db, agencyId);
    const earlier = (await repo.roundUnitsOfAgency(this.ctx.db, agencyId)).filter((x) => x.u.id !== ru.id).map((x) => x.u.id);
    const ev = await repo.evidenceOf(this.ctx.db, earlier);
    const items: { kind: 'reform_report' | 'par_evidence'; id: string; title: string; sha256?: string | null; date: string }[] = [
      ...reports.map((r) => ({ kind: 'reform_report' as const, id: r.id, title: `Báo cáo CCHC ${r.kind === 'year' ? 'năm' : r.kind} ${r.year}${r.status === 'submitted' ? '' : ' (dự thảo)'}`, date: formatVnIso(r.updatedAt) })),
      ...ev.filter((e) => e.fileSha256).map((e) => ({ kind: 'par_evidence' as const, id: e.id, title: e.fileName, sha256: e.fileSha256, date: formatVnIso(e.addedAt) })),
    ];
    return { items };
  }

  async submit(auth: AuthInfo, roundId: string, agencyId: string, version: number) {
    const a = await this.assessment(auth, roundId, agencyId);
    this.requireUnitWriter(auth, agencyId, PAR_SUBMIT_ROLES, 'Gửi bản tự đánh giá');
    const { round, ru } = await this.unitContext(auth, roundId, agencyId);
    this.requireEditable(round, ru);
    if (ru.version !== version) throw new AppError('PAR_VERSION_CONFLICT', { current: ru.version }, { currentVersion: ru.version });
    if (a.missing.length) throw new AppError('PAR_INCOMPLETE', { count: a.missing.length, nodes: a.missing.slice(0, 8).map((m) => m.code).join(', ') }, { missing: a.missing });
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateRoundUnitIfVersion(tx, ru.id, version, { status: 'submitted', submittedAt: now, submittedBy: auth.userId }, now);
      if (!u) throw new AppError('PAR_VERSION_CONFLICT', { current: ru.version });
      await this.history(tx, { roundId, agencyId, actorId: auth.userId, action: 'unit.submit', from: { status: 'draft' }, to: { status: 'submitted', points: a.running.points, max: a.running.max, index: a.running.index } });
    });
    return this.assessment(auth, roundId, agencyId);
  }

  async withdraw(auth: AuthInfo, roundId: string, agencyId: string, version: number) {
    const { round, ru } = await this.unitContext(auth, roundId, agencyId);
    this.requireUnitWriter(auth, agencyId, PAR_SUBMIT_ROLES, 'Thu hồi bản tự đánh giá');
    this.requireOpen(round, 'Thu hồi');
    if (ru.status !== 'submitted') throw new AppError('PAR_NOT_SUBMITTED');
    this.requireUnlocked(round, ru, 'self');
    if (ru.version !== version) throw new AppError('PAR_VERSION_CONFLICT', { current: ru.version }, { currentVersion: ru.version });
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateRoundUnitIfVersion(tx, ru.id, version, { status: 'draft', submittedAt: null, submittedBy: null }, now);
      if (!u) throw new AppError('PAR_VERSION_CONFLICT', { current: ru.version });
      await this.history(tx, { roundId, agencyId, actorId: auth.userId, action: 'unit.withdraw', from: { status: 'submitted', submittedAt: ru.submittedAt ? formatVnIso(ru.submittedAt) : null }, to: { status: 'draft' } });
    });
    return this.assessment(auth, roundId, agencyId);
  }

  // ---------------- appraisal

  async appraise(auth: AuthInfo, roundId: string, agencyId: string, code: string, body: z.infer<typeof S.AppraiseBody>) {
    const { round, acc, ru, tree } = await this.unitContext(auth, roundId, agencyId);
    const n = tree.byCode.get(code);
    if (!n) throw new AppError('PAR_NODE_NOT_FOUND', { node: code });
    if (!isLeaf(tree, code)) throw new AppError('PAR_NODE_NOT_LEAF', { node: code });
    if (n.method?.kind === 'survey') throw new AppError('PAR_NODE_SURVEY', { node: code });
    if (!this.canAppraise(acc.assignments, tree, agencyId, code)) throw new AppError('PAR_NOT_ASSIGNED', { node: code });
    this.requireOpen(round, 'Thẩm định');
    this.requireUnlocked(round, ru, 'appraisal');
    if (ru.status !== 'submitted') throw new AppError('PAR_NOT_SUBMITTED');
    const before = await repo.findAssessment(this.ctx.db, ru.id, code);
    const current = before?.version ?? null;
    if ((body.version ?? null) !== current) throw new AppError('PAR_VERSION_CONFLICT', { current: current ?? 0 }, { currentVersion: current });
    let points: Hundredths;
    if (body.decision === 'adjust') {
      if (!body.comment) throw new AppError('PAR_COMMENT_REQUIRED');
      if (body.points === undefined) throw new AppError('PAR_POINTS_INVALID', { reason: `${code}: points are required when adjusting` });
      const p = toHundredths(body.points);
      if (p === null) throw new AppError('PAR_POINTS_INVALID', { reason: `${code}: points ${body.points} have more than two decimals` });
      if (p < 0 || p > n.max) throw new AppError('PAR_POINTS_INVALID', { reason: `${code}: points ${body.points} outside 0–${n.max / 100}` });
      points = p;
    } else points = before?.selfPoints ?? 0;
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const set = { appraisedPoints: points, appraisal: body.decision === 'adjust' ? 'adjusted' : 'accepted', appraiserNote: body.comment || null, appraisedBy: auth.userId, updatedBy: auth.userId };
      const after = before ? await repo.updateAssessmentIfVersion(tx, before.id, before.version, set, now) : await repo.insertAssessment(tx, { roundUnitId: ru.id, nodeCode: code, ...set, updatedAt: now });
      if (!after) throw new AppError('PAR_VERSION_CONFLICT', { current });
      if (body.comment) await repo.insertComment(tx, { roundUnitId: ru.id, nodeCode: code, cycle: round.cycle, kind: 'appraisal', authorId: auth.userId, body: body.comment, createdAt: now });
      await this.history(tx, { roundId, agencyId, nodeCode: code, actorId: auth.userId, action: `appraisal.${body.decision}`, from: { points: h2s(before?.appraisedPoints ?? before?.selfPoints ?? null), appraisal: before?.appraisal ?? null }, to: { points: h2s(points) }, reason: body.comment ?? null });
    });
    return this.assessment(auth, roundId, agencyId);
  }

  async answer(auth: AuthInfo, roundId: string, agencyId: string, code: string, body: z.infer<typeof S.AnswerBody>) {
    const { round, ru, tree } = await this.unitContext(auth, roundId, agencyId);
    this.requireUnitWriter(auth, agencyId, PAR_UNIT_WRITE_ROLES, 'Trả lời nhận xét thẩm định');
    if (!tree.byCode.has(code)) throw new AppError('PAR_NODE_NOT_FOUND', { node: code });
    this.requireOpen(round, 'Trả lời nhận xét');
    this.requireUnlocked(round, ru, 'appraisal');
    const comments = (await repo.commentsOf(this.ctx.db, [ru.id])).filter((c) => c.nodeCode === code && c.cycle === round.cycle);
    if (!comments.some((c) => c.kind === 'appraisal')) throw new AppError('PAR_NOTHING_TO_ANSWER', { node: code });
    if (comments.some((c) => c.kind === 'answer')) throw new AppError('PAR_ALREADY_ANSWERED', { node: code });
    try {
      await this.ctx.db.transaction(async (tx) => {
        await repo.insertComment(tx, { roundUnitId: ru.id, nodeCode: code, cycle: round.cycle, kind: 'answer', authorId: auth.userId, body: body.body, createdAt: this.ctx.now() });
        await this.history(tx, { roundId, agencyId, nodeCode: code, actorId: auth.userId, action: 'comment.answer', to: { body: body.body, cycle: round.cycle } });
      });
    } catch (e) {
      const c = e as { code?: string; cause?: { code?: string } };
      if (c.code === '23505' || c.cause?.code === '23505') throw new AppError('PAR_ALREADY_ANSWERED', { node: code });
      throw e;
    }
    return this.assessment(auth, roundId, agencyId);
  }

  private async transition(auth: AuthInfo, roundId: string, version: number, from: string[], to: string, action: string, extra: Partial<repo.RoundRow>, reason: string | null) {
    const r = await this.loadRound(roundId);
    await this.requireCouncil(auth, r, action);
    if (!from.includes(r.status)) throw new AppError('PAR_ROUND_STATE', { action, state: ROUND_STATUS_LABELS[r.status]?.vi ?? r.status });
    if (r.version !== version) throw new AppError('PAR_VERSION_CONFLICT', { current: r.version }, { currentVersion: r.version });
    const comp = await computeRound(this.ctx.db, r);
    await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateRoundIfVersion(tx, roundId, version, { status: to, ...extra });
      if (!u) throw new AppError('PAR_VERSION_CONFLICT', { current: r.version });
      await this.history(tx, { roundId, actorId: auth.userId, action, from: { status: r.status, cycle: r.cycle }, to: { status: to, cycle: extra.cycle ?? r.cycle, results: comp.units.map((x) => ({ agency: x.agency.code, index: pct(x.score.index) })) }, reason });
    });
    return this.getRound(auth, roundId);
  }

  finalise(auth: AuthInfo, roundId: string, version: number) {
    return this.transition(auth, roundId, version, ['open'], 'finalised', 'round.finalise', { finalisedAt: this.ctx.now() }, null);
  }
  async reopen(auth: AuthInfo, roundId: string, body: z.infer<typeof S.ReasonBody>) {
    const r = await this.loadRound(roundId);
    return this.transition(auth, roundId, body.version, ['finalised', 'published'], 'open', 'round.reopen', { cycle: r.cycle + 1, finalisedAt: null, publishedAt: null }, body.reason);
  }
  publish(auth: AuthInfo, roundId: string, version: number) {
    return this.transition(auth, roundId, version, ['finalised'], 'published', 'round.publish', { publishedAt: this.ctx.now() }, null);
  }

  // ---------------- survey

  async enterSurvey(auth: AuthInfo, roundId: string, body: z.infer<typeof S.SurveyBody>) {
    const r = await this.loadRound(roundId);
    await this.requireAdmin(auth, r, 'Nhập kết quả điều tra xã hội học');
    this.requireOpen(r, 'Nhập kết quả điều tra');
    await this.writeSurvey(auth.userId, r, [body]);
    return this.surveyResults(auth, roundId);
  }

  /** An Excel workbook: its first sheet read as the CSV below (header row first). */
  async importSurveyXlsx(auth: AuthInfo, roundId: string, base64: string) {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
    } catch {
      throw new AppError('PAR_SURVEY_INVALID', { reason: 'the file is not an Excel workbook (.xlsx)' });
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new AppError('PAR_SURVEY_INVALID', { reason: 'the workbook has no sheet' });
    const lines: string[] = [];
    ws.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
      if (cells.some(Boolean)) lines.push(cells.join(','));
    });
    return this.importSurveyCsv(auth, roundId, lines.join('\n'));
  }

  /** CSV: `agencyCode,nodeCode,points` or `agencyCode,nodeCode,A,B,C,D[,…]` (answer counts of one question per line). */
  async importSurveyCsv(auth: AuthInfo, roundId: string, csv: string) {
    const r = await this.loadRound(roundId);
    await this.requireAdmin(auth, r, 'Nhập kết quả điều tra xã hội học');
    this.requireOpen(r, 'Nhập kết quả điều tra');
    const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const header = lines.shift()?.split(',').map((x) => x.trim()) ?? [];
    if (header[0] !== 'agencyCode' || header[1] !== 'nodeCode') throw new AppError('PAR_SURVEY_INVALID', { reason: 'the header must start with agencyCode,nodeCode' });
    const rus = await repo.unitsOfRound(this.ctx.db, roundId);
    const byCode = new Map(rus.map((x) => [x.agency.code, x.agency.id]));
    const grouped = new Map<string, z.infer<typeof S.SurveyBody>>();
    const problems: string[] = [];
    lines.forEach((line, i) => {
      const cells = line.split(',').map((x) => x.trim());
      const agencyId = byCode.get(cells[0]!);
      if (!agencyId) return void problems.push(`line ${i + 2}: unit ${cells[0]} is not in the round`);
      const key = `${agencyId}|${cells[1]}`;
      if (header[2] === 'points') {
        const p = Number(cells[2]);
        if (!Number.isFinite(p)) return void problems.push(`line ${i + 2}: points "${cells[2]}" is not a number`);
        grouped.set(key, { agencyId, nodeCode: cells[1]!, points: p });
      } else {
        const counts: Record<string, number> = {};
        header.slice(2).forEach((letter, j) => {
          const v = Number(cells[j + 2] ?? '0');
          if (!Number.isInteger(v) || v < 0) problems.push(`line ${i + 2}: count for ${letter} "${cells[j + 2]}" is not a whole number`);
          counts[letter] = v;
        });
        const g = grouped.get(key) ?? { agencyId, nodeCode: cells[1]!, counts: [] };
        g.counts!.push(counts);
        grouped.set(key, g);
      }
    });
    if (problems.length) throw new AppError('PAR_SURVEY_INVALID', { reason: problems[0] }, { problems });
    await this.writeSurvey(auth.userId, r, [...grouped.values()]);
    return this.surveyResults(auth, roundId);
  }

  private async writeSurvey(actor: string, r: repo.RoundRow, entries: z.infer<typeof S.SurveyBody>[]) {
    const set = await setOfRound(this.ctx.db, r);
    const rus = new Set((await repo.unitsOfRound(this.ctx.db, r.id)).map((x) => x.agency.id));
    const rows = entries.map((e) => {
      const n = set.nodes.find((x) => x.code === e.nodeCode);
      if (!n) throw new AppError('PAR_NODE_NOT_FOUND', { node: e.nodeCode });
      if (n.method?.kind !== 'survey') throw new AppError('PAR_SURVEY_INVALID', { reason: `${e.nodeCode} is not a survey criterion` });
      if (!rus.has(e.agencyId)) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
      let points: Hundredths;
      if (e.points !== undefined) {
        const p = toHundredths(e.points);
        if (p === null || p < 0 || p > n.max) throw new AppError('PAR_SURVEY_INVALID', { reason: `${e.nodeCode}: points ${e.points} outside 0–${n.max / 100} or more than two decimals` });
        points = p;
      } else {
        try {
          const agg = aggregateSurvey(n.max, e.counts!, set.answerWeights);
          if (agg.points === null) throw new RangeError('no answers');
          points = agg.points;
        } catch (err) {
          throw new AppError('PAR_SURVEY_INVALID', { reason: `${e.nodeCode}: ${(err as Error).message}` });
        }
      }
      return { e, points };
    });
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      for (const { e, points } of rows) {
        const { before } = await repo.upsertSurvey(tx, { roundId: r.id, agencyId: e.agencyId, nodeCode: e.nodeCode, points, counts: e.counts ?? null, enteredBy: actor, enteredAt: now });
        await this.history(tx, { roundId: r.id, agencyId: e.agencyId, nodeCode: e.nodeCode, actorId: actor, action: 'survey.enter', from: before ? { points: h2s(before.points), counts: before.counts } : null, to: { points: h2s(points), counts: e.counts ?? null } });
      }
    });
  }

  // ---------------- the survey run in motcua (respondents answer by link or QR code, on a phone, without an account)

  /** Samples `count` respondents of a unit and group: each gets a link (and its QR code) shown once; only the
   * token's SHA-256 is stored. */
  async sampleRespondents(auth: AuthInfo, roundId: string, body: z.infer<typeof S.SampleBody>) {
    const r = await this.loadRound(roundId);
    await this.requireAdmin(auth, r, 'Chọn mẫu điều tra xã hội học');
    this.requireOpen(r, 'Chọn mẫu điều tra');
    if (!r.surveyRun) throw new AppError('PAR_SURVEY_INVALID', { reason: 'đợt đánh giá này không điều tra xã hội học' });
    if (!(await repo.findRoundUnit(this.ctx.db, roundId, body.agencyId))) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
    const set = await setOfRound(this.ctx.db, r);
    if (surveyQuestions(set, body.group).length === 0) throw new AppError('PAR_SURVEY_INVALID', { reason: `bộ tiêu chí không có câu hỏi cho nhóm ${body.group}` });
    const now = this.ctx.now();
    const tokens = Array.from({ length: body.count }, () => crypto.randomBytes(16).toString('base64url'));
    const rows = await this.ctx.db.transaction(async (tx) => {
      const rs = await repo.insertRespondents(tx, tokens.map((t) => ({ roundId, agencyId: body.agencyId, respondentGroup: body.group, tokenHash: sha256(t), createdBy: auth.userId, createdAt: now })));
      await this.history(tx, { roundId, agencyId: body.agencyId, actorId: auth.userId, action: 'survey.sample', to: { group: body.group, count: body.count } });
      return rs;
    });
    const items = await Promise.all(
      rows.map(async (row, i) => {
        const link = publicLink(this.ctx.config, `dich-vu-cong/khao-sat/${tokens[i]}`);
        return { id: row.id, link, qr: await QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 1, width: 256 }) };
      }),
    );
    return { agencyId: body.agencyId, group: body.group, items };
  }

  /** Sampled and answered respondents per unit and group (what the owners follow during the survey). */
  async surveyProgress(auth: AuthInfo, roundId: string) {
    const r = await this.loadRound(roundId);
    const acc = await this.access(auth, r);
    const counts = new Map<string, { agencyId: string; group: string; sampled: number; answered: number }>();
    for (const x of await repo.respondentsOf(this.ctx.db, roundId)) {
      if (!acc.sees(x.agencyId)) continue;
      const k = `${x.agencyId}|${x.respondentGroup}`;
      const c = counts.get(k) ?? { agencyId: x.agencyId, group: x.respondentGroup, sampled: 0, answered: 0 };
      c.sampled++;
      if (x.answeredAt) c.answered++;
      counts.set(k, c);
    }
    return { items: [...counts.values()] };
  }

  /** The answers so far counted into each unit's survey criteria (answer counts → points with the set's weights),
   * written as survey results like an entry by hand (history `survey.enter`). Units or criteria without answers are
   * listed as skipped. */
  async applySurveyAnswers(auth: AuthInfo, roundId: string) {
    const r = await this.loadRound(roundId);
    await this.requireAdmin(auth, r, 'Tổng hợp kết quả điều tra');
    this.requireOpen(r, 'Tổng hợp kết quả điều tra');
    const set = await setOfRound(this.ctx.db, r);
    const letters = Object.keys(set.answerWeights).sort();
    const counted = countAnswers(await repo.answersOfRound(this.ctx.db, roundId), letters);
    const entries: z.infer<typeof S.SurveyBody>[] = [];
    for (const [agencyId, nodes] of counted) for (const [nodeCode, c] of nodes) entries.push({ agencyId, nodeCode, counts: [c] });
    if (entries.length) await this.writeSurvey(auth.userId, r, entries);
    return { applied: entries.map((e) => ({ agencyId: e.agencyId, nodeCode: e.nodeCode, answers: Object.values(e.counts![0]!).reduce((a, b) => a + b, 0) })), results: (await this.surveyResults(auth, roundId)).items };
  }

  private async respondentByToken(token: string) {
    const x = await repo.findRespondentByToken(this.ctx.db, sha256(token));
    if (!x) throw new AppError('PAR_SURVEY_LINK_NOT_FOUND');
    const round = await this.loadRound(x.roundId);
    const agency = (await findAgency(this.ctx.db, x.agencyId))!;
    const set = await setOfRound(this.ctx.db, round);
    return { x, round, agency, set, questions: surveyQuestions(set, x.respondentGroup as RespondentGroup) };
  }

  /** The questionnaire a link opens (public, no account): the unit, the group and the questions. */
  async questionnaire(token: string) {
    const { x, round, agency, questions } = await this.respondentByToken(token);
    return { round: { title: round.title, year: round.year }, agency: { name: agency.name }, group: x.respondentGroup, answered: x.answeredAt !== null, open: round.status === 'open', questions };
  }

  /** One respondent's answers, once: every question, one letter each; a second submission is refused (409). */
  async answerQuestionnaire(token: string, body: z.infer<typeof S.QuestionnaireAnswerBody>) {
    const { x, round, questions } = await this.respondentByToken(token);
    if (round.status !== 'open') throw new AppError('PAR_SURVEY_CLOSED');
    if (x.answeredAt) throw new AppError('PAR_SURVEY_ANSWERED');
    const problems = checkAnswers(questions, body.answers);
    if (problems.length) throw new AppError('PAR_SURVEY_ANSWERS_INVALID', { nodes: problems.map((p) => p.nodeCode).join(', ') }, { problems });
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      if (!(await repo.claimRespondent(tx, x.id, now))) throw new AppError('PAR_SURVEY_ANSWERED');
      await repo.insertAnswers(tx, body.answers.map((a) => ({ respondentId: x.id, nodeCode: a.nodeCode, letter: a.letter, createdAt: now })));
    });
    return { answered: true };
  }

  async surveyResults(auth: AuthInfo, roundId: string) {
    const r = await this.loadRound(roundId);
    const acc = await this.access(auth, r);
    const rows = (await repo.surveyOf(this.ctx.db, roundId)).filter((s) => acc.sees(s.agencyId));
    return { items: rows.map((s) => ({ agencyId: s.agencyId, nodeCode: s.nodeCode, points: h2s(s.points), counts: s.counts, enteredAt: formatVnIso(s.enteredAt) })) };
  }

  // ---------------- results

  /** Results of a round for the caller: all units for the owners and council, else the units they may see. */
  async results(auth: AuthInfo | null, roundId: string) {
    const r = await this.loadRound(roundId);
    let sees: (id: string) => boolean = () => true;
    let full = r.status === 'published';
    if (auth && r.status !== 'published') {
      const acc = await this.access(auth, r);
      sees = acc.sees;
      full = acc.admin || acc.council;
    } else if (!auth && r.status !== 'published') throw new AppError('PAR_ROUND_NOT_FOUND');
    return this.resultsView(await computeRound(this.ctx.db, r), sees, full);
  }

  private async resultsView(c: RoundComputation, sees: (id: string) => boolean, full: boolean) {
    const last = await this.lastYearIndex(c.round);
    const areas = c.tree.roots.map((code) => ({ code, title: c.tree.byCode.get(code)!.title, max: h2s(c.tree.byCode.get(code)!.max) }));
    const byId = new Map(c.units.map((u) => [u.agency.id, u]));
    const rows = c.ranked
      .filter((x) => sees(x.id))
      .map((x) => {
        const u = byId.get(x.id)!;
        return {
          agency: { id: u.agency.id, code: u.agency.code, name: u.agency.name },
          rank: full ? x.rank : null,
          of: full ? x.of : null,
          tied: full ? x.tied : false,
          group: x.group,
          points: h2s(u.score.total),
          max: h2s(u.score.max),
          index: pct(u.score.index),
          lastYear: pct(last.get(x.id) ?? null),
          change: pct(changeVsLastYear(u.score.index, last.get(x.id))),
          areas: c.tree.roots.map((code) => {
            const s = u.score.byCode.get(code)!;
            return { code, points: h2s(s.points), max: h2s(s.max), percent: pct(s.percent) };
          }),
          lostPoints: lostPoints(c.tree, u.score, u.notes).map((l) => ({ nodeCode: l.code, title: c.tree.byCode.get(l.code)!.title.vi, path: l.path, max: h2s(l.max)!, points: h2s(l.points)!, lost: h2s(l.lost)!, appraiserNote: l.note })),
        };
      });
    return { round: this.roundSummary(c.round), set: { code: c.set.code, title: c.set.title, bands: c.set.bands }, areas, rows, ranked: full };
  }

  private async lastYearIndex(round: repo.RoundRow): Promise<Map<string, number | null>> {
    const prev = (await repo.roundsOfYear(this.ctx.db, round.year - 1)).find((r) => r.status === 'published' && r.ownerAgencyId === round.ownerAgencyId);
    if (!prev) return new Map();
    const c = await computeRound(this.ctx.db, prev);
    return new Map(c.units.map((u) => [u.agency.id, u.score.index]));
  }

  async lostPoints(auth: AuthInfo, roundId: string, agencyId: string) {
    const res = await this.results(auth, roundId);
    const row = res.rows.find((x) => x.agency.id === agencyId);
    if (!row) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
    return { round: res.round, agency: row.agency, index: row.index, rows: row.lostPoints };
  }

  async historyOf(auth: AuthInfo, roundId: string, agencyId?: string) {
    const r = await this.loadRound(roundId);
    const acc = await this.access(auth, r);
    if (agencyId && !acc.sees(agencyId)) throw new AppError('PAR_UNIT_NOT_IN_ROUND');
    if (!agencyId && !acc.admin && !acc.council) throw new AppError('ROLE_NOT_ALLOWED', { action: 'Xem lịch sử đợt đánh giá' });
    const rows = await repo.historyOf(this.ctx.db, roundId, agencyId);
    return { items: rows.map(({ h, actor }) => ({ id: h.id, at: formatVnIso(h.at), actor, action: h.action, agencyId: h.agencyId, nodeCode: h.nodeCode, from: h.from, to: h.to, reason: h.reason })) };
  }

  /** Published rounds for the portal (no account). */
  /** Published rounds, newest first; `next` (the last row's ORDER BY columns) is passed back as `after`. */
  async publicRounds(q: { after?: string | undefined; limit: number }) {
    let after: { year: number; createdAt: string; id: string } | null = null;
    if (q.after) {
      const [year, createdAt, id] = decodeCursor(q.after, ['int', 'timestamp', 'uuid']);
      after = { year: Number(year), createdAt, id };
    }
    const rows = await repo.publishedRoundsPage(this.ctx.db, after, q.limit);
    const last = rows.at(-1);
    return { items: rows.map((r) => this.roundSummary(r)), next: last && rows.length === q.limit ? encodeCursor([last.year, last.createdAt, last.id]) : null };
  }
  async publicRanking(roundId: string) {
    const r = await this.loadRound(roundId);
    if (r.status !== 'published') throw new AppError('PAR_ROUND_NOT_FOUND');
    const v = await this.resultsView(await computeRound(this.ctx.db, r), () => true, true);
    return { ...v, rows: v.rows.map(({ lostPoints: _l, ...rest }) => rest) };
  }
}

const sha256 = (t: string) => crypto.createHash('sha256').update(t).digest('hex');

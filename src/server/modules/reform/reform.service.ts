/**
 * Periodic administrative-reform reports (báo cáo định kỳ công tác cải cách hành chính), issue 5.
 *
 * A unit drafts its report for a kind (q1 | half | q3 | year) and year: the figures are taken from the
 * service-index dashboard of the unit over the report's data cut-off (core/reform reportSchedule) and kept as a
 * snapshot; the four sections are drafted from them (core/reform template) and edited by the unit. The leader
 * (or the unit admin) submits; a submitted report can be withdrawn until the end of the deadline day. The
 * overview lists the units under a parent with their standing, flagging late ones.
 *
 * Scope as for dossiers: a staff member sees the reports of the agencies of their subtree; anything else answers
 * 404 REPORT_NOT_FOUND, exactly like an unknown id. Every change is one transaction that updates the row only
 * if its version is unchanged (else 409 VERSION_CONFLICT) and appends an audit_log entry.
 */
import { documentRatesForPeriod } from '../documents/index.ts';
import { electronicProcessing } from '../../../core/documents/index.ts';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AuthInfo } from '../../platform/http/auth.ts';
import type { Role } from '../../../core/dossier/index.ts';
import { formatVnIso, toLocalDate } from '../../../core/calendar/index.ts';
import { resolvePeriod } from '../../../core/service-index/period.ts';
import { provinceFromAgencyName } from '../../../core/slips/format.ts';
import {
  REPORT_KINDS,
  REPORT_KIND_LABELS,
  REPORT_STANDING_LABELS,
  applySectionEdits,
  buildReportDocument,
  canWithdraw,
  draftSections,
  figuresFromDashboard,
  fmtLocalDate,
  periodPhrase,
  redraftUntouched,
  reportSchedule,
  reportTiming,
  reportTitle,
  pctOf,
  type RateFigure,
  type ReformFigures,
  type ReportFigures,
  type ReportKind,
  type ReportSchedule,
  type ReportSection,
  type ReportStatus,
} from '../../../core/reform/index.ts';
import { rolesOver } from '../dossiers/dossiers.service.ts';
import { findAgency, findReformStandingBody } from '../units/index.ts';
import { unitName } from '../slips/index.ts';
import * as repo from './reform.repository.ts';
import type { CreateReportBody, EditReportBody, ListQuery, OverviewQuery } from './reform.schemas.ts';
import { renderReportDocx } from './docx-renderer.ts';
import { renderReportPdf } from './pdf-renderer.ts';

/** Who may create, edit and refresh a report (on the report's agency or an ancestor). */
export const REPORT_WRITE_ROLES: readonly Role[] = ['unit_admin', 'leader', 'reform_officer', 'province_admin'];
/** Who may submit and withdraw (the unit's leader; the unit admin). */
export const REPORT_SUBMIT_ROLES: readonly Role[] = ['leader', 'unit_admin'];

const iso = (d: Date | null) => (d ? formatVnIso(d) : null);

type Row = repo.ReformReportRow;
type AgencyRef = { id: string; code: string; name: string; path: string };

function scheduleOf(kind: ReportKind, year: number): ReportSchedule {
  try {
    return reportSchedule(kind, year);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', {}, { reason: (e as Error).message });
  }
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/**
 * What the periodic reports read from the reform modules (injected by app.ts, as for remediationRoutes, so this
 * module does not import them): inspections/index.ts inspectionStats, remediation/index.ts remediationTallyFor,
 * par/index.ts parSummaryFor. Without them the reform part of the figures is null and the sections are drafted
 * without it.
 */
export interface ReformProviders {
  inspectionStats(db: DbOrTx, q: { year: number; agencyIds?: string[] }): Promise<{ agencyId: string; planned: number; done: number; inProgress: number; lastVisitOn: string | null; findings: number }[]>;
  remediationTally(db: DbOrTx, agencyIds: string[], today: string): Promise<ReformFigures['remediation']>;
  parSummary(db: DbOrTx, agencyId: string, year: number): Promise<{ index: string | null; rank: number | null; of: number | null; roundStatus: string | null; roundTitle: string | null; unitStatus: string | null; selfDeadline: string | null }>;
}

export class ReformService {
  private providers: ReformProviders | null = null;
  constructor(private readonly ctx: AppContext) {}

  useProviders(p: ReformProviders): void {
    this.providers = p;
  }

  /** The reform part of a report's figures: the unit's PAR round, inspections and remediation of the year, now. */
  private async reformFigures(agencyId: string, year: number): Promise<ReformFigures | null> {
    const p = this.providers;
    if (!p) return null;
    const today = toLocalDate(this.ctx.now());
    const [stats, remediation, par] = await Promise.all([p.inspectionStats(this.ctx.db, { year, agencyIds: [agencyId] }), p.remediationTally(this.ctx.db, [agencyId], today), p.parSummary(this.ctx.db, agencyId, year)]);
    const s = stats.find((x) => x.agencyId === agencyId);
    return {
      year,
      par: par.roundStatus && par.roundTitle && par.unitStatus && par.selfDeadline ? { roundTitle: par.roundTitle, roundStatus: par.roundStatus, unitStatus: par.unitStatus, selfDeadline: par.selfDeadline, index: par.index, rank: par.rank, of: par.of } : null,
      inspections: { done: s?.done ?? 0, planned: s?.planned ?? 0, inProgress: s?.inProgress ?? 0, findings: s?.findings ?? 0, lastVisitOn: s?.lastVisitOn ?? null },
      remediation,
      documents: await this.documentsFigure(agencyId, year),
    };
  }

  /** Incoming documents processed electronically in the year (the document office's one definition). */
  private async documentsFigure(agencyId: string, year: number): Promise<RateFigure | null> {
    const agency = await findAgency(this.ctx.db, agencyId);
    if (!agency) return null;
    const f = electronicProcessing(await documentRatesForPeriod(this.ctx.db, agency.path, { from: `${year}-01-01`, to: `${year}-12-31` }, this.ctx.now()));
    return { ...f, rate: pctOf(f.numerator, f.denominator) };
  }

  // ------------------------------------------------------------------ helpers

  private async agencyInScope(auth: AuthInfo, agencyId: string): Promise<repo.AgencyRow> {
    const a = await findAgency(this.ctx.db, agencyId);
    if (!a || rolesOver(auth, [a.path]).length === 0) throw new AppError('NOT_FOUND', { entity: 'agency' });
    return a;
  }

  private requireRoles(auth: AuthInfo, agencyPath: string, allowed: readonly Role[], action: string): Role[] {
    const roles = rolesOver(auth, [agencyPath]).filter((r) => allowed.includes(r));
    if (roles.length === 0) throw new AppError('ROLE_NOT_ALLOWED', { action });
    return roles;
  }

  private async loadInScope(auth: AuthInfo, id: string): Promise<{ r: Row; agency: repo.AgencyRow }> {
    const r = await repo.findReport(this.ctx.db, id);
    if (!r) throw new AppError('REPORT_NOT_FOUND');
    const agency = await findAgency(this.ctx.db, r.agencyId);
    if (!agency || rolesOver(auth, [agency.path]).length === 0) throw new AppError('REPORT_NOT_FOUND');
    return { r, agency };
  }

  private checkVersion(r: Row, expected: number) {
    if (r.version !== expected) throw new AppError('VERSION_CONFLICT', { current: r.version }, { currentVersion: r.version });
  }

  private async conflict(id: string): Promise<never> {
    const current = await repo.findReport(this.ctx.db, id);
    if (current && current.status !== 'draft') throw new AppError('REPORT_NOT_DRAFT');
    throw new AppError('VERSION_CONFLICT', { current: current?.version }, { currentVersion: current?.version });
  }

  /** Figures of the agency over the cut-off, from the service index (snapshot). */
  private async computeFigures(agencyId: string, schedule: ReportSchedule, profileId?: string): Promise<ReportFigures> {
    const period = resolvePeriod({ kind: 'custom', from: schedule.cutoff.from, to: schedule.cutoff.to });
    const dashboard = await this.ctx.services.monitoring.dashboardFor(agencyId, period, profileId);
    return figuresFromDashboard(dashboard, formatVnIso(this.ctx.now()), await this.reformFigures(agencyId, schedule.year));
  }

  private summary(r: Row, agency: AgencyRef, names: Map<string, string>) {
    const kind = r.kind as ReportKind;
    const schedule = scheduleOf(kind, r.year);
    const timing = reportTiming(schedule, { status: r.status as ReportStatus, submittedAt: r.submittedAt }, this.ctx.now());
    const figures = r.figures as ReportFigures;
    const t = reportTitle(kind, r.year);
    return {
      id: r.id,
      agency: { id: agency.id, code: agency.code, name: agency.name },
      year: r.year,
      kind,
      kindLabel: REPORT_KIND_LABELS[kind],
      title: `${t.title} ${t.subtitle}`,
      status: r.status as ReportStatus,
      version: r.version,
      standing: timing.standing,
      standingLabel: REPORT_STANDING_LABELS[timing.standing],
      late: timing.late,
      daysLate: timing.daysLate,
      cutoff: figures?.cutoff ?? schedule.cutoff,
      deadline: schedule.deadline,
      createdAt: formatVnIso(r.createdAt),
      updatedAt: formatVnIso(r.updatedAt),
      submittedAt: iso(r.submittedAt),
      submittedBy: r.submittedBy ? { id: r.submittedBy, name: names.get(r.submittedBy) ?? null } : null,
    };
  }

  private async view(auth: AuthInfo, r: Row, agency: repo.AgencyRow) {
    const names = await repo.namesOf(this.ctx.db, [r.createdBy, r.submittedBy].filter((x): x is string => !!x));
    const s = this.summary(r, agency, names);
    const schedule = scheduleOf(r.kind as ReportKind, r.year);
    const roles = rolesOver(auth, [agency.path]);
    const writer = roles.some((x) => REPORT_WRITE_ROLES.includes(x));
    const submitter = roles.some((x) => REPORT_SUBMIT_ROLES.includes(x));
    const draft = r.status === 'draft';
    return {
      ...s,
      legalBasis: schedule.legalBasis,
      figures: r.figures as ReportFigures,
      sections: r.sections as ReportSection[],
      createdBy: r.createdBy ? { id: r.createdBy, name: names.get(r.createdBy) ?? null } : null,
      can: { edit: draft && writer, refresh: draft && writer, submit: draft && submitter, withdraw: !draft && submitter && canWithdraw(schedule, this.ctx.now()) },
    };
  }

  // ------------------------------------------------------------------ use cases

  async list(auth: AuthInfo, q: z.infer<typeof ListQuery>) {
    let paths = [...new Set(auth.assignments.map((a) => a.agencyPath))];
    if (q.agencyId) paths = [(await this.agencyInScope(auth, q.agencyId)).path];
    const rows = await repo.listReports(this.ctx.db, { paths, year: q.year, kind: q.kind });
    const names = await repo.namesOf(this.ctx.db, [...new Set(rows.map((x) => x.r.submittedBy).filter((x): x is string => !!x))]);
    return { items: rows.map((x) => this.summary(x.r, x.agency, names)) };
  }

  async get(auth: AuthInfo, id: string) {
    const { r, agency } = await this.loadInScope(auth, id);
    return this.view(auth, r, agency);
  }

  async create(auth: AuthInfo, body: z.infer<typeof CreateReportBody>) {
    const agency = await this.agencyInScope(auth, body.agencyId);
    this.requireRoles(auth, agency.path, REPORT_WRITE_ROLES, 'Tạo báo cáo');
    const schedule = scheduleOf(body.kind, body.year);
    const now = this.ctx.now();
    if (toLocalDate(now) < schedule.cutoff.from) throw new AppError('REPORT_PERIOD_NOT_STARTED', { from: fmtLocalDate(schedule.cutoff.from) });
    const exists = (existingId: string | null) =>
      new AppError('REPORT_EXISTS', { period: periodPhrase(body.kind, body.year), periodEn: `${REPORT_KIND_LABELS[body.kind].en.toLowerCase()} ${body.year}` }, { id: existingId, agencyId: agency.id, year: body.year, kind: body.kind });
    const existing = await repo.findReportFor(this.ctx.db, agency.id, body.year, body.kind);
    if (existing) throw exists(existing.id);
    const figures = await this.computeFigures(agency.id, schedule, body.profile);
    const sections = draftSections(figures, body.kind, body.year);
    let row: Row;
    try {
      row = await this.ctx.db.transaction(async (tx) => {
        const r = await repo.insertReport(tx, {
          agencyId: agency.id,
          year: body.year,
          kind: body.kind,
          status: 'draft',
          version: 1,
          figures,
          sections,
          createdBy: auth.userId,
          createdAt: now,
          updatedAt: now,
        });
        await repo.audit(tx, this.ctx.now(), auth.userId, 'reform.report.create', r.id, { agencyId: agency.id, year: body.year, kind: body.kind, version: 1, cutoff: figures.cutoff, profile: figures.profile.id });
        return r;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw exists((await repo.findReportFor(this.ctx.db, agency.id, body.year, body.kind))?.id ?? null);
      throw err;
    }
    return this.view(auth, row, agency);
  }

  async edit(auth: AuthInfo, id: string, body: z.infer<typeof EditReportBody>) {
    const { r, agency } = await this.loadInScope(auth, id);
    this.requireRoles(auth, agency.path, REPORT_WRITE_ROLES, 'Sửa báo cáo');
    this.checkVersion(r, body.version);
    if (r.status !== 'draft') throw new AppError('REPORT_NOT_DRAFT');
    const next = applySectionEdits(r.sections as ReportSection[], body.sections);
    if (!Array.isArray(next)) throw new AppError('VALIDATION_FAILED', {}, { reason: 'unknown section', unknownSections: next.unknown });
    const now = this.ctx.now();
    const updated = await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateReportIfVersion(tx, r.id, r.version, { sections: next }, now, 'draft');
      if (!u) return null;
      await repo.audit(tx, this.ctx.now(), auth.userId, 'reform.report.edit', r.id, { version: u.version, sections: body.sections.map((s) => s.key) });
      return u;
    });
    if (!updated) return this.conflict(r.id);
    return this.view(auth, updated, agency);
  }

  async refresh(auth: AuthInfo, id: string, version: number) {
    const { r, agency } = await this.loadInScope(auth, id);
    this.requireRoles(auth, agency.path, REPORT_WRITE_ROLES, 'Cập nhật số liệu');
    this.checkVersion(r, version);
    if (r.status !== 'draft') throw new AppError('REPORT_NOT_DRAFT');
    const kind = r.kind as ReportKind;
    const old = r.figures as ReportFigures;
    const figures = await this.computeFigures(agency.id, scheduleOf(kind, r.year), old.profile?.id);
    const { sections, redrafted } = redraftUntouched(r.sections as ReportSection[], old, figures, kind, r.year);
    const now = this.ctx.now();
    const updated = await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateReportIfVersion(tx, r.id, r.version, { figures, sections }, now, 'draft');
      if (!u) return null;
      await repo.audit(tx, this.ctx.now(), auth.userId, 'reform.report.refresh', r.id, {
        version: u.version,
        redrafted,
        before: { computedAt: old.computedAt, received: old.dossiers?.received, total: old.index?.total },
        after: { computedAt: figures.computedAt, received: figures.dossiers.received, total: figures.index.total },
      });
      return u;
    });
    if (!updated) return this.conflict(r.id);
    return this.view(auth, updated, agency);
  }

  async submit(auth: AuthInfo, id: string, version: number) {
    const { r, agency } = await this.loadInScope(auth, id);
    this.requireRoles(auth, agency.path, REPORT_SUBMIT_ROLES, 'Gửi báo cáo');
    this.checkVersion(r, version);
    if (r.status !== 'draft') throw new AppError('REPORT_NOT_DRAFT');
    const now = this.ctx.now();
    const schedule = scheduleOf(r.kind as ReportKind, r.year);
    const timing = reportTiming(schedule, { status: 'submitted', submittedAt: now }, now);
    const updated = await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateReportIfVersion(tx, r.id, r.version, { status: 'submitted', submittedAt: now, submittedBy: auth.userId }, now, 'draft');
      if (!u) return null;
      await repo.audit(tx, this.ctx.now(), auth.userId, 'reform.report.submit', r.id, { version: u.version, deadline: schedule.deadline, late: timing.late, daysLate: timing.daysLate });
      return u;
    });
    if (!updated) return this.conflict(r.id);
    return this.view(auth, updated, agency);
  }

  async withdraw(auth: AuthInfo, id: string, version: number) {
    const { r, agency } = await this.loadInScope(auth, id);
    this.requireRoles(auth, agency.path, REPORT_SUBMIT_ROLES, 'Thu hồi báo cáo');
    this.checkVersion(r, version);
    if (r.status !== 'submitted') throw new AppError('REPORT_NOT_SUBMITTED');
    const now = this.ctx.now();
    const schedule = scheduleOf(r.kind as ReportKind, r.year);
    if (!canWithdraw(schedule, now)) throw new AppError('REPORT_WITHDRAW_CLOSED', { deadline: fmtLocalDate(schedule.deadline) });
    const updated = await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateReportIfVersion(tx, r.id, r.version, { status: 'draft', submittedAt: null, submittedBy: null }, now, 'submitted');
      if (!u) return null;
      await repo.audit(tx, this.ctx.now(), auth.userId, 'reform.report.withdraw', r.id, { version: u.version, submittedAt: iso(r.submittedAt), submittedBy: r.submittedBy });
      return u;
    });
    if (!updated) {
      const current = await repo.findReport(this.ctx.db, r.id);
      throw new AppError('VERSION_CONFLICT', { current: current?.version }, { currentVersion: current?.version });
    }
    return this.view(auth, updated, agency);
  }

  /** The report as DOCX or PDF (a draft is marked "DỰ THẢO" and dated today). */
  async document(auth: AuthInfo, id: string, format: 'docx' | 'pdf'): Promise<{ body: Buffer; fileName: string; mime: string }> {
    const { r, agency } = await this.loadInScope(auth, id);
    const parent = agency.parentId ? await findAgency(this.ctx.db, agency.parentId) : null;
    const rootId = agency.path.split('/').filter(Boolean)[0] ?? agency.id;
    const root = rootId === agency.id ? agency : ((await findAgency(this.ctx.db, rootId)) ?? agency);
    let provinceName: string | null = null;
    if (root.level === 'province') provinceName = (root.unitId ? await unitName(this.ctx.db, root.unitId) : null) ?? provinceFromAgencyName(root.name);
    const names = r.submittedBy ? await repo.namesOf(this.ctx.db, [r.submittedBy]) : new Map<string, string>();
    const standingBody = await findReformStandingBody(this.ctx.db, rootId);
    const doc = buildReportDocument({
      standingBodyName: standingBody?.name ?? null,
      kind: r.kind as ReportKind,
      year: r.year,
      status: r.status as ReportStatus,
      agency: { name: agency.name, code: agency.code, kind: agency.kind, parentName: parent?.name ?? null, provinceName },
      figures: r.figures as ReportFigures,
      sections: r.sections as ReportSection[],
      issuedAt: r.submittedAt ?? this.ctx.now(),
      signerName: r.submittedBy ? (names.get(r.submittedBy) ?? null) : null,
    });
    if (format === 'docx') {
      return { body: await renderReportDocx(doc), fileName: `${doc.meta.fileName}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    }
    return { body: await renderReportPdf(doc), fileName: `${doc.meta.fileName}.pdf`, mime: 'application/pdf' };
  }

  /**
   * For other modules that check their own access (reform inspections' pre-visit figures): the unit's periodic
   * reports whose deadline falls in [from, to] and has passed at ctx.now(), each with its standing — core
   * reportTiming, as the overview and the reform dashboard read it. No caller scope.
   */
  async reportStandingsOf(agencyId: string, from: string, to: string) {
    const now = this.ctx.now();
    const out: { year: number; kind: ReportKind; kindLabel: { vi: string; en: string }; deadline: string; standing: ReturnType<typeof reportTiming>['standing']; late: boolean; daysLate: number; reportId: string | null }[] = [];
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      for (const kind of REPORT_KINDS) {
        const schedule = scheduleOf(kind, year);
        if (schedule.deadline < from || schedule.deadline > to || now.getTime() < schedule.lateFrom.getTime()) continue;
        const r = (await repo.reportsOfAgencies(this.ctx.db, [agencyId], year, kind))[0] ?? null;
        const t = reportTiming(schedule, r ? { status: r.status as ReportStatus, submittedAt: r.submittedAt } : null, now);
        out.push({ year, kind, kindLabel: REPORT_KIND_LABELS[kind], deadline: schedule.deadline, standing: t.standing, late: t.late, daysLate: t.daysLate, reportId: r?.id ?? null });
      }
    }
    return out;
  }

  /** Every child unit of a parent (that handles dossiers) with its standing on one report: the late-flag list. */
  async overview(auth: AuthInfo, q: z.infer<typeof OverviewQuery>) {
    const parentId = q.agencyId ?? auth.assignments[0]?.agencyId;
    if (!parentId) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const parent = await this.agencyInScope(auth, parentId);
    const schedule = scheduleOf(q.kind, q.year);
    const now = this.ctx.now();
    const children = await repo.childUnitsHandlingDossiers(this.ctx.db, parent.id);
    const reports = await repo.reportsOfAgencies(this.ctx.db, children.map((c) => c.id), q.year, q.kind);
    const byAgency = new Map(reports.map((r) => [r.agencyId, r]));
    const rows = children.map((c) => {
      const r = byAgency.get(c.id) ?? null;
      const t = reportTiming(schedule, r ? { status: r.status as ReportStatus, submittedAt: r.submittedAt } : null, now);
      return {
        agency: { id: c.id, code: c.code, name: c.name },
        report: r ? { id: r.id, status: r.status as ReportStatus, version: r.version, submittedAt: iso(r.submittedAt), updatedAt: formatVnIso(r.updatedAt) } : null,
        standing: t.standing,
        standingLabel: REPORT_STANDING_LABELS[t.standing],
        late: t.late,
        daysLate: t.daysLate,
      };
    });
    const count = (s: string) => rows.filter((x) => x.standing === s).length;
    return {
      parent: { id: parent.id, code: parent.code, name: parent.name },
      year: q.year,
      kind: q.kind,
      kindLabel: REPORT_KIND_LABELS[q.kind],
      cutoff: schedule.cutoff,
      deadline: schedule.deadline,
      lateFrom: formatVnIso(schedule.lateFrom),
      legalBasis: schedule.legalBasis,
      asOf: formatVnIso(now),
      rows,
      summary: {
        units: rows.length,
        submittedOnTime: count('submitted_on_time'),
        submittedLate: count('submitted_late'),
        draft: count('draft'),
        notStarted: count('not_started'),
        late: rows.filter((x) => x.late).length,
      },
    };
  }
}

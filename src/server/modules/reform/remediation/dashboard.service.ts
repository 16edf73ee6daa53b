/**
 * The reform dashboard (issue 9 §2): for the province, or a unit and its children — the PAR index per year
 * (reform/par parSummaryFor), this round's status per unit, inspections done and planned (the inspections
 * module's exports, injected), open and overdue remediation tasks, units without a remediation report on an issued
 * conclusion, and periodic reports late. Every figure is the count of its drill-down rows: one function per figure
 * returns the rows (the same predicate for the number and the list).
 *
 * Scope: anyone holding a role on the agency or an ancestor (a commune's staff: their commune; the province's
 * reform officers: the province). Others get 404.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { AuthInfo } from '../../../platform/http/auth.ts';
import { formatVnIso, toLocalDate } from '../../../../core/calendar/index.ts';
import { REPORT_KINDS, REPORT_KIND_LABELS, reportSchedule, reportTiming, type ReportKind, type ReportStatus } from '../../../../core/reform/index.ts';
import { isRemediationOverdue, tallyRemediation, type RemediationStatus } from '../../../../core/reform/remediation.ts';
import { rolesOver } from '../../dossiers/dossiers.service.ts';
import { findAgency } from '../../units/index.ts';
import { lostPointsFor, parSummaryFor } from '../par/par.service.ts';
import { roundUnitsOfAgency } from '../par/index.ts';
import { childUnitsHandlingDossiers, reportsOfAgencies } from '../index.ts';
import * as repo from './remediation.repository.ts';
import { taskSummary } from './remediation.service.ts';

/** The inspections module's exports (contract in /work/briefs/reform.md), injected; default: no inspections. */
export type InspectionStats = (db: DbOrTx, q: { year: number; agencyIds?: string[] }) => Promise<{ agencyId: string; planned: number; done: number; inProgress: number; lastVisitOn: string | null; findings: number }[]>;
export type InspectionVisitsFor = (db: DbOrTx, agencyId: string, year: number) => Promise<{ id: string; status: string; scheduledOn: string | null; doneOn: string | null; planTitle: string }[]>;

type Agency = { id: string; code: string; name: string };
const brief = (a: Agency) => ({ id: a.id, code: a.code, name: a.name });

export const ROUND_UNIT_STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  draft: { vi: 'Đang tự đánh giá', en: 'Self-assessing' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  late: { vi: 'Quá hạn, chưa gửi', en: 'Late, not submitted' },
  appraised: { vi: 'Đã thẩm định', en: 'Appraised' },
};

export const FIGURE_LABELS: Record<string, { vi: string; en: string }> = {
  par_late: { vi: 'Đơn vị quá hạn tự đánh giá', en: 'Units late with their self-assessment' },
  inspections_done: { vi: 'Cuộc kiểm tra đã thực hiện', en: 'Inspections done' },
  inspections_planned: { vi: 'Cuộc kiểm tra theo kế hoạch (chưa thực hiện)', en: 'Inspections planned (not done)' },
  remediation_open: { vi: 'Nhiệm vụ khắc phục chưa hoàn thành', en: 'Open remediation tasks' },
  remediation_overdue: { vi: 'Nhiệm vụ khắc phục quá hạn', en: 'Overdue remediation tasks' },
  units_without_report: { vi: 'Đơn vị chưa gửi báo cáo khắc phục sau kết luận kiểm tra', en: 'Units without a remediation report on a conclusion' },
  reports_late: { vi: 'Báo cáo định kỳ trễ hạn', en: 'Periodic reports late' },
};

export class DashboardService {
  constructor(
    private readonly ctx: AppContext,
    private readonly inspectionStats: InspectionStats = async () => [],
    private readonly inspectionVisitsFor: InspectionVisitsFor = async () => [],
  ) {}

  private async scope(auth: AuthInfo, agencyId: string | undefined) {
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    // Default: the highest agency the caller holds a role on (the province for its officers, else their unit).
    const id = agencyId ?? auth.assignments.map((a) => ({ a, depth: a.agencyPath.split('/').filter(Boolean).length })).sort((x, y) => x.depth - y.depth)[0]!.a.agencyId;
    const agency = await findAgency(this.ctx.db, id);
    if (!agency || rolesOver(auth, [agency.path]).length === 0) throw new AppError('NOT_FOUND', { entity: 'agency' });
    return agency;
  }

  /** The units of the table: the agency's children, or the agency itself when it has none. */
  private async unitsOf(agencyId: string): Promise<Agency[]> {
    const rows = await repo.agencyAndChildren(this.ctx.db, agencyId);
    const children = rows.filter((r) => r.id !== agencyId);
    return children.length ? children : rows;
  }

  // ---------------- one function per figure: the rows (the figure is their count)

  async parLateRows(units: Agency[], year: number, today: string) {
    const out = [];
    for (const u of units) {
      const st = await this.roundStatusOf(u.id, year, today);
      if (st?.status === 'late') out.push({ agency: brief(u), roundId: st.roundId, selfDeadline: st.selfDeadline, link: `/chi-so-cchc/${st.roundId}/don-vi/${u.id}` });
    }
    return out;
  }

  async inspectionRows(units: Agency[], year: number, done: boolean) {
    const out = [];
    for (const u of units) {
      for (const v of await this.inspectionVisitsFor(this.ctx.db, u.id, year)) {
        if ((v.status === 'done') === done) out.push({ agency: brief(u), visitId: v.id, status: v.status, scheduledOn: v.scheduledOn, doneOn: v.doneOn, planTitle: v.planTitle, link: `/kiem-tra-cchc/dot/${v.id}` });
      }
    }
    return out;
  }

  async taskRows(scopePath: string, today: string, which: 'open' | 'overdue') {
    const ids = await repo.subtreeIds(this.ctx.db, scopePath);
    const rows = await repo.allTasks(this.ctx.db, which === 'open' ? { ownerAgencyIds: ids, statuses: ['open', 'returned'] } : { ownerAgencyIds: ids, overdueOn: today });
    return rows.map((r) => ({ ...taskSummary(r.t, r.owner, today), link: `/khac-phuc/${r.t.id}` }));
  }

  /** Units with a task from an issued conclusion past its deadline that they never reported on (core tally). */
  async unitsWithoutReportRows(scopePath: string, today: string) {
    const ids = await repo.subtreeIds(this.ctx.db, scopePath);
    const rows = await repo.allTasks(this.ctx.db, { ownerAgencyIds: ids, sourceKind: 'inspection' });
    const t = tallyRemediation(rows.map((r) => ({ ownerAgencyId: r.t.ownerAgencyId, status: r.t.status as RemediationStatus, deadline: r.t.deadline, everReported: r.t.everReported > 0 })), today);
    return t.unitsWithoutReport.map((id) => {
      const mine = rows.filter((r) => r.t.ownerAgencyId === id && r.t.everReported === 0 && today > r.t.deadline);
      return { agency: brief(mine[0]!.owner), tasks: mine.length, visits: [...new Set(mine.map((r) => r.t.sourceRef))], earliestDeadline: mine[0]!.t.deadline, link: `/khac-phuc?agencyId=${id}` };
    });
  }

  async lateReportRows(scopeId: string, year: number) {
    const now = this.ctx.now();
    const children = await childUnitsHandlingDossiers(this.ctx.db, scopeId);
    const units: Agency[] = children.length ? children : [(await findAgency(this.ctx.db, scopeId))!];
    const out = [];
    for (const kind of REPORT_KINDS) {
      const s = reportSchedule(kind as ReportKind, year);
      if (now.getTime() < s.lateFrom.getTime()) continue;
      const reports = new Map((await reportsOfAgencies(this.ctx.db, units.map((u) => u.id), year, kind)).map((r) => [r.agencyId, r]));
      for (const u of units) {
        const r = reports.get(u.id) ?? null;
        const t = reportTiming(s, r ? { status: r.status as ReportStatus, submittedAt: r.submittedAt } : null, now);
        if (t.late) out.push({ agency: brief(u), kind, kindLabel: REPORT_KIND_LABELS[kind as ReportKind], deadline: s.deadline, standing: t.standing, daysLate: t.daysLate, reportId: r?.id ?? null, link: r ? `/bao-cao-cchc/${r.id}` : '/bao-cao-cchc' });
      }
    }
    return out;
  }

  /** A unit's status in the latest PAR round of a year. */
  private async roundStatusOf(agencyId: string, year: number, today: string) {
    const rus = (await roundUnitsOfAgency(this.ctx.db, agencyId)).filter((x) => x.r.year === year).sort((a, b) => +b.r.createdAt - +a.r.createdAt);
    const hit = rus[0];
    if (!hit) return null;
    const until = hit.u.graceUntil && hit.u.graceUntil > hit.r.selfDeadline ? hit.u.graceUntil : hit.r.selfDeadline;
    const status = hit.r.status !== 'open' ? 'appraised' : hit.u.status === 'submitted' ? 'submitted' : today > until ? 'late' : 'draft';
    return { roundId: hit.r.id, roundStatus: hit.r.status, status, label: ROUND_UNIT_STATUS_LABELS[status]!, selfDeadline: hit.r.selfDeadline };
  }

  // ---------------- the dashboard

  async dashboard(auth: AuthInfo, q: { year?: number | undefined; agencyId?: string | undefined }) {
    const agency = await this.scope(auth, q.agencyId);
    const today = toLocalDate(this.ctx.now());
    const year = q.year ?? Number(today.slice(0, 4));
    const units = await this.unitsOf(agency.id);
    const stats = new Map((await this.inspectionStats(this.ctx.db, { year, agencyIds: units.map((u) => u.id) })).map((s) => [s.agencyId, s]));
    const subIds = await repo.subtreeIds(this.ctx.db, agency.path);
    const tasks = await repo.allTasks(this.ctx.db, { ownerAgencyIds: subIds });

    const rows = [];
    for (const u of units) {
      const unitTasks = [];
      const uPath = (await findAgency(this.ctx.db, u.id))!.path;
      const uIds = new Set(await repo.subtreeIds(this.ctx.db, uPath));
      for (const t of tasks) if (uIds.has(t.t.ownerAgencyId)) unitTasks.push(t.t);
      const tally = tallyRemediation(unitTasks.map((t) => ({ ownerAgencyId: t.ownerAgencyId, status: t.status as RemediationStatus, deadline: t.deadline, everReported: t.everReported > 0 })), today);
      const s = stats.get(u.id);
      rows.push({
        agency: brief(u),
        par: await parSummaryFor(this.ctx.db, u.id, year),
        parLastYear: await parSummaryFor(this.ctx.db, u.id, year - 1),
        round: await this.roundStatusOf(u.id, year, today),
        inspections: { planned: s?.planned ?? 0, done: s?.done ?? 0, inProgress: s?.inProgress ?? 0, lastVisitOn: s?.lastVisitOn ?? null, findings: s?.findings ?? 0 },
        remediation: { open: tally.open, overdue: tally.overdue, reported: tally.reported, accepted: tally.accepted, returned: tally.returned },
      });
    }

    const drill: Record<string, unknown[]> = {
      par_late: await this.parLateRows(units, year, today),
      inspections_done: await this.inspectionRows(units, year, true),
      inspections_planned: await this.inspectionRows(units, year, false),
      remediation_open: await this.taskRows(agency.path, today, 'open'),
      remediation_overdue: await this.taskRows(agency.path, today, 'overdue'),
      units_without_report: await this.unitsWithoutReportRows(agency.path, today),
      reports_late: await this.lateReportRows(agency.id, year),
    };
    return {
      agency: brief(agency),
      year,
      today,
      asOf: formatVnIso(this.ctx.now()),
      figures: Object.entries(drill).map(([key, list]) => ({ key, label: FIGURE_LABELS[key]!, count: list.length, rows: list })),
      units: rows,
    };
  }

  /** A unit's reform history over the years: index, rank, lost points, inspections, remediation tasks. */
  async unitHistory(auth: AuthInfo, agencyId: string) {
    const agency = await this.scope(auth, agencyId);
    const today = toLocalDate(this.ctx.now());
    const rus = await roundUnitsOfAgency(this.ctx.db, agency.id);
    const tasks = await repo.allTasks(this.ctx.db, { ownerAgencyIds: [agency.id] });
    const years = new Set<number>([Number(today.slice(0, 4)), ...rus.map((x) => x.r.year), ...tasks.map((t) => Number(t.t.noticeDate.slice(0, 4)))]);
    const out = [];
    for (const year of [...years].sort((a, b) => b - a)) {
      const par = await parSummaryFor(this.ctx.db, agency.id, year);
      const lost = par.roundId ? await lostPointsFor(this.ctx.db, par.roundId, agency.id) : [];
      const insp = (await this.inspectionStats(this.ctx.db, { year, agencyIds: [agency.id] })).find((s) => s.agencyId === agency.id) ?? null;
      const yearTasks = tasks.filter((t) => t.t.noticeDate.startsWith(String(year)));
      const tally = tallyRemediation(yearTasks.map((t) => ({ ownerAgencyId: t.t.ownerAgencyId, status: t.t.status as RemediationStatus, deadline: t.t.deadline, everReported: t.t.everReported > 0 })), today);
      out.push({
        year,
        par,
        lostPoints: { count: lost.length, top: lost.slice(0, 5) },
        inspections: insp ? { planned: insp.planned, done: insp.done, findings: insp.findings, lastVisitOn: insp.lastVisitOn } : { planned: 0, done: 0, findings: 0, lastVisitOn: null },
        visits: await this.inspectionVisitsFor(this.ctx.db, agency.id, year),
        remediation: { total: yearTasks.length, open: tally.open, overdue: tally.overdue, reported: tally.reported, accepted: tally.accepted },
        tasks: yearTasks.map((t) => ({ ...taskSummary(t.t, t.owner, today), overdue: isRemediationOverdue(t.t.status as RemediationStatus, t.t.deadline, today) })),
      });
    }
    return { agency: brief(agency), years: out };
  }
}

/**
 * What reform/remediation offers to other modules (contract in /work/briefs/reform.md): insp-api creates a task per
 * recommendation of an issued conclusion and reads their status; the PAR self-assessment shows a criterion's
 * open tasks; app.ts registers the routes.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { toLocalDate } from '../../../../core/calendar/index.ts';
import { isRemediationOverdue, tallyRemediation, type RemediationStatus } from '../../../../core/reform/remediation.ts';
import type { RemediationTaskRef } from '../par/par.service.ts';
import * as repo from './remediation.repository.ts';
import { createTask, type NewRemediationTask } from './remediation.service.ts';

export type { NewRemediationTask } from './remediation.service.ts';
export { RemediationService } from './remediation.service.ts';
export { remediationRoutes } from './remediation.routes.ts';
export { DashboardService, type InspectionStats, type InspectionVisitsFor } from './dashboard.service.ts';

/** Creates the task inside the caller's transaction; the same source twice returns the existing task. */
export async function createRemediationTask(tx: DbOrTx, ctx: AppContext, actorUserId: string, t: NewRemediationTask): Promise<{ id: string }> {
  const r = await createTask(tx, ctx, actorUserId, t);
  return { id: r.id };
}

/**
 * The tasks of an inspection visit, one per recommendation. `today` (LocalDate) decides `overdue`: pass
 * toLocalDate(ctx.now()); without it the wall clock's Vietnam date is used (the contract's two-argument form).
 */
export async function remediationStatusFor(db: DbOrTx, visitId: string, today: string = toLocalDate(new Date())): Promise<{ id: string; recommendationId: string; status: RemediationStatus; deadline: string; overdue: boolean }[]> {
  const rows = await repo.tasksOfSource(db, 'inspection', visitId);
  return rows.map((t) => ({ id: t.id, recommendationId: t.sourceItem, status: t.status as RemediationStatus, deadline: t.deadline, overdue: isRemediationOverdue(t.status as RemediationStatus, t.deadline, today) }));
}

/** A unit's unfinished tasks from lost points on a PAR criterion (any round), for its self-assessment. */
export async function openTasksForParNode(db: DbOrTx, agencyId: string, nodeCode: string, today: string): Promise<RemediationTaskRef[]> {
  const rows = await repo.tasksForParNode(db, agencyId, nodeCode);
  return rows.map((t) => ({ id: t.id, content: t.content, deadline: t.deadline, status: t.status, overdue: isRemediationOverdue(t.status as RemediationStatus, t.deadline, today) }));
}

/** A unit's tasks of every source, tallied as the reform dashboard tallies them (core tallyRemediation), plus the total. */
export async function remediationTallyFor(db: DbOrTx, agencyIds: string[], today: string): Promise<{ total: number; open: number; reported: number; accepted: number; returned: number; overdue: number }> {
  if (agencyIds.length === 0) return { total: 0, open: 0, reported: 0, accepted: 0, returned: 0, overdue: 0 };
  const rows = await repo.allTasks(db, { ownerAgencyIds: agencyIds });
  const t = tallyRemediation(rows.map((r) => ({ ownerAgencyId: r.t.ownerAgencyId, status: r.t.status as RemediationStatus, deadline: r.t.deadline, everReported: r.t.everReported > 0 })), today);
  return { total: rows.length, open: t.open, reported: t.reported, accepted: t.accepted, returned: t.returned, overdue: t.overdue };
}

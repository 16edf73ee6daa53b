/** What reform inspections export to other modules (contract: .wip/inspections-contract.md). */
import type { DbOrTx as Db } from '../../../platform/db/database.ts';
import * as R from './inspections.repository.ts';

export { inspectionsRoutes } from './inspections.routes.ts';

export async function inspectionStats(db: Db, q: { year: number; agencyIds?: string[] }): Promise<{ agencyId: string; planned: number; done: number; inProgress: number; lastVisitOn: string | null; findings: number }[]> {
  const rows = await R.visitsOfYear(db, q.year, q.agencyIds);
  const items = await R.itemsOf(db, rows.filter((r) => r.v.status === 'done').map((r) => r.v.id));
  const by = new Map<string, { agencyId: string; planned: number; done: number; inProgress: number; lastVisitOn: string | null; findings: number }>();
  const visitAgency = new Map(rows.map((r) => [r.v.id, r.v.agencyId]));
  for (const r of rows) {
    if (r.v.status === 'cancelled') continue;
    const s = by.get(r.v.agencyId) ?? { agencyId: r.v.agencyId, planned: 0, done: 0, inProgress: 0, lastVisitOn: null, findings: 0 };
    if (r.v.status === 'planned') s.planned++;
    if (r.v.status === 'in_progress') s.inProgress++;
    if (r.v.status === 'done') {
      s.done++;
      const day = r.v.doneAt ? r.v.doneAt.toISOString().slice(0, 10) : r.v.scheduledOn;
      if (day && (!s.lastVisitOn || day > s.lastVisitOn)) s.lastVisitOn = day;
    }
    by.set(r.v.agencyId, s);
  }
  for (const i of items) {
    if (i.i.result === 'does_not_meet' || i.i.result === 'partly') {
      const s = by.get(visitAgency.get(i.i.visitId)!);
      if (s) s.findings++;
    }
  }
  return [...by.values()];
}

export async function inspectionVisitsFor(db: Db, agencyId: string, year: number): Promise<{ id: string; status: string; scheduledOn: string | null; doneOn: string | null; planTitle: string }[]> {
  const rows = await R.visitsOfYear(db, year, [agencyId]);
  return rows.map((r) => ({ id: r.v.id, status: r.v.status, scheduledOn: r.v.scheduledOn, doneOn: r.v.doneAt ? r.v.doneAt.toISOString().slice(0, 10) : null, planTitle: r.plan.title }));
}

/** SQL of remediation tasks (the only place with queries on remediation_* tables). */
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { agencies, files, remediationEvidence, remediationHistory, remediationTasks, users } from '../../../platform/db/schema.ts';

export type TaskRow = typeof remediationTasks.$inferSelect;
export type HistoryRow = typeof remediationHistory.$inferSelect;
export type EvidenceRow = typeof remediationEvidence.$inferSelect;

export async function findTask(db: DbOrTx, id: string): Promise<TaskRow | null> {
  const [r] = await db.select().from(remediationTasks).where(eq(remediationTasks.id, id)).limit(1);
  return r ?? null;
}

export async function findBySource(db: DbOrTx, kind: string, ref: string, item: string, ownerAgencyId: string): Promise<TaskRow | null> {
  const [r] = await db
    .select()
    .from(remediationTasks)
    .where(and(eq(remediationTasks.sourceKind, kind), eq(remediationTasks.sourceRef, ref), eq(remediationTasks.sourceItem, item), eq(remediationTasks.ownerAgencyId, ownerAgencyId)))
    .limit(1);
  return r ?? null;
}

/** Insert, or nothing when the source already has a task (unique index): returns the row inserted or null. */
export async function insertTaskIfNew(tx: DbOrTx, v: typeof remediationTasks.$inferInsert): Promise<TaskRow | null> {
  const [r] = await tx.insert(remediationTasks).values(v).onConflictDoNothing().returning();
  return r ?? null;
}

export async function updateTaskIfVersion(tx: DbOrTx, id: string, version: number, set: Partial<typeof remediationTasks.$inferInsert>, now: Date): Promise<TaskRow | null> {
  const [r] = await tx
    .update(remediationTasks)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(remediationTasks.id, id), eq(remediationTasks.version, version)))
    .returning();
  return r ?? null;
}

export async function appendHistory(tx: DbOrTx, v: typeof remediationHistory.$inferInsert): Promise<HistoryRow> {
  const [r] = await tx.insert(remediationHistory).values(v).returning();
  return r!;
}

export async function insertEvidence(tx: DbOrTx, v: (typeof remediationEvidence.$inferInsert)[]): Promise<void> {
  if (v.length) await tx.insert(remediationEvidence).values(v);
}

export async function historyOf(db: DbOrTx, taskId: string) {
  return db
    .select({ h: remediationHistory, actorName: users.fullName })
    .from(remediationHistory)
    .leftJoin(users, eq(users.id, remediationHistory.actorId))
    .where(eq(remediationHistory.taskId, taskId))
    .orderBy(asc(remediationHistory.id));
}

export async function evidenceOf(db: DbOrTx, taskId: string): Promise<EvidenceRow[]> {
  return db.select().from(remediationEvidence).where(eq(remediationEvidence.taskId, taskId)).orderBy(asc(remediationEvidence.addedAt), asc(remediationEvidence.id));
}

export interface TaskFilter {
  /** Only tasks of these owner agencies (undefined: all). */
  ownerAgencyIds?: string[];
  /** Or tasks whose leader is this user (OR-ed with ownerAgencyIds when both are given). */
  leaderUserId?: string;
  statuses?: string[];
  /** Open or returned with a deadline before this date (isRemediationOverdue as SQL). */
  overdueOn?: string;
  sourceKind?: string;
  sourceRef?: string;
  noticeYear?: number;
}

export function filterWhere(f: TaskFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  const scope: (SQL | undefined)[] = [];
  if (f.ownerAgencyIds) scope.push(f.ownerAgencyIds.length ? inArray(remediationTasks.ownerAgencyId, f.ownerAgencyIds) : sql`false`);
  if (f.leaderUserId) scope.push(eq(remediationTasks.leaderUserId, f.leaderUserId));
  if (scope.length) conds.push(or(...scope));
  if (f.statuses?.length) conds.push(inArray(remediationTasks.status, f.statuses));
  if (f.overdueOn) conds.push(and(inArray(remediationTasks.status, ['open', 'returned']), lt(remediationTasks.deadline, f.overdueOn)));
  if (f.sourceKind) conds.push(eq(remediationTasks.sourceKind, f.sourceKind));
  if (f.sourceRef) conds.push(eq(remediationTasks.sourceRef, f.sourceRef));
  if (f.noticeYear) conds.push(sql`substr(${remediationTasks.noticeDate}, 1, 4) = ${String(f.noticeYear)}`);
  return and(...conds);
}

/** Keyset page ordered by (deadline, id); the cursor is exactly those two columns. */
export async function listTasks(db: DbOrTx, f: TaskFilter, after: { deadline: string; id: string } | null, limit: number) {
  const keyset = after ? or(gt(remediationTasks.deadline, after.deadline), and(eq(remediationTasks.deadline, after.deadline), gt(remediationTasks.id, after.id))) : undefined;
  return db
    .select({ t: remediationTasks, owner: { id: agencies.id, name: agencies.name, code: agencies.code } })
    .from(remediationTasks)
    .innerJoin(agencies, eq(agencies.id, remediationTasks.ownerAgencyId))
    .where(and(filterWhere(f), keyset))
    .orderBy(asc(remediationTasks.deadline), asc(remediationTasks.id))
    .limit(limit);
}

/** Every task matching the filter (dashboard figures and their drill-down lists). */
export async function allTasks(db: DbOrTx, f: TaskFilter) {
  return db
    .select({ t: remediationTasks, owner: { id: agencies.id, name: agencies.name, code: agencies.code } })
    .from(remediationTasks)
    .innerJoin(agencies, eq(agencies.id, remediationTasks.ownerAgencyId))
    .where(filterWhere(f))
    .orderBy(asc(remediationTasks.deadline), asc(remediationTasks.id));
}

export async function tasksOfSource(db: DbOrTx, kind: string, ref: string): Promise<TaskRow[]> {
  return db.select().from(remediationTasks).where(and(eq(remediationTasks.sourceKind, kind), eq(remediationTasks.sourceRef, ref))).orderBy(asc(remediationTasks.sourceItem));
}

export async function tasksForParNode(db: DbOrTx, agencyId: string, nodeCode: string): Promise<TaskRow[]> {
  return db
    .select()
    .from(remediationTasks)
    .where(and(eq(remediationTasks.ownerAgencyId, agencyId), inArray(remediationTasks.status, ['open', 'returned', 'reported']), or(and(eq(remediationTasks.sourceKind, 'par'), eq(remediationTasks.sourceItem, nodeCode)))))
    .orderBy(desc(remediationTasks.deadline));
}

/** The agency and its direct children, by code (the dashboard's table). */
export async function agencyAndChildren(db: DbOrTx, agencyId: string) {
  return db.select().from(agencies).where(or(eq(agencies.id, agencyId), eq(agencies.parentId, agencyId))).orderBy(asc(agencies.code));
}

/** Ids of the agency's whole subtree (itself included). */
export async function subtreeIds(db: DbOrTx, path: string): Promise<string[]> {
  const rows = await db.select({ id: agencies.id }).from(agencies).where(sql`${agencies.path} like ${path} || '%'`);
  return rows.map((r) => r.id);
}

/** A file in the content-addressed store (platform files table), with its type; null when it was never uploaded. */
export async function storedFile(db: DbOrTx, sha256: string): Promise<{ sha256: string; mime: string } | null> {
  const [f] = await db.select({ sha256: files.sha256, mime: files.mime }).from(files).where(eq(files.sha256, sha256)).limit(1);
  return f ?? null;
}

/** SQL of reform inspections (the only place with queries on inspection_* tables). */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/db/audit.ts';
import {
  agencies,
  inspectionDocumentCounters,
  inspectionDocuments,
  inspectionItemHistory,
  inspectionItems,
  inspectionPhotos,
  inspectionPlanVisits,
  inspectionPlans,
  inspectionTeamMembers,
  users,
} from '../../../platform/db/schema.ts';

export type PlanRow = typeof inspectionPlans.$inferSelect;
export type VisitRow = typeof inspectionPlanVisits.$inferSelect;
export type TeamRow = typeof inspectionTeamMembers.$inferSelect;
export type ItemRow = typeof inspectionItems.$inferSelect;
export type PhotoRow = typeof inspectionPhotos.$inferSelect;
export type DocumentRow = typeof inspectionDocuments.$inferSelect;
export type HistoryRow = typeof inspectionItemHistory.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;

// ---------------------------------------------------------------- plans

export async function insertPlan(tx: DbOrTx, v: typeof inspectionPlans.$inferInsert): Promise<PlanRow> {
  const [r] = await tx.insert(inspectionPlans).values(v).returning();
  return r!;
}
export async function findPlan(db: DbOrTx, id: string): Promise<PlanRow | null> {
  const [r] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id)).limit(1);
  return r ?? null;
}
export async function listPlans(db: DbOrTx, year?: number): Promise<PlanRow[]> {
  return db.select().from(inspectionPlans).where(year === undefined ? undefined : eq(inspectionPlans.year, year)).orderBy(desc(inspectionPlans.year), asc(inspectionPlans.createdAt));
}
export async function updatePlanIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof inspectionPlans.$inferInsert>, now: Date): Promise<PlanRow | null> {
  const [r] = await tx.update(inspectionPlans).set({ ...set, version: expected + 1, updatedAt: now }).where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.version, expected))).returning();
  return r ?? null;
}

// ---------------------------------------------------------------- visits, team

export async function insertVisits(tx: DbOrTx, rows: (typeof inspectionPlanVisits.$inferInsert)[]): Promise<VisitRow[]> {
  return rows.length ? tx.insert(inspectionPlanVisits).values(rows).returning() : [];
}
export async function deleteVisitsOfPlan(tx: DbOrTx, planId: string): Promise<void> {
  const ids = (await tx.select({ id: inspectionPlanVisits.id }).from(inspectionPlanVisits).where(eq(inspectionPlanVisits.planId, planId))).map((r) => r.id);
  if (ids.length) await tx.delete(inspectionItems).where(inArray(inspectionItems.visitId, ids));
  await tx.delete(inspectionPlanVisits).where(eq(inspectionPlanVisits.planId, planId));
}
export async function visitsOfPlans(db: DbOrTx, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db.select({ v: inspectionPlanVisits, agency: agencies }).from(inspectionPlanVisits).innerJoin(agencies, eq(agencies.id, inspectionPlanVisits.agencyId)).where(inArray(inspectionPlanVisits.planId, planIds)).orderBy(asc(inspectionPlanVisits.position));
}
export async function findVisit(db: DbOrTx, id: string): Promise<VisitRow | null> {
  const [r] = await db.select().from(inspectionPlanVisits).where(eq(inspectionPlanVisits.id, id)).limit(1);
  return r ?? null;
}
export async function allVisits(db: DbOrTx) {
  return db
    .select({ v: inspectionPlanVisits, plan: inspectionPlans, agency: agencies })
    .from(inspectionPlanVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionPlanVisits.planId))
    .innerJoin(agencies, eq(agencies.id, inspectionPlanVisits.agencyId))
    .orderBy(desc(inspectionPlans.year), asc(inspectionPlanVisits.scheduledOn), asc(inspectionPlanVisits.position));
}
export async function visitsOfYear(db: DbOrTx, year: number, agencyIds?: string[]) {
  return db
    .select({ v: inspectionPlanVisits, plan: inspectionPlans })
    .from(inspectionPlanVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionPlanVisits.planId))
    .where(and(eq(inspectionPlans.year, year), agencyIds ? inArray(inspectionPlanVisits.agencyId, agencyIds.length ? agencyIds : ['00000000-0000-0000-0000-000000000000']) : undefined));
}
export async function updateVisitIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof inspectionPlanVisits.$inferInsert>, now: Date): Promise<VisitRow | null> {
  const [r] = await tx.update(inspectionPlanVisits).set({ ...set, version: expected + 1, updatedAt: now }).where(and(eq(inspectionPlanVisits.id, id), eq(inspectionPlanVisits.version, expected))).returning();
  return r ?? null;
}
export async function insertTeam(tx: DbOrTx, rows: (typeof inspectionTeamMembers.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(inspectionTeamMembers).values(rows);
}
export async function deleteTeamOfPlan(tx: DbOrTx, planId: string): Promise<void> {
  await tx.delete(inspectionTeamMembers).where(eq(inspectionTeamMembers.planId, planId));
}
export async function teamsOfPlans(db: DbOrTx, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({ m: inspectionTeamMembers, name: users.fullName, agency: { id: agencies.id, name: agencies.name } })
    .from(inspectionTeamMembers)
    .innerJoin(users, eq(users.id, inspectionTeamMembers.userId))
    .innerJoin(agencies, eq(agencies.id, inspectionTeamMembers.agencyId))
    .where(inArray(inspectionTeamMembers.planId, planIds))
    .orderBy(asc(inspectionTeamMembers.role), asc(users.fullName));
}
export async function plansOfMember(db: DbOrTx, userId: string): Promise<TeamRow[]> {
  return db.select().from(inspectionTeamMembers).where(eq(inspectionTeamMembers.userId, userId));
}
export async function usersByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, fullName: users.fullName, active: users.active }).from(users).where(inArray(users.id, ids));
}
export async function agenciesByIds(db: DbOrTx, ids: string[]): Promise<AgencyRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(agencies).where(inArray(agencies.id, ids));
}
export async function subUnitsOf(db: DbOrTx, agencyId: string): Promise<AgencyRow[]> {
  return db.select().from(agencies).where(eq(agencies.parentId, agencyId)).orderBy(asc(agencies.code));
}
export async function standingBodies(db: DbOrTx): Promise<AgencyRow[]> {
  return db.select().from(agencies).where(eq(agencies.reformStandingBody, true));
}

// ---------------------------------------------------------------- items, history

export async function insertItems(tx: DbOrTx, rows: (typeof inspectionItems.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(inspectionItems).values(rows);
}
export async function itemsOf(db: DbOrTx, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select({ i: inspectionItems, updatedByName: users.fullName })
    .from(inspectionItems)
    .leftJoin(users, eq(users.id, inspectionItems.updatedBy))
    .where(inArray(inspectionItems.visitId, visitIds))
    .orderBy(asc(inspectionItems.position));
}
export async function findItem(db: DbOrTx, visitId: string, code: string): Promise<ItemRow | null> {
  const [r] = await db.select().from(inspectionItems).where(and(eq(inspectionItems.visitId, visitId), eq(inspectionItems.code, code))).limit(1);
  return r ?? null;
}
export async function updateItemIfVersion(tx: DbOrTx, id: string, expected: number, set: { result: string | null; note: string; updatedBy: string }, now: Date): Promise<ItemRow | null> {
  const [r] = await tx.update(inspectionItems).set({ ...set, version: expected + 1, updatedAt: now }).where(and(eq(inspectionItems.id, id), eq(inspectionItems.version, expected))).returning();
  return r ?? null;
}
/** Client change ids already applied to one item of a visit (the replay detection, durable across restarts). */
export async function appliedChangeIds(db: DbOrTx, visitId: string, itemCode: string): Promise<Set<string>> {
  const rows = await db
    .select({ c: inspectionItemHistory.clientChangeId })
    .from(inspectionItemHistory)
    .where(and(eq(inspectionItemHistory.visitId, visitId), eq(inspectionItemHistory.itemCode, itemCode), isNotNull(inspectionItemHistory.clientChangeId)));
  return new Set(rows.map((r) => r.c!));
}
/** Whether a client change id was applied to any item of the visit (and to which). */
export async function findChange(db: DbOrTx, visitId: string, clientChangeId: string): Promise<HistoryRow | null> {
  const [r] = await db.select().from(inspectionItemHistory).where(and(eq(inspectionItemHistory.visitId, visitId), eq(inspectionItemHistory.clientChangeId, clientChangeId))).limit(1);
  return r ?? null;
}
export async function appendHistory(tx: DbOrTx, v: typeof inspectionItemHistory.$inferInsert): Promise<void> {
  await tx.insert(inspectionItemHistory).values(v);
}
export async function historyOfVisit(db: DbOrTx, visitId: string): Promise<HistoryRow[]> {
  return db.select().from(inspectionItemHistory).where(eq(inspectionItemHistory.visitId, visitId)).orderBy(asc(inspectionItemHistory.id));
}

// ---------------------------------------------------------------- photos

export async function photosOf(db: DbOrTx, visitId: string): Promise<PhotoRow[]> {
  return db.select().from(inspectionPhotos).where(eq(inspectionPhotos.visitId, visitId)).orderBy(asc(inspectionPhotos.addedAt), asc(inspectionPhotos.id));
}
export async function findPhotoByClientId(db: DbOrTx, visitId: string, clientPhotoId: string): Promise<PhotoRow | null> {
  const [r] = await db.select().from(inspectionPhotos).where(and(eq(inspectionPhotos.visitId, visitId), eq(inspectionPhotos.clientPhotoId, clientPhotoId))).limit(1);
  return r ?? null;
}
export async function findPhoto(db: DbOrTx, visitId: string, id: string): Promise<PhotoRow | null> {
  const [r] = await db.select().from(inspectionPhotos).where(and(eq(inspectionPhotos.visitId, visitId), eq(inspectionPhotos.id, id))).limit(1);
  return r ?? null;
}
/** Inserts the photo unless its client id is already stored; returns the new row, or null when it was there. */
export async function insertPhotoOnce(tx: DbOrTx, v: typeof inspectionPhotos.$inferInsert): Promise<PhotoRow | null> {
  const [r] = await tx.insert(inspectionPhotos).values(v).onConflictDoNothing({ target: [inspectionPhotos.visitId, inspectionPhotos.clientPhotoId] }).returning();
  return r ?? null;
}

// ---------------------------------------------------------------- documents

export async function documentsOf(db: DbOrTx, visitIds: string[]): Promise<DocumentRow[]> {
  if (visitIds.length === 0) return [];
  return db.select().from(inspectionDocuments).where(inArray(inspectionDocuments.visitId, visitIds));
}
export async function findDocument(db: DbOrTx, visitId: string, kind: string): Promise<DocumentRow | null> {
  const [r] = await db.select().from(inspectionDocuments).where(and(eq(inspectionDocuments.visitId, visitId), eq(inspectionDocuments.kind, kind))).limit(1);
  return r ?? null;
}
export async function insertDocumentOnce(tx: DbOrTx, v: typeof inspectionDocuments.$inferInsert): Promise<DocumentRow | null> {
  const [r] = await tx.insert(inspectionDocuments).values(v).onConflictDoNothing({ target: [inspectionDocuments.visitId, inspectionDocuments.kind] }).returning();
  return r ?? null;
}
export async function updateDocumentIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof inspectionDocuments.$inferInsert>, now: Date): Promise<DocumentRow | null> {
  const [r] = await tx.update(inspectionDocuments).set({ ...set, version: expected + 1, updatedAt: now }).where(and(eq(inspectionDocuments.id, id), eq(inspectionDocuments.version, expected))).returning();
  return r ?? null;
}
/** The next number of a kind of document in a year (row-locked by the upsert: no two issues get the same number). */
export async function nextDocumentNumber(tx: DbOrTx, year: number, kind: string): Promise<number> {
  const [r] = await tx
    .insert(inspectionDocumentCounters)
    .values({ year, kind, last: 1 })
    .onConflictDoUpdate({ target: [inspectionDocumentCounters.year, inspectionDocumentCounters.kind], set: { last: sql`${inspectionDocumentCounters.last} + 1` } })
    .returning();
  return r!.last;
}

/** History of inspection documents (append-only audit log: create, edit, issue). */
export async function documentAudit(tx: DbOrTx, at: Date, actorId: string | null, action: string, documentId: string, data: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, { at, actorId, action, entity: 'inspection_document', entityId: documentId, data });
}

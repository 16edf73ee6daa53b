/** SQL of ratings (every channel), follow-up items and the kiosk's current dossier. */
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, dossierHistory, dossierRatings, dossiers, followUps } from '../../platform/db/schema.ts';

export type RatingRow = typeof dossierRatings.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;

export async function findRating(db: DbOrTx, dossierId: string): Promise<RatingRow | null> {
  const [row] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId)).limit(1);
  return row ?? null;
}

export async function insertRating(db: DbOrTx, v: typeof dossierRatings.$inferInsert): Promise<RatingRow> {
  const [row] = await db.insert(dossierRatings).values(v).returning();
  return row!;
}

export async function insertFollowUp(db: DbOrTx, v: typeof followUps.$inferInsert): Promise<FollowUpRow> {
  const [row] = await db.insert(followUps).values(v).returning();
  return row!;
}

export async function findFollowUp(db: DbOrTx, id: string): Promise<FollowUpRow | null> {
  const [row] = await db.select().from(followUps).where(eq(followUps.id, id)).limit(1);
  return row ?? null;
}

/** The follow-up of a dossier's rating (at most one per dossier: one rating per dossier). */
export async function followUpOfDossier(db: DbOrTx, dossierId: string): Promise<FollowUpRow | null> {
  const [row] = await db.select().from(followUps).where(and(eq(followUps.dossierId, dossierId), eq(followUps.kind, 'dissatisfied_rating'))).orderBy(desc(followUps.createdAt)).limit(1);
  return row ?? null;
}

/** Optimistic close: only an open item at the expected version. */
export async function closeFollowUpIfVersion(tx: DbOrTx, id: string, expected: number, set: { answer: string; closedBy: string; closedAt: Date }): Promise<FollowUpRow | null> {
  const [row] = await tx
    .update(followUps)
    .set({ ...set, status: 'closed', version: expected + 1 })
    .where(and(eq(followUps.id, id), eq(followUps.version, expected), eq(followUps.status, 'open')))
    .returning();
  return row ?? null;
}

export async function listFollowUps(db: DbOrTx, agencyIds: string[], status: string | undefined, limit: number) {
  if (agencyIds.length === 0) return [];
  const where = [inArray(followUps.agencyId, agencyIds)];
  if (status) where.push(eq(followUps.status, status));
  return db
    .select({ f: followUps, code: dossiers.code, agencyName: agencies.name, rating: dossierRatings })
    .from(followUps)
    .innerJoin(dossiers, eq(dossiers.id, followUps.dossierId))
    .innerJoin(agencies, eq(agencies.id, followUps.agencyId))
    .leftJoin(dossierRatings, eq(dossierRatings.id, followUps.sourceId))
    .where(and(...where))
    .orderBy(desc(followUps.createdAt))
    .limit(limit);
}

/** The last result this officer handed over since `since` (the kiosk of their desk shows it). */
export async function lastReturnBy(db: DbOrTx, officerId: string, since: Date): Promise<{ dossierId: string; at: Date } | null> {
  const [row] = await db
    .select({ dossierId: dossierHistory.dossierId, at: dossierHistory.at })
    .from(dossierHistory)
    .where(and(eq(dossierHistory.actorId, officerId), eq(dossierHistory.action, 'return_result'), gte(dossierHistory.at, since)))
    .orderBy(desc(dossierHistory.at), desc(dossierHistory.id))
    .limit(1);
  return row ?? null;
}

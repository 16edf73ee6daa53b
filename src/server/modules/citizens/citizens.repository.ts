import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, citizenFiles, citizenIdentities, citizens, citizenSessions, dossierDocuments, dossiers, procedures } from '../../platform/db/schema.ts';

export type CitizenRow = typeof citizens.$inferSelect;

export async function findCitizen(db: DbOrTx, id: string): Promise<CitizenRow | null> {
  const [row] = await db.select().from(citizens).where(eq(citizens.id, id)).limit(1);
  return row ?? null;
}

export async function findCitizenByIdentity(db: DbOrTx, provider: string, subject: string): Promise<CitizenRow | null> {
  const [row] = await db
    .select({ c: citizens })
    .from(citizenIdentities)
    .innerJoin(citizens, eq(citizens.id, citizenIdentities.citizenId))
    .where(and(eq(citizenIdentities.provider, provider), eq(citizenIdentities.subject, subject)))
    .limit(1);
  return row?.c ?? null;
}

export async function findCitizenByContact(db: DbOrTx, contact: string): Promise<CitizenRow | null> {
  const [row] = await db.select().from(citizens).where(eq(citizens.contact, contact)).limit(1);
  return row ?? null;
}

export async function insertCitizen(db: DbOrTx, v: typeof citizens.$inferInsert): Promise<CitizenRow> {
  const [row] = await db.insert(citizens).values(v).onConflictDoNothing().returning();
  return row ?? (await findCitizenByContact(db, v.contact))!;
}

export async function linkIdentity(db: DbOrTx, provider: string, subject: string, citizenId: string, at: Date) {
  await db.insert(citizenIdentities).values({ provider, subject, citizenId, createdAt: at }).onConflictDoNothing();
}

export async function insertSession(db: DbOrTx, v: typeof citizenSessions.$inferInsert) {
  await db.insert(citizenSessions).values(v);
}

export async function findSession(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ s: citizenSessions, c: citizens })
    .from(citizenSessions)
    .innerJoin(citizens, eq(citizens.id, citizenSessions.citizenId))
    .where(eq(citizenSessions.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function revokeSession(db: DbOrTx, tokenHash: string, at: Date) {
  await db.update(citizenSessions).set({ revokedAt: at }).where(and(eq(citizenSessions.tokenHash, tokenHash), sql`${citizenSessions.revokedAt} is null`));
}

export async function addCitizenFile(db: DbOrTx, v: typeof citizenFiles.$inferInsert) {
  await db
    .insert(citizenFiles)
    .values(v)
    .onConflictDoUpdate({ target: [citizenFiles.citizenId, citizenFiles.sha256], set: { fileName: v.fileName, uploadedAt: v.uploadedAt } });
}

export async function listCitizenFiles(db: DbOrTx, citizenId: string, limit: number) {
  return db.select().from(citizenFiles).where(eq(citizenFiles.citizenId, citizenId)).orderBy(desc(citizenFiles.uploadedAt)).limit(limit);
}

/** Electronic results issued on the citizen's own dossiers (reusable in a new application). */
export async function citizenResultDocuments(db: DbOrTx, citizenId: string, limit: number) {
  return db
    .select({ d: dossierDocuments, code: dossiers.code })
    .from(dossierDocuments)
    .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
    .where(and(eq(dossiers.citizenId, citizenId), eq(dossierDocuments.electronicResult, true), inArray(dossiers.state, ['result_ready', 'returned'])))
    .orderBy(desc(dossierDocuments.uploadedAt))
    .limit(limit);
}

/** The hashes among `shas` the citizen may attach: their uploads and the documents of their own dossiers. */
export async function ownedHashes(db: DbOrTx, citizenId: string, shas: string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const uploads = await db.select({ sha: citizenFiles.sha256 }).from(citizenFiles).where(and(eq(citizenFiles.citizenId, citizenId), inArray(citizenFiles.sha256, shas)));
  const docs = await db
    .select({ sha: dossierDocuments.fileSha256 })
    .from(dossierDocuments)
    .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
    .where(and(eq(dossiers.citizenId, citizenId), inArray(dossierDocuments.fileSha256, shas)));
  return new Set([...uploads.map((r) => r.sha), ...docs.map((r) => r.sha).filter((x): x is string => !!x)]);
}

/** The citizen's dossiers, newest first (index dossiers_citizen_idx), keyset-paginated on (created_at, id). */
export async function listOwnDossiers(db: DbOrTx, citizenId: string, cursor: { at: string; id: string } | null, limit: number) {
  const where = [eq(dossiers.citizenId, citizenId)];
  if (cursor) where.push(or(lt(dossiers.createdAt, new Date(cursor.at)), and(eq(dossiers.createdAt, new Date(cursor.at)), lt(dossiers.id, cursor.id)))!);
  return db
    .select({ d: dossiers, procedureCode: procedures.code, procedureName: procedures.name, agencyName: agencies.name })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(agencies, eq(agencies.id, dossiers.receivingAgencyId))
    .where(and(...where))
    .orderBy(desc(dossiers.createdAt), desc(dossiers.id))
    .limit(limit);
}

import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, citizenFiles, citizenOtps, citizenIdentities, citizens, citizenSessions, dossierDocuments, dossiers, procedures } from '../../platform/db/schema.ts';

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

/** Marks a citizen verified by a national e-ID, with the name and ID number the e-ID gave (else the stored ones). */
export async function markEidVerified(db: DbOrTx, id: string, v: { fullName: string; idNumber: string | null }): Promise<CitizenRow | null> {
  const [row] = await db.update(citizens).set({ eidVerified: true, fullName: v.fullName, idNumber: v.idNumber }).where(eq(citizens.id, id)).returning();
  return row ?? null;
}

export async function setCitizenName(db: DbOrTx, id: string, fullName: string): Promise<void> {
  await db.update(citizens).set({ fullName }).where(eq(citizens.id, id));
}

// ------------------------------------------------------------------ one-time codes (citizen_otps)

export type OtpRow = typeof citizenOtps.$inferSelect;

/** When the codes sent to a contact after `since` were created, oldest first (the hourly limit). */
export async function otpTimesSince(db: DbOrTx, contact: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ createdAt: citizenOtps.createdAt })
    .from(citizenOtps)
    .where(and(eq(citizenOtps.contact, contact), gt(citizenOtps.createdAt, since)))
    .orderBy(citizenOtps.createdAt);
  return rows.map((r) => r.createdAt);
}

/** The previous unconsumed codes of a contact stop working. */
export async function consumeOpenOtps(db: DbOrTx, contact: string, at: Date): Promise<void> {
  await db.update(citizenOtps).set({ consumedAt: at }).where(and(eq(citizenOtps.contact, contact), isNull(citizenOtps.consumedAt)));
}

export async function insertOtp(db: DbOrTx, v: typeof citizenOtps.$inferInsert): Promise<void> {
  await db.insert(citizenOtps).values(v);
}

/** The newest unconsumed code of a contact. */
export async function latestOpenOtp(db: DbOrTx, contact: string): Promise<OtpRow | null> {
  const [otp] = await db
    .select()
    .from(citizenOtps)
    .where(and(eq(citizenOtps.contact, contact), isNull(citizenOtps.consumedAt)))
    .orderBy(desc(citizenOtps.createdAt))
    .limit(1);
  return otp ?? null;
}

/** Counts a wrong guess atomically while below `max`; null when the limit was already reached. */
export async function countOtpAttempt(db: DbOrTx, id: string, max: number): Promise<number | null> {
  const [row] = await db
    .update(citizenOtps)
    .set({ attempts: sql`${citizenOtps.attempts} + 1` })
    .where(and(eq(citizenOtps.id, id), lt(citizenOtps.attempts, max)))
    .returning({ attempts: citizenOtps.attempts });
  return row ? row.attempts : null;
}

/** Consumes a code once: true for the one request that did. */
export async function consumeOtp(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const [used] = await db
    .update(citizenOtps)
    .set({ consumedAt: at })
    .where(and(eq(citizenOtps.id, id), isNull(citizenOtps.consumedAt)))
    .returning({ id: citizenOtps.id });
  return used !== undefined;
}

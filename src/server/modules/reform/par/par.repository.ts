/** SQL of the PAR index (the only place with queries on par_* tables). */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { agencies, parAppraisers, parAssessments, parComments, parEvidence, parHistory, parNodes, parRoundUnits, parRounds, parSets, parSurveyAnswers, parSurveyRespondents, parSurveyResults, users, files } from '../../../platform/db/schema.ts';

export type SetRow = typeof parSets.$inferSelect;
export type NodeRow = typeof parNodes.$inferSelect;
export type RoundRow = typeof parRounds.$inferSelect;
export type RoundUnitRow = typeof parRoundUnits.$inferSelect;
export type AssessmentRow = typeof parAssessments.$inferSelect;
export type EvidenceRow = typeof parEvidence.$inferSelect;
export type AppraiserRow = typeof parAppraisers.$inferSelect;
export type CommentRow = typeof parComments.$inferSelect;
export type SurveyRow = typeof parSurveyResults.$inferSelect;
export type HistoryRow = typeof parHistory.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;

// ---------------------------------------------------------------- sets

export async function listSets(db: DbOrTx) {
  return db.select().from(parSets).orderBy(desc(parSets.year), asc(parSets.code));
}
export async function findSet(db: DbOrTx, id: string): Promise<SetRow | null> {
  const [r] = await db.select().from(parSets).where(eq(parSets.id, id)).limit(1);
  return r ?? null;
}
export async function findSetByCode(db: DbOrTx, code: string, year: number): Promise<SetRow | null> {
  const [r] = await db.select().from(parSets).where(and(eq(parSets.code, code), eq(parSets.year, year))).limit(1);
  return r ?? null;
}
export async function nodesOf(db: DbOrTx, setId: string): Promise<NodeRow[]> {
  return db.select().from(parNodes).where(eq(parNodes.setId, setId)).orderBy(asc(parNodes.position));
}
export async function insertSet(tx: DbOrTx, v: typeof parSets.$inferInsert): Promise<SetRow> {
  const [r] = await tx.insert(parSets).values(v).returning();
  return r!;
}
export async function replaceNodes(tx: DbOrTx, setId: string, nodes: Omit<typeof parNodes.$inferInsert, 'setId'>[]): Promise<void> {
  await tx.delete(parNodes).where(eq(parNodes.setId, setId));
  if (nodes.length) await tx.insert(parNodes).values(nodes.map((n) => ({ ...n, setId })));
}
export async function updateSetIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof parSets.$inferInsert>, now: Date): Promise<SetRow | null> {
  const [r] = await tx.update(parSets).set({ ...set, version: expected + 1, updatedAt: now }).where(and(eq(parSets.id, id), eq(parSets.version, expected))).returning();
  return r ?? null;
}
export async function roundsUsingSet(db: DbOrTx, setId: string): Promise<number> {
  return (await db.select({ id: parRounds.id }).from(parRounds).where(eq(parRounds.setId, setId))).length;
}

// ---------------------------------------------------------------- rounds

export async function insertRound(tx: DbOrTx, v: typeof parRounds.$inferInsert): Promise<RoundRow> {
  const [r] = await tx.insert(parRounds).values(v).returning();
  return r!;
}
export async function findRound(db: DbOrTx, id: string): Promise<RoundRow | null> {
  const [r] = await db.select().from(parRounds).where(eq(parRounds.id, id)).limit(1);
  return r ?? null;
}
export async function listRounds(db: DbOrTx) {
  return db.select().from(parRounds).orderBy(desc(parRounds.year), desc(parRounds.createdAt));
}
/**
 * Published rounds, newest first, keyset-paginated on (year, created_at, id) descending — exactly the ORDER BY
 * columns; `after` is the last row of the previous page.
 */
export async function publishedRoundsPage(db: DbOrTx, after: { year: number; createdAt: string; id: string } | null, limit: number): Promise<RoundRow[]> {
  const published = eq(parRounds.status, 'published');
  const where = after
    ? and(published, or(sql`${parRounds.year} < ${after.year}`, and(eq(parRounds.year, after.year), sql`(${parRounds.createdAt}, ${parRounds.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`)))
    : published;
  return db.select().from(parRounds).where(where).orderBy(desc(parRounds.year), desc(parRounds.createdAt), desc(parRounds.id)).limit(limit);
}
export async function roundsOfYear(db: DbOrTx, year: number): Promise<RoundRow[]> {
  return db.select().from(parRounds).where(eq(parRounds.year, year)).orderBy(desc(parRounds.createdAt));
}
export async function updateRoundIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof parRounds.$inferInsert>): Promise<RoundRow | null> {
  const [r] = await tx.update(parRounds).set({ ...set, version: expected + 1 }).where(and(eq(parRounds.id, id), eq(parRounds.version, expected))).returning();
  return r ?? null;
}
export async function insertRoundUnits(tx: DbOrTx, rows: (typeof parRoundUnits.$inferInsert)[]): Promise<RoundUnitRow[]> {
  return rows.length ? tx.insert(parRoundUnits).values(rows).returning() : [];
}
export async function unitsOfRound(db: DbOrTx, roundId: string) {
  return db
    .select({ u: parRoundUnits, agency: agencies })
    .from(parRoundUnits)
    .innerJoin(agencies, eq(agencies.id, parRoundUnits.agencyId))
    .where(eq(parRoundUnits.roundId, roundId))
    .orderBy(asc(agencies.code));
}
export async function findRoundUnit(db: DbOrTx, roundId: string, agencyId: string): Promise<RoundUnitRow | null> {
  const [r] = await db.select().from(parRoundUnits).where(and(eq(parRoundUnits.roundId, roundId), eq(parRoundUnits.agencyId, agencyId))).limit(1);
  return r ?? null;
}
export async function roundUnitsOfAgency(db: DbOrTx, agencyId: string) {
  return db.select({ u: parRoundUnits, r: parRounds }).from(parRoundUnits).innerJoin(parRounds, eq(parRounds.id, parRoundUnits.roundId)).where(eq(parRoundUnits.agencyId, agencyId));
}
export async function updateRoundUnitIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof parRoundUnits.$inferInsert>, now: Date): Promise<RoundUnitRow | null> {
  const [r] = await tx.update(parRoundUnits).set({ ...set, version: expected + 1, updatedAt: now }).where(and(eq(parRoundUnits.id, id), eq(parRoundUnits.version, expected))).returning();
  return r ?? null;
}
/** Bumps the unit's version (any change to its assessments): a stale unit-level action then conflicts. */
export async function touchRoundUnit(tx: DbOrTx, id: string, now: Date): Promise<void> {
  const [r] = await tx.select({ v: parRoundUnits.version }).from(parRoundUnits).where(eq(parRoundUnits.id, id)).limit(1);
  if (r) await tx.update(parRoundUnits).set({ version: r.v + 1, updatedAt: now }).where(eq(parRoundUnits.id, id));
}

// ---------------------------------------------------------------- assessments, evidence, comments

export async function assessmentsOf(db: DbOrTx, roundUnitIds: string[]): Promise<AssessmentRow[]> {
  if (roundUnitIds.length === 0) return [];
  return db.select().from(parAssessments).where(inArray(parAssessments.roundUnitId, roundUnitIds));
}
export async function findAssessment(db: DbOrTx, roundUnitId: string, nodeCode: string): Promise<AssessmentRow | null> {
  const [r] = await db.select().from(parAssessments).where(and(eq(parAssessments.roundUnitId, roundUnitId), eq(parAssessments.nodeCode, nodeCode))).limit(1);
  return r ?? null;
}
export async function insertAssessment(tx: DbOrTx, v: typeof parAssessments.$inferInsert): Promise<AssessmentRow> {
  const [r] = await tx.insert(parAssessments).values(v).returning();
  return r!;
}
export async function updateAssessmentIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof parAssessments.$inferInsert>, now: Date): Promise<AssessmentRow | null> {
  const [r] = await tx.update(parAssessments).set({ ...set, version: expected + 1, updatedAt: now }).where(and(eq(parAssessments.id, id), eq(parAssessments.version, expected))).returning();
  return r ?? null;
}
export async function evidenceOf(db: DbOrTx, roundUnitIds: string[]): Promise<EvidenceRow[]> {
  if (roundUnitIds.length === 0) return [];
  return db.select().from(parEvidence).where(and(inArray(parEvidence.roundUnitId, roundUnitIds), isNull(parEvidence.removedAt))).orderBy(asc(parEvidence.addedAt));
}
export async function insertEvidence(tx: DbOrTx, v: typeof parEvidence.$inferInsert): Promise<EvidenceRow> {
  const [r] = await tx.insert(parEvidence).values(v).returning();
  return r!;
}
export async function findEvidence(db: DbOrTx, id: string): Promise<EvidenceRow | null> {
  const [r] = await db.select().from(parEvidence).where(eq(parEvidence.id, id)).limit(1);
  return r ?? null;
}
export async function removeEvidence(tx: DbOrTx, id: string, by: string, now: Date): Promise<EvidenceRow | null> {
  const [r] = await tx.update(parEvidence).set({ removedAt: now, removedBy: by }).where(and(eq(parEvidence.id, id), isNull(parEvidence.removedAt))).returning();
  return r ?? null;
}
export async function commentsOf(db: DbOrTx, roundUnitIds: string[]): Promise<CommentRow[]> {
  if (roundUnitIds.length === 0) return [];
  return db.select().from(parComments).where(inArray(parComments.roundUnitId, roundUnitIds)).orderBy(asc(parComments.createdAt));
}
export async function insertComment(tx: DbOrTx, v: typeof parComments.$inferInsert): Promise<CommentRow> {
  const [r] = await tx.insert(parComments).values(v).returning();
  return r!;
}

// ---------------------------------------------------------------- appraisers, survey, history

/** The round's current assignments (removed ones are kept but no longer count). */
export async function appraisersOf(db: DbOrTx, roundId: string) {
  return db
    .select({ a: parAppraisers, name: users.fullName, username: users.username })
    .from(parAppraisers)
    .innerJoin(users, eq(users.id, parAppraisers.userId))
    .where(and(eq(parAppraisers.roundId, roundId), isNull(parAppraisers.removedAt)))
    .orderBy(asc(parAppraisers.createdAt), asc(parAppraisers.id));
}
export async function findAppraiser(db: DbOrTx, id: string): Promise<AppraiserRow | null> {
  const [r] = await db.select().from(parAppraisers).where(eq(parAppraisers.id, id)).limit(1);
  return r ?? null;
}
/** Marks an assignment removed (once: a second removal finds nothing). */
export async function removeAppraiser(tx: DbOrTx, id: string, by: string, now: Date): Promise<AppraiserRow | null> {
  const [r] = await tx.update(parAppraisers).set({ removedAt: now, removedBy: by }).where(and(eq(parAppraisers.id, id), isNull(parAppraisers.removedAt))).returning();
  return r ?? null;
}
export async function insertAppraiser(tx: DbOrTx, v: typeof parAppraisers.$inferInsert): Promise<AppraiserRow> {
  const [r] = await tx.insert(parAppraisers).values(v).returning();
  return r!;
}
export async function surveyOf(db: DbOrTx, roundId: string): Promise<SurveyRow[]> {
  return db.select().from(parSurveyResults).where(eq(parSurveyResults.roundId, roundId));
}
export async function upsertSurvey(tx: DbOrTx, v: typeof parSurveyResults.$inferInsert): Promise<{ before: SurveyRow | null; after: SurveyRow }> {
  const [before] = await tx
    .select()
    .from(parSurveyResults)
    .where(and(eq(parSurveyResults.roundId, v.roundId), eq(parSurveyResults.agencyId, v.agencyId), eq(parSurveyResults.nodeCode, v.nodeCode)))
    .limit(1);
  if (before) {
    const [after] = await tx.update(parSurveyResults).set({ points: v.points, counts: v.counts ?? null, enteredBy: v.enteredBy, enteredAt: v.enteredAt, version: before.version + 1 }).where(eq(parSurveyResults.id, before.id)).returning();
    return { before, after: after! };
  }
  const [after] = await tx.insert(parSurveyResults).values(v).returning();
  return { before: null, after: after! };
}
export async function appendHistory(tx: DbOrTx, v: typeof parHistory.$inferInsert): Promise<void> {
  await tx.insert(parHistory).values(v);
}
export async function historyOf(db: DbOrTx, roundId: string, agencyId?: string) {
  return db
    .select({ h: parHistory, actor: users.fullName })
    .from(parHistory)
    .leftJoin(users, eq(users.id, parHistory.actorId))
    .where(and(eq(parHistory.roundId, roundId), ...(agencyId ? [eq(parHistory.agencyId, agencyId)] : [])))
    .orderBy(asc(parHistory.id));
}
export async function agenciesByIds(db: DbOrTx, ids: string[]): Promise<AgencyRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(agencies).where(inArray(agencies.id, ids));
}
export async function contactsOfAgency(db: DbOrTx, agencyId: string) {
  const { roleAssignments } = await import('../../../platform/db/schema.ts');
  return db
    .select({ id: users.id, email: users.email, fullName: users.fullName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.agencyId, agencyId));
}
export async function userExists(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1)).length > 0;
}

// ---- the survey run in motcua

export type RespondentRow = typeof parSurveyRespondents.$inferSelect;

export async function insertRespondents(tx: DbOrTx, rows: (typeof parSurveyRespondents.$inferInsert)[]): Promise<RespondentRow[]> {
  return rows.length ? tx.insert(parSurveyRespondents).values(rows).returning() : [];
}
export async function findRespondentByToken(db: DbOrTx, tokenHash: string): Promise<RespondentRow | null> {
  const [r] = await db.select().from(parSurveyRespondents).where(eq(parSurveyRespondents.tokenHash, tokenHash)).limit(1);
  return r ?? null;
}
/** Marks the respondent answered unless already: the one place a respondent answers only once. */
export async function claimRespondent(tx: DbOrTx, id: string, at: Date): Promise<boolean> {
  const r = await tx.update(parSurveyRespondents).set({ answeredAt: at }).where(and(eq(parSurveyRespondents.id, id), isNull(parSurveyRespondents.answeredAt))).returning({ id: parSurveyRespondents.id });
  return r.length === 1;
}
export async function insertAnswers(tx: DbOrTx, rows: (typeof parSurveyAnswers.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(parSurveyAnswers).values(rows);
}
export async function respondentsOf(db: DbOrTx, roundId: string): Promise<RespondentRow[]> {
  return db.select().from(parSurveyRespondents).where(eq(parSurveyRespondents.roundId, roundId)).orderBy(asc(parSurveyRespondents.createdAt), asc(parSurveyRespondents.id));
}
export async function answersOfRound(db: DbOrTx, roundId: string): Promise<{ agencyId: string; nodeCode: string; letter: string }[]> {
  return db
    .select({ agencyId: parSurveyRespondents.agencyId, nodeCode: parSurveyAnswers.nodeCode, letter: parSurveyAnswers.letter })
    .from(parSurveyAnswers)
    .innerJoin(parSurveyRespondents, eq(parSurveyRespondents.id, parSurveyAnswers.respondentId))
    .where(eq(parSurveyRespondents.roundId, roundId));
}

/** A stored file's metadata by its SHA-256 (evidence uploads go to the shared file store). */
export async function storedFile(db: DbOrTx, sha256: string): Promise<{ sha256: string; mime: string | null } | null> {
  const [f] = await db.select({ sha256: files.sha256, mime: files.mime }).from(files).where(eq(files.sha256, sha256)).limit(1);
  return f ?? null;
}

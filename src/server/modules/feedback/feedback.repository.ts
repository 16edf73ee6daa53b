import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, dossierRatings, dossiers, feedback, feedbackHistory, outbox } from '../../platform/db/schema.ts';
import { OPEN_FEEDBACK_STATES } from '../../../core/feedback/index.ts';

export type FeedbackRow = typeof feedback.$inferSelect;
export type FeedbackHistoryRow = typeof feedbackHistory.$inferSelect;

export async function insertFeedback(tx: DbOrTx, v: typeof feedback.$inferInsert): Promise<FeedbackRow> {
  const [row] = await tx.insert(feedback).values(v).returning();
  return row!;
}

export async function findFeedback(db: DbOrTx, id: string): Promise<FeedbackRow | null> {
  const [row] = await db.select().from(feedback).where(eq(feedback.id, id)).limit(1);
  return row ?? null;
}

export async function findFeedbackByReference(db: DbOrTx, reference: string): Promise<FeedbackRow | null> {
  const [row] = await db.select().from(feedback).where(eq(feedback.reference, reference)).limit(1);
  return row ?? null;
}

/** Optimistic update: only if the stored version is still `expected` (and `extra` holds). */
/** The columns an action may change. */
export type FeedbackChange = Partial<typeof feedback.$inferInsert>;

/** Updates the row if its version is still `expected` (and, with `onlyIfUnrated`, it has no rating yet); null otherwise. */
export async function updateFeedbackIfVersion(tx: DbOrTx, id: string, expected: number, set: FeedbackChange, now: Date, opts: { onlyIfUnrated?: boolean } = {}): Promise<FeedbackRow | null> {
  const [row] = await tx
    .update(feedback)
    .set({ ...set, version: expected + 1, updatedAt: now })
    .where(and(eq(feedback.id, id), eq(feedback.version, expected), opts.onlyIfUnrated ? isNull(feedback.rating) : undefined))
    .returning();
  return row ?? null;
}

export async function appendHistory(tx: DbOrTx, h: typeof feedbackHistory.$inferInsert): Promise<void> {
  await tx.insert(feedbackHistory).values(h);
}

export async function historyOf(db: DbOrTx, feedbackId: string): Promise<FeedbackHistoryRow[]> {
  return db.select().from(feedbackHistory).where(eq(feedbackHistory.feedbackId, feedbackId)).orderBy(asc(feedbackHistory.seq));
}

/** Paths of the agencies that held the feedback: the current one and every agency named in its history. */
export async function agencyPathsOf(db: DbOrTx, f: FeedbackRow): Promise<string[]> {
  const rows = await db
    .select({ path: agencies.path })
    .from(agencies)
    .where(sql`${agencies.id} = ${f.agencyId} or ${agencies.id} in (select ${feedbackHistory.agencyId} from ${feedbackHistory} where ${feedbackHistory.feedbackId} = ${f.id})`);
  return rows.map((r) => r.path);
}

export async function enqueue(tx: DbOrTx, topic: string, payload: Record<string, unknown>, at: Date) {
  await tx.insert(outbox).values({ topic, payload, createdAt: at });
}

export interface FeedbackQueueQuery {
  agencyIds: string[];
  status?: string | undefined;
  view: 'all' | 'overdue';
  now: Date;
  cursor: { at: string; id: string } | null;
  limit: number;
}

/**
 * Staff queue, keyset-paginated. `all`: newest first by (agency_id, created_at, id); `overdue`: open feedback
 * (received, in progress, answered but not published) whose current deadline has passed, soonest due first
 * by (agency_id, status, due_at, id).
 */
export async function listQueue(db: DbOrTx, q: FeedbackQueueQuery): Promise<FeedbackRow[]> {
  if (q.agencyIds.length === 0) return [];
  const where: SQL[] = [inArray(feedback.agencyId, q.agencyIds)];
  if (q.status) where.push(eq(feedback.status, q.status));
  if (q.view === 'overdue') {
    where.push(inArray(feedback.status, [...OPEN_FEEDBACK_STATES]), isNotNull(feedback.dueAt), lt(feedback.dueAt, q.now));
    if (q.cursor) where.push(sql`(${feedback.dueAt}, ${feedback.id}) > (${q.cursor.at}::timestamptz, ${q.cursor.id}::uuid)`);
    return db.select().from(feedback).where(and(...where)).orderBy(asc(feedback.dueAt), asc(feedback.id)).limit(q.limit);
  }
  if (q.cursor) where.push(sql`(${feedback.createdAt}, ${feedback.id}) < (${q.cursor.at}::timestamptz, ${q.cursor.id}::uuid)`);
  return db.select().from(feedback).where(and(...where)).orderBy(desc(feedback.createdAt), desc(feedback.id)).limit(q.limit);
}

/** Published answers, newest first (feedback_published_idx), optionally inside a set of agencies. */
export async function listPublished(db: DbOrTx, agencyIds: string[] | null, cursor: { at: string; id: string } | null, limit: number) {
  const where: SQL[] = [isNotNull(feedback.publishedAt)];
  if (agencyIds) where.push(agencyIds.length > 0 ? inArray(feedback.agencyId, agencyIds) : sql`false`);
  if (cursor) where.push(sql`(${feedback.publishedAt}, ${feedback.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  return db
    .select({ f: feedback, agencyName: agencies.name })
    .from(feedback)
    .innerJoin(agencies, eq(agencies.id, feedback.agencyId))
    .where(and(...where))
    .orderBy(desc(feedback.publishedAt), desc(feedback.id))
    .limit(limit);
}

// ------------------------------------------------------------------ public statistics

/** Ratings given in [from, to) to dossiers handled by the agencies (index dossier_ratings_agency_idx). */
export async function ratingStats(db: DbOrTx, agencyIds: readonly string[], from: Date, to: Date) {
  const rows = await db
    .select({ rating: dossierRatings.rating, n: sql<number>`count(*)::int` })
    .from(dossierRatings)
    .where(and(inArray(dossierRatings.agencyId, [...agencyIds]), gte(dossierRatings.createdAt, from), lt(dossierRatings.createdAt, to)))
    .groupBy(dossierRatings.rating);
  const out = { satisfied: 0, neutral: 0, dissatisfied: 0 };
  for (const r of rows) if (r.rating in out) out[r.rating as keyof typeof out] = Number(r.n);
  return out;
}

/**
 * The SQL of core/feedback on-time.ts feedbackOnTime: handled on time, judged at `judgeAt`. The one definition used
 * by every feedback figure (the service index and the public figures read feedbackFigures below).
 */
export function feedbackOnTimeSql(judgeAt: Date): SQL {
  return sql`(${feedback.handleDueAt} is null
    or (${feedback.answeredAt} is not null and ${feedback.answeredAt} <= ${feedback.handleDueAt})
    or (${feedback.answeredAt} is null and (${feedback.status} = 'not_accepted' or ${feedback.handleDueAt} >= ${judgeAt.toISOString()}::timestamptz)))`;
}

/**
 * Feedback received (logged) in [fromInstant, endInstant) by the agencies that hold it, judged at `judgeAt`
 * (index feedback_agency_received_idx): answered by then, on time, satisfied (on time, not rated dissatisfied),
 * and by subject.
 */
export async function feedbackFigures(db: DbOrTx, agencyIds: readonly string[], fromInstant: Date, endInstant: Date, judgeAt: Date) {
  if (agencyIds.length === 0) return { received: 0, answered: 0, onTime: 0, satisfied: 0, aboutProcedures: 0, aboutStaff: 0 };
  const onTime = feedbackOnTimeSql(judgeAt);
  const [row] = await db
    .select({
      received: sql<number>`count(*)`.mapWith(Number),
      answered: sql<number>`count(*) filter (where ${feedback.answeredAt} is not null and ${feedback.answeredAt} < ${judgeAt.toISOString()}::timestamptz)`.mapWith(Number),
      onTime: sql<number>`count(*) filter (where ${onTime})`.mapWith(Number),
      satisfied: sql<number>`count(*) filter (where ${onTime} and coalesce(${feedback.rating}, '') <> 'dissatisfied')`.mapWith(Number),
      aboutProcedures: sql<number>`count(*) filter (where ${feedback.subject} in ('procedure', 'rule'))`.mapWith(Number),
      aboutStaff: sql<number>`count(*) filter (where ${feedback.subject} = 'officer')`.mapWith(Number),
    })
    .from(feedback)
    .where(and(inArray(feedback.agencyId, [...agencyIds]), gte(feedback.receivedAt, fromInstant), lt(feedback.receivedAt, endInstant)));
  return row!;
}

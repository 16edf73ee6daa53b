import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
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
export async function updateFeedbackIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof feedback.$inferInsert>, now: Date, extra?: SQL): Promise<FeedbackRow | null> {
  const [row] = await tx
    .update(feedback)
    .set({ ...set, version: expected + 1, updatedAt: now })
    .where(and(eq(feedback.id, id), eq(feedback.version, expected), ...(extra ? [extra] : [])))
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

/** Dossier figures of the cohort received in [from, to) by the agencies (index dossiers_receiving_received_idx). */
export async function dossierStats(db: DbOrTx, agencyIds: string[], from: Date, to: Date) {
  const finished = sql`${dossiers.finishedAt} is not null and ${dossiers.finishedAt} < ${to.toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      finished: sql<number>`(count(*) filter (where ${finished}))::int`,
      onTime: sql<number>`(count(*) filter (where ${finished} and (${dossiers.dueAt} is null or ${dossiers.finishedAt} <= ${dossiers.dueAt})))::int`,
      online: sql<number>`(count(*) filter (where ${dossiers.channel} = 'online'))::int`,
    })
    .from(dossiers)
    .where(and(inArray(dossiers.receivingAgencyId, agencyIds), gte(dossiers.receivedAt, from), lt(dossiers.receivedAt, to)));
  return { received: Number(row?.received ?? 0), finished: Number(row?.finished ?? 0), onTime: Number(row?.onTime ?? 0), online: Number(row?.online ?? 0) };
}

/** Ratings given in [from, to) to dossiers handled by the agencies (index dossier_ratings_agency_idx). */
export async function ratingStats(db: DbOrTx, agencyIds: string[], from: Date, to: Date) {
  const rows = await db
    .select({ rating: dossierRatings.rating, n: sql<number>`count(*)::int` })
    .from(dossierRatings)
    .where(and(inArray(dossierRatings.agencyId, agencyIds), gte(dossierRatings.createdAt, from), lt(dossierRatings.createdAt, to)))
    .groupBy(dossierRatings.rating);
  const out = { satisfied: 0, neutral: 0, dissatisfied: 0 };
  for (const r of rows) if (r.rating in out) out[r.rating as keyof typeof out] = Number(r.n);
  return out;
}

/** Feedback received in [from, to) by the agencies that hold it (index feedback_agency_received_idx). */
export async function feedbackStats(db: DbOrTx, agencyIds: string[], from: Date, to: Date) {
  const answered = sql`${feedback.answeredAt} is not null and ${feedback.answeredAt} < ${to.toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${answered}))::int`,
      onTime: sql<number>`(count(*) filter (where ${answered} and ${feedback.answeredAt} <= ${feedback.handleDueAt}))::int`,
    })
    .from(feedback)
    .where(and(inArray(feedback.agencyId, agencyIds), gte(feedback.receivedAt, from), lt(feedback.receivedAt, to)));
  return { received: Number(row?.received ?? 0), answered: Number(row?.answered ?? 0), onTime: Number(row?.onTime ?? 0) };
}


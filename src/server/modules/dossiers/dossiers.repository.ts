import { and, asc, desc, eq, inArray, isNotNull, lt, lte, gt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import {
  agencies,
  dossierAccess,
  dossierCodeCounters,
  dossierDocuments,
  dossierFees,
  dossierHistory,
  dossiers,
  outbox,
  payments,
  procedures,
} from '../../platform/db/schema.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type HistoryRow = typeof dossierHistory.$inferSelect;
export type DocumentRow = typeof dossierDocuments.$inferSelect;

/**
 * Next running number for an agency and receipt day. One atomic statement: concurrent intakes on either
 * database serialise on the counter row, so a number is never handed out twice.
 */
export async function nextCodeSeq(tx: DbOrTx, agencyCode: string, day: string): Promise<number> {
  const [row] = await tx
    .insert(dossierCodeCounters)
    .values({ agencyCode, day, lastSeq: 1 })
    .onConflictDoUpdate({ target: [dossierCodeCounters.agencyCode, dossierCodeCounters.day], set: { lastSeq: sql`${dossierCodeCounters.lastSeq} + 1` } })
    .returning({ seq: dossierCodeCounters.lastSeq });
  return row!.seq;
}

export async function insertDossier(tx: DbOrTx, v: typeof dossiers.$inferInsert): Promise<DossierRow> {
  const [row] = await tx.insert(dossiers).values(v).returning();
  return row!;
}

export async function findDossier(db: DbOrTx, id: string): Promise<DossierRow | null> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  return row ?? null;
}

export async function findDossierByCode(db: DbOrTx, code: string): Promise<DossierRow | null> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code)).limit(1);
  return row ?? null;
}

export async function findByIdempotencyKey(db: DbOrTx, createdBy: string, key: string): Promise<DossierRow | null> {
  const [row] = await db.select().from(dossiers).where(and(eq(dossiers.createdBy, createdBy), eq(dossiers.idempotencyKey, key))).limit(1);
  return row ?? null;
}

/** Optimistic update: succeeds only if the stored version is still `expected`. Returns the new row or null. */
export async function updateDossierIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof dossiers.$inferInsert>, at: Date): Promise<DossierRow | null> {
  const [row] = await tx
    .update(dossiers)
    .set({ ...set, version: expected + 1, updatedAt: at })
    .where(and(eq(dossiers.id, id), eq(dossiers.version, expected)))
    .returning();
  return row ?? null;
}

/** Sets the dossier code issued at the end of the intake transaction (the day's counter is a hot row, taken last). */
export async function setDossierCode(tx: DbOrTx, id: string, code: string): Promise<DossierRow> {
  const [row] = await tx.update(dossiers).set({ code }).where(eq(dossiers.id, id)).returning();
  return row!;
}

export async function appendHistory(tx: DbOrTx, h: typeof dossierHistory.$inferInsert): Promise<HistoryRow> {
  const [row] = await tx.insert(dossierHistory).values(h).returning();
  return row!;
}

export async function historyOf(db: DbOrTx, dossierId: string): Promise<HistoryRow[]> {
  return db.select().from(dossierHistory).where(eq(dossierHistory.dossierId, dossierId)).orderBy(asc(dossierHistory.seq));
}

/**
 * A dossier's place in the "all" queue and in the register (dossier_access.sort_at): its receipt time — the
 * postal hand-over for postal submissions — or, while an online submission awaits intake, its submission time.
 * The one definition: every access row of a dossier carries it, and it moves when the desk receives the dossier.
 */
export function queueSortAt(d: Pick<DossierRow, 'receivedAt' | 'submittedAt' | 'createdAt'>): Date {
  return d.receivedAt ?? d.submittedAt ?? d.createdAt;
}

/** Gives an agency access to the dossier, at the dossier's place in the queue (queueSortAt). */
export async function grantAccess(tx: DbOrTx, d: DossierRow, agencyId: string): Promise<void> {
  await tx.insert(dossierAccess).values({ dossierId: d.id, agencyId, sortAt: queueSortAt(d) }).onConflictDoNothing();
}

/** Moves every access row of the dossier to its current place (after receipt); a no-op when already there. */
export async function followReceipt(tx: DbOrTx, d: DossierRow): Promise<void> {
  const at = queueSortAt(d);
  await tx
    .update(dossierAccess)
    .set({ sortAt: at })
    .where(and(eq(dossierAccess.dossierId, d.id), sql`${dossierAccess.sortAt} <> ${at.toISOString()}::timestamptz`));
}

export async function accessAgencyPaths(db: DbOrTx, dossierId: string): Promise<string[]> {
  const rows = await db
    .select({ path: agencies.path })
    .from(dossierAccess)
    .innerJoin(agencies, eq(agencies.id, dossierAccess.agencyId))
    .where(eq(dossierAccess.dossierId, dossierId));
  return rows.map((r) => r.path);
}

/** Access paths of several dossiers at once (list views). */
export async function accessAgencyPathsMany(db: DbOrTx, dossierIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (dossierIds.length === 0) return map;
  const rows = await db
    .select({ dossierId: dossierAccess.dossierId, path: agencies.path })
    .from(dossierAccess)
    .innerJoin(agencies, eq(agencies.id, dossierAccess.agencyId))
    .where(inArray(dossierAccess.dossierId, dossierIds));
  for (const r of rows) map.set(r.dossierId, [...(map.get(r.dossierId) ?? []), r.path]);
  return map;
}

/** Code and name of several procedures at once. */
export async function procedureNames(db: DbOrTx, ids: string[]): Promise<Map<string, { code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: procedures.id, code: procedures.code, name: procedures.name }).from(procedures).where(inArray(procedures.id, ids));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** Marks these documents of the dossier as its electronic result. */
export async function markElectronicResults(tx: DbOrTx, dossierId: string, docIds: readonly string[]): Promise<void> {
  if (docIds.length === 0) return;
  await tx.update(dossierDocuments).set({ electronicResult: true, kind: 'result' }).where(and(eq(dossierDocuments.dossierId, dossierId), inArray(dossierDocuments.id, [...docIds])));
}

export async function insertDocuments(tx: DbOrTx, docs: (typeof dossierDocuments.$inferInsert)[]): Promise<DocumentRow[]> {
  if (docs.length === 0) return [];
  return tx.insert(dossierDocuments).values(docs).returning();
}

export async function documentsOf(db: DbOrTx, dossierId: string): Promise<DocumentRow[]> {
  return db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId)).orderBy(asc(dossierDocuments.uploadedAt));
}

export async function findDocument(db: DbOrTx, dossierId: string, docId: string): Promise<DocumentRow | null> {
  const [row] = await db.select().from(dossierDocuments).where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.id, docId))).limit(1);
  return row ?? null;
}

export async function insertFees(tx: DbOrTx, fees: (typeof dossierFees.$inferInsert)[]) {
  if (fees.length > 0) await tx.insert(dossierFees).values(fees);
}

export async function feesOf(db: DbOrTx, dossierId: string) {
  return db.select().from(dossierFees).where(eq(dossierFees.dossierId, dossierId));
}

export async function insertPayment(tx: DbOrTx, p: typeof payments.$inferInsert) {
  const [row] = await tx.insert(payments).values(p).returning();
  return row!;
}

export async function paymentsOf(db: DbOrTx, dossierId: string) {
  return db.select().from(payments).where(eq(payments.dossierId, dossierId)).orderBy(asc(payments.paidAt));
}

export async function enqueue(tx: DbOrTx, topic: string, payload: Record<string, unknown>, at: Date) {
  await tx.insert(outbox).values({ topic, payload, createdAt: at });
}

/** Agency ids inside the given scope paths (agencies number in the thousands, not millions). */
export async function agencyIdsUnder(db: DbOrTx, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(or(...paths.map((p) => sql`${agencies.path} like ${p + '%'}`)));
  return rows.map((r) => r.id);
}

export type QueueView = 'all' | 'mine' | 'unassigned' | 'due_soon' | 'overdue' | 'waiting_supplement' | 'inter_agency' | 'awaiting_intake' | 'awaiting_approval' | 'result_ready';

/** A keyset cursor: the values of the columns the page's query orders by, for its last row. */
export interface QueueCursor {
  at: string;
  id: string;
}

export interface QueueQuery {
  view: QueueView;
  agencyIds: string[];
  userId: string;
  now: Date;
  dueSoonBefore: Date;
  cursor: QueueCursor | null;
  limit: number;
}

export interface QueuePage {
  rows: DossierRow[];
  /** Built from exactly the columns the query orders by (null when this page is the last). */
  next: QueueCursor | null;
}

const OPEN_CLOCK_STATES = ['received', 'forwarded', 'assigned', 'in_process', 'inter_agency', 'awaiting_approval', 'approved'];

/**
 * Work queues. Every view is served by an index: `all` from dossier_access (agency, sort_at, id) newest
 * first; the others from dossiers (handling agency, state, due_at, id) or (assignee, due_at, id), soonest due first.
 * Keyset pagination: the cursor is the last row's sort value and id — the very columns of the ORDER BY, read
 * from the query's own result (never recomputed from other fields).
 */
export async function listQueue(db: DbOrTx, q: QueueQuery): Promise<QueuePage> {
  if (q.agencyIds.length === 0 && q.view !== 'mine') return { rows: [], next: null };
  if (q.view === 'all') {
    // Newest first across the scope's agencies: the top page of each agency read in index order
    // (LATERAL, so no agency's whole list is sorted), merged and de-duplicated (a dossier can be held by
    // several agencies of the scope).
    const cursor = q.cursor ? sql`and (da.sort_at, da.dossier_id) < (${q.cursor.at}::timestamptz, ${q.cursor.id}::uuid)` : sql``;
    const agencyList = sql.join(q.agencyIds.map((a) => sql`${a}::uuid`), sql`, `);
    const res = await db.execute(sql`
      select dossier_id, max(sort_at)::text as sort_at from (
        select x.dossier_id, x.sort_at
        from unnest(array[${agencyList}]) as a(id)
        cross join lateral (
          select da.dossier_id, da.sort_at from ${dossierAccess} da
          where da.agency_id = a.id ${cursor}
          order by da.sort_at desc, da.dossier_id desc
          limit ${q.limit}
        ) x
      ) y group by dossier_id order by max(sort_at) desc, dossier_id desc limit ${q.limit}`);
    const page = (res as unknown as { rows: { dossier_id: string; sort_at: string }[] }).rows;
    if (page.length === 0) return { rows: [], next: null };
    const rows = await db.select().from(dossiers).where(inArray(dossiers.id, page.map((r) => r.dossier_id)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const last = page[page.length - 1]!;
    return { rows: page.map((r) => byId.get(r.dossier_id)!).filter(Boolean), next: page.length === q.limit ? { at: last.sort_at, id: last.dossier_id } : null };
  }
  const where: SQL[] = [];
  if (q.view === 'mine') where.push(eq(dossiers.assigneeId, q.userId), inArray(dossiers.state, ['assigned', 'in_process', 'inter_agency', 'awaiting_approval', 'approved', 'supplement_requested']));
  else where.push(inArray(dossiers.handlingAgencyId, q.agencyIds));
  switch (q.view) {
    case 'unassigned': where.push(eq(dossiers.state, 'forwarded')); break;
    case 'waiting_supplement': where.push(eq(dossiers.state, 'supplement_requested')); break;
    case 'inter_agency': where.push(eq(dossiers.state, 'inter_agency')); break;
    case 'awaiting_intake': where.push(eq(dossiers.state, 'submitted_online')); break;
    case 'awaiting_approval': where.push(eq(dossiers.state, 'awaiting_approval')); break;
    case 'result_ready': where.push(eq(dossiers.state, 'result_ready')); break;
    case 'overdue': where.push(inArray(dossiers.state, OPEN_CLOCK_STATES), isNotNull(dossiers.dueAt), lt(dossiers.dueAt, q.now)); break;
    case 'due_soon': where.push(inArray(dossiers.state, OPEN_CLOCK_STATES), isNotNull(dossiers.dueAt), sql`${dossiers.dueAt} >= ${q.now.toISOString()}::timestamptz`, lte(dossiers.dueAt, q.dueSoonBefore)); break;
    default: break;
  }
  // Soonest first, in index order (dossiers_handling_state_due_idx / _submitted_idx / _assignee_idx):
  // ORDER BY sort ASC NULLS LAST, id — the index's own order, so a single-state view reads only one page.
  // Dossiers without a time limit (sort value null) come last; their cursor is 'infinity'.
  const sortCol = q.view === 'awaiting_intake' ? dossiers.submittedAt : dossiers.dueAt;
  if (q.cursor) {
    if (q.cursor.at === 'infinity') where.push(sql`${sortCol} is null and ${dossiers.id} > ${q.cursor.id}::uuid`);
    else where.push(sql`((${sortCol}, ${dossiers.id}) > (${q.cursor.at}::timestamptz, ${q.cursor.id}::uuid) or ${sortCol} is null)`);
  }
  const rows = await db
    .select({ row: dossiers, sortAt: sql<string | null>`${sortCol}::text` })
    .from(dossiers)
    .where(and(...where))
    .orderBy(sql`${sortCol} asc nulls last`, asc(dossiers.id))
    .limit(q.limit);
  const last = rows[rows.length - 1];
  return { rows: rows.map((r) => r.row), next: last && rows.length === q.limit ? { at: last.sortAt ?? 'infinity', id: last.row.id } : null };
}

/** Search inside a scope by exact code, exact ID number, or applicant-name prefix (folded). */
export async function searchDossiers(db: DbOrTx, agencyIds: string[], term: { code?: string; idNumber?: string; namePrefix?: string }, limit: number) {
  if (agencyIds.length === 0) return [];
  const match: SQL[] = [];
  if (term.code) match.push(eq(dossiers.code, term.code));
  if (term.idNumber) match.push(eq(dossiers.applicantIdNumber, term.idNumber));
  if (term.namePrefix) match.push(sql`${dossiers.applicantNameFolded} like ${term.namePrefix + '%'}`);
  const inScope = sql`exists (select 1 from ${dossierAccess} where ${dossierAccess.dossierId} = ${dossiers.id} and ${inArray(dossierAccess.agencyId, agencyIds)})`;
  return db
    .select()
    .from(dossiers)
    .where(and(or(...match), inScope))
    .orderBy(desc(dossiers.createdAt))
    .limit(limit);
}

export { gt };

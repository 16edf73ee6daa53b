/** The SQL of the document office (the only file of the module that speaks to the database). */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, documentFiles, documentHistory, documentPackages, documentRegisterCounters, documents, documentViews, outbox, workFiles } from '../../platform/db/schema.ts';
import type { DocumentQueue } from '../../../core/documents/index.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentHistoryRow = typeof documentHistory.$inferSelect;
export type DocumentFileRow = typeof documentFiles.$inferSelect;
export type WorkFileRow = typeof workFiles.$inferSelect;
export type DocumentChange = Partial<typeof documents.$inferInsert>;

/**
 * The next number of the agency's register for the year and direction: one atomic upsert on the counter row, in
 * the caller's transaction. Concurrent issuers wait on the row lock until the first commits, so numbers never
 * repeat; a rolled-back transaction rolls its increment back, so they never skip.
 */
export async function nextRegisterNo(tx: DbOrTx, agencyId: string, year: number, direction: 'incoming' | 'outgoing'): Promise<number> {
  const [row] = await tx
    .insert(documentRegisterCounters)
    .values({ agencyId, year, direction, lastNo: 1 })
    .onConflictDoUpdate({ target: [documentRegisterCounters.agencyId, documentRegisterCounters.year, documentRegisterCounters.direction], set: { lastNo: sql`${documentRegisterCounters.lastNo} + 1` } })
    .returning({ n: documentRegisterCounters.lastNo });
  return row!.n;
}

export async function insertDocument(tx: DbOrTx, v: typeof documents.$inferInsert): Promise<DocumentRow> {
  const [row] = await tx.insert(documents).values(v).returning();
  return row!;
}

export async function findDocument(db: DbOrTx, id: string): Promise<DocumentRow | null> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  return row ?? null;
}

/** The documents another motcua agency received from `sourceId` (one per recipient agency). */
export async function documentsFromSource(db: DbOrTx, sourceId: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.sourceDocumentId, sourceId)).orderBy(asc(documents.createdAt));
}

/** Updates the row if its version is still `expected`; null otherwise (a concurrent change: 409). */
export async function updateDocumentIfVersion(tx: DbOrTx, id: string, expected: number, set: DocumentChange, now: Date): Promise<DocumentRow | null> {
  const [row] = await tx
    .update(documents)
    .set({ ...set, version: expected + 1, updatedAt: now })
    .where(and(eq(documents.id, id), eq(documents.version, expected)))
    .returning();
  return row ?? null;
}

export async function appendHistory(tx: DbOrTx, h: typeof documentHistory.$inferInsert): Promise<void> {
  await tx.insert(documentHistory).values(h);
}

export async function historyOf(db: DbOrTx, documentId: string): Promise<DocumentHistoryRow[]> {
  return db.select().from(documentHistory).where(eq(documentHistory.documentId, documentId)).orderBy(asc(documentHistory.seq));
}

/** The history rows of the agencies' documents in [from, to) (the rates for reform). */
export async function historyOfAgencies(db: DbOrTx, agencyIds: string[], until: Date): Promise<DocumentHistoryRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(documentHistory)
    .where(and(inArray(documentHistory.agencyId, agencyIds), lt(documentHistory.at, until)))
    .orderBy(asc(documentHistory.documentId), asc(documentHistory.seq));
}

export async function insertFile(tx: DbOrTx, f: typeof documentFiles.$inferInsert): Promise<void> {
  await tx.insert(documentFiles).values(f);
}

export async function filesOf(db: DbOrTx, documentId: string): Promise<DocumentFileRow[]> {
  return db.select().from(documentFiles).where(eq(documentFiles.documentId, documentId)).orderBy(asc(documentFiles.versionNo));
}

/** Agency paths by id (scope checks). */
export async function agencyPaths(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: agencies.id, path: agencies.path }).from(agencies).where(inArray(agencies.id, ids));
  return new Map(rows.map((r) => [r.id, r.path]));
}

export async function agencyIdsUnderPaths(db: DbOrTx, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const rows = await db.select({ id: agencies.id }).from(agencies).where(or(...paths.map((p) => sql`${agencies.path} like ${p + '%'}`)));
  return rows.map((r) => r.id);
}

export async function enqueue(tx: DbOrTx, topic: string, payload: Record<string, unknown>, at: Date): Promise<void> {
  await tx.insert(outbox).values({ topic, payload, createdAt: at });
}

// -------------------------------------------------------------------------------------------- queues and search

export interface ListQuery {
  /** The agencies whose documents are listed (the caller's scope), and those the documents were sent to. */
  agencyIds: string[];
  queue?: DocumentQueue;
  direction?: 'incoming' | 'outgoing';
  userId: string;
  now: Date;
  dueSoonUntil: Date;
  /** Search: the number and symbol (prefix), the summary (folded, contains), the sender (folded, contains). */
  number?: string;
  text?: string;
  sender?: string;
  limit: number;
  cursor?: { at: Date; id: string } | null;
}

const OPEN_INCOMING = ['directed', 'in_process'];

/** The SQL of each queue: the same documents core/documents QUEUE_PREDICATES accepts. */
function queueCondition(q: DocumentQueue, o: ListQuery): SQL {
  const incoming = eq(documents.direction, 'incoming');
  const outgoing = eq(documents.direction, 'outgoing');
  const open = and(incoming, inArray(documents.state, OPEN_INCOMING))!;
  switch (q) {
    case 'to_direct': return and(incoming, eq(documents.state, 'registered'))!;
    case 'assigned_to_me': return and(open, or(eq(documents.handlerId, o.userId), sql`${documents.coHandlerIds} @> ${JSON.stringify([o.userId])}::jsonb`))!;
    case 'due_soon': return and(open, isNotNull(documents.dueAt), gte(documents.dueAt, o.now), lte(documents.dueAt, o.dueSoonUntil))!;
    case 'overdue': return and(open, isNotNull(documents.dueAt), lt(documents.dueAt, o.now))!;
    case 'done': return inArray(documents.state, ['replied', 'closed', 'sent']);
    case 'to_sign': return and(outgoing, eq(documents.state, 'in_review'))!;
    case 'to_number': return and(outgoing, eq(documents.state, 'signed'))!;
    case 'to_seal': return and(outgoing, eq(documents.state, 'numbered'))!;
    case 'to_send': return and(outgoing, eq(documents.state, 'sealed'))!;
    case 'drafts': return and(outgoing, eq(documents.state, 'draft'), eq(documents.createdBy, o.userId))!;
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Documents of the agencies (or sent to them), newest first, keyset-paginated on (created_at, id). */
export async function listDocuments(db: DbOrTx, o: ListQuery): Promise<DocumentRow[]> {
  if (o.agencyIds.length === 0) return [];
  const conds: (SQL | undefined)[] = [
    or(inArray(documents.agencyId, o.agencyIds), sql`${documents.recipientAgencyIds} ?| array[${sql.join(o.agencyIds.map((id) => sql`${id}`), sql`, `)}]::text[]`),
    o.queue ? queueCondition(o.queue, o) : undefined,
    o.direction ? eq(documents.direction, o.direction) : undefined,
    o.number ? sql`${documents.numberSymbol} ilike ${likeEscape(o.number) + '%'}` : undefined,
    o.text ? sql`${documents.summaryFolded} like ${'%' + likeEscape(o.text) + '%'}` : undefined,
    o.sender ? sql`${documents.senderNameFolded} like ${'%' + likeEscape(o.sender) + '%'}` : undefined,
    o.cursor ? sql`(${documents.createdAt}, ${documents.id}) < (${o.cursor.at}, ${o.cursor.id})` : undefined,
  ];
  return db
    .select()
    .from(documents)
    .where(and(...conds))
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(o.limit);
}

/** Every document of the agencies (the rates for reform and the queue consistency test). */
export async function documentsOfAgencies(db: DbOrTx, agencyIds: string[]): Promise<DocumentRow[]> {
  if (agencyIds.length === 0) return [];
  return db.select().from(documents).where(inArray(documents.agencyId, agencyIds)).orderBy(asc(documents.createdAt), asc(documents.id));
}

// --------------------------------------------------------------------------------------------- views, packages

export async function logView(tx: DbOrTx, v: typeof documentViews.$inferInsert): Promise<void> {
  await tx.insert(documentViews).values(v);
}

export async function viewsOf(db: DbOrTx, documentId: string) {
  return db.select().from(documentViews).where(eq(documentViews.documentId, documentId)).orderBy(asc(documentViews.at), asc(documentViews.id));
}

export async function insertPackage(tx: DbOrTx, p: typeof documentPackages.$inferInsert): Promise<void> {
  await tx.insert(documentPackages).values(p);
}

export async function findPackageByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(documentPackages).where(eq(documentPackages.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

// ----------------------------------------------------------------------------------------------- work files

export async function insertWorkFile(tx: DbOrTx, w: typeof workFiles.$inferInsert): Promise<WorkFileRow> {
  const [row] = await tx.insert(workFiles).values(w).returning();
  return row!;
}

export async function findWorkFile(db: DbOrTx, id: string): Promise<WorkFileRow | null> {
  const [row] = await db.select().from(workFiles).where(eq(workFiles.id, id)).limit(1);
  return row ?? null;
}

export async function updateWorkFileIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof workFiles.$inferInsert>): Promise<WorkFileRow | null> {
  const [row] = await tx.update(workFiles).set({ ...set, version: expected + 1 }).where(and(eq(workFiles.id, id), eq(workFiles.version, expected))).returning();
  return row ?? null;
}

export async function listWorkFiles(db: DbOrTx, agencyIds: string[], state?: string): Promise<WorkFileRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(workFiles)
    .where(and(inArray(workFiles.agencyId, agencyIds), state ? eq(workFiles.state, state) : undefined))
    .orderBy(asc(workFiles.code))
    .limit(500);
}

export async function documentsInWorkFile(db: DbOrTx, workFileId: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.workFileId, workFileId)).orderBy(asc(documents.createdAt));
}

export async function setWorkFile(tx: DbOrTx, documentId: string, workFileId: string | null): Promise<DocumentRow> {
  const [row] = await tx.update(documents).set({ workFileId }).where(eq(documents.id, documentId)).returning();
  return row!;
}

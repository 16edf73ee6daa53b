/**
 * The service index's SQL: the facts rows and the counters (tables owned by monitoring), and the one batched read
 * of what a dossier's facts are computed from. That read spans the dossiers' own tables (dossier, history,
 * documents, payments, ratings, complaints) on purpose: it runs inside every dossier transaction, so it is a handful
 * of indexed queries whatever the batch, not a call per module. index-maintenance.ts holds the logic.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import {
  dossierDocuments,
  dossierHistory,
  dossierRatings,
  dossiers,
  feedback,
  indexCounts,
  indexDossierFacts,
  payments,
} from '../../platform/db/schema.ts';
import { COUNTERS, parseBucketKey, type BucketKey, type Counters, type FactsInput } from '../../../core/service-index/index.ts';

export type FactsRow = typeof indexDossierFacts.$inferSelect;

/** The inputs of dossierFacts for a batch of dossiers (a handful of indexed queries, whatever the batch size). */
export async function loadFactsInputs(db: DbOrTx, ids: readonly string[]): Promise<FactsInput[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  // One after the other: inside a transaction they share one connection (node-postgres queues, then deprecates,
  // concurrent queries on a client).
  const rows = await db.select().from(dossiers).where(inArray(dossiers.id, list));
  const hist = await db
    .select({ dossierId: dossierHistory.dossierId, seq: dossierHistory.seq, action: dossierHistory.action, toState: dossierHistory.toState, at: dossierHistory.at, data: dossierHistory.data })
    .from(dossierHistory)
    .where(inArray(dossierHistory.dossierId, list))
    .orderBy(asc(dossierHistory.dossierId), asc(dossierHistory.seq));
  const docs = await db
    .select({ dossierId: dossierDocuments.dossierId, kind: dossierDocuments.kind, digitised: dossierDocuments.digitised, reused: dossierDocuments.reused, fromCitizenStore: dossierDocuments.fromCitizenStore, electronicResult: dossierDocuments.electronicResult })
    .from(dossierDocuments)
    .where(inArray(dossierDocuments.dossierId, list));
  const paid = await db.selectDistinct({ dossierId: payments.dossierId }).from(payments).where(and(inArray(payments.dossierId, list), eq(payments.method, 'online')));
  const ratings = await db.select({ dossierId: dossierRatings.dossierId, rating: dossierRatings.rating }).from(dossierRatings).where(inArray(dossierRatings.dossierId, list));
  const codes = rows.map((r) => r.code).filter((c): c is string => !!c);
  const complaints = codes.length > 0 ? await db.selectDistinct({ code: feedback.dossierCode }).from(feedback).where(inArray(feedback.dossierCode, codes)) : [];
  const group = <T extends { dossierId: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.dossierId, [...(m.get(x.dossierId) ?? []), x]);
    return m;
  };
  const histBy = group(hist);
  const docsBy = group(docs);
  const paidSet = new Set(paid.map((p) => p.dossierId));
  const dissatisfied = new Set(ratings.filter((r) => r.rating === 'dissatisfied').map((r) => r.dossierId));
  const complained = new Set(complaints.map((c) => c.code));
  return rows.map((d) => ({
    dossier: d,
    history: (histBy.get(d.id) ?? []).map((h) => ({ ...h, data: (h.data ?? {}) as Record<string, unknown> })),
    documents: docsBy.get(d.id) ?? [],
    paidOnline: paidSet.has(d.id),
    dissatisfiedRating: dissatisfied.has(d.id),
    complained: d.code !== null && complained.has(d.code),
  }));
}

/** Adds summed deltas to the counters, in key order (concurrent transactions lock rows in the same order). */
export async function applyBucketDeltas(tx: DbOrTx, deltas: Map<BucketKey, Counters>): Promise<void> {
  const keys = [...deltas.keys()].sort();
  const set = Object.fromEntries(COUNTERS.map((c) => [c, sql`${indexCounts[c]} + excluded.${sql.identifier(indexCounts[c].name)}`]));
  for (let i = 0; i < keys.length; i += 500) {
    const values = keys.slice(i, i + 500).map((k) => ({ ...parseBucketKey(k), ...deltas.get(k)! }));
    await tx.insert(indexCounts).values(values).onConflictDoUpdate({ target: [indexCounts.agencyId, indexCounts.grain, indexCounts.bucket, indexCounts.procedureId], set });
  }
}

/** The dossier's agency and procedure (the facts row's keys), or null for an unknown dossier. */
export async function factsKeysOf(tx: DbOrTx, dossierId: string): Promise<{ agencyId: string; procedureId: string } | null> {
  const [head] = await tx.select({ agencyId: dossiers.handlingAgencyId, procedureId: dossiers.procedureId }).from(dossiers).where(eq(dossiers.id, dossierId));
  return head ?? null;
}

/**
 * Locks the dossier's facts row, creating it with `initial` if there is none yet: concurrent refreshes of one
 * dossier serialise here, and reads after it see what the other transaction committed.
 */
export async function lockFacts(tx: DbOrTx, initial: FactsRow): Promise<FactsRow> {
  await tx.insert(indexDossierFacts).values(initial).onConflictDoNothing();
  const [locked] = await tx.select().from(indexDossierFacts).where(eq(indexDossierFacts.dossierId, initial.dossierId)).for('update');
  return locked!;
}

export async function updateFacts(tx: DbOrTx, row: FactsRow): Promise<void> {
  await tx.update(indexDossierFacts).set(row).where(eq(indexDossierFacts.dossierId, row.dossierId));
}

export async function insertFacts(tx: DbOrTx, rows: readonly FactsRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(indexDossierFacts).values(rows.slice(i, i + 500));
}

/** Empties the counters and the facts (a rebuild, inside its transaction). */
export async function clearIndex(tx: DbOrTx): Promise<void> {
  await tx.delete(indexCounts);
  await tx.delete(indexDossierFacts);
}

/** The next `limit` dossier ids after `after`, in id order (the rebuild's keyset walk). */
export async function dossierIdsAfter(tx: DbOrTx, after: string, limit: number): Promise<string[]> {
  const rows = await tx.select({ id: dossiers.id }).from(dossiers).where(sql`${dossiers.id} > ${after}`).orderBy(asc(dossiers.id)).limit(limit);
  return rows.map((r) => r.id);
}

/** Drops the buckets whose counters are all zero; answers how many buckets are left. */
export async function dropEmptyBuckets(tx: DbOrTx): Promise<number> {
  await tx.delete(indexCounts).where(sql`${sql.join(COUNTERS.map((c) => sql`${indexCounts[c]} = 0`), sql` and `)}`);
  const [{ n }] = (await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(indexCounts)) as [{ n: number }];
  return n;
}

/** Whether any facts row was computed by other classification rules than `rulesVersion` (one indexed probe). */
export async function hasStaleFacts(db: DbOrTx, rulesVersion: string): Promise<boolean> {
  const [stale] = await db.select({ id: indexDossierFacts.dossierId }).from(indexDossierFacts).where(ne(indexDossierFacts.rulesVersion, rulesVersion)).limit(1);
  return !!stale;
}

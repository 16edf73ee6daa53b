/**
 * Keeps the service-index counters current. Two paths share core/service-index (dossierFacts, bucketDeltas):
 *
 * - incremental: `refreshDossierIndex(tx, dossierId)` runs inside the transaction of every change to a dossier
 *   (intake, action, rating, complaint). It locks the dossier's facts row, recomputes the facts from the dossier
 *   and its append-only history, and adds contributions(new) − contributions(old) to the counters;
 * - rebuild: `rebuildIndex(db)` recomputes every dossier's facts and writes the counters from scratch.
 *
 * Both give the same rows (test: index-maintenance.db.test.ts, randomised histories).
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Db } from '../../platform/db/database.ts';
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
import {
  bucketDeltas,
  COUNTERS,
  dossierFacts,
  parseBucketKey,
  RULES_VERSION,
  type BucketKey,
  type Counters,
  type DossierFacts,
  type FactsInput,
} from '../../../core/service-index/index.ts';

type FactsRow = typeof indexDossierFacts.$inferSelect;

export function factsFromRow(r: FactsRow): DossierFacts {
  return {
    dossierId: r.dossierId,
    agencyId: r.agencyId,
    procedureId: r.procedureId,
    counted: r.counted,
    receivedAt: r.receivedAt,
    finishedAt: r.finishedAt,
    withdrawnAt: r.withdrawnAt,
    lateAt: r.lateAt,
    appointmentAt: r.appointmentAt,
    lateReason: r.lateReason as DossierFacts['lateReason'],
    supplementRequests: r.supplementRequests,
    processingSeconds: r.processingSeconds,
    online: r.online,
    onlineCompliant: r.onlineCompliant,
    synced: r.synced,
    digitised: r.digitised,
    reused: r.reused,
    citizenStore: r.citizenStore,
    eid: r.eid,
    feeBearing: r.feeBearing,
    paidOnline: r.paidOnline,
    electronicResult: r.electronicResult,
    dissatisfied: r.dissatisfied,
  };
}

const rowOf = (f: DossierFacts): FactsRow => ({ ...f, rulesVersion: RULES_VERSION });

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

/**
 * Recomputes one dossier's facts and moves the counters by the difference. Call inside the transaction that
 * changed the dossier, after its history row is written.
 */
export async function refreshDossierIndex(tx: DbOrTx, dossierId: string): Promise<void> {
  // Lock (creating if needed) the facts row first: concurrent refreshes of one dossier serialise here, and the
  // queries below then see what the other transaction committed.
  const [head] = await tx.select({ agencyId: dossiers.handlingAgencyId, procedureId: dossiers.procedureId }).from(dossiers).where(eq(dossiers.id, dossierId));
  if (!head) return;
  await tx.insert(indexDossierFacts).values(rowOf({ ...EMPTY_FACTS, dossierId, ...head })).onConflictDoNothing();
  const [locked] = await tx.select().from(indexDossierFacts).where(eq(indexDossierFacts.dossierId, dossierId)).for('update');
  const [input] = await loadFactsInputs(tx, [dossierId]);
  const fresh = dossierFacts(input!);
  // The stored facts are exactly what the counters were fed with: move them by the difference.
  const prev = factsFromRow(locked!);
  if (locked!.rulesVersion === RULES_VERSION && JSON.stringify(prev) === JSON.stringify(fresh)) return;
  await applyBucketDeltas(tx, bucketDeltas([fresh], [prev]));
  await tx.update(indexDossierFacts).set(rowOf(fresh)).where(eq(indexDossierFacts.dossierId, dossierId));
}

const EMPTY_FACTS: Omit<DossierFacts, 'dossierId' | 'agencyId' | 'procedureId'> = {
  counted: false,
  receivedAt: null,
  finishedAt: null,
  withdrawnAt: null,
  lateAt: null,
  appointmentAt: null,
  lateReason: null,
  supplementRequests: 0,
  processingSeconds: 0,
  online: false,
  onlineCompliant: false,
  synced: false,
  digitised: false,
  reused: false,
  citizenStore: false,
  eid: false,
  feeBearing: false,
  paidOnline: false,
  electronicResult: false,
  dissatisfied: false,
};

/**
 * Rebuilds the facts and counters of every dossier from the dossiers and their history (e.g. after a change of
 * the classification rules). Runs in one transaction: readers see the old figures until it commits.
 */
export async function rebuildIndex(db: Db, opts: { batch?: number; flushEvery?: number; onProgress?: (done: number) => void } = {}): Promise<{ dossiers: number; buckets: number; ms: number }> {
  const started = Date.now();
  const batch = opts.batch ?? 2000;
  return db.transaction(async (tx) => {
    await tx.delete(indexCounts);
    await tx.delete(indexDossierFacts);
    // Deltas are summed in memory and written every `flushEvery` dossiers (additive upserts), so memory stays
    // bounded whatever the number of dossiers.
    const flushEvery = opts.flushEvery ?? 100_000;
    let acc = new Map<BucketKey, Counters>();
    const flush = async () => {
      await applyBucketDeltas(tx, acc);
      acc = new Map();
    };
    let last = '00000000-0000-0000-0000-000000000000';
    let done = 0;
    for (;;) {
      const ids = await tx.select({ id: dossiers.id }).from(dossiers).where(sql`${dossiers.id} > ${last}`).orderBy(asc(dossiers.id)).limit(batch);
      if (ids.length === 0) break;
      last = ids[ids.length - 1]!.id;
      const facts = (await loadFactsInputs(tx, ids.map((r) => r.id))).map(dossierFacts);
      for (const [k, v] of bucketDeltas(facts)) {
        const row = acc.get(k);
        if (!row) acc.set(k, v);
        else for (const c of COUNTERS) row[c] += v[c];
      }
      for (let i = 0; i < facts.length; i += 500) await tx.insert(indexDossierFacts).values(facts.slice(i, i + 500).map(rowOf));
      done += ids.length;
      opts.onProgress?.(done);
      if (done % flushEvery < ids.length) await flush();
    }
    await flush();
    // Buckets whose counters summed to zero over the flushes carry nothing: drop them (as a single pass would).
    await tx.delete(indexCounts).where(sql`${sql.join(COUNTERS.map((c) => sql`${indexCounts[c]} = 0`), sql` and `)}`);
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(indexCounts)) as [{ n: number }];
    return { dossiers: done, buckets: n, ms: Date.now() - started };
  });
}

/**
 * After an upgrade that changed the classification rules or the counters (RULES_VERSION), rebuilds the index once:
 * facts rows written by other rules (and counters without the new columns' values) cannot be moved incrementally.
 * Run at server start, before serving; does nothing (one indexed probe) when every row is current.
 */
export async function ensureIndexRules(db: Db): Promise<{ dossiers: number; buckets: number; ms: number } | null> {
  const [stale] = await db.select({ id: indexDossierFacts.dossierId }).from(indexDossierFacts).where(ne(indexDossierFacts.rulesVersion, RULES_VERSION)).limit(1);
  if (!stale) return null;
  return rebuildIndex(db);
}

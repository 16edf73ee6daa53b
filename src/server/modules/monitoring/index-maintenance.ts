/**
 * Keeps the service-index counters current. Two paths share core/service-index (dossierFacts, bucketDeltas):
 *
 * - incremental: `refreshDossierIndex(tx, dossierId)` runs inside the transaction of every change to a dossier
 *   (intake, action, rating, complaint). It locks the dossier's facts row, recomputes the facts from the dossier
 *   and its append-only history, and adds contributions(new) − contributions(old) to the counters;
 * - rebuild: `rebuildIndex(db)` recomputes every dossier's facts and writes the counters from scratch.
 *
 * The SQL is in index.repository.ts. Both give the same rows (test: index-maintenance.db.test.ts, randomised histories).
 */
import type { DbOrTx, Db } from '../../platform/db/database.ts';
import {
  bucketDeltas,
  COUNTERS,
  dossierFacts,
  RULES_VERSION,
  type BucketKey,
  type Counters,
  type DossierFacts,
} from '../../../core/service-index/index.ts';
import * as repo from './index.repository.ts';
import type { FactsRow } from './index.repository.ts';


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

/**
 * Recomputes one dossier's facts and moves the counters by the difference. Call inside the transaction that
 * changed the dossier, after its history row is written.
 */
export async function refreshDossierIndex(tx: DbOrTx, dossierId: string): Promise<void> {
  // Lock (creating if needed) the facts row first: concurrent refreshes of one dossier serialise here, and the
  // queries below then see what the other transaction committed.
  const head = await repo.factsKeysOf(tx, dossierId);
  if (!head) return;
  const locked = await repo.lockFacts(tx, rowOf({ ...EMPTY_FACTS, dossierId, ...head }));
  const [input] = await repo.loadFactsInputs(tx, [dossierId]);
  const fresh = dossierFacts(input!);
  // The stored facts are exactly what the counters were fed with: move them by the difference.
  const prev = factsFromRow(locked);
  if (locked.rulesVersion === RULES_VERSION && JSON.stringify(prev) === JSON.stringify(fresh)) return;
  await repo.applyBucketDeltas(tx, bucketDeltas([fresh], [prev]));
  await repo.updateFacts(tx, rowOf(fresh));
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
    await repo.clearIndex(tx);
    // Deltas are summed in memory and written every `flushEvery` dossiers (additive upserts), so memory stays
    // bounded whatever the number of dossiers.
    const flushEvery = opts.flushEvery ?? 100_000;
    let acc = new Map<BucketKey, Counters>();
    const flush = async () => {
      await repo.applyBucketDeltas(tx, acc);
      acc = new Map();
    };
    let last = '00000000-0000-0000-0000-000000000000';
    let done = 0;
    for (;;) {
      const ids = await repo.dossierIdsAfter(tx, last, batch);
      if (ids.length === 0) break;
      last = ids[ids.length - 1]!;
      const facts = (await repo.loadFactsInputs(tx, ids)).map(dossierFacts);
      for (const [k, v] of bucketDeltas(facts)) {
        const row = acc.get(k);
        if (!row) acc.set(k, v);
        else for (const c of COUNTERS) row[c] += v[c];
      }
      await repo.insertFacts(tx, facts.map(rowOf));
      done += ids.length;
      opts.onProgress?.(done);
      if (done % flushEvery < ids.length) await flush();
    }
    await flush();
    // Buckets whose counters summed to zero over the flushes carry nothing: drop them (as a single pass would).
    const n = await repo.dropEmptyBuckets(tx);
    return { dossiers: done, buckets: n, ms: Date.now() - started };
  });
}

/**
 * After an upgrade that changed the classification rules or the counters (RULES_VERSION), rebuilds the index once:
 * facts rows written by other rules (and counters without the new columns' values) cannot be moved incrementally.
 * Run at server start, before serving; does nothing (one indexed probe) when every row is current.
 */
export async function ensureIndexRules(db: Db): Promise<{ dossiers: number; buckets: number; ms: number } | null> {
  if (!(await repo.hasStaleFacts(db, RULES_VERSION))) return null;
  return rebuildIndex(db);
}

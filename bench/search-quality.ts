/**
 * Search quality and speed on the demo catalog, without a database.
 *
 *   npx tsx bench/search-quality.ts                  # top-1 / top-3 on the tuning and held-out sets, timings
 *   npx tsx bench/search-quality.ts --show-heldout   # also list the held-out misses (after tuning only!)
 *   npx tsx bench/search-quality.ts --q "lam giay khai sinh"   # one query: analysis and the top 10
 *
 * The catalog is built as the server builds it: the public-page index (data/seed/procedure-index-2026.json),
 * then the structured national records (data/seed/national-procedures/*.json) replacing entries of the same code.
 * Queries: bench/search-quality/queries.json; index % 3 === 2 is the held-out third.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseNationalRecord, parsePublicIndexEntry, structureIndexRecord, type ProcedureRecord } from '../src/core/catalog/index.ts';
import { SearchIndex, searchDocFromRecord } from '../src/core/search/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = path.join(ROOT, 'data', 'seed');

interface Query {
  q: string;
  expect: string[];
  kind: string;
}

function loadCatalog(): ProcedureRecord[] {
  const index = JSON.parse(fs.readFileSync(path.join(SEED, 'procedure-index-2026.json'), 'utf8')) as { procedures: unknown[] };
  const byCode = new Map<string, ProcedureRecord>();
  for (const e of index.procedures) {
    // As the product stores it: structured from the page text, the page text left to the version rows.
    const s = structureIndexRecord(parsePublicIndexEntry(e));
    const r = s.structured ? { ...s, text: null } : s;
    byCode.set(r.code, r);
  }
  const dir = path.join(SEED, 'national-procedures');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const r = parseNationalRecord(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    byCode.set(r.code, r);
  }
  return [...byCode.values()];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const args = process.argv.slice(2);
const catalog = loadCatalog();
const t0 = performance.now();
const index = new SearchIndex(catalog.map(searchDocFromRecord));
const buildMs = performance.now() - t0;

const one = args.indexOf('--q');
if (one >= 0) {
  const q = args[one + 1] ?? '';
  const a = index.analyze(q);
  console.log(JSON.stringify({ sequence: a.sequence.join(' '), concepts: a.concepts.join(' '), corrections: a.corrections, namedMarkers: a.namedMarkers }, null, 1));
  console.log(a.terms.map((t) => `${t.term}:${t.weight.toFixed(2)}`).join(' '));
  for (const h of index.search(q, { limit: 10 })) console.log(h.score.toFixed(3).padStart(8), h.doc.code, h.doc.levels.join('/').padEnd(16), h.doc.name.slice(0, 130));
  process.exit(0);
}

const { queries } = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'search-quality', 'queries.json'), 'utf8')) as { queries: Query[] };
const showHeldOut = args.includes('--show-heldout');
const sets = { tuning: { n: 0, top1: 0, top3: 0 }, heldOut: { n: 0, top1: 0, top3: 0 } };
const times: number[] = [];
const misses: string[] = [];
const heldOutMisses: string[] = [];
// Warm-up (JIT), not timed.
for (const q of queries.slice(0, 20)) index.search(q.q, { limit: 10 });
queries.forEach((q, i) => {
  const set = i % 3 === 2 ? 'heldOut' : 'tuning';
  const s = performance.now();
  const hits = index.search(q.q, { limit: 10 });
  times.push(performance.now() - s);
  const rank = hits.findIndex((h) => q.expect.includes(h.doc.code));
  const stats = sets[set];
  stats.n++;
  if (rank === 0) stats.top1++;
  if (rank >= 0 && rank < 3) stats.top3++;
  if (rank !== 0) {
    const line = `#${i} [${q.kind}] "${q.q.normalize('NFC')}" expect ${q.expect.join('|')} → rank ${rank < 0 ? '>10' : rank + 1}; top: ${hits
      .slice(0, 3)
      .map((h) => `${h.doc.code} ${h.doc.name.slice(0, 60)}`)
      .join(' ‖ ')}`;
    (set === 'heldOut' ? heldOutMisses : misses).push(line);
  }
});
times.sort((a, b) => a - b);
const pct = (a: number, n: number) => `${((100 * a) / Math.max(1, n)).toFixed(1)}%`;
const all = { n: sets.tuning.n + sets.heldOut.n, top1: sets.tuning.top1 + sets.heldOut.top1, top3: sets.tuning.top3 + sets.heldOut.top3 };
console.log(`catalog: ${index.size} procedures; index built in ${buildMs.toFixed(0)} ms`);
console.log(`queries: ${queries.length} (tuning ${sets.tuning.n}, held-out ${sets.heldOut.n})`);
for (const [name, s] of [['tuning', sets.tuning], ['held-out', sets.heldOut], ['all', all]] as const) {
  console.log(`${name.padEnd(9)} top-1 ${pct(s.top1, s.n).padStart(6)} (${s.top1}/${s.n})   top-3 ${pct(s.top3, s.n).padStart(6)} (${s.top3}/${s.n})`);
}
console.log(`query time: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms`);
console.log(`\ntuning misses (not top-1): ${misses.length}`);
for (const m of misses) console.log('  ' + m);
if (showHeldOut) {
  console.log(`\nheld-out misses (not top-1): ${heldOutMisses.length}`);
  for (const m of heldOutMisses) console.log('  ' + m);
} else {
  console.log(`\nheld-out misses: ${heldOutMisses.length} (hidden; --show-heldout lists them)`);
}

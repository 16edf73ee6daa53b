/**
 * Benchmark: compute and rank one PAR round — 100 units on a 100-node criteria set (8 areas, 24 criteria,
 * 68 leaves) — with the functions the service calls (core/reform/par: buildTree once, then per unit scoreTree +
 * lostPoints, then rankUnits).
 *
 *   npx tsx bench/par.ts [runs=200]
 *
 * Prints p50/p90/max in ms over the runs (after 20 warm-up runs), and, as the machine's own ceiling, the time of a
 * bare loop summing the same 6,800 integers once: the ratio says how far the tree walk is from plain arithmetic.
 */
import { buildTree, DEFAULT_BANDS, lostPoints, rankUnits, scoreTree, type TreeNode } from '../src/core/reform/par/index.ts';

const runs = Number(process.argv[2] ?? 200);
const UNITS = 100;

// 8 areas × 3 criteria; each criterion 2–4 sub-criteria (leaves) → 8 + 24 + 68 = 100 nodes.
const nodes: TreeNode[] = [];
let leaves = 0;
for (let a = 1; a <= 8; a++) {
  const area: TreeNode = { code: `${a}`, max: 0, source: a === 8 ? 'survey' : undefined };
  nodes.push(area);
  for (let c = 1; c <= 3; c++) {
    const crit: TreeNode = { code: `${a}.${c}`, parent: `${a}`, max: 0 };
    nodes.push(crit);
    const k = a <= 4 && c === 1 ? 2 : 3;
    for (let s = 1; s <= k; s++) {
      const max = 25 + ((a * 7 + c * 5 + s * 3) % 10) * 25; // 0.25 … 2.50 points
      nodes.push({ code: `${a}.${c}.${s}`, parent: `${a}.${c}`, max });
      crit.max += max;
      leaves++;
    }
    area.max += crit.max;
  }
}
if (nodes.length !== 100) throw new Error(`expected 100 nodes, got ${nodes.length}`);

let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const leafNodes = nodes.filter((n) => !nodes.some((m) => m.parent === n.code));
const unitPoints = Array.from({ length: UNITS }, () => new Map(leafNodes.map((n) => [n.code, Math.floor(rnd() * (n.max + 1))] as const)));

function round() {
  const tree = buildTree(nodes);
  const results = unitPoints.map((pts, i) => {
    const s = scoreTree(tree, pts, { surveyRun: true });
    return { id: `u${i}`, index: s.index, lost: lostPoints(tree, s).length };
  });
  return rankUnits(results, DEFAULT_BANDS);
}

const flat = unitPoints.flatMap((m) => [...m.values()]);
function baseline() {
  let s = 0;
  for (let i = 0; i < flat.length; i++) s += flat[i]!;
  return s;
}

const time = (fn: () => unknown, n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
};
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

time(round, 20);
time(baseline, 200);
const r = time(round, runs);
const b = time(baseline, runs * 10);
const ranked = round();
console.log(`set: ${nodes.length} nodes (${leaves} leaves), ${UNITS} units; ${runs} runs`);
console.log(`compute + rank one round: p50 ${pct(r, 50).toFixed(2)} ms, p90 ${pct(r, 90).toFixed(2)} ms, max ${pct(r, 100).toFixed(2)} ms`);
console.log(`ceiling (sum ${flat.length} integers once): p50 ${(pct(b, 50) * 1000).toFixed(1)} µs → ratio ${(pct(r, 50) / pct(b, 50)).toFixed(0)}×`);
console.log(`rank 1: ${ranked[0]!.id} ${(ranked[0]!.index! / 100).toFixed(2)} %; last: ${ranked.at(-1)!.id} ${(ranked.at(-1)!.index! / 100).toFixed(2)} %`);

/**
 * Field-level accuracy of the page-text parser (core/catalog/page-parser.ts) on the structured national
 * records: each of data/seed/national-procedures/*.json is paired with the index entry of the same code in
 * data/seed/procedure-index-2026.json (the national records carry no page text; the index entries do), the
 * entry's page text is parsed, and the result compared field by field (core/catalog/parser-accuracy.ts).
 *
 *   npx tsx bench/parser-accuracy.ts            # the table (markdown) and the misses
 *   npx tsx bench/parser-accuracy.ts --json     # the table as JSON
 *   npx tsx bench/parser-accuracy.ts --index    # also: confidence over the whole 2,642-entry index
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNationalRecord, parsePublicIndexEntry, structureIndexRecord, unreviewedLowFields, type ProcedureRecord } from '../src/core/catalog/index.ts';
import { measureParser } from '../src/core/catalog/parser-accuracy.ts';

const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/seed');
const dir = path.join(SEED, 'national-procedures');
const national = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => parseNationalRecord(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
const index = (JSON.parse(fs.readFileSync(path.join(SEED, 'procedure-index-2026.json'), 'utf8')) as { procedures: { code: string }[] }).procedures;

const t0 = performance.now();
const result = measureParser(national, index, (e) => structureIndexRecord(parsePublicIndexEntry(e)));
const ms = performance.now() - t0;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ records: result.comparisons.length, unmatched: result.unmatched, table: result.table }, null, 2));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`Records compared: ${result.comparisons.length} of ${national.length} (no index entry: ${result.unmatched.join(', ') || 'none'}); ${ms.toFixed(0)} ms`);
  console.log('');
  console.log('| field | records | items | correct | accuracy |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of result.table) console.log(`| ${r.field} | ${r.records} | ${r.compared} | ${r.correct} | ${pct(r.accuracy)} |`);
  if (process.argv.includes('--misses')) {
    for (const c of result.comparisons) for (const m of c.misses) console.log(`\n[${c.code}] ${m.field}\n  expected: ${m.expected}\n  got:      ${m.got}`);
  }
}

if (process.argv.includes('--index')) {
  const t1 = performance.now();
  const listed = index.map((e) => parsePublicIndexEntry(e));
  const t2 = performance.now();
  const all: ProcedureRecord[] = listed.map(structureIndexRecord);
  const t3 = performance.now();
  const publishable = all.filter((r) => r.structured && unreviewedLowFields(r).length === 0);
  const commune = all.filter((r) => r.levels.includes('commune'));
  const reasons = new Map<string, number>();
  for (const r of all) for (const i of r.parse?.issues ?? []) reasons.set(`${i.field}: ${i.code}`, (reasons.get(`${i.field}: ${i.code}`) ?? 0) + 1);
  console.log(`\nIndex: ${all.length} entries, ${all.filter((r) => r.structured).length} with channels; every field high (publishable as read): ${publishable.length} (commune-level: ${publishable.filter((r) => r.levels.includes('commune')).length} of ${commune.length})`);
  console.log(`Listing parse ${(t2 - t1).toFixed(0)} ms, page-text parse ${(t3 - t2).toFixed(0)} ms`);
  console.log('Issues (field: code → occurrences):');
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${n}`);
}

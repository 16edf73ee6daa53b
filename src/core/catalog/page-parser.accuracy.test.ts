/**
 * The page-text parser's accuracy floor. The test recomputes the field-by-field comparison of bench/PARSER.md
 * (the same `measureParser` as `npx tsx bench/parser-accuracy.ts`) and asserts that each field is at least
 * the accuracy measured when the floor was set, minus a margin, so a change that reads the pages worse fails.
 * Raise a floor when the parser improves (and update bench/PARSER.md with the bench's output).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNationalRecord } from './national-record.ts';
import { structureIndexRecord } from './page-parser.ts';
import { ACCURACY_FIELDS, measureParser, type AccuracyField } from './parser-accuracy.ts';
import { parsePublicIndexEntry } from './public-index.ts';

/** Measured on 2026-12-03 with page-text/1 (bench/PARSER.md), rounded down. */
const FLOOR: Record<AccuracyField, number> = {
  channels: 1,
  time: 0.882,
  fees: 0.941,
  feeText: 1,
  channelText: 0.823,
  componentRows: 0.833,
  componentCounts: 0.974,
  componentForms: 1,
  componentHeadings: 0.99,
  results: 0.933,
  legalBasis: 0.976,
  agencies: 0.944,
};
const MARGIN = 0.02;

const seed = new URL('../../../data/seed/', import.meta.url);
const dir = new URL('national-procedures/', seed);
const national = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseNationalRecord(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
const index = (JSON.parse(readFileSync(new URL('procedure-index-2026.json', seed), 'utf8')) as { procedures: { code: string }[] }).procedures;
const result = measureParser(national, index, (e) => structureIndexRecord(parsePublicIndexEntry(e)));

describe('page-text parser accuracy on the national records', () => {
  it('pairs the records that have an index entry (the index covers six ministries; 8 records are outside it)', () => {
    expect(result.comparisons.length + result.unmatched.length).toBe(national.length);
    expect(result.comparisons.length).toBeGreaterThanOrEqual(18);
    const indexCodes = new Set(index.map((e) => e.code.trim()));
    for (const code of result.unmatched) expect(indexCodes.has(code)).toBe(false);
  });

  it.each(ACCURACY_FIELDS)(`%s is at least its measured floor minus ${MARGIN}`, (field) => {
    const row = result.table.find((r) => r.field === field)!;
    expect(row.compared).toBeGreaterThan(0);
    expect(row.accuracy, `${field}: ${row.correct}/${row.compared}`).toBeGreaterThanOrEqual(FLOOR[field] - MARGIN);
  });

  it('a record compared with itself scores 100 % on every field (the comparison is sound)', () => {
    const r = national.find((n) => n.code === '1.010038')!;
    const self = measureParser([r], [{ code: r.code }], () => r);
    for (const row of self.table) expect(row.accuracy, row.field).toBe(1);
  });
});

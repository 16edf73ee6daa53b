/**
 * Field-level accuracy of the page-text parser against the structured national records of the same codes.
 * Pure: the bench (bench/parser-accuracy.ts → bench/PARSER.md) and the floor test
 * (page-parser.accuracy.test.ts) both call `measureParser`, so the table and the locked floor are the same
 * computation.
 *
 * Both sides go through the same code where the page has nothing to add (note split, fold): the national
 * record by parseNationalRecord, the page by parsePublicIndexEntry + structureIndexRecord. Items compared
 * per field (text compared folded: no diacritics, case or spacing differences, outer parentheses dropped):
 * - channels: per record, the set of channels offered.
 * - time: per national channel, the limit (amount and unit, or both "no fixed limit") and the stages.
 * - fees: per national channel, the amounts above 0 (sorted; both empty = both free or unstated).
 * - fee text: per national channel, the first fee line's description.
 * - channel text: per national channel, the description.
 * - component rows: per row of either side (components and notes): found on the other side by its text;
 *   score = matched / (national rows + parsed rows not matched).
 * - counts, forms, headings: per matched component row, the original and copy counts, the form file names,
 *   the heading (case) it sits under.
 * - results: per result of either side: same code and name (as component rows).
 * - legal basis: per document of either side: same code and name (as component rows).
 * - agencies: per record, the set of executing agencies.
 * Not compared because the page does not show them: `required`, e-form flags, fee kind (phí / lệ phí), codes of
 * components, subjects' codes.
 */
import { foldVietnamese } from '../text/fold.ts';
import type { CodedName, DossierComponent, ProcedureNote, ProcedureRecord } from './types.ts';

export const ACCURACY_FIELDS = ['channels', 'time', 'fees', 'feeText', 'channelText', 'componentRows', 'componentCounts', 'componentForms', 'componentHeadings', 'results', 'legalBasis', 'agencies'] as const;
export type AccuracyField = (typeof ACCURACY_FIELDS)[number];

export interface FieldScore {
  field: AccuracyField;
  compared: number;
  correct: number;
}

export interface RecordComparison {
  code: string;
  scores: FieldScore[];
  /** Human-readable differences, for the bench report. */
  misses: { field: AccuracyField; expected: string; got: string }[];
}

const key = (s: string | null | undefined) =>
  foldVietnamese(s ?? '')
    .replace(/^\((.*)\)$/s, '$1')
    .replace(/[\s.;:,]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const headingKey = (s: string | null) => {
  const k = key(s);
  return k === '-' || k === '--' ? '' : k;
};
const limitKey = (l: { amount: number; unit: string } | null) => (l ? `${l.amount} ${l.unit}` : 'none');

type Row = { name: string; caseName: string | null; component: DossierComponent | null };
const rowsOf = (r: ProcedureRecord): Row[] => [
  ...r.components.map((c) => ({ name: c.name, caseName: c.caseName, component: c })),
  ...(r.notes ?? []).map((n: ProcedureNote) => ({ name: n.text, caseName: n.caseName, component: null })),
];

/** Greedy one-to-one matching by key; returns pairs and the unmatched of each side. */
function match<T>(expected: readonly T[], got: readonly T[], k: (x: T) => string) {
  const pool = new Map<string, T[]>();
  for (const g of got) pool.set(k(g), [...(pool.get(k(g)) ?? []), g]);
  const pairs: [T, T][] = [];
  const missing: T[] = [];
  for (const e of expected) {
    const list = pool.get(k(e));
    const g = list?.shift();
    if (g !== undefined) pairs.push([e, g]);
    else missing.push(e);
  }
  const extra = [...pool.values()].flat();
  return { pairs, missing, extra };
}

export function compareRecords(national: ProcedureRecord, parsed: ProcedureRecord): RecordComparison {
  const scores = new Map<AccuracyField, FieldScore>(ACCURACY_FIELDS.map((f) => [f, { field: f, compared: 0, correct: 0 }]));
  const misses: RecordComparison['misses'] = [];
  const add = (field: AccuracyField, ok: boolean, expected: string, got: string) => {
    const s = scores.get(field)!;
    s.compared++;
    if (ok) s.correct++;
    else misses.push({ field, expected, got });
  };

  const chans = (r: ProcedureRecord) => r.channels.map((c) => c.channel).sort().join(',');
  add('channels', chans(national) === chans(parsed), chans(national), chans(parsed));
  for (const n of national.channels) {
    const p = parsed.channels.find((c) => c.channel === n.channel);
    const nt = `${limitKey(n.limit)}${n.stages.length ? ` [${n.stages.join('+')}]` : ''}`;
    const pt = p ? `${limitKey(p.limit)}${p.stages.length ? ` [${p.stages.join('+')}]` : ''}` : 'absent';
    add('time', nt === pt, `${n.channel}: ${nt}`, `${n.channel}: ${pt}`);
    const amounts = (fees: { amountVnd: number }[]) => fees.map((f) => f.amountVnd).filter((a) => a > 0).sort((a, b) => a - b).join('+') || 'free/unstated';
    const na = amounts(n.fees);
    const pa = p ? amounts(p.fees) : 'absent';
    add('fees', na === pa, `${n.channel}: ${na}`, `${n.channel}: ${pa}`);
    const nf = key(n.fees[0]?.description);
    const pf = p ? key(p.fees[0]?.description) : 'absent';
    add('feeText', nf === pf, `${n.channel}: ${n.fees[0]?.description ?? ''}`.slice(0, 120), `${n.channel}: ${p?.fees[0]?.description ?? ''}`.slice(0, 120));
    const nd = key(n.description);
    const pd = p ? key(p.description) : 'absent';
    add('channelText', nd === pd, `${n.channel}: ${n.description}`.slice(0, 120), `${n.channel}: ${p?.description ?? 'absent'}`.slice(0, 120));
  }

  const rows = match(rowsOf(national), rowsOf(parsed), (r) => key(r.name));
  for (const [e] of rows.pairs) add('componentRows', true, e.name, e.name);
  for (const e of rows.missing) add('componentRows', false, e.name.slice(0, 120), '—');
  for (const g of rows.extra) add('componentRows', false, '—', g.name.slice(0, 120));
  for (const [e, g] of rows.pairs) {
    if (e.component && g.component) {
      const ec = `${e.component.originalCount}/${e.component.copyCount}`;
      const gc = `${g.component.originalCount}/${g.component.copyCount}`;
      add('componentCounts', ec === gc, `${e.name.slice(0, 60)}: ${ec}`, gc);
      const ef = e.component.forms.map((f) => key(f.fileName)).sort().join(' | ');
      const gf = g.component.forms.map((f) => key(f.fileName)).sort().join(' | ');
      add('componentForms', ef === gf, `${e.name.slice(0, 60)}: ${ef || '(none)'}`, gf || '(none)');
    }
    add('componentHeadings', headingKey(e.caseName) === headingKey(g.caseName), `${e.name.slice(0, 40)}: ${e.caseName ?? ''}`, g.caseName ?? '');
  }

  const coded = (field: AccuracyField, a: readonly CodedName[], b: readonly CodedName[]) => {
    const m = match(a, b, (x) => `${key(x.code)}|${key(x.name)}`);
    for (const [e] of m.pairs) add(field, true, e.name, e.name);
    for (const e of m.missing) add(field, false, `${e.code ?? ''} ${e.name}`.slice(0, 120), '—');
    for (const g of m.extra) add(field, false, '—', `${g.code ?? ''} ${g.name}`.slice(0, 120));
  };
  coded('results', national.results, parsed.results);
  coded('legalBasis', national.legalBasis, parsed.legalBasis);

  const ag = (r: ProcedureRecord) => [...new Set(r.agencies.executing.map(key))].sort().join(' | ');
  add('agencies', ag(national) === ag(parsed), ag(national), ag(parsed));

  return { code: national.code, scores: [...scores.values()], misses };
}

export interface AccuracyRow {
  field: AccuracyField;
  records: number;
  compared: number;
  correct: number;
  /** correct / compared, 0..1 (1 when nothing was compared). */
  accuracy: number;
}

/** Sums per field over the records. */
export function accuracyTable(comparisons: readonly RecordComparison[]): AccuracyRow[] {
  return ACCURACY_FIELDS.map((field) => {
    let compared = 0;
    let correct = 0;
    let records = 0;
    for (const c of comparisons) {
      const s = c.scores.find((x) => x.field === field)!;
      if (s.compared > 0) records++;
      compared += s.compared;
      correct += s.correct;
    }
    return { field, records, compared, correct, accuracy: compared === 0 ? 1 : correct / compared };
  });
}

/**
 * Pairs national records with index entries of the same code (the index entries carry the page text; the
 * national records carry none) and compares them. `parseIndex` turns a raw index entry into its structured
 * record (parsePublicIndexEntry + structureIndexRecord).
 */
export function measureParser(
  nationalRecords: readonly ProcedureRecord[],
  indexEntries: readonly { code: string }[],
  parseIndex: (entry: unknown) => ProcedureRecord,
): { comparisons: RecordComparison[]; unmatched: string[]; table: AccuracyRow[] } {
  const byCode = new Map(indexEntries.map((e) => [e.code.trim(), e]));
  const comparisons: RecordComparison[] = [];
  const unmatched: string[] = [];
  for (const n of nationalRecords) {
    const e = byCode.get(n.code);
    if (!e) {
      unmatched.push(n.code);
      continue;
    }
    comparisons.push(compareRecords(n, parseIndex(e)));
  }
  return { comparisons, unmatched, table: accuracyTable(comparisons) };
}

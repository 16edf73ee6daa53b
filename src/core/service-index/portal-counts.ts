/**
 * The counts the national portal publishes for a unit and period (numerator and denominator per indicator code),
 * read from what the reform officer has: the portal's JSON, or a spreadsheet exported from it (its first sheet,
 * read into rows by the server). One reader for the console (pasted text) and the server (uploaded file). Errors
 * are catalogue keys (ui-monitoring) with their parameters, so they read in Vietnamese with the row or item number.
 */
import { foldVietnamese } from '../text/index.ts';
import type { MetricCount } from './score.ts';

export type PortalCountsError =
  | { error: 'mon.rec.err.json' | 'mon.rec.err.shape' | 'mon.rec.err.empty' | 'mon.rec.err.header' | 'mon.rec.err.file'; params?: Record<string, unknown> }
  | { error: 'mon.rec.err.item' | 'mon.rec.err.row' | 'mon.rec.err.duplicate'; params: Record<string, unknown> };
export type PortalCountsResult = { metrics: MetricCount[] } | PortalCountsError;

const CODE = /^[A-Z][A-Z0-9_]*$/;
const okCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function finish(metrics: MetricCount[]): PortalCountsResult {
  if (metrics.length === 0) return { error: 'mon.rec.err.empty' };
  const seen = new Set<string>();
  for (const m of metrics) {
    if (seen.has(m.code)) return { error: 'mon.rec.err.duplicate', params: { code: m.code } };
    seen.add(m.code);
  }
  return { metrics };
}

/** Reads {"metrics":[{"code","numerator","denominator"}]} (or a bare array). */
export function parsePortalCounts(text: string): PortalCountsResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { error: 'mon.rec.err.json' };
  }
  const list = Array.isArray(json) ? json : typeof json === 'object' && json !== null && Array.isArray((json as { metrics?: unknown }).metrics) ? (json as { metrics: unknown[] }).metrics : null;
  if (!list) return { error: 'mon.rec.err.shape' };
  const metrics: MetricCount[] = [];
  for (const [i, m] of list.entries()) {
    const x = (typeof m === 'object' && m !== null ? m : {}) as Partial<Record<'code' | 'numerator' | 'denominator', unknown>>;
    if (typeof x.code !== 'string' || !CODE.test(x.code) || !okCount(x.numerator) || !okCount(x.denominator)) return { error: 'mon.rec.err.item', params: { n: i + 1 } };
    metrics.push({ code: x.code, numerator: x.numerator, denominator: x.denominator });
  }
  return finish(metrics);
}

/** A spreadsheet cell as the server reads it: text, a number, or empty. */
export type Cell = string | number | null;

const HEADERS: Record<'code' | 'numerator' | 'denominator', string[]> = {
  code: ['ma chi tieu', 'ma chi so', 'ma tieu chi', 'ma', 'code', 'indicator code'],
  numerator: ['tu so', 'numerator'],
  denominator: ['mau so', 'denominator'],
};
const norm = (c: Cell) => foldVietnamese(String(c ?? '')).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** A count in a cell: a whole number, also written with Vietnamese thousands dots ("1.234") or spaces. */
function countOf(c: Cell): number | null {
  if (typeof c === 'number') return okCount(c) ? c : null;
  const s = String(c ?? '').trim().replace(/[.\s\u00a0]/g, '');
  return /^\d+$/.test(s) ? Number(s) : null;
}

/**
 * Reads the rows of a sheet: the first row naming the three columns (Vietnamese or English, with or without
 * diacritics: "Mã chỉ tiêu" / "Tử số" / "Mẫu số"), then one indicator per row until the end; blank rows are
 * skipped. Rows are numbered as in the spreadsheet (1-based).
 */
export function portalCountsFromRows(rows: readonly (readonly Cell[])[]): PortalCountsResult {
  let header = -1;
  const col = { code: -1, numerator: -1, denominator: -1 };
  for (let r = 0; r < rows.length && header < 0; r++) {
    const cells = (rows[r] ?? []).map(norm);
    const find = (names: string[]) => cells.findIndex((c) => names.includes(c));
    const found = { code: find(HEADERS.code), numerator: find(HEADERS.numerator), denominator: find(HEADERS.denominator) };
    if (found.code >= 0 && found.numerator >= 0 && found.denominator >= 0) {
      header = r;
      Object.assign(col, found);
    }
  }
  if (header < 0) return { error: 'mon.rec.err.header' };
  const metrics: MetricCount[] = [];
  for (let r = header + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((c) => c === null || String(c).trim() === '')) continue;
    const code = String(row[col.code] ?? '').trim().toUpperCase();
    const numerator = countOf(row[col.numerator] ?? null);
    const denominator = countOf(row[col.denominator] ?? null);
    if (!CODE.test(code) || numerator === null || denominator === null) return { error: 'mon.rec.err.row', params: { row: r + 1 } };
    metrics.push({ code, numerator, denominator });
  }
  return finish(metrics);
}

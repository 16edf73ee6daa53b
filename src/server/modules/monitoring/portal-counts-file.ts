/**
 * Reads the national portal's counts from an uploaded file: an Excel workbook (.xlsx, its first sheet, through
 * exceljs) or JSON. The rows go to the core reader (portalCountsFromRows / parsePortalCounts) — the same one the
 * console uses for pasted JSON — and a problem becomes 422 PORTAL_COUNTS_INVALID naming the row, in both languages.
 */
import ExcelJS from 'exceljs';
import { t, type UiKey } from '../../../core/i18n/ui.ts';
import { parsePortalCounts, portalCountsFromRows, type Cell, type PortalCountsResult } from '../../../core/service-index/portal-counts.ts';
import type { MetricCount } from '../../../core/service-index/score.ts';
import { AppError } from '../../platform/http/errors.ts';

/** A cell's value as text or number: formulas give their result, rich text its text, dates their ISO day. */
function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellOf((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return null;
}

export async function xlsxRows(bytes: Uint8Array): Promise<Cell[][] | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return null;
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[n - 1] = values.map((v) => cellOf(v as ExcelJS.CellValue));
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

export async function readPortalCountsFile(bytes: Uint8Array): Promise<MetricCount[]> {
  let r: PortalCountsResult;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const rows = await xlsxRows(bytes);
    r = rows ? portalCountsFromRows(rows) : { error: 'mon.rec.err.file' };
  } else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    r = /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? parsePortalCounts(text) : { error: 'mon.rec.err.file' };
  }
  if ('error' in r) {
    const key = r.error as UiKey;
    throw new AppError('PORTAL_COUNTS_INVALID', { reasonVi: t(key, 'vi', r.params), reasonEn: t(key, 'en', r.params) }, { reason: r.error, ...r.params });
  }
  return r.metrics;
}

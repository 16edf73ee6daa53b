/**
 * The public procedure pages' scraped text (data/seed/procedure-index-2026.json `text`), cleaned. Pure.
 *
 * The scrape flattened each page's HTML: table cells run together ("Trực tiếp5 Ngày làm việc10,000 Việt Nam
 * Đồng(…)"), table headers repeat inside the text ("Tên giấy tờMẫu đơn, tờ khaiSố lượng"), and the result
 * section ends with the portal's agency picker and button ("Chọn cơ quan thực hiệnTỉnh/ Thành phố…-- Chọn
 * Phường/ Xã --…Nộp hồ sơ"). This module holds the layout facts of those pages; page-parser.ts reads the
 * cells, and `cleanPageText` renders them back as readable text (one cell or row per line, no form controls).
 */
import { nfc } from '../text/fold.ts';

export const METHODS_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
export const COMPONENTS_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
export const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
/** The pages' "no information" cell. */
export const NO_INFO = 'Không có thông tin';

/** Where the agency picker starts in the result section (everything after it is form controls). */
const PICKER_START = 'Chọn cơ quan thực hiện';
const FORM_CONTROL_FRAGMENTS: readonly RegExp[] = [
  /--\s*Chọn[^-]{0,40}--/gu,
  /Hệ thống chỉ hiển thị những cơ quan đã áp dụng dịch vụ công trực tuyến/gu,
  /Tỉnh\/ Thành phốBộ ngành/gu,
];

/**
 * Removes the portal's form controls: the agency picker (from "Chọn cơ quan thực hiện" to the end, which
 * includes "-- Chọn Tỉnh/ Thành phố --", "-- Chọn Phường/ Xã --", "Hệ thống chỉ hiển thị…" and the
 * "Nộp hồ sơ" button) and any stray "-- Chọn … --" placeholder.
 */
export function stripFormControls(s: string): string {
  let out = nfc(s);
  const i = out.indexOf(PICKER_START);
  if (i >= 0) out = out.slice(0, i);
  for (const re of FORM_CONTROL_FRAGMENTS) out = out.replace(re, ' ');
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

/** Removes a table header at the start (and repeated headers are handled by the callers). */
export function stripHeader(s: string, header: string): string {
  const t = s.trimStart();
  return t.startsWith(header) ? t.slice(header.length) : t;
}

/**
 * The result section split into its parts: the results ("<name>Mã: KQ.…" repeated), the page's keywords
 * ("Từ khóa…") and description ("Mô tả…"); "Không có thông tin" reads as nothing.
 */
export function splitResultSection(s: string): { results: string; keywords: string | null; description: string | null } {
  const clean = stripFormControls(s);
  const lastCode = clean.lastIndexOf('Mã:');
  const kw = clean.indexOf('Từ khóa', lastCode < 0 ? 0 : lastCode);
  if (kw < 0) return { results: clean, keywords: null, description: null };
  const tail = clean.slice(kw + 'Từ khóa'.length);
  const d = tail.indexOf('Mô tả');
  const keywords = (d < 0 ? tail : tail.slice(0, d)).trim();
  const description = d < 0 ? '' : tail.slice(d + 'Mô tả'.length).trim();
  const none = (x: string) => (x === '' || x === NO_INFO ? null : x);
  return { results: clean.slice(0, kw).trim(), keywords: none(keywords), description: none(description) };
}

/**
 * Text of balanced parentheses starting at `s[start] === '('`: returns the inner text and the index after
 * the closing one (unbalanced: up to the end).
 */
export function readParenthesised(s: string, start: number): { inner: string; end: number } {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return { inner: s.slice(start + 1, i), end: i + 1 };
    }
  }
  return { inner: s.slice(start + 1), end: s.length };
}

/** Collapses runs of spaces and tabs (not newlines) and trims. */
export function tidy(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

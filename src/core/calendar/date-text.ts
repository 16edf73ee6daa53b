/**
 * Dates as people type and read them in Vietnam: dd/mm/yyyy. Parsing accepts d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy and
 * the ISO form yyyy-mm-dd (what a browser or a pasted value gives); every result is a real calendar date or null.
 */
import { daysInMonth } from './dates.ts';
import type { LocalDate } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-01" → "01/03/2026"; anything that is not an ISO date → "". */
export function formatDateText(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** "1/3/2026", "01-03-2026", "01.03.2026", "2026-03-01" → "2026-03-01"; an impossible or partial date → null. */
export function parseDateText(text: string): LocalDate | null {
  const s = text.trim();
  let y: number;
  let mo: number;
  let d: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return `${y}-${pad(mo)}-${pad(d)}` as LocalDate;
}

/**
 * The number and symbol of a document (Decree 30/2020, Appendix I): "Số: 12/UBND-VP". The number is the running
 * number of the agency's register for the year, in Arabic digits from 01; the symbol is, for an official letter
 * (công văn), the agency's abbreviation and the drafting unit's ("UBND-VP"), and for a named kind the kind's
 * abbreviation and the agency's ("QĐ-UBND"), followed by the drafting unit's when given ("QĐ-UBND-VP").
 */
import { foldVietnamese } from '../text/index.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './states.ts';

export interface NumberParts {
  registerNo: number;
  kind: DocumentKind;
  agencySymbol: string;
  unitSymbol?: string | null;
}

/** "01", "12", "1234": at least two digits. */
export const registerNumberText = (n: number): string => {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`register number must be a positive integer, got ${n}`);
  return String(n).padStart(2, '0');
};

/** "12/UBND-VP" (official letter) or "12/QĐ-UBND" (named kind). */
export function formatNumberSymbol(p: NumberParts): string {
  const unit = p.unitSymbol?.trim() ? p.unitSymbol.trim() : null;
  const symbol = p.kind === 'official_letter' ? [p.agencySymbol, unit] : [DOCUMENT_KINDS[p.kind].symbol, p.agencySymbol, unit];
  return `${registerNumberText(p.registerNo)}/${symbol.filter((x): x is string => x !== null && x !== '').join('-')}`;
}

/** The line as printed: "Số: 12/UBND-VP". */
export const numberLine = (numberSymbol: string): string => `Số: ${numberSymbol}`;

/** Reads "Số: 12/UBND-VP" or "12/UBND-VP" back: the number and the symbol's parts; null when it is not one. */
export function parseNumberSymbol(s: string): { registerNo: number; symbol: string[] } | null {
  const m = /^(?:Số:\s*)?0*(\d+)\/([^\s/]+)$/u.exec(s.trim());
  if (!m) return null;
  const registerNo = Number(m[1]);
  if (registerNo < 1) return null;
  const symbol = m[2]!.split('-');
  if (symbol.some((x) => x === '')) return null;
  return { registerNo, symbol };
}

const STOP_WORDS = new Set(['va', 'tinh', 'thanh', 'pho', 'huyen', 'xa', 'phuong']);

/**
 * The agency's abbreviation: "UBND" for a people's committee; otherwise the initials of its name ("Sở Nông
 * nghiệp và Môi trường tỉnh Gia Lai" → "SNNMT"), up to the place name ("tỉnh …", "thành phố …").
 */
export function agencySymbolOf(agency: { kind: string; name: string }): string {
  if (agency.kind === 'people_committee') return 'UBND';
  const words = agency.name.trim().split(/\s+/u);
  const out: string[] = [];
  for (const w of words) {
    const f = foldVietnamese(w);
    if (f === 'tinh' || f === 'thanh' || f === 'huyen') break;
    if (STOP_WORDS.has(f)) continue;
    const first = w.normalize('NFC')[0];
    if (first) out.push(first.toLocaleUpperCase('vi'));
  }
  return out.join('') || 'CQ';
}

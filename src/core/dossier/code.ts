/**
 * The national dossier code `AGENCY-YYMMDD-NNNN`, e.g. `000.00.12.H56-260915-0007`:
 * - AGENCY: the receiving agency's identifier in the national e-government code standard (QCVN 102:2016/BTTTT):
 *   four dot-separated groups `DDD.DD.DD.LDD` (level-4, level-3, level-2 unit numbers, then the level-1 body:
 *   one capital letter and two digits, e.g. H56). Only the shape is checked, not that the agency exists.
 * - YYMMDD: the receipt date in Vietnam time (UTC+7, no daylight saving); years 2000–2099.
 * - NNNN: the running number of that agency's dossiers that day, from 1, zero-padded to 4 digits.
 *   Decision for days with 10,000 or more dossiers at one agency: the number widens to 5 digits (`10000` …
 *   `99999`), never wraps or repeats; 100,000 or more is refused (RangeError). Parsing therefore accepts 4 or 5
 *   digits, but a 5-digit number must not start with 0 (each number has exactly one spelling).
 * Handing out the running number without repeats under concurrent intake is the repository's job.
 * The format is pluggable (`DossierCodeScheme`): the 2025 circular re-issued the rule; a different format gets a
 * new scheme with its `validFrom`, and `schemeFor(receiptDate)` picks the one in force.
 */

export interface ParsedDossierCode {
  agencyCode: string;
  /** Receipt date, YYYY-MM-DD (Vietnam time). */
  date: string;
  seq: number;
}

export interface DossierCodeScheme {
  readonly id: string;
  /** First receipt date (YYYY-MM-DD) the scheme applies to. */
  readonly validFrom: string;
  /** Throws RangeError on an invalid agency code, date or running number. */
  format(agencyCode: string, receiptLocalDate: string, seq: number): string;
  /** `null` when the string is not a code of this scheme. */
  parse(code: string): ParsedDossierCode | null;
}

const AGENCY_RE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE_2018_RE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4,5})$/;

export const MAX_SEQ = 99_999;

/** Shape of an agency identifier of the national e-government code standard, e.g. `000.00.12.H56`. */
export function isValidAgencyCode(s: string): boolean {
  return AGENCY_RE.test(s);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

/** A real calendar date YYYY-MM-DD. */
export function isValidLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The Vietnam-time (UTC+7) calendar date of an instant given as an ISO string with an offset or Z
 * (e.g. `2026-09-14T17:00:00Z` → `2026-09-15`). Throws RangeError on an unparseable instant.
 */
export function vietnamLocalDate(isoInstant: string): string {
  const ms = Date.parse(isoInstant);
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(isoInstant) || Number.isNaN(ms)) {
    throw new RangeError(`not an ISO instant with an offset: ${isoInstant}`);
  }
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

function formatSeq(seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    throw new RangeError(`running number must be an integer from 1 to ${MAX_SEQ}: ${seq}`);
  }
  return String(seq).padStart(4, '0');
}

export const SCHEME_2018: DossierCodeScheme = {
  id: 'vn-2018',
  // Decree 61/2018/NĐ-CP came into force on 21 August 2018; also used for any earlier date (see schemeFor).
  validFrom: '2018-08-21',
  format(agencyCode, receiptLocalDate, seq) {
    if (!isValidAgencyCode(agencyCode)) throw new RangeError(`invalid agency code: ${agencyCode}`);
    const m = DATE_RE.exec(receiptLocalDate);
    if (m === null || !isValidLocalDate(receiptLocalDate)) throw new RangeError(`invalid date: ${receiptLocalDate}`);
    const [, yyyy = '', mm = '', dd = ''] = m;
    if (!yyyy.startsWith('20')) throw new RangeError(`year outside 2000–2099: ${receiptLocalDate}`);
    return `${agencyCode}-${yyyy.slice(2)}${mm}${dd}-${formatSeq(seq)}`;
  },
  parse(code) {
    const m = CODE_2018_RE.exec(code);
    if (m === null) return null;
    const [, agencyCode = '', yy = '', mm = '', dd = '', nnnn = ''] = m;
    const date = `20${yy}-${mm}-${dd}`;
    if (!isValidLocalDate(date)) return null;
    if (nnnn.length === 5 && nnnn.startsWith('0')) return null;
    const seq = Number(nnnn);
    if (seq < 1) return null;
    return { agencyCode, date, seq };
  },
};

/** Known schemes, oldest first. */
export const DOSSIER_CODE_SCHEMES: readonly DossierCodeScheme[] = [SCHEME_2018];

/** The scheme in force on `receiptLocalDate` (YYYY-MM-DD): the latest one whose validFrom is not after it, else the oldest. */
export function schemeFor(receiptLocalDate: string, schemes: readonly DossierCodeScheme[] = DOSSIER_CODE_SCHEMES): DossierCodeScheme {
  const sorted = [...schemes].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const first = sorted[0];
  if (first === undefined) throw new RangeError('no dossier code scheme');
  let chosen = first;
  for (const s of sorted) if (s.validFrom <= receiptLocalDate) chosen = s;
  return chosen;
}

/** Formats a dossier code with the scheme in force on the receipt date. */
export function formatDossierCode(agencyCode: string, receiptLocalDate: string, seq: number): string {
  return schemeFor(receiptLocalDate).format(agencyCode, receiptLocalDate, seq);
}

/**
 * Parses a dossier code of any known scheme (newest first); `null` when none recognises it. Surrounding spaces and
 * lower case (as typed by a citizen in a tracking box) are accepted.
 */
export function parseDossierCode(code: string, schemes: readonly DossierCodeScheme[] = DOSSIER_CODE_SCHEMES): ParsedDossierCode | null {
  const trimmed = code.trim().toUpperCase();
  for (let i = schemes.length - 1; i >= 0; i--) {
    const parsed = schemes[i]?.parse(trimmed) ?? null;
    if (parsed !== null) return parsed;
  }
  return null;
}

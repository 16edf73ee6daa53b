/**
 * Times shown on and stored in signatures: Vietnam time (UTC+7, no daylight saving). Circular 01/2019/TT-BNV asks
 * for the signing time in ISO 8601 with the offset, e.g. `2026-03-01T10:00:00+07:00`; the PDF signature dictionary
 * stores it as a PDF date, `D:20260301100000+07'00'`.
 */
const VN_OFFSET_MS = 7 * 3600_000;

function vnParts(d: Date) {
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid date');
  const t = new Date(d.getTime() + VN_OFFSET_MS);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return {
    y: p(t.getUTCFullYear(), 4), mo: p(t.getUTCMonth() + 1), da: p(t.getUTCDate()),
    h: p(t.getUTCHours()), mi: p(t.getUTCMinutes()), s: p(t.getUTCSeconds()),
  };
}

/** ISO 8601 in Vietnam time with the offset, to the second: `2026-03-01T10:00:00+07:00`. */
export function isoVietnam(d: Date): string {
  const x = vnParts(d);
  return `${x.y}-${x.mo}-${x.da}T${x.h}:${x.mi}:${x.s}+07:00`;
}

/** A PDF date (ISO 32000-1 §7.9.4) in Vietnam time: `D:20260301100000+07'00'`. */
export function pdfDateVietnam(d: Date): string {
  const x = vnParts(d);
  return `D:${x.y}${x.mo}${x.da}${x.h}${x.mi}${x.s}+07'00'`;
}

/** dd/mm/yyyy HH:mm:ss in Vietnam time, for screens. */
export function displayVietnam(d: Date): string {
  const x = vnParts(d);
  return `${x.da}/${x.mo}/${x.y} ${x.h}:${x.mi}:${x.s}`;
}

/**
 * Parses a PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year optional; no offset = UTC as most
 * writers mean it). Returns null for anything else.
 */
export function parsePdfDate(s: string): Date | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?$/.exec(s.trim());
  if (!m) return null;
  const [, y, mo = '01', da = '01', h = '00', mi = '00', se = '00', , sign, oh = '00', om = '00'] = m;
  const n = (v: string) => Number.parseInt(v, 10);
  if (n(mo) < 1 || n(mo) > 12 || n(da) < 1 || n(da) > 31 || n(h) > 23 || n(mi) > 59 || n(se) > 59) return null;
  const utc = Date.UTC(n(y!), n(mo) - 1, n(da), n(h), n(mi), n(se));
  const off = sign ? (sign === '-' ? -1 : 1) * (n(oh) * 60 + n(om)) * 60_000 : 0;
  const d = new Date(utc - off);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Formatting of slip values in Vietnamese conventions: dates in Vietnam time (UTC+7), money in đồng, masked
 * personal numbers, the place-and-date line of administrative documents.
 */
import { toLocalDate, toLocalTime } from '../calendar/time.ts';

/** `15/09/2026` (Vietnam time). */
export function formatDate(instant: Date): string {
  const [y, m, d] = toLocalDate(instant).split('-');
  return `${d}/${m}/${y}`;
}

/** `15/09/2026, 17:00` (Vietnam time). */
export function formatDateTime(instant: Date): string {
  return `${formatDate(instant)}, ${toLocalTime(instant)}`;
}

/** `10 giờ 30 phút, ngày 12/02/2026` */
export function formatLongTime(instant: Date): string {
  const [h, m] = toLocalTime(instant).split(':');
  return `${h} giờ ${m} phút, ngày ${formatDate(instant)}`;
}

/** `ngày 12 tháng 02 năm 2026` */
export function formatDateWords(instant: Date): string {
  const [y, m, d] = toLocalDate(instant).split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** A stored instant: a Date, an ISO string with an offset, or a bare `YYYY-MM-DD` (taken as that day). */
export function parseInstant(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'string' || v.trim() === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00+07:00`);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t);
}

/** The place printed on the date line, from the province name: "Tỉnh Gia Lai" → "Gia Lai", "Thành phố Hà Nội" → "Hà Nội". */
export function placeName(provinceName: string | null): string {
  if (!provinceName) return '';
  let s = provinceName.normalize('NFC').trim();
  s = s.replace(/^(ủy|uỷ) ban nhân dân\s+/iu, '');
  s = s.replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, '');
  return s.trim();
}

/** The province name from a provincial People's Committee's name: "Ủy ban nhân dân Tỉnh Gia Lai" → "Tỉnh Gia Lai". */
export function provinceFromAgencyName(name: string): string {
  return name.normalize('NFC').replace(/^(ủy|uỷ) ban nhân dân\s+/iu, '').trim();
}

/** `Gia Lai, ngày 12 tháng 02 năm 2026` (no place: `Ngày 12 tháng 02 năm 2026`). */
export function placeDateLine(provinceName: string | null, instant: Date): string {
  const place = placeName(provinceName);
  const words = formatDateWords(instant);
  return place ? `${place}, ${words}` : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Upper case as printed on official headers and titles (Unicode case mapping covers Vietnamese). */
export function upper(s: string): string {
  return s.normalize('NFC').toUpperCase();
}

/** `10.000 đồng` */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(amount)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/**
 * One fee as a sentence on a slip: `Lệ phí đăng ký cư trú: 10.000 đồng`. The description comes from the catalog
 * (parsed page text) or from the officer, so it may end in `;`, `:` or `.` and may or may not name the kind: trailing
 * punctuation is dropped, spaces collapsed, and the kind ("Phí" for a fee, "Lệ phí" otherwise) is put in front only
 * when the description does not already start with it ("Cấp bản sao" → "Lệ phí cấp bản sao").
 */
export function feeSentence(fee: { kind: string; description: string; amountVnd: number }): string {
  const kind = fee.kind === 'fee' ? 'Phí' : 'Lệ phí';
  const desc = fee.description.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/[\s;:,.\-–—]+$/u, '').replace(/^[\s;:,.\-–—+*]+/u, '');
  let label: string;
  if (desc === '') label = kind;
  else if (/^(lệ phí|phí)(?=[\s:]|$)/iu.test(desc)) label = desc.charAt(0).toUpperCase() + desc.slice(1);
  else {
    // Lower the first letter of an ordinary word ("Cấp" → "cấp"), never of an acronym ("UBND", "CCCD").
    const lowerable = desc.length > 1 && desc.charAt(1) === desc.charAt(1).toLowerCase() && desc.charAt(1) !== desc.charAt(1).toUpperCase();
    label = `${kind} ${lowerable ? desc.charAt(0).toLowerCase() + desc.slice(1) : desc}`;
  }
  label = label.replace(/\s*:\s*$/u, '');
  return `${label}: ${formatVnd(fee.amountVnd)}`;
}

/** Masks the middle of an ID or phone number: `052090001234` → `052******234`. */
export function maskNumber(v: string, keepStart = 3, keepEnd = 3): string {
  const s = v.replace(/\s+/g, '');
  if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
  return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(-keepEnd);
}

/** Two digits (at least): 5 → `05`. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const LIMIT_UNITS: Record<string, string> = {
  working_days: 'ngày làm việc',
  days: 'ngày',
  hours: 'giờ',
};

/** `05 ngày làm việc`, `Trong ngày`. */
export function formatLimit(limit: { amount: number; unit: string } | null): string {
  if (!limit) return 'Không quy định';
  if (limit.unit === 'same_day') return 'Trong ngày';
  const unit = LIMIT_UNITS[limit.unit] ?? limit.unit;
  return `${Number.isInteger(limit.amount) ? pad2(limit.amount) : String(limit.amount).replace('.', ',')} ${unit}`;
}

/** The running number of a dossier code `AGENCY-YYMMDD-NNNN` → `NNNN` (null when there is no code). */
export function runningNumber(code: string | null): string | null {
  if (!code) return null;
  const m = /-(\d+)$/.exec(code);
  return m ? m[1]! : null;
}

/** Early / on time / late against a deadline, the same rule as core/calendar classifyTiming. */
export type DeadlineOutcome = 'early' | 'on_time' | 'late';

export function compareToDeadline(at: Date, deadline: Date): DeadlineOutcome {
  const d = toLocalDate(at);
  const due = toLocalDate(deadline);
  if (d < due) return 'early';
  if (d === due && at.getTime() <= deadline.getTime()) return 'on_time';
  return 'late';
}

export const OUTCOME_LABELS: Readonly<Record<DeadlineOutcome, string>> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

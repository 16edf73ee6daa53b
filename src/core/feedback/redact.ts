/**
 * Removing personal data from feedback before its answer is published. The published record never carries
 * the petitioner's name, phone, e-mail or ID number; inside the free text we mask
 *  - e-mail addresses → "[email]";
 *  - digit sequences of 9 or more digits, also written with single spaces, dots or hyphens between groups
 *    (phone numbers "0905 123 456", "0905.123.456", "+84 905 123 456", ID numbers of 9 or 12 digits) → "[số]";
 *  - the petitioner's own name, phone and e-mail wherever they appear (case- and accent-sensitive match of
 *    the name as given, with a simple whitespace normalisation) → "[họ tên]" / "[số]" / "[email]".
 * Shorter numbers (dates, amounts under 9 digits, article numbers) stay readable.
 */
export const EMAIL_MASK = '[email]';
export const NUMBER_MASK = '[số]';
export const NAME_MASK = '[họ tên]';

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// A digit run with optional single separators; an optional leading "+".
const DIGITS_RE = /\+?\d(?:[ .-]?\d)+/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function maskPersonalData(text: string, known: { fullName?: string | null | undefined; phone?: string | null | undefined; email?: string | null | undefined } = {}): string {
  let out = text.normalize('NFC');
  if (known.email && known.email.trim()) out = out.replace(new RegExp(escapeRe(known.email.trim()), 'gi'), EMAIL_MASK);
  out = out.replace(EMAIL_RE, EMAIL_MASK);
  const phoneDigits = known.phone?.replace(/\D/g, '').replace(/^84/, '0') ?? '';
  if (phoneDigits.length >= 6) {
    const body = phoneDigits.replace(/^0/, '').split('').join('[ .-]?');
    out = out.replace(new RegExp(`(?:\\+84[ .-]?|0)${body}(?!\\d)`, 'g'), NUMBER_MASK);
  }
  out = out.replace(DIGITS_RE, (m) => (m.replace(/\D/g, '').length >= 9 ? NUMBER_MASK : m));
  const name = known.fullName?.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name && name.length >= 2) out = out.replace(new RegExp(escapeRe(name).replace(/ /g, '\\s+'), 'giu'), NAME_MASK);
  return out;
}

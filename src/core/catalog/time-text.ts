/**
 * Processing time read from a procedure's text, for records whose time cell has no unit (the portal's OTHER:
 * "Trực tiếp1Miễn phí", `processingTimeUnit: OTHER`). Pure.
 *
 * What is read (folded text, sentence by sentence; the first sentence that matches wins):
 * - same day: the civil-status wording "nếu tiếp nhận hồ sơ sau 15 giờ thì … trả kết quả … trong ngày làm
 *   việc tiếp theo" (received before 15:00 → the same day; this is exactly the engine's `same_day` unit with
 *   its 15:00 cut-off, core/calendar deadline.ts), or "trả kết quả ngay trong ngày" / "giải quyết ngay trong
 *   ngày" / "trả kết quả trong ngày".
 * - a working-day limit: "trong thời hạn (không quá) NN ngày làm việc, kể từ (ngày|khi) (nhận|tiếp nhận) …
 *   hồ sơ" — only when the record's own amount agrees (the cell's number, e.g. 1 → "01 ngày làm việc"), since
 *   texts also give the time of sub-steps.
 * - conditional limits: a sentence naming a verification case ("trường hợp cần (phải) (kiểm tra,) xác minh")
 *   with "không quá NN ngày làm việc" or "thời hạn … NN ngày làm việc" gives `{condition, limit}`; so does a
 *   second row of the same channel whose description names that case (`conditionOf`).
 *
 * Nothing else is guessed: no match → null, and the record keeps "no fixed limit" with a low confidence, so a
 * reviewer sets it (review.ts). The marriage registration page (1.000894) states neither rule in its text (its
 * same-day and 5-working-day rules are in the Civil Status Law it cites, art. 18); its reviewed record in the
 * demo seed carries them with that reference.
 */
import { foldVietnamese, nfc } from '../text/fold.ts';
import type { ChannelSpec, ConditionalLimit, TimeLimit } from './types.ts';

export interface TextTime {
  limit: TimeLimit;
  /** The sentence it was read from (original text). */
  quote: string;
  conditional: ConditionalLimit[];
}

/** Words every pattern below needs (NFC, before folding: folding whole texts is slow). */
const CANDIDATE = /ngày|giờ|xác minh/iu;

/** Sentences of a text (split on ., ; and newlines) that may state a time, in order, original and folded. */
function sentences(texts: readonly string[]): { text: string; folded: string }[] {
  const out: { text: string; folded: string }[] = [];
  for (const t of texts) {
    for (const raw of nfc(t).split(/(?<=[.;])\s+|\n+/u)) {
      const text = raw.trim();
      if (text.length < 8 || !CANDIDATE.test(text)) continue;
      out.push({ text, folded: foldVietnamese(text) });
    }
  }
  return out;
}

const SAME_DAY_AFTER_15 = /sau 15 gio.{0,80}trong ngay lam viec tiep theo/;
const SAME_DAY = /(tra ket qua|giai quyet|cap|chung thuc)[^.]{0,40}(ngay trong ngay|ngay trong buoi|trong ngay)(?! lam viec tiep theo)/;
const WORKING_DAYS = /(?:trong thoi han|thoi han giai quyet|khong qua)\D{0,20}?(\d{1,3}) ngay lam viec,? ke tu (?:ngay|khi|thoi diem) (?:nhan|tiep nhan)/;
const VERIFY_CASE = /truong hop (?:can|phai|co) (?:phai )?(?:kiem tra, )?(?:xac minh|kiem tra xac minh)/;
const ANY_WD = /(?:khong qua|thoi han[^.]{0,40}?)\s*(\d{1,3}) ngay lam viec/;

/**
 * Reads a time limit from the texts (steps, the channel's description, requirements). `cellAmount` is the
 * number the time cell shows without a unit (null when it shows none).
 */
export function timeFromText(texts: readonly string[], cellAmount: number | null): TextTime | null {
  const ss = sentences(texts);
  const conditional: ConditionalLimit[] = [];
  for (const s of ss) {
    if (!VERIFY_CASE.test(s.folded)) continue;
    const m = ANY_WD.exec(s.folded);
    if (!m) continue;
    const amount = Number(m[1]);
    if (amount > 0 && !conditional.some((c) => c.limit.amount === amount)) {
      conditional.push({ condition: 'Trường hợp cần xác minh', limit: { amount, unit: 'working_days' } });
    }
  }
  for (const s of ss) {
    if (SAME_DAY_AFTER_15.test(s.folded) || SAME_DAY.test(s.folded)) {
      if (cellAmount !== null && cellAmount > 1) continue; // "3" with a same-day sentence: a sub-step, not the limit
      return { limit: { amount: 0, unit: 'same_day' }, quote: s.text, conditional };
    }
  }
  if (cellAmount !== null) {
    for (const s of ss) {
      if (VERIFY_CASE.test(s.folded)) continue;
      const m = WORKING_DAYS.exec(s.folded);
      if (m && Number(m[1]) === cellAmount) return { limit: { amount: cellAmount, unit: 'working_days' }, quote: s.text, conditional };
    }
  }
  return null;
}

/**
 * The case a channel row is for, when its description names a verification case (1.010041 xác nhận thông tin
 * về cư trú: "01 ngày làm việc" when the data is in the population database, a second row "03 ngày làm việc
 * với trường hợp cần xác minh"): such a row is a conditional limit, not a stage to add. null: not conditional.
 */
export function conditionOf(description: string): string | null {
  if (!description || !CANDIDATE.test(nfc(description))) return null;
  return VERIFY_CASE.test(foldVietnamese(description)) ? 'Trường hợp cần xác minh' : null;
}

/**
 * The limit a dossier is received under: the channel's limit, or the conditional limit number `caseIndex`
 * (0-based into `conditionalLimits`) when the desk records that case at intake. Unknown index → RangeError.
 */
export function channelLimit(spec: Pick<ChannelSpec, 'limit' | 'conditionalLimits'>, caseIndex: number | null = null): TimeLimit | null {
  if (caseIndex === null) return spec.limit;
  const c = spec.conditionalLimits?.[caseIndex];
  if (!c) throw new RangeError(`no conditional limit #${caseIndex}`);
  return c.limit;
}

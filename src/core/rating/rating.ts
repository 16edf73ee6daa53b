/**
 * The applicant's rating of a dossier (đánh giá mức độ hài lòng), the ONE rule every channel uses: the rating
 * page opened from the slip's link/QR (`link`), the desk tablet (`kiosk`) and the citizen account (`account`).
 *
 * A dossier can be rated once, when its result is ready or has been returned (a refusal that was returned counts:
 * the applicant received an answer), and — if the policy in force has one — within a window after the result.
 * Windows are dated data: a province that sets one adds a policy with its `validFrom`. Pure: no I/O, no clock.
 */

export const RATING_VALUES = ['satisfied', 'neutral', 'dissatisfied'] as const;
export type RatingValue = (typeof RATING_VALUES)[number];

export const RATING_CHANNELS = ['link', 'kiosk', 'account'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

export const RATING_LABELS: Readonly<Record<RatingValue, { vi: string; en: string; face: string }>> = {
  satisfied: { vi: 'Hài lòng', en: 'Satisfied', face: '😊' },
  neutral: { vi: 'Bình thường', en: 'Neutral', face: '😐' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied', face: '☹️' },
};

export const RATING_CHANNEL_LABELS: Readonly<Record<RatingChannel, { vi: string; en: string }>> = {
  link: { vi: 'Qua đường dẫn/mã QR trên phiếu', en: 'By the link/QR code on the slip' },
  kiosk: { vi: 'Tại máy đánh giá ở quầy', en: 'At the desk kiosk' },
  account: { vi: 'Qua tài khoản dịch vụ công', en: 'Through the citizen account' },
};

/** Reasons offered when the applicant is dissatisfied (free text is also accepted). */
export const DISSATISFIED_REASONS: readonly { vi: string; en: string }[] = [
  { vi: 'Trả kết quả trễ hẹn', en: 'The result came late' },
  { vi: 'Phải bổ sung hồ sơ nhiều lần', en: 'Asked to complete the dossier several times' },
  { vi: 'Hướng dẫn chưa rõ ràng', en: 'Unclear guidance' },
  { vi: 'Thái độ phục vụ chưa tốt', en: 'Poor attitude of the staff' },
  { vi: 'Phải đi lại nhiều lần', en: 'Had to come back several times' },
  { vi: 'Thu phí không đúng quy định', en: 'Fees not as published' },
];

/** States in which the result (or the answer) is there for the applicant: the only states a rating is taken in. */
export const RATABLE_STATES: ReadonlySet<string> = new Set(['result_ready', 'returned']);

export interface RatingPolicy {
  id: string;
  /** First day (Vietnam local date, YYYY-MM-DD) the policy applies to results issued on or after it. */
  validFrom: string;
  /** Days after the result is ready during which a rating is taken; null = no time limit. */
  windowDays: number | null;
  source: string;
}

/**
 * No national text limits when a dossier may be rated; the 2018 circular only asks that every applicant can rate.
 * A province that sets a window adds a dated policy here (or passes its own list).
 */
export const RATING_POLICIES: readonly RatingPolicy[] = [
  { id: 'rating-2018', validFrom: '2018-01-01', windowDays: null, source: 'Thông tư 01/2018/TT-VPCP (đánh giá việc giải quyết thủ tục hành chính): không giới hạn thời gian đánh giá' },
];

const VN_OFFSET_MS = 7 * 3600_000;
const localDate = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

export function ratingPolicyFor(resultAt: Date, policies: readonly RatingPolicy[] = RATING_POLICIES): RatingPolicy {
  const day = localDate(resultAt);
  const sorted = [...policies].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  let p = sorted[0]!;
  for (const x of sorted) if (x.validFrom <= day) p = x;
  return p;
}

export interface RatingSubject {
  state: string;
  /** When the result was ready (finish time), or null. */
  finishedAt: Date | null;
  /** When the result was handed over, or null. */
  returnedAt: Date | null;
  /** The dossier already has a rating (from any channel). */
  alreadyRated: boolean;
}

export type RatingDecision =
  | { ok: true; policy: RatingPolicy; closesAt: Date | null }
  | { ok: false; code: 'RATING_NOT_ALLOWED' | 'ALREADY_RATED' | 'RATING_WINDOW_CLOSED'; closesAt?: Date | null };

/** Whether the dossier can be rated now — the one decision used by every channel. */
export function ratingDecision(s: RatingSubject, now: Date, policies: readonly RatingPolicy[] = RATING_POLICIES): RatingDecision {
  if (s.alreadyRated) return { ok: false, code: 'ALREADY_RATED' };
  if (!RATABLE_STATES.has(s.state)) return { ok: false, code: 'RATING_NOT_ALLOWED' };
  const resultAt = s.finishedAt ?? s.returnedAt ?? now;
  const policy = ratingPolicyFor(resultAt, policies);
  const closesAt = policy.windowDays === null ? null : new Date(resultAt.getTime() + policy.windowDays * 86_400_000);
  if (closesAt && now.getTime() >= closesAt.getTime()) return { ok: false, code: 'RATING_WINDOW_CLOSED', closesAt };
  return { ok: true, policy, closesAt };
}

/** A dissatisfied rating — from any channel — opens a follow-up item for the unit. */
export function opensFollowUp(rating: RatingValue): boolean {
  return rating === 'dissatisfied';
}

/** The follow-up summary shown to the unit. */
export function followUpSummary(code: string | null, reasons: readonly string[], channel: RatingChannel): string {
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
  return `Người nộp không hài lòng với hồ sơ ${code ?? ''} (${RATING_CHANNEL_LABELS[channel].vi.toLowerCase()})${why}`.replace(/\s+/g, ' ').trim();
}

/**
 * The second factor that opens a dossier to the public (tracking page and rating page): the tracking secret
 * printed on the receipt, or the applicant's phone number. Compare in constant time with `safeEqual`.
 */
export function secondFactorMatches(factor: string, d: { trackingSecret: string; phone: string | null | undefined }, safeEqual: (a: string, b: string) => boolean): boolean {
  const given = factor.trim();
  if (given.length === 0) return false;
  if (safeEqual(given.toUpperCase(), d.trackingSecret.toUpperCase())) return true;
  const phone = (d.phone ?? '').replace(/\D/g, '');
  const digits = given.replace(/\D/g, '');
  return phone.length >= 8 && digits.length >= 8 && safeEqual(digits, phone);
}

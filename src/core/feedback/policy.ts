/**
 * Feedback (phản ánh, kiến nghị) time limits as dated, versioned data, like the calendar and one-stop policies.
 * Every limit is in working days counted with the stored work calendar (core/calendar computeDueAt, unit
 * working_days) from the moment the agency receives (logs) the feedback; the publish limit counts from the answer.
 * The figures are those the national service index (Decision 766/QĐ-TTg, PETITION_* indicators) measures.
 */
import type { LocalDate } from '../calendar/index.ts';

export interface FeedbackPolicy {
  id: string;
  validFrom: LocalDate;
  validTo: LocalDate | null;
  legalBasis: string;
  /** Working days, each counted from the receipt except `publish` (from the answer). */
  limits: {
    /** Handle and answer. */
    handle: number;
    /** Refuse (classify as not accepted). */
    reject: number;
    /** Ask the petitioner for more information. */
    requestInfo: number;
    /** Forward feedback outside the agency's competence to the competent agency. */
    forward: number;
    /** Publish the answer, counted from the answer. */
    publish: number;
  };
}

export const FEEDBACK_POLICIES: readonly FeedbackPolicy[] = [
  {
    id: 'feedback-766-2022',
    validFrom: '2022-06-23',
    validTo: null,
    legalBasis: 'Nghị định 20/2008/NĐ-CP (tiếp nhận, xử lý phản ánh, kiến nghị); Quyết định 766/QĐ-TTg ngày 23/6/2022 (Bộ chỉ số phục vụ người dân, doanh nghiệp)',
    limits: { handle: 15, reject: 2, requestInfo: 5, forward: 5, publish: 2 },
  },
];

/** The policy in force on a local date (the receipt date pins it to the feedback). */
export function feedbackPolicyFor(localDate: LocalDate, policies: readonly FeedbackPolicy[] = FEEDBACK_POLICIES): FeedbackPolicy {
  const p = policies.find((x) => x.validFrom <= localDate && (x.validTo === null || localDate <= x.validTo));
  return p ?? policies[0]!;
}

export function feedbackPolicyById(id: string, policies: readonly FeedbackPolicy[] = FEEDBACK_POLICIES): FeedbackPolicy | null {
  return policies.find((p) => p.id === id) ?? null;
}

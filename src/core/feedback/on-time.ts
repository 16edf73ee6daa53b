/**
 * When feedback counts as handled on time — the one predicate of the service index's PETITION_PROCESSING_ON_TIME
 * and PETITION_HANDLING_SATISFACTION, the staff dashboard and the public figures alike (the SQL twin is
 * feedback.repository.ts feedbackOnTimeSql, tested against this function).
 *
 * Judged at an instant (the end of the period's judging day):
 * - answered: on time when answered by the handling deadline;
 * - refused at classification (not accepted): on time (the refusal has its own short limit, recorded in history);
 * - still unanswered: on time while the deadline has not passed at the judging instant.
 * Feedback with no handling deadline (never received with a policy — legacy or imported rows) has nothing to be
 * late against: it is on time, answered or not.
 */
export interface FeedbackTiming {
  status: string;
  answeredAt: Date | null;
  handleDueAt: Date | null;
}

export function feedbackOnTime(f: FeedbackTiming, judgeAt: Date): boolean {
  if (f.handleDueAt === null) return true;
  if (f.answeredAt !== null) return f.answeredAt.getTime() <= f.handleDueAt.getTime();
  if (f.status === 'not_accepted') return true;
  return f.handleDueAt.getTime() >= judgeAt.getTime();
}

/** Satisfied with the handling: on time and not rated dissatisfied. */
export function feedbackSatisfied(f: FeedbackTiming & { rating: string | null }, judgeAt: Date): boolean {
  return feedbackOnTime(f, judgeAt) && f.rating !== 'dissatisfied';
}

import { computeDueAt, type WorkCalendar } from '../calendar/index.ts';
import type { FeedbackPolicy } from './policy.ts';

export interface FeedbackDeadlines {
  /** Answer due (handling limit). */
  handle: Date;
  /** Last moment to refuse (not accepted). */
  reject: Date;
  /** Last moment to ask for more information. */
  requestInfo: Date;
  /** Last moment to forward feedback outside the agency's competence. */
  forward: Date;
}

/** Deadlines fixed at receipt (each limit in working days from the receipt, deemed-receipt rules apply). */
export function deadlinesAtReceipt(receivedAt: Date, policy: FeedbackPolicy, cal: WorkCalendar): FeedbackDeadlines {
  const wd = (amount: number) => computeDueAt(receivedAt, { amount, unit: 'working_days' }, cal);
  return { handle: wd(policy.limits.handle), reject: wd(policy.limits.reject), requestInfo: wd(policy.limits.requestInfo), forward: wd(policy.limits.forward) };
}

/** The publication deadline, counted from the answer. */
export function publishDeadline(answeredAt: Date, policy: FeedbackPolicy, cal: WorkCalendar): Date {
  return computeDueAt(answeredAt, { amount: policy.limits.publish, unit: 'working_days' }, cal);
}

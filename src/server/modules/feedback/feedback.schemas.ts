import { z } from 'zod';
import { CLASSIFICATIONS, FEEDBACK_ACTIONS, FEEDBACK_STATES, FEEDBACK_SUBJECTS } from '../../../core/feedback/index.ts';
import { IsoDate } from '../../platform/http/schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const SubmitFeedbackBody = z.object({
  agencyId: z.string().uuid(),
  subject: z.enum(FEEDBACK_SUBJECTS),
  procedureCode: z.string().trim().min(1).max(50).optional(),
  dossierCode: z.string().trim().min(1).max(60).optional(),
  title: text(300),
  content: text(10_000),
  contact: z.object({
    fullName: text(200),
    phone: z.string().trim().min(8).max(20).regex(/^[+\d][\d .-]+$/).optional(),
    email: z.string().trim().email().max(200).optional(),
  }),
});

export const FeedbackRatingBody = z.object({
  rating: z.enum(['satisfied', 'neutral', 'dissatisfied']),
  comment: z.string().trim().max(2000).optional(),
});

export const FeedbackActionBody = z.object({
  action: z.enum(FEEDBACK_ACTIONS),
  version: z.number().int().min(1),
  input: z
    .object({
      classification: z.enum(CLASSIFICATIONS).optional(),
      reason: z.string().trim().max(2000).optional(),
      targetAgencyId: z.string().uuid().optional(),
      note: z.string().trim().max(4000).optional(),
      answer: z.string().trim().max(20_000).optional(),
    })
    .default({}),
});

const Timeline = z.array(z.object({ at: z.string(), action: z.string(), label: z.string(), state: z.string(), stateLabel: z.string() }));

export const PublicFeedbackOut = z.object({
  reference: z.string(),
  agencyName: z.string(),
  subject: z.enum(FEEDBACK_SUBJECTS),
  title: z.string(),
  content: z.string(),
  status: z.enum(FEEDBACK_STATES),
  statusLabel: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  answerDueAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  notAcceptedReason: z.string().nullable(),
  rating: z.object({ rating: z.string(), comment: z.string().nullable(), at: z.string() }).nullable(),
  canRate: z.boolean(),
  timeline: Timeline,
});

export const PublishedFeedbackOut = z.object({
  reference: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  subject: z.enum(FEEDBACK_SUBJECTS),
  procedureCode: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  answer: z.string(),
  receivedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishedAt: z.string(),
});

export const StaffFeedbackOut = z.object({
  id: z.string(),
  reference: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  originAgencyId: z.string(),
  subject: z.enum(FEEDBACK_SUBJECTS),
  procedureCode: z.string().nullable(),
  dossierCode: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  contact: z.object({ fullName: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  citizenId: z.string().nullable(),
  status: z.enum(FEEDBACK_STATES),
  statusLabel: z.string(),
  version: z.number(),
  policyId: z.string().nullable(),
  classification: z.string().nullable(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  deadlines: z.object({ handle: z.string(), reject: z.string(), requestInfo: z.string(), forward: z.string() }).nullable(),
  dueAt: z.string().nullable().describe('Deadline of the current step: the answer, then the publication'),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishDueAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  rating: z.object({ rating: z.string(), comment: z.string().nullable(), at: z.string() }).nullable(),
  allowedActions: z.array(z.enum(FEEDBACK_ACTIONS)),
});

export const FeedbackHistoryOut = z.object({
  seq: z.number(),
  action: z.string(),
  label: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  agencyId: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const StatsQuery = z.object({
  agencyId: z.string().uuid(),
  period: z.enum(['month', 'year']).default('month'),
  date: IsoDate.optional(),
});

const rate = z.number().nullable();
export const StatsOut = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  period: z.enum(['month', 'year']),
  from: z.string(),
  to: z.string(),
  received: z.number(),
  finished: z.number(),
  onTime: z.number(),
  onTimeRate: rate,
  online: z.number(),
  onlineRate: rate,
  ratings: z.object({ satisfied: z.number(), neutral: z.number(), dissatisfied: z.number() }),
  satisfactionRate: rate,
  feedback: z.object({ received: z.number(), answered: z.number(), onTime: z.number() }),
});

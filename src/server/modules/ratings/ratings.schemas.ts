import { z } from 'zod';
import { RATING_CHANNELS, RATING_VALUES } from '../../../core/rating/index.ts';

/** The rating itself, the same in every channel. */
export const RatingFields = z.object({
  rating: z.enum(RATING_VALUES),
  reasons: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  comment: z.string().trim().max(2000).optional(),
});

export const PublicRatingBody = RatingFields.extend({
  secondFactor: z.string().trim().min(4).max(40).describe('The tracking secret printed on the receipt, or the applicant’s phone number (as on the tracking page)'),
});

export const KioskRatingBody = RatingFields.extend({ dossierId: z.string().uuid() });

export const RatingOut = z.object({
  rating: z.enum(RATING_VALUES),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  channel: z.enum(RATING_CHANNELS),
  at: z.string(),
  followUpId: z.string().uuid().nullable(),
});

export const PublicRatingView = z.object({
  code: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  canRate: z.boolean(),
  reason: z.enum(['RATING_NOT_ALLOWED', 'ALREADY_RATED', 'RATING_WINDOW_CLOSED']).nullable().describe('Why the dossier cannot be rated now'),
  rating: z.object({ rating: z.string(), reasons: z.array(z.string()), comment: z.string().nullable(), channel: z.string(), at: z.string() }).nullable(),
  followUp: z.object({ status: z.string(), answer: z.string().nullable(), answeredAt: z.string().nullable() }).nullable().describe('The unit’s handling of a dissatisfied rating, with its answer once closed'),
});

export const KioskCurrentOut = z.object({
  dossier: z.object({ id: z.string().uuid(), code: z.string(), procedureName: z.string(), applicantName: z.string(), returnedAt: z.string() }).nullable(),
});

export const FollowUpOut = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  status: z.string(),
  summary: z.string(),
  dossierId: z.string().uuid(),
  dossierCode: z.string().nullable(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  rating: z.object({ rating: z.string(), reasons: z.array(z.string()), comment: z.string().nullable(), channel: z.string() }).nullable(),
  answer: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

export const CloseFollowUpBody = z.object({
  version: z.number().int().min(1),
  answer: z.string().trim().min(10).max(4000).describe('The answer to the applicant (shown on the tracking and rating pages, sent by e-mail/SMS)'),
});

/** Tables owned by `feedback` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

/**
 * Feedback from citizens about procedures, rules or officers. `agency_id` is the agency that holds it now
 * (changes when forwarded outside competence); `origin_agency_id` the one it was sent to. Deadlines are fixed
 * at receipt from the stored calendar and the feedback policy in force (core/feedback); `due_at` is the
 * deadline of the current step (answer, then publication). The `public_*` texts are the masked copies shown
 * on the public list once published.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    reference: text('reference').notNull(),
    trackingSecret: text('tracking_secret').notNull(),
    agencyId: uuid('agency_id').notNull(),
    originAgencyId: uuid('origin_agency_id').notNull(),
    subject: text('subject').notNull(), // procedure | rule | officer | other
    procedureCode: text('procedure_code'),
    dossierCode: text('dossier_code'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    contact: jsonb('contact').notNull(), // {fullName, phone?, email?}
    citizenId: uuid('citizen_id'),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    policyId: text('policy_id'),
    classification: text('classification'),
    submittedAt: ts('submitted_at').notNull(),
    receivedAt: ts('received_at'),
    handleDueAt: ts('handle_due_at'),
    dueAt: ts('due_at'),
    deadlines: jsonb('deadlines'), // {handle, reject, requestInfo, forward} ISO instants
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    publishDueAt: ts('publish_due_at'),
    publishedAt: ts('published_at'),
    publicTitle: text('public_title'),
    publicContent: text('public_content'),
    publicAnswer: text('public_answer'),
    rating: text('rating'), // satisfied | neutral | dissatisfied
    ratingComment: text('rating_comment'),
    ratedAt: ts('rated_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('feedback_reference_uq').on(t.reference),
    index('feedback_agency_created_idx').on(t.agencyId, t.createdAt, t.id),
    index('feedback_agency_status_due_idx').on(t.agencyId, t.status, t.dueAt, t.id),
    index('feedback_agency_received_idx').on(t.agencyId, t.receivedAt),
    index('feedback_published_idx').on(t.publishedAt, t.id), // the public list: published answers, newest first
    index('feedback_dossier_code_idx').on(t.dossierCode), // complaints about a dossier (service index)
  ],
);

/** The feedback's append-only history (one row per action); UPDATE and DELETE are refused by a trigger. */
export const feedbackHistory = pgTable(
  'feedback_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    feedbackId: uuid('feedback_id').notNull(),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    agencyId: uuid('agency_id'),
    at: ts('at').notNull(),
    note: text('note'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [uniqueIndex('feedback_history_feedback_seq_uq').on(t.feedbackId, t.seq), index('feedback_history_agency_idx').on(t.agencyId)],
);

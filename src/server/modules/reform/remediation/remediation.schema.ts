/**
 * Tables of remediation tasks (nhiệm vụ khắc phục), owned by reform/remediation (re-exported by platform/db/schema.ts).
 * A task comes from a recommendation of an inspection's conclusion notice or from a lost point of the PAR index;
 * `remediation_history` is append-only (trigger): create, report, accept, return and deadline changes are entries
 * (who, when, from, to, comment). The task's status is derived from its history (the column is a cache written in
 * the same transaction as the entry, checked by the version).
 */
import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../../platform/db/columns.ts';

export const remediationTasks = pgTable(
  'remediation_tasks',
  {
    id: id(),
    ownerAgencyId: uuid('owner_agency_id').notNull(),
    content: text('content').notNull(),
    /** LocalDate (the whole day counts). */
    deadline: text('deadline').notNull(),
    /** The dated rule that set a default deadline (null when the deadline was given). */
    deadlineRuleId: text('deadline_rule_id'),
    /** LocalDate of the conclusion notice or of the PAR publication. */
    noticeDate: text('notice_date').notNull(),
    /** open | reported | accepted | returned (derived from history; see remediationTransition). */
    status: text('status').notNull(),
    /** inspection | par */
    sourceKind: text('source_kind').notNull(),
    /** inspection: the visit id; par: the round id. */
    sourceRef: text('source_ref').notNull(),
    /** inspection: the recommendation id; par: the criterion code. */
    sourceItem: text('source_item').notNull(),
    /** Who accepts or returns; null = the reform officers of the standing body. */
    leaderUserId: uuid('leader_user_id'),
    /** Whether the unit has ever reported on it (for "units without a remediation report"). */
    everReported: integer('ever_reported').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // Idempotent on source: one task per (inspection, recommendation) and per (round, criterion, unit).
    uniqueIndex('remediation_tasks_source_uq').on(t.sourceKind, t.sourceRef, t.sourceItem, t.ownerAgencyId),
    index('remediation_tasks_owner_idx').on(t.ownerAgencyId, t.deadline, t.id),
    index('remediation_tasks_list_idx').on(t.deadline, t.id),
  ],
);

/** Reports and evidence files of a task (files via the file store, by sha256). */
export const remediationEvidence = pgTable(
  'remediation_evidence',
  {
    id: id(),
    taskId: uuid('task_id').notNull(),
    /** The history entry (report) the file was sent with. */
    historyId: integer('history_id').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name').notNull(),
    addedBy: uuid('added_by'),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [index('remediation_evidence_task_idx').on(t.taskId)],
);

/** Append-only (trigger refuses UPDATE, DELETE, TRUNCATE). */
export const remediationHistory = pgTable(
  'remediation_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: uuid('task_id').notNull(),
    actorId: uuid('actor_id'),
    /** create | report | accept | return | deadline */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** The unit's report text, or the leader's comment. */
    body: text('body'),
    data: jsonb('data'),
    at: ts('at').notNull(),
  },
  (t) => [index('remediation_history_task_idx').on(t.taskId, t.id)],
);

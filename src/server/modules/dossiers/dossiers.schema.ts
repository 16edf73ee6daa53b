/** Tables owned by `dossiers` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

export const dossiers = pgTable(
  'dossiers',
  {
    id: id(),
    code: text('code'), // national code, issued on receipt
    procedureId: uuid('procedure_id').notNull(),
    publicationId: uuid('publication_id').notNull(),
    workflowId: uuid('workflow_id'),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    handlingAgencyId: uuid('handling_agency_id').notNull(),
    channel: text('channel').notNull(), // desk | online | postal
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    applicant: jsonb('applicant').notNull(), // {fullName, idNumber, phone, email, address, ...}
    applicantIdNumber: text('applicant_id_number'),
    applicantNameFolded: text('applicant_name_folded').notNull(),
    citizenId: uuid('citizen_id'),
    limit: jsonb('limit'), // {amount, unit} pinned at receipt
    onestopPolicy: text('onestop_policy').notNull(), // one-stop rule version in force at receipt
    submittedAt: ts('submitted_at'),
    receivedAt: ts('received_at'),
    clockStartedAt: ts('clock_started_at'),
    dueAt: ts('due_at'),
    originalDueAt: ts('original_due_at'),
    finishedAt: ts('finished_at'),
    returnedAt: ts('returned_at'),
    assigneeId: uuid('assignee_id'),
    apologiesSent: integer('apologies_sent').notNull().default(0),
    supplementRequests: integer('supplement_requests').notNull().default(0),
    hasElectronicResult: boolean('has_electronic_result').notNull().default(false),
    paperResult: boolean('paper_result').notNull().default(false),
    resultMethod: text('result_method'), // desk | online | postal: how the applicant wants the result
    feeTotal: bigint('fee_total', { mode: 'number' }).notNull().default(0),
    paidTotal: bigint('paid_total', { mode: 'number' }).notNull().default(0),
    eidAuthenticated: boolean('eid_authenticated').notNull().default(false),
    trackingSecret: text('tracking_secret').notNull(),
    syncedAt: ts('synced_at'),
    createdBy: uuid('created_by'),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    uniqueIndex('dossiers_idempotency_uq').on(t.createdBy, t.idempotencyKey),
    index('dossiers_handling_state_due_idx').on(t.handlingAgencyId, t.state, t.dueAt, t.id),
    index('dossiers_handling_state_submitted_idx').on(t.handlingAgencyId, t.state, t.submittedAt, t.id),
    index('dossiers_assignee_idx').on(t.assigneeId, t.dueAt, t.id),
    index('dossiers_applicant_id_idx').on(t.applicantIdNumber),
    index('dossiers_applicant_name_idx').on(t.applicantNameFolded.op('text_pattern_ops')),
    index('dossiers_procedure_received_idx').on(t.procedureId, t.receivedAt),
    index('dossiers_citizen_idx').on(t.citizenId, t.createdAt),
    // Public statistics per receiving agency and period (modules/feedback stats).
    index('dossiers_receiving_received_idx').on(t.receivingAgencyId, t.receivedAt),
  ],
);

/**
 * Access rows: every agency that has held the dossier (receiving, forwarded-to, transfer targets).
 * Lists are served from here with keyset pagination on (agency_id, sort_at, dossier_id).
 */
export const dossierAccess = pgTable(
  'dossier_access',
  {
    agencyId: uuid('agency_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    sortAt: ts('sort_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.dossierId] }),
    index('dossier_access_list_idx').on(t.agencyId, t.sortAt, t.dossierId),
    index('dossier_access_dossier_idx').on(t.dossierId),
  ],
);

/** The append-only history: the process-control slip. UPDATE and DELETE are refused by a trigger. */
export const dossierHistory = pgTable(
  'dossier_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id').notNull(),
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
    attachments: text('attachments').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('dossier_history_dossier_seq_uq').on(t.dossierId, t.seq), index('dossier_history_at_idx').on(t.at)],
);

/** Documents per dossier component, with the flags the service index needs. */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull(),
    kind: text('kind').notNull(), // input | supplement | result | slip | other
    componentCode: text('component_code'),
    componentName: text('component_name'),
    fileSha256: text('file_sha256'),
    fileName: text('file_name'),
    mime: text('mime'),
    size: integer('size'),
    digitised: boolean('digitised').notNull().default(false),
    reused: boolean('reused').notNull().default(false),
    fromCitizenStore: boolean('from_citizen_store').notNull().default(false),
    electronicResult: boolean('electronic_result').notNull().default(false),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [index('dossier_documents_dossier_idx').on(t.dossierId)],
);

export const dossierFees = pgTable(
  'dossier_fees',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull(),
    kind: text('kind').notNull(), // fee | charge
    description: text('description').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
  },
  (t) => [index('dossier_fees_dossier_idx').on(t.dossierId)],
);

/** Running numbers for dossier codes: one row per agency and receipt day; bumped atomically. */
export const dossierCodeCounters = pgTable(
  'dossier_code_counters',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

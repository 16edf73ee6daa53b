/**
 * The one database schema, shared by PGlite (embedded) and PostgreSQL. Migrations in ./migrations are
 * generated from this file with `npm run db:generate` (drizzle-kit) plus hand-written SQL for triggers.
 *
 * Scale notes (10 M dossiers, 80 M history rows a year): every request path has an index below; lists use
 * keyset pagination on (sort key, id); history is append-only (trigger in migration 0001) and keyed by
 * (dossier_id, seq).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigint,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().defaultRandom();

// ---------------------------------------------------------------- administrative units and agencies

/** Administrative units (province, commune, legacy pre-2025 units) with validity dates. */
export const units = pgTable(
  'units',
  {
    id: id(),
    key: text('key').notNull(), // stable identity: codes are reused across the 2025 merger
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull().default(''), // core/text foldVietnamese(name): accent-insensitive search
    level: text('level').notNull(), // province | commune | legacy_province | legacy_commune | legacy_district
    kind: text('kind'),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from'), // null: start not recorded in the source (pre-2025 units)
    validTo: date('valid_to'),
  },
  (t) => [
    uniqueIndex('units_key_uq').on(t.key),
    index('units_parent_idx').on(t.parentId, t.name),
    index('units_code_idx').on(t.code),
  ],
);

/** What each unit was merged from (the 2025 reorganisation, and any later one). */
export const unitMerges = pgTable(
  'unit_merges',
  {
    fromUnitId: uuid('from_unit_id').notNull(),
    toUnitId: uuid('to_unit_id').notNull(),
    whole: boolean('whole').notNull(),
    effectiveFrom: date('effective_from').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromUnitId, t.toUnitId] }), index('unit_merges_to_idx').on(t.toUnitId)],
);

/**
 * Agencies: the offices that receive and handle dossiers (a commune People's Committee, a provincial
 * department, a division inside it). `path` is the materialised ancestor path ("/<id>/<id>/") used for
 * access scoping: a staff member assigned to an agency sees that agency's subtree.
 */
export const agencies = pgTable(
  'agencies',
  {
    id: id(),
    code: text('code').notNull(), // national e-government code, e.g. 000.00.12.H56
    name: text('name').notNull(),
    kind: text('kind').notNull(), // people_committee | department | division | other
    unitId: uuid('unit_id'),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    level: text('level').notNull(), // province | commune
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_code_uq').on(t.code),
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_path_idx').on(t.path),
  ],
);

// ---------------------------------------------------------------- staff, roles, sessions

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    userId: uuid('user_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.agencyId, t.role] }), index('role_assignments_agency_idx').on(t.agencyId)],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// ---------------------------------------------------------------- catalog

/** Procedure catalog entries: structured national records and text-only public-page entries. */
export const procedures = pgTable(
  'procedures',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    source: text('source').notNull(), // national_record | public_index
    structured: boolean('structured').notNull(),
    fieldName: text('field_name'),
    levels: text('levels').array().notNull(),
    onlineLevel: text('online_level').notNull(),
    ministry: text('ministry'),
    record: jsonb('record').notNull(), // core/catalog ProcedureRecord
    version: integer('version').notNull().default(1),
    importedAt: ts('imported_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('procedures_code_uq').on(t.code),
    index('procedures_name_folded_idx').on(t.nameFolded.op('text_pattern_ops')),
    index('procedures_field_idx').on(t.fieldName, t.code),
  ],
);

/** An agency publishes (handles) a procedure; the workflow in force is the latest version row. */
export const publications = pgTable(
  'publications',
  {
    id: id(),
    agencyId: uuid('agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    active: boolean('active').notNull().default(true),
    decisionNo: text('decision_no'),
    publishedAt: ts('published_at').notNull().defaultNow(),
    publishedBy: uuid('published_by'),
    currentWorkflowId: uuid('current_workflow_id'),
  },
  (t) => [
    uniqueIndex('publications_agency_procedure_uq').on(t.agencyId, t.procedureId),
    index('publications_procedure_idx').on(t.procedureId),
  ],
);

/** Internal workflow versions (never updated: a change is a new version). */
export const workflows = pgTable(
  'workflows',
  {
    id: id(),
    publicationId: uuid('publication_id').notNull(),
    version: integer('version').notNull(),
    channel: text('channel').notNull(), // the channel whose legal limit it fits (the strictest)
    legalLimit: jsonb('legal_limit'), // {amount, unit} | null
    steps: jsonb('steps').notNull(), // core/catalog WorkflowStep[]
    agencyOrder: text('agency_order').notNull().default('sequential'), // sequential | parallel (inter-agency)
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workflows_publication_version_uq').on(t.publicationId, t.version)],
);

// ---------------------------------------------------------------- calendar

/** Versioned calendar policies (holiday rules, office hours, counting settings) as data. */
export const calendarPolicies = pgTable('calendar_policies', {
  id: text('id').primaryKey(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  body: jsonb('body').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Official per-year notices: extra days off and make-up working Saturdays. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: id(),
    date: date('date').notNull(),
    kind: text('kind').notNull(), // day_off | working_day
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_overrides_date_uq').on(t.date)],
);

// ---------------------------------------------------------------- dossiers

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
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
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

/** Stored files, addressed by SHA-256 of their content. */
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

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
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
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

export const payments = pgTable(
  'payments',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    method: text('method').notNull(), // cash | transfer | online | postal
    paidAt: ts('paid_at').notNull(),
    reference: text('reference'),
    recordedBy: uuid('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('payments_dossier_idx').on(t.dossierId)],
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

// ---------------------------------------------------------------- cross-cutting

/** Audit of administrative changes outside dossiers (publication, workflow, calendar, staff). Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/** Outbox: messages (notifications, national-portal sync) written in the same transaction as the change. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.processedAt, t.id)],
);

// ---------------------------------------------------------------- citizens (issue 4)

/**
 * Citizens who sign in on the portal. `contact` is the normalised e-mail or phone the identity provider
 * verified (the one-time-code provider today; a national e-ID / OpenID Connect provider later).
 */
export const citizens = pgTable(
  'citizens',
  {
    id: id(),
    contact: text('contact').notNull(),
    fullName: text('full_name').notNull().default(''),
    idNumber: text('id_number'),
    eidVerified: boolean('eid_verified').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('citizens_contact_uq').on(t.contact)],
);

/** Links a citizen to an external identity (provider + subject), so an e-ID provider can plug in later. */
export const citizenIdentities = pgTable(
  'citizen_identities',
  {
    provider: text('provider').notNull(), // otp | vneid | …
    subject: text('subject').notNull(),
    citizenId: uuid('citizen_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('citizen_identities_citizen_idx').on(t.citizenId)],
);

/** One-time sign-in codes: stored hashed, expire, limited attempts. */
export const citizenOtps = pgTable(
  'citizen_otps',
  {
    id: id(),
    contact: text('contact').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: ts('consumed_at'),
  },
  (t) => [index('citizen_otps_contact_idx').on(t.contact, t.createdAt)],
);

export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    citizenId: uuid('citizen_id').notNull(),
    provider: text('provider').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('citizen_sessions_citizen_idx').on(t.citizenId)],
);

/** Files a citizen uploaded (content in `files`): the citizen's own store, offered again for reuse. */
export const citizenFiles = pgTable(
  'citizen_files',
  {
    citizenId: uuid('citizen_id').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.sha256] }), index('citizen_files_recent_idx').on(t.citizenId, t.uploadedAt)],
);

/** The applicant's rating of a dossier: once per dossier, append-only (trigger). */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull(),
    citizenId: uuid('citizen_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    rating: text('rating').notNull(), // satisfied | neutral | dissatisfied
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    comment: text('comment'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('dossier_ratings_dossier_uq').on(t.dossierId), index('dossier_ratings_agency_idx').on(t.agencyId, t.createdAt)],
);

/** Items a unit must follow up (a dissatisfied rating, …). */
export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    agencyId: uuid('agency_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    kind: text('kind').notNull(), // dissatisfied_rating
    sourceId: uuid('source_id'),
    status: text('status').notNull().default('open'), // open | closed
    summary: text('summary').notNull(),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [index('follow_ups_agency_status_idx').on(t.agencyId, t.status, t.createdAt)],
);

// ---------------------------------------------------------------- notifications

/** The demo / test mail catcher: what the notification dispatcher "sent" (e-mail and SMS). */
export const sentMessages = pgTable(
  'sent_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(), // email | sms
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    at: ts('at').notNull(),
  },
  (t) => [index('sent_messages_to_idx').on(t.to, t.id)],
);

// ---------------------------------------------------------------- payments

/** The bank account each agency collects fees into (VietQR: NAPAS BIN + account number). */
export const agencyAccounts = pgTable('agency_accounts', {
  agencyId: uuid('agency_id').primaryKey(),
  bankBin: text('bank_bin').notNull(),
  bankName: text('bank_name').notNull(),
  accountNumber: text('account_number').notNull(),
  accountName: text('account_name').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A payment the citizen started (a VietQR code for the outstanding amount). */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: id(),
    reference: text('reference').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    citizenId: uuid('citizen_id'),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    payload: text('payload').notNull(),
    status: text('status').notNull().default('pending'), // pending | paid
    createdAt: ts('created_at').notNull(),
    paidAt: ts('paid_at'),
  },
  (t) => [uniqueIndex('payment_intents_reference_uq').on(t.reference), index('payment_intents_dossier_idx').on(t.dossierId)],
);

/** Payment-provider notifications, one row per provider transaction (idempotency). */
export const paymentEvents = pgTable(
  'payment_events',
  {
    provider: text('provider').notNull(),
    transactionId: text('transaction_id').notNull(),
    reference: text('reference').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    receivedAt: ts('received_at').notNull(),
    body: jsonb('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.transactionId] })],
);

// ---------------------------------------------------------------- feedback (phản ánh, kiến nghị; issue 4)

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

// ---------------------------------------------------------------- service index (Decision 766; issue 5)

/**
 * One row per dossier: its classification for the service index (core/service-index dossierFacts), rewritten in
 * the transaction of every change to the dossier. It is what the counters were last fed with, and what the
 * drill-down lists read (which dossiers are late, which lack an electronic result…).
 */
export const indexDossierFacts = pgTable(
  'index_dossier_facts',
  {
    dossierId: uuid('dossier_id').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    counted: boolean('counted').notNull(),
    receivedAt: ts('received_at'),
    finishedAt: ts('finished_at'),
    withdrawnAt: ts('withdrawn_at'),
    lateAt: ts('late_at'),
    lateReason: text('late_reason'),
    supplementRequests: integer('supplement_requests').notNull(),
    processingSeconds: bigint('processing_seconds', { mode: 'number' }).notNull(),
    online: boolean('online').notNull(),
    onlineCompliant: boolean('online_compliant').notNull(),
    synced: boolean('synced').notNull(),
    digitised: boolean('digitised').notNull(),
    reused: boolean('reused').notNull(),
    citizenStore: boolean('citizen_store').notNull(),
    eid: boolean('eid').notNull(),
    feeBearing: boolean('fee_bearing').notNull(),
    paidOnline: boolean('paid_online').notNull(),
    electronicResult: boolean('electronic_result').notNull(),
    dissatisfied: boolean('dissatisfied').notNull(),
    rulesVersion: text('rules_version').notNull(),
  },
  (t) => [
    index('index_facts_agency_proc_received_idx').on(t.agencyId, t.procedureId, t.receivedAt),
    index('index_facts_agency_proc_finished_idx').on(t.agencyId, t.procedureId, t.finishedAt),
  ],
);

const counter = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * Additive counters per (agency, procedure, grain, bucket): grain 'd' = one local day, 'm' = the month starting on
 * `bucket`. Receipt counters sit on the receipt day, finish counters on the finish day, and the open/late balances
 * are deltas summed over every bucket up to a period end. Maintained incrementally (modules/monitoring
 * index-maintenance.ts) and rebuildable (`motcua index rebuild`).
 */
export const indexCounts = pgTable(
  'index_counts',
  {
    agencyId: uuid('agency_id').notNull(),
    grain: text('grain').notNull(),
    bucket: date('bucket').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    received: counter('received'),
    online: counter('online'),
    onlineCompliant: counter('online_compliant'),
    synced: counter('synced'),
    digitised: counter('digitised'),
    reused: counter('reused'),
    citizenStore: counter('citizen_store'),
    eid: counter('eid'),
    feeBearing: counter('fee_bearing'),
    paidOnline: counter('paid_online'),
    dissatisfied: counter('dissatisfied'),
    finished: counter('finished'),
    finishedOnTime: counter('finished_on_time'),
    finishedElectronic: counter('finished_electronic'),
    processingSeconds: counter('processing_seconds'),
    openDelta: counter('open_delta'),
    lateOpenDelta: counter('late_open_delta'),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.grain, t.bucket, t.procedureId] })],
);

/** Scoring profiles added by a province (the built-in ones live in core/service-index/profiles.ts). Never updated. */
export const scoringProfiles = pgTable('scoring_profiles', {
  id: text('id').primaryKey(),
  body: jsonb('body').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});

/** Counts the national portal published for a unit and period, imported for reconciliation. Append-only. */
export const indexReconciliations = pgTable(
  'index_reconciliations',
  {
    id: id(),
    agencyId: uuid('agency_id').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    periodKind: text('period_kind').notNull(),
    profileId: text('profile_id').notNull(),
    metrics: jsonb('metrics').notNull(), // MetricCount[]
    source: text('source').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('index_reconciliations_agency_period_idx').on(t.agencyId, t.periodFrom, t.periodTo, t.createdAt)],
);

// ---------------------------------------------------------------- periodic reform reports (issue 5)

/**
 * A unit's periodic reform report (quarter 1, 6 months, 9 months, year): figures drafted from the data at the
 * official cut-off, text sections the unit edits, then submitted (deadline: the 20th of the period's last month).
 */
export const reformReports = pgTable(
  'reform_reports',
  {
    id: id(),
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(), // q1 | half | q3 | year
    status: text('status').notNull(), // draft | submitted
    version: integer('version').notNull().default(1),
    figures: jsonb('figures').notNull(),
    sections: jsonb('sections').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by'),
  },
  (t) => [uniqueIndex('reform_reports_agency_period_uq').on(t.agencyId, t.year, t.kind)],
);

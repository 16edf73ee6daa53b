/**
 * Tables owned by `documents` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations): the
 * document office of Decree 30/2020 — incoming and outgoing documents, their files (every version kept),
 * the append-only history (typed events, core/documents/events.ts), the register counters, work files (hồ sơ
 * công việc), external recipients' packages and the view log of confidential documents.
 */
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';

/**
 * One document, incoming or outgoing, in the agency's register: the current state folded from its history (the
 * columns a queue, a search or a scope check reads) and a `version` for optimistic concurrency (= the last
 * history seq).
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    agencyId: uuid('agency_id').notNull(),
    direction: text('direction').notNull(), // incoming | outgoing
    state: text('state').notNull(),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    urgency: text('urgency').notNull(),
    confidentiality: text('confidentiality').notNull(),
    /** Incoming: the summary (trích yếu); outgoing: the subject. */
    summary: text('summary').notNull(),
    /** core/text foldVietnamese(summary): accent-insensitive search. */
    summaryFolded: text('summary_folded').notNull(),
    /** Incoming: the sender's number and symbol; outgoing: the number issued ("12/UBND-VP"). */
    numberSymbol: text('number_symbol'),
    issuedOn: text('issued_on'),
    registerYear: integer('register_year'),
    registerNo: integer('register_no'),
    senderName: text('sender_name'),
    senderNameFolded: text('sender_name_folded'),
    senderAgencyId: uuid('sender_agency_id'),
    pages: integer('pages'),
    unitSymbol: text('unit_symbol'),
    handlerId: uuid('handler_id'),
    coHandlerIds: jsonb('co_handler_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    readerIds: jsonb('reader_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    directedBy: uuid('directed_by'),
    directedAt: ts('directed_at'),
    dueAt: ts('due_at'),
    finishedAt: ts('finished_at'),
    signedAt: ts('signed_at'),
    sealedAt: ts('sealed_at'),
    /** Incoming: the outgoing document of another motcua agency it came from. */
    sourceDocumentId: uuid('source_document_id'),
    /** Outgoing: the incoming document it answers. */
    inReplyTo: uuid('in_reply_to'),
    /** Outgoing: agencies inside motcua it was sent to. */
    recipientAgencyIds: jsonb('recipient_agency_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    workFileId: uuid('work_file_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // Queues: by agency, direction, state, deadline (read in index order).
    index('documents_queue_idx').on(t.agencyId, t.direction, t.state, t.dueAt, t.id),
    index('documents_handler_idx').on(t.handlerId, t.state, t.dueAt),
    index('documents_agency_created_idx').on(t.agencyId, t.createdAt, t.id),
    // The register: a number is issued once per agency, year and direction.
    uniqueIndex('documents_register_uq').on(t.agencyId, t.direction, t.registerYear, t.registerNo),
    index('documents_number_idx').on(t.numberSymbol),
    index('documents_source_idx').on(t.sourceDocumentId),
    index('documents_work_file_idx').on(t.workFileId),
  ],
);

/** Every file version of a document (registered scan, each draft, signed, sealed); append-only. */
export const documentFiles = pgTable(
  'document_files',
  {
    documentId: uuid('document_id').notNull(),
    versionNo: integer('version_no').notNull(),
    /** original | draft | signed | sealed */
    kind: text('kind').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.versionNo] })],
);

/** The document's append-only history: one row per action, `data` = the typed event; UPDATE/DELETE refused. */
export const documentHistory = pgTable(
  'document_history',
  {
    documentId: uuid('document_id').notNull(),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    agencyId: uuid('agency_id').notNull(),
    at: ts('at').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.seq] }), index('document_history_agency_at_idx').on(t.agencyId, t.at)],
);

/** The register's running number per (agency, year, direction): one atomic upsert per number issued. */
export const documentRegisterCounters = pgTable(
  'document_register_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    direction: text('direction').notNull(),
    lastNo: integer('last_no').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year, t.direction] })],
);

/** Work files (hồ sơ công việc): the documents of one matter, open → closed → archived, with a retention period. */
export const workFiles = pgTable(
  'work_files',
  {
    id: id(),
    agencyId: uuid('agency_id').notNull(),
    /** The file's code in the agency's list of files (e.g. "01.VP"). */
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** Years to keep; null = permanently. */
    retentionYears: integer('retention_years'),
    state: text('state').notNull(), // open | closed | archived
    version: integer('version').notNull(),
    ownerId: uuid('owner_id'),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
    archivedAt: ts('archived_at'),
  },
  (t) => [uniqueIndex('work_files_agency_code_uq').on(t.agencyId, t.code), index('work_files_agency_state_idx').on(t.agencyId, t.state)],
);

/** A package for a recipient outside motcua: the sealed file, downloadable with a secret token (stored hashed). */
export const documentPackages = pgTable(
  'document_packages',
  {
    id: id(),
    documentId: uuid('document_id').notNull(),
    recipientName: text('recipient_name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('document_packages_token_uq').on(t.tokenHash), index('document_packages_document_idx').on(t.documentId)],
);

/** Every view of a confidential document (who, when, what); append-only. */
export const documentViews = pgTable(
  'document_views',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    documentId: uuid('document_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** metadata | file | history */
    what: text('what').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('document_views_document_idx').on(t.documentId, t.at)],
);

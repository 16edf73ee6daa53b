/** Tables owned by `catalog` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { boolean, index, integer, json, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

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
    record: jsonb('record').notNull(), // core/catalog ProcedureRecord (the current version's)
    version: integer('version').notNull().default(1),
    // not_needed (structured national record) | pending (parsed, a low-confidence field unreviewed) |
    // confident (parsed, every field high) | reviewed (a reviewer confirmed the current version)
    reviewState: text('review_state').notNull().default('not_needed'),
    importedAt: ts('imported_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('procedures_code_uq').on(t.code),
    index('procedures_name_folded_idx').on(t.nameFolded.op('text_pattern_ops')),
    index('procedures_field_idx').on(t.fieldName, t.code),
    index('procedures_review_idx').on(t.reviewState, t.code),
  ],
);

/**
 * Every version of a procedure's record, append-only (trigger in 0009_procedure_versions_append_only.sql):
 * an import or a reviewed correction adds a row; `procedures.record` mirrors the latest. Each row holds the
 * whole record, so the source page text (`record.text`) is kept with every version.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: id(),
    procedureId: uuid('procedure_id').notNull(),
    version: integer('version').notNull(),
    // json, not jsonb: written once and read whole; cheaper to insert (the index import writes ~33 MB here)
    record: json('record').notNull(),
    reviewState: text('review_state').notNull(),
    // import_national | import_index | review
    origin: text('origin').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('procedure_versions_uq').on(t.procedureId, t.version)],
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
    publishedAt: ts('published_at').notNull(),
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
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('workflows_publication_version_uq').on(t.publicationId, t.version)],
);

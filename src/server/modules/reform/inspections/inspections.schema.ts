/**
 * Tables of reform inspections (kiểm tra công tác cải cách hành chính), owned by reform/inspections (re-exported by
 * platform/db/schema.ts). Every mutable row has a `version` (optimistic locking). `inspection_item_history` is
 * append-only (trigger): every plan change, visit transition, checklist change (with the client's change id — the
 * replay detection survives restarts), photo and document event is one entry.
 */
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../../platform/db/columns.ts';

/** A yearly plan: the province's (kind 'province', owned by the standing body) or a unit's self-inspection ('self'). */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: id(),
    year: integer('year').notNull(),
    /** province | self */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    ownerAgencyId: uuid('owner_agency_id').notNull(),
    /** A checklist template id of core/reform/inspections (dated data). */
    templateId: text('template_id').notNull(),
    /** draft | approved */
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    approvedBy: uuid('approved_by'),
    approvedAt: ts('approved_at'),
  },
  (t) => [index('inspection_plans_year_idx').on(t.year), index('inspection_plans_owner_idx').on(t.ownerAgencyId)],
);

/** One visit of a plan to one unit. */
export const inspectionPlanVisits = pgTable(
  'inspection_plan_visits',
  {
    id: id(),
    planId: uuid('plan_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    position: integer('position').notNull(),
    /** Local date; null for a surprise visit. */
    scheduledOn: text('scheduled_on'),
    surprise: boolean('surprise').notNull().default(false),
    /** planned | in_progress | done | cancelled */
    status: text('status').notNull(),
    /** The period of the pre-visit figures (local dates, inclusive); null = the 12 months before the visit. */
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    startedAt: ts('started_at'),
    startedBy: uuid('started_by'),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('inspection_plan_visits_uq').on(t.planId, t.agencyId), index('inspection_plan_visits_agency_idx').on(t.agencyId)],
);

/** The team of a plan: a leader and members from several departments. */
export const inspectionTeamMembers = pgTable(
  'inspection_team_members',
  {
    id: id(),
    planId: uuid('plan_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The member's own agency (department). */
    agencyId: uuid('agency_id').notNull(),
    /** leader | member */
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('inspection_team_members_uq').on(t.planId, t.userId), index('inspection_team_members_user_idx').on(t.userId)],
);

/** One checklist item of one visit. */
export const inspectionItems = pgTable(
  'inspection_items',
  {
    id: id(),
    visitId: uuid('visit_id').notNull(),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    /** meets | partly | does_not_meet | not_applicable; null = not answered yet. */
    result: text('result'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at'),
  },
  (t) => [uniqueIndex('inspection_items_uq').on(t.visitId, t.code)],
);

/** Append-only history (trigger refuses UPDATE, DELETE, TRUNCATE). */
export const inspectionItemHistory = pgTable(
  'inspection_item_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: uuid('plan_id').notNull(),
    visitId: uuid('visit_id'),
    itemCode: text('item_code'),
    /** The client's change id of a synced checklist change (replays are recognised by it). */
    clientChangeId: uuid('client_change_id'),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    from: jsonb('from'),
    to: jsonb('to'),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('inspection_item_history_change_uq').on(t.visitId, t.clientChangeId), index('inspection_item_history_visit_idx').on(t.visitId, t.id), index('inspection_item_history_plan_idx').on(t.planId, t.id)],
);

/** Photos taken on site, stored once per client photo id (content in the files store, by hash). */
export const inspectionPhotos = pgTable(
  'inspection_photos',
  {
    id: id(),
    visitId: uuid('visit_id').notNull(),
    clientPhotoId: uuid('client_photo_id').notNull(),
    itemCode: text('item_code').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    takenAt: ts('taken_at'),
    addedBy: uuid('added_by'),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [uniqueIndex('inspection_photos_uq').on(t.visitId, t.clientPhotoId)],
);

/** The minutes (biên bản kiểm tra) and the conclusion notice (thông báo kết luận) of a visit. */
export const inspectionDocuments = pgTable(
  'inspection_documents',
  {
    id: id(),
    visitId: uuid('visit_id').notNull(),
    /** minutes | conclusion */
    kind: text('kind').notNull(),
    /** draft | issued */
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    /** Assigned at issue from the per-year counter. */
    number: integer('number'),
    symbol: text('symbol'),
    body: jsonb('body').notNull(),
    pdfSha256: text('pdf_sha256'),
    issuedAt: ts('issued_at'),
    issuedBy: uuid('issued_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('inspection_documents_uq').on(t.visitId, t.kind)],
);

/** The last number issued per year and document kind. */
export const inspectionDocumentCounters = pgTable(
  'inspection_document_counters',
  {
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.kind] })],
);

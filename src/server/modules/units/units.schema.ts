/** Tables owned by `units` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { boolean, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

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
    // Where citizens hand in dossiers (the one-stop desk's address), shown on the portal's procedure page.
    deskAddress: text('desk_address'),
    // The province's standing body for administrative reform (Sở Nội vụ): periodic reform reports are addressed to it.
    reformStandingBody: boolean('reform_standing_body').notNull().default(false),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('agencies_code_uq').on(t.code),
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_path_idx').on(t.path.op('text_pattern_ops')), // LIKE '/<id>/%' (scope) under any collation
  ],
);

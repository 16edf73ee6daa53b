/** Tables owned by `reform` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

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

/** Tables owned by `calendar` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { bigint, date, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

/** Versioned calendar policies (holiday rules, office hours, counting settings) as data. */
export const calendarPolicies = pgTable('calendar_policies', {
  id: text('id').primaryKey(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  body: jsonb('body').notNull(),
  updatedAt: ts('updated_at').notNull(),
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
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('calendar_overrides_date_uq').on(t.date)],
);

/**
 * One row: bumped by a trigger on every change to calendar_policies or calendar_overrides (from any server, the
 * CLI, or SQL). Each process re-reads it every few seconds and reloads its cached calendar when it moved.
 */
export const calendarVersion = pgTable('calendar_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

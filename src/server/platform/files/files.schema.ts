/** Tables owned by `files` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';

/** Stored files, addressed by SHA-256 of their content. */
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  createdAt: ts('created_at').notNull(),
});

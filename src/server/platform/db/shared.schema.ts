/** Tables owned by `shared` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/** Audit of administrative changes outside dossiers (publication, workflow, calendar, staff). Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
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
    createdAt: ts('created_at').notNull(),
    processedAt: ts('processed_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.processedAt, t.id)],
);

/** Tables owned by `notifications` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { bigint, bigserial, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.ts';

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

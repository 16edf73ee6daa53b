/** Tables owned by `postal` (re-exported by platform/db/schema.ts): the postal operator's parcel notices, append-only. */
import { bigserial, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.ts';

export const postalEvents = pgTable(
  'postal_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    trackingNumber: text('tracking_number').notNull(),
    /** core/postal POSTAL_STATUSES */
    status: text('status').notNull(),
    /** The operator's time of the event. */
    at: ts('at').notNull(),
    location: text('location'),
    receivedAt: ts('received_at').notNull(),
    /** The notice as received. */
    raw: jsonb('raw').notNull(),
  },
  (t) => [index('postal_events_tracking_idx').on(t.trackingNumber), uniqueIndex('postal_events_notice_uq').on(t.trackingNumber, t.status, t.at)],
);

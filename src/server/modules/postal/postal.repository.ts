/** SQL of the postal module (the only place with queries on postal_events). */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { postalEvents } from '../../platform/db/schema.ts';

export type PostalEventRow = typeof postalEvents.$inferSelect;

/** Stores a notice once: the same (parcel, status, time) again is a duplicate, not a second event. */
export async function insertPostalEvent(db: DbOrTx, v: typeof postalEvents.$inferInsert): Promise<{ duplicate: boolean }> {
  const r = await db.insert(postalEvents).values(v).onConflictDoNothing().returning({ seq: postalEvents.seq });
  return { duplicate: r.length === 0 };
}

export async function postalEventsOf(db: DbOrTx, trackingNumber: string): Promise<PostalEventRow[]> {
  return db.select().from(postalEvents).where(eq(postalEvents.trackingNumber, trackingNumber)).orderBy(asc(postalEvents.seq));
}

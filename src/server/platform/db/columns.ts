import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** A timestamptz column read as a Date. Values come from the injected clock, never from the database's now(). */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A uuid primary key. */
export const id = () => uuid('id').primaryKey().defaultRandom();

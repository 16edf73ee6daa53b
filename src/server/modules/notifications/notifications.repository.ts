/** SQL of the notifications module: its outbox topic and the mail catcher's sent messages. */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { outbox, sentMessages } from '../../platform/db/schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export async function enqueue(db: DbOrTx, topic: string, payload: Record<string, unknown>, at: Date): Promise<void> {
  await db.insert(outbox).values({ topic, payload, createdAt: at });
}

export async function pending(db: DbOrTx, topic: string, limit: number): Promise<OutboxRow[]> {
  return db.select().from(outbox).where(and(eq(outbox.topic, topic), isNull(outbox.processedAt))).orderBy(asc(outbox.id)).limit(limit);
}

/** Claims a message (so two processes never deliver it twice); false when another process has it. */
export async function claim(db: DbOrTx, id: number, at: Date): Promise<boolean> {
  const [claimed] = await db.update(outbox).set({ processedAt: at }).where(and(eq(outbox.id, id), isNull(outbox.processedAt))).returning({ id: outbox.id });
  return Boolean(claimed);
}

export async function release(db: DbOrTx, id: number): Promise<void> {
  await db.update(outbox).set({ processedAt: null }).where(eq(outbox.id, id));
}

export async function sentTo(db: DbOrTx, to: string | undefined, limit: number) {
  const q = db.select().from(sentMessages);
  return (to ? q.where(eq(sentMessages.to, to)) : q).orderBy(desc(sentMessages.id)).limit(limit);
}

/** The mail catcher's delivery (demo and tests). */
export async function insertSent(db: DbOrTx, v: typeof sentMessages.$inferInsert): Promise<void> {
  await db.insert(sentMessages).values(v);
}

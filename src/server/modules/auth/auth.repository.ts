/** SQL of the auth module: staff sign-in sessions (users are the staff module's: read through its functions). */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { sessions, users } from '../../platform/db/schema.ts';

export async function insertSession(db: DbOrTx, v: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(v);
}

export async function revokeSession(db: DbOrTx, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** A session with its user (one indexed read per request). */
export async function findSessionWithUser(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select({ s: sessions, u: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

/** SQL of the health check. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';

/** One round trip to the database (throws when it does not answer). */
export async function ping(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}

/** The audit log's one writer (platform table, append-only): services record administrative changes here. */
import type { DbOrTx } from './database.ts';
import { auditLog } from './schema.ts';

export async function recordAudit(db: DbOrTx, entry: typeof auditLog.$inferInsert): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** The `files` table's SQL: metadata of content-addressed files (the bytes live in the file store). */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { files } from './files.schema.ts';

export type FileRow = typeof files.$inferSelect;

/** Records a stored file's metadata; a file already recorded (same hash) is left as it is. */
export async function recordFile(db: DbOrTx, row: FileRow): Promise<void> {
  await db.insert(files).values(row).onConflictDoNothing();
}

/** The recorded files among these hashes (unknown hashes are simply absent). */
export async function filesByHash(db: DbOrTx, sha256s: readonly string[]): Promise<FileRow[]> {
  if (sha256s.length === 0) return [];
  return db.select().from(files).where(inArray(files.sha256, [...sha256s]));
}

import { and, asc, eq, inArray, isNotNull, lt, gte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, dossierAccess, dossierDocuments, dossiers, procedures, units, users } from '../../platform/db/schema.ts';
import type { DocumentRow } from '../dossiers/index.ts';

export type AgencyRow = typeof agencies.$inferSelect;

/** Full names of users by id. */
export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x) => /^[0-9a-f-]{36}$/.test(x)))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

export async function agenciesByIds(db: DbOrTx, ids: string[]): Promise<AgencyRow[]> {
  const unique = [...new Set(ids.filter((x) => /^[0-9a-f-]{36}$/.test(x)))];
  if (unique.length === 0) return [];
  return db.select().from(agencies).where(inArray(agencies.id, unique));
}

export async function unitName(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id)).limit(1);
  return row?.name ?? null;
}

export async function findSlipDocument(db: DbOrTx, dossierId: string, sha256: string): Promise<DocumentRow | null> {
  const [row] = await db
    .select()
    .from(dossierDocuments)
    .where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.kind, 'slip'), eq(dossierDocuments.fileSha256, sha256)))
    .limit(1);
  return row ?? null;
}

/**
 * Stores a generated slip with its dossier unless the identical file is already there. The dossier row is
 * locked for the check-and-insert so two concurrent prints of the same slip store it once.
 */
export async function storeSlipDocument(
  db: DbOrTx,
  v: { dossierId: string; sha256: string; size: number; fileName: string; componentName: string; uploadedBy: string; uploadedAt: Date },
): Promise<{ doc: DocumentRow; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.id, v.dossierId)).for('update');
    const existing = await findSlipDocument(tx, v.dossierId, v.sha256);
    if (existing) return { doc: existing, created: false };
    const [doc] = await tx
      .insert(dossierDocuments)
      .values({
        dossierId: v.dossierId,
        kind: 'slip',
        componentCode: null,
        componentName: v.componentName,
        fileSha256: v.sha256,
        fileName: v.fileName,
        mime: 'application/pdf',
        size: v.size,
        digitised: true,
        uploadedBy: v.uploadedBy,
        uploadedAt: v.uploadedAt,
      })
      .returning();
    return { doc: doc!, created: true };
  });
}

export interface RegisterDbRow {
  id: string;
  sortAt: Date;
  code: string | null;
  applicant: unknown;
  procedureCode: string;
  procedureName: string;
  state: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
}

/**
 * One batch of the register: dossiers an agency has held (dossier_access), received in [from, to), in the
 * order of the index dossier_access_list_idx (agency_id, sort_at, dossier_id) — sort_at is the receipt time —
 * after the keyset cursor. Never reads more than `limit` rows.
 */
export async function registerBatch(
  db: DbOrTx,
  q: { agencyId: string; from: Date; to: Date; after: { at: Date; id: string } | null; limit: number },
): Promise<RegisterDbRow[]> {
  const where: SQL[] = [eq(dossierAccess.agencyId, q.agencyId), gte(dossierAccess.sortAt, q.from), lt(dossierAccess.sortAt, q.to), isNotNull(dossiers.receivedAt)];
  if (q.after) where.push(sql`(${dossierAccess.sortAt}, ${dossierAccess.dossierId}) > (${q.after.at.toISOString()}::timestamptz, ${q.after.id}::uuid)`);
  return db
    .select({
      id: dossiers.id,
      sortAt: dossierAccess.sortAt,
      code: dossiers.code,
      applicant: dossiers.applicant,
      procedureCode: procedures.code,
      procedureName: procedures.name,
      state: dossiers.state,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      finishedAt: dossiers.finishedAt,
      returnedAt: dossiers.returnedAt,
    })
    .from(dossierAccess)
    .innerJoin(dossiers, eq(dossiers.id, dossierAccess.dossierId))
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(and(...where))
    .orderBy(asc(dossierAccess.sortAt), asc(dossierAccess.dossierId))
    .limit(q.limit);
}

import { and, asc, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { procedures, publications, workflows } from '../../platform/db/schema.ts';
import type { ProcedureRecord } from '../../../core/catalog/index.ts';
import { foldVietnamese } from '../../../core/text/index.ts';

export type ProcedureRow = typeof procedures.$inferSelect;
export type PublicationRow = typeof publications.$inferSelect;
export type WorkflowRow = typeof workflows.$inferSelect;

export function procedureValues(r: ProcedureRecord) {
  return {
    code: r.code,
    name: r.name,
    nameFolded: foldVietnamese(r.name),
    source: r.source,
    structured: r.structured,
    fieldName: r.field?.name ?? null,
    levels: r.levels,
    onlineLevel: r.onlineLevel,
    ministry: r.ministry,
    record: r,
  };
}

/**
 * Bulk upsert. A structured national record replaces a text-only index entry of the same code; a text-only
 * entry never overwrites a structured one. Each replacement bumps the version.
 */
export async function upsertProcedures(db: DbOrTx, records: ProcedureRecord[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < records.length; i += 200) {
    const batch = records.slice(i, i + 200).map(procedureValues);
    const rows = await db
      .insert(procedures)
      .values(batch)
      .onConflictDoUpdate({
        target: procedures.code,
        set: {
          name: sql`excluded.name`,
          nameFolded: sql`excluded.name_folded`,
          source: sql`excluded.source`,
          structured: sql`excluded.structured`,
          fieldName: sql`excluded.field_name`,
          levels: sql`excluded.levels`,
          onlineLevel: sql`excluded.online_level`,
          ministry: sql`excluded.ministry`,
          record: sql`excluded.record`,
          version: sql`${procedures.version} + 1`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`excluded.structured or not ${procedures.structured}`,
      })
      .returning({ id: procedures.id });
    n += rows.length;
  }
  return n;
}

export interface ProcedureQuery {
  q?: string | undefined;
  field?: string | undefined;
  level?: string | undefined;
  structured?: boolean | undefined;
  after?: string | undefined; // keyset cursor: last code
  limit: number;
}

export async function listProcedures(db: DbOrTx, q: ProcedureQuery) {
  const where: SQL[] = [];
  if (q.q) {
    const folded = foldVietnamese(q.q);
    // Code lookup, or every word of the query in the folded name (ranked search is the portal's job).
    const words = folded.split(' ').filter(Boolean);
    where.push(sql`(${procedures.code} = ${q.q.trim()} or (${sql.join(words.map((w) => sql`${procedures.nameFolded} like ${'%' + w + '%'}`), sql` and `)}))`);
  }
  if (q.field) where.push(eq(procedures.fieldName, q.field));
  if (q.level) where.push(sql`${q.level} = any(${procedures.levels})`);
  if (q.structured !== undefined) where.push(eq(procedures.structured, q.structured));
  if (q.after) where.push(gt(procedures.code, q.after));
  return db
    .select({ id: procedures.id, code: procedures.code, name: procedures.name, fieldName: procedures.fieldName, levels: procedures.levels, onlineLevel: procedures.onlineLevel, structured: procedures.structured, source: procedures.source, ministry: procedures.ministry })
    .from(procedures)
    .where(and(...where))
    .orderBy(asc(procedures.code))
    .limit(q.limit);
}

export async function findProcedureByCode(db: DbOrTx, code: string): Promise<ProcedureRow | null> {
  const [row] = await db.select().from(procedures).where(eq(procedures.code, code)).limit(1);
  return row ?? null;
}

export async function findProcedure(db: DbOrTx, id: string): Promise<ProcedureRow | null> {
  const [row] = await db.select().from(procedures).where(eq(procedures.id, id)).limit(1);
  return row ?? null;
}

export async function findPublication(db: DbOrTx, id: string): Promise<PublicationRow | null> {
  const [row] = await db.select().from(publications).where(eq(publications.id, id)).limit(1);
  return row ?? null;
}

export async function findPublicationFor(db: DbOrTx, agencyId: string, procedureId: string): Promise<PublicationRow | null> {
  const [row] = await db.select().from(publications).where(and(eq(publications.agencyId, agencyId), eq(publications.procedureId, procedureId))).limit(1);
  return row ?? null;
}

export async function listPublications(db: DbOrTx, agencyId: string) {
  return db
    .select({ publication: publications, procedure: { id: procedures.id, code: procedures.code, name: procedures.name, onlineLevel: procedures.onlineLevel, fieldName: procedures.fieldName } })
    .from(publications)
    .innerJoin(procedures, eq(procedures.id, publications.procedureId))
    .where(eq(publications.agencyId, agencyId))
    .orderBy(asc(procedures.code));
}

export async function latestWorkflow(db: DbOrTx, publicationId: string): Promise<WorkflowRow | null> {
  const [row] = await db.select().from(workflows).where(eq(workflows.publicationId, publicationId)).orderBy(desc(workflows.version)).limit(1);
  return row ?? null;
}

export async function findWorkflow(db: DbOrTx, id: string): Promise<WorkflowRow | null> {
  const [row] = await db.select().from(workflows).where(eq(workflows.id, id)).limit(1);
  return row ?? null;
}

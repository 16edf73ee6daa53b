import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, procedures, procedureVersions, publications, workflows } from '../../platform/db/schema.ts';
import { unreviewedLowFields, type ProcedureRecord } from '../../../core/catalog/index.ts';
import { foldVietnamese } from '../../../core/text/index.ts';

export type ProcedureRow = typeof procedures.$inferSelect;
export type PublicationRow = typeof publications.$inferSelect;
export type WorkflowRow = typeof workflows.$inferSelect;

export type ReviewState = 'not_needed' | 'pending' | 'confident' | 'reviewed';
export type VersionOrigin = 'import_national' | 'import_index' | 'review';

/** The review state a record is stored with (see catalog.schema.ts). */
export function reviewStateOf(r: ProcedureRecord): ReviewState {
  if (r.review) return 'reviewed';
  if (!r.parse) return 'not_needed';
  return unreviewedLowFields(r).length > 0 ? 'pending' : 'confident';
}

/**
 * The record as kept in `procedures` (the current version, read by intake, slips, the portal): a structured
 * record without its source page text, which stays in its `procedure_versions` rows (every version holds the
 * whole record). An unstructured entry keeps its text (it is all there is to show).
 */
export function currentRecord(r: ProcedureRecord): ProcedureRecord {
  return r.structured && r.text ? { ...r, text: null } : r;
}

export function procedureValues(r: ProcedureRecord, now: Date) {
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
    record: currentRecord(r),
    reviewState: reviewStateOf(r),
    importedAt: now,
    updatedAt: now,
  };
}

/**
 * Bulk upsert, each insert or replacement appending its version to `procedure_versions` (same transaction).
 * Rules: a reviewed version is never replaced by an import (the reviewer's decision stands); a national
 * record replaces anything else (and re-importing it makes a new version); an index entry replaces only an
 * index entry whose record differs (an unchanged page adds no version). Returns the number written.
 */
export async function upsertProcedures(db: DbOrTx, records: ProcedureRecord[], now: Date, actorId: string | null = null): Promise<number> {
  let n = 0;
  for (let i = 0; i < records.length; i += 200) {
    const slice = records.slice(i, i + 200);
    const byCode = new Map(slice.map((r) => [r.code, r]));
    const batch = slice.map((r) => procedureValues(r, now));
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
          reviewState: sql`excluded.review_state`,
          version: sql`${procedures.version} + 1`,
          updatedAt: sql`excluded.updated_at`,
        },
        setWhere: sql`${procedures.reviewState} <> 'reviewed' and (excluded.source = 'national_record' or (${procedures.source} = 'public_index' and ${procedures.record} is distinct from excluded.record))`,
      })
      .returning({ id: procedures.id, code: procedures.code, version: procedures.version, reviewState: procedures.reviewState, source: procedures.source });
    if (rows.length > 0) {
      await db.insert(procedureVersions).values(
        rows.map((row) => ({
          procedureId: row.id,
          version: row.version,
          record: byCode.get(row.code)!,
          reviewState: row.reviewState,
          origin: (row.source === 'national_record' ? 'import_national' : 'import_index') as VersionOrigin,
          createdBy: actorId,
          createdAt: now,
        })),
      );
    }
    n += rows.length;
  }
  return n;
}

/**
 * Replaces the current record with a new version (optimistic: only when the stored version is `expected`)
 * and appends the version row. null when someone else changed it first.
 */
export async function replaceRecord(
  db: DbOrTx,
  p: { id: string; expected: number; record: ProcedureRecord; origin: VersionOrigin; actorId: string | null; now: Date; note: string | null },
): Promise<ProcedureRow | null> {
  const reviewState = reviewStateOf(p.record);
  const [row] = await db
    .update(procedures)
    .set({ record: currentRecord(p.record), structured: p.record.structured, onlineLevel: p.record.onlineLevel, reviewState, version: sql`${procedures.version} + 1`, updatedAt: p.now })
    .where(and(eq(procedures.id, p.id), eq(procedures.version, p.expected)))
    .returning();
  if (!row) return null;
  await db.insert(procedureVersions).values({ procedureId: p.id, version: row.version, record: p.record, reviewState, origin: p.origin, createdBy: p.actorId, createdAt: p.now, note: p.note });
  return row;
}

export async function listVersions(db: DbOrTx, procedureId: string) {
  return db
    .select({ version: procedureVersions.version, reviewState: procedureVersions.reviewState, origin: procedureVersions.origin, createdBy: procedureVersions.createdBy, createdAt: procedureVersions.createdAt, note: procedureVersions.note, review: sql<ProcedureRecord['review'] | null>`${procedureVersions.record}->'review'` })
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedureId))
    .orderBy(asc(procedureVersions.version));
}

export async function findVersion(db: DbOrTx, procedureId: string, version: number) {
  const [row] = await db.select().from(procedureVersions).where(and(eq(procedureVersions.procedureId, procedureId), eq(procedureVersions.version, version))).limit(1);
  return row ?? null;
}

export interface ReviewQueueQuery {
  state?: ReviewState | undefined;
  level?: string | undefined;
  q?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/** Parsed index entries by review state (keyset by code), with what the parser could not read. */
export async function listReviewQueue(db: DbOrTx, q: ReviewQueueQuery) {
  const where: SQL[] = [eq(procedures.source, 'public_index')];
  if (q.state) where.push(eq(procedures.reviewState, q.state));
  if (q.level) where.push(sql`${q.level} = any(${procedures.levels})`);
  if (q.q) for (const w of foldVietnamese(q.q).split(' ').filter(Boolean)) where.push(sql`(${procedures.nameFolded} like ${'%' + w + '%'} or ${procedures.code} = ${w})`);
  if (q.after) where.push(gt(procedures.code, q.after));
  return db
    .select({ code: procedures.code, name: procedures.name, fieldName: procedures.fieldName, levels: procedures.levels, reviewState: procedures.reviewState, version: procedures.version, confidence: sql<Record<string, string> | null>`${procedures.record}->'parse'->'confidence'` })
    .from(procedures)
    .where(and(...where))
    .orderBy(asc(procedures.code))
    .limit(q.limit);
}

/** Counts of index entries per review state. */
export async function reviewCounts(db: DbOrTx, level?: string) {
  const rows = await db
    .select({ state: procedures.reviewState, n: sql<number>`count(*)::int` })
    .from(procedures)
    .where(and(eq(procedures.source, 'public_index'), level ? sql`${level} = any(${procedures.levels})` : undefined))
    .groupBy(procedures.reviewState);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Partial<Record<ReviewState, number>>;
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
    .select({ id: procedures.id, code: procedures.code, name: procedures.name, fieldName: procedures.fieldName, levels: procedures.levels, onlineLevel: procedures.onlineLevel, structured: procedures.structured, source: procedures.source, ministry: procedures.ministry, reviewState: procedures.reviewState })
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

/** Procedures published by an active publication (of `agencyId`, else of any agency), per field. */
export async function publishedFields(db: DbOrTx, q: { agencyId?: string | undefined; after?: FieldCursor | undefined; limit: number }) {
  // ORDER BY field_name NULLS LAST: the cursor is the last field name (null = the group without a field, which is last).
  const after = q.after === undefined ? undefined : q.after.field === null ? sql`false` : sql`(${procedures.fieldName} > ${q.after.field} or ${procedures.fieldName} is null)`;
  const rows = await db
    .select({ field: procedures.fieldName, n: sql<number>`count(distinct ${procedures.id})::int` })
    .from(procedures)
    .innerJoin(publications, and(eq(publications.procedureId, procedures.id), eq(publications.active, true), q.agencyId ? eq(publications.agencyId, q.agencyId) : undefined))
    .where(after)
    .groupBy(procedures.fieldName)
    .orderBy(sql`${procedures.fieldName} asc nulls last`)
    .limit(q.limit);
  return rows.map((r) => ({ field: r.field, count: Number(r.n) }));
}

/** Cursor of the fields list: its ORDER BY column, the field name (null for procedures without a field). */
export type FieldCursor = { field: string | null };
export const fieldCursor = (f: { field: string | null }) => JSON.stringify([f.field]);
export function parseFieldCursor(raw: string): FieldCursor | null {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && v.length === 1 && (v[0] === null || typeof v[0] === 'string') ? { field: v[0] as string | null } : null;
  } catch {
    return null;
  }
}

/** Published procedures of one field (null = without a field), keyset by code. */
export async function publishedInField(db: DbOrTx, q: { field: string | null; agencyId?: string | undefined; after?: string | undefined; limit: number }) {
  return db
    .selectDistinct({ code: procedures.code, name: procedures.name, fieldName: procedures.fieldName, levels: procedures.levels, onlineLevel: procedures.onlineLevel })
    .from(procedures)
    .innerJoin(publications, and(eq(publications.procedureId, procedures.id), eq(publications.active, true), q.agencyId ? eq(publications.agencyId, q.agencyId) : undefined))
    .where(and(q.field === null ? sql`${procedures.fieldName} is null` : eq(procedures.fieldName, q.field), q.after ? gt(procedures.code, q.after) : undefined))
    .orderBy(asc(procedures.code))
    .limit(q.limit);
}

/** Summaries of the given codes, with whether an active publication exists. */
export async function summariesByCodes(db: DbOrTx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      code: procedures.code,
      name: procedures.name,
      fieldName: procedures.fieldName,
      levels: procedures.levels,
      onlineLevel: procedures.onlineLevel,
      // Written out: drizzle leaves column names unqualified in a one-table select.
      published: sql<boolean>`exists (select 1 from publications pu where pu.procedure_id = "procedures"."id" and pu.active)`,
    })
    .from(procedures)
    .where(inArray(procedures.code, [...codes]));
}

export async function insertPublication(db: DbOrTx, v: typeof publications.$inferInsert): Promise<PublicationRow> {
  const [row] = await db.insert(publications).values(v).returning();
  return row!;
}

export async function insertWorkflow(db: DbOrTx, v: typeof workflows.$inferInsert): Promise<WorkflowRow> {
  const [row] = await db.insert(workflows).values(v).returning();
  return row!;
}

export async function setCurrentWorkflow(db: DbOrTx, publicationId: string, workflowId: string): Promise<void> {
  await db.update(publications).set({ currentWorkflowId: workflowId }).where(eq(publications.id, publicationId));
}

// ------------------------------------------------------------------ read by the portal

/** Cursor of the publishers list: its ORDER BY columns (agency name, agency id). */
export const publisherCursor = (a: { name: string; id: string }) => JSON.stringify([a.name, a.id]);
export function parsePublisherCursor(raw: string): { name: string; id: string } | null {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/i.test(v[1]) ? { name: v[0], id: v[1] } : null;
  } catch {
    return null;
  }
}

/** The agencies that publish (receive) a procedure, with their desk address, by name then id, keyset-paginated. */
export async function publishersOf(db: DbOrTx, procedureId: string, page: { after?: { name: string; id: string } | null | undefined; limit: number }) {
  const after = page.after;
  return db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, deskAddress: agencies.deskAddress })
    .from(publications)
    .innerJoin(agencies, eq(agencies.id, publications.agencyId))
    .where(and(eq(publications.procedureId, procedureId), eq(publications.active, true), after ? sql`(${agencies.name}, ${agencies.id}) > (${after.name}, ${after.id}::uuid)` : undefined))
    .orderBy(asc(agencies.name), asc(agencies.id))
    .limit(page.limit);
}

// ------------------------------------------------------------------ read by the procedure search (portal)

/** A cheap stamp of the whole catalog (number of procedures and the sum of their versions): changes on any import or review. */
export async function catalogStamp(db: DbOrTx): Promise<string> {
  const [row] = await db.select({ n: sql<number>`count(*)::int`, at: sql<string | null>`sum(${procedures.version})::text` }).from(procedures);
  return `${row?.n ?? 0}|${row?.at ?? ''}`;
}

/** What the search index reads of every procedure: not the whole record (index entries carry ~7 kB of page text each). */
export async function searchSources(db: DbOrTx) {
  return db
    .select({
      code: procedures.code,
      name: procedures.name,
      fieldName: procedures.fieldName,
      levels: procedures.levels,
      onlineLevel: procedures.onlineLevel,
      structured: procedures.structured,
      result: sql<string | null>`${procedures.record}->'text'->>'result'`,
      results: sql<ProcedureRecord['results'] | null>`${procedures.record}->'results'`,
      steps: sql<string | null>`left(${procedures.record}->>'steps', 1000)`,
    })
    .from(procedures);
}

/** Codes of the procedures an agency publishes (active publications). */
export async function publishedCodesOf(db: DbOrTx, agencyId: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: procedures.code })
    .from(publications)
    .innerJoin(procedures, eq(procedures.id, publications.procedureId))
    .where(and(eq(publications.agencyId, agencyId), eq(publications.active, true)));
  return new Set(rows.map((r) => r.code));
}

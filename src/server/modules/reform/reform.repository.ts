/** SQL of the periodic reform reports. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, publications, reformReports, users } from '../../platform/db/schema.ts';
import { recordAudit } from '../../platform/db/audit.ts';

export type ReformReportRow = typeof reformReports.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;

export async function insertReport(tx: DbOrTx, v: typeof reformReports.$inferInsert): Promise<ReformReportRow> {
  const [row] = await tx.insert(reformReports).values(v).returning();
  return row!;
}

export async function findReport(db: DbOrTx, id: string): Promise<ReformReportRow | null> {
  const [row] = await db.select().from(reformReports).where(eq(reformReports.id, id)).limit(1);
  return row ?? null;
}

export async function findReportFor(db: DbOrTx, agencyId: string, year: number, kind: string): Promise<ReformReportRow | null> {
  const [row] = await db
    .select()
    .from(reformReports)
    .where(and(eq(reformReports.agencyId, agencyId), eq(reformReports.year, year), eq(reformReports.kind, kind)))
    .limit(1);
  return row ?? null;
}

/** Optimistic update: only if the stored version is still `expected` (and `extra` holds). */
/** Updates the report if its version is still `expected` and (with `onlyInStatus`) it is in that status; null otherwise. */
export async function updateReportIfVersion(tx: DbOrTx, id: string, expected: number, set: Partial<typeof reformReports.$inferInsert>, now: Date, onlyInStatus?: string): Promise<ReformReportRow | null> {
  const [row] = await tx
    .update(reformReports)
    .set({ ...set, version: expected + 1, updatedAt: now })
    .where(and(eq(reformReports.id, id), eq(reformReports.version, expected), onlyInStatus === undefined ? undefined : eq(reformReports.status, onlyInStatus)))
    .returning();
  return row ?? null;
}

export async function audit(tx: DbOrTx, at: Date, actorId: string | null, action: string, reportId: string, data: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, { at, actorId, action, entity: 'reform_report', entityId: reportId, data });
}

/** Reports of agencies whose path lies under one of `paths`, optionally one year / kind, with their agency. */
export async function listReports(db: DbOrTx, q: { paths: string[]; year?: number | undefined; kind?: string | undefined }) {
  if (q.paths.length === 0) return [];
  const under = sql.join(
    q.paths.map((p) => sql`${agencies.path} like ${p + '%'}`),
    sql` or `,
  );
  return db
    .select({ r: reformReports, agency: { id: agencies.id, code: agencies.code, name: agencies.name, path: agencies.path } })
    .from(reformReports)
    .innerJoin(agencies, eq(agencies.id, reformReports.agencyId))
    .where(and(sql`(${under})`, ...(q.year !== undefined ? [eq(reformReports.year, q.year)] : []), ...(q.kind ? [eq(reformReports.kind, q.kind)] : [])))
    .orderBy(asc(agencies.code), asc(reformReports.year), asc(reformReports.kind))
    .limit(1000);
}

/**
 * The parent's direct children that handle dossiers: an active publication on the child or anywhere below it
 * (one-stop units; a division without procedures files no reform report of its own here).
 */
export async function childUnitsHandlingDossiers(db: DbOrTx, parentId: string): Promise<AgencyRow[]> {
  const child = agencies;
  return db
    .select()
    .from(child)
    .where(
      and(
        eq(child.parentId, parentId),
        sql`exists (select 1 from ${publications} p join ${agencies} a2 on a2.id = p.agency_id where p.active and a2.path like ${child.path} || '%')`,
      ),
    )
    .orderBy(asc(child.code));
}

export async function reportsOfAgencies(db: DbOrTx, agencyIds: string[], year: number, kind: string): Promise<ReformReportRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(reformReports)
    .where(and(inArray(reformReports.agencyId, agencyIds), eq(reformReports.year, year), eq(reformReports.kind, kind)));
}

/** One unit's periodic reform reports, of a year or of every year. */
export async function reportsOfAgency(db: DbOrTx, agencyId: string, year?: number): Promise<ReformReportRow[]> {
  return db
    .select()
    .from(reformReports)
    .where(year === undefined ? eq(reformReports.agencyId, agencyId) : and(eq(reformReports.agencyId, agencyId), eq(reformReports.year, year)));
}

export async function namesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

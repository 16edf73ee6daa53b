import { and, asc, eq, gt, gte, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { foldVietnamese } from '../../../core/text/index.ts';
import { agencies, unitMerges, units } from '../../platform/db/schema.ts';

export type UnitRow = typeof units.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;

export interface UnitQuery {
  parentId?: string | undefined;
  level?: string | undefined;
  q?: string | undefined;
  asOf?: string | undefined; // YYYY-MM-DD: only units valid on that date
  after?: string | undefined; // keyset cursor: `<last name>|<last id>` (see unitCursor), or a bare last name
  limit: number;
}

export async function listUnits(db: DbOrTx, q: UnitQuery): Promise<UnitRow[]> {
  const where: SQL[] = [];
  if (q.parentId) where.push(eq(units.parentId, q.parentId));
  if (q.level) where.push(eq(units.level, q.level));
  if (q.asOf) {
    // A null validFrom means the start is not recorded (pre-2025 units): valid since before any asOf.
    where.push(or(isNull(units.validFrom), lte(units.validFrom, q.asOf))!);
    where.push(or(isNull(units.validTo), gte(units.validTo, q.asOf))!);
  }
  if (q.q) where.push(sql`${units.nameFolded} like ${'%' + foldVietnamese(q.q) + '%'}`);
  if (q.after) {
    // Names repeat (e.g. seven 'Xã Tân Thành'), so the cursor carries the id as a tie-breaker.
    const m = /^(.*)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(q.after);
    if (m) where.push(or(gt(units.name, m[1]!), and(eq(units.name, m[1]!), gt(units.id, m[2]!)))!);
    else where.push(gt(units.name, q.after));
  }
  return db.select().from(units).where(and(...where)).orderBy(asc(units.name), asc(units.id)).limit(q.limit);
}

/** The keyset cursor after a unit (matches the order by name, id of listUnits). */
export const unitCursor = (u: { name: string; id: string }) => `${u.name}|${u.id}`;

export async function findUnit(db: DbOrTx, id: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return row ?? null;
}

export async function findUnitByKey(db: DbOrTx, key: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.key, key)).limit(1);
  return row ?? null;
}

export async function mergesOf(db: DbOrTx, unitId: string) {
  const from = await db
    .select({ unit: units, whole: unitMerges.whole, effectiveFrom: unitMerges.effectiveFrom })
    .from(unitMerges)
    .innerJoin(units, eq(units.id, unitMerges.fromUnitId))
    .where(eq(unitMerges.toUnitId, unitId));
  const into = await db
    .select({ unit: units, whole: unitMerges.whole, effectiveFrom: unitMerges.effectiveFrom })
    .from(unitMerges)
    .innerJoin(units, eq(units.id, unitMerges.toUnitId))
    .where(eq(unitMerges.fromUnitId, unitId));
  return { mergedFrom: from, mergedInto: into };
}

export async function findAgency(db: DbOrTx, id: string): Promise<AgencyRow | null> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return row ?? null;
}

export async function findAgencyByCode(db: DbOrTx, code: string): Promise<AgencyRow | null> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  return row ?? null;
}

export async function listAgencies(db: DbOrTx, q: { parentId?: string | undefined; under?: string | undefined; limit: number }) {
  const where: SQL[] = [];
  if (q.parentId) where.push(eq(agencies.parentId, q.parentId));
  if (q.under) where.push(sql`${agencies.path} like ${q.under + '%'}`);
  return db.select().from(agencies).where(and(...where)).orderBy(asc(agencies.path)).limit(q.limit);
}

/** Inserts an agency, computing its materialised path from the parent. */
export async function insertAgency(
  db: DbOrTx,
  a: { code: string; name: string; kind: string; level: string; unitId: string | null; parentId: string | null; validFrom: string; deskAddress?: string | null; reformStandingBody?: boolean; createdAt: Date },
): Promise<AgencyRow> {
  const id = crypto.randomUUID();
  let path = `/${id}/`;
  if (a.parentId) {
    const parent = await findAgency(db, a.parentId);
    if (!parent) throw new Error(`parent agency ${a.parentId} not found`);
    path = `${parent.path}${id}/`;
  }
  const [row] = await db.insert(agencies).values({ id, path, ...a }).returning();
  return row!;
}

/** The province's standing body for administrative reform (Sở Nội vụ) under a root agency, if one is marked. */
export async function findReformStandingBody(db: DbOrTx, rootId: string): Promise<AgencyRow | null> {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.reformStandingBody, true), like(agencies.path, `/${rootId}/%`)))
    .orderBy(asc(agencies.code))
    .limit(1);
  return row ?? null;
}

/**
 * The agency tree in path order (parents before children), one keyset page: `after` is the last path seen
 * (paths are unique: they end with the agency's id).
 */
export async function agencyTreePage(db: DbOrTx, after: string | null, limit: number) {
  return db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, level: agencies.level, parentId: agencies.parentId, kind: agencies.kind, path: agencies.path })
    .from(agencies)
    .where(after ? gt(agencies.path, after) : undefined)
    .orderBy(asc(agencies.path))
    .limit(limit);
}

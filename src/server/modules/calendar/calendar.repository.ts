import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { calendarOverrides, calendarPolicies, calendarVersion } from '../../platform/db/schema.ts';
import type { CalendarOverride, CalendarPolicy } from '../../../core/calendar/index.ts';

export async function loadPolicies(db: DbOrTx): Promise<CalendarPolicy[]> {
  const rows = await db.select().from(calendarPolicies).orderBy(asc(calendarPolicies.validFrom));
  return rows.map((r) => r.body as CalendarPolicy);
}

export async function upsertPolicy(db: DbOrTx, p: CalendarPolicy, at: Date): Promise<void> {
  await db
    .insert(calendarPolicies)
    .values({ id: p.id, validFrom: p.validFrom, validTo: p.validTo, body: p, updatedAt: at })
    .onConflictDoNothing();
}

export async function loadOverrides(db: DbOrTx): Promise<(CalendarOverride & { id: string })[]> {
  const rows = await db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
  return rows.map((r) => ({ id: r.id, date: r.date, kind: r.kind as CalendarOverride['kind'], reason: r.reason }));
}

export async function overridesOfYear(db: DbOrTx, year: number) {
  return db
    .select()
    .from(calendarOverrides)
    .where(and(gte(calendarOverrides.date, `${year}-01-01`), lte(calendarOverrides.date, `${year}-12-31`)))
    .orderBy(asc(calendarOverrides.date));
}

export async function insertOverride(db: DbOrTx, o: CalendarOverride, actorId: string | null, at: Date) {
  const [row] = await db
    .insert(calendarOverrides)
    .values({ date: o.date, kind: o.kind, reason: o.reason, createdBy: actorId, createdAt: at })
    .onConflictDoUpdate({ target: calendarOverrides.date, set: { kind: o.kind, reason: o.reason, createdBy: actorId, createdAt: at } })
    .returning();
  return row!;
}

export async function deleteOverride(db: DbOrTx, id: string) {
  const rows = await db.delete(calendarOverrides).where(eq(calendarOverrides.id, id)).returning();
  return rows[0] ?? null;
}

/** The calendar's version (bumped by a trigger on every change to its tables); 0 before the first migration row. */
export async function loadVersion(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ v: calendarVersion.version }).from(calendarVersion).where(eq(calendarVersion.id, 1));
  return row?.v ?? 0;
}

import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencies, roleAssignments, users } from '../../platform/db/schema.ts';
import type { Assignment } from '../../platform/http/auth.ts';
import type { Role } from '../../../core/dossier/index.ts';

export async function loadAssignments(db: DbOrTx, userId: string): Promise<Assignment[]> {
  const rows = await db
    .select({ agencyId: agencies.id, agencyCode: agencies.code, agencyName: agencies.name, agencyPath: agencies.path, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(agencies.path), asc(roleAssignments.role));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function insertUser(db: DbOrTx, u: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(u).returning();
  return row!;
}

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}

export async function findUser(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function addAssignment(db: DbOrTx, userId: string, agencyId: string, role: Role, at: Date) {
  await db.insert(roleAssignments).values({ userId, agencyId, role, createdAt: at }).onConflictDoNothing();
}

export async function removeAssignment(db: DbOrTx, userId: string, agencyId: string, role: Role) {
  await db.delete(roleAssignments).where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, agencyId), eq(roleAssignments.role, role)));
}

/** Staff with at least one role inside the given agency paths. */
export async function listStaffInScope(db: DbOrTx, paths: string[], limit: number) {
  if (paths.length === 0) return [];
  const userIds = db
    .selectDistinct({ id: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(or(...paths.map((p) => like(agencies.path, `${p}%`))));
  return db
    .select({ id: users.id, username: users.username, fullName: users.fullName, email: users.email, phone: users.phone, active: users.active })
    .from(users)
    .where(inArray(users.id, userIds))
    .orderBy(asc(users.username))
    .limit(limit);
}

export async function isUserInScope(db: DbOrTx, userId: string, paths: string[]): Promise<boolean> {
  if (paths.length === 0) return false;
  const rows = await db
    .select({ n: sql<number>`1` })
    .from(roleAssignments)
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(and(eq(roleAssignments.userId, userId), or(...paths.map((p) => like(agencies.path, `${p}%`)))))
    .limit(1);
  return rows.length > 0;
}

/** Roles of the given users (for staff lists). */
export async function rolesOf(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { agencyId: string; agencyName: string; role: string }[]>();
  const rows = await db
    .select({ userId: roleAssignments.userId, agencyId: agencies.id, agencyName: agencies.name, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(agencies.path), asc(roleAssignments.role));
  const map = new Map<string, { agencyId: string; agencyName: string; role: string }[]>();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), { agencyId: r.agencyId, agencyName: r.agencyName, role: r.role }]);
  return map;
}

/** Active staff holding a role (optionally a given one) on the agency at `path` or below it. */
export async function staffOfAgency(db: DbOrTx, path: string, role: string | undefined) {
  return db
    .selectDistinct({ id: users.id, username: users.username, fullName: users.fullName, email: users.email, phone: users.phone, active: users.active })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(and(like(agencies.path, `${path}%`), eq(users.active, true), role ? eq(roleAssignments.role, role) : undefined))
    .orderBy(asc(users.fullName))
    .limit(500);
}

/** Display names of users (assignees, actors). */
export async function namesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

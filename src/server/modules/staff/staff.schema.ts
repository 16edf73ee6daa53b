/** Tables owned by `staff` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { boolean, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    userId: uuid('user_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.agencyId, t.role] }), index('role_assignments_agency_idx').on(t.agencyId)],
);

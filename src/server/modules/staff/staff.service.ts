import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ADMIN_ROLES, inScope, scopePaths, type AuthInfo } from '../../platform/http/auth.ts';
import { recordAudit } from '../../platform/db/audit.ts';
import type { Role } from '../../../core/dossier/index.ts';
import { hashPassword } from '../auth/auth.service.ts';
import * as repo from './staff.repository.ts';
import { findAgency } from '../units/index.ts';

export interface NewStaff {
  username: string;
  password: string;
  fullName: string;
  email?: string | undefined;
  phone?: string | undefined;
  roles: { agencyId: string; role: Role }[];
}

export class StaffService {
  constructor(private readonly ctx: AppContext) {}

  /** Unit admins manage staff of their agency subtree; only a province admin grants province-wide roles. */
  private async assertCanGrant(actor: AuthInfo | null, agencyId: string, role: Role) {
    const agency = await findAgency(this.ctx.db, agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { entity: 'agency' });
    if (actor === null) return agency; // system (seed, CLI)
    if (!inScope(actor, agency.path, ADMIN_ROLES)) throw new AppError('FORBIDDEN');
    const privileged: Role[] = ['province_admin', 'reform_officer', 'inspector'];
    if (privileged.includes(role) && !inScope(actor, agency.path, ['province_admin'])) throw new AppError('FORBIDDEN');
    return agency;
  }

  async create(actor: AuthInfo | null, s: NewStaff) {
    for (const r of s.roles) await this.assertCanGrant(actor, r.agencyId, r.role);
    if (await repo.findUserByUsername(this.ctx.db, s.username)) throw new AppError('ALREADY_EXISTS', { entity: `username ${s.username}` });
    const passwordHash = await hashPassword(s.password);
    return this.ctx.db.transaction(async (tx) => {
      const user = await repo.insertUser(tx, { username: s.username, passwordHash, fullName: s.fullName, email: s.email ?? null, phone: s.phone ?? null, createdAt: this.ctx.now() });
      for (const r of s.roles) await repo.addAssignment(tx, user.id, r.agencyId, r.role, this.ctx.now());
      await recordAudit(tx, { at: this.ctx.now(), actorId: actor?.userId ?? null, action: 'staff.create', entity: 'user', entityId: user.id, data: { username: s.username, roles: s.roles } });
      return user;
    });
  }

  async grant(actor: AuthInfo, userId: string, agencyId: string, role: Role) {
    await this.assertCanGrant(actor, agencyId, role);
    if (!(await repo.findUser(this.ctx.db, userId))) throw new AppError('NOT_FOUND', { entity: 'user' });
    await this.ctx.db.transaction(async (tx) => {
      await repo.addAssignment(tx, userId, agencyId, role, this.ctx.now());
      await recordAudit(tx, { at: this.ctx.now(), actorId: actor.userId, action: 'staff.grant', entity: 'user', entityId: userId, data: { agencyId, role } });
    });
  }

  async revoke(actor: AuthInfo, userId: string, agencyId: string, role: Role) {
    await this.assertCanGrant(actor, agencyId, role);
    await this.ctx.db.transaction(async (tx) => {
      await repo.removeAssignment(tx, userId, agencyId, role);
      await recordAudit(tx, { at: this.ctx.now(), actorId: actor.userId, action: 'staff.revoke', entity: 'user', entityId: userId, data: { agencyId, role } });
    });
  }

  async list(actor: AuthInfo) {
    const items = await repo.listStaffInScope(this.ctx.db, scopePaths(actor, ADMIN_ROLES), 500);
    const roles = await repo.rolesOf(this.ctx.db, items.map((u) => u.id));
    return items.map((u) => ({ ...u, roles: roles.get(u.id) ?? [] }));
  }

  /** Staff of an agency (e.g. its specialists, for assignment): any staff member whose scope covers it. */
  async ofAgency(actor: AuthInfo, agencyId: string, role: Role | undefined) {
    const agency = await findAgency(this.ctx.db, agencyId);
    if (!agency || !inScope(actor, agency.path)) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const items = await repo.staffOfAgency(this.ctx.db, agency.path, role);
    const roles = await repo.rolesOf(this.ctx.db, items.map((u) => u.id));
    return items.map((u) => ({ ...u, roles: roles.get(u.id) ?? [] }));
  }
}

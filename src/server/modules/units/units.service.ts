import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { inScope, type AuthInfo } from '../../platform/http/auth.ts';
import { recordAudit } from '../../platform/db/audit.ts';
import * as repo from './units.repository.ts';

export class UnitsService {
  constructor(private readonly ctx: AppContext) {}

  list(q: repo.UnitQuery) {
    return repo.listUnits(this.ctx.db, q);
  }

  async get(id: string) {
    const unit = await repo.findUnit(this.ctx.db, id);
    if (!unit) throw new AppError('NOT_FOUND', { entity: 'unit' });
    return { ...unit, ...(await repo.mergesOf(this.ctx.db, id)) };
  }

  listAgencies(q: { parentId?: string | undefined; limit: number }) {
    return repo.listAgencies(this.ctx.db, q);
  }

  async getAgency(id: string) {
    const a = await repo.findAgency(this.ctx.db, id);
    if (!a) throw new AppError('NOT_FOUND', { entity: 'agency' });
    return a;
  }

  /** A province admin creates agencies inside their scope (a root agency needs a province-wide admin with no parent). */
  async createAgency(actor: AuthInfo, a: Omit<Parameters<typeof repo.insertAgency>[1], 'createdAt'>) {
    if (a.parentId) {
      const parent = await this.getAgency(a.parentId);
      if (!inScope(actor, parent.path, ['province_admin'])) throw new AppError('FORBIDDEN');
    } else throw new AppError('FORBIDDEN');
    if (await repo.findAgencyByCode(this.ctx.db, a.code)) throw new AppError('ALREADY_EXISTS', { entity: `agency ${a.code}` });
    return this.ctx.db.transaction(async (tx) => {
      const row = await repo.insertAgency(tx, { ...a, createdAt: this.ctx.now() });
      await recordAudit(tx, { at: this.ctx.now(), actorId: actor.userId, action: 'agency.create', entity: 'agency', entityId: row.id, data: a });
      return row;
    });
  }
}

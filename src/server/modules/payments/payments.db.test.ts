/**
 * The collection account of an agency is its own, else its nearest ancestor's that has one (issue 10, trap): read
 * in one query from the agency's materialised path, whatever the depth — not one query per level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { seedAgencyAccounts } from '../../seed/demo.ts';
import { insertAgency, type AgencyRow } from '../units/units.repository.ts';
import { accountFor } from './payments.repository.ts';

let env: TestEnv;
const tree: Record<string, AgencyRow> = {};

/** The database, counting the statements issued through it. */
function counting(db: DbOrTx) {
  const calls = { n: 0 };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v === 'function' && ['execute', 'select', 'selectDistinct', 'insert', 'update', 'delete', 'transaction'].includes(String(prop))) {
        return (...args: unknown[]) => {
          calls.n++;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return v;
    },
  });
  return { db: proxy, calls };
}

beforeAll(async () => {
  env = await createTestEnv(new TestClock());
  const add = async (key: string, parent: string | null, level = 'commune') => {
    tree[key] = await insertAgency(env.ctx.db, { code: `T.${key}`, name: `Cơ quan ${key}`, kind: 'other', level, unitId: null, parentId: parent ? tree[parent]!.id : null, validFrom: '2025-07-01', createdAt: env.ctx.now() });
  };
  await add('province', null, 'province');
  await add('ward', 'province');
  await add('desk', 'ward');
  await add('team', 'desk');
  await add('squad', 'team');
  await add('otherWard', 'province');
  await add('otherDesk', 'otherWard');
  await add('lonelyRoot', null, 'province');
  await add('lonelyChild', 'lonelyRoot');
  // Accounts at the province and at the ward (the nearer one must win below the ward), and at the squad itself.
  await seedAgencyAccounts(env.ctx, [tree.province!, tree.ward!, tree.squad!]);
});
afterAll(() => env?.close());

describe('payments accountFor', () => {
  it.each([
    ['province', 'province'],
    ['ward', 'ward'],
    ['desk', 'ward'],
    ['team', 'ward'],
    ['squad', 'squad'],
    ['otherWard', 'province'],
    ['otherDesk', 'province'],
  ])('%s pays into the account of %s, read in one query', async (agency, owner) => {
    const { db, calls } = counting(env.ctx.db);
    const account = await accountFor(db, tree[agency]!.id);
    expect(account?.agencyId).toBe(tree[owner]!.id);
    expect(account?.accountNumber).toMatch(/^52\d+$/);
    expect(calls.n).toBe(1);
  });

  it('an agency with no account on its path, and an unknown agency, have none', async () => {
    expect(await accountFor(env.ctx.db, tree.lonelyChild!.id)).toBeNull();
    expect(await accountFor(env.ctx.db, tree.lonelyRoot!.id)).toBeNull();
    expect(await accountFor(env.ctx.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('the service answers the same as the repository', async () => {
    expect((await env.ctx.services.payments.accountFor(tree.team!.id))?.agencyId).toBe(tree.ward!.id);
  });
});

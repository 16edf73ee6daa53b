/**
 * One clock (issue 10, item 7): every recorded time comes from the injected clock, never from the database's
 * now(). The settable clock is put years away from the real time; after seeding and a dossier's life (intake,
 * online receipt, actions, payment, slips, feedback, staff and calendar changes) no timestamp column of any table
 * holds a time near the real one, and the times written equal the clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createSeededEnv, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { agencies, auditLog, dossierAccess, dossiers, outbox } from './schema.ts';
import { findUserByUsername, loadAssignments } from '../../modules/staff/staff.repository.ts';
import type { AuthInfo } from '../http/auth.ts';

let env: TestEnv;
const T0 = '2031-03-03T09:00:00+07:00';

beforeAll(async () => {
  env = await createSeededEnv(new TestClock(new Date(T0)));
});
afterAll(() => env.close());

async function authOf(username: string): Promise<AuthInfo> {
  const u = (await findUserByUsername(env.ctx.db, username))!;
  return { userId: u.id, username, fullName: u.fullName, assignments: await loadAssignments(env.ctx.db, u.id) } as AuthInfo;
}

describe('every recorded time comes from the injected clock', () => {
  it('a dossier, its actions, payments, audit and outbox rows carry the clock’s times; no column holds the database’s now()', async () => {
    const desk = await authOf('pleiku.motcua');
    const admin = await authOf('tinh.quantri');
    const [pleiku] = await env.ctx.db.select().from(agencies).where(eq(agencies.code, '000.01.00.H21'));
    const stored = await env.ctx.files.put(Buffer.from('%PDF-1.4\n%%EOF\n'));
    await env.ctx.services.dossiers.registerFile(stored.sha256, stored.size, 'application/pdf');

    env.clock.set('2031-03-03T10:00:00+07:00');
    const { dossier } = await env.ctx.services.dossiers.create(
      desk,
      { agencyId: pleiku!.id, procedureCode: '1.010038', channel: 'online', action: 'submit_online', applicant: { fullName: 'Phạm Văn Đồng' }, resultMethod: 'desk', eidAuthenticated: true, documents: [{ kind: 'input', componentCode: null, componentName: 'Tờ khai', sha256: stored.sha256, fileName: 'to-khai.pdf', digitised: true, reused: false, fromCitizenStore: false }], fees: [{ kind: 'fee', description: 'Lệ phí', amountVnd: 5000 }], input: {} },
      null,
    );
    expect(dossier.createdAt.toISOString()).toBe(new Date('2031-03-03T10:00:00+07:00').toISOString());
    expect(dossier.updatedAt.toISOString()).toBe(dossier.createdAt.toISOString());

    env.clock.set('2031-03-04T14:30:00+07:00');
    const received = await env.ctx.services.dossiers.act(desk, dossier.id, { action: 'receive', version: dossier.version, input: {}, documents: [] });
    env.clock.set('2031-03-04T15:00:00+07:00');
    const paid = await env.ctx.services.dossiers.act(desk, dossier.id, { action: 'record_payment', version: received.version, input: { amount: 5000, paymentMethod: 'desk' }, documents: [] });
    expect(paid.updatedAt.toISOString()).toBe(new Date('2031-03-04T15:00:00+07:00').toISOString());
    const [access] = await env.ctx.db.select().from(dossierAccess).where(eq(dossierAccess.dossierId, dossier.id));
    expect(access!.sortAt.toISOString()).toBe(new Date('2031-03-04T14:30:00+07:00').toISOString()); // its receipt
    const [fresh] = await env.ctx.db.select().from(dossiers).where(eq(dossiers.id, dossier.id));
    expect(fresh!.updatedAt.toISOString()).toBe(new Date('2031-03-04T15:00:00+07:00').toISOString());
    const { payments } = await env.ctx.services.dossiers.payments(desk, dossier.id);
    expect(payments.map((p) => [p.paidAt.toISOString(), p.recordedAt.toISOString()])).toEqual([[new Date('2031-03-04T15:00:00+07:00').toISOString(), new Date('2031-03-04T15:00:00+07:00').toISOString()]]);

    env.clock.set('2031-03-05T08:15:00+07:00');
    const override = await env.ctx.services.calendar.setOverride(admin, { date: '2031-03-10', kind: 'day_off', reason: 'Thử nghiệm' });
    expect(override.createdAt.toISOString()).toBe(new Date('2031-03-05T08:15:00+07:00').toISOString());
    const user = await env.ctx.services.staff.create(admin, { username: 'clock.test', password: 'Test-Password-2031', fullName: 'Người thử', roles: [{ agencyId: pleiku!.id, role: 'desk_officer' }] });
    expect(user.createdAt.toISOString()).toBe(new Date('2031-03-05T08:15:00+07:00').toISOString());
    const [audit] = await env.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit!.at.toISOString()).toBe(new Date('2031-03-05T08:15:00+07:00').toISOString());
    const queued = await env.ctx.db.select().from(outbox).where(sql`${outbox.payload}->>'dossierId' = ${dossier.id}`);
    expect(queued.length).toBeGreaterThan(0);
    for (const m of queued) expect(m.createdAt.getTime()).toBeGreaterThanOrEqual(new Date('2031-03-03T10:00:00+07:00').getTime());

    // No timestamp anywhere within a day of the real time: none came from the database's clock.
    const cols = (await env.ctx.db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and data_type = 'timestamp with time zone'`)) as unknown as { rows: { table_name: string; column_name: string }[] };
    expect(cols.rows.length).toBeGreaterThan(20);
    const real = Date.now();
    const near: string[] = [];
    for (const c of cols.rows) {
      const r = (await env.ctx.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)} between ${new Date(real - 86_400_000).toISOString()}::timestamptz and ${new Date(real + 86_400_000).toISOString()}::timestamptz`,
      )) as unknown as { rows: { n: number }[] };
      if (r.rows[0]!.n > 0) near.push(`${c.table_name}.${c.column_name} (${r.rows[0]!.n})`);
    }
    expect(near).toEqual([]);
  });
});

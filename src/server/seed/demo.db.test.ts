/**
 * The demo seed on a real database: organisation, accounts, publications and demo dossiers made through
 * the real intake and action path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, PASSWORD, TestClock, type TestEnv } from '../../../test/support/harness.ts';
import { seedDemo, type DemoSummary } from './demo.ts';

let env: TestEnv;
let demo: DemoSummary;
beforeAll(async () => {
  env = await createTestEnv(new TestClock(new Date('2026-11-23T09:00:00+07:00')));
  demo = (await seedDemo(env.ctx, { password: PASSWORD, full: false, dossiers: true }))!;
});
afterAll(async () => {
  await env?.close();
});

describe('demo seed', () => {
  it('creates the staff accounts of one commune and one provincial department, and province-wide roles', () => {
    const roles = demo.accounts.map((a) => `${a.username}:${a.role}`);
    for (const r of ['pleiku.motcua:desk_officer', 'pleiku.chuyenvien:specialist', 'pleiku.lanhdao:leader', 'pleiku.quantri:unit_admin', 'sonnmt.motcua:desk_officer', 'sonnmt.lanhdao:leader', 'tinh.quantri:province_admin', 'tinh.thanhtra:inspector']) {
      expect(roles).toContain(r);
    }
  });

  it('publishes every structured record: commune-level ones in each of the 4 wards, province-level ones once', () => {
    // 13 records are commune-level (12 + 1 both) → 52 publications; 14 are province-level (12 + 1 + 1) → 14.
    expect(demo.publications).toBe(13 * 4 + 14);
    expect(demo.procedures).toBe(26);
  });

  it('makes demo dossiers in every main state, each with a history row per action', async () => {
    expect(demo.dossiers).toBe(10);
    const r = await env.ctx.db.execute(sql`select state, count(*)::int as n from dossiers group by state order by state`);
    const states = Object.fromEntries((r as unknown as { rows: { state: string; n: number }[] }).rows.map((x) => [x.state, x.n]));
    expect(states).toEqual({ received: 1, forwarded: 1, assigned: 1, in_process: 1, supplement_requested: 1, awaiting_approval: 1, result_ready: 1, returned: 2, submitted_online: 1 });
    const h = await env.ctx.db.execute(sql`select count(*)::int as n from dossiers d where d.version <> (select count(*) from dossier_history h where h.dossier_id = d.id)`);
    expect((h as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);    // One result went by post: the address and parcel number are in its history, where tracking reads them.
    const p = await env.ctx.db.execute(sql`select data->>'trackingNumber' as t, data->>'postalAddress' as a from dossier_history where action = 'return_result' and data->>'returnMethod' = 'postal'`);
    expect((p as unknown as { rows: { t: string; a: string }[] }).rows).toEqual([{ t: 'EL123456785VN', a: 'Tổ 3, phường Pleiku, tỉnh Gia Lai' }]);
    const st = await env.ctx.db.execute(sql`select status from postal_events where tracking_number = 'EL123456785VN' order by at`);
    expect((st as unknown as { rows: { status: string }[] }).rows.map((x) => x.status)).toEqual(['accepted', 'out_for_delivery', 'delivered']);
  });

  it('the online dossier\'s electronic result is a Decree 30 notice sealed by the ward (PAdES, valid, trusted)', async () => {
    const r = await env.ctx.db.execute(sql`select file_sha256 as sha from dossier_documents where electronic_result and file_name = 'thong-bao-ket-qua.pdf'`);
    const rows = (r as unknown as { rows: { sha: string }[] }).rows;
    expect(rows).toHaveLength(1);
    const report = await env.ctx.services.signatures.verify(await env.ctx.files.get(rows[0]!.sha));
    expect(report.status).toBe('valid');
    expect(report.signatures.map((s) => [s.status, s.coversWholeDocument])).toEqual([['valid', true]]);
    expect(report.signatures[0]!.reason).toMatch(/^Kết quả giải quyết hồ sơ 000\.01\.00\.H21-/);
  });

  it('is idempotent: a second run changes nothing', async () => {
    expect(await seedDemo(env.ctx, { password: PASSWORD, full: false })).toBeNull();
  });
});

/**
 * The demo's document traffic: a few months at Pleiku and Diên Hồng through the real service path leave documents
 * in every state, documents sent from Pleiku arrive in Diên Hồng's register, and the rates for reform have real,
 * different values for the two wards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededEnv, TestClock, type TestEnv } from '../../../test/support/harness.ts';
import { documentRatesFor } from '../modules/documents/index.ts';
import { findAgencyByCode } from '../modules/units/index.ts';
import { INCOMING_STATES, OUTGOING_STATES } from '../../core/documents/index.ts';
import { seedDemoDocuments } from './demo-documents.ts';
import { sql } from 'drizzle-orm';

let env: TestEnv;
const clock = new TestClock(new Date('2026-03-16T09:00:00+07:00'));

beforeAll(async () => {
  env = await createSeededEnv(clock);
}, 120_000);
afterAll(async () => {
  await env?.close();
});

describe('seedDemoDocuments', () => {
  it('leaves documents in every state and real rates', async () => {
    const from = new Date('2025-12-01T08:00:00+07:00');
    const r = await seedDemoDocuments(env.ctx, { from, until: clock.now() });
    expect(r.incoming).toBeGreaterThan(20);
    expect(r.outgoing).toBeGreaterThan(5);
    const rows = (await env.ctx.db.execute(sql`select direction, state, count(*)::int as n from documents group by 1, 2`)) as unknown as { rows: { direction: string; state: string; n: number }[] };
    const states = new Set(rows.rows.map((x) => `${x.direction}:${x.state}`));
    for (const s of INCOMING_STATES) expect(states, s).toContain(`incoming:${s}`);
    for (const s of ['sent', 'in_review'] as const) expect(states, s).toContain(`outgoing:${s}`);
    expect(OUTGOING_STATES).toContain('sent');
    const pleiku = (await findAgencyByCode(env.ctx.db, '000.01.00.H21'))!;
    const dienHong = (await findAgencyByCode(env.ctx.db, '000.02.00.H21'))!;
    const received = (await env.ctx.db.execute(sql`select count(*)::int as n from documents where agency_id = ${dienHong.id} and source_document_id is not null`)) as unknown as { rows: { n: number }[] };
    expect(received.rows[0]!.n).toBeGreaterThan(3);
    const p = await documentRatesFor(env.ctx.db, pleiku.path, from, clock.now());
    const d = await documentRatesFor(env.ctx.db, dienHong.path, from, clock.now());
    expect(p.directedRate!).toBeGreaterThan(70);
    expect(d.directedRate!).toBeLessThan(50);
    expect(d.directedRate!).toBeGreaterThan(0);
    expect(p.signedRate).toBe(100);
    expect(p.sent).toBeGreaterThan(3);
    expect(p.averageProcessingDays!).toBeGreaterThan(0);
    expect(p.overdueOpen + p.finishedLate).toBeGreaterThan(0);
    console.log(JSON.stringify({ pleiku: p, dienHong: d }));
  }, 300_000);
});

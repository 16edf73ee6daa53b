/**
 * The inspections demo (src/server/seed/demo-inspections.ts) on the small fixture: Sở Nội vụ's plan of the demo year
 * with one visit done (checklist with findings, minutes and conclusion issued, remediation tasks: one overdue, one
 * reported and waiting, one accepted) and one planned in the future; every step through the services (histories).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, PASSWORD, TestClock, type TestEnv } from '../../../test/support/harness.ts';
import { seedDemo } from './demo.ts';
import { inspectionStats, inspectionVisitsFor } from '../modules/reform/inspections/index.ts';
import { remediationStatusFor } from '../modules/reform/remediation/index.ts';

let env: TestEnv;
const TODAY = '2026-12-03';
beforeAll(async () => {
  env = await createTestEnv(new TestClock(new Date(`${TODAY}T09:00:00+07:00`)));
  await seedDemo(env.ctx, { password: PASSWORD, full: false, inspections: true });
});
afterAll(async () => env?.close());

const rows = async <T>(q: ReturnType<typeof sql>) => (await env.ctx.db.execute(q)) as unknown as { rows: T[] };
const agencyId = async (code: string) => (await rows<{ id: string }>(sql`select id from agencies where code = ${code}`)).rows[0]!.id;

describe('inspections demo', () => {
  it("Sở Nội vụ's plan of the demo year is approved, with one visit done and one planned in the future", async () => {
    const plans = (await rows<{ title: string; status: string; owner: string; year: number }>(sql`select p.title, p.status, a.code as owner, p.year from inspection_plans p join agencies a on a.id = p.owner_agency_id`)).rows;
    expect(plans).toEqual([expect.objectContaining({ status: 'approved', owner: '000.00.09.H21', year: 2026 })]);
    const stats = await inspectionStats(env.ctx.db, { year: 2026 });
    const pleiku = await agencyId('000.01.00.H21');
    const dienhong = await agencyId('000.02.00.H21');
    expect(stats.find((s) => s.agencyId === pleiku)).toMatchObject({ done: 1, planned: 0 });
    expect(stats.find((s) => s.agencyId === pleiku)!.findings).toBeGreaterThanOrEqual(4);
    expect(stats.find((s) => s.agencyId === dienhong)).toMatchObject({ done: 0, planned: 1 });
    const [planned] = await inspectionVisitsFor(env.ctx.db, dienhong, 2026);
    expect(planned!.scheduledOn! > TODAY).toBe(true);
    const [done] = await inspectionVisitsFor(env.ctx.db, pleiku, 2026);
    expect(done!.doneOn! < TODAY).toBe(true);
  });

  it('the done visit has every item answered with notes, some partly or not met, and a history entry per change', async () => {
    const items = (await rows<{ result: string | null; note: string }>(sql`select i.result, i.note from inspection_items i join inspection_plan_visits v on v.id = i.visit_id where v.status = 'done'`)).rows;
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((i) => i.result !== null && i.note.length > 0)).toBe(true);
    expect(items.some((i) => i.result === 'partly')).toBe(true);
    expect(items.some((i) => i.result === 'does_not_meet')).toBe(true);
    const h = (await rows<{ n: number }>(sql`select count(*)::int as n from inspection_item_history where action = 'item_changed'`)).rows[0]!.n;
    expect(h).toBe(items.length);
  });

  it('minutes and conclusion are issued with numbers and PDFs; one task per recommendation, by status, one overdue', async () => {
    const docs = (await rows<{ kind: string; status: string; number: number | null; pdf: string | null }>(sql`select kind, status, number, pdf_sha256 as pdf from inspection_documents order by kind`)).rows;
    expect(docs.map((d) => [d.kind, d.status])).toEqual([['conclusion', 'issued'], ['minutes', 'issued']]);
    expect(docs.every((d) => d.number !== null && d.pdf)).toBe(true);
    const visit = (await rows<{ id: string }>(sql`select id from inspection_plan_visits where status = 'done'`)).rows[0]!.id;
    const tasks = await remediationStatusFor(env.ctx.db, visit, TODAY);
    expect(tasks).toHaveLength(4);
    const by = (s: string) => tasks.filter((t) => t.status === s).length;
    expect({ open: by('open'), reported: by('reported'), accepted: by('accepted') }).toEqual({ open: 2, reported: 1, accepted: 1 });
    expect(tasks.filter((t) => t.overdue)).toHaveLength(1);
    expect(tasks.find((t) => t.overdue)!.deadline < TODAY).toBe(true);
    const hist = (await rows<{ action: string; n: number }>(sql`select action, count(*)::int as n from remediation_history group by action order by action`)).rows;
    expect(Object.fromEntries(hist.map((x) => [x.action, x.n]))).toEqual({ accept: 1, create: 4, report: 2 });
  });

  it('is idempotent like the demo: a second run changes nothing', async () => {
    expect(await seedDemo(env.ctx, { password: PASSWORD, full: false, inspections: true })).toBeNull();
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from inspection_plans`)).rows[0]!.n).toBe(1);
  });
});

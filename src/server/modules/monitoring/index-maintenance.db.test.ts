/**
 * The incremental counters (updated in every dossier transaction) equal a full rebuild from the dossiers and their
 * history, on randomised dossier histories run through the real action path; and the dashboard's figures equal a
 * recount from the per-dossier facts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createSeededEnv, seedHistory, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { dossiers, indexCounts, indexDossierFacts } from '../../platform/db/schema.ts';
import { rebuildIndex } from './index-maintenance.ts';
import { COUNTERS, resolvePeriod } from '../../../core/service-index/index.ts';
import { localMinutesToInstant } from '../../../core/calendar/time.ts';

let env: TestEnv & { demo: unknown };

async function snapshot() {
  const counts = await env.ctx.db.select().from(indexCounts).orderBy(asc(indexCounts.agencyId), asc(indexCounts.grain), asc(indexCounts.bucket), asc(indexCounts.procedureId));
  const facts = await env.ctx.db.select().from(indexDossierFacts).orderBy(asc(indexDossierFacts.dossierId));
  // Rows whose counters all returned to zero carry nothing (the incremental path leaves them, the rebuild does not).
  return { counts: counts.filter((r) => COUNTERS.some((c) => r[c] !== 0)), facts };
}

beforeAll(async () => {
  env = await createSeededEnv(new TestClock(new Date('2026-04-20T10:00:00+07:00')));
});
afterAll(() => env.close());

describe('service index: rebuild = incremental', () => {
  it('on randomised histories (three seeds, open and late dossiers, supplements, apologies, payments, complaints)', async () => {
    const made = [];
    for (const [i, until] of ['2026-04-20T10:00:00+07:00', '2026-05-27T15:30:00+07:00', '2026-06-30T16:45:00+07:00'].entries()) {
      env.clock.set(until);
      made.push(await seedHistory(env, { months: 2, perMonth: 5, lateShare: 0.35, seed: 100 + i }));
      // Complaints naming a few dossiers (the feedback transaction refreshes the dossier's facts).
      const some = await env.ctx.db.select({ code: dossiers.code, agencyId: dossiers.receivingAgencyId }).from(dossiers).orderBy(asc(dossiers.id)).limit(3 + i);
      for (const d of some.filter((x) => x.code)) {
        await env.ctx.services.feedback.submit({ agencyId: d.agencyId, subject: 'officer', dossierCode: d.code!, title: 'Chậm trả kết quả', content: 'Hồ sơ của tôi bị chậm.', contact: { fullName: 'Người dân' } }, null);
      }
    }
    const total = made.reduce((s, m) => s + m.dossiers, 0);
    expect(total).toBeGreaterThan(30);

    const incremental = await snapshot();
    const facts = incremental.facts.filter((f) => f.counted);
    // The histories really cover the cases: late, open at the end, supplements, finished on time, complaints.
    expect(facts.some((f) => f.lateAt && f.finishedAt)).toBe(true);
    expect(facts.some((f) => !f.finishedAt && !f.withdrawnAt)).toBe(true);
    expect(facts.some((f) => f.supplementRequests > 0)).toBe(true);
    expect(facts.some((f) => f.finishedAt && !f.lateAt)).toBe(true);
    expect(facts.some((f) => f.dissatisfied)).toBe(true);
    expect(incremental.counts.length).toBeGreaterThan(20);

    // Small batches and frequent flushes: the partial sums of many flushes add up to the same rows.
    const r = await rebuildIndex(env.ctx.db, { batch: 7, flushEvery: 20 });
    expect(r.dossiers).toBe((await env.ctx.db.select({ id: dossiers.id }).from(dossiers)).length);
    const rebuilt = await snapshot();
    expect(rebuilt.counts).toEqual(incremental.counts);
    expect(rebuilt.facts).toEqual(incremental.facts);
  });

  it('the dashboard equals a recount from the per-dossier facts (ON_TIME, receipts) for a custom period', async () => {
    env.clock.set('2026-07-01T09:00:00+07:00');
    const [pleiku] = await env.ctx.db.select().from((await import('../../platform/db/schema.ts')).agencies).where(eq((await import('../../platform/db/schema.ts')).agencies.code, '000.01.00.H21'));
    const period = resolvePeriod({ kind: 'custom', from: '2026-04-10', to: '2026-06-17' });
    const d = await env.ctx.services.monitoring.dashboardFor(pleiku!.id, period);
    const start = localMinutesToInstant('2026-04-10', 0).getTime();
    const end = localMinutesToInstant('2026-06-18', 0).getTime();
    const facts = (await env.ctx.db.select().from(indexDossierFacts).where(eq(indexDossierFacts.agencyId, pleiku!.id))).filter((f) => f.counted);
    const t = (x: Date | null) => (x ? x.getTime() : null);
    const finishedIn = facts.filter((f) => t(f.finishedAt) !== null && t(f.finishedAt)! >= start && t(f.finishedAt)! < end);
    const openAtEnd = facts.filter((f) => t(f.receivedAt)! < end && (t(f.finishedAt) === null || t(f.finishedAt)! >= end) && (t(f.withdrawnAt) === null || t(f.withdrawnAt)! >= end));
    const notLate = (f: (typeof facts)[number]) => f.lateAt === null || f.lateAt.getTime() >= end;
    const onTime = d.result.groups.flatMap((g) => g.indicators).find((i) => i.code === 'ON_TIME')!;
    expect(onTime.denominator).toBe(finishedIn.length + openAtEnd.length);
    expect(onTime.numerator).toBe(finishedIn.filter(notLate).length + openAtEnd.filter(notLate).length);
    expect(onTime.denominator).toBeGreaterThan(0);
    expect(d.figures.received).toBe(facts.filter((f) => t(f.receivedAt)! >= start && t(f.receivedAt)! < end).length);
    const online = d.result.groups.flatMap((g) => g.indicators).find((i) => i.code === 'ONLINE_DOSSIERS')!;
    expect(online.numerator).toBe(facts.filter((f) => t(f.receivedAt)! >= start && t(f.receivedAt)! < end && f.onlineCompliant).length);
  });
});

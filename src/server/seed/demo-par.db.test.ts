/**
 * The PAR demo (src/server/seed/demo-par.ts) on the small fixture: last year's round published with a ranking
 * and lost points, this year's in progress with one commune appraised, one submitted, one late.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededEnv, TestClock, type TestEnv } from '../../../test/support/harness.ts';
import { seedDemoPar } from './demo-par.ts';
import { ParService } from '../modules/reform/par/par.service.ts';
import * as repo from '../modules/reform/par/par.repository.ts';
import { lostPointsFor, parSummaryFor } from '../modules/reform/par/index.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createSeededEnv(new TestClock(new Date('2026-12-03T09:00:00+07:00')));
  await seedDemoPar(env.ctx);
});
afterAll(async () => env?.close());

describe('PAR demo', () => {
  it("last year's round is published with a full ranking, groups, survey points and lost points with notes", async () => {
    const last = (await repo.roundsOfYear(env.ctx.db, 2025))[0]!;
    expect(last.status).toBe('published');
    const r = await new ParService(env.ctx).publicRanking(last.id);
    expect(r.rows).toHaveLength(4);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
    const idx = r.rows.map((x) => Number(x.index));
    expect(idx[0]).toBeGreaterThan(idx[3]!);
    expect(r.rows[0]!.agency.code).toBe('000.01.00.H21');
    expect(r.rows.every((x) => x.max === '100.00')).toBe(true);
    const lost = await lostPointsFor(env.ctx.db, last.id, r.rows[3]!.agency.id);
    expect(lost.length).toBeGreaterThan(5);
    expect(lost.some((x) => x.appraiserNote)).toBe(true);
  });

  it("this year's round: Pleiku appraised, Hội Phú submitted, Diên Hồng late and locked; change vs last year", async () => {
    const round = (await repo.roundsOfYear(env.ctx.db, 2026))[0]!;
    expect(round.status).toBe('open');
    const units = await repo.unitsOfRound(env.ctx.db, round.id);
    const by = new Map(units.map((u) => [u.agency.code, u.u]));
    expect(by.get('000.01.00.H21')!.status).toBe('submitted');
    expect(by.get('000.03.00.H21')!.status).toBe('submitted');
    expect(by.get('000.02.00.H21')!.status).toBe('draft');
    expect(round.selfDeadline < '2026-12-03').toBe(true);
    const s = await parSummaryFor(env.ctx.db, by.get('000.01.00.H21')!.agencyId, 2026);
    expect(s).toMatchObject({ roundStatus: 'open', rank: null });
    expect(s.index).toMatch(/^\d+\.\d\d$/);
    const appraised = (await repo.assessmentsOf(env.ctx.db, [by.get('000.01.00.H21')!.id])).filter((a) => a.appraisal);
    expect(appraised.length).toBeGreaterThan(20);
    expect((await repo.assessmentsOf(env.ctx.db, [by.get('000.03.00.H21')!.id])).some((a) => a.appraisal)).toBe(false);
  });
});

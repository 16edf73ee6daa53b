/**
 * The demo's generated activity stays inside office hours of working days (issue 11): every dossier and feedback
 * history entry, for the months of history and for the handful of dossiers made at start-up — even when the demo is
 * started in the evening.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, PASSWORD, TestClock, type TestEnv } from '../../../test/support/harness.ts';
import { isOfficeTime } from '../../core/calendar/deadline.ts';
import { formatVnIso } from '../../core/calendar/time.ts';
import { seedDemo } from './demo.ts';
import { seedDemoHistory } from './demo-history.ts';

let env: TestEnv;
// 20:45 on a Thursday, Vietnam time: outside office hours.
const EVENING = new Date('2026-11-26T20:45:00+07:00');
beforeAll(async () => {
  env = await createTestEnv(new TestClock(EVENING));
  await seedDemo(env.ctx, { password: PASSWORD, full: false, dossiers: true });
  await seedDemoHistory(env.ctx, {
    from: '2026-08-01',
    until: EVENING,
    units: [{ agencyCode: '000.01.00.H21', desk: 'pleiku.motcua', specialist: 'pleiku.chuyenvien', leader: 'pleiku.lanhdao', perMonth: 12, lateShare: 0.3 }],
  });
});
afterAll(async () => {
  await env?.close();
});

const rows = async (q: ReturnType<typeof sql>) => (await env.ctx.db.execute(q)) as unknown as { rows: { at: Date | string }[] };

describe('demo history times', () => {
  it('records every dossier action inside office hours of a working day, none in the future', async () => {
    const cal = await env.ctx.services.calendar.calendar();
    const { rows: all } = await rows(sql`select at from dossier_history`);
    expect(all.length).toBeGreaterThan(100);
    const outside = all.map((r) => new Date(r.at)).filter((at) => !isOfficeTime(at, cal) || at.getTime() > EVENING.getTime());
    expect(outside.map((d) => formatVnIso(d))).toEqual([]);
  });
  it('records every feedback step inside office hours too', async () => {
    const cal = await env.ctx.services.calendar.calendar();
    const { rows: all } = await rows(sql`select at from feedback_history`);
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((r) => new Date(r.at)).filter((at) => !isOfficeTime(at, cal)).map((d) => formatVnIso(d))).toEqual([]);
  });
});

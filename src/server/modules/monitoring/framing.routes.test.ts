/**
 * Issue 11 "One framing of the service index everywhere": the console dashboard, its Excel export, the public
 * page's API and the periodic report show the same total out of 100 and, where indicators have no data, the same
 * rescaled figure with the same explanation (core/service-index/framing). Before the fix the report said 56,39/90
 * and "Công khai, minh bạch 1,62/8" while the dashboard said 56,39/100 and 1,62/18.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, seedHistory, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { frameIndex } from '../../../core/service-index/framing.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-04-20T10:00:00+07:00'));
let staff: ApiClient;
let leader: ApiClient;
let anon: ApiClient;
const agencyId: Record<string, string> = {};
const PLEIKU = '000.01.00.H21';

beforeAll(async () => {
  env = await createSeededEnv(clock);
  await seedHistory(env, { months: 4, perMonth: 6, lateShare: 0.3, seed: 11 });
  clock.set('2026-04-20T10:00:00+07:00');
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  staff = await new ApiClient(http.base).login('tinh.caicach');
  leader = await new ApiClient(http.base).login('pleiku.lanhdao');
  for (const a of (await anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('one framing of the service index', () => {
  it('dashboard, public page and Excel export frame the same result the same way; the total is out of 100', async () => {
    const q = `agencyId=${agencyId[PLEIKU]}&period=quarter&year=2026&index=1`;
    const dash = await staff.get(`/api/monitoring/index?${q}`);
    expect(dash.status, JSON.stringify(dash.body)).toBe(200);
    const pub = await anon.get(`/api/public/index?${q}`);
    expect(pub.status).toBe(200);
    const framed = frameIndex(dash.body.result, 'vi');
    expect(frameIndex(pub.body.result, 'vi')).toEqual(framed);
    expect(framed.outOf).toBe(100);
    expect(framed.headline).toMatch(/\/100 điểm$/);
    // The seeded history has no data for some indicators (no payments, no digitised results…): the rescaled note shows.
    expect(dash.body.result.applicableMax).toBeLessThan(100);
    expect(framed.scaledNote).toContain(`trên ${String(dash.body.result.applicableMax).replace('.', ',')} điểm áp dụng`);

    const xlsx = await fetch(`${http.base}/api/monitoring/index.xlsx?${q}`, { headers: { authorization: `Bearer ${staff.token}` } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(wb.worksheets[0]!.getCell('C7').value).toBe(framed.scaledNote);
  });

  it('the periodic report prints the total out of 100, each group out of its full maximum, and the same explanation', async () => {
    const r = await leader.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2026, kind: 'q1' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const ix = r.body.figures.index;
    const framed = frameIndex(ix, 'vi');
    const text = (r.body.sections as { body: string }[]).map((s) => s.body).join('\n');
    expect(text).toContain(`đạt ${framed.headline}`);
    expect(framed.headline).toMatch(/\/100 điểm$/);
    for (const g of framed.groups) expect(text).toContain(`${g.name} ${g.label}`);
    if (framed.scaledNote) expect(text).toContain(framed.scaledNote);
    const partial = (ix.groups as { max: number; applicableMax: number }[]).filter((g) => g.applicableMax < g.max);
    expect(partial.length, 'the seeded history leaves some group partly without data').toBeGreaterThan(0);
    // Never the old framing "score/applicable maximum" for a partial group.
    for (const g of framed.groups.filter((x) => x.applicableMax < x.max)) expect(text).not.toContain(`${g.name} ${String(g.score).replace('.', ',')}/${String(g.applicableMax).replace('.', ',')} điểm`);
  });
});

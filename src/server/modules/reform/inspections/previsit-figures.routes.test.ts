/**
 * Pre-visit figures of a visit's checklist (GET /api/reform/inspection-visits/:id), over HTTP on PGlite and
 * PostgreSQL: each figure equals what the owning module shows for the unit and the visit's period — the service
 * index's online rate (monitoring dashboard), the late dossiers of the ON_TIME drill-down without an apology, desk fee
 * payments without a receipt number, periodic reports due and sent late — and links to the console's list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, seedHistory, startHttp, TestClock, type TestEnv } from '../../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-10T09:00:00+07:00'));
const as: Record<string, ApiClient> = {};
const agency: Record<string, string> = {};
let visitId: string;
const P = '/api/reform';
const PLEIKU = '000.01.00.H21';

async function act(user: string, id: string, action: string, input: Record<string, unknown> = {}) {
  const d = await as[user]!.get(`/api/dossiers/${id}`);
  return as[user]!.post(`/api/dossiers/${id}/actions`, { action, version: d.body.version, input, documents: [] });
}
const figureOf = (v: { items: { code: string; figure: { key: string; value: string | null; label: string; query: string | null } | null }[] }, key: string) => v.items.find((i) => i.figure?.key === key)?.figure;

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  for (const u of ['sonv.lanhdao', 'tinh.thanhtra', 'sonv.quantri', 'pleiku.lanhdao', 'pleiku.motcua']) as[u] = await new ApiClient(http.base).login(u);
  for (const a of (await new ApiClient(http.base).get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agency[a.code] = a.id;
  // The Q1 report sent on time (10/03, deadline 20/03); the others of the period never sent.
  const q1 = await as['pleiku.lanhdao']!.post('/api/reform/reports', { agencyId: agency[PLEIKU], year: 2026, kind: 'q1' });
  expect(q1.status).toBe(201);
  expect((await as['pleiku.lanhdao']!.post(`/api/reform/reports/${q1.body.id}/submit`, { version: q1.body.version })).status).toBe(200);
  clock.set('2026-07-10T09:00:00+07:00');
  await seedHistory(env, { months: 4, perMonth: 5, lateShare: 0.4, seed: 5 });
  const me = async (u: string) => (await as[u]!.get('/api/auth/me')).body.userId as string;
  const templateId = (await as['sonv.lanhdao']!.get(`${P}/inspection-templates`)).body.items[0].id;
  const plan = await as['sonv.lanhdao']!.post(`${P}/inspection-plans`, {
    year: 2026, kind: 'province', title: 'Kế hoạch kiểm tra CCHC năm 2026', ownerAgencyId: agency['000.00.09.H21'], templateId,
    visits: [{ agencyId: agency[PLEIKU], scheduledOn: '2026-07-20', surprise: false }],
    team: [{ staffId: await me('tinh.thanhtra'), agencyId: agency['000.00.00.H21'], role: 'leader' }, { staffId: await me('sonv.quantri'), agencyId: agency['000.00.09.H21'], role: 'member' }],
  });
  expect(plan.status).toBe(201);
  visitId = plan.body.visits[0].id;
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('pre-visit figures', () => {
  it("tag the checklist items of the template's figures, over the visit's period, each with its console link", async () => {
    const v = (await as['sonv.quantri']!.get(`${P}/inspection-visits/${visitId}`)).body;
    expect(v.period).toEqual({ from: '2025-07-20', to: '2026-07-19' });
    const tagged = (await as['sonv.lanhdao']!.get(`${P}/inspection-templates`)).body.items[0].items.filter((i: { figure?: string }) => i.figure);
    for (const t of tagged) expect(v.items.find((i: { code: string }) => i.code === t.code).figure.key).toBe(t.figure);
    expect(v.items.filter((i: { figure: unknown }) => i.figure)).toHaveLength(tagged.length);
    for (const i of v.items.filter((x: { figure: unknown }) => x.figure)) expect(i.figure.query).toMatch(/^\/(chi-so|bao-cao-cchc)/);
  });

  it('online rate = the service index ONLINE_DOSSIERS indicator of the unit for the period up to today', async () => {
    const v = (await as['tinh.thanhtra']!.get(`${P}/inspection-visits/${visitId}`)).body;
    const f = figureOf(v, 'online_rate')!;
    const q = `agencyId=${agency[PLEIKU]}&period=custom&from=2025-07-20&to=2026-07-10`;
    expect(f.query).toBe(`/chi-so/chi-tieu/ONLINE_DOSSIERS?${q}`);
    const d = (await as['tinh.thanhtra']!.get(`/api/monitoring/index?${q}`)).body;
    const i = d.result.groups.flatMap((g: { indicators: unknown[] }) => g.indicators).find((x: { code: string }) => x.code === 'ONLINE_DOSSIERS');
    expect(i.denominator).toBeGreaterThan(0);
    expect(f.value).toBe(`${i.rate.toFixed(2).replace('.', ',')}% (${i.numerator}/${i.denominator} hồ sơ)`);
  });

  it('late without apology = the ON_TIME drill-down rows that cost points and carry no apology', async () => {
    const v = (await as['tinh.thanhtra']!.get(`${P}/inspection-visits/${visitId}`)).body;
    const f = figureOf(v, 'late_without_apology')!;
    const q = `agencyId=${agency[PLEIKU]}&period=custom&from=2025-07-20&to=2026-07-10`;
    expect(f.query).toBe(`/chi-so/chi-tieu/ON_TIME/ho-so?${q}&filter=missing`);
    const rows = (await as['tinh.thanhtra']!.get(`/api/monitoring/index/dossiers?${q}&indicator=ON_TIME&filter=missing&limit=200`)).body.rows as { id: string }[];
    expect(rows.length).toBeGreaterThan(0);
    let without = 0;
    for (const r of rows) if ((await as['pleiku.lanhdao']!.get(`/api/dossiers/${r.id}`)).body.apologiesSent === 0) without++;
    expect(f.value).toBe(`${without}/${rows.length} hồ sơ trễ hạn chưa có phiếu xin lỗi`);
  });

  it('receipts: a desk payment recorded without a receipt number counts, one with a number does not', async () => {
    const before = figureOf((await as['tinh.thanhtra']!.get(`${P}/inspection-visits/${visitId}`)).body, 'receipts_unsigned_or_undated')!;
    const count = (s: string | null) => (s ? s.split(' ')[0]!.split('/').map(Number) : [0, 0]) as [number, number];
    const d = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: agency[PLEIKU], procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Nguyễn Văn Thu' } });
    expect(d.status).toBe(201);
    const id = d.body.dossier?.id ?? d.body.id;
    expect((await act('pleiku.motcua', id, 'record_payment', { amount: 20000, paymentMethod: 'desk', reference: 'BL-000123' })).status).toBe(200);
    expect((await act('pleiku.motcua', id, 'record_payment', { amount: 10000, paymentMethod: 'desk' })).status).toBe(200);
    const after = figureOf((await as['tinh.thanhtra']!.get(`${P}/inspection-visits/${visitId}`)).body, 'receipts_unsigned_or_undated')!;
    const [m0, t0] = count(before.value);
    expect(count(after.value)).toEqual([m0 + 1, t0 + 2]);
  });

  it('reports late: of the four reports due in the period, the three never sent (Q1 2026 sent on time)', async () => {
    const v = (await as['tinh.thanhtra']!.get(`${P}/inspection-visits/${visitId}`)).body;
    const f = figureOf(v, 'reports_late')!;
    expect(f.value).toBe('3/4 kỳ báo cáo gửi trễ hoặc chưa gửi (9 tháng (quý III) 2025, Năm 2025, 6 tháng đầu năm 2026)');
    expect(f.query).toBe(`/bao-cao-cchc?agencyId=${agency[PLEIKU]}&year=2026`);
  });
});

/**
 * The service-index API over real HTTP on a real database, on a few months of dossiers handled through the real
 * action path (test/support seedHistory): dashboard, drill-down to procedures and dossiers (consistent with the
 * dashboard), scope, rankings with the minimum volume, profiles, reconciliation, exports, rebuild, public pages.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, seedHistory, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { PORTAL_2025 } from '../../../core/service-index/index.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-06-20T10:00:00+07:00'));
const staff: Record<string, ApiClient> = {};
let anon: ApiClient;
const agencyId: Record<string, string> = {};
const PLEIKU = '000.01.00.H21';
const DIENHONG = '000.02.00.H21';
const PROVINCE = '000.00.00.H21';
const Q2 = 'period=quarter&year=2026&index=2';

beforeAll(async () => {
  env = await createSeededEnv(clock);
  await seedHistory(env, { months: 4, perMonth: 6, lateShare: 0.3, seed: 7 });
  clock.set('2026-06-20T10:00:00+07:00');
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  for (const u of ['pleiku.motcua', 'pleiku.lanhdao', 'pleiku.quantri', 'dienhong.motcua', 'tinh.caicach', 'tinh.quantri']) staff[u] = await new ApiClient(http.base).login(u);
  for (const a of (await anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

const ind = (d: { result: { groups: { indicators: { code: string }[] }[] } }, code: string) => d.result.groups.flatMap((g) => g.indicators).find((i) => i.code === code) as any;

describe('dashboard', () => {
  it('scores the province for a quarter: groups, indicators, previous period and monthly trend', async () => {
    const r = await staff['tinh.caicach']!.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&${Q2}`);
    expect(r.status).toBe(200);
    const d = r.body;
    expect(d.period).toMatchObject({ kind: 'quarter', from: '2026-04-01', to: '2026-06-30' });
    expect(d.judgedOn).toBe('2026-06-20'); // a running quarter is judged today
    expect(d.profile.id).toBe('portal-2025');
    expect(d.result.groups.map((g: { code: string }) => g.code)).toEqual(PORTAL_2025.groups.map((g) => g.code));
    expect(d.result.total).toBeCloseTo(d.result.groups.reduce((s: number, g: { score: number }) => s + g.score, 0), 2);
    const onTime = ind(d, 'ON_TIME');
    expect(onTime.denominator).toBe(d.figures.finished + d.figures.openAtEnd);
    expect(onTime.numerator).toBe(d.figures.finishedOnTime + d.figures.openAtEnd - d.figures.lateOpenAtEnd);
    expect(onTime.numerator).toBeLessThan(onTime.denominator); // some dossiers are late
    expect(d.figures.received).toBeGreaterThan(10);
    expect(d.previous.period).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(d.trend.map((t: { period: { from: string } }) => t.period.from)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
  });

  it('the two ways of reading the counters agree: whole months (monthly rows) and any range (daily rows)', async () => {
    const c = staff['tinh.caicach']!;
    const q2 = (await c.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&${Q2}`)).body;
    const custom = (await c.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&period=custom&from=2026-04-01&to=2026-06-30`)).body;
    expect(custom.figures).toEqual(q2.figures);
    expect(custom.result.total).toBe(q2.result.total);
    for (const month of [4, 5]) {
      const m = (await c.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&period=month&year=2026&index=${month}`)).body;
      const point = q2.trend.find((t: { period: { from: string } }) => t.period.from === m.period.from);
      expect(point.total).toBe(m.result.total);
      const daily = (await c.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&period=custom&from=${m.period.from}&to=${m.period.to}`)).body;
      expect(daily.figures).toEqual(m.figures);
    }
  });

  it('the province is the sum of its units: received dossiers add up', async () => {
    const q = (code: string) => staff['tinh.caicach']!.get(`/api/monitoring/index?agencyId=${agencyId[code]}&${Q2}`);
    const [p, a, b] = await Promise.all([q(PROVINCE), q(PLEIKU), q(DIENHONG)]);
    expect(p.body.figures.received).toBe(a.body.figures.received + b.body.figures.received);
    expect(ind(p.body, 'ON_TIME').denominator).toBe(ind(a.body, 'ON_TIME').denominator + ind(b.body, 'ON_TIME').denominator);
  });

  it('a commune officer sees his own unit only (another unit and the province answer 404); no session answers 401', async () => {
    expect((await staff['dienhong.motcua']!.get(`/api/monitoring/index?agencyId=${agencyId[DIENHONG]}&${Q2}`)).status).toBe(200);
    expect((await staff['dienhong.motcua']!.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&${Q2}`)).status).toBe(404);
    expect((await staff['dienhong.motcua']!.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&${Q2}`)).status).toBe(404);
    expect((await anon.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&${Q2}`)).status).toBe(401);
  });

  it('a bad period answers 422 with the reason', async () => {
    const r = await staff['tinh.caicach']!.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&period=custom&from=2026-05-01&to=2026-04-01`);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PERIOD_INVALID');
    expect(r.body.error.message).toBe('Kỳ báo cáo không hợp lệ: to is before from.');
  });
});

describe('drill-down', () => {
  it('from ON_TIME to the procedures (adding up to the indicator) and to the late dossiers of one of them', async () => {
    const c = staff['tinh.caicach']!;
    const dash = (await c.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&${Q2}`)).body;
    const procs = await c.get(`/api/monitoring/index/procedures?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ON_TIME`);
    expect(procs.status).toBe(200);
    const rows = procs.body.rows as { procedureId: string; numerator: number; denominator: number; missing: number }[];
    expect(rows.reduce((s, r) => s + r.denominator, 0)).toBe(ind(dash, 'ON_TIME').denominator);
    expect(rows.reduce((s, r) => s + r.numerator, 0)).toBe(ind(dash, 'ON_TIME').numerator);
    expect(rows[0]!.missing).toBeGreaterThan(0); // worst first
    const worst = rows[0]!;
    const late = await c.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ON_TIME&procedureId=${worst.procedureId}&limit=200`);
    expect(late.status).toBe(200);
    expect(late.body.rows).toHaveLength(worst.missing);
    for (const d of late.body.rows) {
      expect(d.counts).toBe(false);
      expect(d.reason).toMatch(/^Trễ hạn/);
    }
    const all = await c.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ON_TIME&procedureId=${worst.procedureId}&filter=denominator&limit=200`);
    expect(all.body.rows).toHaveLength(worst.denominator);
    // Each dossier opens in the dossier API for the same user.
    const one = await c.get(`/api/dossiers/${late.body.rows[0].id}`);
    expect(one.status).toBe(200);
  });

  it('receipt-based indicators list the dossiers that miss the flag; pages do not overlap', async () => {
    const c = staff['tinh.caicach']!;
    const dash = (await c.get(`/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&${Q2}`)).body;
    const online = ind(dash, 'ONLINE_DOSSIERS');
    const p1 = await c.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ONLINE_DOSSIERS&limit=5`);
    const p2 = await c.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ONLINE_DOSSIERS&limit=5&cursor=${p1.body.next}`);
    expect(p1.body.hasMore).toBe(online.denominator - online.numerator > 5);
    expect(p1.body.next).toEqual(expect.any(String)); // keyset paging: the next page starts after p1's last row
    const ids = new Set(p1.body.rows.map((r: { id: string }) => r.id));
    for (const r of p2.body.rows) expect(ids.has(r.id)).toBe(false);
    const num = await c.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ONLINE_DOSSIERS&filter=numerator&limit=200`);
    expect(num.body.rows).toHaveLength(online.numerator);
  });

  it('indicators not computed from dossiers have no dossier list (422); unknown indicators 404', async () => {
    const c = staff['tinh.caicach']!;
    expect((await c.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ONLINE_USED`)).body.error.code).toBe('INDICATOR_NOT_DOSSIER_BASED');
    expect((await c.get(`/api/monitoring/index/procedures?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=NO_SUCH`)).status).toBe(404);
  });
});

describe('rankings', () => {
  it('ranks the province’s children with the minimum-volume rule; sorting by a group', async () => {
    const c = staff['tinh.caicach']!;
    const r = await c.get(`/api/monitoring/rankings?agencyId=${agencyId[PROVINCE]}&${Q2}&minDossiers=5`);
    expect(r.status).toBe(200);
    expect(r.body.minDossiers).toBe(5);
    const rows = r.body.rows as { agency: { code: string }; eligible: boolean; rank: number | null; received: number; scaled: number }[];
    const ranked = rows.filter((x) => x.eligible);
    expect(ranked.map((x) => x.agency.code).sort()).toEqual([DIENHONG, PLEIKU].sort());
    expect(ranked[0]!.rank).toBe(1);
    expect(ranked[0]!.scaled).toBeGreaterThanOrEqual(ranked[1]!.scaled);
    for (const x of rows.filter((y) => !y.eligible)) {
      expect(x.rank).toBeNull();
      expect(x.received).toBeLessThan(5);
    }
    const strict = await c.get(`/api/monitoring/rankings?agencyId=${agencyId[PROVINCE]}&${Q2}&minDossiers=100000`);
    expect(strict.body.rows.every((x: { rank: number | null }) => x.rank === null)).toBe(true);
    const byProgress = await c.get(`/api/monitoring/rankings?agencyId=${agencyId[PROVINCE]}&${Q2}&minDossiers=5&sort=PROGRESS`);
    const g = byProgress.body.rows.filter((x: { eligible: boolean }) => x.eligible).map((x: { groups: Record<string, number> }) => x.groups.PROGRESS);
    expect(g).toEqual([...g].sort((a: number, b: number) => b - a));
  });
});

describe('profiles and reconciliation', () => {
  it('a province admin adds a profile version (never edited); every period can be re-scored with it', async () => {
    const profile = {
      ...PORTAL_2025,
      id: 'gia-lai-2026',
      name: { vi: 'Thử nghiệm: tiến độ ngưỡng 90', en: 'Trial: progress threshold 90' },
      validFrom: '2026-07-01',
      indicators: PORTAL_2025.indicators.map((i) => (i.code === 'ON_TIME' ? { ...i, rule: { kind: 'threshold' as const, threshold: 90 } } : i)),
    };
    expect((await staff['tinh.caicach']!.post('/api/monitoring/profiles', profile)).status).toBe(403);
    expect((await staff['tinh.quantri']!.post('/api/monitoring/profiles', profile)).status).toBe(201);
    expect((await staff['tinh.quantri']!.post('/api/monitoring/profiles', profile)).body.error.code).toBe('PROFILE_EXISTS');
    const bad = await staff['tinh.quantri']!.post('/api/monitoring/profiles', { ...profile, id: 'bad-one', groups: profile.groups.map((g) => ({ ...g, max: 1 })) });
    expect(bad.status).toBe(400);
    const list = (await staff['tinh.caicach']!.get('/api/monitoring/profiles')).body;
    expect(list.profiles.map((p: { id: string }) => p.id)).toEqual(['portal-2025', 'qd766-2022', 'gia-lai-2026']);
    const base = (await staff['tinh.caicach']!.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&${Q2}`)).body;
    const trial = (await staff['tinh.caicach']!.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&${Q2}&profile=gia-lai-2026`)).body;
    const rate = ind(base, 'ON_TIME').rate as number;
    expect(ind(trial, 'ON_TIME').score).toBeCloseTo(rate >= 90 ? 20 : Math.round((20 * rate) / 90 * 100) / 100, 1);
    expect(ind(trial, 'ON_TIME').numerator).toBe(ind(base, 'ON_TIME').numerator);
  });

  it('imports the national portal’s counts and shows them beside motcua’s, with the differences', async () => {
    const c = staff['tinh.caicach']!;
    const ours = (await c.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&${Q2}`)).body;
    const on = ind(ours, 'ON_TIME');
    const body = { agencyId: agencyId[PLEIKU], period: 'quarter', year: 2026, index: 2, source: 'Cổng DVC quốc gia, 20/06/2026', metrics: [{ code: 'ON_TIME', numerator: on.numerator, denominator: on.denominator }, { code: 'ONLINE_DOSSIERS', numerator: 1, denominator: 40 }, { code: 'PUBLISH_ON_TIME', numerator: 5, denominator: 6 }] };
    expect((await staff['pleiku.motcua']!.post('/api/monitoring/reconciliations', body)).status).toBe(403);
    const unknown = await c.post('/api/monitoring/reconciliations', { ...body, metrics: [{ code: 'NOPE', numerator: 1, denominator: 2 }] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.details)).toContain('unknown indicator codes: NOPE');
    const above = await c.post('/api/monitoring/reconciliations', { ...body, metrics: [{ code: 'ON_TIME', numerator: 3, denominator: 2 }] });
    expect(JSON.stringify(above.body.error.details)).toContain('numerator above denominator: ON_TIME');
    expect((await c.post('/api/monitoring/reconciliations', body)).status).toBe(201);
    const r = await c.get(`/api/monitoring/reconciliation?agencyId=${agencyId[PLEIKU]}&${Q2}`);
    expect(r.status).toBe(200);
    expect(r.body.imported.source).toBe(body.source);
    const diff = new Map(r.body.differences.map((d: { code: string }) => [d.code, d]));
    expect(diff.get('ON_TIME')).toMatchObject({ differs: false });
    expect(diff.get('ONLINE_DOSSIERS')).toMatchObject({ differs: true, theirs: { numerator: 1, denominator: 40 } });
    expect(r.body.portal.groups.find((g: { code: string }) => g.code === 'PROGRESS').score).toBe(ind(ours, 'ON_TIME').score);
    // What motcua cannot measure (publication on time) now comes from the import on the dashboard of that period;
    // what it measures stays its own.
    const after = (await c.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&${Q2}`)).body;
    expect(after.importedCodes).toEqual(['PUBLISH_ON_TIME']);
    expect(ind(after, 'PUBLISH_ON_TIME')).toMatchObject({ numerator: 5, denominator: 6, score: 5, status: 'scored' });
    expect(ind(after, 'ONLINE_DOSSIERS').denominator).toBe(ind(ours, 'ONLINE_DOSSIERS').denominator);
    expect(ind(ours, 'PUBLISH_ON_TIME').status).toBe('no_data');
    // Another commune's officer cannot import for Pleiku.
    expect((await staff['dienhong.motcua']!.post('/api/monitoring/reconciliations', body)).status).toBe(403);
  });

  it('reads the counts from the Excel file exported from the portal, or from JSON, naming the bad row in Vietnamese', async () => {
    const c = staff['tinh.caicach']!;
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const workbook = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Bo chi so 766');
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const good = await workbook([
      ['CỔNG DỊCH VỤ CÔNG QUỐC GIA'],
      [],
      ['STT', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Tử số', 'Mẫu số'],
      [1, 'ON_TIME', 'Tỷ lệ đúng hạn', 38, 40],
      [2, 'ONLINE_DOSSIERS', 'Tỷ lệ trực tuyến', { formula: '10+2', result: 12 }, 40],
    ]);
    const r = await c.upload(good, 'chi-so-766-quy-II.xlsx', XLSX, '/api/monitoring/reconciliations/read');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ fileName: 'chi-so-766-quy-II.xlsx', metrics: [{ code: 'ON_TIME', numerator: 38, denominator: 40 }, { code: 'ONLINE_DOSSIERS', numerator: 12, denominator: 40 }] });
    const json = await c.upload(Buffer.from(JSON.stringify({ metrics: [{ code: 'ON_TIME', numerator: 1, denominator: 2 }] })), 'counts.json', 'application/json', '/api/monitoring/reconciliations/read');
    expect(json.body.metrics).toEqual([{ code: 'ON_TIME', numerator: 1, denominator: 2 }]);
    const bad = await c.upload(await workbook([['Mã chỉ tiêu', 'Tử số', 'Mẫu số'], ['ON_TIME', 'ba mươi', 40]]), 'sai.xlsx', XLSX, '/api/monitoring/reconciliations/read');
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('PORTAL_COUNTS_INVALID');
    expect(bad.body.error.message).toContain('Dòng 2:');
    expect(bad.body.error.messageEn).toContain('Row 2:');
    const junk = await c.upload(Buffer.from('PK not really a zip'), 'x.xlsx', XLSX, '/api/monitoring/reconciliations/read');
    expect(junk.status).toBe(422);
    expect(junk.body.error.message).toContain('Excel');
    expect((await staff['pleiku.motcua']!.upload(good, 'a.xlsx', XLSX, '/api/monitoring/reconciliations/read')).status).toBe(403);
  });
});

describe('exports, rebuild and the public pages', () => {
  const fetchBin = async (c: ApiClient, url: string) => {
    const res = await fetch(http.base + url, { headers: { authorization: `Bearer ${c.token}` } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };

  it('exports the dashboard and the rankings to Excel and PDF', async () => {
    const c = staff['tinh.caicach']!;
    const x = await fetchBin(c, `/api/monitoring/index.xlsx?agencyId=${agencyId[PROVINCE]}&${Q2}`);
    expect(x.status).toBe(200);
    expect(x.body.subarray(0, 2).toString()).toBe('PK');
    expect(x.disposition).toContain('.xlsx');
    const p = await fetchBin(c, `/api/monitoring/index.pdf?agencyId=${agencyId[PROVINCE]}&${Q2}`);
    expect(p.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetchBin(c, `/api/monitoring/rankings.xlsx?agencyId=${agencyId[PROVINCE]}&${Q2}`)).body.subarray(0, 2).toString()).toBe('PK');
    expect((await fetchBin(c, `/api/monitoring/rankings.pdf?agencyId=${agencyId[PROVINCE]}&${Q2}`)).body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetchBin(staff['dienhong.motcua']!, `/api/monitoring/index.xlsx?agencyId=${agencyId[PLEIKU]}&${Q2}`)).status).toBe(404);
    // The drill-down of ON_TIME: the procedures and the late dossiers, the same as the API lists.
    const drill = await fetchBin(c, `/api/monitoring/index/drilldown.xlsx?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ON_TIME`);
    expect(drill.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(drill.body as never);
    const late = (await c.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ON_TIME&limit=200`)).body.rows as { code: string }[];
    const sheet = wb.worksheets[1]!;
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n >= 7 && row.getCell(1).value) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toEqual(late.map((r) => r.code));
    const procs = (await c.get(`/api/monitoring/index/procedures?agencyId=${agencyId[PROVINCE]}&${Q2}&indicator=ON_TIME`)).body.rows as { code: string; missing: number }[];
    expect(wb.worksheets[0]!.getRow(7).getCell(1).value).toBe(procs[0]!.code);
    expect(wb.worksheets[0]!.getRow(7).getCell(6).value).toBe(procs[0]!.missing);
  });

  it('rebuild (province admin only) leaves every figure unchanged', async () => {
    const url = `/api/monitoring/index?agencyId=${agencyId[PROVINCE]}&period=year&year=2026`;
    const before = (await staff['tinh.caicach']!.get(url)).body;
    expect((await staff['tinh.caicach']!.post('/api/monitoring/rebuild')).status).toBe(403);
    const r = await staff['tinh.quantri']!.post('/api/monitoring/rebuild');
    expect(r.status).toBe(200);
    expect(r.body.dossiers).toBeGreaterThan(0);
    expect((await staff['tinh.caicach']!.get(url)).body).toEqual(before);
  });

  it('public: the index and the rankings of any unit without sign-in, same figures as the staff view', async () => {
    const agencies = (await anon.get('/api/public/index/agencies')).body.agencies as { code: string }[];
    expect(agencies.map((a) => a.code)).toContain(PLEIKU);
    const pub = await anon.get(`/api/public/index?agencyId=${agencyId[PLEIKU]}&${Q2}`);
    expect(pub.status).toBe(200);
    const staffView = (await staff['tinh.caicach']!.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&${Q2}`)).body;
    expect(pub.body.result.total).toBe(staffView.result.total);
    const rk = await anon.get(`/api/public/rankings?agencyId=${agencyId[PROVINCE]}&${Q2}`);
    expect(rk.status).toBe(200);
    expect(rk.body.rows.length).toBeGreaterThan(1);
    expect((await anon.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PLEIKU]}&${Q2}&indicator=ON_TIME`)).status).toBe(401);
  });
});

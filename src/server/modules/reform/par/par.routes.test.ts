import { createHash } from 'node:crypto';
/**
 * PAR index over real HTTP on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): import a set (with
 * a precise error per bad node), open a round for two communes with working-day deadlines and an outbox notice,
 * self-assess with evidence and an auto-filled node, submit, appraise with an adjustment and the unit's one answer,
 * survey counts, lock at the deadline (423) with unlock/relock, finalise, publish, ranking and lost points, exports,
 * permissions (unit only its own, appraiser only assignments, results private until published), versions,
 * append-only history, and the exported parSummaryFor / lostPointsFor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ApiClient, createSeededEnv, samplePdf, startHttp, TestClock, type TestEnv } from '../../../../../test/support/harness.ts';
import { communeCriteriaSet } from '../../../seed/par-commune-set.ts';
import { lostPointsFor, parSummaryFor } from './index.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const c = {} as Record<'anon' | 'reform' | 'admin' | 'pleikuLeader' | 'pleikuSpec' | 'dienhongLeader' | 'inspector' | 'pleikuDesk', ApiClient>;
const agency: Record<string, string> = {};
let setId: string;
let roundId: string;

const P = '/api/reform/par';
type Node = { code: string; leaf: boolean; method: { kind: string; options?: { key: string }[] } | null; version: number | null; applicable: boolean; autoFigure: unknown; evidenceRequired: boolean };

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  c.anon = new ApiClient(http.base);
  const users = { reform: 'tinh.caicach', admin: 'tinh.quantri', pleikuLeader: 'pleiku.lanhdao', pleikuSpec: 'pleiku.chuyenvien', dienhongLeader: 'dienhong.lanhdao', inspector: 'tinh.thanhtra', pleikuDesk: 'pleiku.motcua' } as const;
  for (const [k, u] of Object.entries(users)) c[k as keyof typeof users] = await new ApiClient(http.base).login(u);
  for (const a of (await c.anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agency[a.code] = a.id;
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

const PLEIKU = () => agency['000.01.00.H21']!;
const DIENHONG = () => agency['000.02.00.H21']!;
const unitUrl = (a: string) => `${P}/rounds/${roundId}/units/${a}`;

describe('criteria sets', () => {
  it('rejects a bad set with one problem per bad node, and a non-admin import', async () => {
    const bad = communeCriteriaSet(2026) as { nodes: { code: string; max: number; parent?: string }[] };
    bad.nodes.find((n) => n.code === '1.1.1')!.max = 1.5; // 1.1 now adds up to 3.5
    bad.nodes.push({ code: '9.9', parent: '9', title: { vi: 'Tiêu chí lạc' }, max: 1, method: { kind: 'yesno' } } as never);
    const r = await c.reform.post(`${P}/sets/import`, bad);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('PAR_SET_INVALID');
    const problems = r.body.error.details.problems as { node: string; kind: string; message: string }[];
    expect(problems.map((p) => `${p.node} ${p.kind}`)).toEqual(expect.arrayContaining(['1.1 CHILDREN_MAX_MISMATCH', '9.9 UNKNOWN_PARENT']));
    expect(r.body.error.message).toMatch(/^Bộ tiêu chí không hợp lệ/);
    expect((await c.pleikuLeader.post(`${P}/sets/import`, communeCriteriaSet(2026))).status).toBe(403);
  });

  it('imports, exports the same document, copies to another year, refuses a duplicate', async () => {
    const r = await c.reform.post(`${P}/sets/import`, communeCriteriaSet(2026));
    expect(r.status).toBe(201);
    setId = r.body.id;
    expect(r.body.nodes).toBe(54);
    const ex = await c.reform.get(`${P}/sets/${setId}/export`);
    expect(ex.status).toBe(200);
    expect(ex.body.nodes).toHaveLength(54);
    expect(ex.body.nodes.find((n: { code: string }) => n.code === '8').max).toBe(33);
    expect((await c.reform.post(`${P}/sets/import`, communeCriteriaSet(2026))).body.error.code).toBe('PAR_SET_EXISTS');
    const copy = await c.reform.post(`${P}/sets/${setId}/copy`, { year: 2027 });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ code: 'CCHC-XA-2027', year: 2027, nodes: 54 });
    const list = await c.pleikuLeader.get(`${P}/sets`);
    expect(list.body.items.find((s: { id: string }) => s.id === setId)).toMatchObject({ max: '100.00', areas: 8 });
  });
});

describe('a round', () => {
  it('opens for two communes with deadlines in working days and notifies through the outbox', async () => {
    const before = (await env.ctx.db.execute(sql`select count(*)::int as n from outbox`)) as unknown as { rows: { n: number }[] };
    const r = await c.reform.post(`${P}/rounds`, { setId, agencyIds: [PLEIKU(), DIENHONG()], selfDeadline: { workingDays: 10 }, appraisalDeadline: { workingDays: 20 } });
    expect(r.status).toBe(201);
    roundId = r.body.id;
    // 10 working days after Monday 02/03/2026 (no holiday in between) is Monday 16/03/2026.
    expect(r.body.selfDeadline).toBe('2026-03-16');
    expect(r.body.appraisalDeadline).toBe('2026-03-30');
    expect(r.body.units.map((u: { agency: { code: string } }) => u.agency.code)).toEqual(['000.01.00.H21', '000.02.00.H21']);
    const after = (await env.ctx.db.execute(sql`select count(*)::int as n from outbox`)) as unknown as { rows: { n: number }[] };
    expect(Number(after.rows[0]!.n)).toBeGreaterThanOrEqual(Number(before.rows[0]!.n));
    expect((await c.pleikuLeader.post(`${P}/rounds`, { setId, agencyIds: [PLEIKU()], selfDeadline: { workingDays: 1 }, appraisalDeadline: { workingDays: 2 } })).status).toBe(403);
  });

  it('a unit sees only its own self-assessment; others get 404', async () => {
    const own = await c.pleikuSpec.get(unitUrl(PLEIKU()));
    expect(own.status).toBe(200);
    expect(own.body.nodes).toHaveLength(54);
    expect((await c.pleikuSpec.get(unitUrl(DIENHONG()))).status).toBe(404);
    expect((await c.dienhongLeader.get(unitUrl(PLEIKU()))).status).toBe(404);
    expect((await c.inspector.get(unitUrl(PLEIKU()))).status).toBe(404);
    const rounds = await c.dienhongLeader.get(`${P}/rounds/${roundId}`);
    expect(rounds.body.units.map((u: { agency: { id: string } }) => u.agency.id)).toEqual([DIENHONG()]);
  });

  it('an auto-filled node shows the figure with its query and drill-down, cannot be typed over, only commented on', async () => {
    const a = (await c.pleikuSpec.get(unitUrl(PLEIKU()))).body;
    const online = a.nodes.find((n: Node) => n.code === '7.1');
    expect(online.autoFigure).toMatchObject({ metric: 'ONLINE_DOSSIERS', period: { from: '2026-01-01', to: '2026-03-02' } });
    expect(online.autoFigure.query).toContain('ONLINE_DOSSIERS');
    expect(online.autoFigure.drill).toMatch(/^\/chi-so\/chi-tieu\/ONLINE_DOSSIERS\?agencyId=/);
    const typed = await c.pleikuSpec.put(`${unitUrl(PLEIKU())}/nodes/7.1`, { version: online.version, answer: { kind: 'points', points: 4 } });
    expect(typed.status).toBe(409);
    expect(typed.body.error.code).toBe('PAR_NODE_AUTO');
    const commented = await c.pleikuSpec.put(`${unitUrl(PLEIKU())}/nodes/7.1`, { version: online.version, comment: 'Số liệu đúng với sổ theo dõi.' });
    expect(commented.status).toBe(200);
    expect(commented.body.nodes.find((n: Node) => n.code === '7.1').unitComment).toBe('Số liệu đúng với sổ theo dõi.');
  });

  it('validates points at the edge: above the maximum, an unknown option, a parent, a survey node', async () => {
    const u = unitUrl(PLEIKU());
    const above = await c.pleikuSpec.put(`${u}/nodes/1.3.1`, { answer: { kind: 'points', points: 5 } });
    expect(above.status).toBe(400);
    expect(above.body.error.code).toBe('PAR_POINTS_INVALID');
    expect((await c.pleikuSpec.put(`${u}/nodes/1.1.2`, { answer: { kind: 'option', key: 'nope' } })).body.error.message).toContain('1.1.2: unknown option nope');
    expect((await c.pleikuSpec.put(`${u}/nodes/1.1`, { answer: { kind: 'yesno', yes: true } })).body.error.code).toBe('PAR_NODE_NOT_LEAF');
    expect((await c.pleikuSpec.put(`${u}/nodes/8.2.1`, { answer: { kind: 'points', points: 1 } })).body.error.code).toBe('PAR_NODE_SURVEY');
    expect((await c.pleikuSpec.put(`${u}/nodes/1.1.1`, { answer: 'yes' })).status).toBe(400);
  });

  it('self-assesses with an evidence upload (page note), the picker, explanations; running total; versions conflict', async () => {
    const u = unitUrl(PLEIKU());
    const up = await c.pleikuSpec.upload(samplePdf('ke hoach cchc'), 'ke-hoach-cchc-2026.pdf');
    expect(up.status).toBe(201);
    const ev = await c.pleikuSpec.post(`${u}/nodes/1.1.1/evidence`, { sha256: up.body.sha256, fileName: 'ke-hoach-cchc-2026.pdf', pageNote: 'Trang 2, mục II', effectiveDate: '2025-12-20' });
    expect(ev.status).toBe(201);
    expect(ev.body.nodes.find((n: Node) => n.code === '1.1.1').evidence[0]).toMatchObject({ fileName: 'ke-hoach-cchc-2026.pdf', pageNote: 'Trang 2, mục II' });
    const evidenceId = ev.body.nodes.find((n: Node) => n.code === '1.1.1').evidence[0].id as string;
    for (const who of [c.pleikuSpec, c.reform]) {
      const f = await who.download(`${u}/evidence/${evidenceId}/content`);
      expect(f.status).toBe(200);
      expect(createHash('sha256').update(f.bytes).digest('hex')).toBe(up.body.sha256);
    }
    expect((await c.dienhongLeader.download(`${u}/evidence/${evidenceId}/content`)).status).toBe(404);
    expect((await c.pleikuSpec.get(`${u}/documents`)).status).toBe(200);
    let a = ev.body;
    for (const n of a.nodes as Node[]) {
      if (!n.leaf || !n.applicable || !n.method || ['auto', 'survey'].includes(n.method.kind)) continue;
      const answer = n.method.kind === 'yesno' ? { kind: 'yesno', yes: true } : n.method.kind === 'options' ? { kind: 'option', key: n.method.options![n.code === '3.3' ? 1 : 0]!.key } : { kind: 'value', value: 100 };
      const r = await c.pleikuSpec.put(`${u}/nodes/${n.code}`, { ...(n.version ? { version: n.version } : {}), answer, ...(n.code === '1.1.1' ? {} : { explanation: 'Hồ sơ lưu tại Văn phòng UBND phường.' }) });
      expect(r.status).toBe(200);
      a = r.body;
    }
    expect(a.missing).toEqual([]);
    expect(Number(a.running.points)).toBeGreaterThan(50);
    // A stale version is detected, never merged.
    const n111 = a.nodes.find((n: Node) => n.code === '1.1.1');
    // Two officers read the same version; the first write wins, the second is refused.
    expect((await c.pleikuLeader.put(`${u}/nodes/1.1.1`, { version: n111.version, answer: { kind: 'yesno', yes: true } })).status).toBe(200);
    const stale = await c.pleikuSpec.put(`${u}/nodes/1.1.1`, { version: n111.version, answer: { kind: 'yesno', yes: false } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('PAR_VERSION_CONFLICT');
  });

  it('only the leader submits; a stale unit version conflicts; withdraw and resubmit before the deadline', async () => {
    const u = unitUrl(PLEIKU());
    const a = (await c.pleikuLeader.get(u)).body;
    expect((await c.pleikuSpec.post(`${u}/submit`, { version: a.version })).status).toBe(403);
    expect((await c.pleikuLeader.post(`${u}/submit`, { version: a.version - 1 })).body.error.code).toBe('PAR_VERSION_CONFLICT');
    const s = await c.pleikuLeader.post(`${u}/submit`, { version: a.version });
    expect(s.status).toBe(200);
    expect(s.body.status).toBe('submitted');
    expect((await c.pleikuSpec.put(`${u}/nodes/1.1.1`, { answer: { kind: 'yesno', yes: false } })).body.error.code).toBe('PAR_NOT_DRAFT');
    const w = await c.pleikuLeader.post(`${u}/withdraw`, { version: s.body.version });
    expect(w.body.status).toBe('draft');
    expect((await c.pleikuLeader.post(`${u}/submit`, { version: w.body.version })).body.status).toBe('submitted');
  });

  it('a unit with something missing cannot submit (explanations required without evidence)', async () => {
    const u = unitUrl(DIENHONG());
    await c.dienhongLeader.put(`${u}/nodes/1.1.1`, { answer: { kind: 'yesno', yes: true } });
    const a = (await c.dienhongLeader.get(u)).body;
    expect(a.missing).toContainEqual({ code: '1.1.1', reason: 'evidence' });
    const r = await c.dienhongLeader.post(`${u}/submit`, { version: a.version });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PAR_INCOMPLETE');
  });

  it('locks at the deadline (423 ROUND_LOCKED, nothing auto-submitted); an admin unlocks for 3 working days and relocks, audited', async () => {
    clock.set('2026-03-17T08:00:00+07:00');
    const u = unitUrl(DIENHONG());
    const locked = await c.dienhongLeader.put(`${u}/nodes/1.1.1`, { version: 1, explanation: 'x' });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ROUND_LOCKED');
    expect(locked.body.error.message).toContain('16/03/2026');
    expect((await c.dienhongLeader.get(u)).body).toMatchObject({ status: 'draft', locked: true, late: true });
    expect((await c.pleikuLeader.post(`${P}/rounds/${roundId}/units/${DIENHONG()}/unlock`, { reason: 'x' })).status).toBe(403);
    const un = await c.reform.post(`${P}/rounds/${roundId}/units/${DIENHONG()}/unlock`, { reason: 'Mất điện kéo dài tại trụ sở' });
    expect(un.status).toBe(200);
    expect(un.body.units.find((x: { agency: { id: string } }) => x.agency.id === DIENHONG()).graceUntil).toBe('2026-03-20');
    const n = (await c.dienhongLeader.get(u)).body.nodes.find((x: Node) => x.code === '1.1.1');
    expect((await c.dienhongLeader.put(`${u}/nodes/1.1.1`, { version: n.version, explanation: 'Kế hoạch lưu bản giấy.' })).status).toBe(200);
    await c.reform.post(`${P}/rounds/${roundId}/units/${DIENHONG()}/relock`, { reason: 'Đơn vị đã bổ sung xong' });
    expect((await c.dienhongLeader.put(`${u}/nodes/1.1.1`, { version: n.version + 1, explanation: 'y' })).status).toBe(423);
    const h = await c.reform.get(`${P}/rounds/${roundId}/history?agencyId=${DIENHONG()}`);
    expect(h.body.items.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['unit.unlock', 'unit.relock']));
    expect(h.body.items.find((x: { action: string }) => x.action === 'unit.unlock').reason).toBe('Mất điện kéo dài tại trụ sở');
  });

  it('appraisal: only assigned appraisers; adjusting needs a comment; the unit answers once per cycle', async () => {
    const me = (await c.inspector.get('/api/auth/me')).body.userId;
    expect((await c.reform.post(`${P}/rounds/${roundId}/appraisers`, { userId: me, agencyId: PLEIKU() })).status).toBe(200);
    const u = unitUrl(PLEIKU());
    const view = await c.inspector.get(u);
    expect(view.status).toBe(200);
    expect((await c.inspector.get(unitUrl(DIENHONG()))).status).toBe(404);
    const node = (code: string) => view.body.nodes.find((n: Node) => n.code === code);
    const noComment = await c.inspector.post(`${u}/nodes/1.4/appraise`, { version: node('1.4').version, decision: 'adjust', points: 1 });
    expect(noComment.body.error.code).toBe('PAR_COMMENT_REQUIRED');
    const adj = await c.inspector.post(`${u}/nodes/1.4/appraise`, { version: node('1.4').version, decision: 'adjust', points: 1, comment: 'Chưa có tin bài tuyên truyền quý IV.' });
    expect(adj.status).toBe(200);
    expect(adj.body.nodes.find((n: Node) => n.code === '1.4')).toMatchObject({ appraisal: 'adjusted', appraisedPoints: '1.00', appraiserNote: 'Chưa có tin bài tuyên truyền quý IV.' });
    const again = await c.inspector.post(`${u}/nodes/1.4/appraise`, { version: node('1.4').version, decision: 'accept' });
    expect(again.body.error.code).toBe('PAR_VERSION_CONFLICT');
    expect((await c.inspector.post(`${u}/nodes/1.1.1/appraise`, { version: node('1.1.1').version, decision: 'accept' })).status).toBe(200);
    expect((await c.pleikuSpec.post(`${u}/nodes/1.4/appraise`, { decision: 'accept' })).body.error.code).toBe('PAR_NOT_ASSIGNED');
    const ans = await c.pleikuSpec.post(`${u}/nodes/1.4/answer`, { body: 'Đơn vị bổ sung 3 tin bài đăng trên trang thông tin điện tử.' });
    expect(ans.status).toBe(201);
    expect(ans.body.nodes.find((n: Node) => n.code === '1.4').comments.map((x: { kind: string }) => x.kind)).toEqual(['appraisal', 'answer']);
    expect((await c.pleikuSpec.post(`${u}/nodes/1.4/answer`, { body: 'Lần nữa' })).body.error.code).toBe('PAR_ALREADY_ANSWERED');
    expect((await c.pleikuSpec.post(`${u}/nodes/2.1/answer`, { body: 'x' })).body.error.code).toBe('PAR_NOTHING_TO_ANSWER');
  });

  it('survey: answer counts weighted A 100 / B 60 / C 20 / D 0, points directly, CSV import with a line error', async () => {
    const counts = await c.reform.post(`${P}/rounds/${roundId}/survey`, { agencyId: PLEIKU(), nodeCode: '8.2.1', counts: [{ A: 50, B: 30, C: 15, D: 5 }] });
    expect(counts.status).toBe(200);
    expect(counts.body.items.find((x: { nodeCode: string }) => x.nodeCode === '8.2.1').points).toBe('2.84'); // 71 % of 4
    expect((await c.reform.post(`${P}/rounds/${roundId}/survey`, { agencyId: PLEIKU(), nodeCode: '8.2.2', points: 4.5 })).body.error.code).toBe('PAR_SURVEY_INVALID');
    expect((await c.reform.post(`${P}/rounds/${roundId}/survey`, { agencyId: PLEIKU(), nodeCode: '1.1.1', points: 1 })).body.error.code).toBe('PAR_SURVEY_INVALID');
    const csv = ['agencyCode,nodeCode,points', '000.01.00.H21,8.1.1,4.5', '000.01.00.H21,8.1.2,4', '000.01.00.H21,8.2.2,3.5', '000.01.00.H21,8.2.3,3.75', '000.02.00.H21,8.1.1,3'].join('\n');
    const imp = await c.reform.post(`${P}/rounds/${roundId}/survey/import`, { csv });
    expect(imp.status).toBe(200);
    expect(imp.body.items).toHaveLength(6);

    // The same as an Excel workbook (answer counts of two questions for one node).
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Khảo sát');
    ws.addRow(['agencyCode', 'nodeCode', 'A', 'B', 'C', 'D']);
    ws.addRow(['000.02.00.H21', '8.2.1', 10, 10, 0, 0]);
    ws.addRow(['000.02.00.H21', '8.2.1', 0, 0, 10, 10]);
    const x = await c.reform.post(`${P}/rounds/${roundId}/survey/import`, { xlsxBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(x.status).toBe(200);
    expect(x.body.items.find((i: { agencyId: string; nodeCode: string }) => i.agencyId === DIENHONG() && i.nodeCode === '8.2.1').points).toBe('1.80'); // (100+60+20+0)/4 = 45 % of 4
    expect((await c.reform.post(`${P}/rounds/${roundId}/survey/import`, { xlsxBase64: 'bm90IGV4Y2Vs' })).body.error.code).toBe('PAR_SURVEY_INVALID');
    const bad = await c.reform.post(`${P}/rounds/${roundId}/survey/import`, { csv: 'agencyCode,nodeCode,points\n999,8.1.1,1' });
    expect(bad.body.error.message).toContain('line 2: unit 999 is not in the round');
    expect((await c.pleikuLeader.post(`${P}/rounds/${roundId}/survey`, { agencyId: PLEIKU(), nodeCode: '8.2.1', points: 4 })).status).toBe(403);
  });

  it('results are private until published: the unit sees only its row without rank; the owners see the ranking', async () => {
    const mine = await c.pleikuLeader.get(`${P}/rounds/${roundId}/results`);
    expect(mine.status).toBe(200);
    expect(mine.body.rows).toHaveLength(1);
    expect(mine.body.rows[0]).toMatchObject({ rank: null });
    expect((await c.pleikuDesk.get(`${P}/rounds/${roundId}/results`)).body.rows.map((r: { agency: { id: string } }) => r.agency.id)).toEqual([PLEIKU()]);
    const all = await c.reform.get(`${P}/rounds/${roundId}/results`);
    expect(all.body.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2]);
    expect(all.body.rows[0].agency.id).toBe(PLEIKU());
    expect((await c.anon.get(`/api/public/par/rounds/${roundId}`)).status).toBe(404);
    expect((await c.anon.get(`${P}/rounds/${roundId}/results`)).status).toBe(401);
  });

  it('finalise (council) → no more edits; publish → public ranking; lost points with the note; exports', async () => {
    const r = (await c.reform.get(`${P}/rounds/${roundId}`)).body;
    expect((await c.pleikuLeader.post(`${P}/rounds/${roundId}/finalise`, { version: r.version })).status).toBe(403);
    const f = await c.reform.post(`${P}/rounds/${roundId}/finalise`, { version: r.version });
    expect(f.body.status).toBe('finalised');
    const me = (await c.inspector.get(unitUrl(PLEIKU()))).body;
    const late = await c.inspector.post(`${unitUrl(PLEIKU())}/nodes/2.1/appraise`, { version: me.nodes.find((n: Node) => n.code === '2.1').version, decision: 'accept' });
    expect(late.body.error.code).toBe('PAR_ROUND_STATE');
    const p = await c.reform.post(`${P}/rounds/${roundId}/publish`, { version: f.body.version });
    expect(p.body.status).toBe('published');
    const pub = await c.anon.get(`/api/public/par/rounds/${roundId}`);
    expect(pub.status).toBe(200);
    expect(pub.body.rows.map((x: { rank: number; agency: { code: string } }) => [x.rank, x.agency.code])).toEqual([[1, '000.01.00.H21'], [2, '000.02.00.H21']]);
    expect(pub.body.rows[0].lostPoints).toBeUndefined();
    expect((await c.anon.get('/api/public/par/rounds')).body.items.map((x: { id: string }) => x.id)).toContain(roundId);
    // Bounded and keyset-paginated: page size 1 walks the same list, each round once, and stops.
    const whole = (await c.anon.get('/api/public/par/rounds?limit=100')).body;
    expect(whole.next).toBeNull();
    const walked: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages <= whole.items.length + 1; pages++) {
      const page: { body: { items: { id: string }[]; next: string | null } } = await c.anon.get(`/api/public/par/rounds?limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      walked.push(...page.body.items.map((x) => x.id));
      after = page.body.next;
      if (!after) break;
    }
    expect(after).toBeNull();
    expect(walked).toEqual(whole.items.map((x: { id: string }) => x.id));
    expect((await c.anon.get('/api/public/par/rounds?limit=500')).status).toBe(400);
    expect((await c.anon.get('/api/public/par/rounds?after=bm90LWEtY3Vyc29y')).body.error.code).toBe('VALIDATION_FAILED');
    const lost = await c.pleikuLeader.get(`${unitUrl(PLEIKU())}/lost-points`);
    expect(lost.status).toBe(200);
    const row14 = lost.body.rows.find((x: { nodeCode: string }) => x.nodeCode === '1.4');
    expect(row14).toMatchObject({ max: '2.00', points: '1.00', lost: '1.00', appraiserNote: 'Chưa có tin bài tuyên truyền quý IV.' });
    const losts = lost.body.rows.map((x: { lost: string }) => Number(x.lost));
    expect([...losts].sort((a, b) => b - a)).toEqual(losts);
    const xlsx = await fetch(`${http.base}${P}/rounds/${roundId}/results.xlsx`, { headers: { authorization: `Bearer ${c.reform.token}` } });
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await fetch(`${http.base}${P}/rounds/${roundId}/results.pdf`, { headers: { authorization: `Bearer ${c.reform.token}` } });
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the exported functions for the reform dashboard and remediation', async () => {
    const s = await parSummaryFor(env.ctx.db, PLEIKU(), 2026);
    expect(s).toMatchObject({ year: 2026, rank: 1, of: 2, roundStatus: 'published' });
    expect(s.index).toMatch(/^\d+\.\d{2}$/);
    expect(await parSummaryFor(env.ctx.db, PLEIKU(), 2020)).toMatchObject({ index: null, rank: null, roundStatus: null });
    const rows = await lostPointsFor(env.ctx.db, roundId, PLEIKU());
    expect(rows.find((x) => x.nodeCode === '1.4')).toMatchObject({ title: 'Tuyên truyền cải cách hành chính', max: '2.00', points: '1.00', lost: '1.00' });
  });

  it('reopen needs a reason and starts a new cycle; the history is append-only', async () => {
    const r = (await c.reform.get(`${P}/rounds/${roundId}`)).body;
    expect((await c.reform.post(`${P}/rounds/${roundId}/reopen`, { version: r.version, reason: '' })).status).toBe(400);
    const o = await c.reform.post(`${P}/rounds/${roundId}/reopen`, { version: r.version, reason: 'Phúc khảo tiêu chí 1.4 theo đề nghị của phường' });
    expect(o.body).toMatchObject({ status: 'open', cycle: 2 });
    expect((await c.anon.get(`/api/public/par/rounds/${roundId}`)).status).toBe(404);
    await expect(env.ctx.db.execute(sql`update par_history set reason = 'x'`)).rejects.toThrow();
    await expect(env.ctx.db.execute(sql`delete from par_history`)).rejects.toThrow();
    const h = await c.reform.get(`${P}/rounds/${roundId}/history`);
    expect(h.body.items.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['round.open', 'self.score', 'evidence.add', 'unit.submit', 'unit.withdraw', 'appraisal.adjust', 'comment.answer', 'survey.enter', 'round.finalise', 'round.publish', 'round.reopen']));
  });
});

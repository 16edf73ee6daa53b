import { createHash } from 'node:crypto';
/**
 * Remediation tasks and the reform dashboard over real HTTP on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), on the PAR demo (last year's round published with lost points, this year's in progress):
 * a task from a lost point (idempotent, default deadline 15 days), shown on the criterion of the unit's
 * self-assessment; report → return (comment required) → report → accept with evidence required; tasks from an
 * inspection through createRemediationTask (idempotent inside the caller's transaction, leader decides);
 * overdue with the test clock; scope per caller (others 404); keyset paging; 409 on a stale version; 400 on bad
 * input; the append-only history; dashboard figures equal to their drill-down lists and to the list endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ApiClient, createSeededEnv, samplePdf, startHttp, TestClock, type TestEnv } from '../../../../../test/support/harness.ts';
import { seedDemoPar } from '../../../seed/demo-par.ts';
import * as parRepo from '../par/par.repository.ts';
import { lostPointsFor, parSummaryFor } from '../par/index.ts';
import { createRemediationTask, openTasksForParNode, remediationStatusFor } from './index.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-12-03T09:00:00+07:00'));
const c = {} as Record<'reform' | 'dienhongLeader' | 'dienhongSpec' | 'pleikuLeader' | 'inspector' | 'sonvLeader' | 'admin', ApiClient>;
const user: Record<string, string> = {};
const agency: Record<string, string> = {};
let lastRoundId: string;
let thisRoundId: string;
let leafCode: string;
let parentCode: string | null = null;
let taskId: string;

const T = '/api/reform/remediation-tasks';
const DIENHONG = () => agency['000.02.00.H21']!;
const PLEIKU = () => agency['000.01.00.H21']!;
type Task = { id: string; deadline: string; status: string; overdue: boolean; version: number; owner: { id: string }; content: string; source: { kind: string; inspectionId?: string } };

async function uploadEvidence(client: ApiClient, label: string) {
  const up = await client.upload(samplePdf(label), `${label}.pdf`);
  expect(up.status).toBe(201);
  return { sha256: up.body.sha256 as string, fileName: `${label}.pdf` };
}

async function listAll(client: ApiClient, query: string, limit = 50): Promise<Task[]> {
  const out: Task[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const r: { status: number; body: { items: Task[]; nextCursor: string | null } } = await client.get(`${T}?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status).toBe(200);
    out.push(...r.body.items);
    cursor = r.body.nextCursor;
    if (!cursor) break;
  }
  return out;
}

beforeAll(async () => {
  env = await createSeededEnv(clock);
  await seedDemoPar(env.ctx);
  http = await startHttp(env);
  const users = { reform: 'tinh.caicach', dienhongLeader: 'dienhong.lanhdao', dienhongSpec: 'dienhong.chuyenvien', pleikuLeader: 'pleiku.lanhdao', inspector: 'tinh.thanhtra', sonvLeader: 'sonv.lanhdao', admin: 'tinh.quantri' } as const;
  for (const [k, u] of Object.entries(users)) c[k as keyof typeof users] = await new ApiClient(http.base).login(u);
  for (const a of (await c.reform.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agency[a.code] = a.id;
  const rows = (await env.ctx.db.execute(sql`select id, username from users`)) as unknown as { rows: { id: string; username: string }[] };
  for (const r of rows.rows) user[r.username] = r.id;
  lastRoundId = (await parRepo.roundsOfYear(env.ctx.db, 2025))[0]!.id;
  thisRoundId = (await parRepo.roundsOfYear(env.ctx.db, 2026))[0]!.id;
  const lost = await lostPointsFor(env.ctx.db, lastRoundId, DIENHONG());
  const a = (await c.dienhongLeader.get(`/api/reform/par/rounds/${thisRoundId}/units/${DIENHONG()}`)).body as { nodes: { code: string; leaf: boolean }[] };
  const leaves = new Set(a.nodes.filter((n) => n.leaf).map((n) => n.code));
  leafCode = lost.find((l) => leaves.has(l.nodeCode))!.nodeCode;
  parentCode = lost.find((l) => !leaves.has(l.nodeCode))?.nodeCode ?? null;
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('a task from a PAR lost point', () => {
  it('validates at the edge (400) and refuses a criterion without lost points (422) and a non-officer (403)', async () => {
    const ok = { roundId: lastRoundId, agencyId: DIENHONG(), nodeCode: leafCode, content: 'Khắc phục tiêu chí bị mất điểm' };
    for (const bad of [{ ...ok, content: '' }, { ...ok, deadline: '2026-02-30' }, { ...ok, roundId: 'x' }, { ...ok, nodeCode: undefined }]) {
      const r = await c.reform.post(T, bad);
      expect(r.status).toBe(400);
    }
    const full = (await lostPointsFor(env.ctx.db, lastRoundId, DIENHONG())).map((l) => l.nodeCode);
    const a = (await c.dienhongLeader.get(`/api/reform/par/rounds/${thisRoundId}/units/${DIENHONG()}`)).body as { nodes: { code: string; leaf: boolean }[] };
    const notLost = a.nodes.find((n) => n.leaf && !full.includes(n.code));
    if (notLost) {
      const r = await c.reform.post(T, { ...ok, nodeCode: notLost.code });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('REMEDIATION_NO_LOST_POINT');
    }
    expect((await c.dienhongLeader.post(T, ok)).status).toBe(403);
    expect((await c.pleikuLeader.post(T, ok)).status).toBe(403);
  });

  it('creates with the 15-day default deadline, idempotent on (round, criterion, unit)', async () => {
    const body = { roundId: lastRoundId, agencyId: DIENHONG(), nodeCode: leafCode, content: `Khắc phục tiêu chí ${leafCode}` };
    const r = await c.reform.post(T, body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'open', deadline: '2026-12-18', deadlineRuleId: 'khac-phuc-15-ngay', noticeDate: '2026-12-03', overdue: false, version: 1, owner: { id: DIENHONG() }, source: { kind: 'par', roundId: lastRoundId, nodeCode: leafCode } });
    taskId = r.body.id;
    const again = await c.reform.post(T, { ...body, content: 'Lần hai' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(taskId);
    expect(again.body.content).toBe(`Khắc phục tiêu chí ${leafCode}`);
    expect(r.body.history).toHaveLength(1);
    expect(r.body.history[0]).toMatchObject({ action: 'create', to: 'open', actor: { id: user['tinh.caicach'] } });
  });

  it("shows on the criterion of the unit's self-assessment (PAR wiring), only on that criterion", async () => {
    const a = (await c.dienhongLeader.get(`/api/reform/par/rounds/${thisRoundId}/units/${DIENHONG()}`)).body as { nodes: { code: string; remediation: { id: string; overdue: boolean; status: string }[] }[] };
    expect(a.nodes.find((n) => n.code === leafCode)!.remediation).toEqual([expect.objectContaining({ id: taskId, status: 'open', overdue: false })]);
    expect(a.nodes.filter((n) => n.remediation.length > 0).map((n) => n.code)).toEqual([leafCode]);
    expect(await openTasksForParNode(env.ctx.db, PLEIKU(), leafCode, '2026-12-03')).toEqual([]);
  });
});

describe('scope', () => {
  it('the owner unit and the reviewers see the task; another unit and the inspector get 404', async () => {
    expect((await c.dienhongSpec.get(`${T}/${taskId}`)).status).toBe(200);
    expect((await c.reform.get(`${T}/${taskId}`)).status).toBe(200);
    expect((await c.sonvLeader.get(`${T}/${taskId}`)).status).toBe(200);
    for (const other of [c.pleikuLeader, c.inspector]) {
      const r = await other.get(`${T}/${taskId}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('REMEDIATION_NOT_FOUND');
    }
    expect((await listAll(c.pleikuLeader, '')).map((t) => t.id)).not.toContain(taskId);
    expect((await listAll(c.dienhongSpec, '')).map((t) => t.id)).toContain(taskId);
    expect((await c.pleikuLeader.post(`${T}/${taskId}/report`, { version: 1, report: 'x', evidence: [] })).status).toBe(404);
    expect((await new ApiClient(http.base).get(T)).status).toBe(401);
  });
});

describe('report, return, report, accept', () => {
  it('requires evidence on a report and a comment on a return; only the unit reports, only reviewers decide; 409 on a stale version', async () => {
    const none = await c.dienhongSpec.post(`${T}/${taskId}/report`, { version: 1, report: 'Đã bổ sung kế hoạch', evidence: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('REMEDIATION_EVIDENCE_REQUIRED');
    expect(none.body.error.message).toContain('tài liệu kiểm chứng');
    const ghost = await c.dienhongSpec.post(`${T}/${taskId}/report`, { version: 1, report: 'x', evidence: [{ sha256: 'a'.repeat(64), fileName: 'x.pdf' }] });
    expect(ghost.status).toBe(404);
    expect((await c.dienhongSpec.post(`${T}/${taskId}/report`, { version: 1, report: '', evidence: [] })).status).toBe(400);
    expect((await c.dienhongSpec.post(`${T}/${taskId}/accept`, { version: 1 })).status).toBe(403);
    expect((await c.reform.post(`${T}/${taskId}/report`, { version: 1, report: 'x', evidence: [await uploadEvidence(c.reform, 'x')] })).status).toBe(403);
    expect((await c.reform.post(`${T}/${taskId}/accept`, { version: 1 })).body.error.code).toBe('REMEDIATION_STATE');

    const ev = await uploadEvidence(c.dienhongSpec, 'bao-cao-khac-phuc-lan-1');
    const rep = await c.dienhongSpec.post(`${T}/${taskId}/report`, { version: 1, report: 'Đã ban hành kế hoạch bổ sung.', evidence: [ev] });
    expect(rep.status).toBe(200);
    expect(rep.body).toMatchObject({ status: 'reported', version: 2, everReported: true, can: { report: false, accept: false, return: false } });
    expect(rep.body.evidence).toEqual([expect.objectContaining({ fileName: 'bao-cao-khac-phuc-lan-1.pdf', sha256: ev.sha256 })]);
    // the evidence downloads, same bytes, for the unit and the reviewers; another unit gets 404 like an unknown file
    for (const who of [c.dienhongSpec, c.reform]) {
      const f = await who.download(`${T}/${taskId}/evidence/${ev.sha256}`);
      expect(f.status).toBe(200);
      expect(f.type).toBe('application/pdf');
      expect(createHash('sha256').update(f.bytes).digest('hex')).toBe(ev.sha256);
    }
    expect((await c.pleikuLeader.download(`${T}/${taskId}/evidence/${ev.sha256}`)).status).toBe(404);
    expect((await c.dienhongSpec.download(`${T}/${taskId}/evidence/${'b'.repeat(64)}`)).status).toBe(404);
    const stale = await c.dienhongSpec.post(`${T}/${taskId}/report`, { version: 1, report: 'again', evidence: [ev] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('REMEDIATION_VERSION_CONFLICT');

    const mine = await c.reform.get(`${T}/${taskId}`);
    expect(mine.body.can).toEqual({ report: false, accept: true, return: true });
    const noComment = await c.reform.post(`${T}/${taskId}/return`, { version: 2, comment: '   ' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.code).toBe('REMEDIATION_COMMENT_REQUIRED');
    expect((await c.reform.post(`${T}/${taskId}/return`, { version: 1, comment: 'Thiếu quyết định' })).status).toBe(409);
    const ret = await c.reform.post(`${T}/${taskId}/return`, { version: 2, comment: 'Thiếu quyết định ban hành kèm theo.' });
    expect(ret.status).toBe(200);
    expect(ret.body).toMatchObject({ status: 'returned', version: 3 });
  });

  it('the unit reports again, the standing body accepts; history is complete and status derives from it', async () => {
    const ev = await uploadEvidence(c.dienhongLeader, 'quyet-dinh-ban-hanh');
    const rep = await c.dienhongLeader.post(`${T}/${taskId}/report`, { version: 3, report: 'Bổ sung quyết định ban hành.', evidence: [ev] });
    expect(rep.status).toBe(200);
    expect(rep.body.status).toBe('reported');
    const acc = await c.sonvLeader.post(`${T}/${taskId}/accept`, { version: 4, comment: 'Đạt yêu cầu.' });
    expect(acc.status).toBe(200);
    expect(acc.body).toMatchObject({ status: 'accepted', derivedStatus: 'accepted', version: 5 });
    expect(acc.body.history.map((h: { action: string; to: string }) => `${h.action}:${h.to}`)).toEqual(['create:open', 'report:reported', 'return:returned', 'report:reported', 'accept:accepted']);
    expect(acc.body.history[2]).toMatchObject({ body: 'Thiếu quyết định ban hành kèm theo.', actor: { id: user['tinh.caicach'] }, at: expect.stringMatching(/^2026-12-03T09:00/) });
    expect(acc.body.history[4].actor.id).toBe(user['sonv.lanhdao']);
    expect(acc.body.evidence).toHaveLength(2);
    // Accepted tasks no longer show on the self-assessment.
    expect(await openTasksForParNode(env.ctx.db, DIENHONG(), leafCode, '2026-12-03')).toEqual([]);
  });

  it('the history is append-only', async () => {
    await expect(env.ctx.db.execute(sql`update remediation_history set body = 'x' where task_id = ${taskId}`)).rejects.toThrow();
    await expect(env.ctx.db.execute(sql`delete from remediation_history where task_id = ${taskId}`)).rejects.toThrow();
  });
});

describe('tasks from an inspection (createRemediationTask)', () => {
  const visitId = '00000000-0000-4000-8000-00000000a001';
  it('is idempotent on (visit, recommendation) inside the caller transaction; the leader decides, reviewers only see', async () => {
    const mk = (rec: string, deadline: string | null, noticeDate = '2026-11-01') =>
      env.ctx.db.transaction((tx) => createRemediationTask(tx, env.ctx, user['tinh.thanhtra']!, { ownerAgencyId: DIENHONG(), content: `Kiến nghị ${rec}`, deadline, noticeDate, source: { kind: 'inspection', inspectionId: visitId, recommendationId: rec }, leaderUserId: user['tinh.thanhtra']! }));
    const a = await mk('kn-1', null);
    expect((await mk('kn-1', '2027-01-01')).id).toBe(a.id);
    await mk('kn-2', '2026-12-31');
    const st = await remediationStatusFor(env.ctx.db, visitId, '2026-12-03');
    expect(st).toEqual([
      { id: a.id, recommendationId: 'kn-1', status: 'open', deadline: '2026-11-16', overdue: true },
      expect.objectContaining({ recommendationId: 'kn-2', status: 'open', deadline: '2026-12-31', overdue: false }),
    ]);
    // The inspector leads these tasks: sees and decides them; the province reform officer sees but does not decide.
    const t = (await c.inspector.get(`${T}/${a.id}`)).body;
    expect(t).toMatchObject({ overdue: true, source: { kind: 'inspection', inspectionId: visitId, recommendationId: 'kn-1', link: `/kiem-tra-cchc/dot/${visitId}` } });
    const ev = await uploadEvidence(c.dienhongSpec, 'niem-yet-tthc');
    expect((await c.dienhongSpec.post(`${T}/${a.id}/report`, { version: 1, report: 'Đã niêm yết đầy đủ.', evidence: [ev] })).status).toBe(200);
    expect((await c.reform.post(`${T}/${a.id}/accept`, { version: 2 })).status).toBe(403);
    expect((await c.inspector.post(`${T}/${a.id}/return`, { version: 2, comment: 'Ảnh chưa rõ.' })).body.status).toBe('returned');
    // Returned after the deadline: overdue again.
    expect((await c.inspector.get(`${T}/${a.id}`)).body.overdue).toBe(true);
  });

  it('overdue follows the test clock', async () => {
    const kn2 = (await remediationStatusFor(env.ctx.db, visitId, '2026-12-03')).find((x) => x.recommendationId === 'kn-2')!;
    expect((await c.dienhongSpec.get(`${T}/${kn2.id}`)).body.overdue).toBe(false);
    clock.set('2027-01-01T08:00:00+07:00');
    try {
      expect((await c.dienhongSpec.get(`${T}/${kn2.id}`)).body.overdue).toBe(true);
      expect((await listAll(c.dienhongSpec, '&overdue=true')).map((t) => t.id)).toContain(kn2.id);
    } finally {
      clock.set('2026-12-03T09:00:00+07:00');
    }
    expect((await listAll(c.dienhongSpec, '&overdue=true')).map((t) => t.id)).not.toContain(kn2.id);
  });
});

describe('list', () => {
  it('keyset pages by (deadline, id) without gaps or repeats, with filters; bad input is 400', async () => {
    for (let i = 0; i < 7; i++) {
      await env.ctx.db.transaction((tx) =>
        createRemediationTask(tx, env.ctx, user['tinh.thanhtra']!, { ownerAgencyId: i % 2 ? DIENHONG() : PLEIKU(), content: `Kiến nghị số ${i}`, deadline: i < 4 ? '2026-12-20' : null, noticeDate: '2026-12-01', source: { kind: 'inspection', inspectionId: '00000000-0000-4000-8000-00000000a002', recommendationId: `r${i}` }, leaderUserId: null }),
      );
    }
    const all = await listAll(c.reform, '', 200);
    const paged = await listAll(c.reform, '', 3);
    expect(paged.map((t) => t.id)).toEqual(all.map((t) => t.id));
    expect(new Set(paged.map((t) => t.id)).size).toBe(paged.length);
    const keys = paged.map((t) => `${t.deadline}|${t.id}`);
    expect([...keys].sort()).toEqual(keys);
    expect(all.length).toBeGreaterThanOrEqual(10);
    const pleiku = await listAll(c.pleikuLeader, '', 2);
    expect(pleiku.length).toBe(4);
    expect(pleiku.every((t) => t.owner.id === PLEIKU())).toBe(true);
    expect((await listAll(c.reform, `&agencyId=${PLEIKU()}`, 2)).map((t) => t.id)).toEqual(pleiku.map((t) => t.id));
    expect((await listAll(c.reform, '&source=par')).map((t) => t.id)).toEqual([taskId]);
    // The tasks of one visit (its documents page): only that visit's, also combined with the source.
    const ofVisit = await listAll(c.reform, '&visitId=00000000-0000-4000-8000-00000000a002', 3);
    expect(ofVisit.map((t) => t.content).sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Kiến nghị số ${i}`));
    expect(ofVisit.every((t) => t.source.kind === 'inspection' && t.source.inspectionId === '00000000-0000-4000-8000-00000000a002')).toBe(true);
    expect((await listAll(c.reform, '&source=inspection&visitId=00000000-0000-4000-8000-00000000a002')).length).toBe(7);
    expect(await listAll(c.reform, '&source=par&visitId=00000000-0000-4000-8000-00000000a002')).toEqual([]);
    expect((await listAll(c.reform, '&status=accepted')).map((t) => t.id)).toEqual([taskId]);
    for (const q of ['?limit=0', '?visitId=nope', '?status=bogus', '?cursor=bm9wZQ', '?agencyId=nope', '?overdue=yes']) expect((await c.reform.get(`${T}${q}`)).status).toBe(400);
  });
});

describe('reform dashboard', () => {
  it('every figure is the count of its drill-down rows and agrees with the task list', async () => {
    const r = await c.reform.get('/api/reform/dashboard?year=2026');
    expect(r.status).toBe(200);
    const fig = Object.fromEntries((r.body.figures as { key: string; count: number; rows: unknown[] }[]).map((f) => [f.key, f]));
    for (const f of Object.values(fig)) expect(f.count).toBe(f.rows.length);
    const all = await listAll(c.reform, '', 200);
    expect(fig.remediation_open!.count).toBe(all.filter((t) => t.status === 'open' || t.status === 'returned').length);
    expect(fig.remediation_overdue!.count).toBe((await listAll(c.reform, '&overdue=true')).length);
    expect(fig.remediation_overdue!.count).toBeGreaterThan(0);
    // Diên Hồng never reported on kn-2… but it has not passed its deadline; kn-1 was reported (then returned).
    expect(fig.units_without_report!.rows).toEqual([]);
    expect((fig.par_late!.rows as { agency: { code: string } }[]).map((x) => x.agency.code)).toEqual(['000.02.00.H21']);
    expect(fig.inspections_done!.count).toBe(0);
    const dh = (r.body.units as { agency: { id: string }; par: { index: string | null }; parLastYear: { rank: number }; round: { status: string }; remediation: { open: number; overdue: number } }[]).find((u) => u.agency.id === DIENHONG())!;
    expect(dh.round.status).toBe('late');
    expect(dh.parLastYear.rank).toBe((await parSummaryFor(env.ctx.db, DIENHONG(), 2025)).rank);
    expect(dh.parLastYear.rank).toBeGreaterThan(1);
    expect(dh.remediation.overdue).toBe(1);
    const dhTasks = all.filter((t) => t.owner.id === DIENHONG());
    expect(dh.remediation.open).toBe(dhTasks.filter((t) => t.status === 'open' || t.status === 'returned').length);
  });

  it('flags units that never reported on a conclusion past its deadline', async () => {
    await env.ctx.db.transaction((tx) => createRemediationTask(tx, env.ctx, user['tinh.thanhtra']!, { ownerAgencyId: PLEIKU(), content: 'Bổ sung sổ theo dõi', deadline: '2026-11-30', noticeDate: '2026-11-15', source: { kind: 'inspection', inspectionId: '00000000-0000-4000-8000-00000000a003', recommendationId: 'x1' }, leaderUserId: null }));
    const r = await c.reform.get('/api/reform/dashboard?year=2026');
    const f = (r.body.figures as { key: string; count: number; rows: { agency: { id: string }; tasks: number }[] }[]).find((x) => x.key === 'units_without_report')!;
    expect(f.rows).toEqual([expect.objectContaining({ agency: expect.objectContaining({ id: PLEIKU() }), tasks: 1 })]);
    expect(f.count).toBe(1);
  });

  it('a unit sees its own dashboard and history, not the province; history over the years', async () => {
    expect((await c.dienhongLeader.get('/api/reform/dashboard?year=2026')).status).toBe(200);
    expect((await c.dienhongLeader.get(`/api/reform/dashboard?agencyId=${agency['000.00.00.H21']}`)).status).toBe(404);
    expect((await c.dienhongLeader.get(`/api/reform/dashboard?agencyId=${PLEIKU()}`)).status).toBe(404);
    const own = await c.dienhongLeader.get(`/api/reform/dashboard?agencyId=${DIENHONG()}`);
    expect(own.body.units.map((u: { agency: { id: string } }) => u.agency.id)).toEqual([DIENHONG()]);
    const h = await c.dienhongLeader.get(`/api/reform/units/${DIENHONG()}/history`);
    expect(h.status).toBe(200);
    const years = h.body.years as { year: number; par: { rank: number | null; index: string | null }; lostPoints: { count: number }; remediation: { total: number } }[];
    expect(years.map((y) => y.year)).toEqual([2026, 2025]);
    expect(years[1]!.par).toMatchObject({ rank: (await parSummaryFor(env.ctx.db, DIENHONG(), 2025)).rank, roundStatus: 'published' });
    expect(years[1]!.lostPoints.count).toBeGreaterThan(5);
    expect(years[0]!.remediation.total).toBe((await listAll(c.dienhongLeader, '')).length);
    expect((await c.pleikuLeader.get(`/api/reform/units/${DIENHONG()}/history`)).status).toBe(404);
    expect((await c.reform.get('/api/reform/dashboard?year=1800')).status).toBe(400);
  });
});

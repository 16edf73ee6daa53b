/**
 * PAR round locks per phase and appraiser assignments over real HTTP on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), with the settable clock moving through the deadlines: withdrawing names the deadline in force
 * (the grace date once it applied); the appraisal deadline locks appraise and the unit's answer (423 naming it) while
 * the council can still finalise; grace per phase (a self-assessment unlock does not open the appraisal and the
 * other way round), audited with the phase; relock/unlock refused on a round that is not open; removing an appraiser
 * assignment (owners only, 404 for an unknown one, audited; the appraiser no longer sees or appraises).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../../test/support/harness.ts';
import { communeCriteriaSet } from '../../../seed/par-commune-set.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const c = {} as Record<'anon' | 'reform' | 'admin' | 'pleikuLeader' | 'pleikuSpec' | 'dienhongLeader' | 'inspector' | 'sonvLeader', ApiClient>;
const agency: Record<string, string> = {};
const userId: Record<string, string> = {};
let roundId: string;
let round2Id: string;

const P = '/api/reform/par';
type Node = { code: string; leaf: boolean; method: { kind: string; options?: { key: string }[] } | null; version: number | null; applicable: boolean };
type Unit = { agency: { id: string }; locked: boolean; graceUntil: string | null; inGrace: boolean; deadlineInForce: string; appraisalLock: { locked: boolean; graceUntil: string | null; deadlineInForce: string } };
type History = { action: string; actor: string | null; agencyId: string | null; nodeCode: string | null; from: Record<string, unknown> | null; to: Record<string, unknown> | null; reason: string | null };

const PLEIKU = () => agency['000.01.00.H21']!;
const DIENHONG = () => agency['000.02.00.H21']!;
const unitUrl = (a: string, r = roundId) => `${P}/rounds/${r}/units/${a}`;
const at = (iso: string) => clock.set(iso);
const nodeOf = async (who: ApiClient, code: string) => ((await who.get(unitUrl(PLEIKU()))).body.nodes as Node[]).find((n) => n.code === code)!;
const unitRow = async (a: string) => ((await c.reform.get(`${P}/rounds/${roundId}`)).body.units as Unit[]).find((u) => u.agency.id === a)!;
const history = async (a?: string) => ((await c.reform.get(`${P}/rounds/${roundId}/history${a ? `?agencyId=${a}` : ''}`)).body.items as History[]);

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  c.anon = new ApiClient(http.base);
  const users = { reform: 'tinh.caicach', admin: 'tinh.quantri', pleikuLeader: 'pleiku.lanhdao', pleikuSpec: 'pleiku.chuyenvien', dienhongLeader: 'dienhong.lanhdao', inspector: 'tinh.thanhtra', sonvLeader: 'sonv.lanhdao' } as const;
  for (const [k, u] of Object.entries(users)) {
    c[k as keyof typeof users] = await new ApiClient(http.base).login(u);
    userId[k] = (await c[k as keyof typeof users].get('/api/auth/me')).body.userId;
  }
  for (const a of (await c.anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agency[a.code] = a.id;

  const set = await c.reform.post(`${P}/sets/import`, communeCriteriaSet(2026));
  expect(set.status).toBe(201);
  const r = await c.reform.post(`${P}/rounds`, { setId: set.body.id, agencyIds: [PLEIKU(), DIENHONG()], selfDeadline: { date: '2026-03-06' }, appraisalDeadline: { date: '2026-03-13' } });
  expect(r.status).toBe(201);
  roundId = r.body.id;
  const r2 = await c.reform.post(`${P}/rounds`, { setId: set.body.id, title: 'Đợt thử thứ hai', agencyIds: [DIENHONG()], selfDeadline: { date: '2026-03-06' }, appraisalDeadline: { date: '2026-03-13' } });
  expect(r2.status).toBe(201);
  round2Id = r2.body.id;

  // Phường Pleiku fills every node (an explanation instead of evidence) and its leader submits before the deadline.
  let a = (await c.pleikuSpec.get(unitUrl(PLEIKU()))).body;
  for (const n of a.nodes as Node[]) {
    if (!n.leaf || !n.applicable || !n.method || ['auto', 'survey'].includes(n.method.kind)) continue;
    const answer = n.method.kind === 'yesno' ? { kind: 'yesno', yes: true } : n.method.kind === 'options' ? { kind: 'option', key: n.method.options![0]!.key } : { kind: 'value', value: 100 };
    const s = await c.pleikuSpec.put(`${unitUrl(PLEIKU())}/nodes/${n.code}`, { ...(n.version ? { version: n.version } : {}), answer, explanation: 'Hồ sơ lưu tại Văn phòng UBND phường.' });
    expect(s.status).toBe(200);
    a = s.body;
  }
  expect(a.missing).toEqual([]);
  const sub = await c.pleikuLeader.post(`${unitUrl(PLEIKU())}/submit`, { version: a.version });
  expect(sub.body.status).toBe('submitted');

  // Appraisers: the inspector for Pleiku (per unit), the Home Affairs leader for area 2 of every unit (per area).
  expect((await c.reform.post(`${P}/rounds/${roundId}/appraisers`, { userId: userId.inspector, agencyId: PLEIKU() })).status).toBe(200);
  expect((await c.reform.post(`${P}/rounds/${roundId}/appraisers`, { userId: userId.sonvLeader, areaCode: '2' })).status).toBe(200);
  expect((await c.reform.post(`${P}/rounds/${round2Id}/appraisers`, { userId: userId.sonvLeader, agencyId: DIENHONG() })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('the self-assessment deadline and its grace', () => {
  it('withdrawing after the deadline answers 423 naming the self-assessment deadline', async () => {
    at('2026-03-09T08:00:00+07:00');
    const a = (await c.pleikuLeader.get(unitUrl(PLEIKU()))).body;
    expect(a).toMatchObject({ locked: true, pastDeadline: true, deadlineInForce: '2026-03-06', lockedSince: '2026-03-07' });
    const w = await c.pleikuLeader.post(`${unitUrl(PLEIKU())}/withdraw`, { version: a.version });
    expect(w.status).toBe(423);
    expect(w.body.error.code).toBe('ROUND_LOCKED');
    expect(w.body.error.message).toBe('Đã hết hạn tự đánh giá (ngày 06/03/2026); bản tự đánh giá đã khóa. Đề nghị quản trị viên cấp tỉnh mở khóa có thời hạn nếu cần bổ sung.');
    expect(w.body.error.messageEn).toContain('self-assessment deadline (06/03/2026)');
    expect(w.body.error.details).toMatchObject({ phase: 'self', deadline: '2026-03-06', since: '2026-03-07' });
  });

  it('a self unlock (phase by default) opens withdraw and resubmit until the grace date; afterwards the grace date is named', async () => {
    const un = await c.reform.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/unlock`, { reason: 'Đơn vị đề nghị bổ sung tài liệu' });
    expect(un.status).toBe(200);
    const row = un.body.units.find((u: Unit) => u.agency.id === PLEIKU()) as Unit;
    // Three working days after Monday 09/03/2026.
    expect(row).toMatchObject({ graceUntil: '2026-03-12', locked: false, inGrace: true, deadlineInForce: '2026-03-12', appraisalLock: { locked: false, graceUntil: null } });

    at('2026-03-11T10:00:00+07:00');
    const a = (await c.pleikuLeader.get(unitUrl(PLEIKU()))).body;
    const w = await c.pleikuLeader.post(`${unitUrl(PLEIKU())}/withdraw`, { version: a.version });
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('draft');
    const s = await c.pleikuLeader.post(`${unitUrl(PLEIKU())}/submit`, { version: w.body.version });
    expect(s.body.status).toBe('submitted');

    at('2026-03-13T08:00:00+07:00');
    const late = await c.pleikuLeader.post(`${unitUrl(PLEIKU())}/withdraw`, { version: s.body.version });
    expect(late.status).toBe(423);
    expect(late.body.error.message).toContain('ngày 12/03/2026');
    expect(late.body.error.message).not.toContain('06/03/2026');
    expect(late.body.error.details).toMatchObject({ phase: 'self', deadline: '2026-03-12', graceUntil: '2026-03-12', since: '2026-03-13' });

    const unlock = (await history(PLEIKU())).find((h) => h.action === 'unit.unlock')!;
    expect(unlock).toMatchObject({ from: { phase: 'self', graceUntil: null }, to: { phase: 'self', graceUntil: '2026-03-12', workingDays: 3 }, reason: 'Đơn vị đề nghị bổ sung tài liệu' });
  });
});

describe('appraiser assignments', () => {
  it('removing one: owners only (403 otherwise), 404 for an unknown one or one of another round, a reason is required', async () => {
    const r = (await c.reform.get(`${P}/rounds/${roundId}`)).body;
    const sonv = r.appraisers.find((x: { userId: string }) => x.userId === userId.sonvLeader);
    expect(sonv).toMatchObject({ areaCode: '2', agencyId: null });
    const url = `${P}/rounds/${roundId}/appraisers/${sonv.id}`;
    for (const who of [c.pleikuLeader, c.inspector, c.sonvLeader]) {
      const x = await who.del(url, { reason: 'x' });
      expect(x.status).toBe(403);
      expect(x.body.error.code).toBe('ROLE_NOT_ALLOWED');
    }
    expect((await c.anon.del(url, { reason: 'x' })).status).toBe(401);
    const unknown = await c.admin.del(`${P}/rounds/${roundId}/appraisers/${crypto.randomUUID()}`, { reason: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('PAR_APPRAISER_NOT_FOUND');
    const other = (await c.reform.get(`${P}/rounds/${round2Id}`)).body.appraisers[0];
    expect((await c.admin.del(`${P}/rounds/${roundId}/appraisers/${other.id}`, { reason: 'x' })).status).toBe(404);
    expect((await c.admin.del(url, { reason: '' })).status).toBe(400);
    expect((await c.admin.del(`${P}/rounds/${roundId}/appraisers/not-a-uuid`, { reason: 'x' })).status).toBe(400);
    // Nothing was removed by the refused calls.
    expect((await c.reform.get(`${P}/rounds/${roundId}`)).body.appraisers).toHaveLength(2);
  });

  it('a removed appraiser no longer sees or appraises; the removal is in the history with who, from and why', async () => {
    const node21 = await nodeOf(c.sonvLeader, '2.1');
    const ok = await c.sonvLeader.post(`${unitUrl(PLEIKU())}/nodes/2.1/appraise`, { version: node21.version, decision: 'accept' });
    expect(ok.status).toBe(200);
    const sonv = (await c.reform.get(`${P}/rounds/${roundId}`)).body.appraisers.find((x: { userId: string }) => x.userId === userId.sonvLeader);
    const del = await c.admin.del(`${P}/rounds/${roundId}/appraisers/${sonv.id}`, { reason: 'Chuyển công tác, thay người thẩm định' });
    expect(del.status).toBe(200);
    expect(del.body.appraisers.map((x: { id: string }) => x.id)).not.toContain(sonv.id);
    expect(del.body.appraisers.map((x: { userId: string }) => x.userId)).toEqual([userId.inspector]);
    expect((await c.admin.del(`${P}/rounds/${roundId}/appraisers/${sonv.id}`, { reason: 'lần nữa' })).body.error.code).toBe('PAR_APPRAISER_NOT_FOUND');

    expect((await c.sonvLeader.get(unitUrl(PLEIKU()))).status).toBe(404);
    expect((await c.sonvLeader.get(`${P}/rounds/${roundId}`)).status).toBe(404);
    const again = await c.sonvLeader.post(`${unitUrl(PLEIKU())}/nodes/2.1/appraise`, { version: node21.version! + 1, decision: 'accept' });
    expect(again.status).toBe(404);
    expect((await c.sonvLeader.get(`${P}/rounds`)).body.items.map((x: { id: string }) => x.id)).not.toContain(roundId);
    // Still an appraiser of the other round.
    expect((await c.sonvLeader.get(unitUrl(DIENHONG(), round2Id))).status).toBe(200);

    const h = (await history()).filter((x) => x.action === 'appraiser.remove');
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ actor: 'Đỗ Văn Khánh', nodeCode: '2', agencyId: null, from: { id: sonv.id, userId: userId.sonvLeader, areaCode: '2', agencyId: null }, to: null, reason: 'Chuyển công tác, thay người thẩm định' });
    // The assignment row is kept, marked removed.
    const rows = (await env.ctx.db.execute(sql`select removed_at, removed_by from par_appraisers where id = ${sonv.id}`)) as unknown as { rows: { removed_at: unknown; removed_by: string }[] };
    expect(rows.rows[0]!.removed_at).not.toBeNull();
    expect(rows.rows[0]!.removed_by).toBe(userId.admin);
  });
});

describe('the appraisal deadline and its grace', () => {
  it('on the appraisal deadline day the appraiser still adjusts and the unit sees can.answer', async () => {
    const n = await nodeOf(c.inspector, '1.4');
    const adj = await c.inspector.post(`${unitUrl(PLEIKU())}/nodes/1.4/appraise`, { version: n.version, decision: 'adjust', points: 1, comment: 'Chưa có tin bài tuyên truyền quý IV.' });
    expect(adj.status).toBe(200);
    expect(adj.body.can.appraise).toBe(true);
    expect((await c.pleikuSpec.get(unitUrl(PLEIKU()))).body.can.answer).toBe(true);
  });

  it('after it, appraise and the unit’s answer answer 423 naming the appraisal deadline; a self unlock does not open them', async () => {
    at('2026-03-16T08:00:00+07:00');
    const n = await nodeOf(c.inspector, '1.1.1');
    const ap = await c.inspector.post(`${unitUrl(PLEIKU())}/nodes/1.1.1/appraise`, { version: n.version, decision: 'accept' });
    expect(ap.status).toBe(423);
    expect(ap.body.error.code).toBe('ROUND_LOCKED');
    expect(ap.body.error.message).toBe('Đã hết hạn thẩm định (ngày 13/03/2026); việc thẩm định và trả lời nhận xét thẩm định đã khóa. Đề nghị quản trị viên cấp tỉnh mở khóa có thời hạn nếu cần bổ sung.');
    expect(ap.body.error.messageEn).toContain('appraisal deadline (13/03/2026)');
    expect(ap.body.error.details).toMatchObject({ phase: 'appraisal', deadline: '2026-03-13', since: '2026-03-14' });
    const ans = await c.pleikuSpec.post(`${unitUrl(PLEIKU())}/nodes/1.4/answer`, { body: 'Đơn vị bổ sung 3 tin bài.' });
    expect(ans.status).toBe(423);
    expect(ans.body.error.message).toContain('thẩm định (ngày 13/03/2026)');
    expect((await c.inspector.get(unitUrl(PLEIKU()))).body.can.appraise).toBe(false);
    expect((await c.inspector.get(unitUrl(PLEIKU()))).body.nodes.find((x: { code: string }) => x.code === '1.1.1').canAppraise).toBe(false);
    expect((await c.pleikuSpec.get(unitUrl(PLEIKU()))).body.can.answer).toBe(false);
    expect((await unitRow(PLEIKU())).appraisalLock).toMatchObject({ locked: true, graceUntil: null, deadlineInForce: '2026-03-13' });

    // Grace per phase: unlocking the self-assessment leaves the appraisal locked.
    expect((await c.reform.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/unlock`, { phase: 'self', reason: 'Bổ sung hồ sơ' })).status).toBe(200);
    expect((await c.inspector.post(`${unitUrl(PLEIKU())}/nodes/1.1.1/appraise`, { version: n.version, decision: 'accept' })).status).toBe(423);
    expect((await c.reform.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/relock`, { reason: 'Không cần nữa' })).status).toBe(200);
  });

  it('an appraisal unlock opens appraise and answer until its grace date (not the self-assessment), then names the grace date; audited with the phase', async () => {
    expect((await c.pleikuLeader.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/unlock`, { phase: 'appraisal', reason: 'x' })).status).toBe(403);
    const un = await c.reform.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/unlock`, { phase: 'appraisal', workingDays: 2, reason: 'Đoàn thẩm định xin thêm thời gian' });
    expect(un.status).toBe(200);
    const row = un.body.units.find((u: Unit) => u.agency.id === PLEIKU()) as Unit;
    expect(row.appraisalLock).toMatchObject({ locked: false, graceUntil: '2026-03-18', deadlineInForce: '2026-03-18' });
    expect(row).toMatchObject({ graceUntil: null, locked: true });

    const n = await nodeOf(c.inspector, '1.1.1');
    expect((await c.inspector.post(`${unitUrl(PLEIKU())}/nodes/1.1.1/appraise`, { version: n.version, decision: 'accept' })).status).toBe(200);
    at('2026-03-18T16:00:00+07:00');
    const ans = await c.pleikuSpec.post(`${unitUrl(PLEIKU())}/nodes/1.4/answer`, { body: 'Đơn vị bổ sung 3 tin bài đăng trên trang thông tin điện tử.' });
    expect(ans.status).toBe(201);

    // The appraisal grace of Diên Hồng does not reopen its (draft) self-assessment.
    expect((await c.reform.post(`${P}/rounds/${roundId}/units/${DIENHONG()}/unlock`, { phase: 'appraisal', reason: 'Thẩm định bổ sung' })).status).toBe(200);
    const dh = await c.dienhongLeader.put(`${unitUrl(DIENHONG())}/nodes/1.1.1`, { answer: { kind: 'yesno', yes: true } });
    expect(dh.status).toBe(423);
    expect(dh.body.error.message).toContain('tự đánh giá (ngày 06/03/2026)');

    at('2026-03-19T08:00:00+07:00');
    const n21 = await nodeOf(c.inspector, '2.2');
    const late = await c.inspector.post(`${unitUrl(PLEIKU())}/nodes/2.2/appraise`, { version: n21.version, decision: 'accept' });
    expect(late.status).toBe(423);
    expect(late.body.error.message).toContain('thẩm định (ngày 18/03/2026)');
    expect(late.body.error.details).toMatchObject({ phase: 'appraisal', deadline: '2026-03-18', graceUntil: '2026-03-18' });

    const re = await c.reform.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/relock`, { phase: 'appraisal', reason: 'Hết thời hạn gia hạn' });
    expect(re.status).toBe(200);
    expect((re.body.units.find((u: Unit) => u.agency.id === PLEIKU()) as Unit).appraisalLock).toMatchObject({ locked: true, graceUntil: null, deadlineInForce: '2026-03-13' });

    const h = await history(PLEIKU());
    expect(h.find((x) => x.action === 'unit.unlock' && x.to?.phase === 'appraisal')).toMatchObject({ from: { phase: 'appraisal', graceUntil: null }, to: { graceUntil: '2026-03-18', workingDays: 2 }, reason: 'Đoàn thẩm định xin thêm thời gian' });
    expect(h.find((x) => x.action === 'unit.relock' && x.to?.phase === 'appraisal')).toMatchObject({ from: { phase: 'appraisal', graceUntil: '2026-03-18' }, to: { graceUntil: null }, reason: 'Hết thời hạn gia hạn' });
    expect(h.find((x) => x.action === 'unit.relock' && x.to?.phase === 'self')).toMatchObject({ from: { phase: 'self' }, reason: 'Không cần nữa' });
  });
});

describe('after the appraisal deadline the council finalises; relock and unlock need an open round', () => {
  it('finalises after the deadline, then refuses relock and unlock (409 PAR_ROUND_STATE) without a history entry', async () => {
    const r = (await c.reform.get(`${P}/rounds/${roundId}`)).body;
    const f = await c.reform.post(`${P}/rounds/${roundId}/finalise`, { version: r.version });
    expect(f.status).toBe(200);
    expect(f.body.status).toBe('finalised');
    const before = (await history()).length;
    for (const phase of ['self', 'appraisal']) {
      const re = await c.reform.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/relock`, { phase, reason: 'Khóa lại' });
      expect(re.status).toBe(409);
      expect(re.body.error.code).toBe('PAR_ROUND_STATE');
      expect(re.body.error.message).toContain('Đã chốt kết quả');
      expect((await c.reform.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/unlock`, { phase, reason: 'Mở' })).body.error.code).toBe('PAR_ROUND_STATE');
    }
    expect((await c.reform.post(`${P}/rounds/${roundId}/units/${PLEIKU()}/relock`, { phase: 'both', reason: 'x' })).status).toBe(400);
    expect(await history()).toHaveLength(before);
  });
});

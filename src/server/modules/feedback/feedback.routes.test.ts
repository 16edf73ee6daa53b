/**
 * Feedback (phản ánh, kiến nghị) and the public statistics over real HTTP on a real database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL): public submission, receipt with deadlines from the stored calendar
 * (around Tết 2026), classification (forwarded outside competence / within competence), answer, publication
 * with personal data masked, rating, the overdue view, scope (another unit gets 404), and hand-computed stats.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { dossierHistory, dossierRatings, dossiers, feedback } from '../../platform/db/schema.ts';
import { refreshDossierIndex } from '../monitoring/index-maintenance.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-02-13T09:00:00+07:00')); // Friday before Tết 2026
const staff: Record<string, ApiClient> = {};
let anon: ApiClient;
const agencyId: Record<string, string> = {};
const PLEIKU = '000.01.00.H21';
const DIENHONG = '000.02.00.H21';
const HOIPHU = '000.03.00.H21';
const QUYNHON = '000.04.00.H21';
const PROVINCE = '000.00.00.H21';
const SONNMT = '000.00.10.H21';

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao', 'dienhong.motcua', 'sonnmt.motcua', 'sonnmt.lanhdao', 'tinh.thanhtra']) staff[u] = await new ApiClient(http.base).login(u);
  for (const a of (await anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

const contact = { fullName: 'Nguyễn Văn Bình', phone: '0905123456', email: 'binh.nguyen@example.vn' };
const CONTENT = 'Tôi là Nguyễn Văn Bình, nộp hồ sơ ngày 05/02/2026 nhưng cán bộ yêu cầu nộp thêm giấy tờ không có trong thủ tục. Liên hệ 0905 123 456 hoặc binh.nguyen@example.vn; CCCD 052090001234.';

async function submit(body: Record<string, unknown> = {}, client = anon) {
  const r = await client.post('/api/public/feedback', { agencyId: agencyId[PLEIKU], subject: 'officer', procedureCode: '1.010038', title: 'Cán bộ yêu cầu giấy tờ ngoài quy định', content: CONTENT, contact, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.reference).toMatch(/^PAKN-\d{6}-[A-Z2-9]{6}$/);
  expect(r.body.trackingSecret).toMatch(/^[0-9A-F]{12}$/);
  return r.body as { id: string; reference: string; trackingSecret: string };
}

async function act(user: string, id: string, action: string, input: Record<string, unknown> = {}, expected = 200) {
  const cur = await staff[user]!.get(`/api/feedback/${id}`);
  expect(cur.status, JSON.stringify(cur.body)).toBe(200);
  const r = await staff[user]!.post(`/api/feedback/${id}/actions`, { action, version: cur.body.version, input });
  expect(r.status, JSON.stringify(r.body)).toBe(expected);
  return r.body;
}

describe('feedback lifecycle', () => {
  let first: { id: string; reference: string; trackingSecret: string };
  let second: { id: string; reference: string; trackingSecret: string };

  it('anyone submits; the petitioner follows it with reference + secret; a wrong secret is 404 like an unknown reference', async () => {
    first = await submit();
    const own = await anon.get(`/api/public/feedback/${first.reference}?secret=${first.trackingSecret}`);
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('submitted');
    expect(own.body.content).toBe(CONTENT);
    expect(own.body.canRate).toBe(false);
    expect(own.body.timeline.map((t: { action: string }) => t.action)).toEqual(['submit']);
    // Lower-case secret works too.
    expect((await anon.get(`/api/public/feedback/${first.reference}?secret=${first.trackingSecret.toLowerCase()}`)).status).toBe(200);
    const wrong = await anon.get(`/api/public/feedback/${first.reference}?secret=ABCDEF123456`);
    const unknown = await anon.get(`/api/public/feedback/PAKN-260213-ZZZZZZ?secret=${first.trackingSecret}`);
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('FEEDBACK_NOT_FOUND');
    expect(wrong.body).toEqual(unknown.body);
  });

  it('validates the body and the agency', async () => {
    const bad = await anon.post('/api/public/feedback', { agencyId: agencyId[PLEIKU], subject: 'weather', title: 'x', content: 'y', contact: { fullName: 'A' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const noAgency = await anon.post('/api/public/feedback', { agencyId: crypto.randomUUID(), subject: 'rule', title: 'x', content: 'y', contact: { fullName: 'A' } });
    expect(noAgency.status).toBe(404);
  });

  it('another unit’s officer gets 404 exactly like an unknown id, and does not see it in the queue', async () => {
    const other = await staff['dienhong.motcua']!.get(`/api/feedback/${first.id}`);
    const none = await staff['dienhong.motcua']!.get(`/api/feedback/${crypto.randomUUID()}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('FEEDBACK_NOT_FOUND');
    expect(other.body).toEqual(none.body);
    const act404 = await staff['dienhong.motcua']!.post(`/api/feedback/${first.id}/actions`, { action: 'receive', version: 1, input: {} });
    expect(act404.status).toBe(404);
    const q = await staff['dienhong.motcua']!.get('/api/feedback');
    expect(q.body.items.map((f: { id: string }) => f.id)).not.toContain(first.id);
    const own = await staff['pleiku.motcua']!.get('/api/feedback?status=submitted');
    expect(own.body.items.map((f: { id: string }) => f.id)).toContain(first.id);
    expect((await anon.get('/api/feedback')).status).toBe(401);
  });

  it('receipt on the Friday before Tết fixes the deadlines: 15 working days skip the Tết week', async () => {
    const r = await act('pleiku.motcua', first.id, 'receive');
    expect(r.status).toBe('received');
    expect(r.version).toBe(2);
    expect(r.policyId).toBe('feedback-766-2022');
    expect(r.receivedAt).toBe('2026-02-13T09:00:00+07:00');
    expect(r.deadlines).toEqual({ handle: '2026-03-13T17:00:00+07:00', reject: '2026-02-24T17:00:00+07:00', requestInfo: '2026-02-27T17:00:00+07:00', forward: '2026-02-27T17:00:00+07:00' });
    expect(r.dueAt).toBe('2026-03-13T17:00:00+07:00');
    expect(r.overdue).toBe(false);
    expect(r.contact).toEqual({ fullName: contact.fullName, phone: contact.phone, email: contact.email });
    // A stale version is refused.
    const stale = await staff['pleiku.motcua']!.post(`/api/feedback/${first.id}/actions`, { action: 'classify', version: 1, input: { classification: 'within_competence' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('FEEDBACK_VERSION_CONFLICT');
    expect(stale.body.error.details.currentVersion).toBe(2);
  });

  it('outside competence: forwarded with a note to another agency, which sees it and receives it with its own deadlines', async () => {
    second = await submit({ subject: 'rule', title: 'Quy định về đất đai chồng chéo', content: 'Đề nghị sửa quy định cấp giấy chứng nhận.', procedureCode: undefined });
    await act('pleiku.motcua', second.id, 'receive');
    const missing = await staff['pleiku.motcua']!.post(`/api/feedback/${second.id}/actions`, { action: 'classify', version: 2, input: { classification: 'outside_competence', targetAgencyId: agencyId[SONNMT] } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('INPUT_REQUIRED');
    clock.set('2026-02-24T10:00:00+07:00');
    const fwd = await act('pleiku.motcua', second.id, 'classify', { classification: 'outside_competence', targetAgencyId: agencyId[SONNMT], note: 'Thuộc thẩm quyền Sở Nông nghiệp và Môi trường' });
    expect(fwd.status).toBe('forwarded');
    expect(fwd.agencyId).toBe(agencyId[SONNMT]);
    // The forwarding unit still reads it but can no longer act on it.
    expect(fwd.allowedActions).toEqual([]);
    const late = await staff['pleiku.motcua']!.post(`/api/feedback/${second.id}/actions`, { action: 'receive', version: fwd.version, input: {} });
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('ROLE_NOT_ALLOWED');
    // The target agency sees it in its queue and receives it: its deadlines count from its own receipt.
    const q = await staff['sonnmt.motcua']!.get('/api/feedback?status=forwarded');
    expect(q.status).toBe(200);
    expect(q.body.items.map((f: { id: string }) => f.id)).toContain(second.id);
    clock.set('2026-02-25T08:00:00+07:00');
    const rec = await act('sonnmt.motcua', second.id, 'receive');
    expect(rec.status).toBe('received');
    expect(rec.deadlines.handle).toBe('2026-03-18T17:00:00+07:00');
    const h = await staff['sonnmt.motcua']!.get(`/api/feedback/${second.id}/history`);
    expect(h.body.items.map((x: { action: string }) => x.action)).toEqual(['submit', 'receive', 'classify', 'receive']);
    expect(h.body.items[2].data).toMatchObject({ classification: 'outside_competence', targetAgencyId: agencyId[SONNMT], onTime: true });
    expect(h.body.items[2].note).toBe('Thuộc thẩm quyền Sở Nông nghiệp và Môi trường');
    expect(h.body.items[2].actorName).toBe('Nguyễn Thị Hoa');
    // Commune B still sees nothing.
    expect((await staff['dienhong.motcua']!.get(`/api/feedback/${second.id}`)).status).toBe(404);
  });

  it('within competence → answer (leader only) → publish → public list without personal data → the petitioner rates', async () => {
    clock.set('2026-02-24T09:00:00+07:00');
    const c = await act('pleiku.chuyenvien', first.id, 'classify', { classification: 'within_competence' });
    expect(c.status).toBe('in_progress');
    await act('pleiku.chuyenvien', first.id, 'request_info', { note: 'Đề nghị cho biết mã hồ sơ' });
    // Rating before an answer is refused.
    const early = await anon.post(`/api/public/feedback/${first.reference}/rating?secret=${first.trackingSecret}`, { rating: 'satisfied' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('FEEDBACK_RATING_NOT_ALLOWED');
    // A specialist may not answer.
    const spec = await act('pleiku.chuyenvien', first.id, 'answer', { answer: 'x' }, 403);
    expect(spec.error.code).toBe('ROLE_NOT_ALLOWED');
    clock.set('2026-03-06T10:00:00+07:00');
    const ans = await act('pleiku.lanhdao', first.id, 'answer', { answer: 'UBND phường đã kiểm tra; ông Nguyễn Văn Bình (0905 123 456) được hướng dẫn lại, cán bộ đã được nhắc nhở.' });
    expect(ans.status).toBe('answered');
    expect(ans.answeredAt).toBe('2026-03-06T10:00:00+07:00');
    expect(ans.publishDueAt).toBe('2026-03-10T17:00:00+07:00');
    expect(ans.dueAt).toBe('2026-03-10T17:00:00+07:00');
    // Not yet public.
    expect((await anon.get('/api/public/feedback')).body.items.map((f: { reference: string }) => f.reference)).not.toContain(first.reference);
    clock.set('2026-03-09T14:00:00+07:00');
    const pub = await act('pleiku.lanhdao', first.id, 'publish');
    expect(pub.status).toBe('published');
    expect(pub.publishedAt).toBe('2026-03-09T14:00:00+07:00');

    const list = await anon.get(`/api/public/feedback?agencyId=${agencyId[PROVINCE]}`);
    expect(list.status).toBe(200);
    const item = list.body.items.find((f: { reference: string }) => f.reference === first.reference);
    expect(item).toBeDefined();
    expect(Object.keys(item).sort()).toEqual(['agencyId', 'agencyName', 'answer', 'answeredAt', 'content', 'procedureCode', 'publishedAt', 'receivedAt', 'reference', 'subject', 'title']);
    expect(item.content).toContain('[số]');
    expect(item.content).toContain('[email]');
    const text = JSON.stringify(list.body);
    for (const secret of ['0905 123 456', '0905123456', 'binh.nguyen@example.vn', '052090001234', 'Nguyễn Văn Bình', first.trackingSecret]) expect(text).not.toContain(secret);
    expect(item.content).toBe('Tôi là [họ tên], nộp hồ sơ ngày 05/02/2026 nhưng cán bộ yêu cầu nộp thêm giấy tờ không có trong thủ tục. Liên hệ [số] hoặc [email]; CCCD [số].');
    expect(item.answer).toBe('UBND phường đã kiểm tra; ông [họ tên] ([số]) được hướng dẫn lại, cán bộ đã được nhắc nhở.');
    // Another unit's filter does not list it.
    const otherUnit = await anon.get(`/api/public/feedback?agencyId=${agencyId[DIENHONG]}`);
    expect(otherUnit.body.items).toEqual([]);

    const rated = await anon.post(`/api/public/feedback/${first.reference}/rating?secret=${first.trackingSecret}`, { rating: 'satisfied', comment: 'Cảm ơn' });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    expect(rated.body.rating).toMatchObject({ rating: 'satisfied', comment: 'Cảm ơn' });
    expect(rated.body.canRate).toBe(false);
    expect(rated.body.answer).toContain('Nguyễn Văn Bình'); // the petitioner's own view is not masked
    const again = await anon.post(`/api/public/feedback/${first.reference}/rating?secret=${first.trackingSecret}`, { rating: 'dissatisfied' });
    expect(again.status).toBe(409);
    const wrongSecret = await anon.post(`/api/public/feedback/${first.reference}/rating?secret=000000000000`, { rating: 'dissatisfied' });
    expect(wrongSecret.status).toBe(404);
    const staffView = await staff['pleiku.lanhdao']!.get(`/api/feedback/${first.id}`);
    expect(staffView.body.rating.rating).toBe('satisfied');

    // Archived: still public.
    await act('pleiku.motcua', first.id, 'archive');
    expect((await anon.get('/api/public/feedback')).body.items.map((f: { reference: string }) => f.reference)).toContain(first.reference);
  });

  it('not accepted with a reason, visible to the petitioner', async () => {
    clock.set('2026-03-09T08:00:00+07:00');
    const f = await submit({ subject: 'other', title: 'Nội dung không rõ', content: 'abc' });
    await act('pleiku.motcua', f.id, 'receive');
    const r = await act('pleiku.motcua', f.id, 'classify', { classification: 'not_accepted', reason: 'Nội dung không rõ ràng, không có căn cứ xử lý' });
    expect(r.status).toBe('not_accepted');
    const own = await anon.get(`/api/public/feedback/${f.reference}?secret=${f.trackingSecret}`);
    expect(own.body.notAcceptedReason).toBe('Nội dung không rõ ràng, không có căn cứ xử lý');
    expect(own.body.canRate).toBe(false);
    const bad = await act('pleiku.motcua', f.id, 'answer', { answer: 'x' }, 409);
    expect(bad.error.code).toBe('FEEDBACK_ACTION_NOT_ALLOWED');
  });

  it('overdue view: open feedback past its deadline, soonest due first; answered-and-published ones are not', async () => {
    clock.set('2026-02-13T09:00:00+07:00');
    const f = await submit({ title: 'Chậm trả lời' });
    await act('pleiku.motcua', f.id, 'receive');
    clock.set('2026-03-13T16:00:00+07:00'); // still in time (due 17:00)
    let q = await staff['pleiku.motcua']!.get('/api/feedback?view=overdue');
    expect(q.body.items.map((x: { id: string }) => x.id)).not.toContain(f.id);
    clock.set('2026-03-16T08:00:00+07:00');
    q = await staff['pleiku.motcua']!.get('/api/feedback?view=overdue');
    expect(q.status).toBe(200);
    const ids = q.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(f.id);
    expect(ids).not.toContain(first.id);
    expect(q.body.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
    const dues = q.body.items.map((x: { dueAt: string }) => x.dueAt);
    expect([...dues].sort()).toEqual(dues);
    expect((await staff['dienhong.motcua']!.get('/api/feedback?view=overdue')).body.items).toEqual([]);
    // The inspector of the province reads the overdue view of the whole province (oversight) but cannot act.
    const insp = await staff['tinh.thanhtra']!.get('/api/feedback?view=overdue');
    expect(insp.body.items.map((x: { id: string }) => x.id)).toContain(f.id);
    const insAct = await staff['tinh.thanhtra']!.post(`/api/feedback/${f.id}/actions`, { action: 'classify', version: 2, input: { classification: 'within_competence' } });
    expect(insAct.status).toBe(403);
  });

  it('keyset pagination of the staff queue and the public list', async () => {
    const p1 = await staff['pleiku.motcua']!.get('/api/feedback?limit=2');
    expect(p1.body.items).toHaveLength(2);
    expect(p1.body.next).toBeTypeOf('string');
    const p2 = await staff['pleiku.motcua']!.get(`/api/feedback?limit=2&cursor=${p1.body.next}`);
    expect(p2.status).toBe(200);
    const seen = new Set([...p1.body.items, ...p2.body.items].map((x: { id: string }) => x.id));
    expect(seen.size).toBe(p1.body.items.length + p2.body.items.length);
    const bad = await staff['pleiku.motcua']!.get('/api/feedback?cursor=bm9wZQ');
    expect(bad.status).toBe(400);
    const pub = await anon.get('/api/public/feedback?limit=1');
    expect(pub.body.items).toHaveLength(1);
    const pub2 = await anon.get(`/api/public/feedback?limit=1&cursor=${pub.body.next}`);
    expect(pub2.status).toBe(200);
    expect(pub2.body.items).toEqual([]);
  });

  it('a signed-in citizen’s feedback is linked to them', async () => {
    const citizen = await new ApiClient(http.base).citizenLogin('binh.citizen@example.vn');
    const f = await submit({ title: 'Gửi khi đã đăng nhập' }, citizen);
    const v = await staff['pleiku.motcua']!.get(`/api/feedback/${f.id}`);
    expect(v.body.citizenId).toMatch(/^[0-9a-f-]{36}$/);
    const a = await staff['pleiku.motcua']!.get(`/api/feedback/${first.id}`);
    expect(a.body.citizenId).toBeNull();
  });

  it('the history is append-only', async () => {
    const failure = async (q: Promise<unknown>) => {
      try {
        await q;
      } catch (err) {
        const e = err as { message?: string; cause?: { message?: string } };
        return `${e.message ?? ''} ${e.cause?.message ?? ''}`;
      }
      return 'no error';
    };
    expect(await failure(env.ctx.db.execute(sql`update feedback_history set note = 'sửa' where feedback_id = ${first.id}`))).toMatch(/APPEND_ONLY/);
    expect(await failure(env.ctx.db.execute(sql`delete from feedback_history where feedback_id = ${first.id}`))).toMatch(/APPEND_ONLY/);
    const h = await staff['pleiku.lanhdao']!.get(`/api/feedback/${first.id}/history`);
    expect(h.body.items.map((x: { action: string; seq: number }) => `${x.seq}:${x.action}`)).toEqual(['1:submit', '2:receive', '3:classify', '4:request_info', '5:answer', '6:publish', '7:rate', '8:archive']);
  });
});

// ---------------------------------------------------------------------- statistics

describe('public statistics', () => {
  const at = (s: string) => new Date(s.length === 10 ? `${s}T09:00:00+07:00` : s);
  beforeAll(async () => {
    clock.set('2026-06-01T08:00:00+07:00'); // after the figures' dates: they are judged at the end of `date`
    const base = { procedureId: crypto.randomUUID(), publicationId: crypto.randomUUID(), state: 'received', applicant: {}, applicantNameFolded: '', onestopPolicy: 'onestop-2025', trackingSecret: 'X', createdAt: at('2026-05-01'), updatedAt: at('2026-05-01') };
    const d = (agency: string, channel: string, receivedAt: string, dueAt: string | null, finishedAt: string | null) => ({
      ...base,
      receivingAgencyId: agencyId[agency]!,
      handlingAgencyId: agencyId[agency]!,
      channel,
      receivedAt: at(receivedAt),
      dueAt: dueAt ? at(dueAt) : null,
      finishedAt: finishedAt ? at(finishedAt) : null,
      state: finishedAt ? 'result_ready' : 'in_process',
    });
    const made = await env.ctx.db.insert(dossiers).values([
      d(HOIPHU, 'online', '2026-05-04', '2026-05-08T17:00:00+07:00', '2026-05-07T10:00:00+07:00'), // D1 on time
      d(HOIPHU, 'desk', '2026-05-05', '2026-05-06T17:00:00+07:00', '2026-05-07T10:00:00+07:00'), // D2 late
      d(HOIPHU, 'online', '2026-05-06', '2026-05-20T17:00:00+07:00', null), // D3 open
      d(HOIPHU, 'desk', '2026-05-21', '2026-05-25T17:00:00+07:00', null), // D4 after the date
      d(HOIPHU, 'desk', '2026-04-28', '2026-05-05T17:00:00+07:00', '2026-05-04T10:00:00+07:00'), // D5 April, on time
      d(HOIPHU, 'desk', '2026-05-10', '2026-05-30T17:00:00+07:00', '2026-05-25T10:00:00+07:00'), // D6 finished after the date
      d(QUYNHON, 'online', '2026-05-12', '2026-05-14T17:00:00+07:00', '2026-05-14T17:00:00+07:00'), // D7 on time (exactly at due)
      d(HOIPHU, 'desk', '2026-05-20T23:59:00+07:00', null, '2026-05-20T23:59:30+07:00'), // D8 last minute of the date, no limit → on time
    ]).returning();
    // Each dossier's receipt and finish in its history, as the action path writes them; the index reads them.
    for (const x of made) {
      const row = (seq: number, action: string, toState: string, when: Date, data: Record<string, unknown>) => ({ dossierId: x.id, seq, action, toState, actorRole: 'desk_officer', agencyId: x.handlingAgencyId, at: when, data });
      await env.ctx.db.insert(dossierHistory).values([
        row(1, 'receive', 'received', x.receivedAt!, { clock: 'start', dueAt: x.dueAt?.toISOString() ?? null, receivedAt: x.receivedAt!.toISOString() }),
        ...(x.finishedAt ? [row(2, 'mark_result_ready', 'result_ready', x.finishedAt, { clock: 'finish' })] : []),
      ]);
      await env.ctx.db.transaction((tx) => refreshDossierIndex(tx, x.id));
    }
    const r = (rating: string, createdAt: string) => ({ dossierId: crypto.randomUUID(), citizenId: crypto.randomUUID(), agencyId: agencyId[HOIPHU]!, rating, reasons: [], createdAt: at(createdAt) });
    await env.ctx.db.insert(dossierRatings).values([r('satisfied', '2026-05-07'), r('dissatisfied', '2026-05-08'), r('neutral', '2026-05-15'), r('satisfied', '2026-04-20'), r('satisfied', '2026-05-21')]);
    const f = (receivedAt: string, handleDueAt: string, answeredAt: string | null) => ({
      reference: `PAKN-TEST-${crypto.randomBytes(4).toString('hex')}`,
      trackingSecret: 'X',
      agencyId: agencyId[HOIPHU]!,
      originAgencyId: agencyId[HOIPHU]!,
      subject: 'procedure',
      title: 't',
      content: 'c',
      contact: { fullName: 'A' },
      status: answeredAt ? 'answered' : 'in_progress',
      submittedAt: at(receivedAt),
      receivedAt: at(receivedAt),
      handleDueAt: at(handleDueAt),
      answeredAt: answeredAt ? at(answeredAt) : null,
      createdAt: at(receivedAt),
      updatedAt: at(receivedAt),
    });
    await env.ctx.db.insert(feedback).values([f('2026-05-04', '2026-05-25T17:00:00+07:00', '2026-05-15'), f('2026-05-06', '2026-05-27T17:00:00+07:00', null), f('2026-04-01', '2026-04-22T17:00:00+07:00', '2026-04-30')]);
  });

  it('a commune, this month up to the date (figures computed by hand, read from the index counters)', async () => {
    const r = await anon.get(`/api/public/stats?agencyId=${agencyId[HOIPHU]}&period=month&date=2026-05-20`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ period: 'month', from: '2026-05-01', to: '2026-05-20' });
    // Received 1–20/5: D1, D2, D3, D6, D8. Finished 1–20/5: D1, D2, D5 (received in April), D8. On time: D1, D5, D8
    // (D8 has no time limit). Online: D1, D3.
    expect(r.body).toMatchObject({ received: 5, finished: 4, onTime: 3, onTimeRate: 75, online: 2, onlineRate: 40 });
    expect(r.body.ratings).toEqual({ satisfied: 1, neutral: 1, dissatisfied: 1 });
    expect(r.body.satisfactionRate).toBe(66.7);
    // Feedback received in May: one answered on time, one open and not yet past its deadline on 20/5 (on time).
    expect(r.body.feedback).toEqual({ received: 2, answered: 1, onTime: 2 });
  });

  it('a commune, this year up to the date', async () => {
    const r = await anon.get(`/api/public/stats?agencyId=${agencyId[HOIPHU]}&period=year&date=2026-05-20`);
    expect(r.body).toMatchObject({ from: '2026-01-01', to: '2026-05-20', received: 6, finished: 4, onTime: 3, onTimeRate: 75, online: 2, onlineRate: 33.3 });
    expect(r.body.ratings).toEqual({ satisfied: 2, neutral: 1, dissatisfied: 1 });
    expect(r.body.satisfactionRate).toBe(75);
    // The April one was answered after its deadline.
    expect(r.body.feedback).toEqual({ received: 3, answered: 2, onTime: 2 });
  });

  it('the province includes its communes', async () => {
    const r = await anon.get(`/api/public/stats?agencyId=${agencyId[PROVINCE]}&period=month&date=2026-05-20`);
    // Hội Phú's figures plus D7 at Quy Nhơn (online, finished exactly at its due time: on time).
    expect(r.body).toMatchObject({ received: 6, finished: 5, onTime: 4, onTimeRate: 80, online: 3, onlineRate: 50 });
    expect(r.body.ratings).toEqual({ satisfied: 1, neutral: 1, dissatisfied: 1 });
  });

  it('no data: zero counts and null rates; bad input is refused', async () => {
    const r = await anon.get(`/api/public/stats?agencyId=${agencyId[DIENHONG]}&period=month&date=2026-05-20`);
    expect(r.body).toMatchObject({ received: 0, finished: 0, onTime: 0, onTimeRate: null, online: 0, onlineRate: null, satisfactionRate: null, feedback: { received: 0, answered: 0, onTime: 0 } });
    expect((await anon.get(`/api/public/stats?agencyId=${agencyId[DIENHONG]}&date=2026-02-30`)).status).toBe(400);
    expect((await anon.get(`/api/public/stats?agencyId=${crypto.randomUUID()}`)).status).toBe(404);
    expect((await anon.get('/api/public/stats')).status).toBe(400);
  });
});

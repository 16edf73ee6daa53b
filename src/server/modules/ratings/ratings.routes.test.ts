/**
 * A rating for every dossier, over real HTTP on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * the receipt and control slips carry the short link, the rating page by code + second factor, the desk kiosk
 * scoped to the officer, the follow-up closed with an answer, and the satisfaction indicator counting every channel.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T08:30:00+07:00'));
const as: Record<string, ApiClient> = {};
let anon: ApiClient;
let pleikuId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-rating-'));

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao', 'dienhong.motcua']) as[u] = await new ApiClient(http.base).login(u);
  const agencies = (await anon.get('/api/agencies?limit=100')).body.items as { code: string; id: string }[];
  pleikuId = agencies.find((a) => a.code === '000.01.00.H21')!.id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function act(user: string, id: string, action: string, input: Record<string, unknown> = {}) {
  const d = await as[user]!.get(`/api/dossiers/${id}`);
  const r = await as[user]!.post(`/api/dossiers/${id}/actions`, { action, version: d.body.version, input, documents: [] });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

let n = 0;
/** A desk dossier received by the Pleiku desk; `until` = how far it goes. */
async function deskDossier(until: 'received' | 'result_ready' | 'returned', phone = '0905123456') {
  n += 1;
  const r = await as['pleiku.motcua']!.post(
    '/api/dossiers',
    { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Trần Văn Bình', idNumber: '052090005678', phone, email: `binh${n}@example.vn`, address: 'Tổ 1, phường Pleiku' }, fees: [], documents: [] },
    { 'idempotency-key': `rating-dossier-${n}` },
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const { id, code, trackingSecret } = r.body as { id: string; code: string; trackingSecret: string };
  if (until !== 'received') {
    await act('pleiku.motcua', id, 'forward');
    const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
    await act('pleiku.lanhdao', id, 'assign', { assigneeId: me.body.userId });
    await act('pleiku.chuyenvien', id, 'start_processing');
    await act('pleiku.chuyenvien', id, 'propose');
    await act('pleiku.lanhdao', id, 'approve');
    await act('pleiku.chuyenvien', id, 'mark_result_ready', { paperResult: true });
    if (until === 'returned') await act('pleiku.motcua', id, 'return_result', { returnMethod: 'desk', collectedBy: 'Trần Văn Bình' });
  }
  return { id, code, secret: trackingSecret };
}

function pdfFlat(pdf: Buffer, name: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC').replace(/\s+/g, '');
}

async function slip(user: string, id: string, kind: string) {
  const res = await fetch(`${http.base}/api/dossiers/${id}/slips/${kind}`, { headers: { authorization: `Bearer ${as[user]!.token}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('the short link and QR on the slips', () => {
  it('the receipt (Mẫu 01) and the control slip of a returned dossier print PUBLIC_BASE_URL/danh-gia/<code>', async () => {
    const d = await deskDossier('returned');
    const link = `http://127.0.0.1:${env.ctx.config.port}/danh-gia/${d.code}`;
    expect(pdfFlat(await slip('pleiku.motcua', d.id, 'receipt'), 'receipt.pdf')).toContain(link);
    expect(pdfFlat(await slip('pleiku.motcua', d.id, 'control'), 'control.pdf')).toContain(link);
    // The short link opens the portal's rating page.
    const res = await fetch(`${http.base}/danh-gia/${d.code}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/dich-vu-cong/danh-gia/${d.code}`);
  });

  it('the control slip of a dossier still in process has no rating link', async () => {
    const d = await deskDossier('received');
    expect(pdfFlat(await slip('pleiku.motcua', d.id, 'control'), 'control-open.pdf')).not.toContain('/danh-gia/');
  });
});

describe('rating by link (code + second factor)', () => {
  it('wrong factor → 404 like an unknown code; not yet returned → 422; right factor → 201 once, then 409 ALREADY_RATED', async () => {
    const open = await deskDossier('received');
    const wrong = await anon.post(`/api/public/dossiers/${open.code}/rating`, { secondFactor: 'WRONG1', rating: 'satisfied' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('DOSSIER_NOT_FOUND');
    const unknown = await anon.post('/api/public/dossiers/000.01.00.H21-990101-9999/rating', { secondFactor: open.secret, rating: 'satisfied' });
    expect(unknown.status).toBe(404);
    const early = await anon.post(`/api/public/dossiers/${open.code}/rating`, { secondFactor: open.secret, rating: 'satisfied' });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('RATING_NOT_ALLOWED');
    const viewEarly = await anon.get(`/api/public/dossiers/${open.code}/rating?secondFactor=${open.secret}`);
    expect(viewEarly.status).toBe(200);
    expect(viewEarly.body).toMatchObject({ canRate: false, reason: 'RATING_NOT_ALLOWED', rating: null });

    const done = await deskDossier('returned', '0905777888');
    const view = await anon.get(`/api/public/dossiers/${done.code}/rating?secondFactor=0905777888`); // the phone works too
    expect(view.body).toMatchObject({ code: done.code, canRate: true, reason: null, stateLabel: 'Đã trả kết quả' });
    const bad = await anon.post(`/api/public/dossiers/${done.code}/rating`, { secondFactor: done.secret, rating: 'great' });
    expect(bad.status).toBe(400);
    const r = await anon.post(`/api/public/dossiers/${done.code}/rating`, { secondFactor: done.secret.toLowerCase(), rating: 'satisfied', comment: 'Nhanh, gọn' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ rating: 'satisfied', channel: 'link', followUpId: null, comment: 'Nhanh, gọn' });
    const again = await anon.post(`/api/public/dossiers/${done.code}/rating`, { secondFactor: done.secret, rating: 'dissatisfied' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_RATED');
    expect(again.body.error.message).toMatch(/một lần/);
    // The rating is a history entry of the dossier.
    const h = await as['pleiku.motcua']!.get(`/api/dossiers/${done.id}/history`);
    const entry = (h.body.items ?? h.body).find((x: { action: string }) => x.action === 'rate');
    expect(entry.data).toMatchObject({ rating: 'satisfied', ratingChannel: 'link' });
    expect(entry.text).toContain('Hài lòng');
    expect(entry.fromState).toBe('returned');
    expect(entry.toState).toBe('returned');
  });

  it('too many wrong second factors for one code → 429', async () => {
    const d = await deskDossier('returned');
    let last = 0;
    for (let i = 0; i < 11; i += 1) last = (await anon.get(`/api/public/dossiers/${d.code}/rating?secondFactor=BAD${i}X`)).status;
    expect(last).toBe(429);
    const right = await anon.get(`/api/public/dossiers/${d.code}/rating?secondFactor=${d.secret}`);
    expect(right.status).toBe(429);
  });
});

describe('the desk kiosk', () => {
  it('shows the dossier the officer just returned, only to that officer; the applicant rates it; a dissatisfied rating opens a follow-up the unit closes with an answer', async () => {
    expect((await as['pleiku.motcua']!.get('/api/kiosk/current')).status).toBe(200);
    const d = await deskDossier('returned');
    const cur = await as['pleiku.motcua']!.get('/api/kiosk/current');
    expect(cur.body.dossier).toMatchObject({ id: d.id, code: d.code, applicantName: 'Ông/Bà Bình' });
    // Another unit's desk officer does not see it and cannot rate it.
    expect((await as['dienhong.motcua']!.get('/api/kiosk/current')).body.dossier).toBeNull();
    const foreign = await as['dienhong.motcua']!.post('/api/kiosk/rating', { dossierId: d.id, rating: 'dissatisfied' });
    expect(foreign.status).toBe(404);
    // Only a desk officer runs a kiosk.
    expect((await as['pleiku.lanhdao']!.get('/api/kiosk/current')).status).toBe(403);
    expect((await anon.get('/api/kiosk/current')).status).toBe(401);

    const r = await as['pleiku.motcua']!.post('/api/kiosk/rating', { dossierId: d.id, rating: 'dissatisfied', reasons: ['Phải đi lại nhiều lần'], comment: 'Chờ lâu' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ channel: 'kiosk', rating: 'dissatisfied' });
    expect(r.body.followUpId).toBeTruthy();
    // Back to waiting; rating it again (any channel) is refused.
    expect((await as['pleiku.motcua']!.get('/api/kiosk/current')).body.dossier).toBeNull();
    expect((await as['pleiku.motcua']!.post('/api/kiosk/rating', { dossierId: d.id, rating: 'satisfied' })).status).toBe(409);
    expect((await anon.post(`/api/public/dossiers/${d.code}/rating`, { secondFactor: d.secret, rating: 'satisfied' })).body.error.code).toBe('ALREADY_RATED');

    // The follow-up is in the unit's list, not in another unit's.
    const list = await as['pleiku.lanhdao']!.get('/api/follow-ups?status=open');
    const item = list.body.items.find((f: { id: string }) => f.id === r.body.followUpId);
    expect(item).toMatchObject({ dossierCode: d.code, status: 'open', version: 1, answer: null });
    expect(item.rating).toMatchObject({ channel: 'kiosk', reasons: ['Phải đi lại nhiều lần'] });
    expect(item.summary).toContain('máy đánh giá');
    expect((await as['dienhong.motcua']!.get('/api/follow-ups')).body.items.some((f: { id: string }) => f.id === item.id)).toBe(false);
    // Another unit cannot close it; a specialist may not; a stale version conflicts.
    const answer = 'Đơn vị xin lỗi Ông/Bà; từ tháng 3 quầy bố trí thêm một cán bộ vào giờ cao điểm.';
    expect((await as['dienhong.motcua']!.post(`/api/follow-ups/${item.id}/close`, { version: 1, answer })).status).toBe(404);
    expect((await as['pleiku.chuyenvien']!.post(`/api/follow-ups/${item.id}/close`, { version: 1, answer })).status).toBe(403);
    expect((await as['pleiku.lanhdao']!.post(`/api/follow-ups/${item.id}/close`, { version: 7, answer })).status).toBe(409);
    const closed = await as['pleiku.lanhdao']!.post(`/api/follow-ups/${item.id}/close`, { version: 1, answer });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', answer, version: 2 });
    const twice = await as['pleiku.lanhdao']!.post(`/api/follow-ups/${item.id}/close`, { version: 2, answer });
    expect(twice.body.error.code).toBe('FOLLOW_UP_CLOSED');

    // The answer: on the rating page, in the dossier history, and sent to the applicant.
    const view = await anon.get(`/api/public/dossiers/${d.code}/rating?secondFactor=${d.secret}`);
    expect(view.body).toMatchObject({ canRate: false, reason: 'ALREADY_RATED', rating: { rating: 'dissatisfied', channel: 'kiosk' }, followUp: { status: 'closed', answer } });
    const h = await as['pleiku.motcua']!.get(`/api/dossiers/${d.id}/history`);
    const actions = (h.body.items ?? h.body).map((x: { action: string }) => x.action);
    expect(actions.slice(-2)).toEqual(['rate', 'answer_follow_up']);
    await env.ctx.services.notifications.dispatchPending();
    const inbox = await anon.get(`/api/dev/messages?to=binh${n}@example.vn`);
    expect(inbox.body.items.some((m: { subject: string; body: string }) => m.subject.includes(d.code) && m.body.includes(answer))).toBe(true);
  });

  it('leaving the locked kiosk needs the officer’s password', async () => {
    expect((await as['pleiku.motcua']!.post('/api/kiosk/unlock', { password: 'wrong' })).status).toBe(401);
    const ok = await as['pleiku.motcua']!.post('/api/kiosk/unlock', { password: 'Test-Password-2026' });
    expect(ok.status).toBe(200);
  });
});

describe('the satisfaction indicator counts every channel', () => {
  it('a dissatisfied rating by link or kiosk marks the dossier dissatisfied in the facts the figure and the drill-down read', async () => {
    const d = await deskDossier('returned');
    const r = await anon.post(`/api/public/dossiers/${d.code}/rating`, { secondFactor: d.secret, rating: 'dissatisfied', reasons: ['Hướng dẫn chưa rõ ràng'] });
    expect(r.status).toBe(201);
    const { indexDossierFacts: dossierFacts } = await import('../../platform/db/schema.ts');
    const { eq } = await import('drizzle-orm');
    const [row] = await env.ctx.db.select().from(dossierFacts).where(eq(dossierFacts.dossierId, d.id));
    expect(row?.dissatisfied).toBe(true);
  });
});

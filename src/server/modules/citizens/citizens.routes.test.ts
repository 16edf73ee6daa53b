/**
 * The citizen portal API over real HTTP on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * sign-in with a one-time code read from the mail catcher, applying online, my dossiers, supplement
 * round-trip with the desk, result download, rating and the unit's follow-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, latestOtp, samplePdf, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const staff: Record<string, ApiClient> = {};
let anon: ApiClient;
let pleikuId: string;
let dienhongId: string;

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao', 'dienhong.motcua']) staff[u] = await new ApiClient(http.base).login(u);
  const agencies = (await anon.get('/api/agencies?limit=100')).body.items as { code: string; id: string }[];
  pleikuId = agencies.find((a) => a.code === '000.01.00.H21')!.id;
  dienhongId = agencies.find((a) => a.code === '000.02.00.H21')!.id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

const applicant = { fullName: 'Nguyễn Thị Mai', idNumber: '052190007777', phone: '0905111222', email: 'mai@example.vn', address: 'Tổ 5, phường Pleiku' };

async function staffAct(user: string, id: string, action: string, input: Record<string, unknown> = {}, documents: unknown[] = []) {
  const d = await staff[user]!.get(`/api/dossiers/${id}`);
  expect(d.status).toBe(200);
  const r = await staff[user]!.post(`/api/dossiers/${id}/actions`, { action, version: d.body.version, input, documents });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('sign-in with a one-time code', () => {
  it('sends a 6-digit code through the outbox to the mail catcher and signs in with it', async () => {
    const sent = await anon.post('/api/citizen/otp', { contact: ' Lan.Tran@Example.VN ' });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ sent: true });
    const inbox = await anon.get('/api/dev/messages?to=lan.tran@example.vn');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0].channel).toBe('email');
    expect(inbox.body.items[0].subject).toMatch(/^Mã đăng nhập/);
    const code = /(\d{6})/.exec(inbox.body.items[0].body)![1];
    const login = await fetch(`${http.base}/api/citizen/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contact: 'lan.tran@example.vn', code }) });
    expect(login.status).toBe(200);
    const body = (await login.json()) as { token: string; citizen: { contact: string; fullName: string; id: string } };
    expect(body.citizen.contact).toBe('lan.tran@example.vn');
    expect(body.citizen.fullName).toBe('');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^motcua_citizen=/);
    expect(cookie).toMatch(/HttpOnly/i);
    // The cookie alone authenticates /api/citizen/*.
    const me = await fetch(`${http.base}/api/citizen/me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(body.citizen.id);
    // The code is single-use.
    const again = await anon.post('/api/citizen/login', { contact: 'lan.tran@example.vn', code });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('OTP_EXPIRED');
  });

  it('accepts a Vietnamese mobile number in any usual notation and sends an SMS', async () => {
    const c = await new ApiClient(http.base).citizenLogin('+84 912 000 111');
    const me = await c.get('/api/citizen/me');
    expect(me.body.contact).toBe('0912000111');
    const inbox = await anon.get('/api/dev/messages?to=0912000111');
    expect(inbox.body.items[0].channel).toBe('sms');
    const bad = await anon.post('/api/citizen/otp', { contact: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('CONTACT_INVALID');
  });

  it('refuses a wrong code, locks after 5 wrong attempts, and refuses an expired code', async () => {
    await anon.post('/api/citizen/otp', { contact: 'wrong@example.vn' });
    const code = await latestOtp(anon, 'wrong@example.vn');
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await anon.post('/api/citizen/login', { contact: 'wrong@example.vn', code: wrong });
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('OTP_INVALID');
    expect(first.body.error.details.attemptsLeft).toBe(4);
    for (let i = 0; i < 3; i++) expect((await anon.post('/api/citizen/login', { contact: 'wrong@example.vn', code: wrong })).body.error.code).toBe('OTP_INVALID');
    const fifth = await anon.post('/api/citizen/login', { contact: 'wrong@example.vn', code: wrong });
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('OTP_TOO_MANY_ATTEMPTS');
    // Even the right code no longer works.
    expect((await anon.post('/api/citizen/login', { contact: 'wrong@example.vn', code })).body.error.code).toBe('OTP_TOO_MANY_ATTEMPTS');

    await anon.post('/api/citizen/otp', { contact: 'late@example.vn' });
    const late = await latestOtp(anon, 'late@example.vn');
    clock.set('2026-03-02T09:10:01+07:00'); // 10 minutes and 1 second later
    const expired = await anon.post('/api/citizen/login', { contact: 'late@example.vn', code: late });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('OTP_EXPIRED');
    clock.set('2026-03-02T09:00:00+07:00');
  });

  it('a new code replaces the previous one', async () => {
    await anon.post('/api/citizen/otp', { contact: 'twice@example.vn' });
    const old = await latestOtp(anon, 'twice@example.vn');
    await anon.post('/api/citizen/otp', { contact: 'twice@example.vn' });
    const fresh = await latestOtp(anon, 'twice@example.vn');
    if (old !== fresh) expect((await anon.post('/api/citizen/login', { contact: 'twice@example.vn', code: old })).status).toBe(401);
    expect((await anon.post('/api/citizen/login', { contact: 'twice@example.vn', code: fresh })).status).toBe(200);
  });

  it('rate-limits codes to 5 per contact per hour', async () => {
    clock.set('2026-03-02T10:00:00+07:00');
    for (let i = 0; i < 5; i++) expect((await anon.post('/api/citizen/otp', { contact: 'spam@example.vn' })).status).toBe(200);
    const sixth = await anon.post('/api/citizen/otp', { contact: 'spam@example.vn' });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('RATE_LIMITED');
    expect((await anon.get('/api/dev/messages?to=spam@example.vn')).body.items).toHaveLength(5);
    // Another contact is not affected; an hour later the contact may ask again.
    expect((await anon.post('/api/citizen/otp', { contact: 'other@example.vn' })).status).toBe(200);
    clock.set('2026-03-02T11:00:01+07:00');
    expect((await anon.post('/api/citizen/otp', { contact: 'spam@example.vn' })).status).toBe(200);
    clock.set('2026-03-02T09:00:00+07:00');
  });

  it('logout revokes the session', async () => {
    const c = await new ApiClient(http.base).citizenLogin('bye@example.vn');
    expect((await c.get('/api/citizen/me')).status).toBe(200);
    expect((await c.post('/api/citizen/logout')).status).toBe(200);
    const after = await c.get('/api/citizen/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('applying online and my dossiers', () => {
  let mai: ApiClient;
  let other: ApiClient;
  let dossier: { id: string; code: string; version: number };
  let upload: { sha256: string; fileName: string };

  beforeAll(async () => {
    mai = await new ApiClient(http.base).citizenLogin('mai@example.vn');
    other = await new ApiClient(http.base).citizenLogin('0935000999');
  });

  it('uploads files to the citizen store with the type checked by magic bytes', async () => {
    const up = await mai.upload(samplePdf('to khai'), 'tờ khai.pdf', 'application/pdf', '/api/citizen/files');
    expect(up.status).toBe(201);
    expect(up.body.mime).toBe('application/pdf');
    expect(up.body.fileName).toBe('tờ khai.pdf');
    upload = up.body;
    const fake = await mai.upload(Buffer.from('MZ not a pdf'), 'virus.pdf', 'application/pdf', '/api/citizen/files');
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const anonymous = await anon.upload(samplePdf(), 'x.pdf', 'application/pdf', '/api/citizen/files');
    expect(anonymous.status).toBe(401);
  });

  it('applies: the dossier is submitted online with its code issued at once, and waits in the desk’s queue', async () => {
    const r = await mai.post(
      '/api/citizen/dossiers',
      { agencyId: pleikuId, procedureCode: '1.010038', applicant, formData: { lyDo: 'Tách hộ' }, documents: [{ componentName: 'Tờ khai thay đổi thông tin cư trú', sha256: upload.sha256, fileName: upload.fileName }], resultMethod: 'online' },
      { 'idempotency-key': 'apply-mai-0001' },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    dossier = { id: r.body.id, code: r.body.code, version: r.body.version };
    expect(r.body.state).toBe('submitted_online');
    expect(r.body.stateLabel).toBe('Mới nộp, chờ tiếp nhận');
    expect(r.body.code).toBe('000.01.00.H21-260302-0001');
    expect(r.body.feeTotal).toBe(5000); // the online fee the procedure publishes
    expect(r.body.documents).toHaveLength(1);
    expect(r.body.timeline.map((t: { action: string }) => t.action)).toEqual(['submit_online']);
    dossier = { id: r.body.id, code: r.body.code, version: r.body.version };

    const queue = await staff['pleiku.motcua']!.get('/api/dossiers?view=awaiting_intake');
    const mine = queue.body.items.find((x: { id: string }) => x.id === dossier.id);
    expect(mine.code).toBe(dossier.code);
    expect(mine.channel).toBe('online');
    const h = await staff['pleiku.motcua']!.get(`/api/dossiers/${dossier.id}/history`);
    expect(h.body.items[0].actorRole).toBe('citizen');
    expect(h.body.items[0].data.formData).toEqual({ lyDo: 'Tách hộ' });
    // The citizen's name is filled from the first application.
    expect((await mai.get('/api/citizen/me')).body.fullName).toBe('Nguyễn Thị Mai');
  });

  it('is idempotent: same key and body → the same dossier; same key, other body → 422', async () => {
    const body = { agencyId: pleikuId, procedureCode: '1.010038', applicant, formData: { lyDo: 'Tách hộ' }, documents: [{ componentName: 'Tờ khai thay đổi thông tin cư trú', sha256: upload.sha256, fileName: upload.fileName }], resultMethod: 'online' };
    const again = await mai.post('/api/citizen/dossiers', body, { 'idempotency-key': 'apply-mai-0001' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(dossier.id);
    expect(again.body.code).toBe(dossier.code);
    const other = await mai.post('/api/citizen/dossiers', { ...body, formData: { lyDo: 'Khác' } }, { 'idempotency-key': 'apply-mai-0001' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const noKey = await mai.post('/api/citizen/dossiers', body);
    expect(noKey.status).toBe(400);
    expect((await mai.get('/api/citizen/dossiers')).body.items).toHaveLength(1);
  });

  it('refuses files the citizen does not own, unpublished and offline-only procedures', async () => {
    const staffUp = await staff['pleiku.motcua']!.upload(samplePdf('noi bo'), 'noi-bo.pdf');
    const foreign = await mai.post('/api/citizen/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', applicant, documents: [{ sha256: staffUp.body.sha256, fileName: 'x.pdf' }], resultMethod: 'desk' }, { 'idempotency-key': 'apply-mai-0002' });
    expect(foreign.status).toBe(404);
    const notPublished = await mai.post('/api/citizen/dossiers', { agencyId: pleikuId, procedureCode: '1.001456', applicant, resultMethod: 'desk' }, { 'idempotency-key': 'apply-mai-0003' });
    expect(notPublished.status).toBe(422);
    expect(notPublished.body.error.code).toBe('PROCEDURE_NOT_PUBLISHED');
    // 1.005095 has no online channel (online level none): find the agency that publishes it.
    const agencies = (await anon.get('/api/agencies?limit=100')).body.items as { id: string }[];
    let publisher: string | null = null;
    for (const a of agencies) {
      const pubs = (await anon.get(`/api/agencies/${a.id}/publications`)).body.items as { procedure: { code: string } }[];
      if (pubs.some((p) => p.procedure.code === '1.005095')) publisher = a.id;
    }
    expect(publisher).not.toBeNull();
    const offline = await mai.post('/api/citizen/dossiers', { agencyId: publisher, procedureCode: '1.005095', applicant, resultMethod: 'desk' }, { 'idempotency-key': 'apply-mai-0004' });
    expect(offline.status).toBe(422);
    expect(offline.body.error.code).toBe('PROCEDURE_NOT_ONLINE');
    const postalWithout = await mai.post('/api/citizen/dossiers', { agencyId: pleikuId, procedureCode: '1.010039', applicant, resultMethod: 'postal' }, { 'idempotency-key': 'apply-mai-0005' });
    expect(postalWithout.status).toBe(400);
  });

  it('another citizen, a staff token and no session cannot see the dossier (same answer as unknown)', async () => {
    const theirs = await other.get(`/api/citizen/dossiers/${dossier.id}`);
    const unknown = await other.get(`/api/citizen/dossiers/${crypto.randomUUID()}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
    expect((await other.get('/api/citizen/dossiers')).body.items).toEqual([]);
    expect((await other.post(`/api/citizen/dossiers/${dossier.id}/supply`, { version: dossier.version })).status).toBe(404);
    expect((await staff['pleiku.motcua']!.get(`/api/citizen/dossiers/${dossier.id}`)).status).toBe(401);
    expect((await anon.get(`/api/citizen/dossiers/${dossier.id}`)).status).toBe(401);
  });

  it('the desk receives it without issuing another code; the appointment is set', async () => {
    clock.set('2026-03-02T10:00:00+07:00');
    const rec = await staffAct('pleiku.motcua', dossier.id, 'receive');
    expect(rec.state).toBe('received');
    expect(rec.code).toBe(dossier.code);
    const mine = await mai.get(`/api/citizen/dossiers/${dossier.id}`);
    expect(mine.body.stateLabel).toBe('Đã tiếp nhận');
    expect(mine.body.appointmentAt).toBe('2026-03-09T17:00:00+07:00'); // 5 working days
    expect(mine.body.timeline.map((t: { label: string }) => t.label)).toEqual(['Nộp hồ sơ trực tuyến', 'Tiếp nhận hồ sơ']);
    // The next receipt that day gets the next number: the online code consumed 0001.
    const desk = await staff['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Trần Văn Bảy' } });
    expect(desk.body.code).toBe('000.01.00.H21-260302-0002');
  });

  it('supplement round-trip: the specialist asks, the citizen sees the missing items and supplies; the clock restarts', async () => {
    const me = await staff['pleiku.chuyenvien']!.get('/api/auth/me');
    await staffAct('pleiku.motcua', dossier.id, 'forward');
    await staffAct('pleiku.lanhdao', dossier.id, 'assign', { assigneeId: me.body.userId });
    await staffAct('pleiku.chuyenvien', dossier.id, 'start_processing');
    await staffAct('pleiku.chuyenvien', dossier.id, 'request_supplement', { missingItems: ['Bản sao giấy khai sinh', 'Giấy tờ chứng minh chỗ ở hợp pháp'] });
    const seen = await mai.get(`/api/citizen/dossiers/${dossier.id}`);
    expect(seen.body.state).toBe('supplement_requested');
    expect(seen.body.canSupply).toBe(true);
    expect(seen.body.supplementRequest.missingItems).toEqual(['Bản sao giấy khai sinh', 'Giấy tờ chứng minh chỗ ở hợp pháp']);
    expect(seen.body.appointmentAt).toBeNull();

    clock.set('2026-03-04T09:00:00+07:00');
    const up = await mai.upload(samplePdf('khai sinh'), 'khai-sinh.pdf', 'application/pdf', '/api/citizen/files');
    const stale = await mai.post(`/api/citizen/dossiers/${dossier.id}/supply`, { version: seen.body.version - 1, documents: [{ sha256: up.body.sha256, fileName: 'khai-sinh.pdf' }] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const supplied = await mai.post(`/api/citizen/dossiers/${dossier.id}/supply`, { version: seen.body.version, note: 'Đã bổ sung', documents: [{ componentName: 'Giấy khai sinh', sha256: up.body.sha256, fileName: 'khai-sinh.pdf' }, { componentName: 'Tờ khai', sha256: upload.sha256, fileName: upload.fileName, reused: true }] });
    expect(supplied.status, JSON.stringify(supplied.body)).toBe(200);
    expect(supplied.body.state).toBe('in_process');
    expect(supplied.body.supplementRequest).toBeNull();
    expect(supplied.body.appointmentAt).toBe('2026-03-11T17:00:00+07:00'); // the full 5 working days again
    const h = await staff['pleiku.chuyenvien']!.get(`/api/dossiers/${dossier.id}/history`);
    const last = h.body.items.at(-1);
    expect(last.action).toBe('supply');
    expect(last.actorRole).toBe('citizen');
    expect(last.attachments).toHaveLength(2);
    const docs = (await staff['pleiku.chuyenvien']!.get(`/api/dossiers/${dossier.id}/documents`)).body.items;
    expect(docs.find((d: { fileName: string; reused: boolean }) => d.fileName === upload.fileName && d.reused)).toBeTruthy();
    // Supplying again without a request is not allowed.
    const twice = await mai.post(`/api/citizen/dossiers/${dossier.id}/supply`, { version: supplied.body.version });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ACTION_NOT_ALLOWED_IN_STATE');
  });

  it('the electronic result can be downloaded only when ready, and only by the applicant', async () => {
    await staffAct('pleiku.chuyenvien', dossier.id, 'propose');
    await staffAct('pleiku.lanhdao', dossier.id, 'approve');
    const up = await staff['pleiku.chuyenvien']!.upload(samplePdf('ket qua tach ho'), 'ket-qua.pdf');
    await staffAct('pleiku.chuyenvien', dossier.id, 'attach_result', {}, [{ sha256: up.body.sha256, fileName: 'ket-qua.pdf', componentName: 'Kết quả' }]);
    const docs = (await staff['pleiku.chuyenvien']!.get(`/api/dossiers/${dossier.id}/documents`)).body.items;
    const result = docs.find((d: { electronicResult: boolean }) => d.electronicResult);
    const early = await mai.get(`/api/citizen/dossiers/${dossier.id}/result/${result.id}`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('RESULT_NOT_AVAILABLE');
    expect((await mai.get(`/api/citizen/dossiers/${dossier.id}`)).body.results).toEqual([]);
    const notRated = await mai.post(`/api/citizen/dossiers/${dossier.id}/rating`, { rating: 'satisfied' });
    expect(notRated.status).toBe(422);
    expect(notRated.body.error.code).toBe('RATING_NOT_ALLOWED');

    await staffAct('pleiku.chuyenvien', dossier.id, 'mark_result_ready');
    const view = await mai.get(`/api/citizen/dossiers/${dossier.id}`);
    // Not a PDF the seal can sign (the sample has no page): with RESULT_SIGNATURE=if-available it goes out unsigned.
    expect(view.body.results).toEqual([{ id: result.id, fileName: 'ket-qua.pdf', mime: 'application/pdf', size: up.body.size, signature: null }]);
    const dl = await fetch(`${http.base}/api/citizen/dossiers/${dossier.id}/result/${result.id}`, { headers: { authorization: `Bearer ${mai.token}` } });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-disposition')).toContain('ket-qua.pdf');
    expect((await dl.text()).startsWith('%PDF-')).toBe(true);
    expect((await other.get(`/api/citizen/dossiers/${dossier.id}/result/${result.id}`)).status).toBe(404);
    // An input document is not a result.
    const input = docs.find((d: { electronicResult: boolean }) => !d.electronicResult);
    expect((await mai.get(`/api/citizen/dossiers/${dossier.id}/result/${input.id}`)).status).toBe(404);
    // The result is offered for reuse in the citizen's documents.
    const mine = (await mai.get('/api/citizen/documents')).body.items;
    expect(mine.find((d: { source: string; sha256: string }) => d.source === 'result' && d.sha256 === up.body.sha256).dossierCode).toBe(dossier.code);
    expect(mine.filter((d: { source: string }) => d.source === 'upload').map((d: { fileName: string }) => d.fileName).sort()).toEqual(['khai-sinh.pdf', 'tờ khai.pdf']);
  });

  it('rating once; a dissatisfied rating opens a follow-up for the unit, visible to its staff only', async () => {
    const r = await mai.post(`/api/citizen/dossiers/${dossier.id}/rating`, { rating: 'dissatisfied', reasons: ['Phải bổ sung nhiều lần'], comment: 'Cần hướng dẫn rõ hơn' });
    expect(r.status).toBe(201);
    expect(r.body.followUpId).toBeTruthy();
    const again = await mai.post(`/api/citizen/dossiers/${dossier.id}/rating`, { rating: 'satisfied' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_RATED');
    const view = await mai.get(`/api/citizen/dossiers/${dossier.id}`);
    expect(view.body.rating.rating).toBe('dissatisfied');
    expect(view.body.canRate).toBe(false);

    const list = await staff['pleiku.lanhdao']!.get('/api/follow-ups?status=open');
    expect(list.status).toBe(200);
    const item = list.body.items.find((f: { id: string }) => f.id === r.body.followUpId);
    expect(item.status).toBe('open');
    expect(item.dossierCode).toBe(dossier.code);
    expect(item.rating.reasons).toEqual(['Phải bổ sung nhiều lần']);
    expect(item.summary).toContain('không hài lòng');
    expect((await staff['dienhong.motcua']!.get('/api/follow-ups')).body.items).toEqual([]);
    expect((await anon.get('/api/follow-ups')).status).toBe(401);
    expect((await mai.get('/api/follow-ups')).status).toBe(401);
  });

  it('an incomplete online submission is resubmitted by the citizen and keeps its code', async () => {
    clock.set('2026-03-05T09:00:00+07:00');
    const sub = await mai.post('/api/citizen/dossiers', { agencyId: dienhongId, procedureCode: '1.010039', applicant, resultMethod: 'postal', postalAddress: '12 Lê Lợi, phường Diên Hồng' }, { 'idempotency-key': 'apply-mai-0006' });
    expect(sub.status).toBe(201);
    expect(sub.body.applicant.postalAddress).toBe('12 Lê Lợi, phường Diên Hồng');
    const inc = await staffActAt('dienhong.motcua', sub.body.id, 'request_intake_supplement', { missingItems: ['Ảnh chân dung'] });
    expect(inc.state).toBe('intake_incomplete');
    const seen = await mai.get(`/api/citizen/dossiers/${sub.body.id}`);
    expect(seen.body.supplementRequest.missingItems).toEqual(['Ảnh chân dung']);
    const up = await mai.upload(samplePdf('anh'), 'anh.pdf', 'application/pdf', '/api/citizen/files');
    const re = await mai.post(`/api/citizen/dossiers/${sub.body.id}/supply`, { version: seen.body.version, documents: [{ sha256: up.body.sha256, fileName: 'anh.pdf', componentName: 'Ảnh' }] });
    expect(re.status).toBe(200);
    expect(re.body.state).toBe('submitted_online');
    expect(re.body.code).toBe(sub.body.code);
    expect(re.body.timeline.map((t: { action: string }) => t.action)).toEqual(['submit_online', 'request_intake_supplement', 'resubmit']);
    const list = (await mai.get('/api/citizen/dossiers?limit=1')).body;
    expect(list.items[0].id).toBe(sub.body.id);
    const page2 = (await mai.get(`/api/citizen/dossiers?limit=1&cursor=${list.next}`)).body;
    expect(page2.items[0].id).toBe(dossier.id);
  });
});

async function staffActAt(user: string, id: string, action: string, input: Record<string, unknown> = {}) {
  return staffAct(user, id, action, input);
}

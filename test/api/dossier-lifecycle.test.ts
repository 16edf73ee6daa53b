/**
 * Scripted API sessions over real HTTP on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * one dossier through intake → forward → assign → supplement → supply → process → approve → result → return
 * across Tết 2026, and another through an apology and a late return.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, samplePdf, startHttp, TestClock, type TestEnv } from '../support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock();
const as: Record<string, ApiClient> = {};
let pleikuId: string;

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao', 'dienhong.motcua', 'sonnmt.chuyenvien', 'tinh.quantri']) {
    as[u] = await new ApiClient(http.base).login(u);
  }
  const agencies = await as['pleiku.motcua']!.get('/api/agencies?limit=100');
  pleikuId = agencies.body.items.find((a: { code: string }) => a.code === '000.01.00.H21').id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

async function act(user: string, id: string, action: string, input: Record<string, unknown> = {}, documents: unknown[] = []) {
  const d = await as[user]!.get(`/api/dossiers/${id}`);
  expect(d.status).toBe(200);
  const r = await as[user]!.post(`/api/dossiers/${id}/actions`, { action, version: d.body.version, input, documents });
  return r;
}

async function receive(at: string, procedureCode = '1.010038', applicant = { fullName: 'Nguyễn Văn An', idNumber: '052090001234', phone: '0905123456' }) {
  clock.set(at);
  const r = await as['pleiku.motcua']!.post(
    '/api/dossiers',
    { agencyId: pleikuId, procedureCode, channel: 'desk', applicant, fees: [{ kind: 'charge', description: 'Lệ phí đăng ký cư trú', amountVnd: 10000 }] },
    { 'idempotency-key': `k-${Math.random()}` },
  );
  expect(r.status).toBe(201);
  return r.body;
}

describe('a dossier across Tết 2026 (Tết holiday Mon 16 – Fri 20 Feb 2026)', () => {
  let id: string;

  it('receives at the desk: code issued, appointment skips the Tết days', async () => {
    // Thu 12/02/2026 10:00. Tách hộ: 5 working days. Receipt day not counted: Fri 13 (1), Tết 16–20 off,
    // Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5) → due Thu 26/02/2026 at the end of office hours.
    const d = await receive('2026-02-12T10:00:00+07:00');
    id = d.id;
    expect(d.state).toBe('received');
    expect(d.code).toBe('000.01.00.H21-260212-0001');
    expect(d.dueAtLocal).toBe('2026-02-26T17:00:00+07:00');
    expect(d.feeTotal).toBe(10000);
    expect(d.allowedActions).toContain('forward');
  });

  it('forwards, assigns and starts processing', async () => {
    clock.set('2026-02-12T10:30:00+07:00');
    expect((await act('pleiku.motcua', id, 'forward')).body.state).toBe('forwarded');
    const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
    clock.set('2026-02-12T14:00:00+07:00');
    const assigned = await act('pleiku.lanhdao', id, 'assign', { assigneeId: me.body.userId });
    expect(assigned.status).toBe(200);
    expect(assigned.body.state).toBe('assigned');
    const q = await as['pleiku.chuyenvien']!.get('/api/dossiers?view=mine');
    expect(q.body.items.map((x: { id: string }) => x.id)).toContain(id);
    clock.set('2026-02-13T08:00:00+07:00');
    expect((await act('pleiku.chuyenvien', id, 'start_processing')).body.state).toBe('in_process');
  });

  it('requests a supplement: the clock pauses', async () => {
    clock.set('2026-02-13T09:00:00+07:00');
    const r = await act('pleiku.chuyenvien', id, 'request_supplement', { missingItems: ['Bản sao giấy khai sinh của người tách hộ'] });
    expect(r.status).toBe(200);
    expect(r.body.state).toBe('supplement_requested');
    expect(r.body.dueAt).toBeNull();
    expect(r.body.timing).toBe('paused');
    expect(r.body.supplementRequests).toBe(1);
  });

  it('the applicant supplies after Tết: the full 5 working days restart', async () => {
    // Supplied Wed 25/02 10:00 → Thu 26 (1), Fri 27 (2), Mon 2/3 (3), Tue 3/3 (4), Wed 4/3 (5).
    clock.set('2026-02-25T10:00:00+07:00');
    const up = await as['pleiku.motcua']!.upload(samplePdf('giay khai sinh'), 'giay-khai-sinh.pdf');
    expect(up.status).toBe(201);
    const r = await act('pleiku.motcua', id, 'supply', {}, [{ kind: 'supplement', sha256: up.body.sha256, fileName: 'giay-khai-sinh.pdf', componentName: 'Giấy khai sinh' }]);
    expect(r.status).toBe(200);
    expect(r.body.state).toBe('in_process');
    expect(r.body.dueAtLocal).toBe('2026-03-04T17:00:00+07:00');
  });

  it('proposes, the leader approves, the result is attached and made ready', async () => {
    clock.set('2026-02-27T09:00:00+07:00');
    expect((await act('pleiku.chuyenvien', id, 'propose')).body.state).toBe('awaiting_approval');
    clock.set('2026-02-27T15:00:00+07:00');
    expect((await act('pleiku.lanhdao', id, 'approve')).body.state).toBe('approved');
    const notReady = await act('pleiku.chuyenvien', id, 'mark_result_ready');
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.code).toBe('RESULT_MISSING');
    const up = await as['pleiku.chuyenvien']!.upload(samplePdf('ket qua'), 'ket-qua.pdf');
    const attached = await act('pleiku.chuyenvien', id, 'attach_result', {}, [{ sha256: up.body.sha256, fileName: 'ket-qua.pdf', componentName: 'Kết quả giải quyết' }]);
    expect(attached.status).toBe(200);
    expect(attached.body.hasElectronicResult).toBe(true);
    clock.set('2026-03-02T08:30:00+07:00');
    const ready = await act('pleiku.chuyenvien', id, 'mark_result_ready');
    expect(ready.body.state).toBe('result_ready');
    expect(ready.body.timing).toBe('early'); // finished Mon 2/3, due Wed 4/3
  });

  it('records the fee payment and returns the result at the desk', async () => {
    clock.set('2026-03-03T09:00:00+07:00');
    const paid = await act('pleiku.motcua', id, 'record_payment', { amount: 10000, paymentMethod: 'desk', reference: 'BL-0001' });
    expect(paid.body.paidTotal).toBe(10000);
    const ret = await act('pleiku.motcua', id, 'return_result', { returnMethod: 'desk', collectedBy: 'Nguyễn Văn An' });
    expect(ret.body.error).toBeUndefined();
    expect(ret.body.state).toBe('returned');
    expect(ret.body.allowedActions).toEqual([]);
  });

  it('keeps the whole process-control slip, in order, with actors, roles and times', async () => {
    const h = await as['pleiku.motcua']!.get(`/api/dossiers/${id}/history`);
    expect(h.body.items.map((e: { action: string }) => e.action)).toEqual([
      'receive', 'forward', 'assign', 'start_processing', 'request_supplement', 'supply', 'propose', 'approve', 'attach_result', 'mark_result_ready', 'record_payment', 'return_result',
    ]);
    expect(h.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const supplement = h.body.items[4];
    expect(supplement.actorRole).toBe('specialist');
    expect(supplement.at).toBe('2026-02-13T02:00:00.000Z');
    expect(supplement.data.missingItems).toEqual(['Bản sao giấy khai sinh của người tách hộ']);
    expect(h.body.items[11].data.collectedBy).toBe('Nguyễn Văn An');
    expect(h.body.items[0].actorName).toBe('Nguyễn Thị Hoa');
    expect(h.body.items[2].text).toContain('Trần Văn Minh'); // the assignee by name, not by id
    const docs = await as['pleiku.motcua']!.get(`/api/dossiers/${id}/documents`);
    expect(docs.body.items.filter((x: { electronicResult: boolean }) => x.electronicResult)).toHaveLength(1);
    const content = await fetch(`${http.base}/api/dossiers/${id}/documents/${docs.body.items[0].id}/content`, { headers: { authorization: `Bearer ${as['pleiku.motcua']!.token}` } });
    expect(content.status).toBe(200);
    expect((await content.text()).startsWith('%PDF-')).toBe(true);
  });

  it('refuses any action on the returned dossier', async () => {
    const r = await act('pleiku.motcua', id, 'add_note', { note: 'sửa lại' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('TERMINAL_STATE');
  });
});

describe('apology with a new appointment, then a late return', () => {
  let id: string;

  it('receives a 5-working-day dossier on Mon 2 Mar 2026 (due Mon 9 Mar)', async () => {
    const d = await receive('2026-03-02T09:00:00+07:00', '1.010038', { fullName: 'Trần Thị Bình', idNumber: '052190004321', phone: '0912345678' });
    id = d.id;
    expect(d.dueAtLocal).toBe('2026-03-09T17:00:00+07:00');
    clock.set('2026-03-02T10:00:00+07:00');
    await act('pleiku.motcua', id, 'forward');
    const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
    await act('pleiku.lanhdao', id, 'assign', { assigneeId: me.body.userId });
    await act('pleiku.chuyenvien', id, 'start_processing');
  });

  it('refuses an apology sent on the due date itself', async () => {
    clock.set('2026-03-09T08:00:00+07:00');
    const r = await act('pleiku.lanhdao', id, 'apologize', { newDueAt: '2026-03-13', reasons: ['Cần xác minh thêm'] });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('APOLOGY_TOO_LATE');
    expect(r.body.error.message).toMatch(/01 ngày trước ngày hẹn/);
  });

  it('accepts an apology sent at least one day before, once', async () => {
    clock.set('2026-03-06T10:00:00+07:00');
    const r = await act('pleiku.lanhdao', id, 'apologize', { newDueAt: '2026-03-11', reasons: ['Cần xác minh thực địa'] });
    expect(r.status).toBe(200);
    expect(r.body.dueAtLocal).toBe('2026-03-11T17:00:00+07:00');
    expect(r.body.originalDueAt).toBe('2026-03-09T10:00:00.000Z');
    expect(r.body.apologiesSent).toBe(1);
    const again = await act('pleiku.lanhdao', id, 'apologize', { newDueAt: '2026-03-13', reasons: ['Lần nữa'] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('APOLOGY_ALREADY_SENT');
  });

  it('shows the dossier as overdue after the new date and classes it late when finished', async () => {
    clock.set('2026-03-12T09:00:00+07:00');
    const d = await as['pleiku.lanhdao']!.get(`/api/dossiers/${id}`);
    expect(d.body.timing).toBe('overdue');
    const overdue = await as['pleiku.lanhdao']!.get('/api/dossiers?view=overdue');
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(id);
    await act('pleiku.chuyenvien', id, 'propose');
    await act('pleiku.lanhdao', id, 'approve');
    const ready = await act('pleiku.chuyenvien', id, 'mark_result_ready', { paperResult: true });
    expect(ready.body.state).toBe('result_ready');
    expect(ready.body.timing).toBe('late');
    clock.set('2026-03-13T09:00:00+07:00');
    const noAddress = await act('pleiku.motcua', id, 'return_result', { returnMethod: 'postal', trackingNumber: 'EMS123456789VN' });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.error.code).toBe('INPUT_REQUIRED');
    expect(noAddress.body.error.message).toContain('postalAddress');
    const ret = await act('pleiku.motcua', id, 'return_result', { returnMethod: 'postal', trackingNumber: 'EMS123456789VN', postalAddress: '12 Trần Hưng Đạo, Pleiku' });
    expect(ret.body.state).toBe('returned');
    expect(ret.body.timing).toBe('late');
  });

  it('the applicant follows the parcel on the tracking page: its number and hand-over date, not the address', async () => {
    const d = await as['pleiku.motcua']!.get(`/api/dossiers/${id}`);
    const t = await new ApiClient(http.base).get(`/api/public/track?code=${d.body.code}&secret=${d.body.trackingSecret}`);
    expect(t.status).toBe(200);
    expect(t.body.delivery).toEqual({ trackingNumber: 'EMS123456789VN', sentAt: '2026-03-13T09:00:00+07:00', status: null });
    expect(JSON.stringify(t.body)).not.toContain('Trần Hưng Đạo');
    const h = await as['pleiku.motcua']!.get(`/api/dossiers/${id}/history`);
    expect(h.body.items.at(-1).data).toMatchObject({ returnMethod: 'postal', trackingNumber: 'EMS123456789VN', postalAddress: '12 Trần Hưng Đạo, Pleiku' });
  });
});

describe('access is scoped to the officer’s unit', () => {
  let id: string;
  beforeAll(async () => {
    id = (await receive('2026-03-16T09:00:00+07:00')).id;
  });

  it('another commune’s officer gets 404 for the dossier, its history and its actions', async () => {
    for (const url of [`/api/dossiers/${id}`, `/api/dossiers/${id}/history`, `/api/dossiers/${id}/documents`]) {
      const r = await as['dienhong.motcua']!.get(url);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('DOSSIER_NOT_FOUND');
    }
    const r = await as['dienhong.motcua']!.post(`/api/dossiers/${id}/actions`, { action: 'forward', version: 1, input: {} });
    expect(r.status).toBe(404);
    const list = await as['dienhong.motcua']!.get('/api/dossiers');
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    const search = await as['dienhong.motcua']!.get('/api/dossiers/search?q=Nguyễn');
    expect(search.body.items).toEqual([]);
  });

  it('a provincial department’s specialist cannot see it either', async () => {
    expect((await as['sonnmt.chuyenvien']!.get(`/api/dossiers/${id}`)).status).toBe(404);
  });

  it('the province admin (above the commune) can see it', async () => {
    expect((await as['tinh.quantri']!.get(`/api/dossiers/${id}`)).status).toBe(200);
  });

  it('an anonymous caller gets 401', async () => {
    const r = await new ApiClient(http.base).get(`/api/dossiers/${id}`);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('a specialist may not forward (role), a desk officer may not approve', async () => {
    const r = await act('pleiku.chuyenvien', id, 'forward');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('the officer of the unit finds it by applicant ID number and by code', async () => {
    const d = await as['pleiku.motcua']!.get(`/api/dossiers/${id}`);
    const byId = await as['pleiku.motcua']!.get('/api/dossiers/search?q=052090001234');
    expect(byId.body.items.map((x: { id: string }) => x.id)).toContain(id);
    const byCode = await as['pleiku.motcua']!.get(`/api/dossiers/search?q=${d.body.code}`);
    expect(byCode.body.items).toHaveLength(1);
    const byName = await as['pleiku.motcua']!.get(`/api/dossiers/search?q=${encodeURIComponent('nguyen van')}`);
    expect(byName.body.items.length).toBeGreaterThan(0);
  });
});

describe('concurrency and idempotency', () => {
  it('two officers acting on the same version: one wins, the other gets VERSION_CONFLICT', async () => {
    const d = await receive('2026-03-17T09:00:00+07:00');
    const body = { action: 'add_note', version: d.version, input: { note: 'ghi chú' } };
    const [a, b] = await Promise.all([as['pleiku.motcua']!.post(`/api/dossiers/${d.id}/actions`, body), as['pleiku.lanhdao']!.post(`/api/dossiers/${d.id}/actions`, { ...body, input: { note: 'ghi chú khác' } })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('VERSION_CONFLICT');
    const h = await as['pleiku.motcua']!.get(`/api/dossiers/${d.id}/history`);
    expect(h.body.items).toHaveLength(2);
  });

  it('a stale version is refused even without a race', async () => {
    const d = await receive('2026-03-17T10:00:00+07:00');
    await as['pleiku.motcua']!.post(`/api/dossiers/${d.id}/actions`, { action: 'add_note', version: 1, input: { note: 'a' } });
    const r = await as['pleiku.motcua']!.post(`/api/dossiers/${d.id}/actions`, { action: 'forward', version: 1, input: {} });
    expect(r.status).toBe(409);
    expect(r.body.error.details.currentVersion).toBe(2);
  });

  it('the same Idempotency-Key returns the same dossier; reusing it for another body is refused', async () => {
    clock.set('2026-03-18T09:00:00+07:00');
    const body = { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Lê Văn Cường' } };
    const key = { 'idempotency-key': 'intake-2026-03-18-0001' };
    const first = await as['pleiku.motcua']!.post('/api/dossiers', body, key);
    const second = await as['pleiku.motcua']!.post('/api/dossiers', body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.code).toBe(first.body.code);
    const other = await as['pleiku.motcua']!.post('/api/dossiers', { ...body, applicant: { fullName: 'Người khác' } }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('parallel intakes get distinct consecutive codes', async () => {
    clock.set('2026-03-19T09:00:00+07:00');
    const n = 30;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: `Công dân ${i}` } }, { 'idempotency-key': `parallel-intake-${i}` }),
      ),
    );
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    const seqs = results.map((r) => Number(r.body.code.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });
});

describe('uploads are checked by content and size', () => {
  it('accepts a PDF, refuses a text file disguised as PDF (415) and an empty upload', async () => {
    const ok = await as['pleiku.motcua']!.upload(samplePdf('ok'), 'scan.pdf');
    expect(ok.status).toBe(201);
    expect(ok.body.mime).toBe('application/pdf');
    expect(ok.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await as['pleiku.motcua']!.upload(Buffer.from(samplePdf('ok')), 'copy.pdf');
    expect(again.body.sha256).not.toBe(ok.body.sha256); // different random content
    const fake = await as['pleiku.motcua']!.upload(Buffer.from('hello, not a pdf'), 'fake.pdf', 'application/pdf');
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(fake.body.error.message).toMatch(/Loại tệp không được chấp nhận/);
  });

  it('refuses a file above MAX_UPLOAD_MB with 413', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(env.ctx.config.maxUploadBytes + 10, 0x20)]);
    const r = await as['pleiku.motcua']!.upload(big, 'big.pdf');
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('FILE_TOO_LARGE');
  });

  it('refuses to attach a file that was never uploaded', async () => {
    clock.set('2026-03-19T10:00:00+07:00');
    const r = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Y' }, documents: [{ sha256: 'a'.repeat(64), fileName: 'x.pdf' }] });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});

describe('intake outcomes that are not a receipt', () => {
  it('an incomplete dossier gets no code and no clock; a refusal needs reasons', async () => {
    clock.set('2026-03-20T09:00:00+07:00');
    const inc = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', action: 'request_intake_supplement', applicant: { fullName: 'Phan Văn Dũng' }, input: { missingItems: ['Tờ khai thay đổi thông tin cư trú (CT01)', 'Giấy tờ chứng minh chỗ ở hợp pháp'] } });
    expect(inc.status).toBe(201);
    expect(inc.body.state).toBe('intake_incomplete');
    expect(inc.body.code).toBeNull();
    expect(inc.body.dueAt).toBeNull();
    const bad = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', action: 'reject_intake', applicant: { fullName: 'Phan Văn Dũng' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INPUT_REQUIRED');
    expect(bad.body.error.message).toContain('reasons');
  });

  it('an online submission gets its code at once, waits for intake, and keeps the code on receipt', async () => {
    clock.set('2026-03-21T20:00:00+07:00'); // Saturday evening: receipt counts from Monday
    const sub = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010039', channel: 'online', action: 'submit_online', applicant: { fullName: 'Hồ Thị Em' } });
    expect(sub.body.error).toBeUndefined();
    expect(sub.body.state).toBe('submitted_online');
    expect(sub.body.code).toMatch(/^000\.01\.00\.H21-260321-\d{4}$/); // issued on submission
    const queue = await as['pleiku.motcua']!.get('/api/dossiers?view=awaiting_intake');
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(sub.body.id);
    clock.set('2026-03-23T08:00:00+07:00');
    const rec = await act('pleiku.motcua', sub.body.id, 'receive');
    expect(rec.body.state).toBe('received');
    expect(rec.body.code).toBe(sub.body.code); // receipt does not issue a second code
    // 1.010039: 3 working days online, received Mon 23/3 → Tue 24 (1), Wed 25 (2), Thu 26 (3).
    expect(rec.body.dueAtLocal).toBe('2026-03-26T17:00:00+07:00');
  });

  it('a channel the procedure does not offer is refused with a clear message', async () => {
    const r = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010039', channel: 'postal', applicant: { fullName: 'X' } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('CHANNEL_NOT_OFFERED');
    expect(r.body.error.message).toContain('postal');
  });

  it('validation errors name the field, in Vietnamese and English', async () => {
    const r = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'X', idNumber: '123' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.message).toBe('Dữ liệu không hợp lệ.');
    expect(JSON.stringify(r.body.error.details)).toContain('idNumber');
  });
});

describe('inter-agency transfer, refusal, withdrawal and stop', () => {
  async function inProcess(at: string) {
    const d = await receive(at);
    await act('pleiku.motcua', d.id, 'forward');
    const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
    await act('pleiku.lanhdao', d.id, 'assign', { assigneeId: me.body.userId });
    await act('pleiku.chuyenvien', d.id, 'start_processing');
    return d.id as string;
  }

  it('transfers to a provincial department, which sees the dossier and returns it; the transfer note is in the history', async () => {
    const id = await inProcess('2026-04-06T09:00:00+07:00');
    const agencies = await as['pleiku.motcua']!.get('/api/agencies?limit=100');
    const dept = agencies.body.items.find((a: { code: string }) => a.code === '000.00.10.H21');
    expect((await as['sonnmt.chuyenvien']!.get(`/api/dossiers/${id}`)).status).toBe(404);
    const t = await act('pleiku.chuyenvien', id, 'transfer', { targetAgency: dept.id, task: 'Xác nhận hiện trạng sử dụng đất', deadline: '2026-04-08' });
    expect(t.status).toBe(200);
    expect(t.body.state).toBe('inter_agency');
    const seen = await as['sonnmt.chuyenvien']!.get(`/api/dossiers/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toContain('return_from_agency');
    const back = await as['sonnmt.chuyenvien']!.post(`/api/dossiers/${id}/actions`, { action: 'return_from_agency', version: seen.body.version, input: { note: 'Đã xác nhận' } });
    expect(back.status).toBe(200);
    expect(back.body.state).toBe('in_process');
    const h = await as['pleiku.motcua']!.get(`/api/dossiers/${id}/history`);
    const transfer = h.body.items.find((e: { action: string }) => e.action === 'transfer');
    expect(transfer.data.slip).toBe('transfer_note');
    expect(transfer.data.task).toBe('Xác nhận hiện trạng sử dụng đất');
  });

  it('parallel transfers: the dossier waits for every agency, or goes on without one with a recorded reason', async () => {
    const id = await inProcess('2026-04-06T10:00:00+07:00');
    const agencies = await as['pleiku.motcua']!.get('/api/agencies?limit=100');
    const dept = agencies.body.items.find((a: { code: string }) => a.code === '000.00.10.H21');
    const tax = 'Chi cục Thuế khu vực Pleiku';
    expect((await act('pleiku.chuyenvien', id, 'transfer', { targetAgency: dept.id, task: 'Xác nhận hiện trạng sử dụng đất', deadline: '2026-04-08' })).body.state).toBe('inter_agency');
    expect((await act('pleiku.chuyenvien', id, 'transfer', { targetAgency: tax, task: 'Xác định nghĩa vụ tài chính', deadline: '2026-04-09' })).body.state).toBe('inter_agency');
    const again = await act('pleiku.chuyenvien', id, 'transfer', { targetAgency: tax.toUpperCase(), task: 'x', deadline: '2026-04-09' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TRANSFER_ALREADY_PENDING');
    expect(again.body.error.message).toContain(tax);
    // The department answers: the dossier still waits for the tax office.
    const seen = await as['sonnmt.chuyenvien']!.get(`/api/dossiers/${id}`);
    expect(seen.body.pendingAgencies).toEqual([{ agency: dept.id, name: dept.name }, { agency: tax, name: tax }]);
    const unnamed = await as['sonnmt.chuyenvien']!.post(`/api/dossiers/${id}/actions`, { action: 'return_from_agency', version: seen.body.version, input: { note: 'Đã xác nhận' } });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.code).toBe('INPUT_REQUIRED');
    const back = await as['sonnmt.chuyenvien']!.post(`/api/dossiers/${id}/actions`, { action: 'return_from_agency', version: seen.body.version, input: { fromAgency: dept.id, note: 'Đã xác nhận' } });
    expect(back.status).toBe(200);
    expect(back.body.state).toBe('inter_agency');
    expect((await as['pleiku.chuyenvien']!.get(`/api/dossiers/${id}`)).body.pendingAgencies).toEqual([{ agency: tax, name: tax }]);
    const stranger = await act('pleiku.chuyenvien', id, 'return_from_agency', { fromAgency: 'Sở Xây dựng' });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.code).toBe('AGENCY_NOT_PENDING');
    const noReason = await act('pleiku.chuyenvien', id, 'return_from_agency', { fromAgency: tax, proceedWithout: true });
    expect(noReason.status).toBe(400);
    const go = await act('pleiku.chuyenvien', id, 'return_from_agency', { fromAgency: tax, proceedWithout: true, reason: 'Quá hạn trả lời, đã đủ căn cứ giải quyết' });
    expect(go.status).toBe(200);
    expect(go.body.state).toBe('in_process');
    const h = await as['pleiku.motcua']!.get(`/api/dossiers/${id}/history`);
    expect(h.body.items.at(-1).data).toMatchObject({ fromAgency: tax, proceedWithout: true, reason: 'Quá hạn trả lời, đã đủ căn cứ giải quyết' });
  });

  it('refuses with reasons within the time limit; the refusal is returned to the applicant', async () => {
    const id = await inProcess('2026-04-07T09:00:00+07:00');
    const noReasons = await act('pleiku.chuyenvien', id, 'refuse');
    expect(noReasons.status).toBe(400);
    const r = await act('pleiku.chuyenvien', id, 'refuse', { reasons: ['Người đề nghị tách hộ chưa đủ năng lực hành vi dân sự'] });
    expect(r.body.state).toBe('refused');
    expect(r.body.finishedAt).not.toBeNull();
    const ret = await act('pleiku.motcua', id, 'return_result', { returnMethod: 'desk', collectedBy: 'Nguyễn Văn An' });
    expect(ret.body.state).toBe('returned');
  });

  it('the applicant withdraws; a leader stops another dossier; both are closed with the reason recorded', async () => {
    const a = await inProcess('2026-04-08T09:00:00+07:00');
    const w = await act('pleiku.motcua', a, 'withdraw', { reasons: ['Công dân xin rút hồ sơ'] });
    expect(w.body.state).toBe('withdrawn');
    const b = await inProcess('2026-04-08T10:00:00+07:00');
    expect((await act('pleiku.chuyenvien', b, 'stop', { reasons: ['x'] })).status).toBe(403);
    const s = await act('pleiku.lanhdao', b, 'stop', { reasons: ['Cơ quan có thẩm quyền yêu cầu dừng xử lý'] });
    expect(s.body.state).toBe('stopped');
    const h = await as['pleiku.motcua']!.get(`/api/dossiers/${b}/history`);
    expect(h.body.items.at(-1).data.reasons).toEqual(['Cơ quan có thẩm quyền yêu cầu dừng xử lý']);
  });
});

describe('public tracking by code and second factor', () => {
  it('shows the plain-Vietnamese timeline with the receipt secret or the phone, and nothing with a wrong factor', async () => {
    const d = await receive('2026-04-09T09:00:00+07:00', '1.010038', { fullName: 'Đỗ Thị Hạnh', idNumber: '052190007777', phone: '0905999888' });
    const anon = new ApiClient(http.base);
    const ok = await anon.get(`/api/public/track?code=${d.code}&secret=${d.trackingSecret}`);
    expect(ok.status).toBe(200);
    expect(ok.body.stateLabel).toBe('Đã tiếp nhận');
    expect(ok.body.dueAt).toBe('2026-04-16T17:00:00+07:00');
    expect(ok.body.timeline.map((e: { action: string }) => e.action)).toEqual(['receive']);
    expect(ok.body.delivery).toBeNull();
    expect(JSON.stringify(ok.body)).not.toContain('052190007777');
    const byPhone = await anon.get(`/api/public/track?code=${d.code}&secret=0905 999 888`);
    expect(byPhone.status).toBe(200);
    const wrong = await anon.get(`/api/public/track?code=${d.code}&secret=WRONG1234`);
    const unknown = await anon.get(`/api/public/track?code=000.01.00.H21-260409-9999&secret=WRONG1234`);
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
  });
});

describe('the applicant is notified of the changes that concern them', () => {
  it('e-mail and SMS through the outbox on receipt and on a supplement request; internal hand-overs are not sent', async () => {
    const d = await receive('2026-04-10T09:00:00+07:00', '1.010038', { fullName: 'Mai Văn Phúc', idNumber: '052088003333', phone: '0906 123 789', email: 'Phuc.Mai@example.vn' } as never);
    await act('pleiku.motcua', d.id, 'forward');
    const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
    await act('pleiku.lanhdao', d.id, 'assign', { assigneeId: me.body.userId });
    await act('pleiku.chuyenvien', d.id, 'start_processing');
    await act('pleiku.chuyenvien', d.id, 'request_supplement', { missingItems: ['Giấy tờ chứng minh chỗ ở hợp pháp'] });
    const anon = new ApiClient(http.base);
    const mail = await anon.get('/api/dev/messages?to=phuc.mai@example.vn');
    expect(mail.status).toBe(200);
    const bodies = mail.body.items.map((m: { body: string }) => m.body);
    expect(bodies).toHaveLength(2); // receipt + supplement request; forward/assign/start are internal
    expect(bodies.find((b: string) => b.includes('tiếp nhận lúc 09:00 ngày 10/04/2026'))).toContain('Ngày hẹn trả kết quả: 17:00 ngày 17/04/2026');
    expect(bodies.find((b: string) => b.includes('cần bổ sung'))).toContain('1. Giấy tờ chứng minh chỗ ở hợp pháp');
    const sms = await anon.get('/api/dev/messages?to=0906123789');
    expect(sms.body.items.every((m: { channel: string }) => m.channel === 'sms')).toBe(true);
    expect(sms.body.items).toHaveLength(2);
    const page = await fetch(`${http.base}/api/dev/mailbox`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain(d.code);
  });
});

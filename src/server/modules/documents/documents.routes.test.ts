/**
 * The document office over real HTTP, on the demo organisation: an incoming document registered by the clerk,
 * directed by the leader to a specialist with a deadline in working days, answered by an outgoing document that
 * the leader signs, the clerk numbers, seals and sends to Phường Diên Hồng (where it appears, signed, in the
 * incoming register, and its file verifies — with our verifier and pdfsig) and to an outside recipient (a package).
 * Also: roles, stale versions, bad input, search, queues, confidential documents and their view log, work files,
 * the append-only history.
 */
import { findAgency } from '../units/index.ts';
import { ParService } from '../reform/par/par.service.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { renderAppearancePdf } from '../../platform/signing/index.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
let anon: ApiClient;
let clerk: ApiClient;
let leader: ApiClient;
let spec: ApiClient;
let dhClerk: ApiClient;
let dhSpec: ApiClient;
const ids: Record<string, string> = {};
const agencies: Record<string, string> = {};
// Friday 6 March 2026, 09:00 Vietnam time.
const clock = new TestClock(new Date('2026-03-06T09:00:00+07:00'));

async function upload(api: ApiClient, bytes: Buffer, name = 'van-ban.pdf', mime = 'application/pdf') {
  const r = await api.upload(bytes, name, mime);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { sha256: r.body.sha256 as string, fileName: name };
}
const pdf = async (label: string) => Buffer.from(await renderAppearancePdf({ kind: 'copy', agency: label, signedAt: clock.now() }, 595, 842));

const incoming = (file: { sha256: string; fileName: string }, o: Record<string, unknown> = {}) => ({
  numberSymbol: '45/UBND-VP',
  issuedOn: '2026-03-04',
  senderName: 'Ủy ban nhân dân tỉnh Gia Lai',
  kind: 'official_letter',
  urgency: 'urgent',
  summary: 'V/v báo cáo kết quả cải cách hành chính quý I năm 2026',
  pages: 2,
  file,
  ...o,
});

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  clerk = await new ApiClient(http.base).login('pleiku.motcua');
  leader = await new ApiClient(http.base).login('pleiku.lanhdao');
  spec = await new ApiClient(http.base).login('pleiku.chuyenvien');
  dhClerk = await new ApiClient(http.base).login('dienhong.motcua');
  dhSpec = await new ApiClient(http.base).login('dienhong.chuyenvien');
  for (const [k, api] of Object.entries({ clerk, leader, spec, dhClerk, dhSpec })) {
    const me = await api.get('/api/auth/me');
    ids[k] = me.body.userId;
    agencies[k] = me.body.assignments[0].agencyId;
  }
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('incoming documents', () => {
  let doc: { id: string; version: number };

  it('the clerk registers: number 1 of the incoming register for 2026, waiting for the leader', async () => {
    const file = await upload(clerk, await pdf('UBND tỉnh Gia Lai'));
    const r = await clerk.post('/api/documents/incoming', incoming(file));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ direction: 'incoming', state: 'registered', version: 1, registerNo: 1, registerYear: 2026, numberSymbol: '45/UBND-VP', urgency: 'urgent', confidentiality: 'normal', pages: 2, stateLabel: { vi: 'Chờ bút phê' } });
    expect(r.body.files).toHaveLength(1);
    expect(r.body.allowedActions).toEqual([]);
    doc = r.body;
    const second = await clerk.post('/api/documents/incoming', incoming(file, { numberSymbol: '46/UBND-VP', summary: 'Giấy mời họp' }));
    expect(second.body.registerNo).toBe(2);
    const q = await leader.get('/api/documents?queue=to_direct');
    expect(q.body.items.map((d: { id: string }) => d.id).sort()).toEqual([second.body.id, doc.id].sort());
    expect((await leader.get(`/api/documents/${doc.id}`)).body.allowedActions).toEqual(['direct']);
  });

  it('refuses a specialist registering, an unknown file, a file that is not PDF/DOCX, bad input — with stable codes', async () => {
    const file = await upload(clerk, await pdf('x'));
    expect((await spec.post('/api/documents/incoming', incoming(file))).body.error.code).toBe('DOCUMENT_ROLE_NOT_ALLOWED');
    expect((await clerk.post('/api/documents/incoming', incoming({ sha256: 'a'.repeat(64), fileName: 'x.pdf' }))).body.error.code).toBe('DOCUMENT_FILE_UNKNOWN');
    const png = await upload(clerk, Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8e0c90000000049454e44ae426082', 'hex'), 'anh.png', 'image/png');
    const bad = await clerk.post('/api/documents/incoming', incoming(png));
    expect([bad.status, bad.body.error.code]).toEqual([422, 'DOCUMENT_FILE_TYPE']);
    const invalid = await clerk.post('/api/documents/incoming', incoming(file, { pages: 0, issuedOn: '2026-02-30' }));
    expect(invalid.status).toBe(400);
    expect((await anon.post('/api/documents/incoming', incoming(file))).status).toBe(401);
  });

  it('the leader directs to the specialist with a co-handler: 5 working days from the stored calendar', async () => {
    expect((await spec.post(`/api/documents/${doc.id}/direct`, { version: 1, direction: 'x', handlerId: ids.spec, workingDays: 5 })).body.error.code).toBe('DOCUMENT_ROLE_NOT_ALLOWED');
    const outsider = await leader.post(`/api/documents/${doc.id}/direct`, { version: 1, direction: 'x', handlerId: ids.dhSpec, workingDays: 5 });
    expect(outsider.body.error.code).toBe('DOCUMENT_HANDLER_NOT_STAFF');
    const r = await leader.post(`/api/documents/${doc.id}/direct`, { version: 1, direction: 'Giao đ/c Minh chủ trì tham mưu báo cáo; văn thư phối hợp', handlerId: ids.spec, coHandlerIds: [ids.clerk], workingDays: 5 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ state: 'directed', version: 2, handler: { id: ids.spec, name: 'Trần Văn Minh' }, coHandlers: [{ id: ids.clerk }], directedBy: { id: ids.leader }, dueAt: '2026-03-13T17:00:00+07:00', timing: 'in_time' });
    const stale = await leader.post(`/api/documents/${doc.id}/direct`, { version: 1, direction: 'x', handlerId: ids.spec, workingDays: 5 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'DOCUMENT_VERSION_CONFLICT']);
    doc = r.body;
    const mine = await spec.get('/api/documents?queue=assigned_to_me');
    expect(mine.body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await clerk.get('/api/documents?queue=assigned_to_me')).body.items).toHaveLength(1);
    expect((await spec.get(`/api/documents/${doc.id}`)).body.allowedActions).toEqual(['process', 'reply', 'close']);
  });

  it('due soon, then overdue, as the clock moves', async () => {
    clock.set('2026-03-12T09:00:00+07:00');
    expect((await spec.get('/api/documents?queue=due_soon')).body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await spec.get(`/api/documents/${doc.id}`)).body.timing).toBe('due_soon');
    clock.set('2026-03-16T09:00:00+07:00');
    expect((await spec.get('/api/documents?queue=overdue')).body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await spec.get('/api/documents?queue=due_soon')).body.items).toEqual([]);
    clock.set('2026-03-09T09:00:00+07:00');
  });

  it('a co-handler records progress; only the handler replies', async () => {
    const p = await clerk.post(`/api/documents/${doc.id}/process`, { version: 2, note: 'Đã tổng hợp số liệu các bộ phận' });
    expect(p.body).toMatchObject({ state: 'in_process', version: 3 });
    expect((await clerk.post(`/api/documents/${doc.id}/reply`, { version: 3, note: 'x' })).body.error.code).toBe('DOCUMENT_NOT_HANDLER');
    doc = p.body;
  });

  it('search: by number, by summary without accents, by sender', async () => {
    const ids1 = (r: { body: { items: { id: string }[] } }) => r.body.items.map((d) => d.id);
    expect(ids1(await clerk.get('/api/documents?q=cai%20cach%20hanh%20chinh'))).toEqual([doc.id]);
    expect(ids1(await clerk.get(`/api/documents?q=${encodeURIComponent('CẢI CÁCH')}`))).toEqual([doc.id]);
    expect(ids1(await clerk.get('/api/documents?number=45%2FUBND'))).toEqual([doc.id]);
    expect((await clerk.get('/api/documents?sender=tinh%20gia%20lai')).body.items).toHaveLength(2);
    expect((await clerk.get('/api/documents?q=100%25')).body.items).toEqual([]);
  });

  it('staff of another ward see nothing of it (404, not in their lists)', async () => {
    expect((await dhClerk.get(`/api/documents/${doc.id}`)).status).toBe(404);
    expect((await dhClerk.get(`/api/documents/${doc.id}/history`)).status).toBe(404);
    expect((await dhClerk.get('/api/documents?direction=incoming')).body.items).toEqual([]);
  });
});

describe('outgoing: draft → review → sign → number → seal → send to another motcua agency and outside', () => {
  let out: { id: string; version: number };
  let incomingId: string;
  let received: { agencyId: string; documentId: string }[];
  let code: string;

  it('the specialist drafts a reply (PDF) and submits it; the leader comments; a second version is kept', async () => {
    const inc = (await spec.get('/api/documents?queue=assigned_to_me')).body.items[0];
    incomingId = inc.id;
    const v1 = await upload(spec, await pdf('Dự thảo 1'), 'bao-cao-cchc.pdf');
    const d = await spec.post('/api/documents/outgoing', { kind: 'official_letter', subject: 'V/v báo cáo kết quả cải cách hành chính quý I năm 2026', unitSymbol: 'VP', file: v1, inReplyTo: incomingId });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body).toMatchObject({ direction: 'outgoing', state: 'draft', version: 1, numberSymbol: null, inReplyTo: incomingId });
    expect((await spec.get('/api/documents?queue=drafts')).body.items.map((x: { id: string }) => x.id)).toEqual([d.body.id]);
    const s = await spec.post(`/api/documents/${d.body.id}/submit`, { version: 1 });
    expect(s.body.state).toBe('in_review');
    expect((await leader.get('/api/documents?queue=to_sign')).body.items.map((x: { id: string }) => x.id)).toEqual([d.body.id]);
    const c = await leader.post(`/api/documents/${d.body.id}/comment`, { version: 2, comment: 'Bổ sung số liệu hồ sơ trực tuyến' });
    expect(c.body.comments).toEqual([{ versionNo: 1, comment: 'Bổ sung số liệu hồ sơ trực tuyến', by: ids.leader, at: '2026-03-09T09:00:00+07:00' }]);
    const v2 = await upload(spec, await pdf('Dự thảo 2'), 'bao-cao-cchc.pdf');
    const r = await spec.post(`/api/documents/${d.body.id}/revise`, { version: 3, file: v2, note: 'Đã bổ sung' });
    expect(r.body.files.map((f: { versionNo: number; kind: string; sha256: string }) => [f.versionNo, f.kind, f.sha256])).toEqual([[1, 'draft', v1.sha256], [2, 'draft', v2.sha256]]);
    const old = await spec.download(`/api/documents/${d.body.id}/file?version=1`);
    expect(old.status).toBe(200);
    expect(old.bytes.equals(await env.ctx.files.get(v1.sha256))).toBe(true);
    out = r.body;
  });

  it('the leader signs (PAdES, the ward leader’s key); a specialist cannot; the clerk cannot number before it', async () => {
    expect((await spec.post(`/api/documents/${out.id}/approve-sign`, { version: 4 })).body.error.code).toBe('DOCUMENT_ROLE_NOT_ALLOWED');
    expect((await clerk.post(`/api/documents/${out.id}/issue-number`, { version: 4 })).body.error.code).toBe('DOCUMENT_ACTION_NOT_ALLOWED');
    const s = await leader.post(`/api/documents/${out.id}/approve-sign`, { version: 4 });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body).toMatchObject({ state: 'signed', signedBy: { id: ids.leader } });
    expect(s.body.files.at(-1)).toMatchObject({ versionNo: 3, kind: 'signed', mime: 'application/pdf' });
    out = s.body;
  });

  it('the clerk issues number 01/UBND-VP from the outgoing register, then seals with the ward’s key', async () => {
    const n = await clerk.post(`/api/documents/${out.id}/issue-number`, { version: 5 });
    expect(n.status, JSON.stringify(n.body)).toBe(200);
    expect(n.body).toMatchObject({ state: 'numbered', registerNo: 1, registerYear: 2026, numberSymbol: '01/UBND-VP', numberLine: 'Số: 01/UBND-VP', issuedOn: '2026-03-09' });
    const s = await clerk.post(`/api/documents/${out.id}/seal`, { version: 6 });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.files.at(-1)).toMatchObject({ versionNo: 4, kind: 'sealed' });
    out = s.body;
  });

  it('sending: Phường Diên Hồng receives it at once in its incoming register; an outside recipient gets a package', async () => {
    const bad = await clerk.post(`/api/documents/${out.id}/send`, { version: 7, recipients: [{ agencyId: agencies.clerk }] });
    expect(bad.body.error.code).toBe('DOCUMENT_RECIPIENT_INVALID');
    const r = await clerk.post(`/api/documents/${out.id}/send`, { version: 7, recipients: [{ agencyId: agencies.dhClerk }, { name: 'Công ty TNHH Minh Phát' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.document).toMatchObject({ state: 'sent' });
    received = r.body.received;
    expect(received).toEqual([{ agencyId: agencies.dhClerk, documentId: expect.any(String) }]);
    expect(r.body.packages).toMatchObject([{ name: 'Công ty TNHH Minh Phát' }]);
    code = r.body.packages[0].downloadCode;

    const list = await dhClerk.get('/api/documents?queue=to_direct');
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([received[0]!.documentId]);
    const there = await dhClerk.get(`/api/documents/${received[0]!.documentId}`);
    expect(there.body).toMatchObject({ direction: 'incoming', state: 'registered', registerNo: 1, numberSymbol: '01/UBND-VP', senderName: 'Ủy ban nhân dân Phường Pleiku', senderAgencyId: agencies.clerk, sourceDocumentId: out.id, pages: 1, kind: 'official_letter' });
    const h = await dhClerk.get(`/api/documents/${received[0]!.documentId}/history`);
    expect(h.body.items).toMatchObject([{ seq: 1, action: 'register', actor: null, actorRole: 'system', data: { v: 1, sourceDocumentId: out.id } }]);
    // The recipient ward may read the outgoing document it received; a third ward may not.
    expect((await dhClerk.get(`/api/documents/${out.id}`)).status).toBe(200);
  });

  it('the file received verifies: two valid signatures (leader, then seal), intact, trusted; pdfsig agrees', async () => {
    const f = await dhClerk.download(`/api/documents/${received[0]!.documentId}/file`);
    expect([f.status, f.type]).toEqual([200, 'application/pdf']);
    const v = await dhClerk.upload(f.bytes, 'nhan.pdf', 'application/pdf', '/api/signatures/verify');
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(v.body.status).toBe('valid');
    expect(v.body.signatures.map((s: { status: string; intact: boolean; chainTrusted: boolean }) => [s.status, s.intact, s.chainTrusted])).toEqual([['valid', true, true], ['valid', true, true]]);
    expect(v.body.signatures.map((s: { signer: { commonName: string } }) => s.signer.commonName)).toEqual(['Lê Quang Hưng', 'UBND Phường Pleiku']);
    expect(v.body.signatures[1].coversWholeDocument).toBe(true);
    // pdfsig, the independent verifier (this file is left out, loudly, where poppler is missing: scripts/gating.mjs).
    const file = path.join(env.dataDir, 'received.pdf');
    fs.writeFileSync(file, f.bytes);
    const out = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
    const text = `${out.stdout}${out.stderr}`;
    expect(text.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(text).toContain('ETSI.CAdES.detached');
  });

  it('the outside recipient downloads the package with its code; a wrong code is 404', async () => {
    const p = await anon.download(`/api/public/documents/packages/${code}`);
    expect([p.status, p.type]).toEqual([200, 'application/pdf']);
    const v = await anon.upload(p.bytes, 'goi.pdf', 'application/pdf', '/api/public/signatures/verify');
    expect(v.body.status).toBe('valid');
    expect((await anon.download(`/api/public/documents/packages/${'x'.repeat(32)}`)).status).toBe(404);
  });

  it('the handler replies with the outgoing document and closes the incoming one; it is done', async () => {
    const cur = (await spec.get(`/api/documents/${incomingId}`)).body;
    const r = await spec.post(`/api/documents/${incomingId}/reply`, { version: cur.version, note: 'Đã báo cáo bằng văn bản số 01/UBND-VP', replyDocumentId: out.id });
    expect(r.body).toMatchObject({ state: 'replied', replyDocumentId: out.id, finishedAt: '2026-03-09T09:00:00+07:00' });
    const c = await spec.post(`/api/documents/${incomingId}/close`, { version: r.body.version, note: 'Lưu hồ sơ' });
    expect(c.body.state).toBe('closed');
    const done = (await clerk.get('/api/documents?queue=done')).body.items.map((d: { id: string }) => d.id);
    expect(done).toEqual(expect.arrayContaining([incomingId, out.id]));
    const h = await spec.get(`/api/documents/${incomingId}/history`);
    expect(h.body.items.map((e: { action: string }) => e.action)).toEqual(['register', 'direct', 'process', 'reply', 'close']);
    expect(h.body.items[1].data).toMatchObject({ v: 1, action: 'direct', workingDays: 5, dueAt: '2026-03-13T17:00:00+07:00' });
  });

  it('the history, the file versions and the view log are append-only', async () => {
    const fail = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => String((e as { cause?: unknown }).cause ?? e));
    expect(await fail(env.ctx.db.execute(sql`update document_history set at = at`))).toMatch(/APPEND_ONLY/);
    expect(await fail(env.ctx.db.execute(sql`delete from document_files`))).toMatch(/APPEND_ONLY/);
    expect(await fail(env.ctx.db.execute(sql`truncate document_views`))).toMatch(/APPEND_ONLY/);
  });
});

describe('confidential documents', () => {
  let secret: { id: string; version: number };
  it('only those named see it; every view is logged', async () => {
    const file = await upload(clerk, await pdf('Mật'));
    // Without a reader nobody but the clerk could see it: refused at the edge, no number taken.
    const unnamed = await clerk.post('/api/documents/incoming', incoming(file, { numberSymbol: '12/CA-PV01', senderName: 'Công an tỉnh Gia Lai', summary: 'Tài liệu mật', confidentiality: 'confidential' }));
    expect([unnamed.status, unnamed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(unnamed.body.error)).toContain('readerIds');
    const r = await clerk.post('/api/documents/incoming', incoming(file, { numberSymbol: '12/CA-PV01', senderName: 'Công an tỉnh Gia Lai', summary: 'Tài liệu mật về an ninh trật tự', confidentiality: 'confidential', readerIds: [ids.leader] }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    secret = r.body;
    expect((await spec.get(`/api/documents/${secret.id}`)).status).toBe(404);
    expect((await spec.get(`/api/documents/${secret.id}/file`)).status).toBe(404);
    expect((await spec.get('/api/documents?q=tai%20lieu%20mat')).body.items).toEqual([]);
    expect((await leader.get('/api/documents?q=tai%20lieu%20mat')).body.items.map((d: { id: string }) => d.id)).toEqual([secret.id]);
    expect((await leader.get(`/api/documents/${secret.id}`)).status).toBe(200);
    const d = await leader.post(`/api/documents/${secret.id}/direct`, { version: 1, direction: 'Đ/c Minh xử lý, giữ bí mật', handlerId: ids.spec, workingDays: 3 });
    expect(d.status).toBe(200);
    expect((await spec.get(`/api/documents/${secret.id}`)).status).toBe(200);
    expect((await spec.download(`/api/documents/${secret.id}/file`)).status).toBe(200);
    const views = await leader.get(`/api/documents/${secret.id}/views`);
    expect(views.body.items.map((v: { user: { id: string }; what: string }) => [v.user.id, v.what])).toEqual([
      [ids.clerk, 'metadata'], // the registration's own answer
      [ids.leader, 'metadata'],
      [ids.leader, 'metadata'], // the direction's answer
      [ids.spec, 'metadata'],
      [ids.spec, 'file'],
    ]);
  });
});

describe('a confidential outgoing document', () => {
  it('is seen by the drafter and those named; sent inside motcua, it is named to the receiving agency’s leaders', async () => {
    const file = await upload(spec, await pdf('Mật đi'), 'mat.pdf');
    const d = await spec.post('/api/documents/outgoing', { kind: 'official_letter', subject: 'V/v tài liệu mật gửi phường bạn', confidentiality: 'secret', unitSymbol: 'VP', file, readerIds: [ids.leader, ids.clerk] });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const other = await new ApiClient(http.base).login('pleiku.quantri');
    expect((await other.get(`/api/documents/${d.body.id}`)).status).toBe(404);
    let v = (await spec.post(`/api/documents/${d.body.id}/submit`, { version: 1 })).body.version;
    v = (await leader.post(`/api/documents/${d.body.id}/approve-sign`, { version: v })).body.version;
    v = (await clerk.post(`/api/documents/${d.body.id}/issue-number`, { version: v })).body.version;
    v = (await clerk.post(`/api/documents/${d.body.id}/seal`, { version: v })).body.version;
    const sent = await clerk.post(`/api/documents/${d.body.id}/send`, { version: v, recipients: [{ agencyId: agencies.dhClerk }] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const there = sent.body.received[0].documentId;
    const dhLeader = await new ApiClient(http.base).login('dienhong.lanhdao');
    expect((await dhClerk.get(`/api/documents/${there}`)).status).toBe(404);
    const seen = await dhLeader.get(`/api/documents/${there}`);
    expect(seen.body).toMatchObject({ confidentiality: 'secret', numberSymbol: '02/UBND-VP', state: 'registered' });
    expect(seen.body.allowedActions).toEqual(['direct']);
    expect((await dhLeader.get(`/api/documents/${there}/views`)).body.items.map((x: { what: string }) => x.what)).toEqual(['metadata']);
  });
});

describe('work files (hồ sơ công việc)', () => {
  it('open with a retention period, file documents, close, archive; stale versions and wrong states refused', async () => {
    const w = await clerk.post('/api/documents/work-files', { code: '01.VP', title: 'Báo cáo cải cách hành chính năm 2026', retentionYears: 10 });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
    expect(w.body).toMatchObject({ state: 'open', version: 1, retentionYears: 10 });
    expect((await clerk.post('/api/documents/work-files', { code: '01.VP', title: 'x', retentionYears: null })).body.error.code).toBe('WORK_FILE_CODE_TAKEN');
    const docs = (await clerk.get('/api/documents?q=cai%20cach')).body.items;
    for (const d of docs) expect((await clerk.post(`/api/documents/work-files/${w.body.id}/documents`, { documentId: d.id, version: d.version })).status).toBe(200);
    const got = await clerk.get(`/api/documents/work-files/${w.body.id}`);
    expect(got.body.documents).toHaveLength(docs.length);
    expect((await clerk.post(`/api/documents/work-files/${w.body.id}/actions`, { action: 'archive', version: 1 })).body.error.code).toBe('WORK_FILE_ACTION_NOT_ALLOWED');
    const closed = await clerk.post(`/api/documents/work-files/${w.body.id}/actions`, { action: 'close', version: 1 });
    expect(closed.body).toMatchObject({ state: 'closed', version: 2, closedAt: '2026-03-09T09:00:00+07:00' });
    expect((await clerk.post(`/api/documents/work-files/${w.body.id}/actions`, { action: 'archive', version: 1 })).body.error.code).toBe('WORK_FILE_VERSION_CONFLICT');
    expect((await clerk.post(`/api/documents/work-files/${w.body.id}/actions`, { action: 'archive', version: 2 })).body.state).toBe('archived');
    expect((await clerk.get('/api/documents/work-files?state=archived')).body.items.map((x: { id: string }) => x.id)).toEqual([w.body.id]);
    expect((await dhClerk.get(`/api/documents/work-files/${w.body.id}`)).status).toBe(404);
  });
});

describe('rates for reform', () => {
  it('per unit and period, from the histories; a unit outside the caller’s scope is 404', async () => {
    const r = await leader.get(`/api/documents/rates?agencyId=${agencies.leader}&from=2026-03-01&to=2026-03-31`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // Incoming: the letter (directed, replied, closed), the invitation (never directed), the confidential one (directed);
    // outgoing: the reply and the confidential letter, both sent.
    expect(r.body).toMatchObject({ registered: 3, directedInSoftware: 2, directedRate: 66.7, processedInSoftware: 1, processedRate: 33.3, sent: 2, signedDigitally: 2, signedRate: 100, finished: 1, averageProcessingDays: 3, overdueOpen: 0, finishedLate: 0 });
    const dh = await dhClerk.get(`/api/documents/rates?agencyId=${agencies.dhClerk}&from=2026-03-01&to=2026-03-31`);
    expect(dh.body).toMatchObject({ registered: 2, directedInSoftware: 0, directedRate: 0, sent: 0, signedRate: null });
    expect((await dhClerk.get(`/api/documents/rates?agencyId=${agencies.leader}&from=2026-03-01&to=2026-03-31`)).status).toBe(404);
    // The PAR index's auto-filled node reads the same figure (core/documents electronicProcessing): 1 of 3.
    const unit = await findAgency(env.ctx.db, agencies.leader!);
    const set = { nodes: [{ code: '7.3', method: { kind: 'auto', metric: 'DOCUMENTS_ELECTRONIC' } }] } as unknown as Parameters<ParService['autoFigures']>[1];
    const fig = (await new ParService(env.ctx).autoFigures(unit!, set, { from: '2026-03-01', to: '2026-03-31' })).get('7.3')!;
    expect([fig.available, fig.numerator, fig.denominator, fig.rate]).toEqual([true, r.body.processedInSoftware, r.body.registered, 33.33]);
    // Later, the confidential document (3 working days from 9/3) is overdue.
    clock.set('2026-03-20T09:00:00+07:00');
    expect((await leader.get(`/api/documents/rates?agencyId=${agencies.leader}&from=2026-03-01&to=2026-03-31`)).body.overdueOpen).toBe(1);
  });
});

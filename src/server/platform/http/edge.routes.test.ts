/**
 * The edge (issue 13, bad input): text a column cannot hold, impossible dates and broken multipart bodies get a
 * precise 400 in the product's error shape — never a 500 — and nothing is stored; every API answer carries
 * no-store and nosniff. Real HTTP on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
let anon: ApiClient;
let desk: ApiClient;
let pleikuId = '';
beforeAll(async () => {
  env = await createSeededEnv(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  desk = await new ApiClient(http.base).login('pleiku.motcua');
  pleikuId = ((await anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]).find((a) => a.code === '000.01.00.H21')!.id;
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

const count = async (table: string) => Number(((await env.ctx.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

/** Sends raw bytes over TCP and reads the status line (for bodies fetch would refuse to send). */
function raw(request: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(http.base);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), '127.0.0.1', () => s.write(request)); // Connection: close — the server ends it
    let data = '';
    s.on('data', (c) => (data += c.toString('utf8')));
    s.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
    s.on('error', reject);
  });
}

describe('text no column can hold', () => {
  it('a NUL byte in a login name, a tracking code or a one-time-code contact is 400 naming the field, without signing in', async () => {
    const login = await anon.post('/api/auth/login', { username: 'pleiku\u0000motcua', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.error).toMatchObject({ code: 'TEXT_INVALID_CHARACTER', details: { in: 'body' } });
    expect(login.body.error.message).toContain('"username"');
    const track = await anon.get('/api/public/track?code=000.01.00.H21-260302-0001%00&secret=1234');
    expect(track.status).toBe(400);
    expect(track.body.error).toMatchObject({ code: 'TEXT_INVALID_CHARACTER', details: { in: 'query' } });
    const otp = await anon.post('/api/citizen/otp', { contact: '0905\u0000123456' });
    expect(otp.status).toBe(400);
    expect(otp.body.error.code).toBe('TEXT_INVALID_CHARACTER');
  });

  it('a lone surrogate in a JSON field is 400 and nothing is stored', async () => {
    const before = await count('feedback');
    const r = await anon.post('/api/public/feedback', { agencyId: pleikuId, subject: 'other', title: 'Tiêu đề hợp lệ', content: 'Nội dung có ký tự hỏng \uD800 ở giữa, đủ dài để hợp lệ.', contact: { fullName: 'Nguyễn Văn An', phone: '0905123456' } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'TEXT_INVALID_CHARACTER' });
    expect(r.body.error.message).toContain('"content"');
    expect(await count('feedback')).toBe(before);
  });

  it('nested fields are named by their path (staff: dossier applicant)', async () => {
    const r = await desk.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', action: 'receive', applicant: { fullName: 'Trần\u0000 Bình', idNumber: '052090001234' }, resultMethod: 'desk', documents: [], fees: [], input: {} }, { 'idempotency-key': 'edge-nul-1' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('"applicant.fullName"');
  });

  it('Vietnamese in any normalisation form, emoji and zero-width characters still pass the edge', async () => {
    const r = await anon.get(`/api/public/procedures?q=${encodeURIComponent('đăng ky\u0301 khai sinh 😀\u200B')}`);
    expect(r.status).not.toBe(400);
    expect(r.status).toBeLessThan(500);
  });
});

describe('impossible dates', () => {
  it('date=9999-12-31 on the public statistics and asOf=0000-00-00 on units are 400, not 500', async () => {
    const stats = await anon.get(`/api/public/stats?agencyId=${pleikuId}&period=year&date=9999-12-31`);
    expect(stats.status).toBe(400);
    expect(stats.body.error.code).toBe('VALIDATION_FAILED');
    const units = await anon.get('/api/units?asOf=0000-00-00');
    expect(units.status).toBe(400);
    expect(units.body.error.code).toBe('VALIDATION_FAILED');
    expect((await anon.get('/api/units?asOf=2026-02-30')).status).toBe(400);
    expect((await anon.get('/api/units?asOf=2026-02-28')).status).toBe(200);
  });
});

describe('broken multipart bodies', () => {
  it('a multipart upload without a boundary is 400 MULTIPART_INVALID', async () => {
    const res = await fetch(`${http.base}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'multipart/form-data' }, body: 'abc' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('MULTIPART_INVALID');
  });
  it('a multipart upload cut short (no closing boundary) is 400, and nothing is stored', async () => {
    const before = await count('files');
    const body = '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 partial';
    const r = await raw(`POST /api/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${desk.token}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('MULTIPART_INVALID');
    expect(await count('files')).toBe(before);
  });
});

describe('headers on every answer', () => {
  it('API answers are no-store and nosniff; pages cannot be framed by another origin', async () => {
    for (const url of ['/api/auth/me', '/api/health', '/api/public/track?code=x&secret=y', '/api/nope']) {
      const res = await fetch(http.base + url, { headers: { authorization: `Bearer ${desk.token}` } });
      expect(res.headers.get('cache-control'), url).toBe('no-store');
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), url).toBe('SAMEORIGIN');
    }
  });
});

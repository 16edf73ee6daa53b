/**
 * Signature verification over real HTTP: a PDF signed by the demo leader and then the ward's seal (the service the
 * document office will call) verifies on the staff and the public endpoint — who, when, which certificate, intact,
 * trusted, changed after — and pdfsig agrees; one byte changed is invalid; size limit, wrong files, the CA download.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { renderAppearancePdf } from '../../platform/signing/index.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
let anon: ApiClient;
let desk: ApiClient;
let signed: Buffer;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  desk = await new ApiClient(http.base).login('pleiku.motcua');
  // Any PDF: here a one-page box rendered by the platform itself.
  const source = await renderAppearancePdf({ kind: 'copy', agency: 'UBND Phường Pleiku', signedAt: clock.now() }, 595, 842);
  const svc = env.ctx.services.signatures;
  const once = await svc.sign(source, { signerId: 'pleiku.leader', reason: 'Phê duyệt kết quả' });
  clock.set('2026-03-02T10:30:00+07:00');
  signed = Buffer.from(await svc.sign(once, { signerId: 'pleiku.seal', reason: 'Đóng dấu' }));
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('the demo PKI and the signers', () => {
  it('the demo start created a CA and two signers in DATA_DIR/pki; the CA is downloadable and parses', async () => {
    const r = await fetch(`${http.base}/api/public/signatures/ca.pem`);
    expect(r.status).toBe(200);
    const pem = await r.text();
    expect(pem).toContain('BEGIN CERTIFICATE');
    expect(pem).toBe(fs.readFileSync(path.join(env.dataDir, 'pki', 'ca.pem'), 'utf8'));
    const file = path.join(env.dataDir, 'downloaded-ca.pem');
    fs.writeFileSync(file, pem);
    expect(execFileSync('openssl', ['x509', '-in', file, '-noout', '-subject', '-nameopt', 'utf8'], { encoding: 'utf8' })).toContain('motcua Demo CA');
  });

  it('staff list the signers with their certificates; no password leaves the server', async () => {
    const r = await desk.get('/api/signatures/signers');
    expect(r.status).toBe(200);
    expect(r.body.items.map((s: { id: string }) => s.id)).toEqual(['pleiku.leader', 'pleiku.seal']);
    expect(r.body.items[0].certificate.commonName).toBe('Lê Quang Hưng');
    expect(r.body.items.map((s: { id: string; username: string | null }) => [s.id, s.username])).toEqual([['pleiku.leader', 'pleiku.lanhdao'], ['pleiku.seal', null]]); // a person's key is bound to one account
    expect(r.body.items[1].kind).toBe('agency');
    expect(JSON.stringify(r.body)).not.toMatch(/password/i);
    expect((await anon.get('/api/signatures/signers')).status).toBe(401);
  });

  it('an unknown signer is SIGNER_NOT_FOUND', async () => {
    await expect(env.ctx.services.signatures.sign(signed, { signerId: 'nobody' })).rejects.toMatchObject({ code: 'SIGNER_NOT_FOUND' });
  });
});

describe('POST /api/signatures/verify and /api/public/signatures/verify', () => {
  for (const [who, url] of [['staff', '/api/signatures/verify'], ['public', '/api/public/signatures/verify']] as const) {
    it(`${who}: two valid signatures — who, when, which certificate, the first followed by a later revision`, async () => {
      const api = who === 'staff' ? desk : anon;
      const r = await api.upload(signed, 'ket-qua.pdf', 'application/pdf', url);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ fileName: 'ket-qua.pdf', size: signed.length, status: 'valid', revisions: 3 });
      expect(r.body.statusLabel.vi).toBe('Chữ ký hợp lệ');
      const [a, b] = r.body.signatures;
      expect(a).toMatchObject({ status: 'valid', intact: true, chainTrusted: true, coversRevision: true, coversWholeDocument: false, signaturesAfter: 1, reason: 'Phê duyệt kết quả', claimedTime: '2026-03-02T02:00:00.000Z' });
      expect(a.signer.commonName).toBe('Lê Quang Hưng');
      expect(a.signer.issuer).toContain('motcua Demo CA');
      expect(a.signer.serialNumber).toMatch(/^[0-9A-F]+$/);
      expect(b).toMatchObject({ status: 'valid', intact: true, coversWholeDocument: true, reason: 'Đóng dấu', claimedTime: '2026-03-02T03:30:00.000Z' });
      expect(b.signer.commonName).toBe('UBND Phường Pleiku');
    });
  }

  it('pdfsig agrees with the endpoint on the same file', () => {
    const file = path.join(env.dataDir, 'signed.pdf');
    fs.writeFileSync(file, signed);
    const out = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' }).stdout;
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
  });

  it('one byte changed after signing: invalid, with the reason in Vietnamese', async () => {
    const bad = Buffer.from(signed);
    bad[10] = bad[10]! ^ 0x01;
    const r = await anon.upload(bad, 'sua.pdf', 'application/pdf', '/api/public/signatures/verify');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('invalid');
    for (const s of r.body.signatures) {
      expect(s.intact).toBe(false);
      expect(s.problems.map((p: { code: string }) => p.code)).toContain('DIGEST_MISMATCH');
    }
    expect(r.body.signatures[0].problems.find((p: { code: string }) => p.code === 'DIGEST_MISMATCH').label.vi).toBe('Nội dung đã bị thay đổi sau khi ký (mã băm không khớp)');
  });

  it('an unsigned PDF says so; a file that is not a PDF is 422 PDF_INVALID; no file is 400', async () => {
    const unsigned = await renderAppearancePdf({ kind: 'copy', signedAt: clock.now() }, 200, 100);
    const u = await anon.upload(Buffer.from(unsigned), 'a.pdf', 'application/pdf', '/api/public/signatures/verify');
    expect(u.body).toMatchObject({ status: 'unsigned', signatures: [] });
    const n = await anon.upload(Buffer.from('not a pdf at all'), 'a.txt', 'text/plain', '/api/public/signatures/verify');
    expect(n.status).toBe(422);
    expect(n.body.error.code).toBe('PDF_INVALID');
    const j = await anon.post('/api/public/signatures/verify', {});
    expect(j.status).toBe(400);
    expect(j.body.error.code).toBe('INPUT_REQUIRED');
  });

  it('the public endpoint refuses a file over SIGNING_VERIFY_MAX_MB with 413', async () => {
    const before = env.ctx.config.signingVerifyMaxBytes;
    env.ctx.config.signingVerifyMaxBytes = 10_000;
    try {
      const r = await anon.upload(signed, 'lon.pdf', 'application/pdf', '/api/public/signatures/verify');
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe('FILE_TOO_LARGE');
    } finally {
      env.ctx.config.signingVerifyMaxBytes = before;
    }
  });

  it('the staff endpoint needs a session', async () => {
    const r = await anon.upload(signed, 'ket-qua.pdf', 'application/pdf', '/api/signatures/verify');
    expect(r.status).toBe(401);
  });
});

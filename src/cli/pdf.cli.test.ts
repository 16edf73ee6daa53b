/**
 * `motcua pdf sign` and `motcua pdf verify` as a user runs them (real processes): sign as the leader, then with the
 * seal, verify (text and JSON), one byte changed fails with a non-zero exit, pdfsig agrees; clear errors.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoPki, renderAppearancePdf, type PkiManifest } from '../server/platform/signing/index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pdfcli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let m: PkiManifest;
const f = (n: string) => path.join(dir, n);

function motcua(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/motcua.js', ...args], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', SIGNING_TSA_URL: '' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}
const pdfsig = (file: string) => spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' }).stdout;

beforeAll(async () => {
  m = ensureDemoPki(path.join(dir, 'pki'), new Date());
  fs.writeFileSync(f('in.pdf'), await renderAppearancePdf({ kind: 'copy', agency: 'UBND Phường Pleiku', signedAt: new Date() }, 595, 842));
});

const p12 = (id: string) => ({ file: f(`pki/${id}.p12`), password: m.signers.find((s) => s.id === id)!.password });

describe('motcua pdf sign / verify', () => {
  it('signs as the leader (visible), then with the seal; verify prints both intact and trusted, exit 0', () => {
    const l = p12('pleiku.leader');
    const a = motcua(['pdf', 'sign', '--in', f('in.pdf'), '--out', f('one.pdf'), '--p12', l.file, '--password', l.password, '--reason', 'Phê duyệt', '--visible']);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toContain('Signed by Lê Quang Hưng');
    const s = p12('pleiku.seal');
    const b = motcua(['pdf', 'sign', '--in', f('one.pdf'), '--out', f('two.pdf'), '--p12', s.file, '--password', s.password, '--visible', '--kind', 'agency']);
    expect(b.code, b.err).toBe(0);

    const v = motcua(['pdf', 'verify', f('two.pdf')]);
    expect(v.code, v.err).toBe(0);
    expect(v.out).toContain('Chữ ký hợp lệ / Valid signature (2 signature(s), 3 revision(s))');
    expect(v.out).toMatch(/Signature #1 \(Signature1\): VALID/);
    expect(v.out).toMatch(/Signature #2 \(Signature2\): VALID/);
    expect(v.out).toContain('CN=Lê Quang Hưng');
    expect(v.out).toContain('whole document:      no — 1 later revision(s), 1 of them signed');
    expect(v.out.match(/bytes intact:        yes/g)).toHaveLength(2);
    expect(v.out).toContain('reason:              Phê duyệt');

    const j = motcua(['pdf', 'verify', f('two.pdf'), '--json']);
    expect(j.code).toBe(0);
    const r = JSON.parse(j.out);
    expect(r.signatures.map((x: { intact: boolean; coversWholeDocument: boolean }) => [x.intact, x.coversWholeDocument])).toEqual([[true, false], [true, true]]);
    expect(pdfsig(f('two.pdf')).match(/Signature is Valid\./g)).toHaveLength(2);
  });

  it('one byte changed: verify says INVALID and exits 1; pdfsig agrees', () => {
    const bad = fs.readFileSync(f('two.pdf'));
    bad[10] = bad[10]! ^ 0x01;
    fs.writeFileSync(f('bad.pdf'), bad);
    const v = motcua(['pdf', 'verify', f('bad.pdf')]);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/Signature #1 \(Signature1\): INVALID/);
    expect(v.out).toContain('Nội dung đã bị thay đổi sau khi ký');
    expect(pdfsig(f('bad.pdf'))).not.toContain('Signature is Valid.');
  });

  it('untrusted without the demo CA: exit 0, or 1 with --require-trusted; unsigned: exit 2', () => {
    fs.mkdirSync(f('elsewhere'));
    const env = { ...process.env, DATA_DIR: f('elsewhere'), DATABASE_URL: '' };
    const run = (args: string[]) => spawnSync(process.execPath, ['bin/motcua.js', ...args], { env, encoding: 'utf8' });
    const u = run(['pdf', 'verify', f('two.pdf')]);
    expect(u.status).toBe(0);
    expect(u.stdout).toContain('trusted CA:          NO');
    expect(run(['pdf', 'verify', f('two.pdf'), '--require-trusted']).status).toBe(1);
    expect(run(['pdf', 'verify', f('two.pdf'), '--require-trusted', '--trust', f('pki/ca.pem')]).status).toBe(0);
    expect(motcua(['pdf', 'verify', f('in.pdf')]).code).toBe(2);
  });

  it('clear errors: wrong password, not a PDF, missing file', () => {
    const l = p12('pleiku.leader');
    const w = motcua(['pdf', 'sign', '--in', f('in.pdf'), '--out', f('x.pdf'), '--p12', l.file, '--password', 'sai']);
    expect(w.code).toBe(1);
    expect(w.err).toContain('SIGNER_PASSWORD_WRONG');
    expect(w.err).toContain('Mật khẩu của tệp khóa ký (PKCS#12) không đúng.');
    fs.writeFileSync(f('note.txt'), 'hello');
    const n = motcua(['pdf', 'verify', f('note.txt')]);
    expect(n.code).toBe(1);
    expect(n.err).toContain('PDF_INVALID');
    const x = motcua(['pdf', 'verify', f('nope.pdf')]);
    expect(x.code).toBe(1);
    expect(x.err).toContain('cannot read the PDF');
  });
});

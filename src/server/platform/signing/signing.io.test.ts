/**
 * PAdES signing and verification against poppler's pdfsig as the independent verifier: a signature is valid and
 * covers the whole document; a second signature (the seal after the leader) keeps the first valid; one byte
 * changed in the signed bytes makes it invalid — and our own verifier agrees every time. Also: the timestamp from
 * a real RFC 3161 responder, trust (demo CA or none), wrong passwords, files that are not PDFs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERIF_FONTS } from '../pdf/fonts.ts';
import { AppError } from '../http/errors.ts';
import { ensureDemoPki, pemCertificates, pkcs12Signer, signPdf, startLocalTsa, verifyPdf, httpTimestampAuthority, type PkiManifest, type Signer } from './index.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sign-'));
const pkiDir = path.join(tmp, 'pki');
const NOW = new Date('2026-03-02T09:15:00+07:00');
let manifest: PkiManifest;
let leader: Signer;
let seal: Signer;
let anchors: Uint8Array[];
let source: Uint8Array;

function pdfkitPdf(pages: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 } });
  doc.registerFont('serif', SERIF_FONTS.regular);
  doc.font('serif').fontSize(13);
  pages.forEach((t, i) => {
    if (i > 0) doc.addPage();
    doc.text(t);
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.end();
  return done;
}

let n = 0;
function pdfsig(bytes: Uint8Array): string {
  const file = path.join(tmp, `f${(n += 1)}.pdf`);
  fs.writeFileSync(file, bytes);
  const r = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}
/** pdfsig's per-signature blocks. */
const blocks = (out: string) => out.split(/^Signature #\d+:$/m).slice(1);

const verify = (bytes: Uint8Array, trust = anchors) => verifyPdf(bytes, { trustAnchors: trust, now: () => NOW });

beforeAll(async () => {
  manifest = ensureDemoPki(pkiDir, NOW);
  anchors = pemCertificates(fs.readFileSync(path.join(pkiDir, manifest.ca), 'utf8'));
  const entry = (id: string) => manifest.signers.find((s) => s.id === id)!;
  leader = await pkcs12Signer(fs.readFileSync(path.join(pkiDir, entry('pleiku.leader').p12)), entry('pleiku.leader').password);
  seal = await pkcs12Signer(fs.readFileSync(path.join(pkiDir, entry('pleiku.seal').p12)), entry('pleiku.seal').password);
  source = await pdfkitPdf(['QUYẾT ĐỊNH về việc công nhận kết quả — Ủy ban nhân dân phường Pleiku', 'Nơi nhận: như trên; lưu VT.']);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the demo PKI', () => {
  it('creates a CA and two signers once, private keys only in the data folder, readable by openssl', () => {
    expect(manifest.signers.map((s) => s.id)).toEqual(['pleiku.leader', 'pleiku.seal']);
    expect(ensureDemoPki(pkiDir, new Date('2027-01-01')).createdAt).toBe(manifest.createdAt); // second start: the same PKI
    const mode = fs.statSync(path.join(pkiDir, 'pleiku.leader.p12')).mode & 0o777;
    expect(mode).toBe(0o600);
    const subject = execFileSync('openssl', ['pkcs12', '-in', path.join(pkiDir, 'pleiku.leader.p12'), '-passin', `pass:${manifest.signers[0]!.password}`, '-nokeys', '-clcerts'], { encoding: 'utf8' });
    expect(subject).toContain('BEGIN CERTIFICATE');
    const ca = execFileSync('openssl', ['x509', '-in', path.join(pkiDir, 'ca.pem'), '-noout', '-subject', '-nameopt', 'utf8'], { encoding: 'utf8' });
    expect(ca).toContain('motcua Demo CA (thử nghiệm, không dùng thật)');
  });

  it('a wrong password is SIGNER_PASSWORD_WRONG; a file that is not PKCS#12 is SIGNER_INVALID', async () => {
    const p12 = fs.readFileSync(path.join(pkiDir, 'pleiku.leader.p12'));
    await expect(pkcs12Signer(p12, 'wrong')).rejects.toMatchObject({ code: 'SIGNER_PASSWORD_WRONG' });
    await expect(pkcs12Signer(new Uint8Array([1, 2, 3]), 'x')).rejects.toMatchObject({ code: 'SIGNER_INVALID' });
  });
});

describe('signing, then pdfsig and our verifier', () => {
  let once: Uint8Array;
  let twice: Uint8Array;

  it('one visible signature (the leader): pdfsig says valid, ETSI.CAdES.detached, total document signed', async () => {
    once = await signPdf(source, {
      signer: leader, signingTime: NOW, reason: 'Phê duyệt', location: 'Phường Pleiku, Gia Lai',
      appearance: { content: { kind: 'person', name: 'Lê Quang Hưng', title: 'Chủ tịch', signedAt: NOW } },
    });
    expect(Buffer.from(once.subarray(0, source.length)).equals(Buffer.from(source))).toBe(true); // an incremental update
    const out = pdfsig(once);
    const [b1] = blocks(out);
    expect(blocks(out)).toHaveLength(1);
    expect(b1).toContain('Signer Certificate Common Name: Lê Quang Hưng');
    expect(b1).toContain('Signature Type: ETSI.CAdES.detached');
    expect(b1).toContain('Signing Hash Algorithm: SHA-256');
    expect(b1).toContain('Total document signed');
    expect(b1).toContain('Signature Validation: Signature is Valid.');

    const r = await verify(once);
    expect(r.status).toBe('valid');
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0]!;
    expect(s).toMatchObject({ intact: true, chainTrusted: true, coversRevision: true, coversWholeDocument: true, revisionsAfter: 0, subFilter: 'ETSI.CAdES.detached', reason: 'Phê duyệt', location: 'Phường Pleiku, Gia Lai' });
    expect(s.signer?.commonName).toBe('Lê Quang Hưng');
    expect(s.signer?.issuer).toContain('motcua Demo CA');
    expect(s.claimedTime).toBe(NOW.toISOString());
    expect(s.certificates.length).toBe(2); // the signer and the CA
  });

  it('a second signature (the seal) keeps the first valid: pdfsig says both valid, the first no longer total', async () => {
    twice = await signPdf(once, {
      signer: seal, signingTime: new Date(NOW.getTime() + 3600_000), reason: 'Đóng dấu',
      appearance: { content: { kind: 'agency', agency: 'UBND Phường Pleiku', signedAt: new Date(NOW.getTime() + 3600_000) } },
    });
    expect(Buffer.from(twice.subarray(0, once.length)).equals(Buffer.from(once))).toBe(true);
    const [b1, b2] = blocks(pdfsig(twice));
    expect(b1).toContain('Signature Validation: Signature is Valid.');
    expect(b1).toContain('Not total document signed');
    expect(b1).toContain('Lê Quang Hưng');
    expect(b2).toContain('Signature Validation: Signature is Valid.');
    expect(b2).toContain('Total document signed');
    expect(b2).toContain('Signer Certificate Common Name: UBND Phường Pleiku');

    const r = await verify(twice);
    expect(r.status).toBe('valid');
    expect(r.revisions).toBe(3);
    const [first, second] = r.signatures;
    expect(first).toMatchObject({ intact: true, coversRevision: true, coversWholeDocument: false, revisionsAfter: 1, signaturesAfter: 1 });
    expect(second).toMatchObject({ intact: true, coversRevision: true, coversWholeDocument: true, revisionsAfter: 0, signaturesAfter: 0 });
    expect(second!.signer?.commonName).toBe('UBND Phường Pleiku');
    expect(second!.fieldName).not.toBe(first!.fieldName);
  });

  it('one byte changed inside the signed bytes: pdfsig and our verifier both say invalid', async () => {
    for (const [name, signed] of [['once', once], ['twice', twice]] as const) {
      const bad = new Uint8Array(signed);
      // The binary comment on the second line of the file ("%\xFF\xFF\xFF\xFF"): inside every signed range, and
      // the file still parses.
      expect(bad[10]).toBe(0xff);
      bad[10] = 0xfe;
      const out = pdfsig(bad);
      for (const b of blocks(out)) {
        expect(b, name).not.toContain('Signature is Valid.');
        expect(b, name).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
      }
      const r = await verify(bad);
      expect(r.status).toBe('invalid');
      for (const s of r.signatures) {
        expect(s.intact).toBe(false);
        expect(s.problems).toContain('DIGEST_MISMATCH');
      }
    }
  });

  it('bytes appended after the signature: still intact, but not the whole document', async () => {
    const appended = new Uint8Array(Buffer.concat([Buffer.from(once), Buffer.from('\n% added later\n')]));
    const r = await verify(appended);
    expect(r.signatures[0]).toMatchObject({ intact: true, coversWholeDocument: false });
    expect(blocks(pdfsig(appended))[0]).toContain('Signature is Valid.');
  });

  it('without the demo CA among the trusted ones the signature is intact but untrusted', async () => {
    const r = await verify(once, []);
    expect(r.status).toBe('untrusted');
    expect(r.signatures[0]).toMatchObject({ intact: true, chainTrusted: false, status: 'untrusted' });
    expect(r.signatures[0]!.problems).toEqual(['CHAIN_UNTRUSTED']);
  });

  it('an invisible signature, a third one on the same file, is valid too', async () => {
    const thrice = await signPdf(twice, { signer: leader, signingTime: new Date(NOW.getTime() + 7200_000) });
    const bs = blocks(pdfsig(thrice));
    expect(bs).toHaveLength(3);
    for (const b of bs) expect(b).toContain('Signature is Valid.');
    expect((await verify(thrice)).signatures.map((s) => s.intact)).toEqual([true, true, true]);
  });

  it('an unsigned PDF has no signature; a file that is not a PDF is PDF_INVALID', async () => {
    expect(await verify(source)).toMatchObject({ status: 'unsigned', signatures: [] });
    await expect(verify(new TextEncoder().encode('hello, not a pdf'))).rejects.toBeInstanceOf(AppError);
    await expect(verify(new TextEncoder().encode('hello, not a pdf'))).rejects.toMatchObject({ code: 'PDF_INVALID' });
  });

  it('refuses to sign at a time outside the certificate’s validity', async () => {
    await expect(signPdf(source, { signer: leader, signingTime: new Date('2040-01-01T00:00:00Z') })).rejects.toMatchObject({ code: 'SIGNER_INVALID' });
  });
});

describe('RFC 3161 timestamp (PAdES B-T) from the local responder', () => {
  let tsa: Awaited<ReturnType<typeof startLocalTsa>>;
  const tsaTime = new Date('2026-03-02T09:16:40+07:00');
  beforeAll(async () => {
    tsa = await startLocalTsa({
      certificate: new Uint8Array(fs.readFileSync(path.join(pkiDir, 'tsa.cer'))),
      privateKeyPkcs8: new Uint8Array(fs.readFileSync(path.join(pkiDir, 'tsa.key'))),
      chain: anchors,
      now: () => tsaTime,
    });
  });
  afterAll(() => tsa?.close());

  it('the signature carries the token; pdfsig says valid; our verifier reads the TSA time', async () => {
    const signed = await signPdf(source, { signer: seal, signingTime: NOW, timestampAuthority: httpTimestampAuthority(tsa.url) });
    expect(tsa.requests()).toBe(1);
    expect(blocks(pdfsig(signed))[0]).toContain('Signature is Valid.');
    const s = (await verify(signed)).signatures[0]!;
    expect(s).toMatchObject({ intact: true, status: 'valid', claimedTime: NOW.toISOString(), timestampTime: tsaTime.toISOString(), signingTime: tsaTime.toISOString() });
  });

  it('an unreachable TSA is TIMESTAMP_FAILED, not a signature without its timestamp', async () => {
    await expect(signPdf(source, { signer: seal, signingTime: NOW, timestampAuthority: httpTimestampAuthority('http://127.0.0.1:9/tsa', 2000) })).rejects.toMatchObject({ code: 'TIMESTAMP_FAILED' });
  });
});

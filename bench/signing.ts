/**
 * Time to sign and to verify one document: `npx tsx bench/signing.ts [runs=50]`. A two-page A4 PDF (pdfkit,
 * Liberation Serif, ~10 kB) signed visibly by the demo leader (PKCS#12 loaded once, as the service does), then each
 * signed copy verified (our verifier, trust = the demo CA). Prints p50/p90/max in ms. Keys in a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { SERIF_FONTS } from '../src/server/platform/pdf/fonts.ts';
import { ensureDemoPki, pemCertificates, pkcs12Signer, signPdf, verifyPdf } from '../src/server/platform/signing/index.ts';

const runs = Number(process.argv[2] ?? 50);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-sign-'));
const now = new Date('2026-03-02T09:00:00+07:00');
const m = ensureDemoPki(dir, now);
const anchors = pemCertificates(fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'));
const e = m.signers[0]!;
const signer = await pkcs12Signer(fs.readFileSync(path.join(dir, e.p12)), e.password);

const doc = new PDFDocument({ size: 'A4' });
doc.registerFont('s', SERIF_FONTS.regular);
doc.font('s').fontSize(13).text('QUYẾT ĐỊNH về việc cấp giấy chứng nhận — Ủy ban nhân dân phường Pleiku. '.repeat(40));
doc.addPage().text('Nơi nhận: như trên; lưu VT.');
const chunks: Buffer[] = [];
doc.on('data', (c: Buffer) => chunks.push(c));
const src = await new Promise<Uint8Array>((r) => { doc.on('end', () => r(new Uint8Array(Buffer.concat(chunks)))); doc.end(); });

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const sign: number[] = [];
const verify: number[] = [];
let out = src;
for (let i = 0; i < runs + 3; i += 1) {
  const t0 = performance.now();
  out = await signPdf(src, { signer, signingTime: now, reason: 'Phê duyệt', appearance: { content: { kind: 'person', name: e.name, title: e.title, signedAt: now } } });
  const t1 = performance.now();
  const r = await verifyPdf(out, { trustAnchors: anchors, now: () => now });
  const t2 = performance.now();
  if (r.status !== 'valid') throw new Error(`not valid: ${r.status}`);
  if (i >= 3) { sign.push(t1 - t0); verify.push(t2 - t1); } // 3 warm-up runs
}
const fmt = (xs: number[]) => `p50 ${q(xs, 0.5).toFixed(1)} ms, p90 ${q(xs, 0.9).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
console.log(`input ${src.length} B, signed ${out.length} B, ${runs} runs`);
console.log(`sign   (visible, RSA-2048, no TSA): ${fmt(sign)}`);
console.log(`verify (1 signature, chain to the demo CA): ${fmt(verify)}`);
fs.rmSync(dir, { recursive: true, force: true });

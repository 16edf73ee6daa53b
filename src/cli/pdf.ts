/**
 * `motcua pdf sign` and `motcua pdf verify`: the signing platform from the command line, on files, with no
 * server or database. Verification trusts the demo CA (DATA_DIR/pki/ca.pem) when present, the CAs of
 * SIGNING_TRUSTED_CAS, and any `--trust` file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { AppConfig } from '../server/platform/config/config.ts';
import { httpTimestampAuthority, pemCertificates, pkcs12Signer, signPdf, verifyPdf, certificateInfo, type VerificationReport } from '../server/platform/signing/index.ts';
import { displayVietnam } from '../core/signing/time.ts';
import { SIGNATURE_LABELS } from '../core/signing/verdict.ts';
import type { AppearanceKind, SignaturePlacement } from '../core/signing/appearance.ts';

export interface SignArgs {
  in: string;
  out: string;
  p12: string;
  password: string;
  reason?: string;
  location?: string;
  visible?: boolean;
  kind?: string;
  name?: string;
  title?: string;
  agency?: string;
  image?: string;
  tsa?: string;
  /** Where the visible box goes: "page,x,y,width,height" (points from the top left; page 1-based, first or last). */
  at?: string;
}

/**
 * `--at page,x,y,width,height` → a placement (core/signing SignaturePlacement): the boxes `motcua document render`
 * prints, e.g. `--at 1,295.51,680.13,257.25,84`.
 */
export function parsePlacement(s: string): SignaturePlacement {
  const parts = s.split(',').map((p) => p.trim());
  const nums = parts.slice(1).map(Number);
  const page = parts[0] === 'first' || parts[0] === 'last' ? parts[0] : Number(parts[0]);
  if (parts.length !== 5 || nums.some((n) => !Number.isFinite(n)) || (typeof page === 'number' && !(Number.isInteger(page) && page >= 1)) || nums[2]! <= 0 || nums[3]! <= 0) {
    throw new InvalidArgumentError('--at is page,x,y,width,height (page 1-based, first or last; points from the top left; width and height above 0), e.g. 1,295.51,680.13,257.25,84');
  }
  return { page, x: nums[0]!, y: nums[1]!, width: nums[2]!, height: nums[3]! };
}

const readFile = (f: string, what: string) => {
  try {
    return new Uint8Array(fs.readFileSync(f));
  } catch {
    throw new InvalidArgumentError(`cannot read ${what} ${f}`);
  }
};

export async function pdfSign(o: SignArgs, config: AppConfig): Promise<string> {
  const kind = (o.kind ?? 'person') as AppearanceKind;
  if (!['person', 'agency', 'copy'].includes(kind)) throw new InvalidArgumentError('--kind is person, agency or copy');
  const placement = o.at === undefined ? undefined : parsePlacement(o.at);
  if (placement && !o.visible) throw new InvalidArgumentError('--at places the visible box: add --visible');
  const signer = await pkcs12Signer(readFile(o.p12, 'the key file'), o.password);
  const cert = certificateInfo(signer.certificate);
  const certTitle = /(?:^|, )title=([^,]*)/.exec(cert.subject)?.[1];
  const certOrg = /(?:^|, )O=([^,]*)/.exec(cert.subject)?.[1];
  const now = new Date();
  const tsaUrl = o.tsa ?? config.signingTsaUrl;
  const image = o.image ? readFile(o.image, 'the image') : null;
  const out = await signPdf(readFile(o.in, 'the PDF'), {
    signer,
    signingTime: now,
    reason: o.reason,
    location: o.location,
    timestampAuthority: tsaUrl ? httpTimestampAuthority(tsaUrl) : null,
    appearance: o.visible ? {
      content: { kind, name: o.name ?? cert.commonName ?? undefined, title: o.title ?? certTitle, agency: o.agency ?? certOrg ?? cert.commonName ?? undefined, signedAt: now },
      images: kind === 'agency' ? { seal: image } : { signature: image },
      placement,
    } : null,
  });
  fs.writeFileSync(o.out, out);
  return `Signed by ${cert.commonName ?? cert.subject} at ${displayVietnam(now)}${tsaUrl ? ' (with a timestamp)' : ''} → ${o.out}`;
}

export function trustAnchors(config: AppConfig, extra: string[] = []): Uint8Array[] {
  const files = [path.join(config.dataDir, 'pki', 'ca.pem'), ...config.signingTrustedCaFiles, ...extra];
  return files.filter((f, i) => i > 0 || fs.existsSync(f)).flatMap((f) => pemCertificates(fs.readFileSync(f, 'utf8')));
}

const yes = (b: boolean) => (b ? 'yes' : 'NO');

export function formatReport(file: string, r: VerificationReport): string {
  const lines = [`${file}: ${SIGNATURE_LABELS[r.status].vi} / ${SIGNATURE_LABELS[r.status].en} (${r.signatures.length} signature(s), ${r.revisions} revision(s))`];
  r.signatures.forEach((s, i) => {
    lines.push(`Signature #${i + 1} (${s.fieldName ?? '?'}): ${s.status.toUpperCase()} — ${SIGNATURE_LABELS[s.status].en}`);
    lines.push(`  signer:              ${s.signer?.subject ?? '?'}`);
    lines.push(`  issuer:              ${s.signer?.issuer ?? '?'}`);
    lines.push(`  serial:              ${s.signer?.serialNumber ?? '?'}`);
    lines.push(`  certificate valid:   ${s.signer ? `${s.signer.validFrom} – ${s.signer.validTo}` : '?'}`);
    lines.push(`  time:                ${s.signingTime ? `${displayVietnam(new Date(s.signingTime))} (UTC+7)${s.timestampTime ? ' — RFC 3161 timestamp' : ' — claimed by the signer'}` : '?'}`);
    if (s.reason) lines.push(`  reason:              ${s.reason}`);
    lines.push(`  format:              ${s.subFilter ?? '?'}`);
    lines.push(`  bytes intact:        ${yes(s.intact)}`);
    lines.push(`  covers its revision: ${yes(s.coversRevision)}`);
    lines.push(`  whole document:      ${s.coversWholeDocument ? 'yes' : `no — ${s.revisionsAfter} later revision(s), ${s.signaturesAfter} of them signed`}`);
    lines.push(`  trusted CA:          ${yes(s.chainTrusted)}`);
    for (const p of s.problems) lines.push(`  ! ${SIGNATURE_LABELS[p].vi} / ${SIGNATURE_LABELS[p].en}`);
  });
  return lines.join('\n');
}

/** Verifies; returns the text (or JSON) and the exit code: 0 intact signatures, 1 an invalid one, 2 unsigned. */
export async function pdfVerify(file: string, o: { json?: boolean; trust?: string[]; requireTrusted?: boolean }, config: AppConfig): Promise<{ text: string; code: number }> {
  const r = await verifyPdf(readFile(file, 'the PDF'), { trustAnchors: trustAnchors(config, o.trust ?? []), now: () => new Date() });
  const code = r.status === 'unsigned' ? 2 : r.status === 'invalid' || (o.requireTrusted && r.status === 'untrusted') ? 1 : 0;
  return { text: o.json ? JSON.stringify(r, null, 2) : formatReport(file, r), code };
}

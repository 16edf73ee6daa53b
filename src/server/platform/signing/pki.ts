/**
 * The demo's own public-key infrastructure, created at first start in DATA_DIR/pki (never in the repository):
 * a test CA, a signer certificate for a leader of Phường Pleiku, one for the ward's seal (the agency), and a
 * timestamp-authority certificate for the local RFC 3161 responder. Keys are RSA-2048 from Node's crypto;
 * certificates and PKCS#12 files are built with node-forge (subjects in UTF-8, so Vietnamese names read right).
 * Each .p12 has a random password, kept in `signers.json` beside it (mode 0600) — acceptable for a demo
 * software token only; production keys live on tokens or with a remote signing service (see README.md).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export interface PkiSignerEntry {
  /** Stable id used by callers, e.g. "pleiku.leader", "pleiku.seal". */
  id: string;
  kind: 'person' | 'agency';
  /** The agency's code (agencies.code) the key belongs to. */
  agencyCode: string;
  name: string;
  title?: string;
  agencyName: string;
  /** A person's key: the staff account (username) it belongs to — nobody else may sign with it. */
  username?: string;
  /** File name of the PKCS#12 in the pki folder. */
  p12: string;
  password: string;
}

export interface PkiManifest {
  createdAt: string;
  ca: string;
  tsa: { certificate: string; key: string } | null;
  signers: PkiSignerEntry[];
}

export interface DemoSignerSpec {
  id: string;
  kind: 'person' | 'agency';
  agencyCode: string;
  agencyName: string;
  name: string;
  title?: string;
  /** A person's key: the staff account it belongs to. */
  username?: string;
}

export const PKI_MANIFEST = 'signers.json';
export const CA_FILE = 'ca.pem';

interface KeyPair {
  publicKey: forge.pki.rsa.PublicKey;
  privateKey: forge.pki.rsa.PrivateKey;
  pkcs8Der: Buffer;
}

function rsaKey(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs8Der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()) as forge.pki.rsa.PublicKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey,
    pkcs8Der,
  };
}

type Attr = { shortName?: string; name?: string; value: string };
const utf8 = (attrs: Attr[]) => attrs.map((a) => ({ ...a, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }));

function certificate(o: {
  subject: Attr[];
  issuer: forge.pki.Certificate | null;
  issuerKey: forge.pki.rsa.PrivateKey;
  key: KeyPair;
  notBefore: Date;
  years: number;
  extensions: object[];
}): forge.pki.Certificate {
  const c = forge.pki.createCertificate();
  c.publicKey = o.key.publicKey;
  c.serialNumber = '01' + randomBytes(15).toString('hex');
  c.validity.notBefore = o.notBefore;
  c.validity.notAfter = new Date(o.notBefore.getTime() + o.years * 365.25 * 86400_000);
  c.setSubject(utf8(o.subject));
  c.setIssuer(o.issuer ? o.issuer.subject.attributes : utf8(o.subject));
  c.setExtensions([
    ...o.extensions,
    { name: 'subjectKeyIdentifier' },
    ...(o.issuer ? [{ name: 'authorityKeyIdentifier', keyIdentifier: o.issuer.generateSubjectKeyIdentifier().getBytes() }] : []),
  ]);
  c.sign(o.issuerKey, forge.md.sha256.create());
  return c;
}

const der = (c: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');

/** The signers of the demo: the leader of Phường Pleiku (the demo account pleiku.lanhdao) and the ward's seal. */
export const DEMO_SIGNERS: DemoSignerSpec[] = [
  { id: 'pleiku.leader', kind: 'person', agencyCode: '000.01.00.H21', agencyName: 'UBND Phường Pleiku', name: 'Lê Quang Hưng', title: 'Chủ tịch UBND Phường Pleiku', username: 'pleiku.lanhdao' },
  { id: 'pleiku.seal', kind: 'agency', agencyCode: '000.01.00.H21', agencyName: 'UBND Phường Pleiku', name: 'UBND Phường Pleiku' },
];

/**
 * Creates the PKI in `dir` unless its manifest exists; returns the manifest. Idempotent; a second process sees the
 * finished files (written to a temporary name, then renamed).
 */
export function ensureDemoPki(dir: string, now: Date, signers: DemoSignerSpec[] = DEMO_SIGNERS): PkiManifest {
  const manifestPath = path.join(dir, PKI_MANIFEST);
  if (fs.existsSync(manifestPath)) return JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as PkiManifest;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const notBefore = new Date(Date.UTC(now.getUTCFullYear() - 1, 0, 1));
  const caKey = rsaKey();
  const ca = certificate({
    subject: [{ shortName: 'CN', value: 'motcua Demo CA (thử nghiệm, không dùng thật)' }, { shortName: 'O', value: 'motcua' }, { shortName: 'C', value: 'VN' }],
    issuer: null, issuerKey: caKey.privateKey, key: caKey, notBefore, years: 20,
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }],
  });
  const write = (name: string, data: Buffer | string, mode = 0o600) => {
    const tmp = path.join(dir, `.${name}.tmp`);
    fs.writeFileSync(tmp, data, { mode });
    fs.renameSync(tmp, path.join(dir, name));
  };
  write(CA_FILE, forge.pki.certificateToPem(ca), 0o644);
  const tsaKey = rsaKey();
  const tsa = certificate({
    subject: [{ shortName: 'CN', value: 'motcua Demo TSA' }, { shortName: 'O', value: 'motcua' }, { shortName: 'C', value: 'VN' }],
    issuer: ca, issuerKey: caKey.privateKey, key: tsaKey, notBefore, years: 10,
    extensions: [{ name: 'basicConstraints', cA: false, critical: true }, { name: 'keyUsage', digitalSignature: true, critical: true }, { name: 'extKeyUsage', timeStamping: true, critical: true }],
  });
  write('tsa.cer', der(tsa), 0o644);
  write('tsa.key', tsaKey.pkcs8Der);
  const entries: PkiSignerEntry[] = [];
  for (const s of signers) {
    const key = rsaKey();
    const subject: Attr[] = [
      { shortName: 'CN', value: s.name },
      ...(s.title ? [{ name: 'title', value: s.title }] : []),
      { shortName: 'O', value: s.agencyName },
      { shortName: 'L', value: 'Gia Lai' },
      { shortName: 'C', value: 'VN' },
    ];
    const cert = certificate({
      subject, issuer: ca, issuerKey: caKey.privateKey, key, notBefore, years: 5,
      extensions: [{ name: 'basicConstraints', cA: false, critical: true }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }, { name: 'extKeyUsage', emailProtection: true }],
    });
    const password = randomBytes(12).toString('base64url');
    const p12 = forge.pkcs12.toPkcs12Asn1(key.privateKey, [cert, ca], password, { algorithm: 'aes256', friendlyName: s.id });
    const file = `${s.id}.p12`;
    write(file, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
    entries.push({ ...s, p12: file, password });
  }
  const manifest: PkiManifest = { createdAt: now.toISOString(), ca: CA_FILE, tsa: { certificate: 'tsa.cer', key: 'tsa.key' }, signers: entries };
  write(PKI_MANIFEST, JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The DER certificates of a PEM bundle (one or more "BEGIN CERTIFICATE" blocks). */
export function pemCertificates(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

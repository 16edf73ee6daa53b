/**
 * Verification of every signature in a PDF: which bytes it covers, whether they are intact, who signed and when,
 * with which certificate, whether the certificate chains to a trusted CA, and whether the document changed after.
 * CMS parsing, signature and chain checks are pkijs's; the verdict is core/signing (signatureVerdict).
 * Poppler's `pdfsig` is the independent check in the tests.
 */
import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PdfArray, PdfName, PdfNumber, PdfString, type PdfDict } from '@libpdf/core';
import { documentVerdict, signatureVerdict, type DocumentStatus, type SignatureProblem, type SignatureStatus } from '../../../core/signing/verdict.ts';
import { parsePdfDate } from '../../../core/signing/time.ts';
import { OID } from './cms.ts';
import { loadPdf } from './sign.ts';

export interface CertificateInfo {
  subject: string;
  /** The subject's common name (the person or agency). */
  commonName: string | null;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  sha256Fingerprint: string;
}

export interface SignatureReport {
  fieldName: string | null;
  subFilter: string | null;
  reason: string | null;
  location: string | null;
  /** The time the signer claims (/M), ISO. */
  claimedTime: string | null;
  /** The RFC 3161 timestamp's time, ISO, when the signature has a valid one. */
  timestampTime: string | null;
  /** The time the verdict uses: the timestamp's, else the claimed one. */
  signingTime: string | null;
  byteRange: number[] | null;
  /** The signed range ends at the end of a revision of the file (a %%EOF). */
  coversRevision: boolean;
  /** The signed range is the whole file: nothing was added after this signature. */
  coversWholeDocument: boolean;
  /** Revisions of the file after the one this signature covers, and how many of them are later signatures. */
  revisionsAfter: number;
  signaturesAfter: number;
  /** The signed bytes are exactly what was signed and the signature verifies with the certificate. */
  intact: boolean;
  chainTrusted: boolean;
  status: SignatureStatus;
  problems: SignatureProblem[];
  signer: CertificateInfo | null;
  /** The chain embedded in the signature, signer first. */
  certificates: CertificateInfo[];
}

export interface VerificationReport {
  status: DocumentStatus;
  revisions: number;
  signatures: SignatureReport[];
}

export interface VerifyOptions {
  /** DER of the trusted CA certificates (the demo CA, configured CAs). */
  trustAnchors: readonly Uint8Array[];
  /** Used when a signature carries no time. */
  now: () => Date;
}

const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const sha256 = (b: Uint8Array | ArrayBuffer) => new Uint8Array(createHash('sha256').update(new Uint8Array(b)).digest());

export function certificateInfo(der: Uint8Array): CertificateInfo {
  const c = new X509Certificate(der);
  const rdn = (s: string) => s.split('\n').filter(Boolean).reverse().join(', ');
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(c.subject)?.[1] ?? null;
  return {
    subject: rdn(c.subject),
    commonName: cn,
    issuer: rdn(c.issuer),
    serialNumber: c.serialNumber.toUpperCase(),
    validFrom: new Date(c.validFrom).toISOString(),
    validTo: new Date(c.validTo).toISOString(),
    sha256Fingerprint: c.fingerprint256,
  };
}

/**
 * Where each revision of the file ends: for each `%%EOF` marker, the offsets just after it and after its
 * end-of-line (a signature may cover either; @signpdf leaves the last EOL out).
 */
export function revisionEnds(bytes: Uint8Array): { first: number; last: number }[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: { first: number; last: number }[] = [];
  for (let i = buf.indexOf('%%EOF'); i !== -1; i = buf.indexOf('%%EOF', i + 5)) {
    let e = i + 5;
    if (buf[e] === 0x0d) e += 1;
    if (buf[e] === 0x0a) e += 1;
    ends.push({ first: i + 5, last: e });
  }
  return ends;
}

function str(d: PdfDict, key: string): string | null {
  const v = d.get(key);
  return v instanceof PdfString ? v.asString() : null;
}

interface RawSignature {
  fieldName: string | null;
  dict: PdfDict;
}

async function signaturesOf(bytes: Uint8Array): Promise<RawSignature[]> {
  const pdf = await loadPdf(bytes);
  const form = pdf.getForm();
  const out: RawSignature[] = [];
  for (const f of form?.getSignatureFields() ?? []) {
    const d = f.getSignatureDict();
    if (d) out.push({ fieldName: f.name ?? null, dict: d });
  }
  return out;
}

function byteRangeOf(d: PdfDict): number[] | null {
  const a = d.get('ByteRange');
  if (!(a instanceof PdfArray) || a.length !== 4) return null;
  const n = a.toArray().map((x) => (x instanceof PdfNumber ? x.value : Number.NaN));
  return n.every((x) => Number.isInteger(x) && x >= 0) ? n : null;
}

/**
 * Checks the first SignerInfo of a SignedData over `data` (detached) or its own eContent: the message-digest
 * attribute against SHA-256 of the content, and the signature over the signed attributes with the signer
 * certificate's key (pkijs's crypto engine). Not SignedData.verify: libpdf installs its own pkijs engine globally,
 * under which that method fails before it checks anything.
 */
async function checkSignerInfo(sd: pkijs.SignedData, data: Uint8Array | null): Promise<{ signerCert: pkijs.Certificate | null; digestMatches: boolean; signatureValid: boolean }> {
  const si = sd.signerInfos[0];
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (!si) return { signerCert: null, digestMatches: false, signatureValid: false };
  const sid = si.sid;
  const signerCert = sid instanceof pkijs.IssuerAndSerialNumber
    ? certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null
    : certs[0] ?? null;
  const content = data ?? (sd.encapContentInfo.eContent ? new Uint8Array(sd.encapContentInfo.eContent.getValue()) : null);
  const md = si.signedAttrs?.attributes.find((a) => a.type === OID.messageDigest);
  if (si.digestAlgorithm.algorithmId !== OID.sha256 || !content || !md || !signerCert) return { signerCert, digestMatches: false, signatureValid: false };
  const digestMatches = Buffer.from((md.values[0] as asn1js.OctetString).valueBlock.valueHexView).equals(Buffer.from(sha256(content)));
  let signatureValid = false;
  try {
    signatureValid = digestMatches && (await pkijs.getCrypto(true).verifyWithPublicKey(si.signedAttrs!.encodedValue, si.signature, signerCert.subjectPublicKeyInfo, si.signatureAlgorithm,
      si.signatureAlgorithm.algorithmId === '1.2.840.113549.1.1.1' ? 'SHA-256' : undefined));
  } catch {
    signatureValid = false;
  }
  return { signerCert, digestMatches, signatureValid };
}

async function checkTimestamp(signerInfo: pkijs.SignerInfo): Promise<{ present: boolean; valid: boolean; time: Date | null; tsaCerts: pkijs.Certificate[] }> {
  const attr = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.timeStampToken);
  if (!attr) return { present: false, valid: false, time: null, tsaCerts: [] };
  try {
    const token = new pkijs.ContentInfo({ schema: attr.values[0] });
    const sd = new pkijs.SignedData({ schema: token.content });
    const eContent = sd.encapContentInfo.eContent;
    if (sd.encapContentInfo.eContentType !== OID.tstInfo || !eContent) return { present: true, valid: false, time: null, tsaCerts: [] };
    const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
    const imprintOk = tst.messageImprint.hashAlgorithm.algorithmId === OID.sha256
      && Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(sha256(signerInfo.signature.valueBlock.valueHexView)));
    const ok = await checkSignerInfo(sd, null);
    const tsaCerts = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    return { present: true, valid: imprintOk && ok.signatureValid, time: tst.genTime, tsaCerts };
  } catch {
    return { present: true, valid: false, time: null, tsaCerts: [] };
  }
}

async function chainTrusted(certs: pkijs.Certificate[], signerCert: pkijs.Certificate, anchors: pkijs.Certificate[], at: Date): Promise<boolean> {
  if (anchors.length === 0) return false;
  try {
    const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors, certs: [signerCert, ...certs.filter((c) => c !== signerCert)], checkDate: at });
    const r = await engine.verify();
    return r.result === true;
  } catch {
    return false;
  }
}

export async function verifyPdf(bytes: Uint8Array, o: VerifyOptions): Promise<VerificationReport> {
  const raws = await signaturesOf(bytes);
  const ends = revisionEnds(bytes);
  const anchors = o.trustAnchors.map((d) => pkijs.Certificate.fromBER(ab(d)));
  const rangesEnd = raws.map((r) => {
    const br = byteRangeOf(r.dict);
    return br ? br[2]! + br[3]! : -1;
  });
  const reports: SignatureReport[] = [];
  for (const [i, raw] of raws.entries()) {
    const d = raw.dict;
    const subFilterObj = d.get('SubFilter');
    const subFilter = subFilterObj instanceof PdfName ? subFilterObj.value : null;
    const claimed = str(d, 'M');
    const claimedTime = claimed ? parsePdfDate(claimed) : null;
    const br = byteRangeOf(d);
    const contentsObj = d.get('Contents');
    const contents = contentsObj instanceof PdfString ? contentsObj.bytes : null;
    // The byte range: from 0, leaving out exactly the <hex> of /Contents, inside the file.
    let byteRangeValid = false;
    let signed: Uint8Array | null = null;
    if (br && contents) {
      const [a, b, c, len] = br as [number, number, number, number];
      const gapOk = c > b && c + len <= bytes.length && bytes[b] === 0x3c && bytes[c - 1] === 0x3e && c - b - 2 === contents.length * 2;
      byteRangeValid = a === 0 && gapOk;
      if (byteRangeValid) signed = Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + len)]);
    }
    const end = br ? br[2]! + br[3]! : -1;
    const coversRevision = ends.some((r) => end >= r.first && end <= r.last);
    const coversWholeDocument = end === bytes.length || (end > 0 && end < bytes.length && /^[\r\n\s]*$/.test(Buffer.from(bytes.subarray(end)).toString('latin1')));
    const revisionsAfter = end > 0 ? ends.filter((r) => r.first > end).length : 0;
    const signaturesAfter = rangesEnd.filter((e, j) => j !== i && e > end).length;
    let cmsReadable = false;
    let digestMatches = false;
    let signatureValid = false;
    let trusted = false;
    let certValidAtSigning = false;
    let timestampValid: boolean | null = null;
    let timestampTime: Date | null = null;
    let signerInfoOut: CertificateInfo | null = null;
    let certificates: CertificateInfo[] = [];
    if (contents) {
      try {
        const asn = asn1js.fromBER(ab(contents));
        if (asn.offset === -1) throw new Error('not BER');
        const ci = new pkijs.ContentInfo({ schema: asn.result });
        if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
        const sd = new pkijs.SignedData({ schema: ci.content });
        cmsReadable = true;
        const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
        certificates = certs.map((c) => certificateInfo(new Uint8Array(c.toSchema().toBER(false))));
        const si = sd.signerInfos[0]!;
        const checked = await checkSignerInfo(sd, signed);
        digestMatches = checked.digestMatches;
        signatureValid = checked.signatureValid;
        const signerCert = checked.signerCert;
        if (signerCert) {
          signerInfoOut = certificateInfo(new Uint8Array(signerCert.toSchema().toBER(false)));
          const ts = await checkTimestamp(si);
          if (ts.present) {
            timestampValid = ts.valid;
            timestampTime = ts.valid ? ts.time : null;
          }
          const at = timestampTime ?? claimedTime ?? o.now();
          certValidAtSigning = signerCert.notBefore.value <= at && at <= signerCert.notAfter.value;
          trusted = await chainTrusted(certs, signerCert, anchors, at);
        }
      } catch {
        // Unreadable CMS (or a malformed part of it): the facts gathered so far stand, the rest stay false.
      }
    }
    const verdict = signatureVerdict({ subFilter, cmsReadable, byteRangeValid, coversRevisionEnd: coversRevision, digestMatches, signatureValid, chainTrusted: trusted, certValidAtSigning, timestampValid });
    const signingTime = timestampTime ?? claimedTime;
    reports.push({
      fieldName: raw.fieldName,
      subFilter,
      reason: str(d, 'Reason'),
      location: str(d, 'Location'),
      claimedTime: claimedTime?.toISOString() ?? null,
      timestampTime: timestampTime?.toISOString() ?? null,
      signingTime: signingTime?.toISOString() ?? null,
      byteRange: br,
      coversRevision,
      coversWholeDocument,
      revisionsAfter,
      signaturesAfter,
      intact: verdict.intact,
      chainTrusted: trusted,
      status: verdict.status,
      problems: verdict.problems,
      signer: signerInfoOut,
      certificates,
    });
  }
  // In file order: the first signed revision first.
  reports.sort((x, y) => (x.byteRange?.[2] ?? 0) + (x.byteRange?.[3] ?? 0) - ((y.byteRange?.[2] ?? 0) + (y.byteRange?.[3] ?? 0)));
  return { status: documentVerdict(reports.map((r) => r.status)), revisions: ends.length, signatures: reports };
}

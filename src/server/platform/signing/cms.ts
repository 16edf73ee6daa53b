/**
 * The CMS (RFC 5652) SignedData of a PAdES signature, built with pkijs — no hand-written DER. CAdES baseline
 * attributes (ETSI EN 319 122-1 as PAdES-B-B uses it): content-type, message-digest and ESS signing-certificate-v2
 * signed; no signing-time attribute (PAdES keeps the claimed time in the signature dictionary's /M); with a
 * timestamp authority, the RFC 3161 token over the signature value as the unsigned signature-time-stamp (B-T).
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from './signer.ts';
import type { TimestampAuthority } from './timestamp.ts';
import { AppError } from '../http/errors.ts';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'] }));

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
} as const;

const sha256 = (b: Uint8Array | ArrayBuffer) => new Uint8Array(createHash('sha256').update(new Uint8Array(b)).digest());
const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(ab(der));
}

/** ESS SigningCertificateV2 (RFC 5035): the SHA-256 of the signing certificate and its issuer and serial. */
function signingCertificateV2(certDer: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      cert.serialNumber,
    ],
  });
  // ESSCertIDv2 with the default hash algorithm (SHA-256) omitted, as DER requires.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(sha256(certDer)) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** Builds the DER ContentInfo of a detached CAdES signature of `content` (the PDF's signed byte ranges). */
export async function cadesDetached(content: Uint8Array, signer: Signer, tsa?: TimestampAuthority | null): Promise<Uint8Array> {
  const cert = parseCertificate(signer.certificate);
  const chain = signer.certificateChain.map(parseCertificate);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(sha256(content)) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer.certificate, cert)] }),
    ],
  });
  // The signature covers the DER of the attributes as a SET (RFC 5652 §5.4), not as the [0] IMPLICIT field.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned, 'SHA-256');
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      signer.keyType === 'EC' ? { algorithmId: OID.ecdsaWithSHA256 } : { algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() },
    ),
    signature: new asn1js.OctetString({ valueHex: ab(signature) }),
  });
  if (tsa) {
    let token: Uint8Array;
    try {
      token = await tsa.timestamp(sha256(signature), 'SHA-256');
    } catch (e) {
      throw new AppError('TIMESTAMP_FAILED', { reason: (e instanceof Error ? e.message : String(e)).slice(0, 200) });
    }
    const tokenAsn = asn1js.fromBER(ab(token));
    if (tokenAsn.offset === -1) throw new AppError('TIMESTAMP_FAILED', { reason: 'the token is not DER' });
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.timeStampToken, values: [tokenAsn.result] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    certificates: [cert, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/**
 * RFC 3161 timestamps. `TimestampAuthority` is what signing needs (a token for a digest); `httpTimestampAuthority`
 * asks a TSA over HTTP (libpdf's client: TimeStampReq with a nonce, certReq, status check). `startLocalTsa` is a
 * real RFC 3161 responder built with pkijs (TimeStampReq → TSTInfo → SignedData → TimeStampResp) for the tests and
 * the demo; production points SIGNING_TSA_URL at a licensed CA's TSA.
 */
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { HttpTimestampAuthority } from '@libpdf/core';
import { OID, parseCertificate } from './cms.ts';

export interface TimestampAuthority {
  /** The DER TimeStampToken (a CMS ContentInfo) for `digest`. */
  timestamp(digest: Uint8Array, algorithm: 'SHA-256'): Promise<Uint8Array>;
}

export function httpTimestampAuthority(url: string, timeoutMs = 15_000): TimestampAuthority {
  return new HttpTimestampAuthority(url, { timeout: timeoutMs });
}

const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export interface LocalTsaOptions {
  /** DER of the TSA certificate (extended key usage timeStamping, critical). */
  certificate: Uint8Array;
  chain?: Uint8Array[];
  /** PKCS#8 DER of the TSA's RSA key. */
  privateKeyPkcs8: Uint8Array;
  now: () => Date;
  /** The TSA policy OID put in every token. */
  policy?: string;
}

/** Builds the DER TimeStampResp for a DER TimeStampReq (granted, or rejected with badDataFormat/badAlg). */
export async function respondToTimestampRequest(reqDer: Uint8Array, o: LocalTsaOptions): Promise<Uint8Array> {
  const reject = (failBit: number) =>
    new Uint8Array(new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: 2, failInfo: new asn1js.BitString({ valueHex: new Uint8Array([1 << (7 - failBit)]).buffer, unusedBits: 7 - failBit }) }),
    }).toSchema().toBER(false));
  let req: pkijs.TimeStampReq;
  try {
    req = pkijs.TimeStampReq.fromBER(ab(reqDer));
  } catch {
    return reject(5); // badDataFormat
  }
  if (req.messageImprint.hashAlgorithm.algorithmId !== OID.sha256 || req.messageImprint.hashedMessage.valueBlock.valueHexView.byteLength !== 32) return reject(0); // badAlg
  const cert = parseCertificate(o.certificate);
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: o.policy ?? '1.3.6.1.4.1.311.3.2.1.99',
    messageImprint: req.messageImprint,
    serialNumber: new asn1js.Integer({ valueHex: ab(new Uint8Array([0x01, ...randomBytes(15)])) }),
    genTime: new Date(Math.floor(o.now().getTime() / 1000) * 1000),
    ordering: false,
    ...(req.nonce ? { nonce: req.nonce } : {}),
  });
  const tstDer = new Uint8Array(tstInfo.toSchema().toBER(false));
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(new Uint8Array(createHash('sha256').update(o.certificate).digest())) })] });
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: ab(tstDer) }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }),
            new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(new Uint8Array(createHash('sha256').update(tstDer).digest())) })] }),
            new pkijs.Attribute({ type: OID.signingCertificateV2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })] }),
          ],
        }),
      }),
    ],
    certificates: req.certReq ? [cert, ...(o.chain ?? []).map(parseCertificate)] : undefined,
  });
  const key = await webcrypto.subtle.importKey('pkcs8', ab(o.privateKeyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  await signedData.sign(key as unknown as Parameters<pkijs.SignedData['sign']>[0], 0, 'SHA-256');
  const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  const resp = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token });
  return new Uint8Array(resp.toSchema().toBER(false));
}

/** Starts the local RFC 3161 responder on 127.0.0.1 (a random port unless given); POST application/timestamp-query. */
export async function startLocalTsa(o: LocalTsaOptions & { port?: number }): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 64 * 1024) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      count += 1;
      respondToTimestampRequest(new Uint8Array(Buffer.concat(chunks)), o).then(
        (body) => res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': body.length }).end(Buffer.from(body)),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The `Signer` interface: where a signature's key lives. motcua never needs the private key itself, only a
 * certificate and a function that signs bytes — so a PKCS#12 file (software token, now), a USB token (PKCS#11) or
 * a remote signing service (the CA's "ký số từ xa") all fit the same interface. See README.md in this folder.
 */
import { P12Signer as LibP12Signer, SignerError } from '@libpdf/core';
import { X509Certificate } from 'node:crypto';
import { AppError } from '../http/errors.ts';

export type DigestAlgorithm = 'SHA-256';
export type KeyType = 'RSA' | 'EC';
export type SignatureAlgorithm = 'RSASSA-PKCS1-v1_5' | 'ECDSA';

export interface Signer {
  /** DER of the signing certificate. */
  readonly certificate: Uint8Array;
  /** DER of the issuing certificates, nearest first (may stop before the root). Embedded in the signature. */
  readonly certificateChain: readonly Uint8Array[];
  readonly keyType: KeyType;
  readonly signatureAlgorithm: SignatureAlgorithm;
  /**
   * Signs `data` (the DER of the CMS signed attributes, a few hundred bytes): hash it with `digest`, sign the hash.
   * RSA: the PKCS#1 v1.5 signature; ECDSA: the DER `SEQUENCE { r, s }`. A hardware token or remote service that
   * signs a hash receives SHA-256(data).
   */
  sign(data: Uint8Array, digest: DigestAlgorithm): Promise<Uint8Array>;
}

/** A signer from a PKCS#12 (.p12/.pfx) file and its password: a software token. */
export async function pkcs12Signer(p12: Uint8Array, password: string): Promise<Signer> {
  let s: LibP12Signer;
  try {
    s = await LibP12Signer.create(p12, password);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|mac|integrity/i.test(msg)) throw new AppError('SIGNER_PASSWORD_WRONG');
    throw new AppError('SIGNER_INVALID', { reason: msg.slice(0, 200) });
  }
  if (s.signatureAlgorithm === 'RSA-PSS') throw new AppError('SIGNER_INVALID', { reason: 'RSA-PSS keys are not supported' });
  return {
    certificate: s.certificate,
    certificateChain: s.certificateChain ?? [],
    keyType: s.keyType,
    signatureAlgorithm: s.signatureAlgorithm,
    async sign(data, digest) {
      try {
        return await s.sign(data, digest);
      } catch (e) {
        if (e instanceof SignerError) throw new AppError('SIGNER_INVALID', { reason: e.message });
        throw e;
      }
    },
  };
}

/** Refuses a signer whose certificate is outside its validity at `at` (signing with it would make an invalid signature). */
export function assertUsableAt(signer: Signer, at: Date): void {
  const c = new X509Certificate(signer.certificate);
  const from = new Date(c.validFrom);
  const to = new Date(c.validTo);
  if (at < from || at > to) throw new AppError('SIGNER_INVALID', { reason: `certificate valid ${from.toISOString()}–${to.toISOString()}, not at ${at.toISOString()}` });
}

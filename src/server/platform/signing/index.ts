/** The signing platform: see README.md in this folder. */
export { pkcs12Signer, assertUsableAt, type Signer, type DigestAlgorithm, type KeyType, type SignatureAlgorithm } from './signer.ts';
export { signPdf, loadPdf, type SignPdfOptions } from './sign.ts';
export { verifyPdf, certificateInfo, revisionEnds, type VerificationReport, type SignatureReport, type CertificateInfo, type VerifyOptions } from './verify.ts';
export { httpTimestampAuthority, startLocalTsa, respondToTimestampRequest, type TimestampAuthority, type LocalTsaOptions } from './timestamp.ts';
export { ensureDemoPki, pemCertificates, DEMO_SIGNERS, CA_FILE, PKI_MANIFEST, type PkiManifest, type PkiSignerEntry, type DemoSignerSpec } from './pki.ts';
export { renderAppearancePdf, type AppearanceImages } from './appearance-pdf.ts';

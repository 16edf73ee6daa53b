/** The shape of POST /api/(public/)signatures/verify, for the web apps (types only). */
export interface CertificateView {
  subject: string;
  commonName: string | null;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  sha256Fingerprint: string;
}
export interface LabelView {
  vi: string;
  en: string;
}
export interface SignatureView {
  fieldName: string | null;
  subFilter: string | null;
  reason: string | null;
  location: string | null;
  claimedTime: string | null;
  timestampTime: string | null;
  signingTime: string | null;
  coversRevision: boolean;
  coversWholeDocument: boolean;
  revisionsAfter: number;
  signaturesAfter: number;
  intact: boolean;
  chainTrusted: boolean;
  status: 'valid' | 'untrusted' | 'invalid';
  statusLabel: LabelView;
  problems: { code: string; label: LabelView }[];
  signer: CertificateView | null;
}
export interface VerificationView {
  fileName: string | null;
  size: number;
  sha256: string;
  status: 'unsigned' | 'valid' | 'untrusted' | 'invalid';
  statusLabel: LabelView;
  revisions: number;
  signatures: SignatureView[];
}

import { z } from 'zod';

const Certificate = z.object({
  subject: z.string(),
  commonName: z.string().nullable(),
  issuer: z.string(),
  serialNumber: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  sha256Fingerprint: z.string(),
});

const Label = z.object({ vi: z.string(), en: z.string() });

export const SignatureOut = z.object({
  fieldName: z.string().nullable(),
  subFilter: z.string().nullable(),
  reason: z.string().nullable(),
  location: z.string().nullable(),
  claimedTime: z.string().nullable().describe('the time the signer claims (/M), ISO'),
  timestampTime: z.string().nullable().describe('the RFC 3161 timestamp time, ISO, when valid'),
  signingTime: z.string().nullable(),
  byteRange: z.array(z.number()).nullable(),
  coversRevision: z.boolean().describe('the signed range ends at the end of a revision of the file'),
  coversWholeDocument: z.boolean().describe('nothing was added to the file after this signature'),
  revisionsAfter: z.number(),
  signaturesAfter: z.number(),
  intact: z.boolean().describe('the signed bytes are unchanged and the signature verifies with the certificate'),
  chainTrusted: z.boolean(),
  status: z.enum(['valid', 'untrusted', 'invalid']),
  statusLabel: Label,
  problems: z.array(z.object({ code: z.string(), label: Label })),
  signer: Certificate.nullable(),
  certificates: z.array(Certificate),
});

export const VerificationOut = z.object({
  fileName: z.string().nullable(),
  size: z.number(),
  sha256: z.string(),
  status: z.enum(['unsigned', 'valid', 'untrusted', 'invalid']),
  statusLabel: Label,
  revisions: z.number(),
  signatures: z.array(SignatureOut),
});

export const SignerOut = z.object({
  id: z.string(),
  kind: z.enum(['person', 'agency']),
  agencyCode: z.string(),
  agencyName: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  /** A person's key: the staff account it belongs to. */
  username: z.string().nullable(),
  certificate: Certificate,
});

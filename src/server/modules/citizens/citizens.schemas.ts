import { z } from 'zod';
import { ApplicantSchema, Sha256 } from '../dossiers/dossiers.schemas.ts';

export const OtpBody = z.object({ contact: z.string().trim().min(3).max(254).describe('E-mail address or Vietnamese mobile number') });
export const LoginBody = z.object({ contact: z.string().trim().min(3).max(254), code: z.string().trim().regex(/^\d{6}$/, 'the 6-digit code') });
export const CitizenOut = z.object({ id: z.string().uuid(), contact: z.string(), fullName: z.string(), eidVerified: z.boolean() });

export const CitizenDocumentInput = z.object({
  componentCode: z.string().max(100).nullable().optional(),
  componentName: z.string().max(1000).nullable().optional(),
  sha256: Sha256,
  fileName: z.string().trim().min(1).max(255),
  fromCitizenStore: z.boolean().optional(),
  reused: z.boolean().optional().describe('The file was uploaded earlier (GET /api/citizen/documents) and attached again'),
});

export const ApplyBody = z.object({
  agencyId: z.string().uuid(),
  procedureCode: z.string().trim().min(1).max(50),
  applicant: ApplicantSchema,
  formData: z.record(z.string(), z.unknown()).default({}),
  documents: z.array(CitizenDocumentInput).max(50).default([]),
  resultMethod: z.enum(['online', 'desk', 'postal']),
  postalAddress: z.string().trim().min(5).max(500).optional(),
});

export const SupplyBody = z.object({
  version: z.number().int().min(1),
  documents: z.array(CitizenDocumentInput).max(50).default([]),
  note: z.string().trim().min(1).max(2000).optional(),
});

/** The rating from the citizen account: the same fields as every channel. */
export { RatingFields as RatingBody } from '../ratings/ratings.schemas.ts';

const iso = z.string().nullable();

export const CitizenDossierSummary = z.object({
  id: z.string().uuid(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number(),
  submittedAt: iso,
  dueAt: iso,
  finishedAt: iso,
  feeTotal: z.number(),
  paidTotal: z.number(),
});

export const CitizenDossierOut = z.object({
  id: z.string().uuid(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  channel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number(),
  trackingSecret: z.string(),
  applicant: z.record(z.string(), z.unknown()),
  resultMethod: z.string().nullable(),
  submittedAt: iso,
  receivedAt: iso,
  appointmentAt: iso.describe('The appointment date for the result (Vietnam time)'),
  finishedAt: iso,
  returnedAt: iso,
  feeTotal: z.number(),
  paidTotal: z.number(),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), label: z.string(), state: z.string() })),
  delivery: z.object({ trackingNumber: z.string(), sentAt: z.string(), address: z.string().nullable(), status: z.object({ code: z.string(), label: z.string(), at: z.string(), location: z.string().nullable() }).nullable() }).nullable().describe('A result sent by post: parcel number, hand-over time, the address it was sent to'),
  supplementRequest: z.object({ requestedAt: z.string(), missingItems: z.array(z.string()), note: z.string().nullable() }).nullable(),
  apology: z.object({ sentAt: z.string(), reasons: z.array(z.string()), newAppointmentAt: z.string().nullable() }).nullable(),
  refusal: z.object({ at: z.string(), reasons: z.array(z.string()) }).nullable(),
  documents: z.array(z.object({ id: z.string(), kind: z.string(), componentName: z.string().nullable(), fileName: z.string().nullable(), uploadedAt: z.string() })),
  results: z.array(z.object({
    id: z.string(),
    fileName: z.string().nullable(),
    mime: z.string().nullable(),
    size: z.number().nullable(),
    /** The file's digital signatures as a verifier sees them (null: not a PDF); `status` 'unsigned' when it has none. */
    signature: z.object({
      status: z.enum(['unsigned', 'valid', 'untrusted', 'invalid']),
      statusLabel: z.object({ vi: z.string(), en: z.string() }),
      signers: z.array(z.object({ name: z.string().nullable(), signedAt: z.string().nullable(), status: z.enum(['valid', 'untrusted', 'invalid']) })),
    }).nullable(),
  })),
  rating: z.object({ rating: z.string(), reasons: z.array(z.string()), comment: z.string().nullable(), at: z.string() }).nullable(),
  canSupply: z.boolean(),
  canRate: z.boolean(),
  canPay: z.boolean(),
});

import { z } from 'zod';
import { ACTION_NAMES, applicantFieldSchemas, CHANNELS } from '../../../core/dossier/index.ts';

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 (hex) of an uploaded file');

export const ApplicantSchema = z.object({
  fullName: z.string().trim().min(1).max(200),
  idNumber: applicantFieldSchemas.idNumber.optional(),
  phone: applicantFieldSchemas.phone.optional(),
  email: applicantFieldSchemas.email.optional(),
  address: z.string().trim().max(500).optional(),
  organisation: z.string().trim().max(300).optional(),
});

export const DocumentInput = z.object({
  kind: z.enum(['input', 'supplement', 'result', 'other']).default('input'),
  componentCode: z.string().max(100).nullable().default(null),
  componentName: z.string().max(1000).nullable().default(null),
  sha256: Sha256,
  fileName: z.string().trim().min(1).max(255),
  digitised: z.boolean().default(true),
  reused: z.boolean().default(false),
  fromCitizenStore: z.boolean().default(false),
});

export const FeeInput = z.object({ kind: z.enum(['fee', 'charge']), description: z.string().trim().min(1).max(1000), amountVnd: z.number().int().min(0).max(1e12) });

/** Intake at the desk or by post (receive / incomplete / reject), or registering an online submission. */
export const CreateDossierBody = z.object({
  agencyId: z.string().uuid().describe('The receiving agency (must publish the procedure)'),
  procedureCode: z.string().trim().min(1).max(50),
  channel: z.enum(CHANNELS),
  action: z.enum(['receive', 'request_intake_supplement', 'reject_intake', 'submit_online']).default('receive'),
  applicant: ApplicantSchema,
  resultMethod: z.enum(['desk', 'online', 'postal']).default('desk'),
  postalHandoverAt: z.string().datetime({ offset: true }).optional().describe('Postal submissions: the hand-over time counts as receipt'),
  eidAuthenticated: z.boolean().default(false),
  documents: z.array(DocumentInput).max(100).default([]),
  fees: z.array(FeeInput).max(20).default([]),
  input: z.record(z.string(), z.unknown()).default({}).describe('Action input, e.g. {missingItems:[…]} or {reasons:[…]}'),
});

export const ActionBody = z.object({
  action: z.enum(ACTION_NAMES),
  version: z.number().int().min(1).describe('The dossier version the officer saw (optimistic concurrency)'),
  input: z.record(z.string(), z.unknown()).default({}),
  documents: z.array(DocumentInput).max(100).default([]),
});

export const PreviewBody = z.object({
  action: z.enum(ACTION_NAMES),
  input: z.record(z.string(), z.unknown()).default({}),
});

export const PreviewOut = z.object({
  allowed: z.boolean().describe('false: the action would be refused (code says why)'),
  code: z.string().nullable(),
  message: z.string().nullable(),
  consequences: z.array(z.object({ code: z.enum(['SUPPLEMENT_REQUEST_LATE', 'INDEX_COUNTS_LATE']), message: z.string(), messageEn: z.string() })),
  requiresConfirmation: z.boolean().describe('true: send the action with input.confirm = true once the officer has confirmed'),
  outcome: z
    .object({
      state: z.string(),
      stateLabel: z.string(),
      clock: z.enum(['start', 'pause', 'restart', 'reappoint', 'finish', 'none']).describe('What the action does to the processing clock'),
      dueAt: z.string().nullable().describe('The appointment after the action (Vietnam time, ISO); null = none (paused, no time limit)'),
      dueChanged: z.boolean(),
      slip: z.string().nullable().describe('The slip the action produces (receipt, supplement request, apology…)'),
      notifiesApplicant: z.boolean().describe('The applicant is sent a notice (e-mail/SMS) by this action'),
    })
    .nullable()
    .describe('What the action would do (null when it would be refused): the same decision the action then takes'),
});

const iso = z.string().nullable();

export const DossierOut = z.object({
  id: z.string().uuid(),
  code: z.string().nullable(),
  procedureId: z.string().uuid(),
  procedureCode: z.string(),
  procedureName: z.string(),
  receivingAgencyId: z.string().uuid(),
  handlingAgencyId: z.string().uuid(),
  channel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number(),
  applicant: z.record(z.string(), z.unknown()),
  limit: z.any(),
  onestopPolicy: z.string(),
  submittedAt: iso,
  receivedAt: iso,
  clockStartedAt: iso,
  dueAt: iso,
  dueAtLocal: z.string().nullable(),
  originalDueAt: iso,
  finishedAt: iso,
  returnedAt: iso,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  apologiesSent: z.number(),
  supplementRequests: z.number(),
  hasElectronicResult: z.boolean(),
  paperResult: z.boolean(),
  resultMethod: z.string().nullable(),
  feeTotal: z.number(),
  paidTotal: z.number(),
  timing: z.string(),
  allowedActions: z.array(z.string()),
  actionPlan: z
    .array(
      z.object({
        action: z.string(),
        rank: z.enum(['primary', 'secondary']),
        kind: z.enum(['next', 'other', 'record', 'exceptional']),
        confirm: z.boolean().describe('The console asks for a confirmation first (apology, refusal, rejection, withdrawal, stop)'),
      }),
    )
    .describe('The allowed actions ranked: the usual next step first (the one primary); an apology only when the dossier is due soon'),
  waitingFor: z
    .object({ reason: z.string().describe('UI text waiting.<reason>'), role: z.string().describe('The role that can take the next step') })
    .nullable()
    .describe('Set when the caller cannot take the usual next step of an active dossier: why, and who can'),
  pendingAgencies: z
    .array(z.object({ agency: z.string().describe('As sent: an agency id or the name the officer typed'), name: z.string() }))
    .optional()
    .describe('Detail only: the agencies the dossier was transferred to that have not answered yet'),
  trackingSecret: z.string().describe('Printed on the receipt: the applicant’s second factor for public tracking'),
});

export const HistoryOut = z.object({
  seq: z.number(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string(),
  actorName: z.string().nullable(),
  agencyId: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  data: z.any(),
  attachments: z.array(z.string()),
  text: z.string(),
});

export const DocumentOut = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  componentCode: z.string().nullable(),
  componentName: z.string().nullable(),
  fileSha256: z.string().nullable(),
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  size: z.number().nullable(),
  digitised: z.boolean(),
  reused: z.boolean(),
  fromCitizenStore: z.boolean(),
  electronicResult: z.boolean(),
  uploadedAt: z.string(),
});

export const QueueQuerySchema = z.object({
  view: z.enum(['all', 'mine', 'unassigned', 'due_soon', 'overdue', 'waiting_supplement', 'inter_agency', 'awaiting_intake', 'awaiting_approval', 'result_ready']).default('all'),
  agencyId: z.string().uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const SearchQuery = z.object({ q: z.string().trim().min(2).max(200), limit: z.coerce.number().int().min(1).max(100).default(20) });

/** Request and response schemas of /api/documents (the OpenAPI document comes from these). */
import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS, DOCUMENT_KIND_NAMES, DOCUMENT_QUEUES, URGENCY_LEVELS } from '../../../core/documents/index.ts';
import { IsoDate } from '../../platform/http/schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const Version = z.number().int().min(1);
const FileIn = z.object({
  /** The SHA-256 that POST /api/files returned. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: text(255),
});
const UserIds = z.array(z.string().uuid()).max(20);

export const RegisterBody = z.object({
  agencyId: z.string().uuid().optional(),
  numberSymbol: text(100),
  issuedOn: IsoDate,
  senderName: text(300),
  senderAgencyId: z.string().uuid().nullable().optional(),
  kind: z.enum(DOCUMENT_KIND_NAMES),
  urgency: z.enum(URGENCY_LEVELS).default('normal'),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('normal'),
  summary: text(2000),
  pages: z.number().int().min(1).max(10_000),
  file: FileIn,
  readerIds: UserIds.optional(),
}).refine((b) => b.confidentiality === 'normal' || (b.readerIds?.length ?? 0) > 0, {
  // Nobody but the clerk could see it, so no leader could direct it.
  message: 'a confidential document names at least one reader (the leader who directs it)',
  path: ['readerIds'],
});

export const DraftBody = z.object({
  agencyId: z.string().uuid().optional(),
  kind: z.enum(DOCUMENT_KIND_NAMES),
  subject: text(1000),
  urgency: z.enum(URGENCY_LEVELS).default('normal'),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('normal'),
  unitSymbol: z.string().trim().max(20).regex(/^[\p{L}\d.]*$/u).nullable().optional(),
  file: FileIn,
  inReplyTo: z.string().uuid().nullable().optional(),
  readerIds: UserIds.optional(),
});

export const DirectBody = z.object({ version: Version, direction: text(2000), handlerId: z.string().uuid(), coHandlerIds: UserIds.optional(), workingDays: z.number().int().min(1).max(365) });
export const AssignBody = z.object({ version: Version, handlerId: z.string().uuid(), coHandlerIds: UserIds.optional(), workingDays: z.number().int().min(1).max(365).nullable().optional(), note: z.string().trim().max(2000).nullable().optional() });
export const NoteBody = z.object({ version: Version, note: text(4000) });
export const ReplyBody = z.object({ version: Version, note: text(4000), replyDocumentId: z.string().uuid().nullable().optional() });
export const SubmitBody = z.object({ version: Version, note: z.string().trim().max(2000).nullable().optional() });
export const ReviseBody = z.object({ version: Version, file: FileIn, note: z.string().trim().max(2000).nullable().optional() });
export const CommentBody = z.object({ version: Version, comment: text(4000) });
export const SignBody = z.object({ version: Version, signerId: z.string().trim().min(1).max(100).optional() });
export const VersionBody = z.object({ version: Version });
export const SendBody = z.object({
  version: Version,
  recipients: z.array(z.union([z.object({ agencyId: z.string().uuid() }), z.object({ name: text(300) })])).min(1).max(100),
});

export const ListQuery = z.object({
  queue: z.enum(DOCUMENT_QUEUES).optional(),
  direction: z.enum(['incoming', 'outgoing']).optional(),
  number: z.string().trim().max(100).optional(),
  q: z.string().trim().max(200).optional(),
  sender: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const Label = z.object({ vi: z.string(), en: z.string() });
const Person = z.object({ id: z.string(), name: z.string().nullable() });

export const DocumentOut = z.looseObject({
  id: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  direction: z.enum(['incoming', 'outgoing']),
  state: z.string(),
  stateLabel: Label,
  version: z.number(),
  kind: z.string(),
  summary: z.string(),
  numberSymbol: z.string().nullable(),
  registerNo: z.number().nullable(),
  handler: Person.nullable(),
  dueAt: z.string().nullable(),
  timing: z.enum(['in_time', 'due_soon', 'overdue']).nullable(),
  files: z.array(z.object({ versionNo: z.number(), kind: z.string(), fileName: z.string(), mime: z.string(), sha256: z.string(), at: z.string() })),
  allowedActions: z.array(z.string()),
});

export const DocumentListItem = z.looseObject({
  id: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  state: z.string(),
  stateLabel: Label,
  version: z.number(),
  summary: z.string(),
  numberSymbol: z.string().nullable(),
  registerNo: z.number().nullable(),
  senderName: z.string().nullable(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
});

export const HistoryOut = z.object({
  seq: z.number(),
  action: z.string(),
  actionLabel: Label,
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: Person.nullable(),
  actorRole: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const SendOut = z.object({
  document: DocumentOut,
  received: z.array(z.object({ agencyId: z.string(), documentId: z.string() })),
  packages: z.array(z.object({ name: z.string(), packageId: z.string(), downloadCode: z.string(), url: z.string() })),
});

export const WorkFileBody = z.object({
  agencyId: z.string().uuid().optional(),
  code: z.string().trim().min(1).max(40),
  title: text(500),
  /** Years to keep; null = permanently. */
  retentionYears: z.number().int().min(1).max(100).nullable(),
});

export const WorkFileOut = z.looseObject({
  id: z.string(),
  agencyId: z.string(),
  code: z.string(),
  title: z.string(),
  retentionYears: z.number().nullable(),
  state: z.enum(['open', 'closed', 'archived']),
  version: z.number(),
});

const Rate = z.number().nullable();
export const RatesOut = z.object({
  agency: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  registered: z.number(),
  directedInSoftware: z.number(),
  directedRate: Rate,
  processedInSoftware: z.number(),
  processedRate: Rate,
  sent: z.number(),
  signedDigitally: z.number(),
  signedRate: Rate,
  finished: z.number(),
  averageProcessingDays: Rate,
  overdueOpen: z.number(),
  finishedLate: z.number(),
});

import { z } from 'zod';

export const ProcedureListQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  field: z.string().trim().max(200).optional(),
  level: z.enum(['commune', 'province', 'ministry', 'other']).optional(),
  structured: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  after: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ProcedureSummary = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  fieldName: z.string().nullable(),
  levels: z.array(z.string()),
  onlineLevel: z.string(),
  structured: z.boolean(),
  source: z.string(),
  ministry: z.string().nullable(),
  reviewState: z.string().describe('not_needed: structured national record; pending: parsed, a low-confidence field unreviewed; confident: parsed, every field high; reviewed'),
});

export const ProcedureDetail = ProcedureSummary.extend({ version: z.number(), record: z.any().describe('core/catalog ProcedureRecord') });

export const WorkflowStepSchema = z.object({
  order: z.number().int().min(1),
  name: z.string().trim().min(1).max(300),
  role: z.enum(['desk_officer', 'specialist', 'leader']),
  departmentHint: z.string().max(300).nullable(),
  allotmentHalfDays: z.number().min(0).max(2000),
  agency: z.string().max(300).nullable(),
  parallelGroup: z.number().int().nullable(),
});

export const WorkflowOut = z.object({
  id: z.string().uuid(),
  publicationId: z.string().uuid(),
  version: z.number(),
  channel: z.string(),
  legalLimit: z.any(),
  steps: z.array(WorkflowStepSchema),
  agencyOrder: z.string(),
  createdAt: z.string(),
});

export const WorkflowBody = z.object({ steps: z.array(WorkflowStepSchema).min(1).max(50), agencyOrder: z.enum(['sequential', 'parallel']).default('sequential') });

export const PublishBody = z.object({ procedureCode: z.string().trim().min(1).max(50), decisionNo: z.string().trim().max(100).nullable().default(null) });

export const PublicationOut = z.object({
  id: z.string().uuid(),
  agencyId: z.string().uuid(),
  procedureId: z.string().uuid(),
  active: z.boolean(),
  decisionNo: z.string().nullable(),
  currentWorkflowId: z.string().uuid().nullable(),
});

export const ImportBody = z.object({ records: z.array(z.unknown()).min(1).max(500) });

// ------------------------------------------------------------------------------------------------- review

const LimitSchema = z.object({ amount: z.number().min(0).max(3650), unit: z.enum(['working_days', 'days', 'hours', 'same_day']) });
const FeeSchema = z.object({ kind: z.enum(['fee', 'charge']), amountVnd: z.number().int().min(0).max(1_000_000_000), description: z.string().max(4000) });
const ChannelSchema = z.object({
  channel: z.enum(['desk', 'online', 'postal']),
  limit: LimitSchema.nullable(),
  limitSource: z.enum(['record', 'text', 'review']).optional(),
  limitQuote: z.string().max(2000).nullable().optional(),
  conditionalLimits: z.array(z.object({ condition: z.string().trim().min(1).max(300), limit: LimitSchema })).max(10).default([]),
  rawTime: z.object({ value: z.number(), unit: z.string().max(30) }),
  stages: z.array(z.number().min(0)).max(20),
  fees: z.array(FeeSchema).max(20),
  description: z.string().max(20000),
});
const ComponentSchema = z.object({
  code: z.string().max(100).nullable(),
  name: z.string().trim().min(1).max(5000),
  caseName: z.string().max(1000).nullable(),
  required: z.boolean(),
  originalCount: z.number().int().min(0).max(100),
  copyCount: z.number().int().min(0).max(100),
  hasEForm: z.boolean(),
  forms: z.array(z.object({ fileName: z.string().max(500), ref: z.string().max(2000) })).max(20),
});
const CodedNameSchema = z.object({ code: z.string().max(200).nullable(), name: z.string().trim().min(1).max(5000) });

export const ReviewBody = z.object({
  version: z.number().int().min(1).describe('The version the reviewer saw (409 PROCEDURE_VERSION_CONFLICT when it changed)'),
  corrections: z
    .object({
      channels: z.array(ChannelSchema).max(3).optional(),
      components: z.array(ComponentSchema).max(200).optional(),
      notes: z.array(z.object({ caseName: z.string().max(1000).nullable(), text: z.string().trim().min(1).max(10000) })).max(200).optional(),
      results: z.array(CodedNameSchema).max(50).optional(),
      legalBasis: z.array(CodedNameSchema).max(200).optional(),
      executing: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
      onlineLevel: z.enum(['full', 'partial', 'none']).optional(),
    })
    .default({})
    .describe('Corrected fields; a field left out is confirmed as the parser read it'),
  note: z.string().trim().max(2000).nullable().default(null),
});

export const ReviewQueueQuery = z.object({
  state: z.enum(['pending', 'confident', 'reviewed']).optional(),
  level: z.enum(['commune', 'province', 'ministry', 'other']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  after: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ReviewQueueItem = z.object({
  code: z.string(),
  name: z.string(),
  fieldName: z.string().nullable(),
  levels: z.array(z.string()),
  reviewState: z.string(),
  version: z.number(),
  lowFields: z.array(z.string()).describe('Fields the parser read with low confidence'),
});

export const VersionOut = z.object({
  version: z.number(),
  reviewState: z.string(),
  origin: z.enum(['import_national', 'import_index', 'review']),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  note: z.string().nullable(),
  review: z.any().describe('core/catalog ReviewStamp, on reviewed versions'),
});

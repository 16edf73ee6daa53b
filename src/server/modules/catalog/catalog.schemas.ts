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

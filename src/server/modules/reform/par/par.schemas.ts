/** Zod schemas of the PAR routes (validation at the edge; OpenAPI from the same schemas). */
import { z } from 'zod';

const Uuid = z.string().uuid();
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Version = z.number().int().min(1);
/** Points as entered: a number with at most two decimals (checked again in the core). */
const Points = z.number().finite();

export const IdParams = z.object({ id: Uuid });
export const UnitParams = z.object({ id: Uuid, agencyId: Uuid });
export const NodeParams = z.object({ id: Uuid, agencyId: Uuid, code: z.string().trim().min(1).max(40) });
export const EvidenceParams = z.object({ id: Uuid, agencyId: Uuid, evidenceId: Uuid });
export const AppraiserParams = z.object({ id: Uuid, appraiserId: Uuid });

export const SetUpdateBody = z.object({ version: Version, document: z.unknown() });
export const CopySetBody = z.object({ year: z.number().int().min(2000).max(2100), code: z.string().trim().min(1).max(60).optional() });

/** A deadline either as a date or as a number of working days from the opening day (stored calendar). */
const Deadline = z.union([z.object({ date: LocalDate }), z.object({ workingDays: z.number().int().min(1).max(250) })]);

export const OpenRoundBody = z.object({
  setId: Uuid,
  title: z.string().trim().min(1).max(300).optional(),
  agencyIds: z.array(Uuid).min(1).max(2000),
  surveyRun: z.boolean().default(true),
  period: z.object({ from: LocalDate, to: LocalDate }).optional(),
  selfDeadline: Deadline,
  appraisalDeadline: Deadline,
});

/** The phase a lock concerns: the self-assessment (default, as before) or the appraisal (appraisers and the unit's answers). */
const LockPhase = z.enum(['self', 'appraisal']).default('self');
export const UnlockBody = z.object({ workingDays: z.number().int().min(1).max(60).default(3), reason: z.string().trim().min(1).max(2000), phase: LockPhase });
export const ReasonBody = z.object({ version: Version, reason: z.string().trim().min(1).max(2000) });
export const VersionBody = z.object({ version: Version });
export const RelockBody = z.object({ reason: z.string().trim().min(1).max(2000), phase: LockPhase });
export const RemoveAppraiserBody = z.object({ reason: z.string().trim().min(1).max(2000) });

export const AssignBody = z
  .object({ userId: Uuid, agencyId: Uuid.optional(), areaCode: z.string().trim().min(1).max(40).optional() })
  .refine((b) => b.agencyId || b.areaCode, { message: 'agencyId or areaCode is required' });

export const Answer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('option'), key: z.string().trim().min(1) }),
  z.object({ kind: z.literal('value'), value: z.number().finite().min(0) }),
  z.object({ kind: z.literal('yesno'), yes: z.boolean() }),
  z.object({ kind: z.literal('points'), points: Points }),
]);

export const SaveNodeBody = z.object({
  /** The node's assessment version (absent for the first save). */
  version: Version.optional(),
  answer: Answer.nullish(),
  explanation: z.string().trim().max(5000).nullish(),
  /** The unit's comment (the only thing it may write on an auto-filled node). */
  comment: z.string().trim().max(5000).nullish(),
});

export const EvidenceBody = z.union([
  z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string().trim().min(1).max(255), pageNote: z.string().trim().min(1).max(500), effectiveDate: LocalDate.optional() }),
  z.object({ documentRef: z.object({ kind: z.enum(['reform_report', 'par_evidence']), id: Uuid }), pageNote: z.string().trim().min(1).max(500), effectiveDate: LocalDate.optional() }),
]);

export const AppraiseBody = z.object({
  /** The node's assessment version as last read (absent when the node has no assessment row yet). */
  version: Version.optional(),
  decision: z.enum(['accept', 'adjust']),
  points: Points.optional(),
  comment: z.string().trim().max(5000).optional(),
});

export const AnswerBody = z.object({ body: z.string().trim().min(1).max(5000) });

export const SurveyBody = z.object({
  agencyId: Uuid,
  nodeCode: z.string().trim().min(1).max(40),
  points: Points.optional(),
  counts: z.array(z.record(z.string().regex(/^[A-Z]$/), z.number().int().min(0))).min(1).optional(),
}).refine((b) => (b.points === undefined) !== (b.counts === undefined), { message: 'give either points or counts' });

/** CSV text, or an Excel workbook (base64) whose first sheet has the same columns. */
export const SurveyCsvBody = z.union([z.object({ csv: z.string().min(1).max(2_000_000) }), z.object({ xlsxBase64: z.string().min(1).max(14_000_000) })]);

/** Sampling respondents of a unit and group for the survey run in motcua. */
export const SampleBody = z.object({ agencyId: Uuid, group: z.enum(['officials', 'leaders', 'citizens']), count: z.number().int().min(1).max(500) });
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
export const QuestionnaireAnswerBody = z.object({ answers: z.array(z.object({ nodeCode: z.string().trim().min(1).max(40), letter: z.string().regex(/^[A-Z]$/) })).min(1).max(200) });

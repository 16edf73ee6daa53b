export type * from './types.ts';
export { CatalogParseError } from './errors.ts';
export { parseNationalRecord, isFeeBearing } from './national-record.ts';
export { parsePublicIndexEntry, extractTimeHints, type TimeHint } from './public-index.ts';
export {
  defaultWorkflow,
  validateWorkflow,
  legalHalfDays,
  workflowHalfDays,
  type WorkflowStep,
  type WorkflowRole,
  type WorkflowLimit,
  type WorkflowError,
  type WorkflowErrorCode,
  type WorkflowValidation,
} from './workflow.ts';

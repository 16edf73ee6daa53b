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
export { parsePageText, structureIndexRecord, unreviewedLowFields, cleanPageText, PAGE_PARSER_VERSION, COMMUNE_COMMITTEE, type PageParse } from './page-parser.ts';
export { stripFormControls, splitResultSection } from './page-text.ts';
export { timeFromText, channelLimit, type TextTime } from './time-text.ts';
export { splitNotes, isNoteRow } from './notes.ts';
export { applyReview, validateCorrections, limitError, PARSED_FIELD_LABELS, type ReviewCorrections, type ReviewError } from './review.ts';
export { compareRecords, measureParser, accuracyTable, ACCURACY_FIELDS, type AccuracyRow, type AccuracyField } from './parser-accuracy.ts';
export { PARSED_FIELDS } from './types.ts';
export { LIFE_EVENTS, lifeEvent, type LifeEvent } from './life-events.ts';

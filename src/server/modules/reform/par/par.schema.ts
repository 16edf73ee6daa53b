/**
 * Tables of the PAR index (Chỉ số cải cách hành chính), owned by reform/par (re-exported by platform/db/schema.ts).
 * Points are integers in hundredths of a point. `par_history` is append-only (trigger): every change of a score,
 * evidence, comment, submission, lock, unlock, finalisation and publication is one entry (who, when, from, to, why).
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../../platform/db/columns.ts';

/** A criteria set of a year and a unit type (the JSON format of docs/par-criteria-format.md, nodes in par_nodes). */
export const parSets = pgTable(
  'par_sets',
  {
    id: id(),
    code: text('code').notNull(),
    year: integer('year').notNull(),
    unitType: text('unit_type').notNull(),
    title: jsonb('title').notNull(),
    bands: jsonb('bands').notNull(),
    answerWeights: jsonb('answer_weights').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('par_sets_code_year_uq').on(t.code, t.year)],
);

export const parNodes = pgTable(
  'par_nodes',
  {
    id: id(),
    setId: uuid('set_id').notNull(),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    position: integer('position').notNull(),
    title: jsonb('title').notNull(),
    /** Hundredths of a point. */
    max: integer('max').notNull(),
    method: jsonb('method'),
    evidence: text('evidence'),
    evidenceRequired: boolean('evidence_required'),
    appliesTo: jsonb('applies_to'),
    guidance: text('guidance'),
  },
  (t) => [uniqueIndex('par_nodes_set_code_uq').on(t.setId, t.code)],
);

/** A round: a set, a year, its units, the self-assessment and appraisal deadlines. */
export const parRounds = pgTable('par_rounds', {
  id: id(),
  setId: uuid('set_id').notNull(),
  ownerAgencyId: uuid('owner_agency_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  /** open | finalised | published */
  status: text('status').notNull(),
  surveyRun: boolean('survey_run').notNull().default(true),
  /** Live figures of auto-filled nodes are taken over this period (local dates, inclusive). */
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  selfDeadline: text('self_deadline').notNull(),
  appraisalDeadline: text('appraisal_deadline').notNull(),
  /** Appraisal cycle (a reopening starts a new one: the unit may answer each comment once per cycle). */
  cycle: integer('cycle').notNull().default(1),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  finalisedAt: ts('finalised_at'),
  publishedAt: ts('published_at'),
});

export const parRoundUnits = pgTable(
  'par_round_units',
  {
    id: id(),
    roundId: uuid('round_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    /** draft | submitted */
    status: text('status').notNull(),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by'),
    /** An admin's unlock after the self-assessment deadline: editable until the end of this local date. */
    graceUntil: text('grace_until'),
    /** An admin's unlock after the appraisal deadline: appraisal and the unit's answers open until the end of this local date. */
    appraisalGraceUntil: text('appraisal_grace_until'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('par_round_units_uq').on(t.roundId, t.agencyId), index('par_round_units_agency_idx').on(t.agencyId)],
);

/** One node of one unit: its self-assessment, its auto-filled figure, its appraisal. */
export const parAssessments = pgTable(
  'par_assessments',
  {
    id: id(),
    roundUnitId: uuid('round_unit_id').notNull(),
    nodeCode: text('node_code').notNull(),
    selfPoints: integer('self_points'),
    selfAnswer: jsonb('self_answer'),
    explanation: text('explanation'),
    /** Auto-filled nodes: { value, numerator, denominator, metric, query, drill } from motcua's own data. */
    autoFigure: jsonb('auto_figure'),
    unitComment: text('unit_comment'),
    appraisedPoints: integer('appraised_points'),
    /** accepted | adjusted */
    appraisal: text('appraisal'),
    appraiserNote: text('appraiser_note'),
    appraisedBy: uuid('appraised_by'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('par_assessments_uq').on(t.roundUnitId, t.nodeCode)],
);

export const parEvidence = pgTable(
  'par_evidence',
  {
    id: id(),
    roundUnitId: uuid('round_unit_id').notNull(),
    nodeCode: text('node_code').notNull(),
    /** An uploaded file (files.sha256) … */
    fileSha256: text('file_sha256'),
    fileName: text('file_name').notNull(),
    /** … or a document already in motcua chosen from the picker, e.g. { kind: 'reform_report', id }. */
    documentRef: jsonb('document_ref'),
    /** Where in the document the proof is (page, section). */
    pageNote: text('page_note').notNull(),
    effectiveDate: text('effective_date'),
    addedBy: uuid('added_by'),
    addedAt: ts('added_at').notNull(),
    removedAt: ts('removed_at'),
    removedBy: uuid('removed_by'),
  },
  (t) => [index('par_evidence_unit_node_idx').on(t.roundUnitId, t.nodeCode)],
);

/** Appraiser assignments: per unit (agencyId) or per area (areaCode), or both. */
export const parAppraisers = pgTable(
  'par_appraisers',
  {
    id: id(),
    roundId: uuid('round_id').notNull(),
    userId: uuid('user_id').notNull(),
    agencyId: uuid('agency_id'),
    areaCode: text('area_code'),
    createdAt: ts('created_at').notNull(),
    /** Removed by an admin (audited in par_history): the appraiser no longer sees or appraises through it. */
    removedAt: ts('removed_at'),
    removedBy: uuid('removed_by'),
  },
  (t) => [index('par_appraisers_round_user_idx').on(t.roundId, t.userId)],
);

/** Appraisal comments and the unit's answers (once per node and cycle). */
export const parComments = pgTable(
  'par_comments',
  {
    id: id(),
    roundUnitId: uuid('round_unit_id').notNull(),
    nodeCode: text('node_code').notNull(),
    cycle: integer('cycle').notNull(),
    /** appraisal | answer */
    kind: text('kind').notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('par_comments_unit_idx').on(t.roundUnitId, t.nodeCode),
    uniqueIndex('par_comments_one_answer_uq').on(t.roundUnitId, t.nodeCode, t.cycle).where(sql`kind = 'answer'`),
  ],
);

/** Survey results per unit and survey node: points directly, or answer counts per question. */
export const parSurveyResults = pgTable(
  'par_survey_results',
  {
    id: id(),
    roundId: uuid('round_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    nodeCode: text('node_code').notNull(),
    points: integer('points').notNull(),
    /** [{ question, counts: { A, B, C, D } }] when entered as counts. */
    counts: jsonb('counts'),
    enteredBy: uuid('entered_by'),
    enteredAt: ts('entered_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('par_survey_results_uq').on(t.roundId, t.agencyId, t.nodeCode)],
);

/** Append-only history of every change in a round (trigger refuses UPDATE, DELETE, TRUNCATE). */
export const parHistory = pgTable(
  'par_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roundId: uuid('round_id').notNull(),
    agencyId: uuid('agency_id'),
    nodeCode: text('node_code'),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    from: jsonb('from'),
    to: jsonb('to'),
    reason: text('reason'),
    at: ts('at').notNull(),
  },
  (t) => [index('par_history_round_idx').on(t.roundId, t.agencyId, t.id)],
);

/**
 * The survey run in motcua: a sampled respondent of a unit and group, reached by a link (and QR code) whose token is
 * stored only as its SHA-256. `answered_at` is set once, in the transaction that stores the answers.
 */
export const parSurveyRespondents = pgTable(
  'par_survey_respondents',
  {
    id: id(),
    roundId: uuid('round_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    /** officials | leaders | citizens */
    respondentGroup: text('respondent_group').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    answeredAt: ts('answered_at'),
  },
  (t) => [uniqueIndex('par_survey_respondents_token_uq').on(t.tokenHash), index('par_survey_respondents_round_idx').on(t.roundId, t.agencyId)],
);

/** One answer (a letter) per respondent and survey criterion; never changed. */
export const parSurveyAnswers = pgTable(
  'par_survey_answers',
  {
    id: id(),
    respondentId: uuid('respondent_id').notNull(),
    nodeCode: text('node_code').notNull(),
    letter: text('letter').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('par_survey_answers_uq').on(t.respondentId, t.nodeCode)],
);

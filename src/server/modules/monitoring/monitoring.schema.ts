/** Tables owned by `monitoring` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

/**
 * One row per dossier: its classification for the service index (core/service-index dossierFacts), rewritten in
 * the transaction of every change to the dossier. It is what the counters were last fed with, and what the
 * drill-down lists read (which dossiers are late, which lack an electronic result…).
 */
export const indexDossierFacts = pgTable(
  'index_dossier_facts',
  {
    dossierId: uuid('dossier_id').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    counted: boolean('counted').notNull(),
    receivedAt: ts('received_at'),
    finishedAt: ts('finished_at'),
    withdrawnAt: ts('withdrawn_at'),
    lateAt: ts('late_at'),
    appointmentAt: ts('appointment_at'),
    lateReason: text('late_reason'),
    supplementRequests: integer('supplement_requests').notNull(),
    processingSeconds: bigint('processing_seconds', { mode: 'number' }).notNull(),
    online: boolean('online').notNull(),
    onlineCompliant: boolean('online_compliant').notNull(),
    synced: boolean('synced').notNull(),
    digitised: boolean('digitised').notNull(),
    reused: boolean('reused').notNull(),
    citizenStore: boolean('citizen_store').notNull(),
    eid: boolean('eid').notNull(),
    feeBearing: boolean('fee_bearing').notNull(),
    paidOnline: boolean('paid_online').notNull(),
    electronicResult: boolean('electronic_result').notNull(),
    dissatisfied: boolean('dissatisfied').notNull(),
    rulesVersion: text('rules_version').notNull(),
  },
  (t) => [
    index('index_facts_agency_proc_received_idx').on(t.agencyId, t.procedureId, t.receivedAt),
    index('index_facts_agency_proc_finished_idx').on(t.agencyId, t.procedureId, t.finishedAt),
  ],
);

const counter = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * Additive counters per (agency, procedure, grain, bucket): grain 'd' = one local day, 'm' = the month starting on
 * `bucket`. Receipt counters sit on the receipt day, finish counters on the finish day, and the open/late balances
 * are deltas summed over every bucket up to a period end. Maintained incrementally (modules/monitoring
 * index-maintenance.ts) and rebuildable (`motcua index rebuild`).
 */
export const indexCounts = pgTable(
  'index_counts',
  {
    agencyId: uuid('agency_id').notNull(),
    grain: text('grain').notNull(),
    bucket: date('bucket').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    received: counter('received'),
    online: counter('online'),
    onlineCompliant: counter('online_compliant'),
    synced: counter('synced'),
    digitised: counter('digitised'),
    reused: counter('reused'),
    citizenStore: counter('citizen_store'),
    eid: counter('eid'),
    feeBearing: counter('fee_bearing'),
    paidOnline: counter('paid_online'),
    dissatisfied: counter('dissatisfied'),
    finished: counter('finished'),
    finishedOnTime: counter('finished_on_time'),
    finishedOnTimeContent: counter('finished_on_time_content'),
    finishedElectronic: counter('finished_electronic'),
    processingSeconds: counter('processing_seconds'),
    openDelta: counter('open_delta'),
    lateOpenDelta: counter('late_open_delta'),
    contentOpenDelta: counter('content_open_delta'),
    contentLateOpenDelta: counter('content_late_open_delta'),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.grain, t.bucket, t.procedureId] })],
);

/** Scoring profiles added by a province (the built-in ones live in core/service-index/profiles.ts). Never updated. */
export const scoringProfiles = pgTable('scoring_profiles', {
  id: text('id').primaryKey(),
  body: jsonb('body').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});

/** Counts the national portal published for a unit and period, imported for reconciliation. Append-only. */
export const indexReconciliations = pgTable(
  'index_reconciliations',
  {
    id: id(),
    agencyId: uuid('agency_id').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    periodKind: text('period_kind').notNull(),
    profileId: text('profile_id').notNull(),
    metrics: jsonb('metrics').notNull(), // MetricCount[]
    source: text('source').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('index_reconciliations_agency_period_idx').on(t.agencyId, t.periodFrom, t.periodTo, t.createdAt)],
);

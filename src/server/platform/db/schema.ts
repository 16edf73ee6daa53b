/**
 * The database schema, shared by PGlite (embedded) and PostgreSQL. Migrations in ./migrations are
 * generated from the tables re-exported here (each module owns its tables in `<module>.schema.ts`) with `npm run db:generate` (drizzle-kit) plus hand-written SQL for triggers.
 *
 * Scale notes (10 M dossiers, 80 M history rows a year): every request path has an index below; lists use
 * keyset pagination on (sort key, id); history is append-only (trigger in migration 0001) and keyed by
 * (dossier_id, seq).
 */
export * from '../../modules/units/units.schema.ts';
export * from '../../modules/staff/staff.schema.ts';
export * from '../../modules/auth/auth.schema.ts';
export * from '../../modules/catalog/catalog.schema.ts';
export * from '../../modules/calendar/calendar.schema.ts';
export * from '../../modules/dossiers/dossiers.schema.ts';
export * from '../files/files.schema.ts';
export * from '../../modules/payments/payments.schema.ts';
export * from './shared.schema.ts';
export * from '../../modules/citizens/citizens.schema.ts';
export * from '../../modules/notifications/notifications.schema.ts';
export * from '../../modules/feedback/feedback.schema.ts';
export * from '../../modules/monitoring/monitoring.schema.ts';
export * from '../../modules/reform/reform.schema.ts';
export * from '../../modules/reform/par/par.schema.ts';
export * from '../../modules/reform/remediation/remediation.schema.ts';
export * from '../../modules/reform/inspections/inspections.schema.ts';
export * from '../../modules/postal/postal.schema.ts';
export * from '../../modules/documents/documents.schema.ts';

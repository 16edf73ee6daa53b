/** Tables owned by `citizens` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

/**
 * Citizens who sign in on the portal. `contact` is the normalised e-mail or phone the identity provider
 * verified (the one-time-code provider today; a national e-ID / OpenID Connect provider later).
 */
export const citizens = pgTable(
  'citizens',
  {
    id: id(),
    contact: text('contact').notNull(),
    fullName: text('full_name').notNull().default(''),
    idNumber: text('id_number'),
    eidVerified: boolean('eid_verified').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('citizens_contact_uq').on(t.contact)],
);

/** Links a citizen to an external identity (provider + subject), so an e-ID provider can plug in later. */
export const citizenIdentities = pgTable(
  'citizen_identities',
  {
    provider: text('provider').notNull(), // otp | vneid | …
    subject: text('subject').notNull(),
    citizenId: uuid('citizen_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('citizen_identities_citizen_idx').on(t.citizenId)],
);

/** One-time sign-in codes: stored hashed, expire, limited attempts. */
export const citizenOtps = pgTable(
  'citizen_otps',
  {
    id: id(),
    contact: text('contact').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: ts('consumed_at'),
  },
  (t) => [index('citizen_otps_contact_idx').on(t.contact, t.createdAt)],
);

export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    citizenId: uuid('citizen_id').notNull(),
    provider: text('provider').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('citizen_sessions_citizen_idx').on(t.citizenId)],
);

/** Files a citizen uploaded (content in `files`): the citizen's own store, offered again for reuse. */
export const citizenFiles = pgTable(
  'citizen_files',
  {
    citizenId: uuid('citizen_id').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.sha256] }), index('citizen_files_recent_idx').on(t.citizenId, t.uploadedAt)],
);

/**
 * The applicant's rating of a dossier: once per dossier (any channel), append-only (trigger). `channel` says how
 * it was given: `account` (signed-in citizen), `link` (the slip's short link/QR, second factor) or `kiosk` (the
 * desk tablet of `officerId`). The satisfaction indicator reads every channel.
 */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull(),
    citizenId: uuid('citizen_id'),
    agencyId: uuid('agency_id').notNull(),
    channel: text('channel').notNull().default('account'), // account | link | kiosk
    officerId: uuid('officer_id'),
    rating: text('rating').notNull(), // satisfied | neutral | dissatisfied
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    comment: text('comment'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('dossier_ratings_dossier_uq').on(t.dossierId), index('dossier_ratings_agency_idx').on(t.agencyId, t.createdAt)],
);

/** Items a unit must follow up (a dissatisfied rating, …). */
export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    agencyId: uuid('agency_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    kind: text('kind').notNull(), // dissatisfied_rating
    sourceId: uuid('source_id'),
    status: text('status').notNull().default('open'), // open | closed
    summary: text('summary').notNull(),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
    /** The unit's answer to the applicant, given when the item is closed. */
    answer: text('answer'),
    closedBy: uuid('closed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('follow_ups_agency_status_idx').on(t.agencyId, t.status, t.createdAt)],
);

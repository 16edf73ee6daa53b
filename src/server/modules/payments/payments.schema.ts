/** Tables owned by `payments` (re-exported by platform/db/schema.ts for drizzle-kit and the migrations). */
import { bigint, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id } from '../../platform/db/columns.ts';

export const payments = pgTable(
  'payments',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    method: text('method').notNull(), // cash | transfer | online | postal
    paidAt: ts('paid_at').notNull(),
    reference: text('reference'),
    recordedBy: uuid('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('payments_dossier_idx').on(t.dossierId)],
);

/** The bank account each agency collects fees into (VietQR: NAPAS BIN + account number). */
export const agencyAccounts = pgTable('agency_accounts', {
  agencyId: uuid('agency_id').primaryKey(),
  bankBin: text('bank_bin').notNull(),
  bankName: text('bank_name').notNull(),
  accountNumber: text('account_number').notNull(),
  accountName: text('account_name').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** A payment the citizen started (a VietQR code for the outstanding amount). */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: id(),
    reference: text('reference').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    citizenId: uuid('citizen_id'),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    payload: text('payload').notNull(),
    status: text('status').notNull().default('pending'), // pending | paid | flagged (a notice was refused)
    createdAt: ts('created_at').notNull(),
    paidAt: ts('paid_at'),
  },
  (t) => [uniqueIndex('payment_intents_reference_uq').on(t.reference), index('payment_intents_dossier_idx').on(t.dossierId)],
);

/** Payment-provider notifications, one row per provider transaction (idempotency). */
export const paymentEvents = pgTable(
  'payment_events',
  {
    provider: text('provider').notNull(),
    transactionId: text('transaction_id').notNull(),
    reference: text('reference').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    /** recorded (the payment was booked) | amount_mismatch | intent_not_pending (refused: never booked). */
    outcome: text('outcome').notNull().default('recorded'),
    receivedAt: ts('received_at').notNull(),
    body: jsonb('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.transactionId] })],
);

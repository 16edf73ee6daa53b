/** SQL of the payments module: collection accounts, payment intents and provider notices. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { agencyAccounts, agencies, paymentEvents, paymentIntents } from '../../platform/db/schema.ts';

export type AccountRow = typeof agencyAccounts.$inferSelect;
export type IntentRow = typeof paymentIntents.$inferSelect;
export type EventRow = typeof paymentEvents.$inferSelect;

/**
 * The collection account of the agency, or of its nearest ancestor that has one — one query: the ancestors are
 * the ids of the agency's materialised path (units module: `/root/…/agency/`), the deepest account wins.
 */
export async function accountFor(db: DbOrTx, agencyId: string): Promise<AccountRow | null> {
  const res = await db.execute(sql`
    select acc.agency_id, acc.bank_bin, acc.bank_name, acc.account_number, acc.account_name, acc.updated_at
    from ${agencies} a
    cross join lateral unnest(string_to_array(trim(both '/' from a.path), '/')::uuid[]) with ordinality as up(id, depth)
    join ${agencyAccounts} acc on acc.agency_id = up.id
    where a.id = ${agencyId}::uuid
    order by up.depth desc
    limit 1`);
  const r = (res as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!r) return null;
  return { agencyId: r.agency_id as string, bankBin: r.bank_bin as string, bankName: r.bank_name as string, accountNumber: r.account_number as string, accountName: r.account_name as string, updatedAt: new Date(r.updated_at as string) };
}

export async function insertIntent(db: DbOrTx, v: typeof paymentIntents.$inferInsert): Promise<IntentRow> {
  const [row] = await db.insert(paymentIntents).values(v).returning();
  return row!;
}

export async function findIntentByReference(db: DbOrTx, reference: string): Promise<IntentRow | null> {
  const [row] = await db.select().from(paymentIntents).where(eq(paymentIntents.reference, reference)).limit(1);
  return row ?? null;
}

export async function findEvent(db: DbOrTx, provider: string, transactionId: string): Promise<EventRow | null> {
  const [e] = await db.select().from(paymentEvents).where(and(eq(paymentEvents.provider, provider), eq(paymentEvents.transactionId, transactionId))).limit(1);
  return e ?? null;
}

/** Claims a provider transaction id (primary key): a second insert of the same id fails with a unique violation. */
export async function insertEvent(db: DbOrTx, v: typeof paymentEvents.$inferInsert): Promise<void> {
  await db.insert(paymentEvents).values(v);
}

/** Records a notice that was refused (kept, never dropped); a replay of it changes nothing. */
export async function insertRefusedEvent(db: DbOrTx, v: typeof paymentEvents.$inferInsert): Promise<void> {
  await db.insert(paymentEvents).values(v).onConflictDoNothing();
}

export async function markIntentPaid(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(paymentIntents).set({ status: 'paid', paidAt: at }).where(eq(paymentIntents.id, id));
}

/** Flags an unpaid intent whose notice was refused (a clerk must look at the transfer); a paid one stays paid. */
export async function flagIntent(db: DbOrTx, id: string): Promise<void> {
  await db.update(paymentIntents).set({ status: 'flagged' }).where(and(eq(paymentIntents.id, id), eq(paymentIntents.status, 'pending')));
}

/** Provider notices that were refused (amount mismatch, intent already paid) for a dossier: for the clerk. */
export async function refusedEventsOf(db: DbOrTx, dossierId: string): Promise<EventRow[]> {
  return db.select().from(paymentEvents).where(and(eq(paymentEvents.dossierId, dossierId), sql`${paymentEvents.outcome} <> 'recorded'`));
}

/**
 * Fees paid at the desk, by bank transfer or by post (not through the online gateway) for the dossiers an agency received, paid in
 * [from, end): how many, and how many carry no receipt number (reference) or no staff member who recorded them —
 * the receipts motcua cannot show as numbered and signed. Every payment has its date (paid_at is required).
 */
export async function deskReceiptGaps(db: DbOrTx, agencyId: string, from: Date, end: Date): Promise<{ total: number; missing: number }> {
  const res = await db.execute(sql`
    select count(*)::int as total,
           count(*) filter (where coalesce(trim(p.reference), '') = '' or p.recorded_by is null)::int as missing
      from payments p join dossiers d on d.id = p.dossier_id
     where d.receiving_agency_id = ${agencyId} and p.method <> 'online'
       and p.paid_at >= ${from.toISOString()}::timestamptz and p.paid_at < ${end.toISOString()}::timestamptz`);
  const row = (res as unknown as { rows: { total: number; missing: number }[] }).rows[0];
  return { total: Number(row?.total ?? 0), missing: Number(row?.missing ?? 0) };
}

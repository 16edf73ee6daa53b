/**
 * Online payment of a dossier's fees: the citizen gets a VietQR code for the agency's collection account
 * (dossier code as the transfer content); the payment provider confirms through a signed webhook, which
 * records the payment through the dossier action `record_payment` (role system, method online), so the
 * history and paidTotal stay consistent. Idempotent per provider transaction id.
 */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { AppContext } from '../../platform/context.ts';
import * as repo from './payments.repository.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildVietQr } from '../../../core/payments/vietqr.ts';
import type { CitizenAuth } from '../citizens/citizens.service.ts';

const CLOSED = new Set(['returned', 'withdrawn', 'stopped', 'intake_rejected']);
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newReference(): string {
  const bytes = crypto.randomBytes(10);
  return 'MC' + [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** hex(HMAC-SHA256(raw body, secret)), compared in constant time: the platform's one webhook check. */
export { signatureOk } from '../../platform/http/signature.ts';

export interface WebhookBody {
  provider: string;
  transactionId: string;
  reference: string;
  amountVnd: number;
}

export class PaymentsService {
  constructor(private readonly ctx: AppContext) {}

  /** The collection account of the agency, or of its nearest ancestor that has one (one query). */
  async accountFor(agencyId: string) {
    return repo.accountFor(this.ctx.db, agencyId);
  }

  /** Desk fee receipts of an agency's dossiers paid in [from, end) without a receipt number or recorder (reform inspections). */
  async deskReceiptGaps(agencyId: string, from: Date, end: Date) {
    return repo.deskReceiptGaps(this.ctx.db, agencyId, from, end);
  }

  /** Notices refused for a dossier (never booked), for the clerk who reconciles the account. */
  async refusedNotices(dossierId: string) {
    return (await repo.refusedEventsOf(this.ctx.db, dossierId)).map(({ provider, transactionId, reference, amountVnd, outcome, receivedAt }) => ({ provider, transactionId, reference, amountVnd, outcome, receivedAt }));
  }

  async createIntent(c: CitizenAuth, dossierId: string) {
    const d = await this.ctx.services.dossiers.loadOwn(c.citizenId, dossierId);
    const amount = d.feeTotal - d.paidTotal;
    if (amount <= 0 || CLOSED.has(d.state)) throw new AppError('NOTHING_TO_PAY');
    const account = await this.accountFor(d.receivingAgencyId);
    if (!account) throw new AppError('PAYMENT_ACCOUNT_MISSING');
    const reference = newReference();
    const code = d.code ?? reference;
    const payload = buildVietQr({ bin: account.bankBin, accountNumber: account.accountNumber, amountVnd: amount, purpose: code.length <= 25 ? code : reference, reference });
    await repo.insertIntent(this.ctx.db, { reference, dossierId: d.id, citizenId: c.citizenId, amountVnd: amount, payload, createdAt: this.ctx.now() });
    return {
      reference,
      amountVnd: amount,
      dossierCode: d.code,
      account: { bankBin: account.bankBin, bankName: account.bankName, accountNumber: account.accountNumber, accountName: account.accountName },
      vietqr: { payload, dataUrl: await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 320 }) },
    };
  }

  /**
   * A provider's confirmation (signature already checked). Replays of the same transaction change nothing.
   * A notice whose amount differs from the intent's, or a second transaction for an intent already paid, is never booked: it
   * is kept (payment_events, outcome ≠ recorded), the intent is flagged for a clerk, and the provider is told.
   */
  async confirm(body: WebhookBody, raw: unknown): Promise<{ duplicate: boolean; dossierId: string; paidTotal: number }> {
    const intent = await repo.findIntentByReference(this.ctx.db, body.reference);
    if (!intent) throw new AppError('NOT_FOUND', { entity: `payment ${body.reference}` });
    const seen = () => repo.findEvent(this.ctx.db, body.provider, body.transactionId);
    const current = async () => (await this.ctx.services.dossiers.loadAny(intent.dossierId)).paidTotal;
    const refusal = (outcome: string) =>
      outcome === 'amount_mismatch' ? new AppError('PAYMENT_AMOUNT_MISMATCH', { received: body.amountVnd, expected: intent.amountVnd }, { received: body.amountVnd, expected: intent.amountVnd }) : new AppError('PAYMENT_INTENT_NOT_PENDING', {}, { status: intent.status });
    const earlier = await seen();
    if (earlier) {
      if (earlier.outcome !== 'recorded') throw refusal(earlier.outcome);
      return { duplicate: true, dossierId: intent.dossierId, paidTotal: await current() };
    }
    const now = this.ctx.now();
    const event = { provider: body.provider, transactionId: body.transactionId, reference: body.reference, dossierId: intent.dossierId, amountVnd: body.amountVnd, receivedAt: now, body: raw as Record<string, unknown> };
    const outcome = body.amountVnd !== intent.amountVnd ? 'amount_mismatch' : intent.status === 'paid' ? 'intent_not_pending' : 'recorded';
    if (outcome !== 'recorded') {
      await this.ctx.db.transaction(async (tx) => {
        await repo.insertRefusedEvent(tx, { ...event, outcome });
        await repo.flagIntent(tx, intent.id);
      });
      throw refusal(outcome);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const updated = await this.ctx.services.dossiers.actAsSystem(
          intent.dossierId,
          { action: 'record_payment', input: { amount: body.amountVnd, paymentMethod: 'online', reference: `${body.reference} ${body.provider}:${body.transactionId}`.slice(0, 200) }, documents: [] },
          async (tx) => {
            // Claims the transaction id in the same transaction as the payment: a replay racing this one fails here.
            await repo.insertEvent(tx, event);
            await repo.markIntentPaid(tx, intent.id, now);
          },
        );
        return { duplicate: false, dossierId: intent.dossierId, paidTotal: updated.paidTotal };
      } catch (err) {
        const e = err as { code?: string; cause?: { code?: string } };
        if ((e?.code === '23505' || e?.cause?.code === '23505') && (await seen())) return { duplicate: true, dossierId: intent.dossierId, paidTotal: await current() };
        if (err instanceof AppError && err.code === 'VERSION_CONFLICT' && attempt < 3) continue;
        throw err;
      }
    }
  }
}

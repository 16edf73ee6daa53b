/**
 * Online payment of a dossier's fees: the citizen gets a VietQR code for the agency's collection account
 * (dossier code as the transfer content); the payment provider confirms through a signed webhook, which
 * records the payment through the dossier action `record_payment` (role system, method online), so the
 * history and paidTotal stay consistent. Idempotent per provider transaction id.
 */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { agencyAccounts, agencies, paymentEvents, paymentIntents } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildVietQr } from '../../../core/payments/vietqr.ts';
import type { CitizenAuth } from '../citizens/citizens.service.ts';

const CLOSED = new Set(['returned', 'withdrawn', 'stopped', 'intake_rejected']);
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newReference(): string {
  const bytes = crypto.randomBytes(10);
  return 'MC' + [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** hex(HMAC-SHA256(raw body, secret)), compared in constant time. */
export function signatureOk(raw: Buffer, header: string | undefined, secret: string | null): boolean {
  if (!secret || !header || !/^[0-9a-fA-F]{64}$/.test(header.trim())) return false;
  const expected = crypto.createHmac('sha256', secret).update(raw).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(header.trim(), 'hex'));
}

export interface WebhookBody {
  provider: string;
  transactionId: string;
  reference: string;
  amountVnd: number;
}

export class PaymentsService {
  constructor(private readonly ctx: AppContext) {}

  /** The collection account of the agency, or of its nearest ancestor that has one. */
  async accountFor(agencyId: string) {
    let id: string | null = agencyId;
    for (let depth = 0; id && depth < 10; depth++) {
      const [acc] = await this.ctx.db.select().from(agencyAccounts).where(eq(agencyAccounts.agencyId, id)).limit(1);
      if (acc) return acc;
      const [a] = await this.ctx.db.select({ parentId: agencies.parentId }).from(agencies).where(eq(agencies.id, id)).limit(1);
      id = a?.parentId ?? null;
    }
    return null;
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
    await this.ctx.db.insert(paymentIntents).values({ reference, dossierId: d.id, citizenId: c.citizenId, amountVnd: amount, payload, createdAt: this.ctx.now() });
    return {
      reference,
      amountVnd: amount,
      dossierCode: d.code,
      account: { bankBin: account.bankBin, bankName: account.bankName, accountNumber: account.accountNumber, accountName: account.accountName },
      vietqr: { payload, dataUrl: await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 320 }) },
    };
  }

  /** A provider's confirmation (signature already checked). Replays of the same transaction change nothing. */
  async confirm(body: WebhookBody, raw: unknown): Promise<{ duplicate: boolean; dossierId: string; paidTotal: number }> {
    const [intent] = await this.ctx.db.select().from(paymentIntents).where(eq(paymentIntents.reference, body.reference)).limit(1);
    if (!intent) throw new AppError('NOT_FOUND', { entity: `payment ${body.reference}` });
    const seen = async () => {
      const [e] = await this.ctx.db.select().from(paymentEvents).where(and(eq(paymentEvents.provider, body.provider), eq(paymentEvents.transactionId, body.transactionId))).limit(1);
      return e ?? null;
    };
    const current = async () => (await this.ctx.services.dossiers.loadAny(intent.dossierId)).paidTotal;
    if (await seen()) return { duplicate: true, dossierId: intent.dossierId, paidTotal: await current() };
    const now = this.ctx.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const updated = await this.ctx.services.dossiers.actAsSystem(
          intent.dossierId,
          { action: 'record_payment', input: { amount: body.amountVnd, paymentMethod: 'online', reference: `${body.reference} ${body.provider}:${body.transactionId}`.slice(0, 200) }, documents: [] },
          async (tx) => {
            // Claims the transaction id in the same transaction as the payment: a replay racing this one fails here.
            await tx.insert(paymentEvents).values({ provider: body.provider, transactionId: body.transactionId, reference: body.reference, dossierId: intent.dossierId, amountVnd: body.amountVnd, receivedAt: now, body: raw as Record<string, unknown> });
            await tx.update(paymentIntents).set({ status: 'paid', paidAt: now }).where(eq(paymentIntents.id, intent.id));
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

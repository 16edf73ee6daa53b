import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { registerCitizenAuth, requireCitizen } from '../citizens/citizen-auth.ts';
import { signatureOk } from './payments.service.ts';

const WebhookBody = z.object({
  provider: z.string().trim().min(1).max(50),
  transactionId: z.string().trim().min(1).max(100),
  reference: z.string().trim().min(4).max(40),
  amountVnd: z.number().int().positive().max(1e12),
  paidAt: z.string().optional(),
});

export const paymentsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerCitizenAuth(root, ctx);
  const svc = ctx.services.payments;
  const tags = ['payments'];

  // The webhook is verified over the exact bytes received: JSON bodies are kept raw in this plugin.
  root.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/citizen/dossiers/:id/payment-intents', {
    schema: {
      tags,
      summary: 'Pay the outstanding fees of my dossier by bank transfer: a VietQR code (NAPAS) for the agency’s account with the dossier code as the transfer content',
      params: z.object({ id: z.string().uuid() }),
      response: {
        201: z.object({
          reference: z.string(),
          amountVnd: z.number(),
          dossierCode: z.string().nullable(),
          account: z.object({ bankBin: z.string(), bankName: z.string(), accountNumber: z.string(), accountName: z.string() }),
          vietqr: z.object({ payload: z.string(), dataUrl: z.string() }),
        }),
      },
    },
  }, async (req, reply) => {
    const r = await svc.createIntent(requireCitizen(req), req.params.id);
    reply.code(201);
    return r;
  });

  app.post('/payments/webhook', {
    schema: {
      tags,
      summary: 'Payment provider notification: JSON {provider, transactionId, reference, amountVnd}; header X-Signature = hex(HMAC-SHA256(raw body, PAYMENT_WEBHOOK_SECRET)). Idempotent per (provider, transactionId).',
      response: { 200: z.object({ ok: z.literal(true), duplicate: z.boolean(), dossierId: z.string(), paidTotal: z.number() }) },
    },
  }, async (req) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : '');
    const sig = req.headers['x-signature'];
    if (!signatureOk(raw, Array.isArray(sig) ? sig[0] : sig, ctx.config.paymentWebhookSecret)) throw new AppError('PAYMENT_SIGNATURE_INVALID');
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError('VALIDATION_FAILED', {}, { reason: 'the body is not JSON' });
    }
    const parsed = WebhookBody.safeParse(json);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', {}, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    const r = await svc.confirm(parsed.data, json);
    return { ok: true as const, ...r };
  });
};

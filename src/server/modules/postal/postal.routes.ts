/**
 * The postal operator's parcel notices: POST /api/postal/notices, JSON {trackingNumber, status, at, location?},
 * header X-Signature = hex(HMAC-SHA256(raw body, POSTAL_WEBHOOK_SECRET)). Stored append-only, once per (parcel,
 * status, time); the tracking page shows the latest.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { POSTAL_STATUSES } from '../../../core/postal/status.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { signatureOk } from '../../platform/http/signature.ts';
import { insertPostalEvent } from './postal.repository.ts';

const NoticeBody = z.object({
  trackingNumber: z.string().trim().min(4).max(40),
  status: z.enum(POSTAL_STATUSES),
  at: z.iso.datetime({ offset: true }),
  location: z.string().trim().max(200).optional(),
});

export const postalRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Verified over the exact bytes received: JSON bodies are kept raw in this plugin.
  root.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post('/postal/notices', {
    schema: {
      tags: ['postal'],
      summary: `Postal operator notice of a parcel: JSON {trackingNumber, status (${POSTAL_STATUSES.join(' | ')}), at, location?}; header X-Signature = hex(HMAC-SHA256(raw body, POSTAL_WEBHOOK_SECRET)). Idempotent per (trackingNumber, status, at).`,
      response: { 200: z.object({ ok: z.literal(true), duplicate: z.boolean() }) },
    },
  }, async (req) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : '');
    const sig = req.headers['x-signature'];
    if (!signatureOk(raw, Array.isArray(sig) ? sig[0] : sig, ctx.config.postalWebhookSecret)) throw new AppError('POSTAL_SIGNATURE_INVALID');
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError('VALIDATION_FAILED', {}, { reason: 'the body is not JSON' });
    }
    const parsed = NoticeBody.safeParse(json);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', {}, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    const n = parsed.data;
    const r = await insertPostalEvent(ctx.db, { trackingNumber: n.trackingNumber, status: n.status, at: new Date(n.at), location: n.location ?? null, receivedAt: ctx.now(), raw: json as Record<string, unknown> });
    return { ok: true as const, duplicate: r.duplicate };
  });
};

import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { PortalService } from './portal.service.ts';

export const TrackOut = z.object({
  code: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), label: z.string(), state: z.string() })),
});

export const portalRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const svc = new PortalService(ctx);
  app.get('/public/track', {
    schema: {
      tags: ['portal'],
      summary: 'Track a dossier by its code and a second factor (the secret on the receipt, or the applicant’s phone number); a wrong factor answers exactly like an unknown code',
      querystring: z.object({ code: z.string().trim().min(10).max(60), secret: z.string().trim().min(4).max(40) }),
      response: { 200: TrackOut },
    },
  }, async (req) => svc.track(req.query.code, req.query.secret));
};

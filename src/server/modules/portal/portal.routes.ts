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

export const PublicProcedureOut = z.object({
  code: z.string(),
  name: z.string(),
  fieldName: z.string().nullable(),
  levels: z.array(z.string()),
  onlineLevel: z.string(),
  structured: z.boolean(),
  record: z.any().describe('core/catalog ProcedureRecord: steps, channels with time and fees, components, results, legal basis…'),
  agencies: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })).describe('Agencies that publish (receive) it'),
});

export const portalRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const svc = new PortalService(ctx);
  app.get('/public/procedures/:code', {
    schema: { tags: ['portal'], summary: 'A procedure as citizens read it: steps, components with forms, time and fees per channel, where to go, online level, legal basis', params: z.object({ code: z.string().trim().min(1).max(50) }), response: { 200: PublicProcedureOut } },
  }, async (req) => svc.procedure(req.params.code));
  app.get('/public/track', {
    schema: {
      tags: ['portal'],
      summary: 'Track a dossier by its code and a second factor (the secret on the receipt, or the applicant’s phone number); a wrong factor answers exactly like an unknown code',
      querystring: z.object({ code: z.string().trim().min(10).max(60), secret: z.string().trim().min(4).max(40) }),
      response: { 200: TrackOut },
    },
  }, async (req) => svc.track(req.query.code, req.query.secret));
};

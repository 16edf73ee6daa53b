import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth } from '../../platform/http/auth.ts';
import { CloseFollowUpBody, FollowUpOut, KioskCurrentOut, KioskRatingBody, PublicRatingBody, PublicRatingView, RatingOut } from './ratings.schemas.ts';

const CodeParams = z.object({ code: z.string().trim().min(10).max(60) });

/**
 * Ratings of every dossier: the public rating page (code + second factor), the desk kiosk (the officer's session,
 * scoped to the dossiers they just handed over) and the unit's follow-up items.
 */
export const ratingsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const svc = ctx.services.ratings;

  app.get('/public/dossiers/:code/rating', {
    schema: { tags: ['portal'], summary: 'The rating page of a dossier (the slip’s short link /danh-gia/<code>): opened by the code and the second factor of the tracking page; says whether it can be rated, the rating and the unit’s answer', params: CodeParams, querystring: z.object({ secondFactor: z.string().trim().min(4).max(40) }), response: { 200: PublicRatingView } },
  }, async (req) => svc.publicView(req.params.code, req.query.secondFactor));

  app.post('/public/dossiers/:code/rating', {
    schema: { tags: ['portal'], summary: 'Rate a dossier by its code and second factor, once, after the result is ready (422 before, 409 ALREADY_RATED after); a dissatisfied rating opens a follow-up for the unit. Wrong factors: 404, and 429 after 10 in 15 minutes', params: CodeParams, body: PublicRatingBody, response: { 201: RatingOut } },
  }, async (req, reply) => {
    const r = await svc.byLink(req.params.code, req.body);
    reply.code(201);
    return r;
  });

  app.get('/kiosk/current', {
    schema: { tags: ['kiosk'], summary: 'The desk kiosk (desk officer’s session): the dossier this officer handed over in the last 15 minutes and not rated yet, or null', response: { 200: KioskCurrentOut } },
  }, async (req) => svc.kioskCurrent(requireAuth(req)));

  app.post('/kiosk/rating', {
    schema: { tags: ['kiosk'], summary: 'The applicant rates the dossier shown on the kiosk (no sign-in of the applicant; same rule and history entry as every channel, channel kiosk)', body: KioskRatingBody, response: { 201: RatingOut } },
  }, async (req, reply) => {
    const r = await svc.byKiosk(requireAuth(req), req.body);
    reply.code(201);
    return r;
  });

  app.post('/kiosk/unlock', {
    schema: { tags: ['kiosk'], summary: 'Leave the locked kiosk screen: the officer’s password again', body: z.object({ password: z.string().min(1).max(200) }), response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => svc.kioskUnlock(requireAuth(req), req.body.password));

  app.get('/follow-ups', {
    schema: { tags: ['citizen'], summary: 'Follow-up items (dissatisfied ratings from every channel) of the units in the caller’s scope, newest first', querystring: z.object({ status: z.enum(['open', 'closed']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ items: z.array(FollowUpOut) }) } },
  }, async (req) => ({ items: await svc.followUps(requireAuth(req), req.query.status, req.query.limit) }));

  app.post('/follow-ups/:id/close', {
    schema: { tags: ['citizen'], summary: 'The unit answers the applicant and closes the item (leader, unit admin or desk officer of the unit); the answer goes to the dossier history, the tracking and rating pages and the applicant’s e-mail/SMS', params: z.object({ id: z.string().uuid() }), body: CloseFollowUpBody, response: { 200: FollowUpOut } },
  }, async (req) => svc.closeFollowUp(requireAuth(req), req.params.id, req.body));
};

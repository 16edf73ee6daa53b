import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth } from '../../platform/http/auth.ts';
import { FEEDBACK_STATES } from '../../../core/feedback/index.ts';
import { registerCitizenAuth } from '../citizens/citizen-auth.ts';
import {
  FeedbackActionBody,
  FeedbackHistoryOut,
  FeedbackRatingBody,
  PublicFeedbackOut,
  PublishedFeedbackOut,
  StaffFeedbackOut,
  StatsOut,
  StatsQuery,
  SubmitFeedbackBody,
} from './feedback.schemas.ts';

const RefParams = z.object({ reference: z.string().trim().min(6).max(40) });
const SecretQuery = z.object({ secret: z.string().trim().min(4).max(40) });

/** Public feedback (phản ánh, kiến nghị): submit, own view by reference + secret, rating, published answers. */
export const publicFeedbackRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerCitizenAuth(root, ctx); // optional: a signed-in citizen's feedback is linked to them
  const tags = ['feedback'];
  const svc = ctx.services.feedback;

  app.post('/public/feedback', {
    schema: {
      tags,
      summary: 'Send feedback (phản ánh, kiến nghị) about a procedure, a rule or an officer to an agency. No sign-in needed (a citizen session, if sent as Bearer, links it). Returns the reference and the secret needed to follow it.',
      body: SubmitFeedbackBody,
      response: { 201: z.object({ id: z.string(), reference: z.string(), trackingSecret: z.string() }) },
    },
  }, async (req, reply) => {
    const r = await svc.submit(req.body, req.citizen?.citizenId ?? null);
    reply.code(201);
    return r;
  });

  app.get('/public/feedback', {
    schema: {
      tags,
      summary: 'Published answers, newest first (keyset-paginated; agencyId includes its subtree). Personal data removed: no name, phone, e-mail or ID number; e-mail addresses and digit runs of 9+ digits inside the texts are masked.',
      querystring: z.object({ agencyId: z.string().uuid().optional(), cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.object({ items: z.array(PublishedFeedbackOut), next: z.string().nullable() }) },
    },
  }, async (req) => svc.publishedList(req.query));

  app.get('/public/feedback/:reference', {
    schema: { tags, summary: 'The petitioner’s own view (reference + secret); a wrong secret answers exactly like an unknown reference', params: RefParams, querystring: SecretQuery, response: { 200: PublicFeedbackOut } },
  }, async (req) => svc.ownView(req.params.reference, req.query.secret));

  app.post('/public/feedback/:reference/rating', {
    schema: { tags, summary: 'Rate the agency’s answer, once, after it has answered', params: RefParams, querystring: SecretQuery, body: FeedbackRatingBody, response: { 201: PublicFeedbackOut } },
  }, async (req, reply) => {
    const r = await svc.rate(req.params.reference, req.query.secret, req.body);
    reply.code(201);
    return r;
  });
};

/** Staff: the feedback queue of the caller's scope, one feedback, its history, and actions. */
export const feedbackRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['feedback'];
  const svc = ctx.services.feedback;
  const Params = z.object({ id: z.string().uuid() });

  app.get('/feedback', {
    schema: {
      tags,
      summary: 'Feedback held by the agencies of the caller’s scope. view=all: newest first; view=overdue: received / in progress / answered-but-unpublished feedback past its current deadline, soonest due first. Keyset-paginated.',
      querystring: z.object({
        view: z.enum(['all', 'overdue']).default('all'),
        status: z.enum(FEEDBACK_STATES).optional(),
        agencyId: z.string().uuid().optional(),
        cursor: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(StaffFeedbackOut), next: z.string().nullable() }) },
    },
  }, async (req) => svc.queue(requireAuth(req), req.query));

  app.get('/feedback/:id', { schema: { tags, summary: 'One feedback in the caller’s scope (else 404), with the actions the caller may take', params: Params, response: { 200: StaffFeedbackOut } } }, async (req) => svc.get(requireAuth(req), req.params.id));

  app.get('/feedback/:id/history', { schema: { tags, summary: 'The append-only history of a feedback', params: Params, response: { 200: z.object({ items: z.array(FeedbackHistoryOut) }) } } }, async (req) => ({ items: await svc.history(requireAuth(req), req.params.id) }));

  app.post('/feedback/:id/actions', {
    schema: {
      tags,
      summary:
        'Act on a feedback (optimistic concurrency on version). receive (log; fixes the deadlines from the stored calendar: answer 15, refuse 2, request information 5, forward 5 working days) · ' +
        'classify {classification: not_accepted + reason | within_competence | outside_competence + targetAgencyId + note (forwarded; the target agency receives it)} · ' +
        'request_info {note} · answer {answer} (leader; publication due 2 working days later) · publish (leader; masked public copy) · archive.',
      params: Params,
      body: FeedbackActionBody,
      response: { 200: StaffFeedbackOut },
    },
  }, async (req) => svc.act(requireAuth(req), req.params.id, req.body));
};

/** Public statistics per unit. */
export const publicStatsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/public/stats', {
    schema: {
      tags: ['portal'],
      summary:
        'Figures of a unit (the agency and all agencies under it) for the period: period=month → from the 1st of the month of `date`, period=year → from 1 January, up to and including `date` (Vietnam time; default today). ' +
        'Read from the service-index counters, as the staff dashboard reads them (no dossier scan): dossiers are those the unit handles; received = received in the period; finished = finished (result ready, refused or stopped) in it; ' +
        'onTime = finished ones that never became late (judged against the appointment set at receipt or restart: an apology\'s new date does not make a late dossier on time; more than one supplement request makes it late); onTimeRate = onTime ÷ finished; online = received online; onlineRate = online ÷ received. ' +
        'ratings = applicant ratings given in the period to dossiers handled by the unit; satisfactionRate = (satisfied + neutral) ÷ all ratings (the share not dissatisfied). ' +
        'feedback = feedback received (logged) in the period by the unit that holds it: answered = answered before the end of `date` (or today); onTime = handled on time as in the index (PETITION_PROCESSING_ON_TIME: answered by the handling deadline, refused at classification, or still open and not past it; no deadline = on time). ' +
        'Rates are percentages with one decimal, null when the divisor is 0.',
      querystring: StatsQuery,
      response: { 200: StatsOut },
    },
  }, async (req) => ctx.services.monitoring.publicStats(req.query));
};

import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { receiveUpload } from '../../platform/files/upload.ts';
import { CITIZEN_COOKIE, citizenTokenFrom, registerCitizenAuth, requireCitizen } from './citizen-auth.ts';
import { RatingOut } from '../ratings/ratings.schemas.ts';
import { ApplyBody, CitizenDossierOut, CitizenDossierSummary, CitizenOut, LoginBody, OtpBody, RatingBody, SupplyBody } from './citizens.schemas.ts';

const Params = z.object({ id: z.string().uuid() });
const citizenOut = (c: { id?: string; citizenId?: string; contact: string; fullName: string; eidVerified: boolean }) => ({ id: (c.id ?? c.citizenId)!, contact: c.contact, fullName: c.fullName, eidVerified: c.eidVerified });

/** The citizen portal API (/api/citizen/*): sign-in with a one-time code, apply online, my dossiers, rating. */
export const citizensRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerCitizenAuth(root, ctx);
  const tags = ['citizen'];
  const svc = ctx.services.citizens;

  app.post('/citizen/otp', { schema: { tags, summary: 'Send a one-time sign-in code to an e-mail address or Vietnamese mobile number (6 digits, 10 minutes, 5 attempts; at most 5 codes per hour)', body: OtpBody, response: { 200: z.object({ sent: z.literal(true) }) } } }, async (req) => svc.otp.begin(req.body));

  app.post('/citizen/login', { schema: { tags, summary: 'Sign in with the one-time code; sets the http-only cookie motcua_citizen (or use the token as Bearer)', body: LoginBody, response: { 200: z.object({ token: z.string(), expiresAt: z.string(), citizen: CitizenOut }) } } }, async (req, reply) => {
    const identity = await svc.otp.complete(req.body);
    const { token, expiresAt, citizen } = await svc.signIn(identity);
    reply.setCookie(CITIZEN_COOKIE, token, { path: '/api/citizen', httpOnly: true, sameSite: 'strict', expires: expiresAt, secure: req.protocol === 'https' });
    return { token, expiresAt: expiresAt.toISOString(), citizen: citizenOut(citizen) };
  });

  app.get('/citizen/me', { schema: { tags, summary: 'The signed-in citizen', response: { 200: CitizenOut } } }, async (req) => citizenOut(requireCitizen(req)));

  app.post('/citizen/logout', { schema: { tags, summary: 'Sign out (revokes the citizen session)', response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req, reply) => {
    const token = citizenTokenFrom(req);
    if (token) await svc.logout(token);
    reply.clearCookie(CITIZEN_COOKIE, { path: '/api/citizen' });
    return { ok: true as const };
  });

  app.post('/citizen/files', { schema: { tags, summary: 'Upload a file to the citizen’s store (multipart, field "file"); PDF, JPEG, PNG, DOCX, XLSX; MAX_UPLOAD_MB', consumes: ['multipart/form-data'], response: { 201: z.object({ sha256: z.string(), size: z.number(), mime: z.string(), fileName: z.string() }) } } }, async (req, reply) => {
    const c = requireCitizen(req);
    const f = await receiveUpload(req, ctx);
    await svc.registerUpload(c, f);
    reply.code(201);
    return f;
  });

  app.get('/citizen/documents', { schema: { tags, summary: 'Files the citizen uploaded before and electronic results of their dossiers, to attach again (reused=true)', response: { 200: z.object({ items: z.array(z.object({ sha256: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), uploadedAt: z.string(), source: z.enum(['upload', 'result']), dossierCode: z.string().nullable() })) }) } } }, async (req) => ({ items: await svc.documents(requireCitizen(req)) }));

  app.post('/citizen/dossiers', {
    schema: {
      tags,
      summary: 'Apply online: the dossier is submitted (awaiting the desk’s completeness check) with its code issued at once. Same Idempotency-Key and body → the same dossier (200); another body → 422.',
      headers: z.object({ 'idempotency-key': z.string().min(8).max(200) }),
      body: ApplyBody,
      response: { 201: CitizenDossierOut, 200: CitizenDossierOut },
    },
  }, async (req, reply) => {
    const c = requireCitizen(req);
    const { created, dossier } = await svc.apply(c, req.body, req.headers['idempotency-key']);
    reply.code(created ? 201 : 200);
    return dossier;
  });

  app.get('/citizen/dossiers', { schema: { tags, summary: 'My dossiers, newest first (keyset-paginated)', querystring: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: z.object({ items: z.array(CitizenDossierSummary), next: z.string().nullable() }) } } }, async (req) => svc.list(requireCitizen(req), req.query.cursor, req.query.limit));

  app.get('/citizen/dossiers/:id', { schema: { tags, summary: 'One of my dossiers: state, appointment, timeline, open supplement request, apology, electronic results', params: Params, response: { 200: CitizenDossierOut } } }, async (req) => svc.detail(requireCitizen(req), req.params.id));

  app.post('/citizen/dossiers/:id/supply', { schema: { tags, summary: 'Complete the dossier after a supplement request (supply: the processing time restarts) or an incomplete intake (resubmit)', params: Params, body: SupplyBody, response: { 200: CitizenDossierOut } } }, async (req) => svc.supply(requireCitizen(req), req.params.id, req.body));

  app.get('/citizen/dossiers/:id/result/:docId', { schema: { tags, summary: 'Download an electronic result (when the result is ready or returned)', params: Params.extend({ docId: z.string().uuid() }) } }, async (req, reply) => {
    const { doc, content } = await svc.resultContent(requireCitizen(req), req.params.id, req.params.docId);
    reply.header('content-type', doc.mime ?? 'application/octet-stream');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName ?? 'ket-qua')}`);
    return reply.send(content);
  });

  app.post('/citizen/dossiers/:id/rating', { schema: { tags, summary: 'Rate the service once, after the result is ready; a dissatisfied rating opens a follow-up for the unit', params: Params, body: RatingBody, response: { 201: RatingOut } } }, async (req, reply) => {
    const r = await svc.rate(requireCitizen(req), req.params.id, req.body);
    reply.code(201);
    return r;
  });
};

import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import { sniffMime } from '../../platform/files/file-store.ts';
import { jsonify } from '../../platform/http/dto.ts';
import { ActionBody, PreviewBody, PreviewOut, CreateDossierBody, DocumentOut, DossierOut, HistoryOut, QueueQuerySchema, SearchQuery } from './dossiers.schemas.ts';

export const dossiersRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['dossiers'];
  const svc = ctx.services.dossiers;
  const Params = z.object({ id: z.string().uuid() });

  app.post('/files', { schema: { tags, summary: 'Upload a file (multipart, field "file"); PDF, JPEG, PNG, DOCX, XLSX; stored by content hash', consumes: ['multipart/form-data'], response: { 201: z.object({ sha256: z.string(), size: z.number(), mime: z.string() }) } } }, async (req, reply) => {
    requireAuth(req);
    const part = await req.file();
    if (!part) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
    const buf = await part.toBuffer();
    if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.maxUploadBytes / 1048576) });
    if (buf.length === 0) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
    const mime = sniffMime(buf);
    if (!mime) throw new AppError('FILE_TYPE_NOT_ALLOWED', { mime: part.mimetype });
    const stored = await ctx.files.put(buf);
    await ctx.services.dossiers.registerFile(stored.sha256, stored.size, mime);
    reply.code(201);
    return { ...stored, mime };
  });

  app.post('/dossiers', {
    schema: {
      tags,
      summary: 'Intake: receive a dossier at the desk or by post (code + appointment), record it incomplete (supplement request) or refuse it; or register an online submission',
      headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }),
      body: CreateDossierBody,
      response: { 201: DossierOut, 200: DossierOut },
    },
  }, async (req, reply) => {
    const auth = requireAuth(req);
    const { dossier, created } = await svc.create(auth, req.body, req.headers['idempotency-key'] ?? null);
    reply.code(created ? 201 : 200);
    return jsonify(await svc.view(auth, dossier));
  });

  app.get('/dossiers', { schema: { tags, summary: 'Work queues in the caller’s scope (keyset-paginated)', querystring: QueueQuerySchema, response: { 200: z.object({ items: z.array(DossierOut), next: z.string().nullable() }) } } }, async (req) => jsonify(await svc.queue(requireAuth(req), req.query)));

  app.get('/dossiers/search', { schema: { tags, summary: 'Find a dossier by code, applicant ID number or name (in scope)', querystring: SearchQuery, response: { 200: z.object({ items: z.array(DossierOut) }) } } }, async (req) => ({ items: jsonify(await svc.search(requireAuth(req), req.query.q, req.query.limit)) }));

  app.get('/dossiers/by-code/:code', { schema: { tags, summary: 'One dossier by its national code', params: z.object({ code: z.string().max(60) }), response: { 200: DossierOut } } }, async (req) => jsonify(await svc.findByCode(requireAuth(req), req.params.code)));

  app.get('/dossiers/:id', { schema: { tags, summary: 'One dossier with its timing and the actions the caller may take', params: Params, response: { 200: DossierOut } } }, async (req) => jsonify(await svc.get(requireAuth(req), req.params.id)));

  app.get('/dossiers/:id/history', { schema: { tags, summary: 'The append-only history (process-control slip)', params: Params, response: { 200: z.object({ items: z.array(HistoryOut) }) } } }, async (req) => ({ items: jsonify(await svc.history(requireAuth(req), req.params.id)) }));

  app.get('/dossiers/:id/documents', { schema: { tags, summary: 'Documents of the dossier', params: Params, response: { 200: z.object({ items: z.array(DocumentOut) }) } } }, async (req) => ({ items: jsonify(await svc.documents(requireAuth(req), req.params.id)) }));

  app.get('/dossiers/:id/documents/:docId/content', { schema: { tags, summary: 'Download a document', params: Params.extend({ docId: z.string().uuid() }) } }, async (req, reply) => {
    const { doc, content } = await svc.documentContent(requireAuth(req), req.params.id, req.params.docId);
    reply.header('content-type', doc.mime ?? 'application/octet-stream');
    reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName ?? 'document')}`);
    return reply.send(content);
  });

  app.get('/dossiers/:id/payments', { schema: { tags, summary: 'Fees and payments', params: Params, response: { 200: z.object({ fees: z.array(z.object({ id: z.string(), kind: z.string(), description: z.string(), amountVnd: z.number() })), payments: z.array(z.object({ id: z.string(), amountVnd: z.number(), method: z.string(), paidAt: z.string(), reference: z.string().nullable() })), refusedNotices: z.array(z.object({ provider: z.string(), transactionId: z.string(), reference: z.string(), amountVnd: z.number(), outcome: z.string(), receivedAt: z.string() })).describe('Provider notices that were not booked (amount differs from the request, request already paid): for a clerk to reconcile') }) } } }, async (req) => jsonify(await svc.payments(requireAuth(req), req.params.id)));

  app.post('/dossiers/:id/actions/preview', {
    schema: {
      tags,
      summary: 'What an action would do, without doing it: whether it is allowed and its consequences the officer must be told (a late supplement request; a second supplement request makes the service index count the dossier late and must be confirmed)',
      params: Params,
      body: PreviewBody,
      response: { 200: PreviewOut },
    },
  }, async (req) => svc.preview(requireAuth(req), req.params.id, req.body));

  app.post('/dossiers/:id/actions', {
    schema: {
      tags,
      summary: 'Perform a lifecycle action (forward, assign, request_supplement, supply, transfer, propose, approve, refuse, apologize, attach_result, mark_result_ready, return_result, withdraw, stop, record_payment, …). Send the version you saw; a stale version gets 409 VERSION_CONFLICT.',
      params: Params,
      body: ActionBody,
      response: { 200: DossierOut },
    },
  }, async (req) => {
    const auth = requireAuth(req);
    const updated = await svc.act(auth, req.params.id, req.body);
    return jsonify(await svc.view(auth, updated));
  });
};

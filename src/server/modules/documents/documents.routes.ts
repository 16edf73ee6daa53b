/**
 * /api/documents: the document office (Decree 30/2020). Incoming: register, direct (bút phê), assign, process,
 * reply, close. Outgoing: draft (an uploaded PDF/DOCX), submit, revise (each version kept), comment, return,
 * approve-sign (the leader's digital signature), issue-number (the outgoing register), seal (the agency's
 * signature), send (motcua agencies receive it in their incoming register; others get a package). Queues and search,
 * history, file versions, the view log of confidential documents, work files. Every change carries the `version`
 * the caller saw (409 when stale).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth } from '../../platform/http/auth.ts';
import { disposition } from '../../platform/http/download.ts';
import { IsoDate } from '../../platform/http/schemas.ts';
import {
  AssignBody,
  CommentBody,
  DirectBody,
  DocumentListItem,
  DocumentOut,
  DraftBody,
  HistoryOut,
  ListQuery,
  NoteBody,
  RatesOut,
  RegisterBody,
  ReplyBody,
  ReviseBody,
  SendBody,
  SendOut,
  SignBody,
  SubmitBody,
  VersionBody,
  WorkFileBody,
  WorkFileOut,
} from './documents.schemas.ts';

export const documentsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const svc = ctx.services.documents;
  const Params = z.object({ id: z.string().uuid() });
  const one = { params: Params, response: { 200: DocumentOut } };

  app.post('/documents/incoming', {
    schema: {
      tags,
      summary: 'Register an incoming document (clerk: desk officer or unit admin): the sender’s number and symbol, date, sender, kind, urgency, confidentiality, summary, page count and the file (PDF or DOCX, uploaded first with POST /api/files). Takes the next number of the agency’s incoming register for the year. A confidential document is seen only by those named (readerIds, later the leader who directs and the handlers).',
      body: RegisterBody,
      response: { 201: DocumentOut },
    },
  }, async (req, reply) => {
    const r = await svc.register(requireAuth(req), req.body);
    reply.code(201);
    return r;
  });

  app.post('/documents/outgoing', {
    schema: { tags, summary: 'Draft an outgoing document from an uploaded PDF or DOCX (version 1); the drafter submits it for review', body: DraftBody, response: { 201: DocumentOut } },
  }, async (req, reply) => {
    const r = await svc.draft(requireAuth(req), req.body);
    reply.code(201);
    return r;
  });

  app.get('/documents', {
    schema: {
      tags,
      summary: 'Documents of the caller’s agencies (and those sent to them), newest first, keyset-paginated. queue: to_direct (registered, waiting for the leader) · assigned_to_me (open, I handle or co-handle) · due_soon · overdue (open, by the deadline; due soon as for dossiers) · done (replied, closed, sent) · to_sign · to_number · to_seal · to_send · drafts (mine). Search: number (prefix of the number and symbol), q (summary, accent-insensitive), sender (accent-insensitive). Confidential documents appear only to those named.',
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(DocumentListItem), next: z.string().nullable() }) },
    },
  }, async (req) => svc.list(requireAuth(req), req.query));

  app.get('/documents/rates', {
    schema: {
      tags,
      summary: 'Rates for reform of a unit (the agency and those under it), from `from` to `to` inclusive (Vietnam dates), from the documents’ histories: registered (incoming registered in the period); directedInSoftware / directedRate (of those, directed by a leader in motcua by the period end); processedInSoftware / processedRate (replied or closed in motcua by the end); sent and signedDigitally / signedRate (outgoing sent in the period, signed by the leader and sealed digitally); finished and averageProcessingDays (incoming replied/closed in the period: mean calendar days from registration); overdueOpen (open past the deadline at the end); finishedLate. Rates in % with one decimal, null when the divisor is 0.',
      querystring: z.object({ agencyId: z.string().uuid(), from: IsoDate, to: IsoDate }),
      response: { 200: RatesOut },
    },
  }, async (req) => svc.rates(requireAuth(req), req.query));

  app.get('/documents/:id', { schema: { tags, summary: 'One document with its file versions, comments and the actions the caller may take (404 when out of reach; a confidential one: the view is logged)', ...one } }, async (req) => svc.get(requireAuth(req), req.params.id));

  app.get('/documents/:id/history', { schema: { tags, summary: 'The append-only history: one typed event per step', params: Params, response: { 200: z.object({ items: z.array(HistoryOut) }) } } }, async (req) => ({ items: await svc.history(requireAuth(req), req.params.id) }));

  app.get('/documents/:id/file', {
    schema: { tags, summary: 'Download a file version (default the latest: signed and sealed once it is)', params: Params, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }) },
  }, async (req, reply) => {
    const f = await svc.file(requireAuth(req), req.params.id, req.query.version);
    reply.header('content-type', f.mime);
    disposition(reply, 'attachment', f.fileName);
    return reply.send(f.bytes);
  });

  app.get('/documents/:id/views', {
    schema: { tags, summary: 'Who viewed this confidential document, what and when (the view log)', params: Params, response: { 200: z.object({ items: z.array(z.object({ user: z.object({ id: z.string(), name: z.string().nullable() }), what: z.string(), at: z.string() })) }) } },
  }, async (req) => ({ items: await svc.views(requireAuth(req), req.params.id) }));

  // ---- incoming
  app.post('/documents/:id/direct', { schema: { tags, summary: 'The leader’s direction (bút phê): the handler, co-handlers and a deadline in working days from the stored calendar', body: DirectBody, ...one } }, async (req) => svc.direct(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/assign', { schema: { tags, summary: 'The leader reassigns the handler (and co-handlers); the deadline stays unless workingDays is given', body: AssignBody, ...one } }, async (req) => svc.assign(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/process', { schema: { tags, summary: 'The handler or a co-handler records progress', body: NoteBody, ...one } }, async (req) => svc.process(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/reply', { schema: { tags, summary: 'The handler replies (optionally naming the outgoing document of the agency that answers it)', body: ReplyBody, ...one } }, async (req) => svc.reply(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/close', { schema: { tags, summary: 'The handler (or a leader) closes the document', body: NoteBody, ...one } }, async (req) => svc.close(requireAuth(req), req.params.id, req.body));

  // ---- outgoing
  app.post('/documents/:id/submit', { schema: { tags, summary: 'The drafter submits the draft for review', body: SubmitBody, ...one } }, async (req) => svc.submit(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/revise', { schema: { tags, summary: 'A new version of the draft (uploaded PDF/DOCX); every earlier version is kept', body: ReviseBody, ...one } }, async (req) => svc.revise(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/comment', { schema: { tags, summary: 'A review comment on the current version', body: CommentBody, ...one } }, async (req) => svc.comment(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/return', { schema: { tags, summary: 'The leader returns the draft for changes', body: NoteBody, ...one } }, async (req) => svc.returnDraft(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/approve-sign', { schema: { tags, summary: 'The leader approves and signs the latest version (PAdES, the leader’s registered signer of the agency; PDF only)', body: SignBody, ...one } }, async (req) => svc.approveSign(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/issue-number', { schema: { tags, summary: 'The clerk issues the next number of the agency’s outgoing register for the year ("12/UBND-VP"; no gap, no repeat under concurrency)', body: VersionBody, ...one } }, async (req) => svc.issueNumber(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/seal', { schema: { tags, summary: 'The clerk adds the agency’s seal signature (an incremental update: the leader’s signature stays valid)', body: SignBody, ...one } }, async (req) => svc.seal(requireAuth(req), req.params.id, req.body));
  app.post('/documents/:id/send', {
    schema: { tags, summary: 'The clerk sends the sealed document: {agencyId} for an agency inside motcua (registered at once in its incoming register, signed, linked to this one), {name} for anyone else (a package downloadable with the code returned once)', params: Params, body: SendBody, response: { 200: SendOut } },
  }, async (req) => svc.send(requireAuth(req), req.params.id, req.body));

  // ---- work files
  const WParams = z.object({ id: z.string().uuid() });
  app.post('/documents/work-files', { schema: { tags, summary: 'Open a work file (hồ sơ công việc) with its code and retention period (years; null = permanent)', body: WorkFileBody, response: { 201: WorkFileOut } } }, async (req, reply) => {
    const r = await svc.openWorkFile(requireAuth(req), req.body);
    reply.code(201);
    return r;
  });
  app.get('/documents/work-files', { schema: { tags, summary: 'Work files of the caller’s agencies', querystring: z.object({ state: z.enum(['open', 'closed', 'archived']).optional() }), response: { 200: z.object({ items: z.array(WorkFileOut) }) } } }, async (req) => ({ items: await svc.workFiles(requireAuth(req), req.query.state) }));
  app.get('/documents/work-files/:id', { schema: { tags, summary: 'A work file with the documents in it (those the caller may see)', params: WParams, response: { 200: WorkFileOut.extend({ documents: z.array(DocumentListItem) }) } } }, async (req) => svc.workFile(requireAuth(req), req.params.id));
  app.post('/documents/work-files/:id/actions', { schema: { tags, summary: 'close (open → closed) · archive (closed → archived) · reopen (closed → open)', params: WParams, body: z.object({ action: z.enum(['close', 'archive', 'reopen']), version: z.number().int().min(1) }), response: { 200: WorkFileOut } } }, async (req) => svc.workFileAction(requireAuth(req), req.params.id, req.body));
  app.post('/documents/work-files/:id/documents', { schema: { tags, summary: 'File a document of the same agency into an open work file', params: WParams, body: z.object({ documentId: z.string().uuid(), version: z.number().int().min(1) }), response: { 200: DocumentListItem } } }, async (req) => svc.fileInto(requireAuth(req), req.params.id, req.body.documentId, req.body.version));
};

/** A package for a recipient outside motcua: the sealed file, by the secret code the sender received. */
export const publicDocumentsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/public/documents/packages/:code', {
    schema: { tags: ['documents'], summary: 'Download a sent document (signed and sealed PDF) with the package code; verify it at /api/public/signatures/verify', params: z.object({ code: z.string().min(20).max(100) }) },
  }, async (req, reply) => {
    const f = await ctx.services.documents.packageFile(req.params.code);
    reply.header('content-type', f.mime);
    disposition(reply, 'attachment', f.fileName);
    return reply.send(f.bytes);
  });
};

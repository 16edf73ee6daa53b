import type { FastifyPluginAsync } from 'fastify';
import { disposition } from '../../platform/http/download.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth } from '../../platform/http/auth.ts';
import { RegisterQuery, SlipParams, SlipQuery } from './slips.schemas.ts';
import { SlipsService } from './slips.service.ts';


export const slipsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['slips'];
  const svc = new SlipsService(ctx);

  app.get(
    '/dossiers/:id/slips/:kind',
    {
      schema: {
        tags,
        summary:
          'An official slip of the dossier as PDF (A5): receipt and appointment (01), supplement request (02), refusal (03), apology and new appointment (04), process-control slip (05), stop-processing notice (2025). ' +
          'The slip is stored with the dossier (document kind "slip"). 409 when the dossier has no history entry producing that slip.',
        params: SlipParams,
        querystring: SlipQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req);
      const r = await svc.dossierSlip(auth, req.params.id, req.params.kind, { copy: req.query.copy, seq: req.query.seq });
      reply.header('content-type', 'application/pdf');
      disposition(reply, 'inline', r.fileName);
      reply.header('x-document-id', r.documentId);
      reply.header('cache-control', 'private, no-store');
      return reply.send(r.pdf);
    },
  );

  app.get(
    '/register',
    {
      schema: {
        tags,
        summary: `The dossier register (sổ theo dõi hồ sơ, form 06) of an agency for a period of receipt days (at most 366), as PDF (A4 landscape) or Excel. At most 20,000 dossiers per export; the file says when it is capped.`,
        querystring: RegisterQuery,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req);
      const r = await svc.register(auth, req.query);
      reply.header('content-type', r.mime);
      disposition(reply, r.mime === 'application/pdf' ? 'inline' : 'attachment', r.fileName);
      reply.header('x-register-rows', String(r.rows));
      reply.header('x-register-truncated', String(r.truncated));
      reply.header('cache-control', 'private, no-store');
      return reply.send(r.body);
    },
  );
};

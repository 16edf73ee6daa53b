import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { ProcedureSearchService } from './procedure-search.service.ts';

export const ProcedureSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).describe('What the citizen types: with or without diacritics, everyday words, typos'),
  field: z.string().trim().min(1).max(200).optional().describe('Field name (lĩnh vực), compared without diacritics'),
  level: z.enum(['commune', 'province', 'ministry', 'other']).optional(),
  agencyId: z.string().uuid().optional().describe('Only procedures this agency publishes'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ProcedureSearchItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  fieldName: z.string().nullable(),
  levels: z.array(z.string()),
  onlineLevel: z.string(),
  structured: z.boolean(),
  score: z.number(),
});

/** Public ranked search over the whole catalog (the portal's search box). */
export const procedureSearchRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const svc = new ProcedureSearchService(ctx);
  app.get(
    '/public/procedures',
    {
      schema: {
        tags: ['portal'],
        summary:
          'Find a procedure: ranked search over the whole catalog, accent-insensitive and typo-tolerant, understands everyday words ("lam giay khai sinh", "nhập hộ khẩu"); general procedures rank above their special cases unless the query names the case',
        querystring: ProcedureSearchQuerySchema,
        response: { 200: z.object({ items: z.array(ProcedureSearchItemSchema) }) },
      },
    },
    async (req) => ({ items: await svc.search(req.query) }),
  );
};

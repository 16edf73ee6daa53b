import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { ping } from './health.repository.ts';

export const healthRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    { schema: { tags: ['health'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() }) } } },
    async () => {
      await ping(ctx.db);
      return { status: 'ok' as const, database: ctx.database.kind, time: ctx.now().toISOString() };
    },
  );
};

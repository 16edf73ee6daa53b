import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { normaliseContact } from '../citizens/identity.ts';

/**
 * The local mail catcher's inbox (demo and tests): what the dispatcher "sent". Registered only when the
 * catcher is enabled (NODE_ENV ≠ production, or MAIL_CATCHER=1); otherwise the path does not exist.
 */
export const devMessagesRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  if (!ctx.config.mailCatcher) return;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/dev/messages', {
    schema: {
      tags: ['dev'],
      summary: 'Mail catcher (not in production): messages "sent" to an address or phone, newest first',
      querystring: z.object({ to: z.string().trim().min(1).max(254).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.number(), channel: z.string(), to: z.string(), subject: z.string(), body: z.string(), at: z.string() })) }) },
    },
  }, async (req) => {
    await ctx.services.notifications.kick();
    const to = req.query.to ? (normaliseContact(req.query.to)?.value ?? req.query.to) : undefined;
    return { items: await ctx.services.notifications.caught(to, req.query.limit) };
  });
};

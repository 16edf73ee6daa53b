import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { normaliseContact } from '../citizens/identity.ts';

/**
 * The local mail catcher's inbox (demo and tests): what the dispatcher "sent". Registered only when the
 * catcher is enabled (with the demo, or MAIL_CATCHER=1 — see config.ts); otherwise the path does not exist.
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

  // The same inbox as a page, for people trying the demo.
  app.get('/dev/mailbox', { schema: { tags: ['dev'], summary: 'Mail catcher page (HTML): every message the demo "sent", newest first' } }, async (_req, reply) => {
    await ctx.services.notifications.kick();
    const items = await ctx.services.notifications.caught(undefined, 200);
    const esc = (x: string) => x.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
    const rows = items
      .map((m) => `<article><h2>${esc(m.subject)}</h2><p class="meta">${esc(m.channel)} → ${esc(m.to)} · ${esc(m.at)}</p><pre>${esc(m.body)}</pre></article>`)
      .join('\n');
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Hộp thư thử nghiệm — motcua</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}article{border:1px solid #ccc;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}h2{font-size:1.05rem;margin:.3rem 0}.meta{color:#444;margin:0}pre{white-space:pre-wrap;font:inherit}</style></head>
<body><main><h1>Hộp thư thử nghiệm (mail catcher)</h1><p>Thư điện tử và tin nhắn hệ thống đã “gửi” trong bản demo (${items.length}).</p>${rows || '<p>Chưa có thư nào.</p>'}</main></body></html>`;
  });
};

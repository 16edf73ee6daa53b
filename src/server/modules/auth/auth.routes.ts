import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth, SESSION_COOKIE, tokenFrom, type AuthInfo } from '../../platform/http/auth.ts';
import { LoginBody, LoginOut, MeOut } from './auth.schemas.ts';

const me = (a: AuthInfo) => ({
  userId: a.userId,
  username: a.username,
  fullName: a.fullName,
  assignments: a.assignments.map(({ agencyId, agencyCode, agencyName, role }) => ({ agencyId, agencyCode, agencyName, role })),
});

export const authRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post('/auth/login', { schema: { tags: ['auth'], summary: 'Sign in with username and password', body: LoginBody, response: { 200: LoginOut } } }, async (req, reply) => {
    const { token, expiresAt, auth } = await ctx.services.auth.login(req.body.username, req.body.password);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', expires: expiresAt, secure: req.protocol === 'https' });
    return { ...me(auth), token, expiresAt: expiresAt.toISOString() };
  });
  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out (revokes the session)', response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req, reply) => {
    const token = tokenFrom(req);
    if (token) await ctx.services.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
  app.get('/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in staff member and their roles', response: { 200: MeOut } } }, async (req) => me(requireAuth(req)));
};

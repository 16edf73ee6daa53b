/**
 * Citizen sessions on the HTTP layer. Kept apart from staff sessions: a separate table, a separate cookie
 * (`motcua_citizen`), and resolved only inside the citizen route plugins, so a citizen token never
 * authenticates a staff endpoint and a staff token never authenticates a citizen endpoint.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { CitizenAuth } from './citizens.service.ts';

export const CITIZEN_COOKIE = 'motcua_citizen';

declare module 'fastify' {
  interface FastifyRequest {
    citizen: CitizenAuth | null;
    citizenAuthError: 'SESSION_EXPIRED' | null;
  }
}

export function citizenTokenFrom(req: FastifyRequest): string | null {
  const cookie = req.cookies?.[CITIZEN_COOKIE];
  if (cookie) return cookie;
  const h = req.headers.authorization;
  return h && h.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

/** Call inside an (encapsulated) route plugin: its routes see `req.citizen`. */
export function registerCitizenAuth(app: FastifyInstance, ctx: AppContext): void {
  if (!app.hasRequestDecorator('citizen')) {
    app.decorateRequest('citizen', null);
    app.decorateRequest('citizenAuthError', null);
  }
  app.addHook('onRequest', async (req) => {
    const token = citizenTokenFrom(req);
    if (!token) return;
    const r = await ctx.services.citizens.resolveSession(token);
    if (r.ok) req.citizen = r.auth;
    else if (r.reason === 'expired') req.citizenAuthError = 'SESSION_EXPIRED';
  });
}

export function requireCitizen(req: FastifyRequest): CitizenAuth {
  if (req.citizen) return req.citizen;
  throw new AppError(req.citizenAuthError ?? 'UNAUTHENTICATED');
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from './errors.ts';
import type { Role } from '../../../core/dossier/index.ts';

export interface Assignment {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  agencyPath: string;
  role: Role;
}

export interface AuthInfo {
  userId: string;
  username: string;
  fullName: string;
  assignments: Assignment[];
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthInfo | null;
    authError: 'SESSION_EXPIRED' | null;
  }
}

export const SESSION_COOKIE = 'motcua_session';

export function tokenFrom(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h && h.startsWith('Bearer ')) return h.slice(7).trim() || null;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authError', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const token = tokenFrom(req);
    if (!token) return;
    const r = await ctx.services.auth.resolveSession(token);
    if (r.ok) req.auth = r.auth;
    else if (r.reason === 'expired') req.authError = 'SESSION_EXPIRED';
  });
}

/** Route guard: the caller must be signed in. */
export function requireAuth(req: FastifyRequest): AuthInfo {
  if (req.auth) return req.auth;
  throw new AppError(req.authError ?? 'UNAUTHENTICATED');
}

/** Route guard: the caller must hold one of the roles (on any agency). */
export function requireRole(req: FastifyRequest, roles: readonly Role[]): AuthInfo {
  const auth = requireAuth(req);
  if (!auth.assignments.some((a) => roles.includes(a.role))) throw new AppError('FORBIDDEN');
  return auth;
}

/** The agency paths under which the caller holds one of the roles (their scope). */
export function scopePaths(auth: AuthInfo, roles?: readonly Role[]): string[] {
  return auth.assignments.filter((a) => !roles || roles.includes(a.role)).map((a) => a.agencyPath);
}

/** True when `agencyPath` lies inside one of the caller's scopes (for the given roles). */
export function inScope(auth: AuthInfo, agencyPath: string, roles?: readonly Role[]): boolean {
  return scopePaths(auth, roles).some((p) => agencyPath.startsWith(p));
}

export const ADMIN_ROLES: readonly Role[] = ['unit_admin', 'province_admin'];

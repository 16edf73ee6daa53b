import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { ADMIN_ROLES, requireAuth, requireRole } from '../../platform/http/auth.ts';
import { CreateStaffBody, RoleChangeBody, StaffOut, StaffRole, StaffWithRolesOut } from './staff.schemas.ts';

export const staffRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['staff'];
  app.get('/agencies/:agencyId/staff', { schema: { tags, summary: 'Active staff of an agency and its divisions (e.g. ?role=specialist for assignment); any staff member whose scope covers the agency', params: z.object({ agencyId: z.string().uuid() }), querystring: z.object({ role: StaffRole.optional() }), response: { 200: z.object({ items: z.array(StaffWithRolesOut) }) } } }, async (req) => {
    const auth = requireAuth(req);
    return { items: await ctx.services.staff.ofAgency(auth, req.params.agencyId, req.query.role) };
  });
  app.get('/staff', { schema: { tags, summary: 'Staff in the admin’s scope, with their roles', response: { 200: z.object({ items: z.array(StaffWithRolesOut) }) } } }, async (req) => {
    const auth = requireRole(req, ADMIN_ROLES);
    return { items: await ctx.services.staff.list(auth) };
  });
  app.post('/staff', { schema: { tags, summary: 'Create a staff account with roles', body: CreateStaffBody, response: { 201: StaffOut } } }, async (req, reply) => {
    const auth = requireRole(req, ADMIN_ROLES);
    const u = await ctx.services.staff.create(auth, req.body);
    reply.code(201);
    return { id: u.id, username: u.username, fullName: u.fullName, email: u.email, phone: u.phone, active: u.active };
  });
  const Params = z.object({ id: z.string().uuid() });
  app.post('/staff/:id/roles', { schema: { tags, summary: 'Grant a role on an agency', params: Params, body: RoleChangeBody, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    const auth = requireRole(req, ADMIN_ROLES);
    await ctx.services.staff.grant(auth, req.params.id, req.body.agencyId, req.body.role);
    return { ok: true as const };
  });
  app.delete('/staff/:id/roles', { schema: { tags, summary: 'Revoke a role on an agency', params: Params, body: RoleChangeBody, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    const auth = requireRole(req, ADMIN_ROLES);
    await ctx.services.staff.revoke(auth, req.params.id, req.body.agencyId, req.body.role);
    return { ok: true as const };
  });
};

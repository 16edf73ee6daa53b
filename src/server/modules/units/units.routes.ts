import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth, requireRole } from '../../platform/http/auth.ts';
import { jsonify } from '../../platform/http/dto.ts';
import { unitCursor } from './units.repository.ts';
import { AgencyOut, CreateAgencyBody, UnitDetailOut, UnitListQuery, UnitOut } from './units.schemas.ts';

export const unitsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const Params = z.object({ id: z.string().uuid() });
  // Administrative units are public information.
  app.get('/units', { schema: { tags: ['units'], summary: 'Administrative units (filter by parent, level, name, validity date)', querystring: UnitListQuery, response: { 200: z.object({ items: z.array(UnitOut), next: z.string().nullable() }) } } }, async (req) => {
    const items = await ctx.services.units.list(req.query);
    return { items, next: items.length === req.query.limit ? unitCursor(items[items.length - 1]!) : null };
  });
  app.get('/units/:id', { schema: { tags: ['units'], summary: 'One unit with its merge history', params: Params, response: { 200: UnitDetailOut } } }, async (req) => jsonify(await ctx.services.units.get(req.params.id)));
  app.get('/agencies', { schema: { tags: ['units'], summary: 'Agencies (offices that handle dossiers)', querystring: z.object({ parentId: z.string().uuid().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }), response: { 200: z.object({ items: z.array(AgencyOut) }) } } }, async (req) => {
    return { items: jsonify(await ctx.services.units.listAgencies(req.query)) };
  });
  app.get('/agencies/:id', { schema: { tags: ['units'], summary: 'One agency', params: Params, response: { 200: AgencyOut } } }, async (req) => jsonify(await ctx.services.units.getAgency(req.params.id)));
  app.post('/agencies', { schema: { tags: ['units'], summary: 'Create an agency (province admin)', body: CreateAgencyBody, response: { 201: AgencyOut } } }, async (req, reply) => {
    const auth = requireRole(req, ['province_admin']);
    requireAuth(req);
    reply.code(201);
    return jsonify(await ctx.services.units.createAgency(auth, req.body));
  });
};

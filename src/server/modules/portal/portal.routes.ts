import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { PortalService } from './portal.service.ts';
import { LIFE_EVENTS, lifeEvent } from '../../../core/catalog/index.ts';
import { AppError } from '../../platform/http/errors.ts';

export const TrackOut = z.object({
  code: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), label: z.string(), state: z.string() })),
  delivery: z.object({ trackingNumber: z.string(), sentAt: z.string(), status: z.object({ code: z.string(), label: z.string(), at: z.string(), location: z.string().nullable() }).nullable() }).nullable().describe('A result sent by post: its parcel number, when it was handed to the postal operator, and the operator\'s latest status'),
});

const PublisherOut = z.object({ id: z.string(), code: z.string(), name: z.string(), deskAddress: z.string().nullable() });
/** A public list's page: at most 100, `after` = the `next` of the page before (the last row's ORDER BY columns). */
const PageQuery = { after: z.string().max(1000).optional(), limit: z.coerce.number().int().min(1).max(100).default(100) };
const CodeParams = z.object({ code: z.string().trim().min(1).max(50) });

export const PublicProcedureOut = z.object({
  code: z.string(),
  name: z.string(),
  fieldName: z.string().nullable(),
  levels: z.array(z.string()),
  onlineLevel: z.string(),
  structured: z.boolean(),
  record: z.any().describe('core/catalog ProcedureRecord: steps, channels with time and fees, components, results, legal basis…'),
  agencies: z.array(PublisherOut).describe('Agencies that publish (receive) it, with their desk address: the first 100 by name'),
  agenciesNext: z.string().nullable().describe('More agencies: pass as `after` to GET /public/procedures/:code/agencies'),
});

const LifeEventSummary = z.object({ slug: z.string(), title: z.object({ vi: z.string(), en: z.string() }), lead: z.object({ vi: z.string(), en: z.string() }), count: z.number() });
const CatalogItem = z.object({ code: z.string(), name: z.string(), fieldName: z.string().nullable(), levels: z.array(z.string()), onlineLevel: z.string() });

export const portalRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const svc = new PortalService(ctx);
  app.get('/public/procedures/:code', {
    schema: { tags: ['portal'], summary: 'A procedure as citizens read it: steps, components with forms, time and fees per channel, where to go, online level, legal basis', params: CodeParams, response: { 200: PublicProcedureOut } },
  }, async (req) => svc.procedure(req.params.code));
  app.get('/public/procedures/:code/agencies', {
    schema: { tags: ['portal'], summary: 'The agencies that publish (receive) a procedure, with their desk address, by name; keyset-paginated (pass `next` as `after`)', params: CodeParams, querystring: z.object(PageQuery), response: { 200: z.object({ items: z.array(PublisherOut), next: z.string().nullable() }) } },
  }, async (req) => svc.procedureAgencies(req.params.code, req.query));
  app.get('/public/life-events', {
    schema: { tags: ['portal'], summary: 'Life events: curated groups of procedures (core/catalog life-events.ts), with how many the province publishes', response: { 200: z.object({ items: z.array(LifeEventSummary) }) } },
  }, async () => {
    const items = await Promise.all(LIFE_EVENTS.map(async (e) => ({ slug: e.slug, title: e.title, lead: e.lead, count: (await ctx.services.catalog.lifeEventProcedures(e.codes)).filter((p) => p.published).length })));
    return { items };
  });
  app.get('/public/life-events/:slug', {
    schema: { tags: ['portal'], summary: 'One life event: its procedures in the curated order, each saying whether the province publishes it', params: z.object({ slug: z.string().max(60) }), response: { 200: LifeEventSummary.extend({ procedures: z.array(CatalogItem.extend({ published: z.boolean() })) }) } },
  }, async (req) => {
    const e = lifeEvent(req.params.slug);
    if (!e) throw new AppError('NOT_FOUND', { entity: `sự kiện "${req.params.slug}"` });
    const procedures = await ctx.services.catalog.lifeEventProcedures(e.codes);
    return { slug: e.slug, title: e.title, lead: e.lead, count: procedures.filter((p) => p.published).length, procedures };
  });
  app.get('/public/catalog/fields', {
    schema: { tags: ['portal'], summary: 'The published catalog by field (lĩnh vực): fields with the number of procedures published (by an agency, or anywhere in the province), by name (no field last); keyset-paginated (pass `next` as `after`)', querystring: z.object({ agencyId: z.string().uuid().optional(), ...PageQuery }), response: { 200: z.object({ items: z.array(z.object({ field: z.string().nullable(), count: z.number() })), next: z.string().nullable() }) } },
  }, async (req) => ctx.services.catalog.publishedFields(req.query));
  app.get('/public/catalog', {
    schema: {
      tags: ['portal'],
      summary: 'Published procedures of one field, keyset-paginated by code',
      querystring: z.object({ field: z.string().trim().max(200).describe('Field name; empty = procedures without a field'), agencyId: z.string().uuid().optional(), after: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(100).default(100) }),
      response: { 200: z.object({ items: z.array(CatalogItem), next: z.string().nullable() }) },
    },
  }, async (req) => {
    const items = await ctx.services.catalog.publishedInField({ field: req.query.field === '' ? null : req.query.field, agencyId: req.query.agencyId, after: req.query.after, limit: req.query.limit });
    return { items, next: items.length === req.query.limit ? items[items.length - 1]!.code : null };
  });
  app.get('/public/track', {
    schema: {
      tags: ['portal'],
      summary: 'Track a dossier by its code and a second factor (the secret on the receipt, or the applicant’s phone number); a wrong factor answers exactly like an unknown code',
      querystring: z.object({ code: z.string().trim().min(10).max(60), secret: z.string().trim().min(4).max(40) }),
      response: { 200: TrackOut },
    },
  }, async (req) => svc.track(req.query.code, req.query.secret));
};

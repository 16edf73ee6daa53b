import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { ADMIN_ROLES, requireRole } from '../../platform/http/auth.ts';
import { jsonify } from '../../platform/http/dto.ts';
import type { WorkflowStep } from '../../../core/catalog/index.ts';
import { PARSED_FIELDS, type ReviewCorrections } from '../../../core/catalog/index.ts';
import { ImportBody, ProcedureDetail, ProcedureListQuery, ProcedureSummary, PublicationOut, PublishBody, ReviewBody, ReviewQueueItem, ReviewQueueQuery, VersionOut, WorkflowBody, WorkflowOut } from './catalog.schemas.ts';

export const catalogRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];
  const svc = ctx.services.catalog;
  app.get('/procedures', { schema: { tags, summary: 'The procedure catalog (filter by text, field, level); keyset-paginated by code', querystring: ProcedureListQuery, response: { 200: z.object({ items: z.array(ProcedureSummary), next: z.string().nullable() }) } } }, async (req) => {
    const items = await svc.list(req.query);
    return { items, next: items.length === req.query.limit ? items[items.length - 1]!.code : null };
  });
  app.get('/procedures/:code', { schema: { tags, summary: 'One procedure with its full record', params: z.object({ code: z.string().max(50) }), response: { 200: ProcedureDetail } } }, async (req) => jsonify(await svc.getByCode(req.params.code)));
  app.post('/procedures/import', { schema: { tags, summary: 'Import procedure records in the national portal format (province admin)', body: ImportBody, response: { 200: z.object({ imported: z.array(z.string()) }) } } }, async (req) => {
    requireRole(req, ['province_admin']);
    return { imported: await svc.importNationalRecords(req.body.records) };
  });
  const CodeParams = z.object({ code: z.string().trim().min(1).max(50) });
  app.get('/catalog/reviews', { schema: { tags, summary: 'Index entries structured by the page-text parser, by review state, with the fields read with low confidence (admins)', querystring: ReviewQueueQuery, response: { 200: z.object({ items: z.array(ReviewQueueItem), next: z.string().nullable(), counts: z.record(z.string(), z.number()) }) } } }, async (req) => {
    requireRole(req, ADMIN_ROLES);
    const rows = await svc.reviewQueue(req.query);
    const items = rows.map(({ confidence, ...r }) => ({ ...r, lowFields: PARSED_FIELDS.filter((f) => confidence?.[f] === 'low') }));
    return { items, next: rows.length === req.query.limit ? rows[rows.length - 1]!.code : null, counts: await svc.reviewCounts(req.query.level) };
  });
  app.get('/procedures/:code/versions', { schema: { tags, summary: 'Every version of a procedure record, oldest first (append-only; admins)', params: CodeParams, response: { 200: z.object({ items: z.array(VersionOut) }) } } }, async (req) => {
    requireRole(req, ADMIN_ROLES);
    const items = await svc.versions(req.params.code);
    return { items: items.map((v) => ({ ...v, origin: v.origin as 'import_national' | 'import_index' | 'review', createdAt: v.createdAt.toISOString() })) };
  });
  app.get('/procedures/:code/versions/:version', { schema: { tags, summary: 'One stored version with its whole record and source text (admins)', params: CodeParams.extend({ version: z.coerce.number().int().min(1) }), response: { 200: VersionOut.extend({ record: z.any() }) } } }, async (req) => {
    requireRole(req, ADMIN_ROLES);
    const v = await svc.version(req.params.code, req.params.version);
    return { version: v.version, reviewState: v.reviewState, origin: v.origin as 'import_national' | 'import_index' | 'review', createdBy: v.createdBy, createdAt: v.createdAt.toISOString(), note: v.note, review: (v.record as { review?: unknown }).review ?? null, record: v.record };
  });
  app.post('/procedures/:code/review', { schema: { tags, summary: 'Confirm or correct what the parser read (province admin): stored as a new version, the source text kept; 409 on a stale version', params: CodeParams, body: ReviewBody, response: { 200: ProcedureDetail } } }, async (req) => {
    const auth = requireRole(req, ['province_admin']);
    return jsonify(await svc.review(auth, req.params.code, { version: req.body.version, corrections: req.body.corrections as ReviewCorrections, note: req.body.note }));
  });
  const AgencyParams = z.object({ agencyId: z.string().uuid() });
  app.get('/agencies/:agencyId/publications', { schema: { tags, summary: 'Procedures an agency publishes', params: AgencyParams, response: { 200: z.object({ items: z.array(z.object({ publication: PublicationOut, procedure: z.object({ id: z.string(), code: z.string(), name: z.string(), onlineLevel: z.string(), fieldName: z.string().nullable() }) })) }) } } }, async (req) => ({ items: await svc.listPublications(req.params.agencyId) }));
  app.post('/agencies/:agencyId/publications', { schema: { tags, summary: 'Publish a procedure for an agency (unit admin); generates the default workflow', params: AgencyParams, body: PublishBody, response: { 201: PublicationOut } } }, async (req, reply) => {
    const auth = requireRole(req, ADMIN_ROLES);
    reply.code(201);
    return svc.publish(auth, req.params.agencyId, req.body.procedureCode, req.body.decisionNo);
  });
  const PubParams = z.object({ id: z.string().uuid() });
  app.get('/publications/:id/workflow', { schema: { tags, summary: 'The internal workflow in force', params: PubParams, response: { 200: WorkflowOut } } }, async (req) => wfOut(await svc.getWorkflow(req.params.id)));
  app.put('/publications/:id/workflow', { schema: { tags, summary: 'Replace the internal workflow (new version; must fit the legal time)', params: PubParams, body: WorkflowBody, response: { 200: WorkflowOut } } }, async (req) => {
    const auth = requireRole(req, ADMIN_ROLES);
    return wfOut(await svc.updateWorkflow(auth, req.params.id, req.body.steps, req.body.agencyOrder));
  });
};

function wfOut<T extends { steps: unknown; createdAt: Date }>(wf: T) {
  return { ...jsonify(wf), steps: wf.steps as WorkflowStep[], createdAt: wf.createdAt.toISOString() };
}

/**
 * Remediation routes (/api/reform/remediation-tasks…) and the reform dashboard (/api/reform/dashboard,
 * /api/reform/units/:agencyId/history). Scope is checked in the services.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/context.ts';
import { requireAuth } from '../../../platform/http/auth.ts';
import { disposition } from '../../../platform/http/download.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { RemediationService } from './remediation.service.ts';
import { DashboardService, type InspectionStats, type InspectionVisitsFor } from './dashboard.service.ts';
import * as S from './remediation.schemas.ts';

export interface RemediationRouteOptions {
  /** The inspections module's exports (the lead wires them at merge); default: no inspections. */
  inspectionStats?: InspectionStats;
  inspectionVisitsFor?: InspectionVisitsFor;
}

export const remediationRoutes = (ctx: AppContext, opts: RemediationRouteOptions = {}): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reform-remediation'];
  const svc = new RemediationService(ctx);
  const dash = new DashboardService(ctx, opts.inspectionStats, opts.inspectionVisitsFor);
  const staff = (req: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(req);
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    return auth;
  };
  const P = '/reform/remediation-tasks';

  app.get(P, { schema: { tags, summary: 'Remediation tasks the caller may see (own unit, led, or all of the province for reform officers of the standing body), keyset paged by (deadline, id)', querystring: S.ListQuery } }, async (req) => svc.list(staff(req), req.query));
  app.post(P, { schema: { tags, summary: 'Create a task from a PAR lost point {roundId, agencyId, nodeCode, content, deadline?} (reform officers of the standing body; default deadline 15 days; idempotent: 200 with the existing task)', body: S.CreateBody } }, async (req, reply) => {
    const r = await svc.createFromLostPoint(staff(req), req.body);
    reply.code(r.created ? 201 : 200);
    return r.task;
  });
  app.get(`${P}/:id`, { schema: { tags, summary: 'A task with its append-only history, evidence and what the caller may do', params: S.IdParams } }, async (req) => svc.get(staff(req), req.params.id));
  app.get(`${P}/:id/evidence/:sha256`, { schema: { tags, summary: 'Download an evidence file of the task (same scope as the task; others 404)', params: S.EvidenceParams } }, async (req, reply) => {
    const f = await svc.evidenceContent(staff(req), req.params.id, req.params.sha256);
    reply.header('content-type', f.contentType);
    disposition(reply, 'attachment', f.fileName);
    reply.header('cache-control', 'private, no-store');
    return reply.send(f.content);
  });
  app.post(`${P}/:id/report`, { schema: { tags, summary: 'The owner unit reports {version, report, evidence:[{sha256,fileName}]} (POST /api/files first; at least one file)', params: S.IdParams, body: S.ReportBody } }, async (req) => svc.report(staff(req), req.params.id, req.body));
  app.post(`${P}/:id/accept`, { schema: { tags, summary: "The task's leader (or a reform officer of the standing body) accepts the report {version, comment?}", params: S.IdParams, body: S.AcceptBody } }, async (req) => svc.accept(staff(req), req.params.id, req.body));
  app.post(`${P}/:id/return`, { schema: { tags, summary: 'Return the report to the unit with a required comment {version, comment}', params: S.IdParams, body: S.ReturnBody } }, async (req) => svc.returnTask(staff(req), req.params.id, req.body));

  app.get('/reform/dashboard', { schema: { tags, summary: 'Reform dashboard of the province or a unit and its children: PAR index, round status, inspections, remediation, late periodic reports; every figure with its drill-down rows', querystring: S.DashboardQuery } }, async (req) => dash.dashboard(staff(req), req.query));
  app.get('/reform/units/:agencyId/history', { schema: { tags, summary: "A unit's reform history over the years (index, rank, lost points, inspections, tasks)", params: S.AgencyParams } }, async (req) => dash.unitHistory(staff(req), req.params.agencyId));
};

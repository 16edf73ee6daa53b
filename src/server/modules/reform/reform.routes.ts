import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth } from '../../platform/http/auth.ts';
import { disposition } from '../../platform/http/download.ts';
import { AppError } from '../../platform/http/errors.ts';
import { CreateReportBody, EditReportBody, IdParams, ListQuery, OverviewOut, OverviewQuery, ReportOut, ReportSummaryOut, VersionBody } from './reform.schemas.ts';
import { z } from 'zod';
import type { ReformProviders } from './reform.service.ts';

/**
 * Periodic reform reports: /api/reform/… (staff only; the agency must be in the caller's scope, else 404).
 * `providers`: the reform modules' figures (PAR, inspections, remediation) for the reports' reform sections.
 */
export const reformRoutes = (ctx: AppContext, providers?: ReformProviders): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reform'];
  const svc = ctx.services.reform;
  if (providers) svc.useProviders(providers);
  /** Any staff role may read; citizens have no staff session, so requireAuth plus an assignment is enough. */
  const staff = (req: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(req);
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    return auth;
  };

  app.get('/reform/reports', {
    schema: {
      tags,
      summary:
        'Periodic reform reports (báo cáo định kỳ công tác cải cách hành chính) of the caller’s scope (agencyId: that agency and those under it), optionally one year and kind (q1 | half | q3 | year). ' +
        '`late` = submitted after the deadline, or not submitted and the deadline day (the 20th of the period’s last month, Vietnam time) is over.',
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(ReportSummaryOut) }) },
    },
  }, async (req) => svc.list(staff(req), req.query));

  app.post('/reform/reports', {
    schema: {
      tags,
      summary:
        'Draft the report of a unit for a kind and year (unit_admin, leader, reform_officer, province_admin). Figures are computed once from the service index over the data cut-off ' +
        '(q1: 15/12 of the previous year–14/3; half: 15/12–14/6; q3: 15/6–14/9; year: 15/12–14/12) and kept as a snapshot; the four sections are drafted from them. 409 REPORT_EXISTS when the unit already has it.',
      body: CreateReportBody,
      response: { 201: ReportOut },
    },
  }, async (req, reply) => {
    const r = await svc.create(staff(req), req.body);
    reply.code(201);
    return r;
  });

  app.get('/reform/reports/:id', { schema: { tags, summary: 'One report with its figures, sections and what the caller may do', params: IdParams, response: { 200: ReportOut } } }, async (req) => svc.get(staff(req), req.params.id));

  app.put('/reform/reports/:id', {
    schema: {
      tags,
      summary: 'Edit text sections of a draft {version, sections: [{key, heading?, body}]} (known keys only; optimistic concurrency: a stale version answers 409 VERSION_CONFLICT).',
      params: IdParams,
      body: EditReportBody,
      response: { 200: ReportOut },
    },
  }, async (req) => svc.edit(staff(req), req.params.id, req.body));

  app.post('/reform/reports/:id/refresh', {
    schema: { tags, summary: 'Recompute the figures of a draft; sections still holding the drafted text are re-drafted, edited ones are kept.', params: IdParams, body: VersionBody, response: { 200: ReportOut } },
  }, async (req) => svc.refresh(staff(req), req.params.id, req.body.version));

  app.post('/reform/reports/:id/submit', {
    schema: { tags, summary: 'Submit the report (leader, unit_admin): status submitted with submittedAt; late when after the end of the deadline day.', params: IdParams, body: VersionBody, response: { 200: ReportOut } },
  }, async (req) => svc.submit(staff(req), req.params.id, req.body.version));

  app.post('/reform/reports/:id/withdraw', {
    schema: { tags, summary: 'Withdraw a submitted report back to draft (leader, unit_admin), only until the end of the deadline day (else 409 REPORT_WITHDRAW_CLOSED).', params: IdParams, body: VersionBody, response: { 200: ReportOut } },
  }, async (req) => svc.withdraw(staff(req), req.params.id, req.body.version));

  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/reform/reports/:id/document.${format}`, {
      schema: {
        tags,
        summary: `The report as ${format.toUpperCase()} (administrative document layout; a draft is marked "DỰ THẢO" and dated today, a submitted report is dated on its submission).`,
        params: IdParams,
        produces: [format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
    }, async (req, reply) => {
      const d = await svc.document(staff(req), req.params.id, format);
      reply.header('content-type', d.mime);
      disposition(reply, 'attachment', d.fileName);
      reply.header('cache-control', 'private, no-store');
      return reply.send(d.body);
    });
  }

  app.get('/reform/overview', {
    schema: {
      tags,
      summary:
        'Every child unit of a parent agency that handles dossiers (an active publication on it or below it), with its standing on the report of that year and kind: ' +
        'submitted on time, submitted late, draft, or none; `late` once the deadline day is over and nothing is submitted (or it was submitted late).',
      querystring: OverviewQuery,
      response: { 200: OverviewOut },
    },
  }, async (req) => svc.overview(staff(req), req.query));
};

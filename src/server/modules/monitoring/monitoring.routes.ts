import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAuth, requireRole } from '../../platform/http/auth.ts';
import { disposition } from '../../platform/http/download.ts';
import { AppError } from '../../platform/http/errors.ts';
import { readPortalCountsFile } from './portal-counts-file.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { renderDashboardPdf, renderDashboardXlsx, renderDrillXlsx, renderRankingsPdf, renderRankingsXlsx } from './exports/index.ts';
import {
  DashboardOut,
  DossiersOut,
  DossiersQuery,
  IndicatorQuery,
  ProceduresOut,
  ProfileBody,
  ProfilesOut,
  PublicScopeQuery,
  RankingsOut,
  RankingsQuery,
  ReconciliationBody,
  ReconciliationOut,
  ScopeQuery,
  periodOf,
} from './monitoring.schemas.ts';

const LangQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileStem = (code: string, label: string) => `${code}_${label}`.replace(/[\s/]+/g, '-');

/** Staff: dashboards, drill-down, rankings, exports, reconciliation, profiles, rebuild. */
export const monitoringRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];
  const svc = ctx.services.monitoring;
  const today = () => svc.today();

  app.get('/monitoring/profiles', {
    schema: { tags, summary: 'Scoring profiles (versioned indicator sets with validity dates): the built-in ones and those a province added. `defaultId` is the current national portal profile.', response: { 200: ProfilesOut } },
  }, async (req) => {
    requireAuth(req);
    return { defaultId: svc.defaultProfileId(), profiles: await svc.profiles() };
  });

  app.post('/monitoring/profiles', {
    schema: { tags, summary: 'Add a scoring profile (province admin). Profiles are never edited: a change is a new id with its own validity dates; every period can be re-scored with any profile (?profile=id).', body: ProfileBody, response: { 201: ProfileBody } },
  }, async (req, reply) => {
    const auth = requireRole(req, ['province_admin']);
    const p = await svc.addProfile(auth, req.body);
    reply.code(201);
    return p;
  });

  app.get('/monitoring/index', {
    schema: {
      tags,
      summary:
        'The service index (Decision 766) of an agency and its subtree for a period: total, rating band, the groups, every indicator with numerator, denominator, rate, points and points lost; the previous period; the months of the year. Computed from the incremental counters (no dossier scan). Open dossiers are judged at the period end (today while the period runs).',
      querystring: ScopeQuery,
      response: { 200: DashboardOut },
    },
  }, async (req) => svc.dashboard(requireAuth(req), req.query.agencyId, periodOf(req.query, today()), req.query.profile));

  app.get('/monitoring/index/procedures', {
    schema: { tags, summary: 'Drill-down, level 1: the procedures behind an indicator (numerator, denominator, missing), worst first.', querystring: IndicatorQuery, response: { 200: ProceduresOut } },
  }, async (req) => svc.indicatorProcedures(requireAuth(req), req.query.agencyId, periodOf(req.query, today()), req.query.indicator, req.query.profile));

  app.get('/monitoring/index/dossiers', {
    schema: {
      tags,
      summary: 'Drill-down, level 2: the dossiers behind a dossier-based indicator — those that cost points (filter=missing, default), those in the numerator, or the whole denominator — with the reason, oldest receipt first. Keyset paged: pass the page\'s `next` as `cursor` for the following page (null on the last).',
      querystring: DossiersQuery,
      response: { 200: DossiersOut },
    },
  }, async (req) => {
    const q = req.query;
    return svc.indicatorDossiers(requireAuth(req), q.agencyId, periodOf(q, today()), { indicator: q.indicator, procedureId: q.procedureId, filter: q.filter, limit: q.limit, cursor: q.cursor });
  });

  app.get('/monitoring/rankings', {
    schema: {
      tags,
      summary: 'Rankings of the child agencies of `agencyId` (communes of a province, departments) by total (rescaled to 100) or by a group (sort=GROUP_CODE). Units under the minimum volume (profile default, or minDossiers) are listed unranked.',
      querystring: RankingsQuery,
      response: { 200: RankingsOut },
    },
  }, async (req) => {
    const q = req.query;
    return svc.rankings(requireAuth(req), q.agencyId, periodOf(q, today()), { profileId: q.profile, sort: q.sort, minDossiers: q.minDossiers });
  });

  app.get('/monitoring/index.xlsx', {
    schema: { tags, summary: 'The dashboard as an Excel workbook.', querystring: ScopeQuery.extend(LangQuery.shape), produces: [XLSX] },
  }, async (req, reply) => {
    const d = await svc.dashboard(requireAuth(req), req.query.agencyId, periodOf(req.query, today()), req.query.profile);
    reply.header('content-type', XLSX);
    disposition(reply, 'attachment', `chi-so-766_${fileStem(d.agency.code, d.period.label.en)}.xlsx`);
    reply.header('cache-control', 'private, no-store');
    return reply.send(await renderDashboardXlsx(d, req.query.lang));
  });

  app.get('/monitoring/index.pdf', {
    schema: { tags, summary: 'The dashboard as a PDF with its charts (A4).', querystring: ScopeQuery.extend(LangQuery.shape), produces: ['application/pdf'] },
  }, async (req, reply) => {
    const d = await svc.dashboard(requireAuth(req), req.query.agencyId, periodOf(req.query, today()), req.query.profile);
    reply.header('content-type', 'application/pdf');
    disposition(reply, 'attachment', `chi-so-766_${fileStem(d.agency.code, d.period.label.en)}.pdf`);
    reply.header('cache-control', 'private, no-store');
    return reply.send(await renderDashboardPdf(d, req.query.lang));
  });

  app.get('/monitoring/index/drilldown.xlsx', {
    schema: {
      tags,
      summary: 'One indicator’s drill-down as an Excel workbook: the procedures behind it and (dossier-based indicators) up to 5,000 dossiers with the reason they cost points (filter as in /index/dossiers).',
      querystring: DossiersQuery.omit({ limit: true, cursor: true }).extend(LangQuery.shape),
      produces: [XLSX],
    },
  }, async (req, reply) => {
    const q = req.query;
    const x = await svc.drillExport(requireAuth(req), q.agencyId, periodOf(q, today()), { indicator: q.indicator, procedureId: q.procedureId, filter: q.filter, profileId: q.profile });
    reply.header('content-type', XLSX);
    disposition(reply, 'attachment', `chi-so-766_${q.indicator}_${fileStem(x.agency.code, x.period.label.en)}.xlsx`);
    reply.header('cache-control', 'private, no-store');
    return reply.send(await renderDrillXlsx(x, q.lang));
  });

  app.get('/monitoring/rankings.xlsx', {
    schema: { tags, summary: 'The rankings as an Excel workbook.', querystring: RankingsQuery.extend(LangQuery.shape), produces: [XLSX] },
  }, async (req, reply) => {
    const q = req.query;
    const r = await svc.rankings(requireAuth(req), q.agencyId, periodOf(q, today()), { profileId: q.profile, sort: q.sort, minDossiers: q.minDossiers });
    reply.header('content-type', XLSX);
    disposition(reply, 'attachment', `xep-hang-766_${fileStem(r.parent.code, r.period.label.en)}.xlsx`);
    reply.header('cache-control', 'private, no-store');
    return reply.send(await renderRankingsXlsx(r, q.lang));
  });

  app.get('/monitoring/rankings.pdf', {
    schema: { tags, summary: 'The rankings as a PDF with a chart.', querystring: RankingsQuery.extend(LangQuery.shape), produces: ['application/pdf'] },
  }, async (req, reply) => {
    const q = req.query;
    const r = await svc.rankings(requireAuth(req), q.agencyId, periodOf(q, today()), { profileId: q.profile, sort: q.sort, minDossiers: q.minDossiers });
    reply.header('content-type', 'application/pdf');
    disposition(reply, 'attachment', `xep-hang-766_${fileStem(r.parent.code, r.period.label.en)}.pdf`);
    reply.header('cache-control', 'private, no-store');
    return reply.send(await renderRankingsPdf(r, q.lang));
  });

  app.post('/monitoring/reconciliations', {
    schema: {
      tags,
      summary: 'Import the counts the national portal published for an agency and period (numerator and denominator per indicator code). Stored append-only; the latest import of a period is the one compared.',
      body: ReconciliationBody,
      response: { 201: z.object({ id: z.string() }) },
    },
  }, async (req, reply) => {
    const auth = requireRole(req, ['reform_officer', 'province_admin', 'unit_admin']);
    const b = req.body;
    const r = await svc.importReconciliation(auth, b.agencyId, periodOf(b, today()), { source: b.source, metrics: b.metrics, profile: b.profile });
    reply.code(201);
    return r;
  });

  app.post('/monitoring/reconciliations/read', {
    schema: {
      tags,
      summary: 'Read the national portal’s counts from a file (multipart field "file"): the Excel workbook exported from the portal (first sheet, columns "Mã chỉ tiêu", "Tử số", "Mẫu số") or JSON. Nothing is stored: the console shows the counts, then imports them with POST /monitoring/reconciliations.',
      consumes: ['multipart/form-data'],
      response: { 200: z.object({ fileName: z.string().nullable(), metrics: z.array(z.object({ code: z.string(), numerator: z.number().int(), denominator: z.number().int() })) }) },
    },
  }, async (req) => {
    requireRole(req, ['reform_officer', 'province_admin', 'unit_admin']);
    const { bytes, fileName } = await readUploadedFile(req, 2 * 1024 * 1024);
    return { fileName, metrics: await readPortalCountsFile(bytes) };
  });

  app.get('/monitoring/reconciliation', {
    schema: { tags, summary: 'The national portal’s imported counts scored with the same profile, beside motcua’s own figures, with the differences per indicator.', querystring: ScopeQuery, response: { 200: ReconciliationOut } },
  }, async (req) => svc.reconciliation(requireAuth(req), req.query.agencyId, periodOf(req.query, today()), req.query.profile));

  app.post('/monitoring/rebuild', {
    schema: { tags, summary: 'Rebuild every dossier’s index facts and the counters from the dossiers and their history (province admin). Gives the same counters as the incremental path.', response: { 200: z.object({ dossiers: z.number(), buckets: z.number(), ms: z.number() }) } },
  }, async (req) => {
    requireRole(req, ['province_admin']);
    return svc.rebuild();
  });
};

/** Public: any agency's published index and the rankings of its children. No dossier lists. */
export const publicIndexRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const svc = ctx.services.monitoring;
  const today = () => svc.today();

  app.get('/public/index/agencies', {
    schema: {
      tags,
      summary: 'Agencies with a published service index (the agency tree, parents first), keyset-paginated: pass `next` as `after`.',
      querystring: z.object({ after: z.string().max(2000).optional(), limit: z.coerce.number().int().min(1).max(100).default(100) }),
      response: { 200: z.object({ agencies: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string(), parentId: z.string().nullable() })), next: z.string().nullable() }) },
    },
  }, async (req) => svc.publicAgencies(req.query));

  app.get('/public/index', {
    schema: { tags, summary: 'An agency’s service index for a period (as the staff dashboard, without drill-down to dossiers).', querystring: PublicScopeQuery, response: { 200: DashboardOut } },
  }, async (req) => svc.dashboardFor(req.query.agencyId, periodOf(req.query, today()), req.query.profile));

  app.get('/public/rankings', {
    schema: { tags, summary: 'Rankings of an agency’s children for a period.', querystring: RankingsQuery, response: { 200: RankingsOut } },
  }, async (req) => {
    const q = req.query;
    if (q.minDossiers !== undefined && q.minDossiers < 1) throw new AppError('VALIDATION_FAILED', {}, { reason: 'minDossiers must be at least 1 on the public page' });
    return svc.rankingsFor(q.agencyId, periodOf(q, today()), { profileId: q.profile, sort: q.sort, minDossiers: q.minDossiers });
  });
};

import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { AppError, errorBody } from './errors.ts';
import { findUnsafeText } from '../../../core/text/unsafe.ts';
import type { AppContext } from '../context.ts';
import { registerAuth } from './auth.ts';
import { healthRoutes } from '../../modules/health/health.routes.ts';
import { authRoutes } from '../../modules/auth/auth.routes.ts';
import { unitsRoutes } from '../../modules/units/units.routes.ts';
import { staffRoutes } from '../../modules/staff/staff.routes.ts';
import { catalogRoutes } from '../../modules/catalog/catalog.routes.ts';
import { calendarRoutes } from '../../modules/calendar/calendar.routes.ts';
import { dossiersRoutes } from '../../modules/dossiers/dossiers.routes.ts';
import { registerWeb } from './web.ts';
import { monitoringRoutes, publicIndexRoutes } from '../../modules/monitoring/monitoring.routes.ts';
import { reformRoutes } from '../../modules/reform/reform.routes.ts';
import { inspectionDocumentsRoutes } from '../../modules/reform/inspections/documents.routes.ts';
import { parRoutes } from '../../modules/reform/par/par.routes.ts';
import { inspectionStats, inspectionVisitsFor, inspectionsRoutes } from '../../modules/reform/inspections/index.ts';
import { openTasksForParNode, remediationRoutes, remediationTallyFor } from '../../modules/reform/remediation/index.ts';
import { parSummaryFor } from '../../modules/reform/par/index.ts';
import { toLocalDate } from '../../../core/calendar/index.ts';
import { documentsRoutes, publicDocumentsRoutes } from '../../modules/documents/documents.routes.ts';
import { signaturesRoutes } from '../../modules/signatures/signatures.routes.ts';
import { portalRoutes } from '../../modules/portal/portal.routes.ts';
import { procedureSearchRoutes } from '../../modules/portal/procedures.routes.ts';
import { slipsRoutes } from '../../modules/slips/slips.routes.ts';
import { citizensRoutes } from '../../modules/citizens/citizens.routes.ts';
import { ratingsRoutes } from '../../modules/ratings/ratings.routes.ts';
import { paymentsRoutes } from '../../modules/payments/payments.routes.ts';
import { postalRoutes } from '../../modules/postal/postal.routes.ts';
import { devMessagesRoutes } from '../../modules/notifications/notifications.routes.ts';
import { feedbackRoutes, publicFeedbackRoutes, publicStatsRoutes } from '../../modules/feedback/feedback.routes.ts';

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  // Text a column cannot hold (NUL, lone surrogates) is refused before validation, naming the field.
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
      if (where === 'body' && req.isMultipart()) continue;
      const field = findUnsafeText(value);
      if (field) throw new AppError('TEXT_INVALID_CHARACTER', { field }, { in: where });
    }
  });
  // API answers are personal or live: never stored by a browser or a shared cache unless a route says otherwise.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'SAMEORIGIN'); // the console shows PDFs of its own origin in a frame
    return payload;
  });
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 10, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'motcua API',
        description:
          'One-stop administrative procedures (một cửa). Errors: `{error:{code,message (vi),messageEn,details}}` with stable codes. ' +
          'Authenticate with POST /api/auth/login, then send the cookie or `Authorization: Bearer <token>`.',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return reply.code(err.status).send(errorBody(err));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      return reply.code(400).send(errorBody(new AppError('VALIDATION_FAILED', {}, { in: err.validationContext, issues })));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err: err.cause }, 'response serialisation failed');
      return reply.code(500).send(errorBody(new AppError('INTERNAL')));
    }
    const e = err as { statusCode?: number; code?: string; message?: string; cause?: { message?: string } };
    if (e.cause?.message?.includes('APPEND_ONLY')) return reply.code(409).send(errorBody(new AppError('APPEND_ONLY')));
    // A multipart body without a boundary, cut short or malformed (busboy's errors carry no status).
    const multipartBroken = e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || e.code === 'FST_PARTS_LIMIT' || (req.isMultipart() && (e.code === 'ERR_STREAM_PREMATURE_CLOSE' || /boundary|Unexpected end of (form|multipart)|Malformed part header|Multipart: |Premature close/i.test(e.message ?? '')));
    if (multipartBroken || /boundary/i.test(e.message ?? '')) {
      return reply.code(400).send(errorBody(new AppError('MULTIPART_INVALID')));
    }
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_FILES_LIMIT') {
      return reply.code(413).send(errorBody(new AppError('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.maxUploadBytes / 1048576) })));
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send(errorBody(new AppError('VALIDATION_FAILED', {}, { reason: e.message })));
    }
    req.log.error({ err }, 'unhandled error');
    if (!opts.logger) console.error(err);
    return reply.code(500).send(errorBody(new AppError('INTERNAL')));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody(new AppError('NOT_FOUND', { entity: req.url.split('?')[0] })));
  });

  registerAuth(app, ctx);
  await app.register(healthRoutes(ctx), { prefix: '/api' });
  await app.register(authRoutes(ctx), { prefix: '/api' });
  await app.register(unitsRoutes(ctx), { prefix: '/api' });
  await app.register(staffRoutes(ctx), { prefix: '/api' });
  await app.register(catalogRoutes(ctx), { prefix: '/api' });
  await app.register(calendarRoutes(ctx), { prefix: '/api' });
  await app.register(dossiersRoutes(ctx), { prefix: '/api' });
  await app.register(portalRoutes(ctx), { prefix: '/api' });
  await app.register(procedureSearchRoutes(ctx), { prefix: '/api' });
  await app.register(slipsRoutes(ctx), { prefix: '/api' });
  await app.register(citizensRoutes(ctx), { prefix: '/api' });
  await app.register(ratingsRoutes(ctx), { prefix: '/api' });
  await app.register(paymentsRoutes(ctx), { prefix: '/api' });
  await app.register(postalRoutes(ctx), { prefix: '/api' });
  await app.register(devMessagesRoutes(ctx), { prefix: '/api' });
  await app.register(publicFeedbackRoutes(ctx), { prefix: '/api' });
  await app.register(feedbackRoutes(ctx), { prefix: '/api' });
  await app.register(publicStatsRoutes(ctx), { prefix: '/api' });
  await app.register(monitoringRoutes(ctx), { prefix: '/api' });
  await app.register(publicIndexRoutes(ctx), { prefix: '/api' });
  // The periodic reports' reform sections read the PAR round, inspections and remediation (reform/*/index.ts).
  await app.register(reformRoutes(ctx, { inspectionStats, remediationTally: remediationTallyFor, parSummary: parSummaryFor }), { prefix: '/api' });
  // The PAR self-assessment shows a criterion's open remediation tasks (reform/remediation).
  await app.register(parRoutes(ctx, { openTasksForNode: (agencyId, nodeCode) => openTasksForParNode(ctx.db, agencyId, nodeCode, toLocalDate(ctx.now())) }), { prefix: '/api' });
  await app.register(inspectionsRoutes(ctx), { prefix: '/api' });
  await app.register(inspectionDocumentsRoutes(ctx), { prefix: '/api' });
  await app.register(remediationRoutes(ctx, { inspectionStats, inspectionVisitsFor }), { prefix: '/api' });
  await app.register(signaturesRoutes(ctx), { prefix: '/api' });
  await app.register(documentsRoutes(ctx), { prefix: '/api' });
  await app.register(publicDocumentsRoutes(ctx), { prefix: '/api' });
  // The short link printed on the slips (PUBLIC_BASE_URL/danh-gia/<code>) opens the portal's rating page.
  app.get('/danh-gia/:code', { schema: { hide: true } }, async (req, reply) => reply.redirect(`/dich-vu-cong/danh-gia/${encodeURIComponent((req.params as { code: string }).code)}`, 302));
  await registerWeb(app);
  return app;
}

/** Reform inspection routes under /api/reform (contract: .wip/inspections-contract.md). Scope checked in the service. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/context.ts';
import { requireAuth } from '../../../platform/http/auth.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { sniffMime } from '../../../platform/files/file-store.ts';
import { InspectionsService } from './inspections.service.ts';
import * as S from './inspections.schemas.ts';

export const inspectionsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reform-inspections'];
  const svc = new InspectionsService(ctx);
  const staff = (req: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(req);
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    return auth;
  };
  const P = '/reform';

  app.get(`${P}/inspection-templates`, { schema: { tags, summary: 'Checklist templates (dated data) with their items and figure tags' } }, async (req) => {
    staff(req);
    return svc.listTemplates();
  });
  app.get(`${P}/inspection-plans`, { schema: { tags, summary: 'Inspection plans the caller may see', querystring: S.YearQuery } }, async (req) => svc.listPlans(staff(req), req.query.year));
  app.post(`${P}/inspection-plans`, { schema: { tags, summary: 'Create a draft plan; 422 PLAN_INVALID with details.problems (Vietnamese messages)', body: S.PlanBody } }, async (req, reply) => {
    const r = await svc.createPlan(staff(req), req.body);
    reply.code(201);
    return r;
  });
  app.get(`${P}/inspection-plans/:planId`, { schema: { tags, summary: 'A plan with visits, team and (self) coverage', params: S.PlanParams } }, async (req) => svc.getPlan(staff(req), req.params.planId));
  app.patch(`${P}/inspection-plans/:planId`, { schema: { tags, summary: 'Edit a draft plan {version, …}', params: S.PlanParams, body: S.PlanPatchBody } }, async (req) => svc.patchPlan(staff(req), req.params.planId, req.body));
  app.post(`${P}/inspection-plans/:planId/approve`, { schema: { tags, summary: 'Approve a draft plan {version}', params: S.PlanParams, body: S.VersionBody } }, async (req) => svc.approvePlan(staff(req), req.params.planId, req.body.version));

  app.get(`${P}/inspection-visits`, { schema: { tags, summary: 'Visits the caller may see (team: its team; province reform officers/leaders: all; a unit: its own once done)', querystring: S.VisitsQuery } }, async (req) => svc.listVisits(staff(req), req.query));
  app.get(`${P}/inspection-visits/:visitId`, { schema: { tags, summary: 'A visit with checklist items, photos, summary, documents and the caller role', params: S.VisitParams } }, async (req) => svc.getVisit(staff(req), req.params.visitId));
  app.post(`${P}/inspection-visits/:visitId/start`, { schema: { tags, summary: 'planned → in_progress (team member) {version}', params: S.VisitParams, body: S.VersionBody } }, async (req) => svc.start(staff(req), req.params.visitId, req.body.version));
  app.post(`${P}/inspection-visits/:visitId/sync`, { schema: { tags, summary: 'Offline checklist changes (≤ 200): applied | unchanged (replay, same_content) | conflict (with mine)', params: S.VisitParams, body: S.SyncBody } }, async (req) => svc.sync(staff(req), req.params.visitId, req.body));
  app.post(`${P}/inspection-visits/:visitId/finish`, { schema: { tags, summary: 'in_progress → done (leader) {version}; 422 CHECKLIST_INCOMPLETE', params: S.VisitParams, body: S.VersionBody } }, async (req) => svc.finish(staff(req), req.params.visitId, req.body.version));

  app.post(`${P}/inspection-visits/:visitId/photos`, { schema: { tags, summary: 'Add a photo (multipart: clientPhotoId, itemCode, takenAt?, file); 201 first time, 200 when already stored', params: S.VisitParams, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const auth = staff(req);
    if (!req.isMultipart()) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
    const fields: Record<string, string> = {};
    let file: { bytes: Buffer; fileName: string; contentType: string } | null = null;
    for await (const part of req.parts({ limits: { fileSize: S.PHOTO_MAX_BYTES } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer().catch(() => null);
        if (bytes === null || part.file.truncated) throw new AppError('FILE_TOO_LARGE', { maxMb: S.PHOTO_MAX_BYTES / 1048576 });
        file = { bytes, fileName: part.filename || 'anh.jpg', contentType: part.mimetype };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    const parsed = S.PhotoFields.safeParse(fields);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', {}, { issues: parsed.error.issues });
    if (!file || file.bytes.length === 0) throw new AppError('INPUT_REQUIRED', { fields: 'file' });
    const mime = sniffMime(file.bytes);
    if (!mime || !(S.PHOTO_TYPES as readonly string[]).includes(mime)) throw new AppError('INSPECTION_PHOTO_TYPE', { mime: mime ?? file.contentType });
    const r = await svc.addPhoto(auth, req.params.visitId, parsed.data, { ...file, contentType: mime });
    reply.code(r.created ? 201 : 200);
    return { photo: r.photo };
  });
  app.get(`${P}/inspection-visits/:visitId/photos/:photoId`, { schema: { tags, summary: 'The photo (auth + scope checked)', params: S.PhotoParams } }, async (req, reply) => {
    const r = await svc.photoContent(staff(req), req.params.visitId, req.params.photoId);
    reply.header('content-type', r.photo.contentType);
    reply.header('cache-control', 'private, max-age=3600');
    return reply.send(Buffer.from(r.content));
  });
};

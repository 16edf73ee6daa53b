import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { requireAuth } from '../../../platform/http/auth.ts';
import { disposition } from '../../../platform/http/download.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { DOCUMENT_KINDS } from '../../../../core/reform/inspections/index.ts';
import { DocumentsService } from './documents.service.ts';

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd');
const VisitId = z.string().uuid('Mã cuộc kiểm tra không hợp lệ (phải là UUID)');
const Params = z.object({ visitId: VisitId, kind: z.enum(DOCUMENT_KINDS, { error: 'Loại văn bản phải là "minutes" (biên bản) hoặc "conclusion" (thông báo kết luận)' }) });
const VisitParams = z.object({ visitId: VisitId });
const DocVersion = z.number({ error: 'Thiếu số phiên bản (version) hoặc không phải là số' }).int('Số phiên bản phải là số nguyên').positive('Số phiên bản phải từ 1 trở lên');
const Section = z.object({ key: z.string().min(1).max(40), heading: z.string().min(1).max(300), body: z.string().max(20000) });
const Recommendation = z.object({ id: z.string().uuid('Mã kiến nghị không hợp lệ (phải là UUID)').optional(), ownerAgencyId: z.string().uuid('Mã đơn vị thực hiện không hợp lệ (phải là UUID)'), content: z.string().trim().min(1, 'Vui lòng nhập nội dung kiến nghị').max(4000, 'Nội dung kiến nghị tối đa 4000 ký tự'), deadline: LocalDate.nullable() });
const Signer = z.object({ title: z.array(z.string().min(1).max(120)).min(1).max(3), name: z.string().max(120).nullable() });
export const EditDocumentBody = z.object({
  version: DocVersion,
  subject: z.string().trim().min(1).max(500).optional(),
  sections: z.array(Section).max(30, 'Tối đa 30 mục nội dung').optional(),
  recommendations: z.array(Recommendation).max(100, 'Tối đa 100 kiến nghị').optional(),
  recipients: z.array(z.string().min(1).max(300)).max(30).optional(),
  signer: Signer.optional(),
});
const Finding = z.object({ itemCode: z.string(), group: z.string(), title: z.string(), result: z.string(), note: z.string() });
export const DocumentOut = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(['draft', 'issued']),
  version: z.number(),
  number: z.number().nullable(),
  symbol: z.string(),
  place: z.string(),
  date: z.string(),
  subject: z.string(),
  sections: z.array(Section),
  findings: z.array(Finding),
  recommendations: z.array(Recommendation.extend({ id: z.string() })),
  recipients: z.array(z.string()),
  signer: Signer,
  issuedAt: z.string().nullable(),
});

/** Inspection minutes and conclusion notice: /api/reform/inspection-visits/:visitId/documents/… (team members of the visit). */
export const inspectionDocumentsRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reform'];
  const svc = new DocumentsService(ctx);
  const staff = (req: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(req);
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    return auth;
  };

  for (const kind of DOCUMENT_KINDS) {
    app.get(`/reform/inspection-visits/:visitId/documents/${kind}.pdf`, {
      schema: { tags, summary: `The ${kind} as PDF (watermark "DỰ THẢO" until issued; the stored file once issued).`, params: VisitParams, produces: ['application/pdf'] },
    }, async (req, reply) => {
      const d = await svc.pdf(staff(req), req.params.visitId, kind);
      reply.header('content-type', 'application/pdf');
      disposition(reply, 'inline', d.fileName);
      reply.header('cache-control', 'private, no-store');
      return reply.send(d.body);
    });
  }

  app.get('/reform/inspection-visits/:visitId/documents/:kind', {
    schema: { tags, summary: 'The minutes (biên bản) or the conclusion notice (thông báo kết luận) of a visit; the draft is generated from the checklist and findings the first time.', params: Params, response: { 200: DocumentOut } },
  }, async (req) => svc.get(staff(req), req.params.visitId, req.params.kind));

  app.put('/reform/inspection-visits/:visitId/documents/:kind', {
    schema: { tags, summary: 'Edit the draft {version, subject?, sections?, recommendations?, recipients?, signer?}; a stale version answers 409 VERSION_CONFLICT, an issued document 409 INSPECTION_DOCUMENT_STATE.', params: Params, body: EditDocumentBody, response: { 200: DocumentOut } },
  }, async (req) => svc.edit(staff(req), req.params.visitId, req.params.kind, req.body));

  app.post('/reform/inspection-visits/:visitId/documents/:kind/issue', {
    schema: { tags, summary: 'Issue {version} (team leader; visit done; minutes before conclusion): assigns the number NN/BB-SNV or NN/TB-SNV, stores the PDF; the conclusion creates one remediation task per recommendation.', params: Params, body: z.object({ version: DocVersion }), response: { 200: DocumentOut } },
  }, async (req) => svc.issue(staff(req), req.params.visitId, req.params.kind, req.body.version));
};

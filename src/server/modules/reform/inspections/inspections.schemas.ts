/** Zod schemas of the inspection routes (validation at the edge; OpenAPI from the same schemas). */
import { z } from 'zod';
import { ITEM_RESULTS } from '../../../../core/reform/inspections/index.ts';
import { IsoDate } from '../../../platform/http/schemas.ts';

const Uuid = z.string().uuid('Mã định danh không hợp lệ (phải là UUID)');
const Version = z.number({ error: 'Thiếu số phiên bản (version) hoặc không phải là số' }).int('Số phiên bản phải là số nguyên').min(1, 'Số phiên bản phải từ 1 trở lên');
const Text = (max: number) => z.string().trim().max(max);

export const DOCUMENT_KINDS = ['minutes', 'conclusion'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const PlanParams = z.object({ planId: Uuid });
export const VisitParams = z.object({ visitId: Uuid });
export const PhotoParams = z.object({ visitId: Uuid, photoId: Uuid });
export const DocumentParams = z.object({ visitId: Uuid, kind: z.enum(DOCUMENT_KINDS) });

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const VisitsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['planned', 'in_progress', 'done', 'cancelled']).optional(),
});

/** Dates are checked as real days here; the plan rules (one leader, dates within the year, …) answer 422 PLAN_INVALID. */
export const VisitInput = z.object({ agencyId: Uuid, scheduledOn: IsoDate.nullable(), surprise: z.boolean().default(false) });
export const TeamInput = z.object({ staffId: Uuid, agencyId: Uuid, role: z.enum(['leader', 'member']) });

export const PlanBody = z.object({
  year: z.number().int(),
  kind: z.enum(['province', 'self']),
  title: Text(300).min(1),
  ownerAgencyId: Uuid,
  templateId: z.string().trim().min(1).max(100),
  visits: z.array(VisitInput).max(500),
  team: z.array(TeamInput).max(50),
});
export const PlanPatchBody = z.object({
  version: Version,
  title: Text(300).min(1).optional(),
  templateId: z.string().trim().min(1).max(100).optional(),
  visits: z.array(VisitInput).max(500).optional(),
  team: z.array(TeamInput).max(50).optional(),
});
export const VersionBody = z.object({ version: Version });

export const SyncBody = z.object({
  changes: z
    .array(
      z.object({
        clientChangeId: Uuid,
        itemCode: z.string().trim().min(1, 'Thiếu mã nội dung kiểm tra').max(40, 'Mã nội dung kiểm tra tối đa 40 ký tự'),
        baseVersion: z.number().int().min(0, 'Phiên bản gốc không được âm'),
        result: z.enum(ITEM_RESULTS, { error: 'Kết quả phải là một trong: meets, partly, does_not_meet, not_applicable' }).nullable(),
        note: z.string().max(5000, 'Ghi chú tối đa 5000 ký tự').default(''),
      }),
    )
    .min(1, 'Cần ít nhất một thay đổi để đồng bộ')
    .max(200, 'Mỗi lần đồng bộ tối đa 200 thay đổi; hãy gửi phần còn lại ở lần sau'),
});

/** The photo upload's fields (multipart; checked by the service with this schema). */
export const PhotoFields = z.object({
  clientPhotoId: Uuid,
  itemCode: z.string().trim().min(1, 'Thiếu mã nội dung kiểm tra').max(40, 'Mã nội dung kiểm tra tối đa 40 ký tự'),
  takenAt: z.string().datetime({ offset: true }).optional(),
});
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

const Section = z.object({ key: z.string().trim().min(1).max(60), heading: Text(300), body: Text(20000) });
const Recommendation = z.object({ id: z.string().trim().min(1).max(60), ownerAgencyId: Uuid, content: Text(5000).min(1), deadline: IsoDate.nullable() });
export const DocumentBody = z.object({
  version: Version,
  place: Text(200).min(1).optional(),
  date: IsoDate.optional(),
  subject: Text(500).min(1).optional(),
  sections: z.array(Section).max(30).optional(),
  recommendations: z.array(Recommendation).max(50).optional(),
  recipients: z.array(Text(300).min(1)).max(30).optional(),
  signer: z.object({ title: Text(200).min(1), name: Text(200).min(1) }).optional(),
});

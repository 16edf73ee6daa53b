/** Zod schemas of the remediation and reform-dashboard routes (validation at the edge; OpenAPI from them). */
import { z } from 'zod';
import { IsoDate } from '../../../platform/http/schemas.ts';

const Uuid = z.string().uuid('Mã định danh không hợp lệ (phải là UUID)');
const Version = z.number({ error: 'Thiếu số phiên bản (version) hoặc không phải là số' }).int('Số phiên bản phải là số nguyên').min(1, 'Số phiên bản phải từ 1 trở lên');

export const IdParams = z.object({ id: Uuid });
export const EvidenceParams = z.object({ id: Uuid, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp phải là SHA-256 (64 ký tự hex thường)') });
export const AgencyParams = z.object({ agencyId: Uuid });

export const ListQuery = z.object({
  agencyId: Uuid.optional(),
  status: z.enum(['open', 'reported', 'accepted', 'returned']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  source: z.enum(['inspection', 'par']).optional(),
  /** Only the tasks of this inspection visit (its conclusion's recommendations). */
  visitId: Uuid.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A task from a PAR lost point (reform officers of the standing body). */
export const CreateBody = z.object({
  roundId: Uuid,
  agencyId: Uuid,
  nodeCode: z.string().trim().min(1).max(40),
  content: z.string().trim().min(1, 'Vui lòng nhập nội dung nhiệm vụ').max(5000),
  deadline: IsoDate.optional(),
});

export const ReportBody = z.object({
  version: Version,
  report: z.string().trim().min(1, 'Vui lòng nhập nội dung báo cáo khắc phục').max(10000),
  evidence: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp phải là SHA-256 (64 ký tự hex thường); hãy tải tệp lên trước (POST /api/files)'), fileName: z.string().trim().min(1, 'Thiếu tên tệp').max(255, 'Tên tệp tối đa 255 ký tự') })).max(50, 'Tối đa 50 tài liệu kiểm chứng'),
});
export const AcceptBody = z.object({ version: Version, comment: z.string().trim().max(5000).optional() });
/** The comment is checked by the core (REMEDIATION_COMMENT_REQUIRED) so an empty one gets the precise message. */
export const ReturnBody = z.object({ version: Version, comment: z.string().max(5000).default('') });

export const DashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  agencyId: Uuid.optional(),
});
export const HistoryQuery = z.object({ from: z.coerce.number().int().min(2000).max(2100).optional() });

/**
 * Reviewed records of the procedures a ward really handles, for the demo seed: the review a province
 * administrator does in the staff console (Danh mục → Rà soát), written down as data and applied through the
 * same service call (CatalogService.review → a new, append-only version; the page text kept).
 *
 * Each entry says which fields the reviewer confirmed as the parser read them and which they corrected, and
 * on what basis. Corrections are derived from the parsed record (only the field concerned changes), so the
 * page's own components, results and legal basis stay as read. Where a correction cites a law, the law is in
 * the record's own legal basis list. What is NOT here: social protection (bảo trợ xã hội) procedures are not
 * in the vendored index (it covers six ministries' catalogs, without the Ministry of Health's), so the demo
 * ward cannot publish them; poverty-household recognition (Giảm nghèo) is the nearest it has.
 */
import type { ChannelSpec, ProcedureRecord, ReviewCorrections, TimeLimit } from '../../core/catalog/index.ts';

export interface WardReview {
  code: string;
  /** The reviewer's note, stored with the version. */
  note: string;
  corrections: (r: ProcedureRecord) => ReviewCorrections;
}

const SAME_DAY: TimeLimit = { amount: 0, unit: 'same_day' };
const wd = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });

/** Every channel gets `limit` (and optional conditional limits), with the reviewer's reference as the quote. */
const setTime = (r: ProcedureRecord, limit: TimeLimit, quote: string, conditional: ChannelSpec['conditionalLimits'] = []): ChannelSpec[] =>
  r.channels.map((c) => ({ ...c, limit, limitSource: 'review', limitQuote: quote, conditionalLimits: conditional, stages: [] }));

/** Confirm everything as read. */
const confirm = (): ReviewCorrections => ({});

const CERTIFY_TIME = 'Nghị định 23/2015/NĐ-CP, Điều 7: trong ngày tiếp nhận yêu cầu, hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ';
const COMMUNE_CERTIFIERS = ['Ủy ban nhân dân cấp xã', 'Tổ chức hành nghề công chứng'];
/** Certification at a ward: the desk fee the page gives in VND (the USD line is for representative offices abroad). */
const certifyChannels = (r: ProcedureRecord): ChannelSpec[] =>
  setTime(r, SAME_DAY, CERTIFY_TIME).map((c) => ({
    ...c,
    fees: c.fees.filter((f) => f.amountVnd > 0).map((f) => ({ ...f, description: f.description.startsWith('/') ? `${f.amountVnd.toLocaleString('vi-VN')} đồng${f.description}` : f.description })),
    description: c.description.split('\n').filter((d) => !/cơ quan đại diện/i.test(d)).join('\n'),
  }));

export const WARD_REVIEWS: readonly WardReview[] = [
  {
    code: '1.000894',
    note: 'Thời hạn: Luật Hộ tịch 2014 (60/2014/QH13), Điều 18 khoản 2 — giải quyết ngay trong ngày; trường hợp cần xác minh điều kiện kết hôn không quá 05 ngày làm việc. Các mục khác giữ như bản ghi quốc gia.',
    corrections: (r) => ({
      channels: setTime(r, SAME_DAY, 'Luật Hộ tịch 2014, Điều 18 khoản 2', [{ condition: 'Trường hợp cần xác minh điều kiện kết hôn', limit: wd(5) }]),
    }),
  },
  { code: '1.001193', note: 'Xác nhận thời hạn trong ngày (tiếp nhận sau 15 giờ: ngày làm việc tiếp theo) như trang công khai; cơ quan thực hiện: UBND cấp xã.', corrections: confirm },
  { code: '1.000656', note: 'Xác nhận thời hạn trong ngày như trang công khai; lệ phí theo nghị quyết của HĐND tỉnh (miễn khi đăng ký đúng hạn).', corrections: confirm },
  { code: '1.004873', note: 'Xác nhận thời hạn 03 ngày làm việc như trang công khai; lệ phí theo nghị quyết của HĐND tỉnh.', corrections: confirm },
  { code: '2.000635', note: 'Xác nhận thời hạn trong ngày như trang công khai; phí 8.000 đồng/bản.', corrections: confirm },
  {
    code: '1.001022',
    note: 'Thời hạn: Luật Hộ tịch 2014, Điều 25 khoản 1 — 03 ngày làm việc; cần xác minh thì kéo dài thêm không quá 05 ngày làm việc.',
    corrections: (r) => ({ channels: setTime(r, wd(3), 'Luật Hộ tịch 2014, Điều 25 khoản 1', [{ condition: 'Trường hợp cần xác minh', limit: wd(8) }]) }),
  },
  {
    code: '2.000815',
    note: 'Thời hạn và phí tại UBND cấp xã: Nghị định 23/2015/NĐ-CP, Điều 7; 2.000 đồng/trang (từ trang thứ 3: 1.000 đồng/trang, tối đa 200.000 đồng/bản). Dòng phí 10 USD áp dụng tại cơ quan đại diện ở nước ngoài, không áp dụng tại phường.',
    corrections: (r) => ({ channels: certifyChannels(r), executing: COMMUNE_CERTIFIERS }),
  },
  {
    code: '2.000884',
    note: 'Thời hạn và phí tại UBND cấp xã: Nghị định 23/2015/NĐ-CP, Điều 7; 10.000 đồng/trường hợp. Dòng phí 10 USD áp dụng tại cơ quan đại diện ở nước ngoài.',
    corrections: (r) => ({ channels: certifyChannels(r), executing: COMMUNE_CERTIFIERS }),
  },
  {
    code: '2.001035',
    note: 'Thời hạn: Nghị định 23/2015/NĐ-CP, Điều 7 khoản 4 — không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ; phí 50.000 đồng/giao dịch như trang công khai.',
    corrections: (r) => ({ channels: setTime(r, wd(2), 'Nghị định 23/2015/NĐ-CP, Điều 7 khoản 4') }),
  },
  { code: '1.004222', note: 'Đã đọc lại thành phần hồ sơ (dòng lưu ý dài là ghi chú, không phải giấy tờ).', corrections: confirm },
  { code: '1.011607', note: 'Xác nhận căn cứ pháp lý và cơ quan thực hiện (UBND cấp xã).', corrections: confirm },
];

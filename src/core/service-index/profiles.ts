/**
 * Built-in scoring profiles (data). `portal-2025` is the indicator set the National Public Service Portal
 * computes today (six groups, online payment split from online services), reconstructed from published
 * numerators, denominators and scores (domain doc service-index-766.md); `qd766-2022` is the decision's own
 * five-group shape, kept for periods scored before the portal's split and as an example of a second version.
 *
 * Empty-denominator rules are our reading of the portal's practice: the domain doc states three of them (no
 * feedback → full points for the two feedback indicators; no dossiers → 0 for dossier satisfaction; no
 * certified-copy request → full points); the others follow the same logic (nothing that could be late or
 * missing → full; a rate of activity with no activity → 0). They are data: a province can publish a profile that
 * reads them differently.
 */
import type { ScoringProfile } from './profile.ts';

const t = (vi: string, en: string) => ({ vi, en });

const BANDS = [
  { code: 'excellent', min: 90, label: t('Xuất sắc', 'Excellent') },
  { code: 'good', min: 80, label: t('Tốt', 'Good') },
  { code: 'fair', min: 70, label: t('Khá', 'Fair') },
  { code: 'average', min: 50, label: t('Trung bình', 'Average') },
  { code: 'weak', min: 0, label: t('Yếu', 'Weak') },
];

const TRANSPARENCY = [
  {
    code: 'PUBLISH_ON_TIME',
    group: 'TRANSPARENCY',
    name: t('Công bố TTHC đúng hạn', 'Procedures published on time'),
    numerator: t('TTHC được công bố đúng hạn', 'procedures published on time'),
    denominator: t('TTHC trong quyết định công bố của kỳ', 'procedures in the period’s publication decisions'),
    max: 6,
    rule: { kind: 'linear' as const },
    empty: 'full' as const,
    source: 'external' as const,
  },
  {
    code: 'PUBLIC_UPDATE_ON_TIME',
    group: 'TRANSPARENCY',
    name: t('Công khai, cập nhật TTHC đúng hạn', 'Procedures made public on time'),
    numerator: t('TTHC công khai trên CSDL quốc gia đúng hạn', 'procedures made public on time'),
    denominator: t('TTHC phải công khai trong kỳ', 'procedures due in the period'),
    max: 4,
    rule: { kind: 'linear' as const },
    empty: 'full' as const,
    source: 'external' as const,
  },
  {
    code: 'PUBLIC_CONTENT_FULL',
    group: 'TRANSPARENCY',
    name: t('TTHC công khai đầy đủ nội dung', 'Procedures public with full content'),
    numerator: t('TTHC có đủ các bộ phận bắt buộc', 'procedures with every mandatory part'),
    denominator: t('TTHC thuộc thẩm quyền đang công khai', 'procedures public'),
    max: 2,
    rule: { kind: 'linear' as const },
    empty: 'full' as const,
    source: 'procedures' as const,
  },
  {
    code: 'DOSSIER_SYNC',
    group: 'TRANSPARENCY',
    name: t('Hồ sơ đồng bộ lên Cổng DVC quốc gia', 'Dossiers synchronised to the national portal'),
    numerator: t('Hồ sơ đã đồng bộ', 'dossiers synchronised'),
    denominator: t('Hồ sơ tiếp nhận trong kỳ', 'dossiers received in the period'),
    max: 6,
    rule: { kind: 'linear' as const },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
];

const PROGRESS = [
  {
    code: 'ON_TIME',
    group: 'PROGRESS',
    name: t('Hồ sơ giải quyết trước hạn, đúng hạn', 'Dossiers handled early or on time'),
    numerator: t('Hồ sơ đã giải quyết đúng hạn và đang giải quyết còn hạn', 'dossiers finished on time and open within their date'),
    denominator: t('Hồ sơ đã giải quyết trong kỳ và đang giải quyết cuối kỳ', 'dossiers finished in the period and open at its end'),
    max: 20,
    rule: { kind: 'linear' as const },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
];

const ONLINE = [
  {
    code: 'ONLINE_PROVIDED',
    group: 'ONLINE_SERVICE',
    name: t('TTHC cung cấp dịch vụ công trực tuyến', 'Procedures offered online'),
    numerator: t('TTHC có DVC trực tuyến một phần hoặc toàn trình', 'procedures with partial or full online service'),
    denominator: t('TTHC thuộc thẩm quyền', 'procedures under the unit’s authority'),
    max: 2,
    rule: { kind: 'threshold' as const, threshold: 80 },
    empty: 'zero' as const,
    source: 'procedures' as const,
  },
  {
    code: 'ONLINE_USED',
    group: 'ONLINE_SERVICE',
    name: t('DVC trực tuyến có phát sinh hồ sơ', 'Online services that received dossiers'),
    numerator: t('DVC trực tuyến có ít nhất 1 hồ sơ trực tuyến', 'online services with at least one online dossier'),
    denominator: t('DVC trực tuyến', 'online services'),
    max: 4,
    rule: { kind: 'linear' as const },
    empty: 'zero' as const,
    source: 'procedures' as const,
  },
  {
    code: 'ONLINE_DOSSIERS',
    group: 'ONLINE_SERVICE',
    name: t('Hồ sơ nộp trực tuyến', 'Dossiers submitted online'),
    numerator: t('Hồ sơ trực tuyến (có kết quả điện tử khi cần)', 'online dossiers (with an electronic result where required)'),
    denominator: t('Hồ sơ tiếp nhận trong kỳ', 'dossiers received in the period'),
    max: 6,
    rule: { kind: 'threshold' as const, threshold: 50 },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
];

const PAYMENT = [
  {
    code: 'PAYMENT_DOSSIERS',
    group: 'ONLINE_PAYMENT',
    name: t('Hồ sơ thanh toán trực tuyến', 'Dossiers paid online'),
    numerator: t('Hồ sơ thanh toán trực tuyến thành công', 'dossiers paid online'),
    denominator: t('Hồ sơ phải nộp phí, lệ phí', 'dossiers with a fee to pay'),
    max: 6,
    rule: { kind: 'linear' as const },
    empty: 'full' as const,
    source: 'dossiers' as const,
  },
  {
    code: 'PAYMENT_PROCEDURES_USED',
    group: 'ONLINE_PAYMENT',
    name: t('TTHC có phí phát sinh thanh toán trực tuyến', 'Fee-bearing procedures with online payments'),
    numerator: t('TTHC có ít nhất 1 giao dịch thanh toán trực tuyến', 'procedures with at least one online payment'),
    denominator: t('TTHC có phí, lệ phí', 'fee-bearing procedures'),
    max: 2,
    rule: { kind: 'threshold' as const, threshold: 80 },
    empty: 'full' as const,
    source: 'procedures' as const,
  },
  {
    code: 'PAYMENT_PROCEDURES_INTEGRATED',
    group: 'ONLINE_PAYMENT',
    name: t('TTHC có phí được tích hợp dữ liệu phí', 'Fee-bearing procedures with fee data integrated'),
    numerator: t('TTHC có hồ sơ mang dữ liệu phí, lệ phí', 'procedures with dossiers carrying fee data'),
    denominator: t('TTHC có phí, lệ phí', 'fee-bearing procedures'),
    max: 2,
    rule: { kind: 'threshold' as const, threshold: 80 },
    empty: 'full' as const,
    source: 'procedures' as const,
  },
];

const DIGITISATION = [
  {
    code: 'ORIGINAL_RESULT_AVAILABLE',
    group: 'DIGITISATION',
    name: t('Hồ sơ cấp kết quả điện tử', 'Dossiers with an electronic result'),
    numerator: t('Hồ sơ có kết quả điện tử', 'dossiers with an electronic result'),
    denominator: t('Hồ sơ đã giải quyết trong kỳ', 'dossiers finished in the period'),
    max: 6,
    rule: { kind: 'linear' as const },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
  {
    code: 'SO_HOA_GIAY_TO_GIAI_QUYET',
    group: 'DIGITISATION',
    name: t('Hồ sơ được số hóa', 'Dossiers digitised'),
    numerator: t('Hồ sơ có thành phần được số hóa (và kết quả điện tử khi đã giải quyết)', 'dossiers digitised (and with an electronic result once finished)'),
    denominator: t('Hồ sơ tiếp nhận trong kỳ', 'dossiers received in the period'),
    max: 4,
    rule: { kind: 'linear' as const },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
  {
    code: 'REUSED_DIGITIZED_DATA',
    group: 'DIGITISATION',
    name: t('Hồ sơ tái sử dụng dữ liệu số hóa', 'Dossiers reusing digitised data'),
    numerator: t('Hồ sơ có thành phần tái sử dụng', 'dossiers with a reused component'),
    denominator: t('Hồ sơ tiếp nhận trong kỳ', 'dossiers received in the period'),
    max: 2,
    rule: { kind: 'threshold' as const, threshold: 80 },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
  {
    code: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
    group: 'DIGITISATION',
    name: t('Dữ liệu số hóa chia sẻ qua kho dữ liệu cá nhân', 'Digitised data shared for reuse'),
    numerator: t('Hồ sơ lấy thành phần từ / trả kết quả vào kho dữ liệu', 'dossiers using the citizen data store'),
    denominator: t('Hồ sơ tiếp nhận trong kỳ', 'dossiers received in the period'),
    max: 4,
    rule: { kind: 'linear' as const },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
  {
    code: 'CITIZEN_DATA_CONNECTED_DOSSIER',
    group: 'DIGITISATION',
    name: t('Hồ sơ sử dụng dữ liệu dân cư', 'Dossiers using population data'),
    numerator: t('Hồ sơ xác thực VNeID / dùng dữ liệu dân cư', 'dossiers authenticated by e-ID or using population data'),
    denominator: t('Hồ sơ tiếp nhận trong kỳ', 'dossiers received in the period'),
    max: 2,
    rule: { kind: 'linear' as const },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
  {
    code: 'CITIZEN_DATA_CONNECTED_FORMALITY',
    group: 'DIGITISATION',
    name: t('TTHC kết nối dữ liệu dân cư', 'Procedures connected to population data'),
    numerator: t('TTHC có hồ sơ dùng dữ liệu dân cư', 'procedures using population data'),
    denominator: t('TTHC có đối tượng là công dân', 'procedures whose subjects are citizens'),
    max: 2,
    rule: { kind: 'linear' as const },
    empty: 'full' as const,
    source: 'procedures' as const,
  },
  {
    code: 'ELECTRONIC_CERTIFIED_COPY',
    group: 'DIGITISATION',
    name: t('Cấp bản sao điện tử từ sổ gốc', 'Electronic certified copies'),
    numerator: t('Bản sao điện tử đã cấp', 'certified e-copies provided'),
    denominator: t('Yêu cầu cấp bản sao điện tử', 'certified e-copies requested'),
    max: 2,
    rule: { kind: 'linear' as const },
    empty: 'full' as const,
    source: 'external' as const,
  },
];

const SATISFACTION = [
  {
    code: 'PETITION_CLASSIFICATION_TTHC',
    group: 'SATISFACTION',
    name: t('Phản ánh về quy định, TTHC', 'Feedback on rules and procedures'),
    numerator: t('Phản ánh về quy định, TTHC', 'feedback on rules/procedures'),
    denominator: t('Phản ánh tiếp nhận', 'feedback received'),
    max: 0,
    rule: { kind: 'tracking' as const },
    empty: 'not_applicable' as const,
    source: 'feedback' as const,
  },
  {
    code: 'PETITION_CLASSIFICATION_STAFF',
    group: 'SATISFACTION',
    name: t('Phản ánh về hành vi cán bộ', 'Feedback on staff behaviour'),
    numerator: t('Phản ánh về cán bộ, công chức', 'feedback on officers'),
    denominator: t('Phản ánh tiếp nhận', 'feedback received'),
    max: 0,
    rule: { kind: 'tracking' as const },
    empty: 'not_applicable' as const,
    source: 'feedback' as const,
  },
  {
    code: 'PETITION_PROCESSING_ON_TIME',
    group: 'SATISFACTION',
    name: t('Phản ánh, kiến nghị xử lý đúng hạn', 'Feedback handled on time'),
    numerator: t('Phản ánh xử lý (hoặc đang xử lý) trong hạn', 'feedback handled or open within its deadline'),
    denominator: t('Phản ánh tiếp nhận trong kỳ', 'feedback received in the period'),
    max: 6,
    rule: { kind: 'linear' as const },
    empty: 'full' as const,
    source: 'feedback' as const,
  },
  {
    code: 'PETITION_HANDLING_SATISFACTION',
    group: 'SATISFACTION',
    name: t('Hài lòng về xử lý phản ánh, kiến nghị', 'Satisfaction with feedback handling'),
    numerator: t('Phản ánh không bị đánh giá không hài lòng, không tái phản ánh, không quá hạn', 'feedback not rated dissatisfied, not re-raised, not overdue'),
    denominator: t('Phản ánh tiếp nhận trong kỳ', 'feedback received in the period'),
    max: 6,
    rule: { kind: 'linear' as const },
    empty: 'full' as const,
    source: 'feedback' as const,
  },
  {
    code: 'DOSSIER_RECEIVING_SATISFACTION',
    group: 'SATISFACTION',
    name: t('Hài lòng trong tiếp nhận, giải quyết hồ sơ', 'Satisfaction with dossier handling'),
    numerator: t('Hồ sơ không trễ hạn, không bị phản ánh hay đánh giá không hài lòng', 'dossiers neither late nor complained about or rated dissatisfied'),
    denominator: t('Hồ sơ đã và đang giải quyết trong kỳ', 'dossiers finished in or open at the end of the period'),
    max: 6,
    rule: { kind: 'threshold' as const, threshold: 90 },
    empty: 'zero' as const,
    source: 'dossiers' as const,
  },
];

export const PORTAL_2025: ScoringProfile = {
  id: 'portal-2025',
  name: t('Bộ chỉ số 766 theo Cổng DVC quốc gia (6 nhóm)', 'Service index 766 as the national portal computes it (6 groups)'),
  validFrom: '2025-01-01',
  validTo: null,
  basis: 'Quyết định 766/QĐ-TTg ngày 23/6/2022; cách tính hiện hành trên Cổng Dịch vụ công quốc gia (6 nhóm, tách thanh toán trực tuyến)',
  groups: [
    { code: 'TRANSPARENCY', name: t('Công khai, minh bạch', 'Transparency'), max: 18 },
    { code: 'PROGRESS', name: t('Tiến độ giải quyết', 'Progress'), max: 20 },
    { code: 'ONLINE_SERVICE', name: t('Dịch vụ công trực tuyến', 'Online services'), max: 12 },
    { code: 'ONLINE_PAYMENT', name: t('Thanh toán trực tuyến', 'Online payment'), max: 10 },
    { code: 'DIGITISATION', name: t('Số hóa hồ sơ', 'Digitisation'), max: 22 },
    { code: 'SATISFACTION', name: t('Mức độ hài lòng', 'Satisfaction'), max: 18 },
  ],
  indicators: [...TRANSPARENCY, ...PROGRESS, ...ONLINE, ...PAYMENT, ...DIGITISATION, ...SATISFACTION],
  bands: BANDS,
  rankingMinDossiers: 30,
};

/** The decision's five groups: online services 22 (the portal later split payment out as a group of 10). */
export const QD766_2022: ScoringProfile = {
  ...PORTAL_2025,
  id: 'qd766-2022',
  name: t('Bộ chỉ số 766 theo Quyết định 766/QĐ-TTg (5 nhóm)', 'Service index 766 as in the decision (5 groups)'),
  validFrom: '2022-08-01',
  validTo: '2024-12-31',
  basis: 'Quyết định 766/QĐ-TTg ngày 23/6/2022, Phụ lục (5 nhóm chỉ số)',
  groups: [
    { code: 'TRANSPARENCY', name: t('Công khai, minh bạch', 'Transparency'), max: 18 },
    { code: 'PROGRESS', name: t('Tiến độ giải quyết', 'Progress'), max: 20 },
    { code: 'ONLINE_SERVICE', name: t('Dịch vụ công trực tuyến', 'Online services'), max: 22 },
    { code: 'DIGITISATION', name: t('Số hóa hồ sơ', 'Digitisation'), max: 22 },
    { code: 'SATISFACTION', name: t('Mức độ hài lòng', 'Satisfaction'), max: 18 },
  ],
  indicators: [...TRANSPARENCY, ...PROGRESS, ...ONLINE, ...PAYMENT.map((i) => ({ ...i, group: 'ONLINE_SERVICE' })), ...DIGITISATION, ...SATISFACTION],
};

export const BUILTIN_PROFILES: readonly ScoringProfile[] = [PORTAL_2025, QD766_2022];
export const DEFAULT_PROFILE_ID = PORTAL_2025.id;

/**
 * Strings of the service-index exports (server: modules/monitoring/exports — Excel workbooks and PDF reports of
 * the dashboard and the rankings, with their charts). Part of the i18n catalogue: Vietnamese first, English
 * second; `{name}` placeholders are filled by `tx(key, lang, params)`. Group, indicator and band names come from
 * the scoring profile (data), not from here.
 */
import { formatMessage, type Lang } from './errors.ts';

export const EXPORTS_MONITORING = {
  // titles
  'xm.title.dashboard': { vi: 'Chỉ số phục vụ người dân, doanh nghiệp', en: 'Service index for citizens and businesses' },
  'xm.title.rankings': { vi: 'Xếp hạng chỉ số phục vụ người dân, doanh nghiệp', en: 'Service index rankings' },
  'xm.title.drill': { vi: 'Chi tiết chỉ số', en: 'Indicator detail' },
  'xm.drill.procedures': { vi: 'Thủ tục', en: 'Procedures' },
  'xm.drill.dossiers': { vi: 'Hồ sơ', en: 'Dossiers' },
  'xm.drill.procedure': { vi: 'Thủ tục hành chính', en: 'Procedure' },
  'xm.drill.procedureCode': { vi: 'Mã thủ tục', en: 'Procedure code' },
  'xm.drill.missing': { vi: 'Không đạt', en: 'Missing' },
  'xm.drill.dossierCode': { vi: 'Mã hồ sơ', en: 'Dossier code' },
  'xm.drill.agency': { vi: 'Cơ quan', en: 'Agency' },
  'xm.drill.state': { vi: 'Trạng thái', en: 'State' },
  'xm.drill.received': { vi: 'Tiếp nhận', en: 'Received' },
  'xm.drill.due': { vi: 'Hẹn trả', en: 'Due' },
  'xm.drill.finished': { vi: 'Hoàn thành', en: 'Finished' },
  'xm.drill.counts': { vi: 'Đạt', en: 'Counts' },
  'xm.drill.appointment': { vi: 'Hẹn trả dùng để đánh giá', en: 'Appointment judged against' },
  'xm.drill.reason': { vi: 'Lý do không đạt', en: 'Why it does not count' },
  'xm.drill.truncated': { vi: 'Danh sách giới hạn {n} hồ sơ đầu tiên.', en: 'List limited to the first {n} dossiers.' },
  'xm.basis': { vi: 'Theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ', en: 'Under Prime Minister’s Decision 766/QĐ-TTg of 23 June 2022' },
  'xm.subject.dashboard': { vi: 'Chỉ số phục vụ — {unit} — {period}', en: 'Service index — {unit} — {period}' },
  'xm.subject.rankings': { vi: 'Xếp hạng chỉ số phục vụ — {unit} — {period}', en: 'Service index rankings — {unit} — {period}' },

  // sheets (Excel sheet names: at most 31 characters, no : \ / ? * [ ])
  'xm.sheet.summary': { vi: 'Tổng hợp', en: 'Summary' },
  'xm.sheet.trend': { vi: 'Xu hướng', en: 'Trend' },
  'xm.sheet.previous': { vi: 'Kỳ trước', en: 'Previous period' },
  'xm.sheet.rankings': { vi: 'Xếp hạng', en: 'Rankings' },

  // header fields
  'xm.unit': { vi: 'Đơn vị', en: 'Unit' },
  'xm.parent': { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  'xm.unitCode': { vi: 'Mã đơn vị', en: 'Unit code' },
  'xm.period': { vi: 'Kỳ đánh giá', en: 'Period' },
  'xm.from': { vi: 'Từ ngày', en: 'From' },
  'xm.to': { vi: 'Đến ngày', en: 'To' },
  'xm.periodRange': { vi: 'Từ ngày {from} đến ngày {to}', en: 'From {from} to {to}' },
  'xm.profile': { vi: 'Bộ chỉ số', en: 'Scoring profile' },
  'xm.judgedOn': { vi: 'Số liệu tính đến ngày', en: 'Figures as of' },
  'xm.total': { vi: 'Tổng điểm', en: 'Total score' },
  'xm.applicableMax': { vi: 'Điểm tối đa áp dụng', en: 'Applicable maximum' },
  'xm.scaled': { vi: 'Điểm quy đổi (thang 100)', en: 'Score on a 100 scale' },
  'xm.band': { vi: 'Xếp loại', en: 'Rating' },
  'xm.minDossiers': { vi: 'Số hồ sơ tối thiểu để xếp hạng', en: 'Minimum dossiers to be ranked' },
  'xm.minDossiersNote': { vi: 'Đơn vị tiếp nhận dưới {n} hồ sơ trong kỳ không được xếp hạng.', en: 'Units that received fewer than {n} dossiers in the period are not ranked.' },
  'xm.page': { vi: 'Trang {n}/{total}', en: 'Page {n} of {total}' },

  // indicator table
  'xm.col.group': { vi: 'Nhóm', en: 'Group' },
  'xm.col.groupCode': { vi: 'Mã nhóm', en: 'Group code' },
  'xm.col.code': { vi: 'Mã chỉ số', en: 'Indicator code' },
  'xm.col.indicator': { vi: 'Chỉ số', en: 'Indicator' },
  'xm.col.numerator': { vi: 'Tử số', en: 'Numerator' },
  'xm.col.denominator': { vi: 'Mẫu số', en: 'Denominator' },
  'xm.col.rate': { vi: 'Tỷ lệ (%)', en: 'Rate (%)' },
  'xm.col.max': { vi: 'Điểm tối đa', en: 'Maximum' },
  'xm.col.points': { vi: 'Điểm đạt', en: 'Points' },
  'xm.col.lost': { vi: 'Điểm bị mất', en: 'Points lost' },
  'xm.col.status': { vi: 'Ghi chú', en: 'Note' },
  'xm.col.rule': { vi: 'Cách tính', en: 'Rule' },
  'xm.groupsTable': { vi: 'Điểm theo nhóm chỉ số', en: 'Scores by group' },
  'xm.indicatorsTable': { vi: 'Chi tiết các chỉ số', en: 'Indicators in detail' },
  'xm.groupTotal': { vi: 'Cộng nhóm', en: 'Group total' },

  // indicator statuses
  'xm.status.scored': { vi: 'Đã tính điểm', en: 'Scored' },
  'xm.status.empty_full': { vi: 'Không phát sinh: đạt điểm tối đa', en: 'None in the period: full points' },
  'xm.status.empty_zero': { vi: 'Không phát sinh: 0 điểm', en: 'None in the period: 0 points' },
  'xm.status.not_applicable': { vi: 'Không áp dụng', en: 'Not applicable' },
  'xm.status.no_data': { vi: 'Chưa có số liệu', en: 'No data' },
  'xm.status.tracking': { vi: 'Chỉ theo dõi, không tính điểm', en: 'Tracked only, no points' },

  // scoring rules
  'xm.rule.linear': { vi: 'Tỷ lệ thuận', en: 'Linear' },
  'xm.rule.threshold': { vi: 'Đạt tối đa khi ≥ {t}%', en: 'Full points at ≥ {t}%' },
  'xm.rule.tracking': { vi: 'Theo dõi', en: 'Tracking' },

  // trend
  'xm.trend.title': { vi: 'Diễn biến điểm theo tháng', en: 'Scores month by month' },
  'xm.trend.month': { vi: 'Tháng', en: 'Month' },
  'xm.trend.monthShort': { vi: 'T{m}', en: '{mon}' },
  'xm.trend.totalPanel': { vi: 'Tổng điểm', en: 'Total score' },
  'xm.trend.groupsPanel': { vi: 'Điểm từng nhóm', en: 'Score per group' },
  'xm.trend.none': { vi: 'Chưa có số liệu theo tháng.', en: 'No monthly figures yet.' },

  // charts
  'xm.chart.groups': { vi: 'Điểm đạt so với điểm tối đa của từng nhóm', en: 'Points against the maximum, per group' },
  'xm.chart.points': { vi: 'Điểm đạt', en: 'Points' },
  'xm.chart.max': { vi: 'Điểm tối đa', en: 'Maximum' },
  'xm.chart.rankings': { vi: 'Tổng điểm của các đơn vị', en: 'Total score per unit' },
  'xm.chart.ranked': { vi: 'Được xếp hạng', en: 'Ranked' },
  'xm.chart.unranked': { vi: 'Chưa đủ hồ sơ để xếp hạng', en: 'Too few dossiers to rank' },
  'xm.chart.part': { vi: '(phần {n}/{total})', en: '(part {n} of {total})' },

  // previous period
  'xm.prev.title': { vi: 'So sánh với kỳ trước', en: 'Compared with the previous period' },
  'xm.prev.item': { vi: 'Nội dung', en: 'Item' },
  'xm.prev.key': { vi: 'Mã', en: 'Key' },
  'xm.prev.current': { vi: 'Kỳ này', en: 'This period' },
  'xm.prev.previous': { vi: 'Kỳ trước', en: 'Previous period' },
  'xm.prev.change': { vi: 'Tăng (+) / giảm (−)', en: 'Change' },
  'xm.prev.figures': { vi: 'Tình hình giải quyết hồ sơ', en: 'Dossier handling' },

  // period figures
  'xm.fig.received': { vi: 'Hồ sơ tiếp nhận', en: 'Dossiers received' },
  'xm.fig.finished': { vi: 'Hồ sơ đã giải quyết', en: 'Dossiers finished' },
  'xm.fig.finishedOnTime': { vi: 'Giải quyết trước hạn, đúng hạn', en: 'Finished early or on time' },
  'xm.fig.openAtEnd': { vi: 'Đang giải quyết cuối kỳ', en: 'Open at the period end' },
  'xm.fig.lateOpenAtEnd': { vi: 'Trong đó quá hạn', en: 'Of which overdue' },
  'xm.fig.averageProcessingDays': { vi: 'Thời gian giải quyết bình quân (ngày)', en: 'Average processing time (days)' },

  // rankings
  'xm.rank.rank': { vi: 'Hạng', en: 'Rank' },
  'xm.rank.code': { vi: 'Mã đơn vị', en: 'Unit code' },
  'xm.rank.name': { vi: 'Đơn vị', en: 'Unit' },
  'xm.rank.received': { vi: 'Hồ sơ tiếp nhận', en: 'Dossiers received' },
  'xm.rank.eligible': { vi: 'Đủ điều kiện xếp hạng', en: 'Ranked' },
  'xm.rank.yes': { vi: 'Có', en: 'Yes' },
  'xm.rank.no': { vi: 'Không', en: 'No' },
  'xm.rank.unranked': { vi: 'Không xếp hạng', en: 'Not ranked' },
  'xm.rank.none': { vi: 'Đơn vị không có đơn vị trực thuộc để xếp hạng.', en: 'The unit has no subordinate units to rank.' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ExportsKey = keyof typeof EXPORTS_MONITORING;

/** One export string in `lang`, placeholders filled. */
export function tx(key: ExportsKey, lang: Lang, params?: Record<string, unknown>): string {
  return formatMessage(EXPORTS_MONITORING[key][lang], params);
}

/** English short month names for the trend axis (Vietnamese writes T1…T12). */
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

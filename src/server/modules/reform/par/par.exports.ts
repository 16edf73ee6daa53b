/**
 * Exports of a round's results: an Excel workbook (ranking with per-area points; lost points per unit) with
 * exceljs, as the service-index exports do, and a PDF in the administrative layout through the reform module's
 * own PDF renderer (renderReportPdf: header, motto, title, sections, table, recipients, signature).
 */
import { newWorkbook } from '../../monitoring/exports/dashboard-xlsx.ts';
import { renderReportPdf } from '../pdf-renderer.ts';
import { placeDateLine, upper } from '../../../../core/slips/format.ts';
import type { ReportDocument } from '../../../../core/reform/index.ts';
import type { ParService } from './par.service.ts';

type Results = Awaited<ReturnType<ParService['results']>>;
const num = (s: string | null) => (s === null ? null : Number(s));

export async function resultsXlsx(r: Results, today: string): Promise<Buffer> {
  const wb = newWorkbook(`${r.round.title}`, today);
  const ws = wb.addWorksheet('Xếp hạng');
  ws.addRow([r.round.title]);
  ws.addRow(['Bộ tiêu chí', r.set.title.vi, r.set.code]);
  ws.addRow([]);
  ws.addRow(['Hạng', 'Mã đơn vị', 'Đơn vị', 'Điểm', 'Điểm tối đa', 'Chỉ số (%)', 'Nhóm', 'Năm trước (%)', 'Tăng/giảm', ...r.areas.map((a) => `${a.code}. ${a.title.vi} (tối đa ${a.max})`)]).font = { bold: true };
  for (const x of r.rows) {
    ws.addRow([x.rank, x.agency.code, x.agency.name, num(x.points), num(x.max), num(x.index), x.group ?? '', num(x.lastYear), num(x.change), ...x.areas.map((a) => num(a.points))]);
  }
  for (const c of [4, 5, 6, 8, 9]) ws.getColumn(c).numFmt = '0.00';
  ws.getColumn(3).width = 40;
  const lost = wb.addWorksheet('Điểm bị mất');
  lost.addRow(['Đơn vị', 'Tiêu chí', 'Nội dung', 'Điểm tối đa', 'Điểm đạt', 'Điểm bị mất', 'Nhận xét thẩm định']).font = { bold: true };
  for (const x of r.rows) for (const l of x.lostPoints) lost.addRow([x.agency.name, l.nodeCode, l.title, num(l.max), num(l.points), num(l.lost), l.appraiserNote ?? '']);
  for (const c of [4, 5, 6]) lost.getColumn(c).numFmt = '0.00';
  lost.getColumn(3).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function unitLine(x: Results['rows'][number]): string {
  const change = x.change ? `, so với năm trước ${x.change.startsWith('-') ? '' : '+'}${x.change}` : '';
  const top = x.lostPoints.slice(0, 3).map((l) => `${l.nodeCode} (${l.lost})`).join(', ') || 'không';
  const group = x.group ? `, nhóm ${x.group}` : '';
  return `${x.rank ?? '—'}. ${x.agency.name}: ${x.index ?? '—'} % (${x.points}/${x.max} điểm)${group}${change}. Điểm bị mất nhiều nhất: ${top}.`;
}

export async function resultsPdf(r: Results, owner: { name: string; provinceName: string | null }, now: Date): Promise<Buffer> {
  const body = [
    `Kết quả ${r.round.title.charAt(0).toLowerCase()}${r.round.title.slice(1)} theo bộ tiêu chí ${r.set.title.vi} (${r.set.code}).`,
    `Nhóm: ${r.set.bands.map((b) => `${b.label.vi} từ ${b.min} %`).join('; ')}.`,
    ...r.rows.map(unitLine),
  ].join('\n');
  const doc: ReportDocument = {
    header: { parentBody: null, agency: upper(owner.name), number: 'Số:        /TB-UBND', placeDate: placeDateLine(owner.provinceName, now) },
    draftMark: r.round.status === 'published' ? null : 'DỰ THẢO',
    title: 'THÔNG BÁO',
    subtitle: `Kết quả Chỉ số cải cách hành chính năm ${r.round.year}`,
    recipient: null,
    sections: [{ key: 'results', heading: 'Kết quả xếp hạng', body }],
    appendix: { title: 'Bảng xếp hạng', columns: ['Đơn vị', 'Chỉ số (%)'], rows: r.rows.map((x) => [`${x.rank ?? '—'}. ${x.agency.name}`, `${x.index ?? '—'}${x.group ? ` (${x.group})` : ''}`]), note: 'Điểm tính theo phần trăm điểm tối đa của các tiêu chí áp dụng, làm tròn hai chữ số thập phân.' },
    recipients: ['Nơi nhận:', '- Các cơ quan, đơn vị được đánh giá;', '- Lưu: VT.'],
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: null },
    meta: { title: `Kết quả Chỉ số CCHC năm ${r.round.year}`, subject: r.round.title, fileName: `chi-so-cchc-${r.round.year}`, issuedAt: now },
  };
  return renderReportPdf(doc);
}

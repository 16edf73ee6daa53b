/**
 * The dossier register (sổ theo dõi hồ sơ) as an Excel workbook (exceljs): one header row (bold, frozen, with
 * an auto-filter), one row per dossier, dates as real Excel dates in Vietnam time, set column widths; a second
 * sheet says which agency and period it covers and whether the list was capped.
 */
import ExcelJS from 'exceljs';
import { formatCount, registerPeriod, registerTruncationNote, type RegisterInput, type RegisterRow } from '../../../core/slips/index.ts';
import { formatDateTime } from '../../../core/slips/index.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const VN_OFFSET_MS = 7 * 3_600_000;

/** Excel dates have no time zone: write the Vietnam wall-clock time (the instant shifted by +7 h, read as UTC). */
export function excelDate(d: Date | null): Date | null {
  return d ? new Date(d.getTime() + VN_OFFSET_MS) : null;
}

export const REGISTER_SHEET = 'Sổ theo dõi hồ sơ';
export const REGISTER_INFO_SHEET = 'Thông tin';

export async function renderRegisterXlsx(input: RegisterInput, rows: RegisterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.created = input.now;
  wb.modified = input.now;
  wb.title = `Sổ theo dõi hồ sơ — ${input.agency.name}`;

  const ws = wb.addWorksheet(REGISTER_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const dateFmt = 'dd/mm/yyyy hh:mm';
  ws.columns = [
    { header: 'TT', key: 'no', width: 6 },
    { header: 'Mã hồ sơ', key: 'code', width: 28 },
    { header: 'Người nộp hồ sơ', key: 'applicant', width: 26 },
    { header: 'Thủ tục hành chính', key: 'procedure', width: 48 },
    { header: 'Nhận hồ sơ', key: 'receivedAt', width: 17, style: { numFmt: dateFmt } },
    { header: 'Hẹn trả kết quả', key: 'dueAt', width: 17, style: { numFmt: dateFmt } },
    { header: 'Giải quyết xong', key: 'finishedAt', width: 17, style: { numFmt: dateFmt } },
    { header: 'Trả kết quả', key: 'returnedAt', width: 17, style: { numFmt: dateFmt } },
    { header: 'Kết quả', key: 'outcome', width: 30 },
  ];
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.height = 30;
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (const r of rows) {
    const row = ws.addRow({
      no: r.no,
      code: r.code,
      applicant: r.applicant,
      procedure: r.procedure,
      receivedAt: excelDate(r.receivedAt),
      dueAt: excelDate(r.dueAt),
      finishedAt: excelDate(r.finishedAt),
      returnedAt: excelDate(r.returnedAt),
      outcome: r.outcome,
    });
    row.getCell('procedure').alignment = { wrapText: true, vertical: 'top' };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 9 } };

  const info = wb.addWorksheet(REGISTER_INFO_SHEET);
  info.columns = [{ width: 22 }, { width: 90 }];
  info.addRows([
    ['Cơ quan', input.agency.name],
    ['Khoảng thời gian', registerPeriod(input.from, input.to)],
    ['Ngày lập', formatDateTime(input.now)],
    ['Tổng số hồ sơ', rows.length],
    ['Giới hạn', `${formatCount(input.cap)} hồ sơ mỗi lần xuất`],
    ['Ghi chú', input.truncated ? registerTruncationNote(input.cap) : 'Đầy đủ các hồ sơ đã tiếp nhận trong khoảng thời gian.'],
  ]);
  info.getColumn(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The rankings of a parent unit's children as an Excel workbook (exceljs). Numbers as numbers; the sheet name
 * follows the language ("Xếp hạng" / "Rankings"), positions do not (`RANKINGS_XLSX`):
 *
 *   A1          title (merged)
 *   A2:C2       "Đơn vị cấp trên" | parent name | parent code
 *   A3:D3       "Kỳ đánh giá"     | period label | from (date) | to (date)
 *   A4:C4       "Bộ chỉ số"       | profile name | profile id
 *   A5:B5       "Số hồ sơ tối thiểu để xếp hạng" | minDossiers (number)
 *   row 7       headers
 *   rows 8 …    one row per unit, in the order of Rankings.rows:
 *               A rank (number; empty when not ranked) | B unit code | C unit name | D dossiers received |
 *               E ranked ("Có"/"Không") | F total | G scaled | H band | I … one column per group (profile order,
 *               header = group name; the group codes are in row 6 above each group column)
 *   (no units: A8 holds a sentence saying the unit has no subordinate units)
 */
import type { Rankings } from '../../../../core/service-index/index.ts';
import { tx } from '../../../../core/i18n/exports-monitoring.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';
import { newWorkbook } from './dashboard-xlsx.ts';
import { excelDay, rankingGroups } from './format.ts';

export const RANKINGS_XLSX = {
  sheetIndex: 1,
  name: { vi: 'Xếp hạng', en: 'Rankings' },
  parentName: 'B2',
  parentCode: 'C2',
  periodLabel: 'B3',
  periodFrom: 'C3',
  periodTo: 'D3',
  profileName: 'B4',
  profileId: 'C4',
  minDossiers: 'B5',
  groupCodeRow: 6,
  headerRow: 7,
  firstRow: 8,
  columns: { rank: 'A', code: 'B', name: 'C', received: 'D', eligible: 'E', total: 'F', scaled: 'G', band: 'H', firstGroup: 'I' },
} as const;

const SCORE_FMT = '0.00';

export async function renderRankingsXlsx(r: Rankings, lang: Lang): Promise<Buffer> {
  const L = RANKINGS_XLSX;
  const groups = rankingGroups(r, lang);
  const wb = newWorkbook(`${tx('xm.title.rankings', lang)} — ${r.parent.name} — ${r.period.label[lang]}`, r.period.to);
  const ws = wb.addWorksheet(L.name[lang], {
    views: [{ state: 'frozen', xSplit: 3, ySplit: L.headerRow, activeCell: `A${L.firstRow}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${L.headerRow}:${L.headerRow}` },
  });
  ws.columns = [
    { width: 8 },
    { width: 18 },
    { width: 46 },
    { width: 12, style: { numFmt: '#,##0' } },
    { width: 12 },
    { width: 11, style: { numFmt: SCORE_FMT } },
    { width: 12, style: { numFmt: SCORE_FMT } },
    { width: 13 },
    ...groups.map(() => ({ width: 15, style: { numFmt: SCORE_FMT } })),
  ];
  const lastCol = 8 + groups.length;
  ws.mergeCells(1, 1, 1, Math.max(lastCol, 8));
  const title = ws.getCell('A1');
  title.value = tx('xm.title.rankings', lang).toLocaleUpperCase(lang === 'vi' ? 'vi-VN' : 'en-GB');
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };

  ws.getCell('A2').value = tx('xm.parent', lang);
  ws.getCell(L.parentName).value = r.parent.name;
  ws.getCell(L.parentCode).value = r.parent.code;
  ws.getCell('A3').value = tx('xm.period', lang);
  ws.getCell(L.periodLabel).value = r.period.label[lang];
  ws.getCell(L.periodFrom).value = excelDay(r.period.from);
  ws.getCell(L.periodFrom).numFmt = 'dd/mm/yyyy';
  ws.getCell(L.periodTo).value = excelDay(r.period.to);
  ws.getCell(L.periodTo).numFmt = 'dd/mm/yyyy';
  ws.getCell('A4').value = tx('xm.profile', lang);
  ws.getCell(L.profileName).value = r.profile.name[lang];
  ws.getCell(L.profileId).value = r.profile.id;
  ws.getCell('A5').value = tx('xm.minDossiers', lang);
  ws.getCell(L.minDossiers).value = r.minDossiers;
  ws.getCell(L.minDossiers).alignment = { horizontal: 'left' };
  for (let row = 2; row <= 5; row++) ws.getCell(`A${row}`).font = { bold: true };

  const codes = ws.getRow(L.groupCodeRow);
  groups.forEach((g, i) => {
    const c = codes.getCell(9 + i);
    c.value = g.code;
    c.font = { italic: true, color: { argb: 'FF666666' } };
  });

  const head = ws.getRow(L.headerRow);
  head.values = [
    tx('xm.rank.rank', lang),
    tx('xm.rank.code', lang),
    tx('xm.rank.name', lang),
    tx('xm.rank.received', lang),
    tx('xm.rank.eligible', lang),
    tx('xm.total', lang),
    tx('xm.scaled', lang),
    tx('xm.band', lang),
    ...groups.map((g) => g.name),
  ];
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.height = 45;
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });

  let rowNo = L.firstRow;
  for (const u of r.rows) {
    const row = ws.getRow(rowNo++);
    row.values = [
      u.rank,
      u.agency.code,
      u.agency.name,
      u.received,
      tx(u.eligible ? 'xm.rank.yes' : 'xm.rank.no', lang),
      u.total,
      u.scaled,
      u.band.label[lang],
      ...groups.map((g) => u.groups[g.code] ?? null),
    ];
    if (!u.eligible) row.font = { color: { argb: 'FF666666' } };
  }
  if (r.rows.length > 0) ws.autoFilter = { from: { row: L.headerRow, column: 1 }, to: { row: L.headerRow, column: lastCol } };
  else ws.getCell(`A${L.firstRow}`).value = tx('xm.rank.none', lang);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

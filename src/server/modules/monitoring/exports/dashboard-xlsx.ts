/**
 * The service-index dashboard of one unit and period as an Excel workbook (exceljs). Numbers are written as
 * numbers (rates in percent: 96.34 means 96.34 %), dates as Excel dates; an empty cell means "no figure".
 * Sheet names follow the language (vi / en); positions do not. The constants in `DASHBOARD_XLSX` below say the
 * same as this comment, for code that reads the file.
 *
 * Sheet 1 "Tổng hợp" (en "Summary")
 *   A1            title (merged A1:J1)
 *   A2:C2         "Đơn vị"              | unit name        | unit code
 *   A3:E3         "Kỳ đánh giá"         | period label     | from (date) | to (date) | period kind (month, quarter…)
 *   A4:C4         "Bộ chỉ số"           | profile name     | profile id
 *   A5:B5         "Số liệu tính đến ngày" | judgedOn (date)
 *   A6:C6         "Tổng điểm"           | total (number)   | applicable maximum (number)
 *   A7:C7         "Điểm quy đổi"        | scaled (number, total on a 100 scale) | the one explanation of the rescaled
 *                 figure (core/service-index/framing), only when some indicators do not apply or have no data
 *   A8:C8         "Xếp loại"            | band label       | band code
 *   row 10        header of the indicator table
 *   rows 11 … 10+N  one row per indicator, in the profile's order (N = number of indicators of the profile):
 *                 A group name | B indicator code | C indicator name | D numerator | E denominator | F rate (%) |
 *                 G max | H points | I points lost | J note (status, in words) | K group code | L status code
 *                 (scored, empty_full, empty_zero, not_applicable, no_data, tracking)
 *   row 12+N      header of the group table
 *   rows 13+N … 12+N+G  one row per group (G = number of groups), profile order:
 *                 A group name | B group code | G max | H points | I points lost
 *   row 13+N+G    "Tổng điểm": G sum of the maxima | H total | I points lost
 *
 * Sheet 2 "Xu hướng" (en "Trend"): row 1 headers; rows 2 … 1+M one per month of the trend (M months):
 *   A month label | B from (date) | C to (date) | D total | E scaled | F … one column per group, in the order of
 *   the result's groups (header = group name)
 *
 * Sheet 3 "Kỳ trước" (en "Previous period"): row 1 headers
 *   A key | B item | C this period | D previous period | E change (C − D)
 *   row 2  PERIOD (labels in C and D)   row 3  TOTAL   row 4  SCALED   row 5  BAND (labels)
 *   rows 6 … 5+G   one per group (A = group code)
 *   rows 6+G … 11+G  the period figures (A = received, finished, finishedOnTime, openAtEnd, lateOpenAtEnd,
 *                    averageProcessingDays)
 *   rows 12+G … 11+G+N  one per indicator: points (A = indicator code)
 */
import ExcelJS from 'exceljs';
import { frameIndex, type IndexDashboard, type IndicatorScore, type PeriodFigures } from '../../../../core/service-index/index.ts';
import { tx } from '../../../../core/i18n/exports-monitoring.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';
import { excelDay, round2, statusLabel } from './format.ts';

export const DASHBOARD_XLSX = {
  summary: {
    sheetIndex: 1,
    name: { vi: 'Tổng hợp', en: 'Summary' },
    unitName: 'B2',
    unitCode: 'C2',
    periodLabel: 'B3',
    periodFrom: 'C3',
    periodTo: 'D3',
    periodKind: 'E3',
    profileName: 'B4',
    profileId: 'C4',
    judgedOn: 'B5',
    total: 'B6',
    applicableMax: 'C6',
    scaled: 'B7',
    bandLabel: 'B8',
    bandCode: 'C8',
    indicatorHeaderRow: 10,
    firstIndicatorRow: 11,
    /** Columns of an indicator row. */
    indicatorColumns: { group: 'A', code: 'B', name: 'C', numerator: 'D', denominator: 'E', rate: 'F', max: 'G', points: 'H', lost: 'I', note: 'J', groupCode: 'K', status: 'L' },
    /** Row of the group table header: firstIndicatorRow + N + 1 (N indicators); groups follow, then the total. */
    groupHeaderRow: (indicators: number) => 11 + indicators + 1,
    groupColumns: { name: 'A', code: 'B', max: 'G', points: 'H', lost: 'I' },
  },
  trend: { sheetIndex: 2, name: { vi: 'Xu hướng', en: 'Trend' }, firstRow: 2, columns: { label: 'A', from: 'B', to: 'C', total: 'D', scaled: 'E', firstGroup: 'F' } },
  previous: {
    sheetIndex: 3,
    name: { vi: 'Kỳ trước', en: 'Previous period' },
    columns: { key: 'A', item: 'B', current: 'C', previous: 'D', change: 'E' },
    periodRow: 2,
    totalRow: 3,
    scaledRow: 4,
    bandRow: 5,
    firstGroupRow: 6,
  },
} as const;

export const FIGURE_KEYS = ['received', 'finished', 'finishedOnTime', 'openAtEnd', 'lateOpenAtEnd', 'averageProcessingDays'] as const satisfies readonly (keyof PeriodFigures)[];

const SCORE_FMT = '0.00';
const COUNT_FMT = '#,##0';
const DATE_FMT = 'dd/mm/yyyy';
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };

function headerRow(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 30;
  row.eachCell((c) => {
    c.fill = HEAD_FILL;
    c.border = THIN;
  });
}

export function newWorkbook(title: string, createdOn: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.title = title;
  // Deterministic: the workbook's dates are the figures' own date, not the clock.
  wb.created = excelDay(createdOn);
  wb.modified = wb.created;
  return wb;
}

const points = (i: IndicatorScore) => (i.status === 'not_applicable' || i.status === 'no_data' || i.status === 'tracking' ? null : i.score);

export async function renderDashboardXlsx(d: IndexDashboard, lang: Lang): Promise<Buffer> {
  const L = DASHBOARD_XLSX;
  const r = d.result;
  const wb = newWorkbook(`${tx('xm.title.dashboard', lang)} — ${d.agency.name} — ${d.period.label[lang]}`, d.judgedOn);

  // ---- Sheet 1: summary and indicators ----
  const ws = wb.addWorksheet(L.summary.name[lang], {
    views: [{ state: 'frozen', xSplit: 0, ySplit: L.summary.indicatorHeaderRow, activeCell: `A${L.summary.firstIndicatorRow}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${L.summary.indicatorHeaderRow}:${L.summary.indicatorHeaderRow}` },
  });
  ws.columns = [
    { key: 'group', width: 26 },
    { key: 'code', width: 30 },
    { key: 'name', width: 48 },
    { key: 'numerator', width: 12, style: { numFmt: COUNT_FMT } },
    { key: 'denominator', width: 12, style: { numFmt: COUNT_FMT } },
    { key: 'rate', width: 11, style: { numFmt: SCORE_FMT } },
    { key: 'max', width: 11, style: { numFmt: SCORE_FMT } },
    { key: 'points', width: 11, style: { numFmt: SCORE_FMT } },
    { key: 'lost', width: 11, style: { numFmt: SCORE_FMT } },
    { key: 'note', width: 32 },
    { key: 'groupCode', width: 18 },
    { key: 'status', width: 14 },
  ];
  ws.mergeCells('A1:J1');
  const title = ws.getCell('A1');
  title.value = tx('xm.title.dashboard', lang).toLocaleUpperCase(lang === 'vi' ? 'vi-VN' : 'en-GB');
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.getRow(1).height = 24;

  const set = (addr: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const c = ws.getCell(addr);
    c.value = value;
    if (numFmt) c.numFmt = numFmt;
    return c;
  };
  set('A2', tx('xm.unit', lang));
  set(L.summary.unitName, d.agency.name);
  set(L.summary.unitCode, d.agency.code);
  set('A3', tx('xm.period', lang));
  set(L.summary.periodLabel, d.period.label[lang]);
  set(L.summary.periodFrom, excelDay(d.period.from), DATE_FMT);
  set(L.summary.periodTo, excelDay(d.period.to), DATE_FMT);
  set(L.summary.periodKind, d.period.kind);
  set('A4', tx('xm.profile', lang));
  set(L.summary.profileName, d.profile.name[lang]);
  set(L.summary.profileId, d.profile.id);
  set('A5', tx('xm.judgedOn', lang));
  set(L.summary.judgedOn, excelDay(d.judgedOn), DATE_FMT);
  set('A6', tx('xm.total', lang));
  set(L.summary.total, r.total, SCORE_FMT).font = { bold: true, size: 12 };
  set(L.summary.applicableMax, r.applicableMax, SCORE_FMT);
  set('A7', tx('xm.scaled', lang));
  set(L.summary.scaled, r.scaled, SCORE_FMT);
  // The one explanation of the rescaled figure (core/service-index/framing), word for word as on every surface.
  const scaledNote = frameIndex(r, lang).scaledNote;
  if (scaledNote) set('C7', scaledNote);
  set('A8', tx('xm.band', lang));
  set(L.summary.bandLabel, r.band.label[lang]).font = { bold: true };
  set(L.summary.bandCode, r.band.code);
  for (let row = 2; row <= 8; row++) ws.getCell(`A${row}`).font = { bold: true };
  for (const a of [L.summary.unitName, L.summary.periodLabel, L.summary.profileName]) ws.getCell(a).alignment = { horizontal: 'left' };
  for (const a of [L.summary.total, L.summary.applicableMax, L.summary.scaled]) ws.getCell(a).alignment = { horizontal: 'left' };

  const head = ws.getRow(L.summary.indicatorHeaderRow);
  head.values = [
    tx('xm.col.group', lang),
    tx('xm.col.code', lang),
    tx('xm.col.indicator', lang),
    tx('xm.col.numerator', lang),
    tx('xm.col.denominator', lang),
    tx('xm.col.rate', lang),
    tx('xm.col.max', lang),
    tx('xm.col.points', lang),
    tx('xm.col.lost', lang),
    tx('xm.col.status', lang),
    tx('xm.col.groupCode', lang),
    'status',
  ];
  headerRow(head);

  let rowNo = L.summary.firstIndicatorRow;
  for (const g of r.groups) {
    for (const i of g.indicators) {
      const row = ws.getRow(rowNo++);
      row.values = [g.name[lang], i.code, i.name[lang], i.numerator, i.denominator, i.rate, i.max, points(i), i.lost, statusLabel(i.status, lang), g.code, i.status];
      row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
      row.eachCell({ includeEmpty: false }, (c) => (c.border = THIN));
    }
  }
  const indicatorCount = rowNo - L.summary.firstIndicatorRow;
  ws.autoFilter = { from: { row: L.summary.indicatorHeaderRow, column: 1 }, to: { row: L.summary.indicatorHeaderRow, column: 12 } };

  const gh = ws.getRow(L.summary.groupHeaderRow(indicatorCount));
  gh.getCell('A').value = tx('xm.col.group', lang);
  gh.getCell('B').value = tx('xm.col.groupCode', lang);
  gh.getCell('G').value = tx('xm.col.max', lang);
  gh.getCell('H').value = tx('xm.col.points', lang);
  gh.getCell('I').value = tx('xm.col.lost', lang);
  headerRow(gh);
  rowNo = L.summary.groupHeaderRow(indicatorCount) + 1;
  for (const g of r.groups) {
    const row = ws.getRow(rowNo++);
    row.getCell('A').value = g.name[lang];
    row.getCell('B').value = g.code;
    row.getCell('G').value = g.max;
    row.getCell('H').value = g.score;
    row.getCell('I').value = round2(g.indicators.reduce((s, i) => s + i.lost, 0));
  }
  const tot = ws.getRow(rowNo);
  tot.getCell('A').value = tx('xm.total', lang);
  tot.getCell('G').value = round2(r.groups.reduce((s, g) => s + g.max, 0));
  tot.getCell('H').value = r.total;
  tot.getCell('I').value = round2(r.groups.reduce((s, g) => s + g.indicators.reduce((t, i) => t + i.lost, 0), 0));
  tot.font = { bold: true };

  // ---- Sheet 2: trend ----
  const tw = wb.addWorksheet(L.trend.name[lang], { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  tw.columns = [
    { width: 16 },
    { width: 12, style: { numFmt: DATE_FMT } },
    { width: 12, style: { numFmt: DATE_FMT } },
    { width: 12, style: { numFmt: SCORE_FMT } },
    { width: 14, style: { numFmt: SCORE_FMT } },
    ...r.groups.map(() => ({ width: 16, style: { numFmt: SCORE_FMT } })),
  ];
  const th = tw.getRow(1);
  th.values = [tx('xm.trend.month', lang), tx('xm.from', lang), tx('xm.to', lang), tx('xm.total', lang), tx('xm.scaled', lang), ...r.groups.map((g) => g.name[lang])];
  headerRow(th);
  for (const p of d.trend) {
    tw.addRow([p.period.label[lang], excelDay(p.period.from), excelDay(p.period.to), p.total, p.scaled, ...r.groups.map((g) => p.groups[g.code] ?? null)]);
  }

  // ---- Sheet 3: previous period ----
  const pw = wb.addWorksheet(L.previous.name[lang], { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  pw.columns = [{ width: 32 }, { width: 48 }, { width: 16, style: { numFmt: SCORE_FMT } }, { width: 16, style: { numFmt: SCORE_FMT } }, { width: 16, style: { numFmt: '+0.00;-0.00;0' } }];
  const ph = pw.getRow(1);
  ph.values = [tx('xm.prev.key', lang), tx('xm.prev.item', lang), tx('xm.prev.current', lang), tx('xm.prev.previous', lang), tx('xm.prev.change', lang)];
  headerRow(ph);
  const prev = d.previous.result;
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : round2(a - b));
  pw.addRow(['PERIOD', tx('xm.period', lang), d.period.label[lang], d.previous.period.label[lang], null]);
  pw.addRow(['TOTAL', tx('xm.total', lang), r.total, prev.total, delta(r.total, prev.total)]).font = { bold: true };
  pw.addRow(['SCALED', tx('xm.scaled', lang), r.scaled, prev.scaled, delta(r.scaled, prev.scaled)]);
  pw.addRow(['BAND', tx('xm.band', lang), r.band.label[lang], prev.band.label[lang], null]);
  const prevGroups = new Map(prev.groups.map((g) => [g.code, g]));
  for (const g of r.groups) {
    const pg = prevGroups.get(g.code)?.score ?? null;
    pw.addRow([g.code, g.name[lang], g.score, pg, delta(g.score, pg)]);
  }
  for (const k of FIGURE_KEYS) {
    const a = d.figures[k];
    const b = d.previous.figures[k];
    const row = pw.addRow([k, tx(`xm.fig.${k}`, lang), a, b, delta(a, b)]);
    if (k !== 'averageProcessingDays') for (const col of [3, 4]) row.getCell(col).numFmt = COUNT_FMT;
  }
  const prevInd = new Map(prev.groups.flatMap((g) => g.indicators).map((i) => [i.code, i]));
  for (const g of r.groups) {
    for (const i of g.indicators) {
      const pi = prevInd.get(i.code);
      const a = points(i);
      const b = pi ? points(pi) : null;
      pw.addRow([i.code, `${i.name[lang]} (${tx('xm.col.points', lang).toLocaleLowerCase(lang)})`, a, b, delta(a, b)]);
    }
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The service-index dashboard of one unit and period as an A4 PDF report: header (unit, period, profile, date
 * the figures are of), total and rating, a bar chart of the groups (points against the maximum), the trend of
 * the year month by month, every indicator with its numerator, denominator, rate, points and points lost, and
 * the comparison with the previous period. Page numbers at the foot.
 */
import { frameIndex, type IndexDashboard, type IndicatorScore } from '../../../../core/service-index/index.ts';
import { tx } from '../../../../core/i18n/exports-monitoring.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';
import { groupBarsSvg, trendSvg } from './charts.ts';
import { FIGURE_KEYS } from './dashboard-xlsx.ts';
import { fmtDate, fmtDelta, fmtNum, fmtRate, round2, ruleLabel, statusLabel } from './format.ts';
import { chart, collect, contentWidth, ensure, fields, heading, MARGINS, newPdf, pageNumbers, paragraph, table, FONT, type Doc, type Row } from './pdf.ts';

const scoredLike = (i: IndicatorScore) => i.status === 'scored' || i.status === 'empty_full' || i.status === 'empty_zero';

export function titleBlock(doc: Doc, title: string, lang: Lang): void {
  const w = contentWidth(doc);
  doc.font(FONT.bold).fontSize(14).fillColor('#000000').text(title.toLocaleUpperCase(lang === 'vi' ? 'vi-VN' : 'en-GB'), MARGINS.left, MARGINS.top, { width: w, align: 'center' });
  doc.moveDown(0.2);
  doc.font(FONT.italic).fontSize(8.5).text(tx('xm.basis', lang), { width: w, align: 'center' });
  doc.moveDown(0.8);
}

/** The framed total: `Tổng điểm: 78,45 / 100 điểm — Xếp loại: Khá` (+ the 100-scale figure when it differs). */
function totalBox(doc: Doc, d: IndexDashboard, lang: Lang): void {
  const r = d.result;
  const w = contentWidth(doc);
  const framed = frameIndex(r, lang);
  const line1 = `${tx('xm.total', lang)}: ${framed.headline}`;
  const line2 = `${tx('xm.band', lang)}: ${r.band.label[lang]}`;
  const line3 = framed.scaledNote;
  doc.font(FONT.regular).fontSize(8.5);
  const h3 = line3 ? doc.heightOfString(line3, { width: w - 20 }) + 4 : 0;
  const h = 44 + h3;
  ensure(doc, h + 6);
  const y = doc.y + 2;
  doc.lineWidth(1.2).strokeColor('#000000').rect(MARGINS.left, y, w, h).stroke();
  doc.font(FONT.bold).fontSize(15).fillColor('#000000').text(line1, MARGINS.left + 10, y + 7, { width: w - 20 });
  doc.font(FONT.bold).fontSize(11).text(line2, MARGINS.left + 10, y + 27, { width: w - 20 });
  if (line3) doc.font(FONT.regular).fontSize(8.5).text(line3, MARGINS.left + 10, y + 44, { width: w - 20 });
  doc.y = y + h + 6;
  doc.x = MARGINS.left;
}

function indicatorRows(d: IndexDashboard, lang: Lang): Row[] {
  const rows: Row[] = [];
  const framedGroups = frameIndex(d.result, lang).groups;
  d.result.groups.forEach((g, gi) => {
    rows.push({ section: true, cells: [`${gi + 1}. ${g.name[lang]} — ${framedGroups[gi]!.label}${framedGroups[gi]!.note ? ` (${framedGroups[gi]!.note})` : ''}`] });
    for (const i of g.indicators) {
      const note = i.status === 'scored' ? ruleLabel(i.rule, lang) : statusLabel(i.status, lang);
      rows.push({
        cells: [
          `${i.name[lang]}\n${i.code}`,
          i.numerator === null ? '—' : fmtNum(i.numerator, lang, 0),
          i.denominator === null ? '—' : fmtNum(i.denominator, lang, 0),
          fmtRate(i.rate, lang),
          fmtNum(i.max, lang),
          scoredLike(i) ? fmtNum(i.score, lang) : '—',
          scoredLike(i) ? fmtNum(i.lost, lang) : '—',
          note,
        ],
        muted: !scoredLike(i),
      });
    }
  });
  return rows;
}

function comparisonRows(d: IndexDashboard, lang: Lang): Row[] {
  const r = d.result;
  const p = d.previous.result;
  const num = (a: number | null, b: number | null, digits = 2): string[] => [
    a === null ? '—' : fmtNum(a, lang, digits),
    b === null ? '—' : fmtNum(b, lang, digits),
    a === null || b === null ? '—' : fmtDelta(round2(a - b), lang),
  ];
  const prevGroups = new Map(p.groups.map((g) => [g.code, g.score]));
  const rows: Row[] = [
    { cells: [tx('xm.total', lang), ...num(r.total, p.total)], bold: true },
    { cells: [tx('xm.scaled', lang), ...num(r.scaled, p.scaled)] },
    { cells: [tx('xm.band', lang), r.band.label[lang], p.band.label[lang], ''] },
    { section: true, cells: [tx('xm.groupsTable', lang)] },
    ...r.groups.map((g) => ({ cells: [g.name[lang], ...num(g.score, prevGroups.get(g.code) ?? null)] })),
    { section: true, cells: [tx('xm.prev.figures', lang)] },
    ...FIGURE_KEYS.map((k) => ({ cells: [tx(`xm.fig.${k}`, lang), ...num(d.figures[k], d.previous.figures[k], k === 'averageProcessingDays' ? 1 : 0)] })),
  ];
  return rows;
}

export async function renderDashboardPdf(d: IndexDashboard, lang: Lang): Promise<Buffer> {
  const title = tx('xm.title.dashboard', lang);
  const doc = newPdf({ title: `${title} — ${d.agency.name} — ${d.period.label[lang]}`, subject: tx('xm.subject.dashboard', lang, { unit: d.agency.name, period: d.period.label[lang] }), author: d.agency.name, date: d.judgedOn, lang });
  const done = collect(doc);
  const w = contentWidth(doc);

  titleBlock(doc, title, lang);
  fields(doc, [
    [tx('xm.unit', lang), `${d.agency.name} (${d.agency.code})`],
    [tx('xm.period', lang), `${d.period.label[lang]} — ${tx('xm.periodRange', lang, { from: fmtDate(d.period.from), to: fmtDate(d.period.to) })}`],
    [tx('xm.profile', lang), d.profile.name[lang]],
    [tx('xm.judgedOn', lang), fmtDate(d.judgedOn)],
  ]);
  doc.moveDown(0.4);
  totalBox(doc, d, lang);

  heading(doc, tx('xm.chart.groups', lang));
  const barsH = 40 + d.result.groups.length * 26;
  chart(doc, groupBarsSvg(d.result, lang, w, barsH), w, barsH);

  heading(doc, tx('xm.trend.title', lang));
  if (d.trend.length === 0) paragraph(doc, tx('xm.trend.none', lang), { font: FONT.italic });
  else chart(doc, trendSvg(d.trend, d.result.groups, lang, w, 330), w, 330);

  heading(doc, tx('xm.indicatorsTable', lang));
  table(
    doc,
    [
      { header: tx('xm.col.indicator', lang), width: 30 },
      { header: tx('xm.col.numerator', lang), width: 8, align: 'right' },
      { header: tx('xm.col.denominator', lang), width: 8, align: 'right' },
      { header: tx('xm.col.rate', lang), width: 8, align: 'right' },
      { header: tx('xm.col.max', lang), width: 7, align: 'right' },
      { header: tx('xm.col.points', lang), width: 7, align: 'right' },
      { header: tx('xm.col.lost', lang), width: 7, align: 'right' },
      { header: tx('xm.col.status', lang), width: 15 },
    ],
    indicatorRows(d, lang),
  );

  heading(doc, `${tx('xm.prev.title', lang)} (${d.previous.period.label[lang]})`);
  table(
    doc,
    [
      { header: tx('xm.prev.item', lang), width: 46 },
      { header: `${tx('xm.prev.current', lang)}\n${d.period.label[lang]}`, width: 18, align: 'right' },
      { header: `${tx('xm.prev.previous', lang)}\n${d.previous.period.label[lang]}`, width: 18, align: 'right' },
      { header: tx('xm.prev.change', lang), width: 18, align: 'right' },
    ],
    comparisonRows(d, lang),
  );

  pageNumbers(doc, lang);
  doc.end();
  return done;
}

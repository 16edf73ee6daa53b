/**
 * The rankings of a parent unit's children as an A4 landscape PDF: header (parent unit, period, profile, minimum
 * dossiers), a horizontal bar chart of the totals (ranked units filled, units with too few dossiers hatched; split
 * over several charts when there are many units), then the full table with the group scores. Page numbers.
 */
import type { Rankings } from '../../../../core/service-index/index.ts';
import { tx } from '../../../../core/i18n/exports-monitoring.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';
import { rankingBarsSvg, rankingChartHeight } from './charts.ts';
import { titleBlock } from './dashboard-pdf.ts';
import { fmtDate, fmtNum, rankingGroups } from './format.ts';
import { chart, collect, contentWidth, fields, heading, newPdf, pageNumbers, paragraph, table, FONT, type Column } from './pdf.ts';

/** Units per chart: one chart fits a landscape A4 page. */
export const UNITS_PER_CHART = 26;

export async function renderRankingsPdf(r: Rankings, lang: Lang): Promise<Buffer> {
  const title = tx('xm.title.rankings', lang);
  const doc = newPdf({
    title: `${title} — ${r.parent.name} — ${r.period.label[lang]}`,
    subject: tx('xm.subject.rankings', lang, { unit: r.parent.name, period: r.period.label[lang] }),
    author: r.parent.name,
    date: r.period.to,
    lang,
    layout: 'landscape',
  });
  const done = collect(doc);
  const w = contentWidth(doc);
  const groups = rankingGroups(r, lang);

  titleBlock(doc, title, lang);
  fields(doc, [
    [tx('xm.parent', lang), `${r.parent.name} (${r.parent.code})`],
    [tx('xm.period', lang), `${r.period.label[lang]} — ${tx('xm.periodRange', lang, { from: fmtDate(r.period.from), to: fmtDate(r.period.to) })}`],
    [tx('xm.profile', lang), r.profile.name[lang]],
    [tx('xm.minDossiers', lang), fmtNum(r.minDossiers, lang, 0)],
  ]);
  doc.moveDown(0.3);
  if (r.minDossiers > 0) paragraph(doc, tx('xm.minDossiersNote', lang, { n: fmtNum(r.minDossiers, lang, 0) }), { font: FONT.italic, size: 8.5 });

  if (r.rows.length === 0) {
    doc.moveDown(1);
    paragraph(doc, tx('xm.rank.none', lang), { size: 10 });
  } else {
    const parts = Math.ceil(r.rows.length / UNITS_PER_CHART);
    for (let p = 0; p < parts; p++) {
      const rows = r.rows.slice(p * UNITS_PER_CHART, (p + 1) * UNITS_PER_CHART);
      heading(doc, parts > 1 ? `${tx('xm.chart.rankings', lang)} ${tx('xm.chart.part', lang, { n: p + 1, total: parts })}` : tx('xm.chart.rankings', lang));
      chart(doc, rankingBarsSvg(rows, lang, w), w, rankingChartHeight(rows.length));
    }

    heading(doc, tx('xm.sheet.rankings', lang));
    const columns: Column[] = [
      { header: tx('xm.rank.rank', lang), width: 5, align: 'center' },
      { header: tx('xm.rank.name', lang), width: 20 },
      { header: tx('xm.rank.received', lang), width: 8, align: 'right' },
      { header: tx('xm.total', lang), width: 7, align: 'right' },
      { header: tx('xm.scaled', lang), width: 8, align: 'right' },
      { header: tx('xm.band', lang), width: 8 },
      ...groups.map((g) => ({ header: g.name, width: 48 / Math.max(groups.length, 1), align: 'right' as const })),
    ];
    table(
      doc,
      columns,
      r.rows.map((u) => ({
        cells: [
          u.rank === null ? '–' : String(u.rank),
          `${u.agency.name}\n${u.agency.code}`,
          fmtNum(u.received, lang, 0),
          fmtNum(u.total, lang),
          fmtNum(u.scaled, lang),
          u.eligible ? u.band.label[lang] : `${u.band.label[lang]} (${tx('xm.rank.unranked', lang).toLocaleLowerCase(lang)})`,
          ...groups.map((g) => (u.groups[g.code] === undefined ? '—' : fmtNum(u.groups[g.code]!, lang))),
        ],
        muted: !u.eligible,
      })),
    );
  }

  pageNumbers(doc, lang);
  doc.end();
  return done;
}

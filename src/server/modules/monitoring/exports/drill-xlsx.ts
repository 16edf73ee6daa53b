/**
 * One indicator's drill-down as an Excel workbook: sheet 1 the procedures behind it (numerator, denominator,
 * missing), sheet 2 the dossiers (those that cost points by default), with the reason. Numbers as numbers.
 *
 *   A1 title · A2:B2 unit · A3:B3 period · A4:F4 indicator code | name | numerator | denominator | rate | points
 *   row 6 headers, rows 7 … one row per procedure / dossier.
 */
import type { AgencyRef, IndicatorDossierRow, IndicatorProcedureRow, IndicatorScore, Period } from '../../../../core/service-index/index.ts';
import { tx } from '../../../../core/i18n/exports-monitoring.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';
import { STATE_LABELS } from '../../../../core/dossier/labels.ts';
import type { DossierState } from '../../../../core/dossier/states.ts';
import { newWorkbook } from './dashboard-xlsx.ts';

export interface DrillExport {
  agency: AgencyRef;
  period: Period;
  indicator: IndicatorScore;
  procedures: IndicatorProcedureRow[];
  dossiers: IndicatorDossierRow[];
  /** The dossier list stops at this many rows. */
  cap: number;
  truncated: boolean;
}

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : null);

export async function renderDrillXlsx(x: DrillExport, lang: Lang): Promise<Buffer> {
  const wb = newWorkbook(`${tx('xm.title.drill', lang)} ${x.indicator.code} — ${x.agency.name} — ${x.period.label[lang]}`, x.period.to);
  const head = (ws: ReturnType<typeof wb.addWorksheet>) => {
    ws.getCell('A1').value = `${tx('xm.title.drill', lang)}: ${x.indicator.name[lang]}`;
    ws.getCell('A1').font = { bold: true, size: 13 };
    ws.getRow(2).values = [x.agency.code, x.agency.name];
    ws.getRow(3).values = [x.period.label[lang], `${x.period.from} – ${x.period.to}`];
    ws.getRow(4).values = [x.indicator.code, x.indicator.name[lang], x.indicator.numerator, x.indicator.denominator, x.indicator.rate, x.indicator.score];
  };
  const p = wb.addWorksheet(tx('xm.drill.procedures', lang));
  head(p);
  p.columns = [{ width: 14 }, { width: 60 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
  p.getRow(6).values = [tx('xm.drill.procedureCode', lang), tx('xm.drill.procedure', lang), tx('xm.col.numerator', lang), tx('xm.col.denominator', lang), tx('xm.col.rate', lang), tx('xm.drill.missing', lang)];
  p.getRow(6).font = { bold: true };
  x.procedures.forEach((r, i) => {
    p.getRow(7 + i).values = [r.code, r.name, r.numerator, r.denominator, r.rate, r.missing];
  });
  const d = wb.addWorksheet(tx('xm.drill.dossiers', lang));
  head(d);
  d.columns = [{ width: 26 }, { width: 12 }, { width: 48 }, { width: 30 }, { width: 22 }, { width: 17 }, { width: 17 }, { width: 17 }, { width: 8 }, { width: 40 }, { width: 17 }];
  d.getRow(6).values = [
    tx('xm.drill.dossierCode', lang),
    tx('xm.drill.procedureCode', lang),
    tx('xm.drill.procedure', lang),
    tx('xm.drill.agency', lang),
    tx('xm.drill.state', lang),
    tx('xm.drill.received', lang),
    tx('xm.drill.due', lang),
    tx('xm.drill.finished', lang),
    tx('xm.drill.counts', lang),
    tx('xm.drill.reason', lang),
    tx('xm.drill.appointment', lang),
  ];
  d.getRow(6).font = { bold: true };
  x.dossiers.forEach((r, i) => {
    d.getRow(7 + i).values = [r.code, r.procedureCode, r.procedureName, r.agencyName, STATE_LABELS[r.state as DossierState]?.[lang] ?? r.state, when(r.receivedAt), when(r.dueAt), when(r.finishedAt), r.counts ? '✓' : '✗', r.reason, when(r.appointmentAt)];
  });
  if (x.truncated) d.getCell(`A${8 + x.dossiers.length}`).value = tx('xm.drill.truncated', lang, { n: x.cap });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

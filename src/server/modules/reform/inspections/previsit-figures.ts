/**
 * The figures motcua already knows for a checklist item before the visit (issue 9 §2 "Plan"), for the visited unit
 * over the visit's period. Each is read through the module that owns it — never a second definition:
 *  - online_rate: the service index's ONLINE_DOSSIERS indicator (monitoring dashboardFor), linked to its drill-down;
 *  - late_without_apology: the dossiers of the ON_TIME drill-down that cost points (late), same predicate and window
 *    as the console's list (monitoring drillRowsFor), of them those without an apology (dossiers.apologies_sent);
 *  - receipts_unsigned_or_undated: desk fee payments without a receipt number or recorder (payments deskReceiptGaps);
 *  - reports_late: periodic reform reports due in the period and sent late or not at all (reform reportStandingsOf).
 * `query` is the console link to the list behind the figure (null when motcua has none).
 */
import type { AppContext } from '../../../platform/context.ts';
import { addDays, localDateTimeToInstant, toLocalDate } from '../../../../core/calendar/index.ts';
import { resolvePeriod } from '../../../../core/service-index/period.ts';
import type { ChecklistFigure } from '../../../../core/reform/inspections/index.ts';

export interface PrevisitFigure {
  key: ChecklistFigure;
  /** The figure as shown ("67,24% (39/58 hồ sơ)"); null when motcua has no data for the unit and period. */
  value: string | null;
  label: string;
  query: string | null;
}

const fmtDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const fmtRate = (r: number) => `${r.toFixed(2).replace('.', ',')}%`;

export async function previsitFigures(ctx: AppContext, agencyId: string, period: { from: string; to: string }, keys: readonly ChecklistFigure[]): Promise<Map<ChecklistFigure, PrevisitFigure>> {
  const out = new Map<ChecklistFigure, PrevisitFigure>();
  if (keys.length === 0) return out;
  const today = toLocalDate(ctx.now());
  // Figures are read up to yesterday-or-the-period-end (a planned visit's period may run past today).
  const to = period.to < today ? period.to : today;
  const from = period.from > to ? to : period.from;
  const span = `${fmtDate(from)}–${fmtDate(to)}`;
  const drillSearch = `agencyId=${agencyId}&period=custom&from=${from}&to=${to}`;
  const p = resolvePeriod({ kind: 'custom', from, to });
  const want = new Set(keys);

  if (want.has('online_rate')) {
    let value: string | null = null;
    try {
      const d = await ctx.services.monitoring.dashboardFor(agencyId, p);
      const i = d.result.groups.flatMap((g) => g.indicators).find((x) => x.code === 'ONLINE_DOSSIERS');
      if (i && i.denominator !== null && i.denominator > 0 && i.rate !== null) value = `${fmtRate(i.rate)} (${i.numerator}/${i.denominator} hồ sơ)`;
    } catch {
      // No service-index dashboard for the unit (no published procedures): no figure.
    }
    out.set('online_rate', { key: 'online_rate', value, label: `Tỷ lệ hồ sơ trực tuyến trên motcua, ${span}`, query: `/chi-so/chi-tieu/ONLINE_DOSSIERS?${drillSearch}` });
  }

  if (want.has('late_without_apology')) {
    const late = await ctx.services.monitoring.drillRowsFor(agencyId, p, 'ON_TIME', 'missing');
    const without = late.rows.filter((r) => r.apologiesSent === 0).length;
    out.set('late_without_apology', {
      key: 'late_without_apology',
      value: `${without}${late.truncated ? '+' : ''}/${late.rows.length}${late.truncated ? '+' : ''} hồ sơ trễ hạn chưa có phiếu xin lỗi`,
      label: `Hồ sơ trễ hạn không có phiếu xin lỗi, ${span}`,
      query: `/chi-so/chi-tieu/ON_TIME/ho-so?${drillSearch}&filter=missing`,
    });
  }

  if (want.has('receipts_unsigned_or_undated')) {
    const g = await ctx.services.payments.deskReceiptGaps(agencyId, localDateTimeToInstant(from, '00:00'), localDateTimeToInstant(addDays(to, 1), '00:00'));
    out.set('receipts_unsigned_or_undated', {
      key: 'receipts_unsigned_or_undated',
      value: g.total > 0 ? `${g.missing}/${g.total} khoản thu không có số biên lai hoặc người thu` : null,
      label: `Biên lai thu phí, lệ phí ghi nhận trên motcua, ${span}`,
      query: `/chi-so/chi-tieu/PAYMENT_DOSSIERS/ho-so?${drillSearch}&filter=denominator`,
    });
  }

  if (want.has('reports_late')) {
    const rows = await ctx.services.reform.reportStandingsOf(agencyId, period.from, period.to);
    const late = rows.filter((r) => r.late);
    const years = [...new Set(rows.map((r) => r.year))];
    out.set('reports_late', {
      key: 'reports_late',
      value: rows.length ? `${late.length}/${rows.length} kỳ báo cáo gửi trễ hoặc chưa gửi${late.length ? ` (${late.map((r) => `${r.kindLabel.vi} ${r.year}`).join(', ')})` : ''}` : null,
      label: `Báo cáo CCHC định kỳ đến hạn, ${fmtDate(period.from)}–${fmtDate(period.to)}`,
      query: `/bao-cao-cchc?agencyId=${agencyId}&year=${years.at(-1) ?? Number(to.slice(0, 4))}`,
    });
  }
  return out;
}

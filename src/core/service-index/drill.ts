/**
 * Which dossiers stand behind each dossier-based indicator (the drill-down), as data mirroring core/service-index
 * metrics.ts: the time the dossier is counted by (receipt, finish, or "finished in the period or open at its
 * end"), the fact that puts it in the numerator, an optional fact that restricts the denominator, and why a
 * dossier outside the numerator costs points.
 */
import type { DossierFacts } from './facts.ts';

export type DrillFlag = keyof Pick<DossierFacts, 'synced' | 'onlineCompliant' | 'paidOnline' | 'electronicResult' | 'digitised' | 'reused' | 'citizenStore' | 'eid' | 'feeBearing'>;

export interface DrillSpec {
  kind: 'received' | 'finished' | 'progress';
  /** In the numerator when this fact holds; for `progress`: when not late (and not dissatisfied if `satisfaction`). */
  flag: DrillFlag | null;
  only: DrillFlag | null;
  satisfaction?: boolean;
  missing: { vi: string; en: string };
}

const t = (vi: string, en: string) => ({ vi, en });

export const DRILL_SPECS: Readonly<Record<string, DrillSpec>> = {
  DOSSIER_SYNC: { kind: 'received', flag: 'synced', only: null, missing: t('Chưa đồng bộ lên Cổng DVC quốc gia', 'Not synchronised to the national portal') },
  ON_TIME: { kind: 'progress', flag: null, only: null, missing: t('Trễ hạn', 'Late') },
  ONLINE_DOSSIERS: { kind: 'received', flag: 'onlineCompliant', only: null, missing: t('Không nộp trực tuyến (hoặc thiếu kết quả điện tử)', 'Not submitted online (or no electronic result)') },
  PAYMENT_DOSSIERS: { kind: 'received', flag: 'paidOnline', only: 'feeBearing', missing: t('Không thanh toán trực tuyến', 'Not paid online') },
  ORIGINAL_RESULT_AVAILABLE: { kind: 'finished', flag: 'electronicResult', only: null, missing: t('Không có kết quả điện tử', 'No electronic result') },
  SO_HOA_GIAY_TO_GIAI_QUYET: { kind: 'received', flag: 'digitised', only: null, missing: t('Thành phần hồ sơ/kết quả chưa số hóa', 'Components or result not digitised') },
  REUSED_DIGITIZED_DATA: { kind: 'received', flag: 'reused', only: null, missing: t('Không tái sử dụng dữ liệu số hóa', 'No digitised data reused') },
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE: { kind: 'received', flag: 'citizenStore', only: null, missing: t('Không dùng kho dữ liệu cá nhân', 'Citizen data store not used') },
  CITIZEN_DATA_CONNECTED_DOSSIER: { kind: 'received', flag: 'eid', only: null, missing: t('Không xác thực VNeID / dữ liệu dân cư', 'No e-ID / population data') },
  DOSSIER_RECEIVING_SATISFACTION: { kind: 'progress', flag: null, only: null, satisfaction: true, missing: t('Trễ hạn hoặc bị phản ánh, không hài lòng', 'Late, complained about or rated dissatisfied') },
};

/**
 * The window a drill-down (and its figure) is read in: instants [from, end). `end` is the start of the day after
 * the period end for receipt and finish indicators, and after the judging day (the period end, or today while it
 * runs) for progress indicators — the day whose balances the figure reads.
 */
export interface DrillWindow {
  from: Date;
  end: Date;
}

type DrillFacts = Pick<DossierFacts, 'counted' | 'receivedAt' | 'finishedAt' | 'withdrawnAt' | 'lateAt' | 'dissatisfied' | DrillFlag>;

const inside = (t: Date | null, w: DrillWindow) => t !== null && t.getTime() >= w.from.getTime() && t.getTime() < w.end.getTime();
const before = (t: Date | null, end: Date) => t !== null && t.getTime() < end.getTime();

/**
 * Whether a dossier is in an indicator's denominator (the population the drill-down lists with filter=denominator).
 * The counters (facts.ts contributions) are laid out so that summing them over the window gives exactly the number
 * of dossiers this predicate accepts (property test: drill.test.ts); the SQL of the drill-down
 * (monitoring.repository.ts drillPredicates) is the same predicate, tested against the figures.
 */
export function inDenominator(spec: DrillSpec, f: DrillFacts, w: DrillWindow): boolean {
  if (!f.counted || f.receivedAt === null) return false;
  if (spec.only && !f[spec.only]) return false;
  switch (spec.kind) {
    case 'received':
      return inside(f.receivedAt, w);
    case 'finished':
      return inside(f.finishedAt, w);
    case 'progress':
      // Finished in the window, or received before its end and neither finished nor withdrawn by then.
      return inside(f.finishedAt, w) || (before(f.receivedAt, w.end) && !before(f.finishedAt, w.end) && !before(f.withdrawnAt, w.end));
  }
}

/** Not late at the window's end (a finished dossier's late instant, if any, is before its finish). */
export const notLateBy = (f: Pick<DossierFacts, 'lateAt'>, end: Date) => f.lateAt === null || f.lateAt.getTime() >= end.getTime();

/** Whether a dossier of the denominator is in the numerator (the drill-down's filter=numerator; `counts`). */
export function inNumerator(spec: DrillSpec, f: DrillFacts, w: DrillWindow): boolean {
  if (!inDenominator(spec, f, w)) return false;
  if (spec.kind === 'progress') return notLateBy(f, w.end) && (!spec.satisfaction || !f.dissatisfied);
  return f[spec.flag!];
}

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

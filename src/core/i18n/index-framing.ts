/**
 * The words every surface uses to frame the service index (Decision 766): the console dashboard, its PDF and Excel
 * exports, the periodic report and the public portal page all print the same total out of the profile's maximum
 * and, where indicators have no data or do not apply, the same rescaled figure with the same explanation. Part of
 * the i18n catalogue (Vietnamese first); filled by `frameIndex` in core/service-index/framing.ts only.
 */
import type { Lang } from './errors.ts';

export const INDEX_FRAMING = {
  'ix.outOf': { vi: '{total}/{max} điểm', en: '{total}/{max} points' },
  'ix.scaledNote': {
    vi: 'Quy đổi thang 100: {scaled} điểm — {missing} điểm của các chỉ số không áp dụng hoặc chưa có số liệu không tính, điểm được quy đổi trên {applicable} điểm áp dụng.',
    en: 'On a 100 scale: {scaled} — {missing} points of indicators that do not apply or have no data are left out; the score is rescaled over the {applicable} applicable points.',
  },
  'ix.groupNote': { vi: 'áp dụng {applicable}/{max} điểm', en: '{applicable} of {max} points applicable' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type IndexFramingKey = keyof typeof INDEX_FRAMING;
export type { Lang };

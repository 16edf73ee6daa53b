/**
 * One framing of the service index, shared by every surface that shows it (issue 11 "One framing of the service
 * index everywhere"): the dashboard, the exports, the periodic report and the public page.
 *
 * - The total is always shown out of the profile's full maximum (the sum of the groups' maxima — 100 for the
 *   national profile), never out of the applicable maximum: "56,39/100".
 * - A group is shown out of its full maximum too ("Công khai, minh bạch 1,62/18"); when some of its indicators do
 *   not apply or have no data, a note says how many of its points apply ("áp dụng 8/18 điểm").
 * - When the applicable maximum is below the full maximum, one rescaled figure (total ÷ applicable × 100, from the
 *   scoring) is added with one explanation, word for word the same everywhere.
 */
import { formatMessage, type Lang } from '../i18n/errors.ts';
import { INDEX_FRAMING, type IndexFramingKey } from '../i18n/index-framing.ts';

/** What framing needs of a scored index (an IndexResult, or the snapshot a periodic report stores of one). */
export interface FramableIndex {
  total: number;
  applicableMax: number;
  scaled: number;
  groups: readonly { code: string; name: { vi: string; en: string }; score: number; max: number; applicableMax: number }[];
}

export interface IndexFraming {
  /** The profile's full maximum (sum of the groups' maxima). */
  outOf: number;
  total: number;
  applicableMax: number;
  /** True when some indicators do not apply or have no data (applicable maximum below the full maximum). */
  partial: boolean;
  scaled: number;
  /** "56,39/100 điểm" */
  headline: string;
  /** The one explanation of the rescaled figure; null when nothing is missing. */
  scaledNote: string | null;
  groups: { code: string; name: string; score: number; max: number; applicableMax: number; label: string; note: string | null }[];
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A score as people read it: vi `1.234,56`, en `1,234.56`, at most 2 decimals, no trailing zeros. */
export function fmtScore(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 0 })));
  return f.format(round2(n));
}

const say = (key: IndexFramingKey, lang: Lang, params: Record<string, unknown>) => formatMessage(INDEX_FRAMING[key][lang], params);

export function frameIndex(r: FramableIndex, lang: Lang): IndexFraming {
  const outOf = round2(r.groups.reduce((s, g) => s + g.max, 0));
  const partial = r.applicableMax < outOf;
  const n = (x: number) => fmtScore(x, lang);
  return {
    outOf,
    total: r.total,
    applicableMax: r.applicableMax,
    partial,
    scaled: r.scaled,
    headline: say('ix.outOf', lang, { total: n(r.total), max: n(outOf) }),
    scaledNote: partial ? say('ix.scaledNote', lang, { scaled: n(r.scaled), missing: n(round2(outOf - r.applicableMax)), applicable: n(r.applicableMax) }) : null,
    groups: r.groups.map((g) => frameGroup(g, lang)),
  };
}

/** A group out of its full maximum, with a note when only part of it applies. */
export function frameGroup(g: FramableIndex['groups'][number], lang: Lang): IndexFraming['groups'][number] {
  const n = (x: number) => fmtScore(x, lang);
  return {
    code: g.code,
    name: g.name[lang],
    score: g.score,
    max: g.max,
    applicableMax: g.applicableMax,
    label: say('ix.outOf', lang, { total: n(g.score), max: n(g.max) }),
    note: g.applicableMax < g.max ? say('ix.groupNote', lang, { applicable: n(g.applicableMax), max: n(g.max) }) : null,
  };
}

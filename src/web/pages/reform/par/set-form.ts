/**
 * The set editor's form for a scoring method, and back: options and thresholds are edited as lines of text
 * ("A | 1,5 | Ban hành đúng hạn", "95 | 2"), numbers with a comma or a point as the decimal separator. Pure.
 */
import { AUTO_METRICS, type AutoMetric, type ScoringMethod } from '../../../../core/reform/par/criteria-set.ts';

export interface MethodForm {
  kind: ScoringMethod['kind'];
  /** options: one per line, "key | points | label". */
  options: string;
  mapping: 'thresholds' | 'linear';
  /** thresholds: one per line, "from | points". */
  thresholds: string;
  zeroAt: number;
  fullAt: number;
  metric: AutoMetric;
  unit: string;
  group: '' | 'officials' | 'leaders' | 'citizens';
}

const num = (s: string): number | null => {
  const t = s.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
};
const show = (n: number) => String(n).replace('.', ',');

export function methodToForm(m: ScoringMethod | undefined): MethodForm {
  const f: MethodForm = { kind: m?.kind ?? 'yesno', options: '', mapping: 'thresholds', thresholds: '', zeroAt: 0, fullAt: 100, metric: AUTO_METRICS[0], unit: '', group: '' };
  if (!m) return f;
  if (m.kind === 'options') f.options = m.options.map((o) => `${o.key} | ${show(o.points)} | ${o.label.vi}`).join('\n');
  if (m.kind === 'rate' || m.kind === 'number' || m.kind === 'auto') {
    f.mapping = m.mapping.kind;
    if (m.mapping.kind === 'thresholds') f.thresholds = m.mapping.thresholds.map((x) => `${show(x.min)} | ${show(x.points)}`).join('\n');
    else {
      f.zeroAt = m.mapping.zeroAt;
      f.fullAt = m.mapping.fullAt;
    }
  }
  if (m.kind === 'number') f.unit = m.unit ?? '';
  if (m.kind === 'auto') f.metric = m.metric;
  if (m.kind === 'survey') f.group = m.group ?? '';
  return f;
}

/** The method, or the first line (1-based) that does not follow its pattern. */
export function methodFromForm(f: MethodForm): { ok: true; method: ScoringMethod } | { ok: false; line: number } {
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  const mapping = (): { ok: true; m: Extract<ScoringMethod, { kind: 'rate' }>['mapping'] } | { ok: false; line: number } => {
    if (f.mapping === 'linear') return { ok: true, m: { kind: 'linear', zeroAt: f.zeroAt, fullAt: f.fullAt } };
    const out: { min: number; points: number }[] = [];
    const ls = lines(f.thresholds);
    for (const [i, l] of ls.entries()) {
      const [a, b, ...rest] = l.split('|');
      const min = num(a ?? '');
      const points = num(b ?? '');
      if (min === null || points === null || rest.length) return { ok: false, line: i + 1 };
      out.push({ min, points });
    }
    if (!out.length) return { ok: false, line: 1 };
    return { ok: true, m: { kind: 'thresholds', thresholds: out } };
  };
  switch (f.kind) {
    case 'yesno':
    case 'manual':
      return { ok: true, method: { kind: f.kind } };
    case 'survey':
      return { ok: true, method: f.group ? { kind: 'survey', group: f.group } : { kind: 'survey' } };
    case 'options': {
      const ls = lines(f.options);
      const options: { key: string; label: { vi: string }; points: number }[] = [];
      for (const [i, l] of ls.entries()) {
        const [k, p, ...label] = l.split('|');
        const points = num(p ?? '');
        const key = (k ?? '').trim();
        const text = label.join('|').trim();
        if (!key || points === null || !text) return { ok: false, line: i + 1 };
        options.push({ key, points, label: { vi: text } });
      }
      if (!options.length) return { ok: false, line: 1 };
      return { ok: true, method: { kind: 'options', options } };
    }
    case 'rate':
    case 'number':
    case 'auto': {
      const m = mapping();
      if (!m.ok) return m;
      if (f.kind === 'rate') return { ok: true, method: { kind: 'rate', mapping: m.m } };
      if (f.kind === 'number') return { ok: true, method: f.unit.trim() ? { kind: 'number', unit: f.unit.trim(), mapping: m.m } : { kind: 'number', mapping: m.m } };
      return { ok: true, method: { kind: 'auto', metric: f.metric, mapping: m.m } };
    }
  }
}

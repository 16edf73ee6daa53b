/**
 * A PAR criteria set as data: the versioned JSON format (docs/par-criteria-format.md), its validation with one
 * problem per bad node, and the scoring methods that turn a unit's answer into points.
 */
import { z } from 'zod';
import { divRound, toHundredths, type Hundredths } from './points.ts';
import { validateTree, type TreeNode, type TreeProblem } from './tree.ts';

export const CRITERIA_FORMAT = 'motcua.par.criteria-set';
export const CRITERIA_FORMAT_VERSION = 1;

/** Figures motcua measures itself (auto-filled nodes). The reform figures of the unit over the round's period. */
export const AUTO_METRICS = [
  'ONLINE_DOSSIERS',
  'ON_TIME',
  'ELECTRONIC_RESULTS',
  'ONLINE_PAYMENT',
  'DIGITISATION',
  'SATISFACTION',
  'FEEDBACK_ON_TIME',
  'REPORTS_ON_TIME',
  'DOCUMENTS_ELECTRONIC',
] as const;
export type AutoMetric = (typeof AUTO_METRICS)[number];

const Text = z.object({ vi: z.string().trim().min(1), en: z.string().trim().optional() });
const Num = z.number().finite();

/** A rate (%) mapped to points: by thresholds (the highest threshold reached) or linearly between two rates. */
const RateMapping = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('thresholds'), thresholds: z.array(z.object({ min: Num.min(0), points: Num.min(0) })).min(1) }),
  z.object({ kind: z.literal('linear'), zeroAt: Num.min(0).default(0), fullAt: Num.positive() }),
]);

export const ScoringMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('options'), options: z.array(z.object({ key: z.string().trim().min(1), label: Text, points: Num.min(0) })).min(1) }),
  z.object({ kind: z.literal('rate'), mapping: RateMapping }),
  z.object({ kind: z.literal('number'), unit: z.string().optional(), mapping: RateMapping }),
  z.object({ kind: z.literal('yesno') }),
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('survey'), group: z.enum(['officials', 'leaders', 'citizens']).optional() }),
  z.object({ kind: z.literal('auto'), metric: z.enum(AUTO_METRICS), mapping: RateMapping }),
]);
export type ScoringMethod = z.infer<typeof ScoringMethodSchema>;

export const CriteriaNodeSchema = z.object({
  code: z.string().trim().min(1).max(40),
  parent: z.string().trim().min(1).nullish(),
  title: Text,
  max: Num,
  /** Leaves only; parents add up their children. */
  method: ScoringMethodSchema.optional(),
  evidence: z.string().optional(),
  /** Evidence is required for the node to be complete (an explanation otherwise). Default true for appraisal leaves. */
  evidenceRequired: z.boolean().optional(),
  /** Unit types the node applies to; absent = all the set's unit types. */
  appliesTo: z.array(z.string().trim().min(1)).optional(),
  guidance: z.string().optional(),
});
export type CriteriaNodeJson = z.infer<typeof CriteriaNodeSchema>;

export const BandSchema = z.object({ code: z.string().trim().min(1), label: Text, min: Num.min(0).max(100) });
export const DEFAULT_BANDS = [
  { code: 'A', label: { vi: 'Nhóm A', en: 'Group A' }, min: 90 },
  { code: 'B', label: { vi: 'Nhóm B', en: 'Group B' }, min: 80 },
];
export const DEFAULT_ANSWER_WEIGHTS = { A: 100, B: 60, C: 20, D: 0 };

export const CriteriaSetSchema = z.object({
  format: z.literal(CRITERIA_FORMAT),
  version: z.literal(CRITERIA_FORMAT_VERSION),
  code: z.string().trim().min(1).max(60),
  year: z.number().int().min(2000).max(2100),
  unitType: z.string().trim().min(1),
  title: Text,
  bands: z.array(BandSchema).default(DEFAULT_BANDS),
  answerWeights: z.record(z.string().regex(/^[A-Z]$/), Num.min(0).max(100)).default(DEFAULT_ANSWER_WEIGHTS),
  nodes: z.array(CriteriaNodeSchema).min(1),
});
export type CriteriaSetJson = z.infer<typeof CriteriaSetSchema>;

/** A node as the core scores it: maxima and points in hundredths. */
export interface CriteriaNode extends TreeNode {
  title: { vi: string; en?: string };
  method?: ScoringMethod;
  evidence?: string;
  evidenceRequired?: boolean;
  appliesTo?: string[];
  guidance?: string;
}

export interface CriteriaSet {
  code: string;
  year: number;
  unitType: string;
  title: { vi: string; en?: string };
  bands: { code: string; label: { vi: string; en?: string }; min: number }[];
  answerWeights: Record<string, number>;
  nodes: CriteriaNode[];
}

export type CriteriaParse = { ok: true; set: CriteriaSet } | { ok: false; problems: TreeProblem[] };

const h = (x: number) => toHundredths(x);

/** Validates a criteria-set JSON document: schema, tree, and each node's scoring method against its maximum. */
export function parseCriteriaSet(json: unknown): CriteriaParse {
  const r = CriteriaSetSchema.safeParse(json);
  if (!r.success) {
    return {
      ok: false,
      problems: r.error.issues.map((i) => {
        const idx = i.path[0] === 'nodes' && typeof i.path[1] === 'number' ? i.path[1] : null;
        const raw = idx !== null ? (json as { nodes?: { code?: unknown }[] })?.nodes?.[idx]?.code : undefined;
        const where = typeof raw === 'string' && raw ? raw : idx !== null ? `nodes[${idx}]` : i.path.join('.') || 'document';
        const field = idx !== null ? i.path.slice(2).join('.') : '';
        return { code: where, kind: 'UNKNOWN_NODE' as const, message: `${where}: ${field ? `${field}: ` : ''}${i.message}` };
      }),
    };
  }
  const doc = r.data;
  const problems: TreeProblem[] = [];
  const nodes: CriteriaNode[] = doc.nodes.map((n) => {
    const max = h(n.max);
    if (max === null) problems.push({ code: n.code, kind: 'BAD_DECIMALS', message: `${n.code}: maximum ${n.max} has more than two decimals` });
    return {
      code: n.code,
      parent: n.parent ?? null,
      title: n.title,
      max: max ?? Math.round(n.max * 100),
      method: n.method,
      evidence: n.evidence,
      evidenceRequired: n.evidenceRequired,
      appliesTo: n.appliesTo,
      guidance: n.guidance,
      source: n.method?.kind === 'survey' ? 'survey' : undefined,
    };
  });
  problems.push(...validateTree(nodes));
  const hasChildren = new Set(nodes.map((n) => n.parent).filter(Boolean) as string[]);
  for (const n of nodes) {
    const leaf = !hasChildren.has(n.code);
    if (!leaf && n.method) problems.push({ code: n.code, kind: 'POINTS_ON_PARENT', message: `${n.code}: a scoring method is given on leaves only (this node has children)` });
    if (leaf && !n.method) problems.push({ code: n.code, kind: 'UNKNOWN_NODE', message: `${n.code}: a leaf needs a scoring method` });
    if (leaf && n.method) problems.push(...methodProblems(n));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, set: { code: doc.code, year: doc.year, unitType: doc.unitType, title: doc.title, bands: doc.bands, answerWeights: doc.answerWeights, nodes } };
}

function methodProblems(n: CriteriaNode): TreeProblem[] {
  const out: TreeProblem[] = [];
  const above = (what: string, pts: number) => {
    const p = h(pts);
    if (p === null) out.push({ code: n.code, kind: 'BAD_DECIMALS', message: `${n.code}: ${what} points ${pts} have more than two decimals` });
    else if (p > n.max) out.push({ code: n.code, kind: 'POINTS_ABOVE_MAX', message: `${n.code}: ${what} gives ${pts} points, above the maximum ${n.max / 100}`, params: { points: pts, max: n.max / 100 } });
  };
  const m = n.method!;
  const mapping = m.kind === 'rate' || m.kind === 'number' || m.kind === 'auto' ? m.mapping : null;
  if (m.kind === 'options') {
    const keys = new Set<string>();
    for (const o of m.options) {
      if (keys.has(o.key)) out.push({ code: n.code, kind: 'DUPLICATE_CODE', message: `${n.code}: option ${o.key} appears more than once` });
      keys.add(o.key);
      above(`option ${o.key}`, o.points);
    }
  }
  if (mapping?.kind === 'thresholds') {
    let prev = -Infinity;
    for (const t of mapping.thresholds) {
      if (t.min <= prev) out.push({ code: n.code, kind: 'UNKNOWN_NODE', message: `${n.code}: thresholds must be in increasing order (${t.min} after ${prev})` });
      prev = t.min;
      above(`threshold ${t.min}`, t.points);
    }
  }
  if (mapping?.kind === 'linear' && mapping.fullAt <= mapping.zeroAt)
    out.push({ code: n.code, kind: 'UNKNOWN_NODE', message: `${n.code}: linear mapping needs fullAt (${mapping.fullAt}) above zeroAt (${mapping.zeroAt})` });
  return out;
}

/** Back to the JSON document (export), maxima as decimals. parseCriteriaSet(exportCriteriaSet(s)) gives s back. */
export function exportCriteriaSet(s: CriteriaSet): CriteriaSetJson {
  return {
    format: CRITERIA_FORMAT,
    version: CRITERIA_FORMAT_VERSION,
    code: s.code,
    year: s.year,
    unitType: s.unitType,
    title: s.title as CriteriaSetJson['title'],
    bands: s.bands as CriteriaSetJson['bands'],
    answerWeights: s.answerWeights,
    nodes: s.nodes.map((n) => {
      const out: CriteriaNodeJson = { code: n.code, title: n.title as CriteriaNodeJson['title'], max: n.max / 100 };
      if (n.parent) out.parent = n.parent;
      if (n.method) out.method = n.method;
      if (n.evidence !== undefined) out.evidence = n.evidence;
      if (n.evidenceRequired !== undefined) out.evidenceRequired = n.evidenceRequired;
      if (n.appliesTo) out.appliesTo = n.appliesTo;
      if (n.guidance !== undefined) out.guidance = n.guidance;
      return out;
    }),
  };
}

/** The set copied to another year (copy last year's set, then edit). */
export function copySetToYear(s: CriteriaSet, year: number, code?: string): CriteriaSet {
  return { ...structuredClone(s), year, code: code ?? s.code.replace(String(s.year), String(year)) };
}

/** Codes of the nodes that do not apply to a unit type (their subtree goes with them when scored). */
export function notApplicableFor(s: CriteriaSet, unitType: string): string[] {
  return s.nodes.filter((n) => n.appliesTo && !n.appliesTo.includes(unitType)).map((n) => n.code);
}

export type Answer =
  | { kind: 'option'; key: string }
  | { kind: 'value'; value: number }
  | { kind: 'yesno'; yes: boolean }
  | { kind: 'points'; points: number };

/** A rate (percent, any decimals) → points (hundredths) under a mapping, for a node of maximum max. */
export function mapRate(mapping: z.infer<typeof RateMapping>, rate: number, max: Hundredths): Hundredths {
  // Rates compared in ten-thousandths of a percent, so a 2-decimal threshold is exact.
  const r = Math.round(rate * 10000);
  if (mapping.kind === 'thresholds') {
    let pts = 0;
    for (const t of mapping.thresholds) if (r >= Math.round(t.min * 10000)) pts = toHundredths(t.points) ?? 0;
    return Math.min(pts, max);
  }
  const z0 = Math.round(mapping.zeroAt * 10000);
  const f = Math.round(mapping.fullAt * 10000);
  if (r <= z0) return 0;
  if (r >= f) return max;
  return divRound(max * (r - z0), f - z0);
}

/**
 * A unit's answer → points (hundredths) under the node's method, or an error string. Survey and auto nodes take
 * their points elsewhere (survey aggregation, live figures through mapRate).
 */
export function pointsFromAnswer(n: CriteriaNode, a: Answer): { points: Hundredths } | { error: string } {
  const m = n.method;
  if (!m) return { error: `${n.code}: not a scored leaf` };
  switch (m.kind) {
    case 'options': {
      if (a.kind !== 'option') return { error: `${n.code}: choose one of the options` };
      const o = m.options.find((x) => x.key === a.key);
      return o ? { points: toHundredths(o.points)! } : { error: `${n.code}: unknown option ${a.key}` };
    }
    case 'rate':
    case 'number':
      if (a.kind !== 'value' || !Number.isFinite(a.value) || a.value < 0) return { error: `${n.code}: a non-negative number is expected` };
      return { points: mapRate(m.mapping, a.value, n.max) };
    case 'yesno':
      if (a.kind !== 'yesno') return { error: `${n.code}: yes or no is expected` };
      return { points: a.yes ? n.max : 0 };
    case 'manual': {
      if (a.kind !== 'points') return { error: `${n.code}: points are expected` };
      const p = toHundredths(a.points);
      if (p === null) return { error: `${n.code}: points ${a.points} have more than two decimals` };
      if (p < 0) return { error: `${n.code}: points ${a.points} below 0` };
      if (p > n.max) return { error: `${n.code}: points ${a.points} above the maximum ${n.max / 100}` };
      return { points: p };
    }
    case 'survey':
      return { error: `${n.code}: filled from the survey` };
    case 'auto':
      return { error: `${n.code}: filled from motcua's own data` };
  }
}

/**
 * The criteria tree (area → criterion → sub-criterion, any depth) given as a flat list of nodes with parent codes,
 * its validation (one problem per bad node) and its scoring in hundredths. The same functions score the CLI's
 * input, a unit's self-assessment, its appraisal and a published round.
 */
import { percentHundredths, type Hundredths } from './points.ts';

export type NodeSource = 'appraisal' | 'survey';

export interface TreeNode {
  code: string;
  parent?: string | null;
  /** Maximum points, hundredths. A parent's maximum equals the sum of its children's. */
  max: Hundredths;
  /** Where the points come from; inherited by the node's subtree when not set on a descendant. */
  source?: NodeSource;
  /** false: the node and its whole subtree leave the maximum. */
  applicable?: boolean;
}

export type ProblemKind =
  | 'DUPLICATE_CODE'
  | 'EMPTY_CODE'
  | 'UNKNOWN_PARENT'
  | 'CYCLE'
  | 'MAX_NEGATIVE'
  | 'CHILDREN_MAX_MISMATCH'
  | 'POINTS_ABOVE_MAX'
  | 'POINTS_BELOW_ZERO'
  | 'POINTS_ON_PARENT'
  | 'BAD_DECIMALS'
  | 'UNKNOWN_NODE';

export interface TreeProblem {
  code: string;
  kind: ProblemKind;
  /** One line naming the node, in English (the CLI prints it; the API maps `kind` to the i18n catalogue). */
  message: string;
  params?: Record<string, string | number>;
}

const fmt = (h: number) => (h / 100).toString();

export interface Tree<N extends TreeNode = TreeNode> {
  nodes: N[];
  byCode: Map<string, N>;
  children: Map<string | null, N[]>;
  /** Codes in depth-first order (parents before children, siblings in input order). */
  order: string[];
  /** Root codes. */
  roots: string[];
}

/** Structural validation: codes, parents, cycles, maxima. Problems are in input order, one per bad node and kind. */
export function validateTree<N extends TreeNode>(nodes: readonly N[]): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const seen = new Map<string, N>();
  for (const n of nodes) {
    if (!n.code || !n.code.trim()) {
      problems.push({ code: n.code ?? '', kind: 'EMPTY_CODE', message: 'node without a code' });
      continue;
    }
    if (seen.has(n.code)) problems.push({ code: n.code, kind: 'DUPLICATE_CODE', message: `${n.code}: code appears more than once` });
    else seen.set(n.code, n);
    if (n.max < 0) problems.push({ code: n.code, kind: 'MAX_NEGATIVE', message: `${n.code}: maximum ${fmt(n.max)} is below 0`, params: { max: fmt(n.max) } });
  }
  for (const n of nodes) {
    if (n.parent != null && n.parent !== '' && !seen.has(n.parent))
      problems.push({ code: n.code, kind: 'UNKNOWN_PARENT', message: `${n.code}: unknown parent ${n.parent}`, params: { parent: n.parent } });
  }
  // Cycles: follow parents from each node; a node on a cycle is reported once.
  const onCycle = new Set<string>();
  for (const n of seen.values()) {
    const path: string[] = [];
    const inPath = new Set<string>();
    let cur: N | undefined = n;
    while (cur && cur.parent != null && cur.parent !== '') {
      if (inPath.has(cur.code)) {
        const start = path.indexOf(cur.code);
        for (const c of path.slice(start)) onCycle.add(c);
        break;
      }
      if (onCycle.has(cur.code)) break;
      path.push(cur.code);
      inPath.add(cur.code);
      cur = seen.get(cur.parent);
    }
  }
  for (const n of seen.values()) {
    if (onCycle.has(n.code)) {
      const chain: string[] = [n.code];
      let p = seen.get(n.parent!);
      while (p && p.code !== n.code && chain.length <= seen.size) {
        chain.push(p.code);
        p = seen.get(p.parent!);
      }
      problems.push({ code: n.code, kind: 'CYCLE', message: `${n.code}: parent chain loops (${[...chain, n.code].join(' → ')})`, params: { chain: [...chain, n.code].join(' → ') } });
    }
  }
  // Children's maxima add up to the parent's (over all children, applicable or not: the set's own arithmetic).
  const sums = new Map<string, number>();
  for (const n of seen.values()) if (n.parent != null && n.parent !== '' && seen.has(n.parent)) sums.set(n.parent, (sums.get(n.parent) ?? 0) + n.max);
  for (const n of seen.values()) {
    const s = sums.get(n.code);
    if (s !== undefined && s !== n.max && !onCycle.has(n.code))
      problems.push({
        code: n.code,
        kind: 'CHILDREN_MAX_MISMATCH',
        message: `${n.code}: maximum ${fmt(n.max)} but its children's maxima add up to ${fmt(s)}`,
        params: { max: fmt(n.max), sum: fmt(s) },
      });
  }
  return problems;
}

/** Builds the tree of a valid node list (call validateTree first; throws on a structural problem). */
export function buildTree<N extends TreeNode>(nodes: readonly N[]): Tree<N> {
  const problems = validateTree(nodes);
  if (problems.length) throw new RangeError(problems.map((p) => p.message).join('\n'));
  const byCode = new Map(nodes.map((n) => [n.code, n] as const));
  const children = new Map<string | null, N[]>();
  for (const n of nodes) {
    const p = n.parent ? n.parent : null;
    const list = children.get(p) ?? [];
    list.push(n);
    children.set(p, list);
  }
  const order: string[] = [];
  const walk = (code: string) => {
    order.push(code);
    for (const c of children.get(code) ?? []) walk(c.code);
  };
  const roots = (children.get(null) ?? []).map((n) => n.code);
  for (const r of roots) walk(r);
  return { nodes: [...nodes], byCode, children, order, roots };
}

export const isLeaf = (tree: Pick<Tree, 'children'>, code: string) => !(tree.children.get(code)?.length);

/** The effective source of each node (own, else the nearest ancestor's, else appraisal). */
export function effectiveSources(tree: Tree): Map<string, NodeSource> {
  const out = new Map<string, NodeSource>();
  for (const code of tree.order) {
    const n = tree.byCode.get(code)!;
    const inherited = n.parent ? out.get(n.parent)! : 'appraisal';
    out.set(code, n.source ?? inherited);
  }
  return out;
}

export interface ApplicabilityOptions {
  /** false: every survey node (own or inherited source) is not applicable. Default true. */
  surveyRun?: boolean;
  /** More codes marked not applicable (a unit without procedures, a criterion not for this unit type…). */
  notApplicable?: Iterable<string>;
}

/** Which nodes count: a node is applicable when it, every ancestor, and (without a survey) its source allow it. */
export function applicability(tree: Tree, opts: ApplicabilityOptions = {}): Map<string, boolean> {
  const surveyRun = opts.surveyRun ?? true;
  const off = new Set(opts.notApplicable ?? []);
  const sources = effectiveSources(tree);
  const out = new Map<string, boolean>();
  for (const code of tree.order) {
    const n = tree.byCode.get(code)!;
    const parentOk = n.parent ? out.get(n.parent)! : true;
    const ok = parentOk && n.applicable !== false && !off.has(code) && (surveyRun || sources.get(code) !== 'survey');
    out.set(code, ok);
  }
  return out;
}

export interface ScoredNode {
  code: string;
  applicable: boolean;
  leaf: boolean;
  /** Sum over the node's applicable leaves (hundredths). */
  points: Hundredths;
  max: Hundredths;
  /** points ÷ max × 100 in hundredths of a percent, null when max is 0. */
  percent: number | null;
  lost: Hundredths;
  /** Applicable leaves without points under this node. */
  missing: number;
}

export interface TreeScore {
  total: Hundredths;
  max: Hundredths;
  /** Index in hundredths of a percent (7697 = 76.97 %), null when nothing is applicable. */
  index: number | null;
  /** In depth-first order. */
  nodes: ScoredNode[];
  byCode: Map<string, ScoredNode>;
}

/**
 * Scores the tree: each leaf's points (hundredths, missing = 0 and counted as missing), summed upward over the
 * applicable leaves only. Leaf points must already be validated (0 ≤ points ≤ max).
 */
export function scoreTree(tree: Tree, points: ReadonlyMap<string, Hundredths | null | undefined>, opts: ApplicabilityOptions = {}): TreeScore {
  const app = applicability(tree, opts);
  const byCode = new Map<string, ScoredNode>();
  const visit = (code: string): ScoredNode => {
    const n = tree.byCode.get(code)!;
    const kids = tree.children.get(code) ?? [];
    const applicable = app.get(code)!;
    let p = 0;
    let m = 0;
    let missing = 0;
    if (kids.length === 0) {
      if (applicable) {
        const v = points.get(code);
        m = n.max;
        if (v == null) missing = 1;
        else p = v;
      }
    } else {
      for (const k of kids) {
        const s = visit(k.code);
        p += s.points;
        m += s.max;
        missing += s.missing;
      }
    }
    const s: ScoredNode = { code, applicable, leaf: kids.length === 0, points: p, max: m, percent: percentHundredths(p, m), lost: m - p, missing };
    byCode.set(code, s);
    return s;
  };
  let total = 0;
  let max = 0;
  for (const r of tree.roots) {
    const s = visit(r);
    total += s.points;
    max += s.max;
  }
  return { total, max, index: percentHundredths(total, max), nodes: tree.order.map((c) => byCode.get(c)!), byCode };
}

/** Problems with leaf points against the tree: above max, below 0, on a parent, unknown node. */
export function validatePoints(tree: Pick<Tree, 'byCode' | 'children'>, points: ReadonlyMap<string, Hundredths | null | undefined>): TreeProblem[] {
  const out: TreeProblem[] = [];
  for (const [code, v] of points) {
    if (v == null) continue;
    const n = tree.byCode.get(code);
    if (!n) {
      out.push({ code, kind: 'UNKNOWN_NODE', message: `${code}: no such node` });
      continue;
    }
    if (!isLeaf(tree, code)) out.push({ code, kind: 'POINTS_ON_PARENT', message: `${code}: points are given on leaves only (this node has children)` });
    else if (v < 0) out.push({ code, kind: 'POINTS_BELOW_ZERO', message: `${code}: points ${fmt(v)} below 0`, params: { points: fmt(v) } });
    else if (v > n.max) out.push({ code, kind: 'POINTS_ABOVE_MAX', message: `${code}: points ${fmt(v)} above the maximum ${fmt(n.max)}`, params: { points: fmt(v), max: fmt(n.max) } });
  }
  return out;
}

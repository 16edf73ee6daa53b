/**
 * The input and output of `motcua par score` (issue 9): a flat tree with leaf points, scored with the same
 * functions as a round. Input
 *   {"surveyRun": true|false, "nodes": [{"code", "parent"?, "max", "source"?: "appraisal"|"survey", "applicable"?, "points"?}]}
 * output
 *   {"total", "max", "index", "nodes": [{"code", "points", "max", "percent", "lost"}]}
 */
import { z } from 'zod';
import { fromHundredths, percentNumber, toHundredths, type Hundredths } from './points.ts';
import { buildTree, scoreTree, validatePoints, validateTree, type TreeNode, type TreeProblem } from './tree.ts';

export const ScoreInputSchema = z.object({
  surveyRun: z.boolean().default(true),
  nodes: z
    .array(
      z.object({
        code: z.string().trim().min(1),
        parent: z.string().trim().min(1).nullish(),
        max: z.number(),
        source: z.enum(['appraisal', 'survey']).optional(),
        applicable: z.boolean().optional(),
        points: z.number().nullish(),
      }),
    )
    .min(1),
});
export type ScoreInput = z.input<typeof ScoreInputSchema>;

export interface ScoreOutput {
  total: number;
  max: number;
  index: number | null;
  nodes: { code: string; points: number; max: number; percent: number | null; lost: number }[];
}

export type ScoreResult = { ok: true; output: ScoreOutput } | { ok: false; problems: TreeProblem[] };

/** Parses, validates and scores; every problem is one line naming its node. */
export function scoreInput(json: unknown): ScoreResult {
  const parsed = ScoreInputSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const idx = i.path[0] === 'nodes' && typeof i.path[1] === 'number' ? i.path[1] : null;
        const raw = idx !== null ? (json as { nodes: { code?: unknown }[] }).nodes?.[idx]?.code : undefined;
        const where = typeof raw === 'string' && raw ? raw : idx !== null ? `nodes[${idx}]` : i.path.join('.') || 'input';
        const field = idx !== null ? i.path.slice(2).join('.') : '';
        return { code: where, kind: 'UNKNOWN_NODE' as const, message: `${where}: ${field ? `${field}: ` : ''}${i.message}` };
      }),
    };
  }
  const problems: TreeProblem[] = [];
  const nodes: TreeNode[] = [];
  const points = new Map<string, Hundredths | null>();
  for (const n of parsed.data.nodes) {
    const max = toHundredths(n.max);
    if (max === null) problems.push({ code: n.code, kind: 'BAD_DECIMALS', message: `${n.code}: maximum ${n.max} has more than two decimals` });
    let p: Hundredths | null = null;
    if (n.points != null) {
      p = toHundredths(n.points);
      if (p === null) problems.push({ code: n.code, kind: 'BAD_DECIMALS', message: `${n.code}: points ${n.points} have more than two decimals` });
    }
    nodes.push({ code: n.code, parent: n.parent ?? null, max: max ?? Math.round(n.max * 100), source: n.source, applicable: n.applicable });
    if (p !== null && !points.has(n.code)) points.set(n.code, p);
  }
  problems.push(...validateTree(nodes));
  // Point problems are checked against each node's own maximum, so they are reported with the structural ones.
  const flat = { byCode: new Map(nodes.map((n) => [n.code, n] as const)), children: new Map<string | null, TreeNode[]>() };
  for (const n of nodes) if (n.parent) flat.children.set(n.parent, [...(flat.children.get(n.parent) ?? []), n]);
  problems.push(...validatePoints(flat, points));
  if (problems.length) return { ok: false, problems };
  const tree = buildTree(nodes);
  const s = scoreTree(tree, points, { surveyRun: parsed.data.surveyRun });
  return {
    ok: true,
    output: {
      total: fromHundredths(s.total),
      max: fromHundredths(s.max),
      index: percentNumber(s.index),
      nodes: s.nodes.map((n) => ({ code: n.code, points: fromHundredths(n.points), max: fromHundredths(n.max), percent: percentNumber(n.percent), lost: fromHundredths(n.lost) })),
    },
  };
}

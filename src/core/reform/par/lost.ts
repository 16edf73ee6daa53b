/**
 * The lost-points report of a unit: every applicable scored leaf below its maximum, sorted by points lost (most
 * first, then code order in the set), with the appraiser's note. What units plan remediation from.
 */
import type { Hundredths } from './points.ts';
import type { Tree, TreeScore } from './tree.ts';

export interface LostPointRow {
  code: string;
  /** Codes of the ancestors, root first (the area, the criterion). */
  path: string[];
  max: Hundredths;
  points: Hundredths;
  lost: Hundredths;
  note: string | null;
}

export function lostPoints(tree: Tree, score: TreeScore, notes: ReadonlyMap<string, string | null | undefined> = new Map()): LostPointRow[] {
  const pos = new Map(tree.order.map((c, i) => [c, i] as const));
  const rows: LostPointRow[] = [];
  for (const s of score.nodes) {
    if (!s.leaf || !s.applicable || s.lost <= 0) continue;
    const path: string[] = [];
    let p = tree.byCode.get(s.code)!.parent;
    while (p) {
      path.unshift(p);
      p = tree.byCode.get(p)!.parent;
    }
    rows.push({ code: s.code, path, max: s.max, points: s.points, lost: s.lost, note: notes.get(s.code) ?? null });
  }
  return rows.sort((a, b) => b.lost - a.lost || pos.get(a.code)! - pos.get(b.code)!);
}

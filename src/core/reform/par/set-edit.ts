/**
 * Editing a criteria set node by node (the console's set editor): pure operations on the JSON document of the import
 * format, so what the editor saves is exactly what `parseCriteriaSet` validates on the server. A parent's maximum is
 * never typed: `sumParentMaxima` makes it the sum of its children's, in hundredths (no binary floating sums).
 */
import type { CriteriaNodeJson, CriteriaSetJson } from './criteria-set.ts';
import { toHundredths } from './points.ts';

export interface SetRow {
  node: CriteriaNodeJson;
  depth: number;
  leaf: boolean;
}

const childrenOf = (doc: CriteriaSetJson) => {
  const m = new Map<string | null, CriteriaNodeJson[]>();
  for (const n of doc.nodes) {
    const p = n.parent ?? null;
    m.set(p, [...(m.get(p) ?? []), n]);
  }
  return m;
};

/** The nodes in tree order (each parent before its children, siblings in document order) with their depth. Nodes
 * whose parent is unknown, or inside a cycle, are not reachable from a root and are listed last at depth 0, so the
 * editor still shows them next to the problem that names them. */
export function setRows(doc: CriteriaSetJson): SetRow[] {
  const kids = childrenOf(doc);
  const out: SetRow[] = [];
  const seen = new Set<string>();
  const walk = (n: CriteriaNodeJson, depth: number) => {
    if (seen.has(n.code)) return;
    seen.add(n.code);
    const c = kids.get(n.code) ?? [];
    out.push({ node: n, depth, leaf: c.length === 0 });
    for (const k of c) walk(k, depth + 1);
  };
  for (const r of kids.get(null) ?? []) walk(r, 0);
  for (const n of doc.nodes) if (!seen.has(n.code)) walk(n, 0);
  return out;
}

/** Every parent's maximum set to the sum of its children's (bottom up); leaves keep theirs. */
export function sumParentMaxima(doc: CriteriaSetJson): CriteriaSetJson {
  const kids = childrenOf(doc);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const maxOf = (n: CriteriaNodeJson): number => {
    const known = memo.get(n.code);
    if (known !== undefined) return known;
    const c = kids.get(n.code) ?? [];
    let h: number;
    if (c.length === 0 || visiting.has(n.code)) h = toHundredths(n.max) ?? Math.round(n.max * 100);
    else {
      visiting.add(n.code);
      h = c.reduce((s, k) => s + maxOf(k), 0);
      visiting.delete(n.code);
    }
    memo.set(n.code, h);
    return h;
  };
  return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, max: maxOf(n) / 100 })) };
}

export type NodePatch = Partial<Omit<CriteriaNodeJson, 'code' | 'parent'>>;

/** One node's fields replaced (not its code or place); fields set to undefined are removed. Parents re-summed. */
export function updateNode(doc: CriteriaSetJson, code: string, patch: NodePatch): CriteriaSetJson {
  if (!doc.nodes.some((n) => n.code === code)) throw new RangeError(`no node ${code}`);
  const nodes = doc.nodes.map((n) => {
    if (n.code !== code) return n;
    const next: Record<string, unknown> = { ...n, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    return next as CriteriaNodeJson;
  });
  return sumParentMaxima({ ...doc, nodes });
}

/**
 * A new node under `parent` (null: a new area), placed after the parent's last descendant. A leaf that receives its
 * first child becomes a parent: its scoring method goes (methods are on leaves only). Parents re-summed.
 */
export function addNode(doc: CriteriaSetJson, parent: string | null, node: Omit<CriteriaNodeJson, 'parent'>): CriteriaSetJson {
  if (doc.nodes.some((n) => n.code === node.code)) throw new RangeError(`code ${node.code} is already used`);
  if (parent !== null && !doc.nodes.some((n) => n.code === parent)) throw new RangeError(`no node ${parent}`);
  const fresh: CriteriaNodeJson = parent === null ? { ...node } : { ...node, parent };
  const under = parent === null ? null : new Set([parent, ...descendants(doc, parent)]);
  let at = doc.nodes.length;
  if (under) for (let i = doc.nodes.length - 1; i >= 0; i--) if (under.has(doc.nodes[i]!.code)) { at = i + 1; break; }
  const nodes = doc.nodes.map((n) => {
    if (n.code !== parent || !n.method) return n;
    const { method: _gone, ...rest } = n;
    return rest;
  });
  nodes.splice(at, 0, fresh);
  return sumParentMaxima({ ...doc, nodes });
}

/** The codes below a node (children, their children…). */
export function descendants(doc: CriteriaSetJson, code: string): string[] {
  const kids = childrenOf(doc);
  const out: string[] = [];
  const stack = [...(kids.get(code) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (out.includes(n.code) || n.code === code) continue;
    out.push(n.code);
    stack.push(...(kids.get(n.code) ?? []));
  }
  return out;
}

/** A node removed with its whole subtree. Parents re-summed. */
export function removeNode(doc: CriteriaSetJson, code: string): CriteriaSetJson {
  const gone = new Set([code, ...descendants(doc, code)]);
  return sumParentMaxima({ ...doc, nodes: doc.nodes.filter((n) => !gone.has(n.code)) });
}

/** A code for a new child: the parent's code and the next free number ("2" → "2.3"; an area: the next number). */
export function nextChildCode(doc: CriteriaSetJson, parent: string | null): string {
  const used = new Set(doc.nodes.map((n) => n.code));
  const siblings = doc.nodes.filter((n) => (n.parent ?? null) === parent).length;
  for (let i = siblings + 1; ; i++) {
    const c = parent === null ? String(i) : `${parent}.${i}`;
    if (!used.has(c)) return c;
  }
}

import type { Agency } from '../api.ts';

export interface ScopedAgency extends Agency {
  /** Depth below the user's own agency (0 = an agency the user is assigned to). */
  depth: number;
}

/** The agencies of a user's scope (the given root agencies and everything under them), in tree order by code. */
export function agenciesInScope(all: Agency[], roots: Set<string>): ScopedAgency[] {
  const children = new Map<string | null, Agency[]>();
  for (const a of all) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const out: ScopedAgency[] = [];
  const seen = new Set<string>();
  const walk = (a: Agency, depth: number, inside: boolean) => {
    const now = inside || roots.has(a.id);
    if (now && !seen.has(a.id)) {
      seen.add(a.id);
      out.push({ ...a, depth });
    }
    for (const c of children.get(a.id) ?? []) walk(c, now ? depth + 1 : 0, now);
  };
  const ids = new Set(all.map((a) => a.id));
  for (const a of all) if (a.parentId === null || !ids.has(a.parentId)) walk(a, 0, false);
  return out;
}

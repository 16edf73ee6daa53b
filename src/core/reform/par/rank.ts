/**
 * Ranking of a round: by index, highest first; equal indices (to the hundredth of a percent, the published
 * precision) share a rank and the next rank skips ("1, 2, 2, 4"). Groups (bands) are data: the highest band whose
 * minimum the index reaches (default A ≥ 90 %, B 80–< 90 %); below every band, no group.
 */
export interface RankInput {
  id: string;
  /** Index in hundredths of a percent; null = not scored (ranked last, no rank). */
  index: number | null;
  /** Tie-break for display only (name). */
  name?: string;
}

export interface Band {
  code: string;
  /** Minimum index in percent (inclusive). */
  min: number;
}

export interface Ranked extends RankInput {
  rank: number | null;
  of: number;
  group: string | null;
  tied: boolean;
}

export function groupFor(index: number | null, bands: readonly Band[]): string | null {
  if (index === null) return null;
  let best: Band | null = null;
  for (const b of bands) if (index >= Math.round(b.min * 100) && (!best || b.min > best.min)) best = b;
  return best?.code ?? null;
}

export function rankUnits(units: readonly RankInput[], bands: readonly Band[]): Ranked[] {
  const scored = units.filter((u) => u.index !== null);
  const sorted = [...units].sort((a, b) => {
    if (a.index === null || b.index === null) return a.index === b.index ? (a.name ?? a.id).localeCompare(b.name ?? b.id, 'vi') : a.index === null ? 1 : -1;
    return b.index - a.index || (a.name ?? a.id).localeCompare(b.name ?? b.id, 'vi');
  });
  const count = new Map<number, number>();
  for (const u of scored) count.set(u.index!, (count.get(u.index!) ?? 0) + 1);
  const out: Ranked[] = [];
  let rank = 0;
  let prev: number | null = null;
  sorted.forEach((u, i) => {
    if (u.index === null) {
      out.push({ ...u, rank: null, of: scored.length, group: null, tied: false });
      return;
    }
    if (u.index !== prev) rank = i + 1;
    prev = u.index;
    out.push({ ...u, rank, of: scored.length, group: groupFor(u.index, bands), tied: (count.get(u.index) ?? 0) > 1 });
  });
  return out;
}

/** Change against last year, in hundredths of a percentage point (null when either year has no index). */
export function changeVsLastYear(index: number | null, lastYear: number | null | undefined): number | null {
  return index === null || lastYear == null ? null : index - lastYear;
}

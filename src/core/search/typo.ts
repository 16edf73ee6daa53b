/**
 * Typo tolerance: a deletion neighbourhood over the vocabulary (symmetric-delete candidates, then an exact
 * restricted Damerau–Levenshtein check). Budget: 1 edit for tokens of 4–7 letters, 2 for 8 letters or more,
 * none below 4 letters (Vietnamese syllables are short; 'ho'/'hộ', 'so'/'sổ' must not drift).
 */

/** Edits allowed for a token of this length. */
export function editBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap adjacent), or `max + 1` as soon as it
 * exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletes(d, depth - 1, out);
    }
  }
}

export interface TypoCandidate {
  word: string;
  distance: number;
}

/** Vocabulary lookup by deletion neighbourhood. Built once; `lookup` is a few map reads per query token. */
export class TypoIndex {
  private readonly byDelete = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>) {
    for (const word of new Set(vocabulary)) {
      const keys = new Set<string>([word]);
      deletes(word, editBudget(word.length), keys);
      for (const k of keys) {
        const list = this.byDelete.get(k);
        if (list) list.push(word);
        else this.byDelete.set(k, [word]);
      }
    }
  }

  /** Vocabulary words within the token's edit budget, nearest first (ties: alphabetical). Excludes the token itself. */
  lookup(token: string): TypoCandidate[] {
    const budget = editBudget(token.length);
    if (budget === 0) return [];
    const keys = new Set<string>([token]);
    deletes(token, budget, keys);
    const seen = new Set<string>();
    const out: TypoCandidate[] = [];
    for (const k of keys) {
      for (const word of this.byDelete.get(k) ?? []) {
        if (word === token || seen.has(word)) continue;
        seen.add(word);
        const distance = editDistance(token, word, budget);
        if (distance <= budget) out.push({ word, distance });
      }
    }
    return out.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  }
}

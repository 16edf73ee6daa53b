/**
 * Ranked procedure search over the catalog: an inverted index built once, BM25 scoring over three fields
 * (name ≫ field ≫ result/steps text) plus two-word (bigram) matches in the name, query understanding from
 * `synonyms.ts` (everyday phrases, abbreviations, fillers), typo tolerance (`typo.ts`), and ranking rules:
 *
 * - coverage: a name that contains every concept of the query beats one that contains a rare word of it;
 * - phrase: the query's words as a run in the name, and a name that is exactly the query, rank higher;
 * - special cases: names with a marker ('… lưu động', 'có yếu tố nước ngoài', 'cấp lại' …) rank below the
 *   general procedure unless the query names the case;
 * - slight preferences for shorter names, commune/province-level procedures and structured records;
 * - ties: by code.
 *
 * Pure and synchronous (no I/O): shared by the server and the browser.
 */
import { NAME_NOISE, PHRASE_GROUPS, QUERY_FILLERS, SPECIAL_CASE_MARKERS, type PhraseGroup, type SpecialCaseMarker } from './synonyms.ts';
import { indexOfRun, tokenize } from './tokenize.ts';
import { TypoIndex } from './typo.ts';

/** One searchable procedure. */
export interface SearchDoc {
  code: string;
  name: string;
  fieldName: string | null;
  levels: readonly string[];
  onlineLevel: string;
  structured: boolean;
  /** Extra text searched lightly (the result's name, the start of the steps). */
  text: string;
}

export interface SearchOptions {
  /** Default 20. */
  limit?: number;
  /** Only documents for which this returns true are ranked. */
  filter?: (doc: SearchDoc) => boolean;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

/** Tuning constants (exported for tests and the benchmark; not an API to configure per request). */
export const RANKING = {
  k1: 1.2,
  fieldWeights: { name: 3, field: 0.6, text: 0.25 },
  fieldB: { name: 0.4, field: 0.5, text: 0.75 },
  bigramWeight: 2,
  bigramB: 0.3,
  /** Weight of a word typed by the user but replaced by a phrase rule. */
  echoWeight: 0.3,
  /** Weight of filler words ('làm', 'ở đâu', 'thủ tục'). */
  fillerWeight: 0.15,
  /** Weight factor of a typo correction at edit distance 1 and 2. */
  typoWeight: [1, 0.8, 0.6] as readonly number[],
  /** score × (coverageFloor + (1 − coverageFloor) × coverage²). */
  coverageFloor: 0.25,
  phraseBonus: 1.25,
  exactNameBonus: 1.15,
  specialCaseFloor: 0.45,
  localLevelBonus: 1.06,
  structuredBonus: 1.04,
  lengthPenaltyPerToken: 0.004,
  /** Hits scoring below this fraction of the best hit are dropped (a long tail of one-word matches). */
  minRelativeScore: 0.05,
  /** Text searched per document (characters), to keep the index small and the signal light. */
  textChars: 700,
};

const CODE = /^\s*\d{1,2}\.\d{6}\s*$/;

interface Posting {
  docs: number[];
  tfs: number[];
}

class FieldIndex {
  readonly postings = new Map<string, Posting>();
  readonly lengths: number[] = [];
  avgLength = 0;

  /** `binary`: a repeated word counts once (names: 'trợ giúp pháp lý của người được trợ giúp pháp lý'). */
  constructor(private readonly binary = false) {}

  /** `length`: the length used for BM25 normalisation (default: the number of terms). */
  add(doc: number, terms: readonly string[], length = terms.length): void {
    this.lengths[doc] = length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, this.binary ? 1 : (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = { docs: [], tfs: [] }));
      p.docs.push(doc);
      p.tfs.push(n);
    }
  }

  finish(n: number): void {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.lengths[i] ?? 0;
    this.avgLength = n ? sum / n : 0;
  }
}

interface CompiledRule {
  from: string[];
  to: string[];
  mode: 'replace' | 'add';
  whole: boolean;
}

interface CompiledMarker {
  marker: string[];
  triggers: string[][];
  factor: number;
}

/** A query word with its weight; `concept` links typo alternatives and rewrites to coverage accounting. */
interface QueryTerm {
  term: string;
  weight: number;
  concept: number | null;
}

/** What the engine understood of a query (exported for tests and diagnostics). */
export interface QueryAnalysis {
  /** Folded, typo-corrected tokens as typed. */
  typed: string[];
  /** The main sequence after phrase rules (fillers included). */
  sequence: string[];
  /** The sequence without fillers: the words whose coverage is measured. */
  concepts: string[];
  terms: QueryTerm[];
  bigrams: { bigram: string; weight: number }[];
  /** Special-case markers the query names. */
  namedMarkers: string[];
  /** Typo corrections applied: typed → corrected. */
  corrections: Record<string, string>;
}

function compileRules(groups: readonly PhraseGroup[]): Map<string, CompiledRule[]> {
  const byFirst = new Map<string, CompiledRule[]>();
  const push = (fromText: string, to: string[], mode: 'replace' | 'add', whole: boolean) => {
    const from = tokenize(fromText);
    if (from.length === 0) return;
    const list = byFirst.get(from[0]!) ?? [];
    list.push({ from, to, mode, whole });
    byFirst.set(from[0]!, list);
  };
  for (const g of groups) {
    const to = tokenize(g.to);
    for (const f of g.from) push(f, to, g.mode ?? 'replace', false);
    for (const f of g.whole ?? []) push(f, to, g.mode ?? 'replace', true);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.from.length - a.from.length);
  return byFirst;
}

function compileMarkers(markers: readonly SpecialCaseMarker[]): CompiledMarker[] {
  return markers.map((m) => ({ marker: tokenize(m.marker), triggers: [m.marker, ...m.triggers].map(tokenize).filter((t) => t.length > 0), factor: m.factor }));
}

/** Removes every run of `noise` phrases from a token list. */
function stripRuns(tokens: string[], noise: readonly string[][]): string[] {
  let out = tokens;
  for (const n of noise) {
    let i = indexOfRun(out, n);
    while (i >= 0) {
      out = [...out.slice(0, i), ...out.slice(i + n.length)];
      i = indexOfRun(out, n, i);
    }
  }
  return out;
}

function bigramsOf(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

function popcount(x: number): number {
  let n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

/** The index. Build once per catalog version with `new SearchIndex(docs)`; `search` is read-only. */
export class SearchIndex {
  readonly docs: readonly SearchDoc[];
  private readonly byCode = new Map<string, number>();
  private readonly nameTokens: string[][] = [];
  private readonly nameLength: number[] = [];
  private readonly name = new FieldIndex(true);
  private readonly field = new FieldIndex(true);
  private readonly text = new FieldIndex();
  private readonly bigram = new FieldIndex(true);
  /** Marker indices present in each name. */
  private readonly docMarkers: number[][] = [];
  private readonly levelBonus: number[] = [];
  private readonly vocabulary = new Map<string, number>();
  private readonly typos: TypoIndex;
  private readonly rules = compileRules(PHRASE_GROUPS);
  private readonly markers = compileMarkers(SPECIAL_CASE_MARKERS);
  private readonly fillers = QUERY_FILLERS.map(tokenize).filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  private readonly nameNoise = NAME_NOISE.map(tokenize);

  constructor(docs: Iterable<SearchDoc>) {
    // Deterministic order whatever the input order: by code (also the tie-break).
    this.docs = [...docs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const n = this.docs.length;
    this.docs.forEach((d, i) => {
      this.byCode.set(d.code, i);
      const nameTokens = stripRuns(tokenize(d.name), this.nameNoise);
      // Parentheses hold qualifiers and lists of covered cases ('(Công trình không theo tuyến/…)',
      // '(thực hiện tại cấp tỉnh)'): searchable, but they do not make a name "longer" for ranking.
      const coreLength = Math.max(1, stripRuns(tokenize(d.name.replace(/\([^)]*\)?/g, ' ')), this.nameNoise).length);
      this.nameLength[i] = coreLength;
      const fieldTokens = d.fieldName ? tokenize(d.fieldName) : [];
      this.nameTokens[i] = nameTokens;
      this.name.add(i, nameTokens, coreLength);
      this.field.add(i, fieldTokens);
      this.text.add(i, tokenize(d.text.slice(0, RANKING.textChars)));
      this.bigram.add(i, bigramsOf(nameTokens), coreLength);
      for (const t of nameTokens) this.vocabulary.set(t, (this.vocabulary.get(t) ?? 0) + 1);
      for (const t of fieldTokens) this.vocabulary.set(t, (this.vocabulary.get(t) ?? 0) + 1);
      const present: number[] = [];
      this.markers.forEach((m, mi) => {
        if (indexOfRun(nameTokens, m.marker) >= 0) present.push(mi);
      });
      this.docMarkers[i] = present;
      const local = d.levels.includes('commune') || d.levels.includes('province');
      this.levelBonus[i] = (local ? RANKING.localLevelBonus : 1) * (d.structured ? RANKING.structuredBonus : 1);
    });
    for (const f of [this.name, this.field, this.text, this.bigram]) f.finish(n);
    // Words of the phrase rules are known words too (so 'cccd' is not "corrected" into a catalog word).
    for (const list of this.rules.values()) for (const r of list) for (const t of r.from) if (!this.vocabulary.has(t)) this.vocabulary.set(t, 0);
    for (const f of this.fillers) for (const t of f) if (!this.vocabulary.has(t)) this.vocabulary.set(t, 0);
    this.typos = new TypoIndex(this.vocabulary.keys());
  }

  get size(): number {
    return this.docs.length;
  }

  /** Documents per word of names and fields (0 for words known only from the phrase rules). */
  documentFrequency(word: string): number | undefined {
    return this.vocabulary.get(word);
  }

  /** Corrects one unknown token: a split into two known words ('khaisinh'), else the nearest known words. */
  private correct(token: string): { tokens: string[]; alternatives: string[]; distance: number } | null {
    if (token.length >= 5) {
      let best: { tokens: string[]; df: number } | null = null;
      for (let i = 2; i <= token.length - 2; i++) {
        const a = token.slice(0, i);
        const b = token.slice(i);
        const da = this.vocabulary.get(a);
        const db = this.vocabulary.get(b);
        if (da === undefined || db === undefined) continue;
        const df = Math.min(da, db);
        if (!best || df > best.df) best = { tokens: [a, b], df };
      }
      if (best && best.df > 0) return { tokens: best.tokens, alternatives: [], distance: 1 };
    }
    const cands = this.typos.lookup(token);
    if (cands.length === 0) return null;
    const d = cands[0]!.distance;
    const nearest = cands
      .filter((c) => c.distance === d)
      .sort((a, b) => (this.vocabulary.get(b.word) ?? 0) - (this.vocabulary.get(a.word) ?? 0) || (a.word < b.word ? -1 : 1));
    return { tokens: [nearest[0]!.word], alternatives: nearest.slice(1, 3).map((c) => c.word), distance: d };
  }

  /** Query understanding: tokens, typo corrections, phrase rules, fillers, weights. */
  analyze(query: string): QueryAnalysis {
    const corrections: Record<string, string> = {};
    // 1. Tokens, corrected.
    const typed: string[] = [];
    const typedWeight: number[] = [];
    const alternatives: { term: string; weight: number; at: number }[] = [];
    for (const t of tokenize(query)) {
      if (this.vocabulary.has(t) || /^\d+$/.test(t)) {
        typed.push(t);
        typedWeight.push(1);
        continue;
      }
      const c = this.correct(t);
      if (!c) {
        typed.push(t);
        typedWeight.push(1);
        continue;
      }
      corrections[t] = c.tokens.join(' ');
      const w = RANKING.typoWeight[c.distance] ?? 0.5;
      for (const ct of c.tokens) {
        typed.push(ct);
        typedWeight.push(w);
      }
      for (const alt of c.alternatives) alternatives.push({ term: alt, weight: w * 0.8, at: typed.length - 1 });
    }

    // 2. Fillers of the typed sequence (for 'whole' rules and weights).
    const fillerMask = (tokens: string[]): boolean[] => {
      const mask = tokens.map(() => false);
      for (const f of this.fillers) {
        let i = indexOfRun(tokens, f);
        while (i >= 0) {
          for (let j = i; j < i + f.length; j++) mask[j] = true;
          i = indexOfRun(tokens, f, i + 1);
        }
      }
      if (mask.every(Boolean)) return tokens.map(() => false);
      return mask;
    };
    const typedFiller = fillerMask(typed);
    const contentCount = typedFiller.filter((x) => !x).length;

    // 3. Phrase rules: longest match first, left to right, no overlaps.
    type SeqToken = { t: string; w: number; from: number | null };
    const seq: SeqToken[] = [];
    const extraPhrases: { tokens: string[]; weight: number }[] = [];
    const echo: { term: string; weight: number; at: number }[] = [];
    // A rule's words must follow each other, except that fillers may sit between them
    // ('xác nhận không có tiền án' matches 'xác nhận không tiền án'). Returns the end of the match or -1.
    const matchEnd = (i: number, from: string[]): number => {
      let k = i;
      for (let j = 0; j < from.length; ) {
        if (k >= typed.length) return -1;
        if (typed[k] === from[j]) {
          k++;
          j++;
        } else if (j > 0 && typedFiller[k]) k++;
        else return -1;
      }
      return k;
    };
    for (let i = 0; i < typed.length; ) {
      let end = -1;
      const rule = (this.rules.get(typed[i]!) ?? []).find((r) => {
        end = matchEnd(i, r.from);
        if (end < 0) return false;
        if (!r.whole) return true;
        let covered = 0;
        for (let j = i; j < end; j++) if (!typedFiller[j]) covered++;
        return covered === contentCount;
      });
      if (!rule) {
        seq.push({ t: typed[i]!, w: typedWeight[i]!, from: i });
        i++;
        continue;
      }
      const spanWeight = Math.min(...typedWeight.slice(i, end));
      if (rule.mode === 'add') {
        for (let j = i; j < end; j++) seq.push({ t: typed[j]!, w: typedWeight[j]!, from: j });
        extraPhrases.push({ tokens: rule.to, weight: spanWeight });
      } else {
        for (const t of rule.to) seq.push({ t, w: spanWeight, from: null });
        for (let j = i; j < end; j++) {
          const t = typed[j]!;
          if (!rule.to.includes(t) && !typedFiller[j]) echo.push({ term: t, weight: RANKING.echoWeight * spanWeight, at: j });
        }
      }
      i = end;
    }

    // 4. Fillers of the rewritten sequence keep a small weight.
    const sequence = seq.map((s) => s.t);
    const seqFiller = fillerMask(sequence);
    seq.forEach((s, j) => {
      if (seqFiller[j] && s.from !== null) s.w *= RANKING.fillerWeight;
    });
    // A rule's output that happens to be a filler word ('cho' in a target) is content.
    const concepts: string[] = [];
    const conceptOf = new Map<string, number>();
    seq.forEach((s, j) => {
      if (seqFiller[j] && s.from !== null) return;
      if (!conceptOf.has(s.t) && conceptOf.size < 30) {
        conceptOf.set(s.t, conceptOf.size);
        concepts.push(s.t);
      }
    });

    // 5. Terms (max weight per term).
    const termWeights = new Map<string, { weight: number; concept: number | null }>();
    const addTerm = (term: string, weight: number, concept: number | null) => {
      const cur = termWeights.get(term);
      if (!cur) termWeights.set(term, { weight, concept });
      else {
        if (weight > cur.weight) cur.weight = weight;
        if (cur.concept === null) cur.concept = concept;
      }
    };
    for (const s of seq) addTerm(s.t, s.w, conceptOf.get(s.t) ?? null);
    for (const p of extraPhrases) for (const t of p.tokens) addTerm(t, p.weight, null);
    for (const e of echo) addTerm(e.term, e.weight, null);
    for (const a of alternatives) {
      const at = typed[a.at];
      addTerm(a.term, a.weight, at !== undefined ? (conceptOf.get(at) ?? null) : null);
    }
    const terms = [...termWeights].map(([term, v]) => ({ term, weight: v.weight, concept: v.concept }));

    // 6. Bigrams: the rewritten sequence, the extra phrases, and (weakly) the typed sequence.
    const bigramWeights = new Map<string, number>();
    const addBigram = (b: string, w: number) => bigramWeights.set(b, Math.max(bigramWeights.get(b) ?? 0, w));
    for (let j = 0; j + 1 < seq.length; j++) addBigram(`${seq[j]!.t} ${seq[j + 1]!.t}`, Math.min(seq[j]!.w, seq[j + 1]!.w));
    for (const p of extraPhrases) for (const b of bigramsOf(p.tokens)) addBigram(b, p.weight);
    for (let j = 0; j + 1 < typed.length; j++) addBigram(`${typed[j]} ${typed[j + 1]}`, RANKING.echoWeight * Math.min(typedWeight[j]!, typedWeight[j + 1]!));
    const bigrams = [...bigramWeights].map(([bigram, weight]) => ({ bigram, weight }));

    // 7. Markers the query names (as typed or as rewritten).
    const namedMarkers = this.markers
      .filter((m) => m.triggers.some((t) => indexOfRun(typed, t) >= 0 || indexOfRun(sequence, t) >= 0))
      .map((m) => m.marker.join(' '));

    return { typed, sequence, concepts, terms, bigrams, namedMarkers, corrections };
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const limit = opts.limit ?? 20;
    const filter = opts.filter;
    if (CODE.test(query)) {
      const i = this.byCode.get(query.trim());
      if (i !== undefined) {
        const doc = this.docs[i]!;
        return !filter || filter(doc) ? [{ doc, score: 1000 }] : [];
      }
    }
    const a = this.analyze(query);
    if (a.terms.length === 0) return [];
    const n = this.docs.length;
    const acc = new Float64Array(n);
    const nameMask = new Int32Array(n);
    const textMask = new Int32Array(n);
    const { k1 } = RANKING;
    const bm25 = (f: FieldIndex, b: number, doc: number, tf: number, idf: number) => {
      const norm = f.avgLength ? (f.lengths[doc] ?? 0) / f.avgLength : 1;
      return (idf * (tf * (k1 + 1))) / (tf + k1 * (1 - b + b * norm));
    };
    const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const fields: [FieldIndex, number, number, 'name' | 'field' | 'text'][] = [
      [this.name, RANKING.fieldWeights.name, RANKING.fieldB.name, 'name'],
      [this.field, RANKING.fieldWeights.field, RANKING.fieldB.field, 'field'],
      [this.text, RANKING.fieldWeights.text, RANKING.fieldB.text, 'text'],
    ];
    for (const { term, weight, concept } of a.terms) {
      const bit = concept === null ? 0 : 1 << concept;
      for (const [f, w, b, kind] of fields) {
        const p = f.postings.get(term);
        if (!p) continue;
        const idf = idfOf(p.docs.length);
        for (let k = 0; k < p.docs.length; k++) {
          const doc = p.docs[k]!;
          acc[doc]! += weight * w * bm25(f, b, doc, p.tfs[k]!, idf);
          if (kind === 'text') textMask[doc]! |= bit;
          else nameMask[doc]! |= bit;
        }
      }
    }
    for (const { bigram, weight } of a.bigrams) {
      const p = this.bigram.postings.get(bigram);
      if (!p) continue;
      const idf = idfOf(p.docs.length);
      for (let k = 0; k < p.docs.length; k++) acc[p.docs[k]!]! += weight * RANKING.bigramWeight * bm25(this.bigram, RANKING.bigramB, p.docs[k]!, p.tfs[k]!, idf);
    }

    const conceptCount = Math.max(1, a.concepts.length);
    const named = new Set(a.namedMarkers);
    const markerNamed = this.markers.map((m) => named.has(m.marker.join(' ')));
    const phrase = a.concepts.length >= 2 ? a.concepts : null;
    const hits: SearchHit[] = [];
    for (let i = 0; i < n; i++) {
      if (acc[i]! <= 0) continue;
      const doc = this.docs[i]!;
      if (filter && !filter(doc)) continue;
      const inName = popcount(nameMask[i]!);
      const inTextOnly = popcount(textMask[i]! & ~nameMask[i]!);
      const coverage = Math.min(1, (inName + 0.5 * inTextOnly) / conceptCount);
      let score = acc[i]! * (RANKING.coverageFloor + (1 - RANKING.coverageFloor) * coverage * coverage);
      const tokens = this.nameTokens[i]!;
      if (phrase && indexOfRun(tokens, phrase) >= 0) {
        score *= RANKING.phraseBonus;
        if (tokens.length === phrase.length) score *= RANKING.exactNameBonus;
      }
      let special = 1;
      for (const mi of this.docMarkers[i]!) if (!markerNamed[mi]) special *= this.markers[mi]!.factor;
      score *= Math.max(RANKING.specialCaseFloor, special);
      score *= this.levelBonus[i]!;
      score /= 1 + RANKING.lengthPenaltyPerToken * this.nameLength[i]!;
      hits.push({ doc, score });
    }
    hits.sort((x, y) => y.score - x.score || (x.doc.code < y.doc.code ? -1 : x.doc.code > y.doc.code ? 1 : 0));
    const floor = (hits[0]?.score ?? 0) * RANKING.minRelativeScore;
    const end = hits.findIndex((h) => h.score < floor);
    return hits.slice(0, Math.min(limit, end < 0 ? hits.length : end));
  }
}

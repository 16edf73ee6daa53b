/**
 * Survey results → points of the survey nodes. Either points entered directly, or answer counts per question with
 * answer weights (percent, default A 100 %, B 60 %, C 20 %, D 0 %): a node's points = its maximum × the weighted
 * share of all the answers to its questions, in integer arithmetic, rounded to hundredths once.
 */
import { DEFAULT_ANSWER_WEIGHTS } from './criteria-set.ts';
import { divRound, type Hundredths } from './points.ts';

export type AnswerCounts = Record<string, number>;

export interface SurveyAggregate {
  /** Points, hundredths; null when no answer was counted. */
  points: Hundredths | null;
  answers: number;
  /** Weighted share in hundredths of a percent. */
  share: number | null;
}

/**
 * questions: the answer counts of each question that scores this node. An answer letter without a weight is an
 * error (thrown as RangeError naming it); a negative or fractional count too.
 */
export function aggregateSurvey(max: Hundredths, questions: readonly AnswerCounts[], weights: Record<string, number> = DEFAULT_ANSWER_WEIGHTS): SurveyAggregate {
  let answers = 0;
  let weighted = 0; // Σ count × weight (weights in percent, up to 2 decimals → ×100 integers)
  for (const q of questions) {
    for (const [letter, count] of Object.entries(q)) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`answer ${letter}: count ${count} is not a whole number ≥ 0`);
      const w = weights[letter];
      if (w === undefined) throw new RangeError(`answer ${letter} has no weight`);
      answers += count;
      weighted += count * Math.round(w * 100);
    }
  }
  if (answers === 0) return { points: null, answers: 0, share: null };
  // share = weighted / (answers × 100 × 100) ; points = max × share
  return { points: divRound(max * weighted, answers * 10000), answers, share: divRound(weighted, answers) };
}

/**
 * The three faces shown on every rating screen (portal link page, desk kiosk), in display order, and the score
 * each one counts for in satisfaction figures (hài lòng 2, bình thường 1, không hài lòng 0). Pure.
 */
import { RATING_LABELS, RATING_VALUES, type RatingValue } from './rating.ts';

export interface RatingFace {
  value: RatingValue;
  face: string;
  score: number;
  vi: string;
  en: string;
}

const SCORES: Readonly<Record<RatingValue, number>> = { satisfied: 2, neutral: 1, dissatisfied: 0 };

/** Faces from best to worst, as laid out left to right. */
export const RATING_FACES: readonly RatingFace[] = RATING_VALUES.map((value) => ({ value, score: SCORES[value], ...RATING_LABELS[value] }));

export function faceScore(value: RatingValue): number {
  return SCORES[value];
}

/** The rating a score stands for; undefined for a score that is no face. */
export function faceFromScore(score: number): RatingValue | undefined {
  return RATING_VALUES.find((v) => SCORES[v] === score);
}

/** Whether picking this face asks for reasons (the dissatisfied face opens a follow-up for the unit). */
export function faceAsksReasons(value: RatingValue): boolean {
  return value === 'dissatisfied';
}

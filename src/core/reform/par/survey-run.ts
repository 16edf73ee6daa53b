/**
 * The survey run in motcua: a questionnaire per respondent group built from the set's survey criteria, one answer
 * per question and respondent, and the answers counted into the per-node answer counts that `aggregateSurvey`
 * turns into points with the set's weights. Pure.
 */
import type { CriteriaSet } from './criteria-set.ts';
import type { AnswerCounts } from './survey.ts';

export const RESPONDENT_GROUPS = ['officials', 'leaders', 'citizens'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

export interface SurveyQuestion {
  nodeCode: string;
  text: string;
  /** Answer letters in order (the set's weights: A, B, C, D by default). */
  letters: string[];
}

/** The questions a group answers: every survey leaf of that group, and those without a group (asked to all). */
export function surveyQuestions(set: Pick<CriteriaSet, 'nodes' | 'answerWeights'>, group: RespondentGroup): SurveyQuestion[] {
  const parents = new Set(set.nodes.map((n) => n.parent).filter(Boolean));
  const letters = Object.keys(set.answerWeights).sort();
  return set.nodes
    .filter((n) => !parents.has(n.code) && n.method?.kind === 'survey' && (n.method.group === undefined || n.method.group === group))
    .map((n) => ({ nodeCode: n.code, text: n.title.vi, letters }));
}

export type AnswerProblem = { nodeCode: string; problem: 'missing' | 'unknown_question' | 'unknown_letter' | 'twice' };

/** Every question answered once with one of its letters, nothing else. */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: readonly { nodeCode: string; letter: string }[]): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const byCode = new Map(questions.map((q) => [q.nodeCode, q]));
  const seen = new Set<string>();
  for (const a of answers) {
    const q = byCode.get(a.nodeCode);
    if (!q) out.push({ nodeCode: a.nodeCode, problem: 'unknown_question' });
    else if (seen.has(a.nodeCode)) out.push({ nodeCode: a.nodeCode, problem: 'twice' });
    else if (!q.letters.includes(a.letter)) out.push({ nodeCode: a.nodeCode, problem: 'unknown_letter' });
    seen.add(a.nodeCode);
  }
  for (const q of questions) if (!seen.has(q.nodeCode)) out.push({ nodeCode: q.nodeCode, problem: 'missing' });
  return out;
}

/** Stored answers → counts per unit and node ({ A: n, B: n, … }, every letter present). */
export function countAnswers(answers: readonly { agencyId: string; nodeCode: string; letter: string }[], letters: readonly string[]): Map<string, Map<string, AnswerCounts>> {
  const out = new Map<string, Map<string, AnswerCounts>>();
  for (const a of answers) {
    const unit = out.get(a.agencyId) ?? new Map<string, AnswerCounts>();
    out.set(a.agencyId, unit);
    const c = unit.get(a.nodeCode) ?? Object.fromEntries(letters.map((l) => [l, 0]));
    c[a.letter] = (c[a.letter] ?? 0) + 1;
    unit.set(a.nodeCode, c);
  }
  return out;
}

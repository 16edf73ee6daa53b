import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateSurvey } from './survey.ts';
import { checkAnswers, countAnswers, surveyQuestions } from './survey-run.ts';

const set = {
  answerWeights: { A: 100, B: 60, C: 20, D: 0 },
  nodes: [
    { code: '8', parent: null, title: { vi: 'Tác động' }, max: 1000 },
    { code: '8.1', parent: '8', title: { vi: 'Người dân hài lòng với thái độ công chức' }, max: 500, method: { kind: 'survey' as const, group: 'citizens' as const } },
    { code: '8.2', parent: '8', title: { vi: 'Công chức đánh giá công tác chỉ đạo' }, max: 300, method: { kind: 'survey' as const, group: 'officials' as const } },
    { code: '8.3', parent: '8', title: { vi: 'Mức độ công khai thủ tục' }, max: 200, method: { kind: 'survey' as const } },
    { code: '1', parent: null, title: { vi: 'Chỉ đạo' }, max: 100, method: { kind: 'yesno' as const } },
  ],
};

describe('the survey run', () => {
  it('asks each group its own survey criteria and those without a group', () => {
    expect(surveyQuestions(set, 'citizens').map((q) => q.nodeCode)).toEqual(['8.1', '8.3']);
    expect(surveyQuestions(set, 'officials').map((q) => q.nodeCode)).toEqual(['8.2', '8.3']);
    expect(surveyQuestions(set, 'leaders')).toEqual([{ nodeCode: '8.3', text: 'Mức độ công khai thủ tục', letters: ['A', 'B', 'C', 'D'] }]);
  });

  it('wants every question answered once with a known letter', () => {
    const q = surveyQuestions(set, 'citizens');
    expect(checkAnswers(q, [{ nodeCode: '8.1', letter: 'A' }, { nodeCode: '8.3', letter: 'C' }])).toEqual([]);
    expect(checkAnswers(q, [{ nodeCode: '8.1', letter: 'E' }, { nodeCode: '8.1', letter: 'A' }, { nodeCode: '8.2', letter: 'A' }])).toEqual([
      { nodeCode: '8.1', problem: 'unknown_letter' },
      { nodeCode: '8.1', problem: 'twice' },
      { nodeCode: '8.2', problem: 'unknown_question' },
      { nodeCode: '8.3', problem: 'missing' },
    ]);
  });

  it('counts answers per unit and node; the weighted points follow (3 A + 1 C of 5 points: 80 % → 4)', () => {
    const answers = [
      ...['A', 'A', 'A', 'C'].map((letter) => ({ agencyId: 'u1', nodeCode: '8.1', letter })),
      { agencyId: 'u2', nodeCode: '8.1', letter: 'D' },
    ];
    const c = countAnswers(answers, ['A', 'B', 'C', 'D']);
    expect(c.get('u1')!.get('8.1')).toEqual({ A: 3, B: 0, C: 1, D: 0 });
    expect(c.get('u2')!.get('8.1')).toEqual({ A: 0, B: 0, C: 0, D: 1 });
    expect(aggregateSurvey(500, [c.get('u1')!.get('8.1')!], set.answerWeights).points).toBe(400);
  });

  it('property: the counts add up to the answers, whatever their order', () => {
    const ans = fc.array(fc.record({ agencyId: fc.constantFrom('u1', 'u2', 'u3'), nodeCode: fc.constantFrom('8.1', '8.3'), letter: fc.constantFrom('A', 'B', 'C', 'D') }), { maxLength: 200 });
    fc.assert(
      fc.property(ans, (a) => {
        const c = countAnswers(a, ['A', 'B', 'C', 'D']);
        let total = 0;
        for (const unit of c.values()) for (const counts of unit.values()) total += Object.values(counts).reduce((s, x) => s + x, 0);
        expect(total).toBe(a.length);
        expect(countAnswers([...a].reverse(), ['A', 'B', 'C', 'D'])).toEqual(c);
      }),
    );
  });
});

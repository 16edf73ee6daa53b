/**
 * PAR index (pure): the reports' example, tree validation (one problem per bad node), applicability and
 * rescaling, survey aggregation with answer weights, ranking with ties and groups, lost points, the criteria-set
 * format and scoring methods; property tests for the arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateSurvey,
  buildTree,
  changeVsLastYear,
  copySetToYear,
  DEFAULT_BANDS,
  divRound,
  exportCriteriaSet,
  groupFor,
  hundredthsString,
  lostPoints,
  mapRate,
  notApplicableFor,
  parseCriteriaSet,
  percentHundredths,
  pointsFromAnswer,
  rankUnits,
  scoreInput,
  scoreTree,
  toHundredths,
  validateTree,
  type CriteriaNode,
  type ScoreInput,
  type TreeNode,
} from './index.ts';

/** The district of the reports: 7 appraised areas (56.48 of 75.5) and the survey (20.49 of 24.5) → 76.97 %. */
export const REPORT_EXAMPLE: ScoreInput = {
  surveyRun: true,
  nodes: [
    { code: 'I', max: 10 },
    { code: 'I.1', parent: 'I', max: 6, points: 5.5 },
    { code: 'I.2', parent: 'I', max: 4, points: 3 },
    { code: 'II', max: 9, points: 7.25 },
    { code: 'III', max: 12, points: 9.75 },
    { code: 'IV', max: 9.5, points: 7 },
    { code: 'V', max: 13, points: 9.48 },
    { code: 'VI', max: 7, points: 5.5 },
    { code: 'VII', max: 15, points: 9 },
    { code: 'VIII', max: 24.5, source: 'survey' },
    { code: 'VIII.1', parent: 'VIII', max: 6.5, points: 6.5 },
    { code: 'VIII.2', parent: 'VIII', max: 18, points: 13.99 },
  ],
};

const out = (input: ScoreInput) => {
  const r = scoreInput(input);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.output;
};
const problems = (input: unknown) => {
  const r = scoreInput(input);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe("the reports' example: survey 20.49 of 24.5 (6.5/6.5 + 13.99/18), total 76.97 %", () => {
  it('scores the whole tree to 76.97 % with the survey part 20.49 of 24.5', () => {
    const o = out(REPORT_EXAMPLE);
    expect(o).toMatchObject({ total: 76.97, max: 100, index: 76.97 });
    const n = new Map(o.nodes.map((x) => [x.code, x]));
    expect(n.get('VIII')).toEqual({ code: 'VIII', points: 20.49, max: 24.5, percent: 83.63, lost: 4.01 });
    expect(n.get('VIII.1')).toEqual({ code: 'VIII.1', points: 6.5, max: 6.5, percent: 100, lost: 0 });
    expect(n.get('VIII.2')).toEqual({ code: 'VIII.2', points: 13.99, max: 18, percent: 77.72, lost: 4.01 });
    expect(n.get('I')).toEqual({ code: 'I', points: 8.5, max: 10, percent: 85, lost: 1.5 });
    expect(o.nodes.map((x) => x.code)).toEqual(['I', 'I.1', 'I.2', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'VIII.1', 'VIII.2']);
  });

  it('without a survey, the survey nodes leave the maximum and the appraised points are rescaled (56.48 / 75.5 = 74.81 %)', () => {
    const o = out({ ...REPORT_EXAMPLE, surveyRun: false });
    expect(o).toMatchObject({ total: 56.48, max: 75.5, index: 74.81 });
    expect(o.nodes.find((x) => x.code === 'VIII')).toEqual({ code: 'VIII', points: 0, max: 0, percent: null, lost: 0 });
  });

  it('sums in hundredths: 0.1 + 0.2 style sums are exact', () => {
    const o = out({ nodes: [{ code: 'A', max: 0.3 }, { code: 'a', parent: 'A', max: 0.1, points: 0.1 }, { code: 'b', parent: 'A', max: 0.2, points: 0.2 }] });
    expect(o).toMatchObject({ total: 0.3, max: 0.3, index: 100 });
  });
});

describe('validation: one line per problem, naming the node', () => {
  it('points above the maximum and below 0', () => {
    const p = problems({ nodes: [{ code: 'A', max: 2 }, { code: 'a', parent: 'A', max: 1, points: 1.5 }, { code: 'b', parent: 'A', max: 1, points: -0.5 }] });
    expect(p.map((x) => [x.code, x.kind])).toEqual([
      ['a', 'POINTS_ABOVE_MAX'],
      ['b', 'POINTS_BELOW_ZERO'],
    ]);
    expect(p[0]!.message).toBe('a: points 1.5 above the maximum 1');
    expect(p[1]!.message).toBe('b: points -0.5 below 0');
  });

  it('an unknown parent', () => {
    const p = problems({ nodes: [{ code: 'A', max: 1 }, { code: 'a', parent: 'Z', max: 1 }] });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: 'a', kind: 'UNKNOWN_PARENT', message: 'a: unknown parent Z' });
  });

  it('a cycle names every node on it, and a node hanging off the cycle is not blamed', () => {
    const p = problems({ nodes: [{ code: 'x', parent: 'y', max: 1 }, { code: 'y', parent: 'x', max: 1 }, { code: 'z', parent: 'x', max: 0 }, { code: 'R', max: 1, points: 1 }] });
    const cyc = p.filter((x) => x.kind === 'CYCLE');
    expect(cyc.map((x) => x.code).sort()).toEqual(['x', 'y']);
    expect(cyc.find((x) => x.code === 'x')!.message).toBe('x: parent chain loops (x → y → x)');
    expect(p.some((x) => x.code === 'z' && x.kind === 'CYCLE')).toBe(false);
  });

  it('a self-parent is a cycle', () => {
    expect(problems({ nodes: [{ code: 'x', parent: 'x', max: 1 }] })[0]).toMatchObject({ code: 'x', kind: 'CYCLE' });
  });

  it("children's maxima not adding up to the parent's", () => {
    const p = problems({ nodes: [{ code: 'A', max: 10 }, { code: 'a', parent: 'A', max: 4 }, { code: 'b', parent: 'A', max: 5.5 }] });
    expect(p).toEqual([expect.objectContaining({ code: 'A', kind: 'CHILDREN_MAX_MISMATCH', message: "A: maximum 10 but its children's maxima add up to 9.5" })]);
  });

  it('duplicate codes, points on a parent, more than two decimals, and schema errors name the node', () => {
    expect(problems({ nodes: [{ code: 'A', max: 1 }, { code: 'A', max: 1 }] })[0]).toMatchObject({ code: 'A', kind: 'DUPLICATE_CODE' });
    expect(problems({ nodes: [{ code: 'A', max: 1, points: 1 }, { code: 'a', parent: 'A', max: 1 }] })[0]).toMatchObject({ code: 'A', kind: 'POINTS_ON_PARENT' });
    expect(problems({ nodes: [{ code: 'A', max: 1, points: 0.333 }] })[0]).toMatchObject({ code: 'A', kind: 'BAD_DECIMALS' });
    expect(problems({ nodes: [{ code: 'A', max: 'ten' }] })[0]!.message).toMatch(/^A: max: /);
    expect(problems({ nodes: [] })[0]!.message).toMatch(/^nodes: [^n]/);
  });

  it('all problems at once, in input order', () => {
    const p = problems({ nodes: [{ code: 'A', max: 3 }, { code: 'a', parent: 'A', max: 1 }, { code: 'b', parent: 'Q', max: 1 }] });
    expect(p.map((x) => x.kind)).toEqual(['UNKNOWN_PARENT', 'CHILDREN_MAX_MISMATCH']);
  });
});

describe('applicability', () => {
  it('a node marked not applicable takes its whole subtree with it', () => {
    const o = out({ nodes: [{ code: 'A', max: 4, applicable: false }, { code: 'a', parent: 'A', max: 4, points: 4 }, { code: 'B', max: 6, points: 3 }] });
    expect(o).toMatchObject({ total: 3, max: 6, index: 50 });
    expect(o.nodes.find((x) => x.code === 'a')).toMatchObject({ points: 0, max: 0, percent: null });
  });

  it('the source is inherited: a leaf under a survey area is a survey node', () => {
    const o = out({ surveyRun: false, nodes: [{ code: 'S', max: 2, source: 'survey' }, { code: 's', parent: 'S', max: 2, points: 1 }, { code: 'B', max: 2, points: 1 }] });
    expect(o).toMatchObject({ total: 1, max: 2, index: 50 });
  });

  it('a leaf without points is applicable, counts 0 and is reported missing', () => {
    const t = buildTree<TreeNode>([{ code: 'A', max: 200 }, { code: 'a', parent: 'A', max: 100 }, { code: 'b', parent: 'A', max: 100 }]);
    const s = scoreTree(t, new Map([['a', 100]]));
    expect(s.byCode.get('A')).toMatchObject({ points: 100, max: 200, missing: 1, percent: 5000 });
  });

  it('everything not applicable: max 0, index null', () => {
    expect(out({ nodes: [{ code: 'A', max: 1, applicable: false }] })).toMatchObject({ total: 0, max: 0, index: null });
  });

  it('nodes not for the unit type leave the maximum (appliesTo)', () => {
    const set = parseCriteriaSet(sampleSet());
    if (!set.ok) throw new Error('bad');
    expect(notApplicableFor(set.set, 'commune')).toEqual([]);
    expect(notApplicableFor(set.set, 'ward')).toEqual(['3.1']);
  });
});

describe('survey aggregation with answer weights (default A 100 %, B 60 %, C 20 %, D 0 %)', () => {
  it('weighted share of all answers, times the maximum, rounded once', () => {
    // 50 A, 30 B, 15 C, 5 D → (5000 + 1800 + 300 + 0) / 100 = 71 % of 18 = 12.78
    expect(aggregateSurvey(1800, [{ A: 50, B: 30, C: 15, D: 5 }])).toEqual({ points: 1278, answers: 100, share: 7100 });
  });
  it('pools several questions', () => {
    expect(aggregateSurvey(650, [{ A: 10 }, { A: 10 }])).toMatchObject({ points: 650, answers: 20 });
    expect(aggregateSurvey(1000, [{ A: 1, D: 1 }, { C: 2 }]).points).toBe(350); // (100+0+20+20)/4 = 35 % of 10 → 3.50
  });
  it('configurable weights; an unknown letter or bad count is an error; no answers → null', () => {
    expect(aggregateSurvey(1000, [{ A: 1, B: 1 }], { A: 100, B: 50 }).points).toBe(750);
    expect(() => aggregateSurvey(100, [{ E: 1 }])).toThrow(/E has no weight/);
    expect(() => aggregateSurvey(100, [{ A: 1.5 }])).toThrow(/whole number/);
    expect(aggregateSurvey(100, [{ A: 0 }])).toEqual({ points: null, answers: 0, share: null });
  });
});

describe('ranking with ties and groups', () => {
  it('ties share a rank, the next skips; groups A ≥ 90, B 80–< 90', () => {
    const r = rankUnits(
      [
        { id: 'a', index: 8500 },
        { id: 'b', index: 9000 },
        { id: 'c', index: 8500 },
        { id: 'd', index: 7999 },
        { id: 'e', index: null },
      ],
      DEFAULT_BANDS,
    );
    expect(r.map((x) => [x.id, x.rank, x.group, x.tied])).toEqual([
      ['b', 1, 'A', false],
      ['a', 2, 'B', true],
      ['c', 2, 'B', true],
      ['d', 4, null, false],
      ['e', null, null, false],
    ]);
    expect(r[0]!.of).toBe(4);
  });
  it('band edges: 89.99 is B, 90.00 is A, 80.00 is B; the 2018 bands as data', () => {
    expect(groupFor(8999, DEFAULT_BANDS)).toBe('B');
    expect(groupFor(9000, DEFAULT_BANDS)).toBe('A');
    expect(groupFor(8000, DEFAULT_BANDS)).toBe('B');
    const b2018 = [{ code: 'A', min: 80 }, { code: 'B', min: 75 }, { code: 'C', min: 70 }, { code: 'D', min: 0 }];
    expect(groupFor(7250, b2018)).toBe('C');
    expect(groupFor(100, b2018)).toBe('D');
  });
  it('change against last year (+0.68 points as in the reports)', () => {
    expect(changeVsLastYear(7697, 7629)).toBe(68);
    expect(changeVsLastYear(7697, null)).toBeNull();
  });
});

describe('lost points', () => {
  it('every applicable leaf below its maximum, most lost first, with the note and the path', () => {
    const r = scoreInput(REPORT_EXAMPLE);
    if (!r.ok) throw new Error();
    const nodes = REPORT_EXAMPLE.nodes.map((n) => ({ code: n.code, parent: n.parent ?? null, max: toHundredths(n.max)!, source: n.source }));
    const t = buildTree(nodes);
    const pts = new Map(REPORT_EXAMPLE.nodes.filter((n) => n.points != null).map((n) => [n.code, toHundredths(n.points!)!]));
    const rows = lostPoints(t, scoreTree(t, pts), new Map([['VII', 'Tỷ lệ hồ sơ trực tuyến thấp']]));
    expect(rows.map((x) => [x.code, hundredthsString(x.lost)])).toEqual([
      ['VII', '6.00'],
      ['VIII.2', '4.01'],
      ['V', '3.52'],
      ['IV', '2.50'],
      ['III', '2.25'],
      ['II', '1.75'],
      ['VI', '1.50'],
      ['I.2', '1.00'],
      ['I.1', '0.50'],
    ]);
    expect(rows[0]!.note).toBe('Tỷ lệ hồ sơ trực tuyến thấp');
    expect(rows.find((x) => x.code === 'I.2')!.path).toEqual(['I']);
  });
});

export function sampleSet() {
  return {
    format: 'motcua.par.criteria-set',
    version: 1,
    code: 'XA-2026',
    year: 2026,
    unitType: 'commune',
    title: { vi: 'Bộ tiêu chí cấp xã 2026' },
    nodes: [
      { code: '1', title: { vi: 'Công tác chỉ đạo' }, max: 3 },
      { code: '1.1', parent: '1', title: { vi: 'Ban hành kế hoạch CCHC' }, max: 1, method: { kind: 'yesno' } },
      { code: '1.2', parent: '1', title: { vi: 'Mức độ hoàn thành kế hoạch' }, max: 2, method: { kind: 'options', options: [{ key: 'full', label: { vi: '100%' }, points: 2 }, { key: 'most', label: { vi: '≥ 80%' }, points: 1 }, { key: 'less', label: { vi: '< 80%' }, points: 0 }] } },
      { code: '3', title: { vi: 'Cải cách TTHC' }, max: 4 },
      { code: '3.1', parent: '3', title: { vi: 'Tỷ lệ hồ sơ trực tuyến' }, max: 2, method: { kind: 'auto', metric: 'ONLINE_DOSSIERS', mapping: { kind: 'linear', zeroAt: 0, fullAt: 80 } }, appliesTo: ['commune'] },
      { code: '3.2', parent: '3', title: { vi: 'Tỷ lệ đúng hạn' }, max: 2, method: { kind: 'rate', mapping: { kind: 'thresholds', thresholds: [{ min: 90, points: 1 }, { min: 98, points: 2 }] } } },
      { code: '8', title: { vi: 'Tác động (khảo sát)' }, max: 3 },
      { code: '8.1', parent: '8', title: { vi: 'Sự hài lòng' }, max: 3, method: { kind: 'survey', group: 'citizens' } },
    ],
  };
}

describe('criteria-set JSON format', () => {
  it('parses, marks survey nodes, and exports back to the same document', () => {
    const r = parseCriteriaSet(sampleSet());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.set.nodes.find((n) => n.code === '8.1')!.source).toBe('survey');
    expect(r.set.bands.map((b) => b.code)).toEqual(['A', 'B']);
    expect(r.set.answerWeights).toEqual({ A: 100, B: 60, C: 20, D: 0 });
    const again = parseCriteriaSet(exportCriteriaSet(r.set));
    expect(again).toEqual(r);
    const copy = copySetToYear(r.set, 2027);
    expect([copy.year, copy.code, r.set.year]).toEqual([2027, 'XA-2027', 2026]);
  });

  it('a precise problem per bad node: wrong version, option above max, thresholds out of order, method on a parent, leaf without a method', () => {
    const bad = sampleSet() as ReturnType<typeof sampleSet> & { version: number };
    bad.version = 2;
    const r0 = parseCriteriaSet(bad);
    expect(r0.ok || r0.problems[0]!.message).toBe('version: Invalid input: expected 1');
    const s = sampleSet();
    (s.nodes[2]!.method as { options: { points: number }[] }).options[0]!.points = 2.5;
    (s.nodes[5]!.method as { mapping: { thresholds: { min: number }[] } }).mapping.thresholds[1]!.min = 80;
    (s.nodes[0] as { method?: unknown }).method = { kind: 'yesno' };
    delete (s.nodes[7] as { method?: unknown }).method;
    (s.nodes[4] as { title: unknown }).title = { vi: '' };
    const r1 = parseCriteriaSet(s);
    expect(r1.ok).toBe(false);
    if (r1.ok) return;
    expect(r1.problems.map((p) => p.code)).toEqual(['3.1']);
    delete (s.nodes[4] as { title?: unknown }).title;
    (s.nodes[4] as { title: unknown }).title = { vi: 'ok' };
    const r2 = parseCriteriaSet(s);
    if (r2.ok) throw new Error();
    expect(r2.problems.map((p) => `${p.code} ${p.kind}`)).toEqual(['1 POINTS_ON_PARENT', '1.2 POINTS_ABOVE_MAX', '3.2 UNKNOWN_NODE', '8.1 UNKNOWN_NODE']);
    expect(r2.problems[1]!.message).toBe('1.2: option full gives 2.5 points, above the maximum 2');
    expect(r2.problems[2]!.message).toMatch(/3.2: thresholds must be in increasing order/);
  });
});

describe('scoring methods', () => {
  const set = parseCriteriaSet(sampleSet());
  if (!set.ok) throw new Error('sample set invalid');
  const node = (c: string) => set.set.nodes.find((n) => n.code === c)! as CriteriaNode;
  it('yes/no, options, thresholds, linear, manual', () => {
    expect(pointsFromAnswer(node('1.1'), { kind: 'yesno', yes: true })).toEqual({ points: 100 });
    expect(pointsFromAnswer(node('1.1'), { kind: 'yesno', yes: false })).toEqual({ points: 0 });
    expect(pointsFromAnswer(node('1.2'), { kind: 'option', key: 'most' })).toEqual({ points: 100 });
    expect(pointsFromAnswer(node('1.2'), { kind: 'option', key: 'nope' })).toEqual({ error: '1.2: unknown option nope' });
    expect(pointsFromAnswer(node('3.2'), { kind: 'value', value: 97.99 })).toEqual({ points: 100 });
    expect(pointsFromAnswer(node('3.2'), { kind: 'value', value: 98 })).toEqual({ points: 200 });
    expect(pointsFromAnswer(node('3.2'), { kind: 'value', value: 89.99 })).toEqual({ points: 0 });
    expect(pointsFromAnswer(node('8.1'), { kind: 'points', points: 1 })).toEqual({ error: '8.1: filled from the survey' });
    expect(pointsFromAnswer(node('3.1'), { kind: 'value', value: 1 })).toMatchObject({ error: expect.stringMatching(/own data/) });
    const manual = { ...node('1.2'), method: { kind: 'manual' as const } };
    expect(pointsFromAnswer(manual, { kind: 'points', points: 1.25 })).toEqual({ points: 125 });
    expect(pointsFromAnswer(manual, { kind: 'points', points: 2.01 })).toEqual({ error: '1.2: points 2.01 above the maximum 2' });
  });
  it('linear mapping: 59.97 % of 80 % on a 2-point node → 1.50 (half up)', () => {
    expect(mapRate({ kind: 'linear', zeroAt: 0, fullAt: 80 }, 59.97, 200)).toBe(150);
    expect(mapRate({ kind: 'linear', zeroAt: 0, fullAt: 80 }, 90, 200)).toBe(200);
    expect(mapRate({ kind: 'linear', zeroAt: 20, fullAt: 80 }, 10, 200)).toBe(0);
  });
});

describe('arithmetic helpers', () => {
  it('toHundredths, hundredthsString, divRound, percentHundredths', () => {
    expect([toHundredths(13.99), toHundredths(0.1 + 0.2), toHundredths(1.005), toHundredths(NaN)]).toEqual([1399, 30, null, null]);
    expect([hundredthsString(650), hundredthsString(1399), hundredthsString(-25), hundredthsString(0)]).toEqual(['6.50', '13.99', '-0.25', '0.00']);
    expect([divRound(5, 2), divRound(4, 3), divRound(-5, 2)]).toEqual([3, 1, -3]);
    expect(percentHundredths(2049, 2450)).toBe(8363);
    expect(percentHundredths(1, 0)).toBeNull();
  });
});

// ---------- property tests ----------

/** A random valid tree: each node's max is the sum of its children's. */
const arbTree = fc
  .array(fc.record({ parentPick: fc.nat(), max: fc.integer({ min: 0, max: 2000 }), pts: fc.integer({ min: 0, max: 2000 }), applicable: fc.boolean(), survey: fc.boolean() }), { minLength: 1, maxLength: 40 })
  .map((spec) => {
    const parents: (number | null)[] = spec.map((s, i) => (i === 0 || s.parentPick % 3 === 0 ? null : s.parentPick % i));
    const hasKids = new Set(parents.filter((p): p is number => p !== null));
    const max = new Array<number>(spec.length).fill(0);
    for (let i = spec.length - 1; i >= 0; i--) {
      if (!hasKids.has(i)) max[i] = spec[i]!.max;
      if (parents[i] !== null) max[parents[i]!] = max[parents[i]!]! + max[i]!;
    }
    const nodes = spec.map((s, i) => ({
      code: `N${i}`,
      parent: parents[i] === null ? undefined : `N${parents[i]}`,
      max: max[i]! / 100,
      applicable: s.applicable || i % 2 === 0 ? undefined : false,
      source: s.survey && i % 5 === 0 ? ('survey' as const) : undefined,
      points: hasKids.has(i) ? undefined : Math.min(s.pts, max[i]!) / 100,
    }));
    return nodes;
  });

describe('properties', () => {
  it('total ≤ max, index in [0, 100], every parent = the sum of its children, lost = max − points', () => {
    fc.assert(
      fc.property(arbTree, fc.boolean(), (nodes, surveyRun) => {
        const o = out({ surveyRun, nodes });
        expect(o.total).toBeLessThanOrEqual(o.max);
        if (o.index !== null) expect(o.index >= 0 && o.index <= 100).toBe(true);
        else expect(o.max).toBe(0);
        const by = new Map(o.nodes.map((n) => [n.code, n]));
        for (const n of nodes) {
          const kids = nodes.filter((k) => k.parent === n.code);
          if (kids.length) {
            const s = kids.reduce((a, k) => a + Math.round(by.get(k.code)!.points * 100), 0);
            expect(Math.round(by.get(n.code)!.points * 100)).toBe(s);
          }
          const x = by.get(n.code)!;
          expect(Math.round(x.lost * 100)).toBe(Math.round(x.max * 100) - Math.round(x.points * 100));
        }
      }),
    );
  });

  it('the node order of the input does not change any figure', () => {
    fc.assert(
      fc.property(arbTree, fc.boolean(), (nodes, surveyRun) => {
        const a = out({ surveyRun, nodes });
        const b = out({ surveyRun, nodes: [...nodes].reverse() });
        expect([b.total, b.max, b.index]).toEqual([a.total, a.max, a.index]);
        const bm = new Map(b.nodes.map((n) => [n.code, n]));
        for (const n of a.nodes) expect(bm.get(n.code)).toEqual(n);
      }),
    );
  });

  it('the index equals the exact rational (total ÷ max × 100) rounded half up to 2 decimals', () => {
    fc.assert(
      fc.property(arbTree, (nodes) => {
        const o = out({ nodes });
        if (o.index === null) return;
        const t = BigInt(Math.round(o.total * 100));
        const m = BigInt(Math.round(o.max * 100));
        const exact = (t * 20000n + m) / (2n * m);
        expect(Math.round(o.index * 100)).toBe(Number(exact));
      }),
    );
  });

  it('lowering a leaf never raises the total; raising never lowers it', () => {
    fc.assert(
      fc.property(arbTree, fc.nat(), (nodes, pick) => {
        const leaves = nodes.filter((n) => n.points !== undefined);
        const leaf = leaves[pick % leaves.length]!;
        const lower = nodes.map((n) => (n === leaf ? { ...n, points: 0 } : n));
        expect(out({ nodes: lower }).total).toBeLessThanOrEqual(out({ nodes }).total);
      }),
    );
  });

  it('validation flags a parent whose maximum is changed, naming it', () => {
    fc.assert(
      fc.property(arbTree, fc.integer({ min: 1, max: 500 }), (nodes, delta) => {
        const parentCodes = new Set(nodes.map((n) => n.parent).filter(Boolean));
        const parent = nodes.find((n) => parentCodes.has(n.code));
        if (!parent) return;
        const bad = nodes.map((n) => (n === parent ? { ...n, max: n.max + delta / 100 } : n));
        const p = validateTree(bad.map((n) => ({ code: n.code, parent: n.parent, max: Math.round(n.max * 100) })));
        expect(p.some((x) => x.code === parent.code && x.kind === 'CHILDREN_MAX_MISMATCH')).toBe(true);
      }),
    );
  });

  it('ranking: ranks are non-decreasing in order, equal indices share a rank, rank = 1 + number strictly above', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null }), { maxLength: 30 }), (idx) => {
        const r = rankUnits(idx.map((index, i) => ({ id: `u${i}`, index })), DEFAULT_BANDS);
        for (const u of r) {
          if (u.index === null) expect(u.rank).toBeNull();
          else expect(u.rank).toBe(1 + idx.filter((x) => x !== null && x > u.index!).length);
        }
      }),
    );
  });

  it('survey points never exceed the maximum and equal max with all A', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.record({ A: fc.nat(500), B: fc.nat(500), C: fc.nat(500), D: fc.nat(500) }), (max, counts) => {
        const r = aggregateSurvey(max, [counts]);
        if (r.points === null) return;
        expect(r.points >= 0 && r.points <= max).toBe(true);
        expect(aggregateSurvey(max, [{ A: counts.A + 1 }]).points).toBe(max);
      }),
    );
  });
});

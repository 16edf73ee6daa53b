import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERIA_FORMAT, CRITERIA_FORMAT_VERSION, parseCriteriaSet, type CriteriaNodeJson, type CriteriaSetJson } from './criteria-set.ts';
import { addNode, descendants, nextChildCode, removeNode, setRows, sumParentMaxima, updateNode } from './set-edit.ts';

const yesno = { kind: 'yesno' as const };
const doc = (nodes: CriteriaNodeJson[]): CriteriaSetJson => ({
  format: CRITERIA_FORMAT,
  version: CRITERIA_FORMAT_VERSION,
  code: 'XA-2026',
  year: 2026,
  unitType: 'commune',
  title: { vi: 'Bộ tiêu chí cấp xã 2026' },
  bands: [{ code: 'A', label: { vi: 'Nhóm A' }, min: 90 }],
  answerWeights: { A: 100, B: 60, C: 20, D: 0 },
  nodes,
});
const base = () =>
  doc([
    { code: '1', title: { vi: 'Công tác chỉ đạo' }, max: 3 },
    { code: '1.1', parent: '1', title: { vi: 'Ban hành kế hoạch' }, max: 1.5, method: yesno },
    { code: '1.2', parent: '1', title: { vi: 'Tự kiểm tra' }, max: 1.5, method: yesno },
    { code: '2', title: { vi: 'Thủ tục hành chính' }, max: 0.3 },
    { code: '2.1', parent: '2', title: { vi: 'Niêm yết' }, max: 0.1, method: yesno },
    { code: '2.2', parent: '2', title: { vi: 'Một cửa' }, max: 0.2, method: yesno },
  ]);

describe('the criteria-set editor operations', () => {
  it('lists the nodes in tree order with depth and leaf flags', () => {
    expect(setRows(base()).map((r) => [r.node.code, r.depth, r.leaf])).toEqual([
      ['1', 0, false],
      ['1.1', 1, true],
      ['1.2', 1, true],
      ['2', 0, false],
      ['2.1', 1, true],
      ['2.2', 1, true],
    ]);
  });

  it('a leaf maximum changed re-sums its parent in hundredths (0.1 + 0.25 = 0.35, not 0.35000000000000003)', () => {
    const d = updateNode(base(), '2.2', { max: 0.25 });
    expect(d.nodes.find((n) => n.code === '2')!.max).toBe(0.35);
    expect(parseCriteriaSet(d).ok).toBe(true);
  });

  it('a child added to a leaf makes it a parent: its method goes, its maximum becomes the child’s', () => {
    const d = addNode(base(), '1.2', { code: '1.2.1', title: { vi: 'Kế hoạch tự kiểm tra' }, max: 0.75, method: yesno });
    expect(d.nodes.find((n) => n.code === '1.2')).toEqual({ code: '1.2', parent: '1', title: { vi: 'Tự kiểm tra' }, max: 0.75 });
    expect(d.nodes.find((n) => n.code === '1')!.max).toBe(2.25);
    expect(d.nodes.map((n) => n.code)).toEqual(['1', '1.1', '1.2', '1.2.1', '2', '2.1', '2.2']);
    expect(parseCriteriaSet(d).ok).toBe(true);
    expect(() => addNode(d, '1', { code: '1.1', title: { vi: 'x' }, max: 1, method: yesno })).toThrow(/already used/);
    expect(() => addNode(d, '9', { code: '9.1', title: { vi: 'x' }, max: 1, method: yesno })).toThrow(/no node 9/);
  });

  it('a node removed takes its subtree, and the parent is re-summed', () => {
    const d = removeNode(base(), '1.1');
    expect(d.nodes.find((n) => n.code === '1')!.max).toBe(1.5);
    expect(removeNode(base(), '2').nodes.map((n) => n.code)).toEqual(['1', '1.1', '1.2']);
    expect(descendants(base(), '1').sort()).toEqual(['1.1', '1.2']);
  });

  it('suggests the next free child code', () => {
    expect(nextChildCode(base(), '1')).toBe('1.3');
    expect(nextChildCode(base(), null)).toBe('3');
    expect(nextChildCode(addNode(base(), '2', { code: '2.3', title: { vi: 'x' }, max: 0, method: yesno }), '2')).toBe('2.4');
  });

  it('updates fields and removes the ones set to undefined, never the code or the place', () => {
    const d = updateNode(base(), '1.1', { title: { vi: 'Kế hoạch CCHC năm' }, guidance: 'Ban hành trước 31/01', evidence: undefined });
    expect(d.nodes[1]).toEqual({ code: '1.1', parent: '1', title: { vi: 'Kế hoạch CCHC năm' }, max: 1.5, method: yesno, guidance: 'Ban hành trước 31/01' });
    expect(() => updateNode(base(), 'x', {})).toThrow(/no node x/);
  });

  it('property: whatever leaves and maxima, after the editor’s operations the set validates (parents add up)', () => {
    const tree = fc.array(fc.record({ parentPick: fc.nat(), max: fc.integer({ min: 0, max: 2500 }), leafOnly: fc.boolean() }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(tree, fc.nat(), (spec, removePick) => {
        // Build through addNode only, as the editor does: each new node under an existing one or at the root.
        let d = doc([{ code: 'R1', title: { vi: 'Lĩnh vực 1' }, max: 0, method: yesno }]);
        spec.forEach((s, i) => {
          const codes = d.nodes.map((n) => n.code);
          const parent = s.leafOnly ? null : codes[s.parentPick % codes.length]!;
          d = addNode(d, parent, { code: `N${i}`, title: { vi: `Tiêu chí ${i}` }, max: s.max / 100, method: yesno });
        });
        expect(parseCriteriaSet(d)).toMatchObject({ ok: true });
        const victim = d.nodes[removePick % d.nodes.length]!.code;
        const after = removeNode(d, victim);
        if (after.nodes.length > 0) {
          const r = parseCriteriaSet(after);
          // A parent left without children is a leaf without a method: the only problem allowed, named by code.
          if (!r.ok) for (const p of r.problems) expect(p.message).toMatch(/a leaf needs a scoring method/);
        }
        // A parent's maximum equals the sum of its children's, to the hundredth.
        for (const n of after.nodes) {
          const kids = after.nodes.filter((k) => k.parent === n.code);
          if (kids.length) expect(Math.round(n.max * 100)).toBe(kids.reduce((s, k) => s + Math.round(k.max * 100), 0));
        }
      }),
    );
  });

  it('sumParentMaxima leaves a valid set unchanged', () => {
    expect(sumParentMaxima(base())).toEqual(base());
  });
});

/** Review of a parsed record (review.ts): validation, corrected fields, the source text kept. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { structureIndexRecord, unreviewedLowFields } from './page-parser.ts';
import { parsePublicIndexEntry } from './public-index.ts';
import { applyReview, limitError, validateCorrections } from './review.ts';

const index = JSON.parse(readFileSync(new URL('../../../data/seed/procedure-index-2026.json', import.meta.url), 'utf8')) as { procedures: { code: string }[] };
const rec = (code: string) => structureIndexRecord(parsePublicIndexEntry(index.procedures.find((p) => p.code === code)));
const WHO = { reviewerId: 'u1', reviewerName: 'Đỗ Văn Khánh', reviewedAt: '2026-03-02T02:00:00.000Z', note: null };

describe('applyReview', () => {
  it('confirming as read: the same record with a stamp, nothing corrected, publishable', () => {
    const r = rec('1.004884');
    expect(unreviewedLowFields(r).length).toBeGreaterThan(0);
    const v = applyReview(r, {}, WHO);
    expect(v.review).toEqual({ ...WHO, corrected: [] });
    expect(v.channels).toEqual(r.channels);
    expect(v.text).toEqual(r.text);
    expect(unreviewedLowFields(v)).toEqual([]);
  });

  it('a corrected time is marked corrected and sourced to the review; key order does not count as a change', () => {
    const r = rec('1.004884');
    const channels = r.channels.map((c) => ({ ...c, limit: { unit: 'working_days' as const, amount: 5 } }));
    const v = applyReview(r, { channels }, WHO);
    expect(v.review!.corrected).toEqual(['time']);
    expect(v.channels.every((c) => c.limitSource === 'review')).toBe(true);
    const reordered = r.channels.map((c) => Object.fromEntries(Object.entries(c).reverse()) as typeof c);
    expect(applyReview(r, { channels: reordered }, WHO).review!.corrected).toEqual([]);
  });

  it('components, results, legal basis and agencies are recorded as corrected when changed', () => {
    const r = rec('1.004884');
    const v = applyReview(r, { components: r.components.slice(1), results: [{ code: 'KQ.X', name: 'Giấy khai sinh' }], legalBasis: [], executing: ['Ủy ban nhân dân Phường Pleiku'] }, WHO);
    expect(v.review!.corrected).toEqual(['components', 'results', 'legalBasis', 'agencies']);
    expect(v.agencies.executing).toEqual(['Ủy ban nhân dân Phường Pleiku']);
    expect(v.parse).toEqual(r.parse); // what the parser read stays beside the decision
  });
});

describe('validateCorrections', () => {
  it('names each bad path', () => {
    const r = rec('1.004884');
    const errors = validateCorrections({
      channels: [{ ...r.channels[0]!, limit: { amount: 1.25, unit: 'working_days' } }, { ...r.channels[0]! }],
      components: [{ ...r.components[0]!, originalCount: 0, copyCount: 0 }, { ...r.components[0]!, name: '  ' }],
      onlineLevel: 'full',
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['channels[0].limit', 'limit_invalid'],
      ['channels[1].channel', 'channel_duplicate'],
      ['onlineLevel', 'online_without_channel'],
      ['components[0]', 'component_counts'],
      ['components[1].name', 'component_empty'],
    ]);
    expect(validateCorrections({})).toEqual([]);
  });

  it('limits the due-date engine accepts', () => {
    expect(limitError({ amount: 0, unit: 'same_day' })).toBeNull();
    expect(limitError({ amount: 2.5, unit: 'working_days' })).toBeNull();
    expect(limitError({ amount: 1.5, unit: 'days' })).toMatch(/integer/);
    expect(limitError({ amount: 0, unit: 'working_days' })).toMatch(/more than 0/);
    expect(limitError(null)).toBeNull();
  });
});

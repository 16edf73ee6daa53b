/**
 * Reform inspections (pure): the seeded commune checklist, item tallies, plan validation, self-inspection coverage
 * against the at-least-half rule, and the offline-sync merge rules (replays, conflicts, queue compaction).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_TEMPLATES,
  COMMUNE_CHECKLIST_2025,
  ITEM_RESULTS,
  checklistTemplateFor,
  enqueueChange,
  mergeItemChange,
  previsitPeriod,
  selfInspectionCoverage,
  selfInspectionRuleFor,
  settleQueue,
  summariseChecklist,
  validateChecklistTemplate,
  validatePlan,
  type ItemChange,
  type QueuedChange,
  type ServerItem,
} from './index.ts';

describe('checklist templates', () => {
  it('seeds the commune checklist of the domain document, sound and in force', () => {
    for (const t of CHECKLIST_TEMPLATES) expect(validateChecklistTemplate(t)).toEqual([]);
    expect(checklistTemplateFor('commune', '2026-06-01')?.id).toBe(COMMUNE_CHECKLIST_2025.id);
    expect(checklistTemplateFor('commune', '2024-12-31')).toBeNull();
    expect(checklistTemplateFor('department', '2026-06-01')).toBeNull();
    const titles = COMMUNE_CHECKLIST_2025.items.map((i) => i.title.vi).join(' | ');
    for (const word of ['kế hoạch cải cách hành chính', 'tuyên truyền', 'tự kiểm tra', 'báo cáo định kỳ', 'trụ sở', 'cổng thông tin', 'Một cửa', 'Phiếu xin lỗi', 'Biên lai', 'phản ánh', 'trực tuyến', 'Số hóa', 'ký số', 'thẻ công chức', 'hài lòng']) {
      expect(titles).toContain(word);
    }
    expect(COMMUNE_CHECKLIST_2025.items.filter((i) => i.figure).map((i) => i.figure).sort()).toEqual(['late_without_apology', 'online_rate', 'receipts_unsigned_or_undated', 'reports_late']);
  });

  it('reports duplicate codes and empty templates', () => {
    const item = COMMUNE_CHECKLIST_2025.items[0]!;
    expect(validateChecklistTemplate({ ...COMMUNE_CHECKLIST_2025, items: [item, item] })).toEqual([`${COMMUNE_CHECKLIST_2025.id}: duplicate item code ${item.code}`]);
    expect(validateChecklistTemplate({ ...COMMUNE_CHECKLIST_2025, items: [] })).toEqual([`${COMMUNE_CHECKLIST_2025.id}: no items`]);
  });

  it('tallies results: every item counted once, shortcomings are partly / does not meet', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(null, ...ITEM_RESULTS), { maxLength: 40 }), (results) => {
        const s = summariseChecklist(results.map((result, i) => ({ code: String(i), result })));
        expect(s.meets + s.partly + s.doesNotMeet + s.notApplicable).toBe(s.answered);
        expect(s.answered + s.missing.length).toBe(results.length);
        expect(s.shortcomings).toEqual(results.flatMap((r, i) => (r === 'partly' || r === 'does_not_meet' ? [String(i)] : [])));
        expect(s.complete).toBe(results.every((r) => r !== null));
      }),
    );
  });
});

describe('plans', () => {
  const team = [
    { staffId: 's1', agencyId: 'snv', role: 'leader' as const },
    { staffId: 's2', agencyId: 'stp', role: 'member' as const },
  ];
  it('accepts scheduled and surprise visits with one leader', () => {
    expect(validatePlan({ year: 2026, kind: 'province', team, visits: [{ agencyId: 'a', scheduledOn: '2026-05-12', surprise: false }, { agencyId: 'b', scheduledOn: null, surprise: true }] })).toEqual([]);
  });
  it('names every problem', () => {
    const problems = validatePlan({
      year: 2026,
      kind: 'province',
      team: [...team, { staffId: 's1', agencyId: 'snv', role: 'leader' }],
      visits: [
        { agencyId: 'a', scheduledOn: '2025-05-12', surprise: false },
        { agencyId: 'a', scheduledOn: null, surprise: false },
        { agencyId: 'c', scheduledOn: '2026-01-01', surprise: true },
      ],
    });
    expect(problems).toEqual([
      { path: 'visits.0.scheduledOn', code: 'date_outside_year' },
      { path: 'visits.1.agencyId', code: 'duplicate_unit' },
      { path: 'visits.1.scheduledOn', code: 'date_required' },
      { path: 'visits.2.scheduledOn', code: 'surprise_with_date' },
      { path: 'team', code: 'leader_count' },
      { path: 'team.2.staffId', code: 'duplicate_member' },
    ]);
    expect(validatePlan({ year: 2026, kind: 'self', team: [], visits: [] }).map((p) => p.code)).toEqual(['no_visits', 'leader_count']);
  });
  it('a self-inspection visits only the owner’s sub-units', () => {
    const visits = [{ agencyId: 'a', scheduledOn: '2026-05-12', surprise: false }, { agencyId: 'x', scheduledOn: '2026-05-13', surprise: false }];
    expect(validatePlan({ year: 2026, kind: 'self', team, visits, subUnitIds: ['a', 'b'] })).toEqual([{ path: 'visits.1.agencyId', code: 'not_sub_unit' }]);
    expect(validatePlan({ year: 2026, kind: 'province', team, visits, subUnitIds: ['a', 'b'] })).toEqual([]);
  });
});

describe('pre-visit period', () => {
  it('is the 12 months before the visit', () => {
    expect(previsitPeriod('2026-05-12')).toEqual({ from: '2025-05-12', to: '2026-05-11' });
    expect(previsitPeriod('2028-02-29')).toEqual({ from: '2027-02-28', to: '2028-02-28' });
    expect(previsitPeriod('2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('self-inspection coverage', () => {
  const rule = selfInspectionRuleFor('2026-03-01')!;
  it('is the at-least-half rule', () => {
    expect(rule.minShare).toEqual({ num: 1, den: 2 });
    expect(selfInspectionCoverage(['a', 'b', 'c', 'd'], ['a', 'b'], rule)).toMatchObject({ inspected: 2, percent: '50.00', meets: true, stillNeeded: 0 });
    expect(selfInspectionCoverage(['a', 'b', 'c'], ['a'], rule)).toMatchObject({ inspected: 1, percent: '33.33', meets: false, stillNeeded: 1 });
    expect(selfInspectionCoverage([], [], rule)).toMatchObject({ percent: null, meets: true, stillNeeded: 0 });
  });
  it('counts distinct sub-units only; meets exactly when 2 × inspected ≥ sub-units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), (n, picks) => {
        const subs = Array.from({ length: n }, (_, i) => `u${i}`);
        const c = selfInspectionCoverage(subs, picks.map((p) => `u${p}`), rule);
        const distinct = new Set(picks.filter((p) => p < n)).size;
        expect(c.inspected).toBe(distinct);
        expect(c.meets).toBe(2 * distinct >= n);
        expect(c.meets).toBe(c.stillNeeded === 0);
        expect(c.inspected + c.stillNeeded).toBeGreaterThanOrEqual(Math.ceil(n / 2));
      }),
    );
  });
});

describe('offline sync merge', () => {
  const server: ServerItem = { result: 'meets', note: '', version: 3, updatedBy: 'a' };
  const change = (over: Partial<ItemChange> = {}): ItemChange => ({ clientChangeId: 'c1', itemId: 'i1', baseVersion: 3, authorId: 'b', result: 'partly', note: 'thiếu 2 thủ tục', ...over });

  it('applies a change on the current version and bumps it', () => {
    expect(mergeItemChange(server, change(), new Set())).toEqual({ kind: 'applied', item: { result: 'partly', note: 'thiếu 2 thủ tục', version: 4, updatedBy: 'b' } });
  });
  it('ignores a replay', () => {
    expect(mergeItemChange({ ...server, version: 4 }, change(), new Set(['c1']))).toMatchObject({ kind: 'unchanged', reason: 'replay' });
  });
  it('surfaces a stale change with different content as a conflict, never merged', () => {
    const out = mergeItemChange(server, change({ baseVersion: 2 }), new Set());
    expect(out).toEqual({ kind: 'conflict', server, mine: change({ baseVersion: 2 }) });
  });
  it('accepts a stale change that already matches the server', () => {
    expect(mergeItemChange(server, change({ baseVersion: 1, result: 'meets', note: '' }), new Set())).toMatchObject({ kind: 'unchanged', reason: 'same_content' });
  });
  it('never changes the server item unless the base version is current (property)', () => {
    const result = fc.constantFrom(null, ...ITEM_RESULTS);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 12 }), result, result, fc.string({ maxLength: 3 }), fc.boolean(), (v, base, r1, r2, note, replay) => {
        const s: ServerItem = { result: r1, note: '', version: v, updatedBy: 'a' };
        const c = change({ baseVersion: base, result: r2, note });
        const out = mergeItemChange(s, c, new Set(replay ? ['c1'] : []));
        if (out.kind === 'applied') {
          expect(replay).toBe(false);
          expect(base).toBe(v);
          expect(out.item.version).toBe(v + 1);
        } else if (out.kind === 'unchanged') {
          expect(out.item).toBe(s);
        } else {
          expect(base === v).toBe(false);
          // a base above the server's is always a conflict (client bug); a stale one only when contents differ
          if (base < v) expect(r1 === r2 && note === '').toBe(false);
        }
      }),
    );
  });

  it('collapses offline edits of one item, keeping the first base version; photos once each', () => {
    let q: QueuedChange[] = [];
    q = enqueueChange(q, { type: 'item', ...change({ clientChangeId: 'x1', baseVersion: 3, result: 'partly' }) });
    q = enqueueChange(q, { type: 'photo', clientPhotoId: 'p1', itemId: 'i1', fileName: 'a.jpg', authorId: 'b' });
    q = enqueueChange(q, { type: 'item', ...change({ clientChangeId: 'x2', baseVersion: 4, result: 'does_not_meet' }) });
    q = enqueueChange(q, { type: 'photo', clientPhotoId: 'p1', itemId: 'i1', fileName: 'a.jpg', authorId: 'b' });
    q = enqueueChange(q, { type: 'item', ...change({ clientChangeId: 'y1', itemId: 'i2', baseVersion: 0 }) });
    expect(q.map((c) => (c.type === 'item' ? `${c.itemId}@${c.baseVersion}:${c.result}:${c.clientChangeId}` : `photo:${c.clientPhotoId}`))).toEqual(['i1@3:does_not_meet:x2', 'photo:p1', 'i2@0:partly:y1']);
    expect(settleQueue(q, new Set(['x2', 'p1']))).toHaveLength(1);
  });
});

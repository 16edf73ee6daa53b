import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNationalRecord } from './national-record.ts';
import { defaultWorkflow, legalHalfDays, validateWorkflow, workflowHalfDays, type WorkflowStep } from './workflow.ts';

const dir = new URL('../../../data/seed/national-procedures/', import.meta.url);
const records = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseNationalRecord(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));

const allot = (steps: WorkflowStep[]) => steps.map((s) => s.allotmentHalfDays);
const step = (order: number, allotmentHalfDays: number, parallelGroup: number | null = null): WorkflowStep => ({
  order,
  name: `Bước ${order}`,
  role: 'specialist',
  departmentHint: null,
  allotmentHalfDays,
  agency: null,
  parallelGroup,
});
const codes = (r: ReturnType<typeof validateWorkflow>) => (r.ok ? [] : r.errors.map((e) => e.code));

describe('legalHalfDays', () => {
  it('converts each unit', () => {
    expect(legalHalfDays({ amount: 5, unit: 'working_days' })).toBe(10);
    expect(legalHalfDays({ amount: 15, unit: 'days' })).toBe(20);
    expect(legalHalfDays({ amount: 30, unit: 'days' })).toBe(40);
    expect(legalHalfDays({ amount: 8, unit: 'days' })).toBe(10);
    expect(legalHalfDays({ amount: 1, unit: 'days' })).toBe(2);
    expect(legalHalfDays({ amount: 8, unit: 'hours' })).toBe(2);
    expect(legalHalfDays({ amount: 3, unit: 'hours' })).toBe(0);
    expect(legalHalfDays({ amount: 1, unit: 'same_day' })).toBe(0);
    expect(legalHalfDays(null)).toBeNull();
  });

  it('rejects unknown units and negative amounts', () => {
    expect(() => legalHalfDays({ amount: 1, unit: 'OTHER' })).toThrow(RangeError);
    expect(() => legalHalfDays({ amount: -1, unit: 'working_days' })).toThrow(RangeError);
  });
});

describe('defaultWorkflow', () => {
  it('five steps desk → leader → specialist → leader → desk, total = the legal time', () => {
    const wf = defaultWorkflow({ amount: 5, unit: 'working_days' });
    expect(wf.map((s) => s.role)).toEqual(['desk_officer', 'leader', 'specialist', 'leader', 'desk_officer']);
    expect(wf.map((s) => s.order)).toEqual([1, 2, 3, 4, 5]);
    expect(allot(wf)).toEqual([1, 1, 6, 1, 1]);
    expect(wf[0]?.departmentHint).toBe('Bộ phận Một cửa');
    expect(workflowHalfDays(wf)).toBe(10);
  });

  it('scales: 1 working day fits in 2 half-days; long limits give the leader 1 day to approve', () => {
    expect(allot(defaultWorkflow({ amount: 1, unit: 'working_days' }))).toEqual([0, 0, 1, 1, 0]);
    expect(allot(defaultWorkflow({ amount: 2, unit: 'working_days' }))).toEqual([1, 0, 2, 1, 0]);
    expect(allot(defaultWorkflow({ amount: 3, unit: 'working_days' }))).toEqual([1, 1, 3, 1, 0]);
    expect(allot(defaultWorkflow({ amount: 10, unit: 'working_days' }))).toEqual([1, 1, 15, 2, 1]);
    expect(allot(defaultWorkflow({ amount: 30, unit: 'working_days' }))).toEqual([1, 1, 55, 2, 1]);
    expect(allot(defaultWorkflow({ amount: 15, unit: 'days' }))).toEqual([1, 1, 15, 2, 1]);
    expect(allot(defaultWorkflow({ amount: 4, unit: 'hours' }))).toEqual([0, 0, 1, 0, 0]);
  });

  it('no limit, same day and short hours: all allotments 0', () => {
    for (const limit of [null, { amount: 1, unit: 'same_day' }, { amount: 2, unit: 'hours' }]) {
      const wf = defaultWorkflow(limit);
      expect(wf).toHaveLength(5);
      expect(allot(wf)).toEqual([0, 0, 0, 0, 0]);
      expect(validateWorkflow(wf, limit)).toEqual({ ok: true });
    }
  });

  it('fits every channel of every structured seed record, using the whole time when there is one', () => {
    let checked = 0;
    for (const r of records) {
      for (const ch of r.channels) {
        const wf = defaultWorkflow(ch.limit);
        expect(validateWorkflow(wf, ch.limit), `${r.code} ${ch.channel}`).toEqual({ ok: true });
        expect(workflowHalfDays(wf)).toBe(legalHalfDays(ch.limit) ?? 0);
        expect(allot(wf).find((a) => a > 0) === undefined).toBe(ch.limit === null);
        checked++;
      }
    }
    expect(checked).toBe(73); // 23 records × 3 channels + 1.005095 (1) + 1.010038 (2) + 1.010039 (1)
  });

  it('for every working-day limit 1..60: valid, totals match, specialist gets at least half', () => {
    for (let n = 1; n <= 60; n++) {
      const limit = { amount: n, unit: 'working_days' };
      const wf = defaultWorkflow(limit);
      expect(validateWorkflow(wf, limit).ok).toBe(true);
      expect(workflowHalfDays(wf)).toBe(2 * n);
      expect(wf[2]?.allotmentHalfDays ?? 0).toBeGreaterThanOrEqual(n);
    }
  });
});

describe('validateWorkflow', () => {
  const fiveDays = { amount: 5, unit: 'working_days' };

  it('rejects a workflow longer than the legal time, with details', () => {
    const wf = defaultWorkflow(fiveDays);
    wf[2]!.allotmentHalfDays += 1;
    const r = validateWorkflow(wf, fiveDays);
    expect(codes(r)).toEqual(['WORKFLOW_EXCEEDS_LEGAL_TIME']);
    expect(r.ok ? null : r.errors[0]?.details).toEqual({ totalHalfDays: 11, legalHalfDays: 10, limit: fiveDays });
    expect(codes(validateWorkflow([step(1, 1)], { amount: 1, unit: 'same_day' }))).toEqual(['WORKFLOW_EXCEEDS_LEGAL_TIME']);
    expect(codes(validateWorkflow([step(1, 21)], { amount: 15, unit: 'days' }))).toEqual(['WORKFLOW_EXCEEDS_LEGAL_TIME']);
    expect(validateWorkflow([step(1, 500)], null)).toEqual({ ok: true }); // no legal cap
  });

  it('rejects bad allotments (negative, fractional half-days, NaN)', () => {
    expect(codes(validateWorkflow([step(1, -1), step(2, 2)], fiveDays))).toEqual(['WORKFLOW_BAD_ALLOTMENT']);
    expect(codes(validateWorkflow([step(1, 0.5)], fiveDays))).toEqual(['WORKFLOW_BAD_ALLOTMENT']);
    expect(codes(validateWorkflow([step(1, Number.NaN), step(2, 1.5)], fiveDays))).toEqual([
      'WORKFLOW_BAD_ALLOTMENT',
      'WORKFLOW_BAD_ALLOTMENT',
    ]);
  });

  it('rejects empty workflows and bad orders', () => {
    expect(codes(validateWorkflow([], fiveDays))).toEqual(['WORKFLOW_EMPTY']);
    expect(codes(validateWorkflow([step(1, 1), step(1, 1)], fiveDays))).toEqual(['WORKFLOW_BAD_ORDER']);
    expect(codes(validateWorkflow([step(1, 1), step(3, 1)], fiveDays))).toEqual(['WORKFLOW_BAD_ORDER']);
    expect(codes(validateWorkflow([step(0, 1)], fiveDays))).toEqual(['WORKFLOW_BAD_ORDER']);
    expect(codes(validateWorkflow([step(1, 1, 7), step(2, 1), step(3, 1, 7)], fiveDays))).toEqual(['WORKFLOW_BAD_ORDER']);
    expect(validateWorkflow([step(2, 1), step(1, 1)], fiveDays)).toEqual({ ok: true }); // array order is free
  });

  it('counts a parallel group once, by its longest step', () => {
    const wf = [step(1, 1), step(2, 6, 1), step(3, 4, 1), step(4, 2), step(5, 1)];
    expect(workflowHalfDays(wf)).toBe(10);
    expect(validateWorkflow(wf, fiveDays)).toEqual({ ok: true });
    const tooLong = [step(1, 1), step(2, 7, 1), step(3, 4, 1), step(4, 2), step(5, 1)];
    expect(codes(validateWorkflow(tooLong, fiveDays))).toEqual(['WORKFLOW_EXCEEDS_LEGAL_TIME']);
    expect(workflowHalfDays([step(1, 2, 1), step(2, 3, 1), step(3, 4, 2), step(4, 1, 2)])).toBe(7);
  });

  it('throws on an unknown limit unit', () => {
    expect(() => validateWorkflow([step(1, 1)], { amount: 1, unit: 'fortnight' })).toThrow(RangeError);
  });
});

/**
 * Remediation tasks (pure): the dated 15-day default deadline, the state machine (report with evidence, accept,
 * return with a comment, report again), overdue after the deadline day, and the dashboard tally.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay } from '../calendar/dates.ts';
import {
  remediationStatusFromHistory,
  REMEDIATION_ACTIONS,
  REMEDIATION_STATUSES,
  defaultRemediationDeadline,
  isRemediationOverdue,
  remediationTransition,
  tallyRemediation,
  type RemediationDeadlineRule,
} from './remediation.ts';

describe('default deadline', () => {
  it('is 15 days after the notice, from the dated rule', () => {
    expect(defaultRemediationDeadline('2026-10-20')).toEqual({ deadline: '2026-11-04', ruleId: 'khac-phuc-15-ngay' });
    expect(defaultRemediationDeadline('2026-12-25').deadline).toBe('2027-01-09');
  });
  it('follows a new rule version from its start date, and refuses a date no rule covers', () => {
    const rules: RemediationDeadlineRule[] = [
      { id: 'old', validFrom: '2019-01-01', validTo: '2026-12-31', daysAfterNotice: 15, source: 't' },
      { id: 'new', validFrom: '2027-01-01', validTo: null, daysAfterNotice: 30, source: 't' },
    ];
    expect(defaultRemediationDeadline('2026-12-31', rules)).toEqual({ deadline: '2027-01-15', ruleId: 'old' });
    expect(defaultRemediationDeadline('2027-01-01', rules)).toEqual({ deadline: '2027-01-31', ruleId: 'new' });
    expect(() => defaultRemediationDeadline('2018-05-01', rules)).toThrow(RangeError);
  });
});

describe('state machine', () => {
  it('runs open → reported → returned → reported → accepted', () => {
    expect(remediationTransition('open', { action: 'report', evidenceCount: 1 })).toEqual({ ok: true, to: 'reported' });
    expect(remediationTransition('reported', { action: 'return', comment: 'Chưa niêm yết đủ' })).toEqual({ ok: true, to: 'returned' });
    expect(remediationTransition('returned', { action: 'report', evidenceCount: 2 })).toEqual({ ok: true, to: 'reported' });
    expect(remediationTransition('reported', { action: 'accept' })).toEqual({ ok: true, to: 'accepted' });
  });
  it('needs evidence to report and a comment to return', () => {
    expect(remediationTransition('open', { action: 'report', evidenceCount: 0 })).toEqual({ ok: false, error: 'evidence_required' });
    expect(remediationTransition('reported', { action: 'return', comment: '  ' })).toEqual({ ok: false, error: 'comment_required' });
  });
  it('allows exactly the listed transitions (every status × action)', () => {
    const allowed = new Set(['open:report', 'returned:report', 'reported:accept', 'reported:return']);
    for (const s of REMEDIATION_STATUSES) {
      for (const a of REMEDIATION_ACTIONS) {
        const out = remediationTransition(s, { action: a, evidenceCount: 1, comment: 'x' });
        expect(out.ok, `${s}:${a}`).toBe(allowed.has(`${s}:${a}`));
      }
    }
    expect(remediationTransition('accepted', { action: 'report', evidenceCount: 1 })).toEqual({ ok: false, error: 'not_allowed' });
  });
});

describe('overdue and tally', () => {
  it('counts the whole deadline day; reported and accepted tasks are not overdue', () => {
    expect(isRemediationOverdue('open', '2026-11-04', '2026-11-04')).toBe(false);
    expect(isRemediationOverdue('open', '2026-11-04', '2026-11-05')).toBe(true);
    expect(isRemediationOverdue('returned', '2026-11-04', '2026-11-05')).toBe(true);
    expect(isRemediationOverdue('reported', '2026-11-04', '2026-12-01')).toBe(false);
    expect(isRemediationOverdue('accepted', '2026-11-04', '2026-12-01')).toBe(false);
  });
  it('tallies consistently (property)', () => {
    const day = fc.integer({ min: 20000, max: 20100 }).map(fromEpochDay);
    const task = fc.record({ ownerAgencyId: fc.constantFrom('a', 'b', 'c'), status: fc.constantFrom(...REMEDIATION_STATUSES), deadline: day, everReported: fc.boolean() });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 30 }), day, (tasks, today) => {
        const t = tallyRemediation(tasks, today);
        expect(t.open + t.reported + t.accepted).toBe(tasks.length);
        expect(t.overdue).toBe(tasks.filter((x) => isRemediationOverdue(x.status, x.deadline, today)).length);
        expect(t.overdue).toBeLessThanOrEqual(t.open);
        for (const u of t.unitsWithoutReport) expect(tasks.some((x) => x.ownerAgencyId === u && !x.everReported && today > x.deadline)).toBe(true);
        expect(t.unitsWithoutReport).toEqual([...new Set(tasks.filter((x) => !x.everReported && today > x.deadline).map((x) => x.ownerAgencyId))].sort());
      }),
    );
  });
});

describe('status from history', () => {
  it('folds create, report, return, report, accept', () => {
    expect(remediationStatusFromHistory([{ action: 'create' }])).toEqual({ status: 'open', everReported: false });
    const steps = [{ action: 'create' }, { action: 'report', evidenceCount: 1 }, { action: 'return', comment: 'Thiếu ảnh' }, { action: 'deadline' }] as const;
    expect(remediationStatusFromHistory(steps)).toEqual({ status: 'returned', everReported: true });
    expect(remediationStatusFromHistory([...steps, { action: 'report', evidenceCount: 2 }, { action: 'accept' }])).toEqual({ status: 'accepted', everReported: true });
  });
  it('refuses a history that breaks the state machine', () => {
    expect(remediationStatusFromHistory([])).toBeNull();
    expect(remediationStatusFromHistory([{ action: 'report', evidenceCount: 1 }])).toBeNull();
    expect(remediationStatusFromHistory([{ action: 'create' }, { action: 'accept' }])).toBeNull();
    expect(remediationStatusFromHistory([{ action: 'create' }, { action: 'report', evidenceCount: 0 }])).toBeNull();
    expect(remediationStatusFromHistory([{ action: 'create' }, { action: 'create' }])).toBeNull();
  });
});

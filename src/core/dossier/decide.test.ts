import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyTiming, computeDueAt, dueSoonUntil } from '../calendar/deadline.ts';
import { DEFAULT_CALENDAR_POLICIES, POLICY_LABOUR_CODE_2012, POLICY_LABOUR_CODE_2019 } from '../calendar/policies.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import type { TimeLimit } from '../calendar/types.ts';
import { decide, supplementRequestDeadline, type DecisionSnapshot } from './decide.ts';
import { newDossier, type Actor } from './machine.ts';
import { ONESTOP_POLICIES, type OneStopPolicy } from './onestop-policy.ts';
import type { DossierState } from './states.ts';

const cal = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, []);
const policy = ONESTOP_POLICIES[1]!;
const leader: Actor = { userId: 'u-leader', roles: ['leader'], unitId: 'unit' };
const specialist: Actor = { userId: 'u-spec', roles: ['specialist'], unitId: 'unit' };
const desk: Actor = { userId: 'u-desk', roles: ['desk_officer'], unitId: 'unit' };
const at = (s: string) => new Date(`${s}+07:00`);
const limit: TimeLimit = { amount: 5, unit: 'working_days' };

function running(state: DossierState, patch: Partial<DecisionSnapshot> = {}): DecisionSnapshot {
  const receivedAt = at('2026-03-02T09:00:00');
  const dueAt = computeDueAt(receivedAt, limit, cal);
  return { ...newDossier('desk'), state, version: 4, assigneeId: 'u-spec', limit, receivedAt, clockStartedAt: receivedAt, dueAt, originalDueAt: dueAt, finishedAt: null, returnedAt: null, ...patch };
}

describe('decide: the apology guards run with a real context', () => {
  it('reads maxApologies from the pinned one-stop policy', () => {
    const d = running('in_process', { apologiesSent: 1 });
    const input = { newDueAt: '2026-03-12', reasons: ['Cần xác minh'] };
    const once = decide(d, 'apologize', leader, input, cal, policy, { now: at('2026-03-05T09:00:00') });
    expect(once).toMatchObject({ ok: false, code: 'APOLOGY_ALREADY_SENT' });
    const twice: OneStopPolicy = { ...policy, maxApologies: 2 };
    const r = decide(d, 'apologize', leader, input, cal, twice, { now: at('2026-03-05T09:00:00') });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.transition.next.apologiesSent).toBe(2);
      expect(r.clock.apologyDueAt?.toISOString()).toBe(at('2026-03-12T17:00:00').toISOString());
      expect(r.clock.dueAt).toEqual(r.clock.apologyDueAt);
    }
  });

  it('applies validateApology: too late, not later; and refuses when there is no appointment (due null)', () => {
    const d = running('in_process');
    expect(decide(d, 'apologize', leader, { newDueAt: '2026-03-13', reasons: ['x'] }, cal, policy, { now: at('2026-03-09T08:00:00') })).toMatchObject({ ok: false, code: 'APOLOGY_TOO_LATE' });
    expect(decide(d, 'apologize', leader, { newDueAt: '2026-03-09', reasons: ['x'] }, cal, policy, { now: at('2026-03-05T08:00:00') })).toMatchObject({ ok: false, code: 'APOLOGY_DATE_NOT_LATER' });
    const noLimit = running('in_process', { limit: null, dueAt: null, originalDueAt: null });
    expect(decide(noLimit, 'apologize', leader, { newDueAt: '2026-03-13', reasons: ['x'] }, cal, policy, { now: at('2026-03-05T08:00:00') })).toMatchObject({ ok: false, code: 'APOLOGY_WITHOUT_APPOINTMENT' });
  });

  it('a date-only appointment means the due instant of that day under the policy (23:59:59 for end_of_day)', () => {
    const eod = createWorkCalendar([{ ...POLICY_LABOUR_CODE_2012 }, { ...POLICY_LABOUR_CODE_2019, dueTime: 'end_of_day' }], []);
    const d = running('in_process');
    const r = decide(d, 'apologize', leader, { newDueAt: '2026-03-12', reasons: ['x'] }, eod, policy, { now: at('2026-03-05T08:00:00') });
    expect(r.ok && r.clock.dueAt?.toISOString()).toBe(new Date(at('2026-03-12T23:59:59').getTime()).toISOString());
  });
});

describe('decide: clock fields', () => {
  it('pause clears the appointment; supply restarts the full time from the supply', () => {
    const now = at('2026-03-03T09:00:00');
    const p = decide(running('in_process'), 'request_supplement', specialist, { missingItems: ['Tờ khai'] }, cal, policy, { now });
    expect(p.ok && p.clock).toMatchObject({ dueAt: null, pausedAt: now });
    const supplied = at('2026-03-10T10:00:00');
    const s = decide(running('supplement_requested', { dueAt: null, supplementRequests: 1 }), 'supply', desk, {}, cal, policy, { now: supplied });
    expect(s.ok && s.clock.dueAt?.toISOString()).toBe(computeDueAt(supplied, limit, cal).toISOString());
    expect(s.ok && s.clock.restartedAt).toEqual(supplied);
  });

  it('receipt starts the clock, computes the due date and pins the policy', () => {
    const now = at('2026-03-02T09:00:00');
    const r = decide({ ...running('in_process'), ...newDossier('desk'), receivedAt: null, clockStartedAt: null, dueAt: null, originalDueAt: null }, 'receive', desk, {}, cal, policy, { now });
    expect(r.ok && r.clock.dueAt?.toISOString()).toBe(at('2026-03-09T17:00:00').toISOString());
    expect(r.ok && r.pinnedPolicyId).toBe(policy.id);
  });

  it('property: a supplement request is flagged late exactly after the policy deadline', () => {
    const days = fc.integer({ min: 0, max: 20 });
    fc.assert(
      fc.property(days, (n) => {
        const now = new Date(at('2026-03-03T09:00:00').getTime() + n * 86_400_000);
        const r = decide(running('in_process'), 'request_supplement', specialist, { missingItems: ['x'] }, cal, policy, { now });
        if (!r.ok) return false;
        const late = r.consequences.includes('SUPPLEMENT_REQUEST_LATE');
        const deadline = supplementRequestDeadline(at('2026-03-02T09:00:00'), cal, policy);
        return late === formatLocal(now) > deadline;
      }),
    );
  });

  it('a second supplement request needs confirm: true', () => {
    const d = running('in_process', { supplementRequests: 1 });
    const now = at('2026-03-03T09:00:00');
    expect(decide(d, 'request_supplement', specialist, { missingItems: ['x'] }, cal, policy, { now })).toMatchObject({ ok: false, code: 'CONFIRMATION_REQUIRED' });
    const r = decide(d, 'request_supplement', specialist, { missingItems: ['x'], confirm: true }, cal, policy, { now });
    expect(r.ok && r.consequences).toContain('INDEX_COUNTS_LATE');
    expect(decide(d, 'request_supplement', specialist, { missingItems: ['x'] }, cal, policy, { now, preview: true })).toMatchObject({ ok: true, consequences: ['INDEX_COUNTS_LATE'] });
  });
});

function formatLocal(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

describe('dueSoonUntil: the due-soon queue boundary and classifyTiming are one rule', () => {
  it('property: classifyTiming says due_soon exactly when dueAt ≤ dueSoonUntil(now) (open, not overdue)', () => {
    const base = at('2026-01-01T00:00:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 24 * 60 }), fc.integer({ min: 1, max: 20 * 24 * 60 }), (nowMin, aheadMin) => {
        const now = new Date(base + nowMin * 60_000);
        const dueAt = new Date(now.getTime() + aheadMin * 60_000);
        const t = classifyTiming({ dueAt, finishedAt: null, now }, cal);
        const inQueue = dueAt.getTime() <= dueSoonUntil(now, cal).getTime();
        // The domain rule: the due date is within dueSoonWorkingDays working days of today.
        const byDays = cal.workingDaysBetween(formatLocal(now), formatLocal(dueAt)) <= cal.policyAt(formatLocal(now)).dueSoonWorkingDays;
        return (t === 'due_soon') === inQueue && inQueue === byDays;
      }),
      { numRuns: 300 },
    );
  });
});

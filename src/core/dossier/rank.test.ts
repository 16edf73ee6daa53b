import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, type ActionName } from './actions.ts';
import { allowedActions, type Actor, type DossierSnapshot } from './machine.ts';
import { assignmentAllows, atRiskOfBeingLate, planActions, usualSteps, waitingFor, type WaitingFor } from './rank.ts';
import { DOSSIER_STATES, ROLES, TERMINAL_STATES, type DossierState, type Role } from './states.ts';

const TIMINGS = ['not_started', 'paused', 'in_time', 'due_soon', 'overdue', 'early', 'on_time', 'late'] as const;
const EXCEPTIONAL: ActionName[] = ['apologize', 'refuse', 'reject_intake', 'withdraw', 'stop'];

function snap(state: DossierState | null, over: Partial<DossierSnapshot> = {}): DossierSnapshot {
  return { state, channel: 'desk', apologiesSent: 0, supplementRequests: 0, hasElectronicResult: false, paperResult: false, assigneeId: null, version: 3, ...over };
}
const actor = (roles: Role[], userId = 'u-1'): Actor => ({ userId, roles, unitId: 'unit-1' });

const snapshotArb = fc.record({
  state: fc.constantFrom<DossierState | null>(null, ...DOSSIER_STATES),
  channel: fc.constantFrom('desk' as const, 'online' as const, 'postal' as const),
  apologiesSent: fc.integer({ min: 0, max: 2 }),
  supplementRequests: fc.integer({ min: 0, max: 2 }),
  hasElectronicResult: fc.boolean(),
  paperResult: fc.boolean(),
  assigneeId: fc.constantFrom(null, 'u-1', 'u-2'),
  version: fc.integer({ min: 0, max: 50 }),
});
const rolesArb = fc.subarray([...ROLES], { minLength: 0 });
const timingArb = fc.constantFrom(...TIMINGS);

const sortNames = (xs: readonly string[]) => [...xs].sort();

describe('planActions: the allowed actions, ranked', () => {
  it('is a permutation of the allowed actions minus an apology on a dossier not at risk; one primary when any action is left', () => {
    fc.assert(
      fc.property(snapshotArb, rolesArb, timingArb, fc.boolean(), (d, roles, timing, machineAllowed) => {
        const who = actor(roles);
        // Both the machine's answer and an arbitrary list (the plan must not assume how `allowed` was made).
        const allowed = machineAllowed ? allowedActions(d, who) : ACTION_NAMES.filter((_, i) => (i * 7 + d.version) % 3 === 0);
        const plan = planActions(d, who, allowed, { timing });
        const expected = allowed.filter((a) => a !== 'apologize' || timing === 'due_soon');
        expect(sortNames(plan.map((p) => p.action))).toEqual(sortNames(expected));
        expect(plan.filter((p) => p.rank === 'primary').length).toBe(expected.length > 0 ? 1 : 0);
        if (plan.length > 0) expect(plan[0]!.rank).toBe('primary');
        for (const p of plan) expect(p.confirm).toBe(EXCEPTIONAL.includes(p.action));
        // Exceptional actions come after every other one; a usual next step, when allowed, is the primary.
        const firstExceptional = plan.findIndex((p) => p.confirm);
        if (firstExceptional >= 0) expect(plan.slice(firstExceptional).every((p) => p.confirm)).toBe(true);
        const steps = usualSteps(d);
        if (expected.some((a) => steps.includes(a))) expect(steps).toContain(plan[0]!.action);
      }),
      { numRuns: 2000 },
    );
  });

  it('the leader on a dossier awaiting approval: approve first, send back next, stop last and to be confirmed', () => {
    const d = snap('awaiting_approval');
    const leader = actor(['leader']);
    const plan = planActions(d, leader, allowedActions(d, leader), { timing: 'in_time' });
    expect(plan[0]).toEqual({ action: 'approve', rank: 'primary', kind: 'next', confirm: false });
    expect(plan.map((p) => p.action)).toEqual(['approve', 'send_back', 'add_note', 'record_payment', 'attach_document', 'refuse', 'stop']);
    expect(plan.find((p) => p.action === 'stop')).toEqual({ action: 'stop', rank: 'secondary', kind: 'exceptional', confirm: true });
    expect(plan.find((p) => p.action === 'refuse')?.confirm).toBe(true);
  });

  it('offers the apology only when the dossier is due soon (the due-soon rule of the queues)', () => {
    const d = snap('in_process', { assigneeId: 'u-1' });
    const leader = actor(['leader']);
    const allowed = allowedActions(d, leader);
    expect(allowed).toContain('apologize');
    for (const timing of TIMINGS) {
      const offered = planActions(d, leader, allowed, { timing }).some((p) => p.action === 'apologize');
      expect(offered, timing).toBe(timing === 'due_soon');
      expect(atRiskOfBeingLate(timing)).toBe(timing === 'due_soon');
    }
    const apology = planActions(d, leader, allowed, { timing: 'due_soon' }).find((p) => p.action === 'apologize');
    expect(apology).toEqual({ action: 'apologize', rank: 'secondary', kind: 'exceptional', confirm: true });
  });

  it('each state’s usual step is the primary button of the role that takes it', () => {
    const cases: [DossierState, Role, ActionName, Partial<DossierSnapshot>?][] = [
      ['submitted_online', 'desk_officer', 'receive'],
      ['intake_incomplete', 'desk_officer', 'resubmit'],
      ['received', 'desk_officer', 'forward'],
      ['forwarded', 'leader', 'assign'],
      ['assigned', 'specialist', 'start_processing', { assigneeId: 'u-1' }],
      ['in_process', 'specialist', 'propose', { assigneeId: 'u-1' }],
      ['inter_agency', 'specialist', 'return_from_agency', { assigneeId: 'u-1' }],
      ['supplement_requested', 'desk_officer', 'supply'],
      ['awaiting_approval', 'leader', 'approve'],
      ['approved', 'specialist', 'attach_result'],
      ['approved', 'specialist', 'mark_result_ready', { hasElectronicResult: true }],
      ['approved', 'desk_officer', 'mark_result_ready', { paperResult: true }],
      ['result_ready', 'desk_officer', 'return_result'],
      ['refused', 'desk_officer', 'return_result'],
    ];
    for (const [state, role, primary, over] of cases) {
      const d = snap(state, over);
      const who = actor([role]);
      const plan = planActions(d, who, allowedActions(d, who), { timing: 'in_time' });
      expect(plan[0]?.action, `${state} / ${role}`).toBe(primary);
      expect(plan[0]?.kind).toBe('next');
    }
  });

  it('a desk officer on an online submission: receive first, then the completion request, the rejection last with a confirmation', () => {
    const d = snap('submitted_online', { channel: 'online' });
    const desk = actor(['desk_officer']);
    const plan = planActions(d, desk, allowedActions(d, desk), { timing: 'not_started' });
    expect(plan.map((p) => [p.action, p.kind])).toEqual([
      ['receive', 'next'],
      ['request_intake_supplement', 'other'],
      ['add_note', 'record'],
      ['record_payment', 'record'],
      ['attach_document', 'record'],
      ['reject_intake', 'exceptional'],
      ['withdraw', 'exceptional'],
    ]);
  });

  it('no allowed action: an empty plan', () => {
    expect(planActions(snap('returned'), actor(['desk_officer']), [], { timing: 'early' })).toEqual([]);
  });
});

describe('assignmentAllows: a specialist acts on the dossiers assigned to them', () => {
  it('refuses the assignee actions to another specialist, never to a leader, and leaves the others alone', () => {
    const d = snap('in_process', { assigneeId: 'u-2' });
    expect(assignmentAllows(d, actor(['specialist']), 'propose')).toBe(false);
    expect(assignmentAllows(d, actor(['specialist'], 'u-2'), 'propose')).toBe(true);
    expect(assignmentAllows(d, actor(['leader']), 'propose')).toBe(true);
    expect(assignmentAllows(d, actor(['specialist']), 'add_note')).toBe(true);
    expect(assignmentAllows(snap('in_process'), actor(['specialist']), 'refuse')).toBe(true);
  });
});

describe('waitingFor: who can move the dossier on, when the caller cannot', () => {
  // For every active state: a role that cannot take the usual step, and what it is told.
  const EXPECTED: Record<Exclude<DossierState, 'intake_rejected' | 'returned' | 'withdrawn' | 'stopped'>, { who: Role; waiting: WaitingFor }> = {
    submitted_online: { who: 'specialist', waiting: { reason: 'intake', role: 'desk_officer' } },
    intake_incomplete: { who: 'leader', waiting: { reason: 'applicant_completion', role: 'citizen' } },
    received: { who: 'leader', waiting: { reason: 'forwarding', role: 'desk_officer' } },
    forwarded: { who: 'specialist', waiting: { reason: 'assignment', role: 'leader' } },
    assigned: { who: 'desk_officer', waiting: { reason: 'processing', role: 'specialist' } },
    in_process: { who: 'leader', waiting: { reason: 'processing', role: 'specialist' } },
    inter_agency: { who: 'inspector', waiting: { reason: 'agency_answer', role: 'specialist' } },
    supplement_requested: { who: 'specialist', waiting: { reason: 'applicant_supplement', role: 'citizen' } },
    awaiting_approval: { who: 'specialist', waiting: { reason: 'approval', role: 'leader' } },
    approved: { who: 'unit_admin', waiting: { reason: 'result', role: 'specialist' } },
    result_ready: { who: 'specialist', waiting: { reason: 'return_result', role: 'desk_officer' } },
    refused: { who: 'leader', waiting: { reason: 'return_refusal', role: 'desk_officer' } },
  };

  it('every active state names the reason and the role; that role can indeed take the usual step', () => {
    for (const state of DOSSIER_STATES) {
      if (TERMINAL_STATES.has(state)) continue;
      const e = EXPECTED[state as keyof typeof EXPECTED];
      const d = snap(state);
      const who = actor([e.who]);
      expect(waitingFor(d, who, allowedActions(d, who)), state).toEqual(e.waiting);
      // The named role has the step: told to that role, the dossier is not waiting for anyone else.
      const them = actor([e.waiting.role]);
      expect(allowedActions(d, them).some((a) => usualSteps(d).includes(a)), state).toBe(true);
      expect(waitingFor(d, them, allowedActions(d, them)), state).toBeNull();
    }
  });

  it('a specialist on an unassigned dossier is told it waits for the leader’s assignment, though notes stay allowed', () => {
    const d = snap('forwarded');
    const specialist = actor(['specialist']);
    const allowed = allowedActions(d, specialist);
    expect(allowed).toContain('add_note');
    expect(waitingFor(d, specialist, allowed)).toEqual({ reason: 'assignment', role: 'leader' });
  });

  it('a specialist on a dossier assigned to someone else is told so', () => {
    const d = snap('in_process', { assigneeId: 'u-2' });
    const specialist = actor(['specialist']);
    const allowed = allowedActions(d, specialist).filter((a) => assignmentAllows(d, specialist, a));
    expect(allowed).not.toContain('propose');
    expect(waitingFor(d, specialist, allowed)).toEqual({ reason: 'assigned_to_other', role: 'specialist' });
    // The assignee is not waiting for anyone.
    const assignee = actor(['specialist'], 'u-2');
    expect(waitingFor(d, assignee, allowedActions(d, assignee))).toBeNull();
  });

  it('never for a terminal or a new dossier, whoever asks', () => {
    fc.assert(
      fc.property(fc.constantFrom<DossierState | null>(null, ...TERMINAL_STATES), rolesArb, (state, roles) => {
        const d = snap(state);
        expect(waitingFor(d, actor(roles), allowedActions(d, actor(roles)))).toBeNull();
      }),
    );
  });

  it('exactly when the caller cannot take a usual step of an active state', () => {
    fc.assert(
      fc.property(snapshotArb, rolesArb, (d, roles) => {
        const who = actor(roles);
        const allowed = allowedActions(d, who).filter((a) => assignmentAllows(d, who, a));
        const active = d.state !== null && !TERMINAL_STATES.has(d.state);
        const canStep = usualSteps(d).some((s) => allowed.includes(s));
        const w = waitingFor(d, who, allowed);
        expect(w !== null).toBe(active && !canStep);
        if (w) expect(w.role).not.toBe('system');
      }),
      { numRuns: 1000 },
    );
  });
});

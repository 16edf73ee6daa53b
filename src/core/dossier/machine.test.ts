import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, ACTIONS, type ActionName, type ClockEffect, type SlipKind } from './actions.ts';
import type { ActionInput } from './inputs.ts';
import {
  allowedActions,
  newDossier,
  transition,
  type Actor,
  type DossierSnapshot,
  type TransitionOk,
  type TransitionResult,
} from './machine.ts';
import { DOSSIER_STATES, ROLES, type Channel, type DossierState, type Role } from './states.ts';

// ---------------------------------------------------------------------------------------------------------------
// The expected lifecycle, written out independently of actions.ts (the spec the machine is checked against).
// 'new' = the action creates the dossier; 'same' = the dossier stays in its state.
// ---------------------------------------------------------------------------------------------------------------

type From = DossierState | 'new';
type To = DossierState | 'same';

interface Expected {
  from: Partial<Record<From, To>>;
  clock: ClockEffect;
  slip: SlipKind | null;
  roles: Role[];
  requires: string[];
}

const NON_TERMINAL: DossierState[] = [
  'submitted_online',
  'intake_incomplete',
  'received',
  'forwarded',
  'assigned',
  'in_process',
  'inter_agency',
  'supplement_requested',
  'awaiting_approval',
  'approved',
  'result_ready',
  'refused',
];
const CLOCK_RUNNING: DossierState[] = ['received', 'forwarded', 'assigned', 'in_process', 'inter_agency', 'awaiting_approval', 'approved'];
const STAFF: Role[] = ['desk_officer', 'specialist', 'leader'];

const all = (states: DossierState[], to: To): Partial<Record<From, To>> => Object.fromEntries(states.map((s) => [s, to]));

const EXPECTED: Record<ActionName, Expected> = {
  submit_online: { from: { new: 'submitted_online' }, clock: 'none', slip: null, roles: ['citizen', 'system'], requires: [] },
  receive: {
    from: { new: 'received', submitted_online: 'received' },
    clock: 'start',
    slip: 'receipt',
    roles: ['desk_officer'],
    requires: [],
  },
  request_intake_supplement: {
    from: { new: 'intake_incomplete', submitted_online: 'intake_incomplete' },
    clock: 'none',
    slip: 'supplement_request',
    roles: ['desk_officer'],
    requires: ['missingItems'],
  },
  resubmit: {
    from: { intake_incomplete: 'submitted_online' },
    clock: 'none',
    slip: null,
    roles: ['citizen', 'desk_officer'],
    requires: [],
  },
  reject_intake: {
    from: { new: 'intake_rejected', submitted_online: 'intake_rejected' },
    clock: 'none',
    slip: 'refusal',
    roles: ['desk_officer'],
    requires: ['reasons'],
  },
  forward: { from: { received: 'forwarded' }, clock: 'none', slip: null, roles: ['desk_officer', 'system'], requires: [] },
  assign: {
    from: { forwarded: 'assigned', assigned: 'assigned', in_process: 'same', supplement_requested: 'same' },
    clock: 'none',
    slip: null,
    roles: ['leader'],
    requires: ['assigneeId'],
  },
  start_processing: { from: { assigned: 'in_process' }, clock: 'none', slip: null, roles: ['specialist'], requires: [] },
  request_supplement: {
    from: { assigned: 'supplement_requested', in_process: 'supplement_requested' },
    clock: 'pause',
    slip: 'supplement_request',
    roles: ['specialist', 'leader'],
    requires: ['missingItems'],
  },
  supply: {
    from: { supplement_requested: 'in_process' },
    clock: 'restart',
    slip: null,
    roles: ['citizen', 'desk_officer'],
    requires: [],
  },
  transfer: {
    from: { in_process: 'inter_agency', inter_agency: 'same' },
    clock: 'none',
    slip: 'transfer_note',
    roles: ['specialist', 'leader'],
    requires: ['targetAgency', 'task', 'deadline'],
  },
  return_from_agency: {
    from: { inter_agency: 'in_process' },
    clock: 'none',
    slip: null,
    roles: ['specialist', 'leader', 'desk_officer', 'system'],
    requires: [],
  },
  propose: { from: { in_process: 'awaiting_approval' }, clock: 'none', slip: null, roles: ['specialist'], requires: [] },
  send_back: { from: { awaiting_approval: 'in_process' }, clock: 'none', slip: null, roles: ['leader'], requires: ['note'] },
  approve: { from: { awaiting_approval: 'approved' }, clock: 'none', slip: null, roles: ['leader'], requires: [] },
  attach_result: {
    from: { approved: 'same', result_ready: 'same' },
    clock: 'none',
    slip: null,
    roles: ['specialist', 'leader', 'desk_officer'],
    requires: ['attachments'],
  },
  mark_result_ready: {
    from: { approved: 'result_ready' },
    clock: 'finish',
    slip: null,
    roles: ['specialist', 'leader', 'desk_officer'],
    requires: [],
  },
  refuse: {
    from: all(['assigned', 'in_process', 'awaiting_approval', 'inter_agency'], 'refused'),
    clock: 'finish',
    slip: 'refusal',
    roles: ['specialist', 'leader'],
    requires: ['reasons'],
  },
  apologize: {
    from: all(CLOCK_RUNNING, 'same'),
    clock: 'reappoint',
    slip: 'apology',
    roles: ['leader', 'specialist', 'desk_officer'],
    requires: ['newDueAt', 'reasons'],
  },
  return_result: {
    from: { result_ready: 'returned', refused: 'returned' },
    clock: 'none',
    slip: null,
    roles: ['desk_officer', 'system'],
    requires: ['returnMethod'],
  },
  withdraw: {
    from: all(
      NON_TERMINAL.filter((s) => s !== 'result_ready' && s !== 'refused'),
      'withdrawn',
    ),
    clock: 'finish',
    slip: null,
    roles: ['citizen', 'desk_officer'],
    requires: ['reasons'],
  },
  stop: {
    from: all(
      ['received', 'forwarded', 'assigned', 'in_process', 'inter_agency', 'supplement_requested', 'awaiting_approval'],
      'stopped',
    ),
    clock: 'finish',
    slip: 'stop_notice',
    roles: ['leader'],
    requires: ['reasons'],
  },
  add_note: { from: all(NON_TERMINAL, 'same'), clock: 'none', slip: null, roles: STAFF, requires: ['note'] },
  record_payment: {
    from: all(NON_TERMINAL, 'same'),
    clock: 'none',
    slip: null,
    roles: [...STAFF, 'system'],
    requires: ['amount', 'paymentMethod'],
  },
  attach_document: { from: all(NON_TERMINAL, 'same'), clock: 'none', slip: null, roles: STAFF, requires: ['attachments'] },
  record_field_check: {
    from: { assigned: 'same', in_process: 'same' },
    clock: 'none',
    slip: null,
    roles: ['specialist', 'leader'],
    requires: ['note'],
  },
};

/** A valid input for each action (passes every input guard on SNAP below). */
const VALID: Record<ActionName, ActionInput> = {
  submit_online: {},
  receive: { note: 'Đủ thành phần', attachments: ['scan-1'] },
  request_intake_supplement: { missingItems: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'] },
  resubmit: {},
  reject_intake: { reasons: ['Không thuộc thẩm quyền'], competentBody: 'UBND phường Rạch Giá' },
  forward: {},
  assign: { assigneeId: 'u-spec-2' },
  start_processing: {},
  request_supplement: { missingItems: ['Bản vẽ hiện trạng'] },
  supply: { attachments: ['scan-2'] },
  transfer: { targetAgency: '000.00.15.H56', task: 'Xác định nghĩa vụ tài chính', deadline: '2026-09-25' },
  return_from_agency: { fromAgency: '000.00.15.H56' },
  propose: {},
  send_back: { note: 'Bổ sung ý kiến thẩm định' },
  approve: {},
  attach_result: { attachments: ['result-1'] },
  mark_result_ready: {},
  refuse: { reasons: ['Không đủ điều kiện'] },
  apologize: { newDueAt: '2026-09-30', reasons: ['Chờ ý kiến cơ quan phối hợp'] },
  return_result: { returnMethod: 'online' },
  withdraw: { reasons: ['Người nộp xin rút'] },
  stop: { reasons: ['Quá hạn bổ sung'] },
  add_note: { note: 'Đã gọi điện hướng dẫn' },
  record_payment: { amount: 50_000, paymentMethod: 'online', reference: 'TXN-1' },
  attach_document: { attachments: ['doc-1'] },
  record_field_check: { note: 'Hiện trạng đúng hồ sơ', attachments: ['minutes-1'] },
};

const ALL_ROLES_ACTOR: Actor = { userId: 'u-all', roles: [...ROLES], unitId: 'unit-1' };
const as = (role: Role, userId = `u-${role}`): Actor => ({ userId, roles: [role], unitId: 'unit-1' });

function snap(state: DossierState | null, over: Partial<DossierSnapshot> = {}): DossierSnapshot {
  return {
    state,
    channel: 'online',
    apologiesSent: 0,
    supplementRequests: 0,
    hasElectronicResult: true,
    paperResult: false,
    assigneeId: state === null || state === 'forwarded' ? null : 'u-spec-1',
    version: 3,
    ...over,
  };
}

/** A snapshot in `from` fit for `action` (creation channel chosen to suit). */
function snapFor(action: ActionName, from: From): DossierSnapshot {
  if (from !== 'new') return snap(from);
  const channel: Channel = action === 'submit_online' ? 'online' : 'desk';
  return snap(null, { channel });
}

function expectOk(r: TransitionResult): TransitionOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r;
}

function expectFail(r: TransitionResult, code: string): void {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.code).toBe(code);
}

const FROMS: From[] = ['new', ...DOSSIER_STATES];
const TERMINAL: DossierState[] = ['intake_rejected', 'returned', 'withdrawn', 'stopped'];

describe('action table matches the specification', () => {
  it('has exactly the expected actions', () => {
    expect([...ACTION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(ACTION_NAMES)('%s declares the expected roles and required fields', (a) => {
    expect([...ACTIONS[a].roles].sort()).toEqual([...EXPECTED[a].roles].sort());
    expect([...ACTIONS[a].requires].sort()).toEqual([...EXPECTED[a].requires].sort());
  });
});

describe('every (state × action) pair', () => {
  const cases = ACTION_NAMES.flatMap((a) => FROMS.map((f) => [a, f] as const));
  it(`covers ${ACTION_NAMES.length} actions × ${FROMS.length} states`, () => {
    expect(cases).toHaveLength(26 * 17);
  });

  it.each(cases)('%s from %s', (action, from) => {
    const exp = EXPECTED[action];
    const expectedTo = exp.from[from];
    const d = snapFor(action, from);
    const r = transition(d, action, ALL_ROLES_ACTOR, VALID[action]);
    if (expectedTo === undefined) {
      expectFail(r, from !== 'new' && TERMINAL.includes(from) ? 'TERMINAL_STATE' : 'ACTION_NOT_ALLOWED_IN_STATE');
      return;
    }
    const ok = expectOk(r);
    const to = expectedTo === 'same' ? from : expectedTo;
    expect(ok.to).toBe(to);
    expect(ok.from).toBe(from === 'new' ? null : from);
    expect(ok.next.state).toBe(to);
    expect(ok.stateChanged).toBe(ok.from !== to);
    expect(ok.next.version).toBe(d.version + 1);
    expect(ok.slip).toBe(exp.slip);
    const clockStarted = from !== 'new' && from !== 'submitted_online' && from !== 'intake_incomplete';
    const expectedClock = ['pause', 'reappoint', 'finish'].includes(exp.clock) && !clockStarted ? 'none' : exp.clock;
    expect(ok.clock).toBe(expectedClock);
    expect(ok.issuesCode).toBe(action === 'receive');
  });
});

describe('every action × role', () => {
  const cases = ACTION_NAMES.flatMap((a) => ROLES.map((r) => [a, r] as const));
  it.each(cases)('%s by %s', (action, role) => {
    const from = Object.keys(EXPECTED[action].from)[0] as From;
    const r = transition(snapFor(action, from), action, as(role), VALID[action]);
    if (EXPECTED[action].roles.includes(role)) {
      expect(expectOk(r).actingRole).toBe(role);
    } else {
      expectFail(r, 'ROLE_NOT_ALLOWED');
    }
  });

  it('records the first allowed role of the action when the actor has several', () => {
    const r = transition(snap('approved'), 'mark_result_ready', { userId: 'u', roles: ['desk_officer', 'leader'], unitId: 'x' }, {});
    expect(expectOk(r).actingRole).toBe('leader');
  });

  it('the system may return a result online only', () => {
    expectOk(transition(snap('result_ready'), 'return_result', as('system'), { returnMethod: 'online' }));
    expectFail(transition(snap('result_ready'), 'return_result', as('system'), { returnMethod: 'postal', trackingNumber: 'EV1', postalAddress: '12 Trần Hưng Đạo, Pleiku' }), 'ROLE_NOT_ALLOWED');
    expectFail(transition(snap('refused'), 'return_result', as('system'), { returnMethod: 'desk', collectedBy: 'A' }), 'ROLE_NOT_ALLOWED');
  });

  it('an actor with no role can do nothing', () => {
    expectFail(transition(snap('received'), 'forward', { userId: 'u', roles: [], unitId: 'x' }, {}), 'ROLE_NOT_ALLOWED');
  });
});

describe('creation channel', () => {
  it('only online dossiers are submitted online', () => {
    expectOk(transition(snap(null, { channel: 'online' }), 'submit_online', as('citizen'), {}));
    expectFail(transition(snap(null, { channel: 'desk' }), 'submit_online', as('citizen'), {}), 'CHANNEL_NOT_ALLOWED');
    expectFail(transition(snap(null, { channel: 'postal' }), 'submit_online', as('citizen'), {}), 'CHANNEL_NOT_ALLOWED');
  });

  it.each(['receive', 'request_intake_supplement', 'reject_intake'] as const)('%s creates desk and postal dossiers, not online ones', (a) => {
    expectOk(transition(snap(null, { channel: 'desk' }), a, as('desk_officer'), VALID[a]));
    expectOk(transition(snap(null, { channel: 'postal' }), a, as('desk_officer'), VALID[a]));
    expectFail(transition(snap(null, { channel: 'online' }), a, as('desk_officer'), VALID[a]), 'CHANNEL_NOT_ALLOWED');
  });

  it('the channel does not matter once the dossier exists', () => {
    expectOk(transition(snap('submitted_online', { channel: 'desk' }), 'receive', as('desk_officer'), {}));
  });
});

describe('input guards', () => {
  const requiredCases = ACTION_NAMES.flatMap((a) => EXPECTED[a].requires.map((f) => [a, f] as const));
  it.each(requiredCases)('%s without %s fails with INPUT_REQUIRED', (action, field) => {
    const from = Object.keys(EXPECTED[action].from)[0] as From;
    const input: Record<string, unknown> = { ...VALID[action] };
    delete input[field];
    const r = transition(snapFor(action, from), action, ALL_ROLES_ACTOR, input as ActionInput);
    expectFail(r, 'INPUT_REQUIRED');
    if (!r.ok) expect(r.details?.fields).toContain(field);
  });

  it.each([
    ['request_intake_supplement', { missingItems: [] }, 'missingItems'],
    ['request_supplement', { missingItems: ['  '] }, 'missingItems'],
    ['reject_intake', { reasons: [] }, 'reasons'],
    ['refuse', { reasons: [''] }, 'reasons'],
    ['assign', { assigneeId: '   ' }, 'assigneeId'],
    ['send_back', { note: '' }, 'note'],
    ['attach_result', { attachments: [] }, 'attachments'],
  ] as const)('%s with a blank or empty %j fails with INPUT_REQUIRED', (action, input, field) => {
    const from = Object.keys(EXPECTED[action].from)[0] as From;
    const r = transition(snapFor(action, from), action, ALL_ROLES_ACTOR, input as ActionInput);
    expectFail(r, 'INPUT_REQUIRED');
    if (!r.ok) expect(r.details?.fields).toEqual([field]);
  });

  it.each([
    ['transfer', { ...VALID.transfer, deadline: 'next week' }, 'deadline'],
    ['apologize', { ...VALID.apologize, newDueAt: '2026-02-30' }, 'newDueAt'],
    ['return_result', { returnMethod: 'fax' }, 'returnMethod'],
    ['record_payment', { amount: -5, paymentMethod: 'online' }, 'amount'],
    ['record_payment', { amount: 1.5, paymentMethod: 'online' }, 'amount'],
    ['record_payment', { amount: 1000, paymentMethod: 'cash' }, 'paymentMethod'],
    ['assign', { assigneeId: 42 }, 'assigneeId'],
  ] as const)('%s with %j fails with INPUT_INVALID', (action, input, field) => {
    const from = Object.keys(EXPECTED[action].from)[0] as From;
    const r = transition(snapFor(action, from), action, ALL_ROLES_ACTOR, input as unknown as ActionInput);
    expectFail(r, 'INPUT_INVALID');
    if (!r.ok) expect(r.details?.fields).toEqual([field]);
  });

  it('accepts an instant with an offset as a date', () => {
    const r = transition(snap('in_process'), 'apologize', as('leader'), { newDueAt: '2026-09-30T17:00:00+07:00', reasons: ['x'] });
    expect(expectOk(r).data.newDueAt).toBe('2026-09-30T17:00:00+07:00');
  });

  it('normalises the input: trims strings and drops unknown fields', () => {
    const input = { note: '  ghi chú  ', bogus: 1 } as unknown as ActionInput;
    const ok = expectOk(transition(snap('received'), 'add_note', as('desk_officer'), input));
    expect(ok.data).toEqual({ note: 'ghi chú' });
  });

  it('the intake supplement request must list the missing items (all of them, once)', () => {
    const ok = expectOk(
      transition(snap('submitted_online'), 'request_intake_supplement', as('desk_officer'), { missingItems: ['A', 'B', 'C'] }),
    );
    expect(ok.data.missingItems).toEqual(['A', 'B', 'C']);
    expect(ok.next.supplementRequests).toBe(0);
  });

  describe('return_result', () => {
    const desk = as('desk_officer');
    it('at the desk needs who collected it', () => {
      const r = transition(snap('result_ready'), 'return_result', desk, { returnMethod: 'desk' });
      expectFail(r, 'INPUT_REQUIRED');
      if (!r.ok) expect(r.details?.fields).toEqual(['collectedBy']);
      expectOk(transition(snap('result_ready'), 'return_result', desk, { returnMethod: 'desk', collectedBy: 'Nguyễn Văn A' }));
    });

    it('to a proxy needs the authorisation', () => {
      const r = transition(snap('result_ready'), 'return_result', desk, { returnMethod: 'desk', collectedBy: 'Trần B', byProxy: true });
      expectFail(r, 'INPUT_REQUIRED');
      if (!r.ok) expect(r.details?.fields).toEqual(['authorisationNote']);
      expectOk(
        transition(snap('result_ready'), 'return_result', desk, {
          returnMethod: 'desk',
          collectedBy: 'Trần B',
          byProxy: true,
          authorisationNote: 'Giấy ủy quyền số 12/UQ',
        }),
      );
    });

    it('by post needs a tracking number and the address it was sent to', () => {
      const r = transition(snap('result_ready'), 'return_result', desk, { returnMethod: 'postal' });
      expectFail(r, 'INPUT_REQUIRED');
      if (!r.ok) expect(r.details?.fields).toEqual(['trackingNumber', 'postalAddress']);
      expectOk(transition(snap('result_ready'), 'return_result', desk, { returnMethod: 'postal', trackingNumber: 'EV123456789VN', postalAddress: '12 Trần Hưng Đạo, Pleiku' }));
    });

    it('online needs an electronic result, except for a refusal', () => {
      const paperOnly = { hasElectronicResult: false, paperResult: true };
      expectFail(transition(snap('result_ready', paperOnly), 'return_result', desk, { returnMethod: 'online' }), 'ELECTRONIC_RESULT_REQUIRED');
      expectOk(transition(snap('refused', { hasElectronicResult: false }), 'return_result', desk, { returnMethod: 'online' }));
    });
  });

  describe('assign', () => {
    it('records the assignee', () => {
      const ok = expectOk(transition(snap('forwarded'), 'assign', as('leader'), { assigneeId: 'u-spec-9' }));
      expect(ok.next.assigneeId).toBe('u-spec-9');
    });

    it('reassigning keeps the state and needs a different officer', () => {
      const d = snap('in_process', { assigneeId: 'u-spec-1' });
      expectFail(transition(d, 'assign', as('leader'), { assigneeId: 'u-spec-1' }), 'SAME_ASSIGNEE');
      const ok = expectOk(transition(d, 'assign', as('leader'), { assigneeId: 'u-spec-2' }));
      expect(ok.to).toBe('in_process');
      expect(ok.stateChanged).toBe(false);
      expect(ok.next.assigneeId).toBe('u-spec-2');
    });
  });
});

describe('apology', () => {
  const leader = as('leader');
  it('may be sent only once', () => {
    const first = expectOk(transition(snap('in_process'), 'apologize', leader, VALID.apologize));
    expect(first.next.apologiesSent).toBe(1);
    expect(first.clock).toBe('reappoint');
    expect(first.slip).toBe('apology');
    const again = transition(first.next, 'apologize', leader, VALID.apologize);
    expectFail(again, 'APOLOGY_ALREADY_SENT');
    expect(allowedActions(first.next, leader)).not.toContain('apologize');
    expect(allowedActions(snap('in_process'), leader)).toContain('apologize');
  });

  it('follows the policy limit when the guard context gives one', () => {
    const once = snap('in_process', { apologiesSent: 1 });
    expectOk(transition(once, 'apologize', leader, VALID.apologize, { maxApologies: 2 }));
    expect(allowedActions(once, leader, { maxApologies: 2 })).toContain('apologize');
    expectFail(transition(snap('in_process', { apologiesSent: 2 }), 'apologize', leader, VALID.apologize, { maxApologies: 2 }), 'APOLOGY_ALREADY_SENT');
  });

  it('applies the calendar checks passed in the guard context', () => {
    const d = snap('inter_agency');
    expectFail(transition(d, 'apologize', leader, VALID.apologize, { apologyInTime: false }), 'APOLOGY_TOO_LATE');
    expectFail(transition(d, 'apologize', leader, VALID.apologize, { newDueAtIsLater: false }), 'APOLOGY_DATE_NOT_LATER');
    expectOk(transition(d, 'apologize', leader, VALID.apologize, { apologyInTime: true, newDueAtIsLater: true }));
  });

  it('is not possible while the clock is paused or finished', () => {
    expectFail(transition(snap('supplement_requested'), 'apologize', leader, VALID.apologize), 'ACTION_NOT_ALLOWED_IN_STATE');
    expectFail(transition(snap('result_ready'), 'apologize', leader, VALID.apologize), 'ACTION_NOT_ALLOWED_IN_STATE');
  });
});

describe('result ready', () => {
  const leader = as('leader');
  it('fails without an electronic or paper result', () => {
    const d = snap('approved', { hasElectronicResult: false, paperResult: false });
    expectFail(transition(d, 'mark_result_ready', leader, {}), 'RESULT_MISSING');
    expectFail(transition(d, 'mark_result_ready', leader, { paperResult: false }), 'RESULT_MISSING');
  });

  it('succeeds with a declared paper result', () => {
    const d = snap('approved', { hasElectronicResult: false });
    const ok = expectOk(transition(d, 'mark_result_ready', leader, { paperResult: true }));
    expect(ok.next.paperResult).toBe(true);
    expect(ok.clock).toBe('finish');
    expectOk(transition(snap('approved', { hasElectronicResult: false, paperResult: true }), 'mark_result_ready', leader, {}));
  });

  it('succeeds after an electronic result is attached', () => {
    const d = snap('approved', { hasElectronicResult: false });
    const attached = expectOk(transition(d, 'attach_result', as('specialist'), { attachments: ['r-1'] }));
    expect(attached.next.hasElectronicResult).toBe(true);
    expect(attached.to).toBe('approved');
    expectOk(transition(attached.next, 'mark_result_ready', leader, {}));
  });
});

describe('clock', () => {
  it('a withdrawal before receipt has no clock effect; after receipt it finishes the clock', () => {
    expect(expectOk(transition(snap('submitted_online'), 'withdraw', as('citizen'), VALID.withdraw)).clock).toBe('none');
    expect(expectOk(transition(snap('intake_incomplete'), 'withdraw', as('citizen'), VALID.withdraw)).clock).toBe('none');
    expect(expectOk(transition(snap('supplement_requested'), 'withdraw', as('citizen'), VALID.withdraw)).clock).toBe('finish');
  });

  it('counts processing supplement requests (not intake ones)', () => {
    const ok = expectOk(transition(snap('in_process', { supplementRequests: 1 }), 'request_supplement', as('specialist'), VALID.request_supplement));
    expect(ok.next.supplementRequests).toBe(2);
    expect(ok.clock).toBe('pause');
  });
});

describe('unknown action', () => {
  it('fails with UNKNOWN_ACTION', () => {
    expectFail(transition(snap('received'), 'fly' as ActionName, ALL_ROLES_ACTOR, {}), 'UNKNOWN_ACTION');
  });
});

describe('allowedActions', () => {
  it('agrees with transition for every state and single-role actor', () => {
    let checked = 0;
    for (const from of FROMS) {
      for (const role of ROLES) {
        const actor = as(role);
        const allowed = allowedActions(snapFor('receive', from), actor);
        for (const a of ACTION_NAMES) {
          const d = snapFor(a, from);
          const listed = allowedActions(d, actor).includes(a);
          expect(listed, `${a} from ${from} by ${role}`).toBe(transition(d, a, actor, VALID[a]).ok);
          checked++;
        }
        if (from !== 'new') expect(allowed.every((a) => EXPECTED[a].from[from] !== undefined)).toBe(true);
      }
    }
    expect(checked).toBe(FROMS.length * ROLES.length * ACTION_NAMES.length);
  });

  it('shows the desk officer the intake choices for a new desk dossier', () => {
    expect(allowedActions(newDossier('desk'), as('desk_officer'))).toEqual(['receive', 'request_intake_supplement', 'reject_intake']);
  });

  it('shows the citizen only submission for a new online dossier', () => {
    expect(allowedActions(newDossier('online'), as('citizen'))).toEqual(['submit_online']);
    expect(allowedActions(newDossier('online'), as('desk_officer'))).toEqual([]);
  });

  it('shows the citizen supply and withdraw while a supplement is requested', () => {
    expect(allowedActions(snap('supplement_requested'), as('citizen'))).toEqual(['supply', 'withdraw']);
  });

  it('shows nothing on a closed dossier', () => {
    for (const s of TERMINAL) expect(allowedActions(snap(s), ALL_ROLES_ACTOR)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Happy paths, chaining the snapshots the machine returns.
// ---------------------------------------------------------------------------------------------------------------

type Step = [ActionName, Actor, ActionInput?];

function run(start: DossierSnapshot, steps: Step[]): TransitionOk[] {
  const out: TransitionOk[] = [];
  let d = start;
  for (const [action, actor, input] of steps) {
    const r = transition(d, action, actor, input ?? {});
    if (!r.ok) throw new Error(`${action} from ${d.state}: ${r.code} ${r.message}`);
    out.push(r);
    d = r.next;
  }
  return out;
}

const desk = as('desk_officer', 'u-desk');
const leader = as('leader', 'u-lead');
const spec = as('specialist', 'u-spec-1');
const citizen = as('citizen', 'u-cit');
const system = as('system', 'system');

describe('happy paths', () => {
  it('desk: receipt to return, with a supplement', () => {
    const rs = run(newDossier('desk'), [
      ['receive', desk],
      ['forward', desk],
      ['assign', leader, { assigneeId: 'u-spec-1' }],
      ['start_processing', spec],
      ['request_supplement', spec, { missingItems: ['Bản sao giấy chứng nhận'] }],
      ['supply', desk, { attachments: ['scan-9'] }],
      ['propose', spec],
      ['approve', leader],
      ['attach_result', spec, { attachments: ['result-1'] }],
      ['mark_result_ready', desk],
      ['return_result', desk, { returnMethod: 'desk', collectedBy: 'Nguyễn Văn A' }],
    ]);
    expect(rs.map((r) => r.to)).toEqual([
      'received',
      'forwarded',
      'assigned',
      'in_process',
      'supplement_requested',
      'in_process',
      'awaiting_approval',
      'approved',
      'approved',
      'result_ready',
      'returned',
    ]);
    expect(rs.map((r) => r.clock)).toEqual(['start', 'none', 'none', 'none', 'pause', 'restart', 'none', 'none', 'none', 'finish', 'none']);
    expect(rs.map((r) => r.slip).filter((s) => s !== null)).toEqual(['receipt', 'supplement_request']);
    const last = rs.at(-1)!.next;
    expect(last).toMatchObject({ state: 'returned', supplementRequests: 1, hasElectronicResult: true, assigneeId: 'u-spec-1', version: 11 });
    expect(allowedActions(last, desk)).toEqual([]);
  });

  it('online: intake supplement, resubmission, inter-agency, send back, online return', () => {
    const rs = run(newDossier('online'), [
      ['submit_online', citizen],
      ['request_intake_supplement', desk, { missingItems: ['Ảnh chân dung', 'Tờ khai'] }],
      ['resubmit', citizen, { attachments: ['f-1', 'f-2'] }],
      ['receive', desk],
      ['forward', system],
      ['assign', leader, { assigneeId: 'u-spec-1' }],
      ['start_processing', spec],
      ['transfer', spec, { targetAgency: '000.00.15.H56', task: 'Xác định nghĩa vụ thuế', deadline: '2026-09-25' }],
      ['return_from_agency', system, { fromAgency: '000.00.15.H56' }],
      ['propose', spec],
      ['send_back', leader, { note: 'Sửa dự thảo' }],
      ['propose', spec],
      ['approve', leader],
      ['attach_result', leader, { attachments: ['result-1'] }],
      ['mark_result_ready', spec],
      ['record_payment', system, { amount: 100_000, paymentMethod: 'online' }],
      ['return_result', system, { returnMethod: 'online' }],
    ]);
    expect(rs.map((r) => r.to)).toEqual([
      'submitted_online',
      'intake_incomplete',
      'submitted_online',
      'received',
      'forwarded',
      'assigned',
      'in_process',
      'inter_agency',
      'in_process',
      'awaiting_approval',
      'in_process',
      'awaiting_approval',
      'approved',
      'approved',
      'result_ready',
      'result_ready',
      'returned',
    ]);
    expect(rs.map((r) => r.slip).filter((s) => s !== null)).toEqual(['supplement_request', 'receipt', 'transfer_note']);
    expect(rs.filter((r) => r.clock !== 'none').map((r) => [r.action, r.clock])).toEqual([
      ['receive', 'start'],
      ['mark_result_ready', 'finish'],
    ]);
    expect(rs.filter((r) => r.issuesCode).map((r) => r.action)).toEqual(['receive']);
    expect(rs.at(-1)!.next.supplementRequests).toBe(0);
  });

  it('refusal: refused during processing, the notice returned by post', () => {
    const rs = run(newDossier('postal'), [
      ['receive', desk],
      ['forward', desk],
      ['assign', leader, { assigneeId: 'u-spec-1' }],
      ['start_processing', spec],
      ['record_field_check', spec, { note: 'Hiện trạng khác hồ sơ' }],
      ['refuse', leader, { reasons: ['Không đủ điều kiện cấp phép'] }],
      ['return_result', desk, { returnMethod: 'postal', trackingNumber: 'EV123456789VN', postalAddress: '12 Trần Hưng Đạo, Pleiku' }],
    ]);
    expect(rs.map((r) => [r.to, r.clock, r.slip])).toEqual([
      ['received', 'start', 'receipt'],
      ['forwarded', 'none', null],
      ['assigned', 'none', null],
      ['in_process', 'none', null],
      ['in_process', 'none', null],
      ['refused', 'finish', 'refusal'],
      ['returned', 'none', null],
    ]);
  });

  it('intake rejection at the desk closes the dossier at once', () => {
    const [r] = run(newDossier('desk'), [['reject_intake', desk, { reasons: ['Không thuộc thẩm quyền'] }]]);
    expect(r).toMatchObject({ from: null, to: 'intake_rejected', slip: 'refusal', clock: 'none', issuesCode: false });
    expectFail(transition(r!.next, 'add_note', desk, { note: 'x' }), 'TERMINAL_STATE');
  });

  it('withdrawal: before receipt and while a supplement is awaited', () => {
    const early = run(newDossier('online'), [
      ['submit_online', citizen],
      ['withdraw', citizen, { reasons: ['Nộp nhầm thủ tục'] }],
    ]);
    expect(early.map((r) => [r.to, r.clock])).toEqual([
      ['submitted_online', 'none'],
      ['withdrawn', 'none'],
    ]);
    const late = run(newDossier('desk'), [
      ['receive', desk],
      ['forward', desk],
      ['assign', leader, { assigneeId: 'u-spec-1' }],
      ['request_supplement', spec, { missingItems: ['Sơ đồ thửa đất'] }],
      ['withdraw', desk, { reasons: ['Người nộp xin rút'] }],
    ]);
    expect(late.map((r) => r.to)).toEqual(['received', 'forwarded', 'assigned', 'supplement_requested', 'withdrawn']);
    expect(late.at(-1)!.clock).toBe('finish');
  });

  it('stop: a leader stops processing with a notice', () => {
    const rs = run(newDossier('desk'), [
      ['receive', desk],
      ['forward', desk],
      ['assign', leader, { assigneeId: 'u-spec-1' }],
      ['request_supplement', spec, { missingItems: ['Giấy phép'] }],
      ['stop', leader, { reasons: ['Quá thời hạn bổ sung'] }],
    ]);
    expect(rs.at(-1)).toMatchObject({ to: 'stopped', clock: 'finish', slip: 'stop_notice' });
  });

  it('late dossier: an apology with a new date, then the result', () => {
    const rs = run(newDossier('desk'), [
      ['receive', desk],
      ['forward', desk],
      ['assign', leader, { assigneeId: 'u-spec-1' }],
      ['start_processing', spec],
      ['apologize', leader, { newDueAt: '2026-10-02', reasons: ['Chờ kết quả đo đạc'] }],
      ['propose', spec],
      ['approve', leader],
      ['mark_result_ready', desk, { paperResult: true }],
      ['return_result', desk, { returnMethod: 'desk', collectedBy: 'Lê C' }],
    ]);
    expect(rs.map((r) => r.slip).filter((s) => s !== null)).toEqual(['receipt', 'apology']);
    expect(rs.at(-1)!.next).toMatchObject({ state: 'returned', apologiesSent: 1, paperResult: true, hasElectronicResult: false });
  });
});

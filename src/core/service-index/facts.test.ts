import { describe, expect, it } from 'vitest';
import { bucketDeltas, contributions, dossierFacts, type FactsHistoryEntry, type FactsInput } from './facts.ts';
import { dossierMetrics } from './metrics.ts';

/** Vietnam wall-clock time → instant. */
const vn = (s: string) => new Date(`${s}+07:00`);
const iso = (s: string) => `${s}+07:00`;

let seq = 0;
const h = (at: string, action: string, toState: string, data: Record<string, unknown> = {}): FactsHistoryEntry => ({ seq: ++seq, action, toState, at: vn(at), data });
const receive = (at: string, due: string) => h(at, 'receive', 'received', { clock: 'start', dueAt: iso(due), receivedAt: iso(at) });
const finish = (at: string) => h(at, 'mark_result_ready', 'result_ready', { clock: 'finish' });

function input(history: FactsHistoryEntry[], over: Partial<FactsInput> = {}, dossier: Partial<FactsInput['dossier']> = {}): FactsInput {
  return {
    dossier: { id: 'd1', procedureId: 'p1', handlingAgencyId: 'a1', channel: 'desk', state: 'received', receivedAt: null, feeTotal: 0, eidAuthenticated: false, syncedAt: null, paperResult: true, hasElectronicResult: false, ...dossier },
    history,
    documents: [],
    paidOnline: false,
    dissatisfiedRating: false,
    complained: false,
    ...over,
  };
}

describe('dossier classification (ON_TIME rules, dated examples)', () => {
  it('received Thu 12/02/2026 (before Tết), due Thu 26/02 17:00, finished Wed 25/02 → on time', () => {
    const f = dossierFacts(input([receive('2026-02-12T10:00:00', '2026-02-26T17:00:00'), finish('2026-02-25T15:00:00')]));
    expect(f).toMatchObject({ counted: true, lateAt: null, finishedAt: vn('2026-02-25T15:00:00') });
    expect(contributions(f)).toEqual([
      { day: '2026-02-12', counters: expect.objectContaining({ received: 1, openDelta: 1 }) },
      { day: '2026-02-25', counters: { openDelta: -1, contentOpenDelta: -1, finished: 1, finishedOnTime: 1, finishedOnTimeContent: 1, finishedElectronic: 0, processingSeconds: 13 * 86_400 + 5 * 3600 } },
    ]);
  });

  it('finished at exactly the appointment is on time; one second later is late from the appointment', () => {
    expect(dossierFacts(input([receive('2026-03-02T08:00:00', '2026-03-06T17:00:00'), finish('2026-03-06T17:00:00')])).lateAt).toBeNull();
    const late = dossierFacts(input([receive('2026-03-02T08:00:00', '2026-03-06T17:00:00'), finish('2026-03-06T17:00:01')]));
    expect(late).toMatchObject({ lateAt: vn('2026-03-06T17:00:00'), lateReason: 'overdue' });
    const c = contributions(late);
    expect(c.filter((x) => x.day === '2026-03-06').map((x) => x.counters)).toEqual([
      { lateOpenDelta: 1, contentLateOpenDelta: 1 },
      { openDelta: -1, contentOpenDelta: -1, lateOpenDelta: -1, contentLateOpenDelta: -1, finished: 1, finishedOnTime: 0, finishedOnTimeContent: 0, finishedElectronic: 0, processingSeconds: 4 * 86_400 + 9 * 3600 + 1 },
    ]);
  });

  it('supplement time is excluded: paused 05/03, supplied 20/03 (full restart, due 03/04), finished 01/04 → on time', () => {
    const f = dossierFacts(
      input([
        receive('2026-03-02T08:00:00', '2026-03-16T17:00:00'),
        h('2026-03-05T09:00:00', 'request_supplement', 'supplement_requested', { clock: 'pause', dueAt: null }),
        h('2026-03-20T10:00:00', 'supply', 'in_process', { clock: 'restart', dueAt: iso('2026-04-03T10:00:00') }),
        finish('2026-04-01T16:00:00'),
      ]),
    );
    expect(f.lateAt).toBeNull();
    expect(f.supplementRequests).toBe(1);
    // processing time excludes the 15 days 01 hour of the pause
    expect(f.processingSeconds).toBe((vn('2026-04-01T16:00:00').getTime() - vn('2026-03-02T08:00:00').getTime() - (vn('2026-03-20T10:00:00').getTime() - vn('2026-03-05T09:00:00').getTime())) / 1000);
  });

  it('more than one supplement request makes the dossier late, from the second request, even if finished before its date', () => {
    const f = dossierFacts(
      input([
        receive('2026-03-02T08:00:00', '2026-03-16T17:00:00'),
        h('2026-03-03T09:00:00', 'request_supplement', 'supplement_requested', { clock: 'pause' }),
        h('2026-03-04T09:00:00', 'supply', 'in_process', { clock: 'restart', dueAt: iso('2026-03-18T09:00:00') }),
        h('2026-03-05T09:00:00', 'request_supplement', 'supplement_requested', { clock: 'pause' }),
        h('2026-03-06T09:00:00', 'supply', 'in_process', { clock: 'restart', dueAt: iso('2026-03-20T09:00:00') }),
        finish('2026-03-10T09:00:00'),
      ]),
    );
    expect(f).toMatchObject({ lateAt: vn('2026-03-05T09:00:00'), lateReason: 'supplements', supplementRequests: 2 });
  });

  it('an apology’s new date does not change the judgement: finished after the original appointment is late', () => {
    const f = dossierFacts(
      input([
        receive('2026-03-02T08:00:00', '2026-03-06T17:00:00'),
        h('2026-03-05T10:00:00', 'apologize', 'in_process', { clock: 'reappoint', dueAt: iso('2026-03-13T17:00:00') }),
        finish('2026-03-10T09:00:00'),
      ]),
    );
    expect(f.lateAt).toEqual(vn('2026-03-06T17:00:00'));
    // The drill-down shows the appointment the judgement used beside the apology's new date.
    expect(f.appointmentAt).toEqual(vn('2026-03-06T17:00:00'));
  });

  it('an open dossier is late from its appointment (judged at any period end after it); a paused one is not', () => {
    const open = dossierFacts(input([receive('2026-03-02T08:00:00', '2026-03-06T17:00:00')]));
    expect(open).toMatchObject({ finishedAt: null, lateAt: vn('2026-03-06T17:00:00') });
    expect(contributions(open)).toEqual([
      { day: '2026-03-02', counters: expect.objectContaining({ received: 1, openDelta: 1 }) },
      { day: '2026-03-06', counters: { lateOpenDelta: 1, contentLateOpenDelta: 1 } },
    ]);
    const paused = dossierFacts(input([receive('2026-03-02T08:00:00', '2026-03-06T17:00:00'), h('2026-03-04T09:00:00', 'request_supplement', 'supplement_requested', { clock: 'pause' })]));
    expect(paused.lateAt).toBeNull();
    // Overdue before the supplement request: late stays late.
    const overdueThenPaused = dossierFacts(input([receive('2026-03-02T08:00:00', '2026-03-06T17:00:00'), h('2026-03-09T09:00:00', 'request_supplement', 'supplement_requested', { clock: 'pause' })]));
    expect(overdueThenPaused.lateAt).toEqual(vn('2026-03-06T17:00:00'));
  });

  it('a withdrawn dossier leaves the figures at its withdrawal and is never finished', () => {
    const f = dossierFacts(input([receive('2026-03-02T08:00:00', '2026-03-16T17:00:00'), h('2026-03-04T09:00:00', 'withdraw', 'withdrawn', { clock: 'finish' })]));
    expect(f).toMatchObject({ finishedAt: null, withdrawnAt: vn('2026-03-04T09:00:00'), lateAt: null });
    expect(contributions(f)[1]).toEqual({ day: '2026-03-04', counters: { openDelta: -1, contentOpenDelta: -1 } });
  });

  it('a refused or stopped dossier is finished; one never received (online, not yet accepted) does not count', () => {
    expect(dossierFacts(input([receive('2026-03-02T08:00:00', '2026-03-16T17:00:00'), h('2026-03-03T09:00:00', 'refuse', 'refused', { clock: 'finish' })])).finishedAt).toEqual(vn('2026-03-03T09:00:00'));
    const pending = dossierFacts(input([h('2026-03-02T21:00:00', 'submit_online', 'submitted_online', { clock: 'none' })], {}, { channel: 'online' }));
    expect(pending.counted).toBe(false);
    expect(contributions(pending)).toEqual([]);
  });

  it('postal dossiers count from the hand-over time recorded at receipt', () => {
    const f = dossierFacts(input([h('2026-03-03T09:00:00', 'receive', 'received', { clock: 'start', dueAt: iso('2026-03-17T17:00:00'), receivedAt: iso('2026-02-27T16:00:00') })], {}, { channel: 'postal' }));
    expect(f.receivedAt).toEqual(vn('2026-02-27T16:00:00'));
    expect(contributions(f)[0]!.day).toBe('2026-02-27');
  });
});

describe('dossier flags behind the other indicators', () => {
  const base = [receive('2026-03-02T08:00:00', '2026-03-16T17:00:00')];
  it('online counts for ONLINE_DOSSIERS only with an electronic result when a paper result is required', () => {
    expect(dossierFacts(input(base, {}, { channel: 'online', paperResult: true })).onlineCompliant).toBe(false);
    expect(dossierFacts(input(base, {}, { channel: 'online', paperResult: true, hasElectronicResult: true })).onlineCompliant).toBe(true);
    expect(dossierFacts(input(base, {}, { channel: 'online', paperResult: false })).onlineCompliant).toBe(true);
    expect(dossierFacts(input(base, {}, { channel: 'desk', paperResult: false })).onlineCompliant).toBe(false);
  });

  it('digitised: every input component digitised, and an electronic result once finished', () => {
    const d = (digitised: boolean) => ({ kind: 'input', digitised, reused: false, fromCitizenStore: false, electronicResult: false });
    expect(dossierFacts(input(base, { documents: [d(true), d(true)] })).digitised).toBe(true);
    expect(dossierFacts(input(base, { documents: [d(true), d(false)] })).digitised).toBe(false);
    expect(dossierFacts(input(base, { documents: [] })).digitised).toBe(false);
    expect(dossierFacts(input([...base, finish('2026-03-05T10:00:00')], { documents: [d(true)] })).digitised).toBe(false);
    expect(dossierFacts(input([...base, finish('2026-03-05T10:00:00')], { documents: [d(true)] }, { hasElectronicResult: true })).digitised).toBe(true);
  });

  it('paid online counts only for dossiers with a fee; a dissatisfied rating or a complaint marks the dossier', () => {
    expect(dossierFacts(input(base, { paidOnline: true }, { feeTotal: 0 })).paidOnline).toBe(false);
    expect(dossierFacts(input(base, { paidOnline: true }, { feeTotal: 50_000 }))).toMatchObject({ paidOnline: true, feeBearing: true });
    expect(dossierFacts(input(base, { complained: true })).dissatisfied).toBe(true);
    expect(dossierFacts(input(base, { dissatisfiedRating: true })).dissatisfied).toBe(true);
  });
});

describe('counters from facts', () => {
  it('each day goes to its daily and its monthly bucket; a change moves the counters by the difference only', () => {
    const open = dossierFacts(input([receive('2026-03-30T08:00:00', '2026-04-03T17:00:00')]));
    const done = dossierFacts(input([receive('2026-03-30T08:00:00', '2026-04-03T17:00:00'), finish('2026-04-02T10:00:00')]));
    const first = bucketDeltas([open]);
    expect([...first.keys()].sort()).toEqual(['a1|p1|d|2026-03-30', 'a1|p1|d|2026-04-03', 'a1|p1|m|2026-03-01', 'a1|p1|m|2026-04-01']);
    const diff = bucketDeltas([done], [open]);
    // The projected late on 03/04 disappears, the finish on 02/04 appears; the receipt is unchanged.
    expect(diff.get('a1|p1|d|2026-04-03')).toMatchObject({ lateOpenDelta: -1 });
    expect(diff.get('a1|p1|d|2026-04-02')).toMatchObject({ finished: 1, finishedOnTime: 1, openDelta: -1 });
    expect(diff.has('a1|p1|d|2026-03-30')).toBe(false);
    expect(diff.get('a1|p1|m|2026-04-01')).toMatchObject({ lateOpenDelta: -1, openDelta: -1, finished: 1 });
  });

  it('ON_TIME = (finished on time + open and not late at the end) ÷ (finished + open at the end)', () => {
    const m = dossierMetrics({
      sums: { received: 10, online: 4, onlineCompliant: 3, synced: 0, digitised: 5, reused: 1, citizenStore: 1, eid: 2, feeBearing: 4, paidOnline: 1, dissatisfied: 1, finished: 6, finishedOnTime: 5, finishedOnTimeContent: 4, finishedElectronic: 2, processingSeconds: 0, openDelta: 0, lateOpenDelta: 0, contentOpenDelta: 0, contentLateOpenDelta: 0 },
      atEnd: { open: 4, lateOpen: 1, contentOpen: 3, contentLateOpen: 1 },
    });
    const by = new Map(m.map((x) => [x.code, x]));
    expect(by.get('ON_TIME')).toEqual({ code: 'ON_TIME', numerator: 8, denominator: 10 });
    expect(by.get('DOSSIER_RECEIVING_SATISFACTION')).toEqual({ code: 'DOSSIER_RECEIVING_SATISFACTION', numerator: 6, denominator: 10 });
    expect(by.get('PAYMENT_DOSSIERS')).toEqual({ code: 'PAYMENT_DOSSIERS', numerator: 1, denominator: 4 });
    expect(by.get('ORIGINAL_RESULT_AVAILABLE')).toEqual({ code: 'ORIGINAL_RESULT_AVAILABLE', numerator: 2, denominator: 6 });
  });
});

// The typed, versioned history event (issue 10 "The redesign"): validated on write, version 1 upcast on read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierFacts, type FactsInput } from '../service-index/facts.ts';
import { ACTION_NAMES, type ActionName } from './actions.ts';
import { DOSSIER_EVENT_VERSION, DossierEventError, dossierEventData, readDossierEvent, upcastV1 } from './events.ts';
import type { ActionInput } from './inputs.ts';

const VALID: Record<ActionName, ActionInput> = {
  submit_online: {},
  receive: { note: 'Đủ thành phần', attachments: ['scan-1'], componentsReceived: [{ code: null, name: 'Tờ khai', originals: 1, copies: 0 }] },
  request_intake_supplement: { missingItems: ['Tờ khai đăng ký khai sinh'] },
  resubmit: {},
  reject_intake: { reasons: ['Không thuộc thẩm quyền'] },
  forward: {},
  assign: { assigneeId: 'u-spec-2' },
  start_processing: {},
  request_supplement: { missingItems: ['Bản vẽ hiện trạng'], confirm: true },
  supply: { attachments: ['scan-2'] },
  transfer: { targetAgency: 'Chi cục Thuế', task: 'Xác định nghĩa vụ tài chính', deadline: '2026-09-25' },
  return_from_agency: { fromAgency: 'Chi cục Thuế', proceedWithout: true, reason: 'Đủ căn cứ' },
  propose: {},
  send_back: { note: 'Bổ sung ý kiến thẩm định' },
  approve: {},
  attach_result: { attachments: ['result-1'] },
  mark_result_ready: { paperResult: true },
  refuse: { reasons: ['Không đủ điều kiện'] },
  apologize: { newDueAt: '2026-09-30', reasons: ['Chờ ý kiến cơ quan phối hợp'] },
  return_result: { returnMethod: 'desk', collectedBy: 'Nguyễn Văn An' },
  withdraw: { reasons: ['Người nộp xin rút'] },
  stop: { reasons: ['Quá hạn bổ sung'] },
  add_note: { note: 'Đã gọi điện hướng dẫn' },
  record_payment: { amount: 50_000, paymentMethod: 'online', reference: 'TXN-1' },
  attach_document: { attachments: ['doc-1'] },
  record_field_check: { note: 'Hiện trạng đúng hồ sơ' },
};
const meta = { clock: 'none' as const, dueAt: '2026-09-25T17:00:00+07:00', slip: null };

describe('writing an event', () => {
  it('every action: its validated input and the outcome, as version 2, read back unchanged', () => {
    for (const a of ACTION_NAMES) {
      const data = dossierEventData(a, { ...VALID[a] }, meta);
      expect(data.v).toBe(DOSSIER_EVENT_VERSION);
      const ev = readDossierEvent({ seq: 3, action: a, toState: 'in_process', data });
      expect(ev.action).toBe(a);
      expect(ev.data).toEqual(data);
    }
  });

  it('refuses an input its action does not accept, and an outcome that is not one', () => {
    expect(() => dossierEventData('refuse', { reasons: [] }, meta)).toThrow(DossierEventError);
    expect(() => dossierEventData('assign', {}, meta)).toThrow(/assigneeId/);
    expect(() => dossierEventData('forward', {}, { ...meta, clock: 'later' as never })).toThrow(/clock/);
    expect(() => dossierEventData('forward', {}, { ...meta, dueAt: '25/09/2026' })).toThrow(/dueAt/);
    expect(() => dossierEventData('no_such' as never, {}, meta)).toThrow(/unknown event/);
  });

  it('record events (rating, answer) have their own fields and leave the clock alone', () => {
    const r = dossierEventData('rate', { rating: 'dissatisfied', ratingChannel: 'kiosk', reasons: ['Chờ lâu'] }, meta);
    expect(readDossierEvent({ seq: 9, action: 'rate', toState: 'returned', data: r }).data).toMatchObject({ rating: 'dissatisfied', clock: 'none' });
    expect(() => dossierEventData('rate', { rating: 'great', ratingChannel: 'kiosk' }, meta)).toThrow(DossierEventError);
  });

  it('keeps fields the caller stores beside the input (an online application’s form data)', () => {
    expect(dossierEventData('submit_online', { formData: { hoTen: 'An' } }, meta).formData).toEqual({ hoTen: 'An' });
  });
});

describe('reading version 1 rows (never rewritten)', () => {
  it('the creating entry of a desk receipt had no clock: it started the clock', () => {
    const v1 = { seq: 1, action: 'receive', toState: 'received', data: { code: 'X-1', dueAt: '2026-03-09T17:00:00+07:00', receivedAt: '2026-03-02T09:00:00+07:00', slip: 'receipt' } };
    expect(readDossierEvent(v1).data).toMatchObject({ v: 2, clock: 'start', dueAt: '2026-03-09T17:00:00+07:00', receivedAt: '2026-03-02T09:00:00+07:00', slip: 'receipt' });
    expect(readDossierEvent({ ...v1, action: 'submit_online', toState: 'submitted_online', data: { code: null } }).data).toMatchObject({ clock: 'none', dueAt: null, slip: null });
    // The stored row is untouched.
    expect(v1.data).not.toHaveProperty('v');
  });

  it('a row whose outcome was altered outside the product is named, not read silently', () => {
    expect(() => readDossierEvent({ seq: 4, action: 'forward', toState: 'forwarded', data: { v: 2, clock: 'start', dueAt: 'yesterday', slip: null } })).toThrow(/seq 4/);
  });

  it('property: a history written as version 1 and the same history as version 2 classify the dossier the same', () => {
    const clocks = ['none', 'pause', 'restart', 'finish'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ clock: fc.constantFrom(...clocks), hours: fc.integer({ min: 1, max: 200 }), dueDays: fc.integer({ min: -3, max: 10 }) }), { maxLength: 8 }),
        (steps) => {
          const start = new Date('2026-03-02T02:00:00Z');
          const iso = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().replace('.000Z', '+07:00');
          let t = start;
          const v1: FactsInput['history'][number][] = [
            { seq: 1, action: 'receive', toState: 'received', at: start, data: { receivedAt: iso(start), dueAt: iso(new Date(start.getTime() + 5 * 86_400_000)), slip: 'receipt' } },
          ];
          steps.forEach((s, i) => {
            t = new Date(t.getTime() + s.hours * 3_600_000);
            const toState = s.clock === 'finish' ? 'result_ready' : s.clock === 'pause' ? 'supplement_requested' : 'in_process';
            v1.push({ seq: i + 2, action: s.clock === 'finish' ? 'mark_result_ready' : 'add_note', toState, at: t, data: { clock: s.clock, dueAt: s.clock === 'pause' ? null : iso(new Date(t.getTime() + s.dueDays * 86_400_000)) } });
          });
          const v2 = v1.map((h) => ({ ...h, data: upcastV1(h) }));
          const base: Omit<FactsInput, 'history'> = {
            dossier: { id: 'd', procedureId: 'p', handlingAgencyId: 'a', channel: 'desk', state: 'in_process', receivedAt: start, feeTotal: 0, eidAuthenticated: false, syncedAt: null, paperResult: false, hasElectronicResult: false },
            documents: [],
            paidOnline: false,
            dissatisfiedRating: false,
            complained: false,
          } as unknown as Omit<FactsInput, 'history'>;
          expect(dossierFacts({ ...base, history: v2 } as FactsInput)).toEqual(dossierFacts({ ...base, history: v1 } as FactsInput));
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { dossierEventData } from './events.ts';
import { postalDelivery } from './delivery.ts';

const meta = { clock: 'none' as const, dueAt: null, slip: null };
const at = (s: string) => new Date(s);

describe('postalDelivery', () => {
  it('reads the parcel number, the hand-over time and the address of a postal return', () => {
    const history = [
      { seq: 1, action: 'receive', toState: 'received', at: at('2026-03-02T02:00:00Z'), data: { v: 2, clock: 'start', dueAt: '2026-03-09T17:00:00+07:00', slip: 'receipt' } },
      {
        seq: 2,
        action: 'return_result',
        toState: 'returned',
        at: at('2026-03-09T03:00:00Z'),
        data: dossierEventData('return_result', { returnMethod: 'postal', trackingNumber: 'EL123456789VN', postalAddress: '12 Trần Hưng Đạo, Pleiku' }, { ...meta, clock: 'finish' }),
      },
    ];
    expect(postalDelivery(history)).toEqual({ trackingNumber: 'EL123456789VN', sentAt: at('2026-03-09T03:00:00Z'), address: '12 Trần Hưng Đạo, Pleiku' });
  });

  it('is null for a result collected at the desk, or not returned yet', () => {
    const desk = [{ seq: 1, action: 'return_result', toState: 'returned', at: at('2026-03-09T03:00:00Z'), data: dossierEventData('return_result', { returnMethod: 'desk', collectedBy: 'Nguyễn Văn An' }, meta) }];
    expect(postalDelivery(desk)).toBeNull();
    expect(postalDelivery([])).toBeNull();
  });

  it('reads an entry written before the address was recorded (version 1) with the address unknown', () => {
    const v1 = [{ seq: 5, action: 'return_result', toState: 'returned', at: at('2025-10-01T03:00:00Z'), data: { returnMethod: 'postal', trackingNumber: 'RR000000001VN' } }];
    expect(postalDelivery(v1)).toEqual({ trackingNumber: 'RR000000001VN', sentAt: at('2025-10-01T03:00:00Z'), address: null });
  });
});

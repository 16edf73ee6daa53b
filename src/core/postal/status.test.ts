import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestPostalEvent, POSTAL_STATUS_LABELS, POSTAL_STATUSES, type PostalEvent } from './status.ts';

const ev = (status: PostalEvent['status'], at: string, seq: number): PostalEvent => ({ status, at: new Date(at), seq });

describe('a parcel’s status', () => {
  it('is the latest by the operator’s time, whatever order the notices came in', () => {
    const delivered = ev('delivered', '2026-03-14T03:15:00Z', 1);
    const events = [delivered, ev('accepted', '2026-03-13T02:00:00Z', 2), ev('out_for_delivery', '2026-03-14T01:00:00Z', 3)];
    expect(latestPostalEvent(events)).toBe(delivered);
    expect(latestPostalEvent([])).toBeNull();
  });

  it('at the same instant, the later notice wins', () => {
    expect(latestPostalEvent([ev('delivery_failed', '2026-03-14T03:00:00Z', 1), ev('delivered', '2026-03-14T03:00:00Z', 2)])!.status).toBe('delivered');
  });

  it('every status has its Vietnamese and English words', () => {
    for (const s of POSTAL_STATUSES) expect(POSTAL_STATUS_LABELS[s].vi.length).toBeGreaterThan(3);
  });

  it('property: the latest is one of the events and none is later', () => {
    const arb = fc.array(fc.record({ status: fc.constantFrom(...POSTAL_STATUSES), t: fc.integer({ min: 0, max: 50 }), seq: fc.nat() }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(arb, (xs) => {
        const events = xs.map((x) => ({ status: x.status, at: new Date(1_770_000_000_000 + x.t * 60_000), seq: x.seq }));
        const l = latestPostalEvent(events)!;
        expect(events).toContain(l);
        for (const e of events) expect(e.at.getTime() < l.at.getTime() || (e.at.getTime() === l.at.getTime() && e.seq <= l.seq)).toBe(true);
      }),
    );
  });
});

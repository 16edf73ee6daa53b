/**
 * One predicate per indicator: for random sets of per-dossier facts, the figure computed from the summed counter
 * contributions (what the dashboard reads) equals the number of dossiers the drill-down predicate accepts, for the
 * numerator and the denominator of EVERY dossier-based indicator, for any period.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates.ts';
import { localMinutesToInstant } from '../calendar/time.ts';
import type { LocalDate } from '../calendar/types.ts';
import { DRILL_SPECS, inDenominator, inNumerator } from './drill.ts';
import { bucketDeltas, COUNTERS, parseBucketKey, zeroCounters, type DossierFacts } from './facts.ts';
import { BALANCE_COUNTERS, dossierMetrics, zeroBalances, type Balances } from './metrics.ts';

const BASE = new Date('2026-03-01T00:00:00+07:00').getTime();
const MIN = 60_000;
const DAY = 86_400_000;

/** Facts as dossierFacts produces them: late before the end (or open), paid online only when a fee is due. */
const factsArb = fc
  .record({
    counted: fc.integer({ min: 0, max: 9 }).map((n) => n > 0), // a few never received
    procedureId: fc.constantFrom('p1', 'p2'),
    received: fc.integer({ min: 0, max: 120 * 24 * 60 }),
    end: fc.constantFrom('open', 'finished', 'withdrawn'),
    endAfter: fc.integer({ min: 1, max: 50 * 24 * 60 }),
    late: fc.option(fc.integer({ min: 0, max: 50 * 24 * 60 }), { nil: null }),
    flags: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
  })
  .map(({ counted, procedureId, received, end, endAfter, late, flags }): DossierFacts => {
    const receivedAt = counted ? new Date(BASE + received * MIN) : null;
    const endAt = receivedAt && end !== 'open' ? new Date(receivedAt.getTime() + endAfter * MIN) : null;
    let lateAt = receivedAt && late !== null ? new Date(receivedAt.getTime() + late * MIN) : null;
    if (lateAt && endAt && lateAt.getTime() >= endAt.getTime()) lateAt = null;
    const [online, onlineCompliant, synced, digitised, reused, citizenStore, eid, feeBearing, paidOnline, electronicResult, dissatisfied] = flags as boolean[];
    return {
      dossierId: `d${received}-${endAfter}-${late}`,
      agencyId: 'a1',
      procedureId,
      counted: receivedAt !== null,
      receivedAt,
      finishedAt: end === 'finished' ? endAt : null,
      withdrawnAt: end === 'withdrawn' ? endAt : null,
      lateAt,
      appointmentAt: null,
      lateReason: lateAt ? 'overdue' : null,
      supplementRequests: 0,
      processingSeconds: endAt && receivedAt ? Math.round((endAt.getTime() - receivedAt.getTime()) / 1000) : 0,
      online: !!online,
      onlineCompliant: !!online && !!onlineCompliant,
      synced: !!synced,
      digitised: !!digitised,
      reused: !!reused,
      citizenStore: !!citizenStore,
      eid: !!eid,
      feeBearing: !!feeBearing,
      paidOnline: !!feeBearing && !!paidOnline,
      electronicResult: !!electronicResult,
      dissatisfied: !!dissatisfied,
    };
  });

const dayArb = fc.integer({ min: 0, max: 170 }).map((n) => new Date(BASE + n * DAY + 12 * 3_600_000).toISOString().slice(0, 10) as LocalDate);

/** What the dashboard reads: the daily counters summed over [from, to], the balances summed up to `to`. */
function figures(facts: readonly DossierFacts[], from: LocalDate, to: LocalDate) {
  const sums = zeroCounters();
  const atEnd: Balances = zeroBalances();
  for (const [key, c] of bucketDeltas(facts)) {
    const { grain, bucket } = parseBucketKey(key);
    if (grain !== 'd') continue;
    if (bucket >= from && bucket <= to) for (const k of COUNTERS) sums[k] += c[k];
    if (bucket <= to) for (const [b, k] of Object.entries(BALANCE_COUNTERS) as [keyof Balances, (typeof BALANCE_COUNTERS)[keyof Balances]][]) atEnd[b] += c[k];
  }
  return dossierMetrics({ sums, atEnd });
}

describe('drill-down predicate = counters, for every dossier-based indicator', () => {
  it('numerator and denominator from summed contributions equal the dossiers the predicate accepts', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { maxLength: 40 }), dayArb, dayArb, (facts, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const w = { from: localMinutesToInstant(from, 0), end: localMinutesToInstant(addDays(to, 1), 0) };
        const metrics = new Map(figures(facts, from, to).map((m) => [m.code, m]));
        for (const [code, spec] of Object.entries(DRILL_SPECS)) {
          const m = metrics.get(code)!;
          expect({ code, numerator: m.numerator, denominator: m.denominator }).toEqual({
            code,
            numerator: facts.filter((f) => inNumerator(spec, f, w)).length,
            denominator: facts.filter((f) => inDenominator(spec, f, w)).length,
          });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every dossier-based indicator of the metrics has a drill-down spec', () => {
    const codes = dossierMetrics({ sums: zeroCounters(), atEnd: zeroBalances() }).map((m) => m.code);
    expect(Object.keys(DRILL_SPECS).sort()).toEqual([...codes].sort());
  });

  it('a late, complained-about dossier costs the satisfaction figure once; a withdrawn one not at all', () => {
    const at = (s: string) => new Date(`${s}+07:00`);
    const base: DossierFacts = { dossierId: 'x', agencyId: 'a1', procedureId: 'p1', counted: true, receivedAt: at('2026-04-02T09:00:00'), finishedAt: null, withdrawnAt: null, lateAt: null, appointmentAt: null, lateReason: null, supplementRequests: 0, processingSeconds: 0, online: false, onlineCompliant: false, synced: false, digitised: false, reused: false, citizenStore: false, eid: false, feeBearing: false, paidOnline: false, electronicResult: false, dissatisfied: false };
    const lateComplained = { ...base, dossierId: 'l', finishedAt: at('2026-04-20T09:00:00'), lateAt: at('2026-04-10T17:00:00'), lateReason: 'overdue' as const, dissatisfied: true };
    const withdrawnComplained = { ...base, dossierId: 'w', withdrawnAt: at('2026-04-05T09:00:00'), dissatisfied: true };
    const fine = { ...base, dossierId: 'f', finishedAt: at('2026-04-08T09:00:00') };
    // Received in March, finished on time in April, complained about: in April's population, not satisfied.
    const earlier = { ...base, dossierId: 'e', receivedAt: at('2026-03-25T09:00:00'), finishedAt: at('2026-04-03T09:00:00'), dissatisfied: true };
    const m = figures([lateComplained, withdrawnComplained, fine, earlier], '2026-04-01', '2026-04-30').find((x) => x.code === 'DOSSIER_RECEIVING_SATISFACTION')!;
    expect(m).toEqual({ code: 'DOSSIER_RECEIVING_SATISFACTION', numerator: 1, denominator: 3 });
  });
});

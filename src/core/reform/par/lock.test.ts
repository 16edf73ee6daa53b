/**
 * The deadline lock of a PAR round per phase: dated cases (the day of the deadline is still open, the day after is
 * locked, a grace date extends it, an expired grace names the grace date, a finalised round is locked in both
 * phases) and a fast-check property of the rule over random dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDay, toEpochDay } from '../../calendar/dates.ts';
import { deadlineLock, LOCK_PHASES, type DeadlineLockInput } from './index.ts';

const base: DeadlineLockInput = { phase: 'self', roundStatus: 'open', deadline: '2026-03-16', graceUntil: null, today: '2026-03-16' };

describe('deadlineLock', () => {
  it('is open up to and including the deadline, locked from the day after', () => {
    expect(deadlineLock({ ...base, today: '2026-03-10' })).toMatchObject({ locked: false, reason: null, pastDeadline: false, since: null, deadline: '2026-03-16' });
    expect(deadlineLock(base)).toMatchObject({ locked: false, pastDeadline: false });
    expect(deadlineLock({ ...base, today: '2026-03-17' })).toMatchObject({ locked: true, reason: 'deadline_passed', pastDeadline: true, inGrace: false, since: '2026-03-17', deadline: '2026-03-16' });
  });

  it('a grace date keeps the unit open until its end, and then names the grace date as the deadline in force', () => {
    const g = { ...base, graceUntil: '2026-03-20' };
    expect(deadlineLock({ ...g, today: '2026-03-18' })).toMatchObject({ locked: false, pastDeadline: true, inGrace: true, deadline: '2026-03-20', since: null, graceUntil: '2026-03-20' });
    expect(deadlineLock({ ...g, today: '2026-03-20' })).toMatchObject({ locked: false, inGrace: true });
    expect(deadlineLock({ ...g, today: '2026-03-21' })).toMatchObject({ locked: true, inGrace: false, deadline: '2026-03-20', since: '2026-03-21' });
  });

  it('a grace date before the deadline changes nothing: the deadline stays in force', () => {
    const g = { ...base, graceUntil: '2026-03-12' };
    expect(deadlineLock({ ...g, today: '2026-03-14' })).toMatchObject({ locked: false, inGrace: false, deadline: '2026-03-16' });
    expect(deadlineLock({ ...g, today: '2026-03-17' })).toMatchObject({ locked: true, deadline: '2026-03-16', since: '2026-03-17' });
  });

  it('a round that is not open is locked in both phases, whatever the dates', () => {
    for (const phase of LOCK_PHASES) {
      for (const roundStatus of ['finalised', 'published']) {
        const l = deadlineLock({ phase, roundStatus, deadline: '2026-03-30', graceUntil: '2026-04-03', today: '2026-03-02' });
        expect(l).toMatchObject({ phase, locked: true, reason: 'round_not_open', since: null, pastDeadline: false });
      }
    }
  });

  it('the appraisal phase follows the same rule with its own deadline and grace', () => {
    const a = { ...base, phase: 'appraisal' as const, deadline: '2026-03-30' };
    expect(deadlineLock({ ...a, today: '2026-03-17' })).toMatchObject({ phase: 'appraisal', locked: false });
    expect(deadlineLock({ ...a, today: '2026-03-31' })).toMatchObject({ phase: 'appraisal', locked: true, deadline: '2026-03-30', since: '2026-03-31' });
    expect(deadlineLock({ ...a, today: '2026-03-31', graceUntil: '2026-04-02' })).toMatchObject({ locked: false, inGrace: true, deadline: '2026-04-02' });
  });

  const day = fc.integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2030-12-31') }).map(fromEpochDay);
  const input = fc.record({
    phase: fc.constantFrom(...LOCK_PHASES),
    roundStatus: fc.constantFrom('open', 'finalised', 'published'),
    deadline: day,
    graceUntil: fc.option(day, { nil: null }),
    today: day,
  });

  it('property: locked ⇔ round not open ∨ (today > deadline ∧ ¬(grace ∧ today ≤ grace))', () => {
    fc.assert(
      fc.property(input, (i) => {
        const l = deadlineLock(i);
        const expected = i.roundStatus !== 'open' || (i.today > i.deadline && !(i.graceUntil !== null && i.today <= i.graceUntil));
        expect(l.locked).toBe(expected);
        expect(l.phase).toBe(i.phase);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the deadline in force is the later of the deadline and the grace; a deadline lock starts the day after it and not after today', () => {
    fc.assert(
      fc.property(input, (i) => {
        const l = deadlineLock(i);
        const later = i.graceUntil !== null && i.graceUntil > i.deadline ? i.graceUntil : i.deadline;
        expect(l.deadline).toBe(later);
        if (l.reason === 'deadline_passed') {
          expect(l.since).toBe(addDays(later, 1));
          expect(l.since! <= i.today).toBe(true);
        } else expect(l.since).toBeNull();
        // In an open round the lock is exactly "today is after the deadline in force".
        if (i.roundStatus === 'open') expect(l.locked).toBe(i.today > later);
        if (l.inGrace) expect(l.locked).toBe(i.roundStatus !== 'open');
      }),
      { numRuns: 2000 },
    );
  });
});

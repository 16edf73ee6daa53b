/**
 * The holiday listing and the due-date engine are one calendar (issue 10, item 2): `calendar holidays <year>`
 * (API and CLI: listNonWorkingDays) and computeDueAt read the same days, each under the policy in force that day.
 * Checked against the listing alone: weekly rest days of the policy in force, minus listed make-up working days,
 * plus listed days off.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDueAt, createWorkCalendar, DEFAULT_CALENDAR_POLICIES, listNonWorkingDays, type CalendarOverride, type LocalDate, type WorkCalendar } from './index.ts';
import { addDays, isoWeekday, makeLocalDate } from './dates.ts';
import { localMinutesToInstant, toLocalDate } from './time.ts';

const FIRST = 1995;
const LAST = 2099;

/** "Off" as the listing says: a listed day off, or a weekly rest day that is not a listed make-up working day. */
function offByListing(cal: WorkCalendar) {
  const years = new Map<number, Map<LocalDate, string>>();
  const listed = (d: LocalDate) => {
    const y = Number(d.slice(0, 4));
    let m = years.get(y);
    if (!m) years.set(y, (m = new Map(listNonWorkingDays(cal, y).map((h) => [h.date, h.kind]))));
    return m.get(d);
  };
  return (d: LocalDate) => {
    const kind = listed(d);
    if (kind === 'day_off') return true;
    if (kind === 'working_day') return false;
    return cal.policyAt(d).weekendDays.includes(isoWeekday(d));
  };
}

const plain = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, []);

describe('holiday listing = due-date engine', () => {
  it('2013 (the Labour Code of 2012 took force on 1 May): the listing and the due date agree around Tết', () => {
    const days = listNonWorkingDays(plain, 2013);
    const due = toLocalDate(computeDueAt(new Date('2013-02-08T10:00:00+07:00'), { amount: 1, unit: 'working_days' }, plain));
    expect(days.filter((d) => d.kind === 'day_off').map((d) => d.date)).not.toContain(due);
    // Tết 2013 under the 2007 code in force in February: 4 days (09–12/02), two compensatory days (13–14/02).
    expect(days.filter((d) => d.date >= '2013-02-01' && d.date <= '2013-02-28').map((d) => d.date)).toEqual(['2013-02-09', '2013-02-10', '2013-02-11', '2013-02-12', '2013-02-13', '2013-02-14']);
    expect(due).toBe('2013-02-15');
  });

  it(`every day ${FIRST}–${LAST}: the engine's working day is exactly what the listing says`, () => {
    const off = offByListing(plain);
    let listedOff = 0;
    for (let y = FIRST; y <= LAST; y++) {
      for (let d = makeLocalDate(y, 1, 1); d <= makeLocalDate(y, 12, 31); d = addDays(d, 1)) {
        expect(plain.isWorkingDay(d), d).toBe(!off(d));
      }
      listedOff += listNonWorkingDays(plain, y).filter((h) => h.kind === 'day_off').length;
    }
    expect(listedOff).toBeGreaterThan((LAST - FIRST) * 8);
  });

  it('random receipts, limits and official overrides: no due date on a listed day off, every listed day skipped', () => {
    const day = fc.integer({ min: 0, max: (LAST - FIRST + 1) * 365 - 40 }).map((n) => addDays(`${FIRST}-01-01`, n));
    const override = fc.record({ at: day, kind: fc.constantFrom('day_off' as const, 'working_day' as const) });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 9 * 60 }), fc.integer({ min: 1, max: 40 }), fc.array(override, { maxLength: 4 }), (received, minutes, amount, ovs) => {
        const overrides: CalendarOverride[] = [...new Map(ovs.map((o) => [o.at, { date: o.at, kind: o.kind, reason: 'Thông báo chính thức' }])).values()];
        const cal = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, overrides);
        const off = offByListing(cal);
        const at = localMinutesToInstant(received, 8 * 60 + minutes); // 08:00–17:00
        const due = toLocalDate(computeDueAt(at, { amount, unit: 'working_days' }, cal));
        expect(off(due)).toBe(false);
        // Deemed receipt: the receipt day if it is a working day before closing, else the next working day.
        const close = localMinutesToInstant(received, 17 * 60);
        let start = received;
        if (off(start) || at.getTime() >= close.getTime()) {
          start = addDays(start, 1);
          while (off(start)) start = addDays(start, 1);
        }
        // The days counted after it are exactly the days the listing leaves working.
        let counted = 0;
        for (let d = addDays(start, 1); d <= due; d = addDays(d, 1)) if (!off(d)) counted++;
        expect(counted).toBe(amount);
      }),
      { numRuns: 400 },
    );
  });
});

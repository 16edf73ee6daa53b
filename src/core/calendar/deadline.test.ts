import { describe, expect, it } from 'vitest';
import { classifyTiming, computeDossierDue, computeDueAt, isOfficeTime, nextOfficeTime, previousOfficeTime, validateApology } from './deadline.ts';
import { createWorkCalendar } from './work-calendar.ts';
import { DEFAULT_CALENDAR_POLICIES, POLICY_LABOUR_CODE_2012, POLICY_LABOUR_CODE_2019 } from './policies.ts';
import { formatVnIso, parseIsoWithOffset } from './time.ts';
import type { CalendarPolicy, TimeLimit } from './types.ts';

/*
 * Reference weeks used below (default policies: Mon–Fri, 07:30–11:30 + 13:00–17:00):
 *   March 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9, Tue 10, Wed 11, Thu 12, Fri 13, Mon 16 …
 *   Tết 2026:   Fri 13 Feb working; Mon 16 – Fri 20 Feb Tết; Mon 23 Feb working.
 *   April/May 2026: Thu 30/4 and Fri 1/5 holidays; Mon 4/5 working.
 */
const cal = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, []);
const at = (local: string) => parseIsoWithOffset(`${local}+07:00`);
const due = (local: string, limit: TimeLimit, c = cal) => formatVnIso(computeDueAt(at(local), limit, c));
const wd = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });
const days = (amount: number): TimeLimit => ({ amount, unit: 'days' });
const hours = (amount: number): TimeLimit => ({ amount, unit: 'hours' });
const SAME_DAY: TimeLimit = { amount: 0, unit: 'same_day' };

const withPolicy = (patch: Partial<CalendarPolicy>) =>
  createWorkCalendar([{ ...POLICY_LABOUR_CODE_2012 }, { ...POLICY_LABOUR_CODE_2019, ...patch }], []);

describe('computeDueAt — working_days', () => {
  it('the day of receipt is not counted; due at the end of office hours', () => {
    // Tue 3 Mar + 5 working days: Wed 4, Thu 5, Fri 6, Mon 9, Tue 10.
    expect(due('2026-03-03T09:00:00', wd(5))).toBe('2026-03-10T17:00:00+07:00');
    expect(due('2026-03-03T09:00:00', wd(1))).toBe('2026-03-04T17:00:00+07:00');
  });

  it('across the Tết week 2026', () => {
    // Fri 13 Feb: next working days are Mon 23 (1), Tue 24 (2), Wed 25 (3).
    expect(due('2026-02-13T10:00:00', wd(2))).toBe('2026-02-24T17:00:00+07:00');
    expect(due('2026-02-13T10:00:00', wd(3))).toBe('2026-02-25T17:00:00+07:00');
  });

  it('across 30/4–1/5 2026', () => {
    // Wed 29/4 + 2: Thu 30/4 and Fri 1/5 holidays, weekend → Mon 4/5 (1), Tue 5/5 (2).
    expect(due('2026-04-29T10:00:00', wd(2))).toBe('2026-05-05T17:00:00+07:00');
  });

  it('after-hours receipt counts from the next working day', () => {
    // Fri 6 Mar 16:59 is inside hours → counted from Fri: 1 working day = Mon 9.
    expect(due('2026-03-06T16:59:00', wd(1))).toBe('2026-03-09T17:00:00+07:00');
    // Fri 17:00 (end of office hours) and later → deemed received Mon 9 07:30 → 1 working day = Tue 10.
    expect(due('2026-03-06T17:00:00', wd(1))).toBe('2026-03-10T17:00:00+07:00');
    expect(due('2026-03-06T22:15:00', wd(1))).toBe('2026-03-10T17:00:00+07:00');
  });

  it('weekend and holiday receipt counts from the next working day', () => {
    // Sat 7 Mar → deemed Mon 9 → 2 working days = Wed 11.
    expect(due('2026-03-07T10:00:00', wd(2))).toBe('2026-03-11T17:00:00+07:00');
    // Tết Wed 18 Feb (online) → deemed Mon 23 → 1 working day = Tue 24.
    expect(due('2026-02-18T08:00:00', wd(1))).toBe('2026-02-24T17:00:00+07:00');
  });

  it('receipt before opening or in the lunch break on a working day counts as that day', () => {
    expect(due('2026-03-09T06:00:00', wd(1))).toBe('2026-03-10T17:00:00+07:00');
    expect(due('2026-03-09T12:15:00', wd(1))).toBe('2026-03-10T17:00:00+07:00');
  });

  it('setting off: receipt outside hours counts from the day itself', () => {
    const c = withPolicy({ receiptOutsideHoursCountsFromNextWorkingDay: false });
    // Fri 6 Mar 18:00 not shifted: 1 working day after Fri = Mon 9.
    expect(due('2026-03-06T18:00:00', wd(1), c)).toBe('2026-03-09T17:00:00+07:00');
    // Sat 7 Mar not shifted: first working day after Saturday = Mon 9.
    expect(due('2026-03-07T10:00:00', wd(1), c)).toBe('2026-03-09T17:00:00+07:00');
  });

  it('half days: the .5 is the morning block (until 11:30) of the next working day', () => {
    // Mon 9 Mar 10:00: 0.5 → Tue 10 until 11:30; 1 → Tue 17:00; 1.5 → Tue full + Wed morning = Wed 11:30.
    expect(due('2026-03-09T10:00:00', wd(0.5))).toBe('2026-03-10T11:30:00+07:00');
    expect(due('2026-03-09T10:00:00', wd(1))).toBe('2026-03-10T17:00:00+07:00');
    expect(due('2026-03-09T10:00:00', wd(1.5))).toBe('2026-03-11T11:30:00+07:00');
    // Fri 6 Mar 10:00 + 0.5 → Mon 9 11:30 (weekend skipped).
    expect(due('2026-03-06T10:00:00', wd(0.5))).toBe('2026-03-09T11:30:00+07:00');
    // Fri 13 Feb 10:00 + 0.5 → Mon 23 Feb 11:30 (Tết skipped).
    expect(due('2026-02-13T10:00:00', wd(0.5))).toBe('2026-02-23T11:30:00+07:00');
    // Mon 18:00 → deemed Tue 07:30; 0.5 → Wed 11:30.
    expect(due('2026-03-09T18:00:00', wd(0.5))).toBe('2026-03-11T11:30:00+07:00');
    expect(() => due('2026-03-09T10:00:00', wd(0.25))).toThrow(RangeError);
    expect(() => due('2026-03-09T10:00:00', wd(-1))).toThrow(RangeError);
  });

  it('zero working days = end of the (deemed) receipt day', () => {
    expect(due('2026-03-09T10:00:00', wd(0))).toBe('2026-03-09T17:00:00+07:00');
    expect(due('2026-03-07T10:00:00', wd(0))).toBe('2026-03-09T17:00:00+07:00');
  });

  it('dueTime end_of_day → 23:59:59', () => {
    const c = withPolicy({ dueTime: 'end_of_day' });
    expect(due('2026-03-09T10:00:00', wd(1), c)).toBe('2026-03-10T23:59:59+07:00');
  });

  it('make-up Saturday (override) is counted as a working day', () => {
    const c = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, [
      { date: '2025-02-08', kind: 'working_day', reason: 'Làm bù' },
    ]);
    // Fri 7 Feb 2025 10:00 + 1 working day = Sat 8 Feb (make-up day).
    expect(due('2025-02-07T10:00:00', wd(1), c)).toBe('2025-02-08T17:00:00+07:00');
    expect(due('2025-02-07T10:00:00', wd(1))).toBe('2025-02-10T17:00:00+07:00');
  });
});

describe('computeDueAt — calendar days', () => {
  it('receipt date + N days; moved to the next working day when it lands on a day off', () => {
    // Tue 3 Mar + 7 days = Tue 10 Mar (a working day).
    expect(due('2026-03-03T10:00:00', days(7))).toBe('2026-03-10T17:00:00+07:00');
    // Mon 2 Mar + 5 days = Sat 7 Mar → Mon 9 Mar.
    expect(due('2026-03-02T10:00:00', days(5))).toBe('2026-03-09T17:00:00+07:00');
    // Mon 20 Apr + 10 days = Thu 30/4 (holiday) → Fri 1/5 holiday, weekend → Mon 4/5.
    expect(due('2026-04-20T10:00:00', days(10))).toBe('2026-05-04T17:00:00+07:00');
    // Tue 10 Feb 2026 + 7 days = Tue 17 Feb (mùng 1 Tết) → Mon 23 Feb.
    expect(due('2026-02-10T09:00:00', days(7))).toBe('2026-02-23T17:00:00+07:00');
  });

  it('weekend receipt: counted from the deemed receipt day (Monday)', () => {
    // Sat 7 Mar → deemed Mon 9; + 5 days = Sat 14 → Mon 16.
    expect(due('2026-03-07T10:00:00', days(5))).toBe('2026-03-16T17:00:00+07:00');
    expect(() => due('2026-03-07T10:00:00', days(1.5))).toThrow(RangeError);
  });
});

describe('computeDueAt — hours (office time only)', () => {
  it('across the lunch break', () => {
    // Mon 10:00 + 4 h: 10:00–11:30 (1.5 h) + 13:00–15:30 (2.5 h).
    expect(due('2026-03-09T10:00:00', hours(4))).toBe('2026-03-09T15:30:00+07:00');
    // Ending exactly at the end of the morning block stays at 11:30.
    expect(due('2026-03-09T10:00:00', hours(1.5))).toBe('2026-03-09T11:30:00+07:00');
    // Received in the lunch break: counting starts 13:00.
    expect(due('2026-03-09T12:00:00', hours(1))).toBe('2026-03-09T14:00:00+07:00');
    // 15 minutes from 11:20: 10 min before lunch + 5 min after → 13:05.
    expect(due('2026-03-09T11:20:00', hours(0.25))).toBe('2026-03-09T13:05:00+07:00');
  });

  it('overnight and over the weekend', () => {
    // Mon 16:00 + 8 h: 1 h Mon + 4 h Tue morning + 3 h Tue afternoon → Tue 16:00.
    expect(due('2026-03-09T16:00:00', hours(8))).toBe('2026-03-10T16:00:00+07:00');
    // Fri 16:30 + 2 h: 0.5 h Fri + 1.5 h Mon from 07:30 → Mon 09:00.
    expect(due('2026-03-06T16:30:00', hours(2))).toBe('2026-03-09T09:00:00+07:00');
    // Fri 18:00 (after hours) + 1 h → Mon 08:30.
    expect(due('2026-03-06T18:00:00', hours(1))).toBe('2026-03-09T08:30:00+07:00');
    // Before opening: Mon 06:00 + 2 h → 07:30 + 2 h = 09:30.
    expect(due('2026-03-09T06:00:00', hours(2))).toBe('2026-03-09T09:30:00+07:00');
    // Fri 13 Feb 16:00 + 24 h: 1 h Fri, Mon 23 Feb 8 h (Tết skipped), Tue 24 8 h = 17 h; the remaining 7 h on
    // Wed 25 = 4 h morning (07:30–11:30) + 3 h afternoon (13:00–16:00) → 16:00.
    expect(due('2026-02-13T16:00:00', hours(24))).toBe('2026-02-25T16:00:00+07:00');
  });
});

describe('computeDueAt — same_day (cutoff 15:00)', () => {
  it('before the cutoff on a working day → that day at the end of office hours', () => {
    expect(due('2026-03-09T14:59:00', SAME_DAY)).toBe('2026-03-09T17:00:00+07:00');
    expect(due('2026-03-09T06:30:00', SAME_DAY)).toBe('2026-03-09T17:00:00+07:00');
  });
  it('at/after the cutoff or on a day off → next working day', () => {
    expect(due('2026-03-09T15:00:00', SAME_DAY)).toBe('2026-03-10T17:00:00+07:00');
    expect(due('2026-03-06T15:30:00', SAME_DAY)).toBe('2026-03-09T17:00:00+07:00'); // Fri → Mon
    expect(due('2026-03-07T09:00:00', SAME_DAY)).toBe('2026-03-09T17:00:00+07:00'); // Sat → Mon
    expect(due('2026-02-13T15:30:00', SAME_DAY)).toBe('2026-02-23T17:00:00+07:00'); // before Tết → after Tết
  });
  it('cutoff is a policy setting', () => {
    const c = withPolicy({ sameDayCutoff: '16:00' });
    expect(due('2026-03-09T15:30:00', SAME_DAY, c)).toBe('2026-03-09T17:00:00+07:00');
  });
});

describe('computeDossierDue — supplements and apology', () => {
  const limit = wd(5);
  const receivedAt = at('2026-03-02T09:00:00'); // Mon; 5 working days → Mon 9 Mar 17:00

  it('no supplement: the plain due date', () => {
    const r = computeDossierDue({ receivedAt, limit, supplements: [] }, cal);
    expect(r.paused).toBe(false);
    expect(formatVnIso(r.dueAt as Date)).toBe('2026-03-09T17:00:00+07:00');
    expect(r.clockStartedAt).toEqual(receivedAt);
  });

  it('an outstanding supplement pauses the clock', () => {
    const r = computeDossierDue(
      { receivedAt, limit, supplements: [{ requestedAt: at('2026-03-04T10:00:00'), suppliedAt: null }] },
      cal,
    );
    expect(r).toEqual({ dueAt: null, paused: true, clockStartedAt: null });
  });

  it('once supplied, the FULL time restarts from the supply moment', () => {
    // Supplied Tue 10 Mar 14:00 → 5 working days from Tue: Wed 11, Thu 12, Fri 13, Mon 16, Tue 17.
    const suppliedAt = at('2026-03-10T14:00:00');
    const r = computeDossierDue(
      { receivedAt, limit, supplements: [{ requestedAt: at('2026-03-04T10:00:00'), suppliedAt }] },
      cal,
    );
    expect(formatVnIso(r.dueAt as Date)).toBe('2026-03-17T17:00:00+07:00');
    expect(r.clockStartedAt).toEqual(suppliedAt);
    expect(r.paused).toBe(false);
  });

  it('supplied after hours → restarts from the next working day; the latest supply wins', () => {
    // Second supply Fri 13 Mar 17:30 → deemed Mon 16 → +5 = Mon 23 Mar.
    const r = computeDossierDue(
      {
        receivedAt,
        limit,
        supplements: [
          { requestedAt: at('2026-03-03T10:00:00'), suppliedAt: at('2026-03-05T09:00:00') },
          { requestedAt: at('2026-03-09T10:00:00'), suppliedAt: at('2026-03-13T17:30:00') },
        ],
      },
      cal,
    );
    expect(formatVnIso(r.dueAt as Date)).toBe('2026-03-23T17:00:00+07:00');
  });

  it('an apology replaces the appointment (and outstanding supplements still pause)', () => {
    const apology = { sentAt: at('2026-03-06T10:00:00'), newDueAt: at('2026-03-13T17:00:00') };
    const r = computeDossierDue({ receivedAt, limit, supplements: [], apology }, cal);
    expect(formatVnIso(r.dueAt as Date)).toBe('2026-03-13T17:00:00+07:00');
    const paused = computeDossierDue(
      { receivedAt, limit, supplements: [{ requestedAt: at('2026-03-09T08:00:00'), suppliedAt: null }], apology },
      cal,
    );
    expect(paused.paused).toBe(true);
  });

  it('an apology sent before the clock restarted is superseded by the restart', () => {
    const apology = { sentAt: at('2026-03-04T10:00:00'), newDueAt: at('2026-03-13T17:00:00') };
    const r = computeDossierDue(
      {
        receivedAt,
        limit,
        supplements: [{ requestedAt: at('2026-03-05T10:00:00'), suppliedAt: at('2026-03-10T14:00:00') }],
        apology,
      },
      cal,
    );
    expect(formatVnIso(r.dueAt as Date)).toBe('2026-03-17T17:00:00+07:00');
  });

  it('rejects a supply before its request', () => {
    expect(() =>
      computeDossierDue(
        { receivedAt, limit, supplements: [{ requestedAt: at('2026-03-05T10:00:00'), suppliedAt: at('2026-03-04T10:00:00') }] },
        cal,
      ),
    ).toThrow(RangeError);
  });
});

describe('validateApology', () => {
  const currentDueAt = at('2026-03-10T17:00:00'); // Tue

  it('ok when first, at least one day before, and later', () => {
    expect(validateApology({ currentDueAt, sentAt: at('2026-03-09T16:00:00'), newDueAt: at('2026-03-13T17:00:00'), previousApologies: 0 }, cal)).toEqual({ ok: true });
    // The last minute of the day before is still "one day before".
    expect(validateApology({ currentDueAt, sentAt: at('2026-03-09T23:59:00'), newDueAt: at('2026-03-11T17:00:00'), previousApologies: 0 }, cal)).toEqual({ ok: true });
  });

  it('only once', () => {
    expect(validateApology({ currentDueAt, sentAt: at('2026-03-05T10:00:00'), newDueAt: at('2026-03-13T17:00:00'), previousApologies: 1 }, cal)).toEqual({ ok: false, code: 'APOLOGY_ALREADY_SENT' });
  });

  it('too late on the due date itself (local date, UTC+7)', () => {
    expect(validateApology({ currentDueAt, sentAt: at('2026-03-10T08:00:00'), newDueAt: at('2026-03-13T17:00:00'), previousApologies: 0 }, cal)).toEqual({ ok: false, code: 'APOLOGY_TOO_LATE' });
    // 2026-03-09T17:30Z is 00:30 on Tue 10 Mar in Vietnam → too late.
    expect(validateApology({ currentDueAt, sentAt: new Date('2026-03-09T17:30:00Z'), newDueAt: at('2026-03-13T17:00:00'), previousApologies: 0 }, cal)).toEqual({ ok: false, code: 'APOLOGY_TOO_LATE' });
  });

  it('the new date must be a later date', () => {
    expect(validateApology({ currentDueAt, sentAt: at('2026-03-06T10:00:00'), newDueAt: at('2026-03-10T23:00:00'), previousApologies: 0 }, cal)).toEqual({ ok: false, code: 'APOLOGY_DATE_NOT_LATER' });
    expect(validateApology({ currentDueAt, sentAt: at('2026-03-06T10:00:00'), newDueAt: at('2026-03-09T17:00:00'), previousApologies: 0 }, cal)).toEqual({ ok: false, code: 'APOLOGY_DATE_NOT_LATER' });
  });
});

describe('classifyTiming', () => {
  const dueAt = at('2026-03-10T17:00:00'); // Tue
  const now = at('2026-03-20T10:00:00');
  const c = (finished: string | null, nowS?: string, d: Date | null = dueAt, k = cal) =>
    classifyTiming({ dueAt: d, finishedAt: finished ? at(finished) : null, now: nowS ? at(nowS) : now }, k);

  it('finished: early / on_time / late', () => {
    expect(c('2026-03-09T16:00:00')).toBe('early'); // a date before the due date
    expect(c('2026-03-10T08:00:00')).toBe('on_time'); // on the due date, before dueAt
    expect(c('2026-03-10T17:00:00')).toBe('on_time'); // exactly at dueAt
    expect(c('2026-03-10T17:00:01')).toBe('late'); // same date but after dueAt
    expect(c('2026-03-11T08:00:00')).toBe('late');
  });

  it('open: overdue / due_soon / in_time', () => {
    expect(c(null, '2026-03-10T17:00:01')).toBe('overdue');
    expect(c(null, '2026-03-10T17:00:00')).toBe('due_soon'); // not after dueAt; 0 working days left
    expect(c(null, '2026-03-09T10:00:00')).toBe('due_soon'); // (Mon, Tue] = 1 working day ≤ 1
    expect(c(null, '2026-03-06T10:00:00')).toBe('in_time'); // (Fri, Tue] = Mon, Tue = 2
    // Over a weekend: due Mon 9 Mar, now Fri 6 → (Fri, Mon] = 1 → due_soon.
    expect(c(null, '2026-03-06T10:00:00', at('2026-03-09T17:00:00'))).toBe('due_soon');
    // Over Tết: due Mon 23 Feb, now Fri 13 Feb → 1 working day → due_soon.
    expect(c(null, '2026-02-13T10:00:00', at('2026-02-23T17:00:00'))).toBe('due_soon');
  });

  it('dueSoonWorkingDays is a policy setting', () => {
    const k0 = withPolicy({ dueSoonWorkingDays: 0 });
    expect(c(null, '2026-03-09T10:00:00', dueAt, k0)).toBe('in_time');
    expect(c(null, '2026-03-10T09:00:00', dueAt, k0)).toBe('due_soon');
    const k3 = withPolicy({ dueSoonWorkingDays: 3 });
    expect(c(null, '2026-03-05T10:00:00', dueAt, k3)).toBe('due_soon'); // (Thu, Tue] = Fri, Mon, Tue = 3
  });

  it('paused when there is no due date', () => {
    expect(c(null, '2026-03-09T10:00:00', null)).toBe('paused');
    expect(c('2026-03-09T10:00:00', '2026-03-09T10:00:00', null)).toBe('paused');
  });
});

describe('isOfficeTime / nextOfficeTime (office hours of working days)', () => {
  it('is office time inside the morning and afternoon blocks of a working day, not at lunch, at night or on a weekend', () => {
    expect(isOfficeTime(at('2026-03-02T07:30:00'), cal)).toBe(true);
    expect(isOfficeTime(at('2026-03-02T11:30:00'), cal)).toBe(true);
    expect(isOfficeTime(at('2026-03-02T12:00:00'), cal)).toBe(false);
    expect(isOfficeTime(at('2026-03-02T16:59:00'), cal)).toBe(true);
    expect(isOfficeTime(at('2026-03-02T02:40:00'), cal)).toBe(false);
    expect(isOfficeTime(at('2026-03-07T09:00:00'), cal)).toBe(false); // Saturday
    expect(isOfficeTime(at('2026-02-17T09:00:00'), cal)).toBe(false); // Tết
  });
  it('moves a time outside office hours to the next block start, and leaves office time alone', () => {
    expect(formatVnIso(nextOfficeTime(at('2026-03-02T02:40:00'), cal))).toBe('2026-03-02T07:30:00+07:00');
    expect(formatVnIso(nextOfficeTime(at('2026-03-02T12:10:00'), cal))).toBe('2026-03-02T13:00:00+07:00');
    expect(formatVnIso(nextOfficeTime(at('2026-03-06T18:00:00'), cal))).toBe('2026-03-09T07:30:00+07:00');
    expect(formatVnIso(nextOfficeTime(at('2026-02-13T17:30:00'), cal))).toBe('2026-02-23T07:30:00+07:00');
    expect(formatVnIso(nextOfficeTime(at('2026-03-03T10:15:00'), cal))).toBe('2026-03-03T10:15:00+07:00');
  });
});

describe('previousOfficeTime', () => {
  it('moves a time outside office hours back to the end of the latest block, and leaves office time alone', () => {
    expect(formatVnIso(previousOfficeTime(at('2026-03-02T20:45:00'), cal))).toBe('2026-03-02T17:00:00+07:00');
    expect(formatVnIso(previousOfficeTime(at('2026-03-02T12:10:00'), cal))).toBe('2026-03-02T11:30:00+07:00');
    expect(formatVnIso(previousOfficeTime(at('2026-03-02T06:00:00'), cal))).toBe('2026-02-27T17:00:00+07:00'); // Monday dawn → Friday
    expect(formatVnIso(previousOfficeTime(at('2026-02-20T10:00:00'), cal))).toBe('2026-02-13T17:00:00+07:00'); // Tết
    expect(formatVnIso(previousOfficeTime(at('2026-03-03T10:15:00'), cal))).toBe('2026-03-03T10:15:00+07:00');
  });
});

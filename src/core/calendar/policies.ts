/**
 * Versioned calendar policies (data). Add a new entry — never edit an old one — when the law changes.
 */
import type { CalendarPolicy, HolidayRule, LocalDate, OfficeHoursBlock } from './types.ts';

export const DEFAULT_WEEKEND_DAYS: readonly number[] = [6, 7];

/** Standard office hours of state agencies (common provincial rule; adjust per province with a new policy). */
export const DEFAULT_OFFICE_HOURS: readonly OfficeHoursBlock[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

export const REASON = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  victory: 'Ngày Chiến thắng 30/4',
  labour: 'Quốc tế Lao động 1/5',
  nationalDay: 'Quốc khánh 2/9',
  nationalDayAdjacent: 'Quốc khánh 2/9 (ngày liền kề)',
  compensatoryPrefix: 'Nghỉ bù ',
} as const;

const commonRules = (): HolidayRule[] => [
  { kind: 'solar', month: 1, day: 1, reason: REASON.newYear },
  { kind: 'lunar_new_year', daysBeforeNewYear: 1, daysOfNewYear: 4, reason: REASON.tet },
  { kind: 'lunar', month: 3, day: 10, reason: REASON.hungKings },
  { kind: 'solar', month: 4, day: 30, reason: REASON.victory },
  { kind: 'solar', month: 5, day: 1, reason: REASON.labour },
  { kind: 'solar', month: 9, day: 2, reason: REASON.nationalDay },
];

const commonSettings = () => ({
  weekendDays: [...DEFAULT_WEEKEND_DAYS],
  officeHours: DEFAULT_OFFICE_HOURS.map((b) => ({ ...b })),
  sameDayCutoff: '15:00',
  receiptOutsideHoursCountsFromNextWorkingDay: true,
  compensateWeekendHolidays: true,
  dueTime: 'end_of_office_hours' as const,
  dueSoonWorkingDays: 1,
});

/**
 * Labour Code 1994 (art. 73): 1/1, Tết 4 days, 30/4, 1/5, 2/9 (8 days), compensatory days. Saturdays were
 * working days for state agencies until the 40-hour week of Decision 188/1999/QĐ-TTg (from 2/10/1999).
 */
export const POLICY_LABOUR_CODE_1994: CalendarPolicy = {
  id: 'vn-labour-code-1994',
  validFrom: '1995-01-01',
  validTo: '1999-10-01',
  legalBasis: 'Bộ luật Lao động 1994 Điều 73 (Tết Dương lịch, Tết Âm lịch 4 ngày, 30/4, 1/5, 2/9); tuần làm việc 6 ngày.',
  ...commonSettings(),
  weekendDays: [7],
  holidays: [
    { kind: 'solar', month: 1, day: 1, reason: REASON.newYear },
    { kind: 'lunar_new_year', daysBeforeNewYear: 1, daysOfNewYear: 3, reason: REASON.tet },
    { kind: 'solar', month: 4, day: 30, reason: REASON.victory },
    { kind: 'solar', month: 5, day: 1, reason: REASON.labour },
    { kind: 'solar', month: 9, day: 2, reason: REASON.nationalDay },
  ],
};

/** Labour Code 1994 with the 40-hour week (Decision 188/1999/QĐ-TTg, Saturdays off from 2/10/1999). */
export const POLICY_LABOUR_CODE_1994_40H: CalendarPolicy = {
  ...POLICY_LABOUR_CODE_1994,
  id: 'vn-labour-code-1994-40h',
  validFrom: '1999-10-02',
  validTo: '2007-04-01',
  legalBasis: 'Bộ luật Lao động 1994 Điều 73; Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ).',
  weekendDays: [6, 7],
};

/** Labour Code 1994 as amended by Law 84/2007/QH11: Hùng Kings' day (10/3 lunar) added. */
export const POLICY_LABOUR_CODE_2007: CalendarPolicy = {
  ...POLICY_LABOUR_CODE_1994_40H,
  id: 'vn-labour-code-2007',
  validFrom: '2007-04-02',
  validTo: '2013-04-30',
  legalBasis: 'Bộ luật Lao động 1994 sửa đổi bởi Luật 84/2007/QH11 Điều 73 (thêm Giỗ Tổ Hùng Vương; Tết Âm lịch 4 ngày).',
  holidays: [
    ...POLICY_LABOUR_CODE_1994.holidays,
    { kind: 'lunar', month: 3, day: 10, reason: REASON.hungKings },
  ],
};

/** Labour Code 2012 (10/2012/QH13) art. 115: 10 days a year; National Day = 1 day. */
export const POLICY_LABOUR_CODE_2012: CalendarPolicy = {
  id: 'vn-labour-code-2012',
  validFrom: '2013-05-01',
  validTo: '2020-12-31',
  legalBasis:
    'Bộ luật Lao động 2012 (10/2012/QH13) Điều 115 (Tết Dương lịch 1 ngày, Tết Âm lịch 5 ngày, Giỗ Tổ Hùng Vương, ' +
    '30/4, 1/5, Quốc khánh 1 ngày; nghỉ bù khi trùng ngày nghỉ hằng tuần); Bộ luật Dân sự 2015 Điều 147–148 ' +
    '(cách tính thời hạn).',
  ...commonSettings(),
  holidays: commonRules(),
};

/** Labour Code 2019 (45/2019/QH14) art. 112, in force 2021-01-01: 11 days a year; National Day = 2 days. */
export const POLICY_LABOUR_CODE_2019: CalendarPolicy = {
  id: 'vn-labour-code-2019',
  validFrom: '2021-01-01',
  validTo: null,
  legalBasis:
    'Bộ luật Lao động 2019 (45/2019/QH14) Điều 112 (Tết Dương lịch 1 ngày, Tết Âm lịch 5 ngày, Giỗ Tổ Hùng Vương ' +
    '10/3 âm lịch, 30/4, 1/5, Quốc khánh 02 ngày: 2/9 và 01 ngày liền kề trước hoặc sau; khoản 3: nghỉ bù khi ngày ' +
    'lễ, tết trùng ngày nghỉ hằng tuần); Bộ luật Dân sự 2015 Điều 147–148 (cách tính thời hạn).',
  ...commonSettings(),
  holidays: [
    ...commonRules(),
    { kind: 'adjacent_day', month: 9, day: 2, reason: REASON.nationalDayAdjacent, tieBreak: 'before' },
  ],
};

/** The shipped policies, oldest first. Treat as read-only data (copy before changing). */
export const DEFAULT_CALENDAR_POLICIES: CalendarPolicy[] = [
  POLICY_LABOUR_CODE_1994,
  POLICY_LABOUR_CODE_1994_40H,
  POLICY_LABOUR_CODE_2007,
  POLICY_LABOUR_CODE_2012,
  POLICY_LABOUR_CODE_2019,
];

/**
 * Fills settings missing from a stored policy (e.g. JSON written by an older version) with the defaults:
 * weekendDays [6, 7], office hours 07:30–11:30 + 13:00–17:00, cutoff 15:00, receipt rule on, compensation on,
 * due time end of office hours, due-soon 1 working day.
 */
export function withPolicyDefaults(p: Partial<CalendarPolicy> & Pick<CalendarPolicy, 'id' | 'validFrom'>): CalendarPolicy {
  const d = commonSettings();
  return {
    id: p.id,
    validFrom: p.validFrom,
    validTo: p.validTo ?? null,
    legalBasis: p.legalBasis ?? '',
    weekendDays: p.weekendDays ?? d.weekendDays,
    officeHours: p.officeHours ?? d.officeHours,
    sameDayCutoff: p.sameDayCutoff ?? d.sameDayCutoff,
    receiptOutsideHoursCountsFromNextWorkingDay:
      p.receiptOutsideHoursCountsFromNextWorkingDay ?? d.receiptOutsideHoursCountsFromNextWorkingDay,
    compensateWeekendHolidays: p.compensateWeekendHolidays ?? d.compensateWeekendHolidays,
    dueTime: p.dueTime ?? d.dueTime,
    dueSoonWorkingDays: p.dueSoonWorkingDays ?? d.dueSoonWorkingDays,
    holidays: p.holidays ?? [],
  };
}

/** The policy in force on `date`; throws RangeError when no policy covers it. */
export function policyFor(date: LocalDate, policies: readonly CalendarPolicy[]): CalendarPolicy {
  const p = findPolicy(date, policies);
  if (!p) throw new RangeError(`No calendar policy is in force on ${date}`);
  return p;
}

/** Like policyFor but returns undefined when none applies. */
export function findPolicy(date: LocalDate, policies: readonly CalendarPolicy[]): CalendarPolicy | undefined {
  return policies.find((p) => p.validFrom <= date && (p.validTo === null || date <= p.validTo));
}

/**
 * Checks a list of policies: valid dates, validFrom ≤ validTo, no overlap, sane office hours and weekend days.
 * Returns the problems found (empty = fine).
 */
export function validatePolicies(policies: readonly CalendarPolicy[]): string[] {
  const problems: string[] = [];
  const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
  const sorted = [...policies].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  sorted.forEach((p, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.validFrom)) problems.push(`${p.id}: bad validFrom`);
    if (p.validTo !== null && p.validTo < p.validFrom) problems.push(`${p.id}: validTo before validFrom`);
    const next = sorted[i + 1];
    if (next && (p.validTo === null || p.validTo >= next.validFrom)) {
      problems.push(`${p.id} overlaps ${next.id}`);
    }
    if (p.officeHours.length === 0) problems.push(`${p.id}: no office hours`);
    let prevEnd = '';
    for (const b of p.officeHours) {
      if (!hhmm.test(b.start) || !hhmm.test(b.end) || b.start >= b.end || b.start < prevEnd) {
        problems.push(`${p.id}: bad office hours ${b.start}-${b.end}`);
      }
      prevEnd = b.end;
    }
    if (!hhmm.test(p.sameDayCutoff)) problems.push(`${p.id}: bad sameDayCutoff`);
    if (p.weekendDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7) || p.weekendDays.length >= 7) {
      problems.push(`${p.id}: bad weekendDays`);
    }
    if (!Number.isInteger(p.dueSoonWorkingDays) || p.dueSoonWorkingDays < 0) {
      problems.push(`${p.id}: bad dueSoonWorkingDays`);
    }
  });
  return problems;
}

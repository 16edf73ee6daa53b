/**
 * Periodic administrative-reform reports (báo cáo định kỳ công tác cải cách hành chính): the report kinds, their
 * data cut-off periods and submission deadlines as dated, versioned data (like the calendar, one-stop and
 * feedback policies), and whether a report is on time or late. Pure: the clock is always a parameter.
 *
 * Source: domain doc reform-index-and-inspections.md — "Reform reports are due quarterly, 6-monthly, for Q3
 * (9 months) and yearly, by the 20th of the last month of the period, with fixed data cut-offs (Q1: 15/12–14/3;
 * 6 months: 15/12–14/6; Q3: 15/6–14/9; year: 15/12–14/12)". A deadline day counts to its end (Vietnam time):
 * a report sent at 23:59 on the 20th is on time.
 */
import { addDays, makeLocalDate } from '../calendar/dates.ts';
import { localDateTimeToInstant, toLocalDate } from '../calendar/time.ts';
import type { LocalDate } from '../calendar/types.ts';

export const REPORT_KINDS = ['q1', 'half', 'q3', 'year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Names of the reports as written in their titles ("Báo cáo … quý I năm 2026"). */
export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, { vi: string; en: string }>> = {
  q1: { vi: 'Quý I', en: 'First quarter' },
  half: { vi: '6 tháng đầu năm', en: 'First half' },
  q3: { vi: '9 tháng (quý III)', en: 'Nine months (Q3)' },
  year: { vi: 'Năm', en: 'Year' },
};

/** A day of a month relative to the report year (yearOffset −1: the previous year). */
export interface DayRule {
  yearOffset: -1 | 0;
  month: number;
  day: number;
}

export interface KindRule {
  cutoffFrom: DayRule;
  cutoffTo: DayRule;
  /** Last day to submit (in the report year); the whole day counts, Vietnam time. */
  deadline: { month: number; day: number };
}

export interface ReformScheduleRule {
  id: string;
  /** Applies to reports whose deadline falls within [validFrom, validTo]. */
  validFrom: LocalDate;
  validTo: LocalDate | null;
  legalBasis: string;
  kinds: Readonly<Record<ReportKind, KindRule>>;
}

export const REFORM_SCHEDULE_RULES: readonly ReformScheduleRule[] = [
  {
    id: 'cchc-bc-2019',
    validFrom: '2019-03-01',
    validTo: null,
    legalBasis:
      'Nghị định số 09/2019/NĐ-CP của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước (thời gian chốt số liệu báo cáo định kỳ); ' +
      'kỳ báo cáo và thời hạn gửi báo cáo công tác cải cách hành chính: chậm nhất ngày 20 của tháng cuối kỳ báo cáo.',
    kinds: {
      q1: { cutoffFrom: { yearOffset: -1, month: 12, day: 15 }, cutoffTo: { yearOffset: 0, month: 3, day: 14 }, deadline: { month: 3, day: 20 } },
      half: { cutoffFrom: { yearOffset: -1, month: 12, day: 15 }, cutoffTo: { yearOffset: 0, month: 6, day: 14 }, deadline: { month: 6, day: 20 } },
      // The 9-month (Q3) report: 15/6–14/9 exactly as the domain doc writes it — i.e. the third quarter's data,
      // not the cumulative 15/12–14/9 one might expect of a "9 months" report. We follow the doc; a province
      // reading it otherwise publishes a new rule version (data), no code change.
      q3: { cutoffFrom: { yearOffset: 0, month: 6, day: 15 }, cutoffTo: { yearOffset: 0, month: 9, day: 14 }, deadline: { month: 9, day: 20 } },
      year: { cutoffFrom: { yearOffset: -1, month: 12, day: 15 }, cutoffTo: { yearOffset: 0, month: 12, day: 14 }, deadline: { month: 12, day: 20 } },
    },
  },
];

export interface ReportSchedule {
  ruleId: string;
  legalBasis: string;
  kind: ReportKind;
  year: number;
  /** Data cut-off, inclusive local dates. */
  cutoff: { from: LocalDate; to: LocalDate };
  /** The last day to submit (local date). */
  deadline: LocalDate;
  /** The first instant after the deadline day (00:00 Vietnam time the next day): submitting at or after it is late. */
  lateFrom: Date;
}

const dayOf = (year: number, r: DayRule): LocalDate => makeLocalDate(year + r.yearOffset, r.month, r.day);

/** The rule version in force for a deadline day. */
export function scheduleRuleFor(deadline: LocalDate, rules: readonly ReformScheduleRule[] = REFORM_SCHEDULE_RULES): ReformScheduleRule | null {
  return rules.find((r) => r.validFrom <= deadline && (r.validTo === null || deadline <= r.validTo)) ?? null;
}

/**
 * Cut-off and deadline of the `kind` report of `year`. The rule version is the one in force on the deadline
 * (each version states the deadline day of every kind; the first version whose range holds it wins).
 * Throws RangeError for a year outside 2000–2100 or when no rule covers it.
 */
export function reportSchedule(kind: ReportKind, year: number, rules: readonly ReformScheduleRule[] = REFORM_SCHEDULE_RULES): ReportSchedule {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError('year must be 2000–2100');
  for (const rule of rules) {
    const k = rule.kinds[kind];
    const deadline = makeLocalDate(year, k.deadline.month, k.deadline.day);
    if (scheduleRuleFor(deadline, rules) !== rule) continue;
    return {
      ruleId: rule.id,
      legalBasis: rule.legalBasis,
      kind,
      year,
      cutoff: { from: dayOf(year, k.cutoffFrom), to: dayOf(year, k.cutoffTo) },
      deadline,
      lateFrom: localDateTimeToInstant(addDays(deadline, 1), '00:00'),
    };
  }
  throw new RangeError(`no reform report rule covers the ${kind} report of ${year}`);
}

/** Where a unit stands on one report. */
export type ReportStanding =
  | 'submitted_on_time'
  | 'submitted_late'
  /** A draft exists, not submitted yet. */
  | 'draft'
  /** No report at all. */
  | 'not_started';

export interface ReportTiming {
  standing: ReportStanding;
  /** Submitted after the deadline, or not submitted and the deadline has passed. */
  late: boolean;
  /** Whole days past the deadline day (0 when not late or submitted on the deadline). */
  daysLate: number;
}

/**
 * Late / on-time status of a report given its status and submission time, at `now`. A draft or a missing report
 * is late once the deadline day is over; a submitted report keeps the verdict of its submission moment.
 */
export function reportTiming(schedule: Pick<ReportSchedule, 'deadline' | 'lateFrom'>, report: { status: ReportStatus; submittedAt: Date | null } | null, now: Date): ReportTiming {
  const daysAfter = (at: Date) => {
    if (at.getTime() < schedule.lateFrom.getTime()) return 0;
    const d = toLocalDate(at);
    let n = 0;
    for (let x = schedule.deadline; x < d; x = addDays(x, 1)) n++;
    return n;
  };
  if (report && report.status === 'submitted' && report.submittedAt) {
    const late = report.submittedAt.getTime() >= schedule.lateFrom.getTime();
    return { standing: late ? 'submitted_late' : 'submitted_on_time', late, daysLate: late ? daysAfter(report.submittedAt) : 0 };
  }
  const late = now.getTime() >= schedule.lateFrom.getTime();
  return { standing: report ? 'draft' : 'not_started', late, daysLate: late ? daysAfter(now) : 0 };
}

/** A submitted report may be withdrawn (back to draft) only until the end of the deadline day. */
export function canWithdraw(schedule: Pick<ReportSchedule, 'lateFrom'>, now: Date): boolean {
  return now.getTime() < schedule.lateFrom.getTime();
}

export const REPORT_STANDING_LABELS: Readonly<Record<ReportStanding, { vi: string; en: string }>> = {
  submitted_on_time: { vi: 'Đã gửi đúng hạn', en: 'Submitted on time' },
  submitted_late: { vi: 'Đã gửi trễ hạn', en: 'Submitted late' },
  draft: { vi: 'Đang soạn thảo', en: 'Draft' },
  not_started: { vi: 'Chưa có báo cáo', en: 'No report' },
};

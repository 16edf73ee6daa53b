/**
 * Remediation tasks (nhiệm vụ khắc phục): each recommendation of a conclusion notice — or a lost point of the PAR
 * index — becomes a task for its owner unit, with a deadline and a status. Pure: the clock is always a parameter.
 *
 * States: open → reported (the unit reports with evidence) → accepted (the team leader closes it) | returned (with a
 * comment) → reported … A task is overdue while it is open or returned after its deadline day (the whole deadline
 * day counts, Vietnam time; the caller passes today's local date).
 *
 * Default deadline: domain doc reform-index-and-inspections.md — "the unit's remediation report(s) (one local rule:
 * within 15 days of the conclusion notice)"; kept as dated, versioned data (the notice's date picks the version).
 */
import { addDays } from '../calendar/dates.ts';
import type { LocalDate } from '../calendar/types.ts';

export const REMEDIATION_STATUSES = ['open', 'reported', 'accepted', 'returned'] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

export const REMEDIATION_STATUS_LABELS: Readonly<Record<RemediationStatus, { vi: string; en: string }>> = {
  open: { vi: 'Chưa khắc phục', en: 'Open' },
  reported: { vi: 'Đã báo cáo', en: 'Reported' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
  returned: { vi: 'Trả lại', en: 'Returned' },
};

export const REMEDIATION_ACTIONS = ['report', 'accept', 'return'] as const;
export type RemediationAction = (typeof REMEDIATION_ACTIONS)[number];

export type RemediationSource =
  | { kind: 'inspection'; inspectionId: string; recommendationId: string }
  | { kind: 'par'; roundId: string; nodeCode: string };

export interface RemediationDeadlineRule {
  id: string;
  validFrom: LocalDate;
  validTo: LocalDate | null;
  /** Calendar days after the conclusion notice's date. */
  daysAfterNotice: number;
  source: string;
}

export const REMEDIATION_DEADLINE_RULES: readonly RemediationDeadlineRule[] = [
  {
    id: 'khac-phuc-15-ngay',
    validFrom: '2019-01-01',
    validTo: null,
    daysAfterNotice: 15,
    source: 'reform-index-and-inspections.md — remediation report "within 15 days of the conclusion notice" (one local rule)',
  },
];

export function remediationDeadlineRuleFor(noticeDate: LocalDate, rules: readonly RemediationDeadlineRule[] = REMEDIATION_DEADLINE_RULES): RemediationDeadlineRule | null {
  return rules.find((r) => r.validFrom <= noticeDate && (r.validTo === null || noticeDate <= r.validTo)) ?? null;
}

/** The default deadline of a task from a notice dated `noticeDate`. Throws RangeError when no rule covers the date. */
export function defaultRemediationDeadline(noticeDate: LocalDate, rules: readonly RemediationDeadlineRule[] = REMEDIATION_DEADLINE_RULES): { deadline: LocalDate; ruleId: string } {
  const rule = remediationDeadlineRuleFor(noticeDate, rules);
  if (!rule) throw new RangeError(`no remediation deadline rule covers ${noticeDate}`);
  return { deadline: addDays(noticeDate, rule.daysAfterNotice), ruleId: rule.id };
}

export type TransitionError = 'not_allowed' | 'evidence_required' | 'comment_required';

export interface TransitionInput {
  action: RemediationAction;
  /** Number of evidence files/documents attached to a report. */
  evidenceCount?: number;
  comment?: string;
}

/** The next status, or why the action is refused. Reporting needs evidence; returning needs a comment. */
export function remediationTransition(from: RemediationStatus, input: TransitionInput): { ok: true; to: RemediationStatus } | { ok: false; error: TransitionError } {
  switch (input.action) {
    case 'report':
      if (from !== 'open' && from !== 'returned') return { ok: false, error: 'not_allowed' };
      if ((input.evidenceCount ?? 0) < 1) return { ok: false, error: 'evidence_required' };
      return { ok: true, to: 'reported' };
    case 'accept':
      if (from !== 'reported') return { ok: false, error: 'not_allowed' };
      return { ok: true, to: 'accepted' };
    case 'return':
      if (from !== 'reported') return { ok: false, error: 'not_allowed' };
      if (!input.comment?.trim()) return { ok: false, error: 'comment_required' };
      return { ok: true, to: 'returned' };
  }
}

/** Open or returned after the deadline day. A reported task waits on the leader, not on the unit. */
export function isRemediationOverdue(status: RemediationStatus, deadline: LocalDate, today: LocalDate): boolean {
  return (status === 'open' || status === 'returned') && today > deadline;
}

export interface TaskForTally {
  ownerAgencyId: string;
  status: RemediationStatus;
  deadline: LocalDate;
  /** Whether the unit has ever reported on the task. */
  everReported: boolean;
}

export interface RemediationTally {
  open: number;
  overdue: number;
  reported: number;
  accepted: number;
  returned: number;
  /** Units with a task past its deadline that they never reported on (sorted). */
  unitsWithoutReport: string[];
}

/** The dashboard's figures over a set of tasks; `open` counts open and returned tasks (work left to the unit). */
export function tallyRemediation(tasks: readonly TaskForTally[], today: LocalDate): RemediationTally {
  const t: RemediationTally = { open: 0, overdue: 0, reported: 0, accepted: 0, returned: 0, unitsWithoutReport: [] };
  const silent = new Set<string>();
  for (const task of tasks) {
    if (task.status === 'open' || task.status === 'returned') t.open++;
    if (task.status === 'returned') t.returned++;
    if (task.status === 'reported') t.reported++;
    if (task.status === 'accepted') t.accepted++;
    if (isRemediationOverdue(task.status, task.deadline, today)) t.overdue++;
    if (!task.everReported && today > task.deadline) silent.add(task.ownerAgencyId);
  }
  t.unitsWithoutReport = [...silent].sort();
  return t;
}

export interface RemediationHistoryStep {
  action: 'create' | RemediationAction | 'deadline';
  evidenceCount?: number;
  comment?: string | null;
}

/**
 * The status a task's history leads to: 'create' opens it, each report/accept/return goes through
 * remediationTransition, deadline changes keep the status. Returns null when a step is not allowed (a corrupt
 * history), so a stored status can be checked against its entries.
 */
export function remediationStatusFromHistory(steps: readonly RemediationHistoryStep[]): { status: RemediationStatus; everReported: boolean } | null {
  let status: RemediationStatus | null = null;
  let everReported = false;
  for (const s of steps) {
    if (s.action === 'create') {
      if (status !== null) return null;
      status = 'open';
      continue;
    }
    if (status === null) return null;
    if (s.action === 'deadline') continue;
    const t = remediationTransition(status, { action: s.action, evidenceCount: s.evidenceCount ?? 0, comment: s.comment ?? '' });
    if (!t.ok) return null;
    if (s.action === 'report') everReported = true;
    status = t.to;
  }
  return status === null ? null : { status, everReported };
}

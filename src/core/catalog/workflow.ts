/**
 * Internal workflow (quy trình nội bộ): steps, roles and time allotments an agency uses for a procedure.
 * Allotments are counted in working half-days (0.5 day); their total must fit the legal processing time.
 *
 * Conversion of a legal limit to working half-days (`legalHalfDays`):
 * - working_days: amount × 2.
 * - days (calendar): the working days guaranteed in ANY window of that many calendar days, ignoring public
 *   holidays: 5·⌊n/7⌋ + max(0, n mod 7 − 2), at least 1 for n ≥ 1; × 2. (15 days → 10 WD, 30 → 20, 8 → 5.)
 *   Conservative: an internal plan built on it never overruns the calendar-day limit because of weekends.
 * - hours: ⌊hours / 4⌋ (a working half-day is taken as 4 hours).
 * - same_day: 0 — everything happens within the day; steps carry 0 allotments and the dossier's due time
 *   (calendar module) is the control.
 * - null (no fixed limit, e.g. OTHER/0 scheduled procedures): no cap; defaultWorkflow gives 0 allotments.
 */

export type WorkflowRole = 'desk_officer' | 'specialist' | 'leader';

export interface WorkflowStep {
  order: number;
  name: string;
  role: WorkflowRole;
  departmentHint: string | null;
  /** Working half-days; a non-negative integer (0.5 day = 1). */
  allotmentHalfDays: number;
  agency: string | null;
  /** Steps sharing a group run in parallel (their time counts once, the longest); null = sequential. */
  parallelGroup: number | null;
}

export interface WorkflowLimit {
  amount: number;
  unit: string;
}

export type WorkflowErrorCode =
  | 'WORKFLOW_EXCEEDS_LEGAL_TIME'
  | 'WORKFLOW_EMPTY'
  | 'WORKFLOW_BAD_ORDER'
  | 'WORKFLOW_BAD_ALLOTMENT';

export interface WorkflowError {
  code: WorkflowErrorCode;
  message: string;
  details?: object;
}

export type WorkflowValidation = { ok: true } | { ok: false; errors: WorkflowError[] };

/** Working half-days available under a legal limit; null = no cap. Throws RangeError on an unknown unit. */
export function legalHalfDays(limit: WorkflowLimit | null): number | null {
  if (limit === null) return null;
  const { amount, unit } = limit;
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`invalid time limit amount: ${amount}`);
  switch (unit) {
    case 'working_days':
      return Math.floor(amount * 2);
    case 'days': {
      const n = Math.floor(amount);
      if (n <= 0) return 0;
      const workingDays = 5 * Math.floor(n / 7) + Math.max(0, (n % 7) - 2);
      return Math.max(1, workingDays) * 2;
    }
    case 'hours':
      return Math.floor(amount / 4);
    case 'same_day':
      return 0;
    default:
      throw new RangeError(`unknown time limit unit: ${JSON.stringify(unit)}`);
  }
}

const DESK = 'Bộ phận Một cửa';

/**
 * Default five-step workflow scaled to the legal limit; the total equals the available half-days.
 * Base plan: desk receives & forwards 1 half-day, leader assigns 1, specialist appraises the rest, leader
 * approves 1 (2 when the limit is ≥ 10 working days), desk returns 1. When the specialist would get less than
 * half of the time, the return, then the assignment, then the intake allotments drop to 0 (done within the
 * same half-day). 1 working day → specialist 1 + leader 1. Less than 2 half-days → specialist gets it all.
 * No limit / same day / under 4 hours → all allotments 0.
 */
export function defaultWorkflow(limit: WorkflowLimit | null): WorkflowStep[] {
  const total = legalHalfDays(limit) ?? 0;
  const a = { receive: 1, assign: 1, specialist: 0, approve: total >= 20 ? 2 : 1, return: 1 };
  if (total < 2) {
    Object.assign(a, { receive: 0, assign: 0, approve: 0, return: 0, specialist: total });
  } else {
    const overhead = () => a.receive + a.assign + a.approve + a.return;
    const dropOrder = ['return', 'assign', 'receive'] as const;
    for (const key of dropOrder) {
      if (total - overhead() >= Math.ceil(total / 2)) break;
      a[key] = 0;
    }
    a.specialist = total - overhead();
  }
  const step = (order: number, name: string, role: WorkflowRole, departmentHint: string | null, allot: number): WorkflowStep => ({
    order,
    name,
    role,
    departmentHint,
    allotmentHalfDays: allot,
    agency: null,
    parallelGroup: null,
  });
  return [
    step(1, 'Tiếp nhận, kiểm tra và chuyển hồ sơ', 'desk_officer', DESK, a.receive),
    step(2, 'Phân công xử lý', 'leader', null, a.assign),
    step(3, 'Thẩm định, xử lý hồ sơ', 'specialist', null, a.specialist),
    step(4, 'Phê duyệt, ký kết quả', 'leader', null, a.approve),
    step(5, 'Trả kết quả', 'desk_officer', DESK, a.return),
  ];
}

/** Total elapsed half-days: sequential steps add up; a parallel group counts its longest step once. */
export function workflowHalfDays(steps: readonly WorkflowStep[]): number {
  let total = 0;
  const groups = new Map<number, number>();
  for (const s of steps) {
    if (s.parallelGroup === null) total += s.allotmentHalfDays;
    else groups.set(s.parallelGroup, Math.max(groups.get(s.parallelGroup) ?? 0, s.allotmentHalfDays));
  }
  for (const longest of groups.values()) total += longest;
  return total;
}

/**
 * Checks a workflow against a legal limit:
 * - WORKFLOW_EMPTY: no steps.
 * - WORKFLOW_BAD_ORDER: orders must be the integers 1..n, each once; steps of one parallel group must have
 *   consecutive orders.
 * - WORKFLOW_BAD_ALLOTMENT: allotmentHalfDays must be a non-negative integer (multiples of 0.5 day).
 * - WORKFLOW_EXCEEDS_LEGAL_TIME: total (see workflowHalfDays) above legalHalfDays(limit); never for a null limit.
 * Throws RangeError on an unknown limit unit.
 */
export function validateWorkflow(steps: readonly WorkflowStep[], limit: WorkflowLimit | null): WorkflowValidation {
  const available = legalHalfDays(limit);
  const errors: WorkflowError[] = [];
  if (steps.length === 0) {
    return { ok: false, errors: [{ code: 'WORKFLOW_EMPTY', message: 'The workflow has no steps.' }] };
  }

  const orders = steps.map((s) => s.order);
  const sorted = [...orders].sort((x, y) => x - y);
  const expected = steps.map((_, i) => i + 1);
  if (!sorted.every((o, i) => o === expected[i])) {
    errors.push({
      code: 'WORKFLOW_BAD_ORDER',
      message: `Step orders must be 1..${steps.length}, each used once.`,
      details: { orders },
    });
  } else {
    const byOrder = [...steps].sort((x, y) => x.order - y.order);
    const closed = new Set<number>();
    let previous: number | null = null;
    for (const s of byOrder) {
      const g = s.parallelGroup;
      if (g !== previous && previous !== null) closed.add(previous);
      if (g !== null && closed.has(g)) {
        errors.push({
          code: 'WORKFLOW_BAD_ORDER',
          message: `Steps of parallel group ${g} must be consecutive.`,
          details: { parallelGroup: g, order: s.order },
        });
        break;
      }
      previous = g;
    }
  }

  for (const s of steps) {
    const v = s.allotmentHalfDays;
    if (!Number.isInteger(v) || v < 0) {
      errors.push({
        code: 'WORKFLOW_BAD_ALLOTMENT',
        message: `Step ${s.order} (${s.name}): the allotment must be a non-negative whole number of half-days, got ${v}.`,
        details: { order: s.order, allotmentHalfDays: v },
      });
    }
  }

  if (available !== null && !errors.some((e) => e.code === 'WORKFLOW_BAD_ALLOTMENT')) {
    const total = workflowHalfDays(steps);
    if (total > available) {
      errors.push({
        code: 'WORKFLOW_EXCEEDS_LEGAL_TIME',
        message: `The steps take ${total / 2} working days; the legal time allows ${available / 2}.`,
        details: { totalHalfDays: total, legalHalfDays: available, limit },
      });
    }
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

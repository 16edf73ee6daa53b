/**
 * Inspection plans (kế hoạch kiểm tra công tác cải cách hành chính) and a unit's self-inspection coverage of its
 * own sub-units. Pure.
 *
 * Source: domain doc reform-index-and-inspections.md — "Teams led by the Department of Home Affairs (with the
 * provincial office, justice, finance, science/technology departments) visit units, usually by schedule and
 * sometimes by surprise. Units must also self-inspect at least half of their own sub-units."
 */
import { addDays, daysInMonth, isLocalDate, makeLocalDate, parseLocalDate } from '../../calendar/dates.ts';
import type { LocalDate } from '../../calendar/types.ts';

export const PLAN_KINDS = ['province', 'self'] as const;
/** 'province': the province's teams visit units; 'self': a unit inspects its own sub-units. */
export type PlanKind = (typeof PLAN_KINDS)[number];

export const VISIT_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const TEAM_ROLES = ['leader', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface PlannedVisitInput {
  agencyId: string;
  /** Scheduled day; null for a surprise visit (the date is not announced). */
  scheduledOn: LocalDate | null;
  surprise: boolean;
}

export interface TeamMemberInput {
  staffId: string;
  /** The member's own agency (department); teams draw on several. */
  agencyId: string;
  role: TeamRole;
}

export interface PlanInput {
  year: number;
  kind: PlanKind;
  visits: readonly PlannedVisitInput[];
  team: readonly TeamMemberInput[];
  /** For a self-inspection plan: the owner's sub-units (a visit elsewhere is a problem). Ignored for 'province'. */
  subUnitIds?: readonly string[];
}

export interface PlanProblem {
  /** Path into the input ("visits.2.scheduledOn"). */
  path: string;
  code: 'year' | 'no_visits' | 'duplicate_unit' | 'date_required' | 'date_outside_year' | 'surprise_with_date' | 'leader_count' | 'duplicate_member' | 'not_sub_unit';
}

/** Every problem with a plan (empty when sound): one leader, each unit once, dates within the plan's year. */
export function validatePlan(p: PlanInput): PlanProblem[] {
  const out: PlanProblem[] = [];
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2100) out.push({ path: 'year', code: 'year' });
  if (p.visits.length === 0) out.push({ path: 'visits', code: 'no_visits' });
  const units = new Set<string>();
  p.visits.forEach((v, i) => {
    if (units.has(v.agencyId)) out.push({ path: `visits.${i}.agencyId`, code: 'duplicate_unit' });
    units.add(v.agencyId);
    if (p.kind === 'self' && p.subUnitIds && !p.subUnitIds.includes(v.agencyId)) out.push({ path: `visits.${i}.agencyId`, code: 'not_sub_unit' });
    if (v.surprise) {
      if (v.scheduledOn !== null) out.push({ path: `visits.${i}.scheduledOn`, code: 'surprise_with_date' });
    } else if (v.scheduledOn === null || !isLocalDate(v.scheduledOn)) {
      out.push({ path: `visits.${i}.scheduledOn`, code: 'date_required' });
    } else if (parseLocalDate(v.scheduledOn).year !== p.year) {
      out.push({ path: `visits.${i}.scheduledOn`, code: 'date_outside_year' });
    }
  });
  const leaders = p.team.filter((m) => m.role === 'leader').length;
  if (leaders !== 1) out.push({ path: 'team', code: 'leader_count' });
  const staff = new Set<string>();
  p.team.forEach((m, i) => {
    if (staff.has(m.staffId)) out.push({ path: `team.${i}.staffId`, code: 'duplicate_member' });
    staff.add(m.staffId);
  });
  return out;
}

/** The self-inspection rule as dated data: the share of sub-units a unit must inspect itself each year. */
export interface SelfInspectionRule {
  id: string;
  validFrom: LocalDate;
  validTo: LocalDate | null;
  /** Minimum share as a fraction numerator/denominator (exact, no floats). */
  minShare: { num: number; den: number };
  source: string;
}

export const SELF_INSPECTION_RULES: readonly SelfInspectionRule[] = [
  {
    id: 'tu-kt-50pct',
    validFrom: '2019-01-01',
    validTo: null,
    minShare: { num: 1, den: 2 },
    source: 'reform-index-and-inspections.md — "Units must also self-inspect at least half of their own sub-units."',
  },
];

export function selfInspectionRuleFor(on: LocalDate, rules: readonly SelfInspectionRule[] = SELF_INSPECTION_RULES): SelfInspectionRule | null {
  return rules.find((r) => r.validFrom <= on && (r.validTo === null || on <= r.validTo)) ?? null;
}

export interface Coverage {
  subUnits: number;
  inspected: number;
  /** Sub-units still needed to meet the rule (0 when met). */
  stillNeeded: number;
  /** inspected ÷ subUnits × 100, two decimals as a string ("50.00"); null when there are no sub-units. */
  percent: string | null;
  meets: boolean;
  ruleId: string;
}

/**
 * Coverage of a unit's self-inspection this year: distinct sub-units with a done visit in the year, against the
 * rule. A unit without sub-units meets the rule trivially. Visits to units that are not its sub-units are ignored.
 */
export function selfInspectionCoverage(
  subUnitIds: readonly string[],
  inspectedIds: readonly string[],
  rule: SelfInspectionRule,
): Coverage {
  const subs = new Set(subUnitIds);
  const done = new Set(inspectedIds.filter((id) => subs.has(id)));
  const n = subs.size;
  const k = done.size;
  const { num, den } = rule.minShare;
  const required = Math.ceil((n * num) / den);
  const percent = n === 0 ? null : formatHundredths(Math.round((k * 10000) / n));
  return { subUnits: n, inspected: k, stillNeeded: Math.max(0, required - k), percent, meets: k * den >= n * num, ruleId: rule.id };
}

function formatHundredths(h: number): string {
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

/**
 * The period of a visit's pre-visit figures: the 12 months before the reference day (the scheduled date, or for a
 * surprise visit the day it starts), i.e. from the same day a year earlier (29/02 → 28/02) to the day before.
 */
export function previsitPeriod(ref: LocalDate): { from: LocalDate; to: LocalDate } {
  const { year, month, day } = parseLocalDate(ref);
  const from = makeLocalDate(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
  return { from, to: addDays(ref, -1) };
}

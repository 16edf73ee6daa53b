/**
 * What the console offers on a dossier: the caller's allowed actions ranked (the usual next step of the state as the
 * one primary button; other steps; recorded events; exceptional actions that ask for confirmation), and — when the
 * caller cannot take the usual next step — who the dossier is waiting for and why. Pure: the server computes it
 * next to `allowedActions` (dossiers.service.ts `viewMany`) and the console only draws it.
 *
 * The server's rules are unchanged: the plan never adds an action, it only orders the allowed ones and leaves out an
 * apology on a dossier that is not at risk of being late (the server would still accept a valid one).
 */
import type { Timing } from '../calendar/deadline.ts';
import { ACTIONS, type ActionName } from './actions.ts';
import type { Actor, DossierSnapshot } from './machine.ts';
import { TERMINAL_STATES, type DossierState, type Role } from './states.ts';

/**
 * Actions a specialist may take only on a dossier assigned to them (a leader of the agency may take them on any
 * dossier). The machine leaves scope to the caller; the service's scope guard and the offered actions both read
 * this list.
 */
export const ASSIGNEE_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>(['start_processing', 'propose', 'request_supplement', 'transfer', 'refuse']);

/** The assignment lets the actor take `action`: not an assignee action, or a leader, or unassigned, or the assignee. */
export function assignmentAllows(d: Pick<DossierSnapshot, 'assigneeId'>, actor: Pick<Actor, 'userId' | 'roles'>, action: ActionName): boolean {
  if (!ASSIGNEE_ACTIONS.has(action)) return true;
  if (actor.roles.includes('leader')) return true;
  return d.assigneeId === null || d.assigneeId === actor.userId;
}

/** Exceptional actions: they end or bend the normal course; the console asks for a confirmation first. */
export const EXCEPTIONAL_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>(['apologize', 'refuse', 'reject_intake', 'withdraw', 'stop']);

/** Recorded events: they never move the dossier on. */
export const RECORD_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>(['add_note', 'record_payment', 'attach_document', 'record_field_check']);

/**
 * The usual next step(s) of a state, best first. `approved`: attach the electronic result, then mark it ready (only
 * the latter once a result is there). Terminal states have none.
 */
export function usualSteps(d: Pick<DossierSnapshot, 'state' | 'hasElectronicResult' | 'paperResult'>): readonly ActionName[] {
  switch (d.state) {
    case null:
    case 'submitted_online':
      return ['receive'];
    case 'intake_incomplete':
      return ['resubmit'];
    case 'received':
      return ['forward'];
    case 'forwarded':
      return ['assign'];
    case 'assigned':
      return ['start_processing'];
    case 'in_process':
      return ['propose'];
    case 'inter_agency':
      return ['return_from_agency'];
    case 'supplement_requested':
      return ['supply'];
    case 'awaiting_approval':
      return ['approve'];
    case 'approved':
      return d.hasElectronicResult || d.paperResult ? ['mark_result_ready'] : ['attach_result', 'mark_result_ready'];
    case 'result_ready':
    case 'refused':
      return ['return_result'];
    default:
      return [];
  }
}

/**
 * A dossier is at risk of being late when its timing class (deadline.ts `classifyTiming`, the due-soon boundary
 * the queues use) is `due_soon`. An overdue dossier is already late: the apology had to be sent at least one day
 * before the appointment, so it is not offered any more.
 */
export function atRiskOfBeingLate(timing: Timing | 'not_started'): boolean {
  return timing === 'due_soon';
}

export type ActionKind = 'next' | 'other' | 'record' | 'exceptional';

export interface PlannedAction {
  action: ActionName;
  /** Exactly one action of a non-empty plan is primary. */
  rank: 'primary' | 'secondary';
  kind: ActionKind;
  /** The console asks for an explicit confirmation before sending (exceptional actions). */
  confirm: boolean;
}

export interface PlanFacts {
  /** The dossier's timing class as the API reports it (`classifyTiming`, `paused`, or `not_started`). */
  timing: Timing | 'not_started';
}

const KIND_ORDER: Readonly<Record<ActionKind, number>> = { next: 0, other: 1, record: 2, exceptional: 3 };

function kindOf(d: DossierSnapshot, action: ActionName): ActionKind {
  if (EXCEPTIONAL_ACTIONS.has(action)) return 'exceptional';
  if (usualSteps(d).includes(action)) return 'next';
  if (RECORD_ACTIONS.has(action)) return 'record';
  return 'other';
}

/**
 * The allowed actions ranked: the usual next steps (in their order), other steps, recorded events, exceptional
 * actions (each group in the order of `allowed`); the first one is primary. An apology is left out unless the
 * dossier is at risk of being late. `actor` is the caller the actions were allowed for.
 */
export function planActions(d: DossierSnapshot, actor: Actor, allowed: readonly ActionName[], facts: PlanFacts): PlannedAction[] {
  void actor; // the ranking depends on the dossier only; `allowed` already reflects the actor
  const steps = usualSteps(d);
  const offered = allowed.filter((a, i) => allowed.indexOf(a) === i && (a !== 'apologize' || atRiskOfBeingLate(facts.timing)));
  const position = (a: ActionName) => {
    const kind = kindOf(d, a);
    return KIND_ORDER[kind] * 1000 + (kind === 'next' ? steps.indexOf(a) : offered.indexOf(a));
  };
  const ranked = [...offered].sort((a, b) => position(a) - position(b));
  return ranked.map((action, i) => {
    const kind = kindOf(d, action);
    return { action, rank: i === 0 ? 'primary' : 'secondary', kind, confirm: kind === 'exceptional' };
  });
}

export type WaitingReason =
  | 'intake'
  | 'applicant_completion'
  | 'forwarding'
  | 'assignment'
  | 'assigned_to_other'
  | 'processing'
  | 'agency_answer'
  | 'applicant_supplement'
  | 'approval'
  | 'result'
  | 'return_result'
  | 'return_refusal';

export interface WaitingFor {
  /** UI text `waiting.<reason>` (core/i18n/ui-actions.ts). */
  reason: WaitingReason;
  /** The role that takes the usual next step. */
  role: Role;
}

const WAITING_REASON: Readonly<Record<Exclude<DossierState, 'intake_rejected' | 'returned' | 'withdrawn' | 'stopped'>, WaitingReason>> = {
  submitted_online: 'intake',
  intake_incomplete: 'applicant_completion',
  received: 'forwarding',
  forwarded: 'assignment',
  assigned: 'processing',
  in_process: 'processing',
  inter_agency: 'agency_answer',
  supplement_requested: 'applicant_supplement',
  awaiting_approval: 'approval',
  approved: 'result',
  result_ready: 'return_result',
  refused: 'return_refusal',
};

/**
 * Why the actor cannot move the dossier on, and who can: `null` when the actor can take one of the state's usual
 * next steps (`allowed` holds it) or the dossier is terminal. The role is the first person's role of the usual
 * step (never `system`). A specialist on a dossier assigned to someone else is told so.
 */
export function waitingFor(d: DossierSnapshot, actor: Actor, allowed: readonly ActionName[]): WaitingFor | null {
  const state = d.state;
  if (state === null || TERMINAL_STATES.has(state)) return null;
  const steps = usualSteps(d);
  if (steps.some((s) => allowed.includes(s))) return null;
  const role = ACTIONS[steps[0]!].roles.find((r) => r !== 'system')!;
  const reason = WAITING_REASON[state as keyof typeof WAITING_REASON];
  if (
    role === 'specialist' &&
    ASSIGNEE_ACTIONS.has(steps[0]!) &&
    actor.roles.includes('specialist') &&
    d.assigneeId !== null &&
    !assignmentAllows(d, actor, steps[0]!)
  ) {
    return { reason: 'assigned_to_other', role };
  }
  return { reason, role };
}

/**
 * The dossier state machine: checks an action against the dossier's state, the actor's roles and the input, and
 * says what happens (next state, clock effect, slip, next snapshot). Pure: no I/O, no clock, no database.
 * Scope (is the actor in the dossier's unit, is the specialist the assignee) is the caller's business.
 */
import { ACTION_NAMES, ACTIONS, isActionName, targetState, type ActionDef, type ActionName, type ClockEffect, type SlipKind } from './actions.ts';
import { validateActionInput, type ActionInput } from './inputs.ts';
import { findPending } from './transfers.ts';
import { isClockStarted, TERMINAL_STATES, type Channel, type DossierState, type Role } from './states.ts';

export { actionInputSchemas } from './inputs.ts';

export interface DossierSnapshot {
  /** `null` = the dossier is being created by this action. */
  state: DossierState | null;
  channel: Channel;
  apologiesSent: number;
  /** Supplement requests made during processing (intake requests are not counted: the clock had not started). */
  supplementRequests: number;
  hasElectronicResult: boolean;
  paperResult: boolean;
  assigneeId: string | null;
  /**
   * Agencies the dossier was transferred to that have not answered yet (folded from the history by
   * `pendingAgencies`, transfers.ts). Omitted = none known.
   */
  pendingAgencies?: readonly string[];
  /** Optimistic-concurrency version; the next snapshot has version + 1. */
  version: number;
}

export interface Actor {
  userId: string;
  roles: Role[];
  unitId: string;
}

/**
 * Facts only the calendar module can establish (they need the current time and the working-day calendar).
 * Omitted = not checked here. `false` makes the action fail.
 */
export interface GuardContext {
  /** How many apologies a dossier may have (the one-stop policy in force; default 1: "only once"). */
  maxApologies?: number;
  /** apologize: the apology is sent at least one day before the current appointment date. */
  apologyInTime?: boolean;
  /** apologize: the new appointment date is later than the current one. */
  newDueAtIsLater?: boolean;
}

export type TransitionErrorCode =
  | 'UNKNOWN_ACTION'
  | 'TERMINAL_STATE'
  | 'ACTION_NOT_ALLOWED_IN_STATE'
  | 'CHANNEL_NOT_ALLOWED'
  | 'ROLE_NOT_ALLOWED'
  | 'INPUT_REQUIRED'
  | 'INPUT_INVALID'
  | 'SAME_ASSIGNEE'
  | 'APOLOGY_ALREADY_SENT'
  | 'APOLOGY_TOO_LATE'
  | 'APOLOGY_DATE_NOT_LATER'
  | 'APOLOGY_WITHOUT_APPOINTMENT'
  | 'RESULT_MISSING'
  | 'ELECTRONIC_RESULT_REQUIRED'
  | 'TRANSFER_ALREADY_PENDING'
  | 'AGENCY_NOT_PENDING';

export interface TransitionOk {
  ok: true;
  action: ActionName;
  from: DossierState | null;
  to: DossierState;
  /** Effective clock effect (`none` when the declared effect needs a started clock and there is none). */
  clock: ClockEffect;
  slip: SlipKind | null;
  /** The role the actor acted in (first of the action's roles the actor holds). */
  actingRole: Role;
  /** `false` for recorded events and reassignments. */
  stateChanged: boolean;
  /** Receipt: the caller issues the dossier code now (see code.ts). */
  issuesCode: boolean;
  /** The validated, normalised input (trimmed, unknown fields dropped): goes into the history entry. */
  data: ActionInput;
  /** The dossier after the action. */
  next: DossierSnapshot;
}

export interface TransitionError {
  ok: false;
  code: TransitionErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type TransitionResult = TransitionOk | TransitionError;

function fail(code: TransitionErrorCode, message: string, details?: Record<string, unknown>): TransitionError {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
}

/** Checks that do not depend on the input: state, channel, role, snapshot guards. */
function precheck(d: DossierSnapshot, def: ActionDef, actor: Actor, ctx: GuardContext): TransitionError | { role: Role } {
  const state = d.state;
  if (state !== null && TERMINAL_STATES.has(state)) {
    return fail('TERMINAL_STATE', `the dossier is ${state}: no further action`, { state });
  }
  if (!def.from.includes(state)) {
    return fail('ACTION_NOT_ALLOWED_IN_STATE', `${def.name} is not allowed in state ${state ?? '(new dossier)'}`, {
      state,
      allowedFrom: def.from,
    });
  }
  if (state === null && def.creationChannels !== undefined && !def.creationChannels.includes(d.channel)) {
    return fail('CHANNEL_NOT_ALLOWED', `${def.name} cannot create a ${d.channel} dossier`, {
      channel: d.channel,
      allowedChannels: def.creationChannels,
    });
  }
  const role = def.roles.find((r) => actor.roles.includes(r));
  if (role === undefined) {
    return fail('ROLE_NOT_ALLOWED', `${def.name} needs one of the roles ${def.roles.join(', ')}`, {
      allowedRoles: def.roles,
      actorRoles: actor.roles,
    });
  }
  const maxApologies = ctx.maxApologies ?? 1;
  if (def.name === 'apologize' && d.apologiesSent >= maxApologies) {
    return fail('APOLOGY_ALREADY_SENT', `an apology with a new appointment may be sent ${maxApologies === 1 ? 'only once' : `at most ${maxApologies} times`}`, {
      apologiesSent: d.apologiesSent,
      maxApologies,
    });
  }
  return { role };
}

/** Checks that depend on the validated input (and the calendar facts). */
function inputGuard(d: DossierSnapshot, def: ActionDef, role: Role, input: ActionInput, ctx: GuardContext): TransitionError | null {
  switch (def.name) {
    case 'assign':
      if (d.state !== 'forwarded' && d.assigneeId !== null && input.assigneeId === d.assigneeId) {
        return fail('SAME_ASSIGNEE', 'the dossier is already assigned to this officer', { assigneeId: d.assigneeId });
      }
      return null;
    case 'apologize':
      if (ctx.apologyInTime === false) {
        return fail('APOLOGY_TOO_LATE', 'the apology must be sent at least one day before the appointment date');
      }
      if (ctx.newDueAtIsLater === false) {
        return fail('APOLOGY_DATE_NOT_LATER', 'the new appointment date must be later than the current one', {
          newDueAt: input.newDueAt,
        });
      }
      return null;
    case 'transfer': {
      const already = findPending(d.pendingAgencies ?? [], input.targetAgency ?? '');
      if (already !== null) {
        return fail('TRANSFER_ALREADY_PENDING', `the dossier already waits for ${already}`, { agency: already });
      }
      return null;
    }
    case 'return_from_agency': {
      const pending = d.pendingAgencies ?? [];
      if (input.fromAgency === undefined) {
        if (pending.length > 1) {
          return fail('INPUT_REQUIRED', 'return_from_agency: missing fromAgency (several agencies are awaited)', { fields: ['fromAgency'], pending });
        }
        return null;
      }
      if (pending.length > 0 && findPending(pending, input.fromAgency) === null) {
        return fail('AGENCY_NOT_PENDING', `the dossier does not wait for ${input.fromAgency}`, { agency: input.fromAgency, pending });
      }
      return null;
    }
    case 'mark_result_ready':
      if (!d.hasElectronicResult && !d.paperResult && input.paperResult !== true) {
        return fail('RESULT_MISSING', 'attach an electronic result or declare a paper result first');
      }
      return null;
    case 'return_result':
      if (role === 'system' && input.returnMethod !== 'online') {
        return fail('ROLE_NOT_ALLOWED', 'the system may only return a result online', {
          allowedRoles: ['desk_officer'],
          returnMethod: input.returnMethod,
        });
      }
      if (input.returnMethod === 'online' && d.state === 'result_ready' && !d.hasElectronicResult) {
        return fail('ELECTRONIC_RESULT_REQUIRED', 'an online return needs an electronic result');
      }
      return null;
    default:
      return null;
  }
}

function effectiveClock(declared: ClockEffect, from: DossierState | null): ClockEffect {
  if ((declared === 'pause' || declared === 'reappoint' || declared === 'finish') && !isClockStarted(from)) return 'none';
  return declared;
}

/** The agencies still awaited after the action. */
function nextPending(d: DossierSnapshot, action: ActionName, input: ActionInput): readonly string[] {
  const pending = d.pendingAgencies ?? [];
  if (action === 'transfer' && input.targetAgency !== undefined) return [...pending, input.targetAgency];
  if (action === 'return_from_agency') {
    if (input.fromAgency === undefined) return [];
    const settled = findPending(pending, input.fromAgency);
    return pending.filter((p) => p !== settled);
  }
  return pending;
}

function nextSnapshot(d: DossierSnapshot, action: ActionName, to: DossierState, input: ActionInput): DossierSnapshot {
  const pending = nextPending(d, action, input);
  return {
    ...d,
    ...(pending.length > 0 || d.pendingAgencies !== undefined ? { pendingAgencies: pending } : {}),
    state: to,
    apologiesSent: d.apologiesSent + (action === 'apologize' ? 1 : 0),
    supplementRequests: d.supplementRequests + (action === 'request_supplement' ? 1 : 0),
    hasElectronicResult: d.hasElectronicResult || action === 'attach_result',
    paperResult: d.paperResult || (action === 'mark_result_ready' && input.paperResult === true),
    assigneeId: action === 'assign' && input.assigneeId !== undefined ? input.assigneeId : d.assigneeId,
    version: d.version + 1,
  };
}

/**
 * Applies `action` to the dossier. Checks, in order: known action, terminal state, source state, creation
 * channel, role, snapshot guards (apology once), input (Zod schema of the action), input guards.
 */
export function transition(
  d: DossierSnapshot,
  action: ActionName,
  actor: Actor,
  input: ActionInput = {},
  ctx: GuardContext = {},
): TransitionResult {
  if (!isActionName(action)) return fail('UNKNOWN_ACTION', `unknown action ${String(action)}`, { action });
  const def = ACTIONS[action];
  const pre = precheck(d, def, actor, ctx);
  if ('ok' in pre) return pre;
  const v = validateActionInput(action, input);
  if (!v.ok) {
    return fail(v.code, `${action}: ${v.code === 'INPUT_REQUIRED' ? 'missing' : 'invalid'} ${v.fields.join(', ')}`, {
      fields: v.fields,
      issues: v.issues,
    });
  }
  const guard = inputGuard(d, def, pre.role, v.data, ctx);
  if (guard !== null) return guard;
  // An answer from one of several agencies keeps the dossier waiting for the others.
  const to = action === 'return_from_agency' && nextPending(d, action, v.data).length > 0 ? 'inter_agency' : targetState(def, d.state);
  return {
    ok: true,
    action,
    from: d.state,
    to,
    clock: effectiveClock(def.clock, d.state),
    slip: def.slip,
    actingRole: pre.role,
    stateChanged: to !== d.state,
    issuesCode: def.issuesCode === true,
    data: v.data,
    next: nextSnapshot(d, action, to, v.data),
  };
}

/**
 * Actions the actor may attempt on the dossier now (what the UI shows), in the order of ACTION_NAMES. Input
 * guards are not applied: e.g. `mark_result_ready` is listed without a result because a paper result can be
 * declared in the same request.
 */
export function allowedActions(d: DossierSnapshot, actor: Actor, ctx: GuardContext = {}): ActionName[] {
  return ACTION_NAMES.filter((a) => !('ok' in precheck(d, ACTIONS[a], actor, ctx)));
}

/** A new dossier, before its creating action (`submit_online`, or `receive` & co. at the desk). */
export function newDossier(channel: Channel): DossierSnapshot {
  return {
    state: null,
    channel,
    apologiesSent: 0,
    supplementRequests: 0,
    hasElectronicResult: false,
    paperResult: false,
    assigneeId: null,
    version: 0,
  };
}

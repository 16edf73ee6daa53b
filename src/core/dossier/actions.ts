/**
 * The action table of the dossier state machine: for each action, the states it applies in, the resulting
 * state, who may do it, which input fields it requires, its effect on the processing clock and the slip it
 * produces. `machine.ts` interprets this table; nothing else encodes the lifecycle.
 */
import {
  CLOCK_RUNNING_STATES,
  DOSSIER_STATES,
  PROCESSING_STATES,
  TERMINAL_STATES,
  type Channel,
  type DossierState,
  type Role,
} from './states.ts';

export const ACTION_NAMES = [
  'submit_online',
  'receive',
  'request_intake_supplement',
  'resubmit',
  'reject_intake',
  'forward',
  'assign',
  'start_processing',
  'request_supplement',
  'supply',
  'transfer',
  'return_from_agency',
  'propose',
  'send_back',
  'approve',
  'attach_result',
  'mark_result_ready',
  'refuse',
  'apologize',
  'return_result',
  'withdraw',
  'stop',
  'add_note',
  'record_payment',
  'attach_document',
  'record_field_check',
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];

/**
 * Effect on the processing clock:
 * - `start`: receipt; the appointment date is computed from now.
 * - `pause`: supplement requested; the clock stops.
 * - `restart`: supplement supplied; the FULL processing time starts again from zero (new appointment date).
 * - `reappoint`: apology; the appointment date is replaced by the new date (once).
 * - `finish`: the finish time of the dossier (result ready, refused, withdrawn, stopped).
 * - `none`.
 * An action whose declared effect is `pause`/`reappoint`/`finish` reports `none` when the clock never started
 * (e.g. withdrawing a dossier that was never received).
 */
export type ClockEffect = 'start' | 'pause' | 'restart' | 'reappoint' | 'finish' | 'none';

/** Slips of Circular 01/2018 (01 receipt, 02 supplement request, 03 refusal, 04 apology) and the 2025 additions. */
export type SlipKind = 'receipt' | 'supplement_request' | 'refusal' | 'apology' | 'transfer_note' | 'stop_notice';

export const SLIP_KINDS: readonly SlipKind[] = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'transfer_note',
  'stop_notice',
];

export interface ActionDef {
  readonly name: ActionName;
  /** States the action applies in; `null` = the dossier is being created by this action. */
  readonly from: readonly (DossierState | null)[];
  /** Resulting state; `null` = the dossier stays in its state (a recorded event or a reassignment). */
  readonly to: DossierState | null;
  /** Per-source exceptions to `to` (e.g. reassigning a dossier in process keeps it in process). */
  readonly toByFrom?: Readonly<Partial<Record<DossierState, DossierState | null>>>;
  /** Roles allowed, in order of preference (the first one the actor holds is recorded as the acting role). */
  readonly roles: readonly Role[];
  /** Channels allowed when the action creates the dossier (from `null`). */
  readonly creationChannels?: readonly Channel[];
  /** Input fields that must be present (see inputs.ts for their types). */
  readonly requires: readonly string[];
  /** Requirements that depend on other fields, in words (for documentation and forms). */
  readonly conditional?: string;
  readonly clock: ClockEffect;
  readonly slip: SlipKind | null;
  /** Receipt: the dossier code is issued by this action. */
  readonly issuesCode?: true;
}

const STAFF: readonly Role[] = ['desk_officer', 'specialist', 'leader'];
const NON_TERMINAL: readonly DossierState[] = DOSSIER_STATES.filter((s) => !TERMINAL_STATES.has(s));
const RECEIVING_CHANNELS: readonly Channel[] = ['desk', 'postal'];

function def(d: ActionDef): ActionDef {
  return d;
}

export const ACTIONS: Readonly<Record<ActionName, ActionDef>> = {
  submit_online: def({
    name: 'submit_online',
    from: [null],
    to: 'submitted_online',
    roles: ['citizen', 'system'],
    creationChannels: ['online'],
    requires: [],
    clock: 'none',
    slip: null,
  }),
  receive: def({
    name: 'receive',
    from: [null, 'submitted_online'],
    to: 'received',
    roles: ['desk_officer'],
    creationChannels: RECEIVING_CHANNELS,
    requires: [],
    clock: 'start',
    slip: 'receipt',
    issuesCode: true,
  }),
  request_intake_supplement: def({
    name: 'request_intake_supplement',
    from: [null, 'submitted_online'],
    to: 'intake_incomplete',
    roles: ['desk_officer'],
    creationChannels: RECEIVING_CHANNELS,
    requires: ['missingItems'],
    clock: 'none',
    slip: 'supplement_request',
  }),
  resubmit: def({
    name: 'resubmit',
    from: ['intake_incomplete'],
    to: 'submitted_online',
    // desk_officer: the applicant came back to the counter (or sent the documents by post).
    roles: ['citizen', 'desk_officer'],
    requires: [],
    clock: 'none',
    slip: null,
  }),
  reject_intake: def({
    name: 'reject_intake',
    from: [null, 'submitted_online'],
    to: 'intake_rejected',
    roles: ['desk_officer'],
    creationChannels: RECEIVING_CHANNELS,
    requires: ['reasons'],
    conditional: 'competentBody (optional) names the competent body, for online submissions',
    clock: 'none',
    slip: 'refusal',
  }),
  forward: def({
    name: 'forward',
    from: ['received'],
    to: 'forwarded',
    roles: ['desk_officer', 'system'],
    requires: [],
    clock: 'none',
    slip: null,
  }),
  assign: def({
    name: 'assign',
    from: ['forwarded', 'assigned', 'in_process', 'supplement_requested'],
    to: 'assigned',
    toByFrom: { in_process: null, supplement_requested: null },
    roles: ['leader'],
    requires: ['assigneeId'],
    conditional: 'a reassignment must name a different assignee',
    clock: 'none',
    slip: null,
  }),
  start_processing: def({
    name: 'start_processing',
    from: ['assigned'],
    to: 'in_process',
    roles: ['specialist'],
    requires: [],
    clock: 'none',
    slip: null,
  }),
  request_supplement: def({
    name: 'request_supplement',
    from: ['assigned', 'in_process'],
    to: 'supplement_requested',
    roles: ['specialist', 'leader'],
    requires: ['missingItems'],
    clock: 'pause',
    slip: 'supplement_request',
  }),
  supply: def({
    name: 'supply',
    from: ['supplement_requested'],
    to: 'in_process',
    roles: ['citizen', 'desk_officer'],
    requires: [],
    clock: 'restart',
    slip: null,
  }),
  transfer: def({
    name: 'transfer',
    from: ['in_process', 'inter_agency'],
    to: 'inter_agency',
    roles: ['specialist', 'leader'],
    requires: ['targetAgency', 'task', 'deadline'],
    clock: 'none',
    slip: 'transfer_note',
  }),
  return_from_agency: def({
    name: 'return_from_agency',
    from: ['inter_agency'],
    to: 'in_process',
    // desk_officer: a paper partial result arrives at the desk; system: an electronic inter-agency connection.
    roles: ['specialist', 'leader', 'desk_officer', 'system'],
    requires: [],
    clock: 'none',
    slip: null,
  }),
  propose: def({
    name: 'propose',
    from: ['in_process'],
    to: 'awaiting_approval',
    roles: ['specialist'],
    requires: [],
    clock: 'none',
    slip: null,
  }),
  send_back: def({
    name: 'send_back',
    from: ['awaiting_approval'],
    to: 'in_process',
    roles: ['leader'],
    requires: ['note'],
    clock: 'none',
    slip: null,
  }),
  approve: def({
    name: 'approve',
    from: ['awaiting_approval'],
    to: 'approved',
    roles: ['leader'],
    requires: [],
    clock: 'none',
    slip: null,
  }),
  attach_result: def({
    name: 'attach_result',
    from: ['approved', 'result_ready'],
    to: null,
    roles: ['specialist', 'leader', 'desk_officer'],
    requires: ['attachments'],
    clock: 'none',
    slip: null,
  }),
  mark_result_ready: def({
    name: 'mark_result_ready',
    from: ['approved'],
    to: 'result_ready',
    roles: ['specialist', 'leader', 'desk_officer'],
    requires: [],
    conditional: 'an electronic result is attached, or a paper result is declared (paperResult: true)',
    clock: 'finish',
    slip: null,
  }),
  refuse: def({
    name: 'refuse',
    from: ['assigned', 'in_process', 'awaiting_approval', 'inter_agency'],
    to: 'refused',
    roles: ['specialist', 'leader'],
    requires: ['reasons'],
    clock: 'finish',
    slip: 'refusal',
  }),
  apologize: def({
    name: 'apologize',
    from: [...CLOCK_RUNNING_STATES],
    to: null,
    roles: ['leader', 'specialist', 'desk_officer'],
    requires: ['newDueAt', 'reasons'],
    conditional: 'only once per dossier; the calendar checks (one day before the due date, new date later) come in GuardContext',
    clock: 'reappoint',
    slip: 'apology',
  }),
  return_result: def({
    name: 'return_result',
    from: ['result_ready', 'refused'],
    to: 'returned',
    roles: ['desk_officer', 'system'],
    requires: ['returnMethod'],
    conditional:
      'desk: collectedBy; byProxy: authorisationNote; postal: trackingNumber; online: an electronic result (unless refused); system may only return online',
    clock: 'none',
    slip: null,
  }),
  withdraw: def({
    name: 'withdraw',
    from: NON_TERMINAL.filter((s) => s !== 'result_ready' && s !== 'refused'),
    to: 'withdrawn',
    roles: ['citizen', 'desk_officer'],
    requires: ['reasons'],
    clock: 'finish',
    slip: null,
  }),
  stop: def({
    name: 'stop',
    from: [...PROCESSING_STATES],
    to: 'stopped',
    roles: ['leader'],
    requires: ['reasons'],
    clock: 'finish',
    slip: 'stop_notice',
  }),
  add_note: def({
    name: 'add_note',
    from: NON_TERMINAL,
    to: null,
    roles: STAFF,
    requires: ['note'],
    clock: 'none',
    slip: null,
  }),
  record_payment: def({
    name: 'record_payment',
    from: NON_TERMINAL,
    to: null,
    // system: online payment gateway or postal operator callback.
    roles: ['desk_officer', 'specialist', 'leader', 'system'],
    requires: ['amount', 'paymentMethod'],
    clock: 'none',
    slip: null,
  }),
  attach_document: def({
    name: 'attach_document',
    from: NON_TERMINAL,
    to: null,
    roles: STAFF,
    requires: ['attachments'],
    clock: 'none',
    slip: null,
  }),
  record_field_check: def({
    name: 'record_field_check',
    from: ['assigned', 'in_process'],
    to: null,
    roles: ['specialist', 'leader'],
    requires: ['note'],
    clock: 'none',
    slip: null,
  }),
};

export function isActionName(s: unknown): s is ActionName {
  return typeof s === 'string' && (ACTION_NAMES as readonly string[]).includes(s);
}

/** The state an action leads to from `from` (`from` itself when it stays). Assumes `from` is allowed. */
export function targetState(action: ActionDef, from: DossierState | null): DossierState {
  const override = from !== null && action.toByFrom !== undefined && from in action.toByFrom ? action.toByFrom[from] : undefined;
  const to = override !== undefined ? override : action.to;
  if (to !== null) return to;
  if (from === null) throw new Error(`action ${action.name} cannot create a dossier`);
  return from;
}

/**
 * Dossier states, roles and channels of the one-stop lifecycle (Decree 61/2018, Circular 01/2018; kept by the
 * 2025 texts). Pure data: shared by the server, the CLI and the browser app.
 */

export const DOSSIER_STATES = [
  'submitted_online',
  'intake_incomplete',
  'intake_rejected',
  'received',
  'forwarded',
  'assigned',
  'in_process',
  'inter_agency',
  'supplement_requested',
  'awaiting_approval',
  'approved',
  'result_ready',
  'refused',
  'returned',
  'withdrawn',
  'stopped',
] as const;

export type DossierState = (typeof DOSSIER_STATES)[number];

/** No action is possible any more (not even a note). `refused` is NOT terminal: the refusal still has to be returned. */
export const TERMINAL_STATES: ReadonlySet<DossierState> = new Set<DossierState>([
  'intake_rejected',
  'returned',
  'withdrawn',
  'stopped',
]);

/** Before receipt: the desk has not accepted the dossier yet; there is no dossier code and no clock. */
export const PRE_RECEIPT_STATES: ReadonlySet<DossierState> = new Set<DossierState>([
  'submitted_online',
  'intake_incomplete',
]);

/** The processing clock runs (from receipt until the result is ready or the dossier is refused). */
export const CLOCK_RUNNING_STATES: ReadonlySet<DossierState> = new Set<DossierState>([
  'received',
  'forwarded',
  'assigned',
  'in_process',
  'inter_agency',
  'awaiting_approval',
  'approved',
]);

/** The clock is paused while the applicant completes the dossier; on completion it restarts from zero. */
export const CLOCK_PAUSED_STATES: ReadonlySet<DossierState> = new Set<DossierState>(['supplement_requested']);

/**
 * States in which the dossier is being processed and a leader may stop it (`stop`). `approved` is excluded: the
 * decision is signed, what remains is issuing the result.
 */
export const PROCESSING_STATES: ReadonlySet<DossierState> = new Set<DossierState>([
  'received',
  'forwarded',
  'assigned',
  'in_process',
  'inter_agency',
  'supplement_requested',
  'awaiting_approval',
]);

export const ROLES = [
  'desk_officer',
  'specialist',
  'leader',
  'unit_admin',
  'province_admin',
  'reform_officer',
  'inspector',
  'citizen',
  'system',
] as const;

export type Role = (typeof ROLES)[number];

export const CHANNELS = ['desk', 'online', 'postal'] as const;

/** How the dossier was submitted. */
export type Channel = (typeof CHANNELS)[number];

export function isDossierState(s: unknown): s is DossierState {
  return typeof s === 'string' && (DOSSIER_STATES as readonly string[]).includes(s);
}

export function isTerminal(s: DossierState): boolean {
  return TERMINAL_STATES.has(s);
}

/** The clock has been started (receipt) and not finished: it is running or paused. */
export function isClockStarted(s: DossierState | null): boolean {
  return s !== null && (CLOCK_RUNNING_STATES.has(s) || CLOCK_PAUSED_STATES.has(s));
}

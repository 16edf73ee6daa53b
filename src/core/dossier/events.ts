/**
 * The typed history event of a dossier: what one `dossier_history.data` holds, versioned and Zod-validated.
 *
 * Version 2 (written from `classification-2026-1` on): the action's validated input (its own Zod schema in
 * inputs.ts), plus the decision's outcome — the clock effect, the appointment after the action, the receipt instant,
 * the slip, the dossier code when this action issued it, the late-supplement flag. Record events that are not
 * machine actions (`rate`, `answer_follow_up`) carry their own fields and clock `none`.
 *
 * Version 1 rows (written before) are never rewritten: `readDossierEvent` upcasts them on read — the creating entry
 * of a desk receipt had no `clock` field (it started the clock), others may lack `dueAt`/`slip`. Every reader of
 * the clock fields (the service-index classification, the slips) goes through it: one reading, one place.
 */
import { z } from 'zod';
import { isActionName, SLIP_KINDS, type ActionName, type ClockEffect, type SlipKind } from './actions.ts';
import { actionInputSchemas, type ActionInputOf } from './inputs.ts';
import { RECORD_EVENTS, type RecordEvent as RecordEventName } from './labels.ts';

export const DOSSIER_EVENT_VERSION = 2 as const;

export const CLOCK_EFFECTS = ['start', 'pause', 'restart', 'reappoint', 'finish', 'none'] as const satisfies readonly ClockEffect[];


const instant = z.iso.datetime({ offset: true });

/** The outcome fields every event carries. */
export const eventMetaSchema = z.object({
  v: z.literal(DOSSIER_EVENT_VERSION),
  clock: z.enum(CLOCK_EFFECTS),
  /** The appointment after the action (Vietnam time, ISO with offset); null = none (paused, no time limit). */
  dueAt: instant.nullable(),
  /** The receipt instant, on the entry that started the clock. */
  receivedAt: instant.nullable().optional(),
  slip: z.enum(SLIP_KINDS as [SlipKind, ...SlipKind[]]).nullable(),
  /** The dossier code, on the entry that issued it. */
  code: z.string().min(1).nullable().optional(),
  /** A supplement request made later than the one-stop policy allows. */
  lateSupplementRequest: z.literal(true).optional(),
});
export type EventMeta = z.infer<typeof eventMetaSchema>;

const recordEventSchemas = {
  rate: z.object({ rating: z.enum(['satisfied', 'neutral', 'dissatisfied']), ratingChannel: z.string().min(1), reasons: z.array(z.string()).optional(), comment: z.string().optional(), followUpId: z.string().optional() }),
  answer_follow_up: z.object({ answer: z.string().min(1), followUpId: z.string().min(1) }),
} as const satisfies Record<RecordEventName, z.ZodType>;

export type DossierEventName = ActionName | RecordEventName;

/** One event, typed by its name: the action's input fields and the outcome. */
export type DossierEvent =
  | { [A in ActionName]: { action: A; data: ActionInputOf<A> & EventMeta & Record<string, unknown> } }[ActionName]
  | { [R in RecordEventName]: { action: R; data: z.infer<(typeof recordEventSchemas)[R]> & EventMeta & Record<string, unknown> } }[RecordEventName];

export class DossierEventError extends Error {
  constructor(
    readonly action: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`invalid ${action} event: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

const issuesOf = (e: z.ZodError) => e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

function payloadSchema(action: string): z.ZodType | null {
  if (isActionName(action)) return actionInputSchemas[action];
  if ((RECORD_EVENTS as readonly string[]).includes(action)) return recordEventSchemas[action as RecordEventName];
  return null;
}

/**
 * The `data` of a new history entry (version 2): the action's fields checked against its schema and the outcome
 * against the meta schema. Fields beyond the schema that the caller keeps with the event (an online application's
 * form data) are kept as they are. Throws DossierEventError: an event that does not validate is never stored.
 */
export function dossierEventData(action: DossierEventName, fields: Record<string, unknown>, meta: Omit<EventMeta, 'v'>): Record<string, unknown> {
  const schema = payloadSchema(action);
  if (schema === null) throw new DossierEventError(action, [{ path: 'action', message: 'unknown event' }]);
  const payload = schema.safeParse(fields);
  if (!payload.success) throw new DossierEventError(action, issuesOf(payload.error));
  const m = eventMetaSchema.safeParse({ ...meta, v: DOSSIER_EVENT_VERSION });
  if (!m.success) throw new DossierEventError(action, issuesOf(m.error));
  const out: Record<string, unknown> = { ...fields, ...(m.data as Record<string, unknown>) };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

export interface StoredHistoryEntry {
  seq: number;
  action: string;
  toState: string;
  data: unknown;
}

/** Version 1 → 2: the fields version 1 left implicit. Pure; the stored row is not touched. */
export function upcastV1(e: StoredHistoryEntry): Record<string, unknown> {
  const data = (e.data ?? {}) as Record<string, unknown>;
  const clock = typeof data.clock === 'string' ? data.clock : e.seq === 1 && e.toState === 'received' ? 'start' : 'none';
  return {
    ...data,
    v: DOSSIER_EVENT_VERSION,
    clock,
    dueAt: typeof data.dueAt === 'string' ? data.dueAt : null,
    slip: typeof data.slip === 'string' ? data.slip : null,
    ...(typeof data.receivedAt === 'string' || data.receivedAt === null ? {} : { receivedAt: undefined }),
  };
}

/**
 * A stored entry as a typed event (upcast when written by version 1). Throws DossierEventError when the outcome
 * fields do not validate (a row altered outside the product).
 */
export function readDossierEvent(e: StoredHistoryEntry): DossierEvent {
  const raw = (e.data ?? {}) as Record<string, unknown>;
  const data = raw.v === DOSSIER_EVENT_VERSION ? raw : upcastV1(e);
  const m = eventMetaSchema.safeParse(data);
  if (!m.success) throw new DossierEventError(e.action, issuesOf(m.error).map((i) => ({ ...i, path: `seq ${e.seq}: ${i.path}` })));
  const out: Record<string, unknown> = { ...data, ...(m.data as Record<string, unknown>) };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return { action: e.action, data: out } as DossierEvent;
}

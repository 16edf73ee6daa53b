/**
 * Input of each action, as Zod schemas (usable by the HTTP route, the web forms and the machine alike), and
 * the validation that maps Zod issues to the machine's error codes.
 */
import { z } from 'zod';
import type { ActionName } from './actions.ts';

const text = z.string().trim().min(1);
const textList = z.array(text).min(1);
/** A date (YYYY-MM-DD, Vietnam time) or an instant with an offset (e.g. 2026-09-15T17:00:00+07:00). */
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const RETURN_METHODS = ['desk', 'online', 'postal'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

export const PAYMENT_METHODS = ['desk', 'bank_transfer', 'postal', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Fields every action accepts: a free note and ids of documents (scans, drafts, results, minutes…). */
const base = z.object({
  note: text.optional(),
  attachments: z.array(text).optional(),
});

/**
 * A component of the dossier the officer ticked as handed over (Mẫu 01 lists each with the number of originals and
 * copies), whether or not a scan was attached: the paper record of what was received.
 */
export const componentReceivedSchema = z.object({
  code: z.string().trim().min(1).max(100).nullable().default(null),
  name: text.max(1000),
  originals: z.number().int().min(0).max(99),
  copies: z.number().int().min(0).max(99),
});
export type ComponentReceived = z.infer<typeof componentReceivedSchema>;
const componentsReceived = z.array(componentReceivedSchema).max(100).optional();

export const actionInputSchemas = {
  submit_online: base.extend({ componentsReceived }),
  receive: base.extend({ componentsReceived }),
  request_intake_supplement: base.extend({ missingItems: textList, componentsReceived }),
  resubmit: base.extend({ componentsReceived }),
  reject_intake: base.extend({ reasons: textList, competentBody: text.optional() }),
  forward: base.extend({ targetUnitId: text.optional() }),
  assign: base.extend({ assigneeId: text }),
  start_processing: base,
  /** `confirm`: the officer was told the consequence of a second request (the index counts the dossier late). */
  request_supplement: base.extend({ missingItems: textList, confirm: z.boolean().optional() }),
  supply: base.extend({ componentsReceived }),
  transfer: base.extend({ targetAgency: text, task: text, deadline: dateOrInstant }),
  /**
   * `fromAgency`: which agency answered (required while several are awaited). `proceedWithout`: the officer goes on
   * without that agency's answer — recorded with its `reason`.
   */
  return_from_agency: base
    .extend({ fromAgency: text.optional(), proceedWithout: z.boolean().optional(), reason: text.optional() })
    .superRefine((v, ctx) => {
      if (v.proceedWithout === true && v.reason === undefined) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'going on without an agency’s answer needs a reason' });
      }
      if (v.proceedWithout === true && v.fromAgency === undefined) {
        ctx.addIssue({ code: 'custom', path: ['fromAgency'], message: 'name the agency whose answer is not awaited' });
      }
    }),
  propose: base,
  send_back: base.extend({ note: text }),
  approve: base,
  attach_result: base.extend({ attachments: textList }),
  mark_result_ready: base.extend({ paperResult: z.boolean().optional() }),
  refuse: base.extend({ reasons: textList }),
  apologize: base.extend({ newDueAt: dateOrInstant, reasons: textList }),
  return_result: base
    .extend({
      returnMethod: z.enum(RETURN_METHODS),
      collectedBy: text.optional(),
      byProxy: z.boolean().optional(),
      authorisationNote: text.optional(),
      trackingNumber: text.optional(),
      /** Postal return: the address the result was sent to (the applicant's delivery address, as checked at the desk). */
      postalAddress: text.optional(),
    })
    .superRefine((v, ctx) => {
      if (v.returnMethod === 'desk' && v.collectedBy === undefined) {
        ctx.addIssue({ code: 'custom', path: ['collectedBy'], message: 'who collected the result is required at the desk' });
      }
      if (v.byProxy === true && v.authorisationNote === undefined) {
        ctx.addIssue({ code: 'custom', path: ['authorisationNote'], message: 'a proxy needs an authorisation' });
      }
      if (v.returnMethod === 'postal' && v.trackingNumber === undefined) {
        ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'a postal return needs a tracking number' });
      }
      if (v.returnMethod === 'postal' && v.postalAddress === undefined) {
        ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: 'a postal return needs the address it was sent to' });
      }
    }),
  withdraw: base.extend({ reasons: textList }),
  stop: base.extend({ reasons: textList }),
  add_note: base.extend({ note: text }),
  record_payment: base.extend({
    /** In VND (whole đồng). */
    amount: z.number().int().positive(),
    paymentMethod: z.enum(PAYMENT_METHODS),
    reference: text.optional(),
  }),
  attach_document: base.extend({ attachments: textList }),
  record_field_check: base.extend({ note: text }),
} as const satisfies Record<ActionName, z.ZodType>;

export type ActionInputOf<A extends ActionName> = z.infer<(typeof actionInputSchemas)[A]>;

/** The union of every action's input fields, all optional: what a caller passes to `transition`. */
export interface ActionInput {
  note?: string;
  attachments?: string[];
  missingItems?: string[];
  reasons?: string[];
  competentBody?: string;
  targetUnitId?: string;
  assigneeId?: string;
  targetAgency?: string;
  task?: string;
  deadline?: string;
  fromAgency?: string;
  proceedWithout?: boolean;
  reason?: string;
  paperResult?: boolean;
  newDueAt?: string;
  returnMethod?: ReturnMethod;
  collectedBy?: string;
  byProxy?: boolean;
  authorisationNote?: string;
  trackingNumber?: string;
  postalAddress?: string;
  amount?: number;
  paymentMethod?: PaymentMethod;
  reference?: string;
  confirm?: boolean;
  componentsReceived?: ComponentReceived[];
}

export type InputValidation =
  | { ok: true; data: ActionInput }
  | { ok: false; code: 'INPUT_REQUIRED' | 'INPUT_INVALID'; fields: string[]; issues: { path: string; message: string }[] };

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Validates and normalises (trims, drops unknown fields) the input of `action`. A field that is absent, blank or
 * an empty list gives INPUT_REQUIRED; a present but wrong one gives INPUT_INVALID (required wins when both).
 */
export function validateActionInput(action: ActionName, input: unknown): InputValidation {
  const parsed = actionInputSchemas[action].safeParse(input ?? {});
  if (parsed.success) return { ok: true, data: parsed.data as ActionInput };
  const required = new Set<string>();
  const invalid = new Set<string>();
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '(input)';
    (isMissing(valueAt(input, issue.path)) ? required : invalid).add(field);
  }
  return required.size > 0
    ? { ok: false, code: 'INPUT_REQUIRED', fields: [...required], issues }
    : { ok: false, code: 'INPUT_INVALID', fields: [...invalid], issues };
}

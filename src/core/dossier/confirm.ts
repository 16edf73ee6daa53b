/**
 * What the console's action modal does before sending an action, from the server's preview
 * (`POST /api/dossiers/:id/actions/preview`, the same `decide()` as the action): send it at once, or first tell the
 * officer its consequences (a late supplement request, the index counting the dossier late) and, when the action
 * needs it, wait for an explicit confirmation that is then sent as `input.confirm = true`.
 */
export interface ActionConsequence {
  code: string;
  message: string;
  messageEn: string;
}

export interface ActionPreview {
  allowed: boolean;
  code: string | null;
  message: string | null;
  consequences: ActionConsequence[];
  requiresConfirmation: boolean;
}

export type PreSendStep =
  /** Send now (also when the action would be refused: the action's own answer carries the error). */
  | { kind: 'send'; confirm: boolean }
  /** Show the consequences first; `needsConfirmation`: the officer must tick the confirmation. */
  | { kind: 'tell'; consequences: ActionConsequence[]; needsConfirmation: boolean };

/**
 * `shown`: the consequences of this preview were already shown to the officer; `confirmed`: the officer ticked the
 * confirmation.
 */
export function preSendStep(preview: ActionPreview | null, shown: boolean, confirmed: boolean): PreSendStep {
  if (preview === null || !preview.allowed || (preview.consequences.length === 0 && !preview.requiresConfirmation)) return { kind: 'send', confirm: false };
  if (!shown || (preview.requiresConfirmation && !confirmed)) {
    return { kind: 'tell', consequences: preview.consequences, needsConfirmation: preview.requiresConfirmation };
  }
  return { kind: 'send', confirm: preview.requiresConfirmation };
}

/** The preview to show when the action itself answered CONFIRMATION_REQUIRED (409): its reason, to be confirmed. */
export function previewFromConfirmationError(err: { message: string; messageEn: string }): ActionPreview {
  return { allowed: true, code: null, message: null, consequences: [{ code: 'CONFIRMATION_REQUIRED', message: err.message, messageEn: err.messageEn }], requiresConfirmation: true };
}

/** The action's input with the officer's confirmation when it is needed. */
export function withConfirmation<T extends Record<string, unknown>>(input: T, confirm: boolean): T & { confirm?: true } {
  return confirm ? { ...input, confirm: true } : input;
}

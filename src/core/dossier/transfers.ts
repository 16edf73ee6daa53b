/**
 * Inter-agency transfers (liên thông): a dossier may be sent to several agencies at once (one `transfer` per agency);
 * it waits in `inter_agency` until every one of them has answered (`return_from_agency` naming it), or until the
 * officer decides to go on without one, recorded with the reason (`proceedWithout` + `reason`). Pure; the set of
 * agencies still awaited is folded from the history — the history is the truth, nothing else stores it.
 */

/** How two spellings of an agency (an id, or a name typed by the officer) are compared. */
export function agencyKey(agency: string): string {
  return agency.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

export interface TransferHistoryEntry {
  action: string;
  data: Record<string, unknown>;
}

/**
 * The agencies a dossier still waits for, in the order they were sent to, as first spelled. A `return_from_agency`
 * naming an agency settles it; one naming none (a single transfer, or history written before parallel transfers)
 * settles them all, as it did then.
 */
export function pendingAgencies(history: readonly TransferHistoryEntry[]): string[] {
  let pending: string[] = [];
  for (const h of history) {
    if (h.action === 'transfer' && typeof h.data.targetAgency === 'string') {
      const k = agencyKey(h.data.targetAgency);
      if (!pending.some((p) => agencyKey(p) === k)) pending.push(h.data.targetAgency.trim());
    } else if (h.action === 'return_from_agency') {
      const from = typeof h.data.fromAgency === 'string' ? agencyKey(h.data.fromAgency) : null;
      pending = from === null ? [] : pending.filter((p) => agencyKey(p) !== from);
    }
  }
  return pending;
}

/** The pending agency an answer names (same key), or null. */
export function findPending(pending: readonly string[], agency: string): string | null {
  const k = agencyKey(agency);
  return pending.find((p) => agencyKey(p) === k) ?? null;
}

/**
 * A result sent by post: where and when it was handed to the postal operator, and the parcel number the applicant
 * follows it by. Read from the typed `return_result` event (one reading for the tracking page, the citizen's
 * account and the slips); the last postal return wins (a correction is a new entry).
 */
import { readDossierEvent, type StoredHistoryEntry } from './events.ts';

export interface PostalDelivery {
  trackingNumber: string;
  /** When the result was handed over for posting. */
  sentAt: Date;
  /** The address it was sent to, as the desk recorded it (entries before it was recorded: null). */
  address: string | null;
}

export function postalDelivery(history: readonly (StoredHistoryEntry & { at: Date })[]): PostalDelivery | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!;
    if (h.action !== 'return_result') continue;
    const e = readDossierEvent(h);
    if (e.action !== 'return_result' || e.data.returnMethod !== 'postal' || !e.data.trackingNumber) return null;
    return { trackingNumber: e.data.trackingNumber, sentAt: h.at, address: e.data.postalAddress ?? null };
  }
  return null;
}

/**
 * The rates for reform of a unit (an agency and the agencies under it) for a period, from the documents' histories
 * (core/documents documentRates). Offered to other modules (the reform dashboard, the PAR index's auto-filled nodes,
 * the inspection checklist) through index.ts, and to staff through GET /api/documents/rates.
 */
import type { DbOrTx } from '../../platform/db/database.ts';
import { addDays, formatVnIso, localDateTimeToInstant, type LocalDate } from '../../../core/calendar/index.ts';
import { documentRates, readDocumentEvent, type DocumentRates, type StoredDocumentEvent } from '../../../core/documents/index.ts';
import { agencyIdsUnderPaths, historyOfAgencies } from './documents.repository.ts';

/**
 * The rates of a period given as local dates (inclusive), as staff and the reform module ask for them: from the
 * start of `from` to the end of `to`, and a period still running judged `now` (a deadline after now is not overdue).
 */
export async function documentRatesForPeriod(db: DbOrTx, agencyPath: string, period: { from: LocalDate; to: LocalDate }, now: Date): Promise<DocumentRates> {
  const from = localDateTimeToInstant(period.from, '00:00');
  const end = localDateTimeToInstant(addDays(period.to, 1), '00:00');
  const at = now.getTime() + 1; // events at this very instant included
  return documentRatesFor(db, agencyPath, from, end.getTime() > at ? new Date(at) : end);
}

export async function documentRatesFor(db: DbOrTx, agencyPath: string, from: Date, to: Date): Promise<DocumentRates> {
  const ids = await agencyIdsUnderPaths(db, [agencyPath]);
  const rows = await historyOfAgencies(db, ids, to);
  const byDoc = new Map<string, StoredDocumentEvent[]>();
  for (const h of rows) {
    let list = byDoc.get(h.documentId);
    if (!list) byDoc.set(h.documentId, (list = []));
    list.push({ event: readDocumentEvent(h.data, h.seq), at: formatVnIso(h.at), actorId: h.actorId });
  }
  return documentRates([...byDoc.values()], from, to);
}

/**
 * The rates for reform of a unit (an agency and the agencies under it) for a period, from the documents' histories
 * (core/documents documentRates). Offered to other modules (the reform dashboard, the PAR index's auto-filled nodes,
 * the inspection checklist) through index.ts, and to staff through GET /api/documents/rates.
 */
import type { DbOrTx } from '../../platform/db/database.ts';
import { formatVnIso } from '../../../core/calendar/index.ts';
import { documentRates, readDocumentEvent, type DocumentRates, type StoredDocumentEvent } from '../../../core/documents/index.ts';
import { agencyIdsUnderPaths, historyOfAgencies } from './documents.repository.ts';

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

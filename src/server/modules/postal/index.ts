/**
 * What other modules read of the postal module: a parcel's current status (the latest of the operator's notices,
 * core/postal latestPostalEvent). The SQL stays in postal.repository.ts.
 */
import { latestPostalEvent, POSTAL_STATUS_LABELS, type PostalStatus } from '../../../core/postal/status.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { postalEventsOf } from './postal.repository.ts';

export async function parcelStatus(db: DbOrTx, trackingNumber: string): Promise<{ status: PostalStatus; label: string; at: Date; location: string | null } | null> {
  const rows = await postalEventsOf(db, trackingNumber);
  const last = latestPostalEvent(rows.map((r) => ({ ...r, status: r.status as PostalStatus })));
  return last ? { status: last.status, label: POSTAL_STATUS_LABELS[last.status].vi, at: last.at, location: last.location ?? null } : null;
}

import crypto from 'node:crypto';
import { secondFactorMatches } from '../../../core/rating/index.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findDossierByCode, historyOf } from '../dossiers/index.ts';
import { findProcedure, findProcedureByCode, parsePublisherCursor, publisherCursor, publishersOf } from '../catalog/index.ts';
import { findAgency } from '../units/index.ts';
import { parcelStatus } from '../postal/index.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { historyActionLabel, postalDelivery, STATE_LABELS, type DossierState } from '../../../core/dossier/index.ts';
import { formatVnIso } from '../../../core/calendar/index.ts';

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/** The history as the applicant sees it: plain Vietnamese steps, without internal notes and checks. */
export function publicTimeline(history: { at: Date; action: string; toState: string }[]) {
  return history
    .filter((h) => !['add_note', 'attach_document', 'record_field_check'].includes(h.action))
    .map((h) => ({ at: formatVnIso(h.at), action: h.action, label: historyActionLabel(h.action, 'vi'), state: STATE_LABELS[h.toState as DossierState]?.vi ?? h.toState }));
}

/**
 * A result sent by post, as the applicant follows it: the parcel number, when it was handed to the postal operator,
 * and the operator's latest status (postal module). The address it was sent to is added only in the citizen's own
 * account, not for anyone holding the code.
 */
export async function publicDelivery(db: DbOrTx, history: Parameters<typeof postalDelivery>[0]) {
  const p = postalDelivery(history);
  if (!p) return null;
  const s = await parcelStatus(db, p.trackingNumber);
  return { trackingNumber: p.trackingNumber, sentAt: formatVnIso(p.sentAt), address: p.address, status: s ? { code: s.status, label: s.label, at: formatVnIso(s.at), location: s.location } : null };
}

/** How many publishing agencies the procedure page carries; the rest through GET /public/procedures/:code/agencies. */
export const PUBLISHERS_PAGE = 100;

/** Public tracking: a dossier code plus its second factor (the secret printed on the receipt, or the phone). */
export class PortalService {
  constructor(private readonly ctx: AppContext) {}

  /** A procedure as citizens read it, with the first page of the agencies that publish it (`agenciesNext` → procedureAgencies). */
  async procedure(code: string) {
    const p = await this.publicProcedure(code);
    const page = await this.publishers(p.id, undefined, PUBLISHERS_PAGE);
    return { code: p.code, name: p.name, fieldName: p.fieldName, levels: p.levels, onlineLevel: p.onlineLevel, structured: p.structured, record: p.record, agencies: page.items, agenciesNext: page.next };
  }

  /** The agencies that publish a procedure, by name then id, one keyset page (`after` = the `next` of the page before). */
  async procedureAgencies(code: string, q: { after?: string | undefined; limit: number }) {
    const p = await this.publicProcedure(code);
    return this.publishers(p.id, q.after, q.limit);
  }

  private async publicProcedure(code: string) {
    const p = await findProcedureByCode(this.ctx.db, code);
    if (!p) throw new AppError('NOT_FOUND', { entity: `thủ tục ${code}` });
    return p;
  }

  private async publishers(procedureId: string, rawAfter: string | undefined, limit: number) {
    const after = rawAfter === undefined ? undefined : parsePublisherCursor(rawAfter);
    if (after === null) throw new AppError('VALIDATION_FAILED', {}, { reason: 'after: not a cursor of this list' });
    const items = await publishersOf(this.ctx.db, procedureId, { after, limit });
    return { items, next: items.length === limit ? publisherCursor(items[items.length - 1]!) : null };
  }

  async track(code: string, factor: string) {
    const d = await findDossierByCode(this.ctx.db, code.trim());
    // The same second-factor rule as the rating page (core/rating secondFactorMatches).
    const ok = d && secondFactorMatches(factor, { trackingSecret: d.trackingSecret, phone: (d.applicant as { phone?: string } | undefined)?.phone }, safeEqual);
    // Wrong factor and unknown code answer the same, so codes cannot be enumerated.
    if (!d || !ok) throw new AppError('DOSSIER_NOT_FOUND');
    const [proc, agency, history] = await Promise.all([findProcedure(this.ctx.db, d.procedureId), findAgency(this.ctx.db, d.receivingAgencyId), historyOf(this.ctx.db, d.id)]);
    const delivery = await publicDelivery(this.ctx.db, history);
    return {
      code: d.code!,
      procedureName: proc?.name ?? '',
      agencyName: agency?.name ?? '',
      state: d.state,
      stateLabel: STATE_LABELS[d.state as DossierState]?.vi ?? d.state,
      receivedAt: d.receivedAt ? formatVnIso(d.receivedAt) : null,
      dueAt: d.dueAt ? formatVnIso(d.dueAt) : null,
      finishedAt: d.finishedAt ? formatVnIso(d.finishedAt) : null,
      timeline: publicTimeline(history),
      // Anyone holding the code and second factor sees the parcel number, not the address.
      delivery: delivery ? { trackingNumber: delivery.trackingNumber, sentAt: delivery.sentAt, status: delivery.status } : null,
    };
  }
}

/**
 * The rates inspections look at, per unit and period, derived from the documents' histories alone (each document's
 * events folded up to the period end, core/documents foldDocument):
 *
 * - registered: incoming documents registered in [from, to);
 * - directedInSoftware: of those, the ones a leader directed (bút phê) in motcua before `to`; directedRate = ÷ registered;
 * - processedInSoftware: of those, the ones replied or closed in motcua before `to`; processedRate = ÷ registered;
 * - sent: outgoing documents sent in [from, to); signedDigitally: of those, the ones both signed by the leader and
 *   sealed digitally; signedRate = ÷ sent;
 * - finished: incoming documents replied or closed in [from, to); averageProcessingDays: their mean time from
 *   registration to reply/close in calendar days (one decimal), null when none;
 * - overdueOpen: incoming documents still open at `to` past their deadline; finishedLate: finished in the period
 *   after their deadline.
 *
 * Rates are percentages with one decimal, null when the divisor is 0.
 */
import { foldDocument, type StoredDocumentEvent } from './machine.ts';

export interface DocumentRates {
  registered: number;
  directedInSoftware: number;
  directedRate: number | null;
  processedInSoftware: number;
  processedRate: number | null;
  sent: number;
  signedDigitally: number;
  signedRate: number | null;
  finished: number;
  averageProcessingDays: number | null;
  overdueOpen: number;
  finishedLate: number;
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n * 1000) / d) / 10);

/** `histories`: each document's stored events in order (any agency mix: the caller chooses the unit). */
export function documentRates(histories: readonly (readonly StoredDocumentEvent[])[], from: Date, to: Date): DocumentRates {
  const f = from.getTime();
  const t = to.getTime();
  const inPeriod = (iso: string | null) => iso !== null && Date.parse(iso) >= f && Date.parse(iso) < t;
  const r = { registered: 0, directedInSoftware: 0, processedInSoftware: 0, sent: 0, signedDigitally: 0, finished: 0, overdueOpen: 0, finishedLate: 0 };
  let processingMs = 0;
  for (const h of histories) {
    const upTo = h.filter((e) => Date.parse(e.at) < t);
    const s = foldDocument(upTo);
    if (!s) continue;
    if (s.direction === 'incoming') {
      const finished = s.state === 'replied' || s.state === 'closed';
      if (inPeriod(s.createdAt)) {
        r.registered++;
        if (s.directedAt !== null) r.directedInSoftware++;
        if (finished) r.processedInSoftware++;
      }
      if (finished && inPeriod(s.finishedAt)) {
        r.finished++;
        processingMs += Date.parse(s.finishedAt!) - Date.parse(s.createdAt);
        if (s.dueAt !== null && Date.parse(s.finishedAt!) > Date.parse(s.dueAt)) r.finishedLate++;
      }
      if ((s.state === 'directed' || s.state === 'in_process') && s.dueAt !== null && Date.parse(s.dueAt) < t) r.overdueOpen++;
    } else if (s.state === 'sent' && inPeriod(s.finishedAt)) {
      r.sent++;
      if (s.signedAt !== null && s.sealedAt !== null) r.signedDigitally++;
    }
  }
  return {
    registered: r.registered,
    directedInSoftware: r.directedInSoftware,
    directedRate: pct(r.directedInSoftware, r.registered),
    processedInSoftware: r.processedInSoftware,
    processedRate: pct(r.processedInSoftware, r.registered),
    sent: r.sent,
    signedDigitally: r.signedDigitally,
    signedRate: pct(r.signedDigitally, r.sent),
    finished: r.finished,
    averageProcessingDays: r.finished === 0 ? null : Math.round(processingMs / r.finished / 8_640_000) / 10,
    overdueOpen: r.overdueOpen,
    finishedLate: r.finishedLate,
  };
}

/**
 * "Documents processed electronically", the figure inspections and the PAR index read (one province: 95.55 %): of the
 * incoming documents registered in the period, those replied to or closed in motcua. One definition for the PAR
 * index's auto-filled node, the reform figures and the inspection checklist.
 */
export function electronicProcessing(r: DocumentRates): { numerator: number; denominator: number } {
  return { numerator: r.processedInSoftware, denominator: r.registered };
}

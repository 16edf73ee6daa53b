/**
 * What other modules read of the document office: the documents another agency received from an outgoing one, and
 * the rates for reform per unit and period (rates.ts). Changes go through ctx.services.documents.
 */
export { documentsFromSource, findDocument, type DocumentRow } from './documents.repository.ts';
export { documentRatesFor, documentRatesForPeriod } from './rates.ts';

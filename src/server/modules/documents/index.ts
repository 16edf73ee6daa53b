/**
 * What other modules read of the document office: the documents another agency received from an outgoing one,
 * and (rates.ts) the rates for reform per unit and period. Changes go through ctx.services.documents.
 */
export { documentsFromSource, findDocument, type DocumentRow } from './documents.repository.ts';

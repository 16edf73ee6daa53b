/**
 * What other modules read of the dossiers module. Each function takes the caller's database or transaction; the
 * SQL stays in dossiers.repository.ts. Changes to a dossier go through DossiersService (ctx.services.dossiers).
 */
export { accessAgencyPaths, agencyIdsUnder, documentsOf, feesOf, findDocument, findDossier, findDossierByCode, historyOf, type DocumentRow, type DossierRow } from './dossiers.repository.ts';

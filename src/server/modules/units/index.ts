/**
 * What other modules read of the units module (administrative units and agencies). Each function takes the
 * caller's database or transaction; the SQL stays in units.repository.ts.
 */
export { agencyTreePage, findAgency, findAgencyByCode, findReformStandingBody, type AgencyRow, type UnitRow } from './units.repository.ts';

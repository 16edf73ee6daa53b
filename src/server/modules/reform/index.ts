/**
 * What other modules (and reform's own sub-modules: remediation, inspections) read of the periodic reform reports.
 * Each function takes the caller's database or transaction; the SQL stays in reform.repository.ts.
 */
export { childUnitsHandlingDossiers, reportsOfAgencies, reportsOfAgency } from './reform.repository.ts';

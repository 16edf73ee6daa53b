/**
 * What other modules read of the staff module (accounts, role assignments). Each function takes the caller's
 * database or transaction; the SQL stays in staff.repository.ts.
 */
export { findUser, findUserByUsername, isUserInScope, loadAssignments, namesOf, staffOfAgency } from './staff.repository.ts';

/** What reform/par offers to other modules (contract in /work/briefs/reform.md). */
export { parSummaryFor, lostPointsFor, computeRound, ParService, type OpenTasksForNode, type RemediationTaskRef } from './par.service.ts';
export { parRoutes } from './par.routes.ts';
export { findRound, roundUnitsOfAgency } from './par.repository.ts';

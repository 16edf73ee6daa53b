/** What other modules read of the slips module; the SQL stays in slips.repository.ts. */
export { unitName } from './slips.repository.ts';

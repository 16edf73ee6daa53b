/** What other modules read of the ratings module; the SQL stays in ratings.repository.ts. */
export { findRating, type RatingRow } from './ratings.repository.ts';

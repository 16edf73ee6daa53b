/**
 * What other modules read of the feedback module: the figures of feedback and ratings per unit (the service index
 * and the public statistics). Each function takes the caller's database or transaction; the SQL stays in
 * feedback.repository.ts.
 */
export { feedbackFigures, ratingStats } from './feedback.repository.ts';

export * from './points.ts';
export * from './tree.ts';
export * from './score-input.ts';
export * from './criteria-set.ts';
export * from './survey.ts';
export * from './rank.ts';
export * from './lost.ts';
export * from './lock.ts';

/** Official slips of the one-stop desk (forms 01–06 of Circular 01/2018, the 2025 stop notice), built from data. */
export * from './types.ts';
export * from './format.ts';
export * from './builders.ts';

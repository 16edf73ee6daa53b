/** Periodic administrative-reform reports: kinds, dated cut-offs and deadlines, on-time status, figures, template. Pure. */
export * from './schedule.ts';
export * from './figures.ts';
export * from './template.ts';
export * from './document.ts';

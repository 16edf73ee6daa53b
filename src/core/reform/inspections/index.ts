/** Reform inspections: checklists as data, plans, self-inspection coverage, offline-sync merge rules. Pure. */
export * from './checklist.ts';
export * from './documents.ts';
export * from './plan.ts';
export * from './sync.ts';

export * from './states.ts';
export * from './actions.ts';
export * from './inputs.ts';
export * from './machine.ts';
export * from './code.ts';
export * from './history.ts';
export * from './labels.ts';

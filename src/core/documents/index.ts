/** The document office's pure rules: states, events, the machine, numbers, queues, access. */
export * from './states.ts';
export * from './events.ts';
export * from './machine.ts';
export * from './number.ts';
export * from './queues.ts';
export * from './access.ts';
export * from './rates.ts';

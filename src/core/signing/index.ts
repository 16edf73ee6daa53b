export * from './time.ts';
export * from './appearance.ts';
export * from './verdict.ts';

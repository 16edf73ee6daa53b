export * from './profile.ts';
export * from './profiles.ts';
export * from './score.ts';
export * from './period.ts';
export * from './facts.ts';
export * from './metrics.ts';
export * from './dashboard.ts';

/** Feedback (phản ánh, kiến nghị): states, actions, dated time limits, deadlines and publication masking. Pure. */
export * from './machine.ts';
export * from './policy.ts';
export * from './deadlines.ts';
export * from './redact.ts';
export * from './on-time.ts';

export * from './rating.ts';
export * from './faces.ts';

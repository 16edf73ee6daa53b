#!/usr/bin/env node
// The `motcua` command. The sources are TypeScript run through tsx (a runtime dependency), so the same
// code runs in development, in tests and in production without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

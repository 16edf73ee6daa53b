import { defineConfig } from 'vitest/config';

// Three tiers (see ARCHITECTURE.md): unit (pure core, no I/O), db (repositories and services on a real
// database: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set), api (HTTP routes end to end, CLI, and
// platform libraries against real tools such as pdftotext and pdfsig: *.io.test.ts).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/core/**/*.test.ts', 'src/cli/**/*.unit.test.ts', 'src/server/**/*.unit.test.ts'] } },
      // Browser-side logic that runs without a browser: both web apps and their shared client (the offline
      // inspection store on fake-indexeddb, the HTTP core, the portal's form state).
      { test: { name: 'web', include: ['src/web/**/*.test.ts', 'src/portal/**/*.test.ts', 'src/client/**/*.test.ts'] } },
      {
        test: {
          name: 'db',
          include: ['src/server/**/*.db.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/server/**/*.routes.test.ts', 'test/api/**/*.test.ts', 'src/cli/**/*.cli.test.ts', 'src/server/platform/**/*.io.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

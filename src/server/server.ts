import type { FastifyInstance } from 'fastify';
import { formatConfigProblems, loadConfig, productionProblems, type AppConfig } from './platform/config/config.ts';
import { openDatabase } from './platform/db/database.ts';
import { createContext, type AppContext } from './platform/context.ts';
import { buildApp } from './platform/http/app.ts';
import { ensureWebBuilt } from './platform/http/web.ts';
import { formatDemoSummary, seedDemo } from './seed/demo.ts';
import { users, roleAssignments, agencies } from './platform/db/schema.ts';
import { asc, eq } from 'drizzle-orm';

export interface Running {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  close(): Promise<void>;
}

/** A start refused because of the configuration: the CLI prints its message and exits 1, without a stack trace. */
export class ConfigurationError extends Error {}

/** Opens the database, migrates, optionally seeds the demo, and serves the API. */
export async function startServer(opts: { config?: AppConfig; demo?: boolean; log?: (s: string) => void } = {}): Promise<Running> {
  const config = opts.config ?? loadConfig(process.env, { demo: !!opts.demo });
  if (!opts.config) {
    const problems = productionProblems(config, process.env, { demo: !!opts.demo });
    if (problems.length > 0) throw new ConfigurationError(formatConfigProblems(problems));
  }
  const log = opts.log ?? ((s: string) => console.log(s));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const ctx = createContext(config, database);
  await ctx.services.calendar.ensurePolicies();
  // The service index derived by older classification rules is rebuilt once, before serving.
  const rebuilt = await ctx.services.monitoring.ensureRules();
  if (rebuilt) log(`Chỉ số phục vụ: đã tính lại theo quy tắc mới (${rebuilt.dossiers} hồ sơ, ${rebuilt.ms} ms) · service index rebuilt for new rules`);
  if (opts.demo) {
    const summary = await seedDemo(ctx);
    if (summary) log(formatDemoSummary(summary));
    else log(await existingAccounts(ctx));
  }
  await ensureWebBuilt(log);
  const app = await buildApp(ctx, { logger: config.logLevel !== 'silent' && process.env.NODE_ENV === 'production' });
  await app.listen({ port: config.port, host: config.host });
  ctx.services.notifications.start(); // delivers queued notifications (outbox) and retries failed ones
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  log(`motcua is running on ${database.kind === 'pglite' ? `the embedded database (PGlite) in ${config.dataDir}` : 'PostgreSQL'}`);
  log(`  Staff console: ${url}/   Citizen portal: ${url}/dich-vu-cong/`);
  log(`  API:  ${url}/api   docs: ${url}/api/docs   health: ${url}/api/health`);
  if (database.kind === 'pglite') log('  Note: PGlite does not fsync; production must run on PostgreSQL (DATABASE_URL).');
  return {
    app,
    ctx,
    url,
    close: async () => {
      ctx.services.notifications.stop();
      await app.close();
      await database.close();
    },
  };
}

async function existingAccounts(ctx: AppContext): Promise<string> {
  const rows = await ctx.db
    .select({ username: users.username, role: roleAssignments.role, agency: agencies.name })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .orderBy(asc(users.username));
  return [
    `Staff accounts (demo password: ${process.env.DEMO_PASSWORD ?? 'MotCua@2026'} unless changed):`,
    ...rows.map((r) => `  ${r.username.padEnd(20)} ${r.role.padEnd(15)} ${r.agency}`),
  ].join('\n');
}

/**
 * Test harness for the db and api tiers: a real database per test file — in-memory PGlite by default, or a
 * fresh schema on PostgreSQL when TEST_DATABASE_URL is set (the same suite runs on both).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { FastifyInstance } from 'fastify';
import { openDatabase, MIGRATIONS_DIR, type Database, type Db } from '../../src/server/platform/db/database.ts';
import * as schema from '../../src/server/platform/db/schema.ts';
import { loadConfig, type AppConfig } from '../../src/server/platform/config/config.ts';
import { createContext, type AppContext } from '../../src/server/platform/context.ts';
import { buildApp } from '../../src/server/platform/http/app.ts';
import { seedDemo, type DemoSummary } from '../../src/server/seed/demo.ts';
import { seedDemoHistory } from '../../src/server/seed/demo-history.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? null;
export const DB_KIND = TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A settable clock: tests move time through dated scenarios. */
export class TestClock {
  constructor(public t: Date = new Date('2026-03-02T09:00:00+07:00')) {}
  now = () => new Date(this.t);
  set(iso: string) {
    this.t = new Date(iso);
  }
}

/** PostgreSQL test databases: the schema each one lives in (for a second connection to the same data). */
const schemaOf = new WeakMap<Database, string>();

async function openTestDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) return openDatabase({ dataDir: null });
  // An isolated schema per test file, so files can run in parallel on one server.
  const schemaName = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schemaName}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 10, options: `-c search_path=${schemaName}` });
  const db = drizzle(pool, { schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: schemaName });
  const database: Database = {
    db,
    kind: 'postgres',
    close: async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema ${schemaName} cascade`);
      await c.end();
    },
  };
  schemaOf.set(database, schemaName);
  return database;
}

/**
 * A second server process on the same database, as another instance of a deployment would be: its own context
 * and caches, and on PostgreSQL its own connection pool. (PGlite is embedded in one process: the peer shares
 * the database object, which is what two processes sharing its data directory would see.) Close it before env.
 */
export function openPeer(env: TestEnv): { ctx: AppContext; close(): Promise<void> } {
  const schemaName = schemaOf.get(env.ctx.database);
  if (!schemaName) return { ctx: createContext(env.ctx.config, env.ctx.database, env.clock.now), close: async () => {} };
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL!, max: 4, options: `-c search_path=${schemaName}` });
  const database: Database = { db: drizzle(pool, { schema }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
  return { ctx: createContext(env.ctx.config, database, env.clock.now), close: () => pool.end() };
}

export interface TestEnv {
  ctx: AppContext;
  clock: TestClock;
  dataDir: string;
  close(): Promise<void>;
}

/** Config fields a test may override (e.g. `{ sessionTtlHours: 1 }` to test session expiry). */
export type TestConfigOverrides = Partial<Omit<AppConfig, 'dataDir'>>;

export async function createTestEnv(clock = new TestClock(), overrides: TestConfigOverrides = {}): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  const config = { ...loadConfig({}, { demo: true }), logLevel: 'silent', sessionTtlHours: 24 * 3650, ...overrides, dataDir };
  const database = await openTestDatabase();
  const ctx = createContext(config, database, clock.now);
  await ctx.services.calendar.ensurePolicies();
  return {
    ctx,
    clock,
    dataDir,
    close: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'Test-Password-2026';

/** The demo organisation without the large reference data (agencies, staff, the 26 records published). */
export async function createSeededEnv(clock = new TestClock(), overrides: TestConfigOverrides = {}): Promise<TestEnv & { demo: DemoSummary }> {
  const env = await createTestEnv(clock, overrides);
  const demo = (await seedDemo(env.ctx, { password: PASSWORD, full: false }))!;
  return { ...env, demo };
}

/**
 * A few months of handled dossiers and feedback at Phường Pleiku and Phường Diên Hồng before the clock's time
 * (src/server/seed/demo-history.ts: the real action path with the clock moved along, some dossiers late), for
 * dashboard tests. Deterministic for a given seed.
 */
export async function seedHistory(env: TestEnv, opts: { months?: number; perMonth?: number; lateShare?: number; seed?: number } = {}) {
  const until = env.clock.now();
  const months = opts.months ?? 3;
  const start = new Date(until.getTime() - months * 30 * 86_400_000 + 7 * 3_600_000);
  const from = `${start.toISOString().slice(0, 7)}-01`;
  const unit = (code: string, who: string, perMonth: number) => ({ agencyCode: code, desk: `${who}.motcua`, specialist: `${who}.chuyenvien`, leader: `${who}.lanhdao`, perMonth, lateShare: opts.lateShare ?? 0.3 });
  return seedDemoHistory(env.ctx, { from, until, seed: opts.seed ?? 1, units: [unit('000.01.00.H21', 'pleiku', opts.perMonth ?? 6), unit('000.02.00.H21', 'dienhong', Math.ceil((opts.perMonth ?? 6) / 2))] });
}

/** A running HTTP server on a random loopback port, with a small fetch client. */
export async function startHttp(env: Pick<TestEnv, 'ctx'>): Promise<{ app: FastifyInstance; base: string; close(): Promise<void> }> {
  const app = await buildApp(env.ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${addr.port}`, close: () => app.close() };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export class ApiClient {
  token: string | null = null;
  constructor(readonly base: string) {}
  async login(username: string, password = PASSWORD) {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(r.body)}`);
    this.token = r.body.token;
    return this;
  }
  async req<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(this.base + url, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T };
  }
  get<T = any>(url: string) {
    return this.req<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.req<T>('POST', url, body ?? {}, headers);
  }
  put<T = any>(url: string, body?: unknown) {
    return this.req<T>('PUT', url, body ?? {});
  }
  del<T = any>(url: string, body?: unknown) {
    return this.req<T>('DELETE', url, body);
  }
  /** A download as bytes with its content type (`get` would parse JSON). */
  async download(url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const res = await fetch(this.base + url, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }
  /** Citizen sign-in: asks for a one-time code, reads it from the mail catcher, and signs in with it. */
  async citizenLogin(contact: string) {
    const sent = await this.post('/api/citizen/otp', { contact });
    if (sent.status !== 200) throw new Error(`otp for ${contact} failed: ${JSON.stringify(sent.body)}`);
    const code = await latestOtp(this, contact);
    const r = await this.post('/api/citizen/login', { contact, code });
    if (r.status !== 200) throw new Error(`citizen login ${contact} failed: ${JSON.stringify(r.body)}`);
    this.token = r.body.token;
    return this;
  }
  async upload(content: Buffer, fileName: string, mime = 'application/pdf', path = '/api/files'): Promise<ApiResponse> {
    const form = new FormData();
    form.append('file', new Blob([content], { type: mime }), fileName);
    const res = await fetch(this.base + path, { method: 'POST', headers: this.token ? { authorization: `Bearer ${this.token}` } : {}, body: form });
    return { status: res.status, body: await res.json() };
  }
}

/** The newest one-time code the mail catcher holds for a contact. */
export async function latestOtp(api: ApiClient, contact: string): Promise<string> {
  const r = await fetch(`${api.base}/api/dev/messages?to=${encodeURIComponent(contact)}`);
  const body = (await r.json()) as { items: { body: string }[] };
  const m = /\b(\d{6})\b/.exec(body.items[0]?.body ?? '');
  if (!m) throw new Error(`no code for ${contact} in the mail catcher`);
  return m[1]!;
}

/** A tiny valid PDF (enough for the type check by magic bytes). */
export function samplePdf(label = 'scan'): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${label} ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
}

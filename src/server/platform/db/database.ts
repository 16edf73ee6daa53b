/**
 * Opens the database: embedded PGlite in DATA_DIR/pgdata (default) or PostgreSQL when DATABASE_URL is set.
 * Both run the same Drizzle schema and the same migrations.
 *
 * PGlite is single-process: two processes opening the same folder silently corrupt it, so we take an
 * exclusive lock on the folder first and refuse to start if another process holds it. PGlite does not
 * fsync: a power cut can lose recent commits. Production runs on PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class DatabaseLockedError extends Error {
  constructor(dir: string) {
    super(
      `The embedded database in ${dir} is already in use by another motcua process. ` +
        'PGlite allows one process per data folder (two would corrupt it). Stop the other process, ' +
        'or point DATA_DIR at another folder, or use PostgreSQL with DATABASE_URL.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export interface OpenOptions {
  databaseUrl?: string | null;
  /** Folder for PGlite data; `null` = in-memory (tests). */
  dataDir?: string | null;
  migrate?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir ?? null);
  if (opts.migrate !== false) await runMigrations(database);
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error(`PostgreSQL pool error: ${err.message}`));
  // Fail fast with a clear message when the server is unreachable.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => pool.end() };
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let release: (() => Promise<void>) | null = null;
  let client: PGlite;
  if (dataDir) {
    const dir = path.join(dataDir, 'pgdata');
    fs.mkdirSync(dir, { recursive: true });
    try {
      release = await lockfile.lock(dir, {
        lockfilePath: path.join(dataDir, 'pgdata.lock'),
        stale: 15_000,
        update: 5_000,
        retries: 0,
        onCompromised: (err) => {
          // Another process took the folder: stop at once rather than corrupt it.
          console.error(`FATAL: lost the lock on ${dir}: ${err.message}`);
          process.exit(70);
        },
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DatabaseLockedError(dir);
      throw err;
    }
    client = new PGlite(dir);
  } else {
    client = new PGlite();
  }
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      if (release) await release();
    },
  };
}

export async function runMigrations(database: Database): Promise<void> {
  const cfg = { migrationsFolder: MIGRATIONS_DIR };
  if (database.kind === 'pglite') await migratePglite(database.db as never, cfg);
  else await migratePg(database.db as never, cfg);
}

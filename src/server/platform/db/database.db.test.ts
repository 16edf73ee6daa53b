/**
 * The database platform on a real database: migrations, the append-only history, the PGlite folder lock,
 * and the dossier-code counter under concurrency (PGlite by default, PostgreSQL with TEST_DATABASE_URL).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, DB_KIND, type TestEnv } from '../../../../test/support/harness.ts';
import { openDatabase, DatabaseLockedError } from './database.ts';
import { auditLog, dossierHistory } from './schema.ts';
import { nextCodeSeq } from '../../modules/dossiers/dossiers.repository.ts';

let env: TestEnv;

/** Drizzle wraps driver errors: the trigger's message is on the cause. */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ''}`;
  }
  return 'no error';
}
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe(`database platform on ${DB_KIND}`, () => {
  it('applies every migration: the tables of each module exist', async () => {
    const r = await env.ctx.db.execute(sql`select table_name from information_schema.tables where table_schema = current_schema() order by 1`);
    const tables = (r as unknown as { rows: { table_name: string }[] }).rows.map((x) => x.table_name);
    for (const t of ['units', 'agencies', 'users', 'sessions', 'procedures', 'publications', 'workflows', 'calendar_overrides', 'dossiers', 'dossier_history', 'dossier_access', 'dossier_documents', 'payments', 'dossier_code_counters', 'outbox', 'audit_log']) {
      expect(tables).toContain(t);
    }
  });

  it('refuses UPDATE and DELETE on the dossier history (append-only)', async () => {
    const dossierId = crypto.randomUUID();
    await env.ctx.db.insert(dossierHistory).values({ dossierId, seq: 1, action: 'receive', toState: 'received', actorRole: 'desk_officer', at: new Date('2026-03-02T02:00:00Z') });
    expect(await failure(env.ctx.db.execute(sql`update dossier_history set at = now() where dossier_id = ${dossierId}`))).toMatch(/APPEND_ONLY/);
    expect(await failure(env.ctx.db.execute(sql`delete from dossier_history where dossier_id = ${dossierId}`))).toMatch(/APPEND_ONLY/);
    const rows = await env.ctx.db.execute(sql`select at from dossier_history where dossier_id = ${dossierId}`);
    expect((rows as unknown as { rows: { at: unknown }[] }).rows).toHaveLength(1);
  });

  it('refuses changes to the audit log and to recorded payments', async () => {
    await env.ctx.db.insert(auditLog).values({ at: env.ctx.now(), action: 'test', entity: 'x', entityId: '1' });
    expect(await failure(env.ctx.db.execute(sql`delete from audit_log`))).toMatch(/APPEND_ONLY/);
    await env.ctx.db.execute(sql`insert into payments (dossier_id, amount_vnd, method, paid_at, recorded_at) values (gen_random_uuid(), 10000, 'desk', now(), now())`);
    expect(await failure(env.ctx.db.execute(sql`update payments set amount_vnd = 0`))).toMatch(/APPEND_ONLY/);
  });

  it('hands out distinct consecutive dossier numbers to 100 concurrent intakes', async () => {
    const seqs = await Promise.all(Array.from({ length: 100 }, () => env.ctx.db.transaction((tx) => nextCodeSeq(tx, '000.09.00.H21', '2026-03-02'))));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // Another agency and another day start again at 1.
    expect(await env.ctx.db.transaction((tx) => nextCodeSeq(tx, '000.09.00.H21', '2026-03-03'))).toBe(1);
    expect(await env.ctx.db.transaction((tx) => nextCodeSeq(tx, '000.08.00.H21', '2026-03-02'))).toBe(1);
  });
});

describe('the embedded database folder lock (PGlite)', () => {
  it('a second open of the same folder fails with a clear message, and works again after close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-lock-'));
    const first = await openDatabase({ dataDir: dir });
    try {
      const err = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseLockedError);
      expect((err as Error).message).toMatch(/already in use by another motcua process/);
      // A second process is refused too.
      const child = spawnSync(process.execPath, ['bin/motcua.js', 'seed'], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8' });
      expect(child.status).toBe(1);
      expect(child.stderr).toMatch(/already in use by another motcua process/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

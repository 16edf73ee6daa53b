/**
 * Scope checks read agencies by path prefix (`path LIKE '/<id>/%'`): the index must serve that under any database
 * collation, i.e. be built with text_pattern_ops (a plain btree serves LIKE prefixes only under the C collation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createSeededEnv, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createSeededEnv(new TestClock());
});
afterAll(() => env.close());

describe('agencies_path_idx', () => {
  it('is a text_pattern_ops index and serves a path-prefix LIKE', async () => {
    const def = (await env.ctx.db.execute(sql`select indexdef from pg_indexes where schemaname = current_schema() and indexname = 'agencies_path_idx'`)) as unknown as { rows: { indexdef: string }[] };
    expect(def.rows[0]?.indexdef).toMatch(/text_pattern_ops/);
    const plan = await env.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const r = (await tx.execute(sql`explain select id from agencies where path like '/00000000-0000-4000-8000-000000000000/%'`)) as unknown as { rows: Record<string, string>[] };
      return r.rows.map((x) => Object.values(x)[0]).join('\n');
    });
    expect(plan).toMatch(/agencies_path_idx/);
  });
});

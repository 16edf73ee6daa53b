/**
 * Benchmark: request-path queries on a province-sized dossier table (PostgreSQL).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test BENCH_DOSSIERS=1000000 npx tsx bench/dossier-queries.ts
 *
 * Creates schema `bench` (dropped first), runs the real migrations, generates BENCH_DOSSIERS dossiers over
 * 200 agencies and one year with 8 history rows each (set-based SQL), ANALYZEs, then times each request
 * path (the same SQL the repositories run) 50 times and prints p50/p95/max in ms and the plan's index use.
 */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_DIR } from '../src/server/platform/db/database.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const N = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const HISTORY_PER_DOSSIER = 8;
const AGENCIES = 200;

const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c search_path=bench' });
const q = (text: string, params: unknown[] = []) => pool.query(text, params);
const t0 = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

async function setup() {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop schema if exists bench cascade');
  await admin.query('create schema bench');
  await admin.end();
  await migrate(drizzle(pool) as never, { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'bench' });
  log('migrated');
  await q(`insert into agencies (id, code, name, kind, path, level, valid_from, created_at)
           select ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, '000.' || lpad(g::text, 3, '0') || '.00.H21', 'Agency ' || g, 'people_committee',
                  '/00000000-0000-0000-0000-' || lpad(g::text, 12, '0') || '/', 'commune', '2025-07-01', timestamptz '2026-01-01 08:00+07'
           from generate_series(1, ${AGENCIES}) g`);
  const chunk = 250_000;
  for (let start = 0; start < N; start += chunk) {
    const end = Math.min(N, start + chunk);
    await q(`insert into dossiers (id, code, procedure_id, publication_id, receiving_agency_id, handling_agency_id, channel, state, version,
                                   applicant, applicant_id_number, applicant_name_folded, onestop_policy, received_at, clock_started_at, due_at,
                                   assignee_id, tracking_secret, created_at, updated_at)
             select md5('d' || g)::uuid,
                    '000.' || lpad((g % ${AGENCIES} + 1)::text, 3, '0') || '.00.H21-' || to_char(ts, 'YYMMDD') || '-' || lpad((g / ${AGENCIES})::text, 5, '0'),
                    '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
                    ag, ag, (array['desk','online','postal'])[1 + g % 3],
                    (array['returned','returned','returned','returned','returned','in_process','forwarded','supplement_requested','result_ready','awaiting_approval'])[1 + g % 10],
                    8, '{"fullName":"x"}', lpad((g::bigint * 7919 % 999999999999)::text, 12, '0'), 'nguyen van ' || g, 'onestop-2025',
                    ts, ts, ts + interval '7 days', md5('u' || (g % 2000))::uuid, 'S', ts, ts
             from (select g, ('00000000-0000-0000-0000-' || lpad((g % ${AGENCIES} + 1)::text, 12, '0'))::uuid as ag,
                          timestamptz '2026-01-01 08:00+07' + (g::double precision / ${N}) * interval '365 days' as ts
                   from generate_series(${start}, ${end - 1}) g) s`);
    await q(`insert into dossier_access (agency_id, dossier_id, sort_at)
             select ('00000000-0000-0000-0000-' || lpad((g % ${AGENCIES} + 1)::text, 12, '0'))::uuid, md5('d' || g)::uuid,
                    timestamptz '2026-01-01 08:00+07' + (g::double precision / ${N}) * interval '365 days'
             from generate_series(${start}, ${end - 1}) g`);
    await q(`insert into dossier_history (dossier_id, seq, action, from_state, to_state, actor_role, at)
             select md5('d' || g)::uuid, s, 'add_note', 'in_process', 'in_process', 'specialist',
                    timestamptz '2026-01-01 08:00+07' + (g::double precision / ${N}) * interval '365 days' + s * interval '1 hour'
             from generate_series(${start}, ${end - 1}) g, generate_series(1, ${HISTORY_PER_DOSSIER}) s`);
    log(`generated ${end} dossiers, ${end * HISTORY_PER_DOSSIER} history rows`);
  }
  await q('analyze');
  log('analyzed');
}

async function time(name: string, sql: string, params: () => unknown[]) {
  const runs: number[] = [];
  for (let i = 0; i < 50; i++) {
    const p = params();
    const s = process.hrtime.bigint();
    await q(sql, p);
    runs.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  runs.sort((a, b) => a - b);
  const plan = (await q(`explain ${sql}`, params())).rows.map((r) => r['QUERY PLAN'] as string).join(' ');
  const idx = [...plan.matchAll(/Index (?:Only )?Scan (?:Backward )?(?:using|on) (\w+)/g)].map((m) => m[1]);
  const seq = /Seq Scan on (dossiers|dossier_history|dossier_access)/.test(plan);
  console.log(`| ${name} | ${runs[24]!.toFixed(2)} | ${runs[47]!.toFixed(2)} | ${runs[49]!.toFixed(2)} | ${[...new Set(idx)].join(', ') || '—'}${seq ? ' (SEQ SCAN!)' : ''} |`);
}

const agency = () => `00000000-0000-0000-0000-${String(1 + Math.floor(Math.random() * AGENCIES)).padStart(12, '0')}`;
const dossierId = async () => (await q(`select md5('d' || $1)::uuid as id`, [Math.floor(Math.random() * N)])).rows[0].id as string;

async function main() {
  if (process.env.BENCH_SKIP_SETUP !== '1') await setup();
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) ids.push(await dossierId());
  let k = 0;
  console.log(`\n${N.toLocaleString('en')} dossiers, ${(N * HISTORY_PER_DOSSIER).toLocaleString('en')} history rows, ${AGENCIES} agencies\n`);
  console.log('| request path | p50 ms | p95 ms | max ms | indexes used |\n|---|---|---|---|---|');
  await time('dossier by id', 'select * from dossiers where id = $1', () => [ids[k++ % ids.length]]);
  await time('dossier by code', 'select * from dossiers where code = $1', () => [`000.${String(1 + (k++ % AGENCIES)).padStart(3, '0')}.00.H21-260315-00010`]);
  await time('history of a dossier', 'select * from dossier_history where dossier_id = $1 order by seq', () => [ids[k++ % ids.length]]);
  await time('scope check (access paths)', 'select a.path from dossier_access d join agencies a on a.id = d.agency_id where d.dossier_id = $1', () => [ids[k++ % ids.length]]);
  const allQuery = (cursor: string) => `select d.* from (select dossier_id, max(sort_at) as sort_at from (select x.dossier_id, x.sort_at from unnest($1::uuid[]) as a(id) cross join lateral (select da.dossier_id, da.sort_at from dossier_access da where da.agency_id = a.id ${cursor} order by da.sort_at desc, da.dossier_id desc limit 50) x) y group by dossier_id order by max(sort_at) desc, dossier_id desc limit 50) ids join dossiers d on d.id = ids.dossier_id order by ids.sort_at desc`;
  await time('queue "all" (1 agency), first page of 50', allQuery(''), () => [[agency()]]);
  await time('queue "all" (1 agency), deep keyset page', allQuery(`and (da.sort_at, da.dossier_id) < ('2026-03-01T00:00:00Z'::timestamptz, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)`), () => [[agency()]]);
  await time('queue "all" (20 agencies), first page', allQuery(''), () => [Array.from({ length: 20 }, agency)]);
  await time('queue "unassigned" (forwarded)', `select * from dossiers where handling_agency_id = any($1::uuid[]) and state = 'forwarded' order by due_at asc nulls last, id limit 50`, () => [[agency()]]);
  await time('queue "overdue"', `select * from dossiers where handling_agency_id = any($1::uuid[]) and state = any(array['received','forwarded','assigned','in_process','inter_agency','awaiting_approval','approved']) and due_at is not null and due_at < now() order by due_at asc nulls last, id limit 50`, () => [[agency()]]);
  await time('queue "mine"', `select * from dossiers where assignee_id = $1 and state = any(array['assigned','in_process','inter_agency','awaiting_approval','approved','supplement_requested']) order by due_at asc nulls last, id limit 50`, () => [(ids[0] as string)]);
  await time('search by ID number', `select * from dossiers where applicant_id_number = $1 limit 20`, () => [String((k++ * 7919) % 999999999999).padStart(12, '0')]);
  await time('search by name prefix', `select * from dossiers where applicant_name_folded like $1 order by created_at desc limit 20`, () => [`nguyen van ${1000 + (k++ % 9000)}%`]);
  await pool.end();
}

await main();

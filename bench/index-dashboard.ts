/**
 * Benchmark: the live service-index dashboard API (Decision 766) on a generated province-year (PostgreSQL).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench766 BENCH_DOSSIERS=1000000 npx tsx bench/index-dashboard.ts
 *
 * 1. Creates the database if missing (its name must contain "bench" unless BENCH_FORCE=1: the public schema is
 *    dropped), runs the real migrations and `seedDemo(ctx, { full: true, dossiers: false, history: false, wardCatalog: false })`
 *    (the real units, catalog and demo staff), then adds by SQL a province of ~100 agencies (root, 15
 *    provincial bodies, 85 communes named after real Gia Lai communes, materialised paths), publications of
 *    real catalog procedures (every commune publishes BENCH_COMMUNE_PROCEDURES commune-level procedures), and
 *    BENCH_DOSSIERS dossiers received over 2026 with their append-only history (set-based SQL, like
 *    bench/dossier-queries.ts): 45 % online, ~8 % supplement requests (1 % twice), ~9 % finished late, ~1.5 %
 *    stalled, refusals, withdrawals, intake rejections; every event after the clock (2026-12-31 17:30 +07:00) is
 *    cut, so December leaves open dossiers in every state. A few % have documents, online payments, ratings;
 *    10,000 feedback items (a third about a dossier).
 * 2. Builds the counters with the real `rebuildIndex(db)` (timed; BENCH_REBUILD_BATCH overrides its batch).
 * 3. Starts the real HTTP server (buildApp + createContext, clock fixed) and times each endpoint over real HTTP
 *    (BENCH_RUNS requests after 3 warm-ups, fewer when one request is slow: ~60 s budget per endpoint), records
 *    the SQL each dashboard request issues, EXPLAIN (ANALYZE, BUFFERS)es the main counters query, and times one
 *    dossier action (with the index refresh in its transaction).
 *
 * Knobs: BENCH_SKIP_SETUP=1 (reuse the generated data), BENCH_SKIP_REBUILD=1 (reuse the counters), BENCH_RUNS
 * (30), BENCH_COMMUNE_PROCEDURES (200), BENCH_REBUILD_BATCH, BENCH_NOW (the clock, ISO), BENCH_DROP_DATABASE=1 (drop the
 * database at the end). Results and findings: bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/platform/db/database.ts';
import { loadConfig } from '../src/server/platform/config/config.ts';
import { createContext, type AppContext } from '../src/server/platform/context.ts';
import { buildApp } from '../src/server/platform/http/app.ts';
import { seedDemo } from '../src/server/seed/demo.ts';
import { rebuildIndex } from '../src/server/modules/monitoring/index-maintenance.ts';
import { oneStopPolicyFor } from '../src/core/dossier/onestop-policy.ts';
import * as repo from '../src/server/modules/monitoring/monitoring.repository.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench766';
const N = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const COMMUNE_PROCEDURES = Number(process.env.BENCH_COMMUNE_PROCEDURES ?? 200);
const REBUILD_BATCH = process.env.BENCH_REBUILD_BATCH ? Number(process.env.BENCH_REBUILD_BATCH) : undefined;
const NOW = new Date(process.env.BENCH_NOW ?? '2026-12-31T17:30:00+07:00');
const PASSWORD = 'MotCua@2026';
const CHUNK = 200_000;
const BUDGET_MS = 60_000;

const t0 = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const dbName = new URL(url).pathname.slice(1);

// ------------------------------------------------------------------ database

async function ensureDatabase() {
  if (!dbName.includes('bench') && process.env.BENCH_FORCE !== '1') throw new Error(`refusing to use database "${dbName}": its name must contain "bench" (or set BENCH_FORCE=1)`);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount;
  if (!exists) await admin.query(`create database "${dbName}"`);
  await admin.end();
  if (process.env.BENCH_SKIP_SETUP === '1') return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('drop schema if exists drizzle cascade');
  await c.query('drop schema if exists public cascade');
  await c.query('create schema public');
  await c.end();
}

async function dropDatabase() {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${dbName}"`);
  await admin.end();
  log(`dropped database ${dbName}`);
}

// ------------------------------------------------------------------ data generation (set-based SQL)

const CLOCK_SQL = `'${NOW.toISOString()}'::timestamptz`;
/** ISO instant with the +07:00 offset, as formatVnIso writes it. */
const iso = (e: string) => `(to_char((${e}) at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD"T"HH24:MI:SS') || '+07:00')`;

async function generate(ctx: AppContext, pool: pg.Pool) {
  const q = (text: string, params: unknown[] = []) => pool.query(text, params);
  const summary = await seedDemo(ctx, { full: true, dossiers: false, history: false, wardCatalog: false, password: PASSWORD });
  log(`seeded demo organisation: ${summary?.units} units, ${summary?.procedures} catalog entries, ${summary?.publications} publications`);

  // Agencies: 8 more provincial bodies and 81 more communes (real commune units of the province), under the root.
  const root = (await q(`select id, path from agencies where code = '000.00.00.H21'`)).rows[0] as { id: string; path: string };
  const depts: [string, string, string][] = [
    ['000.00.15.H21', 'Sở Tài chính tỉnh Gia Lai', 'Bộ Tài chính'],
    ['000.00.16.H21', 'Sở Xây dựng tỉnh Gia Lai', 'Bộ Xây dựng'],
    ['000.00.17.H21', 'Sở Nội vụ tỉnh Gia Lai', ''],
    ['000.00.18.H21', 'Sở Y tế tỉnh Gia Lai', ''],
    ['000.00.19.H21', 'Sở Công Thương tỉnh Gia Lai', ''],
    ['000.00.21.H21', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai', ''],
    ['000.00.22.H21', 'Sở Ngoại vụ tỉnh Gia Lai', ''],
    ['000.00.23.H21', 'Ngân hàng Nhà nước Khu vực 10 (Gia Lai)', 'Ngân hàng Nhà nước Việt Nam'],
  ];
  for (const [code, name] of depts) {
    await q(`insert into agencies (id, code, name, kind, unit_id, parent_id, path, level, valid_from, created_at)
             select x.id, $1, $2, 'department', (select id from units where key = 'P52'), $3, $4 || x.id || '/', 'province', '2025-07-01', ${CLOCK_SQL}
             from (select gen_random_uuid() as id) x`, [code, name, root.id, root.path]);
  }
  await q(`insert into agencies (id, code, name, kind, unit_id, parent_id, path, level, valid_from, created_at)
           select x.id, '000.' || lpad((4 + x.rn)::text, 2, '0') || '.00.H21', 'Ủy ban nhân dân ' || x.name, 'people_committee', x.unit_id, $1, $2 || x.id || '/', 'commune', '2025-07-01', ${CLOCK_SQL}
           from (select gen_random_uuid() as id, u.id as unit_id, u.name, row_number() over (order by u.code) as rn
                 from units u
                 where u.parent_id = (select id from units where key = 'P52') and u.level = 'commune'
                   and u.id not in (select unit_id from agencies where unit_id is not null)
                 order by u.code limit 81) x`, [root.id, root.path]);

  // Publications: every commune publishes the same list (the structured commune-level records first, then
  // commune-level catalog entries), each province-level procedure is published by one provincial body (by
  // ministry, else spread over the bodies without a ministry match and the service centre).
  await q(`insert into publications (agency_id, procedure_id, decision_no, published_at)
           select a.id, p.id, 'QĐ-BENCH', ${CLOCK_SQL}
           from agencies a cross join (select id from procedures where 'commune' = any(levels)
                                       order by structured desc, md5(code) limit $1) p
           where a.level = 'commune'
           on conflict do nothing`, [COMMUNE_PROCEDURES]);
  await q(`with bodies as (select id, code, row_number() over (order by code) - 1 as k from agencies
                           where level = 'province' and parent_id is not null and code in ('000.00.01.H21', '000.00.17.H21', '000.00.18.H21', '000.00.19.H21', '000.00.21.H21', '000.00.22.H21')),
                ministry as (select * from (values ('000.00.10.H21', 'Bộ Nông nghiệp và Môi trường'), ('000.00.20.H21', 'Bộ Công an'), ('000.00.11.H21', 'Bộ Giáo dục và Đào tạo'),
                                                   ('000.00.12.H21', 'Bộ Dân tộc và Tôn giáo'), ('000.00.13.H21', 'Bộ Khoa học và Công nghệ'), ('000.00.14.H21', 'Bộ Tư pháp'),
                                                   ('000.00.15.H21', 'Bộ Tài chính'), ('000.00.16.H21', 'Bộ Xây dựng'), ('000.00.23.H21', 'Ngân hàng Nhà nước Việt Nam')) v(code, ministry))
           insert into publications (agency_id, procedure_id, decision_no, published_at)
           select coalesce((select a.id from ministry m join agencies a on a.code = m.code where m.ministry = p.ministry),
                           (select b.id from bodies b where b.k = ('x' || substr(md5(p.code), 1, 7))::bit(28)::int % (select count(*) from bodies))),
                  p.id, 'QĐ-BENCH', ${CLOCK_SQL}
           from procedures p where 'province' = any(p.levels)
           on conflict do nothing`);
  const counts = (await q(`select count(*) filter (where level = 'commune') as communes, count(*) filter (where level = 'province') as provincial,
                                  (select count(*) from publications) as pubs from agencies`)).rows[0];
  log(`agencies: ${counts.communes} communes, ${counts.provincial} provincial (root included); ${counts.pubs} publications`);

  // Agencies that handle dossiers, numbered per group (c = communes, p = provincial bodies), with their
  // publications numbered most-used first (a dossier picks k = n·u⁴: a few procedures carry most dossiers).
  await q(`create unlogged table bench_agency as
           select a.id, a.code, case when a.level = 'commune' then 'c' else 'p' end as grp,
                  (row_number() over (partition by a.level order by a.code) - 1)::int as gidx,
                  (select count(*) from publications p where p.agency_id = a.id)::int as npubs
           from agencies a where exists (select 1 from publications p where p.agency_id = a.id)`);
  await q(`create unlogged table bench_pub as
           select p.agency_id, p.id as publication_id, p.procedure_id,
                  (row_number() over (partition by p.agency_id order by r.structured desc, md5(r.code)) - 1)::int as k
           from publications p join procedures r on r.id = p.procedure_id`);
  await q(`create index on bench_pub (agency_id, k)`);
  const groups = (await q(`select grp, count(*)::int as n from bench_agency group by grp`)).rows as { grp: string; n: number }[];
  const nC = groups.find((g) => g.grp === 'c')!.n;
  const nP = groups.find((g) => g.grp === 'p')!.n;
  await q(`create or replace function bench_u(m text, i int) returns double precision immutable language sql
           as $$ select ('x' || substr(m, 1 + 8 * i, 8))::bit(32)::bigint / 4294967296.0 $$`);

  // Version-4-shaped ids (the API validates UUIDs strictly), derived from md5 so a run is reproducible.
  await q(`create or replace function bench_uuid(m text) returns uuid immutable language sql
           as $$ select (substr(m, 1, 12) || '4' || substr(m, 14, 3) || '8' || substr(m, 18, 15))::uuid $$`);
  // One plan row per dossier: where, what, when, and how its life goes.
  await q(`create unlogged table bench_plan as
    with r as (
      select g, bench_uuid(md5('d' || g)) as id, md5('e' || g) as m2, md5('f' || g) as m3, md5('h' || g) as m4 from generate_series(0, ${N - 1}) g
    ), u as (
      select g, id,
             bench_u(m2, 0) as ua, bench_u(m2, 1) as ub, bench_u(m2, 2) as uc, bench_u(m2, 3) as ud,
             bench_u(m3, 0) as ue, bench_u(m3, 1) as uf, bench_u(m3, 2) as ug, bench_u(m3, 3) as uh,
             bench_u(m4, 0) as ui, bench_u(m4, 1) as uj, bench_u(m4, 2) as uk, bench_u(m4, 3) as ul,
             floor(g::double precision / ${N} * 365)::int as d
      from r
    ), v as (
      select u.*, a.id as agency_id, a.code as agency_code, a.npubs,
             case when ud < 0.45 then 'online' when ud < 0.95 then 'desk' else 'postal' end as channel,
             d + case extract(isodow from date '2026-01-01' + d) when 6 then 2 when 7 then 1 else 0 end as dd,
             (array[3, 5, 7, 10, 15, 20])[1 + floor(uf * 6)::int] as lim
      from u join bench_agency a on a.grp = case when ua < 0.7 then 'c' else 'p' end
                                 and a.gidx = floor(case when ua < 0.7 then ${nC} * power(ub, 1.3) else ${nP} * power(ub, 1.5) end)::int
    ), w as (
      select v.*, bp.procedure_id, bp.publication_id,
             date_trunc('second', timestamptz '2026-01-01 00:00:00+07' + dd * interval '1 day' + interval '7 hours 30 minutes' + ue * interval '9 hours') as received,
             case when channel = 'online' and ug < 0.005 then 'reject' when ug < 0.02 then 'refuse' when ug < 0.03 then 'withdraw' when ug < 0.045 then 'stall' else 'done' end as outcome,
             case when uh < 0.01 then 2 when uh < 0.08 then 1 else 0 end as supp0,
             uh >= 0.08 and uh < 0.17 as late
      from v join bench_pub bp on bp.agency_id = v.agency_id and bp.k = floor(v.npubs * power(v.uc, 4))::int
    ), x as (
      select w.*, case when outcome = 'reject' then 0 else supp0 end as supp,
             received + lim * interval '1 day' as due1,
             received + interval '2 days' as req1,
             date_trunc('second', received + interval '2 days' + (1 + ui * 9) * interval '1 day') as supply1
      from w
    ), y as (
      select x.*, supply1 + lim * interval '1 day' as due2, supply1 + interval '1 day' as req2,
             date_trunc('second', supply1 + interval '1 day' + (1 + (1 - ui) * 5) * interval '1 day') as supply2
      from x
    ), z as (
      select y.*, supply2 + lim * interval '1 day' as due3,
             case supp when 0 then received + interval '1 day' when 1 then supply1 else supply2 end as base,
             case supp when 0 then due1 when 1 then due2 else supply2 + lim * interval '1 day' end as due_final
      from y
    )
    select g, id, agency_id, agency_code, procedure_id, publication_id, channel, outcome, supp, late, lim, received, due1, req1, supply1, due2, req2, supply2, due3, due_final,
           base + interval '12 hours' as withdraw_at,
           date_trunc('second', received - (0.05 + ul * 2) * interval '1 day') as submit_at,
           date_trunc('second', case when late then due_final + (0.5 + ui * 9.5) * interval '1 day' else base + (0.4 + 0.58 * ui) * (due_final - base) end) as fin,
           agency_code || '-' || to_char(received at time zone 'UTC' + interval '7 hours', 'YYMMDD') || '-' || lpad(g::text, 7, '0') as code,
           uj, uk, ul
    from z`);
  await q(`alter table bench_plan add primary key (g)`);
  log(`planned ${N.toLocaleString('en')} dossiers`);

  const policy = oneStopPolicyFor('2026-06-01').id;
  let history = 0;
  for (let start = 0; start < N; start += CHUNK) {
    const end = Math.min(N, start + CHUNK) - 1;
    await q(`drop table if exists bench_steps`);
    await q(`create unlogged table bench_steps as
      select p.id, p.agency_id, p.code, s.action, s.to_state, s.clock, s.at, s.due, s.role,
             row_number() over w as seq, lag(s.to_state) over w as from_state
      from bench_plan p cross join lateral (values
        (1, 'submit_online', 'submitted_online', 'none', p.submit_at, null::timestamptz, 'citizen', p.channel = 'online'),
        (2, 'receive', 'received', 'start', p.received, p.due1, 'desk_officer', p.outcome <> 'reject'),
        (2, 'reject_intake', 'intake_rejected', 'none', p.received, null, 'desk_officer', p.outcome = 'reject'),
        (3, 'forward', 'forwarded', 'none', p.received + interval '1 hour', p.due1, 'desk_officer', p.outcome <> 'reject'),
        (4, 'assign', 'assigned', 'none', p.received + interval '3 hours', p.due1, 'leader', p.outcome <> 'reject'),
        (5, 'start_processing', 'in_process', 'none', p.received + interval '1 day', p.due1, 'specialist', p.outcome <> 'reject'),
        (6, 'request_supplement', 'supplement_requested', 'pause', p.req1, null, 'specialist', p.supp >= 1),
        (7, 'supply', 'in_process', 'restart', p.supply1, p.due2, 'desk_officer', p.supp >= 1),
        (8, 'request_supplement', 'supplement_requested', 'pause', p.req2, null, 'specialist', p.supp >= 2),
        (9, 'supply', 'in_process', 'restart', p.supply2, p.due3, 'desk_officer', p.supp >= 2),
        (10, 'withdraw', 'withdrawn', 'finish', p.withdraw_at, p.due_final, 'desk_officer', p.outcome = 'withdraw'),
        (11, 'propose', 'awaiting_approval', 'none', p.fin - interval '6 hours', p.due_final, 'specialist', p.outcome = 'done'),
        (12, 'approve', 'approved', 'none', p.fin - interval '2 hours', p.due_final, 'leader', p.outcome = 'done'),
        (13, 'mark_result_ready', 'result_ready', 'finish', p.fin, p.due_final, 'specialist', p.outcome = 'done'),
        (13, 'refuse', 'refused', 'finish', p.fin, p.due_final, 'specialist', p.outcome = 'refuse'),
        (14, 'return_result', 'returned', 'none', date_trunc('second', p.fin + (0.05 + p.uj * 3) * interval '1 day'), p.due_final, 'desk_officer', p.outcome in ('done', 'refuse'))
      ) s(ord, action, to_state, clock, at, due, role, inc)
      where p.g between ${start} and ${end} and s.inc and s.at <= ${CLOCK_SQL}
      window w as (partition by p.id order by s.ord)`);
    const h = await q(`insert into dossier_history (dossier_id, seq, action, from_state, to_state, actor_role, agency_id, at, data)
      select id, seq, action, from_state, to_state, role, agency_id, at,
             jsonb_strip_nulls(jsonb_build_object(
               'clock', clock,
               'dueAt', case when due is not null then ${iso('due')} end,
               'receivedAt', case when action = 'receive' then ${iso('at')} end,
               'code', case when seq = 1 then code end,
               'missingItems', case when action = 'request_supplement' then jsonb_build_array('Bản sao giấy tờ chứng minh nhân thân') end,
               'reasons', case when action in ('refuse', 'reject_intake') then jsonb_build_array('Không đủ điều kiện theo quy định') end))
      from bench_steps`);
    history += h.rowCount ?? 0;
    await q(`insert into dossiers (id, code, procedure_id, publication_id, receiving_agency_id, handling_agency_id, channel, state, version,
                                   applicant, applicant_id_number, applicant_name_folded, "limit", onestop_policy, submitted_at, received_at, clock_started_at,
                                   due_at, original_due_at, finished_at, returned_at, supplement_requests, has_electronic_result, paper_result, result_method,
                                   fee_total, paid_total, eid_authenticated, tracking_secret, synced_at, created_at, updated_at)
      select p.id, p.code, p.procedure_id, p.publication_id, p.agency_id, p.agency_id, p.channel, a.state, a.version,
             jsonb_build_object('fullName', 'Nguyễn Văn ' || p.g), lpad((p.g::bigint * 7919 % 999999999999)::text, 12, '0'), 'nguyen van ' || p.g,
             jsonb_build_object('amount', p.lim, 'unit', 'days'), $1, a.submitted,
             case when p.outcome <> 'reject' then p.received end, a.clock_started,
             case when a.state in ('supplement_requested', 'submitted_online', 'intake_rejected') then null else a.last_due end,
             case when p.outcome <> 'reject' then p.due1 end, a.finished, a.returned, a.supps,
             a.state in ('result_ready', 'returned') and p.uk < 0.45, a.state in ('result_ready', 'returned') and (p.uk >= 0.45 or p.uk < 0.1),
             case when p.channel = 'online' then 'online' else 'desk' end,
             case when p.uj < 0.3 then 20000 + floor(p.uj * 100)::int * 1000 else 0 end,
             case when p.uj < 0.3 and a.state in ('result_ready', 'returned') then 20000 + floor(p.uj * 100)::int * 1000 else 0 end,
             case when p.channel = 'online' then p.uk < 0.85 else p.uk < 0.1 end, 'BENCH',
             case when p.ul < 0.92 then a.submitted + interval '10 minutes' end, a.submitted, a.last_at
      from (select id, max(seq)::int as version, (array_agg(to_state order by seq desc))[1] as state, (array_agg(due order by seq desc))[1] as last_due,
                   max(at) as last_at, min(at) as submitted,
                   max(at) filter (where clock in ('start', 'restart')) as clock_started,
                   max(at) filter (where clock = 'finish' or action = 'reject_intake') as finished,
                   max(at) filter (where action = 'return_result') as returned,
                   (count(*) filter (where action = 'request_supplement'))::int as supps
            from bench_steps group by id) a
      join bench_plan p on p.id = a.id`, [policy]);
    await q(`insert into dossier_access (agency_id, dossier_id, sort_at)
             select agency_id, id, least(received, submit_at) from bench_plan where g between ${start} and ${end}`);
    // A few % with documents (digitised inputs, some reused or from the citizen's store), online payments, ratings.
    await q(`insert into dossier_documents (dossier_id, kind, component_name, file_name, mime, size, digitised, reused, from_citizen_store, uploaded_at)
             select id, 'input', 'Tờ khai', 'to-khai.pdf', 'application/pdf', 120000, true, ul < 0.015, ul < 0.008, received
             from bench_plan where g between ${start} and ${end} and ul < 0.06 and outcome <> 'reject'`);
    await q(`insert into payments (dossier_id, amount_vnd, method, paid_at, recorded_at, reference)
             select id, 20000 + floor(uj * 100)::int * 1000, case when channel = 'online' and uk < 0.6 then 'online' else 'desk' end, received + interval '1 hour', received + interval '1 hour', 'BENCH-' || g
             from bench_plan where g between ${start} and ${end} and uj < 0.3 and outcome <> 'reject' and received + interval '1 hour' <= ${CLOCK_SQL}`);
    await q(`insert into dossier_ratings (dossier_id, citizen_id, agency_id, rating, created_at)
             select id, bench_uuid(md5('c' || g)), agency_id, case when ul < 0.505 then 'dissatisfied' when ul < 0.51 then 'neutral' else 'satisfied' end, fin + interval '1 day'
             from bench_plan where g between ${start} and ${end} and ul >= 0.5 and ul < 0.53 and outcome = 'done' and fin + interval '1 day' <= ${CLOCK_SQL}`);
    log(`generated ${(end + 1).toLocaleString('en')} dossiers, ${history.toLocaleString('en')} history rows`);
  }
  await q(`drop table if exists bench_steps`);
  await q(`insert into feedback (reference, tracking_secret, agency_id, origin_agency_id, subject, dossier_code, title, content, contact, status,
                                 submitted_at, received_at, handle_due_at, answered_at, rating, created_at, updated_at)
           select 'PAKN-BENCH-' || f, 'S', p.agency_id, p.agency_id, (array['procedure', 'rule', 'officer', 'other'])[1 + f % 4],
                  case when f % 3 = 0 then p.code end, 'Phản ánh', 'Nội dung phản ánh', '{"fullName":"Người phản ánh"}',
                  case when p.received + interval '3 days' + (f % 20) * interval '1 day' <= ${CLOCK_SQL} then 'answered' else 'in_progress' end,
                  p.received + interval '3 days', p.received + interval '3 days', p.received + interval '18 days',
                  case when p.received + interval '3 days' + (f % 20) * interval '1 day' <= ${CLOCK_SQL} then p.received + interval '3 days' + (f % 20) * interval '1 day' end,
                  case when f % 7 = 0 then 'dissatisfied' end, p.received + interval '3 days', p.received + interval '3 days'
           from generate_series(1, 10000) f join bench_plan p on p.g = (f::bigint * 7919) % ${N}
           where p.received + interval '3 days' <= ${CLOCK_SQL}`);
  for (const x of ['table bench_plan', 'table bench_pub', 'table bench_agency', 'function bench_u(text, int)', 'function bench_uuid(text)']) await q(`drop ${x}`);
  await q('analyze');
  const c = (await q(`select (select count(*) from dossiers) as dossiers, (select count(*) from dossier_history) as history,
                             (select count(*) from dossier_documents) as documents, (select count(*) from payments) as payments,
                             (select count(*) from dossier_ratings) as ratings, (select count(*) from feedback) as feedback,
                             pg_size_pretty(pg_database_size(current_database())) as size`)).rows[0];
  log(`generated: ${JSON.stringify(c)}`);
}

// ------------------------------------------------------------------ measurement helpers

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const f1 = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

interface Row {
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  note: string;
}
const rows: Row[] = [];

/** Times `fn` (an HTTP request) RUNS times after 3 warm-ups; fewer runs when one takes long (budget per endpoint). */
async function measure(name: string, fn: (i: number) => Promise<{ status: number; note?: string }>, opts: { warmups?: number; maxRuns?: number } = {}) {
  if (opts.maxRuns !== undefined && opts.maxRuns < 1) return log(`${name}: skipped (not enough data)`);
  let note = '';
  const warm: number[] = [];
  for (let i = 0; i < (opts.warmups ?? 3); i++) {
    const s = performance.now();
    const r = await fn(i);
    warm.push(performance.now() - s);
    if (r.status !== 200) throw new Error(`${name}: HTTP ${r.status} ${r.note ?? ''}`);
    note = r.note ?? note;
  }
  const per = Math.max(...warm.slice(-1), 1);
  const n = Math.min(opts.maxRuns ?? Infinity, Math.max(5, Math.min(RUNS, Math.floor(BUDGET_MS / per))));
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    const r = await fn(i + (opts.warmups ?? 3));
    ts.push(performance.now() - s);
    if (r.status !== 200) throw new Error(`${name}: HTTP ${r.status} ${r.note ?? ''}`);
    note = r.note ?? note;
  }
  const row = { name, n, p50: pct(ts, 50), p95: pct(ts, 95), max: Math.max(...ts), note };
  rows.push(row);
  log(`${name}: n=${n} p50=${f1(row.p50)} p95=${f1(row.p95)} max=${f1(row.max)} ms ${note}`);
}

class Client {
  token = '';
  constructor(readonly base: string) {}
  async req(method: string, p: string, body?: unknown) {
    const res = await fetch(this.base + p, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: json, bytes: text.length };
  }
  async login(username: string) {
    const r = await this.req('POST', '/api/auth/login', { username, password: PASSWORD });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
    this.token = r.body.token;
  }
}

/** Records the SQL the pool runs while `on` (queries outside transactions: every read of the dashboards). */
function sqlRecorder(pool: pg.Pool) {
  const rec = { on: false, list: [] as { text: string; params: unknown[]; ms: number; rows: number }[] };
  const orig = pool.query.bind(pool) as (...a: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: unknown }).query = (...args: unknown[]) => {
    const p = orig(...args);
    if (rec.on && p && typeof p.then === 'function') {
      const s = performance.now();
      const cfg = args[0] as string | { text: string; values?: unknown[] };
      const text = typeof cfg === 'string' ? cfg : cfg.text;
      const params = (typeof cfg === 'string' ? args[1] : cfg.values ?? args[1]) as unknown[] | undefined;
      p.then((r) => rec.list.push({ text, params: params ?? [], ms: performance.now() - s, rows: r?.rowCount ?? 0 })).catch(() => {});
    }
    return p;
  };
  return rec;
}

const label = (text: string) => {
  const t = text.replace(/\s+/g, ' ');
  const from = /from "(\w+)"/.exec(t)?.[1] ?? '?';
  const join = [...t.matchAll(/join "(\w+)"/g)].map((m) => m[1]).join('+');
  const grain = /"grain" = \$\d+ and "index_counts"."bucket" in/.test(t) ? ' months' : /"grain" = \$\d+ and "index_counts"."bucket" between/.test(t) ? ' days' : '';
  return `${from}${join ? '+' + join : ''}${grain}${/group by/.test(t) ? ' (group by)' : ''}`;
};

// ------------------------------------------------------------------ main

async function main() {
  await ensureDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench766-'));
  const database: Database = await openDatabase({ databaseUrl: url });
  const ctx = createContext({ ...loadConfig({}), logLevel: 'silent', sessionTtlHours: 24, dataDir }, database, () => new Date(NOW));
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const q = (text: string, params: unknown[] = []) => pool.query(text, params);
  log(`PostgreSQL ${(await q('show server_version')).rows[0].server_version}, shared_buffers ${(await q('show shared_buffers')).rows[0].shared_buffers}, work_mem ${(await q('show work_mem')).rows[0].work_mem}; clock ${NOW.toISOString()}`);

  if (process.env.BENCH_SKIP_SETUP !== '1') {
    const g0 = Date.now();
    await generate(ctx, pool);
    log(`generation took ${((Date.now() - g0) / 1000).toFixed(0)} s`);
  }

  let rebuild: { dossiers: number; buckets: number; ms: number } | null = null;
  if (process.env.BENCH_SKIP_REBUILD !== '1') {
    let last = Date.now();
    const mem0 = process.memoryUsage().rss;
    let peak = mem0;
    rebuild = await rebuildIndex(database.db, {
      ...(REBUILD_BATCH ? { batch: REBUILD_BATCH } : {}),
      onProgress: (done) => {
        peak = Math.max(peak, process.memoryUsage().rss);
        if (Date.now() - last > 30_000) {
          last = Date.now();
          log(`rebuild: ${done.toLocaleString('en')} dossiers`);
        }
      },
    });
    log(`rebuildIndex: ${rebuild.dossiers.toLocaleString('en')} dossiers, ${rebuild.buckets.toLocaleString('en')} buckets in ${(rebuild.ms / 1000).toFixed(1)} s = ${Math.round(rebuild.dossiers / (rebuild.ms / 1000)).toLocaleString('en')} dossiers/s; batch ${REBUILD_BATCH ?? 2000}; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
    await q('analyze index_counts');
    await q('analyze index_dossier_facts');
  }
  const sizes = (await q(`select relname, n_live_tup::bigint as rows, pg_size_pretty(pg_table_size(relid)) as table, pg_size_pretty(pg_indexes_size(relid)) as indexes
                          from pg_stat_user_tables where relname in ('dossiers', 'dossier_history', 'index_counts', 'index_dossier_facts', 'publications', 'agencies') order by relname`)).rows;
  const exact = (await q(`select (select count(*) from index_counts) as counts, (select count(*) from index_counts where grain = 'd') as days,
                                 (select count(*) from index_counts where grain = 'm') as months, (select count(*) from index_dossier_facts) as facts,
                                 (select count(*) from dossiers) as dossiers, (select count(*) from dossier_history) as history,
                                 (select count(*) from publications) as pubs, (select count(*) from agencies) as agencies,
                                 pg_size_pretty(pg_database_size(current_database())) as db`)).rows[0];
  log(`rows: ${JSON.stringify(exact)}`);
  for (const s of sizes) log(`  ${s.relname}: ~${Number(s.rows).toLocaleString('en')} rows, table ${s.table}, indexes ${s.indexes}`);

  // ---------------------------------------------------------------- HTTP
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const officer = new Client(base);
  await officer.login('tinh.caicach');
  const ag = async (code: string) => (await q('select id from agencies where code = $1', [code])).rows[0].id as string;
  const root = await ag('000.00.00.H21');
  const pleiku = await ag('000.01.00.H21');
  const commune = (await q(`select a.code, count(*)::int as n from dossiers d join agencies a on a.id = d.handling_agency_id where a.level = 'commune' group by a.code order by n desc limit 1`)).rows[0] as { code: string; n: number };
  const sqlLog = sqlRecorder(pool);

  const dash = (qs: string, check?: (b: any) => string) => async () => {
    const r = await officer.req('GET', `/api/monitoring/index?${qs}`);
    return { status: r.status, note: r.status === 200 ? `${(r.bytes / 1024).toFixed(0)} KiB; ${check ? check(r.body) : ''}` : JSON.stringify(r.body).slice(0, 300) };
  };
  const figures = (b: any) => `received ${b.figures.received}, finished ${b.figures.finished} (on time ${b.figures.finishedOnTime}), open ${b.figures.openAtEnd} (late ${b.figures.lateOpenAtEnd}), total ${b.result.total}`;
  await measure('GET /monitoring/index — province, year 2026', dash(`agencyId=${root}&period=year&year=2026`, figures));
  await measure('GET /monitoring/index — province, Q2 2026', dash(`agencyId=${root}&period=quarter&year=2026&index=2`, figures));
  await measure('GET /monitoring/index — province, June 2026', dash(`agencyId=${root}&period=month&year=2026&index=6`, figures));
  await measure('GET /monitoring/index — province, custom 10/03–20/05', dash(`agencyId=${root}&period=custom&from=2026-03-10&to=2026-05-20`, figures));
  await measure(`GET /monitoring/index — commune ${commune.code} (largest), year`, dash(`agencyId=${await ag(commune.code)}&period=year&year=2026`, figures));
  await measure('GET /monitoring/rankings — province, year', async () => {
    const r = await officer.req('GET', `/api/monitoring/rankings?agencyId=${root}&period=year&year=2026`);
    return { status: r.status, note: r.status === 200 ? `${r.body.rows.length} child agencies` : JSON.stringify(r.body).slice(0, 300) };
  });
  await measure('GET /monitoring/index/procedures ON_TIME — province, year', async () => {
    const r = await officer.req('GET', `/api/monitoring/index/procedures?agencyId=${root}&period=year&year=2026&indicator=ON_TIME`);
    return { status: r.status, note: r.status === 200 ? `${r.body.rows.length} procedures` : JSON.stringify(r.body).slice(0, 300) };
  });
  await measure('GET /monitoring/index/dossiers ON_TIME — province, year, first page', async () => {
    const r = await officer.req('GET', `/api/monitoring/index/dossiers?agencyId=${root}&period=year&year=2026&indicator=ON_TIME`);
    return { status: r.status, note: r.status === 200 ? `${r.body.rows.length} rows, hasMore ${r.body.hasMore}` : JSON.stringify(r.body).slice(0, 300) };
  });
  await measure('GET /monitoring/index/dossiers ON_TIME — commune, year, first page', async () => {
    const r = await officer.req('GET', `/api/monitoring/index/dossiers?agencyId=${pleiku}&period=year&year=2026&indicator=ON_TIME`);
    return { status: r.status, note: r.status === 200 ? `${r.body.rows.length} rows, hasMore ${r.body.hasMore}` : JSON.stringify(r.body).slice(0, 300) };
  });

  // The SQL of one province-year dashboard request.
  sqlLog.list = [];
  sqlLog.on = true;
  const s0 = performance.now();
  await officer.req('GET', `/api/monitoring/index?agencyId=${root}&period=year&year=2026`);
  const wall = performance.now() - s0;
  sqlLog.on = false;
  const queries = [...sqlLog.list];
  const kindOf = (t: string) =>
    /from "publications"/.test(t) ? 'publications (published procedures)'
      : /from "procedures"/.test(t) ? 'procedures'
        : /from "feedback"/.test(t) ? 'feedbackStats'
          : /from "index_counts"/.test(t) && /group by "index_counts"."bucket"/.test(t) ? 'monthly buckets per (month, procedure)'
            : /from "index_counts"/.test(t) && /finished_on_time/.test(t) && /group by/.test(t) ? 'sumPeriod'
              : /from "index_counts"/.test(t) && /group by/.test(t) ? 'balancesAt'
                : /from "index_counts"/.test(t) ? 'index_counts (other)'
                  : label(t);
  const byKind = new Map<string, { n: number; ms: number; rows: number }>();
  for (const x of queries) {
    const k = kindOf(x.text);
    const e = byKind.get(k) ?? { n: 0, ms: 0, rows: 0 };
    e.n++;
    e.ms += x.ms;
    e.rows += x.rows;
    byKind.set(k, e);
  }
  log(`province-year dashboard: ${queries.length} SQL queries, wall ${f1(wall)} ms; per kind (count, summed ms from call to parsed result incl. pool wait, rows):`);
  for (const [k, v] of [...byKind].sort((x, y) => y[1].ms - x[1].ms)) log(`  ${k}: ${v.n} ×, ${f1(v.ms)} ms, ${v.rows.toLocaleString('en')} rows`);

  // EXPLAIN (ANALYZE, BUFFERS) of the counters queries of that request (the current-period ones: most rows).
  const explain = async (what: string, kind: string) => {
    const x = queries.filter((y) => kindOf(y.text) === kind).sort((m, n) => n.rows - m.rows)[0];
    if (!x) return log(`(no ${what} query captured)`);
    const plan = (await q(`explain (analyze, buffers) ${x.text}`, x.params)).rows.map((r) => (r['QUERY PLAN'] as string).replace(/'\{[0-9a-f,-]{200,}\}'::uuid\[\]/g, "'{…scope agency ids…}'::uuid[]"));
    log(`EXPLAIN (ANALYZE, BUFFERS) ${what}:\n    ${plan.join('\n    ')}`);
  };
  await explain('sumPeriod (province, year 2026)', 'sumPeriod');
  await explain('balancesAt (province, 31/12/2026)', 'balancesAt');
  await explain('monthly buckets per (month, procedure) (province, 2026)', 'monthly buckets per (month, procedure)');
  await explain('published procedures (province)', 'publications (published procedures)');

  // In-process breakdown: each repository call of the province-year dashboard alone (no concurrency), and two
  // lighter shapes of the published-procedures read for comparison.
  const ids = (await repo.agenciesUnderPath(database.db, (await q('select path from agencies where id = $1', [root])).rows[0].path)).map((a) => a.id);
  const inproc: Row[] = [];
  const timeFn = async (name: string, fn: () => Promise<unknown>, n = 10) => {
    await fn();
    const ts: number[] = [];
    let note = '';
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      const r = await fn();
      ts.push(performance.now() - s);
      note = Array.isArray(r) ? `${r.length.toLocaleString('en')} rows` : '';
    }
    const row = { name, n, p50: pct(ts, 50), p95: pct(ts, 95), max: Math.max(...ts), note };
    inproc.push(row);
    log(`in-process ${name}: p50=${f1(row.p50)} p95=${f1(row.p95)} ms ${note}`);
  };
  const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);
  await timeFn('repo.sumPeriod(province, 2026-01-01…12-31)', () => repo.sumPeriod(database.db, ids, '2026-01-01', '2026-12-31'));
  await timeFn('repo.sumPeriod(province, custom 03-10…05-20)', () => repo.sumPeriod(database.db, ids, '2026-03-10', '2026-05-20'));
  await timeFn('repo.balancesAt(province, 2026-12-31)', () => repo.balancesAt(database.db, ids, '2026-12-31'));
  await timeFn('repo.feedbackStats(province, year)', async () => [await repo.feedbackStats(database.db, ids, dayStart('2026-01-01'), dayStart('2027-01-01'), dayStart('2027-01-01'))]);
  await timeFn('SQL: publications ⨝ procedures with record jsonb, per publication', async () =>
    (await q(`select p.agency_id, r.id, r.code, r.name, r.record from publications p join procedures r on r.id = p.procedure_id where p.agency_id = any($1) and p.active`, [ids])).rows, 5);
  await timeFn('SQL: same without record (agency, procedure, code, name)', async () =>
    (await q(`select p.agency_id, r.id, r.code, r.name from publications p join procedures r on r.id = p.procedure_id where p.agency_id = any($1) and p.active`, [ids])).rows);
  await timeFn('SQL: the distinct procedures of the scope, with record', async () =>
    (await q(`select r.id, r.code, r.name, r.record from procedures r where r.id in (select procedure_id from publications where agency_id = any($1) and active)`, [ids])).rows);
  await timeFn('ctx.services.monitoring.dashboardFor(province, year) (in process, no HTTP)', async () => [
    await ctx.services.monitoring.dashboardFor(root, { kind: 'year', from: '2026-01-01', to: '2026-12-31', label: { vi: '', en: '' } }),
  ], 5);

  // ---------------------------------------------------------------- one dossier action (index refresh included)
  const leader = new Client(base);
  await leader.login('pleiku.lanhdao');
  const pickA = (await q(`select id, version from dossiers where handling_agency_id = $1 and state = 'in_process' order by id limit 40`, [pleiku])).rows as { id: string; version: number }[];
  const pickB = (await q(`select id, version from dossiers where handling_agency_id = $1 and state in ('received', 'forwarded', 'assigned', 'awaiting_approval') order by id limit 40`, [pleiku])).rows as { id: string; version: number }[];
  log(`Pleiku: ${pickA.length} dossiers in process, ${pickB.length} other open dossiers for the actions`);
  await measure('POST /dossiers/:id/actions request_supplement (pause: facts + counters change)', async (i) => {
    const d = pickA[i]!;
    const r = await leader.req('POST', `/api/dossiers/${d.id}/actions`, { action: 'request_supplement', version: d.version, input: { missingItems: ['Bản sao giấy tờ'] }, documents: [] });
    return { status: r.status, note: r.status === 200 ? `state ${r.body.state}` : JSON.stringify(r.body).slice(0, 300) };
  }, { maxRuns: pickA.length - 3 });
  await measure('POST /dossiers/:id/actions add_note (facts unchanged: refresh reads, no counter write)', async (i) => {
    const d = pickB[i]!;
    const r = await leader.req('POST', `/api/dossiers/${d.id}/actions`, { action: 'add_note', version: d.version, input: { note: 'Ghi chú' }, documents: [] });
    return { status: r.status, note: r.status === 200 ? `state ${r.body.state}` : JSON.stringify(r.body).slice(0, 300) };
  }, { maxRuns: pickB.length - 3 });

  console.log(`\n${Number(exact.dossiers).toLocaleString('en')} dossiers, ${Number(exact.history).toLocaleString('en')} history rows, ${exact.agencies} agencies, ${Number(exact.pubs).toLocaleString('en')} publications\n`);
  console.log('| request | n | p50 ms | p95 ms | max ms | response |\n|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.n} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.max)} | ${r.note} |`);
  console.log('\n| in-process call (province, year 2026) | n | p50 ms | p95 ms | max ms | result |\n|---|---|---|---|---|---|');
  for (const r of inproc) console.log(`| ${r.name} | ${r.n} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.max)} | ${r.note} |`);

  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (process.env.BENCH_DROP_DATABASE === '1') await dropDatabase();
}

await main();

/**
 * Work-queue paging (issue 10, item 1). Random dossier histories — desk, online and postal intake, online
 * submissions received in any order, postal hand-overs dated before earlier receipts, forwarded (in the unit and
 * to another commune), transferred, supplements requested — run through the real action path; then every queue
 * view is paged with every page size from 1 to 7 and must list each dossier exactly once, in its order, and stop.
 * The "all" view is checked against the rule itself: newest receipt first (an online submission awaiting intake
 * by its submission time), id descending among equals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { createSeededEnv, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { agencies, procedures, publications } from '../../platform/db/schema.ts';
import { findUserByUsername, loadAssignments } from '../staff/staff.repository.ts';
import type { AuthInfo } from '../../platform/http/auth.ts';
import type { ProcedureRecord } from '../../../core/catalog/types.ts';
import type { QueueView } from './dossiers.repository.ts';
import { SlipsService } from '../slips/slips.service.ts';

const VIEWS: QueueView[] = ['all', 'mine', 'unassigned', 'due_soon', 'overdue', 'waiting_supplement', 'inter_agency', 'awaiting_intake', 'awaiting_approval', 'result_ready'];

let env: TestEnv;
let users: Record<'desk' | 'leader' | 'specialist' | 'province', AuthInfo>;
let pleikuId: string;
let dienhongId: string;
const procByChannel = new Map<string, string>();

/** The model: what the test itself knows of each dossier it made. */
interface Made {
  id: string;
  receivedAt: number | null;
  submittedAt: number;
}
const made: Made[] = [];

async function authOf(username: string): Promise<AuthInfo> {
  const u = await findUserByUsername(env.ctx.db, username);
  if (!u) throw new Error(`no user ${username}`);
  return { userId: u.id, username, fullName: u.fullName, assignments: await loadAssignments(env.ctx.db, u.id) } as AuthInfo;
}

beforeAll(async () => {
  env = await createSeededEnv(new TestClock(new Date('2026-04-20T08:00:00+07:00')));
  users = { desk: await authOf('pleiku.motcua'), leader: await authOf('pleiku.lanhdao'), specialist: await authOf('pleiku.chuyenvien'), province: await authOf('tinh.quantri') };
  const [pleiku] = await env.ctx.db.select().from(agencies).where(eq(agencies.code, '000.01.00.H21'));
  const [dienhong] = await env.ctx.db.select().from(agencies).where(eq(agencies.code, '000.02.00.H21'));
  pleikuId = pleiku!.id;
  dienhongId = dienhong!.id;
  const procs = await env.ctx.db
    .select({ code: procedures.code, record: procedures.record })
    .from(publications)
    .innerJoin(procedures, eq(procedures.id, publications.procedureId))
    .where(and(eq(publications.agencyId, pleikuId), eq(publications.active, true), eq(procedures.structured, true)));
  for (const p of procs) {
    for (const c of (p.record as ProcedureRecord).channels) {
      if (c.limit?.unit === 'working_days' && !procByChannel.has(c.channel)) procByChannel.set(c.channel, p.code);
    }
  }
  expect([...procByChannel.keys()].sort()).toEqual(['desk', 'online', 'postal']);
});
afterAll(() => env.close());

const step = fc.record({
  channel: fc.constantFrom('desk', 'online', 'postal'),
  // 0 minutes makes ties on the sort time: the id decides.
  gapMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 })),
  // A postal hand-over earlier than the receipts before it.
  postalBackMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  receiveKey: fc.integer({ min: 0, max: 1000 }),
  stayOnline: fc.boolean(),
  fate: fc.constantFrom('none', 'forward', 'forward_away', 'assign', 'process', 'transfer', 'supplement', 'propose'),
});

async function pageAll(auth: AuthInfo, view: QueueView, limit: number, agencyId?: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; ; pages++) {
    // Each dossier once: more pages than dossiers means the cursor went round.
    if (pages > made.length + 1) throw new Error(`${view}/${limit}: paging does not stop (${ids.length} rows so far)`);
    const r = await env.ctx.services.dossiers.queue(auth, { view, limit, cursor, ...(agencyId ? { agencyId } : {}) });
    expect(r.items.length).toBeLessThanOrEqual(limit);
    ids.push(...r.items.map((i: { id: string }) => i.id));
    if (!r.next) break;
    cursor = r.next;
  }
  return ids;
}

describe('work queues: keyset paging', () => {
  it('every view, page sizes 1–7: each dossier exactly once, in order, and paging stops', async () => {
    const advance = (minutes: number) => env.clock.set(new Date(env.clock.now().getTime() + minutes * 60_000).toISOString());
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 15 }), async (plan, jumpDays) => {
        const ctxd = env.ctx.services.dossiers;
        const batch: { row: Awaited<ReturnType<typeof ctxd.create>>['dossier']; s: (typeof plan)[number]; model: Made }[] = [];
        for (const s of plan) {
          advance(s.gapMinutes);
          const now = env.clock.now();
          const postalAt = new Date(now.getTime() - s.postalBackMinutes * 60_000);
          const { dossier } = await ctxd.create(
            users.desk,
            {
              agencyId: pleikuId,
              procedureCode: procByChannel.get(s.channel)!,
              channel: s.channel,
              action: s.channel === 'online' ? 'submit_online' : 'receive',
              applicant: { fullName: 'Nguyễn Văn An' },
              resultMethod: 'desk',
              eidAuthenticated: s.channel === 'online',
              documents: [],
              fees: [],
              input: {},
              ...(s.channel === 'postal' ? { postalHandoverAt: postalAt.toISOString() } : {}),
            },
            null,
          );
          const model: Made = { id: dossier.id, submittedAt: (s.channel === 'postal' ? postalAt : now).getTime(), receivedAt: s.channel === 'online' ? null : (s.channel === 'postal' ? postalAt : now).getTime() };
          made.push(model);
          batch.push({ row: dossier, s, model });
        }
        // The desk receives the online submissions later, in any order.
        for (const b of [...batch].sort((x, y) => x.s.receiveKey - y.s.receiveKey)) {
          if (b.s.channel !== 'online' || b.s.stayOnline) continue;
          advance(b.s.gapMinutes + 1);
          b.row = await ctxd.act(users.desk, b.row.id, { action: 'receive', version: b.row.version, input: {}, documents: [] });
          b.model.receivedAt = env.clock.now().getTime();
        }
        for (const b of batch) {
          if (b.row.state !== 'received' || b.s.fate === 'none') continue;
          const act = async (who: AuthInfo, action: string, input: Record<string, unknown> = {}) => {
            advance(5);
            b.row = await ctxd.act(who, b.row.id, { action: action as never, version: b.row.version, input, documents: [] });
          };
          if (b.s.fate === 'forward_away') {
            await act(users.desk, 'forward', { targetUnitId: dienhongId });
            continue;
          }
          await act(users.desk, 'forward');
          if (b.s.fate === 'forward') continue;
          await act(users.leader, 'assign', { assigneeId: users.specialist.userId });
          if (b.s.fate === 'assign') continue;
          await act(users.specialist, 'start_processing');
          if (b.s.fate === 'transfer') await act(users.specialist, 'transfer', { targetAgency: dienhongId, task: 'Xác minh nơi cư trú', deadline: '2026-12-31' });
          if (b.s.fate === 'supplement') await act(users.specialist, 'request_supplement', { missingItems: ['Bản sao giấy khai sinh'] });
          if (b.s.fate === 'propose') await act(users.specialist, 'propose');
        }
        advance(jumpDays * 24 * 60);

        // "all", by the rule: newest receipt first (awaiting intake: by submission), then id descending.
        const expected = [...made]
          .sort((x, y) => (y.receivedAt ?? y.submittedAt) - (x.receivedAt ?? x.submittedAt) || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0))
          .map((m) => m.id);
        for (let limit = 1; limit <= 7; limit++) {
          expect(await pageAll(users.leader, 'all', limit)).toEqual(expected);
          // The province sees each dossier once although a transfer gave a second commune access to it.
          expect(await pageAll(users.province, 'all', limit)).toEqual(expected);
        }
        // Every other view: the pages, joined, are the view's one-page answer (each dossier once, same order).
        for (const view of VIEWS.filter((v) => v !== 'all')) {
          const who = view === 'mine' ? users.specialist : users.leader;
          const whole = (await env.ctx.services.dossiers.queue(who, { view, limit: 200 })).items.map((i: { id: string }) => i.id);
          expect(new Set(whole).size).toBe(whole.length);
          if (view === 'awaiting_intake') expect(new Set(whole)).toEqual(new Set(made.filter((m) => m.receivedAt === null).map((m) => m.id)));
          for (let limit = 1; limit <= 7; limit++) expect(await pageAll(who, view, limit)).toEqual(whole);
        }
      }),
      { numRuns: 6, endOnFailure: true },
    );
    expect(made.length).toBeGreaterThan(5);
  });

  it('the register lists an online submission on its receipt day, not its submission day', async () => {
    env.clock.set('2026-09-07T09:00:00+07:00'); // a Monday
    const { dossier } = await env.ctx.services.dossiers.create(
      users.desk,
      { agencyId: pleikuId, procedureCode: procByChannel.get('online')!, channel: 'online', action: 'submit_online', applicant: { fullName: 'Trần Thị Bình' }, resultMethod: 'desk', eidAuthenticated: true, documents: [], fees: [], input: {} },
      null,
    );
    env.clock.set('2026-09-09T10:00:00+07:00');
    await env.ctx.services.dossiers.act(users.desk, dossier.id, { action: 'receive', version: dossier.version, input: {}, documents: [] });
    const onDay = async (day: string) => {
      const r = await new SlipsService(env.ctx).register(users.leader, { agencyId: pleikuId, from: day, to: day, format: 'xlsx' });
      return r.rows;
    };
    expect(await onDay('2026-09-07')).toBe(0);
    expect(await onDay('2026-09-09')).toBe(1);
  });
});

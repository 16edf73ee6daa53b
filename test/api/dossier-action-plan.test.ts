/**
 * The dossier detail tells each caller what to do next: `actionPlan` (the allowed actions ranked, the usual next step
 * primary, exceptional ones to confirm, an apology only when the dossier is due soon) and `waitingFor` (why the caller
 * cannot move the dossier on and which role can). Over real HTTP on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, PASSWORD, startHttp, TestClock, type TestEnv } from '../support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock();
const as: Record<string, ApiClient> = {};
let pleikuId: string;

interface Planned {
  action: string;
  rank: 'primary' | 'secondary';
  kind: string;
  confirm: boolean;
}

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao']) as[u] = await new ApiClient(http.base).login(u);
  const agencies = await as['pleiku.motcua']!.get('/api/agencies?limit=100');
  pleikuId = agencies.body.items.find((a: { code: string }) => a.code === '000.01.00.H21').id;
  // A second specialist of the ward (set-up, not the subject of the test).
  await env.ctx.services.staff.create(null, { username: 'pleiku.chuyenvien2', password: PASSWORD, fullName: 'Đỗ Thị Lan', roles: [{ agencyId: pleikuId, role: 'specialist' }] });
  as['pleiku.chuyenvien2'] = await new ApiClient(http.base).login('pleiku.chuyenvien2');
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

async function detail(user: string, id: string) {
  const r = await as[user]!.get(`/api/dossiers/${id}`);
  expect(r.status).toBe(200);
  return r.body as { version: number; state: string; timing: string; allowedActions: string[]; actionPlan: Planned[]; waitingFor: { reason: string; role: string } | null };
}

async function act(user: string, id: string, action: string, input: Record<string, unknown> = {}) {
  const d = await detail(user, id);
  const r = await as[user]!.post(`/api/dossiers/${id}/actions`, { action, version: d.version, input, documents: [] });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const primaryOf = (plan: Planned[]) => plan.filter((p) => p.rank === 'primary').map((p) => p.action);

describe('actionPlan and waitingFor on the dossier detail', () => {
  let id: string;
  let specialistId: string;

  it('after receipt: the desk’s primary is forwarding; the leader is told the desk forwards it', async () => {
    // Mon 02/03/2026 09:00, 5 working days → due Mon 09/03/2026 17:00.
    clock.set('2026-03-02T09:00:00+07:00');
    const r = await as['pleiku.motcua']!.post(
      '/api/dossiers',
      { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Phan Văn Tâm', idNumber: '052090007777', phone: '0905000777' } },
      { 'idempotency-key': `plan-${Math.random()}` },
    );
    expect(r.status).toBe(201);
    id = r.body.id;
    // The action's own answer carries the plan too (the console redraws from it).
    expect(primaryOf(r.body.actionPlan)).toEqual(['forward']);

    const desk = await detail('pleiku.motcua', id);
    expect(desk.actionPlan.map((p) => p.action).sort()).toEqual([...desk.allowedActions].filter((a) => a !== 'apologize').sort());
    expect(desk.actionPlan[0]).toEqual({ action: 'forward', rank: 'primary', kind: 'next', confirm: false });
    expect(desk.actionPlan.find((p) => p.action === 'withdraw')).toEqual({ action: 'withdraw', rank: 'secondary', kind: 'exceptional', confirm: true });
    expect(desk.waitingFor).toBeNull();

    const leader = await detail('pleiku.lanhdao', id);
    expect(leader.waitingFor).toEqual({ reason: 'forwarding', role: 'desk_officer' });
    expect(primaryOf(leader.actionPlan)).toHaveLength(1);
  });

  it('forwarded: a specialist on the unassigned dossier is told it waits for the leader’s assignment; the leader’s primary is assign', async () => {
    clock.set('2026-03-02T09:30:00+07:00');
    await act('pleiku.motcua', id, 'forward');
    const specialist = await detail('pleiku.chuyenvien', id);
    expect(specialist.waitingFor).toEqual({ reason: 'assignment', role: 'leader' });
    expect(specialist.actionPlan.some((p) => p.kind === 'next')).toBe(false);
    const leader = await detail('pleiku.lanhdao', id);
    expect(leader.waitingFor).toBeNull();
    expect(leader.actionPlan[0]).toMatchObject({ action: 'assign', rank: 'primary' });
    expect(leader.actionPlan.find((p) => p.action === 'stop')?.confirm).toBe(true);
  });

  it('assigned: the assignee’s primary is start processing; another specialist is told the dossier is someone else’s and is not offered its steps', async () => {
    const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
    specialistId = me.body.userId;
    clock.set('2026-03-02T10:00:00+07:00');
    await act('pleiku.lanhdao', id, 'assign', { assigneeId: specialistId });
    const assignee = await detail('pleiku.chuyenvien', id);
    expect(assignee.actionPlan[0]).toMatchObject({ action: 'start_processing', rank: 'primary', kind: 'next' });
    expect(assignee.waitingFor).toBeNull();

    const other = await detail('pleiku.chuyenvien2', id);
    expect(other.allowedActions).not.toContain('start_processing');
    expect(other.allowedActions).not.toContain('refuse');
    expect(other.waitingFor).toEqual({ reason: 'assigned_to_other', role: 'specialist' });
    // The server refuses it anyway (the same rule).
    const tried = await as['pleiku.chuyenvien2']!.post(`/api/dossiers/${id}/actions`, { action: 'start_processing', version: other.version, input: {}, documents: [] });
    expect(tried.status).toBe(403);
  });

  it('the apology is offered only when the dossier is due soon, as an exceptional action', async () => {
    clock.set('2026-03-02T11:00:00+07:00');
    await act('pleiku.chuyenvien', id, 'start_processing');
    const inTime = await detail('pleiku.lanhdao', id);
    expect(inTime.timing).toBe('in_time');
    expect(inTime.allowedActions).toContain('apologize');
    expect(inTime.actionPlan.map((p) => p.action)).not.toContain('apologize');
    expect(inTime.waitingFor).toEqual({ reason: 'processing', role: 'specialist' });

    clock.set('2026-03-06T09:00:00+07:00'); // Fri; due Mon 09/03 = within 1 working day
    const soon = await detail('pleiku.lanhdao', id);
    expect(soon.timing).toBe('due_soon');
    expect(soon.actionPlan.find((p) => p.action === 'apologize')).toEqual({ action: 'apologize', rank: 'secondary', kind: 'exceptional', confirm: true });
    const specialist = await detail('pleiku.chuyenvien', id);
    expect(specialist.actionPlan[0]).toMatchObject({ action: 'propose', rank: 'primary' });
    // Exceptional actions come last.
    const kinds = specialist.actionPlan.map((p) => p.kind);
    expect(kinds.slice(kinds.indexOf('exceptional')).every((k) => k === 'exceptional')).toBe(true);
  });

  it('awaiting approval: the specialist is told it waits for the leader’s approval; approve is the leader’s primary', async () => {
    clock.set('2026-03-06T10:00:00+07:00');
    await act('pleiku.chuyenvien', id, 'propose');
    expect((await detail('pleiku.chuyenvien', id)).waitingFor).toEqual({ reason: 'approval', role: 'leader' });
    expect((await detail('pleiku.motcua', id)).waitingFor).toEqual({ reason: 'approval', role: 'leader' });
    const leader = await detail('pleiku.lanhdao', id);
    expect(leader.actionPlan.slice(0, 2).map((p) => p.action)).toEqual(['approve', 'send_back']);
    expect(leader.waitingFor).toBeNull();
  });

  it('lists carry the same plan as the detail', async () => {
    const q = await as['pleiku.lanhdao']!.get('/api/dossiers?view=all');
    expect(q.status).toBe(200);
    const row = q.body.items.find((x: { id: string }) => x.id === id);
    const d = await detail('pleiku.lanhdao', id);
    expect(row.actionPlan).toEqual(d.actionPlan);
    expect(row.waitingFor).toEqual(d.waitingFor);
  });
});

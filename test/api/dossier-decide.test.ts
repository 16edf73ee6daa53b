/**
 * Issue 10, item 3: the rules the core owns run in production (one `decide`), over real HTTP on a real database.
 * Each test failed on main: second supplement request went through silently, a late supplement request was not
 * flagged, the online-return rule answered a renamed code, the due-soon queue disagreed with the timing class.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock();
const as: Record<string, ApiClient> = {};
let pleikuId: string;
let specialistId: string;

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao']) as[u] = await new ApiClient(http.base).login(u);
  const agencies = await as['pleiku.motcua']!.get('/api/agencies?limit=100');
  pleikuId = agencies.body.items.find((a: { code: string }) => a.code === '000.01.00.H21').id;
  specialistId = (await as['pleiku.chuyenvien']!.get('/api/auth/me')).body.userId;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

async function act(user: string, id: string, action: string, input: Record<string, unknown> = {}) {
  const d = await as[user]!.get(`/api/dossiers/${id}`);
  return as[user]!.post(`/api/dossiers/${id}/actions`, { action, version: d.body.version, input, documents: [] });
}

/** Received at the desk at `at` (1.010038: 5 working days), forwarded, assigned and started 30 minutes later. */
async function inProcess(at: string, idNumber: string) {
  clock.set(at);
  const r = await as['pleiku.motcua']!.post(
    '/api/dossiers',
    { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Lê Văn Cường', idNumber }, fees: [] },
    { 'idempotency-key': `k-${Math.random()}` },
  );
  expect(r.status).toBe(201);
  const id = r.body.id as string;
  clock.set(new Date(new Date(at).getTime() + 30 * 60_000).toISOString());
  expect((await act('pleiku.motcua', id, 'forward')).status).toBe(200);
  expect((await act('pleiku.lanhdao', id, 'assign', { assigneeId: specialistId })).status).toBe(200);
  expect((await act('pleiku.chuyenvien', id, 'start_processing')).status).toBe(200);
  return id;
}

describe('supplement requests (one-stop: within 3 working days of receipt; a second one counts late)', () => {
  it('a second supplement request answers 409 CONFIRMATION_REQUIRED; the preview tells the consequence; confirm goes through', async () => {
    const id = await inProcess('2026-03-02T09:00:00+07:00', '052090007001');
    clock.set('2026-03-03T09:00:00+07:00');
    const first = await act('pleiku.chuyenvien', id, 'request_supplement', { missingItems: ['Bản sao giấy khai sinh'] });
    expect(first.status).toBe(200);
    clock.set('2026-03-04T09:00:00+07:00');
    expect((await act('pleiku.motcua', id, 'supply')).status).toBe(200);
    clock.set('2026-03-05T09:00:00+07:00');
    const preview = await as['pleiku.chuyenvien']!.post(`/api/dossiers/${id}/actions/preview`, { action: 'request_supplement', input: { missingItems: ['Tờ khai'] } });
    expect(preview.status).toBe(200);
    expect(preview.body.allowed).toBe(true);
    expect(preview.body.requiresConfirmation).toBe(true);
    expect(preview.body.consequences.map((c: { code: string }) => c.code)).toContain('INDEX_COUNTS_LATE');
    expect(preview.body.consequences[0].message).toMatch(/trễ hạn/);
    const second = await act('pleiku.chuyenvien', id, 'request_supplement', { missingItems: ['Tờ khai'] });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CONFIRMATION_REQUIRED');
    expect((await as['pleiku.chuyenvien']!.get(`/api/dossiers/${id}`)).body.state).toBe('in_process'); // nothing changed
    const confirmed = await act('pleiku.chuyenvien', id, 'request_supplement', { missingItems: ['Tờ khai'], confirm: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.supplementRequests).toBe(2);
    const h = await as['pleiku.chuyenvien']!.get(`/api/dossiers/${id}/history`);
    expect(h.body.items.at(-1).data.confirm).toBe(true);
  });

  it('flags a supplement request made later than 3 working days after receipt (preview and history)', async () => {
    // Received Mon 2/3/2026: Tue 3 (1), Wed 4 (2), Thu 5 (3) → the last day to ask is Thu 5/3.
    const id = await inProcess('2026-03-02T09:00:00+07:00', '052090007002');
    clock.set('2026-03-05T16:00:00+07:00');
    const inTime = await as['pleiku.chuyenvien']!.post(`/api/dossiers/${id}/actions/preview`, { action: 'request_supplement', input: { missingItems: ['Tờ khai'] } });
    expect(inTime.body.consequences).toEqual([]);
    clock.set('2026-03-06T09:00:00+07:00');
    const late = await as['pleiku.chuyenvien']!.post(`/api/dossiers/${id}/actions/preview`, { action: 'request_supplement', input: { missingItems: ['Tờ khai'] } });
    expect(late.body.consequences.map((c: { code: string }) => c.code)).toEqual(['SUPPLEMENT_REQUEST_LATE']);
    expect(late.body.requiresConfirmation).toBe(false);
    // What the action will do: pause the clock (no appointment while the applicant completes), print the slip, tell the applicant.
    expect(late.body.outcome).toEqual({ state: 'supplement_requested', stateLabel: expect.any(String), clock: 'pause', dueAt: null, dueChanged: true, slip: 'supplement_request', notifiesApplicant: true });
    const r = await act('pleiku.chuyenvien', id, 'request_supplement', { missingItems: ['Tờ khai'] });
    expect(r.status).toBe(200);
    const h = await as['pleiku.chuyenvien']!.get(`/api/dossiers/${id}/history`);
    expect(h.body.items.at(-1).data.lateSupplementRequest).toBe(true);
  });
});

describe('one error code per rule, from the core', () => {
  it('an online return without an electronic result answers ELECTRONIC_RESULT_REQUIRED (not RESULT_MISSING)', async () => {
    const id = await inProcess('2026-03-09T09:00:00+07:00', '052090007003');
    clock.set('2026-03-10T09:00:00+07:00');
    await act('pleiku.chuyenvien', id, 'propose');
    await act('pleiku.lanhdao', id, 'approve');
    expect((await act('pleiku.chuyenvien', id, 'mark_result_ready', { paperResult: true })).status).toBe(200);
    const r = await act('pleiku.motcua', id, 'return_result', { returnMethod: 'online' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ELECTRONIC_RESULT_REQUIRED');
    expect(r.body.error.message).toMatch(/kết quả điện tử/);
  });
});

describe('the due-soon queue and the timing class agree (one function in core/calendar)', () => {
  it('an apology date on a Saturday: due soon in the dossier view and in the due-soon queue', async () => {
    // Received Mon 2/3/2026, due Mon 9/3. Apology on Thu 5/3 to Sat 14/3 (end of office hours that day).
    const id = await inProcess('2026-03-02T09:00:00+07:00', '052090007004');
    clock.set('2026-03-05T09:00:00+07:00');
    const pv = await as['pleiku.lanhdao']!.post(`/api/dossiers/${id}/actions/preview`, { action: 'apologize', input: { newDueAt: '2026-03-14', reasons: ['Cần xác minh thực địa'] } });
    expect(pv.body.outcome).toMatchObject({ clock: 'reappoint', dueAt: '2026-03-14T17:00:00+07:00', dueChanged: true, slip: 'apology', notifiesApplicant: true });
    const ap = await act('pleiku.lanhdao', id, 'apologize', { newDueAt: '2026-03-14', reasons: ['Cần xác minh thực địa'] });
    expect(ap.status).toBe(200);
    expect(ap.body.dueAtLocal).toBe('2026-03-14T17:00:00+07:00');
    // Thu 12/3: one working day ahead is Fri 13; Sat 14 comes before the next working day (Mon 16).
    clock.set('2026-03-12T09:00:00+07:00');
    const d = await as['pleiku.lanhdao']!.get(`/api/dossiers/${id}`);
    expect(d.body.timing).toBe('due_soon');
    const q = await as['pleiku.lanhdao']!.get('/api/dossiers?view=due_soon&limit=100');
    expect(q.body.items.map((x: { id: string }) => x.id)).toContain(id);
  });
});

/**
 * Calendar changes reach every process (issue 10, item 5): two server instances on one database, each with its
 * own cached calendar (on PostgreSQL each with its own connection pool). An override set through one — or by a
 * third process, as the CLI does — is seen by the other within seconds, in its holiday listing and its due dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, openPeer, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
let peer: ReturnType<typeof openPeer>;
let cli: ReturnType<typeof openPeer>;
let a: Awaited<ReturnType<typeof startHttp>>;
let b: Awaited<ReturnType<typeof startHttp>>;
let adminA: ApiClient;
let adminB: ApiClient;

beforeAll(async () => {
  env = await createSeededEnv(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  peer = openPeer(env);
  cli = openPeer(env);
  a = await startHttp(env);
  b = await startHttp(peer);
  adminA = await new ApiClient(a.base).login('tinh.quantri');
  adminB = await new ApiClient(b.base).login('tinh.quantri');
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  await peer?.close();
  await cli?.close();
  await env?.close();
});

const listed = async (api: ApiClient, date: string) => ((await api.get(`/api/calendar/holidays/${date.slice(0, 4)}`)).body.days as { date: string; kind: string }[]).find((d) => d.date === date)?.kind ?? null;
const due = async (api: ApiClient, from: string) => (await api.get(`/api/calendar/due?from=${encodeURIComponent(from)}&amount=1&unit=working_days`)).body.due as string;

/** Polls until `probe` gives `want` (at most 15 s); returns what it last saw. */
async function eventually<T>(probe: () => Promise<T>, want: T): Promise<T> {
  const until = Date.now() + 15_000;
  let seen = await probe();
  while (seen !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    seen = await probe();
  }
  return seen;
}

describe('the calendar is one for every process on the database', () => {
  it('an override set on server A is seen by server B (listing and due dates); removed on B, A sees it gone', async () => {
    // B has the calendar cached before the change.
    expect(await listed(adminB, '2026-03-09')).toBeNull();
    expect(await due(adminB, '2026-03-06T10:00:00+07:00')).toBe('2026-03-09T17:00:00+07:00');

    const put = await adminA.put('/api/calendar/overrides', { date: '2026-03-09', kind: 'day_off', reason: 'Nghỉ theo thông báo của tỉnh' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await listed(adminA, '2026-03-09')).toBe('day_off'); // the writer at once
    expect(await eventually(() => listed(adminB, '2026-03-09'), 'day_off')).toBe('day_off');
    expect(await eventually(() => due(adminB, '2026-03-06T10:00:00+07:00'), '2026-03-10T17:00:00+07:00')).toBe('2026-03-10T17:00:00+07:00');

    const del = await adminB.del(`/api/calendar/overrides/${put.body.id}`);
    expect(del.status).toBe(200);
    expect(await eventually(() => listed(adminA, '2026-03-09'), null)).toBeNull();
    expect(await eventually(() => due(adminA, '2026-03-06T10:00:00+07:00'), '2026-03-09T17:00:00+07:00')).toBe('2026-03-09T17:00:00+07:00');
  });

  it('a make-up working day set by another process (the CLI path) reaches both servers', async () => {
    expect(await listed(adminA, '2026-03-14')).toBeNull();
    expect(await listed(adminB, '2026-03-14')).toBeNull();
    await cli.ctx.services.calendar.setOverride(null, { date: '2026-03-14', kind: 'working_day', reason: 'Làm bù theo thông báo' });
    expect(await eventually(() => listed(adminA, '2026-03-14'), 'working_day')).toBe('working_day');
    expect(await eventually(() => listed(adminB, '2026-03-14'), 'working_day')).toBe('working_day');
    // Friday 13/03 10:00 + 1 working day: Saturday 14/03 now counts.
    expect(await eventually(() => due(adminB, '2026-03-13T10:00:00+07:00'), '2026-03-14T17:00:00+07:00')).toBe('2026-03-14T17:00:00+07:00');
  });
});

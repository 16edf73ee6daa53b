/**
 * The postal operator's parcel notices over real HTTP: signed with POSTAL_WEBHOOK_SECRET (a wrong or missing signature
 * 401, a bad body 400, nothing stored), stored once per (parcel, status, time), append-only; the applicant's
 * tracking page shows the latest status of the parcel their result was posted in, whatever order notices arrived in.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

const SECRET = 'buu-dien-gia-lai-khoa-thu';
let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const as: Record<string, ApiClient> = {};
let dossier: { id: string; code: string; trackingSecret: string };
const PARCEL = 'EL987654321VN';

const sign = (raw: string, secret = SECRET) => crypto.createHmac('sha256', secret).update(raw).digest('hex');
async function notice(body: unknown, signature?: string | null) {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-signature'] = signature ?? sign(raw);
  const res = await fetch(`${http.base}/api/postal/notices`, { method: 'POST', headers, body: raw });
  return { status: res.status, body: (await res.json()) as { ok?: boolean; duplicate?: boolean; error?: { code: string } } };
}
const track = async () => (await new ApiClient(http.base).get(`/api/public/track?code=${dossier.code}&secret=${dossier.trackingSecret}`)).body;

async function act(user: string, action: string, input: Record<string, unknown> = {}) {
  const d = await as[user]!.get(`/api/dossiers/${dossier.id}`);
  const r = await as[user]!.post(`/api/dossiers/${dossier.id}/actions`, { action, version: d.body.version, input, documents: [] });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

beforeAll(async () => {
  env = await createSeededEnv(clock, { postalWebhookSecret: SECRET });
  http = await startHttp(env);
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao']) as[u] = await new ApiClient(http.base).login(u);
  const agencies = (await as['pleiku.motcua']!.get('/api/agencies?limit=100')).body.items as { code: string; id: string }[];
  const r = await as['pleiku.motcua']!.post(
    '/api/dossiers',
    { agencyId: agencies.find((a) => a.code === '000.01.00.H21')!.id, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Nguyễn Văn An', idNumber: '052090001234', phone: '0905123456', address: 'Tổ 3, phường Pleiku' }, resultMethod: 'postal' },
    { 'idempotency-key': 'postal-0001' },
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  dossier = { id: r.body.id, code: r.body.code, trackingSecret: r.body.trackingSecret };
  await act('pleiku.motcua', 'forward');
  const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
  await act('pleiku.lanhdao', 'assign', { assigneeId: me.body.userId });
  await act('pleiku.chuyenvien', 'start_processing');
  await act('pleiku.chuyenvien', 'propose');
  await act('pleiku.lanhdao', 'approve');
  await act('pleiku.chuyenvien', 'mark_result_ready', { paperResult: true });
  clock.set('2026-03-05T10:00:00+07:00');
  await act('pleiku.motcua', 'return_result', { returnMethod: 'postal', trackingNumber: PARCEL, postalAddress: 'Tổ 3, phường Pleiku, tỉnh Gia Lai' });
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('parcel notices from the postal operator', () => {
  it('refuses an unsigned, wrongly signed or malformed notice and stores nothing', async () => {
    const body = { trackingNumber: PARCEL, status: 'accepted', at: '2026-03-05T14:00:00+07:00' };
    expect((await notice(body, null)).status).toBe(401);
    const wrong = await notice(body, sign(JSON.stringify(body), 'another-secret-of-16'));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('POSTAL_SIGNATURE_INVALID');
    expect((await notice({ ...body, status: 'lost_in_space' })).status).toBe(400);
    expect((await notice({ ...body, at: '05/03/2026' })).status).toBe(400);
    const n = (await env.ctx.db.execute(sql`select count(*)::int as n from postal_events`)) as unknown as { rows: { n: number }[] };
    expect(n.rows[0]!.n).toBe(0);
    expect((await track()).delivery).toMatchObject({ trackingNumber: PARCEL, status: null });
  });

  it('stores each notice once and shows the latest status on tracking, whatever the arrival order', async () => {
    const delivered = { trackingNumber: PARCEL, status: 'delivered', at: '2026-03-06T09:40:00+07:00', location: 'Bưu cục Pleiku' };
    expect((await notice(delivered)).body).toEqual({ ok: true, duplicate: false });
    expect((await notice({ trackingNumber: PARCEL, status: 'accepted', at: '2026-03-05T14:00:00+07:00' })).body.duplicate).toBe(false);
    expect((await notice({ trackingNumber: PARCEL, status: 'out_for_delivery', at: '2026-03-06T07:30:00+07:00' })).body.duplicate).toBe(false);
    expect((await notice(delivered)).body).toEqual({ ok: true, duplicate: true });
    const t = await track();
    expect(t.delivery).toEqual({
      trackingNumber: PARCEL,
      sentAt: '2026-03-05T10:00:00+07:00',
      status: { code: 'delivered', label: 'Đã phát thành công', at: '2026-03-06T09:40:00+07:00', location: 'Bưu cục Pleiku' },
    });
    const n = (await env.ctx.db.execute(sql`select count(*)::int as n from postal_events`)) as unknown as { rows: { n: number }[] };
    expect(n.rows[0]!.n).toBe(3);
  });

  it('notices cannot be changed in the database', async () => {
    const fail = (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => String((e as { cause?: unknown }).cause ?? e));
    expect(await fail(env.ctx.db.execute(sql`update postal_events set status = 'accepted'`))).toMatch(/APPEND_ONLY/);
  });
});

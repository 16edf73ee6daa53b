/** Sign-in, sign-out, sessions (Bearer and cookie) and session expiry over real HTTP on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, PASSWORD, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

const SESSION_COOKIE = 'motcua_session';

async function rawLogin(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return { status: res.status, body: (await res.json()) as any, setCookie: res.headers.getSetCookie() };
}

describe('auth routes (default configuration)', () => {
  let env: TestEnv;
  let http: Awaited<ReturnType<typeof startHttp>>;
  const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));

  beforeAll(async () => {
    env = await createSeededEnv(clock);
    http = await startHttp(env);
  });

  afterAll(async () => {
    await http?.close();
    await env?.close();
  });

  it('logs in: returns a token, sets an http-only session cookie, and lists the roles', async () => {
    const r = await rawLogin(http.base, 'pleiku.motcua', PASSWORD);
    expect(r.status).toBe(200);
    expect(typeof r.body.token).toBe('string');
    expect(r.body.token.length).toBeGreaterThanOrEqual(32);
    expect(r.body.username).toBe('pleiku.motcua');
    expect(r.body.fullName).toBe('Nguyễn Thị Hoa');
    // 10-year TTL of the test configuration from the clock's "now".
    expect(new Date(r.body.expiresAt).getTime()).toBe(new Date('2026-03-02T09:00:00+07:00').getTime() + 24 * 3650 * 3600_000);
    const cookie = r.setCookie.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toContain(`${SESSION_COOKIE}=${r.body.token}`);
    expect(cookie!.toLowerCase()).toContain('httponly');
    expect(cookie!.toLowerCase()).toContain('samesite=strict');
    expect(r.body.assignments).toEqual([{ agencyId: expect.any(String), agencyCode: '000.01.00.H21', agencyName: 'Ủy ban nhân dân Phường Pleiku', role: 'desk_officer' }]);

    const api = new ApiClient(http.base);
    api.token = r.body.token;
    const me = await api.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.userId).toBe(r.body.userId);
    expect(me.body.assignments.map((a: { role: string }) => a.role)).toEqual(['desk_officer']);
  });

  it('me lists the roles of a province-level account on the province root agency', async () => {
    const api = await new ApiClient(http.base).login('tinh.thanhtra');
    const me = await api.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.assignments).toHaveLength(1);
    expect(me.body.assignments[0]).toMatchObject({ agencyCode: '000.00.00.H21', role: 'inspector' });
  });

  it('a wrong password is 401 INVALID_CREDENTIALS with a Vietnamese message and no cookie', async () => {
    const r = await rawLogin(http.base, 'pleiku.motcua', 'not-the-password');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(r.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(r.body.error.messageEn).toBe('Wrong username or password.');
    expect(r.body.token).toBeUndefined();
    expect(r.setCookie.filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toEqual([]);
  });

  it('an unknown username gets exactly the same 401 (no user enumeration)', async () => {
    const wrong = await rawLogin(http.base, 'pleiku.motcua', 'not-the-password');
    const unknown = await rawLogin(http.base, 'khong.ton.tai', PASSWORD);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('a body without a password is a 400 validation error', async () => {
    const r = await new ApiClient(http.base).post('/api/auth/login', { username: 'pleiku.motcua' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('without a token /api/auth/me is 401 UNAUTHENTICATED; a garbage token likewise', async () => {
    const anon = await new ApiClient(http.base).get('/api/auth/me');
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('UNAUTHENTICATED');
    expect(anon.body.error.message).toBe('Vui lòng đăng nhập.');
    const bogus = new ApiClient(http.base);
    bogus.token = 'definitely-not-a-session-token';
    const r = await bogus.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the session: the token no longer works, and the cookie is cleared', async () => {
    const api = await new ApiClient(http.base).login('pleiku.chuyenvien');
    expect((await api.get('/api/auth/me')).status).toBe(200);
    const res = await fetch(`${http.base}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${api.token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cleared).toBeDefined();
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    const after = await api.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    // Another session of the same user is unaffected.
    const other = await new ApiClient(http.base).login('pleiku.chuyenvien');
    expect((await other.get('/api/auth/me')).status).toBe(200);
  });

  it('authenticates with the session cookie as well as with the Bearer header', async () => {
    const login = await rawLogin(http.base, 'pleiku.lanhdao', PASSWORD);
    const cookieHeader = login.setCookie.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
    const res = await fetch(`${http.base}/api/auth/me`, { headers: { cookie: cookieHeader } });
    expect(res.status).toBe(200);
    const me = (await res.json()) as any;
    expect(me.username).toBe('pleiku.lanhdao');
    expect(me.assignments[0].role).toBe('leader');
    // Logout by cookie revokes that session too.
    const out = await fetch(`${http.base}/api/auth/logout`, { method: 'POST', headers: { cookie: cookieHeader } });
    expect(out.status).toBe(200);
    const again = await fetch(`${http.base}/api/auth/me`, { headers: { cookie: cookieHeader } });
    expect(again.status).toBe(401);
  });

  it('the Bearer header wins over a cookie', async () => {
    const a = await rawLogin(http.base, 'pleiku.motcua', PASSWORD);
    const b = await rawLogin(http.base, 'dienhong.motcua', PASSWORD);
    const res = await fetch(`${http.base}/api/auth/me`, { headers: { authorization: `Bearer ${b.body.token}`, cookie: `${SESSION_COOKIE}=${a.body.token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).username).toBe('dienhong.motcua');
  });
});

describe('session expiry (sessionTtlHours: 1)', () => {
  let env: TestEnv;
  let http: Awaited<ReturnType<typeof startHttp>>;
  const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));

  beforeAll(async () => {
    env = await createSeededEnv(clock, { sessionTtlHours: 1 });
    http = await startHttp(env);
  });

  afterAll(async () => {
    await http?.close();
    await env?.close();
  });

  it('the session works until the TTL, then is 401 SESSION_EXPIRED (Bearer and cookie)', async () => {
    clock.set('2026-03-02T09:00:00+07:00');
    const login = await rawLogin(http.base, 'pleiku.motcua', PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.expiresAt).toBe('2026-03-02T03:00:00.000Z');
    const api = new ApiClient(http.base);
    api.token = login.body.token;

    clock.set('2026-03-02T09:59:59+07:00');
    expect((await api.get('/api/auth/me')).status).toBe(200);

    clock.set('2026-03-02T10:00:00+07:00'); // exactly at expiry: no longer valid
    const r = await api.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('SESSION_EXPIRED');
    expect(r.body.error.message).toBe('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');

    const byCookie = await fetch(`${http.base}/api/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${login.body.token}` } });
    expect(byCookie.status).toBe(401);
    expect(((await byCookie.json()) as any).error.code).toBe('SESSION_EXPIRED');

    // Expiry also guards the other modules' endpoints.
    const staff = await new ApiClient(http.base).login('pleiku.quantri');
    clock.set('2026-03-02T11:30:00+07:00');
    const list = await staff.get('/api/staff');
    expect(list.status).toBe(401);
    expect(list.body.error.code).toBe('SESSION_EXPIRED');

    // Signing in again gives a fresh session from the current time.
    const fresh = await new ApiClient(http.base).login('pleiku.motcua');
    expect((await fresh.get('/api/auth/me')).status).toBe(200);
  });
});

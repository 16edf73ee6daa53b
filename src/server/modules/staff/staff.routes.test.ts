/** Staff accounts and role assignments, scoped by agency subtree, over real HTTP on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { auditLog } from '../../platform/db/schema.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const as: Record<string, ApiClient> = {};
const agencyId: Record<string, string> = {};
const NEW_PASSWORD = 'Mat-khau-moi-2026';

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  for (const u of ['pleiku.quantri', 'sonnmt.quantri', 'tinh.quantri', 'pleiku.motcua', 'tinh.thanhtra']) as[u] = await new ApiClient(http.base).login(u);
  const list = await new ApiClient(http.base).get('/api/agencies?limit=1000');
  for (const a of list.body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

const PLEIKU = '000.01.00.H21';
const DIENHONG = '000.02.00.H21';
const ROOT = '000.00.00.H21';

const staffBody = (username: string, roles: { agency: string; role: string }[], extra: Record<string, unknown> = {}) => ({
  username,
  password: NEW_PASSWORD,
  fullName: 'Nguyễn Văn Thử',
  roles: roles.map((r) => ({ agencyId: agencyId[r.agency]!, role: r.role })),
  ...extra,
});

const usernames = (r: { body: { items: { username: string }[] } }) => r.body.items.map((s) => s.username);

describe('creating staff', () => {
  it('a unit admin creates a specialist in their commune: 201, audited, and the account can sign in', async () => {
    const r = await as['pleiku.quantri']!.post('/api/staff', staffBody('pleiku.chuyenvien2', [{ agency: PLEIKU, role: 'specialist' }], { email: 'cv2@pleiku.gialai.gov.vn', phone: '0905 123 456' }));
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.any(String), username: 'pleiku.chuyenvien2', fullName: 'Nguyễn Văn Thử', email: 'cv2@pleiku.gialai.gov.vn', phone: '0905 123 456', active: true });
    expect(r.body.passwordHash).toBeUndefined();
    const me = await (await new ApiClient(http.base).login('pleiku.chuyenvien2', NEW_PASSWORD)).get('/api/auth/me');
    expect(me.body.assignments).toEqual([{ agencyId: agencyId[PLEIKU], agencyCode: PLEIKU, agencyName: 'Ủy ban nhân dân Phường Pleiku', role: 'specialist' }]);
    const audit = await env.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, r.body.id));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['staff.create', (await as['pleiku.quantri']!.get('/api/auth/me')).body.userId]]);
  });

  it('a unit admin cannot create staff in another commune (403) nor at the province root (403)', async () => {
    const other = await as['pleiku.quantri']!.post('/api/staff', staffBody('dienhong.chuyenvien2', [{ agency: DIENHONG, role: 'specialist' }]));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    const mixed = await as['pleiku.quantri']!.post('/api/staff', staffBody('pleiku.lai', [{ agency: PLEIKU, role: 'desk_officer' }, { agency: DIENHONG, role: 'desk_officer' }]));
    expect(mixed.status).toBe(403);
    const root = await as['pleiku.quantri']!.post('/api/staff', staffBody('tinh.nhanvien', [{ agency: ROOT, role: 'specialist' }]));
    expect(root.status).toBe(403);
    // Nothing was created: those usernames cannot sign in.
    for (const u of ['dienhong.chuyenvien2', 'pleiku.lai', 'tinh.nhanvien']) {
      expect((await new ApiClient(http.base).post('/api/auth/login', { username: u, password: NEW_PASSWORD })).status).toBe(401);
    }
  });

  it('a unit admin cannot grant province-wide roles, even on their own commune', async () => {
    for (const role of ['province_admin', 'inspector', 'reform_officer']) {
      const r = await as['pleiku.quantri']!.post('/api/staff', staffBody(`pleiku.x-${role.replace('_', '-')}`, [{ agency: PLEIKU, role }]));
      expect(r.status, role).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('a unit admin can create another unit admin for their commune', async () => {
    const r = await as['pleiku.quantri']!.post('/api/staff', staffBody('pleiku.quantri2', [{ agency: PLEIKU, role: 'unit_admin' }]));
    expect(r.status).toBe(201);
  });

  it('a province admin creates staff anywhere in the province, including a province admin', async () => {
    const commune = await as['tinh.quantri']!.post('/api/staff', staffBody('dienhong.chuyenvien2', [{ agency: DIENHONG, role: 'specialist' }]));
    expect(commune.status).toBe(201);
    const admin = await as['tinh.quantri']!.post('/api/staff', staffBody('tinh.quantri2', [{ agency: ROOT, role: 'province_admin' }]));
    expect(admin.status).toBe(201);
    const inspector = await as['tinh.quantri']!.post('/api/staff', staffBody('pleiku.thanhtra', [{ agency: PLEIKU, role: 'inspector' }]));
    expect(inspector.status).toBe(201);
    const me = await (await new ApiClient(http.base).login('tinh.quantri2', NEW_PASSWORD)).get('/api/auth/me');
    expect(me.body.assignments).toEqual([expect.objectContaining({ agencyCode: ROOT, role: 'province_admin' })]);
  });

  it('non-admins get 403 and anonymous callers 401', async () => {
    expect((await as['pleiku.motcua']!.post('/api/staff', staffBody('pleiku.abc', [{ agency: PLEIKU, role: 'desk_officer' }]))).status).toBe(403);
    expect((await as['tinh.thanhtra']!.post('/api/staff', staffBody('pleiku.abc', [{ agency: PLEIKU, role: 'desk_officer' }]))).status).toBe(403);
    expect((await new ApiClient(http.base).post('/api/staff', staffBody('pleiku.abc', [{ agency: PLEIKU, role: 'desk_officer' }]))).status).toBe(401);
  });

  it('a taken username is 409 ALREADY_EXISTS', async () => {
    const r = await as['pleiku.quantri']!.post('/api/staff', staffBody('pleiku.motcua', [{ agency: PLEIKU, role: 'desk_officer' }]));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ALREADY_EXISTS');
  });

  it('an unknown agency is 404', async () => {
    const r = await as['tinh.quantri']!.post('/api/staff', { ...staffBody('tinh.ma', []), roles: [{ agencyId: crypto.randomUUID(), role: 'specialist' }] });
    expect(r.status).toBe(404);
  });

  it('validation: weak password, bad username, bad email/phone, unknown role, no roles → 400', async () => {
    const base = staffBody('pleiku.hople', [{ agency: PLEIKU, role: 'specialist' }]);
    const cases: [string, Record<string, unknown>][] = [
      ['password of 9 characters', { ...base, password: '123456789' }],
      ['upper-case username', { ...base, username: 'Pleiku.HoPle' }],
      ['username with a space', { ...base, username: 'pleiku hople' }],
      ['username too short', { ...base, username: 'ab' }],
      ['bad email', { ...base, email: 'not-an-email' }],
      ['bad phone', { ...base, phone: '09-05' }],
      ['unknown role', { ...base, roles: [{ agencyId: agencyId[PLEIKU], role: 'chairman' }] }],
      ['no roles', { ...base, roles: [] }],
      ['empty full name', { ...base, fullName: '   ' }],
    ];
    for (const [label, body] of cases) {
      const r = await as['pleiku.quantri']!.post('/api/staff', body);
      expect(r.status, label).toBe(400);
      expect(r.body.error.code, label).toBe('VALIDATION_FAILED');
    }
    // A 10-character password is long enough.
    expect((await as['pleiku.quantri']!.post('/api/staff', { ...base, password: '1234567890' })).status).toBe(201);
  });
});

describe('listing staff', () => {
  it('a unit admin sees only the staff of their commune', async () => {
    const r = await as['pleiku.quantri']!.get('/api/staff');
    expect(r.status).toBe(200);
    const names = usernames(r);
    for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao', 'pleiku.quantri', 'pleiku.chuyenvien2']) expect(names).toContain(u);
    for (const u of ['dienhong.motcua', 'dienhong.chuyenvien2', 'sonnmt.motcua', 'tinh.quantri', 'tinh.thanhtra']) expect(names).not.toContain(u);
    expect(names).toEqual([...names].sort());
    expect(r.body.items.every((s: Record<string, unknown>) => !('passwordHash' in s))).toBe(true);
  });

  it('a department admin sees their department only', async () => {
    const names = usernames(await as['sonnmt.quantri']!.get('/api/staff'));
    expect(names.sort()).toEqual(['sonnmt.chuyenvien', 'sonnmt.lanhdao', 'sonnmt.motcua', 'sonnmt.quantri']);
  });

  it('a province admin sees everyone in the province', async () => {
    const names = usernames(await as['tinh.quantri']!.get('/api/staff'));
    for (const u of ['pleiku.motcua', 'dienhong.motcua', 'dienhong.chuyenvien2', 'sonnmt.quantri', 'tinh.quantri', 'tinh.caicach', 'tinh.thanhtra', 'tinh.quantri2']) expect(names).toContain(u);
  });

  it('non-admins get 403, anonymous 401', async () => {
    expect((await as['pleiku.motcua']!.get('/api/staff')).status).toBe(403);
    expect((await as['tinh.thanhtra']!.get('/api/staff')).status).toBe(403);
    expect((await new ApiClient(http.base).get('/api/staff')).status).toBe(401);
  });
});

describe('granting and revoking roles', () => {
  let userId: string;
  beforeAll(async () => {
    const r = await as['pleiku.quantri']!.post('/api/staff', staffBody('pleiku.luanchuyen', [{ agency: PLEIKU, role: 'desk_officer' }]));
    expect(r.status).toBe(201);
    userId = r.body.id;
  });
  const roles = async () => (await (await new ApiClient(http.base).login('pleiku.luanchuyen', NEW_PASSWORD)).get('/api/auth/me')).body.assignments.map((a: { agencyCode: string; role: string }) => `${a.agencyCode} ${a.role}`).sort();

  it('a unit admin grants a role on their commune; granting twice is harmless', async () => {
    const body = { agencyId: agencyId[PLEIKU], role: 'specialist' };
    const r = await as['pleiku.quantri']!.post(`/api/staff/${userId}/roles`, body);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true });
    expect((await as['pleiku.quantri']!.post(`/api/staff/${userId}/roles`, body)).status).toBe(200);
    expect(await roles()).toEqual([`${PLEIKU} desk_officer`, `${PLEIKU} specialist`]);
  });

  it('a unit admin cannot grant on another commune nor grant province_admin (403)', async () => {
    expect((await as['pleiku.quantri']!.post(`/api/staff/${userId}/roles`, { agencyId: agencyId[DIENHONG], role: 'specialist' })).status).toBe(403);
    expect((await as['pleiku.quantri']!.post(`/api/staff/${userId}/roles`, { agencyId: agencyId[PLEIKU], role: 'province_admin' })).status).toBe(403);
    expect((await as['sonnmt.quantri']!.post(`/api/staff/${userId}/roles`, { agencyId: agencyId[PLEIKU], role: 'leader' })).status).toBe(403);
    expect((await as['pleiku.motcua']!.post(`/api/staff/${userId}/roles`, { agencyId: agencyId[PLEIKU], role: 'leader' })).status).toBe(403);
    expect(await roles()).toEqual([`${PLEIKU} desk_officer`, `${PLEIKU} specialist`]);
  });

  it('a province admin grants a role on another commune; the unit admin then still cannot revoke it', async () => {
    expect((await as['tinh.quantri']!.post(`/api/staff/${userId}/roles`, { agencyId: agencyId[DIENHONG], role: 'desk_officer' })).status).toBe(200);
    expect(await roles()).toEqual([`${PLEIKU} desk_officer`, `${PLEIKU} specialist`, `${DIENHONG} desk_officer`]);
    const r = await as['pleiku.quantri']!.del(`/api/staff/${userId}/roles`, { agencyId: agencyId[DIENHONG], role: 'desk_officer' });
    expect(r.status).toBe(403);
    expect(await roles()).toContain(`${DIENHONG} desk_officer`);
  });

  it('revokes: the role disappears from the next session', async () => {
    const r = await as['pleiku.quantri']!.del(`/api/staff/${userId}/roles`, { agencyId: agencyId[PLEIKU], role: 'specialist' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true });
    expect((await as['tinh.quantri']!.del(`/api/staff/${userId}/roles`, { agencyId: agencyId[DIENHONG], role: 'desk_officer' })).status).toBe(200);
    expect(await roles()).toEqual([`${PLEIKU} desk_officer`]);
    const audit = await env.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, userId));
    expect(audit.map((a) => a.action).sort()).toEqual(['staff.create', 'staff.grant', 'staff.grant', 'staff.grant', 'staff.revoke', 'staff.revoke'].sort());
  });

  it('a revoked role takes effect on existing sessions too', async () => {
    const session = await new ApiClient(http.base).login('pleiku.luanchuyen', NEW_PASSWORD);
    expect((await as['pleiku.quantri']!.post(`/api/staff/${userId}/roles`, { agencyId: agencyId[PLEIKU], role: 'unit_admin' })).status).toBe(200);
    expect((await session.get('/api/staff')).status).toBe(200);
    expect((await as['pleiku.quantri']!.del(`/api/staff/${userId}/roles`, { agencyId: agencyId[PLEIKU], role: 'unit_admin' })).status).toBe(200);
    expect((await session.get('/api/staff')).status).toBe(403);
  });

  it('an unknown user is 404 on grant; malformed ids and roles are 400', async () => {
    expect((await as['tinh.quantri']!.post(`/api/staff/${crypto.randomUUID()}/roles`, { agencyId: agencyId[PLEIKU], role: 'specialist' })).status).toBe(404);
    expect((await as['tinh.quantri']!.post('/api/staff/42/roles', { agencyId: agencyId[PLEIKU], role: 'specialist' })).status).toBe(400);
    expect((await as['tinh.quantri']!.post(`/api/staff/${userId}/roles`, { agencyId: agencyId[PLEIKU], role: 'boss' })).status).toBe(400);
  });
});

describe('staff of an agency (for assignment)', () => {
  it('a desk officer of the ward lists its specialists by name, with their roles', async () => {
    const r = await as['pleiku.motcua']!.get(`/api/agencies/${agencyId[PLEIKU]}/staff?role=specialist`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((s: { fullName: string }) => s.fullName)).toContain('Trần Văn Minh');
    for (const s of r.body.items) expect(s.roles.some((x: { role: string; agencyId: string }) => x.role === 'specialist' && x.agencyId === agencyId[PLEIKU])).toBe(true);
  });

  it('another ward’s agency is not visible (404), the province above it is', async () => {
    expect((await as['pleiku.motcua']!.get(`/api/agencies/${agencyId[DIENHONG]}/staff`)).status).toBe(404);
    expect((await as['tinh.quantri']!.get(`/api/agencies/${agencyId[PLEIKU]}/staff?role=leader`)).body.items.map((s: { username: string }) => s.username)).toEqual(['pleiku.lanhdao']);
  });

  it('the admin staff list carries each person’s roles', async () => {
    const r = await as['pleiku.quantri']!.get('/api/staff');
    const desk = r.body.items.find((s: { username: string }) => s.username === 'pleiku.motcua');
    expect(desk.roles).toEqual([{ agencyId: agencyId[PLEIKU], agencyName: 'Ủy ban nhân dân Phường Pleiku', role: 'desk_officer' }]);
  });
});

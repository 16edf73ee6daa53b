/**
 * Agencies and administrative units over real HTTP on a real database. This is the one route test file that
 * loads the full 2025 administrative units (≈14k rows, data/seed/admin-units-2025.json) through seedUnits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { seedUnits } from '../../seed/demo.ts';
import { agencies, auditLog } from '../../platform/db/schema.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const as: Record<string, ApiClient> = {};
let anon: ApiClient;
const agencyId: Record<string, string> = {};

beforeAll(async () => {
  env = await createSeededEnv(clock);
  await seedUnits(env.ctx);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  for (const u of ['tinh.quantri', 'pleiku.quantri', 'pleiku.motcua', 'tinh.thanhtra']) as[u] = await new ApiClient(http.base).login(u);
  const list = await anon.get('/api/agencies?limit=1000');
  for (const a of list.body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

const pathOf = async (id: string) => (await env.ctx.db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, id)))[0]!.path;

describe('agencies', () => {
  it('lists the demo organisation, ordered by tree path, without signing in', async () => {
    const r = await anon.get('/api/agencies');
    expect(r.status).toBe(200);
    const codes = r.body.items.map((a: { code: string }) => a.code);
    // Root, service centre, 7 departments (Sở Nội vụ among them), 4 communes.
    expect(codes).toHaveLength(13);
    expect(codes[0]).toBe('000.00.00.H21');
    for (const c of ['000.00.01.H21', '000.00.10.H21', '000.00.09.H21', '000.00.20.H21', '000.01.00.H21', '000.02.00.H21', '000.03.00.H21', '000.04.00.H21']) expect(codes).toContain(c);
    const root = r.body.items[0];
    expect(root).toMatchObject({ level: 'province', kind: 'people_committee', parentId: null, validFrom: '2025-07-01', validTo: null });
    expect(r.body.items.filter((a: { parentId: string | null }) => a.parentId === root.id)).toHaveLength(12);
  });

  it('filters by parent and honours the limit', async () => {
    const root = agencyId['000.00.00.H21']!;
    const children = await anon.get(`/api/agencies?parentId=${root}`);
    expect(children.status).toBe(200);
    expect(children.body.items).toHaveLength(12);
    expect(children.body.items.every((a: { parentId: string }) => a.parentId === root)).toBe(true);
    const one = await anon.get('/api/agencies?limit=1');
    expect(one.body.items).toHaveLength(1);
    expect((await anon.get('/api/agencies?limit=0')).status).toBe(400);
    expect((await anon.get('/api/agencies?parentId=not-a-uuid')).status).toBe(400);
  });

  it('returns one agency; an unknown id is 404, a malformed id 400', async () => {
    const r = await anon.get(`/api/agencies/${agencyId['000.01.00.H21']}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: '000.01.00.H21', name: 'Ủy ban nhân dân Phường Pleiku', level: 'commune', kind: 'people_committee', parentId: agencyId['000.00.00.H21'] });
    const missing = await anon.get(`/api/agencies/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect((await anon.get('/api/agencies/123')).status).toBe(400);
  });

  const newAgency = (code: string, parentId: string | null = agencyId['000.00.00.H21']!) => ({
    code,
    name: 'Sở Xây dựng tỉnh Gia Lai',
    kind: 'department',
    level: 'province',
    parentId,
    validFrom: '2026-01-01',
  });

  it('a province admin creates an agency under their root: 201, path under the parent, audited', async () => {
    const r = await as['tinh.quantri']!.post('/api/agencies', newAgency('000.00.15.H21'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ code: '000.00.15.H21', name: 'Sở Xây dựng tỉnh Gia Lai', kind: 'department', level: 'province', unitId: null, parentId: agencyId['000.00.00.H21'], validFrom: '2026-01-01', validTo: null });
    const parentPath = await pathOf(agencyId['000.00.00.H21']!);
    expect(await pathOf(r.body.id)).toBe(`${parentPath}${r.body.id}/`);
    const detail = await anon.get(`/api/agencies/${r.body.id}`);
    expect(detail.status).toBe(200);
    const audit = await env.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, r.body.id));
    expect(audit.map((a) => a.action)).toEqual(['agency.create']);

    // A grandchild nests under the new agency's path.
    const division = await as['tinh.quantri']!.post('/api/agencies', { ...newAgency('000.15.01.H21', r.body.id), name: 'Phòng Quản lý xây dựng', kind: 'division' });
    expect(division.status).toBe(201);
    expect(await pathOf(division.body.id)).toBe(`${parentPath}${r.body.id}/${division.body.id}/`);
  });

  it('a unit admin (or any non province admin) gets 403; anonymous 401', async () => {
    const byUnitAdmin = await as['pleiku.quantri']!.post('/api/agencies', newAgency('000.00.16.H21', agencyId['000.01.00.H21']!));
    expect(byUnitAdmin.status).toBe(403);
    expect(byUnitAdmin.body.error.code).toBe('FORBIDDEN');
    expect((await as['pleiku.motcua']!.post('/api/agencies', newAgency('000.00.16.H21'))).status).toBe(403);
    expect((await as['tinh.thanhtra']!.post('/api/agencies', newAgency('000.00.16.H21'))).status).toBe(403);
    const a = await anon.post('/api/agencies', newAgency('000.00.16.H21'));
    expect(a.status).toBe(401);
    expect(a.body.error.code).toBe('UNAUTHENTICATED');
    expect(await env.ctx.db.select().from(agencies).where(eq(agencies.code, '000.00.16.H21'))).toEqual([]);
  });

  it('a second root agency (no parent) is refused even to a province admin', async () => {
    const r = await as['tinh.quantri']!.post('/api/agencies', newAgency('000.00.00.H99', null));
    expect(r.status).toBe(403);
  });

  it('an unknown parent is 404', async () => {
    const r = await as['tinh.quantri']!.post('/api/agencies', newAgency('000.00.17.H21', crypto.randomUUID()));
    expect(r.status).toBe(404);
  });

  it('a duplicate code is 409 ALREADY_EXISTS', async () => {
    const r = await as['tinh.quantri']!.post('/api/agencies', newAgency('000.01.00.H21'));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ALREADY_EXISTS');
    expect(r.body.error.message).toContain('000.01.00.H21');
  });

  it('a code not in the national format, or other invalid fields, is 400', async () => {
    for (const code of ['000.00.18', '00.00.18.H21', '000.00.18.h21', '000-00-18-H21', '']) {
      const r = await as['tinh.quantri']!.post('/api/agencies', newAgency(code));
      expect(r.status, code).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await as['tinh.quantri']!.post('/api/agencies', { ...newAgency('000.00.18.H21'), kind: 'ministry' })).status).toBe(400);
    expect((await as['tinh.quantri']!.post('/api/agencies', { ...newAgency('000.00.18.H21'), validFrom: '01/01/2026' })).status).toBe(400);
  });
});

describe('administrative units (2025 reform)', () => {
  const unitByName = async (level: string, q: string, asOf?: string) => {
    const r = await anon.get(`/api/units?level=${level}&q=${encodeURIComponent(q)}${asOf ? `&asOf=${asOf}` : ''}`);
    expect(r.status).toBe(200);
    return r.body.items as { id: string; key: string; code: string; name: string; level: string; validFrom: string | null; validTo: string | null; parentId: string | null }[];
  };

  it('34 provinces are in force on 2026-01-01 (new units from 2025-07-01, open-ended)', async () => {
    const r = await anon.get('/api/units?level=province&asOf=2026-01-01');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(34);
    expect(r.body.next).toBeNull();
    for (const u of r.body.items) {
      expect(u.level).toBe('province');
      expect(u.validFrom).toBe('2025-07-01');
      expect(u.validTo).toBeNull();
    }
    expect(r.body.items.map((u: { name: string }) => u.name)).toContain('Tỉnh Gia Lai');
    // None of them existed on 2025-06-30.
    const before = await anon.get('/api/units?level=province&asOf=2025-06-30');
    expect(before.body.items).toEqual([]);
  });

  it('name search is accent- and case-insensitive (ĐẶC KHU, dien hong)', async () => {
    expect((await unitByName('commune', 'dien hong', '2026-01-01')).map((u) => u.name)).toContain('Phường Diên Hồng');
    expect((await unitByName('commune', 'ĐẶC KHU CÔN ĐẢO', '2026-01-01')).map((u) => u.name)).toContain('Đặc khu Côn Đảo');
  });

  it('a legacy commune is readable as of 2025-06-01, not as of 2026-01-01', async () => {
    const old = await unitByName('legacy_commune', 'Hội Thương', '2025-06-01');
    const hoiThuong = old.find((u) => u.key === 'L-23566');
    expect(hoiThuong).toMatchObject({ code: '23566', name: 'Phường Hội Thương', level: 'legacy_commune', validTo: '2025-06-30' });
    expect(await unitByName('legacy_commune', 'Hội Thương', '2026-01-01')).toEqual([]);
    // The new ward is not valid before the reform.
    expect((await unitByName('commune', 'Pleiku', '2025-06-01')).find((u) => u.key === 'C23575')).toBeUndefined();
    expect((await unitByName('commune', 'Pleiku', '2026-01-01')).find((u) => u.key === 'C23575')).toBeDefined();
  });

  it('a new ward shows what it was merged from; an old ward shows what it was merged into', async () => {
    const pleiku = (await unitByName('commune', 'Pleiku')).find((u) => u.key === 'C23575')!;
    const r = await anon.get(`/api/units/${pleiku.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ key: 'C23575', code: '23575', name: 'Phường Pleiku', level: 'commune', validFrom: '2025-07-01', validTo: null, mergedInto: [] });
    const from = r.body.mergedFrom.map((m: { unit: { name: string; key: string }; whole: boolean; effectiveFrom: string }) => `${m.unit.key} ${m.unit.name} ${m.whole} ${m.effectiveFrom}`).sort();
    expect(from).toEqual([
      'L-23566 Phường Hội Thương true 2025-07-01',
      'L-23570 Phường Phù Đổng true 2025-07-01',
      'L-23572 Phường Hoa Lư true 2025-07-01',
      'L-23575 Phường Tây Sơn true 2025-07-01',
      'L-23596 Xã Trà Đa true 2025-07-01',
    ]);
    // The parent of the new ward is the new province Gia Lai (P52).
    const parent = await anon.get(`/api/units/${r.body.parentId}`);
    expect(parent.body).toMatchObject({ key: 'P52', name: 'Tỉnh Gia Lai', level: 'province' });
    expect(parent.body.mergedFrom.map((m: { unit: { key: string } }) => m.unit.key).sort()).toEqual(['LP-52', 'LP-64']);

    const tayson = r.body.mergedFrom.find((m: { unit: { key: string } }) => m.unit.key === 'L-23575').unit;
    const old = await anon.get(`/api/units/${tayson.id}`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ key: 'L-23575', code: '23575', name: 'Phường Tây Sơn', level: 'legacy_commune', validFrom: null, validTo: '2025-06-30', mergedFrom: [] });
    expect(old.body.mergedInto).toHaveLength(1);
    expect(old.body.mergedInto[0]).toMatchObject({ unit: { id: pleiku.id, key: 'C23575', name: 'Phường Pleiku' }, whole: true, effectiveFrom: '2025-07-01' });
  });

  it('an unknown unit is 404; a malformed id or level is 400', async () => {
    const r = await anon.get(`/api/units/${crypto.randomUUID()}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    expect((await anon.get('/api/units/abc')).status).toBe(400);
    expect((await anon.get('/api/units?level=district')).status).toBe(400);
    expect((await anon.get('/api/units?asOf=2026-1-1')).status).toBe(400);
    expect((await anon.get('/api/units?limit=501')).status).toBe(400);
  });

  it('filters by parent: the new communes of Gia Lai', async () => {
    const gialai = (await unitByName('province', 'Gia Lai')).find((u) => u.key === 'P52')!;
    const r = await anon.get(`/api/units?parentId=${gialai.id}&limit=500`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(50);
    expect(r.body.items.every((u: { parentId: string; level: string }) => u.parentId === gialai.id && u.level === 'commune')).toBe(true);
    expect(r.body.items.map((u: { key: string }) => u.key)).toEqual(expect.arrayContaining(['C23575', 'C23563', 'C23586', 'C21583']));
  });

  it('keyset pagination: `next` of a full page continues with `after`, without overlap, until null', async () => {
    const first = await anon.get('/api/units?level=province&asOf=2026-01-01&limit=10');
    expect(first.body.items).toHaveLength(10);
    expect(first.body.next).not.toBeNull();
    const second = await anon.get(`/api/units?level=province&asOf=2026-01-01&limit=10&after=${encodeURIComponent(first.body.next)}`);
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(10);
    const all = await anon.get('/api/units?level=province&asOf=2026-01-01&limit=100');
    const ids = all.body.items.map((u: { id: string }) => u.id);
    expect([...first.body.items, ...second.body.items].map((u: { id: string }) => u.id)).toEqual(ids.slice(0, 20));
  });

  it('keyset pagination walks all 3,321 communes even though many share a name (e.g. 7 × "Xã Tân Thành")', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/units?level=commune&asOf=2026-01-01&limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const r = await anon.get(url);
      expect(r.status).toBe(200);
      for (const u of r.body.items) seen.add(u.id);
      after = r.body.next;
      pages++;
    } while (after && pages < 20);
    expect(seen.size).toBe(3321);
    const tanThanh = await unitByName('commune', 'Xã Tân Thành', '2026-01-01');
    expect(tanThanh.filter((u) => u.name === 'Xã Tân Thành')).toHaveLength(7);
  });
});

/** GET /api/public/procedures: ranked catalog search over real HTTP on a real database (PGlite or PostgreSQL). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { SEED_DIR } from '../../seed/demo.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
let anon: ApiClient;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const agencyId: Record<string, string> = {};
const PLEIKU = '000.01.00.H21';
// The 13 commune-level structured records, which every demo commune publishes.
const COMMUNE_PUBLISHED = ['1.000894', '1.001612', '1.001714', '1.003440', '1.003702', '1.008004', '1.010038', '1.010039', '1.012538', '1.012694', '1.012817', '1.014336', '3.000510'];

type Item = { code: string; name: string; fieldName: string | null; levels: string[]; onlineLevel: string; structured: boolean; score: number };
const search = async (params: Record<string, string>) => {
  const r = await anon.get<{ items: Item[] }>(`/api/public/procedures?${new URLSearchParams(params).toString()}`);
  return r;
};
const codes = (r: { body: { items: Item[] } }) => r.body.items.map((i) => i.code);

beforeAll(async () => {
  env = await createSeededEnv(clock);
  // The seeded test env has only the 26 structured records; the portal searches the whole demo catalog.
  const json = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'procedure-index-2026.json'), 'utf8')) as { procedures: unknown[] };
  await env.ctx.services.catalog.importPublicIndex(json.procedures);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  const list = await anon.get('/api/agencies?limit=1000');
  for (const a of list.body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('GET /api/public/procedures', () => {
  it('ranks the general procedure first for everyday, accent-free and accented queries, without signing in', async () => {
    const cases: [string, string][] = [
      ['lam giay khai sinh', '1.001193'],
      ['đăng ký khai sinh', '1.001193'],
      ['dang ky ket hon', '1.000894'],
      ['giấy xác nhận độc thân', '1.004873'],
      ['nhập hộ khẩu', '1.004222'],
      ['xin phep xay nha', '1.013225'],
      ['lý lịch tư pháp', '3.000333'],
      ['tach ho', '1.010038'],
    ];
    for (const [q, code] of cases) {
      const r = await search({ q });
      expect(r.status, q).toBe(200);
      expect(codes(r)[0], q).toBe(code);
    }
  });

  it('returns the documented item shape, scores descending', async () => {
    const r = await search({ q: 'đăng ký kết hôn', limit: '5' });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(5);
    expect(r.body.items[0]).toEqual({
      code: '1.000894',
      name: 'Thủ tục đăng ký kết hôn',
      fieldName: 'Hộ tịch',
      levels: ['commune'],
      onlineLevel: expect.any(String),
      structured: true,
      score: expect.any(Number),
    });
    const scores = r.body.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks special cases below the general procedure unless the query names them', async () => {
    const general = codes(await search({ q: 'dang ky khai sinh', limit: '10' }));
    expect(general[0]).toBe('1.001193');
    for (const special of ['2.000528', '1.003583', '1.004884']) expect(general.indexOf(special)).toBeGreaterThan(0);
    expect(codes(await search({ q: 'dang ky khai sinh luu dong' }))[0]).toBe('1.003583');
    expect(codes(await search({ q: 'khai sinh có yếu tố nước ngoài' }))[0]).toBe('2.000528');
    expect(codes(await search({ q: 'đăng ký lại khai sinh' }))[0]).toBe('1.004884');
  });

  it('matches decomposed Unicode, old tone placement and typos', async () => {
    expect(codes(await search({ q: 'đăng ký khai tử'.normalize('NFD') }))[0]).toBe('1.000656');
    expect(codes(await search({ q: 'xoá đăng ký tạm trú' }))[0]).toBe('1.010028');
    expect(codes(await search({ q: 'dang ky khai sinhh' }))[0]).toBe('1.001193');
    expect(codes(await search({ q: 'xac nhan tinh trng hon nhan' }))[0]).toBe('1.004873');
  });

  it('looks a procedure up by its code', async () => {
    expect(codes(await search({ q: '1.010038' }))).toEqual(['1.010038']);
  });

  it('filters by level and by field (field compared without diacritics)', async () => {
    const province = await search({ q: 'ho chieu', level: 'province', limit: '50' });
    expect(province.body.items.length).toBeGreaterThan(0);
    expect(province.body.items.every((i) => i.levels.includes('province'))).toBe(true);
    expect(codes(province)[0]).toBe('1.001456');
    const field = await search({ q: 'khai sinh', field: 'ho tich', limit: '50' });
    expect(field.body.items.length).toBeGreaterThan(3);
    expect(field.body.items.every((i) => i.fieldName === 'Hộ tịch')).toBe(true);
    expect((await search({ q: 'khai sinh', field: 'Không có lĩnh vực này' })).body.items).toEqual([]);
  });

  it('filters by agency through its publications', async () => {
    const pleiku = agencyId[PLEIKU]!;
    expect(pleiku).toBeDefined();
    const r = await search({ q: 'ket hon', agencyId: pleiku });
    expect(codes(r)[0]).toBe('1.000894');
    for (const c of codes(r)) expect(COMMUNE_PUBLISHED).toContain(c);
    const all = await search({ q: 'dang ky', agencyId: pleiku, limit: '100' });
    expect(all.body.items.length).toBeGreaterThan(0);
    for (const c of codes(all)) expect(COMMUNE_PUBLISHED).toContain(c);
    // Đăng ký khai sinh is in the catalog but not published by the commune (not structured yet).
    expect(codes(await search({ q: 'dang ky khai sinh', agencyId: pleiku }))).not.toContain('1.001193');
    // An agency with no publications finds nothing.
    expect((await search({ q: 'ket hon', agencyId: '00000000-0000-4000-8000-000000000000' })).body.items).toEqual([]);
  });

  it('respects limit', async () => {
    expect((await search({ q: 'giay phep', limit: '3' })).body.items).toHaveLength(3);
    expect((await search({ q: 'giay phep' })).body.items).toHaveLength(20);
  });

  it('an empty query is 400 with the Vietnamese validation message', async () => {
    for (const q of ['', '   ']) {
      const r = await search({ q });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ.' } });
    }
    expect((await anon.get('/api/public/procedures')).status).toBe(400);
    expect((await search({ q: 'ket hon', level: 'district' })).status).toBe(400);
    expect((await search({ q: 'ket hon', agencyId: 'pleiku' })).status).toBe(400);
    expect((await search({ q: 'ket hon', limit: '0' })).status).toBe(400);
    expect((await search({ q: 'ket hon', limit: '101' })).status).toBe(400);
  });

  it('a query of punctuation only finds nothing (200)', async () => {
    const r = await search({ q: '?!…' });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
  });

  it('rebuilds the index when the catalog changes (probed at most every 30 s)', async () => {
    const q = 'quy trình thử nghiệm tìm kiếm';
    expect(codes(await search({ q })).slice(0, 1)).not.toEqual(['1.010038']);
    const record = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'national-procedures', '1.010038.json'), 'utf8')) as { name: string } & Record<string, unknown>;
    const withData = (record as { data?: { name: string } }).data;
    if (withData) withData.name = 'Tách hộ (quy trình thử nghiệm tìm kiếm)';
    else record.name = 'Tách hộ (quy trình thử nghiệm tìm kiếm)';
    await env.ctx.services.catalog.importNationalRecords([record]);
    // Within the interval the index in memory is used as is.
    expect(codes(await search({ q }))[0]).not.toBe('1.010038');
    clock.set(new Date(clock.t.getTime() + 31_000).toISOString());
    expect(codes(await search({ q }))[0]).toBe('1.010038');
  });
});

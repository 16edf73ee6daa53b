/** The portal's browsable catalog: life events as curated groups, the published catalog by field, desk addresses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { seedWardCatalog } from '../../seed/demo.ts';
import { LIFE_EVENTS } from '../../../core/catalog/index.ts';
import { WARD_REVIEWS } from '../../seed/ward-reviews.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
let anon: ApiClient;
let pleiku: string;

beforeAll(async () => {
  env = await createSeededEnv(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  pleiku = ((await anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]).find((a) => a.code === '000.01.00.H21')!.id;
  await seedWardCatalog(env.ctx, pleiku, { importIndexCodes: [...WARD_REVIEWS.map((w) => w.code), ...LIFE_EVENTS.flatMap((e) => e.codes)] });
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('life events', () => {
  it('lists every curated group with the number of procedures published', async () => {
    const r = await anon.get('/api/public/life-events');
    expect(r.status).toBe(200);
    expect(r.body.items.map((e: { slug: string }) => e.slug)).toEqual(LIFE_EVENTS.map((e) => e.slug));
    expect(r.body.items.find((e: { slug: string }) => e.slug === 'sinh-con').count).toBeGreaterThan(0);
  });

  it('"Sinh con" lists its procedures in the curated order: birth registration first, no groundwater licence', async () => {
    const r = await anon.get('/api/public/life-events/sinh-con');
    expect(r.status).toBe(200);
    expect(r.body.title.vi).toBe('Sinh con');
    expect(r.body.procedures.map((p: { code: string }) => p.code)).toEqual(LIFE_EVENTS.find((e) => e.slug === 'sinh-con')!.codes);
    expect(r.body.procedures[0]).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', published: true });
    expect(r.body.procedures.some((p: { name: string }) => /nước dưới đất/.test(p.name))).toBe(false);
    expect((await anon.get('/api/public/life-events/khong-co')).status).toBe(404);
  });
});

describe('the catalog by field', () => {
  it('fields with published counts, then a field\'s procedures', async () => {
    const fields = await anon.get(`/api/public/catalog/fields?agencyId=${pleiku}`);
    expect(fields.status).toBe(200);
    const civil = fields.body.items.find((f: { field: string }) => f.field === 'Hộ tịch');
    expect(civil.count).toBeGreaterThanOrEqual(5);
    const list = await anon.get(`/api/public/catalog?field=${encodeURIComponent('Hộ tịch')}&agencyId=${pleiku}`);
    expect(list.body.items).toHaveLength(civil.count);
    expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['1.001193', '1.000894', '1.000656']));
    expect(list.body.items.every((p: { fieldName: string }) => p.fieldName === 'Hộ tịch')).toBe(true);
    const page = await anon.get(`/api/public/catalog?field=${encodeURIComponent('Hộ tịch')}&limit=2`);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.next).toBe(page.body.items[1].code);
  });

  it('the procedure page names the desk address of each receiving agency', async () => {
    const r = await anon.get('/api/public/procedures/1.001193');
    expect(r.status).toBe(200);
    expect(r.body.agencies).toEqual([expect.objectContaining({ name: 'Ủy ban nhân dân Phường Pleiku', deskAddress: 'Bộ phận Một cửa, trụ sở Ủy ban nhân dân Phường Pleiku' })]);
  });
});

/** Pages through a public list (limit, `next` → `after`) and returns every row seen, failing if it does not stop. */
async function pageThrough<T>(url: (after: string | null) => string, key = 'items'): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (let pages = 0; ; pages++) {
    expect(pages, 'the list stops').toBeLessThan(500);
    const r: { status: number; body: Record<string, unknown> & { next: string | null } } = await anon.get(url(after));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    rows.push(...(r.body[key] as T[]));
    after = r.body.next;
    if (!after) return rows;
  }
}

describe('public lists are bounded and keyset-paged (issue 10)', () => {
  const q = (after: string | null) => (after ? `&after=${encodeURIComponent(after)}` : '');

  it('fields: every page size gets each field once, in the order of the whole list, and stops', async () => {
    const whole = await anon.get('/api/public/catalog/fields');
    expect(whole.body.next).toBeNull();
    const all = whole.body.items as { field: string | null; count: number }[];
    expect(all.length).toBeGreaterThan(3);
    for (const limit of [1, 2, 3, 7]) {
      const seen = await pageThrough<{ field: string | null; count: number }>((after) => `/api/public/catalog/fields?limit=${limit}${q(after)}`);
      expect(seen).toEqual(all);
    }
    const mine = await pageThrough<{ field: string | null }>((after) => `/api/public/catalog/fields?agencyId=${pleiku}&limit=2${q(after)}`);
    expect(mine.map((f) => f.field)).toEqual(((await anon.get(`/api/public/catalog/fields?agencyId=${pleiku}`)).body.items as { field: string | null }[]).map((f) => f.field));
    // After the group without a field (always last) there is nothing.
    expect((await anon.get(`/api/public/catalog/fields?after=${encodeURIComponent('[null]')}`)).body).toEqual({ items: [], next: null });
  });

  it('a field\'s procedures: every page size gets each procedure once, by code', async () => {
    const field = encodeURIComponent('Hộ tịch');
    const all = ((await anon.get(`/api/public/catalog?field=${field}`)).body.items as { code: string }[]).map((p) => p.code);
    expect(all.length).toBeGreaterThan(3);
    expect([...all].sort()).toEqual(all);
    for (const limit of [1, 3]) {
      const seen = await pageThrough<{ code: string }>((after) => `/api/public/catalog?field=${field}&limit=${limit}${q(after)}`);
      expect(seen.map((p) => p.code)).toEqual(all);
    }
  });

  it('the agencies that publish a procedure: first page on the procedure, the rest paged by name then id', async () => {
    const { findProcedureByCode, insertPublication } = await import('../catalog/catalog.repository.ts');
    const { insertAgency, findAgencyByCode } = await import('../units/units.repository.ts');
    const p = (await findProcedureByCode(env.ctx.db, '1.001193'))!;
    const parent = (await findAgencyByCode(env.ctx.db, '000.01.00.H21'))!;
    // Five more publishers, two with the same name (the id breaks the tie).
    for (const [i, name] of ['Bộ phận B', 'Bộ phận A', 'Bộ phận C', 'Bộ phận A', 'Bộ phận D'].entries()) {
      const a = await insertAgency(env.ctx.db, { code: `000.01.9${i}.H21`, name, kind: 'other', level: 'commune', unitId: parent.unitId, parentId: parent.id, validFrom: '2025-07-01', createdAt: env.ctx.now() });
      await insertPublication(env.ctx.db, { agencyId: a.id, procedureId: p.id, active: true, publishedAt: env.ctx.now() });
    }
    const detail = await anon.get('/api/public/procedures/1.001193');
    expect(detail.body.agenciesNext).toBeNull();
    const all = detail.body.agencies as { id: string; name: string }[];
    expect(all).toHaveLength(6);
    const byNameThenId = [...all].sort((x, y) => (x.name === y.name ? (x.id < y.id ? -1 : 1) : 0));
    expect(all.map((a) => a.name)).toEqual(['Bộ phận A', 'Bộ phận A', 'Bộ phận B', 'Bộ phận C', 'Bộ phận D', 'Ủy ban nhân dân Phường Pleiku']);
    expect(all).toEqual(byNameThenId);
    for (const limit of [1, 2, 4]) {
      const seen = await pageThrough<{ id: string }>((after) => `/api/public/procedures/1.001193/agencies?limit=${limit}${q(after)}`);
      expect(seen.map((a) => a.id)).toEqual(all.map((a) => a.id));
    }
    expect((await anon.get('/api/public/procedures/9.999999/agencies')).status).toBe(404);
  });

  it('a limit above 100, below 1 or a cursor that is not one is a 400, never a 500', async () => {
    for (const url of [
      '/api/public/catalog/fields?limit=101',
      '/api/public/catalog/fields?limit=0',
      '/api/public/catalog/fields?after=not-json',
      '/api/public/catalog/fields?after=%5B1%5D',
      `/api/public/catalog?field=x&limit=101`,
      '/api/public/procedures/1.001193/agencies?limit=101',
      '/api/public/procedures/1.001193/agencies?after=%5B%22x%22%2C%22not-a-uuid%22%5D',
      '/api/public/index/agencies?limit=101',
    ]) {
      const r = await anon.get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.code, url).toBe('VALIDATION_FAILED');
    }
  });
});

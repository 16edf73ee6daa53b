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

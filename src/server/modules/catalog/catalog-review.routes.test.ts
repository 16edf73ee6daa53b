/**
 * Index entries made publishable, over real HTTP on a real database: parsed at import with field
 * confidences, reviewed by a province admin (a new, append-only version, the source text kept), then
 * published; the demo ward's reviewed catalog; search for the ward's birth registration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { SEED_DIR, seedWardCatalog } from '../../seed/demo.ts';
import { WARD_REVIEWS } from '../../seed/ward-reviews.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00')); // Monday
const as: Record<string, ApiClient> = {};
let anon: ApiClient;
const agencyId: Record<string, string> = {};
const PLEIKU = '000.01.00.H21';
const BIRTH = '1.001193';
const COPY = '2.000815';
type Entry = { code: string; text: Record<string, string | null> };
let index: Entry[];

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  for (const u of ['pleiku.quantri', 'tinh.quantri', 'pleiku.motcua', 'tinh.thanhtra']) as[u] = await new ApiClient(http.base).login(u);
  for (const a of (await anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
  index = (JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'procedure-index-2026.json'), 'utf8')) as { procedures: Entry[] }).procedures;
  const wanted = new Set([BIRTH, COPY, '1.010041', '2.000908']);
  await env.ctx.services.catalog.importPublicIndex(index.filter((e) => wanted.has(e.code)));
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

const publish = (who: string, code: string) => as[who]!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, { procedureCode: code });

describe('the review queue', () => {
  it('lists parsed entries by state with their low-confidence fields (admins only)', async () => {
    const r = await as['pleiku.quantri']!.get('/api/catalog/reviews?state=pending&level=commune');
    expect(r.status).toBe(200);
    const birth = r.body.items.find((i: { code: string }) => i.code === BIRTH);
    expect(birth).toMatchObject({ reviewState: 'pending', version: 1, lowFields: ['time', 'agencies'] });
    expect(r.body.items.every((i: { reviewState: string }) => i.reviewState === 'pending')).toBe(true);
    expect(r.body.counts.pending).toBeGreaterThanOrEqual(2);
    const confident = await as['tinh.quantri']!.get('/api/catalog/reviews?state=confident');
    expect(confident.body.items.map((i: { code: string }) => i.code)).toEqual(['1.010041', '2.000908']);
    expect((await as['pleiku.motcua']!.get('/api/catalog/reviews')).status).toBe(403);
    expect((await anon.get('/api/catalog/reviews')).status).toBe(401);
    expect((await as['tinh.quantri']!.get('/api/catalog/reviews?state=bogus')).status).toBe(400);
  });
});

describe('publication refuses an unreviewed low-confidence record', () => {
  it('422 PROCEDURE_NOT_REVIEWED naming the fields in Vietnamese, with the parser issues', async () => {
    const r = await publish('pleiku.quantri', BIRTH);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PROCEDURE_NOT_REVIEWED');
    expect(r.body.error.message).toContain('thời hạn giải quyết, cơ quan thực hiện');
    expect(r.body.error.message).toContain(BIRTH);
    expect(r.body.error.messageEn).toContain('processing time, implementing agency');
    expect(r.body.error.details).toMatchObject({ code: BIRTH, version: 1, fields: ['time', 'agencies'] });
    expect(r.body.error.details.issues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['time_from_text', 'agency_from_level']));
  });

  it('an entry read with every field high is publishable without review', async () => {
    expect((await publish('pleiku.quantri', '2.000908')).status).toBe(201);
  });
});

describe('review → new version → publish', () => {
  it('only a province admin reviews; the unit admin and the inspector get 403', async () => {
    for (const who of ['pleiku.quantri', 'tinh.thanhtra']) expect((await as[who]!.post(`/api/procedures/${BIRTH}/review`, { version: 1 })).status).toBe(403);
    expect((await anon.post(`/api/procedures/${BIRTH}/review`, { version: 1 })).status).toBe(401);
  });

  it('a stale version is 409 PROCEDURE_VERSION_CONFLICT; an invalid correction 400 naming the path; nothing stored', async () => {
    const stale = await as['tinh.quantri']!.post(`/api/procedures/${BIRTH}/review`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'PROCEDURE_VERSION_CONFLICT', details: { current: 1 } });
    const cur = (await anon.get(`/api/procedures/${BIRTH}`)).body.record;
    const badLimit = cur.channels.map((c: object) => ({ ...c, limit: { amount: 1.5, unit: 'days' } }));
    const bad = await as['tinh.quantri']!.post(`/api/procedures/${BIRTH}/review`, { version: 1, corrections: { channels: badLimit } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('PROCEDURE_REVIEW_INVALID');
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: 'channels[0].limit', code: 'limit_invalid' });
    const noCount = await as['tinh.quantri']!.post(`/api/procedures/${BIRTH}/review`, { version: 1, corrections: { components: [{ ...cur.components[0], originalCount: 0, copyCount: 0 }] } });
    expect(noCount.status).toBe(400);
    expect(noCount.body.error.details.errors[0]).toMatchObject({ path: 'components[0]', code: 'component_counts' });
    expect((await anon.get(`/api/procedures/${BIRTH}`)).body.version).toBe(1);
  });

  it('confirming as read: version 2, reviewed, nothing corrected, the source text and version 1 unchanged', async () => {
    const v1 = (await anon.get(`/api/procedures/${BIRTH}`)).body;
    const r = await as['tinh.quantri']!.post(`/api/procedures/${BIRTH}/review`, { version: 1, note: 'Xác nhận thời hạn trong ngày' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: BIRTH, version: 2, reviewState: 'reviewed' });
    expect(r.body.record.review).toMatchObject({ reviewerName: 'Đỗ Văn Khánh', corrected: [], note: 'Xác nhận thời hạn trong ngày', reviewedAt: clock.now().toISOString() });
    expect(r.body.record.channels).toEqual(v1.record.channels);
    const source = (await as['tinh.quantri']!.get(`/api/procedures/${BIRTH}/versions/1`)).body.record.text;
    expect(source.methods).toBe(index.find((e) => e.code === BIRTH)!.text.methods!.trim());
    expect((await as['tinh.quantri']!.get(`/api/procedures/${BIRTH}/versions/2`)).body.record.text).toEqual(source);

    const versions = await as['pleiku.quantri']!.get(`/api/procedures/${BIRTH}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number; origin: string; reviewState: string }) => [v.version, v.origin, v.reviewState])).toEqual([[1, 'import_index', 'pending'], [2, 'review', 'reviewed']]);
    const first = await as['pleiku.quantri']!.get(`/api/procedures/${BIRTH}/versions/1`);
    expect(first.body.record.review).toBeNull();
    expect((await as['pleiku.motcua']!.get(`/api/procedures/${BIRTH}/versions`)).status).toBe(403);
    expect((await as['pleiku.quantri']!.get(`/api/procedures/${BIRTH}/versions/9`)).status).toBe(404);
  });

  it('versions are append-only in the database', async () => {
    const fail = (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => String((e as { cause?: unknown }).cause ?? e));
    expect(await fail(env.ctx.db.execute(sql`update procedure_versions set note = 'x'`))).toMatch(/APPEND_ONLY/);
    expect(await fail(env.ctx.db.execute(sql`delete from procedure_versions`))).toMatch(/APPEND_ONLY/);
  });

  it('publishing the reviewed record works; intake gets the same-day appointment read from its text', async () => {
    expect((await publish('pleiku.quantri', BIRTH)).status).toBe(201);
    const d = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: agencyId[PLEIKU], procedureCode: BIRTH, channel: 'desk', applicant: { fullName: 'Nguyễn Thị Mai', idNumber: '052190001111' } });
    expect(d.status).toBe(201);
    expect(new Date(d.body.dueAt).toISOString()).toBe(new Date('2026-03-02T17:00:00+07:00').toISOString());
  });

  it('a correction is recorded as such: the time of certification of copies set by the reviewer', async () => {
    const cur = (await anon.get(`/api/procedures/${COPY}`)).body;
    const channels = cur.record.channels.map((c: { fees: { amountVnd: number }[] }) => ({ ...c, limit: { amount: 0, unit: 'same_day' }, stages: [], fees: c.fees.filter((f) => f.amountVnd > 0) }));
    const r = await as['tinh.quantri']!.post(`/api/procedures/${COPY}/review`, { version: cur.version, corrections: { channels }, note: 'Nghị định 23/2015/NĐ-CP, Điều 7' });
    expect(r.status).toBe(200);
    expect(r.body.record.review.corrected).toEqual(['time', 'fees']);
    expect(r.body.record.channels[0]).toMatchObject({ limit: { amount: 0, unit: 'same_day' }, limitSource: 'review' });
    expect(r.body.record.parse.confidence.time).toBe('low'); // what the parser read is kept beside the decision
    expect((await publish('pleiku.quantri', COPY)).status).toBe(201);
  });

  it('a re-import of the index never replaces a reviewed version', async () => {
    await env.ctx.services.catalog.importPublicIndex(index.filter((e) => e.code === BIRTH));
    const after = (await anon.get(`/api/procedures/${BIRTH}`)).body;
    expect(after).toMatchObject({ version: 2, reviewState: 'reviewed' });
  });
});

describe('the demo ward catalog and search', () => {
  it('Phường Pleiku publishes the reviewed ward procedures (marriage: the same day, up to 5 working days with checks)', async () => {
    const codes = WARD_REVIEWS.map((w) => w.code);
    const out = await seedWardCatalog(env.ctx, agencyId[PLEIKU]!, { importIndexCodes: codes });
    expect(out.reviewed.length).toBeGreaterThan(5);
    const pubs = (await anon.get(`/api/agencies/${agencyId[PLEIKU]}/publications`)).body.items.map((i: { procedure: { code: string } }) => i.procedure.code);
    for (const code of codes) expect(pubs, code).toContain(code);
    const marriage = (await anon.get('/api/procedures/1.000894')).body;
    expect(marriage.reviewState).toBe('reviewed');
    for (const c of marriage.record.channels) {
      expect(c.limit).toEqual({ amount: 0, unit: 'same_day' });
      expect(c.conditionalLimits).toEqual([{ condition: 'Trường hợp cần xác minh điều kiện kết hôn', limit: { amount: 5, unit: 'working_days' } }]);
    }
    // Notes of the national record are notes, not checklist items.
    expect(marriage.record.components.some((c: { name: string }) => c.name.startsWith('+ Người tiếp nhận'))).toBe(false);
    expect(marriage.record.notes.some((n: { text: string }) => n.text.startsWith('+ Người tiếp nhận'))).toBe(true);
  });

  it('"dang ky khai sinh" finds the ward\'s birth registration first, among what Pleiku publishes', async () => {
    const r = await anon.get(`/api/public/procedures?q=${encodeURIComponent('dang ky khai sinh')}&agencyId=${agencyId[PLEIKU]}`);
    expect(r.status).toBe(200);
    expect(r.body.items[0].code).toBe(BIRTH);
    const staff = await anon.get(`/api/procedures?q=${encodeURIComponent('dang ky khai sinh')}`);
    expect(staff.body.items.map((i: { code: string }) => i.code)).toContain(BIRTH);
  });
});

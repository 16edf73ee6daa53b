/** The procedure catalog, publications and internal workflows over real HTTP on a real database. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { SEED_DIR } from '../../seed/demo.ts';
import { workflows } from '../../platform/db/schema.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const as: Record<string, ApiClient> = {};
let anon: ApiClient;
const agencyId: Record<string, string> = {};
const PLEIKU = '000.01.00.H21';
const TEXT_ONLY_CODE = '1.000005'; // first entry of the public index; no structured record in data/seed
const NO_METHODS_CODE = '1.007689'; // an index entry whose page has no readable methods table

type IndexEntry = { code: string; name: string; levels: string[]; text: { methods: string } };
let index: IndexEntry[];

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  for (const u of ['pleiku.quantri', 'sonnmt.quantri', 'tinh.quantri', 'pleiku.motcua', 'tinh.thanhtra']) as[u] = await new ApiClient(http.base).login(u);
  const list = await anon.get('/api/agencies?limit=1000');
  for (const a of list.body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
  index = (JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'procedure-index-2026.json'), 'utf8')) as { procedures: IndexEntry[] }).procedures;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

const codes = (r: { body: { items: { code: string }[] } }) => r.body.items.map((p) => p.code);
const nationalRecord = (code: string) => JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'national-procedures', `${code}.json`), 'utf8')) as unknown;

// The 26 structured records of data/seed/national-procedures, by level.
const COMMUNE = ['1.000894', '1.001612', '1.001714', '1.003440', '1.003702', '1.008004', '1.010038', '1.010039', '1.012538', '1.012694', '1.012817', '1.014336', '3.000510'];

describe('listing and searching the catalog', () => {
  it('lists the 26 structured national records, ordered by code, without signing in', async () => {
    const r = await anon.get('/api/procedures?limit=200');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(26);
    expect(r.body.next).toBeNull();
    expect(codes(r)).toEqual([...codes(r)].sort());
    expect(r.body.items.every((p: { structured: boolean; source: string }) => p.structured)).toBe(true);
  });

  it('searches by folded text: "tach ho" finds Tách hộ (1.010038), as does "TÁCH HỘ"', async () => {
    for (const q of ['tach ho', 'TÁCH HỘ', 'Tách hộ']) {
      const r = await anon.get(`/api/procedures?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(codes(r), q).toContain('1.010038');
      const tachHo = r.body.items.find((p: { code: string }) => p.code === '1.010038');
      expect(tachHo).toMatchObject({ name: 'Tách hộ', levels: ['commune'], structured: true, fieldName: 'Đăng ký, quản lý cư trú', ministry: 'Bộ Công an' });
    }
    // Every word must match.
    expect(codes(await anon.get(`/api/procedures?q=${encodeURIComponent('tach ho kinh doanh')}`))).toEqual([]);
  });

  it('looks a procedure up by its exact code', async () => {
    const r = await anon.get('/api/procedures?q=1.010038');
    expect(codes(r)).toEqual(['1.010038']);
  });

  it('filters by level, field and structured', async () => {
    const commune = await anon.get('/api/procedures?level=commune&limit=200');
    expect(codes(commune)).toEqual(COMMUNE);
    const province = await anon.get('/api/procedures?level=province&limit=200');
    expect(codes(province)).toHaveLength(14);
    expect(codes(province)).toEqual(expect.arrayContaining(['1.001456', '1.001714', '3.000333']));
    expect(codes(province)).not.toContain('1.010038');
    const field = await anon.get(`/api/procedures?field=${encodeURIComponent('Đăng ký, quản lý cư trú')}`);
    expect(codes(field)).toEqual(['1.010038', '1.010039']);
    expect((await anon.get('/api/procedures?structured=false')).body.items).toEqual([]);
    expect((await anon.get('/api/procedures?level=district')).status).toBe(400);
    expect((await anon.get('/api/procedures?structured=yes')).status).toBe(400);
  });

  it('keyset pagination by code: next → after, no overlap, null at the end', async () => {
    const all = codes(await anon.get('/api/procedures?limit=200'));
    const seen: string[] = [];
    let after: string | null = null;
    const sizes: number[] = [];
    do {
      const r: { status: number; body: { items: { code: string }[]; next: string | null } } = await anon.get(`/api/procedures?limit=10${after ? `&after=${after}` : ''}`);
      expect(r.status).toBe(200);
      sizes.push(r.body.items.length);
      seen.push(...codes(r));
      after = r.body.next;
      if (after) expect(after).toBe(seen[seen.length - 1]);
    } while (after);
    expect(sizes).toEqual([10, 10, 6]);
    expect(seen).toEqual(all);
  });
});

describe('procedure detail', () => {
  it('returns the full structured record', async () => {
    const r = await anon.get('/api/procedures/1.010038');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: '1.010038', name: 'Tách hộ', structured: true, levels: ['commune'], version: expect.any(Number) });
    expect(r.body.record.code).toBe('1.010038');
    expect(r.body.record.structured).toBe(true);
    expect(r.body.record.channels.length).toBeGreaterThan(0);
    expect(r.body.record.channels.some((c: { limit: { amount: number; unit: string } | null }) => c.limit?.amount === 5 && c.limit.unit === 'working_days')).toBe(true);
    expect(r.body.record.components.length).toBeGreaterThan(0);
  });

  it('an unknown code is 404 with the code in the message', async () => {
    const r = await anon.get('/api/procedures/9.999999');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    expect(r.body.error.message).toContain('9.999999');
  });
});

describe('importing records', () => {
  it('a public-index entry is structured from its page text, waits for review, and is searchable', async () => {
    const entry = index.find((e) => e.code === TEXT_ONLY_CODE)!;
    expect(await env.ctx.services.catalog.importPublicIndex([entry])).toBe(1);
    const r = await anon.get(`/api/procedures/${TEXT_ONLY_CODE}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: TEXT_ONLY_CODE, structured: true, source: 'public_index', levels: ['commune'], reviewState: 'pending' });
    expect(r.body.record.channels.length).toBeGreaterThan(0);
    expect(r.body.record.parse.confidence).toMatchObject({ time: 'low', fees: 'low' });
    // The source text is kept with the version; the current record (read at intake) leaves it out.
    expect(r.body.record.text).toBeNull();
    const v1 = await as['tinh.quantri']!.get(`/api/procedures/${TEXT_ONLY_CODE}/versions/1`);
    expect(v1.body.record.text.methods).toBe(entry.text.methods.trim());
    expect(codes(await anon.get(`/api/procedures?q=${encodeURIComponent('hai quan duong ong')}`))).toEqual([TEXT_ONLY_CODE]);
    // An entry whose page has no readable methods table stays unstructured.
    await env.ctx.services.catalog.importPublicIndex([index.find((e) => e.code === NO_METHODS_CODE)!]);
    expect(codes(await anon.get('/api/procedures?structured=false'))).toEqual([NO_METHODS_CODE]);
  });

  it('a text-only entry never downgrades a structured record of the same code', async () => {
    const entry = index.find((e) => e.code === '1.010038')!;
    const before = await anon.get('/api/procedures/1.010038');
    await env.ctx.services.catalog.importPublicIndex([entry]);
    const after = await anon.get('/api/procedures/1.010038');
    expect(after.body.structured).toBe(true);
    expect(after.body.version).toBe(before.body.version);
  });

  it('POST /api/procedures/import: a province admin re-imports a national record (version + 1)', async () => {
    const before = await anon.get('/api/procedures/1.008004');
    const r = await as['tinh.quantri']!.post('/api/procedures/import', { records: [nationalRecord('1.008004')] });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: ['1.008004'] });
    const after = await anon.get('/api/procedures/1.008004');
    expect(after.body.version).toBe(before.body.version + 1);
    expect(after.body.structured).toBe(true);
  });

  it('import is for province admins only: unit admin, desk officer, inspector 403; anonymous 401', async () => {
    const body = { records: [nationalRecord('1.008004')] };
    expect((await as['pleiku.quantri']!.post('/api/procedures/import', body)).status).toBe(403);
    expect((await as['pleiku.motcua']!.post('/api/procedures/import', body)).status).toBe(403);
    expect((await as['tinh.thanhtra']!.post('/api/procedures/import', body)).status).toBe(403);
    expect((await anon.post('/api/procedures/import', body)).status).toBe(401);
  });

  it('an empty list is 400; a malformed record is 400 VALIDATION_FAILED naming the bad field', async () => {
    expect((await as['tinh.quantri']!.post('/api/procedures/import', { records: [] })).status).toBe(400);
    const r = await as['tinh.quantri']!.post('/api/procedures/import', { records: [{ hello: 'world' }] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details).toMatchObject({ index: 0, path: expect.any(String), reason: expect.any(String) });
  });
});

describe('publications', () => {
  let pubId: string;

  it('lists what an agency publishes (the 13 commune-level records for a demo commune)', async () => {
    const r = await anon.get(`/api/agencies/${agencyId[PLEIKU]}/publications`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { procedure: { code: string } }) => i.procedure.code)).toEqual(COMMUNE);
    expect(r.body.items.every((i: { publication: { active: boolean; agencyId: string; currentWorkflowId: string } }) => i.publication.active && i.publication.agencyId === agencyId[PLEIKU] && i.publication.currentWorkflowId)).toBe(true);
  });

  it('a unit admin of another agency gets 403; non-admins 403; anonymous 401', async () => {
    const body = { procedureCode: '1.001456', decisionNo: '123/QĐ-UBND' };
    const r = await as['sonnmt.quantri']!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, body);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
    expect((await as['pleiku.motcua']!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, body)).status).toBe(403);
    expect((await anon.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, body)).status).toBe(401);
  });

  it('the unit admin publishes a procedure: 201 with a version-1 default workflow fitting 8 working days', async () => {
    const r = await as['pleiku.quantri']!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, { procedureCode: '1.001456', decisionNo: '123/QĐ-UBND' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ agencyId: agencyId[PLEIKU], active: true, decisionNo: '123/QĐ-UBND', currentWorkflowId: expect.any(String) });
    pubId = r.body.id;
    const wf = await anon.get(`/api/publications/${pubId}/workflow`);
    expect(wf.status).toBe(200);
    expect(wf.body).toMatchObject({ id: r.body.currentWorkflowId, publicationId: pubId, version: 1, channel: 'desk', legalLimit: { amount: 8, unit: 'working_days' }, agencyOrder: 'sequential' });
    // 16 half-days: desk 1, assign 1, approve 1, return 1, the specialist the remaining 12.
    expect(wf.body.steps.map((s: { allotmentHalfDays: number }) => s.allotmentHalfDays)).toEqual([1, 1, 12, 1, 1]);
    expect(wf.body.steps.map((s: { role: string }) => s.role)).toEqual(['desk_officer', 'leader', 'specialist', 'leader', 'desk_officer']);
  });

  it('publishing the same procedure twice is 409 ALREADY_EXISTS', async () => {
    const r = await as['pleiku.quantri']!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, { procedureCode: '1.001456' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ALREADY_EXISTS');
    // A province admin may publish for the commune, but the duplicate rule still holds.
    expect((await as['tinh.quantri']!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, { procedureCode: '1.010038' })).status).toBe(409);
  });

  it('publishing an unstructured index entry is 422 PROCEDURE_NOT_STRUCTURED; an unreviewed low-confidence one 422 PROCEDURE_NOT_REVIEWED', async () => {
    const r = await as['pleiku.quantri']!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, { procedureCode: NO_METHODS_CODE });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PROCEDURE_NOT_STRUCTURED');
    expect(r.body.error.message).toContain('công bố');
    const low = await as['pleiku.quantri']!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, { procedureCode: TEXT_ONLY_CODE });
    expect(low.status).toBe(422);
    expect(low.body.error.code).toBe('PROCEDURE_NOT_REVIEWED');
    expect(low.body.error.details.fields).toEqual(['time', 'fees']);
  });

  it('an unknown procedure or agency is 404', async () => {
    expect((await as['pleiku.quantri']!.post(`/api/agencies/${agencyId[PLEIKU]}/publications`, { procedureCode: '9.999999' })).status).toBe(404);
    expect((await as['tinh.quantri']!.post(`/api/agencies/${crypto.randomUUID()}/publications`, { procedureCode: '1.001456' })).status).toBe(404);
  });
});

describe('internal workflows', () => {
  let pubId: string;
  const step = (order: number, role: string, allotmentHalfDays: number, name = `Bước ${order}`) => ({ order, name, role, departmentHint: null, allotmentHalfDays, agency: null, parallelGroup: null });

  beforeAll(async () => {
    const r = await anon.get(`/api/agencies/${agencyId[PLEIKU]}/publications`);
    pubId = r.body.items.find((i: { procedure: { code: string } }) => i.procedure.code === '1.010038').publication.id;
  });

  it('GET returns the workflow in force: Tách hộ, 5 working days = 10 half-days', async () => {
    const r = await anon.get(`/api/publications/${pubId}/workflow`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ publicationId: pubId, version: 1, channel: 'desk', legalLimit: { amount: 5, unit: 'working_days' } });
    expect(r.body.steps.map((s: { allotmentHalfDays: number }) => s.allotmentHalfDays)).toEqual([1, 1, 6, 1, 1]);
    expect((await anon.get(`/api/publications/${crypto.randomUUID()}/workflow`)).status).toBe(404);
  });

  it('PUT a valid workflow: a new version, earlier versions kept', async () => {
    const steps = [step(1, 'desk_officer', 1, 'Tiếp nhận'), step(2, 'specialist', 6, 'Thẩm định'), step(3, 'leader', 2, 'Phê duyệt'), step(4, 'desk_officer', 1, 'Trả kết quả')];
    const r = await as['pleiku.quantri']!.put(`/api/publications/${pubId}/workflow`, { steps });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ publicationId: pubId, version: 2, channel: 'desk', legalLimit: { amount: 5, unit: 'working_days' }, agencyOrder: 'sequential' });
    expect(r.body.steps).toEqual(steps);
    const current = await anon.get(`/api/publications/${pubId}/workflow`);
    expect(current.body.version).toBe(2);
    expect(current.body.id).toBe(r.body.id);
    const pubs = await anon.get(`/api/agencies/${agencyId[PLEIKU]}/publications`);
    expect(pubs.body.items.find((i: { publication: { id: string } }) => i.publication.id === pubId).publication.currentWorkflowId).toBe(r.body.id);

    // A province admin may edit too: version 3; parallel steps count once.
    const parallel = [step(1, 'desk_officer', 1), { ...step(2, 'specialist', 6), parallelGroup: 1 }, { ...step(3, 'specialist', 6), parallelGroup: 1 }, step(4, 'leader', 2), step(5, 'desk_officer', 1)];
    const v3 = await as['tinh.quantri']!.put(`/api/publications/${pubId}/workflow`, { steps: parallel, agencyOrder: 'parallel' });
    expect(v3.status).toBe(200);
    expect(v3.body.version).toBe(3);
    expect(v3.body.agencyOrder).toBe('parallel');

    const history = await env.ctx.db.select().from(workflows).where(eq(workflows.publicationId, pubId)).orderBy(asc(workflows.version));
    expect(history.map((w) => w.version)).toEqual([1, 2, 3]);
    expect((history[0]!.steps as { allotmentHalfDays: number }[]).map((s) => s.allotmentHalfDays)).toEqual([1, 1, 6, 1, 1]);
    expect(history[1]!.steps).toEqual(steps);
  });

  it('PUT exceeding the legal time is 422 WORKFLOW_INVALID; the version in force is unchanged', async () => {
    const r = await as['pleiku.quantri']!.put(`/api/publications/${pubId}/workflow`, { steps: [step(1, 'desk_officer', 1), step(2, 'specialist', 8), step(3, 'leader', 2)] });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('WORKFLOW_INVALID');
    expect(r.body.error.details.errors.map((e: { code: string }) => e.code)).toEqual(['WORKFLOW_EXCEEDS_LEGAL_TIME']);
    expect(r.body.error.details.errors[0].details).toMatchObject({ totalHalfDays: 11, legalHalfDays: 10 });
    expect((await anon.get(`/api/publications/${pubId}/workflow`)).body.version).toBe(3);
  });

  it('PUT with gaps in the step order or half-half-days is 422; with an unknown role 400', async () => {
    const badOrder = await as['pleiku.quantri']!.put(`/api/publications/${pubId}/workflow`, { steps: [step(1, 'desk_officer', 1), step(3, 'specialist', 4)] });
    expect(badOrder.status).toBe(422);
    expect(badOrder.body.error.details.errors[0].code).toBe('WORKFLOW_BAD_ORDER');
    const fraction = await as['pleiku.quantri']!.put(`/api/publications/${pubId}/workflow`, { steps: [step(1, 'desk_officer', 1), step(2, 'specialist', 1.5)] });
    expect(fraction.status).toBe(422);
    expect(fraction.body.error.details.errors[0].code).toBe('WORKFLOW_BAD_ALLOTMENT');
    expect((await as['pleiku.quantri']!.put(`/api/publications/${pubId}/workflow`, { steps: [step(1, 'inspector', 1)] })).status).toBe(400);
    expect((await as['pleiku.quantri']!.put(`/api/publications/${pubId}/workflow`, { steps: [] })).status).toBe(400);
  });

  it('PUT by an admin of another agency or a non-admin is 403; anonymous 401', async () => {
    const body = { steps: [step(1, 'desk_officer', 1), step(2, 'specialist', 4)] };
    expect((await as['sonnmt.quantri']!.put(`/api/publications/${pubId}/workflow`, body)).status).toBe(403);
    expect((await as['pleiku.motcua']!.put(`/api/publications/${pubId}/workflow`, body)).status).toBe(403);
    expect((await anon.put(`/api/publications/${pubId}/workflow`, body)).status).toBe(401);
    expect((await as['pleiku.quantri']!.put(`/api/publications/${crypto.randomUUID()}/workflow`, body)).status).toBe(404);
    expect((await anon.get(`/api/publications/${pubId}/workflow`)).body.version).toBe(3);
  });
});

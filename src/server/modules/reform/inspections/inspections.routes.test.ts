/**
 * Reform inspections over real HTTP on a real database: plan validation (422 PLAN_INVALID in Vietnamese), scoping,
 * offline sync applied / replay / conflict between two team members, photos exactly once (also after a restart on the
 * same database), finish refused while the checklist is incomplete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const c = {} as Record<'anon' | 'sonvLeader' | 'sonvAdmin' | 'inspector' | 'outsider' | 'pleikuLeader', ApiClient>;
const agency: Record<string, string> = {};
const uid: Record<string, string> = {};
const P = '/api/reform';
let planId: string;
let visitId: string;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

function photoForm(cl: ApiClient, fields: Record<string, string>, file: Buffer, mime = 'image/png') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file], { type: mime }), 'anh.png');
  return fetch(`${cl.base}${P}/inspection-visits/${visitId}/photos`, { method: "POST", headers: { authorization: `Bearer ${cl.token}` }, body: form }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
}

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  c.anon = new ApiClient(http.base);
  const users = { sonvLeader: 'sonv.lanhdao', sonvAdmin: 'sonv.quantri', inspector: 'tinh.thanhtra', outsider: 'pleiku.chuyenvien', pleikuLeader: 'pleiku.lanhdao' } as const;
  for (const [k, u] of Object.entries(users)) {
    c[k as keyof typeof users] = await new ApiClient(http.base).login(u);
    uid[k] = (await c[k as keyof typeof users].get('/api/auth/me')).body.userId;
  }
  for (const a of (await c.anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agency[a.code] = a.id;
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

const SONV = () => agency['000.00.09.H21']!;
const PLEIKU = () => agency['000.01.00.H21']!;
const DIENHONG = () => agency['000.02.00.H21']!;

describe('plans', () => {
  it('refuses an unsound plan with Vietnamese problems, creates and approves a sound one', async () => {
    const templates = await c.sonvLeader.get(`${P}/inspection-templates`);
    expect(templates.status).toBe(200);
    const templateId = templates.body.items[0].id as string;
    const bad = await c.sonvLeader.post(`${P}/inspection-plans`, {
      year: 2026, kind: 'province', title: 'Kế hoạch kiểm tra CCHC năm 2026', ownerAgencyId: SONV(), templateId,
      visits: [{ agencyId: PLEIKU(), scheduledOn: '2027-01-05', surprise: false }],
      team: [{ staffId: uid.inspector, agencyId: SONV(), role: 'member' }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('PLAN_INVALID');
    const codes = (bad.body.error.details.problems as { code: string; message: string }[]).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['date_outside_year', 'leader_count']));
    expect(bad.body.error.details.problems[0].message).toMatch(/[ắăâđêôơư]/);

    const ok = await c.sonvLeader.post(`${P}/inspection-plans`, {
      year: 2026, kind: 'province', title: 'Kế hoạch kiểm tra CCHC năm 2026', ownerAgencyId: SONV(), templateId,
      visits: [{ agencyId: PLEIKU(), scheduledOn: '2026-04-10', surprise: false }, { agencyId: DIENHONG(), scheduledOn: null, surprise: true }],
      team: [{ staffId: uid.inspector, agencyId: SONV(), role: 'leader' }, { staffId: uid.sonvAdmin, agencyId: SONV(), role: 'member' }],
    });
    expect(ok.status).toBe(201);
    planId = ok.body.id;
    expect(ok.body.visits).toHaveLength(2);
    expect(ok.body.team.map((t: { role: string }) => t.role).sort()).toEqual(['leader', 'member']);
    expect((await c.sonvLeader.post(`${P}/inspection-plans/${planId}/approve`, { version: ok.body.version + 1 })).status).toBe(409);
    const ap = await c.sonvLeader.post(`${P}/inspection-plans/${planId}/approve`, { version: ok.body.version });
    expect(ap.status).toBe(200);
    expect(ap.body.status).toBe('approved');
    expect((await c.sonvLeader.req('PATCH', `${P}/inspection-plans/${planId}`, { version: ap.body.version, title: 'x' })).status).toBe(409);
    visitId = ap.body.visits.find((v: { agency: { id: string } }) => v.agency.id === PLEIKU()).id;
  });
});

describe('visits', () => {
  it('is scoped: a non-team officer and the unit (before done) do not see it', async () => {
    expect((await c.outsider.get(`${P}/inspection-visits/${visitId}`)).status).toBe(404);
    expect((await c.pleikuLeader.get(`${P}/inspection-visits/${visitId}`)).status).toBe(404);
    expect((await c.pleikuLeader.get(`${P}/inspection-visits`)).body.items).toHaveLength(0);
    expect((await c.inspector.get(`${P}/inspection-visits?year=2026`)).body.items.length).toBe(2);
    const v = await c.sonvAdmin.get(`${P}/inspection-visits/${visitId}`);
    expect(v.status).toBe(200);
    expect(v.body.me.role).toBe('member');
    expect(v.body.items.length).toBeGreaterThan(0);
  });

  it('syncs: applied, replay unchanged, conflict between two members; photos exactly once; finish needs every item', async () => {
    const v0 = (await c.inspector.get(`${P}/inspection-visits/${visitId}`)).body;
    const sync = (cl: ApiClient, changes: unknown[]) => cl.post(`${P}/inspection-visits/${visitId}/sync`, { changes });
    expect((await sync(c.inspector, [{ clientChangeId: randomUUID(), itemCode: v0.items[0].code, baseVersion: 1, result: 'meets', note: '' }])).body.error.code).toBe('INSPECTION_VISIT_STATE');
    const st = await c.inspector.post(`${P}/inspection-visits/${visitId}/start`, { version: v0.version });
    expect(st.status).toBe(200);
    expect(st.body.status).toBe('in_progress');
    expect((await sync(c.outsider, [{ clientChangeId: randomUUID(), itemCode: v0.items[0].code, baseVersion: 1, result: 'meets', note: '' }])).status).toBe(404);

    const code = v0.items[0].code as string;
    const a = { clientChangeId: randomUUID(), itemCode: code, baseVersion: v0.items[0].version, result: 'partly', note: 'Thiếu niêm yết' };
    const r1 = await sync(c.inspector, [a]);
    expect(r1.status).toBe(200);
    expect(r1.body.results[0]).toMatchObject({ outcome: 'applied', item: { result: 'partly', version: v0.items[0].version + 1 } });
    const r2 = await sync(c.inspector, [a]);
    expect(r2.body.results[0]).toMatchObject({ outcome: 'unchanged', reason: 'replay' });
    const b = { clientChangeId: randomUUID(), itemCode: code, baseVersion: v0.items[0].version, result: 'meets', note: '' };
    const r3 = await sync(c.sonvAdmin, [b]);
    expect(r3.body.results[0]).toMatchObject({ outcome: 'conflict', item: { result: 'partly' }, mine: { result: 'meets', note: '' } });

    const fin = await c.inspector.post(`${P}/inspection-visits/${visitId}/finish`, { version: st.body.version });
    expect(fin.status).toBe(422);
    expect(fin.body.error.code).toBe('CHECKLIST_INCOMPLETE');
    expect(fin.body.error.details.codes).not.toContain(code);

    const photoId = randomUUID();
    const p1 = await photoForm(c.sonvAdmin, { clientPhotoId: photoId, itemCode: code }, PNG);
    expect(p1.status).toBe(201);
    const p2 = await photoForm(c.sonvAdmin, { clientPhotoId: photoId, itemCode: code }, PNG);
    expect(p2.status).toBe(200);
    expect(p2.body.photo.id).toBe(p1.body.photo.id);
    expect((await photoForm(c.sonvAdmin, { clientPhotoId: randomUUID(), itemCode: code }, Buffer.from('not an image at all'), 'image/png')).status).toBe(415);
    expect((await photoForm(c.sonvAdmin, { clientPhotoId: 'nope', itemCode: code }, PNG)).status).toBe(400);
    // a restart: a new app instance on the same database still recognises the photo and the change
    const http2 = await startHttp(env);
    try {
      const again = await new ApiClient(http2.base).login('sonv.quantri');
      const p3 = await photoForm(again, { clientPhotoId: photoId, itemCode: code }, PNG);
      expect(p3.status).toBe(200);
      expect(p3.body.photo.id).toBe(p1.body.photo.id);
      expect((await again.post(`${P}/inspection-visits/${visitId}/sync`, { changes: [a] })).body.results[0].reason).toBe('replay');
    } finally {
      await http2.close();
    }
    const img = await fetch(`${http.base}${p1.body.photo.url}`, { headers: { authorization: `Bearer ${c.inspector.token}` } });
    expect(img.status).toBe(200);
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${http.base}${p1.body.photo.url}`, { headers: { authorization: `Bearer ${c.outsider.token}` } })).status).toBe(404);

    // fill everything, then the leader finishes; the unit now sees its own done visit
    const cur = (await c.inspector.get(`${P}/inspection-visits/${visitId}`)).body;
    const rest = cur.items.filter((i: { result: string | null }) => i.result === null).map((i: { code: string; version: number }) => ({ clientChangeId: randomUUID(), itemCode: i.code, baseVersion: i.version, result: 'meets', note: '' }));
    expect((await sync(c.sonvAdmin, rest)).body.results.every((r: { outcome: string }) => r.outcome === 'applied')).toBe(true);
    expect((await c.sonvAdmin.post(`${P}/inspection-visits/${visitId}/finish`, { version: cur.version })).status).toBe(403);
    const done = await c.inspector.post(`${P}/inspection-visits/${visitId}/finish`, { version: cur.version });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect((await c.pleikuLeader.get(`${P}/inspection-visits/${visitId}`)).status).toBe(200);
    expect((await c.pleikuLeader.get(`${P}/inspection-visits`)).body.items.map((x: { id: string }) => x.id)).toEqual([visitId]);
  });
});

/**
 * The edge: every bad request gets a precise answer in the product's error shape (Vietnamese message first), never a
 * 500 — photo too large 413, wrong type 415, stale versions 409 VERSION_CONFLICT, bad bodies 400 VALIDATION_FAILED
 * (malformed JSON, non-UUIDs, more than 200 changes), an unknown item 400 INSPECTION_ITEM_NOT_FOUND — and nothing moves.
 */
describe('edge', () => {
  const HOIPHU = () => agency['000.03.00.H21']!;
  let draft: { id: string; version: number };
  let live: { id: string; version: number; code: string; itemVersion: number };
  const vi = /[àáảãạăâđèéêìíòóôơùúưýỳộởữệẫ]/i;
  const jsonRaw = (cl: ApiClient, method: string, url: string, body: string) =>
    fetch(`${cl.base}${url}`, { method, headers: { authorization: `Bearer ${cl.token}`, 'content-type': 'application/json' }, body }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  const upload = (cl: ApiClient, fields: Record<string, string>, file: Buffer, name = 'anh.jpg', mime = 'image/jpeg') => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([file], { type: mime }), name);
    return fetch(`${cl.base}${P}/inspection-visits/${live.id}/photos`, { method: 'POST', headers: { authorization: `Bearer ${cl.token}` }, body: form }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  };
  const bad = (r: { status: number; body: any }, status: number, code: string) => {
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(vi);
  };

  beforeAll(async () => {
    const templateId = (await c.sonvLeader.get(`${P}/inspection-templates`)).body.items[0].id as string;
    const team = [{ staffId: uid.inspector, agencyId: SONV(), role: 'leader' }, { staffId: uid.sonvAdmin, agencyId: SONV(), role: 'member' }];
    const a = await c.sonvLeader.post(`${P}/inspection-plans`, { year: 2026, kind: 'province', title: 'Kế hoạch kiểm tra Hội Phú', ownerAgencyId: SONV(), templateId, visits: [{ agencyId: HOIPHU(), scheduledOn: '2026-05-10', surprise: false }], team });
    expect(a.status).toBe(201);
    const ap = await c.sonvLeader.post(`${P}/inspection-plans/${a.body.id}/approve`, { version: a.body.version });
    const v = ap.body.visits[0];
    const st = await c.inspector.post(`${P}/inspection-visits/${v.id}/start`, { version: v.version });
    expect(st.status).toBe(200);
    live = { id: v.id, version: st.body.version, code: st.body.items[0].code, itemVersion: st.body.items[0].version };
    const d = await c.sonvLeader.post(`${P}/inspection-plans`, { year: 2026, kind: 'province', title: 'Kế hoạch dự thảo', ownerAgencyId: SONV(), templateId, visits: [{ agencyId: HOIPHU(), scheduledOn: '2026-06-10', surprise: false }], team });
    draft = { id: d.body.id, version: d.body.version };
  });

  it('a photo over 10 MB is 413 and one that is not JPEG/PNG/WebP 415 (by its bytes, whatever it claims); nothing stored', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(big);
    bad(await upload(c.inspector, { clientPhotoId: randomUUID(), itemCode: live.code }, big), 413, 'FILE_TOO_LARGE');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const r = await upload(c.inspector, { clientPhotoId: randomUUID(), itemCode: live.code }, gif, 'anh.jpg', 'image/jpeg');
    bad(r, 415, 'INSPECTION_PHOTO_TYPE');
    bad(await upload(c.inspector, { clientPhotoId: randomUUID(), itemCode: live.code }, Buffer.from('%PDF-1.4\n%%EOF'), 'anh.png', 'image/png'), 415, 'INSPECTION_PHOTO_TYPE');
    bad(await upload(c.inspector, { clientPhotoId: randomUUID(), itemCode: 'KHONG-CO' }, PNG, 'anh.png', 'image/png'), 400, 'INSPECTION_ITEM_NOT_FOUND');
    bad(await upload(c.inspector, { clientPhotoId: randomUUID(), itemCode: live.code, takenAt: 'hôm qua' }, PNG, 'anh.png', 'image/png'), 400, 'VALIDATION_FAILED');
    expect((await c.inspector.get(`${P}/inspection-visits/${live.id}`)).body.photos).toHaveLength(0);
  });

  it('stale versions are 409 VERSION_CONFLICT on plan patch and approve, visit start and finish', async () => {
    bad(await c.sonvLeader.req('PATCH', `${P}/inspection-plans/${draft.id}`, { version: draft.version + 1, title: 'Tên mới' }), 409, 'VERSION_CONFLICT');
    bad(await c.sonvLeader.post(`${P}/inspection-plans/${draft.id}/approve`, { version: draft.version + 1 }), 409, 'VERSION_CONFLICT');
    const planned = (await c.sonvLeader.get(`${P}/inspection-plans/${draft.id}`)).body;
    expect(planned).toMatchObject({ status: 'draft', version: draft.version, title: 'Kế hoạch dự thảo' });
    // a visit of another approved plan, still planned
    const other = (await c.inspector.get(`${P}/inspection-plans/${planId}`)).body.visits.find((v: { status: string }) => v.status === 'planned');
    bad(await c.inspector.post(`${P}/inspection-visits/${other.id}/start`, { version: other.version + 3 }), 409, 'VERSION_CONFLICT');
    // finish: fill every item, then a stale version
    const cur = (await c.inspector.get(`${P}/inspection-visits/${live.id}`)).body;
    const changes = cur.items.map((i: { code: string; version: number }) => ({ clientChangeId: randomUUID(), itemCode: i.code, baseVersion: i.version, result: 'meets', note: '' }));
    expect((await c.inspector.post(`${P}/inspection-visits/${live.id}/sync`, { changes })).status).toBe(200);
    bad(await c.inspector.post(`${P}/inspection-visits/${live.id}/finish`, { version: live.version + 1 }), 409, 'VERSION_CONFLICT');
    expect((await c.inspector.get(`${P}/inspection-visits/${live.id}`)).body.status).toBe('in_progress');
  });

  it('bad bodies and parameters are 400 with Vietnamese messages, never 500', async () => {
    bad(await jsonRaw(c.inspector, 'POST', `${P}/inspection-visits/${live.id}/sync`, '{"changes": [{'), 400, 'VALIDATION_FAILED');
    bad(await jsonRaw(c.sonvLeader, 'PATCH', `${P}/inspection-plans/${draft.id}`, 'not json'), 400, 'VALIDATION_FAILED');
    bad(await c.inspector.get(`${P}/inspection-visits/khong-phai-uuid`), 400, 'VALIDATION_FAILED');
    bad(await c.inspector.get(`${P}/inspection-plans/123`), 400, 'VALIDATION_FAILED');
    bad(await c.inspector.get(`${P}/inspection-visits?year=abc`), 400, 'VALIDATION_FAILED');
    const change = (over: Record<string, unknown> = {}) => ({ clientChangeId: randomUUID(), itemCode: live.code, baseVersion: 0, result: 'meets', note: '', ...over });
    const tooMany = await c.inspector.post(`${P}/inspection-visits/${live.id}/sync`, { changes: Array.from({ length: 201 }, () => change()) });
    bad(tooMany, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(tooMany.body.error.details.issues)).toContain('tối đa 200 thay đổi');
    const wrongId = await c.inspector.post(`${P}/inspection-visits/${live.id}/sync`, { changes: [change({ clientChangeId: 'abc' })] });
    bad(wrongId, 400, 'VALIDATION_FAILED');
    expect(wrongId.body.error.details.issues[0].message).toMatch(/UUID/);
    bad(await c.inspector.post(`${P}/inspection-visits/${live.id}/sync`, { changes: [] }), 400, 'VALIDATION_FAILED');
    bad(await c.inspector.post(`${P}/inspection-visits/${live.id}/sync`, { changes: [change({ result: 'good' })] }), 400, 'VALIDATION_FAILED');
    const unknown = await c.inspector.post(`${P}/inspection-visits/${live.id}/sync`, { changes: [change({ itemCode: '99.9' })] });
    bad(unknown, 400, 'INSPECTION_ITEM_NOT_FOUND');
    expect(unknown.body.error.message).toContain('99.9');
    bad(await c.inspector.post(`${P}/inspection-visits/${live.id}/start`, {}), 400, 'VALIDATION_FAILED');
    bad(await c.inspector.post(`${P}/inspection-visits/${live.id}/finish`, { version: 'một' }), 400, 'VALIDATION_FAILED');
    bad(await c.sonvLeader.post(`${P}/inspection-plans`, { year: 2026, kind: 'province', title: 'x', ownerAgencyId: SONV(), templateId: 'khong-co', visits: [], team: [] }), 400, 'INSPECTION_TEMPLATE_NOT_FOUND');
    bad(await c.sonvLeader.post(`${P}/inspection-plans`, { year: 2026, kind: 'province', title: 'x', ownerAgencyId: 'x', templateId: 'x', visits: [{ agencyId: HOIPHU(), scheduledOn: '2026-02-30', surprise: false }], team: [] }), 400, 'VALIDATION_FAILED');
    // a state that forbids: start an in-progress visit, or a visit of a plan not yet approved
    bad(await c.inspector.post(`${P}/inspection-visits/${live.id}/start`, { version: live.version }), 409, 'INSPECTION_VISIT_STATE');
    const draftVisit = (await c.inspector.get(`${P}/inspection-plans/${draft.id}`)).body.visits[0];
    bad(await c.inspector.post(`${P}/inspection-visits/${draftVisit.id}/start`, { version: draftVisit.version }), 409, 'INSPECTION_PLAN_STATE');
    expect((await c.inspector.get(`${P}/inspection-visits/${draftVisit.id}`)).body.status).toBe('planned');
  });
});

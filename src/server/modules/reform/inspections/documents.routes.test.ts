/**
 * Inspection minutes and conclusion notice over real HTTP on a real database (PGlite, or PostgreSQL with
 * DATABASE_URL). The plan, visit, team and checklist are created through the repository (their routes belong to
 * another module). The draft is generated from the findings; edits are versioned (409 stale); only the leader issues,
 * only a done visit, minutes before conclusion; the issued PDF (read back with pdftotext) has the motto, number and no
 * watermark; the conclusion creates one remediation task per recommendation; history entries are appended.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../../test/support/harness.ts';
import { COMMUNE_CHECKLIST_2025 } from '../../../../core/reform/inspections/index.ts';
import { remediationStatusFor } from '../remediation/index.ts';
import * as repo from './inspections.repository.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-10-20T09:00:00+07:00'));
const c = {} as Record<'leader' | 'member' | 'outsider', ApiClient>;
const user: Record<string, string> = {};
const agency: Record<string, string> = {};
let visitId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'insp-docs-'));
const D = () => `/api/reform/inspection-visits/${visitId}/documents`;

async function pdfText(client: ApiClient, url: string, name: string): Promise<string> {
  const res = await fetch(http.base + url, { headers: { authorization: `Bearer ${client.token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/pdf');
  const file = path.join(tmp, name);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC').replace(/\s+/g, ' ');
}

async function makeVisit(agencyId: string, status: string): Promise<string> {
  const now = clock.now();
  const plan = await repo.insertPlan(env.ctx.db, { year: 2026, kind: 'province', title: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2026', ownerAgencyId: agency['000.00.09.H21']!, templateId: COMMUNE_CHECKLIST_2025.id, status: 'approved', createdAt: now, updatedAt: now });
  const [v] = await repo.insertVisits(env.ctx.db, [{ planId: plan.id, agencyId, position: 1, scheduledOn: '2026-10-20', status, createdAt: now, updatedAt: now }]);
  await repo.insertTeam(env.ctx.db, [
    { planId: plan.id, userId: user['sonv.lanhdao']!, agencyId: agency['000.00.09.H21']!, role: 'leader', createdAt: now },
    { planId: plan.id, userId: user['tinh.thanhtra']!, agencyId: agency['000.00.09.H21']!, role: 'member', createdAt: now },
  ]);
  await repo.insertItems(env.ctx.db, COMMUNE_CHECKLIST_2025.items.map((it, i) => ({ visitId: v!.id, code: it.code, position: i, result: i === 1 ? 'does_not_meet' : i === 3 ? 'partly' : 'meets', note: i === 1 ? 'Chưa ban hành kế hoạch tuyên truyền' : '' })));
  return v!.id;
}

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  const users = { leader: 'sonv.lanhdao', member: 'tinh.thanhtra', outsider: 'sonv.quantri' } as const;
  for (const [k, u] of Object.entries(users)) c[k as keyof typeof users] = await new ApiClient(http.base).login(u);
  for (const a of (await c.leader.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agency[a.code] = a.id;
  const rows = (await env.ctx.db.execute(sql`select id, username from users`)) as unknown as { rows: { id: string; username: string }[] };
  for (const r of rows.rows) user[r.username] = r.id;
  visitId = await makeVisit(agency['000.02.00.H21']!, 'in_progress');
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('inspection documents', () => {
  it('generates the draft from the findings, scoped to the team', async () => {
    const m = await c.member.get(`${D()}/minutes`);
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ kind: 'minutes', status: 'draft', version: 1, number: null, symbol: 'BB-SNV', place: 'Gia Lai' });
    expect(m.body.findings.map((f: { itemCode: string }) => f.itemCode)).toEqual([COMMUNE_CHECKLIST_2025.items[1]!.code, COMMUNE_CHECKLIST_2025.items[3]!.code]);
    expect((await c.member.get(`${D()}/minutes`)).body.version).toBe(1);
    expect((await c.outsider.get(`${D()}/minutes`)).status).toBe(404);
    expect((await c.member.get(`${D()}/other`)).status).toBe(400);
    const cn = await c.member.get(`${D()}/conclusion`);
    expect(cn.body.recommendations).toHaveLength(2);
    expect(cn.body.recommendations[0]).toMatchObject({ ownerAgencyId: agency['000.02.00.H21'], deadline: null });
  });

  it('edits the draft with versions; bad input 400', async () => {
    const e = await c.member.put(`${D()}/minutes`, { version: 1, subject: 'V/v kiểm tra công tác cải cách hành chính năm 2026' });
    expect(e.status).toBe(200);
    expect(e.body.version).toBe(2);
    const stale = await c.leader.put(`${D()}/minutes`, { version: 1, subject: 'x' });
    expect(stale.status).toBe(409);
    expect((await c.member.put(`${D()}/conclusion`, { version: 1, recommendations: [{ ownerAgencyId: 'x', content: '', deadline: '20/10/2026' }] })).status).toBe(400);
    const unknownOwner = await c.member.put(`${D()}/conclusion`, { version: 1, recommendations: [{ ownerAgencyId: '00000000-0000-4000-8000-000000000000', content: 'Khắc phục', deadline: null }] });
    expect(unknownOwner.status).toBe(404);
  });

  it('draft PDF carries the motto and the watermark', async () => {
    const t = await pdfText(c.member, `${D()}/minutes.pdf`, 'draft.pdf');
    expect(t).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(t).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(t).toContain('DỰ THẢO');
    expect(t).toContain('BIÊN BẢN KIỂM TRA');
    expect(t).toContain('Gia Lai, ngày 20 tháng 10 năm 2026');
  });

  it('issue: leader only, visit done, minutes before conclusion', async () => {
    const cv = (await c.leader.get(`${D()}/conclusion`)).body.version;
    expect((await c.leader.post(`${D()}/minutes/issue`, { version: 2 })).body.error.code).toBe('INSPECTION_VISIT_STATE');
    const v = (await repo.findVisit(env.ctx.db, visitId))!;
    await repo.updateVisitIfVersion(env.ctx.db, visitId, v.version, { status: 'done', doneAt: clock.now() }, clock.now());
    expect((await c.member.post(`${D()}/minutes/issue`, { version: 2 })).status).toBe(403);
    const first = await c.leader.post(`${D()}/conclusion/issue`, { version: cv });
    expect(first.status).toBe(422);
    expect(first.body.error.code).toBe('INSPECTION_MINUTES_FIRST');
    expect((await c.leader.post(`${D()}/minutes/issue`, { version: 1 })).status).toBe(409);
    const ok = await c.leader.post(`${D()}/minutes/issue`, { version: 2 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'issued', number: expect.any(Number), symbol: 'BB-SNV' });
    const put = await c.leader.put(`${D()}/minutes`, { version: ok.body.version, subject: 'V/v khác' });
    expect(put.body.error.code).toBe('INSPECTION_DOCUMENT_STATE');
    const t = await pdfText(c.leader, `${D()}/minutes.pdf`, 'issued.pdf');
    expect(t).toContain(`Số: ${String(ok.body.number).padStart(2, '0')}/BB-SNV`);
    expect(t).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(t).not.toContain('DỰ THẢO');
    expect(t).toContain('Không đạt');
  });

  it('issuing the conclusion creates one remediation task per recommendation (default deadline 15 days)', async () => {
    const cur = (await c.leader.get(`${D()}/conclusion`)).body;
    const r = await c.leader.post(`${D()}/conclusion/issue`, { version: cur.version });
    expect(r.status).toBe(200);
    expect(r.body.symbol).toBe('TB-SNV');
    const tasks = await remediationStatusFor(env.ctx.db, visitId, '2026-10-20');
    expect(tasks.map((t) => t.recommendationId).sort()).toEqual(cur.recommendations.map((x: { id: string }) => x.id).sort());
    expect(tasks.every((t) => t.deadline === '2026-11-04' && !t.overdue)).toBe(true);
    const t = await pdfText(c.leader, `${D()}/conclusion.pdf`, 'conclusion.pdf');
    expect(t).toContain(`/TB-SNV`);
    expect(t).toContain('THÔNG BÁO KẾT LUẬN KIỂM TRA');
    expect(t).not.toContain('DỰ THẢO');
    const h = (await env.ctx.db.execute(sql`select action from audit_log where entity = 'inspection_document' order by at, action`)) as unknown as { rows: { action: string }[] };
    const actions = h.rows.map((x) => x.action);
    for (const a of ['inspection.document.create', 'inspection.document.edit', 'inspection.document.issue']) expect(actions).toContain(a);
  });
});

/**
 * Readers outside the team and the edge: the province's reform officer reads drafts and issued documents but cannot
 * edit or issue (403); the inspected unit reads only issued ones (a draft answers 404 like none); another unit 404.
 * Stale versions 409 VERSION_CONFLICT on edit and issue; conclusion before minutes 422 INSPECTION_MINUTES_FIRST; bad
 * bodies 400 with Vietnamese messages, never 500.
 */
describe('inspection documents: readers and edge', () => {
  let vid: string;
  const r = {} as Record<'province' | 'unit' | 'otherUnit', ApiClient>;
  const U = () => `/api/reform/inspection-visits/${vid}/documents`;
  const vi = /[àáảãạăâđèéêìíòóôơùúưýỳộởữệẫ]/i;
  const bad = (x: { status: number; body: any }, status: number, code: string) => {
    expect(x.status, JSON.stringify(x.body).slice(0, 300)).toBe(status);
    expect(x.body.error.code).toBe(code);
    expect(x.body.error.message).toMatch(vi);
  };
  beforeAll(async () => {
    vid = await makeVisit(agency['000.01.00.H21']!, 'done');
    r.province = await new ApiClient(http.base).login('tinh.caicach');
    r.unit = await new ApiClient(http.base).login('pleiku.lanhdao');
    r.otherUnit = await new ApiClient(http.base).login('dienhong.lanhdao');
  });

  it('before issue: the province reads the draft (not before the team made it), the unit and other units do not', async () => {
    bad(await r.province.get(`${U()}/minutes`), 404, 'NOT_FOUND');
    const m = await c.leader.get(`${U()}/minutes`);
    expect(m.status).toBe(200);
    expect((await r.province.get(`${U()}/minutes`)).body).toMatchObject({ status: 'draft', version: m.body.version });
    expect((await fetch(`${http.base}${U()}/minutes.pdf`, { headers: { authorization: `Bearer ${r.province.token}` } })).status).toBe(200);
    bad(await r.unit.get(`${U()}/minutes`), 404, 'NOT_FOUND');
    expect((await fetch(`${http.base}${U()}/minutes.pdf`, { headers: { authorization: `Bearer ${r.unit.token}` } })).status).toBe(404);
    bad(await r.otherUnit.get(`${U()}/minutes`), 404, 'INSPECTION_VISIT_NOT_FOUND');
    bad(await r.province.put(`${U()}/minutes`, { version: m.body.version, subject: 'Sửa' }), 403, 'FORBIDDEN');
    bad(await r.province.post(`${U()}/minutes/issue`, { version: m.body.version }), 403, 'ROLE_NOT_ALLOWED');
    bad(await r.unit.post(`${U()}/minutes/issue`, { version: m.body.version }), 403, 'ROLE_NOT_ALLOWED');
    expect((await c.leader.get(`${U()}/minutes`)).body).toMatchObject({ status: 'draft', version: m.body.version });
    // the province's read created nothing: the conclusion has no draft yet
    bad(await r.province.get(`${U()}/conclusion`), 404, 'NOT_FOUND');
  });

  it('stale versions 409, conclusion first 422, bad bodies 400; then issued the unit reads both', async () => {
    const m = (await c.member.get(`${U()}/minutes`)).body;
    bad(await c.member.put(`${U()}/minutes`, { version: m.version + 1, subject: 'Cũ' }), 409, 'VERSION_CONFLICT');
    const cn = (await c.leader.get(`${U()}/conclusion`)).body;
    bad(await c.leader.post(`${U()}/conclusion/issue`, { version: cn.version }), 422, 'INSPECTION_MINUTES_FIRST');
    bad(await c.leader.post(`${U()}/minutes/issue`, { version: m.version + 1 }), 409, 'VERSION_CONFLICT');
    const raw = await fetch(`${http.base}${U()}/minutes`, { method: 'PUT', headers: { authorization: `Bearer ${c.member.token}`, 'content-type': 'application/json' }, body: '{"version": 1, "subject": ' });
    bad({ status: raw.status, body: await raw.json() }, 400, 'VALIDATION_FAILED');
    bad(await c.member.get('/api/reform/inspection-visits/abc/documents/minutes'), 400, 'VALIDATION_FAILED');
    bad(await c.member.put(`${U()}/minutes`, { subject: 'Thiếu phiên bản' }), 400, 'VALIDATION_FAILED');
    bad(await c.member.post(`${U()}/minutes/issue`, { version: 0 }), 400, 'VALIDATION_FAILED');
    const many = await c.member.put(`${U()}/minutes`, { version: m.version, sections: Array.from({ length: 31 }, (_, i) => ({ key: `s${i}`, heading: 'Mục', body: '' })) });
    bad(many, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(many.body.error.details.issues)).toContain('Tối đa 30 mục');
    const badRec = await c.member.put(`${U()}/conclusion`, { version: cn.version, recommendations: [{ ownerAgencyId: 'pleiku', content: 'Khắc phục', deadline: null }] });
    bad(badRec, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(badRec.body.error.details.issues)).toContain('Mã đơn vị thực hiện không hợp lệ');
    expect((await c.member.get(`${U()}/minutes`)).body.version).toBe(m.version);

    expect((await c.leader.post(`${U()}/minutes/issue`, { version: m.version })).status).toBe(200);
    expect((await c.leader.post(`${U()}/conclusion/issue`, { version: cn.version })).status).toBe(200);
    for (const kind of ['minutes', 'conclusion']) {
      expect((await r.unit.get(`${U()}/${kind}`)).body.status).toBe('issued');
      const pdf = await fetch(`${http.base}${U()}/${kind}.pdf`, { headers: { authorization: `Bearer ${r.unit.token}` } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
    }
    bad(await r.unit.put(`${U()}/minutes`, { version: 9, subject: 'x' }), 403, 'FORBIDDEN');
    bad(await r.otherUnit.get(`${U()}/conclusion`), 404, 'INSPECTION_VISIT_NOT_FOUND');
  });
});

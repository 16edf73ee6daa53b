/**
 * Periodic reform reports over real HTTP on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * the Q1 2026 draft of Phường Pleiku with figures from the service index over the cut-off 15/12/2025–14/03/2026,
 * editing with optimistic concurrency, refresh (untouched sections re-drafted, edited ones kept), submission by the
 * leader, withdrawal before the deadline only, DOCX (unzipped) and PDF (pdftotext) documents, the province
 * overview flagging units without a report as late only after 20/03/2026, scope (another commune gets 404) and the
 * audit trail.
 */
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { auditLog } from '../../platform/db/schema.ts';
import { resolvePeriod } from '../../../core/service-index/period.ts';
import { SECTION_HEADINGS, reportSchedule } from '../../../core/reform/index.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const as: Record<string, ApiClient> = {};
const agencyId: Record<string, string> = {};
const PROVINCE = '000.00.00.H21';
const PLEIKU = '000.01.00.H21';
const DIENHONG = '000.02.00.H21';
const HOIPHU = '000.03.00.H21';
const SONNMT = '000.00.10.H21';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-reform-'));

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  for (const u of ['pleiku.motcua', 'pleiku.lanhdao', 'pleiku.quantri', 'dienhong.motcua', 'tinh.caicach', 'tinh.quantri', 'sonnmt.lanhdao']) as[u] = await new ApiClient(http.base).login(u);
  for (const a of (await as['tinh.quantri']!.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function intake(name: string) {
  const r = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: agencyId[PLEIKU], procedureCode: '1.010038', channel: 'desk', applicant: { fullName: name } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string };
}

async function fetchBin(user: string, url: string) {
  const res = await fetch(http.base + url, { headers: { authorization: `Bearer ${as[user]!.token}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function auditOf(id: string) {
  return env.ctx.db.select().from(auditLog).where(and(eq(auditLog.entity, 'reform_report'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));
}

/** The figures the service index gives for Pleiku over the Q1 2026 cut-off right now (independent of the report). */
async function indexFigures() {
  const s = reportSchedule('q1', 2026);
  const d = await env.ctx.services.monitoring.dashboardFor(agencyId[PLEIKU]!, resolvePeriod({ kind: 'custom', from: s.cutoff.from, to: s.cutoff.to }));
  return d;
}

describe('the Q1 2026 report of Phường Pleiku', () => {
  let id: string;
  let version: number;

  it('drafts the report with figures from the service index over 15/12/2025–14/03/2026', async () => {
    await intake('Nguyễn Văn An');
    await intake('Trần Thị Bình');
    const expected = await indexFigures();
    expect(expected.figures.received).toBeGreaterThanOrEqual(2);

    const r = await as['pleiku.lanhdao']!.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2026, kind: 'q1' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const b = r.body;
    id = b.id;
    version = b.version;
    expect(b).toMatchObject({ year: 2026, kind: 'q1', status: 'draft', version: 1, standing: 'draft', late: false, deadline: '2026-03-20', cutoff: { from: '2025-12-15', to: '2026-03-14' } });
    expect(b.agency.code).toBe(PLEIKU);
    expect(b.title).toBe('BÁO CÁO Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    expect(b.figures.computedAt).toBe('2026-03-02T09:00:00+07:00');
    expect(b.figures.dossiers.received).toBe(expected.figures.received);
    expect(b.figures.dossiers.finished).toBe(expected.figures.finished);
    expect(b.figures.index.total).toBe(expected.result.total);
    expect(b.figures.index.groups.map((g: { code: string }) => g.code)).toEqual(expected.result.groups.map((g) => g.code));
    expect(b.sections.map((s: { heading: string }) => s.heading)).toEqual(Object.values(SECTION_HEADINGS));
    expect(b.sections[0].body).toContain(`tiếp nhận ${expected.figures.received} hồ sơ`);
    expect(b.sections[0].body).toContain('từ ngày 15/12/2025 đến ngày 14/03/2026');
    // The reform part comes from the reform modules (no inspection, task or PAR round for the ward in this fixture).
    expect(b.figures.reform).toMatchObject({ year: 2026, par: null, inspections: { done: 0, planned: 0, findings: 0 }, remediation: { total: 0, overdue: 0 }, documents: { numerator: 0, denominator: 0, rate: null } }); // no document registered at the ward in this fixture
    expect(b.sections[0].body).toContain('Công tác kiểm tra cải cách hành chính năm 2026: đơn vị chưa được kiểm tra');
    expect(b.can).toEqual({ edit: true, refresh: true, submit: true, withdraw: false });
    expect(b.createdBy.name).toBe('Lê Quang Hưng');

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['reform.report.create']);
    expect(audit[0]!.data).toMatchObject({ year: 2026, kind: 'q1', version: 1 });
  });

  it('one report per unit, year and kind: a second one is 409', async () => {
    const again = await as['tinh.caicach']!.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2026, kind: 'q1' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REPORT_EXISTS');
    expect(again.body.error.message).toBe('Đơn vị đã có báo cáo quý I năm 2026.');
    expect(again.body.error.details.id).toBe(id);
  });

  it('who may draft: a desk officer may read but not write; a period that has not started is refused', async () => {
    const desk = await as['pleiku.motcua']!.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2026, kind: 'half' });
    expect(desk.status).toBe(403);
    expect(desk.body.error.code).toBe('ROLE_NOT_ALLOWED');
    expect((await as['pleiku.motcua']!.get(`/api/reform/reports/${id}`)).status).toBe(200);
    const q3 = await as['pleiku.lanhdao']!.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2026, kind: 'q3' });
    expect(q3.status).toBe(422);
    expect(q3.body.error.code).toBe('REPORT_PERIOD_NOT_STARTED');
    expect(q3.body.error.message).toContain('15/06/2026');
    const bad = await as['pleiku.lanhdao']!.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2026, kind: 'q2' });
    expect(bad.status).toBe(400);
  });

  it('edits sections with optimistic concurrency; a stale version is 409 VERSION_CONFLICT', async () => {
    const text = '1. Ban hành Kế hoạch cải cách hành chính năm 2026 của phường.\n2. Tổ chức tuyên truyền tại Bộ phận Một cửa.';
    const r = await as['pleiku.quantri']!.put(`/api/reform/reports/${id}`, { version, sections: [{ key: 'proposals', body: 'Đề nghị bổ sung máy quét tài liệu.' }, { key: 'shortcomings', heading: 'II. Tồn tại, hạn chế và nguyên nhân', body: text }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.version).toBe(version + 1);
    const byKey = Object.fromEntries(r.body.sections.map((s: { key: string }) => [s.key, s]));
    expect(byKey.proposals).toEqual({ key: 'proposals', heading: SECTION_HEADINGS.proposals, body: 'Đề nghị bổ sung máy quét tài liệu.' });
    expect(byKey.shortcomings).toEqual({ key: 'shortcomings', heading: 'II. Tồn tại, hạn chế và nguyên nhân', body: text });

    const stale = await as['pleiku.lanhdao']!.put(`/api/reform/reports/${id}`, { version, sections: [{ key: 'proposals', body: 'Bản cũ' }] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.currentVersion).toBe(version + 1);
    version = r.body.version;

    const unknown = await as['pleiku.lanhdao']!.put(`/api/reform/reports/${id}`, { version, sections: [{ key: 'appendix', body: 'x' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.unknownSections).toEqual(['appendix']);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['reform.report.create', 'reform.report.edit']);
    expect(audit[1]!.data).toMatchObject({ version, sections: ['proposals', 'shortcomings'] });
  });

  it('refresh recomputes the figures: untouched sections are re-drafted, edited ones kept', async () => {
    const before = (await as['pleiku.lanhdao']!.get(`/api/reform/reports/${id}`)).body;
    clock.set('2026-03-05T10:00:00+07:00');
    await intake('Lê Văn Cường');
    const expected = await indexFigures();
    expect(expected.figures.received).toBe(before.figures.dossiers.received + 1);
    const stale = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${id}/refresh`, { version: version - 1 });
    expect(stale.status).toBe(409);
    const r = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${id}/refresh`, { version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    version = r.body.version;
    expect(r.body.figures.computedAt).toBe('2026-03-05T10:00:00+07:00');
    expect(r.body.figures.dossiers.received).toBe(expected.figures.received);
    const byKey = Object.fromEntries(r.body.sections.map((s: { key: string; body: string }) => [s.key, s.body]));
    expect(byKey.results).toContain(`tiếp nhận ${expected.figures.received} hồ sơ`);
    expect(byKey.proposals).toBe('Đề nghị bổ sung máy quét tài liệu.');
    const audit = await auditOf(id);
    expect(audit.at(-1)!.action).toBe('reform.report.refresh');
    expect(audit.at(-1)!.data).toMatchObject({ version, redrafted: ['results'], after: { received: expected.figures.received } });
  });

  it('submitted by the leader (not by the desk officer or the reform officer); then read-only', async () => {
    clock.set('2026-03-16T08:30:00+07:00');
    for (const u of ['pleiku.motcua', 'tinh.caicach']) {
      const no = await as[u]!.post(`/api/reform/reports/${id}/submit`, { version });
      expect(no.status).toBe(403);
      expect(no.body.error.code).toBe('ROLE_NOT_ALLOWED');
    }
    const r = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${id}/submit`, { version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    version = r.body.version;
    expect(r.body).toMatchObject({ status: 'submitted', submittedAt: '2026-03-16T08:30:00+07:00', standing: 'submitted_on_time', late: false, submittedBy: { name: 'Lê Quang Hưng' } });
    expect(r.body.can).toEqual({ edit: false, refresh: false, submit: false, withdraw: true });
    const edit = await as['pleiku.lanhdao']!.put(`/api/reform/reports/${id}`, { version, sections: [{ key: 'proposals', body: 'Sửa sau khi gửi' }] });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('REPORT_NOT_DRAFT');
    const refresh = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${id}/refresh`, { version });
    expect(refresh.body.error.code).toBe('REPORT_NOT_DRAFT');
  });

  it('withdrawn before the deadline, and submitted again', async () => {
    const w = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${id}/withdraw`, { version });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body).toMatchObject({ status: 'draft', submittedAt: null, submittedBy: null });
    version = w.body.version;
    const again = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${id}/withdraw`, { version });
    expect(again.body.error.code).toBe('REPORT_NOT_SUBMITTED');
    clock.set('2026-03-18T15:00:00+07:00');
    const s = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${id}/submit`, { version });
    expect(s.status).toBe(200);
    version = s.body.version;
    expect(s.body.submittedAt).toBe('2026-03-18T15:00:00+07:00');
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action).slice(-3)).toEqual(['reform.report.submit', 'reform.report.withdraw', 'reform.report.submit']);
  });

  it('DOCX: a zip (PK) whose document holds the header, the title and the section headings', async () => {
    const r = await fetchBin('pleiku.motcua', `/api/reform/reports/${id}/document.docx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers.get('content-disposition')).toContain('bao-cao-cchc-quy-I-2026-000.01.00.H21.docx');
    expect(r.body.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(r.body);
    const xml = (await zip.file('word/document.xml')!.async('string')).normalize('NFC');
    for (const h of ['II. Tồn tại, hạn chế và nguyên nhân', SECTION_HEADINGS.results, SECTION_HEADINGS.plans, SECTION_HEADINGS.proposals]) expect(xml).toContain(h);
    expect(xml).toContain('ỦY BAN NHÂN DÂN PHƯỜNG PLEIKU');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    expect(xml).toContain('Gia Lai, ngày 18 tháng 03 năm 2026');
    expect(xml).toContain('Lê Quang Hưng');
    expect(xml).not.toContain('DỰ THẢO');
    // Addressed to the province's Department of Home Affairs, which compiles the units' reports.
    expect(xml).toContain('Kính gửi: Sở Nội vụ tỉnh Gia Lai');
    expect(xml).toContain('- Sở Nội vụ tỉnh Gia Lai (để tổng hợp);');
  });

  it('PDF: pdftotext reads the Vietnamese headings with their diacritics', async () => {
    const r = await fetchBin('pleiku.lanhdao', `/api/reform/reports/${id}/document.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(tmp, 'report.pdf');
    fs.writeFileSync(file, r.body);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain(SECTION_HEADINGS.results);
    expect(text).toContain('II. Tồn tại, hạn chế và nguyên nhân');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Phụ lục: Số liệu tổng hợp');
    expect(text).toContain('Đề nghị bổ sung máy quét tài liệu.');
    // Set in the official serif (Liberation Serif: Times New Roman metrics), embedded.
    const fonts = execFileSync('pdffonts', [file]).toString('utf8').trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?\s.*\byes\s+yes\s+yes\b/);
  });

  it('scope: another commune’s officer gets 404 exactly like an unknown id, and does not list it', async () => {
    const other = await as['dienhong.motcua']!.get(`/api/reform/reports/${id}`);
    const none = await as['dienhong.motcua']!.get(`/api/reform/reports/${crypto.randomUUID()}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('REPORT_NOT_FOUND');
    expect(other.body).toEqual(none.body);
    expect((await fetchBin('dienhong.motcua', `/api/reform/reports/${id}/document.pdf`)).status).toBe(404);
    expect((await as['dienhong.motcua']!.post(`/api/reform/reports/${id}/submit`, { version })).status).toBe(404);
    const list = await as['dienhong.motcua']!.get('/api/reform/reports?year=2026');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    const create = await as['dienhong.motcua']!.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2026, kind: 'half' });
    expect(create.status).toBe(404);
    const province = await as['tinh.caicach']!.get('/api/reform/reports?year=2026&kind=q1');
    expect(province.body.items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await new ApiClient(http.base).get('/api/reform/reports')).status).toBe(401);
  });
});

describe('the province overview flags late units', () => {
  let hoiphuDraft: string;

  it('before the end of 20/03/2026 nobody is late', async () => {
    clock.set('2026-03-19T09:00:00+07:00');
    const d = await as['tinh.caicach']!.post('/api/reform/reports', { agencyId: agencyId[HOIPHU], year: 2026, kind: 'q1' });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    hoiphuDraft = d.body.id;

    clock.set('2026-03-20T23:59:00+07:00');
    const r = await as['tinh.caicach']!.get(`/api/reform/overview?year=2026&kind=q1&agencyId=${agencyId[PROVINCE]}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ deadline: '2026-03-20', lateFrom: '2026-03-21T00:00:00+07:00', cutoff: { from: '2025-12-15', to: '2026-03-14' } });
    const row = (code: string) => r.body.rows.find((x: { agency: { code: string } }) => x.agency.code === code);
    expect(row(PLEIKU)).toMatchObject({ standing: 'submitted_on_time', late: false, report: { status: 'submitted' } });
    expect(row(DIENHONG)).toMatchObject({ standing: 'not_started', late: false, report: null });
    expect(row(HOIPHU)).toMatchObject({ standing: 'draft', late: false });
    expect(row(SONNMT)).toMatchObject({ standing: 'not_started', late: false });
    expect(row(PROVINCE)).toBeUndefined();
    expect(r.body.summary.late).toBe(0);
    expect(r.body.summary.units).toBe(r.body.rows.length);
  });

  it('from 00:00 on 21/03/2026 units without a submitted report are late', async () => {
    clock.set('2026-03-21T00:00:01+07:00');
    const r = await as['tinh.caicach']!.get(`/api/reform/overview?year=2026&kind=q1&agencyId=${agencyId[PROVINCE]}`);
    const row = (code: string) => r.body.rows.find((x: { agency: { code: string } }) => x.agency.code === code);
    expect(row(DIENHONG)).toMatchObject({ standing: 'not_started', late: true, daysLate: 1, standingLabel: { vi: 'Chưa có báo cáo' } });
    expect(row(HOIPHU)).toMatchObject({ standing: 'draft', late: true });
    expect(row(PLEIKU)).toMatchObject({ standing: 'submitted_on_time', late: false });
    const unsubmitted = r.body.rows.filter((x: { standing: string }) => x.standing === 'not_started' || x.standing === 'draft').length;
    expect(r.body.summary.late).toBe(unsubmitted);
    expect(r.body.summary.submittedOnTime).toBe(1);
    // The list carries the same flag.
    const list = await as['tinh.caicach']!.get('/api/reform/reports?year=2026&kind=q1');
    const items = Object.fromEntries(list.body.items.map((x: { id: string }) => [x.id, x]));
    expect(items[hoiphuDraft]).toMatchObject({ late: true, standing: 'draft' });
  });

  it('after the deadline a submitted report can no longer be withdrawn; a report sent late stays late', async () => {
    const pleiku = (await as['pleiku.lanhdao']!.get(`/api/reform/reports?year=2026&kind=q1&agencyId=${agencyId[PLEIKU]}`)).body.items[0];
    const w = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${pleiku.id}/withdraw`, { version: pleiku.version });
    expect(w.status).toBe(409);
    expect(w.body.error.code).toBe('REPORT_WITHDRAW_CLOSED');
    expect(w.body.error.message).toContain('20/03/2026');

    clock.set('2026-03-23T08:00:00+07:00');
    const late = await as['pleiku.lanhdao']!.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2026, kind: 'half' });
    expect(late.status).toBe(201);
    // The half-year report is due 20/06: still on time now.
    expect(late.body).toMatchObject({ deadline: '2026-06-20', late: false, cutoff: { from: '2025-12-15', to: '2026-06-14' } });
    const q1of2025 = await as['pleiku.lanhdao']!.post('/api/reform/reports', { agencyId: agencyId[PLEIKU], year: 2025, kind: 'q1' });
    expect(q1of2025.status).toBe(201);
    expect(q1of2025.body.late).toBe(true);
    const sent = await as['pleiku.lanhdao']!.post(`/api/reform/reports/${q1of2025.body.id}/submit`, { version: q1of2025.body.version });
    expect(sent.body).toMatchObject({ status: 'submitted', standing: 'submitted_late', late: true });
    const audit = await auditOf(q1of2025.body.id);
    expect(audit.at(-1)!.data).toMatchObject({ late: true, deadline: '2025-03-20' });
  });
});

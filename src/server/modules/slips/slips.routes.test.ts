/**
 * Slips and the register over real HTTP on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 * A dossier goes receive → forward → assign → start → request_supplement → supply → apologize → propose →
 * approve → mark_result_ready (paper) → return_result; every slip is fetched as PDF and read back with
 * poppler's `pdftotext -layout` and `pdfinfo`, so the Vietnamese text is checked as a reader would see it.
 *
 * Set SLIPS_PDF_OUT=<dir> to keep the generated PDFs (docs/screenshots/slips is rendered from them).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, samplePdf, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock();
const as: Record<string, ApiClient> = {};
let pleikuId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-slips-'));
const keep = process.env.SLIPS_PDF_OUT ?? null;

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao', 'dienhong.motcua', 'tinh.quantri']) {
    as[u] = await new ApiClient(http.base).login(u);
  }
  const agencies = await as['pleiku.motcua']!.get('/api/agencies?limit=100');
  pleikuId = agencies.body.items.find((a: { code: string }) => a.code === '000.01.00.H21').id;
});

afterAll(async () => {
  await http?.close();
  await env?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function act(user: string, id: string, action: string, input: Record<string, unknown> = {}, documents: unknown[] = []) {
  const d = await as[user]!.get(`/api/dossiers/${id}`);
  expect(d.status).toBe(200);
  const r = await as[user]!.post(`/api/dossiers/${id}/actions`, { action, version: d.body.version, input, documents });
  expect(r.body.error).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body;
}

/** GET a binary resource with the user's token. */
async function fetchBin(user: string, url: string) {
  const res = await fetch(http.base + url, { headers: { authorization: `Bearer ${as[user]!.token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) };
}

function pdfText(pdf: Buffer, name: string): { layout: string; flat: string; squashed: string } {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, pdf);
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    fs.writeFileSync(path.join(keep, name), pdf);
  }
  const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC');
  return { layout, flat: layout.replace(/\s+/g, ' '), squashed: layout.replace(/\s+/g, '') };
}

function pdfInfo(pdf: Buffer, name: string): string {
  const file = path.join(tmp, `info-${name}`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdfinfo', [file]).toString('utf8');
}

/** The embedded fonts, from `pdffonts`: every one is the official serif, embedded as a subset. */
function pdfFonts(pdf: Buffer, name: string): string[] {
  const file = path.join(tmp, `fonts-${name}`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file]).toString('utf8').trim().split('\n').slice(2); // two header lines
}

function pdfImages(pdf: Buffer, name: string): number {
  const file = path.join(tmp, `img-${name}`);
  fs.writeFileSync(file, pdf);
  const out = execFileSync('pdfimages', ['-list', file]).toString('utf8').trim().split('\n').slice(2); // two header lines
  return out.filter((l) => l.trim().split(/\s+/)[2] === 'image').length; // not the alpha masks (smask)
}

/** A5 portrait is 148 × 210 mm = 419.53 × 595.28 pt; A4 landscape 841.89 × 595.28 pt. */
const A5 = /Page size:\s+419\.53 x 595\.28 pts/;
const A4_LANDSCAPE = /Page size:\s+841\.89 x 595\.28 pts/;
const MOTTO_1 = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';
const APPLICANT = { fullName: 'Nguyễn Văn Ánh', idNumber: '052090001234', phone: '0905123456', address: 'Tổ 3, phường Pleiku, tỉnh Gia Lai' };
const MISSING = ['Bản sao giấy khai sinh của người tách hộ', 'Giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà có công chứng)'];
const APOLOGY_REASON = 'Cần xác minh thực địa tại nơi cư trú của người đề nghị tách hộ';

describe('slips of a dossier through its whole life', () => {
  let id: string;
  let code: string;
  let secret: string;

  beforeAll(async () => {
    clock.set('2026-02-12T10:00:00+07:00');
    const up1 = await as['pleiku.motcua']!.upload(samplePdf('to khai CT01'), 'to-khai-ct01.pdf');
    const up2 = await as['pleiku.motcua']!.upload(samplePdf('ly hon'), 'ly-hon.pdf');
    const r = await as['pleiku.motcua']!.post(
      '/api/dossiers',
      {
        agencyId: pleikuId,
        procedureCode: '1.010038',
        channel: 'desk',
        applicant: APPLICANT,
        fees: [{ kind: 'charge', description: 'Lệ phí đăng ký cư trú', amountVnd: 10000 }],
        documents: [
          { kind: 'input', componentCode: '000.00.00.G01-KQ003625', componentName: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', sha256: up1.body.sha256, fileName: 'to-khai-ct01.pdf' },
          { kind: 'input', componentCode: '000.00.00.G01-KQ003626', componentName: 'Giấy tờ chứng minh việc ly hôn', sha256: up2.body.sha256, fileName: 'ly-hon.pdf' },
        ],
      },
      { 'idempotency-key': 'slips-main-dossier' },
    );
    expect(r.status).toBe(201);
    id = r.body.id;
    code = r.body.code;
    secret = r.body.trackingSecret;
    expect(code).toBe('000.01.00.H21-260212-0001');
    expect(r.body.dueAtLocal).toBe('2026-02-26T17:00:00+07:00');

    clock.set('2026-02-12T10:30:00+07:00');
    await act('pleiku.motcua', id, 'forward');
    const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
    clock.set('2026-02-12T14:00:00+07:00');
    await act('pleiku.lanhdao', id, 'assign', { assigneeId: me.body.userId });
    clock.set('2026-02-13T08:00:00+07:00');
    await act('pleiku.chuyenvien', id, 'start_processing');
    clock.set('2026-02-13T09:00:00+07:00');
    await act('pleiku.chuyenvien', id, 'request_supplement', { missingItems: MISSING, note: 'Hồ sơ thiếu giấy tờ chứng minh chỗ ở' });
    clock.set('2026-02-25T10:00:00+07:00');
    const up3 = await as['pleiku.motcua']!.upload(samplePdf('giay khai sinh'), 'giay-khai-sinh.pdf');
    const supplied = await act('pleiku.motcua', id, 'supply', {}, [{ kind: 'supplement', sha256: up3.body.sha256, fileName: 'giay-khai-sinh.pdf', componentName: 'Giấy khai sinh' }]);
    expect(supplied.dueAtLocal).toBe('2026-03-04T17:00:00+07:00');
    clock.set('2026-03-02T09:00:00+07:00');
    const apol = await act('pleiku.lanhdao', id, 'apologize', { newDueAt: '2026-03-06', reasons: [APOLOGY_REASON] });
    expect(apol.dueAtLocal).toBe('2026-03-06T17:00:00+07:00');
    clock.set('2026-03-03T09:00:00+07:00');
    await act('pleiku.chuyenvien', id, 'propose');
    clock.set('2026-03-03T15:00:00+07:00');
    await act('pleiku.lanhdao', id, 'approve');
    clock.set('2026-03-04T08:30:00+07:00');
    await act('pleiku.chuyenvien', id, 'mark_result_ready', { paperResult: true });
    clock.set('2026-03-05T09:00:00+07:00');
    const ret = await act('pleiku.motcua', id, 'return_result', { returnMethod: 'desk', collectedBy: 'Nguyễn Văn Ánh' });
    expect(ret.state).toBe('returned');
  });

  it('01 receipt: A5, national motto, title, code, applicant, components, received and appointment times, fee, secret, signatures, QR', async () => {
    const r = await fetchBin('pleiku.motcua', `/api/dossiers/${id}/slips/receipt`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toContain(`inline; filename="${code}-receipt.pdf"`);
    expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfInfo(r.body, 'receipt.pdf')).toMatch(A5);
    expect(pdfInfo(r.body, 'receipt-pages.pdf')).toMatch(/Pages:\s+1\n/); // one A5 sheet, QR included
    // Set in the official serif (Liberation Serif: Times New Roman metrics), embedded.
    const fonts = pdfFonts(r.body, 'receipt.pdf');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?\s.*\byes\s+yes\s+yes\b/);
    const t = pdfText(r.body, 'receipt.pdf');
    expect(t.layout).toContain(MOTTO_1);
    expect(t.layout).toContain(MOTTO_2);
    expect(t.layout).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(t.layout).toContain('Mẫu số 01');
    expect(t.layout).toContain('ỦY BAN NHÂN DÂN TỈNH GIA LAI');
    expect(t.layout).toContain('ỦY BAN NHÂN DÂN PHƯỜNG PLEIKU');
    expect(t.layout).toContain('Số: 0001/TNHS');
    expect(t.layout).toContain('Gia Lai, ngày 12 tháng 02 năm 2026');
    expect(t.layout).toContain(`Mã hồ sơ: ${code}`);
    expect(t.flat).toContain('Ông/Bà: Nguyễn Văn Ánh');
    expect(t.flat).toContain('Số định danh cá nhân: 052090001234'); // staff copy: unmasked
    expect(t.flat).toContain('Tách hộ');
    expect(t.flat).toContain('Tờ khai thay đổi thông tin cư trú (Mẫu CT01)');
    expect(t.flat).toContain('Giấy tờ chứng minh việc ly hôn');
    expect(t.flat).toContain('Thời gian nhận hồ sơ: 12/02/2026, 10:00');
    expect(t.flat).toContain('Thời gian trả kết quả giải quyết hồ sơ: 26/02/2026, 17:00');
    expect(t.flat).toContain('05 ngày làm việc');
    expect(t.flat).toContain('10.000 đồng');
    expect(t.flat).toContain(`Mã tra cứu hồ sơ: ${secret}`);
    expect(t.flat).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(t.flat).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(t.flat).toContain('Nguyễn Thị Hoa'); // the desk officer who received it
    expect(t.squashed).toContain(`http://127.0.0.1:${env.ctx.config.port}/dich-vu-cong/tra-cuu?code=${code}&secret=${secret}`);
    expect(t.squashed).toContain(`http://127.0.0.1:${env.ctx.config.port}/danh-gia/${code}`); // the rating short link
    expect(pdfImages(r.body, 'receipt.pdf')).toBe(2); // the tracking and the rating QR codes
  });

  it('01 receipt lists every component the officer ticked, with counts, also those without a scan', async () => {
    // Another commune's desk, so the register of the main commune below keeps its rows.
    const dienhongId = (await as['dienhong.motcua']!.get('/api/auth/me')).body.assignments[0].agencyId as string;
    const up = await as['dienhong.motcua']!.upload(samplePdf('to khai CT01 b'), 'to-khai.pdf');
    const r = await as['dienhong.motcua']!.post(
      '/api/dossiers',
      {
        agencyId: dienhongId,
        procedureCode: '1.010038',
        channel: 'desk',
        applicant: APPLICANT,
        documents: [{ kind: 'input', componentCode: '000.00.00.G01-KQ003625', componentName: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', sha256: up.body.sha256, fileName: 'to-khai.pdf' }],
        input: {
          componentsReceived: [
            { code: '000.00.00.G01-KQ003625', name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', originals: 1, copies: 0 },
            { code: null, name: 'Giấy tờ chứng minh việc ly hôn', originals: 0, copies: 2 },
          ],
        },
      },
      { 'idempotency-key': 'slips-ticked-components' },
    );
    expect(r.status).toBe(201);
    const history = await as['dienhong.motcua']!.get(`/api/dossiers/${r.body.id}/history`);
    const receive = (history.body.items as { action: string; data: Record<string, unknown> }[]).find((h) => h.action === 'receive');
    expect(receive?.data.componentsReceived).toHaveLength(2); // on the record, not only on the slip
    const slip = await fetchBin('dienhong.motcua', `/api/dossiers/${r.body.id}/slips/receipt`);
    expect(slip.status).toBe(200);
    const t = pdfText(slip.body, 'receipt-ticked.pdf');
    expect(t.flat).toContain('Giấy tờ chứng minh việc ly hôn'); // not scanned, still listed
    const row = t.layout.split('\n').find((l) => l.includes('Giấy tờ chứng minh việc ly hôn')) ?? '';
    expect(row).toMatch(/\b0\s+2\s*$/);
  });

  it('the public copy masks the ID number and phone', async () => {
    const r = await fetchBin('pleiku.motcua', `/api/dossiers/${id}/slips/receipt?copy=public`);
    expect(r.status).toBe(200);
    const t = pdfText(r.body, 'receipt-public.pdf');
    expect(t.flat).toContain('Số định danh cá nhân: 052******234');
    expect(t.flat).not.toContain('052090001234');
    expect(t.flat).not.toContain('0905123456');
    expect(t.flat).toContain('Nguyễn Văn Ánh');
  });

  it('02 supplement request lists every missing item', async () => {
    const r = await fetchBin('pleiku.chuyenvien', `/api/dossiers/${id}/slips/supplement_request`);
    expect(r.status).toBe(200);
    expect(pdfInfo(r.body, 'supplement_request.pdf')).toMatch(A5);
    const t = pdfText(r.body, 'supplement_request.pdf');
    expect(t.layout).toContain(MOTTO_1);
    expect(t.layout).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(t.layout).toContain('Mẫu số 02');
    expect(t.layout).toContain('Gia Lai, ngày 13 tháng 02 năm 2026');
    expect(t.flat).toContain(code);
    expect(t.flat).toContain('Nguyễn Văn Ánh');
    expect(t.flat).toContain(`1. ${MISSING[0]}`);
    expect(t.flat).toContain(`2. ${MISSING[1]}`);
    expect(t.flat).toContain('Lý do: Hồ sơ thiếu giấy tờ chứng minh chỗ ở');
    expect(t.flat).toContain('NGƯỜI HƯỚNG DẪN');
    expect(t.flat).toContain('Trần Văn Minh');
  });

  it('04 apology gives the reason, the old and the new appointment', async () => {
    const r = await fetchBin('pleiku.lanhdao', `/api/dossiers/${id}/slips/apology`);
    expect(r.status).toBe(200);
    const t = pdfText(r.body, 'apology.pdf');
    expect(t.layout).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(t.layout).toContain('Mẫu số 04');
    expect(t.layout).toContain('Gia Lai, ngày 02 tháng 03 năm 2026');
    expect(t.flat).toContain('Kính gửi: Ông/Bà Nguyễn Văn Ánh');
    expect(t.flat).toContain(APOLOGY_REASON);
    expect(t.flat).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 04/03/2026, 17:00');
    expect(t.flat).toContain('Ngày hẹn trả kết quả mới: 06/03/2026, 17:00');
    expect(t.flat).toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(t.flat).toContain('Lê Quang Hưng');
  });

  it('05 process-control slip: every hand-over with giver, receiver, time and on-time/late', async () => {
    const r = await fetchBin('pleiku.motcua', `/api/dossiers/${id}/slips/control`);
    expect(r.status).toBe(200);
    expect(pdfInfo(r.body, 'control.pdf')).toMatch(A5);
    const t = pdfText(r.body, 'control.pdf');
    expect(t.layout).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(t.layout).toContain('Mẫu số 05');
    expect(t.flat).toContain(code);
    for (const name of ['Nguyễn Thị Hoa', 'Trần Văn Minh', 'Lê Quang Hưng', 'Nguyễn Văn Ánh']) expect(t.flat).toContain(name);
    // Table cells print the date above the time; each row's line starts with its number, label, people and date.
    const row = (n: number) => t.layout.split('\n').find((l) => new RegExp(`^\\s*${n}\\s{2,}`).test(l)) ?? '';
    expect(row(1)).toMatch(/Tiếp nhận hồ sơ\s+Nguyễn Văn Ánh\s+Nguyễn Thị Hoa\s+12\/02\/2026/);
    expect(row(2)).toMatch(/Chuyển hồ sơ.*Nguyễn Thị Hoa\s+Lê Quang Hưng\s+12\/02\/2026\s+12\/02\/2026\s+Đúng hạn/);
    expect(row(3)).toMatch(/Phân công xử lý\s+Lê Quang Hưng\s+Trần Văn Minh\s+12\/02\/2026\s+12\/02\/2026\s+Đúng hạn/);
    expect(row(6)).toMatch(/Trình phê duyệt\s+Trần Văn Minh\s+Lê Quang Hưng\s+03\/03\/2026\s+02\/03\/2026\s+Quá hạn/);
    expect(row(9)).toMatch(/Trả kết quả\s+Nguyễn Thị Hoa\s+Nguyễn Văn Ánh\s+05\/03\/2026\s+06\/03\/2026\s+Trước hạn/);
    expect(t.flat).toContain('xin lỗi và hẹn lại ngày trả kết quả vào 06/03/2026, 17:00'); // the apology's new date
    expect(t.flat).toContain(APOLOGY_REASON);
    expect(pdfInfo(r.body, 'control-pages.pdf')).toMatch(/Pages:\s+1\n/);
  });

  it('a slip the dossier has no entry for answers 409 with a clear Vietnamese message', async () => {
    for (const kind of ['refusal', 'stop_notice']) {
      const r = await fetchBin('pleiku.motcua', `/api/dossiers/${id}/slips/${kind}`);
      expect(r.status).toBe(409);
      expect(r.json().error.code).toBe('ACTION_NOT_ALLOWED_IN_STATE');
    }
    clock.set('2026-03-09T09:00:00+07:00');
    const fresh = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Phạm Thị Đào' } });
    const r = await fetchBin('pleiku.motcua', `/api/dossiers/${fresh.body.id}/slips/apology`);
    expect(r.status).toBe(409);
    const err = r.json().error;
    expect(err.code).toBe('ACTION_NOT_ALLOWED_IN_STATE');
    expect(err.message).toBe('Không thể thực hiện "In phiếu xin lỗi và hẹn lại ngày trả kết quả" khi hồ sơ đang ở trạng thái "Đã tiếp nhận".');
    expect(err.details.reason).toBe('Hồ sơ chưa có thư xin lỗi và hẹn lại ngày trả kết quả.');
    const bad = await fetchBin('pleiku.motcua', `/api/dossiers/${fresh.body.id}/slips/nonsense`);
    expect(bad.status).toBe(400);
  });

  it('stores each generated slip with the dossier once (same bytes, same document)', async () => {
    const first = await fetchBin('pleiku.motcua', `/api/dossiers/${id}/slips/receipt`);
    const again = await fetchBin('pleiku.motcua', `/api/dossiers/${id}/slips/receipt`);
    expect(again.body.equals(first.body)).toBe(true);
    expect(again.headers.get('x-document-id')).toBe(first.headers.get('x-document-id'));
    const docs = await as['pleiku.motcua']!.get(`/api/dossiers/${id}/documents`);
    const slips = docs.body.items.filter((d: { kind: string }) => d.kind === 'slip');
    const names = slips.map((d: { componentName: string }) => d.componentName);
    expect(names).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(names).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả (bản công khai)');
    expect(names).toContain('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    expect(names).toContain('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    expect(names).toContain('Phiếu kiểm soát quá trình giải quyết hồ sơ');
    expect(names.filter((n: string) => n === 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả')).toHaveLength(1);
    const receipt = slips.find((d: { id: string }) => d.id === first.headers.get('x-document-id'));
    expect(receipt.mime).toBe('application/pdf');
    expect(receipt.fileName).toBe(`${code}-receipt.pdf`);
    const content = await fetchBin('pleiku.motcua', `/api/dossiers/${id}/documents/${receipt.id}/content`);
    expect(content.status).toBe(200);
    expect(content.body.equals(first.body)).toBe(true);
  });

  it('is scoped like the dossier: another commune’s officer gets 404, the province admin gets the slip, anonymous 401', async () => {
    const other = await fetchBin('dienhong.motcua', `/api/dossiers/${id}/slips/receipt`);
    expect(other.status).toBe(404);
    expect(other.json().error.code).toBe('DOSSIER_NOT_FOUND');
    expect((await fetchBin('tinh.quantri', `/api/dossiers/${id}/slips/control`)).status).toBe(200);
    const anon = await fetch(`${http.base}/api/dossiers/${id}/slips/receipt`);
    expect(anon.status).toBe(401);
  });
});

describe('refusal at intake and the stop-processing notice', () => {
  it('03 refusal lists the reasons and the competent body (no code: no QR)', async () => {
    clock.set('2026-03-10T09:00:00+07:00');
    const r = await as['pleiku.motcua']!.post('/api/dossiers', {
      agencyId: pleikuId,
      procedureCode: '1.010038',
      channel: 'desk',
      action: 'reject_intake',
      applicant: { fullName: 'Hoàng Thị Thuỳ', idNumber: '052190009999' },
      input: { reasons: ['Nơi cư trú của người đề nghị không thuộc phạm vi phường Pleiku', 'Người đề nghị chưa đủ 18 tuổi'], competentBody: 'Ủy ban nhân dân Phường Diên Hồng' },
    });
    expect(r.status).toBe(201);
    const pdf = await fetchBin('pleiku.motcua', `/api/dossiers/${r.body.id}/slips/refusal`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain(`${r.body.id}-refusal.pdf`);
    const t = pdfText(pdf.body, 'refusal.pdf');
    expect(t.layout).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(t.layout).toContain('Mẫu số 03');
    expect(t.flat).toContain('Hoàng Thị Thuỳ');
    expect(t.flat).toContain('1. Nơi cư trú của người đề nghị không thuộc phạm vi phường Pleiku');
    expect(t.flat).toContain('2. Người đề nghị chưa đủ 18 tuổi');
    expect(t.flat).toContain('Cơ quan có thẩm quyền giải quyết: Ủy ban nhân dân Phường Diên Hồng');
    expect(pdfImages(pdf.body, 'refusal.pdf')).toBe(0);
  });

  it('the 2025 stop-processing notice (Mẫu số 07) gives the reasons', async () => {
    clock.set('2026-03-11T09:00:00+07:00');
    const d = await as['pleiku.motcua']!.post('/api/dossiers', { agencyId: pleikuId, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Đinh Văn Sơn' } });
    await act('pleiku.motcua', d.body.id, 'forward');
    const me = await as['pleiku.chuyenvien']!.get('/api/auth/me');
    await act('pleiku.lanhdao', d.body.id, 'assign', { assigneeId: me.body.userId });
    await act('pleiku.chuyenvien', d.body.id, 'start_processing');
    clock.set('2026-03-12T09:00:00+07:00');
    await act('pleiku.lanhdao', d.body.id, 'stop', { reasons: ['Cơ quan có thẩm quyền yêu cầu dừng xử lý để thanh tra'] });
    const pdf = await fetchBin('pleiku.lanhdao', `/api/dossiers/${d.body.id}/slips/stop_notice`);
    expect(pdf.status).toBe(200);
    const t = pdfText(pdf.body, 'stop_notice.pdf');
    expect(t.layout).toContain('THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ');
    expect(t.layout).toContain('Mẫu số 07');
    expect(t.flat).toContain('Kính gửi: Ông/Bà Đinh Văn Sơn');
    expect(t.flat).toContain('1. Cơ quan có thẩm quyền yêu cầu dừng xử lý để thanh tra');
    expect(t.flat).toContain('Thời điểm dừng xử lý: 12/03/2026, 09:00');
  });
});

describe('the dossier register (sổ theo dõi hồ sơ)', () => {
  const q = (extra: string) => `/api/register?agencyId=${pleikuId}&from=2026-02-01&to=2026-03-31${extra}`;

  it('as Excel: one header row (frozen), one row per received dossier, dates as dates', async () => {
    const r = await fetchBin('pleiku.motcua', q('&format=xlsx'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toContain('attachment; filename="so-theo-doi-ho-so-000.01.00.H21-2026-02-01-2026-03-31.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as never);
    const ws = wb.getWorksheet('Sổ theo dõi hồ sơ')!;
    expect(ws).toBeDefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['TT', 'Mã hồ sơ', 'Người nộp hồ sơ', 'Thủ tục hành chính', 'Nhận hồ sơ', 'Hẹn trả kết quả', 'Giải quyết xong', 'Trả kết quả', 'Kết quả']);
    expect(ws.getColumn(2).width).toBe(28);
    // Received in Feb–Mar: the main dossier, the apology-less one (9/3) and the stopped one (11/3); the refused-at-intake one was never received.
    expect(ws.rowCount).toBe(1 + 3);
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('000.01.00.H21-260212-0001');
    expect(first.getCell(3).value).toBe('Nguyễn Văn Ánh');
    expect(first.getCell(4).value).toBe('Tách hộ');
    const received = first.getCell(5).value as Date;
    expect(received).toBeInstanceOf(Date);
    expect(received.toISOString()).toBe('2026-02-12T10:00:00.000Z'); // Vietnam wall-clock time, as Excel shows it
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect((first.getCell(6).value as Date).toISOString()).toBe('2026-03-06T17:00:00.000Z');
    expect((first.getCell(7).value as Date).toISOString()).toBe('2026-03-04T08:30:00.000Z');
    expect((first.getCell(8).value as Date).toISOString()).toBe('2026-03-05T09:00:00.000Z');
    expect(first.getCell(9).value).toBe('Đã trả kết quả – Trước hạn');
    expect(ws.getRow(3).getCell(3).value).toBe('Phạm Thị Đào');
    expect(ws.getRow(3).getCell(7).value).toBeNull();
    expect(ws.getRow(4).getCell(9).value).toBe('Dừng xử lý');
    const info = wb.getWorksheet('Thông tin')!;
    expect(info.getRow(1).getCell(2).value).toBe('Ủy ban nhân dân Phường Pleiku');
    expect(info.getRow(2).getCell(2).value).toBe('Từ ngày 01/02/2026 đến ngày 31/03/2026');
    expect(info.getRow(4).getCell(2).value).toBe(3);
    expect(String(info.getRow(5).getCell(2).value)).toContain('20.000');
  });

  it('as PDF: A4 landscape, the title, period and rows', async () => {
    const r = await fetchBin('pleiku.motcua', q('&format=pdf'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(pdfInfo(r.body, 'register.pdf')).toMatch(A4_LANDSCAPE);
    for (const f of pdfFonts(r.body, 'register.pdf')) expect(f).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?\s/);
    const t = pdfText(r.body, 'register.pdf');
    expect(t.layout).toContain(MOTTO_1);
    expect(t.layout).toContain(MOTTO_2);
    expect(t.layout).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(t.layout).toContain('Mẫu số 06');
    expect(t.flat).toContain('Từ ngày 01/02/2026 đến ngày 31/03/2026');
    expect(t.flat).toContain('000.01.00.H21-260212-0001');
    expect(t.flat).toContain('Nguyễn Văn Ánh');
    expect(t.flat).toContain('Phạm Thị Đào');
    expect(t.flat).toContain('Tổng số: 3 hồ sơ.');
  });

  it('a period outside the data is an empty register; the range and scope are checked', async () => {
    const empty = await fetchBin('pleiku.motcua', `/api/register?agencyId=${pleikuId}&from=2025-01-01&to=2025-01-31&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(empty.body as never);
    expect(wb.getWorksheet('Sổ theo dõi hồ sơ')!.rowCount).toBe(1);
    const tooLong = await fetchBin('pleiku.motcua', `/api/register?agencyId=${pleikuId}&from=2025-01-01&to=2026-01-02`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.json().error.code).toBe('VALIDATION_FAILED');
    const reversed = await fetchBin('pleiku.motcua', `/api/register?agencyId=${pleikuId}&from=2026-03-02&to=2026-03-01`);
    expect(reversed.status).toBe(400);
    const badDate = await fetchBin('pleiku.motcua', `/api/register?agencyId=${pleikuId}&from=2026-02-30&to=2026-03-01`);
    expect(badDate.status).toBe(400);
    const outside = await fetchBin('dienhong.motcua', q('&format=pdf'));
    expect(outside.status).toBe(403);
    const province = await fetchBin('tinh.quantri', q('&format=xlsx'));
    expect(province.status).toBe(200);
    const anon = await fetch(`${http.base}${q('')}`);
    expect(anon.status).toBe(401);
  });
});

/**
 * Issue 4, end to end: a citizen on a phone (390×844) finds “Tách hộ” on the portal, applies online (one-time
 * code sign-in, a PDF per component, the result method, review, submit → the dossier code at once), pays the
 * fee (VietQR intent on the portal; the bank's signed webhook records it), the staff take it through to the
 * result over the API (attach_result with an uploaded PDF), and the citizen sees the result in “Hồ sơ của
 * tôi”, downloads it and rates the service. Tracking with a wrong second factor reveals nothing.
 * axe-core on every portal page visited.
 */
import crypto from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestOtp, ApiClient, samplePdf, TestClock } from '../support/harness.ts';
import { apiAs, expectAccessible, pdfFile, startE2E, TACH_HO, USERS, type E2E } from './browser.ts';

const SECRET = 'e2e-webhook-secret-0123456789';
const PHONE = '0905246813';
const phone = { width: 390, height: 844 };

let e: E2E;
let ctx: BrowserContext;
let page: Page;
let dossier: { id: string; code: string; trackingSecret: string };

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-02T09:00:00+07:00')), { paymentWebhookSecret: SECRET });
  ctx = await e.browser.newContext({ viewport: phone, deviceScaleFactor: 2, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
  ctx.setDefaultTimeout(15_000);
  page = await ctx.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});
afterAll(async () => {
  await e?.close();
});

const main = async () => (await page.textContent('main')) ?? '';

/** The staff step through the API, by the usual officer. */
async function step(by: string, action: string, input: Record<string, unknown> = {}, documents: unknown[] = []) {
  const c = await apiAs(e, by);
  const cur = await c.get(`/api/dossiers/${dossier.id}`);
  const r = await c.post(`/api/dossiers/${dossier.id}/actions`, { action, version: cur.body.version, input, documents });
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

describe('apply online from a phone, get the result, rate the service', () => {
  it('finds the procedure from an everyday query and opens it', async () => {
    await page.goto(`${e.base}/dich-vu-cong/`);
    await expectAccessible(page, 'portal home');
    await page.getByLabel('Tìm thủ tục hành chính').fill('tach ho');
    await page.getByLabel('Tìm thủ tục hành chính').press('Enter');
    await page.waitForURL(/\/dich-vu-cong\/tim-kiem\?q=tach/);
    const first = page.locator('ol.results li').first();
    await expect.poll(() => first.textContent()).toContain('Tách hộ');
    await expectAccessible(page, 'search results');
    await first.locator('a').first().click();
    await page.waitForURL(new RegExp(`/dich-vu-cong/thu-tuc/${TACH_HO.replace('.', '\\.')}`));
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tách hộ');
    expect(await main()).toMatch(/Ủy ban nhân dân Phường Pleiku/);
    await expectAccessible(page, 'procedure page');
  });

  it('signs in with a one-time code, attaches a PDF, chooses the result method, reviews and submits: the code shows at once', async () => {
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click();
    await page.waitForURL(/\/dich-vu-cong\/nop-ho-so\/1\.010038/);
    await page.getByLabel('Số điện thoại hoặc thư điện tử').fill(PHONE);
    await expectAccessible(page, 'apply: sign in');
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    const codeField = page.getByLabel('Mã xác thực (6 chữ số)');
    await codeField.waitFor();
    await codeField.fill(await latestOtp(new ApiClient(e.base), PHONE));
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    // Step 2/5: documents — one PDF on the first component.
    await page.locator('.step-title').filter({ hasText: 'Giấy tờ' }).waitFor();
    const agency = page.getByLabel('Nơi nộp hồ sơ');
    if (await agency.count()) {
      const pleiku = await agency.locator('option', { hasText: 'Phường Pleiku' }).first().getAttribute('value');
      await agency.selectOption(pleiku!);
    }
    await expectAccessible(page, 'apply: documents');
    const upload = page.waitForResponse((r) => r.url().endsWith('/api/citizen/files') && r.request().method() === 'POST');
    await page.locator('input[type=file]').first().setInputFiles(pdfFile(e, 'to-khai-CT01.pdf'));
    expect((await upload).status()).toBe(201);
    await expect.poll(main).toContain('Đã tải lên: to-khai-CT01.pdf');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 3/5: applicant (the phone is prefilled from the sign-in).
    await page.locator('.step-title').filter({ hasText: 'Người nộp' }).waitFor();
    expect(await page.getByLabel('Số điện thoại', { exact: true }).inputValue()).toBe(PHONE);
    await page.getByLabel('Họ và tên').fill('Võ Thị Lan');
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill('064190004321');
    await page.getByLabel(/^Địa chỉ liên hệ/).fill('Tổ 5, phường Pleiku, tỉnh Gia Lai');
    await expectAccessible(page, 'apply: applicant');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 4/5: the result, online.
    await page.locator('.step-title').filter({ hasText: 'Nhận kết quả' }).waitFor();
    await page.getByLabel('Trực tuyến: tải bản điện tử trên cổng').check();
    await expectAccessible(page, 'apply: result method');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 5/5: review and submit.
    await page.locator('.step-title').filter({ hasText: 'Xem lại và nộp' }).waitFor();
    const review = (await page.locator('dl.review').textContent()) ?? '';
    expect(review).toContain('to-khai-CT01.pdf');
    expect(review).toContain('Võ Thị Lan');
    expect(review).not.toContain('064190004321'); // the ID number is masked on the review
    await page.getByLabel('Tôi cam đoan các thông tin và giấy tờ trên là đúng sự thật.').check();
    await expectAccessible(page, 'apply: review');
    const submitted = page.waitForResponse((r) => r.url().endsWith('/api/citizen/dossiers') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const res = await submitted;
    expect(res.status(), `${res.request().postData()} → ${await res.text()}`).toBe(201);
    const body = (await res.json()) as { id: string; code: string; trackingSecret: string };
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ thành công' }).waitFor();
    expect(await page.locator('.big-code').textContent()).toBe(body.code);
    expect(body.code).toMatch(/^000\.01\.00\.H21-260302-\d{4}$/);
    dossier = body;
    await expectAccessible(page, 'apply: success');
  });

  it('pays the fee: a VietQR intent on the portal, recorded by the signed webhook', async () => {
    await page.getByRole('link', { name: 'Xem hồ sơ', exact: true }).click();
    await page.waitForURL(/\/dich-vu-cong\/ho-so-cua-toi\//);
    await expect.poll(() => page.locator('h1').textContent()).toBe(dossier.code);
    const intentRes = page.waitForResponse((r) => r.url().endsWith('/payment-intents'));
    await page.getByRole('button', { name: 'Lấy mã VietQR để thanh toán' }).click();
    const intent = (await (await intentRes).json()) as { reference: string; amountVnd: number };
    expect(intent.amountVnd).toBeGreaterThan(0);
    await page.getByRole('img', { name: /Mã VietQR thanh toán/ }).waitFor();
    await expectAccessible(page, 'my dossier: payment');

    const raw = JSON.stringify({ provider: 'demo-gateway', transactionId: `TX-${dossier.code}`, reference: intent.reference, amountVnd: intent.amountVnd });
    const bad = await fetch(`${e.base}/api/payments/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': '00'.repeat(32) }, body: raw });
    expect(bad.status).toBe(401);
    const sig = crypto.createHmac('sha256', SECRET).update(raw).digest('hex');
    const ok = await fetch(`${e.base}/api/payments/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': sig }, body: raw });
    expect(ok.status, await ok.clone().text()).toBeLessThan(300);
    const d = await (await apiAs(e, USERS.desk)).get(`/api/dossiers/${dossier.id}`);
    expect(d.body.paidTotal).toBe(intent.amountVnd);
  });

  it('the staff receive it and process it to a ready electronic result (API)', async () => {
    await step(USERS.desk, 'receive');
    await step(USERS.desk, 'forward');
    const specialistId = (await (await apiAs(e, USERS.specialist)).get('/api/auth/me')).body.userId;
    await step(USERS.leader, 'assign', { assigneeId: specialistId });
    await step(USERS.specialist, 'start_processing');
    await step(USERS.specialist, 'propose');
    await step(USERS.leader, 'approve');
    const specialist = await apiAs(e, USERS.specialist);
    const up = await specialist.upload(samplePdf('ket-qua-tach-ho'), 'ket-qua-tach-ho.pdf');
    expect(up.status).toBe(201);
    await step(USERS.specialist, 'attach_result', {}, [{ sha256: up.body.sha256, fileName: 'ket-qua-tach-ho.pdf', componentName: 'Kết quả giải quyết' }]);
    const ready = await step(USERS.specialist, 'mark_result_ready', { paperResult: false });
    expect(ready.state).toBe('result_ready');
  });

  it('the citizen sees the result in “Hồ sơ của tôi”, downloads it and rates the service', async () => {
    await page.goto(`${e.base}/dich-vu-cong/ho-so-cua-toi`);
    await expect.poll(main).toContain(dossier.code);
    await expectAccessible(page, 'my dossiers');
    await page.getByRole('link', { name: new RegExp(dossier.code.replace(/\./g, '\\.')) }).first().click();
    await page.waitForURL(/\/dich-vu-cong\/ho-so-cua-toi\//);
    const download = page.getByRole('link', { name: /Tải về: ket-qua-tach-ho\.pdf/ });
    await download.waitFor();
    const href = await download.getAttribute('href');
    const res = await page.request.get(new URL(href!, page.url()).toString());
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await expectAccessible(page, 'my dossier: result');

    await page.getByLabel('Hài lòng', { exact: true }).check();
    const rated = page.waitForResponse((r) => r.url().endsWith('/rating') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    expect((await rated).status()).toBe(201);
    await expect.poll(main).toMatch(/Cảm ơn bạn/);
    await expectAccessible(page, 'my dossier: rated');
  });

  it('tracking with a wrong second factor reveals nothing; the right secret shows the state', async () => {
    await page.goto(`${e.base}/dich-vu-cong/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill(dossier.code);
    await page.getByLabel('Mã tra cứu hoặc số điện thoại').fill('0905000000');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(main).toContain('Không tìm thấy hồ sơ với thông tin đã nhập');
    expect(await main()).not.toContain('Tách hộ');
    expect(await main()).not.toContain('Võ Thị Lan');
    await expectAccessible(page, 'tracking: not found');
    await page.getByLabel('Mã tra cứu hoặc số điện thoại').fill(dossier.trackingSecret);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(main).toContain('Tách hộ');
    expect(await main()).not.toContain('064190004321');
  });
});

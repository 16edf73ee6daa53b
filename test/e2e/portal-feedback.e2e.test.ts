/**
 * Phản ánh, kiến nghị and Thống kê on a phone (390×844): a citizen sends feedback through the portal and gets
 * the reference + secret; staff receive, classify, answer and publish it through the API; the published answer
 * is listed on /phan-anh/da-tra-loi without the citizen's phone or e-mail; the citizen rates the answer on
 * /phan-anh/tra-cuu; the statistics page shows the unit's figures. axe-core on each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, expectAccessible, PLEIKU_CODE, startE2E, USERS, type E2E } from './browser.ts';

let e: E2E;
let page: Page;
const phone = { width: 390, height: 844 };
const PHONE_NUMBER = '0905777888';
const EMAIL = 'chi.nguyen@example.vn';
const ANSWER = 'UBND phường đã nhắc nhở cán bộ và niêm yết lại thành phần hồ sơ tại Bộ phận Một cửa.';
let reference = '';
let secret = '';

beforeAll(async () => {
  e = await startE2E();
  const ctx = await e.browser.newContext({ viewport: phone, deviceScaleFactor: 2, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
  ctx.setDefaultTimeout(15_000);
  page = await ctx.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});
afterAll(async () => {
  await e?.close();
});

async function pleikuName(): Promise<string> {
  const c = await apiAs(e, USERS.desk);
  const r = await c.get('/api/agencies?limit=1000');
  return r.body.items.find((a: { code: string }) => a.code === PLEIKU_CODE).name as string;
}

describe('portal: feedback and statistics', () => {
  it('a citizen sends feedback through the form (validated) and sees the reference and the secret', async () => {
    await page.goto(`${e.base}/dich-vu-cong/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Phản ánh' }).click();
    await page.waitForURL(/\/dich-vu-cong\/phan-anh$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Phản ánh, kiến nghị');
    const agency = page.getByLabel('Cơ quan nhận phản ánh');
    await expect.poll(() => agency.isEnabled()).toBe(true);

    // Nothing filled: the errors are shown and nothing is sent.
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Hãy chọn cơ quan nhận phản ánh.');
    expect(await page.textContent('main')).toContain('Hãy để lại số điện thoại hoặc thư điện tử');
    await expectAccessible(page, 'feedback form with errors');

    await agency.selectOption({ label: await pleikuName() });
    await page.getByLabel('Hành vi của cán bộ, công chức').check();
    await page.getByLabel(/Mã thủ tục/).fill('1.010038');
    await page.getByLabel('Tiêu đề').fill('Cán bộ yêu cầu nộp thêm giấy tờ không có trong quy định');
    await page.getByLabel('Nội dung', { exact: true }).fill('Khi nộp hồ sơ tách hộ ngày 10/3, tôi bị yêu cầu nộp thêm bản sao sổ hộ khẩu cũ.');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Chi');
    await page.getByLabel('Số điện thoại').fill(PHONE_NUMBER);
    await page.getByLabel('Thư điện tử').fill(EMAIL);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();

    const sent = page.getByTestId('feedback-sent');
    await sent.waitFor();
    reference = ((await page.getByTestId('feedback-reference').textContent()) ?? '').trim();
    secret = ((await page.getByTestId('feedback-secret').textContent()) ?? '').trim();
    expect(reference.length).toBeGreaterThanOrEqual(6);
    expect(secret.length).toBeGreaterThanOrEqual(4);
    expect(await sent.textContent()).toContain('Đã gửi phản ánh');
    await expectAccessible(page, 'feedback sent');
    await page.screenshot({ path: 'docs/screenshots/portal-feedback.png' });
  });

  it('before an answer, the own view says so and offers no rating', async () => {
    await page.goto(`${e.base}/dich-vu-cong/phan-anh/tra-cuu?ref=${encodeURIComponent(reference)}&secret=${encodeURIComponent(secret)}`);
    await page.getByTestId('feedback-view').waitFor();
    expect(await page.textContent('main')).toContain('Cơ quan chưa trả lời');
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('secret')).toBeNull();
    await expectAccessible(page, 'feedback own view, unanswered');
  });

  it('staff receive, classify, answer and publish it (API); the public list shows it without phone or e-mail', async () => {
    const desk = await apiAs(e, USERS.desk);
    const leader = await apiAs(e, USERS.leader);
    const queue = await desk.get('/api/feedback?limit=100');
    expect(queue.status).toBe(200);
    const f = queue.body.items.find((x: { reference: string }) => x.reference === reference);
    expect(f, 'the feedback is in the Pleiku queue').toBeTruthy();
    let cur = f;
    const steps: [typeof desk, string, Record<string, unknown>][] = [
      [desk, 'receive', {}],
      [desk, 'classify', { classification: 'within_competence' }],
      [leader, 'answer', { answer: ANSWER }],
      [leader, 'publish', {}],
    ];
    for (const [who, action, input] of steps) {
      const r = await who.post(`/api/feedback/${cur.id}/actions`, { action, version: cur.version, input });
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
      cur = r.body;
    }
    expect(cur.status).toBe('published');

    await page.goto(`${e.base}/dich-vu-cong/`);
    await page.getByRole('link', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.waitForURL(/\/phan-anh$/);
    await page.getByRole('link', { name: 'Các phản ánh đã được trả lời' }).click();
    await page.waitForURL(/\/phan-anh\/da-tra-loi$/);
    const list = page.getByTestId('feedback-list');
    await expect.poll(() => list.textContent(), { timeout: 15_000 }).toContain(ANSWER);
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Cán bộ yêu cầu nộp thêm giấy tờ');
    expect(text).not.toContain(PHONE_NUMBER);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain('Nguyễn Thị Chi');
    expect((await page.textContent('body')) ?? '').not.toContain(PHONE_NUMBER);
    await expectAccessible(page, 'published answers');
    await page.screenshot({ path: 'docs/screenshots/portal-feedback-answers.png' });
  });

  it('the citizen reads the answer and rates it once', async () => {
    await page.goto(`${e.base}/dich-vu-cong/phan-anh/tra-cuu`);
    await page.getByLabel('Mã phản ánh').fill(reference);
    await page.getByLabel('Mã bí mật').fill(secret);
    await page.getByRole('button', { name: 'Xem phản ánh' }).click();
    await expect.poll(() => page.getByTestId('feedback-answer').textContent()).toBe(ANSWER);
    await expectAccessible(page, 'feedback own view, answered');
    await page.getByLabel('Hài lòng', { exact: true }).check();
    await page.getByLabel(/Góp ý thêm/).fill('Cảm ơn phường đã xử lý nhanh.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Cảm ơn bạn đã đánh giá.');
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await expectAccessible(page, 'feedback rated');

    // The rating is stored: a fresh look-up shows it and offers no second rating.
    await page.goto(`${e.base}/dich-vu-cong/phan-anh/tra-cuu?ref=${encodeURIComponent(reference)}&secret=${encodeURIComponent(secret)}`);
    await expect.poll(() => page.textContent('main')).toContain('Bạn đã đánh giá: Hài lòng');
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
  });

  it('the statistics page shows this month’s and this year’s figures of the chosen unit', async () => {
    const desk = await apiAs(e, USERS.desk);
    const agencies = await desk.get('/api/agencies?limit=1000');
    const pleiku = agencies.body.items.find((a: { code: string }) => a.code === PLEIKU_CODE);
    const d = await desk.post(
      '/api/dossiers',
      { agencyId: pleiku.id, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Lâm Thị Thu', idNumber: '052190001122', phone: '0905111222' } },
      { 'idempotency-key': `e2e-stats-${Math.random()}` },
    );
    expect(d.status).toBe(201);

    await page.goto(`${e.base}/dich-vu-cong/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê' }).click();
    await page.waitForURL(/\/thong-ke$/);
    await page.getByLabel('Đơn vị').selectOption({ label: pleiku.name });
    const month = page.getByTestId('stats-month');
    await expect.poll(() => page.getByTestId('stats-month-received').textContent()).toMatch(/^[1-9]\d*$/);
    const text = (await month.textContent()) ?? '';
    expect(text).toContain('Hồ sơ tiếp nhận');
    expect(text).toContain('Giải quyết đúng hạn');
    expect(text).toContain('Nộp trực tuyến');
    expect(text).toContain('Mức độ hài lòng');
    expect(text).toMatch(/[1-9]\d* \/ [1-9]\d* phản ánh/); // the feedback above was received and answered
    await page.getByTestId('stats-year').waitFor();
    expect(Number(await page.getByTestId('stats-year-received').textContent())).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'statistics');
    await page.screenshot({ path: 'docs/screenshots/portal-stats.png', fullPage: true });
  });
});

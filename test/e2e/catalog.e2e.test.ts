/**
 * The catalog a commune runs, in the browser: the citizen portal on a phone (life events, the catalog by
 * field, a procedure page with folded sections and the desk address), the province admin's review screen
 * (low-confidence fields highlighted, corrected, saved as a new version, published), and the desk officer
 * finding "dang ky khai sinh" at intake with notes kept out of the checklist. axe-core on each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs, screenshot, settled, startE2E, stillness, type E2E } from './browser.ts';
import { TestClock } from '../support/harness.ts';
import { seedWardCatalog } from '../../src/server/seed/demo.ts';
import { WARD_REVIEWS } from '../../src/server/seed/ward-reviews.ts';
import { LIFE_EVENTS } from '../../src/core/catalog/index.ts';

let e: E2E;
let phone: Page;
const PHONE = { width: 390, height: 844 };
const TO_REVIEW = '1.004884'; // Thủ tục đăng ký lại khai sinh: the page gives "5" without a unit

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  const pleiku = (await e.env.ctx.services.units.listAgencies({ limit: 1000 })).find((a: { code: string }) => a.code === '000.01.00.H21')!;
  await seedWardCatalog(e.env.ctx, pleiku.id, { importIndexCodes: [...WARD_REVIEWS.map((w) => w.code), ...LIFE_EVENTS.flatMap((x) => x.codes), TO_REVIEW] });
  const ctx = await e.browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
  phone = await ctx.newPage();
  phone.on('pageerror', (err) => {
    throw err;
  });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

const noSideScroll = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1');

describe('citizen portal on a phone', () => {
  it('a life event is a curated group: "Sinh con" starts with birth registration, no groundwater licence', async () => {
    await phone.goto(`${e.base}/dich-vu-cong/`);
    await phone.getByRole('link', { name: /^Sinh con/ }).click();
    await phone.waitForURL(/\/dich-vu-cong\/su-kien\/sinh-con$/);
    const list = phone.getByTestId('event-procedures');
    await expect.poll(() => list.locator('li').count()).toBe(LIFE_EVENTS.find((x) => x.slug === 'sinh-con')!.codes.length);
    expect(await list.locator('li').first().textContent()).toContain('Thủ tục đăng ký khai sinh');
    expect(await list.textContent()).not.toMatch(/nước dưới đất/);
    expect(await noSideScroll(phone)).toBe(true);
    await expectAccessible(phone);
    await phone.screenshot({ path: 'docs/screenshots/portal-life-event.png' });
  });

  it('the "Thủ tục" menu opens the catalog by field; a field lists its procedures', async () => {
    await phone.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thủ tục' }).click();
    await phone.waitForURL(/\/dich-vu-cong\/thu-tuc$/);
    const fields = phone.getByTestId('catalog-fields');
    await fields.waitFor();
    expect(await fields.textContent()).toMatch(/Hộ tịch\d+ thủ tục/);
    await expectAccessible(phone);
    await phone.screenshot({ path: 'docs/screenshots/portal-catalog.png' });
    await fields.getByRole('link', { name: /^Hộ tịch/ }).click();
    await phone.waitForURL(/\/thu-tuc\/linh-vuc\//);
    await expect.poll(() => phone.getByTestId('catalog-list').textContent()).toContain('Thủ tục đăng ký kết hôn');
    await expectAccessible(phone);
  });

  it('the procedure page: summary and desk address first, every detail section folded, no bold paragraphs', async () => {
    await phone.getByTestId('catalog-list').getByRole('link', { name: /Thủ tục đăng ký kết hôn/ }).first().click();
    await phone.waitForURL(/\/thu-tuc\/1\.000894$/);
    await expect.poll(() => phone.locator('h1').textContent()).toBe('Thủ tục đăng ký kết hôn');
    const summary = (await phone.locator('.summary').textContent()) ?? '';
    expect(summary).toContain('Trong ngày');
    expect(summary).toContain('Trường hợp cần xác minh điều kiện kết hôn: 5 ngày làm việc');
    expect(await phone.getByTestId('proc-desks').textContent()).toContain('Địa chỉ: Bộ phận Một cửa, trụ sở Ủy ban nhân dân Phường Pleiku');

    // Folded: every section is a closed <details>; the steps text is not shown until opened.
    const sections = phone.locator('article.procedure section.section details');
    expect(await sections.count()).toBeGreaterThanOrEqual(4);
    expect(await phone.locator('article.procedure section.section details[open]').count()).toBe(0);
    expect(await phone.getByText('Công chức tư pháp - hộ tịch in Giấy chứng nhận kết hôn', { exact: false }).first().isVisible()).toBe(false);
    expect(await noSideScroll(phone)).toBe(true);
    await expectAccessible(phone);
    await phone.screenshot({ path: 'docs/screenshots/portal-procedure-phone.png' });

    // Opened: documents list only documents; notes are in their own folded block.
    await phone.locator('#sec-components').click();
    await stillness(phone);
    const docs = phone.locator('ul.components > li');
    expect(await docs.count()).toBe(4);
    expect(await phone.locator('ul.components').first().textContent()).not.toContain('Người tiếp nhận có trách nhiệm');
    expect(await phone.getByTestId('proc-notes').textContent()).toContain('Người tiếp nhận có trách nhiệm');
    await phone.locator('#sec-steps').click();
    await stillness(phone);
    // No wall of bold: no paragraph longer than 80 characters is set bold.
    const boldLong = await phone.evaluate(`[...document.querySelectorAll('.prose p')].filter((p) => p.textContent.length > 80 && Number(getComputedStyle(p).fontWeight) >= 600).length`);
    expect(boldLong).toBe(0);
    expect(await noSideScroll(phone)).toBe(true);
    await expectAccessible(phone);
    await phone.screenshot({ path: 'docs/screenshots/portal-procedure-phone-open.png', fullPage: false });
  });
});

describe('the province admin reviews an entry the parser could not read', () => {
  let admin: Page;
  beforeAll(async () => {
    admin = await pageAs(e, 'tinh.quantri');
  });

  it('the review queue lists it with its low-confidence fields', async () => {
    await admin.goto(`${e.base}/quan-tri/ra-soat`);
    await settled(admin);
    const row = admin.getByTestId(`review-row-${TO_REVIEW}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Thời hạn giải quyết');
    await expectAccessible(admin);
    await screenshot(admin, 'admin-review-queue');
  });

  it('the review screen highlights the low fields beside the source text; the correction is a new version; then it publishes', async () => {
    await admin.getByTestId(`review-open-${TO_REVIEW}`).click();
    await admin.getByTestId('review-page').waitFor();
    await settled(admin);
    expect(await admin.getByTestId('review-field-time').getAttribute('data-confidence')).toBe('low');
    expect(await admin.getByTestId('review-field-results').getAttribute('data-confidence')).toBe('high');
    expect(await admin.getByTestId('review-field-time').textContent()).toContain('Ô thời hạn ghi số nhưng không ghi đơn vị');
    const source = (await admin.getByTestId('review-source').textContent()) ?? '';
    expect(source).toContain('Trực tiếp · 5');
    expect(source).not.toMatch(/Chọn cơ quan thực hiện|-- Chọn/);
    await expectAccessible(admin);
    await screenshot(admin, 'admin-review');

    // Publishing first is refused with the precise reason.
    await admin.getByTestId('review-publish').click();
    await expect.poll(() => admin.getByTestId('error-alert').textContent()).toContain('chưa được rà soát');

    for (const ch of ['Trực tiếp', 'Trực tuyến', 'Bưu chính']) {
      await admin.getByLabel(`${ch}: Đơn vị`, { exact: true }).click();
      await admin.getByRole('option', { name: 'ngày làm việc', exact: true }).click();
    }
    await admin.getByTestId('review-note').fill('Đối chiếu văn bản gốc: 05 ngày làm việc');
    const saved = admin.waitForResponse((r) => r.url().endsWith(`/api/procedures/${TO_REVIEW}/review`));
    await admin.getByTestId('review-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => admin.getByTestId('review-state').textContent()).toBe('Đã rà soát');
    await expect.poll(() => admin.getByTestId('review-versions').textContent()).toContain('Phiên bản 2');
    expect(await admin.getByTestId('review-versions').textContent()).toContain('Đã sửa: Thời hạn giải quyết');

    const res = await e.env.ctx.services.catalog.getByCode(TO_REVIEW);
    for (const c of (res.record as { channels: { limit: unknown; limitSource: string }[] }).channels) expect(c).toMatchObject({ limit: { amount: 5, unit: 'working_days' }, limitSource: 'review' });

    // Now it publishes.
    await admin.getByTestId('review-agency').click();
    await admin.getByRole('option', { name: 'Ủy ban nhân dân Phường Pleiku' }).click();
    const published = admin.waitForResponse((r) => r.url().includes('/publications') && r.request().method() === 'POST');
    await admin.getByTestId('review-publish').click();
    expect((await published).status()).toBe(201);
  });
});

describe('the desk officer at intake', () => {
  it('typing "dang ky khai sinh" finds the ward\'s birth registration; notes are not checklist items', async () => {
    const desk = await pageAs(e, 'pleiku.motcua');
    await desk.goto(`${e.base}/tiep-nhan`);
    const field = desk.getByTestId('intake-procedure');
    await field.click();
    await field.fill('dang ky khai sinh');
    const option = desk.getByRole('option', { name: /^1\.001193 — Thủ tục đăng ký khai sinh$/ });
    await option.waitFor();
    await option.click();
    const checklist = desk.getByTestId('intake-checklist');
    await checklist.waitFor();
    const text = (await checklist.textContent()) ?? '';
    expect(text).toContain('Giấy chứng sinh');
    expect(text).not.toMatch(/Người tiếp nhận có trách nhiệm|Lưu ý/);
    expect(await desk.getByTestId('intake-notes').textContent()).toContain('Lưu ý khi tiếp nhận');
    await expectAccessible(desk);
  });
});

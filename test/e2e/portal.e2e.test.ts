/**
 * The citizen portal on a phone (390×844): find a procedure the way people type, read it, and track a
 * dossier by code + second factor (a wrong factor reveals nothing). axe-core on each page.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, startE2E, type E2E } from './browser.ts';
import { ApiClient } from '../support/harness.ts';

let e: E2E;
let page: Page;
const phone = { width: 390, height: 844 };

beforeAll(async () => {
  e = await startE2E();
  const catalog = JSON.parse(fs.readFileSync('data/seed/procedure-index-2026.json', 'utf8')) as { procedures: unknown[] };
  await e.env.ctx.services.catalog.importPublicIndex(catalog.procedures);
  const ctx = await e.browser.newContext({ viewport: phone, deviceScaleFactor: 2, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
  page = await ctx.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});
afterAll(async () => {
  await e?.close();
});

describe('citizen portal', () => {
  it('finds "Tách hộ" from an unaccented everyday query on the home page', async () => {
    await page.goto(`${e.base}/dich-vu-cong/`);
    await expectAccessible(page);
    await page.getByLabel('Tìm thủ tục hành chính').fill('tach ho');
    await page.getByLabel('Tìm thủ tục hành chính').press('Enter');
    await page.waitForURL(/\/dich-vu-cong\/tim-kiem\?q=tach/);
    const first = page.locator('ol.results li').first();
    await expect.poll(() => first.textContent()).toContain('Tách hộ');
    await expectAccessible(page);
  });

  it('opens the procedure page with its time limit, fees and where to apply', async () => {
    await page.locator('ol.results li a').first().click();
    await page.waitForURL(/\/dich-vu-cong\/thu-tuc\/1\.010038/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tách hộ');
    const body = (await page.textContent('main')) ?? '';
    expect(body).toMatch(/5 ngày làm việc/);
    expect(body).toMatch(/10\.000/);
    expect(body).toMatch(/Ủy ban nhân dân Phường Pleiku/);
    await expectAccessible(page);
  });

  it('tracks a dossier with the receipt secret; a wrong secret reveals nothing', async () => {
    const desk = await new ApiClient(e.base).login('pleiku.motcua');
    const agencies = await desk.get('/api/agencies?limit=100');
    const pleiku = agencies.body.items.find((a: { code: string }) => a.code === '000.01.00.H21').id;
    const d = await desk.post('/api/dossiers', { agencyId: pleiku, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Lâm Thị Thu', idNumber: '052190001122', phone: '0905111222' } });
    expect(d.status).toBe(201);

    await page.goto(`${e.base}/dich-vu-cong/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill(d.body.code);
    await page.getByLabel('Mã tra cứu hoặc số điện thoại').fill('SAI123456');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Không tìm thấy hồ sơ với thông tin đã nhập');
    expect(await page.textContent('main')).not.toContain('Tách hộ');

    await page.goto(`${e.base}/dich-vu-cong/tra-cuu?code=${encodeURIComponent(d.body.code)}&secret=${d.body.trackingSecret}`);
    await expect.poll(() => page.textContent('main')).toContain('Tách hộ');
    const main = (await page.textContent('main')) ?? '';
    expect(main).not.toContain('052190001122');
    expect(new URL(page.url()).searchParams.get('secret')).toBeNull(); // the secret leaves the address bar
    await expectAccessible(page);
    await page.screenshot({ path: 'docs/screenshots/portal-tracking.png' });
  });
});

/**
 * Browser-test support: Debian's Chromium (never a downloaded browser) driven by playwright-core, against
 * the real server on loopback with a real database and the built web app.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { ensureWebBuilt } from '../../src/server/platform/http/web.ts';
import { createSeededEnv, startHttp, TestClock, type TestEnv } from '../support/harness.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = () => fs.existsSync(CHROMIUM);

export interface E2E {
  env: TestEnv;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(clock = new TestClock()): Promise<E2E> {
  await ensureWebBuilt(() => {});
  const env = await createSeededEnv(clock);
  const http = await startHttp(env);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    env,
    base: http.base,
    browser,
    close: async () => {
      await browser.close();
      await http.close();
      await env.close();
    },
  };
}

export async function newPage(e: E2E, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const ctx = await e.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

/** axe-core: no serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(bad).toEqual([]);
}

export async function login(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel(/Tên đăng nhập/).fill(username);
  await page.getByLabel(/Mật khẩu/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

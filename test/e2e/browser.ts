/**
 * Browser-test support: Debian's Chromium (never a downloaded browser) driven by playwright-core, against
 * the real server on loopback with a real database and the built web app.
 *
 * One server and one browser per test file (startE2E in beforeAll); one browser context per user. The
 * server's TestClock and the pages' clocks move together through `setTime`, so the console shows the same
 * "today" as the server (remaining working days, the register's default range).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { ensureWebBuilt } from '../../src/server/platform/http/web.ts';
import { ApiClient, createSeededEnv, PASSWORD, samplePdf, startHttp, TestClock, type TestConfigOverrides, type TestEnv } from '../support/harness.ts';
import type { DemoSummary } from '../../src/server/seed/demo.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = () => fs.existsSync(CHROMIUM);

export const DESKTOP = { width: 1366, height: 768 };
export const TABLET = { width: 820, height: 1180 };
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** Demo organisation (test/support/harness.ts seedDemo). */
export const PLEIKU_CODE = '000.01.00.H21';
export const TACH_HO = '1.010038';
export const USERS = {
  desk: 'pleiku.motcua',
  specialist: 'pleiku.chuyenvien',
  leader: 'pleiku.lanhdao',
  unitAdmin: 'pleiku.quantri',
  otherDesk: 'dienhong.motcua',
  provinceAdmin: 'tinh.quantri',
} as const;
export const SPECIALIST_NAME = 'Trần Văn Minh';

export interface E2E {
  env: TestEnv & { demo: DemoSummary };
  base: string;
  browser: Browser;
  /** A scratch folder (files to upload), removed by close(). */
  tmp: string;
  close(): Promise<void>;
}

export async function startE2E(clock = new TestClock(), overrides: TestConfigOverrides = {}): Promise<E2E> {
  await ensureWebBuilt(() => {});
  const env = await createSeededEnv(clock, overrides);
  const http = await startHttp(env);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
  return {
    env,
    base: http.base,
    browser,
    tmp,
    close: async () => {
      await browser.close();
      await http.close();
      await env.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function newPage(e: E2E, viewport = DESKTOP): Promise<Page> {
  const ctx = await e.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await ctx.clock.setFixedTime(e.env.clock.now());
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

/** Moves the server's clock and every open page's clock to `iso` (e.g. '2026-03-02T09:00:00+07:00'). */
export async function setTime(e: E2E, iso: string): Promise<void> {
  e.env.clock.set(iso);
  for (const ctx of e.browser.contexts()) await ctx.clock.setFixedTime(new Date(iso));
}

/** Waits for transitions (modals, drawers, menus) to end; endless animations (spinners) are not waited for. */
export async function stillness(page: Page) {
  // A string: this runs in the page (the test code is compiled without the DOM library).
  await page.waitForFunction(`document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)`);
}

/** axe-core: no serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page, where = page.url()) {
  await stillness(page);
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} (${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()})`).join(', ')}`);
  expect(bad, `axe on ${where}`).toEqual([]);
}

export async function login(page: Page, base: string, username: string, password = PASSWORD) {
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel(/Tên đăng nhập/).fill(username);
  await page.getByLabel(/Mật khẩu/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

/** A fresh browser context signed in as `username` (lands on the user's home screen). */
export async function pageAs(e: E2E, username: string, viewport = DESKTOP): Promise<Page> {
  const page = await newPage(e, viewport);
  await login(page, e.base, username);
  await page.getByTestId('logout').waitFor();
  return page;
}

/** A Mantine Select: opens it and clicks the option by its visible name. */
export async function selectOption(page: Page, testid: string, option: string | RegExp) {
  await page.getByTestId(testid).click();
  await page.getByRole('option', { name: option }).click();
  await expect.poll(() => page.getByTestId(testid).inputValue()).toMatch(option);
}

/**
 * The assign form: a Select of the unit's specialists by full name (click it, then the option). Until that
 * form lands, a leader sees a plain text field for the officer's id, which is filled from the database.
 */
export async function pickAssignee(e: E2E, page: Page, fullName: string) {
  const field = page.getByTestId('input-assigneeId');
  await field.waitFor();
  // The unit's specialists are listed by name (GET /api/agencies/:id/staff?role=specialist).
  expect(await field.getAttribute('aria-haspopup')).toBe('listbox');
  await field.click();
  await page.getByRole('option', { name: new RegExp(fullName) }).click();
  await expect.poll(() => field.inputValue()).toContain(fullName);
}

/** A small PDF written to the scratch folder (to upload through a file input). */
export function pdfFile(e: E2E, name: string): string {
  const p = path.join(e.tmp, name);
  fs.writeFileSync(p, samplePdf(name));
  return p;
}

/** Mantine's FileButton: the hidden <input type=file> just before the button. */
export async function attachFile(scope: Page | Locator, buttonTestid: string, file: string) {
  const button = scope.getByTestId(buttonTestid);
  await button.locator('xpath=preceding-sibling::input[@type="file"][1]').setInputFiles(file);
}

/** Opens a PDF link with the page's cookies and checks it is a PDF. */
export async function expectPdfLink(page: Page, link: Locator) {
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(new URL(href!, page.url()).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  const body = await res.body();
  expect(body.subarray(0, 4).toString('latin1')).toBe('%PDF');
  return body;
}

/** Opens an action's modal on the dossier page, lets `fill` complete it, submits and waits for it to close. */
export async function act(page: Page, action: string, fill?: (modal: Locator) => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  const modal = page.getByTestId(`modal-${action}`);
  await modal.waitFor();
  if (fill) await fill(modal);
  const done = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
  await modal.getByTestId('action-submit').click();
  const res = await done;
  expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
  await modal.waitFor({ state: 'detached' });
  await page.getByTestId('last-action').waitFor();
}

export async function expectState(page: Page, label: string) {
  await expect.poll(() => page.getByTestId('state-badge').first().textContent()).toBe(label);
}

/** Waits until no loader is spinning (the console shows a Loader while it fetches). */
export async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
}

/**
 * Nothing is cut at the page's size: no sideways scroll of the page, and every visible control (buttons, links shown
 * as buttons, tabs, badges) lies whole inside the viewport and inside every ancestor that clips it (a table's scroll
 * container hiding the action column counts as cut), is not covered by another element where a user would click it
 * (a sticky column over a cell), and has its label not truncated (no ellipsis, no clipped text).
 * Returns nothing; fails listing each cut control with its text and where it was cut.
 */
export async function expectNothingCut(page: Page, where = page.url()) {
  expect(await cutControls(page), `nothing cut at ${page.viewportSize()?.width}×${page.viewportSize()?.height} on ${where}`).toEqual([]);
}

/** What `expectNothingCut` finds cut on the page as it is now, one line per control. */
export async function cutControls(page: Page): Promise<string[]> {
  await stillness(page);
  // A string: this runs in the page (the test code is compiled without the DOM library).
  const cut = (await page.evaluate(`(() => {
    const out = [];
    const vw = window.innerWidth;
    if (document.documentElement.scrollWidth > vw + 1) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth + 'px > ' + vw + 'px');
    const label = (el) => (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
    const visible = (el) => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el); return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'; };
    const controls = document.querySelectorAll('button, a.mantine-Button-root, [role=tab], .mantine-Badge-root');
    const dialog = document.querySelector('[role=dialog]');
    const vh = window.innerHeight;
    for (const el of controls) {
      if (!visible(el) || el.closest('[aria-hidden=true], [data-nothing-cut=ignore]')) continue;
      // With a dialog open, the page behind it is meant to be covered.
      if (dialog && !el.closest('[role=dialog]')) continue;
      const r = el.getBoundingClientRect();
      if (r.left < -1 || r.right > vw + 1) { out.push('"' + label(el) + '" outside the viewport (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw + ')'); continue; }
      // Covered by another element (a sticky column over a cell, an overlapping panel): the points a user would click.
      if (r.top >= 0 && r.bottom <= vh) {
        const covered = [[r.left + 2, r.top + r.height / 2], [r.left + r.width / 2, r.top + r.height / 2], [r.right - 2, r.top + r.height / 2]]
          .map(([x, y]) => document.elementFromPoint(x, y))
          .find((hit) => hit && hit !== el && !el.contains(hit) && !hit.closest('.mantine-Notifications-root, .mantine-Tooltip-tooltip, .mantine-Popover-dropdown'));
        if (covered) { out.push('"' + label(el) + '" covered by ' + covered.tagName.toLowerCase() + (covered.className && typeof covered.className === 'string' ? '.' + covered.className.split(' ')[0] : '')); continue; }
      }
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body && !clipped; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        if (r.left < ar.left - 1 || r.right > ar.right + 1) { out.push('"' + label(el) + '" hidden by a clipping container (' + Math.round(r.left) + '..' + Math.round(r.right) + ' in ' + Math.round(ar.left) + '..' + Math.round(ar.right) + ')'); clipped = true; }
      }
      if (clipped) continue;
      for (const t of [el, ...el.querySelectorAll('*')]) {
        // Visually hidden text (a 1px clip for screen readers) is meant to be clipped.
        if (!visible(t) || t.getBoundingClientRect().width <= 1 || t.getBoundingClientRect().height <= 1) continue;
        const cs = getComputedStyle(t);
        const clips = cs.overflowX !== 'visible' || cs.textOverflow === 'ellipsis';
        if (clips && t.scrollWidth > t.clientWidth + 1) { out.push('"' + label(el) + '" label truncated (' + t.scrollWidth + 'px in ' + t.clientWidth + 'px)'); break; }
      }
    }
    return out;
  })()`)) as string[];
  return cut;
}

export async function screenshot(page: Page, name: string) {
  await stillness(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

const clients = new WeakMap<E2E, Map<string, Promise<ApiClient>>>();

/** An API client signed in as `username` (to set up data that is not the subject of the test), one per user. */
export function apiAs(e: E2E, username: string): Promise<ApiClient> {
  let m = clients.get(e);
  if (!m) clients.set(e, (m = new Map()));
  let c = m.get(username);
  if (!c) m.set(username, (c = new ApiClient(e.base).login(username)));
  return c;
}

export async function agencyId(e: E2E, code = PLEIKU_CODE): Promise<string> {
  const c = await apiAs(e, USERS.desk);
  const r = await c.get('/api/agencies?limit=100');
  const a = r.body.items.find((x: { code: string }) => x.code === code);
  if (!a) throw new Error(`agency ${code} not found`);
  return a.id;
}

export interface SetupDossier {
  id: string;
  code: string;
  trackingSecret: string;
  dueAtLocal: string;
}

/** Who takes each step when a dossier is set up through the API. */
const ACTOR: Record<string, string> = {
  forward: USERS.desk,
  assign: USERS.leader,
  start_processing: USERS.specialist,
  request_supplement: USERS.specialist,
  propose: USERS.specialist,
  approve: USERS.leader,
  mark_result_ready: USERS.specialist,
  return_result: USERS.desk,
};

/**
 * A Pleiku dossier received at the desk at the server's current time, then taken through `steps` by the
 * usual officers (through the API: set-up, not the subject of a browser test).
 */
export async function setupDossier(
  e: E2E,
  opts: { procedureCode?: string; applicant?: Record<string, string>; steps?: string[]; scan?: string; agency?: string; by?: string } = {},
): Promise<SetupDossier> {
  const by = opts.by ?? USERS.desk;
  const desk = await apiAs(e, by);
  const documents: unknown[] = [];
  if (opts.scan) {
    const up = await desk.upload(samplePdf(opts.scan), opts.scan);
    if (up.status !== 201) throw new Error(`upload: ${JSON.stringify(up.body)}`);
    documents.push({ kind: 'input', sha256: up.body.sha256, fileName: opts.scan, componentName: 'Tờ khai thay đổi thông tin cư trú (CT01)' });
  }
  const created = await desk.post(
    '/api/dossiers',
    {
      agencyId: opts.agency ?? (await agencyId(e)),
      procedureCode: opts.procedureCode ?? TACH_HO,
      channel: 'desk',
      applicant: opts.applicant ?? { fullName: 'Nguyễn Văn An', idNumber: '052090001234', phone: '0905123456' },
      documents,
    },
    { 'idempotency-key': `e2e-${Math.random()}` },
  );
  if (created.status !== 201) throw new Error(`intake: ${JSON.stringify(created.body)}`);
  let d = created.body;
  for (const step of opts.steps ?? []) {
    const actor = await apiAs(e, ACTOR[step] ?? by);
    const input: Record<string, unknown> =
      step === 'assign' ? { assigneeId: (await (await apiAs(e, USERS.specialist)).get('/api/auth/me')).body.userId }
        : step === 'request_supplement' ? { missingItems: ['Bản sao giấy tờ chứng minh chỗ ở hợp pháp'] }
          : step === 'mark_result_ready' ? { paperResult: true }
            : step === 'return_result' ? { returnMethod: 'desk', collectedBy: d.applicant.fullName }
              : {};
    const r = await actor.post(`/api/dossiers/${d.id}/actions`, { action: step, version: d.version, input, documents: [] });
    if (r.status !== 200) throw new Error(`${step}: ${JSON.stringify(r.body)}`);
    d = r.body;
  }
  return { id: d.id, code: d.code, trackingSecret: d.trackingSecret, dueAtLocal: d.dueAtLocal };
}

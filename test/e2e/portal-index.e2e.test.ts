/**
 * Chỉ số phục vụ người dân, doanh nghiệp on the citizen portal, on a phone (390×844): from the home page a
 * visitor opens the public service index, chooses the province, and sees the same total, rating and group
 * scores as the public API, and the rankings of the province's units; picks a month; follows a unit from the
 * rankings to its own index. No sign-in. axe-core on each state.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexDashboard, Rankings } from '../../src/core/service-index/dashboard.ts';
import { ApiClient, TestClock } from '../support/harness.ts';
import { agencyId, expectAccessible, PLEIKU_CODE, setupDossier, startE2E, type E2E } from './browser.ts';

const ROOT_CODE = '000.00.00.H21';
const DIEN_HONG_CODE = '000.02.00.H21';
const NOW = '2026-03-20T09:00:00+07:00';
const YEAR = 2026;
const phone = { width: 390, height: 844 };

interface IndexAgency {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
}

let e: E2E;
let page: Page;
let publicApi: ApiClient;
let agencies: IndexAgency[];
let root: IndexAgency;

/** Figures as the page writes them in Vietnamese. */
const vi = (n: number, digits = 2) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(n);

async function dashboardOf(agencyId: string, q: string): Promise<IndexDashboard> {
  const r = await publicApi.get(`/api/public/index?agencyId=${agencyId}&${q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
async function rankingsOf(agencyId: string, q: string): Promise<Rankings> {
  const r = await publicApi.get(`/api/public/rankings?agencyId=${agencyId}&${q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** The summary, groups and rankings shown for `d` / `r`. */
async function expectShown(d: IndexDashboard, r: Rankings | null) {
  await expect.poll(() => page.getByTestId('idx-unit').textContent()).toBe(d.agency.name);
  await expect.poll(() => page.getByTestId('idx-summary').textContent()).toContain(d.period.label.vi);
  expect(await page.getByTestId('idx-total').textContent()).toBe(vi(d.result.total));
  expect(await page.getByTestId('idx-band').textContent()).toBe(d.result.band.label.vi);
  const groups = (await page.getByTestId('idx-groups').textContent()) ?? '';
  for (const g of d.result.groups) {
    expect(groups).toContain(g.name.vi);
    expect(groups).toContain(`${vi(g.score)} / ${vi(g.max)} điểm`);
  }
  if (r === null) return;
  const section = page.getByTestId('idx-rankings');
  if (r.rows.length === 0) {
    await section.getByTestId('idx-no-children').waitFor();
    return;
  }
  const rows = section.getByTestId('idx-rankings-table').locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(r.rows.length);
  for (const [k, u] of r.rows.entries()) {
    const row = rows.nth(k);
    expect(await row.locator('th').textContent()).toContain(u.agency.name);
    expect(await row.locator('td').first().textContent()).toBe(u.rank === null ? '—' : String(u.rank));
    expect(await row.locator('td').last().textContent()).toContain(vi(u.total));
  }
}

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date(NOW)));
  // Dossiers received this month at two wards through the API (intake and, for some, the whole path to the
  // returned result), so the province's index and the rankings have figures.
  const FULL = ['forward', 'assign', 'start_processing', 'propose', 'approve', 'mark_result_ready', 'return_result'];
  for (let k = 0; k < 4; k++) await setupDossier(e, { steps: k < 2 ? FULL : [] });
  const dienHong = await agencyId(e, DIEN_HONG_CODE);
  for (let k = 0; k < 2; k++) await setupDossier(e, { agency: dienHong, by: 'dienhong.motcua' });
  publicApi = new ApiClient(e.base); // no sign-in: the public API
  const a = await publicApi.get('/api/public/index/agencies');
  expect(a.status).toBe(200);
  agencies = a.body.agencies;
  root = agencies.find((x) => x.code === ROOT_CODE)!;
  expect(root).toBeTruthy();

  const ctx = await e.browser.newContext({ viewport: phone, deviceScaleFactor: 2, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
  await ctx.clock.setFixedTime(e.env.clock.now());
  ctx.setDefaultTimeout(15_000);
  page = await ctx.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});

afterAll(async () => {
  await e?.close();
});

describe('portal: the public service index (766)', () => {
  it('opens from the home page; the province’s total, rating, groups and the rankings of its units equal the API’s', async () => {
    const q = `period=year&year=${YEAR}`;
    const d = await dashboardOf(root.id, q);
    const r = await rankingsOf(root.id, q);
    expect(d.result.total).toBeGreaterThan(0);
    expect(r.rows.some((u) => u.agency.code === PLEIKU_CODE && u.received > 0)).toBe(true);

    await page.goto(`${e.base}/dich-vu-cong/`);
    await page.getByRole('link', { name: 'Xem chỉ số phục vụ người dân, doanh nghiệp' }).click();
    await page.waitForURL(/\/dich-vu-cong\/chi-so-phuc-vu/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chỉ số phục vụ người dân, doanh nghiệp');

    const unit = page.getByLabel('Đơn vị', { exact: true });
    await expect.poll(() => unit.isEnabled()).toBe(true);
    // Start elsewhere, then choose the province.
    await unit.selectOption({ label: agencies.find((x) => x.code === PLEIKU_CODE)!.name });
    await expect.poll(() => page.getByTestId('idx-unit').textContent()).toBe(agencies.find((x) => x.code === PLEIKU_CODE)!.name);
    await unit.selectOption({ label: root.name });
    await expect.poll(() => new URL(page.url()).searchParams.get('don-vi')).toBe(ROOT_CODE);
    expect(await page.getByLabel('Kỳ đánh giá', { exact: true }).inputValue()).toBe('year');
    expect(await page.getByLabel('Năm', { exact: true }).inputValue()).toBe(String(YEAR));
    await expectShown(d, r);

    // Every indicator, with its rate, is one tap away (a disclosure per group).
    const first = d.result.groups[1]!;
    await page.locator('summary', { hasText: first.name.vi }).click();
    const table = page.getByRole('table', { name: `Chỉ số của nhóm ${first.name.vi}` });
    await table.waitFor();
    for (const i of first.indicators) {
      const row = table.getByRole('row', { name: new RegExp(i.name.vi) });
      if (i.rate !== null) expect(await row.textContent()).toContain(`${vi(i.rate)}%`);
    }
    // The months of the year as a chart whose text alternative lists the totals.
    const chart = page.getByRole('img', { name: /Tổng điểm từng tháng/ });
    for (const m of d.trend) expect(await chart.getAttribute('aria-label')).toContain(`${m.period.label.vi}: ${vi(m.total)}`);

    await expectAccessible(page, 'service index: province, year');
    await page.screenshot({ path: 'docs/screenshots/portal-index.png', fullPage: true });
  });

  it('a month of the year: the figures of that month', async () => {
    const q = `period=month&year=${YEAR}&index=3`;
    const d = await dashboardOf(root.id, q);
    const r = await rankingsOf(root.id, q);
    await page.getByLabel('Kỳ đánh giá', { exact: true }).selectOption('month');
    await page.getByLabel('Tháng', { exact: true }).selectOption({ label: 'Tháng 3' });
    await expect.poll(() => new URL(page.url()).searchParams.get('so')).toBe('3');
    await expectShown(d, r);
    expect(d.period.label.vi).toBe(`Tháng 3/${YEAR}`);
    await expectAccessible(page, 'service index: province, month');
  });

  it('a unit in the rankings opens its own index (a ward: nothing under it to rank), and the link can be shared', async () => {
    const q = `period=month&year=${YEAR}&index=3`;
    const pleiku = agencies.find((x) => x.code === PLEIKU_CODE)!;
    const d = await dashboardOf(pleiku.id, q);
    const r = await rankingsOf(pleiku.id, q);
    await page.getByTestId('idx-rankings-table').getByRole('link', { name: `Xem chỉ số của ${pleiku.name}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('don-vi')).toBe(PLEIKU_CODE);
    await expectShown(d, r);
    await expectAccessible(page, 'service index: ward');

    // The same address in a fresh page shows the same choice.
    const url = page.url();
    const other = await page.context().newPage();
    await other.goto(url);
    await expect.poll(() => other.getByTestId('idx-total').textContent()).toBe(vi(d.result.total));
    expect(await other.getByLabel('Đơn vị', { exact: true }).inputValue()).toBe(PLEIKU_CODE);
    await other.close();
  });

  it('in English', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Service index for citizens and businesses');
    const q = `period=month&year=${YEAR}&index=3`;
    const d = await dashboardOf(agencies.find((x) => x.code === PLEIKU_CODE)!.id, q);
    expect(await page.getByTestId('idx-band').textContent()).toBe(d.result.band.label.en);
    expect(await page.getByTestId('idx-groups').textContent()).toContain(d.result.groups[0]!.name.en);
    await expectAccessible(page, 'service index in English');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });
});

/**
 * Chỉ số phục vụ (Decision 766) in the staff console: the province reform officer opens the province dashboard
 * for the current year (total, groups and every indicator equal the API's figures; axe), drills from the
 * ON_TIME indicator to the procedure with most late dossiers, then to one late dossier and its page, comes back
 * to the dashboard and exports it to Excel: the workbook's figures equal the API's for the same query. Also the
 * rankings (minimum-volume rule, sorting by a group), the reconciliation with the national portal's exported Excel counts, and
 * a commune leader who sees his own unit only. The data: a few dossiers made here through the real action path,
 * plus the demo's activity generator (seedHistory).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexDashboard, IndicatorProcedureRow, Rankings } from '../../src/core/service-index/dashboard.ts';
import { DASHBOARD_XLSX } from '../../src/server/modules/monitoring/exports/dashboard-xlsx.ts';
import { seedHistory, TestClock, type ApiClient } from '../support/harness.ts';
import { agencyId, apiAs, expectAccessible, pageAs, settled, setTime, setupDossier, startE2E, USERS, type E2E } from './browser.ts';

const REFORM = 'tinh.caicach';
const ROOT_CODE = '000.00.00.H21';
const NOW = '2026-03-20T09:00:00+07:00';
const YEAR = 2026;

let e: E2E;
let page: Page;
let api: ApiClient;
let rootId: string;
let dash: IndexDashboard;

const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
const periodQuery = () => `agencyId=${rootId}&period=year&year=${YEAR}`;
const num = async (testid: string, attr: string) => Number(await page.getByTestId(testid).getAttribute(attr));

/** Who finishes a dossier, step by step (after the desk received it and the specialist started). */
const FINISH: [string, string, Record<string, unknown>][] = [
  ['propose', USERS.specialist, {}],
  ['approve', USERS.leader, {}],
  ['mark_result_ready', USERS.specialist, { paperResult: true }],
  ['return_result', USERS.desk, { returnMethod: 'desk', collectedBy: 'Người nộp' }],
];

/**
 * Pleiku dossiers of this year through the real action path, the clock moved along: received on `at`, processing
 * started the same day, finished and returned on `done` (null: still open). Set-up, not the subject of the test.
 */
async function dossierLife(at: string, done: string | null) {
  await setTime(e, at);
  const d = await setupDossier(e, { steps: ['forward', 'assign', 'start_processing'] });
  if (!done) return;
  await setTime(e, done);
  for (const [action, who, input] of FINISH) {
    const c = await apiAs(e, who);
    const cur = (await c.get(`/api/dossiers/${d.id}`)).body as { version: number };
    const r = await c.post(`/api/dossiers/${d.id}/actions`, { action, version: cur.version, input, documents: [] });
    if (r.status !== 200) throw new Error(`${action}: ${JSON.stringify(r.body)}`);
  }
}

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date(`${YEAR}-01-05T09:00:00+07:00`)));
  // Late (finished weeks after the appointment), early, and open past the appointment on the day of the test.
  await dossierLife(`${YEAR}-01-05T09:00:00+07:00`, `${YEAR}-02-24T10:00:00+07:00`);
  await dossierLife(`${YEAR}-01-06T09:00:00+07:00`, `${YEAR}-02-25T10:00:00+07:00`);
  await dossierLife(`${YEAR}-01-07T09:00:00+07:00`, `${YEAR}-01-08T10:00:00+07:00`);
  await dossierLife(`${YEAR}-02-02T09:00:00+07:00`, `${YEAR}-02-03T15:00:00+07:00`);
  await dossierLife(`${YEAR}-02-03T09:00:00+07:00`, null);
  await dossierLife(`${YEAR}-03-16T09:00:00+07:00`, null);
  await setTime(e, NOW);
  // And the demo's own activity generator (what `npm start` loads): two more months at Pleiku and Diên Hồng.
  await seedHistory(e.env, { months: 2, perMonth: 5, lateShare: 0.3, seed: 3 });
  rootId = await agencyId(e, ROOT_CODE);
  api = await apiAs(e, REFORM);
  const r = await api.get(`/api/monitoring/index?${periodQuery()}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  dash = r.body;
  page = await pageAs(e, REFORM);
});

afterAll(async () => {
  await e?.close();
});

describe('service index (766) in the staff console', () => {
  it('opens the province dashboard for the current year with the API’s total, groups and indicators', async () => {
    await page.getByTestId('nav-monitoring').click();
    // The URL is completed with the defaults (the user's top unit, the current year) and can be shared.
    await page.waitForURL((u) => u.pathname === '/chi-so' && u.searchParams.get('agencyId') === rootId && u.searchParams.get('period') === 'year' && u.searchParams.get('year') === String(YEAR));
    await page.getByTestId('mon-dashboard').waitFor();
    await settled(page);

    expect(await page.getByTestId('mon-heading').textContent()).toContain(dash.agency.name);
    expect(await num('mon-total', 'data-value')).toBe(dash.result.total);
    expect(await page.getByTestId('mon-total').textContent()).toContain(vi(dash.result.total));
    expect(await page.getByTestId('mon-band').textContent()).toBe(dash.result.band.label.vi);
    expect(await page.getByTestId('mon-scaled').count()).toBe(dash.result.applicableMax < 100 ? 1 : 0);
    expect(await page.locator('[data-testid^="mon-group-"]').count()).toBe(dash.result.groups.length);
    for (const g of dash.result.groups) {
      expect(await num(`mon-group-${g.code}`, 'data-score'), g.code).toBe(g.score);
      for (const i of g.indicators) {
        const row = page.getByTestId(`mon-indicator-${i.code}`);
        expect(await row.getAttribute('data-numerator'), i.code).toBe(i.numerator === null ? '' : String(i.numerator));
        expect(await row.getAttribute('data-denominator'), i.code).toBe(i.denominator === null ? '' : String(i.denominator));
      }
    }
    expect(await page.getByTestId('mon-fig-received').textContent()).toBe(vi(dash.figures.received));
    // Both charts are drawn (SVG) and each has its data table.
    await page.getByTestId('mon-chart-trend').locator('svg').waitFor();
    await page.getByTestId('mon-chart-compare').locator('svg').waitFor();
    expect(await page.getByTestId('mon-trend-table').locator('tbody tr').count()).toBe(dash.trend.length);
    await expectAccessible(page, 'service-index dashboard');
  });

  it('drills from ON_TIME to the procedure with most late dossiers, then to a late dossier and its page', async () => {
    const onTime = dash.result.groups.flatMap((g) => g.indicators).find((i) => i.code === 'ON_TIME')!;
    expect(onTime.name.vi).toBe('Hồ sơ giải quyết trước hạn, đúng hạn');
    // The demo data has late dossiers: ON_TIME loses points.
    expect(onTime.numerator!).toBeLessThan(onTime.denominator!);

    await page.getByTestId('mon-drill-ON_TIME').click();
    await page.waitForURL((u) => u.pathname === '/chi-so/chi-tieu/ON_TIME' && u.searchParams.get('agencyId') === rootId);
    await page.getByTestId('mon-procedures').waitFor();
    await settled(page);
    expect(await page.getByTestId('mon-indicator-title').textContent()).toBe(onTime.name.vi);
    const procs = (await api.get(`/api/monitoring/index/procedures?${periodQuery()}&indicator=ON_TIME`)).body as { rows: IndicatorProcedureRow[] };
    expect(await page.locator('[data-testid^="mon-proc-dossiers-"]').count()).toBe(procs.rows.length);
    const worst = procs.rows[0]!;
    expect(worst.missing).toBeGreaterThan(0);
    expect(await num(`mon-proc-${worst.procedureId}`, 'data-missing')).toBe(worst.missing);
    await expectAccessible(page, 'ON_TIME procedures');

    await page.getByTestId(`mon-proc-dossiers-${worst.procedureId}`).click();
    await page.waitForURL((u) => u.pathname === '/chi-so/chi-tieu/ON_TIME/ho-so' && u.searchParams.get('procedureId') === worst.procedureId);
    await page.getByTestId('mon-dossiers').waitFor();
    await settled(page);
    // The default filter lists the dossiers that cost points: as many as the procedure misses (first page).
    const rows = page.locator('[data-testid^="mon-dossier-"][data-counts]');
    expect(await rows.count()).toBe(Math.min(worst.missing, 50));
    expect(await page.locator('[data-testid^="mon-dossier-"][data-counts="yes"]').count()).toBe(0);
    expect(await page.getByTestId('mon-dossiers-procedure').textContent()).toContain(worst.name);
    await expectAccessible(page, 'ON_TIME dossiers');

    const link = rows.first().locator('[data-testid^="mon-dossier-link-"]');
    const id = (await link.getAttribute('data-testid'))!.replace('mon-dossier-link-', '');
    const code = (await link.textContent())!;
    const dossier = (await api.get(`/api/dossiers/${id}`)).body as { code: string; dueAt: string; finishedAt: string | null };
    expect(dossier.code).toBe(code);
    // Late: finished after its appointment, or still open past it at the judging day.
    const judged = new Date(`${dash.judgedOn.slice(0, 10)}T23:59:59+07:00`).getTime();
    expect(new Date(dossier.finishedAt ?? judged).getTime()).toBeGreaterThan(new Date(dossier.dueAt).getTime());

    await link.click();
    await page.waitForURL((u) => u.pathname === `/ho-so/${id}`);
    await expect.poll(() => page.getByTestId('dossier-code').textContent()).toBe(code);
  });

  it('back on the dashboard, the Excel export holds the figures of the API for the same query', async () => {
    await page.goBack();
    await page.getByTestId('mon-dossiers').waitFor();
    await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('link', { name: 'Bảng chỉ số' }).click();
    await page.waitForURL((u) => u.pathname === '/chi-so');
    await page.getByTestId('mon-dashboard').waitFor();
    await settled(page);
    const shown = new URL(page.url()).searchParams;

    const button = page.getByTestId('mon-export-xlsx');
    const href = new URL((await button.getAttribute('href'))!, page.url());
    expect(href.pathname).toBe('/api/monitoring/index.xlsx');
    expect(Object.fromEntries(href.searchParams)).toEqual(Object.fromEntries(shown));

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);

    // The dashboard API with exactly the query of the export link.
    const expected = (await api.get(`/api/monitoring/index?${href.searchParams.toString()}`)).body as IndexDashboard;
    const L = DASHBOARD_XLSX.summary;
    const ws = wb.getWorksheet(L.name.vi)!;
    expect(ws, 'summary sheet').toBeTruthy();
    const cell = (a: string) => ws.getCell(a).value;
    expect(cell(L.unitCode)).toBe(ROOT_CODE);
    expect(cell(L.total)).toBe(expected.result.total);
    expect(cell(L.scaled)).toBe(expected.result.scaled);
    expect(cell(L.bandCode)).toBe(expected.result.band.code);
    const indicators = expected.result.groups.flatMap((g) => g.indicators);
    const c = L.indicatorColumns;
    const rowOf = (code: string) => {
      for (let r = L.firstIndicatorRow; r < L.firstIndicatorRow + indicators.length; r++) if (ws.getCell(`${c.code}${r}`).value === code) return r;
      throw new Error(`${code} not in the sheet`);
    };
    const onTime = indicators.find((i) => i.code === 'ON_TIME')!;
    const r = rowOf('ON_TIME');
    expect(cell(`${c.numerator}${r}`)).toBe(onTime.numerator);
    expect(cell(`${c.denominator}${r}`)).toBe(onTime.denominator);
    expect(cell(`${c.points}${r}`)).toBe(onTime.score);
    // And the page showed the same figures.
    expect(await num('mon-total', 'data-value')).toBe(expected.result.total);
    expect(await page.getByTestId('mon-indicator-ON_TIME').getAttribute('data-numerator')).toBe(String(onTime.numerator));
  });

  it('ranks the province’s units with the minimum-volume rule, sortable by a group', async () => {
    await page.getByTestId('mon-tab-rankings').click();
    await page.waitForURL((u) => u.pathname === '/chi-so/xep-hang' && u.searchParams.get('agencyId') === rootId);
    await page.getByTestId('mon-rankings').waitFor();
    await settled(page);
    const rk = (await api.get(`/api/monitoring/rankings?${periodQuery()}&sort=total`)).body as Rankings;
    expect(await page.getByTestId('mon-rank-min').textContent()).toContain(String(rk.minDossiers));
    for (const row of rk.rows) {
      const tr = page.getByTestId(`mon-rank-${row.agency.code}`);
      expect(await tr.getAttribute('data-eligible'), row.agency.code).toBe(row.eligible ? 'yes' : 'no');
      expect(Number(await tr.getAttribute('data-total'))).toBe(row.total);
      if (!row.eligible) expect(await tr.textContent()).toContain('chưa đủ số hồ sơ tối thiểu');
    }
    expect(await page.locator('[data-testid="mon-rank-ineligible"] tbody tr').count()).toBe(rk.rows.filter((x) => !x.eligible).length);
    await expectAccessible(page, 'rankings');

    // A lower minimum ranks the units that have a few dossiers; sorting by a group ranks by that group.
    await page.getByTestId('mon-rank-min-input').fill('1');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.waitForURL((u) => u.searchParams.get('minDossiers') === '1');
    await expect.poll(() => page.getByTestId('mon-rank-min').textContent()).toContain('từ 1 hồ sơ');
    await settled(page);
    const eligible = page.getByTestId('mon-rank-eligible');
    await eligible.getByTestId('mon-sort-PROGRESS').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'PROGRESS' && u.searchParams.get('minDossiers') === '1');
    // (The router renders a navigation as a transition: the address changes first.)
    await expect.poll(() => eligible.getByTestId('mon-sort-PROGRESS').locator('xpath=..').getAttribute('aria-sort')).toBe('descending');
    await settled(page);
    const byProgress = (await api.get(`/api/monitoring/rankings?${periodQuery()}&sort=PROGRESS&minDossiers=1`)).body as Rankings;
    const ranked = byProgress.rows.filter((x) => x.eligible);
    expect(ranked.length).toBeGreaterThan(0);
    const shownCodes = () => eligible.locator('tbody tr[data-testid^="mon-rank-"]').evaluateAll((els) => els.map((x) => (x as unknown as { getAttribute(n: string): string | null }).getAttribute('data-testid')));
    await expect.poll(shownCodes).toEqual([...ranked].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((x) => `mon-rank-${x.agency.code}`));
    const xlsx = new URL((await page.getByTestId('mon-rank-xlsx').getAttribute('href'))!, page.url());
    expect(xlsx.pathname).toBe('/api/monitoring/rankings.xlsx');
    expect(xlsx.searchParams.get('sort')).toBe('PROGRESS');
    expect(xlsx.searchParams.get('minDossiers')).toBe('1');
    expect(xlsx.searchParams.get('agencyId')).toBe(rootId);
  });

  it('reconciles the national portal’s exported Excel counts with motcua’s, marking what differs in words', async () => {
    await page.getByTestId('mon-tab-reconciliation').click();
    await page.waitForURL((u) => u.pathname === '/chi-so/doi-chieu');
    await page.getByTestId('mon-rec-none').waitFor();
    const onTime = dash.result.groups.flatMap((g) => g.indicators).find((i) => i.code === 'ON_TIME')!;
    const sync = dash.result.groups.flatMap((g) => g.indicators).find((i) => i.code === 'DOSSIER_SYNC')!;
    // The portal counts one more late dossier than motcua; the other indicator agrees.
    const metrics = [
      { code: 'ON_TIME', numerator: onTime.numerator! - 1, denominator: onTime.denominator! },
      { code: 'DOSSIER_SYNC', numerator: sync.numerator!, denominator: sync.denominator! },
    ];
    await page.getByTestId('mon-rec-json').fill('{"metrics": [');
    await page.getByTestId('mon-rec-source-input').fill('Cổng DVC quốc gia, trang Bộ chỉ số 766, xem ngày 20/03/2026');
    await page.getByTestId('mon-rec-submit').click();
    await page.getByTestId('mon-rec-problem').waitFor();
    // The portal's exported Excel file, read on the server into the counts shown before import.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bộ chỉ số 766');
    ws.addRow(['STT', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Tử số', 'Mẫu số']);
    metrics.forEach((m, i) => ws.addRow([i + 1, m.code, m.code, m.numerator, m.denominator]));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await page.locator('input[type=file]').setInputFiles({ name: 'bo-chi-so-766.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
    await page.getByTestId('mon-rec-read').waitFor();
    expect(await page.getByTestId('mon-rec-read').textContent()).toContain('Đã đọc 2 chỉ tiêu từ tệp bo-chi-so-766.xlsx');
    expect(JSON.parse(await page.getByTestId('mon-rec-json').inputValue())).toEqual({ metrics });
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/monitoring/reconciliations') && r.request().method() === 'POST');
    await page.getByTestId('mon-rec-submit').click();
    expect((await posted).status()).toBe(201);
    await page.getByTestId('mon-rec-table').waitFor();
    await settled(page);
    expect(await page.getByTestId('mon-rec-source').textContent()).toContain('trang Bộ chỉ số 766');
    const onTimeRow = page.getByTestId('mon-rec-ON_TIME');
    expect(await onTimeRow.getAttribute('data-differs')).toBe('yes');
    expect(await onTimeRow.textContent()).toContain('khác');
    expect(await page.getByTestId('mon-rec-DOSSIER_SYNC').getAttribute('data-differs')).toBe('no');
    await expectAccessible(page, 'reconciliation');
  });

  it('the dossier list pages by cursor: a link with a cursor opens the rows after it; "previous" returns to the first page', async () => {
    const q = `${periodQuery()}&indicator=ONLINE_DOSSIERS&filter=denominator`;
    const all = ((await api.get(`/api/monitoring/index/dossiers?${q}&limit=200`)).body.rows as { id: string }[]).map((r) => r.id);
    expect(all.length).toBeGreaterThan(3);
    const first = (await api.get(`/api/monitoring/index/dossiers?${q}&limit=3`)).body as { next: string };
    await page.goto(`${e.base}/chi-so/chi-tieu/ONLINE_DOSSIERS/ho-so?${periodQuery()}&filter=denominator&c=${first.next}`);
    await page.getByTestId('mon-dossiers').waitFor();
    await settled(page);
    const shown = async () => (await page.locator('[data-testid^="mon-dossier-"][data-counts]').evaluateAll((xs) => xs.map((x) => (x as unknown as { getAttribute(n: string): string }).getAttribute('data-testid')))).map((t) => t.replace('mon-dossier-', ''));
    expect(await shown()).toEqual(all.slice(3, 53));
    await page.getByTestId('mon-page-prev').click();
    await expect.poll(async () => (await shown()).join(',')).toBe(all.slice(0, 50).join(','));
    expect(new URL(page.url()).searchParams.get('c')).toBeNull();
  });

  it('a commune leader sees his own unit, not the province', async () => {
    const leader = await pageAs(e, USERS.leader);
    const pleikuId = await agencyId(e);
    await leader.getByTestId('nav-monitoring').click();
    await leader.waitForURL((u) => u.pathname === '/chi-so' && u.searchParams.get('agencyId') === pleikuId);
    await leader.getByTestId('mon-dashboard').waitFor();
    await settled(leader);
    const own = (await (await apiAs(e, USERS.leader)).get(`/api/monitoring/index?agencyId=${pleikuId}&period=year&year=${YEAR}`)).body as IndexDashboard;
    expect(Number(await leader.getByTestId('mon-total').getAttribute('data-value'))).toBe(own.result.total);
    await leader.getByTestId('mon-agency').click();
    const options = await leader.getByRole('option').allTextContents();
    expect(options.some((o) => o.includes('Pleiku'))).toBe(true);
    expect(options.some((o) => o.includes(dash.agency.name))).toBe(false);
    await leader.keyboard.press('Escape');
    // A shared link to the province dashboard is outside his scope.
    await leader.goto(`${e.base}/chi-so?${periodQuery()}`);
    await leader.getByTestId('mon-unit-outside').waitFor();
    await leader.context().close();
  });
});

/**
 * Access is scoped to the officer's unit in the console too: another ward's desk officer gets "not found"
 * for a Pleiku dossier (and none of its data), never sees it in a queue or a search; anonymous visitors are
 * sent to the login page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/harness.ts';
import { agencyId, newPage, pageAs, settled, setupDossier, startE2E, USERS, type E2E, type SetupDossier } from './browser.ts';

const APPLICANT = { fullName: 'Phạm Thị Dung', idNumber: '064192003456', phone: '0987654321', address: 'Tổ 5, phường Pleiku' };
let e: E2E;
let pleiku: SetupDossier;
let own: SetupDossier;
let other: Page;

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-16T09:00:00+07:00')));
  pleiku = await setupDossier(e, { applicant: APPLICANT, steps: ['forward'], scan: 'to-khai-CT01.pdf' });
  // The other ward's own dossier for a namesake: their queues and searches are not empty, just scoped.
  own = await setupDossier(e, { by: USERS.otherDesk, agency: await agencyId(e, '000.02.00.H21'), applicant: { fullName: 'Phạm Thị Dung', idNumber: '064192009999' } });
  other = await pageAs(e, USERS.otherDesk);
});

afterAll(async () => {
  await e?.close();
});

/** Nothing of the Pleiku dossier is on the page (except what the officer typed: `typed`). */
async function expectNoTrace(page: Page, typed = '') {
  const html = (await page.locator('body').innerText()) + (await page.content());
  const secrets = [pleiku.code, pleiku.id, APPLICANT.idNumber, APPLICANT.phone, APPLICANT.address, pleiku.trackingSecret, 'to-khai-CT01.pdf'];
  expect(secrets.filter((s) => s !== typed && html.includes(s))).toEqual([]);
}

describe('another ward’s desk officer (dienhong.motcua)', () => {
  it('opening /ho-so/<id> of a Pleiku dossier sees “not found” and no data of the dossier', async () => {
    const res = other.waitForResponse((r) => r.url().endsWith(`/api/dossiers/${pleiku.id}`));
    await other.goto(`${e.base}/ho-so/${pleiku.id}`);
    expect((await res).status()).toBe(404);
    await expect.poll(() => other.getByTestId('error-alert').textContent()).toContain('Không tìm thấy hồ sơ.');
    await settled(other);
    expect(await other.getByTestId('actions-panel').count()).toBe(0);
    expect(await other.getByTestId('history-table').count()).toBe(0);
    expect(await other.getByTestId('state-badge').count()).toBe(0);
    // The URL carries the id the officer typed; the page itself shows nothing of the dossier.
    const body = await other.locator('#main').innerText();
    for (const s of [pleiku.code, APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone, 'Tách hộ']) expect(body).not.toContain(s);
  });

  it('the dossier is in none of their queues', async () => {
    await other.goto(`${e.base}/hang-doi/all`);
    await other.getByTestId(`row-${own.code}`).waitFor();
    for (const view of ['all', 'mine', 'unassigned', 'due_soon', 'overdue', 'result_ready']) {
      await other.getByTestId(`tab-${view}`).click();
      await other.waitForURL(new RegExp(`/hang-doi/${view}$`));
      await settled(other);
      await expect.poll(() => other.getByTestId('dossier-table').or(other.getByTestId('empty-list')).count()).toBeGreaterThan(0);
      expect(await other.getByTestId(`row-${pleiku.code}`).count(), view).toBe(0);
      await expectNoTrace(other);
    }
    await other.goto(`${e.base}/so-theo-doi`);
    await other.getByTestId(`row-${own.code}`).waitFor();
    expect(await other.getByTestId(`row-${pleiku.code}`).count()).toBe(0);
  });

  it('searching by name, ID number or code never finds it', async () => {
    await other.getByTestId('header-search').fill('Phạm Thị Dung');
    await other.getByTestId('header-search').press('Enter');
    await other.getByTestId('search-results').getByTestId(`row-${own.code}`).waitFor();
    expect(await other.getByTestId(`row-${pleiku.code}`).count()).toBe(0);
    await expectNoTrace(other);
    for (const q of [APPLICANT.idNumber, pleiku.code]) {
      const res = other.waitForResponse((r) => r.url().includes('/api/dossiers/search'));
      await other.goto(`${e.base}/tim-kiem?q=${encodeURIComponent(q)}`);
      expect((await res).status()).toBe(200);
      await other.getByTestId('empty-list').waitFor();
      await expectNoTrace(other, q);
    }
  });

  it('the Pleiku desk officer, for comparison, opens it', async () => {
    const desk = await pageAs(e, USERS.desk);
    await desk.goto(`${e.base}/ho-so/${pleiku.id}`);
    await expect.poll(() => desk.getByTestId('dossier-code').textContent()).toBe(pleiku.code);
    expect(await desk.getByTestId('applicant-name').textContent()).toBe(APPLICANT.fullName);
    await desk.context().close();
  });
});

describe('an anonymous visitor', () => {
  it('is sent to /dang-nhap from a dossier, a queue and the intake, and sees nothing of the dossier', async () => {
    const page = await newPage(e);
    try {
      for (const path of [`/ho-so/${pleiku.id}`, '/hang-doi/all', '/tiep-nhan']) {
        await page.goto(`${e.base}${path}`);
        await page.waitForURL((u) => u.pathname === '/dang-nhap');
        expect(new URL(page.url()).searchParams.get('next')).toBe(path);
        await page.getByTestId('login-username').waitFor();
        expect(await page.locator('body').innerText()).not.toContain(pleiku.code);
        expect(await page.locator('body').innerText()).not.toContain(APPLICANT.fullName);
      }
      const api = await page.request.get(`${e.base}/api/dossiers/${pleiku.id}`);
      expect(api.status()).toBe(401);
    } finally {
      await page.context().close();
    }
  });
});

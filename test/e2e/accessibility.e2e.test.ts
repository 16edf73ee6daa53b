/**
 * axe-core on every screen of the console (no serious or critical violation), with data on them: dossiers in
 * process, overdue, awaiting a supplement, with a result to return, an online submission. Intake and the
 * dossier page are checked at a tablet size too. The main screens are saved to docs/screenshots/ at 1366×768, where
 * nothing may be cut (the intake buttons, the return page's action column, the dossier's actions): `expectNothingCut`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/harness.ts';
import {
  agencyId,
  apiAs,
  attachFile,
  expectAccessible,
  cutControls,
  expectNothingCut,
  newPage,
  pageAs,
  pdfFile,
  screenshot,
  selectOption,
  settled,
  setTime,
  setupDossier,
  startE2E,
  TABLET,
  TACH_HO,
  USERS,
  type E2E,
  type SetupDossier,
} from './browser.ts';

let e: E2E;
let inProcess: SetupDossier;
let ready: SetupDossier;
let unassigned: SetupDossier;
let online: { id: string };
let desk: Page;

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  // Mon 02/03: four dossiers of “Tách hộ” (due Mon 09/03) in different states, one online submission.
  inProcess = await setupDossier(e, { scan: 'to-khai-CT01.pdf', steps: ['forward', 'assign', 'start_processing'] });
  ready = await setupDossier(e, { applicant: { fullName: 'Trần Thị Bình', idNumber: '052190004321', phone: '0912345678' }, steps: ['forward', 'assign', 'start_processing', 'propose', 'approve', 'mark_result_ready'] });
  unassigned = await setupDossier(e, { applicant: { fullName: 'Lê Văn Cường', idNumber: '064085007777' }, steps: ['forward'] });
  await setupDossier(e, { applicant: { fullName: 'Phạm Thị Dung', idNumber: '064192003456' }, steps: ['forward', 'assign', 'start_processing', 'request_supplement'] });
  const sub = await (await apiAs(e, USERS.desk)).post('/api/dossiers', { agencyId: await agencyId(e), procedureCode: '1.010039', channel: 'online', action: 'submit_online', applicant: { fullName: 'Hồ Thị Em', phone: '0977000111' } });
  expect(sub.status).toBe(201);
  online = sub.body;
  await setTime(e, '2026-03-06T09:00:00+07:00');
  await setupDossier(e, { applicant: { fullName: 'Hoàng Văn Em', idNumber: '052088009999' }, steps: ['forward', 'assign'] }); // due Fri 13/03
  await setTime(e, '2026-03-11T09:00:00+07:00'); // Wed 11/03: the first ones are overdue
  await setupDossier(e, { applicant: { fullName: 'Võ Thị Giang', idNumber: '064095001111' }, steps: ['forward', 'assign', 'start_processing'] });
  desk = await pageAs(e, USERS.desk);
});

afterAll(async () => {
  await e?.close();
});

async function closeModal(page: Page, testid: string) {
  await page.keyboard.press('Escape');
  await page.getByTestId(testid).waitFor({ state: 'detached' });
}

describe('public pages', () => {
  it('login and public tracking (form and result)', async () => {
    const page = await newPage(e);
    await page.goto(`${e.base}/dang-nhap`);
    await page.getByTestId('login-username').waitFor();
    await expectAccessible(page, 'login');
    await screenshot(page, 'login');

    await page.goto(`${e.base}/tra-cuu`);
    await page.getByTestId('track-code').waitFor();
    await expectAccessible(page, 'tracking form');
    await page.getByTestId('track-code').fill(inProcess.code);
    await page.getByTestId('track-secret').fill(inProcess.trackingSecret);
    await page.getByTestId('track-submit').click();
    await expect.poll(() => page.getByTestId('track-result').textContent()).toContain('Đang xử lý');
    await expectAccessible(page, 'tracking result');
    await screenshot(page, 'tracking');
    await page.context().close();
  });
});

describe('desk officer', () => {
  it('desk intake: empty, with a procedure and its checklist, the supplement modal, the received screen', async () => {
    await desk.goto(`${e.base}/tiep-nhan`);
    await desk.getByTestId('intake-procedure').waitFor();
    await expectAccessible(desk, 'intake (empty)');
    await selectOption(desk, 'intake-procedure', /^1\.010038 — /);
    await desk.getByTestId('intake-checklist').waitFor();
    // Name first: an ID number typed into an empty form looks up earlier dossiers (and says so in a toast).
    await desk.getByTestId('applicant-fullName').fill('Đỗ Thị Hạnh');
    await desk.getByTestId('applicant-idNumber').fill('052090001111');
    await desk.getByTestId('applicant-phone').fill('0905999888');
    await attachFile(desk, 'attach-0', pdfFile(e, 'to-khai.pdf'));
    await desk.getByTestId('intake-checklist').getByText('to-khai.pdf').waitFor();
    await expectAccessible(desk, 'intake (filled)');
    await expectNothingCut(desk, 'intake (filled)');
    expect(await desk.getByTestId('intake-request-supplement').textContent()).toContain('Yêu cầu bổ sung');
    // The check is not vacuous: squeeze the supplement button's label and it must fail, naming the button.
    await desk.addStyleTag({ content: '[data-testid=intake-request-supplement] .mantine-Button-label { max-width: 40px !important; overflow: hidden !important; text-overflow: ellipsis !important; white-space: nowrap !important; }' });
    expect(await cutControls(desk)).toEqual([expect.stringMatching(/^"Yêu cầu bổ sung" label truncated/)]);
    await desk.evaluate(`document.querySelectorAll('style').forEach((s) => { if (s.textContent.includes('intake-request-supplement')) s.remove(); })`);
    await expectNothingCut(desk, 'intake (filled, style removed)');
    await screenshot(desk, 'intake');

    await desk.getByTestId('intake-request-supplement').click();
    await desk.getByTestId('modal-request-supplement').waitFor();
    await expectAccessible(desk, 'intake supplement modal');
    await expectNothingCut(desk, 'intake supplement modal');
    await closeModal(desk, 'modal-request-supplement');

    await desk.getByTestId('intake-receive').click();
    await desk.getByTestId('intake-result').waitFor();
    expect(await desk.getByTestId('dossier-code').textContent()).toMatch(/^000\.01\.00\.H21-260311-\d{4}$/);
    await expectAccessible(desk, 'intake received');
    await screenshot(desk, 'intake-received');
  });

  it('online intake: the queue and the check panel', async () => {
    await desk.goto(`${e.base}/ho-so-truc-tuyen`);
    await desk.getByTestId(`check-${online.id}`).waitFor();
    await expectAccessible(desk, 'online queue');
    await desk.getByTestId(`check-${online.id}`).click();
    await desk.getByTestId('online-panel').waitFor();
    await settled(desk);
    await expectAccessible(desk, 'online check panel');
    await desk.keyboard.press('Escape');
    await desk.getByTestId('online-panel').waitFor({ state: 'detached' });
  });

  it('return of results, with its form', async () => {
    await desk.goto(`${e.base}/tra-ket-qua`);
    await desk.getByTestId(`return-${ready.code}`).waitFor();
    await expectAccessible(desk, 'return of results');
    await expectNothingCut(desk, 'return of results');
    await screenshot(desk, 'return');
    await desk.getByTestId(`return-${ready.code}`).click();
    await desk.getByTestId('modal-return_result').waitFor();
    await expectAccessible(desk, 'return modal');
    await expectNothingCut(desk, 'return modal');
    await closeModal(desk, 'modal-return_result');
  });

  it('register and search results', async () => {
    await desk.goto(`${e.base}/so-theo-doi`);
    await desk.getByTestId(`row-${inProcess.code}`).waitFor();
    expect(await desk.getByTestId('register-from').inputValue()).toBe('01/03/2026'); // dd/mm/yyyy, whatever the browser's locale
    await expectAccessible(desk, 'register');
    await screenshot(desk, 'register');

    await desk.getByTestId('header-search').fill('Nguyễn Văn');
    await desk.getByTestId('header-search').press('Enter');
    await desk.getByTestId('search-results').getByTestId(`row-${inProcess.code}`).waitFor();
    await expectAccessible(desk, 'search results');
  });
});

describe('specialist', () => {
  let specialist: Page;
  beforeAll(async () => {
    specialist = await pageAs(e, USERS.specialist);
  });

  it('every queue tab', async () => {
    await specialist.goto(`${e.base}/hang-doi/mine`);
    const tabs = specialist.locator('[role=tab][data-testid^="tab-"]');
    await tabs.first().waitFor();
    const views: string[] = [];
    for (let i = 0; i < (await tabs.count()); i++) views.push((await tabs.nth(i).getAttribute('data-testid'))!.slice('tab-'.length));
    expect(views).toEqual(expect.arrayContaining(['mine', 'unassigned', 'due_soon', 'overdue', 'all']));
    for (const view of views) {
      await specialist.getByTestId(`tab-${view}`).click();
      await specialist.waitForURL(new RegExp(`/hang-doi/${view}$`));
      await settled(specialist);
      await specialist.getByTestId('dossier-table').or(specialist.getByTestId('empty-list')).waitFor();
      if (view === 'mine' || view === 'overdue' || view === 'all') await specialist.getByTestId(`row-${inProcess.code}`).waitFor();
      await expectAccessible(specialist, `queue ${view}`);
      if (view === 'all') await screenshot(specialist, 'queue');
    }
    expect(await specialist.getByTestId(`row-${unassigned.code}`).locator('[data-testid=timing-badge]').getAttribute('data-timing')).toBe('overdue');
  });

  it('the dossier page, its document viewer and an action form', async () => {
    await specialist.goto(`${e.base}/ho-so/${inProcess.id}`);
    await specialist.getByTestId('action-request_supplement').waitFor();
    await specialist.getByTestId('history-table').locator('tbody tr').nth(3).waitFor();
    await settled(specialist);
    await expectAccessible(specialist, 'dossier');
    await expectNothingCut(specialist, 'dossier');
    await screenshot(specialist, 'dossier');

    await specialist.getByTestId('documents-table').getByRole('button', { name: 'Xem' }).first().click();
    await specialist.getByTestId('document-viewer').waitFor();
    await expectAccessible(specialist, 'dossier with the document viewer');

    await specialist.getByTestId('action-request_supplement').click();
    await specialist.getByTestId('modal-request_supplement').waitFor();
    await expectAccessible(specialist, 'request supplement modal');
    await closeModal(specialist, 'modal-request_supplement');
  });
});

describe('administrators', () => {
  it('published procedures, the workflow editor and staff (unit admin)', async () => {
    const admin = await pageAs(e, USERS.unitAdmin);
    await admin.goto(`${e.base}/quan-tri/thu-tuc`);
    await admin.getByTestId(`pub-${TACH_HO}`).waitFor();
    await expectAccessible(admin, 'publications');
    await admin.getByTestId(`workflow-${TACH_HO}`).click();
    await admin.getByTestId('wf-table').waitFor();
    await settled(admin);
    await expectAccessible(admin, 'workflow editor');
    await screenshot(admin, 'admin-workflow');
    await admin.goto(`${e.base}/quan-tri/can-bo`);
    await admin.getByTestId('staff-pleiku.chuyenvien').waitFor();
    await expectAccessible(admin, 'staff');
    await admin.context().close();
  });

  it('holidays (province admin)', async () => {
    const admin = await pageAs(e, USERS.provinceAdmin);
    await admin.goto(`${e.base}/quan-tri/ngay-nghi`);
    await admin.getByTestId('cal-holidays').waitFor();
    await settled(admin);
    await expectAccessible(admin, 'holidays');
    await screenshot(admin, 'holidays');
    await admin.context().close();
  });
});

describe('tablet (820×1180)', () => {
  it('intake and the dossier page', async () => {
    const tablet = await pageAs(e, USERS.desk, TABLET);
    await tablet.goto(`${e.base}/tiep-nhan`);
    await selectOption(tablet, 'intake-procedure', /^1\.010038 — /);
    await tablet.getByTestId('intake-checklist').waitFor();
    await expectAccessible(tablet, 'intake (tablet)');
    await tablet.goto(`${e.base}/ho-so/${inProcess.id}`);
    await tablet.getByTestId('history-table').locator('tbody tr').nth(3).waitFor();
    await settled(tablet);
    await expectAccessible(tablet, 'dossier (tablet)');
    await tablet.context().close();
  });
});

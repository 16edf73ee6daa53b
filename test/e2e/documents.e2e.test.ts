/**
 * The document office in the browser (issue 12): the clerk of Phường Pleiku registers an incoming document with its
 * file; the leader directs it to the specialist with a deadline in working days; the specialist answers with an
 * outgoing draft (a PDF) and submits it; the leader approves and signs; the clerk issues the number, seals and sends
 * it to Phường Diên Hồng, where it appears in the incoming register already signed ("Đã ký số: … lúc …" twice), and
 * the file downloaded there verifies in pdfsig. A stale version (another tab acted first) shows the conflict message
 * and reloads. Every screen at 1366×768: nothing cut, axe clean; screenshots of the three pages.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAppearancePdf } from '../../src/server/platform/signing/index.ts';
import { TestClock } from '../support/harness.ts';
import { apiAs, expectAccessible, expectNothingCut, pageAs, pdfFile, screenshot, settled, startE2E, stillness, USERS, type E2E } from './browser.ts';

let e: E2E;
const hasPdfsig = spawnSync('pdfsig', ['-v']).error === undefined;

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-06T09:00:00+07:00')));
});
afterAll(async () => e?.close());

async function pick(page: Page, scope: Locator, testid: string, option: string | RegExp) {
  await scope.getByTestId(testid).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Opens the action's modal, fills it, submits and waits for the API's 200 and the modal to close. */
async function act(page: Page, action: string, fill?: (modal: Locator) => Promise<void>) {
  await page.getByTestId(`doc-action-${action}`).click();
  const modal = page.locator(`[data-testid="doc-action-form"][data-action="${action}"]`);
  await modal.waitFor();
  if (fill) await fill(modal);
  const done = page.waitForResponse((r) => /\/api\/documents\/[0-9a-f-]{36}\/[a-z-]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST');
  await modal.getByTestId('doc-action-submit').click();
  const res = await done;
  expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
  await modal.waitFor({ state: 'detached' });
  await page.getByTestId('doc-notice').waitFor();
}

const attrs = async (l: Locator, name: string) => Promise.all((await l.all()).map((x) => x.getAttribute(name)));
const stateOf = (page: Page) => page.getByTestId('doc-page').getAttribute('data-state');

async function openFrom(page: Page, url: string, text: string | RegExp) {
  await page.goto(`${e.base}${url}`);
  await settled(page);
  await page.getByTestId('doc-row').filter({ hasText: text }).first().getByTestId('doc-open').click();
  await page.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
  await settled(page);
}

describe('the document office', () => {
  let incomingUrl = '';
  let outgoingUrl = '';

  it('the clerk registers an incoming document with its file: number 1 of the register, waiting for the leader', async () => {
    const page = await pageAs(e, USERS.desk);
    await page.getByTestId('nav-doc-incoming').click();
    await page.waitForURL(/\/van-ban\/den/);
    await settled(page);
    await page.getByTestId('doc-register-open').click();
    const form = page.getByTestId('doc-register-form');
    await form.waitFor();
    // An empty form says what is missing, nothing is sent.
    await form.getByTestId('doc-register-submit').click();
    await expect.poll(() => form.getByText('Bắt buộc nhập.').count()).toBeGreaterThan(3);
    await form.getByTestId('doc-f-number').fill('45/UBND-VP');
    await form.getByTestId('doc-f-issued').fill('04/03/2026');
    await form.getByTestId('doc-f-sender').fill('Ủy ban nhân dân tỉnh Gia Lai');
    await form.getByTestId('doc-f-summary').fill('V/v báo cáo kết quả cải cách hành chính quý I năm 2026');
    await pick(page, form, 'doc-f-urgency', 'Khẩn');
    await form.getByTestId('doc-f-pages').fill('2');
    await form.locator('input[type=file]').setInputFiles(pdfFile(e, 'cong-van-45.pdf'));
    await stillness(page);
    await expectNothingCut(page, 'register form');
    await form.getByTestId('doc-register-submit').click();
    await page.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    await settled(page);
    incomingUrl = new URL(page.url()).pathname;
    expect(await stateOf(page)).toBe('registered');
    expect(await page.getByTestId('doc-register-no').textContent()).toBe('1/2026');
    expect(await page.getByTestId('doc-sender').textContent()).toBe('Ủy ban nhân dân tỉnh Gia Lai');
    await page.getByTestId('doc-no-actions').waitFor();
    expect(await page.getByTestId('doc-history-row').count()).toBe(1);

    await page.goto(`${e.base}/van-ban/den?tab=to_direct`);
    await settled(page);
    expect(await page.getByTestId('doc-row').count()).toBe(1);
    // Search: accent-insensitive summary; a number that matches nothing.
    await page.getByTestId('doc-search-q').fill('cai cach hanh chinh');
    await page.getByTestId('doc-search').click();
    await settled(page);
    expect(await page.getByTestId('doc-row').count()).toBe(1);
    await page.getByTestId('doc-search-number').fill('99/');
    await page.getByTestId('doc-search').click();
    await settled(page);
    await page.getByTestId('doc-none').waitFor();
  });

  it('the leader directs it to the specialist, 5 working days (13/03/2026); a stale tab gets the conflict and reloads', async () => {
    const page = await pageAs(e, USERS.leader);
    await page.getByTestId('nav-doc-incoming').click();
    await page.waitForURL(/\/van-ban\/den/);
    await settled(page);
    await expectNothingCut(page, 'incoming register');
    await expectAccessible(page, 'incoming register');
    await screenshot(page, 'documents-incoming');
    await openFrom(page, '/van-ban/den?tab=to_direct', '45/UBND-VP');
    const stale = await pageAs(e, USERS.leader);
    await stale.goto(`${e.base}${incomingUrl}`);
    await settled(stale);

    await act(page, 'direct', async (m) => {
      await m.getByTestId('doc-f-direction').fill('Giao đ/c Minh chủ trì tham mưu báo cáo');
      await pick(page, m, 'doc-f-handler', 'Trần Văn Minh');
      await m.getByTestId('doc-f-days').fill('5');
    });
    expect(await stateOf(page)).toBe('directed');
    expect(await page.getByTestId('doc-handler').textContent()).toBe('Trần Văn Minh');
    expect(await page.getByTestId('doc-due').textContent()).toBe('13/03/2026');

    // The other tab still shows version 1: its direction is refused with 409, the page says so and reloads.
    await stale.getByTestId('doc-action-direct').click();
    const m = stale.locator('[data-testid="doc-action-form"][data-action="direct"]');
    await m.getByTestId('doc-f-direction').fill('Giao lại');
    await pick(stale, m, 'doc-f-handler', 'Trần Văn Minh');
    await m.getByTestId('doc-action-submit').click();
    await expect.poll(() => stale.getByTestId('error-alert').first().textContent()).toContain('vừa được người khác cập nhật');
    await expect.poll(() => stateOf(stale)).toBe('directed');
    await stale.context().close();
  });

  it('the specialist drafts the answer (PDF), submits it; the leader signs; the clerk numbers, seals and sends it to Phường Diên Hồng', async () => {
    const spec = await pageAs(e, USERS.specialist);
    await openFrom(spec, '/van-ban/den?tab=assigned_to_me', '45/UBND-VP');
    expect(await stateOf(spec)).toBe('directed');
    await spec.getByTestId('doc-draft-reply').click();
    const form = spec.getByTestId('doc-draft-form');
    await form.waitFor();
    await expect.poll(() => form.getByTestId('doc-draft-reply').textContent()).toContain('45/UBND-VP — V/v báo cáo');
    await form.getByTestId('doc-f-subject').fill('V/v báo cáo kết quả cải cách hành chính quý I năm 2026');
    await form.getByTestId('doc-f-unit').fill('VP');
    const draft = path.join(e.tmp, 'bao-cao-cchc.pdf');
    fs.writeFileSync(draft, await renderAppearancePdf({ kind: 'copy', agency: 'UBND Phường Pleiku', signedAt: e.env.clock.now() }, 595, 842));
    await form.locator('input[type=file]').setInputFiles(draft);
    await form.getByTestId('doc-draft-submit').click();
    await spec.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    await settled(spec);
    outgoingUrl = new URL(spec.url()).pathname;
    expect(await stateOf(spec)).toBe('draft');
    await spec.getByTestId('doc-in-reply-to').waitFor();
    await act(spec, 'submit');
    expect(await stateOf(spec)).toBe('in_review');

    const leader = await pageAs(e, USERS.leader);
    await leader.getByTestId('nav-doc-outgoing').click();
    await leader.waitForURL(/\/van-ban\/di/);
    await settled(leader);
    await openFrom(leader, '/van-ban/di?tab=to_sign', 'cải cách hành chính');
    await act(leader, 'comment', async (m) => m.getByTestId('doc-f-note').fill('Đồng ý nội dung'));
    await act(leader, 'approve_sign');
    expect(await stateOf(leader)).toBe('signed');
    await expect.poll(() => leader.getByTestId('doc-signature').count()).toBe(1);
    expect(await leader.getByTestId('doc-signature').first().textContent()).toMatch(/^Đã ký số: Lê Quang Hưng lúc \d\d:\d\d \d\d\/\d\d\/2026$/);

    const clerk = await pageAs(e, USERS.desk);
    await openFrom(clerk, '/van-ban/di?tab=to_number', 'cải cách hành chính');
    await act(clerk, 'issue_number');
    expect(await clerk.getByTestId('doc-number').textContent()).toBe('01/UBND-VP');
    await act(clerk, 'seal');
    expect(await stateOf(clerk)).toBe('sealed');
    const dh = await (await apiAs(e, USERS.otherDesk)).get('/api/auth/me');
    const dhName: string = dh.body.assignments[0].agencyName;
    await act(clerk, 'send', async (m) => {
      await settled(clerk);
      await expectNothingCut(clerk, 'send modal');
      await m.getByTestId('doc-f-agencies').fill(dhName.split(' ').slice(-2).join(' '));
      await clerk.getByRole('option', { name: dhName, exact: true }).click();
      await clerk.keyboard.press('Escape');
      await m.getByTestId('doc-f-outside').fill('Công ty TNHH Minh Phát');
    });
    expect(await stateOf(clerk)).toBe('sent');
    await clerk.getByTestId('doc-packages').waitFor();
    expect(await clerk.getByTestId('doc-recipients').textContent()).toContain(dhName);
    await expect.poll(() => clerk.getByTestId('doc-signature').count()).toBe(2);
    await settled(clerk);
    await expectNothingCut(clerk, 'outgoing document (sent)');
    await expectAccessible(clerk, 'outgoing document (sent)');
    await screenshot(clerk, 'documents-page');
    // The desk officer's menu is longer than the screen: it scrolls, its last entries stay reachable.
    await clerk.getByTestId('nav-signatures').scrollIntoViewIfNeeded();
    const box = await clerk.getByTestId('nav-signatures').boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(768);
    await clerk.goto(`${e.base}/van-ban/di?tab=done`);
    await settled(clerk);
    expect(await clerk.getByTestId('doc-row').count()).toBe(1);
    await expectNothingCut(clerk, 'outgoing list');
    await expectAccessible(clerk, 'outgoing list');
    await screenshot(clerk, 'documents-outgoing');

    // The specialist replies to the incoming document with it.
    await spec.goto(`${e.base}${incomingUrl}`);
    await settled(spec);
    await act(spec, 'reply', async (m) => {
      await m.getByTestId('doc-f-note').fill('Đã báo cáo bằng văn bản số 01/UBND-VP');
      await pick(spec, m, 'doc-f-reply-doc', /^01\/UBND-VP — /);
    });
    expect(await stateOf(spec)).toBe('replied');
    expect(await spec.getByTestId('doc-reply-link').getAttribute('href')).toBe(outgoingUrl);
    expect(await attrs(spec.getByTestId('doc-history-row'), 'data-action')).toEqual(['register', 'direct', 'reply']);
  });

  it('Phường Diên Hồng finds it in its incoming register, signed twice; the downloaded file verifies in pdfsig', async () => {
    const page = await pageAs(e, USERS.otherDesk);
    await openFrom(page, '/van-ban/den?tab=to_direct', '01/UBND-VP');
    expect(await stateOf(page)).toBe('registered');
    expect(await page.getByTestId('doc-sender').textContent()).toContain('Phường Pleiku');
    await expect.poll(() => page.getByTestId('doc-signature').count()).toBe(2);
    const lines = await page.getByTestId('doc-signature').allTextContents();
    expect(lines[0]).toMatch(/^Đã ký số: Lê Quang Hưng lúc \d\d:\d\d \d\d\/\d\d\/2026$/);
    expect(lines[1]).toMatch(/^Đã ký số: UBND Phường Pleiku lúc /);
    expect(await attrs(page.getByTestId('doc-signature'), 'data-valid')).toEqual(['true', 'true']);
    await expectNothingCut(page, 'received document');

    const href = await page.getByTestId('doc-download').getAttribute('href');
    const res = await page.request.get(new URL(href!, page.url()).toString());
    expect([res.status(), res.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const file = path.join(e.tmp, 'nhan.pdf');
    fs.writeFileSync(file, await res.body());
    if (hasPdfsig) {
      const out = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
      expect(`${out.stdout}${out.stderr}`.match(/Signature is Valid\./g)).toHaveLength(2);
    }
  });
});

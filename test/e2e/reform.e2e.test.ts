/**
 * "Báo cáo CCHC định kỳ" in the browser: the leader of Phường Pleiku drafts the Q1 2026 report, edits a section,
 * refreshes the figures, submits it and downloads the DOCX/PDF; the province reform officer sees the overview
 * with the late flag after 20/03/2026. axe on every screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/harness.ts';
import { expectAccessible, expectPdfLink, pageAs, screenshot, setTime, settled, startE2E, stillness, type E2E } from './browser.ts';

let e: E2E;

describe('reform reports', () => {
  beforeAll(async () => {
    e = await startE2E(new TestClock(new Date('2026-03-10T09:00:00+07:00')));
  });
  afterAll(async () => e?.close());

  it('the leader drafts, edits, refreshes and submits; the province sees the late flags', async () => {
    const page = await pageAs(e, 'pleiku.lanhdao');
    await page.getByTestId('nav-reform').click();
    await page.waitForURL(/\/bao-cao-cchc/);
    await settled(page);
    await expect.poll(() => page.getByTestId('reform-schedule').textContent()).toContain('15/12/2025');
    await expectAccessible(page, 'reform list (empty)');
    await page.getByTestId('reform-create').click();
    await page.waitForURL(/\/bao-cao-cchc\/[0-9a-f-]{36}/);
    await settled(page);
    await expect.poll(() => page.getByTestId('reform-title').textContent()).toContain('quý I năm 2026');
    await expectAccessible(page, 'reform report (draft)');
    await screenshot(page, 'reform-report');
    await page.getByTestId('reform-body-proposals').fill('Đề nghị bổ sung máy quét tài liệu.');
    await page.getByTestId('reform-save').click();
    await expect.poll(() => page.getByTestId('reform-save').isDisabled()).toBe(true);
    await page.getByTestId('reform-refresh').click();
    await settled(page);
    await expect.poll(() => page.getByTestId('reform-body-proposals').inputValue()).toBe('Đề nghị bổ sung máy quét tài liệu.');
    await page.getByTestId('reform-submit').click();
    await page.getByTestId('reform-submit-confirm').click();
    await expect.poll(() => page.getByTestId('reform-standing').first().getAttribute('data-standing')).toBe('submitted_on_time');
    await stillness(page);
    await expectAccessible(page, 'reform report (submitted)');
    await expectPdfLink(page, page.getByTestId('reform-pdf'));
    const docx = await page.request.get(new URL((await page.getByTestId('reform-docx').getAttribute('href'))!, page.url()).toString());
    expect((await docx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    await setTime(e, '2026-03-21T08:00:00+07:00');
    const prov = await pageAs(e, 'tinh.caicach');
    await prov.goto(`${e.base}/bao-cao-cchc?nam=2026&ky=q1`);
    await settled(prov);
    await prov.getByTestId('reform-overview-table').waitFor();
    const rows = prov.getByTestId('reform-overview-row');
    expect(await rows.count()).toBeGreaterThan(2);
    const late = prov.locator('[data-testid="reform-overview-row"][data-late="true"]');
    expect(await late.count()).toBe((await rows.count()) - 1);
    await expect.poll(() => late.first().textContent()).toContain('Trễ hạn');
    await expectAccessible(prov, 'reform overview');
    await screenshot(prov, 'reform-overview');
  });
});

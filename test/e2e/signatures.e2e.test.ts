/**
 * Checking digital signatures in the browser: a citizen on a phone uploads a result signed by the leader and the
 * ward's seal to the portal's "Kiểm tra chữ ký số" and reads who signed, when, that the content is intact and that
 * the first signature was followed by another; a changed copy is shown as invalid. A desk officer does the same in
 * the staff console. axe-core on each state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/harness.ts';
import { expectAccessible, newPage, pageAs, settled, startE2E, type E2E } from './browser.ts';
import { renderAppearancePdf } from '../../src/server/platform/signing/index.ts';

let e: E2E;
let signedFile: string;
let badFile: string;
const phone = { width: 390, height: 844 };

beforeAll(async () => {
  const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
  e = await startE2E(clock);
  const svc = e.env.ctx.services.signatures;
  const src = await renderAppearancePdf({ kind: 'copy', agency: 'UBND Phường Pleiku', signedAt: clock.now() }, 595, 842);
  const once = await svc.sign(src, { signerId: 'pleiku.leader', reason: 'Phê duyệt kết quả' });
  const twice = Buffer.from(await svc.sign(once, { signerId: 'pleiku.seal' }));
  signedFile = path.join(e.tmp, 'ket-qua-da-ky.pdf');
  fs.writeFileSync(signedFile, twice);
  const bad = Buffer.from(twice);
  bad[10] = bad[10]! ^ 0x01;
  badFile = path.join(e.tmp, 'ban-da-sua.pdf');
  fs.writeFileSync(badFile, bad);
});
afterAll(async () => e?.close());

describe('signature verification pages', () => {
  it('portal, on a phone: a signed result is valid, who and when are shown; a changed copy is invalid', async () => {
    const page = await newPage(e, phone);
    await page.goto(`${e.base}/dich-vu-cong/kiem-tra-chu-ky`);
    await settled(page);
    await expectAccessible(page, 'portal verify (empty)');
    await page.getByTestId('verify-file').setInputFiles(signedFile);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.getByTestId('verify-status').textContent()).toContain('Chữ ký hợp lệ');
    const sigs = page.getByTestId('signature');
    expect(await sigs.count()).toBe(2);
    expect(await sigs.nth(0).getByTestId('signer').textContent()).toBe('Lê Quang Hưng');
    expect(await sigs.nth(0).getByTestId('time').textContent()).toContain('02/03/2026 09:00:00');
    expect(await sigs.nth(0).getByTestId('intact').textContent()).toBe('Có');
    expect(await sigs.nth(0).getByTestId('changed-after').textContent()).toContain('1 lần cập nhật sau, trong đó 1 là chữ ký số khác');
    expect(await sigs.nth(1).getByTestId('signer').textContent()).toBe('UBND Phường Pleiku');
    expect(await sigs.nth(1).getByTestId('changed-after').textContent()).toContain('Không');
    await expectAccessible(page, 'portal verify (valid)');

    await page.getByTestId('verify-file').setInputFiles(badFile);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.getByTestId('verify-status').textContent()).toContain('Chữ ký không hợp lệ');
    expect(await page.getByTestId('signature').nth(0).textContent()).toContain('Nội dung đã bị thay đổi sau khi ký');
    await expectAccessible(page, 'portal verify (invalid)');
  });

  it('staff console: the desk officer checks the same file from the menu', async () => {
    const page = await pageAs(e, 'pleiku.motcua');
    await page.getByTestId('nav-signatures').click();
    await page.waitForURL(/\/chu-ky-so/);
    await settled(page);
    await page.getByTestId('verify-file').setInputFiles(signedFile);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.getByTestId('verify-status').textContent()).toContain('ket-qua-da-ky.pdf: Chữ ký hợp lệ');
    expect(await page.getByTestId('signature').count()).toBe(2);
    await expectAccessible(page, 'console verify (valid)');
  });
});

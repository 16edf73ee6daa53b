/**
 * A rating for every dossier in the browser: a desk dossier is returned, the applicant rates it on the locked
 * kiosk (tablet) as dissatisfied, the unit's leader closes the follow-up with an answer on the console, and the
 * citizen reads the answer on the public tracking page (phone). Then the short link of another returned dossier
 * is rated on a phone with a wrong, then the right second factor. Screenshots: docs/screenshots/rating-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD } from '../support/harness.ts';
import { apiAs, expectAccessible, pageAs, PLEIKU_CODE, screenshot, startE2E, TABLET, TACH_HO, USERS, type E2E } from './browser.ts';

let e: E2E;
let phonePage: Page;
const phone = { width: 390, height: 844 };
const ANSWER = 'Đơn vị xin lỗi Ông/Bà; từ tháng sau quầy bố trí thêm một cán bộ vào giờ cao điểm.';

beforeAll(async () => {
  e = await startE2E();
  const ctx = await e.browser.newContext({ viewport: phone, deviceScaleFactor: 2, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
  ctx.setDefaultTimeout(15_000);
  phonePage = await ctx.newPage();
  phonePage.on('pageerror', (err) => {
    throw err;
  });
});
afterAll(async () => {
  await e?.close();
});

let n = 0;
/** A desk dossier of the Pleiku desk taken through to the result handed over, by the API. */
async function returnedDossier(): Promise<{ id: string; code: string; secret: string }> {
  n += 1;
  const desk = await apiAs(e, USERS.desk);
  const specialist = await apiAs(e, USERS.specialist);
  const leader = await apiAs(e, USERS.leader);
  const agencies = (await desk.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[];
  const agencyId = agencies.find((a) => a.code === PLEIKU_CODE)!.id;
  const r = await desk.post(
    '/api/dossiers',
    { agencyId, procedureCode: TACH_HO, channel: 'desk', applicant: { fullName: 'Trần Văn Bình', idNumber: '052090005678', phone: '0905123456', email: `binh.e2e${n}@example.vn`, address: 'Tổ 1, phường Pleiku' }, fees: [], documents: [] },
    { 'idempotency-key': `rating-e2e-${n}` },
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const { id, code, trackingSecret } = r.body as { id: string; code: string; trackingSecret: string };
  const act = async (c: typeof desk, action: string, input: Record<string, unknown> = {}) => {
    const d = await c.get(`/api/dossiers/${id}`);
    const x = await c.post(`/api/dossiers/${id}/actions`, { action, version: d.body.version, input, documents: [] });
    expect(x.status, JSON.stringify(x.body)).toBe(200);
  };
  await act(desk, 'forward');
  const me = await specialist.get('/api/auth/me');
  await act(leader, 'assign', { assigneeId: me.body.userId });
  await act(specialist, 'start_processing');
  await act(specialist, 'propose');
  await act(leader, 'approve');
  await act(specialist, 'mark_result_ready', { paperResult: true });
  await act(desk, 'return_result', { returnMethod: 'desk', collectedBy: 'Trần Văn Bình' });
  return { id, code, secret: trackingSecret };
}

describe('ratings: kiosk, follow-up, tracking, short link', () => {
  it('kiosk rating → follow-up closed with an answer → the citizen sees the answer on tracking', async () => {
    const kiosk = await pageAs(e, USERS.desk, TABLET);
    await kiosk.goto(`${e.base}/kiosk`);
    await kiosk.getByTestId('kiosk-start').click();
    await kiosk.getByTestId('kiosk-waiting').waitFor();
    // Locked: no console navigation on the kiosk screen.
    expect(await kiosk.getByTestId('nav-intake').count()).toBe(0);
    await screenshot(kiosk, 'rating-kiosk-waiting');

    const d = await returnedDossier();
    await expect.poll(() => kiosk.getByTestId('kiosk-code').textContent().catch(() => null), { timeout: 15_000 }).toBe(d.code);
    await expect.poll(() => kiosk.getByText('Ông/Bà Bình').count()).toBeGreaterThan(0);
    await kiosk.getByTestId('kiosk-face-dissatisfied').click();
    await kiosk.getByLabel('Phải đi lại nhiều lần').check();
    await kiosk.getByTestId('kiosk-comment').fill('Chờ lâu ở quầy');
    await screenshot(kiosk, 'rating-kiosk-faces');
    await expectAccessible(kiosk);
    await kiosk.getByTestId('kiosk-send').click();
    await kiosk.getByTestId('kiosk-thanks').waitFor();

    // Leaving the kiosk: a wrong password keeps it locked, the right one goes back to the console.
    await kiosk.getByTestId('kiosk-exit').click();
    await kiosk.getByTestId('kiosk-password').fill('sai-mat-khau');
    await kiosk.getByTestId('kiosk-unlock').click();
    await kiosk.getByTestId('error-alert').waitFor();
    await expect.poll(() => kiosk.url()).toContain('/kiosk');
    await kiosk.getByTestId('kiosk-password').fill(PASSWORD);
    await kiosk.getByTestId('kiosk-unlock').click();
    await kiosk.waitForURL((u) => !u.pathname.startsWith('/kiosk'));

    // The leader closes the follow-up with an answer.
    const leader = await pageAs(e, USERS.leader);
    await leader.goto(`${e.base}/y-kien-danh-gia`);
    const card = leader.getByTestId(`follow-up-${d.code}`);
    await card.waitFor();
    await card.getByTestId('follow-up-answer').fill(ANSWER);
    await screenshot(leader, 'rating-follow-up');
    await card.getByTestId('follow-up-close').click();
    await expect.poll(() => leader.getByTestId(`follow-up-${d.code}`).count()).toBe(0);

    // The citizen reads the answer on the public tracking page (QR of the receipt: code + secret).
    await phonePage.goto(`${e.base}/dich-vu-cong/tra-cuu?code=${encodeURIComponent(d.code)}&secret=${encodeURIComponent(d.secret)}`);
    await phonePage.getByTestId('track-answer').waitFor();
    expect(await phonePage.getByTestId('track-answer').textContent()).toContain(ANSWER);
    expect(await phonePage.getByTestId('track-rating').textContent()).toContain('Không hài lòng');
    await screenshot(phonePage, 'rating-tracking-answer');
  });

  it('the short link on a phone: wrong factor, then the right one, three faces, thank-you; a second visit says already rated', async () => {
    const d = await returnedDossier();
    await phonePage.goto(`${e.base}/danh-gia/${encodeURIComponent(d.code)}`);
    await expect.poll(() => new URL(phonePage.url()).pathname).toBe(`/dich-vu-cong/danh-gia/${encodeURIComponent(d.code)}`);
    await phonePage.getByLabel('Mã tra cứu hoặc số điện thoại').fill('0911000111');
    await phonePage.getByRole('button', { name: 'Tiếp tục' }).click();
    await phonePage.getByText('không đúng với hồ sơ này').waitFor();
    await screenshot(phonePage, 'rating-link-wrong-factor');
    await phonePage.getByLabel('Mã tra cứu hoặc số điện thoại').fill('0905 123 456');
    await phonePage.getByRole('button', { name: 'Tiếp tục' }).click();
    await phonePage.getByText('Ông/Bà có hài lòng').waitFor();
    await phonePage.locator('label.face-satisfied').click();
    expect(await phonePage.locator('input[value="satisfied"]').isChecked()).toBe(true);
    await phonePage.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình.');
    await screenshot(phonePage, 'rating-link-faces');
    await expectAccessible(phonePage);
    await phonePage.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await phonePage.getByText('Cảm ơn Ông/Bà đã đánh giá!').waitFor();
    await screenshot(phonePage, 'rating-link-thanks');

    const anon = await apiAs(e, USERS.desk);
    const view = await anon.get(`/api/public/dossiers/${encodeURIComponent(d.code)}/rating?secondFactor=${d.secret}`);
    expect(view.body).toMatchObject({ canRate: false, reason: 'ALREADY_RATED', rating: { rating: 'satisfied', channel: 'link' } });

    await phonePage.goto(`${e.base}/danh-gia/${encodeURIComponent(d.code)}`);
    await phonePage.getByLabel('Mã tra cứu hoặc số điện thoại').fill(d.secret);
    await phonePage.getByRole('button', { name: 'Tiếp tục' }).click();
    await phonePage.getByText('Hồ sơ này đã được đánh giá').waitFor();
  });
});

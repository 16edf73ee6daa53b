/**
 * Apology with a new appointment (Circular 01/2018 form 04) from the leader's dossier page: offered only once the
 * dossier is due soon, as an exceptional action that asks for confirmation; refused on the due date itself,
 * accepted at least one day before, once only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_LABELS } from '../../src/core/dossier/labels.ts';
import { TestClock } from '../support/harness.ts';
import { act, expectPdfLink, expectState, pageAs, setTime, setupDossier, startE2E, USERS, type E2E, type SetupDossier } from './browser.ts';

let e: E2E;
let leader: Page;
let d: SetupDossier;

beforeAll(async () => {
  // Mon 02/03/2026 09:00: received, 5 working days → due Mon 09/03/2026 17:00; taken into processing.
  e = await startE2E(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  d = await setupDossier(e, { applicant: { fullName: 'Trần Thị Bình', idNumber: '052190004321', phone: '0912345678' }, steps: ['forward', 'assign', 'start_processing'] });
  expect(d.dueAtLocal).toBe('2026-03-09T17:00:00+07:00');
  leader = await pageAs(e, USERS.leader);
});

afterAll(async () => {
  await e?.close();
});

async function openDossier() {
  await leader.goto(`${e.base}/ho-so/${d.id}`);
  await leader.getByTestId('actions-panel').waitFor();
  await expectState(leader, STATE_LABELS.in_process.vi);
}

async function fillApology(modal: ReturnType<Page['getByTestId']>, newDueAt: string, reason: string) {
  await modal.getByTestId('input-newDueAt').fill(newDueAt);
  await modal.getByTestId('input-reasons').fill(reason);
  await modal.getByTestId('action-exceptional-confirm').check();
}

describe('apology and a new appointment date', () => {
  it('is not offered while the dossier is in time; the leader is told who the dossier waits for', async () => {
    await setTime(e, '2026-03-03T09:00:00+07:00');
    await openDossier();
    await leader.getByTestId('actions-panel').getByRole('button').first().waitFor();
    expect(await leader.getByTestId('timing-badge').first().getAttribute('data-timing')).toBe('in_time');
    expect(await leader.getByTestId('action-apologize').count()).toBe(0);
    expect(await leader.getByTestId('action-stop').getAttribute('data-rank')).toBe('secondary');
    expect(await leader.getByTestId('waiting-for').textContent()).toContain('Hồ sơ đang chờ chuyên viên được phân công xử lý');
  });

  it('due soon, it is offered as an exceptional action: the modal asks for a confirmation and sends nothing without it', async () => {
    await setTime(e, '2026-03-06T09:00:00+07:00');
    await openDossier();
    const button = leader.getByTestId('action-apologize');
    expect(await button.getAttribute('data-rank')).toBe('secondary');
    await button.click();
    const modal = leader.getByTestId('modal-apologize');
    await modal.waitFor();
    expect(await modal.getByTestId('action-exceptional-question').textContent()).toMatch(/^Xác nhận gửi thư xin lỗi và hẹn lại ngày trả kết quả\?/);
    await modal.getByTestId('input-newDueAt').fill('13/03/2026');
    await modal.getByTestId('input-reasons').fill('Cần xác minh thêm');
    let sent = 0;
    const count = (r: { method(): string; url(): string }) => {
      if (r.method() === 'POST' && /\/actions(\/preview)?$/.test(r.url())) sent++;
    };
    leader.on('request', count);
    await modal.getByTestId('action-submit').click();
    await modal.getByText('Hãy đánh dấu xác nhận để tiếp tục.').waitFor();
    leader.off('request', count);
    expect(sent).toBe(0);
    await leader.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
  });

  it('on the due date itself the apology is refused with the Vietnamese message and nothing changes', async () => {
    await setTime(e, '2026-03-09T08:00:00+07:00');
    await openDossier();
    expect(await leader.getByTestId('due-date').textContent()).toBe('17:00 09/03/2026');
    await leader.getByTestId('action-apologize').click();
    const modal = leader.getByTestId('modal-apologize');
    await fillApology(modal, '13/03/2026', 'Cần xác minh thêm');
    const res = leader.waitForResponse((r) => r.url().endsWith('/actions'));
    await modal.getByTestId('action-submit').click();
    expect((await res).status()).toBe(422);
    await expect.poll(() => modal.getByTestId('error-alert').textContent()).toContain('Thư xin lỗi phải gửi chậm nhất 01 ngày trước ngày hẹn trả.');
    await leader.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });
    expect(await leader.getByTestId('due-date').textContent()).toBe('17:00 09/03/2026');
  });

  it('three days before, the apology sets the new date; the apology slip opens as a PDF', async () => {
    await setTime(e, '2026-03-06T10:00:00+07:00');
    await openDossier();
    await act(leader, 'apologize', (modal) => fillApology(modal, '11/03/2026', 'Cần xác minh thực địa'));
    await expect.poll(() => leader.getByTestId('due-date').textContent()).toBe('17:00 11/03/2026');
    await expect.poll(() => leader.getByTestId('actions-panel').textContent()).toContain('Xin lỗi và hẹn lại ngày trả kết quả');
    expect(await leader.getByText('Ngày hẹn ban đầu:').locator('xpath=following-sibling::*[1]').textContent()).toBe('17:00 09/03/2026');
    await expectPdfLink(leader, leader.getByTestId('last-slip-apology'));
    await expectPdfLink(leader, leader.getByTestId('slip-apology'));
    const history = leader.getByTestId('history-table').locator('tbody tr');
    await expect.poll(async () => (await history.last().textContent()) ?? '').toContain('Cần xác minh thực địa');
  });

  it('the new date is what the queues and the public tracking page show', async () => {
    await leader.goto(`${e.base}/hang-doi/all`);
    await expect.poll(() => leader.getByTestId(`row-${d.code}`).locator('td').nth(5).textContent()).toBe('11/03/2026');
    const visitor = await leader.context().browser()!.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    try {
      await visitor.goto(`${e.base}/tra-cuu?code=${encodeURIComponent(d.code)}&secret=${encodeURIComponent(d.trackingSecret)}`);
      await expect.poll(() => visitor.getByTestId('track-result').textContent()).toContain('Ngày hẹn trả: 11/03/2026');
    } finally {
      await visitor.context().close();
    }
  });

  it('a second apology is not offered, and refused with the Vietnamese message when sent anyway', async () => {
    await setTime(e, '2026-03-09T08:00:00+07:00');
    await openDossier();
    await leader.getByTestId('actions-panel').getByRole('button').first().waitFor();
    expect(await leader.getByTestId('action-apologize').count()).toBe(0);
    // The same request the form would send, with the leader's session cookie.
    const current = await (await leader.request.get(`${e.base}/api/dossiers/${d.id}`)).json();
    expect(current.allowedActions).not.toContain('apologize');
    const again = await leader.request.post(`${e.base}/api/dossiers/${d.id}/actions`, {
      data: { action: 'apologize', version: current.version, input: { newDueAt: '2026-03-13', reasons: ['Lần nữa'] }, documents: [] },
    });
    expect(again.status()).toBe(409);
    const body = await again.json();
    expect(body.error.code).toBe('APOLOGY_ALREADY_SENT');
    expect(body.error.message).toBe('Hồ sơ đã gửi thư xin lỗi và hẹn lại một lần; không được hẹn lại lần nữa.');
  });
});

/**
 * The whole life of a dossier through the staff console, one browser context per officer, with the server's
 * clock set per step across Tết 2026 (holiday Mon 16 – Fri 20 Feb): the same story as
 * test/api/dossier-lifecycle.test.ts, told through the screens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LABELS, STATE_LABELS } from '../../src/core/dossier/labels.ts';
import { TestClock } from '../support/harness.ts';
import {
  act,
  attachFile,
  expectPdfLink,
  expectState,
  pageAs,
  pdfFile,
  pickAssignee,
  selectOption,
  setTime,
  setupDossier,
  startE2E,
  TACH_HO,
  USERS,
  SPECIALIST_NAME,
  type E2E,
} from './browser.ts';

let e: E2E;
let desk: Page;
let leader: Page;
let specialist: Page;
let id: string;
let code: string;

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-02-12T09:55:00+07:00')));
  [desk, leader, specialist] = await Promise.all([pageAs(e, USERS.desk), pageAs(e, USERS.leader), pageAs(e, USERS.specialist)]);
});

afterAll(async () => {
  await e?.close();
});

/** Opens the dossier page and waits for its actions. */
async function openDossier(page: Page) {
  await page.goto(`${e.base}/ho-so/${id}`);
  await page.getByTestId('actions-panel').waitFor();
  await expect.poll(() => page.getByTestId('dossier-code').textContent()).toBe(code);
}

describe('a dossier of “Tách hộ” from the desk to the return of its result', () => {
  it('the desk officer receives it with a scan: code and appointment shown, receipt PDF opens', async () => {
    await setTime(e, '2026-02-12T10:00:00+07:00'); // Thu 12/02/2026
    expect(new URL(desk.url()).pathname).toBe('/tiep-nhan');
    await selectOption(desk, 'intake-procedure', new RegExp(`^${TACH_HO.replace('.', '\\.')} — Tách hộ`));
    expect(await desk.getByTestId('intake-channel').inputValue()).toBe('Trực tiếp');
    await desk.getByTestId('intake-checklist').waitFor();
    const upload = desk.waitForResponse((r) => r.url().endsWith('/api/files') && r.request().method() === 'POST');
    await attachFile(desk, 'attach-0', pdfFile(e, 'to-khai-CT01.pdf'));
    expect((await upload).status()).toBe(201);
    await expect.poll(() => desk.getByTestId('intake-checklist').textContent()).toContain('to-khai-CT01.pdf');
    expect(await desk.getByTestId('component-0').isChecked()).toBe(true);
    await desk.getByTestId('applicant-idNumber').fill('052090001234');
    await desk.getByTestId('applicant-fullName').fill('Nguyễn Văn An');
    await desk.getByTestId('applicant-phone').fill('0905123456');
    await desk.getByTestId('applicant-email').fill('an.nguyen@example.vn');
    await desk.getByTestId('applicant-address').fill('Tổ 3, phường Pleiku, tỉnh Gia Lai');
    await desk.getByTestId('intake-receive').click();

    const result = desk.getByTestId('intake-result');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('receive');
    code = (await result.getByTestId('dossier-code').textContent())!;
    expect(code).toBe('000.01.00.H21-260212-0001');
    // 5 working days, the receipt day not counted, Tết skipped: Fri 13, Mon 23, Tue 24, Wed 25, Thu 26.
    expect(await result.getByTestId('appointment-date').textContent()).toBe('17:00 26/02/2026');

    const pdf = await expectPdfLink(desk, desk.getByTestId('print-receipt'));
    expect(pdf.length).toBeGreaterThan(1000);

    await desk.getByTestId('open-dossier').click();
    await desk.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    id = new URL(desk.url()).pathname.split('/').pop()!;
    await expectState(desk, STATE_LABELS.received.vi);
    await desk.getByTestId('documents-table').getByText('to-khai-CT01.pdf').waitFor();
  });

  it('the desk forwards it; the leader finds it unassigned and assigns it to the specialist', async () => {
    await setTime(e, '2026-02-12T10:30:00+07:00');
    await act(desk, 'forward');
    await expectState(desk, STATE_LABELS.forwarded.vi);

    await setTime(e, '2026-02-12T14:00:00+07:00');
    await leader.goto(`${e.base}/hang-doi/unassigned`);
    const row = leader.getByTestId(`row-${code}`);
    await row.getByRole('link', { name: code }).click();
    await leader.waitForURL(new RegExp(`/ho-so/${id}$`));
    await act(leader, 'assign', async () => pickAssignee(e, leader, SPECIALIST_NAME));
    await expectState(leader, STATE_LABELS.assigned.vi);
  });

  it('the specialist starts processing and requests a supplement: the clock pauses, the slip is offered', async () => {
    await setTime(e, '2026-02-13T08:00:00+07:00');
    await specialist.goto(`${e.base}/hang-doi/mine`);
    await specialist.getByTestId(`row-${code}`).getByRole('link', { name: code }).click();
    await specialist.waitForURL(new RegExp(`/ho-so/${id}$`));
    await act(specialist, 'start_processing');
    await expectState(specialist, STATE_LABELS.in_process.vi);

    await setTime(e, '2026-02-13T09:00:00+07:00');
    await act(specialist, 'request_supplement', async (modal) => {
      await modal.getByTestId('missing-1').check();
      await modal.getByTestId('input-missing-other').fill('Bản sao giấy khai sinh của người tách hộ');
    });
    await expectState(specialist, STATE_LABELS.supplement_requested.vi);
    expect(await specialist.getByTestId('timing-badge').first().getAttribute('data-timing')).toBe('paused');
    await expectPdfLink(specialist, specialist.getByTestId('last-slip-supplement_request'));
  });

  it('after Tết the desk records what the applicant brought (a scan): the full time restarts', async () => {
    await setTime(e, '2026-02-25T10:00:00+07:00');
    await desk.getByTestId('header-search').fill(code);
    await desk.getByTestId('header-search').press('Enter');
    await desk.waitForURL(/\/tim-kiem\?q=/);
    await desk.getByTestId('search-results').getByTestId(`row-${code}`).getByRole('link', { name: code }).click();
    await desk.waitForURL(new RegExp(`/ho-so/${id}$`));
    await expectState(desk, STATE_LABELS.supplement_requested.vi);
    await act(desk, 'supply', async (modal) => {
      const upload = desk.waitForResponse((r) => r.url().endsWith('/api/files'));
      await attachFile(modal, 'input-file', pdfFile(e, 'giay-khai-sinh.pdf'));
      expect((await upload).status()).toBe(201);
      await modal.getByText('giay-khai-sinh.pdf').waitFor();
    });
    await expectState(desk, STATE_LABELS.in_process.vi);
    // Supplied Wed 25/02 → Thu 26, Fri 27, Mon 2/3, Tue 3/3, Wed 4/3.
    await expect.poll(() => desk.getByTestId('due-date').textContent()).toBe('17:00 04/03/2026');
    const row = desk.getByTestId('documents-table').locator('tr', { hasText: 'giay-khai-sinh.pdf' });
    await expect.poll(() => row.textContent()).toContain('Bổ sung');
    await row.getByRole('button', { name: 'Xem' }).click();
    const viewer = desk.getByTestId('document-viewer').locator('iframe');
    expect(await viewer.getAttribute('title')).toContain('giay-khai-sinh.pdf');
    const src = await viewer.getAttribute('src');
    const scan = await desk.request.get(new URL(src!, desk.url()).toString());
    expect(scan.status()).toBe(200);
    expect((await scan.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the specialist proposes, the leader approves, the specialist attaches the electronic result and marks it ready', async () => {
    await setTime(e, '2026-02-27T09:00:00+07:00');
    await specialist.reload();
    await specialist.getByTestId('action-propose').waitFor();
    await act(specialist, 'propose');
    await expectState(specialist, STATE_LABELS.awaiting_approval.vi);

    await setTime(e, '2026-02-27T15:00:00+07:00');
    await openDossier(leader);
    await act(leader, 'approve');
    await expectState(leader, STATE_LABELS.approved.vi);

    await setTime(e, '2026-03-02T08:30:00+07:00');
    await specialist.reload();
    await act(specialist, 'attach_result', async (modal) => {
      await attachFile(modal, 'input-file', pdfFile(e, 'ket-qua-tach-ho.pdf'));
      await modal.getByText('ket-qua-tach-ho.pdf').waitFor();
    });
    const result = specialist.getByTestId('documents-table').locator('tr', { hasText: 'ket-qua-tach-ho.pdf' });
    await expect.poll(() => result.textContent()).toContain('Kết quả điện tử');
    await act(specialist, 'mark_result_ready', async (modal) => {
      expect(await modal.getByTestId('input-paperResult').isChecked()).toBe(false);
    });
    await expectState(specialist, STATE_LABELS.result_ready.vi);
    expect(await specialist.getByTestId('timing-badge').first().getAttribute('data-timing')).toBe('early');
  });

  it('the desk returns the result at the counter to the applicant', async () => {
    await setTime(e, '2026-03-03T09:00:00+07:00');
    await desk.goto(`${e.base}/tra-ket-qua`);
    await desk.getByTestId(`return-${code}`).click();
    const modal = desk.getByTestId('modal-return_result');
    await modal.waitFor();
    expect(await modal.getByTestId('input-returnMethod-desk').isChecked()).toBe(true);
    await modal.getByTestId('input-collectedBy').fill('Nguyễn Văn An');
    const done = desk.waitForResponse((r) => r.url().endsWith('/actions'));
    await modal.getByTestId('action-submit').click();
    expect((await done).status()).toBe(200);
    await modal.waitFor({ state: 'detached' });
    await desk.getByTestId(`row-${code}`).waitFor({ state: 'detached' });

    await openDossier(desk);
    await expectState(desk, 'Đã trả kết quả');
    expect(await desk.getByTestId('action-add_note').count()).toBe(0);
  });

  it('the history lists every step in order, with the officers’ roles', async () => {
    const rows = desk.getByTestId('history-table').locator('tbody tr');
    const expected = ['receive', 'forward', 'assign', 'start_processing', 'request_supplement', 'supply', 'propose', 'approve', 'attach_result', 'mark_result_ready', 'return_result'] as const;
    await expect.poll(() => rows.count()).toBe(expected.length);
    const texts = await rows.locator('td:nth-child(3)').allTextContents();
    expect(texts.map((t, i) => t.startsWith(ACTION_LABELS[expected[i]!].vi))).toEqual(expected.map(() => true));
    expect(await rows.locator('td:nth-child(1)').allTextContents()).toEqual(expected.map((_, i) => String(i + 1)));
    expect(texts[4]).toContain('Bản sao giấy khai sinh của người tách hộ');
    expect(texts[4]).toContain('(Chuyên viên');
    expect(texts[10]).toContain('Nguyễn Văn An');
    expect(await rows.nth(4).locator('td:nth-child(2)').textContent()).toBe('09:00 13/02/2026');
    expect(await rows.nth(10).locator('td:nth-child(2)').textContent()).toBe('09:00 03/03/2026');
  });
});

describe('a second supplement request must be confirmed: the modal shows its consequence first', () => {
  it('the specialist sees the preview’s consequences, cannot send without ticking the confirmation, then sends it', async () => {
    await setTime(e, '2026-03-04T09:00:00+07:00');
    const d = await setupDossier(e, { steps: ['forward', 'assign', 'start_processing', 'request_supplement', 'supply'] });
    await specialist.goto(`${e.base}/ho-so/${d.id}`);
    await specialist.getByTestId('actions-panel').waitFor();
    await specialist.getByTestId('action-request_supplement').click();
    const modal = specialist.getByTestId('modal-request_supplement');
    await modal.waitFor();
    await modal.getByTestId('input-missing-other').fill('Bản sao sổ hộ khẩu cũ');

    // First submit: only the preview is asked; its consequences are shown with the confirmation.
    let sent = 0;
    specialist.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/dossiers/${d.id}/actions`)) sent++;
    });
    const previewed = specialist.waitForResponse((r) => r.url().endsWith('/actions/preview') && r.request().method() === 'POST');
    await modal.getByTestId('action-submit').click();
    const preview = await previewed;
    expect(preview.status()).toBe(200);
    expect((await preview.json()).requiresConfirmation).toBe(true);
    await modal.getByTestId('consequence-INDEX_COUNTS_LATE').waitFor();
    expect(await modal.getByTestId('consequence-INDEX_COUNTS_LATE').textContent()).toMatch(/trễ hạn/);

    // Without the tick nothing is sent.
    await modal.getByTestId('action-submit').click();
    await modal.getByText('Hãy đánh dấu xác nhận để tiếp tục.').waitFor();
    expect(sent).toBe(0);

    // Ticked: the action goes with confirm = true and takes effect.
    await modal.getByTestId('action-confirm').check();
    const done = specialist.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
    await modal.getByTestId('action-submit').click();
    const res = await done;
    expect(res.status(), await res.text()).toBe(200);
    expect(res.request().postDataJSON().input.confirm).toBe(true);
    await modal.waitFor({ state: 'detached' });
    await expectState(specialist, STATE_LABELS.supplement_requested.vi);
  });
});

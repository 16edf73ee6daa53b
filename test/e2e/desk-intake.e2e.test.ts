/**
 * The desk intake's paths the dossier's life does not take: the draft kept across a reload, the applicant's checks
 * as typed, the keyboard (Alt+2 / Alt+3 open the modals, Ctrl+Enter confirms a modal or receives), the supplement
 * request with the unticked required components pre-checked, the refusal, the payment taken at the desk, and a
 * new intake starting empty. What the page sends is read from the requests themselves.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n/ui.ts';
import { TestClock } from '../support/harness.ts';
import { pageAs, selectOption, settled, startE2E, TACH_HO, USERS, type E2E } from './browser.ts';

let e: E2E;
let desk: Page;
const PROC = new RegExp(`^${TACH_HO.replace('.', '\\.')} — Tách hộ`);

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-03T09:00:00+07:00')));
  desk = await pageAs(e, USERS.desk);
});

afterAll(async () => {
  await e?.close();
});

const isIntake = (r: Request) => r.url().endsWith('/api/dossiers') && r.method() === 'POST';

/** Name first: an ID number typed into a form without a name looks up earlier dossiers and fills them in. */
async function fillApplicant(fullName: string) {
  await desk.getByTestId('applicant-fullName').fill(fullName);
  await desk.getByTestId('applicant-idNumber').fill('052090007777');
  await desk.getByTestId('applicant-phone').fill('0905777888');
}

async function newIntake() {
  await desk.getByTestId('intake-new').click();
  await desk.getByTestId('intake-procedure').waitFor();
}

describe('the desk intake', () => {
  it('keeps the draft across a reload and says so', async () => {
    expect(new URL(desk.url()).pathname).toBe('/tiep-nhan');
    await selectOption(desk, 'intake-procedure', PROC);
    await desk.getByTestId('intake-checklist').waitFor();
    await desk.getByTestId('component-0').check();
    await fillApplicant('Lê Thị Thu');
    await desk.getByTestId('intake-note').fill('Ghi chú nháp');
    await desk.reload();
    await desk.getByText(t('intake.draftRestored', 'vi')).waitFor();
    await settled(desk);
    await expect.poll(() => desk.getByTestId('intake-procedure').inputValue()).toMatch(PROC);
    expect(await desk.getByTestId('applicant-fullName').inputValue()).toBe('Lê Thị Thu');
    expect(await desk.getByTestId('intake-note').inputValue()).toBe('Ghi chú nháp');
    await desk.getByTestId('intake-checklist').waitFor();
    expect(await desk.getByTestId('component-0').isChecked()).toBe(true);
  });

  it('flags a malformed ID as typed, and a missing name only on submitting', async () => {
    await desk.getByTestId('applicant-idNumber').fill('12ab345');
    expect(await desk.getByTestId('applicant-idNumber').inputValue()).toBe('12345');
    await desk.getByText(t('intake.idNumber.invalid', 'vi')).waitFor();
    await desk.getByTestId('applicant-idNumber').fill('052090007777');
    await desk.getByTestId('applicant-fullName').fill('');
    expect(await desk.getByText(t('intake.fullName.required', 'vi')).count()).toBe(0);
    await desk.getByTestId('intake-receive').click();
    await desk.getByText(t('intake.fullName.required', 'vi')).waitFor();
    expect(await desk.getByTestId('error-alert').textContent()).toContain(t('intake.fixErrors', 'vi'));
    expect(await desk.getByTestId('intake-result').count()).toBe(0);
  });

  it('Alt+2 opens the supplement request; Ctrl+Enter sends every missing item at once', async () => {
    await desk.getByTestId('applicant-fullName').fill('Lê Thị Thu');
    await desk.keyboard.press('Alt+2');
    const modal = desk.getByTestId('modal-request-supplement');
    await modal.waitFor();
    const boxes = modal.getByRole('checkbox');
    // The demo's records mark no component as required, so none is pre-checked (intake-form.test.ts: the rule).
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < (await boxes.count()); i++) expect(await boxes.nth(i).isChecked()).toBe(false);
    await boxes.nth(1).check();
    await modal.getByRole('textbox').fill('Bản sao giấy khai sinh');
    const sent = desk.waitForRequest(isIntake);
    await modal.getByRole('textbox').press('Control+Enter');
    const body = (await sent).postDataJSON() as { action: string; fees: unknown[]; input: { missingItems: string[]; note?: string; componentsReceived?: { name: string }[] } };
    expect(body.action).toBe('request_intake_supplement');
    expect(body.fees).toEqual([]);
    expect(body.input.missingItems).toHaveLength(2);
    expect(body.input.missingItems[0]).toMatch(/^Giấy tờ, tài liệu chứng minh/);
    expect(body.input.missingItems[1]).toBe('Bản sao giấy khai sinh');
    expect(body.input.note).toBe('Ghi chú nháp');
    expect(body.input.componentsReceived).toHaveLength(1);
    const result = desk.getByTestId('intake-result');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('request_intake_supplement');
    await result.getByTestId('print-supplement_request').waitFor();
  });

  it('a new intake starts empty; Alt+3 refuses, with at least one reason', async () => {
    await newIntake();
    expect(await desk.getByTestId('intake-procedure').inputValue()).toBe('');
    expect(await desk.getByTestId('applicant-fullName').inputValue()).toBe('');
    expect(await desk.getByTestId('intake-note').inputValue()).toBe('');
    await selectOption(desk, 'intake-procedure', PROC);
    await desk.getByTestId('intake-checklist').waitFor();
    await desk.getByTestId('component-0').check();
    await fillApplicant('Phạm Văn Quý');
    await desk.keyboard.press('Alt+3');
    const modal = desk.getByTestId('modal-reject');
    await modal.waitFor();
    await modal.getByTestId('input-reasons').press('Control+Enter');
    await modal.getByText(t('intake.reasons.none', 'vi')).waitFor();
    await modal.getByTestId('input-reasons').fill('Không thuộc thẩm quyền\nĐề nghị nộp tại nơi cư trú');
    await modal.getByTestId('input-competentBody').fill('UBND phường Diên Hồng');
    const sent = desk.waitForRequest(isIntake);
    await modal.getByTestId('confirm-reject').click();
    const body = (await sent).postDataJSON() as { action: string; input: Record<string, unknown> };
    expect(body.action).toBe('reject_intake');
    expect(body.input).toEqual({ reasons: ['Không thuộc thẩm quyền', 'Đề nghị nộp tại nơi cư trú'], competentBody: 'UBND phường Diên Hồng' });
    const result = desk.getByTestId('intake-result');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('reject_intake');
  });

  it('Ctrl+Enter receives, and the fee paid at the counter is recorded with it', async () => {
    await newIntake();
    await selectOption(desk, 'intake-procedure', PROC);
    await desk.getByTestId('intake-fees').waitFor();
    await fillApplicant('Võ Thị Lan');
    await desk.getByTestId('intake-paid').check();
    const sent = desk.waitForRequest(isIntake);
    const paid = desk.waitForRequest((r) => r.url().endsWith('/actions') && r.method() === 'POST');
    await desk.getByTestId('applicant-phone').press('Control+Enter');
    const body = (await sent).postDataJSON() as { action: string; fees: { amountVnd: number }[] };
    expect(body.action).toBe('receive');
    const total = body.fees.reduce((s, f) => s + f.amountVnd, 0);
    expect(total).toBeGreaterThan(0);
    const payment = (await paid).postDataJSON() as { action: string; input: { amount: number; paymentMethod: string } };
    expect(payment.action).toBe('record_payment');
    expect(payment.input).toEqual({ amount: total, paymentMethod: 'desk' });
    const result = desk.getByTestId('intake-result');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('receive');
    // The stored draft went with the success: a reload shows the result's next intake empty, without a notice.
    await newIntake();
    await desk.reload();
    await desk.getByTestId('intake-procedure').waitFor();
    await settled(desk);
    expect(await desk.getByText(t('intake.draftRestored', 'vi')).count()).toBe(0);
    expect(await desk.getByTestId('applicant-fullName').inputValue()).toBe('');
  });
});

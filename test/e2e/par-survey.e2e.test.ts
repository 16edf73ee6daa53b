/**
 * The survey run in the browser: on the round page the reform officer creates two citizens' questionnaires for
 * Phường Pleiku (QR codes and links shown once); a citizen opens one link on a phone without an account, is told
 * which questions are left, answers and is thanked; the same link again says it was answered; the officer's
 * progress shows 1 of 2 and the answers are counted into the commune's survey points. axe on both screens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeCriteriaSet } from '../../src/server/seed/par-commune-set.ts';
import { TestClock } from '../support/harness.ts';
import { agencyId, apiAs, expectAccessible, expectNothingCut, pageAs, screenshot, settled, startE2E, type E2E } from './browser.ts';

let e: E2E;
let roundId: string;
const P = '/api/reform/par';

async function phone(): Promise<Page> {
  const ctx = await e.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
  return ctx.newPage();
}

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  const officer = await apiAs(e, 'tinh.caicach');
  const set = await officer.post(`${P}/sets/import`, communeCriteriaSet(2026));
  expect(set.status).toBe(201);
  const r = await officer.post(`${P}/rounds`, { setId: set.body.id, agencyIds: [await agencyId(e)], selfDeadline: { workingDays: 10 }, appraisalDeadline: { workingDays: 20 } });
  expect(r.status).toBe(201);
  roundId = r.body.id;
});
afterAll(async () => e?.close());

describe('the survey run in motcua', () => {
  it('questionnaires by QR code and link, answered once on a phone, counted into the points', async () => {
    const officer = await pageAs(e, 'tinh.caicach');
    await officer.goto(`${e.base}/chi-so-cchc/${roundId}`);
    await officer.getByTestId('par-survey-run').waitFor();
    await officer.getByTestId('par-survey-count').fill('2');
    await officer.getByTestId('par-survey-sample').click();
    await officer.getByTestId('par-survey-links').waitFor();
    const links = await officer.getByTestId('par-survey-link').allTextContents();
    expect(links).toHaveLength(2);
    expect(await officer.getByTestId('par-survey-links').locator('img').count()).toBe(2);
    await expect.poll(() => officer.getByTestId('par-survey-answered-citizens').textContent()).toBe('0 / 2');
    await settled(officer);
    await expectAccessible(officer, 'round page with the survey run');
    await screenshot(officer, 'par-survey-run');

    const citizen = await phone();
    const path = new URL(links[0]!).pathname;
    expect(path).toMatch(/^\/dich-vu-cong\/khao-sat\/[A-Za-z0-9_-]{22}$/);
    await citizen.goto(`${e.base}${path}`);
    await citizen.getByTestId('survey-form').waitFor();
    expect(await citizen.locator('fieldset').count()).toBe(3);
    await expectAccessible(citizen, 'questionnaire on a phone');
    await expectNothingCut(citizen, 'questionnaire on a phone');
    await citizen.getByTestId('survey-q-8.2.1').getByLabel(/^A\./).check();
    await citizen.getByTestId('survey-submit').click();
    await expect.poll(() => citizen.getByTestId('survey-missing').textContent()).toContain('còn 2 câu');
    await citizen.getByTestId('survey-q-8.2.2').getByLabel(/^B\./).check();
    await citizen.getByTestId('survey-q-8.2.3').getByLabel(/^C\./).check();
    await screenshot(citizen, 'portal-survey');
    await citizen.getByTestId('survey-submit').click();
    await citizen.getByTestId('survey-thanks').waitFor();
    await citizen.reload();
    await expect.poll(() => citizen.getByTestId('survey-problem').textContent()).toContain('đã được trả lời');

    await officer.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
    await expect.poll(() => officer.getByTestId('par-survey-answered-citizens').textContent()).toBe('1 / 2');
    await officer.getByTestId('par-survey-apply').click();
    await expect.poll(() => officer.getByTestId('par-survey-applied').textContent()).toContain('3 tiêu chí');
    const results = (await (await apiAs(e, 'tinh.caicach')).get(`${P}/rounds/${roundId}/survey`)).body.items as { nodeCode: string; points: string }[];
    // One respondent: A → 4 of 4, B → 60 % of 4 = 2.40, C → 20 % of 4 = 0.80.
    expect(Object.fromEntries(results.map((r) => [r.nodeCode, r.points]))).toEqual({ '8.2.1': '4.00', '8.2.2': '2.40', '8.2.3': '0.80' });
  });
});

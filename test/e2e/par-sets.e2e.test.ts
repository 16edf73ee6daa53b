/**
 * The criteria-set editor in the browser: the province reform officer opens an imported set from "Chỉ số CCHC",
 * changes a leaf's maximum (its parents re-sum), adds a sub-criterion under a leaf (which becomes a parent), is told
 * which line of an options list is wrong, removes a node, sees the validator's problem for a parent left without
 * children, saves, finds the edit after a reload, and gets the version conflict when an older copy is saved. A set a
 * round already uses opens read-only. Nothing is cut at 1366×768; axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeCriteriaSet } from '../../src/server/seed/par-commune-set.ts';
import { TestClock } from '../support/harness.ts';
import { agencyId, apiAs, expectAccessible, expectNothingCut, pageAs, screenshot, settled, startE2E, type E2E } from './browser.ts';

let e: E2E;
let setId: string;
let usedSetId: string;
const P = '/api/reform/par';

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  const officer = await apiAs(e, 'tinh.caicach');
  const a = await officer.post(`${P}/sets/import`, communeCriteriaSet(2027));
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  setId = a.body.id;
  const b = await officer.post(`${P}/sets/import`, communeCriteriaSet(2026));
  expect(b.status).toBe(201);
  usedSetId = b.body.id;
  const round = await officer.post(`${P}/rounds`, { setId: usedSetId, agencyIds: [await agencyId(e)], selfDeadline: { workingDays: 10 }, appraisalDeadline: { workingDays: 20 } });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
});
afterAll(async () => e?.close());

describe('the criteria-set editor', () => {
  it('edits node by node, validates live with the server’s rules, saves with its version', async () => {
    const page = await pageAs(e, 'tinh.caicach');
    await page.goto(`${e.base}/chi-so-cchc`);
    await page.getByTestId('par-set-edit-CCHC-XA-2027').click();
    await page.waitForURL(new RegExp(`/chi-so-cchc/bo-tieu-chi/${setId}$`));
    await page.getByTestId('parset-row-1.1.1').waitFor();
    await settled(page);
    await expect.poll(() => page.getByTestId('parset-problems').textContent()).toContain('Tổng điểm tối đa: 100');
    await expectAccessible(page, 'set editor');
    await expectNothingCut(page, 'set editor');
    await screenshot(page, 'par-set-editor');

    // A leaf's maximum: 1 → 1,5; its parent 1.1 (3 → 3,5) and area 1 (9 → 9,5) follow.
    await page.getByTestId('parset-edit-1.1.1').click();
    await page.getByTestId('parset-field-max').fill('1,5');
    await page.getByTestId('parset-apply').click();
    await expect.poll(() => page.getByTestId('parset-max-1.1').textContent()).toBe('3,5');
    expect(await page.getByTestId('parset-max-1').textContent()).toBe('9,5');

    // A sub-criterion under the leaf 1.1.1: an options list with a bad second line is refused, naming the line.
    await page.getByTestId('parset-add-1.1.1').click();
    expect(await page.getByTestId('parset-field-code').inputValue()).toBe('1.1.1.1');
    await page.getByTestId('parset-field-title').fill('Kế hoạch được ban hành trước ngày 31/01');
    await page.getByTestId('parset-field-max').fill('1,5');
    await page.getByTestId('parset-field-method').click();
    await page.getByRole('option', { name: 'Chọn một phương án' }).click();
    await page.getByTestId('parset-field-options').fill('A | 1,5 | Đúng hạn\nB | muộn');
    await page.getByTestId('parset-apply').click();
    await expect.poll(() => page.getByTestId('parset-form-error').textContent()).toContain('Dòng 2');
    await page.getByTestId('parset-field-options').fill('A | 1,5 | Đúng hạn\nB | 0,5 | Muộn');
    await page.getByTestId('parset-apply').click();
    await page.getByTestId('parset-row-1.1.1.1').waitFor();
    // 1.1.1 is now a parent: no method of its own, its maximum the child's.
    expect(await page.getByTestId('parset-row-1.1.1').locator('td').nth(3).textContent()).toBe('');
    expect(await page.getByTestId('parset-max-1.1.1').textContent()).toBe('1,5');

    // Removing the only child leaves 1.1.1 a leaf without a method: the validator says so and the save waits.
    await page.getByTestId('parset-remove-1.1.1.1').click();
    await page.getByTestId('parset-remove-confirm').click();
    await page.getByTestId('parset-problem-1.1.1').waitFor();
    expect(await page.getByTestId('parset-save').isDisabled()).toBe(true);
    await page.getByTestId('parset-edit-1.1.1').click();
    await page.getByTestId('parset-field-method').click();
    await page.getByRole('option', { name: 'Có / không' }).click();
    await page.getByTestId('parset-apply').click();
    await expect.poll(() => page.getByTestId('parset-problems').textContent()).toContain('Bộ tiêu chí hợp lệ');

    await page.getByTestId('parset-save').click();
    await expect.poll(() => page.getByTestId('parset-notice').textContent()).toContain('phiên bản 2');
    await page.reload();
    await page.getByTestId('parset-row-1.1.1').waitFor();
    await expect.poll(() => page.getByTestId('parset-max-1').textContent()).toBe('9,5');
    const stored = (await (await apiAs(e, 'tinh.caicach')).get(`${P}/sets/${setId}`)).body;
    expect(stored.version).toBe(2);
    expect(stored.document.nodes.find((n: { code: string }) => n.code === '1.1.1')).toMatchObject({ max: 1.5, method: { kind: 'yesno' } });

    // An older copy saved after that is refused as a conflict, not merged.
    const stale = await pageAs(e, 'tinh.caicach');
    await stale.goto(`${e.base}/chi-so-cchc/bo-tieu-chi/${setId}`);
    await stale.getByTestId('parset-row-1.2').waitFor();
    await page.getByTestId('parset-edit-1.2').click();
    await page.getByTestId('parset-field-title').fill('Ứng dụng số liệu trực tuyến');
    await page.getByTestId('parset-apply').click();
    await page.getByTestId('parset-save').click();
    await expect.poll(() => page.getByTestId('parset-notice').textContent()).toContain('phiên bản 3');
    await stale.getByTestId('parset-edit-1.2').click();
    await stale.getByTestId('parset-field-title').fill('Bản cũ');
    await stale.getByTestId('parset-apply').click();
    await stale.getByTestId('parset-save').click();
    await expect.poll(() => stale.getByRole('alert').first().textContent()).toMatch(/phiên bản|đã được sửa|thay đổi/i);
    expect((await (await apiAs(e, 'tinh.caicach')).get(`${P}/sets/${setId}`)).body.document.nodes.find((n: { code: string }) => n.code === '1.2').title.vi).toBe('Ứng dụng số liệu trực tuyến');
  });

  it('a set a round uses opens read-only and says to copy it', async () => {
    const page = await pageAs(e, 'tinh.caicach');
    await page.goto(`${e.base}/chi-so-cchc/bo-tieu-chi/${usedSetId}`);
    await page.getByTestId('parset-in-use').waitFor();
    expect(await page.getByTestId('parset-save').count()).toBe(0);
    expect(await page.getByTestId('parset-edit-1.1.1').count()).toBe(0);
  });
});

/**
 * The PAR index in the browser, a full round: the province reform officer imports the commune criteria set (JSON
 * file) and opens a round for Phường Pleiku and Phường Diên Hồng; Pleiku self-assesses (a yes/no node with an
 * evidence upload and its page note; the auto-filled online-dossier node shows its figure and query) and the
 * leader submits; the officer assigns the appraiser on the round page (and removes a wrong assignment with a
 * reason); the appraiser adjusts one score with a comment and the unit answers it; the survey points are
 * imported as CSV; the council finalises and publishes; the ranking, the per-area chart and the lost-points report
 * are read, and the portal shows the public ranking. Bulk filling of the other nodes goes through the API (it is
 * not the subject). The remediation-task click is wired by the lead with the inspections module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/harness.ts';
import { communeCriteriaSet } from '../../src/server/seed/par-commune-set.ts';
import { agencyId, apiAs, expectAccessible, pageAs, pdfFile, screenshot, selectOption, settled, startE2E, type E2E } from './browser.ts';

let e: E2E;
type Node = { code: string; leaf: boolean; applicable: boolean; version: number | null; method: { kind: string; options?: { key: string }[] } | null };

async function fillRest(e: E2E, user: string, roundId: string, agency: string, skip: string[]) {
  const c = await apiAs(e, user);
  const a = (await c.get(`/api/reform/par/rounds/${roundId}/units/${agency}`)).body;
  for (const n of a.nodes as Node[]) {
    if (!n.leaf || !n.applicable || !n.method || ['auto', 'survey'].includes(n.method.kind) || skip.includes(n.code)) continue;
    const answer = n.method.kind === 'yesno' ? { kind: 'yesno', yes: true } : n.method.kind === 'options' ? { kind: 'option', key: n.method.options![0]!.key } : { kind: 'value', value: 95 };
    const r = await c.put(`/api/reform/par/rounds/${roundId}/units/${agency}/nodes/${n.code}`, { ...(n.version ? { version: n.version } : {}), answer, explanation: 'Hồ sơ lưu tại Văn phòng UBND phường.' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}

describe('PAR index: a full round', () => {
  beforeAll(async () => {
    e = await startE2E(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
  });
  afterAll(async () => e?.close());

  it('import a set, open a round, self-assess, submit, appraise, answer, survey, finalise, publish, ranking and lost points', async () => {
    const pleiku = await agencyId(e, '000.01.00.H21');
    const dienhong = await agencyId(e, '000.02.00.H21');

    // 1. The reform officer imports the set and opens the round.
    const prov = await pageAs(e, 'tinh.caicach');
    await prov.getByTestId('nav-par').click();
    await prov.waitForURL(/\/chi-so-cchc$/);
    await settled(prov);
    const setFile = path.join(e.tmp, 'bo-tieu-chi-xa-2026.json');
    fs.writeFileSync(setFile, JSON.stringify(communeCriteriaSet(2026), null, 2));
    await prov.locator('input[type="file"]').first().setInputFiles(setFile);
    await expect.poll(() => prov.getByTestId('par-notice').textContent()).toContain('CCHC-XA-2026');
    await selectOption(prov, 'par-open-set', /CCHC-XA-2026/);
    await prov.getByLabel('Ủy ban nhân dân Phường Pleiku').check();
    await prov.getByLabel('Ủy ban nhân dân Phường Diên Hồng').check();
    await prov.getByTestId('par-open-submit').click();
    await prov.waitForURL(/\/chi-so-cchc\/[0-9a-f-]{36}$/);
    const roundId = prov.url().split('/').pop()!;
    await settled(prov);
    await expect.poll(() => prov.getByTestId('par-units').textContent()).toContain('Phường Diên Hồng');
    await screenshot(prov, 'par-round');

    // 2. Pleiku self-assesses: a yes/no node with an evidence upload, and the auto-filled node.
    await fillRest(e, 'pleiku.chuyenvien', roundId, pleiku, ['1.1.1']);
    const unit = await pageAs(e, 'pleiku.chuyenvien');
    await unit.goto(`${e.base}/chi-so-cchc/${roundId}/don-vi/${pleiku}`);
    await settled(unit);
    const n111 = unit.getByTestId('par-node-1.1.1');
    await n111.getByText('Có / Đạt').click();
    await n111.getByTestId('par-save').click();
    await expect.poll(() => n111.getByTestId('par-node-points').textContent()).toContain('1.00 / 1.00');
    await n111.locator('input[type="file"]').setInputFiles(pdfFile(e, 'ke-hoach-cchc-2026.pdf'));
    await n111.getByTestId('par-evidence-page').fill('Trang 2, mục II.1');
    await n111.getByTestId('par-evidence-add').click();
    await expect.poll(() => n111.getByTestId('par-evidence').textContent()).toContain('Tài liệu kiểm chứng: ke-hoach-cchc-2026.pdf — Trang 2, mục II.1');
    const auto = unit.getByTestId('par-node-7.1').getByTestId('par-auto');
    await expect.poll(() => auto.textContent()).toContain('ONLINE_DOSSIERS');
    expect(await unit.getByTestId('par-node-7.1').getByTestId('par-yesno').count()).toBe(0);
    await expect.poll(() => unit.getByTestId('par-running').textContent()).toMatch(/Tự chấm: \d+\.\d\d\/100\.00/);
    await screenshot(unit, 'par-self-assessment');

    const leader = await pageAs(e, 'pleiku.lanhdao');
    await leader.goto(`${e.base}/chi-so-cchc/${roundId}/don-vi/${pleiku}`);
    await settled(leader);
    await leader.getByTestId('par-submit').click();
    await expect.poll(() => leader.getByTestId('par-unit-status').getAttribute('data-status')).toBe('submitted');

    // Diên Hồng through the API (the second unit of the ranking).
    await fillRest(e, 'dienhong.lanhdao', roundId, dienhong, []);
    const dh = await apiAs(e, 'dienhong.lanhdao');
    const dha = (await dh.get(`/api/reform/par/rounds/${roundId}/units/${dienhong}`)).body;
    expect((await dh.post(`/api/reform/par/rounds/${roundId}/units/${dienhong}/submit`, { version: dha.version })).status).toBe(200);

    // 3. Appraisal: the officer assigns the appraiser on the round page (per unit; a per-area assignment made by
    // mistake is removed with a reason); one adjustment with a comment; the unit answers it.
    await prov.reload();
    await settled(prov);
    const appraisers = prov.getByTestId('par-appraisers');
    await expect.poll(() => appraisers.textContent()).toContain('Chưa phân công người thẩm định.');
    await selectOption(prov, 'par-appraiser-user', /tinh\.thanhtra/);
    await selectOption(prov, 'par-appraiser-unit', /Phường Pleiku/);
    await prov.getByTestId('par-appraiser-assign').click();
    await expect.poll(() => prov.getByTestId('par-appraisers-notice').textContent()).toContain('Đã phân công Trịnh Công Sơn');
    await selectOption(prov, 'par-appraiser-user', /sonv\.lanhdao/);
    await selectOption(prov, 'par-appraiser-area', /^2\./);
    await prov.getByTestId('par-appraiser-assign').click();
    await expect.poll(() => prov.getByTestId('par-appraiser-row').count()).toBe(2);
    const wrong = prov.locator('[data-testid="par-appraiser-row"][data-user="sonv.lanhdao"]');
    expect(await wrong.textContent()).toContain('Tất cả đơn vị');
    await wrong.getByTestId('par-appraiser-remove').click();
    await prov.getByTestId('par-appraiser-remove-reason').fill('Phân công nhầm lĩnh vực');
    await expectAccessible(prov, 'round page: removing an appraiser');
    await prov.getByTestId('par-appraiser-remove-confirm').click();
    await expect.poll(() => prov.getByTestId('par-appraiser-row').count()).toBe(1);
    const kept = prov.locator('[data-testid="par-appraiser-row"][data-user="tinh.thanhtra"]');
    expect(await kept.textContent()).toContain('Phường Pleiku');
    expect(await kept.textContent()).toContain('Tất cả lĩnh vực');
    await expectAccessible(prov, 'round page: appraiser assignments');
    const officer = await apiAs(e, 'tinh.caicach');
    const removed = (await officer.get(`/api/reform/par/rounds/${roundId}/history`)).body.items.find((h: { action: string }) => h.action === 'appraiser.remove');
    expect(removed).toMatchObject({ actor: 'Lý Thị Ngọc', nodeCode: '2', reason: 'Phân công nhầm lĩnh vực' });
    const appr = await pageAs(e, 'tinh.thanhtra');
    await appr.goto(`${e.base}/chi-so-cchc/${roundId}/don-vi/${pleiku}`);
    await settled(appr);
    const n14 = appr.getByTestId('par-node-1.4');
    await n14.getByTestId('par-adjust-points').fill('1');
    await n14.getByTestId('par-adjust-comment').fill('Chưa có tin bài tuyên truyền quý IV.');
    await n14.getByTestId('par-adjust').click();
    await expect.poll(() => n14.getByTestId('par-node-points').textContent()).toContain('Thẩm định: 1.00');
    await screenshot(appr, 'par-appraisal');
    await unit.reload();
    await settled(unit);
    const u14 = unit.getByTestId('par-node-1.4');
    await u14.getByTestId('par-answer').fill('Đơn vị bổ sung 3 tin bài trên trang thông tin điện tử.');
    await u14.getByTestId('par-answer-send').click();
    await expect.poll(() => u14.getByTestId('par-comment-answer').textContent()).toContain('bổ sung 3 tin bài');
    expect(await u14.getByTestId('par-answer').count()).toBe(0);

    // 4. Survey points (CSV), finalise, publish.
    await prov.reload();
    await settled(prov);
    const csv = ['agencyCode,nodeCode,points', ...['000.01.00.H21', '000.02.00.H21'].flatMap((a, i) => ['8.1.1', '8.1.2', '8.2.1', '8.2.2', '8.2.3'].map((n) => `${a},${n},${i === 0 ? '3.75' : '3.25'}`))].join('\n');
    await prov.getByTestId('par-survey-csv').fill(csv);
    const imported = prov.waitForResponse((r) => r.url().endsWith('/survey/import'));
    await prov.getByTestId('par-survey-import').click();
    expect((await imported).status()).toBe(200);
    await settled(prov);
    await prov.getByTestId('par-finalise').click();
    await expect.poll(() => prov.getByTestId('par-round-status').getAttribute('data-status')).toBe('finalised');
    await prov.getByTestId('par-publish').click();
    await expect.poll(() => prov.getByTestId('par-round-status').getAttribute('data-status')).toBe('published');

    // 5. Ranking, per-area chart with its table, lost points.
    await settled(prov);
    const ranking = prov.getByTestId('par-ranking');
    await expect.poll(() => ranking.locator('tbody tr').first().textContent()).toContain('Phường Pleiku');
    expect(await prov.getByTestId('par-area-table').locator('tbody tr').count()).toBe(2);
    expect(await prov.getByTestId('par-area-chart').locator('svg').count()).toBe(1);
    await prov.getByTestId('par-lost-000.01.00.H21').click();
    const lost = prov.locator('[data-testid="par-lost-row"][data-node="1.4"]');
    await expect.poll(() => lost.textContent()).toContain('Chưa có tin bài tuyên truyền quý IV.');
    await lost.scrollIntoViewIfNeeded();
    await screenshot(prov, 'par-results');

    // The portal's public ranking.
    const portal = await e.browser.newPage({ viewport: { width: 390, height: 844 } });
    await portal.goto(`${e.base}/dich-vu-cong/chi-so-cchc`);
    await expect.poll(() => portal.getByTestId('par-public-ranking').locator('tbody tr').count()).toBe(2);
    expect(await portal.getByTestId('par-public-ranking').locator('tbody tr').first().textContent()).toContain('Phường Pleiku');
    await portal.screenshot({ path: 'docs/screenshots/portal-par-ranking.png', fullPage: true });
  });
});

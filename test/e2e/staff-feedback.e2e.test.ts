/**
 * Phản ánh, kiến nghị in the staff console: a feedback sent through the public API appears in the unit's
 * queue; a leader opens it, classifies it, answers and publishes the answer through the screens (only the
 * actions the state allows are offered); the published answer is public with the personal data left out.
 * axe-core on the queue, the drawer and a modal.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, TestClock } from '../support/harness.ts';
import { agencyId, apiAs, expectAccessible, pageAs, settled, startE2E, USERS, type E2E } from './browser.ts';

let e: E2E;
let leader: Page;
let fb: { id: string; reference: string; trackingSecret: string };

beforeAll(async () => {
  e = await startE2E(new TestClock(new Date('2026-03-03T09:00:00+07:00')));
  const pub = new ApiClient(e.base);
  const r = await pub.post('/api/public/feedback', {
    agencyId: await agencyId(e),
    subject: 'procedure',
    procedureCode: '1.010038',
    title: 'Thời gian chờ tại quầy quá lâu',
    content: 'Tôi chờ hơn hai giờ để nộp hồ sơ tách hộ. Đề nghị bố trí thêm người tiếp nhận.',
    contact: { fullName: 'Phạm Thị Hoa', phone: '0905777888', email: 'hoa.pham@example.vn' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  fb = r.body;
  leader = await pageAs(e, USERS.leader);
});

afterAll(async () => {
  await e?.close();
});

async function act(action: string, fill?: () => Promise<void>) {
  await leader.getByTestId(`fb-action-${action}`).click();
  const modal = leader.getByTestId(`fb-modal-${action}`);
  await modal.waitFor();
  if (fill) await fill();
  const done = leader.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
  await modal.getByTestId('fb-action-submit').click();
  const res = await done;
  expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
  await modal.waitFor({ state: 'detached' });
  await leader.getByTestId('fb-last-action').waitFor();
}

const status = () => leader.getByTestId('fb-drawer').getByTestId('fb-status').getAttribute('data-status');
const offered = async () => (await leader.getByTestId('fb-actions').locator('[data-testid^="fb-action-"]').evaluateAll((els) => els.map((x) => (x as unknown as { getAttribute(n: string): string | null }).getAttribute('data-testid')))).filter((x) => x !== 'fb-action-submit');

describe('feedback in the staff console', () => {
  it('lists the feedback in the queue, with a status filter and the overdue tab', async () => {
    await leader.getByTestId('nav-feedback').click();
    await leader.waitForURL(/\/phan-anh\/all/);
    await settled(leader);
    const row = leader.getByTestId(`fb-row-${fb.reference}`);
    await expect.poll(() => row.textContent()).toContain('Thời gian chờ tại quầy quá lâu');
    await expectAccessible(leader, 'feedback queue');
    await leader.goto(`${e.base}/phan-anh/all?status=published`);
    await leader.getByTestId('fb-empty').waitFor();
    await leader.getByTestId('fb-tab-overdue').click();
    await leader.waitForURL(/\/phan-anh\/overdue/);
    await leader.getByTestId('fb-empty').waitFor();
  });

  it('a leader receives, classifies, answers and publishes it through the drawer', async () => {
    await leader.goto(`${e.base}/phan-anh/all`);
    await leader.getByTestId(`fb-open-${fb.reference}`).click();
    await leader.getByTestId('fb-detail').waitFor();
    expect(await leader.getByTestId('fb-contact-name').textContent()).toBe('Phạm Thị Hoa');
    expect(await leader.getByTestId('fb-content').textContent()).toContain('bố trí thêm người tiếp nhận');
    expect(await status()).toBe('submitted');
    expect(await offered()).toEqual(['fb-action-receive']);
    await expectAccessible(leader, 'feedback drawer');

    await act('receive');
    await expect.poll(status).toBe('received');
    await expect.poll(() => leader.getByTestId('fb-history').locator('tbody tr').count()).toBe(2);
    expect(await leader.getByTestId('fb-due').textContent()).not.toBe('—');

    await leader.getByTestId('fb-action-classify').click();
    await leader.getByTestId('fb-modal-classify').waitFor();
    await expectAccessible(leader, 'classify modal');
    await leader.getByTestId('fb-modal-classify').getByRole('button', { name: 'Hủy' }).click();
    await leader.getByTestId('fb-modal-classify').waitFor({ state: 'detached' });
    await act('classify'); // within competence (the default)
    await expect.poll(status).toBe('in_progress');
    expect(await offered()).toEqual(['fb-action-request_info', 'fb-action-answer']);

    await act('answer', () => leader.getByTestId('fb-input-answer').fill('Từ ngày 10/3/2026, Bộ phận một cửa bố trí thêm một quầy tiếp nhận hồ sơ cư trú. Liên hệ 0905777888 nếu cần.'));
    await expect.poll(status).toBe('answered');
    expect(await leader.getByTestId('fb-answer').textContent()).toContain('thêm một quầy');

    await act('publish');
    await expect.poll(status).toBe('published');
    expect(await leader.getByTestId('fb-published-at').textContent()).not.toBe('—');
    expect(await offered()).toEqual(['fb-action-archive']);
    await expectAccessible(leader, 'feedback drawer, published');

    const pub = await new ApiClient(e.base).get('/api/public/feedback');
    const item = pub.body.items.find((x: { reference: string }) => x.reference === fb.reference);
    expect(item.answer).toContain('thêm một quầy');
    expect(JSON.stringify(item)).not.toContain('Phạm Thị Hoa');
    expect(JSON.stringify(item)).not.toContain('0905777888');
  });

  it('a stale version answers 409: the drawer reloads the feedback', async () => {
    const r = await new ApiClient(e.base).post('/api/public/feedback', {
      agencyId: await agencyId(e),
      subject: 'other',
      title: 'Góp ý giờ làm việc',
      content: 'Đề nghị mở cửa sáng thứ Bảy.',
      contact: { fullName: 'Đỗ Văn Long' },
    });
    expect(r.status).toBe(201);
    await leader.goto(`${e.base}/phan-anh/all?id=${r.body.id}`);
    await leader.getByTestId('fb-detail').waitFor();
    await leader.getByTestId('fb-action-receive').waitFor();
    // Meanwhile the desk officer receives it.
    const desk = await apiAs(e, USERS.desk);
    const got = await desk.post(`/api/feedback/${r.body.id}/actions`, { action: 'receive', version: 1, input: {} });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    await leader.getByTestId('fb-action-receive').click();
    const modal = leader.getByTestId('fb-modal-receive');
    const res = leader.waitForResponse((x) => x.url().endsWith('/actions'));
    await modal.getByTestId('fb-action-submit').click();
    expect((await res).status()).toBe(409);
    await modal.getByTestId('fb-conflict').waitFor();
    await expect.poll(status).toBe('received');
  });
});

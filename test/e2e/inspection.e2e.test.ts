/**
 * One reform inspection in the real browser against the real server, from the approved plan to a closed
 * remediation task (issue 9 §2).
 *
 * Set-up through the API (not the subject): the Sở Nội vụ leader creates and approves a plan with one visit to
 * Phường Pleiku, team leader tinh.thanhtra (the tablet) and member sonv.quantri; the leader starts the visit.
 *
 * 1. On the tablet (820×1180; the nav is collapsed, so pages are opened by URL) the leader opens the visit online
 *    (the page stores it in IndexedDB) and fills an item; the network is cut; more items, a note and a photo from
 *    the camera input are entered; meanwhile the member changes one of those items on the server; the page is
 *    reloaded offline (shell from the service worker, visit from IndexedDB) and still holds everything; on
 *    reconnect the queue is sent, the conflicting item is shown (keep mine / take theirs) and decided; the server
 *    then has each item's result and note, the photo exactly once and one history entry per change; re-sending
 *    the same batch and the same photo is recognised as a replay and changes nothing.
 * 2. On the desktop the leader finishes the visit, edits and issues the minutes then the conclusion notice (numbers
 *    NN/BB-SNV and NN/TB-SNV, PDFs); one remediation task per recommendation appears; the commune's specialist
 *    reports on a task with an evidence file; the leader accepts it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { TestClock } from '../support/harness.ts';
import { COMMUNE_CHECKLIST_2025 } from '../../src/core/reform/inspections/checklist.ts';
import { agencyId, apiAs, DESKTOP, expectPdfLink, pageAs, pdfFile, screenshot, settled, setTime, startE2E, TABLET, type E2E } from './browser.ts';

let e: E2E;
const P = '/api/reform';
const LEADER = 'tinh.thanhtra';
const MEMBER = 'sonv.quantri';
const OFFICER = 'pleiku.chuyenvien';
const SONV_CODE = '000.00.09.H21';
let visitId: string;
const uid: Record<string, string> = {};

/** A JPEG "photo" of a notice board, drawn by the browser (a real image the thumbnail can show). */
async function boardPhoto(page: Page): Promise<Buffer> {
  const b64 = (await page.evaluate(`(() => {
    const c = document.createElement('canvas'); c.width = 320; c.height = 240;
    const g = c.getContext('2d');
    g.fillStyle = '#efe8d6'; g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#9b1c1c'; g.fillRect(16, 16, 288, 40);
    g.fillStyle = '#ffffff'; g.font = 'bold 18px sans-serif'; g.fillText('NIÊM YẾT TTHC', 92, 43);
    g.fillStyle = '#44403c'; for (let i = 0; i < 6; i++) g.fillRect(32, 76 + i * 26, 180 + (i % 3) * 36, 10);
    return c.toDataURL('image/jpeg', 0.85).split(',')[1];
  })()`)) as string;
  return Buffer.from(b64, 'base64');
}

const NOTE_12 = 'Chưa có kế hoạch tuyên truyền quý II';
const NOTE_13_MINE = 'Chưa tự kiểm tra thôn, tổ dân phố nào';
const NOTE_13_THEIRS = 'Đã tự kiểm tra 1/4 tổ dân phố';

type Item = { code: string; result: string | null; note: string; version: number; updatedBy: { id: string; name: string } | null };
type VisitBody = { status: string; version: number; items: Item[]; photos: { id: string; clientPhotoId: string; itemCode: string }[] };

async function serverVisit(page: Page): Promise<VisitBody> {
  const r = await page.request.get(`${e.base}${P}/inspection-visits/${visitId}`);
  expect(r.status()).toBe(200);
  return (await r.json()) as VisitBody;
}

/** The visit's checklist and photo history (append-only), as stored. */
async function history(): Promise<{ itemCode: string | null; action: string; clientChangeId: string | null; actorId: string | null }[]> {
  const r = (await e.env.ctx.db.execute(
    sql`select item_code as "itemCode", action, client_change_id as "clientChangeId", actor_id as "actorId" from inspection_item_history where visit_id = ${visitId} and action in ('item_changed', 'photo_added') order by id`,
  )) as unknown as { rows: { itemCode: string | null; action: string; clientChangeId: string | null; actorId: string | null }[] };
  return r.rows;
}

/** Scrolls a part of the page to the middle of the viewport (for the screenshots). */
const centre = (l: Locator) => l.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));

/** The visits this browser holds in IndexedDB. */
const storedVisitIds = (page: Page) =>
  page.evaluate(`new Promise((ok, ko) => {
    const r = indexedDB.open('motcua-inspections');
    r.onerror = () => ko(r.error);
    r.onsuccess = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('visits')) { db.close(); ok([]); return; }
      const q = db.transaction('visits').objectStore('visits').getAllKeys();
      q.onsuccess = () => { db.close(); ok(q.result); };
      q.onerror = () => ko(q.error);
    };
  })`) as Promise<string[]>;

describe('a reform inspection, from the plan to a closed remediation task', () => {
  beforeAll(async () => {
    e = await startE2E(new TestClock(new Date('2026-05-12T09:00:00+07:00')));
    for (const u of [LEADER, MEMBER, OFFICER]) uid[u] = (await (await apiAs(e, u)).get('/api/auth/me')).body.userId;
    const sonvLeader = await apiAs(e, 'sonv.lanhdao');
    const sonv = await agencyId(e, SONV_CODE);
    const pleiku = await agencyId(e);
    const templateId = (await sonvLeader.get(`${P}/inspection-templates`)).body.items[0].id as string;
    const plan = await sonvLeader.post(`${P}/inspection-plans`, {
      year: 2026, kind: 'province', title: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2026', ownerAgencyId: sonv, templateId,
      visits: [{ agencyId: pleiku, scheduledOn: '2026-05-12', surprise: false }],
      team: [{ staffId: uid[LEADER], agencyId: sonv, role: 'leader' }, { staffId: uid[MEMBER], agencyId: sonv, role: 'member' }],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const approved = await sonvLeader.post(`${P}/inspection-plans/${plan.body.id}/approve`, { version: plan.body.version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const v = approved.body.visits[0] as { id: string; version: number };
    visitId = v.id;
    const started = await (await apiAs(e, LEADER)).post(`${P}/inspection-visits/${visitId}/start`, { version: v.version });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
  });
  afterAll(async () => e?.close());

  it('on a tablet: works offline, reloads offline, syncs every item and photo exactly once, shows and settles a conflict', async () => {
    const page = await pageAs(e, LEADER, TABLET);
    const ctx = page.context();
    // The service worker of the production build installs and takes control of the console.
    await page.waitForFunction('navigator.serviceWorker && navigator.serviceWorker.controller !== null', null, { timeout: 30_000 });

    // Online: open the visit; the page keeps it in IndexedDB.
    await page.goto(`${e.base}/kiem-tra-cchc/dot/${visitId}`);
    const bar = page.getByTestId('insp-sync-bar');
    const card = (code: string) => page.getByTestId(`insp-item-${code}`);
    await card('1.1').waitFor();
    expect(await page.getByTestId('insp-visit').getAttribute('data-status')).toBe('in_progress');
    await expect.poll(() => storedVisitIds(page)).toContain(visitId);
    expect(await bar.getAttribute('data-pending')).toBe('0');

    // One item online: it reaches the server at once.
    const first = page.waitForResponse((r) => r.url().endsWith(`/inspection-visits/${visitId}/sync`) && r.request().method() === 'POST');
    await card('1.1').getByTestId('insp-result-meets').click();
    expect((await (await first).json()).results[0]).toMatchObject({ outcome: 'applied', item: { code: '1.1', result: 'meets' } });
    await expect.poll(() => card('1.1').getAttribute('data-pending')).toBe('false');
    await expect.poll(() => bar.getAttribute('data-pending')).toBe('0');

    // The network goes: the inspector goes on working.
    await ctx.setOffline(true);
    await expect.poll(() => bar.getAttribute('data-online')).toBe('false');
    await card('1.2').getByTestId('insp-result-partly').click();
    await card('1.2').getByTestId('insp-note').fill(NOTE_12);
    await card('1.2').getByTestId('insp-note').blur();
    await card('1.3').getByTestId('insp-result-does_not_meet').click();
    await card('1.3').getByTestId('insp-note').fill(NOTE_13_MINE);
    await card('1.3').getByTestId('insp-note').blur();
    const JPEG = await boardPhoto(page);
    const photo = path.join(e.tmp, 'niem-yet-thu-tuc.jpg');
    fs.writeFileSync(photo, JPEG);
    await card('2.1').getByTestId('insp-photo-camera').setInputFiles(photo);
    await expect.poll(() => card('2.1').getByTestId('insp-photo').count()).toBe(1);
    await expect.poll(() => card('1.3').getAttribute('data-pending')).toBe('true');
    // 1.2 (result and note in one change), 1.3, the photo.
    await expect.poll(() => bar.getAttribute('data-pending')).toBe('3');

    // Meanwhile the other team member records item 1.3 on the server.
    const member = await apiAs(e, MEMBER);
    const atServer = (await member.get(`${P}/inspection-visits/${visitId}`)).body as VisitBody;
    const theirs = await member.post(`${P}/inspection-visits/${visitId}/sync`, {
      changes: [{ clientChangeId: randomUUID(), itemCode: '1.3', baseVersion: atServer.items.find((i) => i.code === '1.3')!.version, result: 'partly', note: NOTE_13_THEIRS }],
    });
    expect(theirs.body.results[0].outcome).toBe('applied');

    // Reload without a connection: the shell comes from the service worker, the visit and the queue from IndexedDB.
    await page.reload();
    await card('1.2').waitFor();
    expect(await card('1.1').getAttribute('data-result')).toBe('meets');
    expect(await card('1.2').getAttribute('data-result')).toBe('partly');
    expect(await card('1.2').getByTestId('insp-note').inputValue()).toBe(NOTE_12);
    expect(await card('1.3').getAttribute('data-result')).toBe('does_not_meet');
    expect(await card('2.1').getByTestId('insp-photo').getAttribute('data-status')).toBe('pending');
    expect(await bar.getAttribute('data-pending')).toBe('3');
    expect(await bar.getAttribute('data-online')).toBe('false');
    await centre(card('2.1'));
    await screenshot(page, 'inspection-visit-offline');

    // Reconnect: the queue goes to POST …/sync; 1.2 is applied, 1.3 conflicts with the member's change.
    const sent = page.waitForRequest((r) => r.url().endsWith(`/inspection-visits/${visitId}/sync`) && r.method() === 'POST', { timeout: 30_000 });
    await ctx.setOffline(false);
    const req = await sent;
    const batch = req.postDataJSON() as { changes: { clientChangeId: string; itemCode: string; baseVersion: number; result: string | null; note: string }[] };
    expect(batch.changes.map((c) => c.itemCode).sort()).toEqual(['1.2', '1.3']);
    expect(batch.changes.find((c) => c.itemCode === '1.2')).toMatchObject({ result: 'partly', note: NOTE_12 });
    const answer = (await (await req.response())!.json()) as { results: { clientChangeId: string; outcome: string; item: { code: string } }[] };
    expect(Object.fromEntries(answer.results.map((r) => [r.item.code, r.outcome]))).toEqual({ '1.2': 'applied', '1.3': 'conflict' });

    const conflict = card('1.3').getByTestId('insp-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Nguyễn Hữu Phước');
    expect(await conflict.getByTestId('insp-conflict-theirs').textContent()).toContain(NOTE_13_THEIRS);
    expect(await conflict.getByTestId('insp-conflict-mine').textContent()).toContain(NOTE_13_MINE);
    await expect.poll(() => bar.getAttribute('data-pending')).toBe('0');
    await expect.poll(() => card('2.1').getByTestId('insp-photo').getAttribute('data-status')).toBe('uploaded');
    await centre(card('1.3'));
    await screenshot(page, 'inspection-conflict');

    // The inspector keeps their own finding: a new change on the member's version.
    await card('1.3').getByTestId('insp-keep-mine').click();
    await expect.poll(() => card('1.3').getByTestId('insp-conflict').count()).toBe(0);
    await expect.poll(() => bar.getAttribute('data-pending')).toBe('0');
    await expect.poll(() => card('1.3').getAttribute('data-pending')).toBe('false');

    // The server has every item as entered, the photo once, one history entry per change.
    const after = await serverVisit(page);
    const item = (code: string) => after.items.find((i) => i.code === code)!;
    expect(item('1.1')).toMatchObject({ result: 'meets', note: '' });
    expect(item('1.2')).toMatchObject({ result: 'partly', note: NOTE_12, updatedBy: { id: uid[LEADER] } });
    expect(item('1.3')).toMatchObject({ result: 'does_not_meet', note: NOTE_13_MINE, updatedBy: { id: uid[LEADER] } });
    expect(after.photos).toHaveLength(1);
    expect(after.photos[0]).toMatchObject({ itemCode: '2.1' });
    const h1 = await history();
    const count = (code: string, action = 'item_changed') => h1.filter((x) => x.itemCode === code && x.action === action).length;
    expect([count('1.1'), count('1.2'), count('1.3'), count('2.1', 'photo_added')]).toEqual([1, 1, 2, 1]);
    expect(h1.filter((x) => x.itemCode === '1.3').map((x) => x.actorId)).toEqual([uid[MEMBER], uid[LEADER]]);
    expect(new Set(h1.filter((x) => x.clientChangeId).map((x) => x.clientChangeId)).size).toBe(h1.filter((x) => x.clientChangeId).length);

    // A replay (an answer lost on the way back): the same batch and the same photo again change nothing.
    const replay = await page.request.post(`${e.base}${P}/inspection-visits/${visitId}/sync`, { data: batch });
    expect(replay.status()).toBe(200);
    const rr = ((await replay.json()) as { results: { item: { code: string; result: string | null; note: string }; outcome: string; reason?: string }[] }).results;
    expect(rr.find((r) => r.item.code === '1.2')).toMatchObject({ outcome: 'unchanged', reason: 'replay', item: { result: 'partly' } });
    // The change that conflicted was never applied; the finding kept since has the same content: nothing to change.
    expect(rr.find((r) => r.item.code === '1.3')).toMatchObject({ outcome: 'unchanged', reason: 'same_content', item: { result: 'does_not_meet', note: NOTE_13_MINE } });
    const again = await page.request.post(`${e.base}${P}/inspection-visits/${visitId}/photos`, {
      multipart: { clientPhotoId: after.photos[0]!.clientPhotoId, itemCode: '2.1', file: { name: 'niem-yet-thu-tuc.jpg', mimeType: 'image/jpeg', buffer: JPEG } },
    });
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { photo: { id: string } }).photo.id).toBe(after.photos[0]!.id);
    const replayed = await serverVisit(page);
    expect(replayed.photos).toHaveLength(1);
    expect(replayed.items).toEqual(after.items);
    expect(await history()).toEqual(h1);

    // The rest of the checklist on the tablet, online.
    const rest = COMMUNE_CHECKLIST_2025.items.map((i) => i.code).filter((c) => !['1.1', '1.2', '1.3'].includes(c));
    for (const code of rest) {
      await card(code).getByTestId('insp-result-meets').click();
      await expect.poll(() => card(code).getAttribute('data-result')).toBe('meets');
    }
    await expect.poll(() => bar.getAttribute('data-pending')).toBe('0');
    await expect.poll(async () => (await serverVisit(page)).items.filter((i) => i.result === null).length).toBe(0);
    await page.context().close();
  });

  it('on the desktop: finish, minutes and conclusion issued as PDF, remediation tasks, report with evidence, accepted', async () => {
    const leader = await pageAs(e, LEADER, DESKTOP);
    await leader.goto(`${e.base}/kiem-tra-cchc/dot/${visitId}`);
    await leader.getByTestId('insp-item-1.1').waitFor();
    const finish = leader.getByTestId('insp-finish');
    await expect.poll(() => finish.isEnabled()).toBe(true);
    await finish.click();
    await expect.poll(() => leader.getByTestId('insp-visit').getAttribute('data-status')).toBe('done');
    await leader.getByTestId('insp-documents').click();
    await leader.waitForURL(/\/van-ban$/);

    // The minutes: generated from the checklist, edited, previewed (draft PDF), issued.
    const minutes = leader.getByTestId('insp-doc-minutes');
    await minutes.waitFor();
    expect(await minutes.getAttribute('data-status')).toBe('draft');
    expect(await minutes.getByTestId('insp-recommendations').count()).toBe(0);
    expect(await minutes.getByTestId('insp-doc-section-findings').inputValue()).toContain(NOTE_12);
    const closing = minutes.getByTestId('insp-doc-section-closing');
    await closing.fill(`${await closing.inputValue()} Đại diện Ủy ban nhân dân Phường Pleiku thống nhất với kết quả kiểm tra.`);
    const saved = leader.waitForResponse((r) => r.url().endsWith('/documents/minutes') && r.request().method() === 'PUT');
    await minutes.getByTestId('insp-doc-save-minutes').click();
    expect((await saved).status()).toBe(200);
    await expectPdfLink(leader, minutes.getByTestId('insp-doc-pdf-minutes'));
    await minutes.getByTestId('insp-doc-issue-minutes').click();
    await expect.poll(() => leader.getByTestId('insp-doc-minutes').getAttribute('data-status')).toBe('issued');
    expect(await leader.getByTestId('insp-doc-minutes').getByTestId('insp-doc-status').textContent()).toMatch(/\b\d{2}\/BB-SNV\b/);
    const minutesPdf = await expectPdfLink(leader, leader.getByTestId('insp-doc-pdf-minutes'));
    expect(minutesPdf.length).toBeGreaterThan(1000);

    // The conclusion notice: one recommendation per shortcoming, one edited, issued.
    const conclusion = leader.getByTestId('insp-doc-conclusion');
    expect(await conclusion.getAttribute('data-status')).toBe('draft');
    const recs = conclusion.getByTestId('insp-rec-content');
    expect(await recs.count()).toBe(2);
    await recs.first().fill('Ban hành kế hoạch tuyên truyền cải cách hành chính quý II năm 2026.');
    const saved2 = leader.waitForResponse((r) => r.url().endsWith('/documents/conclusion') && r.request().method() === 'PUT');
    await conclusion.getByTestId('insp-doc-save-conclusion').click();
    expect((await saved2).status()).toBe(200);
    await conclusion.getByTestId('insp-doc-issue-conclusion').click();
    await expect.poll(() => leader.getByTestId('insp-doc-conclusion').getAttribute('data-status')).toBe('issued');
    expect(await leader.getByTestId('insp-doc-conclusion').getByTestId('insp-doc-status').textContent()).toMatch(/\b\d{2}\/TB-SNV\b/);
    await expectPdfLink(leader, leader.getByTestId('insp-doc-pdf-conclusion'));

    // One remediation task per recommendation, listed on the documents page.
    await expect.poll(() => leader.getByTestId('insp-task').count()).toBe(2);
    expect(await leader.getByTestId('insp-tasks').textContent()).toContain('Ban hành kế hoạch tuyên truyền cải cách hành chính quý II năm 2026.');
    await centre(conclusion.getByTestId('insp-recommendations'));
    await screenshot(leader, 'inspection-documents');

    // A week later the commune's specialist reports on the edited task with an evidence file.
    await setTime(e, '2026-05-20T14:30:00+07:00');
    const officer = await pageAs(e, OFFICER, DESKTOP);
    await officer.goto(`${e.base}/khac-phuc`);
    await settled(officer);
    const row = officer.getByTestId('remed-row').filter({ hasText: 'quý II năm 2026' });
    await row.waitFor();
    const taskId = (await row.getAttribute('data-id'))!;
    await row.getByRole('link').click();
    await officer.waitForURL(new RegExp(`/khac-phuc/${taskId}$`));
    // The source link opens the visit (the unit sees its own visit once done).
    expect(await officer.getByRole('link', { name: 'Xem nguồn' }).getAttribute('href')).toBe(`/kiem-tra-cchc/dot/${visitId}`);
    await officer.getByTestId('remed-report-form').waitFor();
    await officer.getByTestId('remed-report-text').fill('Ủy ban nhân dân phường đã ban hành Kế hoạch số 45/KH-UBND ngày 20/5/2026 về tuyên truyền cải cách hành chính quý II.');
    await officer.getByTestId('remed-report-files').click();
    await officer.locator('input[type="file"]').setInputFiles(pdfFile(e, 'ke-hoach-tuyen-truyen-quy-II.pdf'));
    await officer.getByTestId('remed-report-send').click();
    await expect.poll(() => officer.getByTestId('remed-status').first().getAttribute('data-status')).toBe('reported');
    expect(await officer.getByTestId('remed-history').textContent()).toContain('ke-hoach-tuyen-truyen-quy-II.pdf');

    // Two days later the team leader accepts it: the task is closed.
    await setTime(e, '2026-05-22T08:15:00+07:00');
    await leader.goto(`${e.base}/khac-phuc/${taskId}`);
    await leader.getByTestId('remed-decide-form').waitFor();
    await leader.getByTestId('remed-comment').fill('Đã khắc phục đầy đủ.');
    await leader.getByTestId('remed-accept').click();
    await expect.poll(() => leader.getByTestId('remed-status').first().getAttribute('data-status')).toBe('accepted');
    await screenshot(leader, 'inspection-remediation-task');
    const t = await (await apiAs(e, LEADER)).get(`${P}/remediation-tasks/${taskId}`);
    expect(t.body).toMatchObject({ status: 'accepted', source: { kind: 'inspection', inspectionId: visitId } });
    expect(t.body.history.map((x: { action: string }) => x.action)).toEqual(['create', 'report', 'accept']);
    expect(t.body.evidence.map((x: { fileName: string }) => x.fileName)).toEqual(['ke-hoach-tuyen-truyen-quy-II.pdf']);
  });
});

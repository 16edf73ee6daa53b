/**
 * The sync loop against a fake server (the contract's /sync and /photos, merging with the core rule): applied
 * changes bump versions and leave the queue; a lost connection keeps everything; a lost answer is replayed
 * harmlessly; another member's edit comes back as a conflict kept for a person, whose decision is queued on the
 * server's version; photos reach the server exactly once; edits made while a batch is on the wire do not conflict
 * with their own author.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeServer, makeVisit } from './fake-server.ts';
import { startSyncLoop, syncVisit, type SyncDeps } from './sync.ts';
import { readLocal, VisitStore } from './visit-store.ts';

let n = 0;
const NOW = new Date('2026-05-12T03:30:00.000Z');

async function setup(codes?: string[]) {
  const store = await VisitStore.open(`sync-test-${++n}`);
  const server = fakeServer(makeVisit('v1', codes));
  await store.saveServerVisit(makeVisit('v1', codes), 'u1', '2026-05-12T01:00:00.000Z');
  const deps: SyncDeps = { store, fetch: server.fetch, now: () => NOW, userId: 'u1' };
  let id = 0;
  const edit = (code: string, result: 'meets' | 'partly' | 'does_not_meet' | 'not_applicable' | null, note = '') => store.editItem('v1', code, { result, note }, { clientChangeId: `c${++id}`, authorId: 'u1' });
  const photo = (clientPhotoId: string, type = 'image/jpeg') =>
    store.addPhoto({ clientPhotoId, visitId: 'v1', itemCode: '1.1', fileName: `${clientPhotoId}.jpg`, contentType: type, size: 3, takenAt: NOW.toISOString(), blob: new Blob([new Uint8Array([1, 2, 3])], { type }) }, 'u1');
  return { store, server, deps, edit, photo };
}

describe('syncVisit', () => {
  it('applies queued changes: the server bumps versions, the queue empties, the time of the sync is kept', async () => {
    const { store, server, deps, edit } = await setup();
    await edit('1.1', 'meets');
    await edit('1.2', 'partly', 'Thiếu 2 thủ tục');
    const r = await syncVisit(deps, 'v1');
    expect(r).toMatchObject({ reached: true, applied: 2, conflicts: 0, error: null });
    expect(await store.getQueue('v1')).toEqual([]);
    expect(server.items.get('1.2')).toMatchObject({ result: 'partly', note: 'Thiếu 2 thủ tục', version: 1 });
    const local = (await readLocal(store, 'v1'))!;
    expect(local.items.find((i) => i.code === '1.2')).toMatchObject({ result: 'partly', version: 1, pending: false });
    expect(local.stored.lastSyncedAt).toBe(NOW.toISOString());
    expect(server.calls).toEqual(['POST /sync', 'GET ']);
  });

  it('keeps everything queued while the server cannot be reached', async () => {
    const { store, server, deps, edit, photo } = await setup();
    await edit('1.1', 'meets');
    await photo('p1');
    server.offline = true;
    const r = await syncVisit(deps, 'v1');
    expect(r.reached).toBe(false);
    expect((await store.getQueue('v1')).map((q) => q.type)).toEqual(['item', 'photo']);
    expect((await store.getVisit('v1'))!.lastSyncedAt).toBeNull();
    server.offline = false;
    expect(await syncVisit(deps, 'v1')).toMatchObject({ reached: true, applied: 1, photos: 1 });
    expect(await store.getQueue('v1')).toEqual([]);
  });

  it('replays a change whose answer was lost: applied once on the server, settled as a replay', async () => {
    const { store, server, deps, edit } = await setup();
    await edit('1.1', 'does_not_meet', 'Không có sổ theo dõi');
    server.loseAnswers(1);
    expect((await syncVisit(deps, 'v1')).reached).toBe(false);
    expect(server.items.get('1.1')!.version).toBe(1);
    expect(await store.getQueue('v1')).toHaveLength(1);
    const r = await syncVisit(deps, 'v1');
    expect(r).toMatchObject({ reached: true, applied: 0, replayed: 1, conflicts: 0 });
    expect(server.history.filter((h) => h.code === '1.1')).toHaveLength(1);
    expect(await store.getQueue('v1')).toEqual([]);
    expect((await readLocal(store, 'v1'))!.items[0]).toMatchObject({ result: 'does_not_meet', version: 1 });
  });

  it('reports another member’s edit as a conflict, keeps both sides, and queues the decision on the server’s version', async () => {
    const { store, server, deps, edit } = await setup();
    server.otherEdits('1.1', 'meets', 'Đã niêm yết đủ');
    await edit('1.1', 'partly', 'Thiếu 2 thủ tục');
    const r = await syncVisit(deps, 'v1', { refresh: false });
    expect(r).toMatchObject({ applied: 0, conflicts: 1 });
    expect(server.items.get('1.1')).toMatchObject({ result: 'meets', version: 1, updatedBy: 'u2' });
    let local = (await readLocal(store, 'v1'))!;
    expect(local.queue).toEqual([]);
    const c = local.items[0]!.conflict!;
    expect(c.theirs).toMatchObject({ result: 'meets', note: 'Đã niêm yết đủ', version: 1, updatedBy: { id: 'u2', name: 'Trần Thị Hai' } });
    expect(c.mine).toEqual({ result: 'partly', note: 'Thiếu 2 thủ tục' });
    // The page shows the server's item underneath the conflict, never a merge.
    expect(local.items[0]).toMatchObject({ result: 'meets', pending: false });

    await store.resolveConflict('v1', '1.1', 'mine', { clientChangeId: 'r1', authorId: 'u1' });
    local = (await readLocal(store, 'v1'))!;
    expect(local.conflicts).toEqual([]);
    expect(local.queue).toEqual([{ type: 'item', clientChangeId: 'r1', itemId: '1.1', baseVersion: 1, authorId: 'u1', result: 'partly', note: 'Thiếu 2 thủ tục' }]);
    expect(await syncVisit(deps, 'v1')).toMatchObject({ applied: 1, conflicts: 0 });
    expect(server.items.get('1.1')).toMatchObject({ result: 'partly', version: 2, updatedBy: 'u1' });
  });

  it('"take theirs" queues the server content, which the server accepts without a new version', async () => {
    const { store, server, deps, edit } = await setup();
    server.otherEdits('1.2', 'meets', '');
    await edit('1.2', 'does_not_meet');
    await syncVisit(deps, 'v1');
    await store.resolveConflict('v1', '1.2', 'theirs', { clientChangeId: 'r2', authorId: 'u1' });
    expect(await syncVisit(deps, 'v1')).toMatchObject({ applied: 0, unchanged: 1, conflicts: 0 });
    expect(server.items.get('1.2')).toMatchObject({ result: 'meets', version: 1, updatedBy: 'u2' });
    expect((await readLocal(store, 'v1'))!.items[1]).toMatchObject({ result: 'meets', pending: false, conflict: null });
  });

  it('uploads each photo exactly once, even when an answer is lost, and marks refused ones', async () => {
    const { store, server, deps, photo } = await setup();
    await photo('p1');
    await photo('p2');
    await photo('p3', 'image/gif');
    server.loseAnswers(1); // the server stores p1 but the tablet never hears it
    expect((await syncVisit(deps, 'v1')).reached).toBe(false);
    expect([...server.photos.keys()]).toEqual(['p1']);
    const r = await syncVisit(deps, 'v1');
    expect(r).toMatchObject({ photos: 2, rejectedPhotos: 1 });
    expect([...server.photos.keys()].sort()).toEqual(['p1', 'p2']);
    expect(server.uploads).toBe(4); // p1 twice (the second answered 200 with the stored photo), p2, p3
    const local = (await readLocal(store, 'v1'))!;
    expect(local.queue).toEqual([]);
    expect(local.photos.map((p) => [p.clientPhotoId, p.status])).toEqual([['p1', 'uploaded'], ['p2', 'uploaded'], ['p3', 'rejected']]);
    expect(local.photos[2]!.error).toBe('Ảnh phải là JPEG, PNG hoặc WebP.');
    expect(local.serverPhotos).toEqual([]);
  });

  it('an edit made while the batch is on the wire is rebased, not reported as a conflict with oneself', async () => {
    const { store, server, deps, edit } = await setup();
    await edit('1.1', 'meets');
    const slow: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/sync')) await edit('1.1', 'partly', 'Sửa lại sau khi xem sổ');
      return server.fetch(input, init);
    };
    expect(await syncVisit({ ...deps, fetch: slow }, 'v1', { refresh: false })).toMatchObject({ applied: 1 });
    const q = await store.getQueue('v1');
    expect(q).toMatchObject([{ type: 'item', itemId: '1.1', baseVersion: 1, result: 'partly' }]);
    expect(await syncVisit(deps, 'v1')).toMatchObject({ applied: 1, conflicts: 0 });
    expect(server.items.get('1.1')).toMatchObject({ result: 'partly', note: 'Sửa lại sau khi xem sổ', version: 2 });
  });

  it('sends at most 200 changes per request', async () => {
    const codes = Array.from({ length: 250 }, (_, i) => `i${i}`);
    const { store, server, deps, edit } = await setup(codes);
    for (const c of codes) await edit(c, 'meets');
    expect(await syncVisit(deps, 'v1', { refresh: false })).toMatchObject({ applied: 250 });
    expect(server.calls).toEqual(['POST /sync', 'POST /sync']);
    expect(await store.getQueue('v1')).toEqual([]);
  });

  it('keeps the queue and shows the error when the API refuses the batch', async () => {
    const { store, deps, edit } = await setup();
    await edit('1.1', 'meets');
    const refuse: typeof fetch = async () => new Response(JSON.stringify({ error: { code: 'VISIT_NOT_IN_PROGRESS', message: 'Đợt kiểm tra không còn đang thực hiện.', messageEn: 'The visit is not in progress.' } }), { status: 409 });
    const r = await syncVisit({ ...deps, fetch: refuse }, 'v1');
    expect(r.error).toMatchObject({ status: 409, code: 'VISIT_NOT_IN_PROGRESS' });
    expect(await store.getQueue('v1')).toHaveLength(1);
    expect((await store.getVisit('v1'))!.lastError?.message).toBe('Đợt kiểm tra không còn đang thực hiện.');
  });
});

describe('startSyncLoop', () => {
  it('syncs when the browser comes back online and on demand, one round at a time', async () => {
    const { store, server, deps, edit } = await setup();
    const events = new EventTarget();
    let online = false;
    const statuses: boolean[] = [];
    const loop = startSyncLoop(deps, 'v1', { intervalMs: 60_000, events: events as unknown as Window, isOnline: () => online, onStatus: (s) => statuses.push(s.online) });
    await edit('1.1', 'meets');
    server.offline = true;
    expect((await loop.syncNow())!.reached).toBe(false);
    expect(loop.status().online).toBe(false);
    server.offline = false;
    online = true;
    events.dispatchEvent(new Event('online'));
    await expect.poll(async () => (await store.getQueue('v1')).length).toBe(0);
    await expect.poll(() => loop.status().syncing).toBe(false);
    expect(loop.status()).toMatchObject({ online: true, last: { applied: 1 } });
    // Two calls at once: the second waits for the running round, which then runs again.
    await edit('1.2', 'meets');
    const [a, b] = await Promise.all([loop.syncNow(), loop.syncNow()]);
    expect(a).toBe(b);
    expect(server.history).toHaveLength(2);
    loop.stop();
    expect(await loop.syncNow()).toBeNull();
    expect(statuses).toContain(true);
  });
});

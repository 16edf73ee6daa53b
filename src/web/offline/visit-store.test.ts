/**
 * The offline visit store on an in-memory IndexedDB (fake-indexeddb): what is stored survives closing and
 * reopening the database (a reload), photos come back as the same bytes, edits of one item collapse by the core
 * rule, and the page's view overlays queued changes and conflicts on the server's items.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeVisit } from './fake-server.ts';
import { localView, readLocal, VisitStore } from './visit-store.ts';

let n = 0;
const dbName = () => `store-test-${++n}`;
const AT = '2026-05-12T03:00:00.000Z';

describe('visit store', () => {
  it('round-trips the visit, the queue and a photo Blob across a reopen', async () => {
    const name = dbName();
    const s1 = await VisitStore.open(name);
    await s1.saveServerVisit(makeVisit('v1'), 'u1', AT);
    await s1.editItem('v1', '1.1', { result: 'partly', note: 'Thiếu 2 thủ tục niêm yết' }, { clientChangeId: 'c1', authorId: 'u1' });
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await s1.addPhoto({ clientPhotoId: 'p1', visitId: 'v1', itemCode: '1.1', fileName: 'niem-yet.jpg', contentType: 'image/jpeg', size: bytes.length, takenAt: AT, blob: new Blob([bytes], { type: 'image/jpeg' }) }, 'u1');
    s1.close();

    const s2 = await VisitStore.open(name);
    const local = await readLocal(s2, 'v1');
    expect(local).not.toBeNull();
    expect(local!.stored.userId).toBe('u1');
    expect(local!.items.find((i) => i.code === '1.1')).toMatchObject({ result: 'partly', note: 'Thiếu 2 thủ tục niêm yết', pending: true, version: 0 });
    expect(local!.items.find((i) => i.code === '1.2')).toMatchObject({ result: null, pending: false });
    expect(local!.queue.map((q) => q.type)).toEqual(['item', 'photo']);
    expect(local!.photos).toHaveLength(1);
    const photo = local!.photos[0]!;
    expect(photo).toMatchObject({ fileName: 'niem-yet.jpg', status: 'pending', itemCode: '1.1' });
    expect(new Uint8Array(await photo.blob.arrayBuffer())).toEqual(bytes);
    expect(await readLocal(s2, 'other')).toBeNull();
    s2.close();
  });

  it('collapses offline edits of one item into one change on the first base version (core enqueueChange)', async () => {
    const s = await VisitStore.open(dbName());
    const v = makeVisit('v1');
    v.items[0]!.version = 3;
    await s.saveServerVisit(v, 'u1', AT);
    await s.editItem('v1', '1.1', { result: 'meets', note: '' }, { clientChangeId: 'c1', authorId: 'u1' });
    await s.editItem('v1', '1.2', { result: 'meets', note: '' }, { clientChangeId: 'c2', authorId: 'u1' });
    await s.editItem('v1', '1.1', { result: 'does_not_meet', note: 'Không có kế hoạch' }, { clientChangeId: 'c3', authorId: 'u1' });
    const q = await s.getQueue('v1');
    expect(q).toEqual([
      { type: 'item', clientChangeId: 'c3', itemId: '1.1', baseVersion: 3, authorId: 'u1', result: 'does_not_meet', note: 'Không có kế hoạch' },
      { type: 'item', clientChangeId: 'c2', itemId: '1.2', baseVersion: 0, authorId: 'u1', result: 'meets', note: '' },
    ]);
    // The same photo queued twice stays once.
    const blob = new Blob([new Uint8Array([1])], { type: 'image/png' });
    const p = { clientPhotoId: 'p1', visitId: 'v1', itemCode: '1.1', fileName: 'a.png', contentType: 'image/png', size: 1, takenAt: AT, blob };
    await s.addPhoto(p, 'u1');
    await s.addPhoto(p, 'u1');
    expect((await s.getQueue('v1')).filter((x) => x.type === 'photo')).toHaveLength(1);
    s.close();
  });

  it('an edit of a conflicted item decides the conflict, on the server version', async () => {
    const s = await VisitStore.open(dbName());
    await s.saveServerVisit(makeVisit('v1'), 'u1', AT);
    await s.putConflict({ visitId: 'v1', itemCode: '1.1', theirs: { result: 'meets', note: 'Đủ', version: 5, updatedBy: { id: 'u2', name: 'Trần Thị Hai' }, updatedAt: AT }, mine: { result: 'partly', note: 'Thiếu' }, at: AT });
    expect((await readLocal(s, 'v1'))!.items[0]!.conflict?.theirs.version).toBe(5);
    await s.editItem('v1', '1.1', { result: 'partly', note: 'Thiếu 1' }, { clientChangeId: 'c9', authorId: 'u1' });
    const local = (await readLocal(s, 'v1'))!;
    expect(local.conflicts).toEqual([]);
    expect(local.queue).toEqual([{ type: 'item', clientChangeId: 'c9', itemId: '1.1', baseVersion: 5, authorId: 'u1', result: 'partly', note: 'Thiếu 1' }]);
    s.close();
  });

  it('notifies the subscribers of a visit on every write', async () => {
    const s = await VisitStore.open(dbName());
    let calls = 0;
    const off = s.subscribe('v1', () => calls++);
    await s.saveServerVisit(makeVisit('v1'), 'u1', AT);
    await s.editItem('v1', '1.1', { result: 'meets', note: '' }, { clientChangeId: 'c1', authorId: 'u1' });
    off();
    await s.editItem('v1', '1.2', { result: 'meets', note: '' }, { clientChangeId: 'c2', authorId: 'u1' });
    expect(calls).toBe(2);
    s.close();
  });

  it('shows other members’ server photos next to this tablet’s own', () => {
    const v = makeVisit('v1');
    v.photos = [
      { id: 's1', clientPhotoId: 'mine', itemCode: '1.1', fileName: 'a.jpg', contentType: 'image/jpeg', size: 1, takenAt: AT, url: '/x' },
      { id: 's2', clientPhotoId: 'theirs', itemCode: '1.1', fileName: 'b.jpg', contentType: 'image/jpeg', size: 1, takenAt: AT, url: '/y' },
    ];
    const stored = { visitId: 'v1', userId: 'u1', visit: v, savedAt: AT, lastSyncedAt: AT, lastError: null };
    const mine = { clientPhotoId: 'mine', visitId: 'v1', itemCode: '1.1', fileName: 'a.jpg', contentType: 'image/jpeg', size: 1, takenAt: AT, blob: new Blob([]), status: 'uploaded' as const, server: null, error: null };
    expect(localView(stored, [], [mine], []).serverPhotos.map((p) => p.clientPhotoId)).toEqual(['theirs']);
  });
});

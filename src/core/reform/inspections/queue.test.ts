/** Rebasing the browser queue after a sync round (edits made while a batch was on the wire). */
import { describe, expect, it } from 'vitest';
import { enqueueChange, mergeItemChange, settleQueue, type QueuedChange } from './sync.ts';
import { dropItemChange, rebaseQueue } from './queue.ts';

const item = (id: string, itemId: string, baseVersion: number, result: 'meets' | 'partly' = 'meets'): QueuedChange => ({ type: 'item', clientChangeId: id, itemId, baseVersion, authorId: 'u', result, note: '' });

describe('rebaseQueue', () => {
  it('rebases an edit made on top of an accepted change, so it does not conflict with its own author', () => {
    // c1 is sent on v3; meanwhile the inspector edits the item again (collapsed into c2, base still 3).
    let q = enqueueChange([], item('c1', '1.1', 3));
    q = enqueueChange(q, item('c2', '1.1', 3, 'partly'));
    q = enqueueChange(q, { type: 'photo', clientPhotoId: 'p1', itemId: '1.1', fileName: 'a.jpg', authorId: 'u' });
    // The server applied c1 → v4. c2 is still queued (its id was not in the batch).
    const rest = rebaseQueue(settleQueue(q, new Set(['c1'])), new Map([['1.1', 4]]));
    expect(rest).toEqual([item('c2', '1.1', 4, 'partly'), { type: 'photo', clientPhotoId: 'p1', itemId: '1.1', fileName: 'a.jpg', authorId: 'u' }]);
    // …and the server then applies it instead of reporting a conflict.
    const server = { result: 'meets' as const, note: '', version: 4, updatedBy: 'u' };
    const c2 = rest[0] as Extract<QueuedChange, { type: 'item' }>;
    expect(mergeItemChange(server, c2, new Set(['c1'])).kind).toBe('applied');
  });

  it('leaves other items, older versions and photos alone', () => {
    const q = [item('a', '1.1', 5), item('b', '1.2', 2)];
    expect(rebaseQueue(q, new Map([['1.1', 4], ['9.9', 7]]))).toEqual(q);
  });

  it('drops the pending change of one item only', () => {
    const q = [item('a', '1.1', 1), item('b', '1.2', 2), { type: 'photo' as const, clientPhotoId: 'p', itemId: '1.1', fileName: 'x', authorId: 'u' }];
    expect(dropItemChange(q, '1.1').map((x) => (x.type === 'item' ? x.clientChangeId : x.clientPhotoId))).toEqual(['b', 'p']);
  });
});

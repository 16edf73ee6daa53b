/**
 * The browser queue after a sync round (pure, next to sync.ts's enqueueChange / settleQueue).
 *
 * While a batch is on the wire the inspector may edit the same item again: enqueueChange collapses the new edit
 * into the pending one and keeps the first base version. When the server then answers that the earlier change was
 * accepted (applied, replay or same content), that base is out of date — the later edit was made on top of the
 * inspector's own accepted content, not on another member's — so it is rebased on the version the server now
 * holds. Items whose change conflicted keep their base: the next round reports the conflict again, with the latest
 * content as "mine", and a person decides.
 */
import type { QueuedChange } from './sync.ts';

/** `accepted`: item id → the version the server holds after accepting this client's change to it. */
export function rebaseQueue(queue: readonly QueuedChange[], accepted: ReadonlyMap<string, number>): QueuedChange[] {
  return queue.map((q) => {
    if (q.type !== 'item') return q;
    const v = accepted.get(q.itemId);
    return v === undefined || v <= q.baseVersion ? q : { ...q, baseVersion: v };
  });
}

/** Drop the pending change of one item (a person resolved its conflict; the new decision is queued afresh). */
export function dropItemChange(queue: readonly QueuedChange[], itemId: string): QueuedChange[] {
  return queue.filter((q) => q.type !== 'item' || q.itemId !== itemId);
}

/**
 * Offline sync of a visit's checklist (the tablet goes on working without a connection). Pure rules shared by the
 * browser queue and the server merge:
 *
 * - every checklist item carries a version; a change names the version it was made on (`baseVersion`);
 * - a change on the current version applies and bumps the version;
 * - a change on an older version is a **conflict** when the item now holds something else — it is returned with
 *   both sides to be shown and resolved by a person, never merged silently; when the item already holds exactly
 *   the change's content (two members wrote the same), it is accepted without a new version;
 * - each change has a client id; replaying it (a retry after a lost answer) is recognised and changes nothing, so
 *   every item and photo reaches the server exactly once;
 * - photos are add-only, keyed by their client id.
 */
import type { ItemResult } from './checklist.ts';

export interface ItemContent {
  result: ItemResult | null;
  note: string;
}

export interface ServerItem extends ItemContent {
  version: number;
  /** Who wrote the current version. */
  updatedBy: string | null;
}

export interface ItemChange extends ItemContent {
  /** Unique per change, chosen by the client (uuid): makes a replay harmless. */
  clientChangeId: string;
  itemId: string;
  baseVersion: number;
  authorId: string;
}

export type MergeOutcome =
  | { kind: 'applied'; item: ServerItem }
  | { kind: 'unchanged'; item: ServerItem; reason: 'replay' | 'same_content' }
  | { kind: 'conflict'; server: ServerItem; mine: ItemChange };

export const sameContent = (a: ItemContent, b: ItemContent): boolean => a.result === b.result && a.note === b.note;

/**
 * Merge one change into the server's item. `appliedChangeIds` are the client ids the server has already applied
 * to this item. A `baseVersion` above the server's is a client bug and is reported as a conflict too.
 */
export function mergeItemChange(server: ServerItem, change: ItemChange, appliedChangeIds: ReadonlySet<string>): MergeOutcome {
  if (appliedChangeIds.has(change.clientChangeId)) return { kind: 'unchanged', item: server, reason: 'replay' };
  if (change.baseVersion === server.version) {
    if (sameContent(server, change)) return { kind: 'unchanged', item: server, reason: 'same_content' };
    return { kind: 'applied', item: { result: change.result, note: change.note, version: server.version + 1, updatedBy: change.authorId } };
  }
  if (change.baseVersion < server.version && sameContent(server, change)) return { kind: 'unchanged', item: server, reason: 'same_content' };
  return { kind: 'conflict', server, mine: change };
}

/** A change waiting in the browser's queue. */
export type QueuedChange =
  | ({ type: 'item' } & ItemChange)
  | { type: 'photo'; clientPhotoId: string; itemId: string; fileName: string; authorId: string };

/**
 * Put a change in the local queue. Several offline edits of one item collapse into one pending change that keeps
 * the version the first was made on (so a conflict with another member is still detected) and the latest content
 * and client id; photos are kept once each.
 */
export function enqueueChange(queue: readonly QueuedChange[], change: QueuedChange): QueuedChange[] {
  if (change.type === 'photo') {
    return queue.some((q) => q.type === 'photo' && q.clientPhotoId === change.clientPhotoId) ? [...queue] : [...queue, change];
  }
  const i = queue.findIndex((q) => q.type === 'item' && q.itemId === change.itemId);
  if (i < 0) return [...queue, change];
  const prev = queue[i] as Extract<QueuedChange, { type: 'item' }>;
  const next = [...queue];
  next[i] = { ...change, baseVersion: prev.baseVersion };
  return next;
}

/** After the server answered: drop what it accepted (applied or unchanged) and what conflicted (now shown). */
export function settleQueue(queue: readonly QueuedChange[], settledIds: ReadonlySet<string>): QueuedChange[] {
  return queue.filter((q) => !settledIds.has(q.type === 'item' ? q.clientChangeId : q.clientPhotoId));
}

/** The queue's id for a change (client change id or client photo id). */
export const queuedId = (q: QueuedChange): string => (q.type === 'item' ? q.clientChangeId : q.clientPhotoId);

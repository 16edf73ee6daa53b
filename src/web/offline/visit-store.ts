/**
 * The tablet's copy of an inspection visit, in IndexedDB (through `idb`): the server's last known visit (items with
 * their versions), the queue of changes not yet on the server, the photos as Blobs, and the conflicts waiting for
 * a person. The visit page renders from here, so a reload without a connection still shows the visit and what was
 * entered. The queue rules are the core's (enqueueChange / settleQueue / rebaseQueue), never re-implemented here.
 *
 * Every write notifies the subscribers of its visit (the page re-reads and re-renders).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { enqueueChange, settleQueue, type ItemContent, type QueuedChange } from '../../core/reform/inspections/sync.ts';
import { dropItemChange, rebaseQueue } from '../../core/reform/inspections/queue.ts';
import type { ItemResult, Visit, VisitItem, VisitPhoto } from '../pages/reform/inspections/api.ts';

export type { QueuedChange };
export type ItemChangeQueued = Extract<QueuedChange, { type: 'item' }>;

export interface StoredVisit {
  visitId: string;
  /** Who stored it (a shared tablet shows one user's copy only). */
  userId: string;
  /** The server's visit as last read or as updated by sync answers. */
  visit: Visit;
  savedAt: string;
  lastSyncedAt: string | null;
  /** The last sync failure the user should see (not a lost connection), as the API's text. */
  lastError: { code: string; message: string; messageEn: string } | null;
}

export interface StoredPhoto {
  clientPhotoId: string;
  visitId: string;
  itemCode: string;
  fileName: string;
  contentType: string;
  size: number;
  takenAt: string;
  blob: Blob;
  status: 'pending' | 'uploaded' | 'rejected';
  server: VisitPhoto | null;
  error: string | null;
}

export interface ServerItemState { result: ItemResult | null; note: string; version: number; updatedBy: { id: string; name: string } | null; updatedAt: string | null }

export interface StoredConflict {
  visitId: string;
  itemCode: string;
  theirs: ServerItemState;
  mine: ItemContent;
  at: string;
}

interface InspectionDB extends DBSchema {
  visits: { key: string; value: StoredVisit };
  queues: { key: string; value: { visitId: string; changes: QueuedChange[] } };
  photos: { key: string; value: StoredPhoto; indexes: { byVisit: string } };
  conflicts: { key: [string, string]; value: StoredConflict; indexes: { byVisit: string } };
}

export const DB_NAME = 'motcua-inspections';

export class VisitStore {
  private listeners = new Map<string, Set<() => void>>();
  private constructor(private readonly db: IDBPDatabase<InspectionDB>) {}

  static async open(name = DB_NAME): Promise<VisitStore> {
    const db = await openDB<InspectionDB>(name, 1, {
      upgrade(d) {
        d.createObjectStore('visits', { keyPath: 'visitId' });
        d.createObjectStore('queues', { keyPath: 'visitId' });
        d.createObjectStore('photos', { keyPath: 'clientPhotoId' }).createIndex('byVisit', 'visitId');
        d.createObjectStore('conflicts', { keyPath: ['visitId', 'itemCode'] }).createIndex('byVisit', 'visitId');
      },
    });
    return new VisitStore(db);
  }

  close(): void {
    this.db.close();
  }

  subscribe(visitId: string, fn: () => void): () => void {
    let set = this.listeners.get(visitId);
    if (!set) this.listeners.set(visitId, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  private notify(visitId: string): void {
    for (const fn of this.listeners.get(visitId) ?? []) fn();
  }

  // ---- the visit ----

  async getVisit(visitId: string): Promise<StoredVisit | undefined> {
    return this.db.get('visits', visitId);
  }

  /** Stores the server's visit as read (keeps the sync marks of the previous copy). */
  async saveServerVisit(visit: Visit, userId: string, at: string, synced = false): Promise<void> {
    const tx = this.db.transaction('visits', 'readwrite');
    const prev = await tx.store.get(visit.id);
    await tx.store.put({ visitId: visit.id, userId, visit, savedAt: at, lastSyncedAt: synced ? at : (prev?.lastSyncedAt ?? null), lastError: synced ? null : (prev?.lastError ?? null) });
    await tx.done;
    this.notify(visit.id);
  }

  /** Puts items the server answered (sync results) into the stored visit. */
  async applyServerItems(visitId: string, items: ({ code: string } & ServerItemState)[]): Promise<void> {
    if (items.length === 0) return;
    const tx = this.db.transaction('visits', 'readwrite');
    const s = await tx.store.get(visitId);
    if (s) {
      const by = new Map(items.map((i) => [i.code, i]));
      s.visit = { ...s.visit, items: s.visit.items.map((it) => { const n = by.get(it.code); return n ? { ...it, result: n.result, note: n.note, version: n.version, updatedBy: n.updatedBy, updatedAt: n.updatedAt } : it; }) };
      await tx.store.put(s);
    }
    await tx.done;
    this.notify(visitId);
  }

  async markSynced(visitId: string, at: string | null, error: StoredVisit['lastError']): Promise<void> {
    const tx = this.db.transaction('visits', 'readwrite');
    const s = await tx.store.get(visitId);
    if (s) await tx.store.put({ ...s, ...(at ? { lastSyncedAt: at } : {}), lastError: error });
    await tx.done;
    this.notify(visitId);
  }

  // ---- the queue ----

  async getQueue(visitId: string): Promise<QueuedChange[]> {
    return (await this.db.get('queues', visitId))?.changes ?? [];
  }

  /** Queues an item change (collapsed with a pending one of the same item by the core rule). */
  async enqueue(visitId: string, change: QueuedChange): Promise<void> {
    const tx = this.db.transaction('queues', 'readwrite');
    const q = (await tx.store.get(visitId))?.changes ?? [];
    await tx.store.put({ visitId, changes: enqueueChange(q, change) });
    await tx.done;
    this.notify(visitId);
  }

  /**
   * The inspector set an item's result or note. Made on the version the tablet knows; an open conflict of the item
   * is decided by this edit (it is made on the server's version, shown as "theirs").
   */
  async editItem(visitId: string, itemCode: string, content: ItemContent, change: { clientChangeId: string; authorId: string }): Promise<void> {
    const tx = this.db.transaction(['visits', 'queues', 'conflicts'], 'readwrite');
    const s = await tx.objectStore('visits').get(visitId);
    const item = s?.visit.items.find((i) => i.code === itemCode);
    if (item) {
      const conflicts = tx.objectStore('conflicts');
      const c = await conflicts.get([visitId, itemCode]);
      const queues = tx.objectStore('queues');
      let q = (await queues.get(visitId))?.changes ?? [];
      if (c) {
        q = dropItemChange(q, itemCode);
        await conflicts.delete([visitId, itemCode]);
      }
      await queues.put({ visitId, changes: enqueueChange(q, { type: 'item', clientChangeId: change.clientChangeId, itemId: itemCode, baseVersion: c ? c.theirs.version : item.version, authorId: change.authorId, result: content.result, note: content.note }) });
    }
    await tx.done;
    this.notify(visitId);
  }

  /**
   * After a sync answer: drops what the server settled and rebases edits made meanwhile on the versions the server
   * now holds for the items it accepted from this client.
   */
  async settle(visitId: string, settledIds: ReadonlySet<string>, accepted: ReadonlyMap<string, number> = new Map()): Promise<void> {
    const tx = this.db.transaction('queues', 'readwrite');
    const q = (await tx.store.get(visitId))?.changes ?? [];
    await tx.store.put({ visitId, changes: rebaseQueue(settleQueue(q, settledIds), accepted) });
    await tx.done;
    this.notify(visitId);
  }

  // ---- photos ----

  /** Keeps the photo (Blob) and queues its upload, in one transaction. */
  async addPhoto(p: Omit<StoredPhoto, 'status' | 'server' | 'error'>, authorId: string): Promise<void> {
    const tx = this.db.transaction(['photos', 'queues'], 'readwrite');
    await tx.objectStore('photos').put({ ...p, status: 'pending', server: null, error: null });
    const queues = tx.objectStore('queues');
    const q = (await queues.get(p.visitId))?.changes ?? [];
    await queues.put({ visitId: p.visitId, changes: enqueueChange(q, { type: 'photo', clientPhotoId: p.clientPhotoId, itemId: p.itemCode, fileName: p.fileName, authorId }) });
    await tx.done;
    this.notify(p.visitId);
  }

  async getPhoto(clientPhotoId: string): Promise<StoredPhoto | undefined> {
    return this.db.get('photos', clientPhotoId);
  }

  async listPhotos(visitId: string): Promise<StoredPhoto[]> {
    return (await this.db.getAllFromIndex('photos', 'byVisit', visitId)).sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.clientPhotoId.localeCompare(b.clientPhotoId));
  }

  /** The server stored (or already had) the photo, or refused it: either way it leaves the queue. */
  async photoSettled(clientPhotoId: string, outcome: { server: VisitPhoto } | { error: string }): Promise<void> {
    const tx = this.db.transaction(['photos', 'queues'], 'readwrite');
    const photos = tx.objectStore('photos');
    const p = await photos.get(clientPhotoId);
    if (p) {
      await photos.put('server' in outcome ? { ...p, status: 'uploaded', server: outcome.server, error: null } : { ...p, status: 'rejected', error: outcome.error });
      const queues = tx.objectStore('queues');
      const q = (await queues.get(p.visitId))?.changes ?? [];
      await queues.put({ visitId: p.visitId, changes: settleQueue(q, new Set([clientPhotoId])) });
    }
    await tx.done;
    if (p) this.notify(p.visitId);
  }

  // ---- conflicts ----

  async putConflict(c: StoredConflict): Promise<void> {
    await this.db.put('conflicts', c);
    this.notify(c.visitId);
  }

  async listConflicts(visitId: string): Promise<StoredConflict[]> {
    return this.db.getAllFromIndex('conflicts', 'byVisit', visitId);
  }

  /**
   * A person decided a conflict: the decision (mine or theirs) is queued as a new change on the server's version,
   * replacing whatever was pending for that item.
   */
  async resolveConflict(visitId: string, itemCode: string, keep: 'mine' | 'theirs', change: { clientChangeId: string; authorId: string }): Promise<void> {
    const tx = this.db.transaction(['conflicts', 'queues'], 'readwrite');
    const conflicts = tx.objectStore('conflicts');
    const c = await conflicts.get([visitId, itemCode]);
    if (c) {
      const content = keep === 'mine' ? c.mine : { result: c.theirs.result, note: c.theirs.note };
      const queues = tx.objectStore('queues');
      const q = dropItemChange((await queues.get(visitId))?.changes ?? [], itemCode);
      await queues.put({ visitId, changes: enqueueChange(q, { type: 'item', clientChangeId: change.clientChangeId, itemId: itemCode, baseVersion: c.theirs.version, authorId: change.authorId, result: content.result, note: content.note }) });
      await conflicts.delete([visitId, itemCode]);
    }
    await tx.done;
    this.notify(visitId);
  }

  /** Forgets a visit entirely (after it is done and everything is on the server). */
  async forget(visitId: string): Promise<void> {
    const tx = this.db.transaction(['visits', 'queues', 'photos', 'conflicts'], 'readwrite');
    await tx.objectStore('visits').delete(visitId);
    await tx.objectStore('queues').delete(visitId);
    for (const k of await tx.objectStore('photos').index('byVisit').getAllKeys(visitId)) await tx.objectStore('photos').delete(k);
    for (const k of await tx.objectStore('conflicts').index('byVisit').getAllKeys(visitId)) await tx.objectStore('conflicts').delete(k);
    await tx.done;
    this.notify(visitId);
  }
}

let shared: Promise<VisitStore> | null = null;
/** The page's store (one connection per tab). */
export function visitStore(): Promise<VisitStore> {
  shared ??= VisitStore.open();
  return shared;
}

// ---- what the page shows ----

export interface LocalItem extends VisitItem {
  /** A change of this item is waiting to be sent. */
  pending: boolean;
  conflict: StoredConflict | null;
}

export interface LocalVisit {
  stored: StoredVisit;
  items: LocalItem[];
  queue: QueuedChange[];
  photos: StoredPhoto[];
  /** Photos on the server that this tablet did not take (another member's). */
  serverPhotos: VisitPhoto[];
  conflicts: StoredConflict[];
}

/** The visit as the inspector sees it: the server's items overlaid with the changes still queued. */
export function localView(stored: StoredVisit, queue: readonly QueuedChange[], photos: readonly StoredPhoto[], conflicts: readonly StoredConflict[]): LocalVisit {
  const pending = new Map<string, ItemChangeQueued>();
  for (const q of queue) if (q.type === 'item') pending.set(q.itemId, q);
  const conf = new Map(conflicts.map((c) => [c.itemCode, c]));
  const items = stored.visit.items.map((it) => {
    const p = pending.get(it.code);
    return { ...it, ...(p ? { result: p.result, note: p.note } : {}), pending: !!p, conflict: conf.get(it.code) ?? null };
  });
  const mine = new Set(photos.map((p) => p.clientPhotoId));
  return { stored, items, queue: [...queue], photos: [...photos], serverPhotos: stored.visit.photos.filter((p) => !mine.has(p.clientPhotoId)), conflicts: [...conflicts] };
}

export async function readLocal(store: VisitStore, visitId: string): Promise<LocalVisit | null> {
  const stored = await store.getVisit(visitId);
  if (!stored) return null;
  const [queue, photos, conflicts] = await Promise.all([store.getQueue(visitId), store.listPhotos(visitId), store.listConflicts(visitId)]);
  return localView(stored, queue, photos, conflicts);
}

/**
 * The sync loop of an inspection visit: sends the queued item changes to POST …/sync (one batch of at most 200,
 * each with its client change id, so a retry after a lost answer is a harmless replay), then the photos one by one
 * (each with its clientPhotoId: the server stores a photo exactly once), then re-reads the visit to see the other
 * members' work. Conflicts the server reports are kept in the store to be shown and decided by a person — never
 * merged here. It runs when the browser comes back online, on a timer, and when the inspector asks.
 *
 * `fetch` and the clock are injected (unit tests drive it with a fake server).
 */
import type { ItemResult, Visit, VisitPhoto } from '../pages/reform/inspections/api.ts';
import type { ItemChangeQueued, ServerItemState, VisitStore } from './visit-store.ts';

export const SYNC_BATCH = 200;

export interface SyncDeps {
  store: VisitStore;
  fetch: typeof fetch;
  now: () => Date;
  userId: string;
}

export interface SyncReport {
  /** false: the server could not be reached (nothing lost; everything stays queued). */
  reached: boolean;
  applied: number;
  unchanged: number;
  replayed: number;
  conflicts: number;
  photos: number;
  rejectedPhotos: number;
  /** The API refused the batch (session ended, visit no longer in progress…): its error. */
  error: { status: number; code: string; message: string; messageEn: string } | null;
}

interface SyncResult {
  clientChangeId: string;
  outcome: 'applied' | 'unchanged' | 'conflict';
  reason?: 'replay' | 'same_content';
  item: { code: string } & ServerItemState;
  mine?: { result: ItemResult | null; note: string };
}

class Unreachable extends Error {}

async function call(deps: SyncDeps, url: string, init: RequestInit): Promise<Response> {
  try {
    return await deps.fetch(url, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  } catch {
    throw new Unreachable('network');
  }
}

async function apiError(res: Response): Promise<NonNullable<SyncReport['error']>> {
  type ErrBody = { error?: { code?: string; message?: string; messageEn?: string } } | null;
  let body: ErrBody = null;
  try {
    body = (await res.json()) as ErrBody;
  } catch {
    body = null;
  }
  return {
    status: res.status,
    code: body?.error?.code ?? `HTTP_${res.status}`,
    message: body?.error?.message ?? `Lỗi máy chủ (${res.status}).`,
    messageEn: body?.error?.messageEn ?? `Server error (${res.status}).`,
  };
}

const base = (visitId: string) => `/api/reform/inspection-visits/${visitId}`;

/** One sync round of a visit. Never throws for a lost connection: it reports `reached: false`. */
export async function syncVisit(deps: SyncDeps, visitId: string, opts: { refresh?: boolean } = {}): Promise<SyncReport> {
  const { store } = deps;
  const report: SyncReport = { reached: true, applied: 0, unchanged: 0, replayed: 0, conflicts: 0, photos: 0, rejectedPhotos: 0, error: null };
  const at = () => deps.now().toISOString();
  try {
    // 1. Item changes.
    const items = (await store.getQueue(visitId)).filter((q): q is ItemChangeQueued => q.type === 'item');
    for (let i = 0; i < items.length; i += SYNC_BATCH) {
      const batch = items.slice(i, i + SYNC_BATCH);
      const res = await call(deps, `${base(visitId)}/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ changes: batch.map((c) => ({ clientChangeId: c.clientChangeId, itemCode: c.itemId, baseVersion: c.baseVersion, result: c.result, note: c.note })) }),
      });
      if (!res.ok) {
        report.error = await apiError(res);
        await store.markSynced(visitId, null, report.error);
        return report;
      }
      const { results } = (await res.json()) as { results: SyncResult[] };
      const sent = new Map(batch.map((c) => [c.clientChangeId, c]));
      const settled = new Set<string>();
      const accepted = new Map<string, number>();
      const serverItems: ({ code: string } & ServerItemState)[] = [];
      for (const r of results) {
        const mine = sent.get(r.clientChangeId);
        if (!mine) continue;
        settled.add(r.clientChangeId);
        serverItems.push(r.item);
        if (r.outcome === 'conflict') {
          report.conflicts++;
          await store.putConflict({ visitId, itemCode: r.item.code, theirs: r.item, mine: r.mine ?? { result: mine.result, note: mine.note }, at: at() });
        } else {
          if (r.outcome === 'applied') report.applied++;
          else if (r.reason === 'replay') report.replayed++;
          else report.unchanged++;
          accepted.set(r.item.code, r.item.version);
        }
      }
      await store.applyServerItems(visitId, serverItems);
      await store.settle(visitId, settled, accepted);
    }

    // 2. Photos, one at a time (a large upload must not hold the others hostage in one request).
    for (const q of await store.getQueue(visitId)) {
      if (q.type !== 'photo') continue;
      const p = await store.getPhoto(q.clientPhotoId);
      if (!p) {
        await store.settle(visitId, new Set([q.clientPhotoId]));
        continue;
      }
      const form = new FormData();
      // Fields first: the server reads them before the file part.
      form.append('clientPhotoId', p.clientPhotoId);
      form.append('itemCode', p.itemCode);
      form.append('takenAt', p.takenAt);
      form.append('file', p.blob, p.fileName);
      const res = await call(deps, `${base(visitId)}/photos`, { method: 'POST', body: form });
      if (res.status === 200 || res.status === 201) {
        const body = (await res.json()) as { photo?: VisitPhoto } & Partial<VisitPhoto>;
        const photo = (body.photo ?? body) as VisitPhoto;
        await store.photoSettled(p.clientPhotoId, { server: photo });
        report.photos++;
      } else if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 408 && res.status !== 429) {
        // Refused for good (type, size, visit closed): shown on the photo, no endless retry.
        const e = await apiError(res);
        await store.photoSettled(p.clientPhotoId, { error: e.message });
        report.rejectedPhotos++;
      } else {
        report.error = await apiError(res);
        await store.markSynced(visitId, null, report.error);
        return report;
      }
    }

    // 3. The other members' work.
    if (opts.refresh !== false) {
      const res = await call(deps, base(visitId), { method: 'GET' });
      if (res.ok) await store.saveServerVisit((await res.json()) as Visit, deps.userId, at(), true);
      else {
        report.error = await apiError(res);
        await store.markSynced(visitId, null, report.error);
        return report;
      }
    } else {
      await store.markSynced(visitId, at(), null);
    }
    return report;
  } catch (e) {
    if (e instanceof Unreachable) return { ...report, reached: false };
    throw e;
  }
}

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  last: SyncReport | null;
}

export interface LoopOptions {
  intervalMs?: number;
  /** Where `online` / `offline` events come from (window in the browser). */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  isOnline?: () => boolean;
  onStatus?: (s: SyncStatus) => void;
}

export interface SyncLoop {
  /** Runs a round now (or waits for the running one and runs again). */
  syncNow(): Promise<SyncReport | null>;
  status(): SyncStatus;
  stop(): void;
}

/** Runs syncVisit on `online`, every `intervalMs` while online, and on demand; never two rounds at once. */
export function startSyncLoop(deps: SyncDeps, visitId: string, o: LoopOptions = {}): SyncLoop {
  const isOnline = o.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  let status: SyncStatus = { online: isOnline(), syncing: false, last: null };
  let running: Promise<SyncReport> | null = null;
  let again = false;
  let stopped = false;
  const emit = (s: Partial<SyncStatus>) => {
    status = { ...status, ...s };
    o.onStatus?.(status);
  };
  const round = async (): Promise<SyncReport> => {
    emit({ syncing: true });
    try {
      let r: SyncReport;
      do {
        again = false;
        r = await syncVisit(deps, visitId);
      } while (again && r.reached && !stopped);
      emit({ syncing: false, last: r, online: r.reached && isOnline() });
      return r;
    } catch (e) {
      emit({ syncing: false });
      throw e;
    }
  };
  const syncNow = async (): Promise<SyncReport | null> => {
    if (stopped) return null;
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = null;
    });
    return running;
  };
  const onOnline = () => {
    emit({ online: true });
    void syncNow();
  };
  const onOffline = () => emit({ online: false });
  o.events?.addEventListener('online', onOnline);
  o.events?.addEventListener('offline', onOffline);
  const timer = setInterval(() => {
    if (isOnline()) void syncNow();
  }, o.intervalMs ?? 15_000);
  return {
    syncNow,
    status: () => status,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      o.events?.removeEventListener('online', onOnline);
      o.events?.removeEventListener('offline', onOffline);
    },
  };
}

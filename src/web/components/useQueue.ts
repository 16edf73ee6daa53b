import { useCallback, useEffect, useState } from 'react';
import { api, type Dossier, type QueueView } from '../api.ts';

/** One work queue, keyset-paginated ("load more" with the `next` cursor). */
export function useQueue(view: QueueView, agencyId?: string) {
  const [items, setItems] = useState<Dossier[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(null);
    api
      .queue(view, null, agencyId)
      .then((p) => {
        if (!alive) return;
        setItems(p.items);
        setNext(p.next);
      })
      .catch((e: unknown) => alive && setError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [view, agencyId, nonce]);

  const loadMore = useCallback(async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const p = await api.queue(view, next, agencyId);
      setItems((prev) => [...prev, ...p.items.filter((d) => !prev.some((x) => x.id === d.id))]);
      setNext(p.next);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  }, [view, next, agencyId]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { items, next, loading, loadingMore, error, loadMore, reload, setItems };
}

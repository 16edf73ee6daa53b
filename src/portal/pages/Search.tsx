/** Search results: the ranked list from GET /api/public/procedures, filterable by level and field. */
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type ProcedureHit } from '../api.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { levelKey, onlineKey } from '../format.ts';
import { useTitle } from '../useTitle.ts';

const LEVELS = ['commune', 'province', 'ministry', 'other'] as const;

export function SearchPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const level = params.get('level') ?? '';
  const field = params.get('field') ?? '';
  const [items, setItems] = useState<ProcedureHit[] | null>(null);
  const [fields, setFields] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const ids = { level: useId(), field: useId() };
  useTitle(q ? `${q} — ${t('search.title')}` : t('search.title'));

  useEffect(() => {
    if (!q) {
      setItems([]);
      return;
    }
    const ctl = new AbortController();
    setItems(null);
    setError(null);
    api
      .searchProcedures({ q, limit: 30, ...(level ? { level } : {}), ...(field ? { field } : {}) }, ctl.signal)
      .then((r) => {
        setItems(r.items);
        // The field filter offers the fields of the unfiltered answer (kept while a field is chosen).
        if (!field) setFields([...new Set(r.items.map((i) => i.fieldName).filter((f): f is string => !!f))].sort((a, b) => a.localeCompare(b, 'vi')));
      })
      .catch((e) => {
        if (!(e instanceof DOMException)) setError(e);
      });
    return () => ctl.abort();
  }, [q, level, field, attempt]);

  const setFilter = (k: 'level' | 'field', v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };

  return (
    <>
      <h1>{t('search.title')}</h1>
      <SearchBox initial={q} />
      {q && (
        <details className="filters" open={!!(level || field) || undefined}>
          <summary>{t('search.filters')}</summary>
          <div className="filters-body">
            <div className="field field-compact">
              <label htmlFor={ids.level}>{t('search.level')}</label>
              <select id={ids.level} value={level} onChange={(e) => setFilter('level', e.target.value)}>
                <option value="">{t('search.all')}</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(levelKey(l))}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-compact">
              <label htmlFor={ids.field}>{t('search.field')}</label>
              <select id={ids.field} value={field} onChange={(e) => setFilter('field', e.target.value)}>
                <option value="">{t('search.all')}</option>
                {(field && !fields.includes(field) ? [field, ...fields] : fields).map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </div>
            {(level || field) && (
              <button
                type="button"
                className="btn btn-link"
                onClick={() => {
                  const p = new URLSearchParams(params);
                  p.delete('level');
                  p.delete('field');
                  setParams(p, { replace: true });
                }}
              >
                {t('search.clearFilters')}
              </button>
            )}
          </div>
        </details>
      )}
      <div aria-live="polite">
        {!q ? (
          <p>{t('search.enterQuery')}</p>
        ) : error !== null ? (
          <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : items === null ? (
          <Loading />
        ) : items.length === 0 ? (
          <p className="notice notice-info">{t('search.empty')}</p>
        ) : (
          <>
            <p className="result-count">{t('search.resultsFor', { n: items.length, q })}</p>
            <ol className="results">
              {items.map((p) => (
                <li key={p.code}>
                  <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`} className="result">
                    <span className="result-name">{p.name}</span>
                    <span className="result-meta">
                      <span className="code">{p.code}</span>
                      {p.fieldName && <span>{p.fieldName}</span>}
                      {p.levels.map((l) => (
                        <span key={l}>{t(levelKey(l))}</span>
                      ))}
                    </span>
                    {p.onlineLevel !== 'none' && <span className={`badge badge-${p.onlineLevel}`}>{t(onlineKey(p.onlineLevel))}</span>}
                  </Link>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </>
  );
}

/**
 * The browsable catalog ("Thủ tục" in the menu): the fields of the published catalog with their counts
 * (/thu-tuc), then one field's procedures (/thu-tuc/linh-vuc/:field). GET /api/public/catalog/fields and
 * /api/public/catalog.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, type CatalogItem } from '../api.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { levelKey, onlineKey } from '../format.ts';
import { useTitle } from '../useTitle.ts';

/** A field in a URL: its name, or "-" for procedures without one. */
const fieldSlug = (f: string | null) => encodeURIComponent(f ?? '-');

export function CatalogPage() {
  const { t } = useLang();
  const [fields, setFields] = useState<{ field: string | null; count: number }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useTitle(t('catalog.title'));
  useEffect(() => {
    let live = true;
    setError(null);
    api
      .catalogFields()
      .then((r) => live && setFields([...r.items].sort((a, b) => (a.field ?? '\uffff').localeCompare(b.field ?? '\uffff', 'vi'))))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [attempt]);
  return (
    <>
      <h1>{t('catalog.title')}</h1>
      <p className="lead">{t('catalog.lead')}</p>
      {error !== null ? (
        <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : !fields ? (
        <Loading />
      ) : fields.length === 0 ? (
        <p className="notice notice-info">{t('catalog.empty')}</p>
      ) : (
        <ul className="fields" data-testid="catalog-fields">
          {fields.map((f) => (
            <li key={f.field ?? '-'}>
              <Link to={`/thu-tuc/linh-vuc/${fieldSlug(f.field)}`} className="event">
                <span>{f.field ?? t('catalog.noField')}</span>
                <span className="field-count">{t('catalog.count', { n: f.count })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('catalog.search')}</h2>
      <SearchBox />
    </>
  );
}

export function CatalogFieldPage() {
  const { field: raw = '-' } = useParams();
  const field = raw === '-' ? '' : raw;
  const { t } = useLang();
  const [items, setItems] = useState<CatalogItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const title = field || t('catalog.noField');
  useTitle(title);
  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    api
      .catalog(field)
      .then((r) => {
        if (!live) return;
        setItems(r.items);
        setNext(r.next);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [field, attempt]);
  const more = async () => {
    if (!next) return;
    const r = await api.catalog(field, next);
    setItems((xs) => [...(xs ?? []), ...r.items]);
    setNext(r.next);
  };
  return (
    <>
      <p className="eyebrow">
        <Link to="/thu-tuc">{t('catalog.allFields')}</Link>
      </p>
      <h1>{title}</h1>
      {error !== null ? (
        <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : !items ? (
        <Loading />
      ) : (
        <>
          <p className="result-count">{t('catalog.count', { n: items.length })}</p>
          <ol className="results" data-testid="catalog-list">
            {items.map((p) => (
              <li key={p.code}>
                <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`} className="result">
                  <span className="result-name">{p.name}</span>
                  <span className="result-meta">
                    <span className="code">{p.code}</span>
                    {p.levels.map((l) => (
                      <span key={l}>{t(levelKey(l))}</span>
                    ))}
                  </span>
                  {p.onlineLevel !== 'none' && <span className={`badge badge-${p.onlineLevel}`}>{t(onlineKey(p.onlineLevel))}</span>}
                </Link>
              </li>
            ))}
          </ol>
          {next && (
            <button type="button" className="btn btn-secondary" onClick={() => void more()}>
              {t('catalog.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}

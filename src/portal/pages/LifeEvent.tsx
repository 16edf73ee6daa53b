/**
 * A life event (/su-kien/:slug): its curated procedures (core/catalog life-events.ts) in order, each saying
 * whether an office in the province accepts it. GET /api/public/life-events/:slug.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LIFE_EVENTS } from '../../core/catalog/life-events.ts';
import { api, type LifeEventDetail } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { onlineKey } from '../format.ts';
import { useTitle } from '../useTitle.ts';

export function LifeEventPage() {
  const { slug = '' } = useParams();
  const { t, lang } = useLang();
  const [e, setE] = useState<LifeEventDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useTitle(e ? e.title[lang] : null);
  useEffect(() => {
    let live = true;
    setE(null);
    setError(null);
    api
      .lifeEvent(slug)
      .then((r) => live && setE(r))
      .catch((x) => live && setError(x));
    return () => {
      live = false;
    };
  }, [slug, attempt]);
  if (error !== null) return <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!e) return <Loading />;
  return (
    <>
      <h1>{e.title[lang]}</h1>
      <p className="lead">{e.lead[lang]}</p>
      <ol className="results" data-testid="event-procedures">
        {e.procedures.map((p) => (
          <li key={p.code}>
            <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`} className="result">
              <span className="result-name">{p.name}</span>
              <span className="result-meta">
                <span className="code">{p.code}</span>
                {p.fieldName && <span>{p.fieldName}</span>}
              </span>
              <span className={`badge ${p.published ? 'badge-full' : 'badge-none'}`}>{t(p.published ? 'event.published' : 'event.notPublished')}</span>
              {p.published && p.onlineLevel !== 'none' && <span className={`badge badge-${p.onlineLevel}`}>{t(onlineKey(p.onlineLevel))}</span>}
            </Link>
          </li>
        ))}
      </ol>
      <h2>{t('event.allEvents')}</h2>
      <ul className="events">
        {LIFE_EVENTS.filter((x) => x.slug !== e.slug).map((x) => (
          <li key={x.slug}>
            <Link to={`/su-kien/${x.slug}`} className="event">
              <span>{x.title[lang]}</span>
              <span className="event-arrow" aria-hidden="true">
                ›
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

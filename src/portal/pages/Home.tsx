/** Home: one search box and the life events (curated groups of procedures, core/catalog life-events.ts). */
import { Link } from 'react-router-dom';
import { LIFE_EVENTS } from '../../core/catalog/life-events.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { useLang } from '../context.tsx';
import { useTitle } from '../useTitle.ts';

export function HomePage() {
  const { t, lang } = useLang();
  useTitle(t('app.name'));
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <SearchBox big />
      </section>
      <section aria-labelledby="events-title">
        <h2 id="events-title">{t('home.events')}</h2>
        <ul className="events">
          {LIFE_EVENTS.map((e) => (
            <li key={e.slug}>
              <Link to={`/su-kien/${e.slug}`} className="event">
                <span>{e.title[lang]}</span>
                <span className="event-arrow" aria-hidden="true">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card card-muted" aria-labelledby="quick-title">
        <h2 id="quick-title">{t('home.quick')}</h2>
        <p className="actions">
          <Link className="btn btn-primary" to="/tra-cuu">
            {t('home.trackCta')}
          </Link>
          <Link className="btn btn-secondary" to="/ho-so-cua-toi">
            {t('home.mineCta')}
          </Link>
          <Link className="btn btn-secondary" to="/phan-anh">
            {t('home.feedbackCta')}
          </Link>
          <Link className="btn btn-secondary" to="/thong-ke">
            {t('home.statsCta')}
          </Link>
          <Link className="btn btn-secondary" to="/chi-so-phuc-vu">
            {t('home.indexCta')}
          </Link>
        </p>
      </section>
    </>
  );
}

/** Home: one search box and the most common life events. */
import { Link } from 'react-router-dom';
import type { PortalKey } from '../../core/i18n/portal.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { useLang } from '../context.tsx';
import { useTitle } from '../useTitle.ts';

/** Life events and the words a citizen would search for them. */
const EVENTS: { key: PortalKey; q: string }[] = [
  { key: 'event.birth', q: 'đăng ký khai sinh' },
  { key: 'event.marriage', q: 'đăng ký kết hôn' },
  { key: 'event.residence', q: 'đăng ký thường trú' },
  { key: 'event.passport', q: 'cấp hộ chiếu' },
  { key: 'event.job', q: 'lý lịch tư pháp' },
  { key: 'event.business', q: 'đăng ký hộ kinh doanh' },
  { key: 'event.land', q: 'giấy chứng nhận quyền sử dụng đất' },
  { key: 'event.school', q: 'hỗ trợ học tập' },
  { key: 'event.death', q: 'đăng ký khai tử' },
];

export function HomePage() {
  const { t } = useLang();
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
          {EVENTS.map((e) => (
            <li key={e.key}>
              <Link to={`/tim-kiem?q=${encodeURIComponent(e.q)}`} className="event">
                <span>{t(e.key)}</span>
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

/** The portal shell: skip link, header with the language switch, main navigation, routes, footer. */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { Loading } from './components/Status.tsx';
import { useLang } from './context.tsx';
import { HomePage } from './pages/Home.tsx';
import { CatalogFieldPage, CatalogPage } from './pages/Catalog.tsx';
import { LifeEventPage } from './pages/LifeEvent.tsx';
import { ProcedurePage } from './pages/Procedure.tsx';
import { SearchPage } from './pages/Search.tsx';
import { TrackPage } from './pages/Track.tsx';

// Signed-in pages load on demand: the public pages (search, procedure, tracking) stay small.
const ApplyPage = lazy(() => import('./pages/Apply.tsx').then((m) => ({ default: m.ApplyPage })));
const MyDossiersPage = lazy(() => import('./pages/MyDossiers.tsx').then((m) => ({ default: m.MyDossiersPage })));
const MyDossierPage = lazy(() => import('./pages/MyDossiers.tsx').then((m) => ({ default: m.MyDossierPage })));
const FeedbackPage = lazy(() => import('./pages/Feedback.tsx').then((m) => ({ default: m.FeedbackPage })));
const FeedbackTrackPage = lazy(() => import('./pages/Feedback.tsx').then((m) => ({ default: m.FeedbackTrackPage })));
const FeedbackAnsweredPage = lazy(() => import('./pages/Feedback.tsx').then((m) => ({ default: m.FeedbackAnsweredPage })));
const StatsPage = lazy(() => import('./pages/Stats.tsx').then((m) => ({ default: m.StatsPage })));
const VerifySignaturesPage = lazy(() => import('./pages/VerifySignatures.tsx').then((m) => ({ default: m.VerifySignaturesPage })));
const ServiceIndexPage = lazy(() => import('./pages/ServiceIndex.tsx').then((m) => ({ default: m.ServiceIndexPage })));
const RatePage = lazy(() => import('./pages/Rate.tsx').then((m) => ({ default: m.RatePage })));
const SurveyPage = lazy(() => import('./pages/Survey.tsx').then((m) => ({ default: m.SurveyPage })));
const ParRankingPage = lazy(() => import('./pages/ParRanking.tsx').then((m) => ({ default: m.ParRankingPage })));

function NotFound() {
  const { t } = useLang();
  return (
    <>
      <h1>{t('common.notFound')}</h1>
      <Link className="btn btn-primary" to="/">
        {t('common.home')}
      </Link>
    </>
  );
}

export function App() {
  const { t, lang, setLang } = useLang();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // On navigation, move focus to the main region (screen readers announce the new page) and scroll up.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="top-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            <span className="brand-text">{t('app.name')}</span>
          </Link>
          <button type="button" className="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} lang={lang === 'vi' ? 'en' : 'vi'} aria-label={t('app.switchLangLabel')}>
            {t('app.switchLang')}
          </button>
        </div>
        <nav aria-label={t('app.nav')} className="nav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/thu-tuc">{t('nav.search')}</NavLink>
          <NavLink to="/tra-cuu">{t('nav.track')}</NavLink>
          <NavLink to="/ho-so-cua-toi">{t('nav.mine')}</NavLink>
          <NavLink to="/phan-anh">{t('nav.feedback')}</NavLink>
          <NavLink to="/thong-ke">{t('nav.stats')}</NavLink>
          <NavLink to="/kiem-tra-chu-ky">{t('nav.signatures')}</NavLink>
          <NavLink to="/chi-so-cchc">{t('par.nav')}</NavLink>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/tim-kiem" element={<SearchPage />} />
            <Route path="/thu-tuc" element={<CatalogPage />} />
            <Route path="/thu-tuc/linh-vuc/:field" element={<CatalogFieldPage />} />
            <Route path="/thu-tuc/:code" element={<ProcedurePage />} />
            <Route path="/su-kien/:slug" element={<LifeEventPage />} />
            <Route path="/nop-ho-so/:code" element={<ApplyPage />} />
            <Route path="/tra-cuu" element={<TrackPage />} />
            <Route path="/ho-so-cua-toi" element={<MyDossiersPage />} />
            <Route path="/ho-so-cua-toi/:id" element={<MyDossierPage />} />
            <Route path="/phan-anh" element={<FeedbackPage />} />
            <Route path="/phan-anh/tra-cuu" element={<FeedbackTrackPage />} />
            <Route path="/phan-anh/da-tra-loi" element={<FeedbackAnsweredPage />} />
            <Route path="/thong-ke" element={<StatsPage />} />
            <Route path="/kiem-tra-chu-ky" element={<VerifySignaturesPage />} />
            <Route path="/chi-so-phuc-vu" element={<ServiceIndexPage />} />
            <Route path="/chi-so-cchc" element={<ParRankingPage />} />
            <Route path="/danh-gia/:code" element={<RatePage />} />
            <Route path="/khao-sat/:token" element={<SurveyPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
      <footer className="foot">
        <p>{t('app.footer')}</p>
        <p>
          <a href="/">{t('app.staffLink')}</a>
        </p>
      </footer>
    </>
  );
}

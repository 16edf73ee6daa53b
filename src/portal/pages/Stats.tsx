/**
 * Thống kê: the figures of one unit for this month and this year (GET /api/public/stats). Plain numbers with
 * labels; each rate also has a CSS bar (decorative: the number beside it is what assistive technology reads).
 * Loaded on demand (App.tsx).
 */
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Lang } from '../../core/i18n/portal.ts';
import { api, type UnitStats } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { useTitle } from '../useTitle.ts';
import { useAgencies } from './Feedback.tsx';

const fmtNum = (n: number, lang: Lang) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);
const fmtPct = (n: number, lang: Lang) => `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(n)}%`;
const fmtDay = (iso: string, lang: Lang) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return lang === 'vi' || lang === 'en' ? `${d}/${m}/${y}` : iso;
};

function Rate({ label, rate, detail }: { label: string; rate: number | null; detail: string }) {
  const { t, lang } = useLang();
  const pct = rate === null ? 0 : Math.max(0, Math.min(100, rate));
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="stat-value">{rate === null ? t('stats.noData') : fmtPct(rate, lang)}</span>
        <span className="stat-bar" aria-hidden="true">
          <span className="stat-bar-fill" style={{ width: `${pct}%` }} />
        </span>
        <span className="stat-detail">{detail}</span>
      </dd>
    </div>
  );
}

function Period({ s, title }: { s: UnitStats; title: string }) {
  const { t, lang } = useLang();
  const id = useId();
  const ratings = s.ratings.satisfied + s.ratings.neutral + s.ratings.dissatisfied;
  const fb = s.feedback;
  return (
    <section className="card" aria-labelledby={id} data-testid={`stats-${s.period}`}>
      <h2 id={id}>{title}</h2>
      <p className="hint">{t('stats.range', { from: fmtDay(s.from, lang), to: fmtDay(s.to, lang) })}</p>
      <dl className="stats">
        <div className="stat">
          <dt>{t('stats.received')}</dt>
          <dd>
            <span className="stat-value" data-testid={`stats-${s.period}-received`}>
              {fmtNum(s.received, lang)}
            </span>
            <span className="stat-detail">
              {t('stats.finished')}: {fmtNum(s.finished, lang)}
            </span>
          </dd>
        </div>
        <Rate label={t('stats.onTime')} rate={s.onTimeRate} detail={t('stats.ofTotal', { n: fmtNum(s.onTime, lang), total: fmtNum(s.finished, lang) })} />
        <Rate label={t('stats.online')} rate={s.onlineRate} detail={t('stats.ofTotal', { n: fmtNum(s.online, lang), total: fmtNum(s.received, lang) })} />
        <Rate label={t('stats.satisfaction')} rate={s.satisfactionRate} detail={t('stats.ratings', { n: fmtNum(ratings, lang) })} />
        <Rate
          label={t('stats.feedback')}
          rate={fb.received ? Math.round((fb.answered / fb.received) * 1000) / 10 : null}
          detail={t('stats.feedbackOf', { answered: fmtNum(fb.answered, lang), received: fmtNum(fb.received, lang), onTime: fmtNum(fb.onTime, lang) })}
        />
      </dl>
    </section>
  );
}

export function StatsPage() {
  const { t } = useLang();
  useTitle(t('stats.title'));
  const { agencies, error: agErr, reload } = useAgencies();
  const [agencyId, setAgencyId] = useState('');
  const [data, setData] = useState<{ month: UnitStats; year: UnitStats } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const uid = useId();

  // Default unit: the top of the tree (an agency without a parent in the list), else the first one.
  useEffect(() => {
    if (!agencies || agencyId || agencies.length === 0) return;
    const ids = new Set(agencies.map((a) => a.id));
    setAgencyId((agencies.find((a) => !a.parentId || !ids.has(a.parentId)) ?? agencies[0]!).id);
  }, [agencies, agencyId]);

  useEffect(() => {
    if (!agencyId) return;
    let live = true;
    setBusy(true);
    setError(null);
    Promise.all([api.stats({ agencyId, period: 'month' }), api.stats({ agencyId, period: 'year' })])
      .then(([month, year]) => live && setData({ month, year }))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [agencyId, attempt]);

  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p className="lead">{t('stats.intro')}</p>
      <p>
        <Link to="/chi-so-phuc-vu">{t('stats.indexLink')}</Link>
      </p>
      {agErr !== null && <ErrorBox error={agErr} onRetry={reload} />}
      <div className="field">
        <label htmlFor={`${uid}-unit`}>{t('stats.unit')}</label>
        <select id={`${uid}-unit`} value={agencyId} onChange={(e) => setAgencyId(e.target.value)} disabled={!agencies}>
          {!agencies && <option value="">{t('common.loading')}</option>}
          {agencies?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        {busy && <Loading />}
        {error !== null && <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      </div>
      {data && !error && (
        <div aria-busy={busy || undefined}>
          <Period s={data.month} title={t('stats.month')} />
          <Period s={data.year} title={t('stats.year')} />
        </div>
      )}
    </>
  );
}

/**
 * The rating page opened by the slip's short link / QR (PUBLIC_BASE_URL/danh-gia/<code> → /dich-vu-cong/danh-gia/<code>).
 * Phone first: the second factor (tracking secret or phone), then three faces, the reasons when dissatisfied,
 * an optional comment, and a thank-you state. Shows the office's answer to a dissatisfied rating once closed.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DISSATISFIED_REASONS, RATING_FACES, RATING_LABELS, faceAsksReasons, type RatingValue } from '../../core/rating/index.ts';
import { api, isApiError, type PublicRatingView } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { fmtDate } from '../format.ts';
import { useTitle } from '../useTitle.ts';
import type { PortalKey } from '../../core/i18n/portal.ts';

const REASON_KEYS: Record<string, PortalKey> = { RATING_NOT_ALLOWED: 'rate.notYet', ALREADY_RATED: 'rate.already', RATING_WINDOW_CLOSED: 'rate.closed' };

/** Which message a failed call shows: the rating page's own words for the expected refusals. */
function problemKey(e: unknown): PortalKey | null {
  if (!isApiError(e)) return null;
  if (e.status === 429) return 'rate.tooMany';
  if (e.status === 404 || e.status === 400) return 'rate.wrongFactor';
  return REASON_KEYS[e.code] ?? null;
}

export function RatePage() {
  const { t, lang } = useLang();
  const { code = '' } = useParams();
  const ids = { factor: useId(), comment: useId() };
  const [factor, setFactor] = useState('');
  const [view, setView] = useState<PublicRatingView | null>(null);
  const [face, setFace] = useState<RatingValue | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PortalKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ followUp: boolean } | null>(null);
  useTitle(t('rate.title'));

  const fail = (e: unknown) => {
    const k = problemKey(e);
    if (k) setProblem(k);
    else setError(e);
  };

  const open = async (e: FormEvent) => {
    e.preventDefault();
    if (!factor.trim()) return;
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      setView(await api.ratingView(code, factor.trim()));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!face) {
      setProblem('rate.pickFace');
      return;
    }
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      const r = await api.rateByLink(code, { secondFactor: factor.trim(), rating: face, reasons: faceAsksReasons(face) ? reasons : [], ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setDone({ followUp: r.followUpId !== null });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const messages = (
    <div aria-live="polite">
      {busy && <Loading />}
      {problem && (
        <p className="notice notice-warn" role="alert">
          {t(problem)}
        </p>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );

  if (done) {
    return (
      <section className="card rate-done" aria-live="polite">
        <h1>{t('rate.thanks')}</h1>
        {done.followUp && <p>{t('rate.thanksFollowUp')}</p>}
        <p className="actions">
          <Link className="btn btn-secondary" to={`/tra-cuu?code=${encodeURIComponent(code)}`}>
            {t('rate.track')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <>
      <h1>{t('rate.title')}</h1>
      <p className="code-title">{code}</p>
      {!view && (
        <form className="card" onSubmit={open}>
          <p>{t('rate.intro')}</p>
          <div className="field">
            <label htmlFor={ids.factor}>{t('rate.factor')}</label>
            <input id={ids.factor} type="text" value={factor} onChange={(e) => setFactor(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {t('rate.open')}
          </button>
        </form>
      )}
      {view && (
        <section className="card">
          <dl className="facts">
            <div>
              <dt>{t('track.procedure')}</dt>
              <dd>{view.procedureName}</dd>
            </div>
            <div>
              <dt>{t('track.agency')}</dt>
              <dd>{view.agencyName}</dd>
            </div>
          </dl>
          {!view.canRate && view.reason && (
            <p className="notice notice-info" role="status">
              {t(REASON_KEYS[view.reason] ?? 'rate.notYet')}
            </p>
          )}
          {view.rating && (
            <p>
              <strong>{t('rate.yourRating')}:</strong> {RATING_LABELS[view.rating.rating as RatingValue]?.face} {RATING_LABELS[view.rating.rating as RatingValue]?.[lang] ?? view.rating.rating} ({fmtDate(view.rating.at, lang)})
            </p>
          )}
          {view.followUp && (
            <div className="notice notice-info">
              <p className="notice-title">{t('rate.answer')}</p>
              <p>{view.followUp.answer ?? t('rate.answerPending')}</p>
            </div>
          )}
          {view.canRate && (
            <form onSubmit={send}>
              <fieldset className="faces">
                <legend>{t('rate.question')}</legend>
                {RATING_FACES.map((f) => (
                  <label key={f.value} className={`face face-${f.value}${face === f.value ? ' face-on' : ''}`}>
                    <input type="radio" name="face" value={f.value} checked={face === f.value} onChange={() => setFace(f.value)} />
                    <span className="face-icon" aria-hidden="true">
                      {f.face}
                    </span>
                    <span>{f[lang]}</span>
                  </label>
                ))}
              </fieldset>
              {face && faceAsksReasons(face) && (
                <fieldset className="reasons">
                  <legend>{t('rate.reasons')}</legend>
                  {DISSATISFIED_REASONS.map((r) => (
                    <label key={r.vi} className="check">
                      <input type="checkbox" checked={reasons.includes(r.vi)} onChange={(e) => setReasons((xs) => (e.target.checked ? [...xs, r.vi] : xs.filter((x) => x !== r.vi)))} />
                      {r[lang]}
                    </label>
                  ))}
                </fieldset>
              )}
              <div className="field">
                <label htmlFor={ids.comment}>{t('rate.comment')}</label>
                <textarea id={ids.comment} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} rows={3} />
              </div>
              <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
                {t('rate.submit')}
              </button>
            </form>
          )}
        </section>
      )}
      {messages}
    </>
  );
}

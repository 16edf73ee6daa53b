/**
 * Public tracking: dossier code + second factor (the secret printed on the receipt, or the phone number).
 * The QR on the receipt opens /tra-cuu?code=…&secret=…: the answer is fetched at once and the secret is then
 * removed from the address bar. A wrong factor and an unknown code show the same neutral message.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { STATE_LABELS } from '../../core/dossier/labels.ts';
import type { DossierState } from '../../core/dossier/states.ts';
import { STATE_ADVICE } from '../../core/i18n/portal.ts';
import { RATING_LABELS, type RatingValue } from '../../core/rating/index.ts';
import { api, isApiError, type PublicRatingView, type TrackResult } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { useLang } from '../context.tsx';
import { fmtDate, fmtDateTime } from '../format.ts';
import { useTitle } from '../useTitle.ts';

export function StatusCard({ state, stateLabel, children }: { state: string; stateLabel?: string | undefined; children?: React.ReactNode }) {
  const { lang } = useLang();
  const s = state as DossierState;
  const tone = ['refused', 'intake_rejected', 'stopped'].includes(state)
    ? 'bad'
    : ['supplement_requested', 'intake_incomplete'].includes(state)
      ? 'warn'
      : ['result_ready', 'returned'].includes(state)
        ? 'good'
        : 'info';
  return (
    <div className={`status status-${tone}`}>
      <p className="status-label">{STATE_LABELS[s]?.[lang] ?? stateLabel ?? state}</p>
      {STATE_ADVICE[s] && <p className="status-advice">{STATE_ADVICE[s][lang]}</p>}
      {children}
    </div>
  );
}

export function TrackPage() {
  const { t, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [secret, setSecret] = useState(params.get('secret') ?? '');
  const [result, setResult] = useState<TrackResult | null>(null);
  const [rating, setRating] = useState<PublicRatingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  const ids = { code: useId(), secret: useId(), hint: useId() };
  useTitle(t('track.title'));

  const lookup = useCallback(async (c: string, s: string) => {
    setBusy(true);
    setError(null);
    setNotFound(false);
    setResult(null);
    try {
      const r = await api.track(c.trim(), s.trim());
      setResult(r);
      // The rating and the office's answer to a dissatisfied rating (same second factor); optional for the page.
      setRating(null);
      api.ratingView(r.code, s.trim()).then(setRating, () => setRating(null));
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (e) {
      // 404 for an unknown code or a wrong factor; 400 when the input is too short to be a code: same message.
      if (isApiError(e) && (e.status === 404 || e.status === 400)) setNotFound(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  // From the QR on a slip: look up at once, then drop the secret from the address bar (history, shoulder-surfing).
  useEffect(() => {
    const c = params.get('code');
    const s = params.get('secret');
    if (c && s) {
      void lookup(c, s);
      setParams({ code: c }, { replace: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim() && secret.trim()) void lookup(code, secret);
  };

  return (
    <>
      <h1>{t('track.title')}</h1>
      <form className="card" onSubmit={submit}>
        <p>{t('track.intro')}</p>
        <div className="field">
          <label htmlFor={ids.code}>{t('track.code')}</label>
          <input
            id={ids.code}
            type="text"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={ids.hint}
            required
          />
          <p id={ids.hint} className="hint">
            {t('track.codeHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.secret}>{t('track.secret')}</label>
          <input
            id={ids.secret}
            type="text"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('track.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {busy && <Loading />}
        {notFound && <p className="notice notice-warn" role="alert">{t('track.notFound')}</p>}
        {error !== null && <ErrorBox error={error} />}
      </div>
      {result && (
        <section className="card" aria-labelledby="track-result" ref={resultRef} tabIndex={-1}>
          <h2 id="track-result" className="code-title">
            {result.code}
          </h2>
          <StatusCard state={result.state} stateLabel={result.stateLabel} />
          <dl className="facts">
            <div>
              <dt>{t('track.procedure')}</dt>
              <dd>{result.procedureName}</dd>
            </div>
            <div>
              <dt>{t('track.agency')}</dt>
              <dd>{result.agencyName}</dd>
            </div>
            {result.receivedAt && (
              <div>
                <dt>{t('track.receivedAt')}</dt>
                <dd>{fmtDate(result.receivedAt, lang)}</dd>
              </div>
            )}
            <div>
              <dt>{t('track.dueAt')}</dt>
              <dd className={result.finishedAt ? undefined : 'strong'}>{result.dueAt ? fmtDate(result.dueAt, lang) : t('track.noDue')}</dd>
            </div>
            {result.finishedAt && (
              <div>
                <dt>{t('track.finishedAt')}</dt>
                <dd className="strong">{fmtDate(result.finishedAt, lang)}</dd>
              </div>
            )}
            {result.delivery && (
              <div data-testid="track-delivery">
                <dt>{t('track.postal')}</dt>
                <dd>{t('track.postalDetail', { date: fmtDate(result.delivery.sentAt, lang), number: result.delivery.trackingNumber })}
                {result.delivery.status && (
                  <>
                    <br />
                    <span data-testid="parcel-status">{t('track.parcelStatus', { status: result.delivery.status.label + (result.delivery.status.location ? ` — ${result.delivery.status.location}` : ''), time: fmtDateTime(result.delivery.status.at, lang) })}</span>
                  </>
                )}</dd>
              </div>
            )}
          </dl>
          {rating?.rating && (
            <p data-testid="track-rating">
              <strong>{t('rate.yourRating')}:</strong> {RATING_LABELS[rating.rating.rating as RatingValue]?.face} {RATING_LABELS[rating.rating.rating as RatingValue]?.[lang] ?? rating.rating.rating}
            </p>
          )}
          {rating?.followUp && (
            <div className="notice notice-info" data-testid="track-answer">
              <p className="notice-title">{t('rate.answer')}</p>
              <p>{rating.followUp.answer ?? t('rate.answerPending')}</p>
              {rating.followUp.answeredAt && <p className="hint">{fmtDate(rating.followUp.answeredAt, lang)}</p>}
            </div>
          )}
          {rating?.canRate && (
            <p className="actions">
              <Link className="btn btn-primary" to={`/danh-gia/${encodeURIComponent(result.code)}`}>
                {t('rate.title')}
              </Link>
            </p>
          )}
          <h3>{t('track.timeline')}</h3>
          <Timeline entries={result.timeline} />
        </section>
      )}
    </>
  );
}

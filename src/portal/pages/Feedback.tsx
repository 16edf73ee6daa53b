/**
 * Phản ánh, kiến nghị: send feedback to an agency (no sign-in), follow it with reference + secret (and rate the
 * answer once it is answered), and read the published answers (personal data removed by the server).
 * Loaded on demand (App.tsx): these pages stay out of the main bundle.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { PortalKey } from '../../core/i18n/portal.ts';
import { applicantFieldValid } from '../../core/dossier/applicant.ts';
import { api, isApiError, type FeedbackBody, type FeedbackRating, type FeedbackSubject, type OwnFeedback, type PublicAgency, type PublishedFeedback } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { fmtDate, fmtDateTime } from '../format.ts';
import { useTitle } from '../useTitle.ts';

const SUBJECTS: FeedbackSubject[] = ['procedure', 'rule', 'officer', 'other'];
const RATINGS: FeedbackRating[] = ['satisfied', 'neutral', 'dissatisfied'];

/** Active agencies, by name (GET /api/agencies is public). */
export function useAgencies() {
  const [agencies, setAgencies] = useState<PublicAgency[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    api
      .agencies()
      .then((a) => setAgencies(a.filter((x) => !x.validTo).sort((x, y) => x.name.localeCompare(y.name, 'vi'))))
      .catch(setError);
  }, []);
  useEffect(load, [load]);
  return { agencies, error, reload: load };
}

function FeedbackLinks({ here }: { here: 'send' | 'track' | 'answered' }) {
  const { t } = useLang();
  return (
    <nav aria-label={t('fb.links')} className="actions">
      {here !== 'send' && (
        <Link className="btn btn-secondary" to="/phan-anh">
          {t('fb.send')}
        </Link>
      )}
      {here !== 'track' && (
        <Link className="btn btn-secondary" to="/phan-anh/tra-cuu">
          {t('fb.trackLink')}
        </Link>
      )}
      {here !== 'answered' && (
        <Link className="btn btn-secondary" to="/phan-anh/da-tra-loi">
          {t('fb.answeredLink')}
        </Link>
      )}
    </nav>
  );
}

interface Draft {
  agencyId: string;
  subject: FeedbackSubject;
  procedureCode: string;
  dossierCode: string;
  title: string;
  content: string;
  fullName: string;
  phone: string;
  email: string;
}

const EMPTY: Draft = { agencyId: '', subject: 'procedure', procedureCode: '', dossierCode: '', title: '', content: '', fullName: '', phone: '', email: '' };
type Errors = Partial<Record<'agencyId' | 'title' | 'content' | 'fullName' | 'phone' | 'email', PortalKey>>;

function validate(d: Draft): Errors {
  const e: Errors = {};
  if (!d.agencyId) e.agencyId = 'fb.err.agency';
  if (!d.title.trim()) e.title = 'fb.err.title';
  if (!d.content.trim()) e.content = 'fb.err.content';
  if (!d.fullName.trim()) e.fullName = 'fb.err.fullName';
  const phone = d.phone.trim();
  const email = d.email.trim();
  if (phone && !(/^[+\d][\d .-]+$/.test(phone) && phone.length >= 8 && phone.length <= 20)) e.phone = 'fb.err.phone';
  if (email && !applicantFieldValid('email', email)) e.email = 'fb.err.email'; // the API's rule
  if (!phone && !email) e.phone = 'fb.err.contact';
  return e;
}

function FieldError({ id, error }: { id: string; error: PortalKey | undefined }) {
  const { t } = useLang();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      {t(error)}
    </p>
  );
}

export function FeedbackPage() {
  const { t } = useLang();
  useTitle(t('fb.title'));
  const [params] = useSearchParams();
  const { agencies, error: agErr, reload } = useAgencies();
  const [d, setD] = useState<Draft>(() => ({ ...EMPTY, procedureCode: params.get('thu-tuc') ?? '' }));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ reference: string; trackingSecret: string } | null>(null);
  const sentRef = useRef<HTMLElement>(null);
  const uid = useId();
  const update = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));
  const describe = (name: keyof Errors, hint?: string) => [hint, errors[name] ? `${uid}-${name}-err` : undefined].filter(Boolean).join(' ') || undefined;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    const errs = validate(d);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const body: FeedbackBody = {
      agencyId: d.agencyId,
      subject: d.subject,
      title: d.title.trim(),
      content: d.content.trim(),
      contact: { fullName: d.fullName.trim(), ...(d.phone.trim() ? { phone: d.phone.trim() } : {}), ...(d.email.trim() ? { email: d.email.trim() } : {}) },
      ...(d.procedureCode.trim() ? { procedureCode: d.procedureCode.trim() } : {}),
      ...(d.dossierCode.trim() ? { dossierCode: d.dossierCode.trim() } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const r = await api.sendFeedback(body);
      setSent({ reference: r.reference, trackingSecret: r.trackingSecret });
      setTimeout(() => sentRef.current?.focus(), 0);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <>
        <h1>{t('fb.title')}</h1>
        <section className="card notice-good" aria-labelledby="fb-sent" ref={sentRef} tabIndex={-1} data-testid="feedback-sent">
          <h2 id="fb-sent">{t('fb.sent')}</h2>
          <p>{t('fb.sentText')}</p>
          <dl className="facts">
            <div>
              <dt>{t('fb.reference')}</dt>
              <dd className="strong code-value" data-testid="feedback-reference">
                {sent.reference}
              </dd>
            </div>
            <div>
              <dt>{t('fb.secret')}</dt>
              <dd className="strong code-value" data-testid="feedback-secret">
                {sent.trackingSecret}
              </dd>
            </div>
          </dl>
          <p className="actions">
            <Link className="btn btn-primary" to={`/phan-anh/tra-cuu?ref=${encodeURIComponent(sent.reference)}`}>
              {t('fb.followNow')}
            </Link>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setSent(null);
                setD(EMPTY);
              }}
            >
              {t('fb.another')}
            </button>
          </p>
        </section>
      </>
    );
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <h1>{t('fb.title')}</h1>
      <p className="lead">{t('fb.intro')}</p>
      <FeedbackLinks here="send" />
      {agErr !== null && <ErrorBox error={agErr} onRetry={reload} />}
      <form className="card" onSubmit={submit} noValidate>
        {hasErrors && (
          <p className="notice notice-error" role="alert">
            {t('fb.err.summary')}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${uid}-agencyId`}>{t('fb.agency')}</label>
          <select
            id={`${uid}-agencyId`}
            value={d.agencyId}
            onChange={(e) => update({ agencyId: e.target.value })}
            aria-invalid={!!errors.agencyId || undefined}
            aria-describedby={describe('agencyId')}
            disabled={!agencies}
          >
            <option value="">{agencies ? t('fb.agencyPick') : t('common.loading')}</option>
            {agencies?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldError id={`${uid}-agencyId-err`} error={errors.agencyId} />
        </div>
        <fieldset className="choices">
          <legend>{t('fb.subject')}</legend>
          {SUBJECTS.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="subject" value={s} checked={d.subject === s} onChange={() => update({ subject: s })} />
              <span>{t(`fb.subject.${s}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${uid}-proc`}>
            {t('fb.procedureCode')} {t('common.optional')}
          </label>
          <p id={`${uid}-proc-hint`} className="hint">
            {t('fb.procedureCodeHint')}
          </p>
          <input id={`${uid}-proc`} type="text" value={d.procedureCode} onChange={(e) => update({ procedureCode: e.target.value })} maxLength={50} autoComplete="off" spellCheck={false} aria-describedby={`${uid}-proc-hint`} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-dossier`}>
            {t('fb.dossierCode')} {t('common.optional')}
          </label>
          <input id={`${uid}-dossier`} type="text" value={d.dossierCode} onChange={(e) => update({ dossierCode: e.target.value })} maxLength={60} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-title`}>{t('fb.titleField')}</label>
          <input id={`${uid}-title`} type="text" value={d.title} onChange={(e) => update({ title: e.target.value })} maxLength={300} aria-invalid={!!errors.title || undefined} aria-describedby={describe('title')} />
          <FieldError id={`${uid}-title-err`} error={errors.title} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-content`}>{t('fb.content')}</label>
          <p id={`${uid}-content-hint`} className="hint">
            {t('fb.contentHint')}
          </p>
          <textarea
            id={`${uid}-content`}
            rows={6}
            value={d.content}
            onChange={(e) => update({ content: e.target.value })}
            maxLength={10000}
            aria-invalid={!!errors.content || undefined}
            aria-describedby={describe('content', `${uid}-content-hint`)}
          />
          <FieldError id={`${uid}-content-err`} error={errors.content} />
        </div>
        <fieldset className="group">
          <legend>{t('fb.contact')}</legend>
          <p className="hint">{t('fb.contactHint')}</p>
          <div className="field">
            <label htmlFor={`${uid}-fullName`}>{t('fb.fullName')}</label>
            <input id={`${uid}-fullName`} type="text" value={d.fullName} onChange={(e) => update({ fullName: e.target.value })} maxLength={200} autoComplete="name" aria-invalid={!!errors.fullName || undefined} aria-describedby={describe('fullName')} />
            <FieldError id={`${uid}-fullName-err`} error={errors.fullName} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-phone`}>{t('fb.phone')}</label>
            <input id={`${uid}-phone`} type="tel" value={d.phone} onChange={(e) => update({ phone: e.target.value })} maxLength={20} autoComplete="tel" inputMode="tel" aria-invalid={!!errors.phone || undefined} aria-describedby={describe('phone')} />
            <FieldError id={`${uid}-phone-err`} error={errors.phone} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-email`}>{t('fb.email')}</label>
            <input id={`${uid}-email`} type="email" value={d.email} onChange={(e) => update({ email: e.target.value })} maxLength={200} autoComplete="email" aria-invalid={!!errors.email || undefined} aria-describedby={describe('email')} />
            <FieldError id={`${uid}-email-err`} error={errors.email} />
          </div>
        </fieldset>
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('fb.send')}
        </button>
      </form>
    </>
  );
}

function RateAnswer({ reference, secret, onDone }: { reference: string; secret: string; onDone: (f: OwnFeedback) => void }) {
  const { t } = useLang();
  const [rating, setRating] = useState<FeedbackRating | ''>('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const commentId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rating || busy) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api.rateFeedback(reference, secret, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="rate-form">
      <fieldset className="choices rating">
        <legend>{t('fb.rate')}</legend>
        {RATINGS.map((r) => (
          <label key={r} className="choice">
            <input type="radio" name="fb-rating" value={r} checked={rating === r} onChange={() => setRating(r)} />
            <span>{t(`mine.rate.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={commentId}>
          {t('mine.rate.comment')} {t('common.optional')}
        </label>
        <textarea id={commentId} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
      </div>
      {error !== null && <ErrorBox error={error} />}
      <button type="submit" className="btn btn-primary btn-block" disabled={!rating || busy}>
        {t('mine.rate.send')}
      </button>
    </form>
  );
}

function ratingKey(r: string): PortalKey {
  return r === 'satisfied' || r === 'dissatisfied' ? `mine.rate.${r}` : 'mine.rate.neutral';
}

export function FeedbackTrackPage() {
  const { t, lang } = useLang();
  useTitle(t('fb.track.title'));
  const [params, setParams] = useSearchParams();
  const [reference, setReference] = useState(params.get('ref') ?? '');
  const [secret, setSecret] = useState(params.get('secret') ?? '');
  const [result, setResult] = useState<OwnFeedback | null>(null);
  const [used, setUsed] = useState<{ reference: string; secret: string } | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [rated, setRated] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  const uid = useId();

  const lookup = useCallback(async (r: string, s: string) => {
    setBusy(true);
    setError(null);
    setNotFound(false);
    setResult(null);
    setRated(false);
    try {
      const f = await api.feedback(r.trim(), s.trim());
      setResult(f);
      setUsed({ reference: r.trim(), secret: s.trim() });
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (e) {
      if (isApiError(e) && (e.status === 404 || e.status === 400)) setNotFound(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  // A link with both codes: look up at once, then drop the secret from the address bar.
  useEffect(() => {
    const r = params.get('ref');
    const s = params.get('secret');
    if (r && s) {
      void lookup(r, s);
      setParams({ ref: r }, { replace: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reference.trim() && secret.trim()) void lookup(reference, secret);
  };

  return (
    <>
      <h1>{t('fb.track.title')}</h1>
      <form className="card" onSubmit={submit}>
        <p>{t('fb.track.intro')}</p>
        <div className="field">
          <label htmlFor={`${uid}-ref`}>{t('fb.reference')}</label>
          <input id={`${uid}-ref`} type="text" value={reference} onChange={(e) => setReference(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-secret`}>{t('fb.secret')}</label>
          <input id={`${uid}-secret`} type="text" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('fb.track.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {busy && <Loading />}
        {notFound && (
          <p className="notice notice-warn" role="alert">
            {t('fb.track.notFound')}
          </p>
        )}
        {error !== null && <ErrorBox error={error} />}
      </div>
      {result && used && (
        <section className="card" aria-labelledby="fb-result" ref={resultRef} tabIndex={-1} data-testid="feedback-view">
          <h2 id="fb-result">{result.title}</h2>
          <dl className="facts">
            <div>
              <dt>{t('fb.reference')}</dt>
              <dd className="code-value">{result.reference}</dd>
            </div>
            <div>
              <dt>{t('fb.status')}</dt>
              <dd className="strong" data-testid="feedback-status">
                {result.statusLabel}
              </dd>
            </div>
            <div>
              <dt>{t('fb.agency')}</dt>
              <dd>{result.agencyName}</dd>
            </div>
            <div>
              <dt>{t('fb.submittedAt')}</dt>
              <dd>{fmtDate(result.submittedAt, lang)}</dd>
            </div>
            {result.answerDueAt && !result.answeredAt && (
              <div>
                <dt>{t('fb.dueAt')}</dt>
                <dd>{fmtDate(result.answerDueAt, lang)}</dd>
              </div>
            )}
          </dl>
          <h3>{t('fb.content')}</h3>
          <p className="prewrap">{result.content}</p>
          {result.notAcceptedReason && (
            <p className="notice notice-warn">
              {t('fb.notAccepted')}: {result.notAcceptedReason}
            </p>
          )}
          <h3>{t('fb.answer')}</h3>
          {result.answer ? (
            <>
              <p className="prewrap answer" data-testid="feedback-answer">
                {result.answer}
              </p>
              {result.answeredAt && (
                <p className="hint">
                  {t('fb.answeredAt')}: {fmtDate(result.answeredAt, lang)}
                </p>
              )}
            </>
          ) : (
            <p>{t('fb.noAnswer')}</p>
          )}
          {rated && (
            <p className="notice notice-good" role="status">
              {t('mine.rate.thanks')}
            </p>
          )}
          {result.rating && !rated && <p className="notice notice-good">{t('mine.rate.given', { rating: t(ratingKey(result.rating.rating)) })}</p>}
          {result.canRate && !result.rating && (
            <RateAnswer
              reference={used.reference}
              secret={used.secret}
              onDone={(f) => {
                setResult(f);
                setRated(true);
              }}
            />
          )}
          {result.timeline.length > 0 && (
            <>
              <h3>{t('fb.history')}</h3>
              <ol className="timeline">
                {result.timeline.map((x, i) => (
                  <li key={i}>
                    <span className="timeline-label">{x.label}</span> <span className="hint">{fmtDateTime(x.at, lang)}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
      <FeedbackLinks here="track" />
    </>
  );
}

export function FeedbackAnsweredPage() {
  const { t, lang } = useLang();
  useTitle(t('fb.list.title'));
  const { agencies } = useAgencies();
  const [agencyId, setAgencyId] = useState('');
  const [items, setItems] = useState<PublishedFeedback[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const uid = useId();

  const load = useCallback(async (cursor: string | null, agency: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.publishedFeedback({ limit: 10, cursor, ...(agency ? { agencyId: agency } : {}) });
      setItems((x) => (cursor && x ? [...x, ...r.items] : r.items));
      setNext(r.next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(null, agencyId);
  }, [load, agencyId]);

  return (
    <>
      <h1>{t('fb.list.title')}</h1>
      <p className="lead">{t('fb.list.intro')}</p>
      <FeedbackLinks here="answered" />
      <div className="field">
        <label htmlFor={`${uid}-agency`}>{t('fb.agency')}</label>
        <select id={`${uid}-agency`} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
          <option value="">{t('fb.list.allAgencies')}</option>
          {agencies?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {items && items.length === 0 && <p className="notice notice-info">{t('fb.list.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="fb-list" data-testid="feedback-list">
          {items.map((f) => (
            <li key={f.reference} className="card">
              <article aria-labelledby={`fb-${f.reference}`}>
                <h2 id={`fb-${f.reference}`} className="fb-title">
                  {f.title}
                </h2>
                <p className="hint">
                  {f.reference} · {f.agencyName} · {t(`fb.subject.${f.subject}`)}
                  {f.procedureCode ? ` · ${f.procedureCode}` : ''}
                </p>
                <h3 className="fb-sub">{t('fb.list.question')}</h3>
                <p className="prewrap">{f.content}</p>
                <h3 className="fb-sub">{t('fb.answer')}</h3>
                <p className="prewrap answer">{f.answer}</p>
                {f.answeredAt && (
                  <p className="hint">
                    {t('fb.answeredAt')}: {fmtDate(f.answeredAt, lang)}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {busy && <Loading />}
        {error !== null && <ErrorBox error={error} onRetry={() => void load(null, agencyId)} />}
      </div>
      {next && !busy && (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => void load(next, agencyId)}>
          {t('fb.list.more')}
        </button>
      )}
    </>
  );
}

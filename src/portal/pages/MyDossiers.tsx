/**
 * My dossiers: the signed-in citizen's list, and one dossier with its status, appointment, timeline, the open
 * supplement request (answered by uploading here), an apology, electronic results, the fee payment (VietQR)
 * and the rating once the result is out.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { STATE_LABELS } from '../../core/dossier/labels.ts';
import type { DossierState } from '../../core/dossier/states.ts';
import { api, isApiError, isNotImplemented, type CitizenDocument, type CitizenDossier, type PaymentIntent, type SubmittedDocument } from '../api.ts';
import { FileField, type PickedFile } from '../components/FileField.tsx';
import { SignIn } from '../components/SignIn.tsx';
import { ComingSoon, ErrorBox, Loading } from '../components/Status.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { useLang, useSession } from '../context.tsx';
import { fmtDate, fmtDateTime, fmtMoney, maskId } from '../format.ts';
import { useTitle } from '../useTitle.ts';
import { StatusCard } from './Track.tsx';
import { tp } from '../../core/i18n/portal.ts';

function useSignedIn(): 'wait' | 'signin' | 'unavailable' | 'ok' {
  const { status } = useSession();
  if (status === 'unknown') return 'wait';
  if (status === 'unavailable') return 'unavailable';
  return status === 'signed-in' ? 'ok' : 'signin';
}

function Gate({ children }: { children: React.ReactNode }) {
  const { t } = useLang();
  const s = useSignedIn();
  if (s === 'wait') return <Loading />;
  if (s === 'unavailable') return <ComingSoon />;
  if (s === 'signin') return <SignIn title={t('auth.titleMine')} />;
  return <>{children}</>;
}

const dueOf = (d: CitizenDossier) => d.appointmentAt ?? d.dueAt ?? null;
const stateText = (d: CitizenDossier, lang: 'vi' | 'en') => STATE_LABELS[d.state as DossierState]?.[lang] ?? d.stateLabel;

export function MyDossiersPage() {
  const { t } = useLang();
  const { citizen, logout } = useSession();
  useTitle(t('mine.title'));
  return (
    <>
      <div className="title-row">
        <h1>{t('mine.title')}</h1>
        {citizen && (
          <button type="button" className="btn btn-link" onClick={() => void logout()}>
            {t('auth.logout')}
          </button>
        )}
      </div>
      <Gate>
        <DossierList />
      </Gate>
    </>
  );
}

function DossierList() {
  const { t, lang } = useLang();
  const [items, setItems] = useState<CitizenDossier[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    api.dossiers().then(setItems, setError);
  }, []);
  useEffect(load, [load]);
  if (error !== null) return isNotImplemented(error) ? <ComingSoon /> : <ErrorBox error={error} onRetry={load} />;
  if (!items) return <Loading />;
  if (!items.length)
    return (
      <div className="card">
        <p>{t('mine.empty')}</p>
        <Link className="btn btn-primary" to="/tim-kiem">
          {t('mine.findProcedure')}
        </Link>
      </div>
    );
  return (
    <ul className="results">
      {items.map((d) => (
        <li key={d.id}>
          <Link className="result" to={`/ho-so-cua-toi/${encodeURIComponent(d.id)}`}>
            <span className="result-name">{d.procedureName || d.procedureCode}</span>
            <span className="result-meta">
              <span className="code">{d.code ?? '—'}</span>
              {d.submittedAt && <span>{t('mine.submittedAt', { date: fmtDate(d.submittedAt, lang) })}</span>}
            </span>
            <span className="badge badge-state">{stateText(d, lang)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function MyDossierPage() {
  const { t } = useLang();
  useTitle(t('mine.detail'));
  return (
    <>
      <p>
        <Link to="/ho-so-cua-toi">← {t('mine.back')}</Link>
      </p>
      <Gate>
        <DossierDetail />
      </Gate>
    </>
  );
}

function DossierDetail() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [d, setD] = useState<CitizenDossier | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    api.dossier(id).then(setD, setError);
  }, [id]);
  useEffect(load, [load]);
  if (error !== null) return isNotImplemented(error) ? <ComingSoon /> : <ErrorBox error={error} onRetry={load} />;
  if (!d) return <Loading />;

  const supplement = d.supplementRequest ?? null;
  const results = d.results ?? [];
  const timeline = d.timeline ?? [];
  const due = dueOf(d);
  const outstanding = Math.max(0, (d.feeTotal ?? 0) - (d.paidTotal ?? 0));
  const canSupply = d.canSupply ?? ['supplement_requested', 'intake_incomplete'].includes(d.state);
  const canRate = d.canRate ?? (['result_ready', 'returned'].includes(d.state) && !d.rating);
  const canPay = d.canPay ?? outstanding > 0;

  return (
    <article>
      <p className="eyebrow">{d.procedureName}</p>
      <h1 className="code-title">{d.code ?? '—'}</h1>
      <StatusCard state={d.state} stateLabel={d.stateLabel} />
      <dl className="facts card">
        {d.agencyName && (
          <div>
            <dt>{t('track.agency')}</dt>
            <dd>{d.agencyName}</dd>
          </div>
        )}
        {d.receivedAt && (
          <div>
            <dt>{t('track.receivedAt')}</dt>
            <dd>{fmtDate(d.receivedAt, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{d.finishedAt ? t('track.finishedAt') : t('track.dueAt')}</dt>
          <dd className="strong">{d.finishedAt ? fmtDate(d.finishedAt, lang) : due ? fmtDate(due, lang) : t('track.noDue')}</dd>
        </div>
        {d.applicant && (
          <div>
            <dt>{t('mine.applicant')}</dt>
            <dd>
              {String(d.applicant.fullName ?? '')}
              {typeof d.applicant.idNumber === 'string' && d.applicant.idNumber && <> · {maskId(d.applicant.idNumber)}</>}
            </dd>
          </div>
        )}
        {d.resultMethod && (d.resultMethod === 'online' || d.resultMethod === 'desk' || d.resultMethod === 'postal') && (
          <div>
            <dt>{t('mine.resultMethod')}</dt>
            <dd>
              {t(`apply.result.${d.resultMethod}`)}
              {d.resultMethod === 'postal' && d.postalAddress ? ` — ${d.postalAddress}` : ''}
            </dd>
          </div>
        )}
        {d.delivery && (
          <div data-testid="mine-delivery">
            <dt>{t('track.postal')}</dt>
            <dd>
              {t('track.postalDetail', { date: fmtDate(d.delivery.sentAt, lang), number: d.delivery.trackingNumber })}
                {d.delivery.status && (
                  <>
                    <br />
                    <span data-testid="parcel-status">{t('track.parcelStatus', { status: d.delivery.status.label + (d.delivery.status.location ? ` — ${d.delivery.status.location}` : ''), time: fmtDateTime(d.delivery.status.at, lang) })}</span>
                  </>
                )}
              {d.delivery.address && (
                <>
                  <br />
                  {t('track.postalTo', { address: d.delivery.address })}
                </>
              )}
            </dd>
          </div>
        )}
      </dl>

      {d.apology && (
        <section className="notice notice-warn" aria-labelledby="apology-title">
          <h2 id="apology-title" className="notice-title">
            {t('mine.apology')}
          </h2>
          <p>{t('mine.apologyText', { date: d.apology.newAppointmentAt ? fmtDate(d.apology.newAppointmentAt, lang) : '—' })}</p>
          {(d.apology.reasons ?? []).length > 0 && (
            <ul className="bullets">
              {(d.apology.reasons ?? []).map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {d.refusal && (
        <section className="notice notice-error" aria-labelledby="refusal-title">
          <h2 id="refusal-title" className="notice-title">
            {t('mine.refusal')}
          </h2>
          <ul className="bullets">
            {(d.refusal.reasons ?? []).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </section>
      )}

      {canSupply && <Supply dossier={d} missing={supplement?.missingItems ?? []} note={supplement?.note ?? null} onDone={load} />}

      {results.length > 0 && (
        <section className="card" aria-labelledby="results-title">
          <h2 id="results-title">{t('mine.results')}</h2>
          <ul className="plain">
            {results.map((r) => (
              <li key={r.id}>
                <a className="btn btn-secondary btn-block" href={api.resultUrl(d.id, r.id)} download>
                  {t('common.download')}: {r.fileName ?? r.id}
                </a>
                {r.signature && <ResultSignature signature={r.signature} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      {canPay && <Pay dossier={d} amount={outstanding} />}

      {canRate && <Rate dossier={d} onDone={load} />}
      {d.rating && (
        <p className="notice notice-good">
          {t('mine.rate.given', { rating: t(d.rating.rating === 'satisfied' || d.rating.rating === 'neutral' || d.rating.rating === 'dissatisfied' ? `mine.rate.${d.rating.rating}` : 'mine.rate.neutral') })}
        </p>
      )}

      {timeline.length > 0 && (
        <section className="card" aria-labelledby="tl-title">
          <h2 id="tl-title">{t('track.timeline')}</h2>
          <Timeline entries={timeline} />
        </section>
      )}
    </article>
  );
}

function Supply({ dossier, missing, note: officerNote, onDone }: { dossier: CitizenDossier; missing: string[]; note: string | null; onDone: () => void }) {
  const { t } = useLang();
  const slots = (missing.length ? missing : [t('mine.missing')]).map((name) => ({ name }));
  const [files, setFiles] = useState<Record<number, PickedFile>>({});
  const [note, setNote] = useState('');
  const [reusable, setReusable] = useState<CitizenDocument[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const noteId = useId();
  useEffect(() => {
    api.documents().then(setReusable, () => setReusable([]));
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const documents: SubmittedDocument[] = slots.flatMap((s, i) => {
      const f = files[i];
      return f ? [{ componentCode: `supply-${i + 1}`, componentName: s.name, sha256: f.sha256, fileName: f.fileName, ...(f.reused ? { reused: true } : {}) }] : [];
    });
    if (!documents.length) {
      setError({ status: 400, code: 'LOCAL', message: 'Vui lòng tải lên ít nhất một giấy tờ.', messageEn: 'Please upload at least one document.' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.supply(dossier.id, { version: dossier.version, documents, ...(note.trim() ? { note: note.trim() } : {}) });
      setSent(true);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (sent) return <p className="notice notice-good" role="status">{t('mine.supplementSent')}</p>;
  return (
    <section className="card card-warn" aria-labelledby="supply-title">
      <h2 id="supply-title">{t('mine.supplement')}</h2>
      {officerNote && <p>{officerNote}</p>}
      <p className="hint">{t('mine.supplementIntro')}</p>
      <form onSubmit={submit}>
        {slots.map((s, i) => (
          <div key={i} className="slot">
            <FileField
              label={s.name}
              value={files[i] ?? null}
              reusable={reusable}
              onChange={(v) =>
                setFiles((f) => {
                  const n = { ...f };
                  if (v) n[i] = v;
                  else delete n[i];
                  return n;
                })
              }
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor={noteId}>
            {t('mine.supplementNote')} {t('common.optional')}
          </label>
          <textarea id={noteId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {t('mine.supplementSend')}
        </button>
      </form>
    </section>
  );
}

function Pay({ dossier, amount }: { dossier: CitizenDossier; amount: number }) {
  const { t, lang } = useLang();
  const [intent, setIntent] = useState<PaymentIntent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  const get = async () => {
    setBusy(true);
    setError(null);
    try {
      setIntent(await api.paymentIntent(dossier.id));
    } catch (e) {
      if (isNotImplemented(e) || (isApiError(e) && e.code === 'NOTHING_TO_PAY')) setHidden(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('mine.pay')}</h2>
      {amount > 0 && !intent && (
        <p>
          {t('mine.payAmount')}: <strong>{fmtMoney(amount, lang)}</strong>
        </p>
      )}
      {intent ? (
        <div className="pay">
          <p>{t('mine.payIntro')}</p>
          <img className="qr" src={intent.vietqr.dataUrl} alt={t('mine.payQrAlt', { amount: fmtMoney(intent.amountVnd, lang) })} width={240} height={240} />
          <dl className="facts">
            <div>
              <dt>{t('mine.payAmount')}</dt>
              <dd className="strong">{fmtMoney(intent.amountVnd, lang)}</dd>
            </div>
            <div>
              <dt>{t('mine.payRef')}</dt>
              <dd className="code">{intent.reference}</dd>
            </div>
            {intent.account && (
              <div>
                <dt>{t('mine.payAccount')}</dt>
                <dd>
                  {intent.account.bankName} · <span className="code">{intent.account.accountNumber}</span>
                  <br />
                  {intent.account.accountName}
                </dd>
              </div>
            )}
          </dl>
        </div>
      ) : (
        <button type="button" className="btn btn-primary btn-block" onClick={() => void get()} disabled={busy}>
          {t('mine.payButton')}
        </button>
      )}
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}

const REASONS = ['late', 'attitude', 'extraDocs', 'unclear'] as const;

function Rate({ dossier, onDone }: { dossier: CitizenDossier; onDone: () => void }) {
  const { t } = useLang();
  const [rating, setRating] = useState<'satisfied' | 'neutral' | 'dissatisfied' | ''>('');
  const [reasons, setReasons] = useState<(typeof REASONS)[number][]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const commentId = useId();
  if (done) return <p className="notice notice-good" role="status">{t('mine.rate.thanks')}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rating || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.rate(dossier.id, { rating, ...(reasons.length ? { reasons: reasons.map((r) => tp(`mine.rate.${r}`, 'vi')) } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setDone(true);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="rate-title">
      <form onSubmit={submit}>
        <fieldset className="choices rating">
          <legend id="rate-title">{t('mine.rate')}</legend>
          {(['satisfied', 'neutral', 'dissatisfied'] as const).map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="rating" value={r} checked={rating === r} onChange={() => setRating(r)} />
              <span>{t(`mine.rate.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        {rating && rating !== 'satisfied' && (
          <fieldset className="choices">
            <legend>{t('mine.rate.reasons')}</legend>
            {REASONS.map((r) => (
              <label key={r} className="choice">
                <input
                  type="checkbox"
                  checked={reasons.includes(r)}
                  onChange={(e) => setReasons((x) => (e.target.checked ? [...x, r] : x.filter((y) => y !== r)))}
                />
                <span>{t(`mine.rate.${r}`)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {rating && (
          <div className="field">
            <label htmlFor={commentId}>
              {t('mine.rate.comment')} {t('common.optional')}
            </label>
            <textarea id={commentId} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} />
          </div>
        )}
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" className="btn btn-primary btn-block" disabled={!rating || busy}>
          {t('mine.rate.send')}
        </button>
      </form>
    </section>
  );
}

type ResultSignatureView = NonNullable<NonNullable<CitizenDossier['results']>[number]['signature']>;

/** What a verifier says of the result file: who signed it and when, valid or not (the server verified the stored file). */
function ResultSignature({ signature }: { signature: ResultSignatureView }) {
  const { t, lang } = useLang();
  if (signature.status === 'unsigned') return <p className="notice notice-warn" data-testid="result-signature">{t('mine.results.unsigned')}</p>;
  const tone = signature.status === 'valid' ? 'notice-good' : signature.status === 'untrusted' ? 'notice-warn' : 'notice-error';
  return (
    <div className={`notice ${tone}`} data-testid="result-signature" data-status={signature.status}>
      <strong>{signature.statusLabel[lang]}</strong>
      <ul className="plain">
        {signature.signers.map((s, i) => (
          <li key={i}>{t('mine.results.signedBy', { name: s.name ?? '—', time: s.signedAt ? fmtDateTime(s.signedAt, lang) : '—' })}</li>
        ))}
      </ul>
      <Link to="/kiem-tra-chu-ky">{t('mine.results.verify')}</Link>
    </div>
  );
}

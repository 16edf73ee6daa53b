/**
 * Apply online: sign in (one-time code) → documents (an e-form generated from the procedure's components,
 * uploads checked here, reuse of earlier uploads) → applicant → how to receive the result → review and submit.
 * The draft (including the Idempotency-Key created when the form first opens) lives in localStorage, so a
 * reload loses nothing and a resubmission after a reload cannot create a second dossier.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { DossierComponent } from '../../core/catalog/types.ts';
import {
  api,
  isApiError,
  type ApplicantInput,
  type CitizenDocument,
  type CitizenDossier,
  type PublicProcedure,
  type ResultMethod,
  type SubmittedDocument,
} from '../api.ts';
import { FileField, type PickedFile } from '../components/FileField.tsx';
import { SignIn } from '../components/SignIn.tsx';
import { ComingSoon, ErrorBox, Loading } from '../components/Status.tsx';
import { useLang, useSession } from '../context.tsx';
import { fmtDateTime, maskId, randomKey, stripBullet } from '../format.ts';
import { useTitle } from '../useTitle.ts';
import { compKey, draftKey, firstInvalidStep, newDraft, parseDraft, STEPS, submitBody, submittedDocuments, validateStep as checkStep, type Draft } from './apply-form.ts';
import { groupComponents } from './Procedure.tsx';

const freshDraft = () => newDraft(randomKey(), new Date());

function loadDraft(code: string): Draft | null {
  try {
    return parseDraft(localStorage.getItem(draftKey(code)), freshDraft());
  } catch {
    return null;
  }
}

type Errors = Partial<Record<'agency' | 'docs' | 'fullName' | 'idNumber' | 'phone' | 'email' | 'postal' | 'pledge', string>>;

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, hint: boolean, error: string | undefined) =>
  [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;

export function ApplyPage() {
  const { code = '' } = useParams();
  const { t, lang } = useLang();
  const session = useSession();
  const [proc, setProc] = useState<PublicProcedure | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(() => {
    const d = loadDraft(code);
    return d ?? freshDraft();
  });
  const [errors, setErrors] = useState<Errors>({});
  const [reusable, setReusable] = useState<CitizenDocument[]>([]);
  const [pledge, setPledge] = useState(false);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [done, setDone] = useState<CitizenDossier | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const uid = useId();
  useTitle(proc ? `${t('apply.title')} — ${proc.name}` : t('apply.title'));

  useEffect(() => {
    const d = loadDraft(code);
    if (d) setRestoredAt(d.savedAt);
    api.procedure(code).then(setProc, setLoadError);
  }, [code]);

  // Persist every change (the draft survives a reload); the first save also fixes the Idempotency-Key.
  useEffect(() => {
    if (done) return;
    try {
      localStorage.setItem(draftKey(code), JSON.stringify(draft));
    } catch {
      /* storage full or private mode: the form still works */
    }
  }, [draft, code, done]);

  // Prefill the applicant from the signed-in citizen; load earlier uploads for reuse.
  useEffect(() => {
    if (session.status !== 'signed-in' || !session.citizen) return;
    const c = session.citizen;
    setDraft((d) => ({
      ...d,
      applicant: {
        ...d.applicant,
        fullName: d.applicant.fullName || c.fullName || '',
        phone: d.applicant.phone || (c.contact.includes('@') ? '' : c.contact),
        email: d.applicant.email || (c.contact.includes('@') ? c.contact : ''),
      },
    }));
    api.documents().then(setReusable, () => setReusable([]));
  }, [session.status, session.citizen]);

  useEffect(() => {
    if (proc && !draft.agencyId && proc.agencies.length === 1) setDraft((d) => ({ ...d, agencyId: proc.agencies[0]!.id }));
  }, [proc, draft.agencyId]);

  const update = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch, savedAt: new Date().toISOString() })), []);
  const setApplicant = (k: keyof ApplicantInput, v: string) => setDraft((d) => ({ ...d, applicant: { ...d.applicant, [k]: v }, savedAt: new Date().toISOString() }));

  const goto = (step: number) => {
    update({ step });
    setRestoredAt(null);
    setErrors({});
    window.scrollTo(0, 0);
    setTimeout(() => headingRef.current?.focus(), 0);
  };

  if (loadError !== null) return <ErrorBox error={loadError} />;
  if (!proc) return <Loading />;

  const components = proc.record.components;
  const online = proc.record.channels.some((c) => c.channel === 'online');
  if (proc.onlineLevel === 'none' || !online || proc.agencies.length === 0) {
    return (
      <>
        <h1>{t('apply.title')}</h1>
        <p className="lead">{proc.name}</p>
        <p className="notice notice-info">{t('apply.notOnline')}</p>
        <Link className="btn btn-secondary" to={`/thu-tuc/${encodeURIComponent(proc.code)}`}>
          {t('common.back')}
        </Link>
      </>
    );
  }

  if (done) return <Success dossier={done} />;

  const header = (
    <>
      <p className="eyebrow">{t('apply.title')}</p>
      <h1 className="h1-small">{proc.name}</h1>
    </>
  );

  if (unavailable || session.status === 'unavailable') {
    return (
      <>
        {header}
        <ComingSoon />
      </>
    );
  }
  if (session.status === 'unknown') {
    return (
      <>
        {header}
        <Loading />
      </>
    );
  }
  if (session.status !== 'signed-in') {
    return (
      <>
        {header}
        <Stepper current={-1} />
        <SignIn title={t('auth.title')} />
      </>
    );
  }

  const a = draft.applicant;
  const docsList = (): SubmittedDocument[] => submittedDocuments(draft, components);
  const eformCount = Object.values(draft.eforms).filter((v) => v.trim()).length;

  const validate = (step: number): Errors => {
    const e: Errors = {};
    for (const [field, key] of Object.entries(checkStep(step, draft, components))) e[field as keyof Errors] = t(key);
    return e;
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    const errs = validate(draft.step);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"], .field-error')?.focus?.(), 0);
      return;
    }
    goto(draft.step + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sendingRef.current) return;
    const invalid = firstInvalidStep(draft, components);
    if (invalid !== null) {
      goto(invalid);
      setErrors(validate(invalid));
      return;
    }
    if (!pledge) {
      setErrors({ pledge: t('apply.pledge') });
      return;
    }
    sendingRef.current = true;
    setSending(true);
    setSubmitError(null);
    try {
      const dossier = await api.submit(
        submitBody(draft, proc.code, components),
        draft.idemKey,
      );
      try {
        localStorage.removeItem(draftKey(code));
      } catch {
        /* ignore */
      }
      setDone(dossier);
      window.scrollTo(0, 0);
    } catch (err) {
      if (isApiError(err) && err.code === 'IDEMPOTENCY_KEY_REUSED') update({ idemKey: randomKey() });
      if (isApiError(err) && err.status === 404 && /\/api\//.test(err.message)) setUnavailable(true);
      setSubmitError(err);
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const discard = () => {
    if (!window.confirm(t('apply.discardConfirm'))) return;
    setDraft(freshDraft());
    setRestoredAt(null);
    setPledge(false);
  };

  const agencyName = proc.agencies.find((x) => x.id === draft.agencyId)?.name ?? '';
  const stepTitle = t(STEPS[draft.step] ?? 'apply.step.docs');

  return (
    <>
      {header}
      <p className="signed-in">
        {t('auth.signedInAs', { name: session.citizen?.fullName || session.citizen?.contact || '' })}
      </p>
      {restoredAt && (
        <div className="notice notice-info" role="status">
          <p>{t('apply.draftRestored', { at: fmtDateTime(restoredAt, lang) })}</p>
          <button type="button" className="btn btn-link" onClick={discard}>
            {t('apply.discard')}
          </button>
        </div>
      )}
      <Stepper current={draft.step} />
      <form className="card" onSubmit={draft.step === 3 ? submit : next} noValidate>
        <h2 ref={headingRef} tabIndex={-1} className="step-title">
          <span className="step-count">{t('apply.stepOf', { n: draft.step + 2, total: STEPS.length + 1 })}</span> {stepTitle}
        </h2>

        {draft.step === 0 && (
          <>
            {proc.agencies.length > 1 ? (
              <Field id={`${uid}-agency`} label={t('apply.agency')} error={errors.agency}>
                <select
                  id={`${uid}-agency`}
                  value={draft.agencyId}
                  onChange={(e) => update({ agencyId: e.target.value })}
                  aria-invalid={!!errors.agency || undefined}
                  aria-describedby={describedBy(`${uid}-agency`, false, errors.agency)}
                >
                  <option value="">{t('apply.agencyPick')}</option>
                  {proc.agencies.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </Field>
            ) : (
              <p>
                <strong>{t('apply.agency')}:</strong> {agencyName}
              </p>
            )}
            <p className="hint">{t('apply.docsIntro')}</p>
            {groupComponents(components).map((g, gi) => (
              <fieldset key={gi} className="group">
                {g.caseName && g.caseName !== '-' ? <legend>{g.caseName.replace(/^\*\s*/, '')}</legend> : <legend className="visually-hidden">{t('proc.components')}</legend>}
                {g.items.map((c) => {
                  const i = components.indexOf(c);
                  return (
                    <ComponentSlot
                      key={i}
                      c={c}
                      value={draft.docs[compKey(i)] ?? null}
                      eform={draft.eforms[compKey(i)]}
                      reusable={reusable}
                      onFile={(v) =>
                        setDraft((d) => {
                          const docs = { ...d.docs };
                          if (v) docs[compKey(i)] = v;
                          else delete docs[compKey(i)];
                          return { ...d, docs, savedAt: new Date().toISOString() };
                        })
                      }
                      onEform={(v) =>
                        setDraft((d) => {
                          const eforms = { ...d.eforms };
                          if (v === undefined) delete eforms[compKey(i)];
                          else eforms[compKey(i)] = v;
                          return { ...d, eforms, savedAt: new Date().toISOString() };
                        })
                      }
                    />
                  );
                })}
              </fieldset>
            ))}
            <Field id={`${uid}-request`} label={`${t('apply.request')} ${t('common.optional')}`} hint={t('apply.requestHint')}>
              <textarea id={`${uid}-request`} rows={3} value={draft.request} onChange={(e) => update({ request: e.target.value })} aria-describedby={`${uid}-request-hint`} />
            </Field>
            {errors.docs && (
              <p className="field-error" role="alert" tabIndex={-1}>
                {errors.docs}
              </p>
            )}
          </>
        )}

        {draft.step === 1 && (
          <>
            <Field id={`${uid}-name`} label={t('apply.fullName')} error={errors.fullName}>
              <input
                id={`${uid}-name`}
                type="text"
                autoComplete="name"
                value={a.fullName}
                onChange={(e) => setApplicant('fullName', e.target.value)}
                aria-invalid={!!errors.fullName || undefined}
                aria-describedby={describedBy(`${uid}-name`, false, errors.fullName)}
                required
              />
            </Field>
            <Field id={`${uid}-id`} label={t('apply.idNumber')} hint={t('apply.idHint')} error={errors.idNumber}>
              <input
                id={`${uid}-id`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={14}
                value={a.idNumber}
                onChange={(e) => setApplicant('idNumber', e.target.value.replace(/[^\d\s]/g, ''))}
                aria-invalid={!!errors.idNumber || undefined}
                aria-describedby={describedBy(`${uid}-id`, true, errors.idNumber)}
                required
              />
            </Field>
            <Field id={`${uid}-phone`} label={t('apply.phone')} error={errors.phone}>
              <input
                id={`${uid}-phone`}
                type="tel"
                inputMode="tel"
                autoComplete="tel-national"
                value={a.phone}
                onChange={(e) => setApplicant('phone', e.target.value)}
                aria-invalid={!!errors.phone || undefined}
                aria-describedby={describedBy(`${uid}-phone`, false, errors.phone)}
                required
              />
            </Field>
            <Field id={`${uid}-email`} label={`${t('apply.email')} ${t('common.optional')}`} error={errors.email}>
              <input
                id={`${uid}-email`}
                type="email"
                autoComplete="email"
                value={a.email}
                onChange={(e) => setApplicant('email', e.target.value)}
                aria-invalid={!!errors.email || undefined}
                aria-describedby={describedBy(`${uid}-email`, false, errors.email)}
              />
            </Field>
            <Field id={`${uid}-address`} label={`${t('apply.address')} ${t('common.optional')}`}>
              <textarea id={`${uid}-address`} rows={2} autoComplete="street-address" value={a.address} onChange={(e) => setApplicant('address', e.target.value)} />
            </Field>
          </>
        )}

        {draft.step === 2 && (
          <>
            <fieldset className="choices">
              <legend>{t('apply.resultMethod')}</legend>
              {(['online', 'desk', 'postal'] as const).map((m) => (
                <label key={m} className="choice">
                  <input type="radio" name="resultMethod" value={m} checked={draft.resultMethod === m} onChange={() => update({ resultMethod: m, ...(m === 'postal' && !draft.postalAddress ? { postalAddress: a.address } : {}) })} />
                  <span>{t(`apply.result.${m}`)}</span>
                </label>
              ))}
            </fieldset>
            {draft.resultMethod === 'postal' && (
              <Field id={`${uid}-postal`} label={t('apply.postalAddress')} hint={t('apply.postalHint')} error={errors.postal}>
                <textarea
                  id={`${uid}-postal`}
                  rows={3}
                  autoComplete="street-address"
                  value={draft.postalAddress}
                  onChange={(e) => update({ postalAddress: e.target.value })}
                  aria-invalid={!!errors.postal || undefined}
                  aria-describedby={describedBy(`${uid}-postal`, true, errors.postal)}
                  required
                />
              </Field>
            )}
          </>
        )}

        {draft.step === 3 && (
          <>
            <p>{t('apply.review')}</p>
            <dl className="review">
              <ReviewRow label={t('apply.agency')} onEdit={() => goto(0)}>
                {agencyName}
              </ReviewRow>
              <ReviewRow label={t('apply.step.docs')} onEdit={() => goto(0)}>
                <ul className="plain">
                  {docsList().map((d) => (
                    <li key={d.componentCode + d.sha256}>
                      {d.fileName} <span className="hint">— {d.componentName}</span>
                    </li>
                  ))}
                  {eformCount > 0 && <li>{t('proc.eform')}: {eformCount}</li>}
                </ul>
              </ReviewRow>
              <ReviewRow label={t('apply.step.applicant')} onEdit={() => goto(1)}>
                {a.fullName}
                <br />
                {t('apply.idNumber')}: {maskId(a.idNumber)}
                <br />
                {a.phone}
                {a.email && (
                  <>
                    <br />
                    {a.email}
                  </>
                )}
                {a.address && (
                  <>
                    <br />
                    {a.address}
                  </>
                )}
              </ReviewRow>
              <ReviewRow label={t('apply.step.result')} onEdit={() => goto(2)}>
                {t(`apply.result.${draft.resultMethod}`)}
                {draft.resultMethod === 'postal' && (
                  <>
                    <br />
                    {draft.postalAddress}
                  </>
                )}
              </ReviewRow>
            </dl>
            <label className="choice pledge">
              <input type="checkbox" checked={pledge} onChange={(e) => setPledge(e.target.checked)} aria-invalid={!!errors.pledge || undefined} />
              <span>{t('apply.pledge')}</span>
            </label>
            {submitError !== null && (unavailable ? <ComingSoon /> : <ErrorBox error={submitError} />)}
          </>
        )}

        <div className="form-actions">
          {draft.step > 0 && (
            <button type="button" className="btn btn-secondary" onClick={() => goto(draft.step - 1)} disabled={sending}>
              {t('common.back')}
            </button>
          )}
          {draft.step < 3 ? (
            <button type="submit" className="btn btn-primary">
              {t('common.next')}
            </button>
          ) : (
            <button type="submit" className="btn btn-primary" disabled={sending || !pledge} aria-busy={sending || undefined}>
              {sending ? t('apply.submitting') : t('apply.submit')}
            </button>
          )}
        </div>
        {Object.keys(errors).length > 0 && draft.step < 3 && (
          <p className="field-error" role="alert">
            {t('apply.fixErrors')}
          </p>
        )}
      </form>
      <p className="hint center">{t('apply.draftSaved')}</p>
    </>
  );
}

function ReviewRow({ label, onEdit, children }: { label: string; onEdit: () => void; children: ReactNode }) {
  const { t } = useLang();
  return (
    <div className="review-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      <dd className="review-edit">
        <button type="button" className="btn btn-link" onClick={onEdit} aria-label={`${t('common.edit')}: ${label}`}>
          {t('common.edit')}
        </button>
      </dd>
    </div>
  );
}

function ComponentSlot({
  c,
  value,
  eform,
  reusable,
  onFile,
  onEform,
}: {
  c: DossierComponent;
  value: PickedFile | null;
  eform: string | undefined;
  reusable: CitizenDocument[];
  onFile: (v: PickedFile | null) => void;
  onEform: (v: string | undefined) => void;
}) {
  const { t } = useLang();
  const id = useId();
  const counts = c.originalCount > 0 || c.copyCount > 0 ? t('proc.counts', { orig: c.originalCount, copy: c.copyCount }) : undefined;
  return (
    <div className="slot">
      <FileField label={stripBullet(c.name)} {...(counts ? { hint: counts } : {})} value={value} onChange={onFile} reusable={reusable} />
      {c.hasEForm && (
        <>
          <label className="choice">
            <input type="checkbox" checked={eform !== undefined} onChange={(e) => onEform(e.target.checked ? '' : undefined)} />
            <span>{t('apply.eform')}</span>
          </label>
          {eform !== undefined && (
            <div className="field">
              <label htmlFor={id}>{stripBullet(c.name)}</label>
              <textarea id={id} rows={5} value={eform} onChange={(e) => onEform(e.target.value)} aria-describedby={`${id}-hint`} />
              <p id={`${id}-hint`} className="hint">
                {t('apply.eformHint')}
              </p>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Stepper({ current }: { current: number }) {
  const { t } = useLang();
  const all = ['apply.step.signin', ...STEPS] as const;
  return (
    <ol className="stepper" aria-label={t('apply.title')}>
      {all.map((k, i) => {
        const state = i - 1 < current ? 'done' : i - 1 === current ? 'current' : 'todo';
        return (
          <li key={k} className={`stepper-item ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="stepper-n" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="stepper-label">{t(k)}</span>
          </li>
        );
      })}
    </ol>
  );
}

function Success({ dossier }: { dossier: CitizenDossier }) {
  const { t } = useLang();
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card success" aria-labelledby="success-title">
      <p className="success-icon" aria-hidden="true">
        ✓
      </p>
      <h1 id="success-title" ref={headingRef} tabIndex={-1}>
        {t('apply.success')}
      </h1>
      <p>{t('apply.successCode')}</p>
      <p className="big-code">{dossier.code ?? '—'}</p>
      {dossier.code && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(dossier.code ?? '').then(() => setCopied(true));
          }}
        >
          {copied ? t('apply.copied') : t('apply.copy')}
        </button>
      )}
      {dossier.trackingSecret && (
        <p>
          {t('apply.successSecret')}: <strong className="code">{dossier.trackingSecret}</strong>
        </p>
      )}
      <p>{t('apply.successText')}</p>
      <p className="actions">
        <Link className="btn btn-primary" to={`/ho-so-cua-toi/${encodeURIComponent(dossier.id)}`}>
          {t('apply.seeDossier')}
        </Link>
        <Link className="btn btn-secondary" to="/">
          {t('common.home')}
        </Link>
      </p>
    </section>
  );
}

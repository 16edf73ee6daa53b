/**
 * Apply online: sign in (one-time code) → documents (an e-form generated from the procedure's components,
 * uploads checked here, reuse of earlier uploads) → applicant → how to receive the result → review and submit.
 * The draft (including the Idempotency-Key created when the form first opens) lives in localStorage, so a
 * reload loses nothing and a resubmission after a reload cannot create a second dossier.
 * The form's rules are in apply-form.ts, the draft in apply/useApplyDraft.ts, one component per step in apply/.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, isApiError, type CitizenDossier, type PublicProcedure } from '../api.ts';
import { SignIn } from '../components/SignIn.tsx';
import { ComingSoon, ErrorBox, Loading } from '../components/Status.tsx';
import { useLang, useSession } from '../context.tsx';
import { fmtDateTime, randomKey } from '../format.ts';
import { useTitle } from '../useTitle.ts';
import { ApplicantStep } from './apply/ApplicantStep.tsx';
import { DocsStep } from './apply/DocsStep.tsx';
import type { Errors } from './apply/Field.tsx';
import { ResultStep } from './apply/ResultStep.tsx';
import { ReviewStep } from './apply/ReviewStep.tsx';
import { Stepper } from './apply/Stepper.tsx';
import { Success } from './apply/Success.tsx';
import { forgetDraft, useApplyDraft } from './apply/useApplyDraft.ts';
import { firstInvalidStep, STEPS, submitBody, validateStep as checkStep } from './apply-form.ts';

export function ApplyPage() {
  const { code = '' } = useParams();
  const { t, lang } = useLang();
  const session = useSession();
  const [proc, setProc] = useState<PublicProcedure | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [pledge, setPledge] = useState(false);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [done, setDone] = useState<CitizenDossier | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const uid = useId();
  const { draft, update, setApplicant, setDoc, setEform, discard, restoredAt, clearRestored, reusable } = useApplyDraft(code, proc, done !== null);
  useTitle(proc ? `${t('apply.title')} — ${proc.name}` : t('apply.title'));

  useEffect(() => {
    api.procedure(code).then(setProc, setLoadError);
  }, [code]);

  const goto = (step: number) => {
    update({ step });
    clearRestored();
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
      const dossier = await api.submit(submitBody(draft, proc.code, components), draft.idemKey);
      forgetDraft(code);
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

  const onDiscard = () => {
    if (!window.confirm(t('apply.discardConfirm'))) return;
    discard();
    setPledge(false);
  };

  const agencyName = proc.agencies.find((x) => x.id === draft.agencyId)?.name ?? '';
  const stepTitle = t(STEPS[draft.step] ?? 'apply.step.docs');

  return (
    <>
      {header}
      <p className="signed-in">{t('auth.signedInAs', { name: session.citizen?.fullName || session.citizen?.contact || '' })}</p>
      {restoredAt && (
        <div className="notice notice-info" role="status">
          <p>{t('apply.draftRestored', { at: fmtDateTime(restoredAt, lang) })}</p>
          <button type="button" className="btn btn-link" onClick={onDiscard}>
            {t('apply.discard')}
          </button>
        </div>
      )}
      <Stepper current={draft.step} />
      <form className="card" onSubmit={draft.step === 3 ? submit : next} noValidate>
        <h2 ref={headingRef} tabIndex={-1} className="step-title">
          <span className="step-count">{t('apply.stepOf', { n: draft.step + 2, total: STEPS.length + 1 })}</span> {stepTitle}
        </h2>
        {draft.step === 0 && <DocsStep uid={uid} proc={proc} draft={draft} errors={errors} reusable={reusable} update={update} setDoc={setDoc} setEform={setEform} />}
        {draft.step === 1 && <ApplicantStep uid={uid} applicant={draft.applicant} errors={errors} setApplicant={setApplicant} />}
        {draft.step === 2 && <ResultStep uid={uid} draft={draft} errors={errors} update={update} />}
        {draft.step === 3 && (
          <ReviewStep draft={draft} components={components} agencyName={agencyName} errors={errors} pledge={pledge} onPledge={setPledge} submitError={submitError} unavailable={unavailable} goto={goto} />
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

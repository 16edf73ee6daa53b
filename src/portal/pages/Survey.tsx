/**
 * A survey-run questionnaire (/dich-vu-cong/khao-sat/:token), opened by the link or QR code handed to a sampled
 * respondent: phone first, no account, one answer per question, sent once; a thank-you state, and the right words
 * for a link already answered, closed or unknown.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import type { PortalKey } from '../../core/i18n/portal.ts';
import { api, isApiError, type Questionnaire } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { useTitle } from '../useTitle.ts';

const PROBLEMS: Record<string, PortalKey> = { PAR_SURVEY_ANSWERED: 'survey.already', PAR_SURVEY_CLOSED: 'survey.closed', PAR_SURVEY_LINK_NOT_FOUND: 'survey.notFound', VALIDATION_FAILED: 'survey.notFound' };

export function SurveyPage() {
  const { t } = useLang();
  const { token = '' } = useParams();
  const [q, setQ] = useState<Questionnaire | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<PortalKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useTitle(t('survey.title'));

  const fail = (e: unknown) => {
    const k = isApiError(e) ? PROBLEMS[e.code] : undefined;
    if (k) setProblem(k);
    else setError(e);
  };

  useEffect(() => {
    api.questionnaire(token).then((x) => {
      setQ(x);
      if (x.answered) setProblem('survey.already');
      else if (!x.open) setProblem('survey.closed');
    }, fail);
  }, [token]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!q) return;
    const left = q.questions.filter((x) => !answers[x.nodeCode]).length;
    setMissing(left || null);
    if (left) return;
    setBusy(true);
    setError(null);
    try {
      await api.answerQuestionnaire(token, q.questions.map((x) => ({ nodeCode: x.nodeCode, letter: answers[x.nodeCode]! })));
      setDone(true);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <section className="card" data-testid="survey-thanks">
        <h1>{t('survey.title')}</h1>
        <p className="notice notice-good" role="status">
          {t('survey.thanks')}
        </p>
      </section>
    );
  if (problem)
    return (
      <section className="card">
        <h1>{t('survey.title')}</h1>
        <p className="notice notice-info" role="status" data-testid="survey-problem">
          {t(problem)}
        </p>
      </section>
    );
  if (error !== null) return <ErrorBox error={error} />;
  if (!q) return <Loading />;
  return (
    <>
      <h1>{t('survey.title')}</h1>
      <p className="code-title">{t(`survey.group.${q.group}`)}</p>
      <p>{t('survey.intro', { year: q.round.year, unit: q.agency.name })}</p>
      <form onSubmit={send} noValidate data-testid="survey-form">
        {q.questions.map((x, i) => (
          <fieldset key={x.nodeCode} className="choices card" data-testid={`survey-q-${x.nodeCode}`}>
            <legend>{t('survey.question', { n: i + 1, text: x.text })}</legend>
            {x.letters.map((l) => (
              <label key={l} className="choice">
                <input type="radio" name={`q-${x.nodeCode}`} value={l} checked={answers[x.nodeCode] === l} onChange={() => { setAnswers((a) => ({ ...a, [x.nodeCode]: l })); setMissing(null); }} />
                <span>
                  {l}. {t(`survey.letter.${l}` as PortalKey)}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        {missing !== null && (
          <p className="notice notice-error" role="alert" data-testid="survey-missing">
            {t('survey.missing', { count: missing })}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="survey-submit">
          {t('survey.submit')}
        </button>
      </form>
    </>
  );
}

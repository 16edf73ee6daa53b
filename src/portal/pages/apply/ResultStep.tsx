/** Step "result": online, at the desk or by post (the postal address starts from the applicant's address). */
import { useLang } from '../../context.tsx';
import type { Draft } from '../apply-form.ts';
import { describedBy, Field, type Errors } from './Field.tsx';

export function ResultStep({ uid, draft, errors, update }: { uid: string; draft: Draft; errors: Errors; update: (patch: Partial<Draft>) => void }) {
  const { t } = useLang();
  return (
    <>
      <fieldset className="choices">
        <legend>{t('apply.resultMethod')}</legend>
        {(['online', 'desk', 'postal'] as const).map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="resultMethod" value={m} checked={draft.resultMethod === m} onChange={() => update({ resultMethod: m, ...(m === 'postal' && !draft.postalAddress ? { postalAddress: draft.applicant.address } : {}) })} />
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
  );
}

/** Step "review": what will be sent, each part with a link back to its step, the pledge, and a failed submission. */
import type { ReactNode } from 'react';
import type { DossierComponent } from '../../../core/catalog/types.ts';
import { ComingSoon, ErrorBox } from '../../components/Status.tsx';
import { useLang } from '../../context.tsx';
import { maskId } from '../../format.ts';
import { submittedDocuments, type Draft } from '../apply-form.ts';
import type { Errors } from './Field.tsx';

export function ReviewStep({
  draft,
  components,
  agencyName,
  errors,
  pledge,
  onPledge,
  submitError,
  unavailable,
  goto,
}: {
  draft: Draft;
  components: readonly DossierComponent[];
  agencyName: string;
  errors: Errors;
  pledge: boolean;
  onPledge: (v: boolean) => void;
  submitError: unknown;
  unavailable: boolean;
  goto: (step: number) => void;
}) {
  const { t } = useLang();
  const a = draft.applicant;
  const eformCount = Object.values(draft.eforms).filter((v) => v.trim()).length;
  return (
    <>
      <p>{t('apply.review')}</p>
      <dl className="review">
        <ReviewRow label={t('apply.agency')} onEdit={() => goto(0)}>
          {agencyName}
        </ReviewRow>
        <ReviewRow label={t('apply.step.docs')} onEdit={() => goto(0)}>
          <ul className="plain">
            {submittedDocuments(draft, components).map((d) => (
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
        <input type="checkbox" checked={pledge} onChange={(e) => onPledge(e.target.checked)} aria-invalid={!!errors.pledge || undefined} />
        <span>{t('apply.pledge')}</span>
      </label>
      {submitError !== null && (unavailable ? <ComingSoon /> : <ErrorBox error={submitError} />)}
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

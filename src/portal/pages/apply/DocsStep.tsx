/**
 * Step "documents": the receiving agency (a choice when several), one slot per component grouped by case (upload,
 * reuse an earlier upload, or fill the e-form), and the request in the applicant's words.
 */
import { useId } from 'react';
import type { DossierComponent } from '../../../core/catalog/types.ts';
import type { CitizenDocument, PublicProcedure } from '../../api.ts';
import { FileField, type PickedFile } from '../../components/FileField.tsx';
import { useLang } from '../../context.tsx';
import { stripBullet } from '../../format.ts';
import { compKey, type Draft } from '../apply-form.ts';
import { groupComponents } from '../Procedure.tsx';
import { describedBy, Field, type Errors } from './Field.tsx';

export function DocsStep({
  uid,
  proc,
  draft,
  errors,
  reusable,
  update,
  setDoc,
  setEform,
}: {
  uid: string;
  proc: PublicProcedure;
  draft: Draft;
  errors: Errors;
  reusable: CitizenDocument[];
  update: (patch: Partial<Draft>) => void;
  setDoc: (i: number, v: PickedFile | null) => void;
  setEform: (i: number, v: string | undefined) => void;
}) {
  const { t } = useLang();
  const components = proc.record.components;
  const agencyName = proc.agencies.find((x) => x.id === draft.agencyId)?.name ?? '';
  return (
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
            return <ComponentSlot key={i} c={c} value={draft.docs[compKey(i)] ?? null} eform={draft.eforms[compKey(i)]} reusable={reusable} onFile={(v) => setDoc(i, v)} onEform={(v) => setEform(i, v)} />;
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

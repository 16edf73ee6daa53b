/** Step "applicant": name, 12-digit ID number, phone, and optionally e-mail and address. */
import type { ApplicantInput } from '../../api.ts';
import { useLang } from '../../context.tsx';
import { describedBy, Field, type Errors } from './Field.tsx';

export function ApplicantStep({ uid, applicant: a, errors, setApplicant }: { uid: string; applicant: ApplicantInput; errors: Errors; setApplicant: (k: keyof ApplicantInput, v: string) => void }) {
  const { t } = useLang();
  return (
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
  );
}

/** Where the applicant is: sign-in, then the steps of apply-form.ts STEPS (`current` -1 = signing in). */
import { useLang } from '../../context.tsx';
import { STEPS } from '../apply-form.ts';

export function Stepper({ current }: { current: number }) {
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

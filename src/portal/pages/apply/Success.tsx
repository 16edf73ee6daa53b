/** The application was received: its code (copyable), the tracking secret, and where to follow it. */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CitizenDossier } from '../../api.ts';
import { useLang } from '../../context.tsx';

export function Success({ dossier }: { dossier: CitizenDossier }) {
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

/** Small shared states: loading, error (with retry), "being rolled out". */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useLang } from '../context.tsx';

export function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('common.loading')}
    </p>
  );
}

export function ErrorBox({ error, onRetry, children }: { error?: unknown; onRetry?: () => void; children?: ReactNode }) {
  const { t, errText } = useLang();
  return (
    <div className="notice notice-error" role="alert">
      <p>{children ?? (error !== undefined ? errText(error) : t('common.error'))}</p>
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function ComingSoon() {
  const { t } = useLang();
  return (
    <div className="notice notice-info" role="status">
      <h2 className="notice-title">{t('common.comingSoon')}</h2>
      <p>{t('common.comingSoonText')}</p>
      <p className="actions">
        <Link className="btn btn-secondary" to="/tra-cuu">
          {t('nav.track')}
        </Link>
      </p>
    </div>
  );
}

/**
 * One document slot: pick a file (or take a photo), checked here before upload — PDF, JPEG or PNG by content,
 * at most 20 MB — then uploaded at once; or reuse a document uploaded before.
 */
import { useId, useState } from 'react';
import { api, type CitizenDocument } from '../api.ts';
import { useLang } from '../context.tsx';
import { fmtSize } from '../format.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export interface PickedFile {
  sha256: string;
  fileName: string;
  size?: number;
  reused?: boolean;
}

/** Reads the first bytes: %PDF, FF D8 FF (JPEG), 89 50 4E 47 (PNG). */
async function sniff(file: File): Promise<'pdf' | 'jpeg' | 'png' | null> {
  const b = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  return null;
}

export async function checkFile(file: File): Promise<'empty' | 'size' | 'type' | null> {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return (await sniff(file)) ? null : 'type';
}

export function FileField({
  label,
  hint,
  value,
  onChange,
  reusable,
}: {
  label: string;
  hint?: string;
  value: PickedFile | null;
  onChange: (v: PickedFile | null) => void;
  reusable: CitizenDocument[];
}) {
  const { t, errText } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showReuse, setShowReuse] = useState(false);
  const id = useId();

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const bad = await checkFile(file);
    if (bad) {
      setError(t(bad === 'size' ? 'apply.fileSize' : bad === 'empty' ? 'apply.fileEmpty' : 'apply.fileType', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      const r = await api.upload(file);
      onChange({ sha256: r.sha256, fileName: file.name, size: r.size ?? file.size });
    } catch (e) {
      setError(errText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="file-field">
      <p className="file-label" id={`${id}-label`}>
        {label}
      </p>
      {hint && <p className="hint">{hint}</p>}
      {value ? (
        <div className="file-chosen">
          <span className="file-ok" aria-hidden="true">
            ✓
          </span>
          <span className="file-name">
            {value.reused
              ? t('apply.reused', { name: value.fileName })
              : t('apply.uploaded', { name: value.fileName, size: value.size ? fmtSize(value.size) : '' })}
          </span>
          <button type="button" className="btn btn-link" onClick={() => onChange(null)} aria-label={`${t('common.remove')}: ${value.fileName}`}>
            {t('common.remove')}
          </button>
        </div>
      ) : (
        <>
          <label className="btn btn-secondary file-button" htmlFor={`${id}-input`}>
            {busy ? t('apply.uploading') : t('apply.upload')}
          </label>
          <input
            id={`${id}-input`}
            className="visually-hidden-input"
            type="file"
            accept={ACCEPT}
            disabled={busy}
            aria-describedby={`${id}-label${error ? ` ${id}-err` : ''}`}
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {reusable.length > 0 && !showReuse && (
            <button type="button" className="btn btn-link" onClick={() => setShowReuse(true)}>
              {t('apply.reuse')}
            </button>
          )}
          {reusable.length > 0 && showReuse && (
            <div className="field field-compact">
              <label htmlFor={`${id}-reuse`}>{t('apply.reuse')}</label>
              <select
                id={`${id}-reuse`}
                autoFocus
                value=""
                onChange={(e) => {
                  const d = reusable.find((x) => x.sha256 === e.target.value);
                  if (d) onChange({ sha256: d.sha256, fileName: d.fileName, ...(d.size ? { size: d.size } : {}), reused: true });
                }}
              >
                <option value="">{t('apply.reusePick')}</option>
                {reusable.map((d) => (
                  <option key={d.sha256} value={d.sha256}>
                    {d.fileName}
                    {d.source === 'result' && d.dossierCode ? ` — ${t('apply.fromResult', { code: d.dossierCode })}` : ''}
                    {d.size ? ` (${fmtSize(d.size)})` : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
        </>
      )}
      {busy && (
        <p className="hint" role="status">
          {t('apply.uploading')}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

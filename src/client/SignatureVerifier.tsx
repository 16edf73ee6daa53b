/**
 * Upload a PDF and read its signatures: who signed, when, with which certificate, whether the bytes are intact and
 * whether the document changed after signing. Plain React and semantic HTML, shared by the staff console
 * (POST /api/signatures/verify) and the citizen portal (POST /api/public/signatures/verify).
 */
import { useState, type FormEvent } from 'react';
import { request } from './http.ts';
import type { Lang } from './lang.tsx';
import { ts } from '../core/i18n/signatures.ts';
import { displayVietnam } from '../core/signing/time.ts';
import type { SignatureView, VerificationView } from '../core/signing/report.ts';

const COLOURS: Record<VerificationView['status'], string> = { valid: '#1b7a35', untrusted: '#a05a00', invalid: '#b00020', unsigned: '#555555' };
const day = (iso: string) => displayVietnam(new Date(iso)).slice(0, 10);

function Signature({ s, n, lang }: { s: SignatureView; n: number; lang: Lang }) {
  const yn = (b: boolean) => ts(b ? 'yes' : 'no', lang);
  return (
    <section className="sig-card" data-testid="signature" style={{ border: `2px solid ${COLOURS[s.status]}`, borderRadius: 8, padding: '0.75rem 1rem', margin: '0.75rem 0' }}>
      <h3 style={{ margin: '0 0 0.5rem', color: COLOURS[s.status] }}>
        {ts('signature', lang, { n })}: {s.statusLabel[lang]}
      </h3>
      <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(9rem, max-content) 1fr', gap: '0.25rem 1rem', margin: 0 }}>
        <dt>{ts('signer', lang)}</dt>
        <dd data-testid="signer">{s.signer?.commonName ?? s.signer?.subject ?? '—'}</dd>
        <dt>{ts('time', lang)}</dt>
        <dd data-testid="time">
          {s.signingTime ? `${displayVietnam(new Date(s.signingTime))} ${ts(s.timestampTime ? 'timeTsa' : 'timeClaimed', lang)}` : '—'}
        </dd>
        {s.reason && (
          <>
            <dt>{ts('reason', lang)}</dt>
            <dd>{s.reason}</dd>
          </>
        )}
        <dt>{ts('certificate', lang)}</dt>
        <dd style={{ wordBreak: 'break-word' }}>{s.signer?.subject ?? '—'}</dd>
        <dt>{ts('issuer', lang)}</dt>
        <dd style={{ wordBreak: 'break-word' }}>{s.signer?.issuer ?? '—'}</dd>
        <dt>{ts('serial', lang)}</dt>
        <dd style={{ wordBreak: 'break-all' }}>{s.signer?.serialNumber ?? '—'}</dd>
        <dt>{ts('validity', lang)}</dt>
        <dd>{s.signer ? `${day(s.signer.validFrom)} – ${day(s.signer.validTo)}` : '—'}</dd>
        <dt>{ts('intact', lang)}</dt>
        <dd data-testid="intact">{yn(s.intact)}</dd>
        <dt>{ts('coversRevision', lang)}</dt>
        <dd>{yn(s.coversRevision)}</dd>
        <dt>{ts('changedAfter', lang)}</dt>
        <dd data-testid="changed-after">{s.coversWholeDocument ? ts('noChange', lang) : ts('changedBy', lang, { revisions: s.revisionsAfter, signatures: s.signaturesAfter })}</dd>
        <dt>{ts('trusted', lang)}</dt>
        <dd>{yn(s.chainTrusted)}</dd>
      </dl>
      {s.problems.length > 0 && (
        <ul style={{ margin: '0.5rem 0 0', color: COLOURS[s.status] }}>
          {s.problems.map((p) => (
            <li key={p.code}>{p.label[lang]}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SignatureVerifier({ lang, endpoint, errText, headingLevel = 2 }: { lang: Lang; endpoint: string; errText: (e: unknown) => string; headingLevel?: 1 | 2 }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<VerificationView | null>(null);
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      setReport(await request<VerificationView>('POST', endpoint, { form }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="signature-verifier">
      <H>{ts('title', lang)}</H>
      <p>{ts('intro', lang)}</p>
      <form onSubmit={submit} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'flex-end' }}>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {ts('file', lang)}
          <input type="file" accept="application/pdf,.pdf" data-testid="verify-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!file || busy} data-testid="verify-submit">
          {busy ? ts('checking', lang) : ts('check', lang)}
        </button>
      </form>
      <p>
        <a href="/api/public/signatures/ca.pem">{ts('caLink', lang)}</a>
      </p>
      {error !== null && (
        <p role="alert" style={{ color: COLOURS.invalid }}>
          {errText(error)}
        </p>
      )}
      {report && (
        <div aria-live="polite" data-testid="verify-result">
          <p style={{ fontWeight: 700, color: COLOURS[report.status] }} data-testid="verify-status">
            {report.fileName ? `${report.fileName}: ` : ''}
            {report.statusLabel[lang]}
          </p>
          {report.signatures.map((s, i) => (
            <Signature key={i} s={s} n={i + 1} lang={lang} />
          ))}
        </div>
      )}
    </div>
  );
}

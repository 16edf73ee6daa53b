/** Sign-in with a one-time code sent to a mobile number or an e-mail address. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { api, isNotImplemented } from '../api.ts';
import { useLang, useSession } from '../context.tsx';
import { maskContact } from '../format.ts';
import { ComingSoon, ErrorBox } from './Status.tsx';

export function normaliseContact(raw: string): string | null {
  const s = raw.trim();
  if (s.includes('@')) return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s.toLowerCase() : null;
  let d = s.replace(/[\s.\-()]/g, '');
  if (d.startsWith('+84')) d = `0${d.slice(3)}`;
  else if (d.startsWith('84') && d.length === 11) d = `0${d.slice(2)}`;
  return /^0\d{9}$/.test(d) ? d : null;
}

export function SignIn({ title }: { title: string }) {
  const { t } = useLang();
  const { setCitizen, status } = useSession();
  const [contact, setContact] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [contactError, setContactError] = useState(false);
  const [demo, setDemo] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const ids = { contact: useId(), code: useId(), hint: useId(), err: useId() };

  if (unavailable || status === 'unavailable') return <ComingSoon />;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseContact(contact);
    setContactError(!c);
    if (!c) return;
    setBusy(true);
    setError(null);
    setDemo(null);
    // Demo servers expose outgoing messages (GET /api/dev/messages; absent in production): remember what is
    // there before sending, then show the code of the new message once the outbox has delivered it.
    const key = (m: { at: string; subject: string; body: string }) => `${m.at}|${m.subject}|${m.body}`;
    const before = await api.devMessages(c).then((m) => new Set(m.map(key)), () => null);
    try {
      await api.requestOtp(c);
      setSentTo(c);
      setCode('');
      setTimeout(() => codeRef.current?.focus(), 0);
      if (before) {
        void (async () => {
          for (let i = 0; i < 8; i++) {
            const fresh = (await api.devMessages(c).catch(() => [])).filter((m) => !before.has(key(m)));
            const found = fresh.map((m) => m.body.match(/\b\d{6}\b/)?.[0]).find(Boolean);
            if (found) return setDemo(found);
            await new Promise((r) => setTimeout(r, 600));
          }
        })();
      }
    } catch (err) {
      if (isNotImplemented(err)) setUnavailable(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (!sentTo) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(sentTo, code.trim());
      setCitizen(r.citizen);
    } catch (err) {
      if (isNotImplemented(err)) setUnavailable(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${ids.contact}-title`}>
      <h2 id={`${ids.contact}-title`}>{title}</h2>
      {!sentTo ? (
        <form onSubmit={send} noValidate>
          <p>{t('auth.intro')}</p>
          <div className="field">
            <label htmlFor={ids.contact}>{t('auth.contact')}</label>
            <input
              id={ids.contact}
              type="text"
              inputMode="email"
              autoComplete="username"
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              aria-describedby={contactError ? `${ids.hint} ${ids.err}` : ids.hint}
              aria-invalid={contactError || undefined}
              required
            />
            <p id={ids.hint} className="hint">
              {t('auth.contactHint')}
            </p>
            {contactError && (
              <p id={ids.err} className="field-error">
                {t('auth.contactInvalid')}
              </p>
            )}
          </div>
          {error !== null && <ErrorBox error={error} />}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {t('auth.send')}
          </button>
        </form>
      ) : (
        <form onSubmit={verify}>
          <p role="status">{t('auth.sent', { contact: maskContact(sentTo) })}</p>
          <div className="field">
            <label htmlFor={ids.code}>{t('auth.code')}</label>
            <input
              ref={codeRef}
              id={ids.code}
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              className="input-code"
              required
            />
          </div>
          {demo && (
            <p className="notice notice-info">
              {t('auth.demo')}: <strong>{demo}</strong>
            </p>
          )}
          {error !== null && <ErrorBox error={error} />}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || code.length !== 6}>
            {t('auth.verify')}
          </button>
          <button type="button" className="btn btn-link" onClick={() => setSentTo(null)}>
            {t('auth.resend')}
          </button>
        </form>
      )}
    </section>
  );
}

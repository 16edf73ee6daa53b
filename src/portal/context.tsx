/** Language and citizen-session contexts of the portal. */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { tp, PORTAL_DEFAULT_LANG, type Lang, type PortalKey } from '../core/i18n/portal.ts';
import { api, isApiError, isNotImplemented, type Citizen } from './api.ts';

const LANG_KEY = 'motcua.portal.lang';

interface LangCtx {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: PortalKey, params?: Record<string, unknown>) => string;
  /** The API error's message in the current language. */
  errText: (e: unknown) => string;
}

const LangContext = createContext<LangCtx | null>(null);

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v === 'en' || v === 'vi' ? v : PORTAL_DEFAULT_LANG;
  } catch {
    return PORTAL_DEFAULT_LANG;
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      /* private mode */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<LangCtx>(
    () => ({
      lang,
      setLang,
      t: (key, params) => tp(key, lang, params),
      errText: (e) => {
        if (isApiError(e)) return lang === 'vi' ? e.message : e.messageEn;
        return tp('common.error', lang);
      },
    }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangCtx {
  const c = useContext(LangContext);
  if (!c) throw new Error('useLang outside LangProvider');
  return c;
}

/** 'unknown' while the first /citizen/me is in flight; 'unavailable' when the citizen API is not deployed. */
export type SessionStatus = 'unknown' | 'anonymous' | 'signed-in' | 'unavailable';

interface SessionCtx {
  status: SessionStatus;
  citizen: Citizen | null;
  setCitizen: (c: Citizen | null) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionCtx | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('unknown');
  const [citizen, setCitizenState] = useState<Citizen | null>(null);
  const setCitizen = useCallback((c: Citizen | null) => {
    setCitizenState(c);
    setStatus(c ? 'signed-in' : 'anonymous');
  }, []);
  const pending = useRef<Promise<void> | null>(null);
  const load = useCallback(async () => {
    try {
      setCitizen(await api.me());
    } catch (e) {
      if (isNotImplemented(e)) {
        setCitizenState(null);
        setStatus('unavailable');
      } else setCitizen(null);
    }
  }, [setCitizen]);
  // Concurrent callers share one /citizen/me request.
  const refresh = useCallback(() => {
    pending.current ??= load().finally(() => {
      pending.current = null;
    });
    return pending.current;
  }, [load]);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      /* the cookie may already be gone */
    }
    setCitizen(null);
  }, [setCitizen]);
  const value = useMemo(() => ({ status, citizen, setCitizen, refresh, logout }), [status, citizen, setCitizen, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The citizen session; the first call checks /citizen/me (only pages that need it pay for the request). */
export function useSession(): SessionCtx {
  const c = useContext(SessionContext);
  if (!c) throw new Error('useSession outside SessionProvider');
  const { status, refresh } = c;
  useEffect(() => {
    if (status === 'unknown') void refresh();
  }, [status, refresh]);
  return c;
}

/** Language and citizen-session contexts of the portal. */
import { createLangContext } from '../client/lang.tsx';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { tp, PORTAL_DEFAULT_LANG, type Lang, type PortalKey } from '../core/i18n/portal.ts';
import { api, isApiError, isNotImplemented, type Citizen } from './api.ts';

const lang = createLangContext<PortalKey>({ storageKey: 'motcua.portal.lang', defaultLang: PORTAL_DEFAULT_LANG, translate: tp, errorKey: 'common.error' });
export const LangProvider = lang.LangProvider;
export const useLang = lang.useLang;

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

/** Language and session contexts of the staff console. */
import { createLangContext } from '../client/lang.tsx';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { t as translate, DEFAULT_LANG, type Lang, type UiKey } from '../core/i18n/ui.ts';
import { api, isApiError, UNAUTHENTICATED_EVENT, type ApiError, type Me } from './api.ts';

const lang = createLangContext<UiKey>({ storageKey: 'motcua.lang', defaultLang: DEFAULT_LANG, translate: translate, errorKey: 'common.error' });
export const LangProvider = lang.LangProvider;
export const useLang = lang.useLang;

interface SessionCtx {
  me: Me | null;
  /** true until the first /auth/me answer. */
  loading: boolean;
  /** Asks the API who is signed in (once); protected pages call it. */
  ensure: () => void;
  setMe: (me: Me | null) => void;
  logout: () => Promise<void>;
  roles: Set<string>;
  hasRole: (...roles: string[]) => boolean;
  /** Agencies of the user (distinct), optionally those where they hold one of `roles`. */
  agencies: (...roles: string[]) => { id: string; code: string; name: string }[];
}

const SessionContext = createContext<SessionCtx | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  // 'idle': not asked yet (public pages never ask, so they make no 401 request); 'loading'; 'done'.
  const [status, setStatus] = useState<'idle' | 'loading' | 'done'>('idle');
  const asked = useRef(false);
  const ensure = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    setStatus('loading');
    api
      .me()
      .then((m) => setMe(m))
      .catch((e: unknown) => {
        if (!(isApiError(e) && (e as ApiError).status === 401)) console.warn('auth/me failed', e);
      })
      .finally(() => setStatus('done'));
  }, []);
  useEffect(() => {
    const onUnauth = () => setMe(null);
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauth);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauth);
  }, []);
  const loading = status !== 'done';
  const value = useMemo<SessionCtx>(() => {
    const roles = new Set((me?.assignments ?? []).map((a) => a.role));
    return {
      me,
      loading,
      ensure,
      setMe: (m) => {
        asked.current = true;
        setMe(m);
        setStatus('done');
      },
      logout: async () => {
        try {
          await api.logout();
        } finally {
          setMe(null);
        }
      },
      roles,
      hasRole: (...rs) => rs.some((r) => roles.has(r)),
      agencies: (...rs) => {
        const seen = new Map<string, { id: string; code: string; name: string }>();
        for (const a of me?.assignments ?? []) {
          if (rs.length > 0 && !rs.includes(a.role)) continue;
          if (!seen.has(a.agencyId)) seen.set(a.agencyId, { id: a.agencyId, code: a.agencyCode, name: a.agencyName });
        }
        return [...seen.values()];
      },
    };
  }, [me, loading, ensure]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionCtx {
  const c = useContext(SessionContext);
  if (!c) throw new Error('useSession outside SessionProvider');
  return c;
}

/** The first screen of a user, by their roles. */
export function homeFor(me: Me | null): string {
  const roles = new Set((me?.assignments ?? []).map((a) => a.role));
  if (roles.has('desk_officer')) return '/tiep-nhan';
  if (roles.has('specialist')) return '/hang-doi/mine';
  if (roles.has('leader')) return '/hang-doi/unassigned';
  if (roles.has('unit_admin')) return '/quan-tri/thu-tuc';
  if (roles.has('province_admin')) return '/quan-tri/ngay-nghi';
  return '/hang-doi/all';
}

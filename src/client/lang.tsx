/**
 * The language context shared by both web apps (staff console and citizen portal): Vietnamese first,
 * English switchable, remembered in localStorage, reflected in <html lang>, and API errors shown in the
 * chosen language. Each app binds it to its own string catalogue.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { errorText } from './http.ts';

export type Lang = 'vi' | 'en';

export interface LangCtx<K extends string> {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: K, params?: Record<string, unknown>) => string;
  /** The API error's message in the current language. */
  errText: (e: unknown) => string;
}

interface Options<K extends string> {
  storageKey: string;
  defaultLang: Lang;
  translate: (key: K, lang: Lang, params?: Record<string, unknown>) => string;
  /** Catalogue key of the generic error message. */
  errorKey: K;
}

export function createLangContext<K extends string>(o: Options<K>) {
  const Ctx = createContext<LangCtx<K> | null>(null);

  const stored = (): Lang => {
    try {
      const v = localStorage.getItem(o.storageKey);
      return v === 'en' || v === 'vi' ? v : o.defaultLang;
    } catch {
      return o.defaultLang;
    }
  };

  function LangProvider({ children }: { children: ReactNode }) {
    const [lang, setLangState] = useState<Lang>(stored);
    const setLang = useCallback((l: Lang) => {
      setLangState(l);
      try {
        localStorage.setItem(o.storageKey, l);
      } catch {
        /* private mode */
      }
    }, []);
    useEffect(() => {
      document.documentElement.lang = lang;
    }, [lang]);
    const value = useMemo<LangCtx<K>>(
      () => ({
        lang,
        setLang,
        t: (key, params) => o.translate(key, lang, params),
        errText: (e) => errorText(e, lang, o.translate(o.errorKey, lang)),
      }),
      [lang, setLang],
    );
    return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
  }

  function useLang(): LangCtx<K> {
    const c = useContext(Ctx);
    if (!c) throw new Error('useLang outside LangProvider');
    return c;
  }

  return { LangProvider, useLang };
}

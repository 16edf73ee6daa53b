import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.tsx';
import { LangProvider, SessionProvider, useLang } from './context.tsx';
import { cssVariablesResolver, makeTheme } from './theme.ts';

/** The theme depends on the language only for the names of Mantine's icon buttons (close). */
function Themed({ children }: { children: ReactNode }) {
  const { t } = useLang();
  const closeLabel = t('common.close');
  const theme = useMemo(() => makeTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <LangProvider>
      <Themed>
        <Notifications position="top-right" />
        <SessionProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </Themed>
    </LangProvider>
  </StrictMode>,
);

// The service worker (src/web/sw.ts) lets the inspection visit page reload offline. Built bundles only (`vite build`
// runs in mode 'production', also when the browser tests build it with NODE_ENV=test, which turns PROD off): the
// dev server has no /sw.js and must not serve stale chunks.
if (import.meta.env.MODE === 'production' && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e: unknown) => console.warn('service worker', e));
  });
}

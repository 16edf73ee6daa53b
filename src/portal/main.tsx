import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.tsx';
import { LangProvider, SessionProvider } from './context.tsx';

function mount() {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <LangProvider>
        <SessionProvider>
          <BrowserRouter basename="/dich-vu-cong">
            <App />
          </BrowserRouter>
        </SessionProvider>
      </LangProvider>
    </StrictMode>,
  );
}

// Let the static shell of index.html (header and navigation) paint first, then start the app: on a slow
// phone the first render of a page takes a while, and the citizen should see the page frame meanwhile.
requestAnimationFrame(() => setTimeout(mount, 0));

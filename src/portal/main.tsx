import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.tsx';
import { LangProvider, SessionProvider } from './context.tsx';

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

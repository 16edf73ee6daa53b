/**
 * The document office's screens under /van-ban: the incoming register (/van-ban/den), outgoing documents
 * (/van-ban/di) and one document (/van-ban/:id). Loaded on demand (React.lazy in App.tsx).
 */
import { Navigate, Route, Routes } from 'react-router-dom';
import { DocumentPage } from './DocumentPage.tsx';
import { IncomingPage } from './Incoming.tsx';
import { OutgoingPage } from './Outgoing.tsx';

export function DocumentsRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="/van-ban/den" replace />} />
      <Route path="den" element={<IncomingPage />} />
      <Route path="di" element={<OutgoingPage />} />
      <Route path=":id" element={<DocumentPage />} />
    </Routes>
  );
}

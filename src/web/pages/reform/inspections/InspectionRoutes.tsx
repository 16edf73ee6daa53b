/** The "Kiểm tra CCHC" screens, loaded on demand; the tablet visit page is its own chunk (the offline bundle). */
import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useLang } from '../../../context.tsx';
import { DocumentsPage } from './Documents.tsx';
import { PlanFormPage, PlanPage, PlansPage } from './Plans.tsx';

const VisitPage = lazy(() => import('./VisitPage.tsx').then((m) => ({ default: m.VisitPage })));

export function InspectionRoutes() {
  const { t } = useLang();
  return (
    <Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}>
      <Routes>
        <Route index element={<PlansPage />} />
        <Route path="ke-hoach/moi" element={<PlanFormPage />} />
        <Route path="ke-hoach/:planId" element={<PlanPage />} />
        <Route path="ke-hoach/:planId/sua" element={<PlanFormPage />} />
        <Route path="dot/:visitId" element={<VisitPage />} />
        <Route path="dot/:visitId/van-ban" element={<DocumentsPage />} />
      </Routes>
    </Suspense>
  );
}

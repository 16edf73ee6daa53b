/** Dashboard and rankings exports (xlsx, PDF with charts). Placeholder until implemented. */
import type { IndexDashboard, Rankings } from '../../../../core/service-index/index.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';

export async function renderDashboardXlsx(_d: IndexDashboard, _lang: Lang): Promise<Buffer> {
  throw new Error('not implemented');
}
export async function renderDashboardPdf(_d: IndexDashboard, _lang: Lang): Promise<Buffer> {
  throw new Error('not implemented');
}
export async function renderRankingsXlsx(_r: Rankings, _lang: Lang): Promise<Buffer> {
  throw new Error('not implemented');
}
export async function renderRankingsPdf(_r: Rankings, _lang: Lang): Promise<Buffer> {
  throw new Error('not implemented');
}

/**
 * Dashboard and rankings exports of the service index: Excel workbooks (exceljs) and PDF reports with charts
 * (pdfkit + ECharts SSR → SVG → svg-to-pdfkit). The monitoring routes call these four functions; the sheet
 * layouts are documented in dashboard-xlsx.ts and rankings-xlsx.ts.
 */
export { renderDashboardXlsx, DASHBOARD_XLSX } from './dashboard-xlsx.ts';
export { renderDashboardPdf } from './dashboard-pdf.ts';
export { renderRankingsXlsx, RANKINGS_XLSX } from './rankings-xlsx.ts';
export { renderRankingsPdf } from './rankings-pdf.ts';
export { PDF_MIME } from './pdf.ts';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export { renderDrillXlsx, type DrillExport } from './drill-xlsx.ts';

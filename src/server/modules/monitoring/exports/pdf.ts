/**
 * The PDF layer of the service-index reports (pdfkit): A4, the official serif (platform/pdf/fonts.ts, Liberation Serif: Times New Roman metrics) embedded (subsets; covers Vietnamese),
 * a header block, tables that break across pages and repeat their header row, SVG charts (svg-to-pdfkit, the
 * chart font mapped to the embedded serif), and "Trang n/N" page numbers. Deterministic: the document's
 * dates are the figures' own date, not the clock.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { tx } from '../../../../core/i18n/exports-monitoring.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';
import { excelDay } from './format.ts';
import { SERIF_FONTS } from '../../../platform/pdf/fonts.ts';

export const FONT = {
  regular: 'serif',
  bold: 'serif-bold',
  italic: 'serif-italic',
  cell: 'cell',
  cellBold: 'cell-bold',
} as const;

const FONT_FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  serif: SERIF_FONTS.regular,
  'serif-bold': SERIF_FONTS.bold,
  'serif-italic': SERIF_FONTS.italic,
  cell: SERIF_FONTS.cell,
  'cell-bold': SERIF_FONTS.cellBold,
};

export const PDF_MIME = 'application/pdf';

export type Doc = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  /** ISO date (or date-time) the figures are of: the document's creation date. */
  date: string;
  lang: Lang;
  layout?: 'portrait' | 'landscape';
}

export const MARGINS = { top: 40, bottom: 44, left: 40, right: 40 };

export function newPdf(meta: PdfMeta): Doc {
  const when = excelDay(meta.date);
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.layout ?? 'portrait',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: meta.lang === 'vi' ? 'vi-VN' : 'en-GB',
    displayTitle: true,
    info: { Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: 'motcua', Producer: 'motcua (PDFKit)', CreationDate: when, ModDate: when },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font(FONT.regular);
  return doc;
}

/** Collects a pdfkit document's bytes. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;
const bottom = (doc: Doc) => doc.page.height - MARGINS.bottom;

/** Starts a new page when fewer than `height` points are left. */
export function ensure(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) {
    doc.addPage();
    doc.y = MARGINS.top;
  }
  doc.x = MARGINS.left;
}

/** A bold heading, kept on the same page as the first `keepWith` points of what follows. */
export function heading(doc: Doc, text: string, size = 11, keepWith = 70): void {
  ensure(doc, size * 3 + keepWith);
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(size).fillColor('#000000').text(text, MARGINS.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string, opts: { font?: string; size?: number; align?: 'left' | 'center' | 'right' } = {}): void {
  const size = opts.size ?? 9;
  doc.font(opts.font ?? FONT.regular).fontSize(size);
  ensure(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 2);
  doc.fillColor('#000000').text(text, MARGINS.left, doc.y, { width: contentWidth(doc), align: opts.align ?? 'left' });
}

/** Label–value lines (bold label). */
export function fields(doc: Doc, rows: [string, string][], labelWidth = 150): void {
  const w = contentWidth(doc);
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(9.5);
    const hv = doc.heightOfString(value, { width: w - labelWidth });
    doc.font(FONT.bold).fontSize(9.5);
    const h = Math.max(hv, doc.heightOfString(`${label}:`, { width: labelWidth - 6 }), 12);
    ensure(doc, h + 2);
    const y = doc.y;
    doc.font(FONT.bold).fontSize(9.5).text(`${label}:`, MARGINS.left, y, { width: labelWidth - 6 });
    doc.font(FONT.regular).fontSize(9.5).text(value, MARGINS.left + labelWidth, y, { width: w - labelWidth });
    doc.y = y + h + 2;
  }
}

/** Draws an SVG chart `width` × `height` at the current position (a new page first when it does not fit). */
export function chart(doc: Doc, svg: string, width: number, height: number): void {
  ensure(doc, height + 4);
  const x = MARGINS.left + (contentWidth(doc) - width) / 2;
  const y = doc.y;
  SVGtoPDF(doc as never, svg, x, y, {
    width,
    height,
    assumePt: true,
    fontCallback: (_family, bold, italic) => (bold ? FONT.bold : italic ? FONT.italic : FONT.regular),
    warningCallback: () => {},
  });
  doc.font(FONT.regular);
  doc.y = y + height + 4;
  doc.x = MARGINS.left;
}

export interface Column {
  header: string;
  /** Share of the table width (the shares are normalised). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface Row {
  cells: string[];
  /** A section row: one cell across the table, shaded, bold. */
  section?: boolean;
  bold?: boolean;
  /** Lighter text (e.g. units not ranked). */
  muted?: boolean;
}

/** A ruled table; long tables continue on the next page with the header row repeated. */
export function table(doc: Doc, columns: Column[], rows: Row[], size = 8): void {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const tw = contentWidth(doc);
  const widths = columns.map((c) => (c.width / total) * tw);
  const pad = 3;
  const left = MARGINS.left;

  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], opts: { font: string; fill?: string; color?: string; align?: (Column['align'] | undefined)[] }) => {
    const h = heightOf(cells, opts.font);
    const y = doc.y;
    let x = left;
    if (opts.fill) doc.rect(left, y, tw, h).fillColor(opts.fill).fill();
    doc.lineWidth(0.5).strokeColor('#000000');
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i]!, h).stroke();
      doc.font(opts.font).fontSize(size).fillColor(opts.color ?? '#000000').text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: opts.align?.[i] ?? 'left' });
      x += widths[i]!;
    });
    doc.y = y + h;
    doc.x = left;
    return h;
  };
  const header = () => drawRow(columns.map((c) => c.header), { font: FONT.cellBold, fill: '#e6e6e6', align: columns.map(() => 'center') });

  const headH = heightOf(columns.map((c) => c.header), FONT.cellBold);
  ensure(doc, headH + heightOf(rows[0]?.cells ?? [' '], FONT.cell));
  header();
  for (const r of rows) {
    if (r.section) {
      const text = r.cells[0] ?? '';
      doc.font(FONT.cellBold).fontSize(size);
      const h = doc.heightOfString(text, { width: tw - 2 * pad }) + 2 * pad;
      if (doc.y + h > bottom(doc)) {
        doc.addPage();
        doc.y = MARGINS.top;
        header();
      }
      const y = doc.y;
      doc.rect(left, y, tw, h).fillColor('#f2f2f2').fill();
      doc.lineWidth(0.5).strokeColor('#000000').rect(left, y, tw, h).stroke();
      doc.fillColor('#000000').text(text, left + pad, y + pad, { width: tw - 2 * pad });
      doc.y = y + h;
      continue;
    }
    const font = r.bold ? FONT.cellBold : FONT.cell;
    const h = heightOf(r.cells, font);
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      doc.y = MARGINS.top;
      header();
    }
    drawRow(r.cells, { font, color: r.muted ? '#555555' : '#000000', align: columns.map((c) => c.align) });
  }
  doc.fillColor('#000000');
  doc.moveDown(0.4);
}

/** "Trang n/N" at the foot of every page. */
export function pageNumbers(doc: Doc, lang: Lang): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.italic)
      .fontSize(8)
      .fillColor('#000000')
      .text(tx('xm.page', lang, { n: i - range.start + 1, total: range.count }), MARGINS.left, doc.page.height - MARGINS.bottom + 16, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
}

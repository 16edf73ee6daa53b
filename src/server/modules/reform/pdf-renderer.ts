/**
 * Renders a reform report (core/reform ReportDocument) to PDF with pdfkit, A4 portrait, in the same
 * administrative layout as the DOCX: header (agency | national motto), title, sections, the figures appendix as a
 * table, "Nơi nhận" and the signature. Fonts: Liberation Serif (Times New Roman metrics), embedded (subsets), so Vietnamese prints everywhere
 * (the slips use the same family). Deterministic: the PDF dates are the document's own date.
 */
import PDFDocument from 'pdfkit';
import { SERIF_FONTS } from '../../platform/pdf/fonts.ts';
import { MOTTO, type ReportDocument } from '../../../core/reform/index.ts';

const FONTS = SERIF_FONTS;

const S = { body: 11, header: 10, small: 9, title: 14, table: 9.5 };
const M = { top: 50, bottom: 50, left: 70, right: 50 };

export async function renderReportPdf(d: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: M,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: d.meta.title, Subject: d.meta.subject, Author: d.header.agency, Creator: 'motcua', Producer: 'motcua (PDFKit)', CreationDate: d.meta.issuedAt, ModDate: d.meta.issuedAt },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = M.left;
  const width = doc.page.width - M.left - M.right;
  const bottom = () => doc.page.height - M.bottom;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
    doc.x = left;
  };

  // ---- header: agency (left), motto (right), number and place/date
  const leftW = width * 0.42;
  const rightX = left + leftW + 6;
  const rightW = width - leftW - 6;
  const y0 = M.top;
  let yl = y0;
  if (d.header.parentBody) {
    doc.font('regular').fontSize(S.header).text(d.header.parentBody, left, yl, { width: leftW, align: 'center' });
    yl = doc.y + 1;
  }
  doc.font('bold').fontSize(S.header).text(d.header.agency, left, yl, { width: leftW, align: 'center' });
  yl = doc.y + 2;
  doc.moveTo(left + leftW / 2 - 30, yl).lineTo(left + leftW / 2 + 30, yl).lineWidth(0.6).stroke();
  yl += 6;
  doc.font('regular').fontSize(S.header).text(d.header.number, left, yl, { width: leftW, align: 'center' });
  yl = doc.y;
  doc.font('bold').fontSize(S.header).text(MOTTO[0], rightX, y0, { width: rightW, align: 'center' });
  doc.font('bold').fontSize(S.header + 0.5).text(MOTTO[1], rightX, doc.y + 1, { width: rightW, align: 'center' });
  const mw = doc.widthOfString(MOTTO[1]);
  let yr = doc.y + 1;
  doc.moveTo(rightX + (rightW - mw) / 2, yr).lineTo(rightX + (rightW + mw) / 2, yr).lineWidth(0.6).stroke();
  yr += 6;
  doc.font('italic').fontSize(S.header + 0.5).text(d.header.placeDate, rightX, yr, { width: rightW, align: 'center' });
  yr = doc.y;
  doc.y = Math.max(yl, yr) + 10;
  doc.x = left;

  if (d.draftMark) {
    doc.font('bold').fontSize(S.body).fillColor('#b00000').text(d.draftMark, left, doc.y, { width, align: 'right' });
    doc.fillColor('black');
  }
  doc.moveDown(0.5);
  doc.font('bold').fontSize(S.title).text(d.title, left, doc.y, { width, align: 'center' });
  doc.font('bold').fontSize(S.body + 1).text(d.subtitle, left, doc.y + 2, { width, align: 'center' });
  if (d.recipient) {
    doc.moveDown(0.6);
    doc.font('regular').fontSize(S.body + 0.5).text(d.recipient, left, doc.y, { width, align: 'center' });
  }
  doc.moveDown(1);

  // ---- sections
  const indent = 24;
  for (const s of d.sections) {
    ensure(S.body * 3);
    doc.font('bold').fontSize(S.body).text(s.heading, left + indent, doc.y, { width: width - indent, align: 'justify', lineGap: 2 });
    doc.y += 3;
    for (const line of s.body.split('\n')) {
      if (line.trim() === '') {
        doc.y += S.body * 0.6;
        continue;
      }
      ensure(S.body * 1.6);
      doc.font('regular').fontSize(S.body).text(line, left, doc.y, { width, align: 'justify', indent, lineGap: 2 });
      doc.y += 3;
    }
    doc.y += 4;
  }

  // ---- appendix table
  ensure(S.body * 6);
  doc.moveDown(0.5);
  doc.font('bold').fontSize(S.body).text(d.appendix.title, left, doc.y, { width });
  doc.y += 4;
  const widths = [width * 0.62, width * 0.38];
  const pad = 3;
  const rowH = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(S.table);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: readonly string[], font: string, fill: string | null) => {
    const h = rowH(cells, font);
    if (doc.y + h > bottom()) {
      doc.addPage();
      // The column titles again at the top of the new page.
      if (font !== 'cellBold') drawRow(d.appendix.columns, 'cellBold', '#eeeeee');
    }
    const y = doc.y;
    let x = left;
    if (fill) doc.rect(left, y, width, h).fill(fill).fillColor('black');
    cells.forEach((c, i) => {
      const w = widths[i]!;
      doc.rect(x, y, w, h).lineWidth(0.5).stroke();
      doc.font(font).fontSize(S.table).text(c, x + pad, y + pad, { width: w - 2 * pad, align: font === 'cellBold' ? 'center' : i === 1 ? 'right' : 'left' });
      x += w;
    });
    doc.y = y + h;
    doc.x = left;
  };
  drawRow(d.appendix.columns, 'cellBold', '#eeeeee');
  for (const r of d.appendix.rows) drawRow(r, 'cell', null);
  doc.y += 4;
  doc.font('italic').fontSize(S.small).text(d.appendix.note, left, doc.y, { width });
  doc.moveDown(1);

  // ---- recipients (left) and signature (right)
  ensure(110);
  const ys = doc.y;
  const half = width / 2;
  const [first, ...rest] = d.recipients;
  doc.font('boldItalic').fontSize(S.small + 0.5).text(first ?? '', left, ys, { width: half - 10 });
  for (const r of rest) doc.font('regular').fontSize(S.small).text(r, left, doc.y, { width: half - 10 });
  const yLeftEnd = doc.y;
  let y = ys;
  for (const l of d.signature.lines) {
    doc.font('bold').fontSize(S.body).text(l, left + half, y, { width: half, align: 'center' });
    y = doc.y;
  }
  y += 50;
  if (d.signature.name) {
    doc.font('bold').fontSize(S.body).text(d.signature.name, left + half, y, { width: half, align: 'center' });
    y = doc.y;
  }
  doc.y = Math.max(yLeftEnd, y);

  // ---- page numbers
  const range = doc.bufferedPageRange();
  if (range.count > 1) {
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('italic').fontSize(S.small).text(`Trang ${i - range.start + 1}/${range.count}`, left, doc.page.height - M.bottom + 16, { width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = saved;
    }
  }
  doc.end();
  return done;
}

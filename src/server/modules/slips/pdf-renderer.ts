/**
 * Renders a slip description (core/slips SlipDoc) to PDF with pdfkit, in the layout of official Vietnamese
 * administrative forms: agency (parent above, bold, underlined) top left; national motto header top right
 * (bold, second line underlined) with the place and date; form number; bold upper-case title; body; signature
 * blocks; a QR code to the public tracking page. Fonts: Liberation Serif (Times New Roman metrics; embedded subsets; covers Vietnamese), from platform/pdf/fonts.ts.
 *
 * The output is deterministic: the PDF's creation date is the slip's own date, so the same data gives the same
 * bytes (and the same SHA-256, which is how a stored slip is recognised).
 */
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { SERIF_FONTS } from '../../platform/pdf/fonts.ts';
import QRCode from 'qrcode';
import type { SlipBlock, SlipDoc, TableColumn } from '../../../core/slips/index.ts';

const FONTS = SERIF_FONTS;

export const MOTTO_1 = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';

type Doc = PDFKit.PDFDocument;

/** Extra space between the lines of body text (pt). */
const LINE_GAP = 1;

interface Scale {
  /** Body text size. */
  body: number;
  small: number;
  header: number;
  title: number;
  table: number;
  margins: { top: number; bottom: number; left: number; right: number };
}

const SCALES: Record<'A5' | 'A4', Scale> = {
  A5: { body: 9, small: 7.5, header: 8, title: 11, table: 7, margins: { top: 30, bottom: 34, left: 40, right: 32 } },
  A4: { body: 10, small: 8, header: 10, title: 14, table: 8, margins: { top: 36, bottom: 40, left: 40, right: 36 } },
};

/**
 * QR code of a URL as an opaque 8-bit grayscale PNG (quiet zone of one module, about 240 px wide).
 *
 * Opaque on purpose: PDFKit splits the alpha channel of an RGBA PNG (what `QRCode.toBuffer` makes) asynchronously,
 * so with two codes on one slip the image objects were written in either order and the same slip came out with
 * different bytes — a stored slip must be byte-identical when generated again. The modules come from
 * `QRCode.create`; the PNG is written here (IHDR, one IDAT, IEND) with Node's zlib.
 */
export async function qrPng(url: string): Promise<Buffer> {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size + 2;
  const scale = Math.max(1, Math.floor(240 / n));
  const side = n * scale;
  const raw = Buffer.alloc((side + 1) * side, 0xff);
  for (let y = 0; y < side; y++) {
    const row = y * (side + 1);
    raw[row] = 0; // filter: none
    const my = Math.floor(y / scale) - 1;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - 1;
      if (my >= 0 && mx >= 0 && my < modules.size && mx < modules.size && modules.get(my, mx)) raw[row + 1 + x] = 0;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grayscale, no alpha
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export async function renderSlipPdf(slip: SlipDoc): Promise<Buffer> {
  const qr = slip.qr ? await qrPng(slip.qr.url) : null;
  const ratingQr = slip.ratingQr ? await qrPng(slip.ratingQr.url) : null;
  const s = SCALES[slip.page.size];
  const doc = new PDFDocument({
    size: slip.page.size,
    layout: slip.page.layout,
    margins: s.margins,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: slip.meta.title,
      Subject: slip.meta.subject,
      Keywords: slip.meta.keywords,
      Author: slip.header.agency,
      Creator: 'motcua',
      Producer: 'motcua (PDFKit)',
      CreationDate: slip.meta.issuedAt,
      ModDate: slip.meta.issuedAt,
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  doc.registerFont('cell', FONTS.cell);
  doc.registerFont('cellBold', FONTS.cellBold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const r = new Renderer(doc, s);
  r.header(slip);
  r.title(slip);
  for (const b of slip.blocks) r.block(b);
  if (slip.signatures.length > 0) r.signatures(slip.signatures);
  if (slip.qr && qr && slip.ratingQr && ratingQr) r.qrPair([qr, slip.qr.lines], [ratingQr, slip.ratingQr.lines]);
  else if (slip.qr && qr) r.qr(qr, slip.qr.lines);
  else if (slip.ratingQr && ratingQr) r.qr(ratingQr, slip.ratingQr.lines);
  if (slip.footnote) r.footnote(slip.footnote);
  r.pageNumbers();
  doc.end();
  return done;
}

class Renderer {
  readonly left: number;
  readonly width: number;
  constructor(
    private readonly doc: Doc,
    private readonly s: Scale,
  ) {
    this.left = s.margins.left;
    this.width = doc.page.width - s.margins.left - s.margins.right;
  }

  private get bottom() {
    return this.doc.page.height - this.s.margins.bottom;
  }

  /** Largest size ≤ max at which `text` fits on one line of `width` (not below min). */
  private fit(text: string, font: string, max: number, width: number, min = 6): number {
    this.doc.font(font);
    let size = max;
    while (size > min && this.doc.fontSize(size).widthOfString(text) > width) size -= 0.25;
    return size;
  }

  private ensure(height: number) {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = this.s.margins.top;
    }
    this.doc.x = this.left;
  }

  header(slip: SlipDoc) {
    const { doc, s } = this;
    const top = s.margins.top;
    if (slip.formNumber) {
      doc.font('italic').fontSize(s.small).text(slip.formNumber, this.left, top, { width: this.width, align: 'right', lineBreak: false });
    }
    const y0 = top + (slip.formNumber ? s.small + 6 : 0);
    const landscape = slip.page.layout === 'landscape';
    const leftW = this.width * (landscape ? 0.4 : 0.42);
    const gap = 6;
    const rightX = this.left + leftW + gap;
    const rightW = this.width - leftW - gap;

    // Left column: parent body, agency (bold), a short rule under it.
    let yl = y0;
    if (slip.header.parentBody) {
      const size = this.fit(slip.header.parentBody, 'regular', s.header, leftW, s.header - 1.5);
      doc.font('regular').fontSize(size).text(slip.header.parentBody, this.left, yl, { width: leftW, align: 'center' });
      yl = doc.y + 1;
    }
    const agencySize = this.fit(slip.header.agency, 'bold', s.header, leftW, s.header - 1.5);
    doc.font('bold').fontSize(agencySize).text(slip.header.agency, this.left, yl, { width: leftW, align: 'center' });
    yl = doc.y + 2;
    const ruleL = Math.min(leftW * 0.4, 60);
    doc.moveTo(this.left + (leftW - ruleL) / 2, yl).lineTo(this.left + (leftW + ruleL) / 2, yl).lineWidth(0.6).stroke();
    yl += 4;

    // Right column: the national motto, its second line underlined with a rule as long as the text.
    const m1 = this.fit(MOTTO_1, 'bold', s.header, rightW);
    doc.font('bold').fontSize(m1).text(MOTTO_1, rightX, y0, { width: rightW, align: 'center', lineBreak: false });
    let yr = y0 + doc.currentLineHeight(true) + 1;
    const m2 = this.fit(MOTTO_2, 'bold', s.header + 0.5, rightW);
    doc.font('bold').fontSize(m2).text(MOTTO_2, rightX, yr, { width: rightW, align: 'center', lineBreak: false });
    const m2w = doc.widthOfString(MOTTO_2);
    yr += doc.currentLineHeight(true) + 1;
    doc.moveTo(rightX + (rightW - m2w) / 2, yr).lineTo(rightX + (rightW + m2w) / 2, yr).lineWidth(0.6).stroke();
    yr += 4;

    // Number (left) and place/date (right) on one line.
    const y2 = Math.max(yl, yr) + 2;
    if (slip.header.number) doc.font('regular').fontSize(s.header).text(slip.header.number, this.left, y2, { width: leftW, align: 'center', lineBreak: false });
    const pd = this.fit(slip.header.placeDate, 'italic', s.header + 0.5, rightW);
    doc.font('italic').fontSize(pd).text(slip.header.placeDate, rightX, y2, { width: rightW, align: 'center', lineBreak: false });
    doc.y = y2 + doc.currentLineHeight(true) + 10;
    doc.x = this.left;
  }

  title(slip: SlipDoc) {
    const { doc, s } = this;
    const size = this.fit(slip.title, 'bold', s.title, this.width, s.title - 3);
    doc.font('bold').fontSize(size).text(slip.title, this.left, doc.y, { width: this.width, align: 'center' });
    if (slip.subtitle) {
      doc.moveDown(0.15);
      doc.font('bold').fontSize(s.body).text(slip.subtitle, this.left, doc.y, { width: this.width, align: 'center' });
    }
    if (slip.recipient) {
      doc.moveDown(0.5);
      doc.font('regular').fontSize(s.body + 0.5).text(slip.recipient, this.left, doc.y, { width: this.width, align: 'center' });
    }
    doc.y += 8;
    doc.x = this.left;
  }

  block(b: SlipBlock) {
    const { doc, s } = this;
    const gap = 2.5;
    switch (b.type) {
      case 'spacer':
        doc.y += b.size;
        return;
      case 'text': {
        const font = b.bold ? 'bold' : b.italic ? 'italic' : 'regular';
        this.ensure(s.body * 1.4);
        doc.font(font).fontSize(s.body).text(b.text, this.left, doc.y, { width: this.width, align: b.align ?? 'left', lineGap: LINE_GAP });
        doc.y += gap;
        return;
      }
      case 'field': {
        this.ensure(s.body * 1.4);
        doc.font('regular').fontSize(s.body).text(`${b.label} `, this.left, doc.y, { width: this.width, continued: true, lineGap: LINE_GAP });
        doc.font('bold').text(b.value || ' ', { width: this.width, lineGap: LINE_GAP });
        doc.y += gap;
        return;
      }
      case 'list': {
        const indent = 16;
        b.items.forEach((item, i) => {
          doc.font('regular').fontSize(s.body);
          const h = doc.heightOfString(item, { width: this.width - indent, lineGap: LINE_GAP });
          this.ensure(Math.min(h, s.body * 3));
          const y = doc.y;
          doc.text(`${i + 1}.`, this.left + 4, y, { width: indent - 4, lineBreak: false });
          doc.text(item, this.left + indent, y, { width: this.width - indent, align: 'left', lineGap: LINE_GAP });
          doc.y += 1.5;
        });
        doc.y += gap;
        doc.x = this.left;
        return;
      }
      case 'table':
        this.table(b.columns, b.rows);
        doc.y += gap + 2;
        return;
    }
  }

  private table(columns: TableColumn[], rows: string[][]) {
    const { doc, s } = this;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 2.5;
    const size = s.table;
    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], font: string, fill: string | null) => {
      const h = rowHeight(cells, font);
      const y = doc.y;
      let x = this.left;
      if (fill) doc.rect(this.left, y, this.width, h).fill(fill).fillColor('black');
      cells.forEach((c, i) => {
        const w = widths[i]!;
        doc.rect(x, y, w, h).lineWidth(0.5).stroke();
        const align = font === 'cellBold' ? 'center' : (columns[i]!.align ?? 'left');
        doc.font(font).fontSize(size).text(c || '', x + pad, y + pad, { width: w - 2 * pad, align });
        x += w;
      });
      doc.y = y + h;
      doc.x = this.left;
    };
    const head = columns.map((c) => c.title);
    this.ensure(rowHeight(head, 'cellBold') + rowHeight(rows[0] ?? head, 'cell'));
    drawRow(head, 'cellBold', '#eeeeee');
    for (const r of rows) {
      const h = rowHeight(r, 'cell');
      if (doc.y + h > this.bottom) {
        doc.addPage();
        doc.y = s.margins.top;
        drawRow(head, 'cellBold', '#eeeeee');
      }
      drawRow(r, 'cell', null);
    }
  }

  signatures(list: SlipDoc['signatures']) {
    const { doc, s } = this;
    const needed = s.body * 2 + s.small + 40 + s.body * 1.5;
    doc.y += 6;
    this.ensure(needed);
    const y0 = doc.y;
    // One signature sits on the right half, as on official letters; two or more share the width.
    const n = list.length;
    const colW = n === 1 ? this.width / 2 : this.width / n;
    list.forEach((sig, i) => {
      const x = n === 1 ? this.left + this.width / 2 : this.left + i * colW;
      let y = y0;
      doc.font('bold').fontSize(s.body).text(sig.title, x, y, { width: colW, align: 'center' });
      y = doc.y;
      doc.font('italic').fontSize(s.small).text(sig.hint, x, y, { width: colW, align: 'center' });
      y = doc.y + 34;
      if (sig.name) doc.font('bold').fontSize(s.body).text(sig.name, x, y, { width: colW, align: 'center' });
    });
    doc.y = y0 + needed - 6;
    doc.x = this.left;
  }

  qr(png: Buffer, lines: string[]) {
    const { doc, s } = this;
    const size = 54;
    doc.y += 2;
    this.ensure(size + 4);
    const y = doc.y;
    doc.image(png, this.left, y, { width: size, height: size });
    const tx = this.left + size + 8;
    const tw = this.width - size - 8;
    let ty = y + 4;
    lines.forEach((line, i) => {
      doc.font(i === 0 ? 'italic' : i === lines.length - 1 ? 'bold' : 'regular').fontSize(s.small);
      doc.text(line, tx, ty, { width: tw });
      ty = doc.y + 1;
    });
    doc.y = Math.max(y + size, ty) + 4;
    doc.x = this.left;
  }

  /** Two QR codes side by side (tracking left, rating right) with their lines beside them: the receipt stays one A5 sheet. */
  qrPair(...items: [Buffer, string[]][]) {
    const { doc, s } = this;
    const size = 48;
    doc.y += 2;
    this.ensure(size + 4);
    const y = doc.y;
    items.forEach(([png], k) => doc.image(png, this.left + k * (size + 4), y, { width: size, height: size }));
    const tx = this.left + items.length * (size + 4) + 4;
    const tw = this.width - (tx - this.left);
    let ty = y;
    items.forEach(([, lines], k) => {
      lines.forEach((line, i) => {
        const text = i === 0 ? `${k === 0 ? 'Mã bên trái' : 'Mã bên phải'} — ${line}` : line;
        doc.font(i === 0 ? 'italic' : i === lines.length - 1 ? 'bold' : 'regular').fontSize(s.small - 0.5);
        doc.text(text, tx, ty, { width: tw });
        ty = doc.y + 0.5;
      });
    });
    doc.y = Math.max(y + size, ty) + 4;
    doc.x = this.left;
  }

  footnote(text: string) {
    const { doc, s } = this;
    doc.y += 4;
    this.ensure(s.small * 2.5);
    doc.font('italic').fontSize(s.small).text(text, this.left, doc.y, { width: this.width, align: 'left' });
  }

  /** "Trang x/y" at the foot of each page when there is more than one. */
  pageNumbers() {
    const { doc, s } = this;
    const range = doc.bufferedPageRange();
    if (range.count <= 1) return;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('italic').fontSize(s.small).text(`Trang ${i - range.start + 1}/${range.count}`, this.left, doc.page.height - s.margins.bottom + 12, { width: this.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = saved;
    }
  }
}

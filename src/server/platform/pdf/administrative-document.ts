/**
 * Renders an administrative document's layout (core/documents/layout.ts: Decree 30/2020, Appendix I) to a PDF
 * with pdfkit and the official serif (Liberation Serif, Times New Roman metrics, embedded as subsets). The layout
 * decides every font, size, box and space; this file only flows the blocks: it wraps lines, breaks pages (the body
 * runs over as many pages as it needs; headings stay with the next paragraph; the header and the closing — the
 * recipients beside the signature block — are never split), draws the rules under the slogan, the agency and the
 * subject, and numbers the pages from page 2, centred in the top margin.
 *
 * It returns where the signing step puts its visible boxes (core/signing SignaturePlacement: page, points from the
 * top-left corner): `signature`, the space left between the signer's title and name (ô 7c, for the person's
 * signature and the seal), and `copyArea`, the top right of page 1 (ô 14, for an electronic copy's text).
 */
import PDFDocument from 'pdfkit';
import type { SignaturePlacement } from '../../../core/signing/appearance.ts';
import type { DocumentLayout, FontFace, LayoutBlock } from '../../../core/documents/layout.ts';
import { SERIF_FONTS } from './fonts.ts';

export interface RenderedDocument {
  pdf: Uint8Array;
  pages: number;
  /** The signature space of the signature block (between the title and the name), on its page. */
  signature: SignaturePlacement;
  /** The electronic-copy area at the top right of page 1. */
  copyArea: SignaturePlacement;
}

export interface RenderOptions {
  /** The PDF's creation date (the caller's clock: ctx.now()). */
  createdAt: Date;
}

const FACES: Record<FontFace, string> = {
  regular: SERIF_FONTS.regular,
  bold: SERIF_FONTS.bold,
  italic: SERIF_FONTS.italic,
  boldItalic: SERIF_FONTS.boldItalic,
};

/** Space between a rule and the text above it, and after the rule. */
const RULE_GAP = 1.5;
const RULE_AFTER = 3;
/** Padding inside the urgency mark's frame. */
const FRAME_PAD = 4;

export async function renderAdministrativeDocument(layout: DocumentLayout, o: RenderOptions): Promise<RenderedDocument> {
  const { page, blocks } = layout;
  const m = page.margins;
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margins: m,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: layout.meta.title, Subject: layout.meta.subject, Author: layout.meta.author, Creator: 'motcua', Producer: 'motcua (PDFKit)', CreationDate: o.createdAt, ModDate: o.createdAt },
  });
  for (const [name, file] of Object.entries(FACES)) doc.registerFont(name, file);
  doc.font('regular').fillColor('#000000').strokeColor('#000000');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const bottom = page.height - m.bottom;
  const pageIndex = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  let y = m.top;
  let signature: SignaturePlacement | null = null;

  const plain = (b: LayoutBlock) => b.runs.map((r) => r.text).join('');
  const opts = (b: LayoutBlock) => ({ width: b.width, align: b.align, indent: b.indent, lineGap: b.lineGap });
  /** The block's height without its space before: the lines, the rule and the signature space after it. */
  const heightOf = (b: LayoutBlock) => {
    doc.font(b.runs[0]!.face).fontSize(b.size);
    let h = doc.heightOfString(plain(b), opts(b));
    if (b.rule) h += RULE_GAP + RULE_AFTER;
    if (b.frame) h += FRAME_PAD / 2;
    return h + (b.signatureSpaceAfter ?? 0);
  };
  /** The height of one line of the block (to keep a heading with the first line of what follows). */
  const lineOf = (b: LayoutBlock) => {
    doc.font(b.runs[0]!.face).fontSize(b.size);
    return doc.currentLineHeight(true) + b.lineGap;
  };
  const newPage = () => {
    doc.addPage();
    y = m.top;
  };

  /** Draws one block at (block.x, at); returns the y under it (on the page the text ended on). */
  const draw = (b: LayoutBlock, at: number): number => {
    const text = plain(b);
    if (b.oneLine) {
      doc.font(b.runs[0]!.face).fontSize(b.size);
      const w = doc.widthOfString(text);
      if (w > b.width + 0.01) throw new RangeError(`"${text}" at ${b.size} pt is ${w.toFixed(1)} pt wide; its column has ${b.width} pt`);
    }
    b.runs.forEach((r, i) => {
      doc.font(r.face).fontSize(b.size);
      const last = i === b.runs.length - 1;
      if (i === 0) doc.text(r.text, b.x, at, { ...opts(b), continued: !last, lineBreak: !b.oneLine });
      else doc.text(r.text, { continued: !last });
    });
    let end = doc.y;
    if (b.frame) {
      // A single-line frame around the (one-line) text, centred in the box.
      doc.font(b.runs[0]!.face).fontSize(b.size);
      const w = doc.widthOfString(text) + 2 * FRAME_PAD;
      const left = b.align === 'center' ? b.x + (b.width - w) / 2 : b.x - FRAME_PAD;
      doc.save().lineWidth(0.8).rect(left, at - FRAME_PAD / 2, w, end - at + FRAME_PAD).stroke().restore();
      end += FRAME_PAD / 2;
    }
    if (b.rule) {
      doc.font(b.runs[0]!.face).fontSize(b.size);
      const len = Math.min(doc.widthOfString(text), b.width) * b.rule;
      const cx = b.x + b.width / 2;
      const ry = end + RULE_GAP;
      doc.save().lineWidth(0.6).moveTo(cx - len / 2, ry).lineTo(cx + len / 2, ry).stroke().restore();
      end = ry + RULE_AFTER;
    }
    if (b.signatureSpaceAfter) {
      signature = { page: pageIndex() + 1, x: b.x, y: round2(end), width: b.width, height: b.signatureSpaceAfter };
      end += b.signatureSpaceAfter;
    }
    return end;
  };

  const bands = [...new Set(blocks.map((b) => b.band))].sort((a, b) => a - b);
  const columnsOf = (inBand: LayoutBlock[]) => ['left', 'right'].map((c) => inBand.filter((b) => b.column === c)).filter((c) => c.length > 0);
  /** The height of a band's side-by-side columns (the tallest), with the first blocks' space before. */
  const columnsHeight = (columns: LayoutBlock[][], atTop: boolean) => Math.max(0, ...columns.map((col) => col.reduce((h, b, i) => h + (i === 0 && atTop ? 0 : b.spaceBefore) + heightOf(b), 0)));
  bands.forEach((band, bandIndex) => {
    const inBand = blocks.filter((b) => b.band === band);
    const columns = columnsOf(inBand);
    const full = inBand.filter((b) => b.column === 'full');
    // The next band when it is side by side only (the closing: recipients and signature): the last paragraph goes
    // with it, so the signature block never stands alone on a page.
    const nextBand = bands[bandIndex + 1];
    const nextInBand = nextBand === undefined ? [] : blocks.filter((b) => b.band === nextBand);
    const closing = nextInBand.length > 0 && nextInBand.every((b) => b.column !== 'full') ? columnsOf(nextInBand) : null;
    if (columns.length > 0) {
      // Side-by-side columns move to a new page whole when they do not fit.
      const tallest = columnsHeight(columns, y === m.top);
      if (y + tallest > bottom && y > m.top) newPage();
      const top = y;
      let end = top;
      for (const col of columns) {
        let cy = top;
        col.forEach((b, i) => {
          if (!(i === 0 && top === m.top)) cy += b.spaceBefore;
          cy = draw(b, cy);
        });
        end = Math.max(end, cy);
      }
      y = end;
    }
    full.forEach((b, i) => {
      let need = lineOf(b);
      if (b.keepWithNext) {
        need = heightOf(b);
        for (let j = i + 1; j < full.length; j++) {
          const next = full[j]!;
          need += next.spaceBefore + (next.keepWithNext ? heightOf(next) : lineOf(next));
          if (!next.keepWithNext) break;
        }
      }
      if (closing && i === full.length - 1) {
        const withClosing = heightOf(b) + columnsHeight(closing, false);
        if (y + b.spaceBefore + withClosing > bottom && m.top + withClosing <= bottom) need = withClosing;
      }
      if (y + b.spaceBefore + need > bottom && y > m.top) newPage();
      else if (y > m.top) y += b.spaceBefore;
      y = draw(b, y);
    });
  });

  // Page numbers: from page 2, centred in the top margin, upright.
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font(layout.pageNumbers.face).fontSize(layout.pageNumbers.size);
    const h = doc.currentLineHeight(true);
    doc.text(String(i - range.start + 1), m.left, Math.max(4, (m.top - h) / 2), { width: page.width - m.left - m.right, align: 'center', lineBreak: false });
    doc.page.margins = saved;
  }
  doc.end();
  const pdf = await done;
  if (!signature) throw new RangeError('The layout has no signature block');
  return { pdf, pages: range.count, signature, copyArea: layout.copyArea };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

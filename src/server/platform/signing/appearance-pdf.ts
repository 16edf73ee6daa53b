/**
 * Draws a signature's visible box (core/signing appearanceContent decides what it shows) as a one-page PDF of the
 * box's size with pdfkit and the official serif; signing embeds that page as the widget's appearance stream
 * (a Form XObject), so it renders in every viewer and is covered by the signature.
 *
 * Images: the signer's PNG (a blue handwritten signature, a red seal at real size) when one is configured; without
 * one (the demo), a drawn stand-in of the same colour — a flourish, or a double red ring with a star and the
 * agency's name — so a reader still sees which kind of signature it is.
 */
import PDFDocument from 'pdfkit';
import { appearanceContent, type AppearanceInput } from '../../../core/signing/appearance.ts';
import { SERIF_FONTS } from '../pdf/fonts.ts';

export interface AppearanceImages {
  /** PNG of the handwritten signature (person). */
  signature?: Uint8Array | null;
  /** PNG of the seal (agency). */
  seal?: Uint8Array | null;
}

const BLUE = '#1f3fbf';
const RED = '#d0021b';

export function renderAppearancePdf(input: AppearanceInput, width: number, height: number, images: AppearanceImages = {}): Promise<Uint8Array> {
  const content = appearanceContent(input);
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: true, info: { Producer: 'motcua', Creator: 'motcua' } });
  doc.registerFont('regular', SERIF_FONTS.regular);
  doc.registerFont('bold', SERIF_FONTS.bold);
  const pad = 2;
  const lineH = (size: number) => size * 1.2;
  const textH = content.lines.reduce((h, l) => h + lineH(l.size), 0);
  const drawLines = (top: number, align: 'center' | 'left') => {
    let y = top;
    for (const l of content.lines) {
      doc.font(l.bold ? 'bold' : 'regular').fontSize(l.size).fillColor('#000000').text(l.text, pad, y, { width: width - 2 * pad, align, lineBreak: false, ellipsis: true });
      y += lineH(l.size);
    }
  };
  if (content.image === null) {
    drawLines(pad, 'left');
  } else {
    const imgH = Math.max(0, height - textH - 2 * pad);
    const png = content.image === 'seal' ? images.seal : images.signature;
    if (png && imgH > 4) {
      doc.image(Buffer.from(png), pad, pad, { fit: [width - 2 * pad, imgH], align: 'center', valign: 'center' });
    } else if (imgH > 4) {
      if (content.image === 'seal') drawSeal(doc, width / 2, pad + imgH / 2, Math.min(width - 2 * pad, imgH) / 2, input.agency ?? '');
      else drawFlourish(doc, pad, pad, width - 2 * pad, imgH);
    }
    drawLines(height - pad - textH, 'center');
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

/** A drawn stand-in for a seal: two red rings, a five-pointed star, the agency's name inside. */
function drawSeal(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number, agency: string) {
  doc.save().lineWidth(Math.max(1, r * 0.05)).strokeColor(RED).circle(cx, cy, r * 0.96).stroke();
  doc.lineWidth(Math.max(0.5, r * 0.02)).circle(cx, cy, r * 0.78).stroke();
  const star: [number, number][] = [];
  for (let i = 0; i < 10; i += 1) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r * 0.22 : r * 0.09;
    star.push([cx + rr * Math.cos(a), cy - r * 0.3 + rr * Math.sin(a)]);
  }
  doc.polygon(...star).fillColor(RED).fill();
  doc.font('bold').fontSize(Math.max(4, r * 0.14)).fillColor(RED).text(agency.toUpperCase(), cx - r * 0.7, cy - r * 0.02, { width: r * 1.4, align: 'center', height: r * 0.7, ellipsis: true });
  doc.restore();
}

/** A drawn stand-in for a handwritten signature: a blue flourish. */
function drawFlourish(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number) {
  const mx = x + w / 2;
  const my = y + h / 2;
  const s = Math.min(w / 4, h / 2);
  doc.save().lineWidth(1.4).strokeColor(BLUE).lineCap('round')
    .moveTo(mx - 1.8 * s, my + 0.3 * s)
    .bezierCurveTo(mx - 1.2 * s, my - 1.2 * s, mx - 0.6 * s, my + 1.1 * s, mx, my - 0.2 * s)
    .bezierCurveTo(mx + 0.5 * s, my - 1.3 * s, mx + 0.9 * s, my + 0.9 * s, mx + 1.8 * s, my - 0.4 * s)
    .stroke()
    .moveTo(mx - 1.5 * s, my + 0.7 * s).lineTo(mx + 1.5 * s, my + 0.55 * s).stroke()
    .restore();
}

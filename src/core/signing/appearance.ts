/**
 * What a signature shows on the page (Circular 01/2019/TT-BNV on electronic documents, as vendors summarise it):
 *
 * - a person (leader, officer): the handwritten-signature image (blue PNG), then the name and title;
 * - the agency: its seal image (red, real size, PNG) with the agency name and the signing time in ISO 8601 with the
 *   Vietnam offset;
 * - an electronic copy made from paper (bản sao điện tử): no image, the text at the top right of page 1 — the kind
 *   of copy, the agency name and the signing time — Times New Roman 10, black.
 *
 * The exact overlap of seal and signature was not confirmed, so every position is a setting (`SignaturePlacement`),
 * with defaults here. Coordinates are in PDF points from the page's top-left corner (what a user measures);
 * the renderer converts them.
 */
import { isoVietnam } from './time.ts';

export type AppearanceKind = 'person' | 'agency' | 'copy';

export interface AppearanceInput {
  kind: AppearanceKind;
  /** The person's name (person) — from the certificate when not given. */
  name?: string;
  /** The person's title, e.g. "Chủ tịch" (person). */
  title?: string;
  /** The agency's name (agency, copy). */
  agency?: string;
  /** The kind of copy (copy); default "Bản sao điện tử" (the decree's wording: "bản sao điện tử từ bản chính"…). */
  copyKind?: string;
  signedAt: Date;
}

export interface AppearanceLine {
  text: string;
  bold?: boolean;
  size: number;
}

export interface AppearanceContent {
  /** Which image the box carries: the signer's handwritten signature, the agency seal, or none. */
  image: 'signature' | 'seal' | null;
  /** Text colour: black everywhere (the images carry the blue and red). */
  lines: AppearanceLine[];
}

/** The lines and image of each kind of appearance. One rule, used by the renderer and its tests. */
export function appearanceContent(a: AppearanceInput): AppearanceContent {
  const time = isoVietnam(a.signedAt);
  switch (a.kind) {
    case 'person':
      return {
        image: 'signature',
        lines: [
          ...(a.name ? [{ text: a.name, bold: true, size: 10 }] : []),
          ...(a.title ? [{ text: a.title, size: 9 }] : []),
        ],
      };
    case 'agency':
      return {
        image: 'seal',
        lines: [
          ...(a.agency ? [{ text: a.agency, bold: true, size: 9 }] : []),
          { text: time, size: 8 },
        ],
      };
    case 'copy':
      return {
        image: null,
        lines: [
          { text: a.copyKind ?? 'Bản sao điện tử', size: 10 },
          ...(a.agency ? [{ text: a.agency, size: 10 }] : []),
          { text: time, size: 10 },
        ],
      };
  }
}

/** Where a signature's box goes. `page`: 'first', 'last' or a 1-based page number. */
export interface SignaturePlacement {
  page: 'first' | 'last' | number;
  /** From the page's left edge, points. Negative: from the right edge. */
  x: number;
  /** From the page's top edge, points. Negative: from the bottom edge. */
  y: number;
  width: number;
  height: number;
}

/**
 * Default placements (A4 portrait, Decree 30 margins: right 15–20 mm). The person's box sits over the signature
 * block at the right of the last page; the seal overlaps its left third, as a stamp does on paper; an electronic
 * copy's text sits at the top right of page 1.
 */
export const DEFAULT_PLACEMENTS: Record<AppearanceKind, SignaturePlacement> = {
  person: { page: 'last', x: -57 - 190, y: -57 - 150, width: 190, height: 80 },
  agency: { page: 'last', x: -57 - 190 - 60, y: -57 - 170, width: 120, height: 120 },
  copy: { page: 'first', x: -57 - 200, y: 20, width: 200, height: 44 },
};

/** Resolves a placement on a page of the given size to a PDF rectangle [x1, y1, x2, y2] (origin bottom-left). */
export function placementRect(p: SignaturePlacement, pageWidth: number, pageHeight: number): [number, number, number, number] {
  const left = p.x < 0 ? pageWidth + p.x : p.x;
  const top = p.y < 0 ? pageHeight + p.y : p.y;
  const x1 = clamp(left, 0, Math.max(0, pageWidth - p.width));
  const y2 = pageHeight - clamp(top, 0, Math.max(0, pageHeight - p.height));
  return [round2(x1), round2(y2 - p.height), round2(x1 + p.width), round2(y2)];
}

/** The 0-based index of the placement's page in a document of `pageCount` pages. */
export function placementPage(p: SignaturePlacement, pageCount: number): number {
  if (pageCount < 1) throw new RangeError('A document has at least one page');
  if (p.page === 'first') return 0;
  if (p.page === 'last') return pageCount - 1;
  return clamp(Math.trunc(p.page), 1, pageCount) - 1;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The fonts every PDF embeds, from one place. Administrative documents (slips, registers, reform reports,
 * monitoring exports, signature appearances) are set in Liberation Serif: free (SIL OFL 1.1), metric-compatible
 * with Times New Roman — the font Decree 30/2020 prescribes — and complete for Vietnamese. The TTF files are
 * vendored in `data/fonts/` (origin, licence and checksums in `data/fonts/README.md`).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Folder of the vendored TTF files (`data/fonts/`). */
export const FONT_DIR = fileURLToPath(new URL('../../../../data/fonts/', import.meta.url));

/**
 * The serif family of administrative documents. `cell`/`cellBold` are the cuts for narrow table cells: Times New
 * Roman has no condensed cut and is already narrow, so they are the regular and bold cuts.
 */
export const SERIF_FONTS = {
  regular: path.join(FONT_DIR, 'LiberationSerif-Regular.ttf'),
  bold: path.join(FONT_DIR, 'LiberationSerif-Bold.ttf'),
  italic: path.join(FONT_DIR, 'LiberationSerif-Italic.ttf'),
  boldItalic: path.join(FONT_DIR, 'LiberationSerif-BoldItalic.ttf'),
  cell: path.join(FONT_DIR, 'LiberationSerif-Regular.ttf'),
  cellBold: path.join(FONT_DIR, 'LiberationSerif-Bold.ttf'),
} as const;

/** The family name charts (SVG) use for their text; the PDF maps it to the embedded serif cuts. */
export const SERIF_FAMILY = 'Liberation Serif';

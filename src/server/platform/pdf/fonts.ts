/**
 * The DejaVu fonts (package dejavu-fonts-ttf) every PDF embeds, so Vietnamese prints the same everywhere: the
 * serif family for administrative documents (slips, reports), the sans family for dashboards.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Folder of the DejaVu TTF files. */
export const DEJAVU_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The serif family of administrative documents, with the condensed cut for narrow table cells. */
export const SERIF_FONTS = {
  regular: path.join(DEJAVU_DIR, 'DejaVuSerif.ttf'),
  bold: path.join(DEJAVU_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(DEJAVU_DIR, 'DejaVuSerif-Italic.ttf'),
  boldItalic: path.join(DEJAVU_DIR, 'DejaVuSerif-BoldItalic.ttf'),
  cell: path.join(DEJAVU_DIR, 'DejaVuSerifCondensed.ttf'),
  cellBold: path.join(DEJAVU_DIR, 'DejaVuSerifCondensed-Bold.ttf'),
} as const;

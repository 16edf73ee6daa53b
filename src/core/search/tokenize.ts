/**
 * Search tokens: `foldVietnamese` (NFC → lower case → no diacritics → 'đ' → 'd'), so precomposed, decomposed
 * ("Unicode tổ hợp") and old/new tone placements ('xoá'/'xóa', 'thuỷ'/'thủy') all give the same tokens; then
 * every non-alphanumeric character separates tokens, and the 'y'/'i' spelling variants of open syllables
 * ('ký'/'kí', 'lý'/'lí', 'mỹ'/'mĩ') are unified to 'i'.
 */
import { foldVietnamese } from '../text/fold.ts';

// A consonant onset followed by a final 'y' ('ky', 'ly', 'my', 'thy'…): written with 'i' just as often. 'quy',
// 'huy', 'tuy' (a 'uy' rhyme) and the bare 'y' ('y tế') are distinct syllables and are left alone.
const OPEN_Y = /^(b|c|d|g|h|k|l|m|n|p|r|s|t|v|x|ph|th|tr|ch|nh|kh|ng|gh)y$/;
const NON_ALNUM = /[^a-z0-9]+/g;

/** One folded token in its canonical spelling. */
export function normalizeToken(t: string): string {
  return OPEN_Y.test(t) ? t.slice(0, -1) + 'i' : t;
}

/** Folded text with every separator turned into one space (no token normalisation). */
export function foldForSearch(s: string): string {
  return foldVietnamese(s).replace(/ð/g, 'd').replace(NON_ALNUM, ' ').trim();
}

/** The search tokens of a text, in order. `tokenize('Đăng ký  KHAI-SINH (lưu động)')` → dang ki khai sinh luu dong. */
export function tokenize(s: string): string[] {
  const folded = foldForSearch(s);
  if (!folded) return [];
  return folded.split(' ').map(normalizeToken);
}

/** `tokenize` joined with single spaces: the canonical key of a phrase. */
export function phraseKey(s: string): string {
  return tokenize(s).join(' ');
}

/** Index of the first occurrence of `needle` as a contiguous run in `hay`, or -1. */
export function indexOfRun(hay: readonly string[], needle: readonly string[], from = 0): number {
  if (needle.length === 0) return -1;
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

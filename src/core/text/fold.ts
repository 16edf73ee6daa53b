/**
 * Vietnamese text normalisation used for search and duplicate detection.
 *
 * The source data mixes precomposed (NFC) text with "Unicode tổ hợp" (decomposed tone marks stored as
 * combining characters, e.g. the steps of 1.000894 and 1.001445, the name of 1.012648). Always compare text
 * through `nfc` (display, equality) or `foldVietnamese` (search keys).
 */

/** Unicode NFC normalisation. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

// Any combining mark (covers the Vietnamese tone marks U+0300, U+0301, U+0303, U+0309, U+0323 and the
// vowel modifiers U+0302, U+0306, U+031B after NFD).
const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE = /\s+/gu;

/**
 * Search/dedup key: NFC → lower case → strip every diacritic (also decomposed ones from the source) →
 * 'đ' → 'd' → collapse runs of whitespace into one space and trim.
 *
 * `foldVietnamese('  Thủ tục  ĐĂNG KÝ kết hôn ') === 'thu tuc dang ky ket hon'`; 'xoá'/'xóa', 'hoà'/'hòa',
 * 'thuỷ'/'thủy' fold to the same key (old and new tone-mark placement).
 */
export function foldVietnamese(s: string): string {
  return nfc(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(WHITESPACE, ' ')
    .trim();
}

/** NFC + trim; the canonical form of names and codes read from the source data. */
export function cleanText(s: string): string {
  return nfc(s).trim();
}

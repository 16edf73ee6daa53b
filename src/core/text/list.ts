/**
 * Splits a comma-joined Vietnamese list as shown on the portal's public pages, e.g.
 * "Cục cảnh sát quản lý hành chính về trật tự, xã hội, Công an tỉnh" or
 * "Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức".
 *
 * Rules (heuristic, documented): split on commas and semicolons outside parentheses; a piece that starts
 * with a lower-case letter continues the previous item ("trật tự, xã hội", "cấp xã, phường, thị trấn",
 * "Cán bộ, công chức, viên chức"). Empty pieces are dropped; items are NFC-normalised and trimmed.
 */
export function splitVietnameseList(s: string | null | undefined): string[] {
  if (s == null) return [];
  const text = s.normalize('NFC');
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if ((ch === ',' || ch === ';' || ch === '\n') && depth === 0) {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  const items: string[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    const first = piece[0] ?? '';
    const startsLower = first !== first.toUpperCase() && first === first.toLowerCase();
    if (startsLower && items.length > 0) {
      items[items.length - 1] = `${items[items.length - 1]}, ${piece}`;
    } else {
      items.push(piece);
    }
  }
  return items;
}

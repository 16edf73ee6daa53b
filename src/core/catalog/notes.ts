/**
 * Notes versus dossier components. Both sources list the components section's notes as rows of the table
 * ("* Lưu ý:" groups, "+ Người tiếp nhận có trách nhiệm…", "Trường hợp … thì …", lead-ins such as "- Đối với
 * giấy tờ gửi kèm theo …:"), with "0 bản chính" and no copy. They are shown as notes and never become
 * checklist items at the desk. Pure.
 *
 * Rule (checked on the 26 national records: every row with no original and no copy is such a note, and no
 * real document has 0/0):
 * - a row under a heading that says "Lưu ý" is a note;
 * - a row whose text starts with "Lưu ý" / "* Lưu ý" is a note;
 * - a row asking for no original and no copy (0/0) is a note.
 */
import { foldVietnamese } from '../text/fold.ts';
import type { DossierComponent, ProcedureNote } from './types.ts';

const NOTE_HEADING = /^[*\-+\s]*luu y\b/;

// Only the start of a text can say "Lưu ý" (folding whole rows is slow on the 2,642-entry index).
const head = (s: string) => foldVietnamese(s.slice(0, 24));

export function isNoteHeading(caseName: string | null): boolean {
  return caseName !== null && NOTE_HEADING.test(head(caseName));
}

export function isNoteRow(c: Pick<DossierComponent, 'name' | 'caseName' | 'originalCount' | 'copyCount'>): boolean {
  if (c.originalCount === 0 && c.copyCount === 0) return true;
  return isNoteHeading(c.caseName) || NOTE_HEADING.test(head(c.name));
}

/** Splits rows into checklist components and notes, keeping source order in each. */
export function splitNotes(rows: readonly DossierComponent[]): { components: DossierComponent[]; notes: ProcedureNote[] } {
  const components: DossierComponent[] = [];
  const notes: ProcedureNote[] = [];
  for (const r of rows) {
    if (isNoteRow(r)) notes.push({ caseName: r.caseName, text: r.name });
    else components.push(r);
  }
  return { components, notes };
}

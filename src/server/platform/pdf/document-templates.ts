/**
 * The administrative-document templates, as data: one JSON spec per kind (core/documents/layout.ts
 * DocumentSpecSchema) in `data/document-templates/`, each a realistic demo example of Phường Pleiku (Gia Lai) with
 * the structure of its kind — an official letter (công văn, "Kính gửi", V/v), a decision (quyết định: the issuing
 * authority, legal bases, "QUYẾT ĐỊNH:", articles), a plan (kế hoạch: parts I–III) and a report (báo cáo, not yet
 * numbered nor dated). `motcua document render --template <id>` renders one; the document office drafts from them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentKind } from '../../../core/documents/layout.ts';

/** Folder of the template files (`data/document-templates/`). */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../../../data/document-templates/', import.meta.url));

export interface DocumentTemplate {
  id: string;
  kind: DocumentKind;
  vi: string;
  en: string;
}

export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  { id: 'cong-van', kind: 'official_letter', vi: 'Công văn', en: 'Official letter' },
  { id: 'quyet-dinh', kind: 'decision', vi: 'Quyết định (cá biệt)', en: 'Decision' },
  { id: 'ke-hoach', kind: 'plan', vi: 'Kế hoạch', en: 'Plan' },
  { id: 'bao-cao', kind: 'report', vi: 'Báo cáo', en: 'Report' },
];

/** The template's spec as stored (JSON, not yet validated: give it to layoutDocument). */
export function readDocumentTemplate(id: string): unknown {
  const t = DOCUMENT_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new RangeError(`unknown template ${id}; one of ${DOCUMENT_TEMPLATES.map((x) => x.id).join(', ')}`);
  return JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, `${t.id}.json`), 'utf8')) as unknown;
}

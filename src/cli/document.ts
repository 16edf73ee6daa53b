/**
 * `motcua document render --in spec.json --out file.pdf` (or `--template <id>`): an administrative document in the
 * Decree 30/2020 format from a JSON spec (core/documents/layout.ts), rendered to PDF (platform/pdf
 * administrative-document.ts). No server or database. Bad input → one line per problem naming its field on stderr
 * and exit code 1. Prints where the signature box and the electronic-copy box go, for `motcua pdf sign`.
 */
import fs from 'node:fs';
import { layoutDocument } from '../core/documents/layout.ts';
import { renderAdministrativeDocument } from '../server/platform/pdf/administrative-document.ts';
import { DOCUMENT_TEMPLATES, readDocumentTemplate } from '../server/platform/pdf/document-templates.ts';

export interface RenderArgs {
  in?: string;
  template?: string;
  out: string;
  json?: boolean;
}

export async function documentRender(o: RenderArgs, now: Date): Promise<{ code: number; out: string; err: string }> {
  if (!o.in === !o.template) return { code: 1, out: '', err: 'error: give either --in <spec.json> or --template <id>' };
  let spec: unknown;
  if (o.template) {
    if (!DOCUMENT_TEMPLATES.some((t) => t.id === o.template)) return { code: 1, out: '', err: `error: unknown template ${o.template}; one of ${DOCUMENT_TEMPLATES.map((t) => t.id).join(', ')}` };
    spec = readDocumentTemplate(o.template);
  } else {
    let text: string;
    try {
      text = o.in === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(o.in!, 'utf8');
    } catch (e) {
      return { code: 1, out: '', err: `error: cannot read ${o.in}: ${(e as Error).message}` };
    }
    try {
      spec = JSON.parse(text);
    } catch (e) {
      return { code: 1, out: '', err: `error: ${o.in} is not valid JSON: ${(e as Error).message}` };
    }
  }
  const r = layoutDocument(spec);
  if (!r.ok) return { code: 1, out: '', err: r.problems.map((p) => `error: ${p}`).join('\n') };
  const doc = await renderAdministrativeDocument(r.layout, { createdAt: now });
  try {
    fs.writeFileSync(o.out, doc.pdf);
  } catch (e) {
    return { code: 1, out: '', err: `error: cannot write ${o.out}: ${(e as Error).message}` };
  }
  const box = (b: { page: number | string; x: number; y: number; width: number; height: number }) => `page ${b.page}, x ${b.x} y ${b.y} (pt from the top left), ${b.width} × ${b.height} pt`;
  if (o.json) {
    return { code: 0, out: JSON.stringify({ file: o.out, pages: doc.pages, numberLine: r.layout.numberLine, placeDate: r.layout.placeDate, signature: doc.signature, copyArea: doc.copyArea }, null, 2), err: '' };
  }
  return {
    code: 0,
    out: [
      `${r.layout.meta.title.replace(/\s+/g, ' ')} — ${doc.pages} page(s) → ${o.out}`,
      `signature box: ${box(doc.signature)}`,
      `electronic-copy box: ${box(doc.copyArea)}`,
    ].join('\n'),
    err: '',
  };
}

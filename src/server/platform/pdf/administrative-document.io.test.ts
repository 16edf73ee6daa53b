/**
 * Administrative documents (Decree 30/2020, Appendix I) rendered to PDF and read back by poppler: every block's text
 * comes back from pdftotext -layout in correct Vietnamese (NFC, every diacritic), pdffonts lists only the embedded
 * official serif, pdfinfo says A4, the text's left edge is the left margin (pdftotext -bbox), page numbers sit
 * centred at the top from page 2. Then the document is signed in the signature space the renderer returns (and an
 * electronic copy's text in the copy area), and pdfsig -nocert says the signatures are valid.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDF } from '@libpdf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutDocument, mm, type DocumentLayout, type DocumentSpecInput, type LayoutBlock } from '../../../core/documents/layout.ts';
import { placementRect, type SignaturePlacement } from '../../../core/signing/appearance.ts';
import { ensureDemoPki, pkcs12Signer, signPdf, verifyPdf, pemCertificates, type Signer } from '../signing/index.ts';
import { renderAdministrativeDocument, type RenderedDocument } from './administrative-document.ts';
import { DOCUMENT_TEMPLATES, readDocumentTemplate } from './document-templates.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-decree30-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const NOW = new Date('2026-12-04T09:30:00+07:00');

let n = 0;
function save(pdf: Uint8Array): string {
  const file = path.join(tmp, `d${(n += 1)}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** pdftotext -layout of one page, optionally only the strip between x0 and x1 (points; 72 dpi = 1 px per pt). */
function layoutText(file: string, page: number, strip?: { x0: number; x1: number }): string {
  const crop = strip ? ['-x', String(Math.floor(strip.x0)), '-y', '0', '-W', String(Math.ceil(strip.x1 - strip.x0)), '-H', '842'] : [];
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), ...crop, file, '-']).toString('utf8');
}

interface Word { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string }
function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).toString('utf8');
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) out.push({ page, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescapeHtml(w[5]!) });
  }
  return out;
}
const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const squash = (s: string) => s.replace(/\s+/gu, '');
const oneSpace = (s: string) => s.replace(/\s+/gu, ' ').trim();
const plain = (b: LayoutBlock) => b.runs.map((r) => r.text).join('');

function laid(spec: unknown): DocumentLayout {
  const r = layoutDocument(spec);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.layout;
}

/** Every page's text, the body read whole-width, the header and closing columns read as strips. */
function pagesText(file: string, pages: number, l: DocumentLayout) {
  const cols = (side: 'left' | 'right', band: number) => {
    const b = l.blocks.find((x) => x.band === band && x.column === side)!;
    return { x0: b.x - 1, x1: b.x + b.width + 1 };
  };
  return Array.from({ length: pages }, (_, i) => ({
    full: layoutText(file, i + 1),
    headLeft: layoutText(file, i + 1, cols('left', 0)),
    headRight: layoutText(file, i + 1, cols('right', 0)),
    closeLeft: layoutText(file, i + 1, cols('left', 2)),
    closeRight: layoutText(file, i + 1, cols('right', 2)),
  }));
}

const rendered = new Map<string, { layout: DocumentLayout; out: RenderedDocument; file: string }>();
beforeAll(async () => {
  for (const t of DOCUMENT_TEMPLATES) {
    const layout = laid(readDocumentTemplate(t.id));
    const out = await renderAdministrativeDocument(layout, { createdAt: NOW });
    rendered.set(t.id, { layout, out, file: save(out.pdf) });
  }
});

describe('the four templates, rendered and read back by poppler', () => {
  it('are the official letter, decision, plan and report', () => {
    expect(DOCUMENT_TEMPLATES.map((t) => [t.id, t.kind])).toEqual([
      ['cong-van', 'official_letter'],
      ['quyet-dinh', 'decision'],
      ['ke-hoach', 'plan'],
      ['bao-cao', 'report'],
    ]);
  });

  for (const id of ['cong-van', 'quyet-dinh', 'ke-hoach', 'bao-cao']) {
    it(`${id}: every block comes back from pdftotext -layout, NFC, diacritics intact`, () => {
      const { layout, out, file } = rendered.get(id)!;
      const pages = pagesText(file, out.pages, layout);
      const all = pages.map((p) => p.full).join('\n');
      // The body read across page breaks: each page without its number line at the top.
      const body = pages.map((p, i) => (i === 0 ? p.full : p.full.replace(/^\s*\d+\s*\n/u, ''))).join('\n');
      expect(all).toBe(all.normalize('NFC'));
      expect(all).not.toMatch(/\p{M}/u); // no combining marks: every letter precomposed
      for (const b of layout.blocks) {
        const want = plain(b);
        const where = b.column === 'full' ? [body] : b.band === 0 ? pages.map((p) => (b.column === 'left' ? p.headLeft : p.headRight)) : pages.map((p) => (b.column === 'left' ? p.closeLeft : p.closeRight));
        // Body text is compared with single spaces (lines joined); the narrow columns wrap anywhere, so without spaces.
        const found = b.column === 'full' && b.align !== 'center' ? where.some((t) => oneSpace(t).includes(oneSpace(want))) : where.some((t) => squash(t).includes(squash(want)));
        expect(found, `${b.id}: ${want}`).toBe(true);
      }
      expect(squash(all)).toContain(squash('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      expect(all).toContain('Độc lập - Tự do - Hạnh phúc');
    });
  }

  it('every Vietnamese letter with every tone, in the body (regular, bold lead, italic) and in capitals in the header', async () => {
    const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const letters = [...vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))), 'đ'];
    const word = letters.join(' ');
    const spec = {
      ...(readDocumentTemplate('cong-van') as DocumentSpecInput),
      agency: { name: 'Ủy ban nhân dân xã Ia Hrú', parent: 'Ủy ban nhân dân tỉnh Gia Lai', abbreviation: 'UBND' },
      body: [word, { lead: 'Điều 1.', text: word }, { text: word, style: 'basis' }, { text: `Ông Nguyễn Văn Ữ, bà Đặng Thị Ệ ở Huế; ${word.toUpperCase()}` }],
    } as DocumentSpecInput;
    const layout = laid(spec);
    const out = await renderAdministrativeDocument(layout, { createdAt: NOW });
    const file = save(out.pdf);
    const text = Array.from({ length: out.pages }, (_, i) => layoutText(file, i + 1)).join('');
    const all = squash(text);
    expect(text).toBe(text.normalize('NFC'));
    expect(all.split(squash(word)).length - 1).toBeGreaterThanOrEqual(3);
    expect(all).toContain(squash(word.toUpperCase()));
    expect(all).toContain(squash('ỦY BAN NHÂN DÂN XÃ IA HRÚ'));
  });

  it('an urgency mark: read back under the number, inside its frame', async () => {
    const layout = laid({ ...(readDocumentTemplate('cong-van') as DocumentSpecInput), urgency: 'thuong_khan' });
    const file = save((await renderAdministrativeDocument(layout, { createdAt: NOW })).pdf);
    const head = layoutText(file, 1, { x0: layout.page.margins.left - 1, x1: layout.blocks.find((b) => b.id === 'motto')!.x });
    expect(squash(head)).toContain(squash('Số: 12/UBND-VPV/v tăng cường tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyếnTHƯỢNG KHẨN'));
  });

  it('the official letter: number, V/v under it, date, signature block as printed', () => {
    const { file, layout } = rendered.get('cong-van')!;
    const [p] = pagesText(file, 1, layout);
    expect(oneSpace(p!.headLeft)).toContain('Số: 12/UBND-VP');
    expect(squash(p!.headLeft)).toContain(squash('V/v tăng cường tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến'));
    expect(p!.headRight).toContain('Pleiku, ngày 04 tháng 12 năm 2026');
    expect(p!.full).not.toContain('CÔNG VĂN');
    expect(oneSpace(p!.closeRight)).toContain('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Lãnh');
    expect(p!.closeLeft).toContain('Nơi nhận:');
    expect(p!.closeLeft).toContain('- Lưu: VT, VP.');
  });

  it('the report before numbering and dating: "Số:      /BC-UBND" and a blank day and month', () => {
    const { file, layout } = rendered.get('bao-cao')!;
    const [p] = pagesText(file, 1, layout);
    expect(p!.headLeft).toMatch(/Số:\s+\/BC-UBND/);
    expect(p!.headLeft).not.toMatch(/Số:\s*\d/);
    expect(p!.headRight).toMatch(/Pleiku, ngày\s+tháng\s+năm 2026/);
    expect(p!.full).toContain('BÁO CÁO');
  });

  it('pdffonts: only Liberation Serif (the Times-metric official serif), every cut embedded as a subset', () => {
    for (const { file } of rendered.values()) {
      const rows = execFileSync('pdffonts', [file]).toString('utf8').trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const r of rows) expect(r).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?\s.*\byes\s+yes\s+yes\b/);
    }
  });

  it('pdfinfo: A4 portrait; the plan runs over two pages', () => {
    for (const { file, out } of rendered.values()) {
      const info = execFileSync('pdfinfo', [file]).toString('utf8');
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(info).toContain(`Pages:           ${out.pages}`);
    }
    expect(rendered.get('ke-hoach')!.out.pages).toBeGreaterThanOrEqual(2);
  });

  it('the text’s left edge is the left margin and its right edge the right margin, on every page', () => {
    for (const { file, layout } of rendered.values()) {
      const { left, right } = layout.page.margins;
      const ws = words(file);
      for (const page of new Set(ws.map((w) => w.page))) {
        const body = ws.filter((w) => w.page === page && w.yMin >= layout.page.margins.top - 0.5);
        expect(Math.min(...body.map((w) => w.xMin)), `page ${page}`).toBeCloseTo(left, 0);
        // Justified lines end on the right margin; nothing goes past it.
        expect(Math.max(...body.map((w) => w.xMax)), `page ${page}`).toBeLessThanOrEqual(layout.page.width - right + 0.5);
      }
      const fullLines = ws.filter((w) => w.page === 1 && Math.abs(w.xMax - (layout.page.width - right)) < 0.5);
      expect(fullLines.length).toBeGreaterThan(0);
    }
  });

  it('other margins inside the decree’s ranges move the text with them', async () => {
    const spec = { ...(readDocumentTemplate('cong-van') as DocumentSpecInput), settings: { marginLeftMm: 35, marginRightMm: 20, marginTopMm: 25 } } as DocumentSpecInput;
    const layout = laid(spec);
    const file = save((await renderAdministrativeDocument(layout, { createdAt: NOW })).pdf);
    const ws = words(file);
    expect(Math.min(...ws.map((w) => w.xMin))).toBeCloseTo(mm(35), 0);
    // Nothing above the top margin but the page numbers of pages 2, 3 …
    expect(ws.filter((w) => w.yMin < mm(25) - 0.5).map((w) => `${w.page}:${w.text}`)).toEqual(Array.from({ length: Math.max(...ws.map((w) => w.page)) - 1 }, (_, i) => `${i + 2}:${i + 2}`));
    expect(Math.max(...ws.map((w) => w.xMax))).toBeLessThanOrEqual(595.28 - mm(20) + 0.5);
  });

  it('page numbers: none on page 1; from page 2 the number centred in the top margin', async () => {
    const base = readDocumentTemplate('ke-hoach') as { body: unknown[] };
    const long = { ...base, body: [...base.body, ...base.body, ...base.body] } as DocumentSpecInput;
    const layout = laid(long);
    const out = await renderAdministrativeDocument(layout, { createdAt: NOW });
    expect(out.pages).toBeGreaterThanOrEqual(3);
    const file = save(out.pdf);
    const ws = words(file);
    const { top, left, right } = layout.page.margins;
    const centre = (left + layout.page.width - right) / 2;
    expect(ws.filter((w) => w.page === 1 && w.yMax <= top)).toEqual([]);
    for (let p = 2; p <= out.pages; p++) {
      const head = ws.filter((w) => w.page === p && w.yMax <= top);
      expect(head.map((w) => w.text), `page ${p}`).toEqual([String(p)]);
      expect((head[0]!.xMin + head[0]!.xMax) / 2).toBeCloseTo(centre, 0);
      expect(head[0]!.yMax - head[0]!.yMin).toBeGreaterThan(13); // 14 pt
      expect(layoutText(file, p).trimStart().startsWith(String(p))).toBe(true);
    }
    expect(out.signature.page).toBe(out.pages);
  });

  it('the signature block never stands alone on a page: the last paragraph goes over with it', () => {
    for (const { file, out, layout } of rendered.values()) {
      const ws = words(file).filter((w) => w.page === out.signature.page);
      const label = ws.find((w) => w.text === 'Nơi')!;
      const lastParagraph = layout.blocks.filter((b) => b.band === 1).at(-1)!;
      const lastWord = plain(lastParagraph).split(' ').at(-1)!;
      const above = ws.filter((w) => w.yMin >= layout.page.margins.top - 0.5 && w.yMax <= label.yMin);
      expect(above.map((w) => w.text)).toContain(lastWord);
    }
    // The decision's closing does not fit under its article 3 on page 1: article 3 moves to page 2 with it.
    const qd = rendered.get('quyet-dinh')!;
    expect(qd.out.pages).toBe(2);
    expect(oneSpace(layoutText(qd.file, 2))).toMatch(/^2 Điều 3\. Quyết định này có hiệu lực/);
  });

  it('the returned signature space lies between the title and the name, and the copy area is empty', () => {
    for (const { file, out, layout } of rendered.values()) {
      const ws = words(file).filter((w) => w.page === out.signature.page);
      const s = out.signature;
      const inside = ws.filter((w) => w.xMax > s.x && w.xMin < s.x + s.width && w.yMax > s.y + 0.5 && w.yMin < s.y + s.height - 0.5);
      expect(inside.map((w) => w.text)).toEqual([]);
      const title = layout.blocks.find((b) => b.id === 'signerTitle')!;
      const titleWords = plain(title).split(' ');
      const above = ws.filter((w) => w.xMin >= s.x - 0.5 && w.yMax <= s.y + 0.5 && w.yMax > s.y - 30).map((w) => w.text);
      expect(above.slice(-titleWords.length)).toEqual(titleWords);
      const name = layout.blocks.find((b) => b.id === 'signerName')!;
      const below = ws.filter((w) => w.xMin >= s.x - 0.5 && w.yMin >= s.y + s.height - 0.5).map((w) => w.text);
      expect(below.slice(0, name.runs[0]!.text.split(' ').length).join(' ')).toBe(plain(name));
      const c = out.copyArea;
      expect(words(file).filter((w) => w.page === 1 && w.xMax > c.x && w.yMin < c.y + c.height)).toEqual([]);
    }
  });
});

describe('signed with the signing platform in the returned boxes', () => {
  let leader: Signer;
  let seal: Signer;
  let anchors: Uint8Array[];
  beforeAll(async () => {
    const dir = path.join(tmp, 'pki');
    const m = ensureDemoPki(dir, NOW);
    anchors = pemCertificates(fs.readFileSync(path.join(dir, m.ca), 'utf8'));
    const p12 = (id: string) => m.signers.find((s) => s.id === id)!;
    leader = await pkcs12Signer(fs.readFileSync(path.join(dir, p12('pleiku.leader').p12)), p12('pleiku.leader').password);
    seal = await pkcs12Signer(fs.readFileSync(path.join(dir, p12('pleiku.seal').p12)), p12('pleiku.seal').password);
  });

  const pdfsig = (file: string) => {
    const r = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`;
  };
  const widgetRects = async (bytes: Uint8Array) => {
    const pdf = await PDF.load(bytes);
    return (pdf.getForm()?.getSignatureFields() ?? []).map((f) => f.getWidgets()[0]!.rect.map((v) => Math.round(v * 100) / 100));
  };
  const expectedRect = (p: SignaturePlacement) => placementRect(p, 595.28, 841.89);

  it('the leader’s visible signature in the signature space, the seal over it, an electronic copy at the top right: pdfsig says all valid', async () => {
    const { out } = rendered.get('quyet-dinh')!;
    const signed = await signPdf(out.pdf, {
      signer: leader, signingTime: NOW, reason: 'Ký ban hành',
      appearance: { content: { kind: 'person', name: 'Trần Thị Hoa', title: 'Phó Chủ tịch', signedAt: NOW }, placement: out.signature },
    });
    const sealAt = new Date(NOW.getTime() + 600_000);
    const sealed = await signPdf(signed, {
      signer: seal, signingTime: sealAt, reason: 'Đóng dấu',
      appearance: { content: { kind: 'agency', agency: 'UBND phường Pleiku', signedAt: sealAt }, placement: { ...out.signature, width: Math.min(out.signature.width, out.signature.height + 20) } },
    });
    const copyAt = new Date(NOW.getTime() + 1200_000);
    const copied = await signPdf(sealed, {
      signer: seal, signingTime: copyAt,
      appearance: { content: { kind: 'copy', agency: 'UBND phường Pleiku', signedAt: copyAt }, placement: out.copyArea },
    });
    const file = save(copied);
    const report = pdfsig(file);
    const blocks = report.split(/^Signature #\d+:$/m).slice(1);
    expect(blocks).toHaveLength(3);
    for (const b of blocks) {
      expect(b).toContain('Signature Validation: Signature is Valid.');
      expect(b).toContain('Signature Type: ETSI.CAdES.detached');
    }
    expect(blocks[0]).toContain('Signer Certificate Common Name: Lê Quang Hưng');
    expect(blocks[2]).toContain('Total document signed');

    const rects = await widgetRects(copied);
    expect(rects[0]).toEqual(expectedRect(out.signature));
    expect(rects[2]).toEqual(expectedRect(out.copyArea));
    const pdf = await PDF.load(copied);
    const pages = pdf.getPages();
    expect(pages).toHaveLength(out.pages);
    const r = await verifyPdf(copied, { trustAnchors: anchors, now: () => NOW });
    expect(r.status).toBe('valid');
    expect(r.signatures.map((s) => s.intact)).toEqual([true, true, true]);
    // The document's text is still there, and the signature boxes add their own lines only inside their boxes.
    expect(layoutText(file, 1)).toContain('QUYẾT ĐỊNH');
  });

  it('one byte changed in the signed document: pdfsig no longer says valid', async () => {
    const { out } = rendered.get('cong-van')!;
    const signed = await signPdf(out.pdf, { signer: leader, signingTime: NOW, appearance: { content: { kind: 'person', name: 'Nguyễn Văn Lãnh', title: 'Phó Chủ tịch', signedAt: NOW }, placement: out.signature } });
    expect(pdfsig(save(signed))).toContain('Signature is Valid.');
    const bad = new Uint8Array(signed);
    bad[10] = bad[10]! ^ 0x01;
    expect(pdfsig(save(bad))).not.toContain('Signature is Valid.');
  });
});

/**
 * The official serif renders every Vietnamese letter: each letter with each tone mark (the stacked ones too: ệ,
 * ở, Ữ …), in the four cuts, is read back by poppler's pdftotext exactly as written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { SERIF_FONTS } from './fonts.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-fonts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // none, huyền, sắc, hỏi, ngã, nặng
/** Every vowel with every tone, lower and upper case, plus đ/Đ: 146 precomposed (NFC) letters. */
const LETTERS = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')));
const ALL = [...LETTERS, 'đ', ...LETTERS.map((l) => l.toUpperCase()), 'Đ'];

function render(font: string, lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  doc.registerFont('f', font);
  doc.font('f').fontSize(12);
  for (const l of lines) doc.text(l);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done;
}

function textOf(pdf: Buffer, name: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC');
}

describe('the official serif (Liberation Serif)', () => {
  it('has 146 distinct Vietnamese letters to check, the stacked marks among them', () => {
    expect(new Set(ALL).size).toBe(146);
    for (const l of ['ệ', 'ở', 'Ữ', 'ặ', 'Ẫ', 'ỡ']) expect(ALL).toContain(l);
  });

  for (const [cut, file] of Object.entries(SERIF_FONTS)) {
    it(`${cut}: every letter and a sentence come back from pdftotext as written`, async () => {
      const sentence = 'Ủy ban nhân dân phường Pleiku — Giấy tiếp nhận hồ sơ và hẹn trả kết quả: Nguyễn Thị Ữ, Đặng Văn Ệ, thưởng ở Huế.';
      const rows = [];
      for (let i = 0; i < ALL.length; i += 24) rows.push(ALL.slice(i, i + 24).join(' '));
      const text = textOf(await render(file, [sentence, ...rows]), `${cut}.pdf`);
      expect(text.replace(/\s+/g, ' ')).toContain(sentence);
      // pdftotext joins one-letter words (the gap is narrow), so compare the rows without white space, in order.
      const squashed = text.replace(/\s+/g, '');
      expect(squashed).toContain(ALL.join(''));
    });
  }

  it('is the Liberation Serif family in the PDF, embedded as a subset', async () => {
    const file = path.join(tmp, 'fonts.pdf');
    fs.writeFileSync(file, await render(SERIF_FONTS.bold, ['Độc lập - Tự do - Hạnh phúc']));
    const fonts = execFileSync('pdffonts', [file]).toString('utf8').trim().split('\n').slice(2);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/^[A-Z]{6}\+LiberationSerif-Bold\s.*\byes\s+yes\s+yes\b/);
  });
});

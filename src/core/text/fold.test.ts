import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText, foldVietnamese, nfc } from './fold.ts';
import { splitVietnameseList } from './list.ts';

const seed = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../data/seed/${path}`, import.meta.url), 'utf8'));

interface RawRecord {
  name: string;
  executionSteps: { description: string }[];
}

describe('nfc / foldVietnamese', () => {
  it('folds old and new tone-mark placement to the same key', () => {
    expect(foldVietnamese('xoá')).toBe(foldVietnamese('xóa'));
    expect(foldVietnamese('hoà')).toBe(foldVietnamese('hòa'));
    expect(foldVietnamese('thuỷ')).toBe(foldVietnamese('thủy'));
    expect(foldVietnamese('Thuỷ lợi')).toBe('thuy loi');
    expect(foldVietnamese('xoá')).toBe('xoa');
  });

  it('lower-cases, strips every diacritic, maps đ/Đ to d and collapses whitespace', () => {
    expect(foldVietnamese('  Thủ tục   ĐĂNG KÝ\tkết hôn\n')).toBe('thu tuc dang ky ket hon');
    expect(foldVietnamese('Đắk Lắk — Ứng Hoà, Ưu đãi')).toBe('dak lak — ung hoa, uu dai');
    expect(foldVietnamese('')).toBe('');
  });

  it('treats decomposed (combining) and precomposed strings alike', () => {
    const decomposed = 'Ho\u0302\u0300 so\u031b'; // "Hồ sơ" written with combining marks
    expect(decomposed).not.toBe('Hồ sơ');
    expect(nfc(decomposed)).toBe('Hồ sơ');
    expect(foldVietnamese(decomposed)).toBe('ho so');
  });

  it('normalises the decomposed name of 1.012648 from the seed data', () => {
    const r = seed('national-procedures/1.012648.json') as RawRecord;
    expect(r.name).not.toBe(nfc(r.name)); // the source keeps "Unicode tổ hợp"
    expect(r.name).toMatch(/\p{M}/u);
    expect(nfc(r.name)).not.toMatch(/\p{M}/u);
    expect(nfc(r.name).startsWith('THỦ TỤC ĐỀ NGHỊ MỜI TỔ CHỨC, CÁ NHÂN NƯỚC NGOÀI VÀO VIỆT NAM')).toBe(true);
    expect(foldVietnamese(r.name)).toBe(foldVietnamese(nfc(r.name)));
    expect(foldVietnamese(r.name).startsWith('thu tuc de nghi moi to chuc, ca nhan nuoc ngoai vao viet nam')).toBe(true);
  });

  it('makes the decomposed steps of 1.000894 and 1.001445 equal to the (NFC) public-page text', () => {
    const index = seed('procedure-index-2026.json') as { procedures: { code: string; text: { steps: string } }[] };
    for (const code of ['1.000894', '1.001445']) {
      const r = seed(`national-procedures/${code}.json`) as RawRecord;
      const raw = r.executionSteps[0]?.description ?? '';
      const page = index.procedures.find((p) => p.code.trim() === code)?.text.steps ?? '';
      expect(raw).not.toBe(nfc(raw));
      expect(raw.trim()).not.toBe(page);
      expect(cleanText(raw)).toBe(page);
      expect(foldVietnamese(raw)).toBe(foldVietnamese(page));
    }
  });
});

describe('splitVietnameseList', () => {
  it('keeps commas inside parentheses and lower-case continuations together', () => {
    expect(splitVietnameseList('Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức, Doanh nghiệp')).toEqual([
      'Tổ chức (không bao gồm doanh nghiệp, HTX)',
      'Cán bộ, công chức, viên chức',
      'Doanh nghiệp',
    ]);
    expect(splitVietnameseList('Cục cảnh sát quản lý hành chính về trật tự, xã hội, Công an tỉnh')).toEqual([
      'Cục cảnh sát quản lý hành chính về trật tự, xã hội',
      'Công an tỉnh',
    ]);
    expect(splitVietnameseList('Uỷ ban Nhân dân cấp xã, phường, thị trấn')).toEqual(['Uỷ ban Nhân dân cấp xã, phường, thị trấn']);
  });

  it('returns [] for null/empty and trims pieces', () => {
    expect(splitVietnameseList(null)).toEqual([]);
    expect(splitVietnameseList('  ')).toEqual([]);
    expect(splitVietnameseList(' Sở Tư pháp ;  Công an tỉnh ')).toEqual(['Sở Tư pháp', 'Công an tỉnh']);
  });
});

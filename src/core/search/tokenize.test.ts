import { describe, expect, it } from 'vitest';
import { foldForSearch, indexOfRun, normalizeToken, phraseKey, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('folds case, diacritics and đ, splits on any separator', () => {
    expect(tokenize('  Đăng ký  KHAI-SINH (lưu động)')).toEqual(['dang', 'ki', 'khai', 'sinh', 'luu', 'dong']);
    expect(tokenize('Giấy phép/Chứng chỉ; hạng II, III.')).toEqual(['giay', 'phep', 'chung', 'chi', 'hang', 'ii', 'iii']);
  });

  it('decomposed input (Unicode tổ hợp) gives the same tokens as precomposed', () => {
    const s = 'Cấp Giấy xác nhận tình trạng hôn nhân';
    expect(s.normalize('NFD')).not.toBe(s);
    expect(tokenize(s.normalize('NFD'))).toEqual(tokenize(s));
  });

  it('old and new tone placements give the same tokens', () => {
    expect(tokenize('xoá hoà thuỷ')).toEqual(tokenize('xóa hòa thủy'));
  });

  it("unifies the y/i spelling of open syllables ('ký'/'kí', 'lý'/'lí') but not 'uy' rhymes or the bare 'y'", () => {
    expect(tokenize('đăng ký')).toEqual(tokenize('dang ki'));
    expect(tokenize('lý lịch')).toEqual(['li', 'lich']);
    expect(normalizeToken('quy')).toBe('quy');
    expect(normalizeToken('huy')).toBe('huy');
    expect(normalizeToken('y')).toBe('y');
    expect(normalizeToken('my')).toBe('mi');
    expect(normalizeToken('thy')).toBe('thi');
  });

  it('keeps digits and codes as tokens; empty or punctuation-only text has none', () => {
    expect(tokenize('từ đủ 14 tuổi')).toEqual(['tu', 'du', '14', 'tuoi']);
    expect(tokenize('1.010038')).toEqual(['1', '010038']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ?!… ')).toEqual([]);
  });

  it('foldForSearch and phraseKey', () => {
    expect(foldForSearch('Sổ  đỏ!')).toBe('so do');
    expect(phraseKey('Đăng ký kết hôn')).toBe('dang ki ket hon');
  });
});

describe('indexOfRun', () => {
  it('finds a contiguous run', () => {
    const hay = ['dang', 'ki', 'lai', 'khai', 'sinh'];
    expect(indexOfRun(hay, ['khai', 'sinh'])).toBe(3);
    expect(indexOfRun(hay, ['dang', 'ki', 'khai'])).toBe(-1);
    expect(indexOfRun(hay, ['dang'], 1)).toBe(-1);
    expect(indexOfRun(hay, [])).toBe(-1);
    expect(indexOfRun([], ['a'])).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { editBudget, editDistance, TypoIndex } from './typo.ts';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('sinh', 'sinh')).toBe(0);
    expect(editDistance('sinh', 'sinhh')).toBe(1);
    expect(editDistance('thuong', 'thuog')).toBe(1);
    expect(editDistance('dung', 'dugn')).toBe(1);
    expect(editDistance('chung', 'chunq')).toBe(1);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('truong', 'tuorng')).toBe(2);
  });

  it('stops early above the bound', () => {
    expect(editDistance('khai', 'thuong', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('editBudget', () => {
  it('0 below 4 letters, 1 for 4–7, 2 from 8', () => {
    expect([1, 2, 3, 4, 7, 8, 12].map(editBudget)).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });
});

describe('TypoIndex', () => {
  const index = new TypoIndex(['khai', 'sinh', 'thuong', 'tru', 'ho', 'chieu', 'nghiep', 'chuyennganh', 'cap']);

  it('finds words within one edit for 4–7 letters', () => {
    expect(index.lookup('sinhh')).toEqual([{ word: 'sinh', distance: 1 }]);
    expect(index.lookup('kahi')).toEqual([{ word: 'khai', distance: 1 }]);
    expect(index.lookup('thuog')).toEqual([{ word: 'thuong', distance: 1 }]);
    expect(index.lookup('caap')).toEqual([{ word: 'cap', distance: 1 }]);
  });

  it('allows two edits from 8 letters', () => {
    expect(index.lookup('chuyenganhh')).toEqual([{ word: 'chuyennganh', distance: 2 }]);
  });

  it('never corrects tokens under 4 letters, nor beyond the budget', () => {
    expect(index.lookup('hoo')).toEqual([]);
    expect(index.lookup('tr')).toEqual([]);
    expect(index.lookup('thxxng')).toEqual([]);
  });

  it('does not return the token itself; nearest first, then alphabetical', () => {
    expect(index.lookup('khai')).toEqual([]);
    const multi = new TypoIndex(['cham', 'chan', 'chap']);
    expect(multi.lookup('chax').map((c) => c.word)).toEqual(['cham', 'chan', 'chap']);
  });
});

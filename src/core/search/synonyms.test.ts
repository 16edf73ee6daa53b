import { describe, expect, it } from 'vitest';
import { NAME_NOISE, PHRASE_GROUPS, QUERY_FILLERS, SPECIAL_CASE_MARKERS } from './synonyms.ts';
import { tokenize } from './tokenize.ts';

describe('the search vocabulary (data checks)', () => {
  it('every phrase group has a note, a target and at least one phrase, none empty after folding', () => {
    expect(PHRASE_GROUPS.length).toBeGreaterThan(50);
    for (const g of PHRASE_GROUPS) {
      expect(g.note.length, g.to).toBeGreaterThan(3);
      expect(tokenize(g.to).length, g.note).toBeGreaterThan(0);
      expect(g.from.length + (g.whole?.length ?? 0), g.note).toBeGreaterThan(0);
      for (const f of [...g.from, ...(g.whole ?? [])]) expect(tokenize(f).length, `${g.note}: "${f}"`).toBeGreaterThan(0);
    }
  });

  it('no phrase is listed twice (a phrase must map to one meaning)', () => {
    const seen = new Map<string, string>();
    for (const g of PHRASE_GROUPS) {
      for (const f of [...g.from, ...(g.whole ?? [])]) {
        const key = tokenize(f).join(' ');
        expect(seen.get(key), `"${f}" in "${g.note}" and "${seen.get(key)}"`).toBeUndefined();
        seen.set(key, g.note);
      }
    }
  });

  it('covers the everyday phrases named in the issue', () => {
    const keys = new Set(PHRASE_GROUPS.flatMap((g) => [...g.from, ...(g.whole ?? [])].map((f) => tokenize(f).join(' '))));
    for (const p of ['giay khai sinh', 'xin phep xay nha', 'xac nhan doc than', 'nhap ho khau', 'so do', 'so hong', 'lam ho chieu', 'cmnd', 'cccd', 'can cuoc', 'khai tu', 'li lich tu phap', 'tach thua', 'ho kinh doanh', 'tam tru'])
      expect(keys.has(p), p).toBe(true);
  });

  it('markers and their triggers fold to non-empty phrases; factors are penalties in (0, 1)', () => {
    for (const m of SPECIAL_CASE_MARKERS) {
      expect(tokenize(m.marker).length).toBeGreaterThan(0);
      expect(m.factor).toBeGreaterThan(0);
      expect(m.factor).toBeLessThan(1);
      for (const t of m.triggers) expect(tokenize(t).length, `${m.marker}: ${t}`).toBeGreaterThan(0);
    }
    const markers = SPECIAL_CASE_MARKERS.map((m) => tokenize(m.marker).join(' '));
    for (const m of ['co yeu to nuoc ngoai', 'luu dong', 'dang ki lai', 'cap lai', 'cap doi', 'thay doi', 'bo sung', 'cai chinh', 'trich luc', 'tai cap', 'gia han', 'dieu chinh'])
      expect(markers, m).toContain(m);
  });

  it("no trigger is a single word that folds onto a common unrelated word ('dừng'/'dựng', 'đóng'/'động')", () => {
    const triggers = SPECIAL_CASE_MARKERS.flatMap((m) => m.triggers.map((t) => tokenize(t).join(' ')));
    for (const bad of ['dung', 'dong', 'nghi', 'lai']) expect(triggers).not.toContain(bad);
  });

  it('fillers and name noise fold to non-empty phrases', () => {
    for (const f of [...QUERY_FILLERS, ...NAME_NOISE]) expect(tokenize(f).length, f).toBeGreaterThan(0);
  });
});

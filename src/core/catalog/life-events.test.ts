/** Life events are curated data: every code exists in the vendored catalog, and no group is a keyword search. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../text/fold.ts';
import { LIFE_EVENTS, lifeEvent } from './life-events.ts';

const seed = new URL('../../../data/seed/', import.meta.url);
const names = new Map<string, string>();
for (const p of (JSON.parse(readFileSync(new URL('procedure-index-2026.json', seed), 'utf8')) as { procedures: { code: string; name: string }[] }).procedures) names.set(p.code.trim(), p.name);
for (const f of readdirSync(new URL('national-procedures/', seed)).filter((x) => x.endsWith('.json'))) {
  const r = JSON.parse(readFileSync(new URL(`national-procedures/${f}`, seed), 'utf8')) as { code: string; name: string };
  names.set(r.code.trim(), r.name);
}

describe('LIFE_EVENTS', () => {
  it('every code of every group is a procedure of the catalog; slugs are unique', () => {
    for (const e of LIFE_EVENTS) {
      expect(e.codes.length, e.slug).toBeGreaterThan(0);
      for (const c of e.codes) expect(names.has(c), `${e.slug}: ${c}`).toBe(true);
      expect(new Set(e.codes).size).toBe(e.codes.length);
    }
    expect(new Set(LIFE_EVENTS.map((e) => e.slug)).size).toBe(LIFE_EVENTS.length);
    expect(lifeEvent('sinh-con')?.title.vi).toBe('Sinh con');
    expect(lifeEvent('khong-co')).toBeNull();
  });

  it('groups hold what the event means, not what a keyword matches ("Sinh con" has no groundwater licence)', () => {
    const birth = lifeEvent('sinh-con')!.codes.map((c) => foldVietnamese(names.get(c)!));
    expect(birth[0]).toContain('dang ky khai sinh');
    expect(birth.some((n) => n.includes('nuoc duoi dat'))).toBe(false);
    const house = lifeEvent('xay-nha')!.codes.map((c) => foldVietnamese(names.get(c)!));
    expect(house.filter((n) => n.includes('giay phep xay dung')).length).toBeGreaterThanOrEqual(4);
    for (const e of LIFE_EVENTS) for (const c of e.codes) expect(foldVietnamese(names.get(c)!), `${e.slug}: ${c}`).not.toContain('khai thac nuoc duoi dat');
  });
});

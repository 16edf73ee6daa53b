import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../text/fold.ts';
import { AdminUnitsParseError, parseAdminUnits2025, unitKindFromName, type UnitSeed } from './admin-units.ts';

const rawJson = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../../data/seed/admin-units-2025.json', import.meta.url), 'utf8'));
const parsed = parseAdminUnits2025(rawJson());
const byKey = new Map(parsed.units.map((u) => [u.key, u]));
const unit = (key: string): UnitSeed => {
  const u = byKey.get(key);
  if (!u) throw new Error(`no unit ${key}`);
  return u;
};
const ofLevel = (level: UnitSeed['level']) => parsed.units.filter((u) => u.level === level);

describe('parseAdminUnits2025 (real file)', () => {
  it('has 34 provinces and 3,321 communes valid from 2025-07-01', () => {
    expect(parsed.effectiveFrom).toBe('2025-07-01');
    expect(ofLevel('province')).toHaveLength(34);
    expect(ofLevel('commune')).toHaveLength(3321);
    for (const u of [...ofLevel('province'), ...ofLevel('commune')]) {
      expect(u.validFrom).toBe('2025-07-01');
      expect(u.validTo).toBeNull();
    }
    expect(ofLevel('province').filter((p) => p.kind === 'thanh_pho')).toHaveLength(6);
    expect(ofLevel('province').filter((p) => p.kind === 'tinh')).toHaveLength(28);
    const kinds: Record<string, number> = {};
    for (const c of ofLevel('commune')) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
    expect(kinds).toEqual({ phuong: 687, xa: 2621, dac_khu: 13 });
  });

  it('keys are unique and every new commune has a province parent', () => {
    expect(byKey.size).toBe(parsed.units.length);
    for (const c of ofLevel('commune')) {
      expect(c.parentKey).toMatch(/^P\d{2}$/);
      expect(unit(c.parentKey ?? '').level).toBe('province');
    }
    expect(unit('C27301')).toMatchObject({ name: 'Phường Chợ Quán', parentKey: 'P79' });
    expect(unit('P79').name).toBe('Thành phố Hồ Chí Minh');
    expect(parsed.merges.filter((m) => m.toKey === 'C27301')).toHaveLength(3);
  });

  it('keeps the pre-merger units readable, valid until 2025-06-30', () => {
    expect(ofLevel('legacy_province')).toHaveLength(63);
    expect(ofLevel('legacy_commune')).toHaveLength(10047);
    expect(ofLevel('legacy_district').map((u) => `${u.code} ${u.name}`).sort()).toEqual([
      '318 Huyện Bạch Long Vĩ',
      '471 Huyện Cồn Cỏ',
      '498 Huyện Hoàng Sa',
      '536 Huyện Lý Sơn',
      '755 Huyện Côn Đảo',
    ]);
    for (const u of [...ofLevel('legacy_province'), ...ofLevel('legacy_commune'), ...ofLevel('legacy_district')]) {
      expect(u.validTo).toBe('2025-06-30');
      expect(u.validFrom).toBeNull();
      expect(u.name.length).toBeGreaterThan(0);
    }
    expect(ofLevel('legacy_commune').filter((u) => u.kind === 'thi_tran')).toHaveLength(617);
    expect(unit('L-03172')).toMatchObject({ name: 'Thị Trấn Mường Chà', kind: 'thi_tran' });
    expect(unit('LP-01')).toMatchObject({ code: '01', name: 'Thành phố Hà Nội', level: 'legacy_province' });
    expect(unit('LP-64')).toMatchObject({ name: 'Tỉnh Gia Lai', level: 'legacy_province' });
  });

  it('handles code reuse: new Phường Ba Đình 00004 ≠ old Phường Trúc Bạch 00004', () => {
    const baDinh = unit('C00004');
    const trucBach = unit('L-00004');
    expect(baDinh).toMatchObject({ code: '00004', name: 'Phường Ba Đình', level: 'commune', kind: 'phuong', parentKey: 'P01' });
    expect(trucBach).toMatchObject({ code: '00004', name: 'Phường Trúc Bạch', level: 'legacy_commune', parentKey: 'LP-01' });
    expect(parsed.units.filter((u) => u.code === '00004')).toHaveLength(2);
    const into = parsed.merges.filter((m) => m.toKey === 'C00004');
    expect(into).toHaveLength(10);
    expect(into[0]).toEqual({ fromCode: '00004', fromName: 'Phường Trúc Bạch', toCode: '00004', whole: true, fromKey: 'L-00004', toKey: 'C00004', level: 'commune' });
    // Phường Ngọc Hà (old 00016) was split: part went to Ba Đình, part to the new Phường Ngọc Hà (00008).
    const ngocHa = parsed.merges.filter((m) => m.fromKey === 'L-00016');
    expect(ngocHa.map((m) => m.toKey)).toEqual(['C00004', 'C00008']);
    expect(ngocHa.every((m) => !m.whole)).toBe(true);
    expect(unit('C00008').name).toBe('Phường Ngọc Hà');
    expect(parsed.units.filter((u) => u.code === '00016')).toHaveLength(1);
  });

  it('reuses province codes too: P52 Gia Lai (2025) ≠ LP-52 Bình Định; P01 ≠ LP-01', () => {
    expect(unit('P52')).toMatchObject({ name: 'Tỉnh Gia Lai', level: 'province' });
    expect(unit('LP-52')).toMatchObject({ name: 'Tỉnh Bình Định', level: 'legacy_province' });
    expect(parsed.merges.filter((m) => m.toKey === 'P52').map((m) => m.fromKey)).toEqual(['LP-52', 'LP-64']);
    expect(unit('P01').key).not.toBe(unit('LP-01').key);
    expect(parsed.merges.filter((m) => m.level === 'province')).toHaveLength(63);
    expect(parsed.merges.filter((m) => m.level === 'province').every((m) => m.whole)).toBe(true);
  });

  it('merge rows: every legacy unit merges somewhere, and all merge ends exist', () => {
    expect(parsed.merges).toHaveLength(10667);
    for (const m of parsed.merges) {
      expect(byKey.has(m.fromKey)).toBe(true);
      expect(byKey.has(m.toKey)).toBe(true);
      expect(unit(m.toKey).code).toBe(m.toCode);
    }
    const merged = new Set(parsed.merges.map((m) => m.fromKey));
    for (const u of parsed.units.filter((x) => x.level.startsWith('legacy_'))) expect(merged.has(u.key)).toBe(true);
    // a legacy commune merged whole goes to exactly one new commune
    const wholeTargets = new Map<string, number>();
    for (const m of parsed.merges.filter((x) => x.whole && x.level === 'commune')) wholeTargets.set(m.fromKey, (wholeTargets.get(m.fromKey) ?? 0) + 1);
    expect([...wholeTargets.values()].every((n) => n === 1)).toBe(true);
  });

  it('legacy commune parent: the old province only when the new province had one predecessor', () => {
    const withParent = ofLevel('legacy_commune').filter((u) => u.parentKey !== null);
    expect(withParent).toHaveLength(2792);
    expect(withParent.every((u) => u.parentKey?.startsWith('LP-'))).toBe(true);
    // Gia Lai (P52) was formed from Bình Định and Gia Lai: its old communes have no known parent.
    const glTarget = parsed.merges.find((m) => m.toKey.startsWith('C') && unit(m.toKey).parentKey === 'P52');
    expect(glTarget && unit(glTarget.fromKey).parentKey).toBeNull();
  });

  it('names are NFC; search keys fold', () => {
    expect(parsed.units.every((u) => u.name === u.name.normalize('NFC'))).toBe(true);
    expect(foldVietnamese(unit('C00004').name)).toBe('phuong ba dinh');
  });
});

describe('unitKindFromName', () => {
  it('reads the kind from the prefix, case- and diacritic-insensitively', () => {
    expect(unitKindFromName('Thành phố Hà Nội')).toBe('thanh_pho');
    expect(unitKindFromName('Tỉnh Gia Lai')).toBe('tinh');
    expect(unitKindFromName('Phường Ba Đình')).toBe('phuong');
    expect(unitKindFromName('Xã Na Sang')).toBe('xa');
    expect(unitKindFromName('Đặc khu Côn Đảo')).toBe('dac_khu');
    expect(unitKindFromName('Thị Trấn Thổ Tang')).toBe('thi_tran');
    expect(unitKindFromName('Huyện Lý Sơn')).toBe('huyen');
    expect(unitKindFromName('Thôn Một')).toBeNull();
    expect(unitKindFromName('Xãhội')).toBeNull();
  });
});

describe('parseAdminUnits2025 — malformed input', () => {
  it('reports the path of the bad field', () => {
    const bad = rawJson() as { provinces: { communes: { code: unknown; mergedFrom: { name: string }[] }[] }[] };
    bad.provinces[3]!.communes[2]!.code = 27301;
    expect(() => parseAdminUnits2025(bad)).toThrow(AdminUnitsParseError);
    expect(() => parseAdminUnits2025(bad)).toThrow('provinces[3].communes[2].code');
    const badName = rawJson() as { provinces: { communes: { mergedFrom: { name: string }[] }[] }[] };
    badName.provinces[0]!.communes[0]!.mergedFrom[1]!.name = 'Thôn Quán Thánh';
    expect(() => parseAdminUnits2025(badName)).toThrow('provinces[0].communes[0].mergedFrom[1].name');
    const dup = rawJson() as { provinces: { code: string }[] };
    dup.provinces[1]!.code = '01';
    expect(() => parseAdminUnits2025(dup)).toThrow(/duplicate province 01/);
    expect(() => parseAdminUnits2025({ effectiveFrom: '1/7/2025', provinces: [] })).toThrow(/effectiveFrom/);
    expect(() => parseAdminUnits2025(null)).toThrow(AdminUnitsParseError);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nfc } from '../text/fold.ts';
import { CatalogParseError } from './errors.ts';
import { extractTimeHints, parsePublicIndexEntry } from './public-index.ts';
import type { ProcedureRecord } from './types.ts';

interface RawEntry {
  code: string;
  levels: string[];
  [key: string]: unknown;
}
const index = JSON.parse(
  readFileSync(new URL('../../../data/seed/procedure-index-2026.json', import.meta.url), 'utf8'),
) as { count: number; procedures: RawEntry[] };
const all: ProcedureRecord[] = index.procedures.map(parsePublicIndexEntry);
const byCode = new Map(all.map((r) => [r.code, r]));
const rec = (code: string): ProcedureRecord => {
  const r = byCode.get(code);
  if (!r) throw new Error(`no entry ${code}`);
  return r;
};
const rawEntry = (code: string): RawEntry => {
  const e = index.procedures.find((p) => p.code.trim() === code);
  if (!e) throw new Error(`no entry ${code}`);
  return JSON.parse(JSON.stringify(e)) as RawEntry;
};

describe('parsePublicIndexEntry — all 2,642 entries', () => {
  it('parses every entry as an unstructured, listed record', () => {
    expect(index.count).toBe(2642);
    expect(all).toHaveLength(2642);
    expect(byCode.size).toBe(2642); // codes are unique
    for (const r of all) {
      expect(r.source).toBe('public_index');
      expect(r.structured).toBe(false);
      expect(r.channels).toEqual([]);
      expect(r.components).toEqual([]);
      expect(r.code).toBe(r.code.trim());
      expect(r.name).toBe(nfc(r.name).trim());
      expect(r.text).not.toBeNull();
      expect(r.levels.length).toBeGreaterThan(0);
      expect(r.portalId).toBeTruthy();
    }
  });

  it('maps level labels (Cấp xã 588, Cấp tỉnh 1,251, Cấp bộ 1,413, Cơ quan khác 51)', () => {
    const count = (l: string) => all.filter((r) => r.levels.includes(l as ProcedureRecord['levels'][number])).length;
    expect(count('commune')).toBe(588);
    expect(count('province')).toBe(1251);
    expect(count('ministry')).toBe(1413);
    expect(count('other')).toBe(51);
    expect(all.filter((r) => r.levels.length === 1)).toHaveLength(2131);
    expect(all.filter((r) => r.levels.length === 4)).toHaveLength(1);
  });

  it('maps ministries to full names', () => {
    const counts: Record<string, number> = {};
    for (const r of all) counts[r.ministry ?? 'null'] = (counts[r.ministry ?? 'null'] ?? 0) + 1;
    expect(counts).toEqual({
      'Bộ Tài chính': 706,
      'Bộ Xây dựng': 525,
      'Bộ Nông nghiệp và Môi trường': 537,
      'Bộ Tư pháp': 271,
      'Ngân hàng Nhà nước Việt Nam': 261,
      'Bộ Công an': 339,
      'Tòa án nhân dân tối cao': 3,
    });
  });

  it('1.010038 Tách hộ: same facts as the national record where the index has them', () => {
    const r = rec('1.010038');
    expect(r.name).toBe('Tách hộ');
    expect(r.levels).toEqual(['commune']);
    expect(r.field).toEqual({ code: null, name: 'Đăng ký, quản lý cư trú' });
    expect(r.portalId).toBe('019d2bf7-7f1e-71e3-be3e-7f22dce4ac4d');
    expect(r.agencies.executing).toEqual(['Công an cấp Xã']);
    expect(r.ministry).toBe('Bộ Công an');
    expect(r.publication).toEqual({ decisionNo: '9354/QĐ-BCA-C06', decisionDate: null, publishedAt: null });
    expect(r.feeBearing).toBe(true);
    expect(r.citizenSubject).toBe(true);
    expect(r.text?.methods).toContain('10,000 Việt Nam Đồng');
    expect(extractTimeHints(r.text?.methods ?? '')).toEqual([
      { channel: 'desk', amount: 5, unit: 'working_days', raw: 'Ngày làm việc' },
      { channel: 'online', amount: 5, unit: 'working_days', raw: 'Ngày làm việc' },
    ]);
  });

  it('subjects are split and coded (commas inside names kept)', () => {
    const subjects = all.flatMap((r) => r.subjects);
    expect(subjects.filter((s) => s.name === 'Cán bộ, công chức, viên chức' && s.code === 'DT13')).toHaveLength(436);
    expect(subjects.filter((s) => s.name === 'Tổ chức (không bao gồm doanh nghiệp, HTX)' && s.code === 'ĐT9')).toHaveLength(1688);
    expect(subjects.filter((s) => s.code === 'ĐT1')).toHaveLength(1461);
    expect(new Set(subjects.filter((s) => s.code === null).map((s) => s.name))).toEqual(new Set(['Doanh nghiệp Việt Nam', 'Tổ chức Đảng']));
    expect(all.filter((r) => r.citizenSubject)).toHaveLength(1461);
  });

  it('keeps the page text; null text fields become empty strings', () => {
    const withNullReq = index.procedures.filter((p) => (p.text as { requirements: unknown }).requirements === null).length;
    expect(withNullReq).toBeGreaterThan(0);
    expect(all.filter((r) => r.requirements === '').length).toBeGreaterThanOrEqual(withNullReq);
    expect(rec('1.000894').text?.steps.startsWith('- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp')).toBe(true);
    expect(rec('1.000894').steps).toBe(rec('1.000894').text?.steps);
    expect(rec('1.000894').requiresPersonalPresence).toBe(true);
  });

  it('extractTimeHints: takes only numbers followed by a time unit', () => {
    expect(extractTimeHints(rec('1.001456').text?.methods ?? '').map((h) => `${h.channel}:${h.amount}:${h.unit}`)).toEqual([
      'online:8:working_days',
      'postal:8:working_days',
      'desk:8:working_days',
    ]);
    expect(extractTimeHints(rec('1.000894').text?.methods ?? '')).toEqual([]); // "Trực tuyến1Miễn phí": no unit
    expect(extractTimeHints('Trực tiếp4 GiờMiễn phíDịch vụ bưu chính15 NgàyMiễn phí')).toEqual([
      { channel: 'desk', amount: 4, unit: 'hours', raw: 'Giờ' },
      { channel: 'postal', amount: 15, unit: 'days', raw: 'Ngày' },
    ]);
    expect(all.filter((r) => extractTimeHints(r.text?.methods ?? '').length > 0).length).toBeGreaterThan(2000);
  });

  it('throws CatalogParseError with the path on malformed entries', () => {
    const badLevel = rawEntry('1.010038');
    badLevel.levels = ['Cấp xã', 'Cấp thôn'];
    expect(() => parsePublicIndexEntry(badLevel)).toThrow(CatalogParseError);
    try {
      parsePublicIndexEntry(badLevel);
    } catch (e) {
      expect((e as CatalogParseError).path).toBe('levels[1]');
      expect((e as Error).message).toContain('[1.010038]');
    }
    const noName = rawEntry('1.010038');
    noName.name = '  ';
    expect(() => parsePublicIndexEntry(noName)).toThrow(/name: expected a non-empty string/);
    const badText = rawEntry('1.010038');
    badText.text = 'steps';
    expect(() => parsePublicIndexEntry(badText)).toThrow(/text: expected an object/);
    expect(() => parsePublicIndexEntry(42)).toThrow(CatalogParseError);
  });
});

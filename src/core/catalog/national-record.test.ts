import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nfc } from '../text/fold.ts';
import { CatalogParseError } from './errors.ts';
import { isFeeBearing, parseNationalRecord } from './national-record.ts';
import type { ProcedureRecord } from './types.ts';

const dir = new URL('../../../data/seed/national-procedures/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const raw = (code: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`${code}.json`, dir), 'utf8'));
const all: ProcedureRecord[] = files.map((f) => parseNationalRecord(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
const byCode = new Map(all.map((r) => [r.code, r]));
const rec = (code: string): ProcedureRecord => {
  const r = byCode.get(code);
  if (!r) throw new Error(`no record ${code}`);
  return r;
};
const channel = (code: string, ch: 'desk' | 'online' | 'postal') => {
  const c = rec(code).channels.find((x) => x.channel === ch);
  if (!c) throw new Error(`${code} has no ${ch} channel`);
  return c;
};
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('parseNationalRecord — all 26 seed records', () => {
  it('parses every record, code = file name, structured, NFC names', () => {
    expect(files).toHaveLength(26);
    expect(all).toHaveLength(26);
    for (const [i, r] of all.entries()) {
      expect(`${r.code}.json`).toBe(files[i]);
      expect(r.source).toBe('national_record');
      expect(r.structured).toBe(true);
      expect(r.text).toBeNull();
      expect(r.name).toBe(nfc(r.name).trim());
      expect(r.name).not.toMatch(/\p{M}/u);
      expect(r.channels.length).toBeGreaterThan(0);
      expect(r.portalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(r.field?.name).toBeTruthy();
      expect(r.publication?.decisionNo).toBeTruthy();
      expect(r.publication?.decisionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('matches the README level counts (xã 12, xã+tỉnh 1, tỉnh 12, tỉnh+bộ 1; 2 also "other")', () => {
    const key = (r: ProcedureRecord) => r.levels.filter((l) => l !== 'other').join('+');
    const counts: Record<string, number> = {};
    for (const r of all) counts[key(r)] = (counts[key(r)] ?? 0) + 1;
    expect(counts).toEqual({ commune: 12, 'commune+province': 1, province: 12, 'province+ministry': 1 });
    expect(all.filter((r) => r.levels.includes('other')).map((r) => r.code)).toEqual(['1.014336', '3.000466']);
    expect(rec('1.005142').levels).toEqual(['province', 'ministry']);
  });

  it('online levels: 11 full, the rest partial except DIRECT-only 1.005095', () => {
    expect(all.filter((r) => r.onlineLevel === 'full')).toHaveLength(11);
    expect(rec('1.001456').onlineLevel).toBe('full');
    expect(rec('1.010038').onlineLevel).toBe('partial');
    expect(rec('1.005095').onlineLevel).toBe('none');
    expect(rec('1.005095').channels.map((c) => c.channel)).toEqual(['desk']);
    expect(all.filter((r) => r.onlineLevel === 'none').map((r) => r.code)).toEqual(['1.005095']);
  });

  it('1.010038 Tách hộ: desk and online 5 working days; 10,000 VND at the desk, 5,000 online', () => {
    const r = rec('1.010038');
    expect(r.name).toBe('Tách hộ');
    expect(r.channels.map((c) => c.channel)).toEqual(['desk', 'online']);
    expect(channel('1.010038', 'desk').limit).toEqual({ amount: 5, unit: 'working_days' });
    expect(channel('1.010038', 'online').limit).toEqual({ amount: 5, unit: 'working_days' });
    expect(channel('1.010038', 'desk').fees.map((f) => f.amountVnd)).toEqual([10000, 0]);
    expect(channel('1.010038', 'online').fees.map((f) => f.amountVnd)).toEqual([5000, 0]);
    expect(channel('1.010038', 'desk').fees[0]).toMatchObject({ kind: 'charge', amountVnd: 10000 });
    expect(channel('1.010038', 'desk').fees[1]?.description).toContain('75/2022/TT-BTC');
    expect(r.feeBearing).toBe(true);
    expect(r.field).toEqual({ code: 'G01-CA05', name: 'Đăng ký, quản lý cư trú' });
    expect(r.agencies.executing).toEqual(['Công an cấp Xã']);
    expect(r.agencies.competent).toEqual(['Công an cấp Xã']);
    expect(r.ministry).toBe('Bộ Công an');
    expect(r.publication).toEqual({ decisionNo: '5548/QĐ-BCA-C06', decisionDate: '2021-07-06', publishedAt: '2026-05-01T10:06:46.532Z' });
    expect(r.citizenSubject).toBe(true);
    expect(r.subjects.map((s) => s.code).sort()).toEqual(['DT11', 'ĐT1', 'ĐT9'].sort());
    expect(r.results).toHaveLength(4);
    expect(r.results[0]).toEqual({ code: 'KQ.G01.000064', name: 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư' });
  });

  it('1.001456 passport: full online, 8 working days, 200,000 desk / 160,000 online and postal', () => {
    const r = rec('1.001456');
    expect(r.onlineLevel).toBe('full');
    expect(r.levels).toEqual(['province']);
    for (const ch of ['desk', 'online', 'postal'] as const) expect(channel('1.001456', ch).limit).toEqual({ amount: 8, unit: 'working_days' });
    expect(channel('1.001456', 'desk').fees.map((f) => f.amountVnd)).toEqual([200000]);
    expect(channel('1.001456', 'online').fees.map((f) => f.amountVnd)).toEqual([160000]);
    expect(channel('1.001456', 'postal').fees.map((f) => f.amountVnd)).toEqual([160000]);
    const forms = r.components.flatMap((c) => c.forms);
    expect(forms[0]?.fileName).toBe('Mau TK01 to khai cap HCPT ở trong nước TK01 MỚI a.doc');
    expect(forms[0]?.ref).toMatch(/^dvc\/configuring\/019f8cd1-8f4d-7419-a771-ecd0ad433a89\//);
  });

  it('1.012538: a channel listed three times becomes one channel with stages and the summed limit', () => {
    for (const ch of ['desk', 'online', 'postal'] as const) {
      const c = channel('1.012538', ch);
      expect(c.limit).toEqual({ amount: 10, unit: 'working_days' });
      expect(c.rawTime).toEqual({ value: 10, unit: 'WORKING_DAY' });
      expect([...c.stages].sort()).toEqual([2, 3, 5]);
      expect(c.description.split('\n')).toHaveLength(3);
    }
    expect(channel('1.012538', 'desk').stages).toEqual([2, 5, 3]);
    expect(channel('1.012538', 'postal').stages).toEqual([2, 3, 5]); // source order kept
    expect(rec('1.012538').channels).toHaveLength(3);
    expect(rec('1.010038').channels.every((c) => c.stages.length === 0)).toBe(true);
  });

  it('OTHER and 0 → no fixed limit, raw kept (1.000894 kết hôn, 1.013888, scheduled 1.001714/1.003702/1.005142)', () => {
    for (const ch of rec('1.000894').channels) {
      expect(ch.limit).toBeNull();
      expect(ch.rawTime).toEqual({ value: 1, unit: 'OTHER' });
    }
    expect(rec('1.013888').channels.every((c) => c.limit === null && c.rawTime.value === 1)).toBe(true);
    for (const code of ['1.001714', '1.003702', '1.005142']) {
      expect(rec(code).channels.every((c) => c.limit === null && c.rawTime.value === 0 && c.rawTime.unit === 'OTHER')).toBe(true);
    }
    const nullLimit = all.filter((r) => r.channels.some((c) => c.limit === null)).map((r) => r.code);
    expect(nullLimit).toEqual(['1.000894', '1.001714', '1.003702', '1.005142', '1.013888']);
  });

  it('maps calendar days and per-channel differences', () => {
    expect(channel('1.005095', 'desk').limit).toEqual({ amount: 15, unit: 'days' });
    expect(channel('3.000333', 'online').limit).toEqual({ amount: 15, unit: 'days' });
    expect(channel('1.012648', 'postal').limit).toEqual({ amount: 30, unit: 'days' });
    expect(channel('1.012787', 'desk').limit).toEqual({ amount: 18, unit: 'working_days' });
    expect(channel('1.012787', 'online').limit).toEqual({ amount: 8, unit: 'working_days' });
    expect(channel('1.013831', 'postal').limit).toEqual({ amount: 4, unit: 'working_days' });
    expect(rec('1.010039').channels.map((c) => c.channel)).toEqual(['online']);
    const units = new Set(all.flatMap((r) => r.channels.map((c) => c.rawTime.unit)));
    expect([...units].sort()).toEqual(['DAY', 'OTHER', 'WORKING_DAY']);
  });

  it('fees: kinds, 1.001686 230,000 on every channel, feeBearing per the documented rule', () => {
    expect(rec('1.001686').channels.every((c) => c.fees.length === 1 && c.fees[0]?.amountVnd === 230000)).toBe(true);
    expect(channel('1.000894', 'desk').fees[0]).toMatchObject({ kind: 'fee', amountVnd: 0 });
    expect(channel('1.000894', 'desk').fees[0]?.description.startsWith('Miễn lệ phí')).toBe(true);
    const bearing = all.filter((r) => r.feeBearing).map((r) => r.code);
    expect(bearing).toEqual(['1.001456', '1.001612', '1.001686', '1.010038', '1.012787', '1.012817', '1.013831', '3.000333']);
    expect(isFeeBearing([{ kind: 'charge', amountVnd: 0, description: '' }])).toBe(false);
    expect(isFeeBearing([{ kind: 'fee', amountVnd: 0, description: '(Miễn lệ phí.)' }])).toBe(false);
    expect(isFeeBearing([{ kind: 'charge', amountVnd: 0, description: 'Mức lệ phí do HĐND tỉnh quyết định' }])).toBe(true);
  });

  it('components: cases, counts, flags and forms; thin data-gl variant parses too', () => {
    const kh = rec('1.000894');
    // 23 rows: 4 documents (identity papers, proof of residence, the e-form, the declaration) and 19 notes
    // (the "* Lưu ý :" group and the rows asking for no original and no copy, notes.ts).
    expect(kh.components).toHaveLength(4);
    expect(kh.notes).toHaveLength(19);
    expect(kh.components.map((c) => [c.originalCount, c.copyCount])).toEqual([[1, 0], [1, 0], [1, 0], [1, 0]]);
    expect(kh.notes!.filter((n) => n.caseName === '* Lưu ý :')).toHaveLength(14);
    expect(kh.notes!.some((n) => n.text.startsWith('+ Người tiếp nhận có trách nhiệm'))).toBe(true);
    expect(kh.components.some((c) => c.name.startsWith('+ Người tiếp nhận'))).toBe(false);
    expect(kh.components.every((c) => c.name === nfc(c.name))).toBe(true);
    expect(new Set(kh.components.map((c) => c.caseName)).size).toBe(2);
    const thin = rec('1.001686'); // data-gl: components carry `source`, fees lack currencyId
    expect(thin.components).toHaveLength(3);
    expect(thin.components.some((c) => c.forms.length > 0)).toBe(true);
    const total = all.reduce((n, r) => n + r.components.length + r.notes!.length, 0);
    expect(total).toBe(136);
    // Every row with neither an original nor a copy is a note; no checklist item asks for nothing.
    expect(all.flatMap((r) => r.components).filter((c) => c.originalCount === 0 && c.copyCount === 0)).toEqual([]);
    for (const c of all.flatMap((r) => r.components)) {
      expect(c.originalCount).toBeGreaterThanOrEqual(0);
      expect(c.copyCount).toBeGreaterThanOrEqual(0);
      expect(c.name.length).toBeGreaterThan(0);
    }
  });

  it('other flags: presence, inter-agency, citizen subject', () => {
    expect(rec('1.000894').requiresPersonalPresence).toBe(true); // "hai bên nam, nữ phải có mặt"
    expect(all.filter((r) => r.requiresPersonalPresence === true).map((r) => r.code)).toEqual(['1.000894']);
    expect(all.every((r) => r.requiresPersonalPresence !== false)).toBe(true);
    expect(all.some((r) => r.isInterAgency)).toBe(false);
    expect(all.filter((r) => !r.citizenSubject).map((r) => r.code)).toEqual(['1.013831', '1.013888']);
    expect(rec('1.001612').agencies.executing).toEqual(['Ủy ban nhân dân cấp xã', 'Cơ quan nhà nước có liên quan']);
  });

  it('NFC-normalises the decomposed names and texts (1.012648, 1.000894, 1.001445, 1.001456, 1.012694)', () => {
    const rawName = raw('1.012648').name as string;
    expect(rawName).not.toBe(nfc(rawName));
    expect(rec('1.012648').name).toBe(nfc(rawName).trim());
    expect(rec('1.012648').name.startsWith('THỦ TỤC ĐỀ NGHỊ MỜI')).toBe(true);
    for (const code of ['1.000894', '1.001445', '1.001456']) {
      expect(rec(code).steps).toBe(nfc(rec(code).steps));
      expect(rec(code).steps).not.toMatch(/\p{M}/u);
    }
    expect(rec('1.012694').components.every((c) => !/\p{M}/u.test(c.name))).toBe(true);
  });
});

describe('parseNationalRecord — malformed input', () => {
  const base = raw('1.010038');
  const expectError = (json: unknown, path: string, message?: RegExp) => {
    let error: unknown;
    try {
      parseNationalRecord(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogParseError);
    expect((error as CatalogParseError).path).toBe(path);
    if (message) expect((error as CatalogParseError).message).toMatch(message);
  };

  it('rejects non-objects and a missing code', () => {
    expectError(null, '');
    expectError([], '');
    const noCode = clone(base);
    delete noCode.code;
    expectError(noCode, 'code', /string/);
  });

  it('names the path of a bad method, unit, fee type and fee value', () => {
    const badMethod = clone(base) as { executionMethods: { submissionMethod: string }[] };
    badMethod.executionMethods[1]!.submissionMethod = 'FAX';
    expectError(badMethod, 'executionMethods[1].submissionMethod', /\[1\.010038\].*FAX/);

    const badUnit = clone(base) as { executionMethods: { processingTimeUnit: string }[] };
    badUnit.executionMethods[0]!.processingTimeUnit = 'FORTNIGHT';
    expectError(badUnit, 'executionMethods[0].processingTimeUnit', /FORTNIGHT/);

    const badTime = clone(base) as { executionMethods: { processingTime: unknown }[] };
    badTime.executionMethods[0]!.processingTime = '5';
    expectError(badTime, 'executionMethods[0].processingTime', /number/);

    const badFee = clone(base) as { executionMethods: { fees: { value: unknown; type: string }[] }[] };
    badFee.executionMethods[1]!.fees[0]!.value = -5;
    expectError(badFee, 'executionMethods[1].fees[0].value', /non-negative/);
    const badFeeType = clone(base) as { executionMethods: { fees: { type: string }[] }[] };
    badFeeType.executionMethods[0]!.fees[1]!.type = 'TIP';
    expectError(badFeeType, 'executionMethods[0].fees[1].type', /TIP/);
  });

  it('names the path inside components and flags', () => {
    const badComp = clone(base) as { executionCases: { profileComponents: { name: unknown }[] }[] };
    badComp.executionCases[0]!.profileComponents[0]!.name = 42;
    expectError(badComp, 'executionCases[0].profileComponents[0].name');
    const badFlag = clone(base);
    badFlag.isWard = 'yes';
    expectError(badFlag, 'isWard', /boolean/);
    const badMethods = clone(base);
    badMethods.executionMethods = {};
    expectError(badMethods, 'executionMethods', /array/);
  });
});

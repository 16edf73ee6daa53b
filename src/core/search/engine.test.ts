import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNationalRecord } from '../catalog/national-record.ts';
import { parsePublicIndexEntry } from '../catalog/public-index.ts';
import type { ProcedureRecord } from '../catalog/types.ts';
import { searchDocFromRecord } from './documents.ts';
import { RANKING, SearchIndex, type SearchDoc } from './engine.ts';

const doc = (code: string, name: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  code,
  name,
  fieldName: 'Hộ tịch',
  levels: ['commune'],
  onlineLevel: 'none',
  structured: false,
  text: '',
  ...extra,
});

const small = new SearchIndex([
  doc('1.000005', 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài'),
  doc('1.000002', 'Thủ tục đăng ký khai sinh lưu động'),
  doc('1.000001', 'Thủ tục đăng ký khai sinh'),
  doc('1.000003', 'Thủ tục đăng ký lại khai sinh'),
  doc('1.000004', 'Thủ tục đăng ký kết hôn'),
  doc('1.000006', 'Đăng ký thường trú', { fieldName: 'Đăng ký, quản lý cư trú' }),
  doc('1.000007', 'Thủ tục hải quan đối với hàng hóa nhập khẩu', { fieldName: 'Hải quan', levels: ['ministry'] }),
  doc('1.000008', 'Cấp giấy phép nhập khẩu thuốc', { fieldName: 'Hải quan', levels: ['ministry'] }),
  doc('2.000001', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên (thực hiện tại cấp trung ương)', { fieldName: 'Cấp, quản lý căn cước', levels: ['ministry'] }),
  doc('2.000002', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', { fieldName: 'Cấp, quản lý căn cước' }),
  doc('2.000003', 'Cấp lại thẻ căn cước', { fieldName: 'Cấp, quản lý căn cước' }),
  doc('3.000001', 'Xác nhận thông tin hộ tịch', { text: 'Kết quả: văn bản xác nhận thông tin hộ tịch; trích lục' }),
  doc('3.000002', 'Công nhận làng nghề', { fieldName: 'Nông nghiệp', levels: ['province'], structured: true }),
  doc('3.000003', 'Công nhận làng nghề', { fieldName: 'Nông nghiệp', levels: ['province'], structured: false }),
]);
const top = (index: SearchIndex, q: string, n = 1) => index.search(q, { limit: n }).map((h) => h.doc.code);

describe('SearchIndex on a small catalog', () => {
  it('orders documents by code whatever the input order; size', () => {
    expect(small.size).toBe(14);
    expect(small.docs.map((d) => d.code)).toEqual([...small.docs.map((d) => d.code)].sort());
  });

  it('ranks the general procedure above its special cases when the query does not name them', () => {
    const ranked = top(small, 'đăng ký khai sinh', 4);
    expect(ranked[0]).toBe('1.000001');
    expect(ranked.slice(1).sort()).toEqual(['1.000002', '1.000003', '1.000005']);
  });

  it('ranks the special case first when the query names it (marker or trigger word)', () => {
    expect(top(small, 'khai sinh lưu động')).toEqual(['1.000002']);
    expect(top(small, 'khai sinh cho con có bố người nước ngoài')).toEqual(['1.000005']);
    expect(top(small, 'dang ky lai khai sinh')).toEqual(['1.000003']);
    expect(top(small, 'mất giấy khai sinh')).toEqual(['1.000003']);
    expect(top(small, 'mất căn cước')).toEqual(['2.000003']);
  });

  it('understands everyday phrases without drifting to look-alike words', () => {
    expect(top(small, 'lam giay khai sinh')).toEqual(['1.000001']);
    expect(top(small, 'nhập hộ khẩu')).toEqual(['1.000006']);
    expect(top(small, 'nhap khau hang hoa')).toEqual(['1.000007']);
    expect(top(small, 'lam cccd')).toEqual(['2.000002']);
  });

  it('prefers commune/province level, then structured records, when names tie', () => {
    expect(top(small, 'cap the can cuoc cho nguoi tu du 14 tuoi')).toEqual(['2.000002']);
    expect(top(small, 'cong nhan lang nghe', 2)).toEqual(['3.000002', '3.000003']);
  });

  it('tolerates typos, merged words, accents and decomposed input', () => {
    expect(top(small, 'dang ky khai sinhh')).toEqual(['1.000001']);
    expect(top(small, 'dang ky khaisinh')).toEqual(['1.000001']);
    expect(top(small, 'ĐĂNG KÝ KẾT HÔN'.normalize('NFD'))).toEqual(['1.000004']);
    expect(small.analyze('dang ky ket hpn').corrections).toEqual({});
    expect(small.analyze('dang ky ket honn').corrections).toEqual({ honn: 'hon' });
  });

  it('searches the light text field when the name does not match', () => {
    expect(top(small, 'trich luc')).toEqual(['3.000001']);
  });

  it('looks up an exact code, honouring the filter', () => {
    expect(small.search('1.000004').map((h) => h.doc.code)).toEqual(['1.000004']);
    expect(small.search(' 1.000004 ', { filter: (d) => d.code !== '1.000004' })).toEqual([]);
  });

  it('filters, limits, and returns nothing for empty or unknown queries', () => {
    const hits = small.search('dang ky', { filter: (d) => d.fieldName === 'Hộ tịch', limit: 3 });
    expect(hits).toHaveLength(3);
    expect(hits.every((h) => h.doc.fieldName === 'Hộ tịch')).toBe(true);
    expect(small.search('')).toEqual([]);
    expect(small.search('?!')).toEqual([]);
    expect(small.search('zzzzqqq')).toEqual([]);
  });

  it('is deterministic: equal scores tie-break by code', () => {
    const twins = new SearchIndex([doc('9.000002', 'Đăng ký giám hộ'), doc('9.000001', 'Đăng ký giám hộ')]);
    const hits = twins.search('giam ho');
    expect(hits.map((h) => h.doc.code)).toEqual(['9.000001', '9.000002']);
    expect(hits[0]!.score).toBe(hits[1]!.score);
    expect(small.search('dang ky khai sinh')).toEqual(small.search('dang ky khai sinh'));
  });

  it('drops the long tail far below the best hit', () => {
    const hits = small.search('dang ky khai sinh', { limit: 50 });
    const best = hits[0]!.score;
    expect(hits.every((h) => h.score >= best * RANKING.minRelativeScore)).toBe(true);
  });
});

describe('QueryAnalysis', () => {
  it('rewrites everyday phrases, keeping the typed words as weak evidence', () => {
    const a = small.analyze('lam giay khai sinh');
    expect(a.sequence).toEqual(['lam', 'dang', 'ki', 'khai', 'sinh']);
    expect(a.concepts).toEqual(['dang', 'ki', 'khai', 'sinh']);
    const giay = a.terms.find((t) => t.term === 'giay')!;
    expect(giay.weight).toBeCloseTo(RANKING.echoWeight);
    expect(a.terms.find((t) => t.term === 'lam')!.weight).toBeCloseTo(RANKING.fillerWeight);
  });

  it('lets fillers sit inside a phrase ("xác nhận không có tiền án")', () => {
    expect(small.analyze('giay xac nhan khong co tien an').sequence.join(' ')).toContain('cap phieu li lich tu phap');
  });

  it("applies 'whole' phrases only when they are the whole query", () => {
    expect(small.analyze('thường trú').sequence).toEqual(['dang', 'ki', 'thuong', 'tru']);
    expect(small.analyze('the thuong tru nguoi nuoc ngoai').sequence).toEqual(['the', 'thuong', 'tru', 'nguoi', 'nuoc', 'ngoai']);
  });

  it("abbreviations add the long form ('add' mode) and keep the typed word", () => {
    const a = small.analyze('rut bhxh');
    expect(a.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['bao', 'hiem', 'xa', 'hoi']));
    const b = small.analyze('khai thue tncn');
    expect(b.sequence).toContain('tncn');
    expect(b.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['thu', 'nhap', 'ca', 'nhan']));
  });

  it('names the markers of the query (typed or rewritten)', () => {
    expect(small.analyze('khai sinh lưu động').namedMarkers).toContain('luu dong');
    expect(small.analyze('mất giấy khai sinh').namedMarkers).toContain('dang ki lai');
    expect(small.analyze('dang ky khai sinh').namedMarkers).toEqual([]);
    // Folding collisions are not triggers: 'xây dựng' does not name 'chấm dứt' ('dừng').
    expect(small.analyze('gia han giay phep xay dung').namedMarkers).toEqual(['gia han']);
  });
});

describe('searchDocFromRecord', () => {
  it('takes name, field, levels and a bounded text from the result and steps', () => {
    const d = searchDocFromRecord({
      code: '1.1',
      name: 'Tách hộ',
      field: { code: null, name: 'Đăng ký, quản lý cư trú' },
      levels: ['commune'],
      onlineLevel: 'full',
      structured: true,
      steps: 'x'.repeat(5000),
      results: [{ code: null, name: 'Thông báo kết quả' }],
      text: null,
    });
    expect(d).toMatchObject({ code: '1.1', name: 'Tách hộ', fieldName: 'Đăng ký, quản lý cư trú', levels: ['commune'], onlineLevel: 'full', structured: true });
    expect(d.text.startsWith('Thông báo kết quả ')).toBe(true);
    expect(d.text.length).toBe(RANKING.textChars);
  });
});

// The real demo catalog: the public index, structured national records replacing the same codes.
const seed = new URL('../../../data/seed/', import.meta.url);
const catalog = new Map<string, ProcedureRecord>();
for (const e of (JSON.parse(readFileSync(new URL('procedure-index-2026.json', seed), 'utf8')) as { procedures: unknown[] }).procedures) {
  const r = parsePublicIndexEntry(e);
  catalog.set(r.code, r);
}
for (const f of readdirSync(new URL('national-procedures/', seed)).filter((f) => f.endsWith('.json'))) {
  const r = parseNationalRecord(JSON.parse(readFileSync(new URL(`national-procedures/${f}`, seed), 'utf8')));
  catalog.set(r.code, r);
}
const real = new SearchIndex([...catalog.values()].map(searchDocFromRecord));

describe('SearchIndex on the demo catalog (2,650 procedures)', () => {
  it.each([
    ['lam giay khai sinh', '1.001193'],
    ['xin phep xay nha', '1.013225'],
    ['giấy xác nhận độc thân', '1.004873'],
    ['nhập hộ khẩu', '1.004222'],
    ['làm sổ đỏ', '1.013978'],
    ['lam ho chieu', '1.001456'],
    ['cccd', '1.014061'],
    ['khai tu', '1.000656'],
    ['dang ky ket hon', '1.000894'],
    ['ly lich tu phap', '3.000333'],
    ['chung thuc ban sao', '2.000815'],
    ['dang ky ho kinh doanh', '1.001612'],
    ['tach thua', '1.012784'],
    ['dang ky tam tru', '1.004194'],
  ])('"%s" → %s first', (q, code) => {
    expect(top(real, q)).toEqual([code]);
  });

  it('the issue\'s near-identical family: general first, each special case first when named', () => {
    expect(top(real, 'đăng ký khai sinh')).toEqual(['1.001193']);
    expect(top(real, 'đăng ký khai sinh có yếu tố nước ngoài')).toEqual(['2.000528']);
    expect(top(real, 'đăng ký khai sinh lưu động')).toEqual(['1.003583']);
    expect(top(real, 'đăng ký lại khai sinh')).toEqual(['1.004884']);
  });

  it('matches names stored decomposed and the old tone placement', () => {
    expect(top(real, 'xoá đăng ký thường trú')).toEqual(['1.003197']);
    expect(top(real, 'trình báo mất hộ chiếu phổ thông'.normalize('NFD'), 3)).toContain('1.001445');
  });
});

/**
 * Page-text parser, cleaning and notes on the real index pages (data/seed/procedure-index-2026.json) and on
 * small constructed cells for the layout rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanPageText, parsePageText, structureIndexRecord, unreviewedLowFields, _internal, splitFormFiles, parseComponentRows, parseLegalBasis, parseMethods, parseResults } from './page-parser.ts';
import { parsePublicIndexEntry } from './public-index.ts';
import { stripFormControls } from './page-text.ts';
import type { ParseIssue, ProcedureRecord, PublicIndexText } from './types.ts';

const index = JSON.parse(readFileSync(new URL('../../../data/seed/procedure-index-2026.json', import.meta.url), 'utf8')) as { procedures: { code: string; text: PublicIndexText | null }[] };
const raw = (code: string) => index.procedures.find((p) => p.code.trim() === code)!;
const rec = (code: string): ProcedureRecord => structureIndexRecord(parsePublicIndexEntry(raw(code)));
const text = (over: Partial<PublicIndexText>): PublicIndexText => ({ steps: '', methods: '', components: '', requirements: '', legalBasis: '', result: '', ...over });
// The whole index, parsed once for the corpus-wide checks.
const ALL = index.procedures.map((e) => ({ code: e.code, text: e.text, record: structureIndexRecord(parsePublicIndexEntry(e)) }));
const FORM_CONTROLS = /Chọn cơ quan thực hiện|-- Chọn|Hệ thống chỉ hiển thị|Tên giấy tờMẫu đơn|Hình thức nộpThời gian|Tên văn bản pháp lýMã văn bản/;

describe('cleaning the scraped page text', () => {
  it('strips the agency picker and the button from the result section', () => {
    const r = raw('1.000894').text!.result;
    expect(r).toContain('-- Chọn Phường/ Xã --');
    const clean = stripFormControls(r);
    expect(clean).not.toMatch(/Chọn|Nộp hồ sơ|Hệ thống chỉ hiển thị/);
    expect(clean.startsWith('Giấy chứng nhận kết hôn')).toBe(true);
  });

  it('no parsed field and no cleaned text of any of the 2,642 entries holds a form control or a table header', () => {
    for (const { code, text: t, record: r } of ALL) {
      const e = { code, text: t };
      if (!e.text) continue;
      const parsed = JSON.stringify([r.channels, r.components, r.notes, r.results, r.legalBasis, r.description]);
      expect(parsed, e.code).not.toMatch(FORM_CONTROLS);
      expect(JSON.stringify(cleanPageText(e.text)), e.code).not.toMatch(FORM_CONTROLS);
      expect(parsed, e.code).not.toMatch(/"Nộp hồ sơ"/);
    }
  });

  it('separates table cells: one methods row per line, cells joined by " · "', () => {
    const clean = cleanPageText(raw('1.010038').text!);
    const lines = clean.methods.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(' · ').slice(0, 3)).toEqual(['Trực tiếp', '5 Ngày làm việc', '10,000 Việt Nam Đồng(Trường hợp công dân nộp hồ sơ trực tiếp thu 10.000 đồng/lần đăng ký;)']);
    expect(clean.result.split('\n')[0]).toBe('Cập nhật thông tin trong Cơ sở dữ liệu về cư trú (KQ.G01.000066)');
    expect(clean.components).not.toContain('Tên giấy tờ');
  });
});

describe('notes are notes, never checklist items', () => {
  it('marriage registration (1.000894): "* Lưu ý" rows and "+ Người tiếp nhận có trách nhiệm…" are notes', () => {
    const r = rec('1.000894');
    expect(r.notes!.some((n) => n.text.startsWith('+ Người tiếp nhận có trách nhiệm'))).toBe(true);
    expect(r.notes!.filter((n) => n.caseName?.includes('Lưu ý')).length).toBeGreaterThan(5);
    for (const c of r.components) {
      expect(c.name).not.toMatch(/^\+ Người tiếp nhận|^Trường hợp/);
      expect(c.originalCount + c.copyCount).toBeGreaterThan(0);
      expect(c.caseName ?? '').not.toMatch(/Lưu ý/i);
    }
    expect(r.components.map((c) => c.name.slice(0, 30))).toEqual(expect.arrayContaining(['- Tờ khai đăng ký kết hôn theo', '- Giấy tờ có giá trị chứng min']));
  });

  it('across the index, no component asks for nothing and no component sits under a "Lưu ý" heading', () => {
    for (const { code, record: r } of ALL) {
      const e = { code };
      for (const c of r.components) {
        expect(c.originalCount + c.copyCount, e.code).toBeGreaterThan(0);
        expect(c.caseName ?? '', e.code).not.toMatch(/^\W*Lưu ý/i);
      }
    }
  });
});

describe('methods: time, fees and descriptions per channel', () => {
  it('Tách hộ (1.010038): 5 working days; 10,000 đồng at the desk, 5,000 online, with the fee text', () => {
    const r = rec('1.010038');
    expect(r.channels.map((c) => c.channel)).toEqual(['desk', 'online']);
    const [desk, online] = r.channels;
    expect(desk!.limit).toEqual({ amount: 5, unit: 'working_days' });
    expect(desk!.fees).toEqual([{ kind: 'charge', amountVnd: 10000, description: 'Trường hợp công dân nộp hồ sơ trực tiếp thu 10.000 đồng/lần đăng ký;' }]);
    expect(online!.fees[0]!.amountVnd).toBe(5000);
    expect(desk!.description.startsWith('- Nộp hồ sơ trực tiếp tại Công an cấp xã.')).toBe(true);
    expect(r.parse!.confidence.time).toBe('high');
    expect(r.parse!.confidence.fees).toBe('high');
  });

  it('a channel listed per stage is one channel: stages in order, the limit their sum (1.012538: 2 + 5 + 3)', () => {
    const desk = rec('1.012538').channels.find((c) => c.channel === 'desk')!;
    expect(desk.stages).toEqual([2, 5, 3]);
    expect(desk.limit).toEqual({ amount: 10, unit: 'working_days' });
  });

  it('"Không có thông tin" is no limit (low); USD fees keep their text at 0 VND (low)', () => {
    const r = rec('2.000815');
    expect(r.channels.every((c) => c.limit === null)).toBe(true);
    expect(r.parse!.confidence.time).toBe('low');
    const fees = r.channels[0]!.fees;
    expect(fees.map((f) => f.amountVnd)).toEqual([2000, 0]);
    expect(fees[1]!.description).toContain('10 USD');
    expect(r.parse!.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['time_missing', 'fee_currency']));
  });

  it('a number glued to an amount: the shortest time that leaves a well-formed amount, both low', () => {
    const issues: ParseIssue[] = [];
    const [online] = parseMethods('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐ(20.000 vnđ /tờ khai)', { steps: '', requirements: '' }, issues);
    expect(online!.rawTime).toEqual({ value: 1, unit: 'OTHER' });
    expect(online!.fees[0]!.amountVnd).toBe(20);
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(['time_glued_to_fee', 'fee_amount_small', 'time_unit_missing']));
    expect(_internal.splitTimeAndAmount('140,000')).toEqual({ time: 1, amount: '40,000' });
    expect(_internal.splitTimeAndAmount('10150,000')).toEqual({ time: 10, amount: '150,000' });
  });

  it('a fee the province sets ("Mức lệ phí … do Hội đồng nhân dân tỉnh … quyết định") is low: a reviewer enters it', () => {
    const r = rec('1.004746'); // đăng ký lại kết hôn
    expect(r.channels[0]!.fees[0]!.amountVnd).toBe(0);
    expect(r.parse!.issues.some((i) => i.field === 'fees' && i.code === 'fee_set_elsewhere')).toBe(true);
    expect(unreviewedLowFields(r)).toContain('fees');
  });
});

describe('components: rows, counts, form files', () => {
  it('reads name, counts and the glued form file of each row', () => {
    const rows = parseComponentRows('--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA);1.MuCT01banhnhkmtheoThngts53 (3).doc1 bản chínhBản sao giấy khai sinh.0 bản chính,1 bản sao* Lưu ý:Tên giấy tờMẫu đơn, tờ khaiSố lượng+ Người tiếp nhận có trách nhiệm kiểm tra.0 bản chính', []);
    expect(rows.map((r) => [r.name, r.originalCount, r.copyCount, r.forms.map((f) => f.fileName), r.caseName])).toEqual([
      ['Tờ khai (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA);', 1, 0, ['1.MuCT01banhnhkmtheoThngts53 (3).doc'], null],
      ['Bản sao giấy khai sinh.', 0, 1, [], null],
      ['+ Người tiếp nhận có trách nhiệm kiểm tra.', 0, 0, [], '* Lưu ý:'],
    ]);
  });

  it('a count glued to a form number ("Mẫu số 181 bản chính") is one digit', () => {
    const [row] = parseComponentRows('--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đăng ký biến động theo Mẫu số 181 bản chính', []);
    expect([row!.name, row!.originalCount]).toEqual(['Đơn đăng ký biến động theo Mẫu số 18', 1]);
  });

  it('form file names: after ";" or ")", after a sentence end, at a case join', () => {
    expect(splitFormFiles('Đơn theo Mẫu số 09.QLT ban hành kèm theo Nghị định số 32/2026/NĐ-CP;Mẫu số 09.QLT. Buôn bán.docx')).toEqual({ name: 'Đơn theo Mẫu số 09.QLT ban hành kèm theo Nghị định số 32/2026/NĐ-CP;', files: ['Mẫu số 09.QLT. Buôn bán.docx'] });
    expect(splitFormFiles('Đơn (Mẫu số 02 kèm theo Nghị định số 40/2024/NĐ-CP).Mus02-nnghtrcp.docx').files).toEqual(['Mus02-nnghtrcp.docx']);
    expect(splitFormFiles('… không được yêu cầu cung cấp hồ sơ giấy.PC22.docx').files).toEqual(['PC22.docx']);
    expect(splitFormFiles('… theo mẫu tại Phụ lục IV ban hành kèm theo Nghị định số 112/2024/NĐ-CPPhụ lục IV-NĐ 112.docx').files).toEqual(['Phụ lục IV-NĐ 112.docx']);
    expect(splitFormFiles('Giấy khai sinh')).toEqual({ name: 'Giấy khai sinh', files: [] });
  });
});

describe('results and legal basis', () => {
  it('results with their codes, the page description apart', () => {
    const { results } = parseResults(raw('1.010038').text!.result, []);
    expect(results.map((r) => r.code)).toEqual(['KQ.G01.000066', 'KQ.G01.000065', 'KQ.G01.000064', 'KQ.G01.000067']);
    const glued = parseResults('Thông báo AMã: KQ.G01.000030Thông báo BMã: KQ.G01.000078Từ khóaKhông có thông tinMô tảCấp cho công dân.Chọn cơ quan thực hiện…Nộp hồ sơ', []);
    expect(glued).toEqual({ results: [{ code: 'KQ.G01.000030', name: 'Thông báo A' }, { code: 'KQ.G01.000078', name: 'Thông báo B' }], description: 'Cấp cho công dân.' });
  });

  it('legal documents: a code ends a row before an upper-case letter, not inside a name', () => {
    const docs = parseLegalBasis('Tên văn bản pháp lýMã văn bảnNghị định số 120/2025/NĐ-CP ngày 11/6/2025 của Chính phủ.120/2025/NĐ-CPLuật 52/2014/QH1352/2014/QH13Luật Xuất cảnh năm 202323/2023/QH15Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số 03/2023/TT-BTPNghị định 101/2024/NĐ-CPNghị định 101/2024/NĐ-CP', []);
    expect(docs).toEqual([
      { code: '120/2025/NĐ-CP', name: 'Nghị định số 120/2025/NĐ-CP ngày 11/6/2025 của Chính phủ.' },
      { code: '52/2014/QH13', name: 'Luật 52/2014/QH13' },
      { code: '23/2023/QH15', name: 'Luật Xuất cảnh năm 2023' },
      { code: 'Thông tư số 03/2023/TT-BTP', name: 'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp' },
      { code: 'Nghị định 101/2024/NĐ-CP', name: 'Nghị định 101/2024/NĐ-CP' },
    ]);
  });
});

describe('confidence flags', () => {
  it('every entry gets a flag per field; a missing agency on a commune-level entry becomes the commune committee (low)', () => {
    const r = rec('1.003440');
    expect(r.agencies.executing).toEqual(['Ủy ban nhân dân cấp xã']);
    expect(r.parse!.confidence.agencies).toBe('low');
    for (const e of ALL) {
      const p = e.record.parse!;
      expect(Object.keys(p.confidence).sort()).toEqual(['agencies', 'channels', 'components', 'fees', 'legalBasis', 'results', 'time']);
      // A field is low exactly when an issue names it (plus time/fees without channels or limits).
      for (const i of p.issues) expect(p.confidence[i.field], `${e.code} ${i.code}`).toBe('low');
    }
  });

  it('a reviewed record has no unreviewed low field; an unparsed national record has none either', () => {
    const r = rec('2.000815');
    expect(unreviewedLowFields(r).length).toBeGreaterThan(0);
    expect(unreviewedLowFields({ ...r, review: { reviewerId: null, reviewerName: 'x', reviewedAt: '2026-01-01T00:00:00.000Z', corrected: [], note: null } })).toEqual([]);
    expect(unreviewedLowFields({ parse: null, review: null })).toEqual([]);
  });

  it('parsePageText without text tables reports each missing table', () => {
    const p = parsePageText(text({}), [], ['province']);
    expect(p.channels).toEqual([]);
    expect(p.report.issues.map((i) => i.code).sort()).toEqual(['agency_missing', 'components_missing', 'legal_missing', 'methods_missing', 'results_missing']);
    expect(Object.values(p.report.confidence).every((c) => c === 'low')).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  A4,
  DEFAULT_LAYOUT_SETTINGS,
  KIND_INFO,
  MOTTO,
  SLOGAN,
  addresseeLines,
  dayText,
  documentSymbol,
  excerptLine,
  layoutDocument,
  mm,
  monthText,
  numberLine,
  placeDateLine,
  recipientLines,
  signatureLines,
  subjectLine,
  upper,
  type DocumentKind,
  type DocumentLayout,
  type DocumentSpecInput,
  type LayoutBlock,
} from './layout.ts';

const letter: DocumentSpecInput = {
  kind: 'official_letter',
  agency: { name: 'Ủy ban nhân dân phường Pleiku', parent: 'Ủy ban nhân dân tỉnh Gia Lai', abbreviation: 'UBND' },
  draftingUnit: 'VP',
  number: 12,
  place: 'Pleiku',
  date: '2026-12-04',
  subject: 'tăng cường tiếp nhận hồ sơ trực tuyến',
  addressees: ['Các tổ dân phố thuộc phường'],
  body: ['Thực hiện Kế hoạch số 45/KH-UBND, Ủy ban nhân dân phường đề nghị …', 'Trân trọng./.'],
  signature: { authority: ['TM. Ủy ban nhân dân', 'KT. Chủ tịch'], title: 'Phó Chủ tịch', name: 'Nguyễn Văn Lãnh' },
  recipients: ['Như trên', 'Chủ tịch, các PCT UBND phường'],
  archive: ['VT', 'VP'],
};
const decision: DocumentSpecInput = {
  ...letter,
  kind: 'decision',
  draftingUnit: undefined,
  number: 5,
  subject: 'về việc công nhận tổ dân phố văn hóa năm 2026',
  addressees: undefined,
  body: [
    { text: 'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG PLEIKU', style: 'heading' },
    { text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;', style: 'basis' },
    { text: 'QUYẾT ĐỊNH:', style: 'heading' },
    { lead: 'Điều 1.', text: 'Công nhận 12 tổ dân phố đạt danh hiệu “Tổ dân phố văn hóa” năm 2026.' },
  ],
  signature: { authority: ['KT. Chủ tịch'], title: 'Phó Chủ tịch', name: 'Trần Thị Hoa' },
};

function laid(spec: DocumentSpecInput): DocumentLayout {
  const r = layoutDocument(spec);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.layout;
}
const block = (l: DocumentLayout, id: LayoutBlock['id']) => l.blocks.find((b) => b.id === id);
const textOf = (b: LayoutBlock | undefined) => b?.runs.map((r) => r.text).join('') ?? null;
const problems = (spec: unknown) => {
  const r = layoutDocument(spec);
  return r.ok ? [] : r.problems;
};

describe('the date line (Decree 30: days below 10 and the months 1 and 2 with a leading 0)', () => {
  it('every day and month', () => {
    for (let d = 1; d <= 31; d++) expect(dayText(d)).toBe(d < 10 ? `0${d}` : String(d));
    expect([1, 2, 3, 9, 10, 11, 12].map(monthText)).toEqual(['01', '02', '3', '9', '10', '11', '12']);
  });

  it('examples: the brief’s, a February and a March day', () => {
    expect(placeDateLine('Pleiku', '2026-12-04')).toBe('Pleiku, ngày 04 tháng 12 năm 2026');
    expect(placeDateLine('Pleiku', '2026-02-09')).toBe('Pleiku, ngày 09 tháng 02 năm 2026');
    expect(placeDateLine('Pleiku', '2026-01-15')).toBe('Pleiku, ngày 15 tháng 01 năm 2026');
    expect(placeDateLine('Hà Nội', '2026-03-05')).toBe('Hà Nội, ngày 05 tháng 3 năm 2026');
    expect(placeDateLine('Hà Nội', '2026-09-30')).toBe('Hà Nội, ngày 30 tháng 9 năm 2026');
  });

  it('any day 1900–2100: "<Place>, ngày DD tháng M năm YYYY" with the decree’s zeros', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
        const line = placeDateLine('đông Hà', iso);
        const match = /^Đông Hà, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$/.exec(line);
        expect(match).not.toBeNull();
        expect(Number(match![1])).toBe(day);
        expect(match![2]).toBe(m <= 2 ? `0${m}` : String(m));
        expect(Number(match![3])).toBe(y);
        expect(layoutDocument({ ...letter, date: iso }).ok).toBe(true);
      }),
    );
  });

  it('a year only: day and month left blank for the signer', () => {
    expect(placeDateLine('Pleiku', '2026')).toBe('Pleiku, ngày      tháng      năm 2026');
  });

  it('refuses days that do not exist and years outside 1900–2100', () => {
    for (const date of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '1899-12-31', '2101-01-01', '04/12/2026', '26', '']) {
      expect(problems({ ...letter, date }), date).toEqual([expect.stringMatching(/^date: YYYY-MM-DD \(a real day, 1900–2100\)/)]);
    }
    expect(problems({ ...letter, date: '2028-02-29' })).toEqual([]);
  });
});

describe('number and symbol', () => {
  it('the symbol: AGENCY-UNIT for official letters, KIND-AGENCY for the others', () => {
    expect(documentSymbol('official_letter', 'UBND', 'VP')).toBe('UBND-VP');
    expect(documentSymbol('decision', 'UBND')).toBe('QĐ-UBND');
    expect(documentSymbol('plan', 'UBND')).toBe('KH-UBND');
    expect(documentSymbol('report', 'UBND')).toBe('BC-UBND');
    expect(documentSymbol('notice', 'HĐND')).toBe('TB-HĐND');
  });

  it('before numbering the number is blank; after, below 10 with a leading 0', () => {
    expect(numberLine(null, 'UBND-VP')).toBe('Số:      /UBND-VP');
    expect(numberLine(undefined, 'QĐ-UBND')).toBe('Số:      /QĐ-UBND');
    expect(numberLine(12, 'UBND-VP')).toBe('Số: 12/UBND-VP');
    expect(numberLine(5, 'QĐ-UBND')).toBe('Số: 05/QĐ-UBND');
    expect(numberLine(10, 'QĐ-UBND')).toBe('Số: 10/QĐ-UBND');
    expect(numberLine(1234, 'BC-UBND')).toBe('Số: 1234/BC-UBND');
  });

  it('in the layout: the number block, 13 pt upright, before and after numbering', () => {
    expect(textOf(block(laid(letter), 'number'))).toBe('Số: 12/UBND-VP');
    expect(textOf(block(laid({ ...letter, number: null }), 'number'))).toBe('Số:      /UBND-VP');
    expect(textOf(block(laid({ ...letter, number: undefined }), 'number'))).toBe('Số:      /UBND-VP');
    expect(textOf(block(laid(decision), 'number'))).toBe('Số: 05/QĐ-UBND');
    expect(block(laid(letter), 'number')).toMatchObject({ size: 13, runs: [{ face: 'regular' }], column: 'left', align: 'center' });
  });

  it('an official letter needs its drafting unit; the other kinds refuse one', () => {
    expect(problems({ ...letter, draftingUnit: undefined })).toEqual([expect.stringMatching(/^draftingUnit: an official letter’s symbol names the drafting unit/)]);
    expect(problems({ ...decision, draftingUnit: 'VP' })).toEqual(['draftingUnit: only official letters carry it; a decision’s symbol is QĐ-UBND']);
  });

  it('abbreviations are capitals and digits; numbers whole from 1', () => {
    expect(problems({ ...letter, agency: { ...letter.agency, abbreviation: 'ubnd' } })).toEqual([expect.stringMatching(/^agency.abbreviation: capitals and digits only/)]);
    expect(problems({ ...letter, draftingUnit: 'V P' })).toEqual([expect.stringMatching(/^draftingUnit: capitals and digits only/)]);
    expect(problems({ ...letter, number: 0 })).toEqual(['number: from 1']);
    expect(problems({ ...letter, number: 2.5 })).toEqual(['number: a whole number']);
    expect(problems({ ...letter, number: '12' })).toEqual(['number: a whole number from 1, or null before numbering']);
  });
});

describe('urgency (ô 10b)', () => {
  it('KHẨN, THƯỢNG KHẨN, HỎA TỐC: capitals, bold, framed, under the number (after the V/v of a letter); none by default', () => {
    expect(block(laid(letter), 'urgency')).toBeUndefined();
    for (const [urgency, mark] of [['khan', 'KHẨN'], ['thuong_khan', 'THƯỢNG KHẨN'], ['hoa_toc', 'HỎA TỐC']] as const) {
      const l = laid({ ...decision, urgency });
      expect(block(l, 'urgency')).toMatchObject({ runs: [{ text: mark, face: 'bold' }], size: 13, frame: true, column: 'left', align: 'center', band: 0 });
      const ids = l.blocks.filter((b) => b.column === 'left' && b.band === 0).map((b) => b.id);
      expect(ids.indexOf('urgency')).toBe(ids.indexOf('number') + 1);
    }
    const ids = laid({ ...letter, urgency: 'hoa_toc' }).blocks.filter((b) => b.column === 'left' && b.band === 0).map((b) => b.id);
    expect(ids).toEqual(['parentAgency', 'agency', 'number', 'excerpt', 'urgency']);
    expect(problems({ ...letter, urgency: 'gấp' })).toEqual(['urgency: one of khan, thuong_khan, hoa_toc']);
  });
});

describe('kind title and subject', () => {
  it('V/v only for official letters: under the number, upright, the first word in lower case, no kind title', () => {
    const l = laid(letter);
    expect(textOf(block(l, 'excerpt'))).toBe('V/v tăng cường tiếp nhận hồ sơ trực tuyến');
    expect(block(l, 'excerpt')).toMatchObject({ column: 'left', size: 13, align: 'center', runs: [{ face: 'regular' }] });
    expect(l.blocks.findIndex((b) => b.id === 'excerpt')).toBe(l.blocks.findIndex((b) => b.id === 'number') + 1);
    expect(block(l, 'kindTitle')).toBeUndefined();
    expect(block(l, 'subject')).toBeUndefined();
  });

  it.each(['decision', 'plan', 'report', 'notice'] as const)('%s: the kind in capitals, bold, then the subject bold with the rule; no V/v', (kind: DocumentKind) => {
    const l = laid({ ...decision, kind });
    expect(block(l, 'excerpt')).toBeUndefined();
    expect(textOf(block(l, 'kindTitle'))).toBe(upper(KIND_INFO[kind].vi));
    expect(block(l, 'kindTitle')).toMatchObject({ column: 'full', align: 'center', size: 14, runs: [{ face: 'bold' }] });
    expect(textOf(block(l, 'subject'))).toBe('Về việc công nhận tổ dân phố văn hóa năm 2026');
    expect(block(l, 'subject')).toMatchObject({ align: 'center', size: 14, runs: [{ face: 'bold' }], rule: DEFAULT_LAYOUT_SETTINGS.ruleRatio });
    expect(l.numberLine).toBe(`Số: 05/${KIND_INFO[kind].abbreviation}-UBND`);
  });

  it('kind titles in capitals with their diacritics', () => {
    expect((['decision', 'plan', 'report', 'notice'] as const).map((k) => upper(KIND_INFO[k].vi))).toEqual(['QUYẾT ĐỊNH', 'KẾ HOẠCH', 'BÁO CÁO', 'THÔNG BÁO']);
  });

  it('a typed "V/v" or "Về việc" is not doubled; abbreviations keep their capitals', () => {
    expect(excerptLine('V/v tăng cường công tác')).toBe('V/v tăng cường công tác');
    expect(excerptLine('Về việc Tăng cường công tác')).toBe('V/v tăng cường công tác');
    expect(excerptLine('Đề nghị cung cấp thông tin')).toBe('V/v đề nghị cung cấp thông tin');
    expect(excerptLine('UBND tỉnh giao nhiệm vụ')).toBe('V/v UBND tỉnh giao nhiệm vụ');
    expect(subjectLine('v/v công nhận')).toBe('Về việc công nhận');
    expect(subjectLine('ban hành Quy chế làm việc')).toBe('Ban hành Quy chế làm việc');
  });
});

describe('capitals and Vietnamese text', () => {
  it('agency names in capitals (the agency bold with its rule, the parent upright)', () => {
    const l = laid({ ...letter, agency: { name: 'ủy ban nhân dân phường Đông Hà', parent: 'Ủy ban nhân dân tỉnh Quảng Trị', abbreviation: 'UBND' } });
    expect(block(l, 'agency')).toMatchObject({ runs: [{ text: 'ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HÀ', face: 'bold' }], size: 13, column: 'left', rule: 0.4 });
    expect(block(l, 'parentAgency')).toMatchObject({ runs: [{ text: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', face: 'regular' }], size: 13 });
    expect(block(laid({ ...letter, agency: { name: 'Sở Nội vụ', abbreviation: 'SNV' } }), 'parentAgency')).toBeUndefined();
  });

  it('upper() maps every Vietnamese letter, the stacked marks too', () => {
    expect(upper('đặng thị ữ, ệ, ở, ỡ, ặ')).toBe('ĐẶNG THỊ Ữ, Ệ, Ở, Ỡ, Ặ');
  });

  it('decomposed (combining) input comes out NFC; runs of white space are one space', () => {
    const decomposed = 'Nguye\u0302\u0303n  Va\u0306n\tLa\u0303nh';
    const l = laid({ ...letter, signature: { ...letter.signature, name: decomposed } });
    expect(textOf(block(l, 'signerName'))).toBe('Nguyễn Văn Lãnh');
    for (const b of l.blocks) for (const r of b.runs) expect(r.text).toBe(r.text.normalize('NFC'));
  });

  it('refuses NUL and broken Unicode, naming the field', () => {
    expect(problems({ ...letter, subject: 'a\u0000b' })).toEqual(['subject: contains a character that is not allowed (NUL or a broken Unicode sequence)']);
    expect(problems({ ...letter, body: ['ok', 'x\uD800y'] })).toEqual(['body[1].text: contains a character that is not allowed (NUL or a broken Unicode sequence)']);
  });
});

describe('the national motto and the header', () => {
  it('motto capitals 13 pt bold on one line, slogan 14 pt bold with a rule as long as the line, the date italic under them', () => {
    const l = laid(letter);
    expect(block(l, 'motto')).toMatchObject({ runs: [{ text: MOTTO, face: 'bold' }], size: 13, oneLine: true, column: 'right', align: 'center' });
    expect(block(l, 'slogan')).toMatchObject({ runs: [{ text: SLOGAN, face: 'bold' }], size: 14, oneLine: true, rule: 1, column: 'right' });
    expect(block(l, 'placeDate')).toMatchObject({ runs: [{ text: 'Pleiku, ngày 04 tháng 12 năm 2026', face: 'italic' }], size: 14, column: 'right', align: 'center' });
    expect(MOTTO).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(SLOGAN).toBe('Độc lập - Tự do - Hạnh phúc');
    const ids = l.blocks.filter((b) => b.column === 'right' && b.band === 0).map((b) => b.id);
    expect(ids).toEqual(['motto', 'slogan', 'placeDate']);
  });

  it('header columns: left (agency, number) and right (motto) side by side, inside the margins', () => {
    const l = laid(letter);
    const head = l.blocks.filter((b) => b.band === 0);
    const leftCol = head.filter((b) => b.column === 'left');
    const rightCol = head.filter((b) => b.column === 'right');
    expect(leftCol.map((b) => b.id)).toEqual(['parentAgency', 'agency', 'number', 'excerpt']);
    for (const b of leftCol) expect(b.x).toBe(l.page.margins.left);
    for (const b of rightCol) expect(b.x).toBe(leftCol[0]!.x + leftCol[0]!.width);
    for (const b of l.blocks) expect(b.x + b.width).toBeLessThanOrEqual(l.page.width - l.page.margins.right + 0.01);
  });
});

describe('page, margins and settings', () => {
  it('A4 with the default margins 20/20/30/15 mm; page numbers from page 2, 14 pt upright', () => {
    const l = laid(letter);
    expect(l.page).toEqual({ width: A4.width, height: A4.height, margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } });
    expect(l.pageNumbers).toEqual({ fromPage: 2, size: 14, face: 'regular' });
  });

  it('every margin inside the decree’s range is taken; outside is refused with the range', () => {
    const l = laid({ ...letter, settings: { marginTopMm: 25, marginBottomMm: 22, marginLeftMm: 35, marginRightMm: 20 } });
    expect(l.page.margins).toEqual({ top: mm(25), bottom: mm(22), left: mm(35), right: mm(20) });
    expect(problems({ ...letter, settings: { marginTopMm: 19 } })).toEqual(['settings.marginTopMm: at least 20 (Decree 30/2020, Appendix I)']);
    expect(problems({ ...letter, settings: { marginBottomMm: 26 } })).toEqual(['settings.marginBottomMm: at most 25 (Decree 30/2020, Appendix I)']);
    expect(problems({ ...letter, settings: { marginLeftMm: 29.9 } })).toEqual(['settings.marginLeftMm: at least 30 (Decree 30/2020, Appendix I)']);
    expect(problems({ ...letter, settings: { marginRightMm: 21 } })).toEqual(['settings.marginRightMm: at most 20 (Decree 30/2020, Appendix I)']);
    expect(problems({ ...letter, settings: { mottoSize: 14 } })[0]).toBe('settings.mottoSize: at most 13 (Decree 30/2020, Appendix I)');
    expect(problems({ ...letter, settings: { bodySize: 12 } })).toEqual(['settings.bodySize: at least 13 (Decree 30/2020, Appendix I)']);
    expect(problems({ ...letter, settings: { lineSpacing: 2 } })).toEqual(['settings.lineSpacing: at most 1.5 (Decree 30/2020, Appendix I)']);
    expect(problems({ ...letter, settings: { paragraphSpacing: 3 } })).toEqual(['settings.paragraphSpacing: at least 6 (Decree 30/2020, Appendix I)']);
    expect(problems({ ...letter, settings: { fontColour: 'blue' } })).toEqual(['settings: unknown field(s) fontColour']);
  });

  it('sizes chosen inside their ranges reach the blocks', () => {
    const l = laid({ ...decision, settings: { mottoSize: 12, sloganSize: 13, agencySize: 12, bodySize: 13, signatureSize: 13, titleSize: 13, pageNumberSize: 13 } });
    expect([block(l, 'motto')!.size, block(l, 'slogan')!.size, block(l, 'agency')!.size, block(l, 'kindTitle')!.size, block(l, 'paragraph')!.size, block(l, 'signerName')!.size, l.pageNumbers.size]).toEqual([12, 13, 12, 13, 13, 13, 13]);
  });

  it('the motto must fit on one line in the right header column', () => {
    expect(problems({ ...letter, settings: { headerLeftShare: 0.42, marginLeftMm: 35, marginRightMm: 20 } })).toEqual([
      expect.stringMatching(/^settings: the motto at 13 pt needs 270 pt on one line; the right header column has \d+ pt/),
    ]);
    expect(problems({ ...letter, settings: { headerLeftShare: 0.42, marginLeftMm: 35, marginRightMm: 20, mottoSize: 12 } })).toEqual([]);
  });

  it('the electronic-copy area: top right of page 1, inside the top margin, flush with the right margin', () => {
    for (const top of [20, 25]) {
      const l = laid({ ...letter, settings: { marginTopMm: top } });
      const c = l.copyArea;
      expect(c.page).toBe(1);
      expect(c.y + c.height).toBeLessThanOrEqual(l.page.margins.top);
      expect(c.y).toBeGreaterThan(0);
      expect(c.x + c.width).toBeCloseTo(l.page.width - l.page.margins.right, 1);
    }
  });
});

describe('body', () => {
  it('paragraphs justified, first line indented 1 cm, 14 pt, at least 6 pt apart, single to 1.5 lines', () => {
    const l = laid({ ...letter, settings: { lineSpacing: 1.5, firstLineIndentMm: 12.7 } });
    const ps = l.blocks.filter((b) => b.id === 'paragraph');
    expect(ps).toHaveLength(2);
    for (const p of ps) expect(p).toMatchObject({ align: 'justify', indent: mm(12.7), size: 14, column: 'full', x: l.page.margins.left });
    expect(ps[1]!.spaceBefore).toBeGreaterThanOrEqual(6);
    expect(ps[0]!.lineGap).toBeCloseTo(14 * 1.15 * 0.5, 1);
    expect(laid(letter).blocks.find((b) => b.id === 'paragraph')!.indent).toBe(mm(10));
    expect(laid({ ...letter, settings: { lineSpacing: 1 } }).blocks.find((b) => b.id === 'paragraph')!.lineGap).toBe(0);
  });

  it('styles: a heading bold centred, a legal basis italic, a lead-in bold on the article’s line', () => {
    const l = laid(decision);
    const body = l.blocks.filter((b) => b.band === 1 && !['kindTitle', 'subject'].includes(b.id));
    expect(body.map((b) => [b.id, b.align, b.runs.map((r) => r.face).join('+')])).toEqual([
      ['heading', 'center', 'bold'],
      ['paragraph', 'justify', 'italic'],
      ['heading', 'center', 'bold'],
      ['paragraph', 'justify', 'bold+regular'],
    ]);
    expect(body[3]!.runs).toEqual([{ text: 'Điều 1. ', face: 'bold' }, { text: 'Công nhận 12 tổ dân phố đạt danh hiệu “Tổ dân phố văn hóa” năm 2026.', face: 'regular' }]);
    expect(body[0]!.keepWithNext).toBe(true);
  });

  it('a lead-in only on a normal paragraph; unknown styles and empty paragraphs are refused', () => {
    expect(problems({ ...decision, body: [{ text: 'QUYẾT ĐỊNH:', style: 'heading', lead: 'x' }] })).toEqual(['body[0].lead: only a normal paragraph has a lead-in']);
    expect(problems({ ...decision, body: [{ text: 'a', style: 'quote' }] })).toEqual(['body[0].style: normal, basis, heading or section']);
    expect(problems({ ...decision, body: ['   '] })).toEqual(['body[0].text: must not be empty']);
    expect(problems({ ...decision, body: [] })).toEqual(['body: at least one paragraph']);
  });

  it('"Kính gửi": one addressee on the line, several as a list', () => {
    expect(addresseeLines(['Ủy ban nhân dân tỉnh Gia Lai.'])).toEqual(['Kính gửi: Ủy ban nhân dân tỉnh Gia Lai.']);
    expect(addresseeLines(['- Sở Nội vụ;', 'Sở Tư pháp'])).toEqual(['Kính gửi:', '- Sở Nội vụ;', '- Sở Tư pháp.']);
    const l = laid(letter);
    expect(l.blocks.filter((b) => b.id === 'addressee').map(textOf)).toEqual(['Kính gửi: Các tổ dân phố thuộc phường.']);
    expect(block(l, 'addressee')).toMatchObject({ size: 14, runs: [{ face: 'regular' }] });
  });
});

describe('signature and recipients', () => {
  it('authority and title in capitals, bold; the name as written, bold; the signature space after the title', () => {
    expect(signatureLines({ authority: ['TM. Ủy ban nhân dân', 'KT. Chủ tịch'], title: 'Phó Chủ tịch' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    const l = laid(letter);
    const sig = l.blocks.filter((b) => b.band === 2 && b.column === 'right');
    expect(sig.map((b) => [b.id, textOf(b), b.runs[0]!.face, b.size])).toEqual([
      ['authority', 'TM. ỦY BAN NHÂN DÂN', 'bold', 14],
      ['authority', 'KT. CHỦ TỊCH', 'bold', 14],
      ['signerTitle', 'PHÓ CHỦ TỊCH', 'bold', 14],
      ['signerName', 'Nguyễn Văn Lãnh', 'bold', 14],
    ]);
    expect(sig[2]!.signatureSpaceAfter).toBe(DEFAULT_LAYOUT_SETTINGS.signatureSpace);
    for (const b of sig) expect(b.align).toBe('center');
  });

  it('a signer without authority lines: the title alone', () => {
    const l = laid({ ...letter, signature: { title: 'Chủ tịch', name: 'Nguyễn Văn Lãnh' } });
    expect(l.blocks.filter((b) => b.band === 2 && b.column === 'right').map(textOf)).toEqual(['CHỦ TỊCH', 'Nguyễn Văn Lãnh']);
  });

  it('authority lines start with TM., KT., TL., TUQ. or Q.', () => {
    expect(problems({ ...letter, signature: { ...letter.signature, authority: ['Thay mặt UBND'] } })).toEqual([expect.stringMatching(/^signature.authority\[0\]: starts with TM., KT., TL., TUQ., Q./)]);
    for (const a of ['TL. Chủ tịch', 'TUQ. Chủ tịch', 'Q. Chủ tịch', 'tm. ủy ban nhân dân']) expect(problems({ ...letter, signature: { ...letter.signature, authority: [a] } }), a).toEqual([]);
  });

  it('"Nơi nhận:" 12 pt bold italic; each recipient 11 pt, "- …;", then "- Lưu: VT, VP."', () => {
    expect(recipientLines(['- Như trên;', 'Sở Nội vụ.'], ['VT', 'VP'])).toEqual(['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT, VP.']);
    const l = laid(letter);
    const rec = l.blocks.filter((b) => b.band === 2 && b.column === 'left');
    expect(rec[0]).toMatchObject({ id: 'recipientsLabel', runs: [{ text: 'Nơi nhận:', face: 'boldItalic' }], size: 12 });
    expect(rec.slice(1).map(textOf)).toEqual(['- Như trên;', '- Chủ tịch, các PCT UBND phường;', '- Lưu: VT, VP.']);
    for (const b of rec.slice(1)) expect(b).toMatchObject({ size: 11, runs: [{ face: 'regular' }] });
    expect(laid({ ...letter, archive: undefined }).blocks.filter((b) => b.id === 'recipient').at(-1)!.runs[0]!.text).toBe('- Lưu: VT.');
  });

  it('recipients beside the signature, both in the closing band after the body', () => {
    const l = laid(letter);
    const left = l.blocks.filter((b) => b.band === 2 && b.column === 'left');
    const right = l.blocks.filter((b) => b.band === 2 && b.column === 'right');
    expect(right[0]!.x).toBe(left[0]!.x + left[0]!.width);
    expect(l.blocks.at(-1)!.id).toBe('signerName');
  });

  it('the filing line comes from archive, not from the recipients; at least one recipient', () => {
    expect(problems({ ...letter, recipients: ['Như trên', 'Lưu: VT, VP'] })).toEqual(['recipients[1]: the filing line "Lưu: …" comes from archive, not from the recipients']);
    expect(problems({ ...letter, recipients: [] })).toEqual(['recipients: at least one ("Như trên" for an official letter)']);
    expect(problems({ ...letter, archive: ['vt'] })).toEqual([expect.stringMatching(/^archive\[0\]: capitals and digits only/)]);
  });
});

describe('input errors name their field', () => {
  it('missing and wrong fields, one line each', () => {
    expect(problems({ kind: 'memo' })).toEqual([
      'kind: one of official_letter, decision, plan, report, notice',
      'agency: required',
      'place: required',
      'date: required',
      'subject: required',
      'body: required',
      'signature: required',
      'recipients: required',
    ]);
    expect(problems({ ...letter, agency: { name: 'UBND' } })).toEqual(['agency.abbreviation: required']);
    expect(problems({ ...letter, signature: { title: 'Chủ tịch' } })).toEqual(['signature.name: required']);
    expect(problems({ ...letter, colour: 'red' })).toEqual(['spec: unknown field(s) colour']);
    expect(problems(null)).toEqual(['spec: Invalid input: expected object, received null'.replace('Invalid input: ', '')]);
  });

  it('metadata: a title and a file name without spaces', () => {
    const l = laid(letter);
    expect(l.meta).toMatchObject({ title: 'Công văn Số: 12/UBND-VP V/v tăng cường tiếp nhận hồ sơ trực tuyến', author: 'Ủy ban nhân dân phường Pleiku', fileName: 'official-letter-12-UBND-VP-2026-12-04' });
    expect(laid({ ...decision, number: null }).meta.fileName).toBe('decision-du-thao-2026-12-04');
  });
});

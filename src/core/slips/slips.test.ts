import { describe, expect, it } from 'vitest';
import { createWorkCalendar, DEFAULT_CALENDAR_POLICIES } from '../calendar/index.ts';
import { defaultWorkflow } from '../catalog/workflow.ts';
import {
  buildApology,
  buildControl,
  buildDossierSlip,
  buildReceipt,
  componentsOfEntry,
  buildRefusal,
  buildRegister,
  buildStopNotice,
  buildSupplementRequest,
  compareToDeadline,
  formatDate,
  formatDateTime,
  formatLimit,
  formatVnd,
  formNumberFor,
  handoverRows,
  maskNumber,
  placeDateLine,
  placeName,
  provinceFromAgencyName,
  runningNumber,
  slipSourceEntry,
  type SlipBlock,
  type SlipDoc,
  type SlipHistoryItem,
  type SlipInput,
} from './index.ts';

const vn = (s: string) => new Date(`${s}+07:00`);
const cal = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, []);

const DESK = 'u-desk-0000-0000-0000-000000000001';
const LEAD = 'u-lead-0000-0000-0000-000000000002';
const SPEC = 'u-spec-0000-0000-0000-000000000003';

let seq = 0;
function h(action: string, at: string, actorId: string, actorRole: string, data: Record<string, unknown> = {}, note: string | null = null): SlipHistoryItem {
  seq += 1;
  return { seq, action, fromState: null, toState: 'x', at: vn(at), actorId, actorRole, agencyId: 'a-pleiku', note, data };
}

function fixture(over: Partial<SlipInput> = {}): SlipInput {
  seq = 0;
  const history = [
    h('receive', '2026-02-12T10:00:00', DESK, 'desk_officer', { receivedAt: '2026-02-12T10:00:00+07:00', dueAt: '2026-02-26T17:00:00+07:00', slip: 'receipt' }),
    h('forward', '2026-02-12T10:30:00', DESK, 'desk_officer', { dueAt: '2026-02-26T17:00:00+07:00' }),
    h('assign', '2026-02-12T14:00:00', LEAD, 'leader', { assigneeId: SPEC, dueAt: '2026-02-26T17:00:00+07:00' }),
    h('start_processing', '2026-02-13T08:00:00', SPEC, 'specialist', { dueAt: '2026-02-26T17:00:00+07:00' }),
    h('request_supplement', '2026-02-13T09:00:00', SPEC, 'specialist', { missingItems: ['Bản sao giấy khai sinh', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Sổ hộ khẩu cũ'], dueAt: null, slip: 'supplement_request' }, 'Thiếu giấy tờ'),
    h('supply', '2026-02-25T10:00:00', DESK, 'desk_officer', { dueAt: '2026-03-04T17:00:00+07:00' }),
    h('apologize', '2026-03-02T09:00:00', LEAD, 'leader', { newDueAt: '2026-03-06', reasons: ['Cần xác minh thực địa'], dueAt: '2026-03-06T17:00:00+07:00', slip: 'apology' }),
    h('propose', '2026-03-02T10:00:00', SPEC, 'specialist', { dueAt: '2026-03-06T17:00:00+07:00' }),
    h('approve', '2026-03-02T11:00:00', LEAD, 'leader', { dueAt: '2026-03-06T17:00:00+07:00' }),
    h('mark_result_ready', '2026-03-06T16:00:00', SPEC, 'specialist', { paperResult: true, dueAt: '2026-03-06T17:00:00+07:00' }),
    h('return_result', '2026-03-09T09:00:00', DESK, 'desk_officer', { returnMethod: 'desk', collectedBy: 'Nguyễn Văn Ánh', dueAt: '2026-03-06T17:00:00+07:00' }),
  ];
  return {
    dossier: {
      id: 'd-1',
      code: '000.01.00.H21-260212-0007',
      state: 'returned',
      channel: 'desk',
      applicant: { fullName: 'Nguyễn Văn Ánh', idNumber: '052090001234', phone: '0905123456', address: 'Tổ 3, phường Pleiku' },
      procedureCode: '1.010038',
      procedureName: 'Tách hộ',
      limit: { amount: 5, unit: 'working_days' },
      receivedAt: vn('2026-02-12T10:00:00'),
      dueAt: vn('2026-03-06T17:00:00'),
      originalDueAt: vn('2026-02-26T17:00:00'),
      finishedAt: vn('2026-03-06T16:00:00'),
      returnedAt: vn('2026-03-09T09:00:00'),
      resultMethod: 'desk',
      feeTotal: 10000,
      paidTotal: 10000,
      trackingSecret: 'ABCDEF123456',
      onestopPolicy: 'onestop-2025',
    },
    receivingAgency: { id: 'a-pleiku', name: 'Ủy ban nhân dân Phường Pleiku', parentName: 'Ủy ban nhân dân Tỉnh Gia Lai', provinceName: 'Tỉnh Gia Lai' },
    handlingAgency: { id: 'a-pleiku', name: 'Ủy ban nhân dân Phường Pleiku', parentName: 'Ủy ban nhân dân Tỉnh Gia Lai', provinceName: 'Tỉnh Gia Lai' },
    components: [
      { name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', originalCount: 1, copyCount: 0 },
      { name: 'Giấy tờ khác', originalCount: null, copyCount: null },
    ],
    fees: [{ kind: 'charge', description: 'Lệ phí đăng ký cư trú', amountVnd: 10000 }],
    history,
    names: { [DESK]: 'Nguyễn Thị Hoa', [LEAD]: 'Lê Quang Hưng', [SPEC]: 'Trần Văn Minh' },
    audience: 'staff',
    trackingUrl: 'https://motcua.example.vn/tra-cuu?code=000.01.00.H21-260212-0007&secret=ABCDEF123456',
    workflow: defaultWorkflow({ amount: 5, unit: 'working_days' }),
    calendar: cal,
    now: vn('2026-03-10T08:00:00'),
    ...over,
  };
}

/** All printed text of a slip's body, one string per block (tables: one per cell). */
function texts(doc: SlipDoc): string[] {
  return doc.blocks.flatMap((b: SlipBlock) => {
    switch (b.type) {
      case 'text':
        return [b.text];
      case 'field':
        return [`${b.label} ${b.value}`];
      case 'list':
        return b.items.map((x, i) => `${i + 1}. ${x}`);
      case 'table':
        return [...b.columns.map((c) => c.title), ...b.rows.flat()];
      default:
        return [];
    }
  });
}

const entryOf = (input: SlipInput, action: string) => input.history.find((x) => x.action === action)!;

describe('formatting', () => {
  it('dates and times in Vietnam time', () => {
    expect(formatDate(new Date('2026-02-11T18:30:00Z'))).toBe('12/02/2026'); // 01:30 on the 12th in Vietnam
    expect(formatDateTime(new Date('2026-02-26T10:00:00Z'))).toBe('26/02/2026, 17:00');
  });

  it('the place from the province name and the date line', () => {
    expect(placeName('Tỉnh Gia Lai')).toBe('Gia Lai');
    expect(placeName('Thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeName('Ủy ban nhân dân Tỉnh Gia Lai')).toBe('Gia Lai');
    expect(placeName(null)).toBe('');
    expect(provinceFromAgencyName('Ủy ban nhân dân Tỉnh Gia Lai')).toBe('Tỉnh Gia Lai');
    expect(placeDateLine('Tỉnh Gia Lai', vn('2026-02-12T10:00:00'))).toBe('Gia Lai, ngày 12 tháng 02 năm 2026');
    expect(placeDateLine(null, vn('2026-02-12T10:00:00'))).toBe('Ngày 12 tháng 02 năm 2026');
  });

  it('money, masks, limits, running numbers', () => {
    expect(formatVnd(10000)).toBe('10.000 đồng');
    expect(formatVnd(1234567)).toBe('1.234.567 đồng');
    expect(formatVnd(0)).toBe('0 đồng');
    expect(maskNumber('052090001234')).toBe('052******234');
    expect(maskNumber('0905123456', 4, 3)).toBe('0905***456');
    expect(maskNumber('12')).toBe('**');
    expect(formatLimit({ amount: 5, unit: 'working_days' })).toBe('05 ngày làm việc');
    expect(formatLimit({ amount: 30, unit: 'days' })).toBe('30 ngày');
    expect(formatLimit({ amount: 1, unit: 'same_day' })).toBe('Trong ngày');
    expect(formatLimit(null)).toBe('Không quy định');
    expect(runningNumber('000.01.00.H21-260212-0007')).toBe('0007');
    expect(runningNumber(null)).toBeNull();
  });

  it('early / on time / late like classifyTiming', () => {
    const due = vn('2026-03-06T17:00:00');
    expect(compareToDeadline(vn('2026-03-05T09:00:00'), due)).toBe('early');
    expect(compareToDeadline(vn('2026-03-06T16:59:00'), due)).toBe('on_time');
    expect(compareToDeadline(vn('2026-03-06T17:01:00'), due)).toBe('late');
    expect(compareToDeadline(vn('2026-03-09T08:00:00'), due)).toBe('late');
  });

  it('form numbers follow the dossier’s one-stop policy', () => {
    expect(formNumberFor('onestop-2018', 'receipt')).toBe('Mẫu số 01');
    expect(formNumberFor('onestop-2018', 'register')).toBe('Mẫu số 06');
    expect(formNumberFor('onestop-2018', 'stop_notice')).toBeNull();
    expect(formNumberFor('onestop-2025', 'stop_notice')).toBe('Mẫu số 07');
  });
});

describe('which history entry a slip is printed from', () => {
  it('the latest producing entry, or the one asked for, or none', () => {
    const input = fixture();
    expect(slipSourceEntry('receipt', input.history)?.action).toBe('receive');
    expect(slipSourceEntry('supplement_request', input.history)?.seq).toBe(5);
    expect(slipSourceEntry('supplement_request', input.history, 5)?.seq).toBe(5);
    expect(slipSourceEntry('supplement_request', input.history, 6)).toBeNull();
    expect(slipSourceEntry('apology', input.history)?.action).toBe('apologize');
    expect(slipSourceEntry('refusal', input.history)).toBeNull();
    expect(slipSourceEntry('stop_notice', input.history)).toBeNull();
    expect(slipSourceEntry('control', input.history)?.action).toBe('return_result');
    expect(slipSourceEntry('control', input.history.filter((x) => x.action !== 'receive'))).toBeNull();
    expect(slipSourceEntry('receipt', [])).toBeNull();
  });
});

describe('01 receipt', () => {
  it('header, title, code, applicant, components, times, fee, secret, signatures, QR', () => {
    const input = fixture();
    const doc = buildReceipt(input, entryOf(input, 'receive'));
    expect(doc.page).toEqual({ size: 'A5', layout: 'portrait' });
    expect(doc.formNumber).toBe('Mẫu số 01');
    expect(doc.header).toEqual({ parentBody: 'ỦY BAN NHÂN DÂN TỈNH GIA LAI', agency: 'ỦY BAN NHÂN DÂN PHƯỜNG PLEIKU', number: 'Số: 0007/TNHS', placeDate: 'Gia Lai, ngày 12 tháng 02 năm 2026' });
    expect(doc.title).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(doc.subtitle).toBe('Mã hồ sơ: 000.01.00.H21-260212-0007');
    const t = texts(doc);
    expect(t).toContain('Ông/Bà: Nguyễn Văn Ánh');
    expect(t).toContain('Số định danh cá nhân: 052090001234');
    expect(t).toContain('Nội dung yêu cầu giải quyết: Tách hộ (mã thủ tục 1.010038)');
    expect(t).toContain('Tờ khai thay đổi thông tin cư trú (Mẫu CT01)');
    expect(t).toContain('—'); // counts unknown for a component not in the procedure record
    expect(t).toContain('3. Thời gian giải quyết hồ sơ theo quy định: 05 ngày làm việc');
    expect(t).toContain('4. Thời gian nhận hồ sơ: 12/02/2026, 10:00');
    // The appointment issued at receipt, not the later (apology) one.
    expect(t).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 26/02/2026, 17:00');
    expect(t).toContain('6. Phí, lệ phí: 10.000 đồng');
    expect(t).toContain('– Lệ phí đăng ký cư trú: 10.000 đồng');
    expect(t).toContain('7. Đăng ký nhận kết quả: Tại Bộ phận Một cửa');
    expect(t).toContain('Mã tra cứu hồ sơ: ABCDEF123456');
    expect(doc.signatures.map((s) => [s.title, s.name])).toEqual([
      ['NGƯỜI NỘP HỒ SƠ', 'Nguyễn Văn Ánh'],
      ['NGƯỜI TIẾP NHẬN HỒ SƠ', 'Nguyễn Thị Hoa'],
    ]);
    expect(doc.qr?.url).toBe(input.trackingUrl);
    expect(doc.qr?.lines.at(-1)).toContain('ABCDEF123456');
    expect(doc.meta.fileName).toBe('000.01.00.H21-260212-0007-receipt.pdf');
    expect(doc.meta.issuedAt).toEqual(vn('2026-02-12T10:00:00')); // dated by its entry: same data, same slip
  });

  it('the public copy masks the ID number and phone', () => {
    const input = fixture({ audience: 'public' });
    const t = texts(buildReceipt(input, entryOf(input, 'receive')));
    expect(t).toContain('Số định danh cá nhân: 052******234');
    expect(t.join(' ')).not.toContain('052090001234');
    expect(t.join(' ')).not.toContain('0905123456');
  });

  it('lists every component the officer ticked with the counts received, scanned or not', () => {
    const base = fixture();
    const receive = entryOf(base, 'receive');
    const entry = {
      ...receive,
      data: {
        ...receive.data,
        componentsReceived: [
          { code: 'c1', name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', originals: 1, copies: 0 },
          { code: null, name: 'Giấy tờ chứng minh chỗ ở hợp pháp', originals: 0, copies: 2 },
        ],
      },
    };
    // Only one of the two was scanned: the slip still lists both, with their counts.
    const doc = buildReceipt({ ...base, components: [{ name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', originalCount: null, copyCount: null }] }, entry);
    const table = doc.blocks.find((b) => b.type === 'table');
    expect(table && table.type === 'table' ? table.rows : null).toEqual([
      ['1', 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', '1', '0'],
      ['2', 'Giấy tờ chứng minh chỗ ở hợp pháp', '0', '2'],
    ]);
    expect(componentsOfEntry(base, receive)).toEqual(base.components); // an entry without ticks: the scanned documents
  });

  it('no fee, no components, no tracking URL', () => {
    const input = fixture({ fees: [], components: [], trackingUrl: null });
    const doc = buildReceipt(input, entryOf(input, 'receive'));
    expect(texts(doc)).toContain('6. Phí, lệ phí: Không');
    expect(texts(doc)).toContain('(Không có giấy tờ được ghi nhận khi tiếp nhận.)');
    expect(doc.qr).toBeNull();
  });
});

describe('02 supplement request, 03 refusal, 04 apology, stop notice', () => {
  it('the supplement request lists every missing item, in order, with the reason and the guide', () => {
    const input = fixture();
    const doc = buildSupplementRequest(input, entryOf(input, 'request_supplement'));
    expect(doc.title).toBe('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(doc.formNumber).toBe('Mẫu số 02');
    expect(doc.header.number).toBe('Số: 0007/HDHS');
    expect(doc.header.placeDate).toBe('Gia Lai, ngày 13 tháng 02 năm 2026');
    const list = doc.blocks.find((b) => b.type === 'list');
    expect(list).toEqual({ type: 'list', items: ['Bản sao giấy khai sinh', 'Giấy tờ chứng minh chỗ ở hợp pháp', 'Sổ hộ khẩu cũ'] });
    expect(texts(doc)).toContain('Lý do: Thiếu giấy tờ');
    expect(doc.signatures[1]).toEqual({ title: 'NGƯỜI HƯỚNG DẪN', hint: '(Ký và ghi rõ họ tên)', name: 'Trần Văn Minh' });
  });

  it('a supplement request at intake has no code yet: no number, no subtitle, no QR', () => {
    seq = 0;
    const input = fixture({ history: [h('request_intake_supplement', '2026-03-20T09:00:00', DESK, 'desk_officer', { missingItems: ['Tờ khai CT01'] })] });
    input.dossier = { ...input.dossier, code: null, receivedAt: null };
    const doc = buildSupplementRequest(input, input.history[0]!);
    expect(doc.header.number).toBe('Số: ....../HDHS');
    expect(doc.subtitle).toBeNull();
    expect(doc.qr).toBeNull();
    expect(texts(doc).join(' ')).toContain('Hồ sơ chưa được tiếp nhận');
  });

  it('the refusal gives the reasons and the competent body', () => {
    seq = 0;
    const input = fixture({ history: [h('reject_intake', '2026-03-20T09:00:00', DESK, 'desk_officer', { reasons: ['Không thuộc thẩm quyền', 'Thiếu điều kiện'], competentBody: 'Ủy ban nhân dân Phường Diên Hồng' })] });
    const doc = buildRefusal(input, input.history[0]!);
    expect(doc.title).toBe('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(texts(doc)).toEqual(expect.arrayContaining(['1. Không thuộc thẩm quyền', '2. Thiếu điều kiện', 'Cơ quan có thẩm quyền giải quyết: Ủy ban nhân dân Phường Diên Hồng']));
    expect(texts(doc).join(' ')).toContain('thông báo không tiếp nhận hồ sơ này');
    expect(doc.signatures[1]!.title).toBe('NGƯỜI TIẾP NHẬN HỒ SƠ');
  });

  it('the apology gives the reason, the appointment it replaces and the new one', () => {
    const input = fixture();
    const doc = buildApology(input, entryOf(input, 'apologize'));
    expect(doc.title).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(doc.recipient).toBe('Kính gửi: Ông/Bà Nguyễn Văn Ánh');
    const t = texts(doc);
    expect(t).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 04/03/2026, 17:00'); // after the supplement restart
    expect(t).toContain('Ngày hẹn trả kết quả mới: 06/03/2026, 17:00');
    expect(t).toContain('1. Cần xác minh thực địa');
    expect(doc.signatures).toEqual([{ title: 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký tên, đóng dấu)', name: 'Lê Quang Hưng' }]);
  });

  it('the stop notice (2025) gives the reasons and the time', () => {
    seq = 0;
    const input = fixture({ history: [h('receive', '2026-03-20T09:00:00', DESK, 'desk_officer'), h('stop', '2026-03-21T09:00:00', LEAD, 'leader', { reasons: ['Có yêu cầu của cơ quan có thẩm quyền'] })] });
    const doc = buildStopNotice(input, input.history[1]!);
    expect(doc.title).toBe('THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ');
    expect(doc.formNumber).toBe('Mẫu số 07');
    expect(texts(doc)).toEqual(expect.arrayContaining(['1. Có yêu cầu của cơ quan có thẩm quyền', 'Thời điểm dừng xử lý: 21/03/2026, 09:00']));
  });
});

describe('05 process-control slip', () => {
  it('one row per hand-over: giver, receiver, time, the step’s deadline and on time / late', () => {
    const rows = handoverRows(fixture());
    const view = rows.map((r) => [r.action, r.giver, r.receiver, formatDateTime(r.at), r.deadline ? formatDateTime(r.deadline) : null, r.outcome]);
    expect(view).toEqual([
      ['receive', 'Nguyễn Văn Ánh (người nộp)', 'Nguyễn Thị Hoa', '12/02/2026, 10:00', null, '—'],
      // Step 1 (desk, 1 half-day = 4 office hours from receipt): 10:00 + 1h30 morning + 2h30 afternoon → 15:30.
      ['forward', 'Nguyễn Thị Hoa', 'Lê Quang Hưng', '12/02/2026, 10:30', '12/02/2026, 15:30', 'Đúng hạn'],
      // Step 2 (leader, 1 half-day from the forward).
      ['assign', 'Lê Quang Hưng', 'Trần Văn Minh', '12/02/2026, 14:00', '12/02/2026, 16:00', 'Đúng hạn'],
      ['request_supplement', 'Trần Văn Minh', 'Nguyễn Văn Ánh (người nộp)', '13/02/2026, 09:00', null, '—'],
      ['supply', 'Nguyễn Văn Ánh (người nộp)', 'Nguyễn Thị Hoa', '25/02/2026, 10:00', null, '—'],
      // Step 3 (specialist, 6 half-days = 3 working days from the supply: Thu 26, Fri 27, Mon 2).
      ['propose', 'Trần Văn Minh', 'Lê Quang Hưng', '02/03/2026, 10:00', '02/03/2026, 10:00', 'Đúng hạn'],
      // Step 4 (leader approval, 1 half-day from the proposal).
      ['approve', 'Lê Quang Hưng', 'Trần Văn Minh', '02/03/2026, 11:00', '02/03/2026, 15:30', 'Đúng hạn'],
      // Finishing and returning are measured against the appointment (the apology's new date).
      ['mark_result_ready', 'Trần Văn Minh', 'Nguyễn Thị Hoa', '06/03/2026, 16:00', '06/03/2026, 17:00', 'Đúng hạn'],
      ['return_result', 'Nguyễn Thị Hoa', 'Nguyễn Văn Ánh', '09/03/2026, 09:00', '06/03/2026, 17:00', 'Quá hạn'],
    ]);
  });

  it('parallel transfers: one row per agency answer, each against the time it was allotted', () => {
    seq = 0;
    const tax = 'Chi cục Thuế khu vực Pleiku';
    const land = 'a-land-office';
    const history = [
      h('receive', '2026-02-12T10:00:00', DESK, 'desk_officer', { receivedAt: '2026-02-12T10:00:00+07:00', dueAt: '2026-02-26T17:00:00+07:00', slip: 'receipt' }),
      h('transfer', '2026-02-13T09:00:00', SPEC, 'specialist', { targetAgency: tax, task: 'Xác định nghĩa vụ tài chính', deadline: '2026-02-17' }),
      h('transfer', '2026-02-13T09:05:00', SPEC, 'specialist', { targetAgency: land, task: 'Xác nhận hiện trạng', deadline: '2026-02-16T17:00:00+07:00' }),
      // The land office answers first, a day late; the tax office never does — the specialist goes on without it.
      h('return_from_agency', '2026-02-17T10:00:00', SPEC, 'specialist', { fromAgency: land }),
      h('return_from_agency', '2026-02-19T08:00:00', SPEC, 'specialist', { fromAgency: tax, proceedWithout: true, reason: 'Quá hạn, đã đủ căn cứ' }),
    ];
    const rows = handoverRows(fixture({ history, names: { ...fixture().names, [land]: 'Văn phòng Đăng ký đất đai' } })).filter((r) => r.action === 'transfer' || r.action === 'return_from_agency');
    expect(rows.map((r) => [r.action, r.giver, r.receiver, r.deadline ? formatDateTime(r.deadline) : null, r.outcome])).toEqual([
      ['transfer', 'Trần Văn Minh', tax, null, '—'],
      ['transfer', 'Trần Văn Minh', 'Văn phòng Đăng ký đất đai', null, '—'],
      ['return_from_agency', 'Văn phòng Đăng ký đất đai', 'Trần Văn Minh', '16/02/2026, 17:00', 'Quá hạn'],
      ['return_from_agency', tax, '—', '17/02/2026, 17:00', 'Không chờ ý kiến: Quá hạn, đã đủ căn cứ'],
    ]);
  });

  it('without a workflow or calendar the steps are not timed', () => {
    const rows = handoverRows(fixture({ workflow: null, calendar: null }));
    expect(rows.find((r) => r.action === 'assign')!.outcome).toBe('—');
    expect(rows.find((r) => r.action === 'mark_result_ready')!.outcome).toBe('Đúng hạn');
  });

  it('the slip: table of hand-overs, the apology noted, dated by the last entry', () => {
    const input = fixture();
    const doc = buildControl(input, input.history.at(-1)!);
    expect(doc.title).toBe('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(doc.formNumber).toBe('Mẫu số 05');
    expect(doc.header.placeDate).toBe('Gia Lai, ngày 09 tháng 03 năm 2026');
    const table = doc.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.length).toBe(9);
    expect(texts(doc).join('\n')).toContain('xin lỗi và hẹn lại ngày trả kết quả vào 06/03/2026, 17:00. Lý do: Cần xác minh thực địa.');
    expect(buildDossierSlip('control', input, input.history.at(-1)!).kind).toBe('control');
  });
});

describe('06 register', () => {
  const row = (over: Partial<Parameters<typeof buildRegister>[0]['rows'][number]> = {}) => ({
    code: '000.01.00.H21-260212-0001',
    applicantName: 'Nguyễn Văn Ánh',
    applicantAddress: null,
    applicantPhone: null,
    procedureCode: '1.010038',
    procedureName: 'Tách hộ',
    state: 'returned',
    receivedAt: vn('2026-02-12T10:00:00'),
    dueAt: vn('2026-02-26T17:00:00'),
    finishedAt: vn('2026-02-25T10:00:00'),
    returnedAt: vn('2026-02-26T09:00:00'),
    ...over,
  });
  const agency = { id: 'a', name: 'Ủy ban nhân dân Phường Pleiku', parentName: 'Ủy ban nhân dân Tỉnh Gia Lai', provinceName: 'Tỉnh Gia Lai' };

  it('rows with the outcome against the appointment; A4 landscape', () => {
    const { doc, rows } = buildRegister({
      agency,
      from: '2026-02-01',
      to: '2026-02-28',
      now: vn('2026-03-10T08:00:00'),
      cap: 20000,
      truncated: false,
      onestopPolicy: 'onestop-2025',
      rows: [
        row(),
        row({ code: 'B', state: 'result_ready', finishedAt: vn('2026-02-27T08:00:00'), returnedAt: null }),
        row({ code: 'C', state: 'in_process', finishedAt: null, returnedAt: null }),
        row({ code: 'D', state: 'in_process', finishedAt: null, returnedAt: null, dueAt: vn('2026-03-20T17:00:00') }),
        row({ code: 'E', state: 'refused', finishedAt: vn('2026-02-26T17:00:00'), returnedAt: null }),
      ],
    });
    expect(rows.map((r) => [r.no, r.code, r.outcome])).toEqual([
      [1, '000.01.00.H21-260212-0001', 'Đã trả kết quả – Trước hạn'],
      [2, 'B', 'Đã có kết quả, chờ trả – Quá hạn'],
      [3, 'C', 'Đang xử lý – Quá hạn'],
      [4, 'D', 'Đang xử lý'],
      [5, 'E', 'Từ chối giải quyết – Đúng hạn'],
    ]);
    expect(doc.page).toEqual({ size: 'A4', layout: 'landscape' });
    expect(doc.title).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(doc.formNumber).toBe('Mẫu số 06');
    expect(doc.subtitle).toBe('Từ ngày 01/02/2026 đến ngày 28/02/2026');
    expect(doc.footnote).toBe('Tổng số: 5 hồ sơ.');
    const table = doc.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows[0]).toEqual(['1', '000.01.00.H21-260212-0001', 'Nguyễn Văn Ánh', 'Tách hộ', '12/02/2026\n10:00', '26/02/2026\n17:00', '25/02/2026\n10:00', '26/02/2026\n09:00', 'Đã trả kết quả – Trước hạn']);
  });

  it('says so when the list is capped', () => {
    const { doc } = buildRegister({ agency, from: '2026-01-01', to: '2026-12-31', now: vn('2026-03-10T08:00:00'), cap: 20000, truncated: true, onestopPolicy: 'onestop-2025', rows: [row()] });
    expect(doc.footnote).toContain('Sổ chỉ liệt kê 20.000 hồ sơ đầu tiên');
  });
});

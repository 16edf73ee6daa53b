import { describe, expect, it } from 'vitest';
import { ACTION_NAMES } from './actions.ts';
import { createHistoryEntry, describeEntry, type HistoryEntry } from './history.ts';
import { ACTION_LABELS, errorLabel, SLIP_LABELS, STATE_LABELS, stateLabel } from './labels.ts';
import { newDossier, transition, type Actor, type DossierSnapshot, type TransitionOk } from './machine.ts';
import { DOSSIER_STATES } from './states.ts';

const spec: Actor = { userId: 'u-spec-1', roles: ['specialist'], unitId: 'unit-so-tnmt' };
const AT = '2026-09-16T02:15:00Z';

function ok(d: DossierSnapshot, ...args: Parameters<typeof transition> extends [unknown, ...infer R] ? R : never): TransitionOk {
  const r = transition(d, ...args);
  if (!r.ok) throw new Error(r.code);
  return r;
}

const inProcess: DossierSnapshot = { ...newDossier('desk'), state: 'in_process', assigneeId: 'u-spec-1', version: 4 };

describe('createHistoryEntry', () => {
  it('builds the process-control row from a transition', () => {
    const r = ok(inProcess, 'request_supplement', spec, {
      missingItems: ['Bản sao CCCD', 'Tờ khai'],
      note: 'Thiếu giấy tờ',
      attachments: ['d-1'],
    });
    const entry = createHistoryEntry(r, spec, AT);
    expect(entry).toEqual<HistoryEntry>({
      action: 'request_supplement',
      fromState: 'in_process',
      toState: 'supplement_requested',
      actorId: 'u-spec-1',
      actorRole: 'specialist',
      unitId: 'unit-so-tnmt',
      at: AT,
      note: 'Thiếu giấy tờ',
      attachments: ['d-1'],
      data: { missingItems: ['Bản sao CCCD', 'Tờ khai'] },
    });
  });

  it('keeps reasons apart and defaults note and attachments', () => {
    const entry = createHistoryEntry(ok(inProcess, 'refuse', spec, { reasons: ['Không đủ điều kiện'] }), spec, AT);
    expect(entry.reasons).toEqual(['Không đủ điều kiện']);
    expect(entry.note).toBeNull();
    expect(entry.attachments).toEqual([]);
    expect(entry.data).toEqual({});
  });

  it('records a creation with no source state', () => {
    const desk: Actor = { userId: 'u-desk', roles: ['desk_officer'], unitId: 'unit-1' };
    const entry = createHistoryEntry(ok(newDossier('desk'), 'receive', desk, {}), desk, AT);
    expect(entry.fromState).toBeNull();
    expect(entry.toState).toBe('received');
    expect(describeEntry(entry, 'vi')).toBe('Tiếp nhận hồ sơ: Mới → Đã tiếp nhận (Cán bộ Bộ phận Một cửa)');
    expect(describeEntry(entry, 'en')).toBe('Receive: New → Received (Desk officer)');
  });
});

describe('describeEntry', () => {
  it('describes a supplement request in Vietnamese and English', () => {
    const entry = createHistoryEntry(
      ok(inProcess, 'request_supplement', spec, { missingItems: ['Bản sao CCCD', 'Tờ khai'], note: 'Gọi điện\nhướng dẫn' }),
      spec,
      AT,
    );
    expect(describeEntry(entry, 'vi')).toBe(
      'Yêu cầu bổ sung, hoàn thiện hồ sơ: Đang xử lý → Chờ bổ sung hồ sơ. Cần bổ sung: Bản sao CCCD; Tờ khai. Ghi chú: Gọi điện hướng dẫn (Chuyên viên)',
    );
    expect(describeEntry(entry, 'en')).toBe(
      'Request supplement: In process → Awaiting supplement. Missing: Bản sao CCCD; Tờ khai. Note: Gọi điện hướng dẫn (Specialist)',
    );
  });

  it('describes an apology with the new date in Vietnamese format, without a state change', () => {
    const leader: Actor = { userId: 'u-lead', roles: ['leader'], unitId: 'unit-1' };
    const entry = createHistoryEntry(
      ok(inProcess, 'apologize', leader, { newDueAt: '2026-10-02', reasons: ['Chờ kết quả đo đạc'] }),
      leader,
      AT,
    );
    expect(describeEntry(entry)).toBe('Xin lỗi và hẹn lại ngày trả kết quả. Lý do: Chờ kết quả đo đạc. Hẹn lại ngày trả: 02/10/2026 (Lãnh đạo)');
  });

  it('shows instants in Vietnam time and names through displayName', () => {
    const leader: Actor = { userId: 'u-lead', roles: ['leader'], unitId: 'unit-1' };
    const e1 = createHistoryEntry(
      ok(inProcess, 'apologize', leader, { newDueAt: '2026-10-01T10:00:00Z', reasons: ['x'] }),
      leader,
      AT,
    );
    expect(describeEntry(e1, 'en')).toContain('New appointment: 01/10/2026 17:00');
    const e2 = createHistoryEntry(ok(inProcess, 'assign', leader, { assigneeId: 'u-spec-2' }), leader, AT);
    expect(describeEntry(e2, 'vi', { displayName: (id) => (id === 'u-spec-2' ? 'Phạm Thị D' : id) })).toBe(
      'Phân công xử lý. Người xử lý: Phạm Thị D (Lãnh đạo)',
    );
  });

  it('reads reasons, note and attachments kept inside data (stored rows)', () => {
    const row: HistoryEntry = {
      action: 'refuse',
      fromState: 'in_process',
      toState: 'refused',
      actorId: 'u-lead',
      actorRole: 'leader',
      unitId: 'unit-1',
      at: AT,
      note: null,
      attachments: [],
      data: { reasons: ['Không đủ điều kiện'], note: 'Đã báo', slip: 'refusal', code: '000.00.12.H56-260915-0007' },
    };
    expect(describeEntry(row)).toBe('Từ chối giải quyết: Đang xử lý → Từ chối giải quyết. Lý do: Không đủ điều kiện. Ghi chú: Đã báo (Lãnh đạo)');
  });

  it('describes a result returned by post and a payment', () => {
    const desk: Actor = { userId: 'u-desk', roles: ['desk_officer'], unitId: 'unit-1' };
    const ready: DossierSnapshot = { ...inProcess, state: 'result_ready', hasElectronicResult: true };
    const ret = createHistoryEntry(
      ok(ready, 'return_result', desk, { returnMethod: 'postal', trackingNumber: 'EV123456789VN', postalAddress: '12 Trần Hưng Đạo, Pleiku' }),
      desk,
      AT,
    );
    expect(describeEntry(ret)).toBe(
      'Trả kết quả: Đã có kết quả, chờ trả → Đã trả kết quả. Hình thức trả: Qua bưu chính công ích. Số hiệu bưu gửi: EV123456789VN (Cán bộ Bộ phận Một cửa)',
    );
    const pay = createHistoryEntry(ok(ready, 'record_payment', desk, { amount: 1_500_000, paymentMethod: 'bank_transfer' }), desk, AT);
    expect(describeEntry(pay)).toBe('Ghi nhận thanh toán phí, lệ phí. Số tiền: 1.500.000 đ. Hình thức thanh toán: Chuyển khoản (Cán bộ Bộ phận Một cửa)');
  });
});

describe('labels', () => {
  it('label every state and action in both languages', () => {
    for (const s of DOSSIER_STATES) {
      expect(STATE_LABELS[s].vi.length).toBeGreaterThan(0);
      expect(STATE_LABELS[s].en.length).toBeGreaterThan(0);
    }
    for (const a of ACTION_NAMES) {
      expect(ACTION_LABELS[a].vi.length).toBeGreaterThan(0);
      expect(ACTION_LABELS[a].en.length).toBeGreaterThan(0);
    }
    expect(Object.keys(STATE_LABELS).sort()).toEqual([...DOSSIER_STATES].sort());
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...ACTION_NAMES].sort());
  });

  it('state labels are distinct', () => {
    expect(new Set(DOSSIER_STATES.map((s) => STATE_LABELS[s].vi)).size).toBe(DOSSIER_STATES.length);
    expect(new Set(DOSSIER_STATES.map((s) => STATE_LABELS[s].en)).size).toBe(DOSSIER_STATES.length);
  });

  it('uses the agreed Vietnamese terms', () => {
    expect(stateLabel('received')).toBe('Đã tiếp nhận');
    expect(stateLabel('received', 'en')).toBe('Received');
    expect(stateLabel('intake_incomplete')).toBe('Yêu cầu bổ sung khi tiếp nhận');
    expect(stateLabel('supplement_requested')).toBe('Chờ bổ sung hồ sơ');
    expect(stateLabel('returned')).toBe('Đã trả kết quả');
    expect(SLIP_LABELS.receipt.vi).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
  });

  it('labels error codes, falling back to the code', () => {
    expect(errorLabel('APOLOGY_ALREADY_SENT', 'vi')).toBe('Chỉ được xin lỗi và hẹn lại một lần');
    expect(errorLabel('SOMETHING_ELSE', 'en')).toBe('SOMETHING_ELSE');
  });
});

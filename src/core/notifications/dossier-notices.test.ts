import { describe, expect, it } from 'vitest';
import { dossierNotice, NOTIFIED_ACTIONS } from './dossier-notices.ts';

const base = { code: '000.01.00.H21-260212-0001', procedureName: 'Tách hộ', agencyName: 'Ủy ban nhân dân Phường Pleiku', at: new Date('2026-02-12T03:00:00Z'), dueAt: new Date('2026-02-26T10:00:00Z'), handlerName: 'Trần Văn Minh', trackingUrl: null };

describe('dossier notices', () => {
  it('a receipt names the agency, the time and the appointment in Vietnam time', () => {
    const n = dossierNotice({ ...base, action: 'receive' })!;
    expect(n.body).toBe('Hồ sơ 000.01.00.H21-260212-0001 (Tách hộ) đã được Ủy ban nhân dân Phường Pleiku tiếp nhận lúc 10:00 ngày 12/02/2026. Ngày hẹn trả kết quả: 17:00 ngày 26/02/2026.\n— Ủy ban nhân dân Phường Pleiku');
    expect(n.subject).toContain('000.01.00.H21-260212-0001');
  });

  it('a supplement request lists every missing item and says the time restarts', () => {
    const n = dossierNotice({ ...base, action: 'request_supplement', missingItems: ['Giấy khai sinh', 'Tờ khai CT01'] })!;
    expect(n.body).toContain('1. Giấy khai sinh\n2. Tờ khai CT01');
    expect(n.body).toContain('tính lại từ đầu');
    expect(n.sms.length).toBeLessThanOrEqual(300);
  });

  it('the result names the handler; internal actions are not notified', () => {
    expect(dossierNotice({ ...base, action: 'mark_result_ready' })!.body).toContain('Trần Văn Minh');
    for (const a of ['forward', 'assign', 'start_processing', 'propose', 'approve', 'add_note']) {
      expect(dossierNotice({ ...base, action: a })).toBeNull();
      expect(NOTIFIED_ACTIONS as readonly string[]).not.toContain(a);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { documentNumber, documentNumberLabel, draftDocument, findingsText, issueProblem, placeDate } from './documents.ts';

const items = [
  { code: '1.1', group: 'Công tác chỉ đạo', title: 'Ban hành kế hoạch', result: 'meets' as const, note: '' },
  { code: '2.1', group: 'Một cửa', title: 'Niêm yết thủ tục', result: 'does_not_meet' as const, note: 'thiếu 12 thủ tục' },
  { code: '2.2', group: 'Một cửa', title: 'Thư xin lỗi', result: 'partly' as const, note: '' },
];
let n = 0;
const base = { unit: { id: 'u1', name: 'UBND xã Ia Grai' }, planTitle: 'Kế hoạch kiểm tra 2026', visitDate: '2026-10-20', items, team: [{ name: 'Nguyễn Văn A', role: 'leader' as const }], signerName: 'Trần B', newId: () => `r${++n}` };

describe('inspection documents', () => {
  it('formats number, place and date', () => {
    expect(documentNumberLabel('conclusion', 7)).toBe('Số: 07/TB-SNV');
    expect(documentNumber('minutes', 3)).toBe('03/BB-SNV');
    expect(documentNumber('conclusion', 112)).toBe('112/TB-SNV');
    expect(documentNumberLabel('minutes', null)).toContain('/BB-SNV');
    expect(placeDate('Gia Lai', '2026-03-05')).toBe('Gia Lai, ngày 05 tháng 03 năm 2026');
  });
  it('minutes list findings per group, no recommendations', () => {
    const d = draftDocument({ ...base, kind: 'minutes' });
    expect(d.findings.map((f) => f.itemCode)).toEqual(['2.1', '2.2']);
    expect(d.recommendations).toEqual([]);
    expect(findingsText(d.findings)).toMatch(/Một cửa:\n- 2.1. Niêm yết thủ tục: Không đạt \(thiếu 12 thủ tục\)/);
    expect(d.signer.title).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });
  it('conclusion has one recommendation per finding, owned by the unit, default deadline', () => {
    const d = draftDocument({ ...base, kind: 'conclusion' });
    expect(d.recommendations).toHaveLength(2);
    expect(d.recommendations.every((r) => r.ownerAgencyId === 'u1' && r.deadline === null)).toBe(true);
    expect(d.subject.startsWith('V/v')).toBe(true);
  });
  it('issue guards', () => {
    const ok = { kind: 'conclusion' as const, isLeader: true, visitStatus: 'done', status: 'draft' as const, minutesIssued: true };
    expect(issueProblem(ok)).toBeNull();
    expect(issueProblem({ ...ok, isLeader: false })).toBe('NOT_LEADER');
    expect(issueProblem({ ...ok, visitStatus: 'in_progress' })).toBe('VISIT_NOT_DONE');
    expect(issueProblem({ ...ok, minutesIssued: false })).toBe('MINUTES_NOT_ISSUED');
    expect(issueProblem({ ...ok, kind: 'minutes', minutesIssued: false })).toBeNull();
    expect(issueProblem({ ...ok, status: 'issued' })).toBe('ALREADY_ISSUED');
  });
});

import { describe, expect, it } from 'vitest';
import { createWorkCalendar, DEFAULT_CALENDAR_POLICIES, formatVnIso } from '../calendar/index.ts';
import type { Role } from '../dossier/index.ts';
import {
  allowedFeedbackActions,
  canRate,
  deadlinesAtReceipt,
  feedbackPolicyFor,
  feedbackTransition,
  maskPersonalData,
  publishDeadline,
  FEEDBACK_ACTION_SPECS,
  FEEDBACK_ACTIONS,
  FEEDBACK_POLICIES,
  FEEDBACK_STATES,
} from './index.ts';

const cal = createWorkCalendar([...DEFAULT_CALENDAR_POLICIES], []);
const ALL_ROLES: Role[] = ['desk_officer', 'specialist', 'leader', 'unit_admin', 'province_admin', 'reform_officer', 'inspector'];

describe('feedback policy (dated data)', () => {
  it('holds the 766 limits and is found by date', () => {
    const p = feedbackPolicyFor('2026-02-13');
    expect(p.limits).toEqual({ handle: 15, reject: 2, requestInfo: 5, forward: 5, publish: 2 });
    expect(p.validFrom <= '2026-02-13').toBe(true);
    expect(FEEDBACK_POLICIES.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.validFrom))).toBe(true);
  });
  it('picks the version in force on the date', () => {
    const policies = [
      { ...FEEDBACK_POLICIES[0]!, id: 'old', validTo: '2026-06-30' },
      { ...FEEDBACK_POLICIES[0]!, id: 'new', validFrom: '2026-07-01', validTo: null, limits: { ...FEEDBACK_POLICIES[0]!.limits, handle: 10 } },
    ];
    expect(feedbackPolicyFor('2026-06-30', policies).id).toBe('old');
    expect(feedbackPolicyFor('2026-07-01', policies).id).toBe('new');
  });
});

describe('feedback deadlines (working days, stored calendar)', () => {
  it('received on the Friday before Tết 2026: the Tết week (16–20 Feb) does not count', () => {
    const d = deadlinesAtReceipt(new Date('2026-02-13T09:00:00+07:00'), feedbackPolicyFor('2026-02-13'), cal);
    expect(formatVnIso(d.reject)).toBe('2026-02-24T17:00:00+07:00');
    expect(formatVnIso(d.requestInfo)).toBe('2026-02-27T17:00:00+07:00');
    expect(formatVnIso(d.forward)).toBe('2026-02-27T17:00:00+07:00');
    expect(formatVnIso(d.handle)).toBe('2026-03-13T17:00:00+07:00');
  });
  it('an ordinary Monday: 15 working days is three weeks later', () => {
    const d = deadlinesAtReceipt(new Date('2026-03-02T09:00:00+07:00'), feedbackPolicyFor('2026-03-02'), cal);
    expect(formatVnIso(d.handle)).toBe('2026-03-23T17:00:00+07:00');
  });
  it('publication is due 2 working days after the answer (weekend skipped)', () => {
    expect(formatVnIso(publishDeadline(new Date('2026-03-06T10:00:00+07:00'), feedbackPolicyFor('2026-03-06'), cal))).toBe('2026-03-10T17:00:00+07:00');
  });
});

describe('feedback state machine', () => {
  it('every state × action × role: allowed exactly when the spec says so', () => {
    for (const s of FEEDBACK_STATES) {
      for (const a of FEEDBACK_ACTIONS) {
        for (const r of ALL_ROLES) {
          const t = feedbackTransition(s, a, [r], { classification: 'within_competence', answer: 'Trả lời', note: 'Ghi chú', reason: 'Lý do' });
          const spec = FEEDBACK_ACTION_SPECS[a];
          if (!spec.from.includes(s)) expect(t).toEqual({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
          else if (!spec.roles.includes(r)) expect(t).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED' });
          else expect(t.ok).toBe(true);
        }
      }
    }
  });
  it('the happy path: receive → classify within → request info → answer → publish → archive', () => {
    expect(feedbackTransition('submitted', 'receive', ['desk_officer'], {})).toEqual({ ok: true, to: 'received', role: 'desk_officer' });
    expect(feedbackTransition('received', 'classify', ['specialist'], { classification: 'within_competence' })).toEqual({ ok: true, to: 'in_progress', role: 'specialist' });
    expect(feedbackTransition('in_progress', 'request_info', ['specialist'], { note: 'Cần số hồ sơ' })).toEqual({ ok: true, to: 'in_progress', role: 'specialist' });
    expect(feedbackTransition('in_progress', 'answer', ['leader'], { answer: 'Đã xử lý' })).toEqual({ ok: true, to: 'answered', role: 'leader' });
    expect(feedbackTransition('answered', 'publish', ['leader'], {})).toEqual({ ok: true, to: 'published', role: 'leader' });
    expect(feedbackTransition('published', 'archive', ['desk_officer'], {})).toEqual({ ok: true, to: 'archived', role: 'desk_officer' });
  });
  it('classification needs its inputs', () => {
    expect(feedbackTransition('received', 'classify', ['leader'], {})).toEqual({ ok: false, code: 'INPUT_REQUIRED', fields: ['classification'] });
    expect(feedbackTransition('received', 'classify', ['leader'], { classification: 'not_accepted' })).toEqual({ ok: false, code: 'INPUT_REQUIRED', fields: ['reason'] });
    expect(feedbackTransition('received', 'classify', ['leader'], { classification: 'not_accepted', reason: 'Nặc danh, không rõ nội dung' })).toMatchObject({ ok: true, to: 'not_accepted' });
    expect(feedbackTransition('received', 'classify', ['leader'], { classification: 'outside_competence' })).toEqual({ ok: false, code: 'INPUT_REQUIRED', fields: ['targetAgencyId', 'note'] });
    expect(feedbackTransition('received', 'classify', ['leader'], { classification: 'outside_competence', targetAgencyId: 'x', note: ' ' })).toEqual({ ok: false, code: 'INPUT_REQUIRED', fields: ['note'] });
    expect(feedbackTransition('received', 'classify', ['leader'], { classification: 'outside_competence', targetAgencyId: 'x', note: 'Thuộc thẩm quyền Sở' })).toMatchObject({ ok: true, to: 'forwarded' });
    expect(feedbackTransition('in_progress', 'answer', ['leader'], { answer: '  ' })).toEqual({ ok: false, code: 'INPUT_REQUIRED', fields: ['answer'] });
    expect(feedbackTransition('in_progress', 'request_info', ['leader'], {})).toEqual({ ok: false, code: 'INPUT_REQUIRED', fields: ['note'] });
  });
  it('a forwarded feedback is received again by the competent agency', () => {
    expect(feedbackTransition('forwarded', 'receive', ['desk_officer'], {})).toMatchObject({ ok: true, to: 'received' });
  });
  it('answer and publish are for leaders only; oversight roles never act', () => {
    expect(allowedFeedbackActions('in_progress', ['specialist'])).toEqual(['request_info']);
    expect(allowedFeedbackActions('in_progress', ['leader'])).toEqual(['request_info', 'answer']);
    expect(allowedFeedbackActions('answered', ['desk_officer'])).toEqual(['archive']);
    expect(allowedFeedbackActions('answered', ['leader'])).toEqual(['publish', 'archive']);
    expect(allowedFeedbackActions('submitted', ['inspector', 'province_admin', 'reform_officer'])).toEqual([]);
    expect(allowedFeedbackActions('archived', ALL_ROLES)).toEqual([]);
  });
  it('rating: once, after an answer', () => {
    expect(canRate('answered', true, false)).toBe(true);
    expect(canRate('published', true, false)).toBe(true);
    expect(canRate('archived', true, false)).toBe(true);
    expect(canRate('archived', false, false)).toBe(false);
    expect(canRate('published', true, true)).toBe(false);
    expect(canRate('in_progress', false, false)).toBe(false);
  });
});

describe('masking personal data before publication', () => {
  it('masks e-mails and digit runs of 9+ digits, also with separators', () => {
    const t = 'Liên hệ 0905 123 456 hoặc 0905.123.457, +84 912 000 111, mail: an.nguyen@example.vn; CCCD 052090001234, CMND 123456789.';
    const m = maskPersonalData(t);
    expect(m).toBe('Liên hệ [số] hoặc [số], [số], mail: [email]; CCCD [số], CMND [số].');
  });
  it('keeps dates, short numbers and amounts under 9 digits', () => {
    const t = 'Ngày 12/03/2026 nộp hồ sơ số 15, phí 50.000 đồng, Điều 12 khoản 3; mã 12345678.';
    expect(maskPersonalData(t)).toBe(t);
  });
  it('masks the petitioner’s own name and contact wherever they appear', () => {
    const m = maskPersonalData('Tôi là Nguyễn  Văn An, số 0905 123 456, An.Nguyen@Example.vn', { fullName: 'Nguyễn Văn An', phone: '0905123456', email: 'an.nguyen@example.vn' });
    expect(m).toBe('Tôi là [họ tên], số [số], [email]');
    expect(maskPersonalData('gọi +84905123456', { phone: '0905123456' })).toBe('gọi [số]');
  });
});

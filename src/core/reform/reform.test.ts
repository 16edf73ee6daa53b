/**
 * Reform reports (pure): dated cut-offs and deadlines for every kind, on-time / late status around the end of the
 * deadline day (Vietnam time), withdrawal window, versioned rules, figures taken from a dashboard, the drafted
 * sections quoting them, and re-drafting of untouched sections after a refresh.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates.ts';
import { reportAddressee, reportRecipients } from './document.ts';
import { resolvePeriod } from '../service-index/period.ts';
import { PORTAL_2025 } from '../service-index/profiles.ts';
import { dossierMetrics, feedbackMetrics } from '../service-index/metrics.ts';
import { scoreMetrics } from '../service-index/score.ts';
import type { IndexDashboard, PeriodFigures } from '../service-index/dashboard.ts';
import { zeroCounters, type Counters } from '../service-index/facts.ts';
import {
  REFORM_SCHEDULE_RULES,
  REPORT_KINDS,
  SECTION_HEADINGS,
  SECTION_KEYS,
  applySectionEdits,
  canWithdraw,
  draftSections,
  figuresFromDashboard,
  figuresTable,
  fmtDecimal,
  fmtInt,
  fmtPct,
  redraftUntouched,
  reportSchedule,
  reportTiming,
  reportTitle,
  type ReformScheduleRule,
} from './index.ts';

const vn = (s: string) => new Date(`${s}+07:00`);

describe('cut-off periods and deadlines (domain doc: Q1 15/12–14/3, 6 months 15/12–14/6, Q3 15/6–14/9, year 15/12–14/12; by the 20th of the last month)', () => {
  it('Q1 2026 starts on 15/12 of the previous year and is due 20/03/2026', () => {
    const s = reportSchedule('q1', 2026);
    expect(s.cutoff).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(s.deadline).toBe('2026-03-20');
    // Late from 00:00 on 21/03 Vietnam time = 17:00 UTC on 20/03.
    expect(s.lateFrom.toISOString()).toBe('2026-03-20T17:00:00.000Z');
    expect(s.legalBasis).toContain('09/2019/NĐ-CP');
  });

  it('6 months, Q3 (as written in the doc: 15/6–14/9) and the year', () => {
    expect(reportSchedule('half', 2026)).toMatchObject({ cutoff: { from: '2025-12-15', to: '2026-06-14' }, deadline: '2026-06-20' });
    expect(reportSchedule('q3', 2026)).toMatchObject({ cutoff: { from: '2026-06-15', to: '2026-09-14' }, deadline: '2026-09-20' });
    expect(reportSchedule('year', 2026)).toMatchObject({ cutoff: { from: '2025-12-15', to: '2026-12-14' }, deadline: '2026-12-20' });
  });

  it('every kind: the cut-off ends before the deadline, in the deadline month, and the deadline is the 20th', () => {
    for (const year of [2024, 2025, 2026, 2028]) {
      for (const kind of REPORT_KINDS) {
        const s = reportSchedule(kind, year);
        expect(s.cutoff.from < s.cutoff.to).toBe(true);
        expect(s.cutoff.to < s.deadline).toBe(true);
        expect(s.cutoff.to.slice(0, 7)).toBe(s.deadline.slice(0, 7));
        expect(s.deadline.slice(8)).toBe('20');
        expect(addDays(s.cutoff.to, 1).slice(8)).toBe('15');
      }
    }
  });

  it('rejects a year out of range', () => {
    expect(() => reportSchedule('q1', 1999)).toThrow(RangeError);
    expect(() => reportSchedule('year', 2101)).toThrow(RangeError);
  });

  it('rules are versioned by date: a new version takes over for deadlines from its validFrom', () => {
    const base = REFORM_SCHEDULE_RULES[0]!;
    const next: ReformScheduleRule = {
      ...base,
      id: 'test-2027',
      validFrom: '2027-01-01',
      validTo: null,
      legalBasis: 'Văn bản thử nghiệm',
      kinds: { ...base.kinds, q1: { ...base.kinds.q1, deadline: { month: 3, day: 15 } } },
    };
    const rules = [{ ...base, validTo: '2026-12-31' }, next];
    expect(reportSchedule('q1', 2026, rules)).toMatchObject({ ruleId: base.id, deadline: '2026-03-20' });
    expect(reportSchedule('q1', 2027, rules)).toMatchObject({ ruleId: 'test-2027', deadline: '2027-03-15', legalBasis: 'Văn bản thử nghiệm' });
    expect(() => reportSchedule('q1', 2018, rules)).toThrow(/no reform report rule/);
  });
});

describe('on time / late', () => {
  const s = reportSchedule('q1', 2026);

  it('no report: not late up to 23:59:59 on the 20th, late from 00:00 on the 21st', () => {
    expect(reportTiming(s, null, vn('2026-03-20T23:59:59'))).toEqual({ standing: 'not_started', late: false, daysLate: 0 });
    expect(reportTiming(s, null, vn('2026-03-21T00:00:00'))).toEqual({ standing: 'not_started', late: true, daysLate: 1 });
    expect(reportTiming(s, null, vn('2026-03-30T10:00:00'))).toMatchObject({ late: true, daysLate: 10 });
  });

  it('a draft is late like a missing report once the deadline passed', () => {
    expect(reportTiming(s, { status: 'draft', submittedAt: null }, vn('2026-03-10T09:00:00'))).toEqual({ standing: 'draft', late: false, daysLate: 0 });
    expect(reportTiming(s, { status: 'draft', submittedAt: null }, vn('2026-03-22T09:00:00'))).toEqual({ standing: 'draft', late: true, daysLate: 2 });
  });

  it('a submitted report keeps the verdict of its submission moment, whatever now is', () => {
    const onTime = { status: 'submitted' as const, submittedAt: vn('2026-03-20T16:30:00') };
    expect(reportTiming(s, onTime, vn('2026-12-01T09:00:00'))).toEqual({ standing: 'submitted_on_time', late: false, daysLate: 0 });
    const late = { status: 'submitted' as const, submittedAt: vn('2026-03-23T08:00:00') };
    expect(reportTiming(s, late, vn('2026-03-23T09:00:00'))).toEqual({ standing: 'submitted_late', late: true, daysLate: 3 });
  });

  it('withdrawal only until the end of the deadline day', () => {
    expect(canWithdraw(s, vn('2026-03-20T23:59:00'))).toBe(true);
    expect(canWithdraw(s, vn('2026-03-21T00:00:00'))).toBe(false);
  });
});

// ------------------------------------------------------------------ figures and template

const counters = (c: Partial<Counters>): Counters => ({ ...zeroCounters(), ...c });

function dashboard(input: { received: number; finished: number; finishedOnTime: number; openAtEnd: number; lateOpenAtEnd: number; online: number; feeBearing: number; paidOnline: number; digitised: number; feedback: number; feedbackOnTime: number }): IndexDashboard {
  const period = resolvePeriod({ kind: 'custom', from: '2025-12-15', to: '2026-03-14' });
  const sums = counters({
    received: input.received,
    finished: input.finished,
    finishedOnTime: input.finishedOnTime,
    finishedOnTimeContent: input.finishedOnTime, // no complaint in these inputs
    onlineCompliant: input.online,
    feeBearing: input.feeBearing,
    paidOnline: input.paidOnline,
    digitised: input.digitised,
    synced: input.received,
    finishedElectronic: input.finished,
    processingSeconds: input.finished * 2.5 * 86_400,
  });
  const metrics = [
    ...dossierMetrics({ sums, atEnd: { open: input.openAtEnd, lateOpen: input.lateOpenAtEnd, contentOpen: input.openAtEnd, contentLateOpen: input.lateOpenAtEnd } }),
    ...feedbackMetrics({ received: input.feedback, onTime: input.feedbackOnTime, satisfied: input.feedbackOnTime, aboutProcedures: 0, aboutStaff: 0 }),
  ];
  const result = scoreMetrics(PORTAL_2025, metrics);
  const figures: PeriodFigures = {
    received: input.received,
    finished: input.finished,
    finishedOnTime: input.finishedOnTime,
    openAtEnd: input.openAtEnd,
    lateOpenAtEnd: input.lateOpenAtEnd,
    averageProcessingDays: input.finished > 0 ? 2.5 : null,
  };
  return {
    agency: { id: 'a1', code: '000.01.00.H21', name: 'Ủy ban nhân dân Phường Pleiku' },
    period,
    judgedOn: period.to,
    profile: { id: PORTAL_2025.id, name: PORTAL_2025.name },
    result,
    figures,
    previous: { period, result, figures },
    trend: [],
    importedCodes: [],
  };
}

const sample = { received: 120, finished: 100, finishedOnTime: 95, openAtEnd: 20, lateOpenAtEnd: 1, online: 54, feeBearing: 40, paidOnline: 10, digitised: 120, feedback: 3, feedbackOnTime: 2 };

describe('figures from the dashboard', () => {
  it('keeps counts, rates and the index from the dashboard', () => {
    const d = dashboard(sample);
    const f = figuresFromDashboard(d, '2026-03-15T08:00:00+07:00');
    expect(f.cutoff).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(f.computedAt).toBe('2026-03-15T08:00:00+07:00');
    expect(f.dossiers).toMatchObject({ received: 120, finished: 100, finishedOnTime: 95, finishedLate: 5, openAtEnd: 20, openLate: 1, late: 6 });
    expect(f.dossiers.onTime.rate).toBe(95);
    expect(f.dossiers.online).toEqual({ numerator: 54, denominator: 120, rate: 45 });
    expect(f.dossiers.onlinePayment).toEqual({ numerator: 10, denominator: 40, rate: 25 });
    expect(f.dossiers.digitisation?.rate).toBe(100);
    expect(f.feedback).toEqual({ received: 3, onTime: 2, satisfied: 2 });
    expect(f.index.total).toBe(d.result.total);
    expect(f.index.groups.map((g) => g.code)).toEqual(PORTAL_2025.groups.map((g) => g.code));
  });

  it('no dossiers: rates are null, not zero', () => {
    const f = figuresFromDashboard(dashboard({ ...sample, received: 0, finished: 0, finishedOnTime: 0, openAtEnd: 0, lateOpenAtEnd: 0, online: 0, feeBearing: 0, paidOnline: 0, digitised: 0 }), '2026-03-15T08:00:00+07:00');
    expect(f.dossiers.onTime.rate).toBeNull();
    expect(f.dossiers.online?.rate).toBeNull();
  });
});

describe('template', () => {
  const f = figuresFromDashboard(dashboard(sample), '2026-03-15T08:00:00+07:00');

  it('Vietnamese number formats', () => {
    expect(fmtInt(1234567)).toBe('1.234.567');
    expect(fmtDecimal(85.5)).toBe('85,5');
    expect(fmtDecimal(100)).toBe('100');
    expect(fmtPct(33.33)).toBe('33,33%');
    expect(fmtPct(null)).toBe('—');
  });

  it('title by kind', () => {
    expect(reportTitle('q1', 2026).subtitle).toBe('Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    expect(reportTitle('half', 2026).subtitle).toContain('6 tháng đầu năm 2026');
    expect(reportTitle('q3', 2026).subtitle).toContain('9 tháng năm 2026');
    expect(reportTitle('year', 2026).subtitle).toMatch(/hành chính năm 2026$/);
  });

  it('four sections with the administrative headings; the results section quotes the figures and the cut-off', () => {
    const s = draftSections(f, 'q1', 2026);
    expect(s.map((x) => x.key)).toEqual([...SECTION_KEYS]);
    expect(s.map((x) => x.heading)).toEqual(SECTION_KEYS.map((k) => SECTION_HEADINGS[k]));
    expect(s[0]!.heading).toMatch(/^I\. Kết quả thực hiện/);
    const results = s[0]!.body;
    expect(results).toContain('từ ngày 15/12/2025 đến ngày 14/03/2026');
    expect(results).toContain(`tiếp nhận ${sample.received} hồ sơ`);
    expect(results).toContain(`trước hạn, đúng hạn ${sample.finishedOnTime} hồ sơ (đạt 95%)`);
    expect(results).toContain(`trễ hạn ${sample.finished - sample.finishedOnTime} hồ sơ`);
    expect(results).toContain('tỷ lệ hồ sơ trực tuyến đạt 45% (54/120 hồ sơ)');
    expect(results).toContain(`tiếp nhận ${sample.feedback} phản ánh, kiến nghị`);
    expect(results).toContain(`đạt ${fmtDecimal(f.index.total)}/`);
    // Shortcomings name what is below the thresholds; plans speak of the next quarter.
    expect(s[1]!.body).toContain('Còn 6 hồ sơ giải quyết quá hạn');
    expect(s[1]!.body).toContain('Tỷ lệ hồ sơ nộp trực tuyến (45%) còn thấp');
    expect(s[1]!.body).toContain('Tỷ lệ thanh toán trực tuyến (25%) còn thấp');
    expect(s[1]!.body).not.toContain('số hóa');
    expect(s[2]!.body).toContain('quý II năm 2026');
    expect(draftSections(f, 'year', 2026)[2]!.body).toContain('năm 2027');
  });

  it('drafting is deterministic', () => {
    expect(draftSections(f, 'q1', 2026)).toEqual(draftSections(f, 'q1', 2026));
  });

  it('edits: known keys only, heading kept unless given', () => {
    const s = draftSections(f, 'q1', 2026);
    const edited = applySectionEdits(s, [{ key: 'proposals', body: 'Đề nghị cấp máy quét.' }]);
    expect(Array.isArray(edited)).toBe(true);
    const arr = edited as typeof s;
    expect(arr[3]).toEqual({ key: 'proposals', heading: SECTION_HEADINGS.proposals, body: 'Đề nghị cấp máy quét.' });
    expect(arr.slice(0, 3)).toEqual(s.slice(0, 3));
    expect(applySectionEdits(s, [{ key: 'nope', body: 'x' }])).toEqual({ unknown: ['nope'] });
  });

  it('refresh re-drafts untouched sections with the new figures and keeps edited ones', () => {
    const s = draftSections(f, 'q1', 2026);
    const edited = applySectionEdits(s, [{ key: 'shortcomings', body: 'Văn bản do đơn vị viết.' }]) as typeof s;
    const g = figuresFromDashboard(dashboard({ ...sample, received: 130 }), '2026-03-16T08:00:00+07:00');
    const r = redraftUntouched(edited, f, g, 'q1', 2026);
    expect(r.sections[0]!.body).toContain('tiếp nhận 130 hồ sơ');
    expect(r.sections[1]!.body).toBe('Văn bản do đơn vị viết.');
    expect(r.redrafted).toContain('results');
    expect(r.redrafted).not.toContain('shortcomings');
  });

  it('appendix table lists the figures', () => {
    const t = figuresTable(f);
    const map = new Map(t.rows);
    expect(map.get('Hồ sơ tiếp nhận')).toBe('120');
    expect(map.get('Thời gian chốt số liệu')).toBe('15/12/2025 – 14/03/2026');
    expect(map.get('Tỷ lệ hồ sơ trực tuyến')).toBe('45% (54/120)');
  });
});

describe('addressee and recipients of a periodic report', () => {
  const ward = { name: 'Ủy ban nhân dân Phường Pleiku', code: '000.01.00.H21', kind: 'people_committee', parentName: 'Ủy ban nhân dân Tỉnh Gia Lai', provinceName: 'Gia Lai' };
  it('is addressed to the standing body for reform (Sở Nội vụ) when the province has one, copied to the parent', () => {
    const i = { agency: ward, standingBodyName: 'Sở Nội vụ tỉnh Gia Lai' };
    expect(reportAddressee(i)).toBe('Kính gửi: Sở Nội vụ tỉnh Gia Lai');
    expect(reportRecipients(i)).toEqual(['Nơi nhận:', '- Sở Nội vụ tỉnh Gia Lai (để tổng hợp);', '- Ủy ban nhân dân Tỉnh Gia Lai;', '- Lưu: VT.']);
  });
  it('falls back to the parent body when no standing body is known', () => {
    const i = { agency: ward, standingBodyName: null };
    expect(reportAddressee(i)).toBe('Kính gửi: Ủy ban nhân dân Tỉnh Gia Lai');
    expect(reportRecipients(i)).toEqual(['Nơi nhận:', '- Ủy ban nhân dân Tỉnh Gia Lai;', '- Sở Nội vụ (để tổng hợp);', '- Lưu: VT.']);
  });
  it("the standing body's own report goes to the parent only", () => {
    const i = { agency: { ...ward, name: 'Sở Nội vụ tỉnh Gia Lai', kind: 'department' }, standingBodyName: 'Sở Nội vụ tỉnh Gia Lai' };
    expect(reportAddressee(i)).toBe('Kính gửi: Ủy ban nhân dân Tỉnh Gia Lai');
    expect(reportRecipients(i)).toEqual(['Nơi nhận:', '- Ủy ban nhân dân Tỉnh Gia Lai;', '- Lưu: VT.']);
  });
});

describe('reform sections from the reform modules', () => {
  const base = figuresFromDashboard(dashboard(sample), '2026-03-15T08:00:00+07:00');
  const reform = {
    year: 2026,
    par: { roundTitle: 'Đánh giá Chỉ số CCHC cấp xã năm 2026', roundStatus: 'open', unitStatus: 'draft', selfDeadline: '2026-03-10', index: '82.50', rank: null, of: null },
    inspections: { done: 1, planned: 1, inProgress: 0, findings: 6, lastVisitOn: '2026-03-02' },
    remediation: { total: 4, open: 2, reported: 1, accepted: 1, returned: 0, overdue: 1 },
    documents: null,
  };
  const f = figuresFromDashboard(dashboard(sample), '2026-03-15T08:00:00+07:00', reform);

  it('results quote inspections, remediation and the PAR round; shortcomings name findings, overdue tasks and a late self-assessment', () => {
    const s = draftSections(f, 'q1', 2026);
    expect(s[0]!.body).toContain('đơn vị được kiểm tra 1 lượt (gần nhất ngày 02/03/2026), phát hiện 6 nội dung chưa đạt hoặc đạt một phần; 1 lượt kiểm tra theo kế hoạch chưa hoàn thành');
    expect(s[0]!.body).toContain('4 nhiệm vụ, đã hoàn thành 1, đã báo cáo chờ xem xét 1, đang thực hiện 2, trong đó quá hạn 1.');
    expect(s[0]!.body).toContain('6. Chỉ số cải cách hành chính năm 2026 (Đánh giá Chỉ số CCHC cấp xã năm 2026): đơn vị chưa gửi bản tự đánh giá, đã quá hạn ngày 10/03/2026; chỉ số tạm tính 82,5%.');
    expect(s[0]!.body).not.toContain('văn bản đến');
    expect(s[1]!.body).toContain('còn 6 nội dung chưa đạt');
    expect(s[1]!.body).toContain('Còn 1 nhiệm vụ khắc phục quá hạn');
    expect(s[1]!.body).toContain('Chưa gửi bản tự đánh giá');
    expect(new Map(figuresTable(f).rows).get('Nội dung kiểm tra chưa đạt hoặc đạt một phần')).toBe('6');
  });

  it('a published round gives the rank; known documents are quoted; without the reform part the text is as before', () => {
    const pub = figuresFromDashboard(dashboard(sample), '2026-03-15T08:00:00+07:00', { ...reform, par: { ...reform.par, roundStatus: 'published', unitStatus: 'submitted', rank: 2, of: 4 }, documents: { numerator: 20, denominator: 100, rate: 20 } });
    const s = draftSections(pub, 'q1', 2026)[0]!.body;
    expect(s).toContain('đã công bố kết quả, chỉ số đạt 82,5%, xếp thứ 2/4.');
    expect(s).toContain('tỷ lệ văn bản đến được xử lý trên môi trường điện tử đạt 20% (20/100 văn bản)');
    expect(draftSections(base, 'q1', 2026)[0]!.body).not.toContain('kiểm tra cải cách hành chính năm');
    expect(draftSections(figuresFromDashboard(dashboard(sample), '2026-03-15T08:00:00+07:00', null), 'q1', 2026)).toEqual(draftSections(base, 'q1', 2026));
  });
});

/**
 * Demo data of the reform inspections (constructed for the demo; no real unit's findings): the yearly inspection plan
 * of Sở Nội vụ (the province's reform standing body) with
 *  - a visit to Phường Pleiku done about two weeks ago: checklist filled with results and notes (some
 *    items partly / not met), minutes and conclusion notice issued, one remediation task per recommendation — one
 *    overdue, one reported by the ward and waiting for the team leader, one accepted, one still open in time;
 *  - a visit to Phường Diên Hồng planned in the coming weeks (a surprise visit when the year has no working day left).
 * Everything goes through the modules' services (InspectionsService, DocumentsService, RemediationService) with the
 * clock moved to the day each step happened, so the plan, item, document and task histories are the real ones.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import type { AuthInfo } from '../platform/http/auth.ts';
import { agencies } from '../platform/db/schema.ts';
import { addDays, toLocalDate } from '../../core/calendar/index.ts';
import type { ItemResult } from '../../core/reform/inspections/index.ts';
import { COMMUNE_CHECKLIST_2025 } from '../../core/reform/inspections/index.ts';
import { InspectionsService } from '../modules/reform/inspections/inspections.service.ts';
import { DocumentsService } from '../modules/reform/inspections/documents.service.ts';
import { RemediationService, remediationStatusFor } from '../modules/reform/remediation/index.ts';
import { renderReportPdf } from '../modules/reform/pdf-renderer.ts';

/** The checklist as the team found it at Phường Pleiku (code → result, note). */
const PLEIKU_FINDINGS: Record<string, [ItemResult, string]> = {
  '1.1': ['meets', 'Kế hoạch CCHC năm ban hành ngày 10/01, bám sát kế hoạch của tỉnh.'],
  '1.2': ['meets', 'Có kế hoạch tuyên truyền; đã tuyên truyền trên loa truyền thanh và trang thông tin điện tử của phường.'],
  '1.3': ['partly', 'Có kế hoạch tự kiểm tra nhưng đến thời điểm kiểm tra mới kiểm tra 02/06 tổ dân phố.'],
  '1.4': ['partly', 'Báo cáo CCHC quý III gửi chậm 05 ngày so với thời hạn.'],
  '2.1': ['meets', 'Niêm yết đầy đủ danh mục thủ tục hành chính tại Bộ phận Một cửa.'],
  '2.2': ['meets', 'Thủ tục hành chính được công khai trên trang thông tin điện tử của phường.'],
  '2.3': ['meets', 'Bộ phận Một cửa được thành lập theo quyết định của Chủ tịch UBND phường, bố trí tại tầng 1 trụ sở.'],
  '2.4': ['meets', 'Tại thời điểm kiểm tra có 03 công chức làm việc tại Bộ phận Một cửa.'],
  '2.5': ['meets', 'Sổ theo dõi hồ sơ và phiếu kiểm soát quá trình giải quyết hồ sơ đầy đủ.'],
  '2.6': ['does_not_meet', 'Có hồ sơ giải quyết trễ hạn nhưng không có phiếu xin lỗi và hẹn lại ngày trả kết quả.'],
  '2.7': ['partly', 'Kiểm tra ngẫu nhiên 20 biên lai: 02 biên lai không ghi ngày thu.'],
  '2.8': ['meets', 'Không có phản ánh, kiến nghị quá hạn trả lời.'],
  '3.1': ['meets', 'Tỷ lệ hồ sơ trực tuyến phù hợp số liệu trên hệ thống.'],
  '3.2': ['meets', 'Có triển khai thanh toán trực tuyến phí, lệ phí qua VietQR.'],
  '3.3': ['partly', 'Kết quả giải quyết chưa được số hóa đầy đủ đối với hồ sơ nộp trực tiếp.'],
  '3.4': ['does_not_meet', 'Chỉ khoảng 20% văn bản đến được lãnh đạo chuyển xử lý trên phần mềm quản lý văn bản.'],
  '4.1': ['meets', 'Công chức chấp hành giờ giấc làm việc, đeo thẻ công chức đầy đủ.'],
  '5.1': ['meets', 'Người dân được hỏi tại Bộ phận Một cửa hài lòng với thái độ phục vụ.'],
};

/** The recommendations of the conclusion notice, in the order their tasks are created. */
const RECOMMENDATIONS = [
  'Lập phiếu xin lỗi và hẹn lại ngày trả kết quả cho toàn bộ hồ sơ giải quyết trễ hạn; rà soát quy trình theo dõi thời hạn tại Bộ phận Một cửa.',
  'Chỉ đạo 100% văn bản đến được lãnh đạo chuyển xử lý trên phần mềm quản lý văn bản; văn bản đi được ký số.',
  'Chấn chỉnh việc ghi ngày thu, ký biên lai thu phí, lệ phí; kiểm tra lại các biên lai đã phát hành trong năm.',
  'Hoàn thành kế hoạch tự kiểm tra công tác CCHC đối với các tổ dân phố còn lại trước ngày 31/12.',
];

async function authOf(ctx: AppContext, username: string): Promise<AuthInfo> {
  const { loadAssignments, findUserByUsername } = await import('../modules/staff/staff.repository.ts');
  const u = await findUserByUsername(ctx.db, username);
  if (!u) throw new Error(`seed: no account ${username}`);
  return { userId: u.id, username, fullName: u.fullName, assignments: await loadAssignments(ctx.db, u.id) } as AuthInfo;
}

async function agencyByCode(ctx: AppContext, code: string) {
  const [a] = await ctx.db.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  return a ?? null;
}

/** A small PDF as the ward's remediation evidence (registered like an upload). */
async function evidencePdf(ctx: AppContext, title: string, body: string, at: Date) {
  const pdf = await renderReportPdf({
    header: { parentBody: 'UBND TỈNH GIA LAI', agency: 'UBND PHƯỜNG PLEIKU', number: 'Số:        /BC-UBND', placeDate: `Pleiku, ngày ${toLocalDate(at).split('-').reverse().join('/')}` },
    draftMark: null,
    title: 'BÁO CÁO',
    subtitle: title,
    recipient: 'Sở Nội vụ tỉnh Gia Lai',
    sections: [{ key: 'body', heading: 'Kết quả khắc phục', body }],
    appendix: { title: '', columns: ['', ''], rows: [], note: '' },
    recipients: ['Như trên;', 'Lưu: VT.'],
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Lê Quang Hưng' },
    meta: { title: 'BÁO CÁO', subject: title, fileName: 'bao-cao-khac-phuc', issuedAt: at },
  });
  const stored = await ctx.files.put(pdf);
  await ctx.services.dossiers.registerFile(stored.sha256, stored.size, 'application/pdf');
  return { sha256: stored.sha256, fileName: `${title}.pdf` };
}

export interface DemoInspectionsSummary {
  planId: string;
  doneVisitId: string;
  plannedVisitId: string;
  tasks: number;
}

export async function seedDemoInspections(ctx: AppContext): Promise<DemoInspectionsSummary | null> {
  const sonv = await agencyByCode(ctx, '000.00.09.H21');
  const root = await agencyByCode(ctx, '000.00.00.H21');
  const pleiku = await agencyByCode(ctx, '000.01.00.H21');
  const dienhong = await agencyByCode(ctx, '000.02.00.H21');
  if (!sonv || !root || !pleiku || !dienhong) return null;
  const sonvLeader = await authOf(ctx, 'sonv.lanhdao');
  const inspector = await authOf(ctx, 'tinh.thanhtra');
  const sonvAdmin = await authOf(ctx, 'sonv.quantri');
  const reformOfficer = await authOf(ctx, 'tinh.caicach');
  const wardLeader = await authOf(ctx, 'pleiku.lanhdao');
  const wardSpecialist = await authOf(ctx, 'pleiku.chuyenvien');
  const insp = new InspectionsService(ctx);
  const docs = new DocumentsService(ctx);
  const rem = new RemediationService(ctx);

  const realNow = ctx.now;
  const today = toLocalDate(realNow());
  const cal = await ctx.services.calendar.calendar();
  // The conclusion notice: the last working day at least 9 calendar days ago, so the default 15-day deadlines are
  // still ahead and the one set at five working days has passed; the visit two working days before it.
  let noticeDay = addDays(today, -9);
  while (!cal.isWorkingDay(noticeDay)) noticeDay = addDays(noticeDay, -1);
  const visitDay = cal.addWorkingDays(noticeDay, -2);
  const year = Number(visitDay.slice(0, 4));
  const planDay = cal.addWorkingDays(visitDay, -25) >= `${year}-01-01` ? cal.addWorkingDays(visitDay, -25) : `${year}-01-02`;
  const next = cal.addWorkingDays(today, 8);
  const planned = next.slice(0, 4) === String(year) ? { scheduledOn: next, surprise: false } : { scheduledOn: null, surprise: true };
  const at = (day: string, hm: string) => new Date(`${day}T${hm}:00+07:00`);
  const during = async <T>(when: Date, fn: () => Promise<T>): Promise<T> => {
    const offset = when.getTime() - realNow().getTime();
    ctx.now = () => new Date(realNow().getTime() + offset);
    try {
      return await fn();
    } finally {
      ctx.now = realNow;
    }
  };

  try {
    // ---- the plan, made and approved by the standing body
    const plan = await during(at(planDay, '09:00'), () =>
      insp.createPlan(sonvLeader, {
        year,
        kind: 'province',
        title: `Kế hoạch kiểm tra công tác cải cách hành chính năm ${year}`,
        ownerAgencyId: sonv.id,
        templateId: COMMUNE_CHECKLIST_2025.id,
        visits: [
          { agencyId: pleiku.id, scheduledOn: visitDay, surprise: false },
          { agencyId: dienhong.id, ...planned },
        ],
        team: [
          { staffId: inspector.userId, agencyId: root.id, role: 'leader' },
          { staffId: sonvAdmin.userId, agencyId: sonv.id, role: 'member' },
          { staffId: reformOfficer.userId, agencyId: root.id, role: 'member' },
        ],
      }),
    );
    await during(at(planDay, '15:00'), () => insp.approvePlan(sonvLeader, plan.id, plan.version));
    const doneVisit = plan.visits.find((v) => v.agency.id === pleiku.id)!;
    const plannedVisit = plan.visits.find((v) => v.agency.id === dienhong.id)!;

    // ---- the visit at Phường Pleiku: started, filled by two team members, finished
    let v = await during(at(visitDay, '08:30'), () => insp.start(inspector, doneVisit.id, doneVisit.version));
    const codes = v.items.map((i) => i.code);
    const half = Math.ceil(codes.length / 2);
    const fill = async (who: AuthInfo, part: string[], hm: string) => {
      const changes = part.map((code) => {
        const item = v.items.find((i) => i.code === code)!;
        const [result, note] = PLEIKU_FINDINGS[code] ?? (['meets', ''] as [ItemResult, string]);
        return { clientChangeId: randomUUID(), itemCode: code, baseVersion: item.version, result, note };
      });
      await during(at(visitDay, hm), () => insp.sync(who, doneVisit.id, { changes }));
    };
    await fill(inspector, codes.slice(0, half), '09:40');
    await fill(sonvAdmin, codes.slice(half), '10:15');
    v = await during(at(visitDay, '11:00'), () => insp.getVisit(inspector, doneVisit.id));
    await during(at(visitDay, '11:05'), () => insp.finish(inspector, doneVisit.id, v.version));

    // ---- documents: minutes issued on the day, conclusion edited (recommendations, one short deadline) and issued
    const minutes = await during(at(visitDay, '14:00'), () => docs.get(inspector, doneVisit.id, 'minutes'));
    await during(at(visitDay, '16:00'), () => docs.issue(inspector, doneVisit.id, 'minutes', minutes.version));
    const concl = await during(at(noticeDay, '08:30'), () => docs.get(inspector, doneVisit.id, 'conclusion'));
    // The apology letters: five working days (a holiday in between: yesterday at the latest), passed.
    const shortDeadline = cal.addWorkingDays(noticeDay, 5) < today ? cal.addWorkingDays(noticeDay, 5) : addDays(today, -1);
    const edited = await during(at(noticeDay, '09:00'), () =>
      docs.edit(inspector, doneVisit.id, 'conclusion', {
        version: concl.version,
        recommendations: RECOMMENDATIONS.map((content, i) => ({ ownerAgencyId: pleiku.id, content, deadline: i === 0 ? shortDeadline : null })),
      }),
    );
    await during(at(noticeDay, '10:00'), () => docs.issue(inspector, doneVisit.id, 'conclusion', edited.version));

    // ---- remediation: task 2 reported (waiting), task 3 reported and accepted, task 1 overdue, task 4 open
    const tasks = await remediationStatusFor(ctx.db, doneVisit.id, noticeDay);
    const task = async (i: number) => {
      const rec = edited.recommendations.find((r) => r.content === RECOMMENDATIONS[i])!;
      return rem.get(inspector, tasks.find((t) => t.recommendationId === rec.id)!.id);
    };
    const receiptsDay = cal.addWorkingDays(noticeDay, 4);
    const t3 = await task(2);
    const ev3 = await evidencePdf(ctx, 'Báo cáo khắc phục biên lai thu phí', 'UBND phường đã rà soát toàn bộ biên lai thu phí, lệ phí phát hành trong năm; bổ sung ngày thu cho 02 biên lai; giao công chức Bộ phận Một cửa ký đầy đủ trước khi giao cho người nộp.', at(receiptsDay, '10:00'));
    const r3 = await during(at(receiptsDay, '10:00'), () => rem.report(wardSpecialist, t3.id, { version: t3.version, report: 'Đã rà soát và chấn chỉnh việc ghi ngày, ký biên lai thu phí, lệ phí (báo cáo kèm theo).', evidence: [ev3] }));
    await during(at(cal.addWorkingDays(receiptsDay, 1), '14:30'), () => rem.accept(inspector, t3.id, { version: r3.version, comment: 'Đạt yêu cầu.' }));
    const softwareDay = cal.addWorkingDays(today, -1) > receiptsDay ? cal.addWorkingDays(today, -1) : receiptsDay;
    const t2 = await task(1);
    const ev2 = await evidencePdf(ctx, 'Báo cáo khắc phục sử dụng phần mềm quản lý văn bản', 'Chủ tịch UBND phường đã ban hành văn bản chỉ đạo chuyển xử lý 100% văn bản đến trên phần mềm quản lý văn bản; từ ngày ban hành, tỷ lệ văn bản đến được chuyển xử lý trên phần mềm đạt 92%.', at(softwareDay, '15:00'));
    await during(at(softwareDay, '15:00'), () => rem.report(wardLeader, t2.id, { version: t2.version, report: 'Đã chỉ đạo chuyển xử lý văn bản đến trên phần mềm; tỷ lệ đạt 92% (báo cáo kèm theo).', evidence: [ev2] }));
    return { planId: plan.id, doneVisitId: doneVisit.id, plannedVisitId: plannedVisit.id, tasks: tasks.length };
  } finally {
    ctx.now = realNow;
  }
}

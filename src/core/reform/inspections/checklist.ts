/**
 * Reform-inspection checklists (danh mục nội dung kiểm tra công tác cải cách hành chính): templates as dated,
 * versioned data, the four item results and the figure motcua itself knows for an item. Pure.
 *
 * Source: domain doc reform-index-and-inspections.md — "A commune-level checklist typically covers: reform plan,
 * propaganda plan and self-inspection issued; periodic reports sent on time; procedures posted completely and
 * correctly (on site and online); one-stop desk set up properly, staffed during hours, dossier register and receipts
 * kept; apology letters for late dossiers; fee receipts dated and signed; feedback handled; online dossier rate,
 * online payment, digitisation; document-management software used for routing (leader → staff) with digital
 * signatures; staff discipline (hours, badges); citizen satisfaction."
 */
import type { LocalDate } from '../../calendar/types.ts';

export const ITEM_RESULTS = ['meets', 'partly', 'does_not_meet', 'not_applicable'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];

export const ITEM_RESULT_LABELS: Readonly<Record<ItemResult, { vi: string; en: string }>> = {
  meets: { vi: 'Đạt', en: 'Meets' },
  partly: { vi: 'Đạt một phần', en: 'Partly meets' },
  does_not_meet: { vi: 'Không đạt', en: 'Does not meet' },
  not_applicable: { vi: 'Không áp dụng', en: 'Not applicable' },
};

/**
 * Figures motcua measures itself and shows next to an item before the visit. Each key is computed by the existing
 * service-index / periodic-report functions on the server (never re-implemented here).
 */
export const CHECKLIST_FIGURES = ['online_rate', 'late_without_apology', 'receipts_unsigned_or_undated', 'reports_late'] as const;
export type ChecklistFigure = (typeof CHECKLIST_FIGURES)[number];

export interface ChecklistItemTemplate {
  /** Stable code within the template ("1.2"); checklist items keep it. */
  code: string;
  /** Group heading (e.g. "Công tác chỉ đạo, điều hành"). */
  group: { vi: string; en: string };
  title: { vi: string; en: string };
  /** What the inspector looks at on site. */
  guidance: { vi: string; en: string };
  figure?: ChecklistFigure;
}

export interface ChecklistTemplate {
  id: string;
  /** Unit type the template is for ('commune', 'department', …). */
  unitType: string;
  validFrom: LocalDate;
  validTo: LocalDate | null;
  title: { vi: string; en: string };
  source: string;
  items: readonly ChecklistItemTemplate[];
}

const G = {
  direction: { vi: 'Công tác chỉ đạo, điều hành cải cách hành chính', en: 'Direction of administrative reform' },
  procedures: { vi: 'Cải cách thủ tục hành chính và cơ chế một cửa', en: 'Procedure reform and the one-stop desk' },
  digital: { vi: 'Chính quyền điện tử, chính quyền số', en: 'E-government and digital government' },
  civil: { vi: 'Kỷ luật, kỷ cương hành chính', en: 'Administrative discipline' },
  impact: { vi: 'Sự hài lòng của người dân, tổ chức', en: 'Citizen satisfaction' },
} as const;

/** The commune-level checklist of the domain document. */
export const COMMUNE_CHECKLIST_2025: ChecklistTemplate = {
  id: 'kt-cchc-xa-2025',
  unitType: 'commune',
  validFrom: '2025-01-01',
  validTo: null,
  title: { vi: 'Nội dung kiểm tra công tác cải cách hành chính cấp xã', en: 'Commune-level reform inspection checklist' },
  source: 'reform-index-and-inspections.md — commune-level checklist',
  items: [
    { code: '1.1', group: G.direction, title: { vi: 'Ban hành kế hoạch cải cách hành chính năm', en: 'Yearly reform plan issued' }, guidance: { vi: 'Kiểm tra văn bản kế hoạch, ngày ban hành, nội dung phù hợp kế hoạch của tỉnh.', en: 'Check the plan document, its date, and its fit with the provincial plan.' } },
    { code: '1.2', group: G.direction, title: { vi: 'Ban hành kế hoạch tuyên truyền cải cách hành chính', en: 'Reform propaganda plan issued' }, guidance: { vi: 'Kiểm tra kế hoạch và kết quả tuyên truyền.', en: 'Check the plan and what was done.' } },
    { code: '1.3', group: G.direction, title: { vi: 'Ban hành kế hoạch và thực hiện tự kiểm tra cải cách hành chính', en: 'Self-inspection plan issued and carried out' }, guidance: { vi: 'Kiểm tra kế hoạch tự kiểm tra, số đơn vị đã kiểm tra (tối thiểu 50%).', en: 'Check the self-inspection plan and the share of sub-units inspected (at least 50 %).' } },
    { code: '1.4', group: G.direction, title: { vi: 'Gửi báo cáo định kỳ cải cách hành chính đúng hạn', en: 'Periodic reform reports sent on time' }, guidance: { vi: 'Đối chiếu ngày gửi báo cáo quý, 6 tháng, 9 tháng, năm với thời hạn.', en: 'Compare the sending dates of the periodic reports with their deadlines.' }, figure: 'reports_late' },
    { code: '2.1', group: G.procedures, title: { vi: 'Công khai đầy đủ, đúng quy định thủ tục hành chính tại trụ sở', en: 'Procedures posted completely and correctly on site' }, guidance: { vi: 'Đối chiếu danh mục thủ tục niêm yết với danh mục được công bố.', en: 'Compare the posted list with the published catalogue.' } },
    { code: '2.2', group: G.procedures, title: { vi: 'Công khai thủ tục hành chính trên cổng thông tin điện tử', en: 'Procedures published online' }, guidance: { vi: 'Kiểm tra trang thông tin điện tử của xã.', en: "Check the commune's website." } },
    { code: '2.3', group: G.procedures, title: { vi: 'Bộ phận Một cửa được thành lập, bố trí đúng quy định', en: 'One-stop desk set up properly' }, guidance: { vi: 'Quyết định thành lập, vị trí, trang thiết bị.', en: 'Decision setting it up, location, equipment.' } },
    { code: '2.4', group: G.procedures, title: { vi: 'Bố trí công chức làm việc tại Bộ phận Một cửa trong giờ hành chính', en: 'One-stop desk staffed during office hours' }, guidance: { vi: 'Kiểm tra thực tế tại thời điểm kiểm tra, lịch trực.', en: 'Check on the spot and the duty roster.' } },
    { code: '2.5', group: G.procedures, title: { vi: 'Sổ theo dõi hồ sơ, phiếu tiếp nhận và hẹn trả kết quả', en: 'Dossier register and receipts kept' }, guidance: { vi: 'Kiểm tra sổ theo dõi, phiếu kiểm soát quá trình giải quyết hồ sơ.', en: 'Check the register and the process-control slips.' } },
    { code: '2.6', group: G.procedures, title: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả đối với hồ sơ trễ hạn', en: 'Apology letters for late dossiers' }, guidance: { vi: 'Mỗi hồ sơ trễ hạn phải có phiếu xin lỗi.', en: 'Every late dossier needs an apology letter.' }, figure: 'late_without_apology' },
    { code: '2.7', group: G.procedures, title: { vi: 'Biên lai thu phí, lệ phí ghi ngày và có chữ ký', en: 'Fee receipts dated and signed' }, guidance: { vi: 'Kiểm tra ngẫu nhiên biên lai.', en: 'Spot-check receipts.' }, figure: 'receipts_unsigned_or_undated' },
    { code: '2.8', group: G.procedures, title: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Feedback handled' }, guidance: { vi: 'Sổ tiếp nhận, thời hạn trả lời phản ánh, kiến nghị.', en: 'Feedback register and answer times.' } },
    { code: '3.1', group: G.digital, title: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online dossier rate' }, guidance: { vi: 'Đối chiếu số liệu trên hệ thống.', en: 'Compare with the system figures.' }, figure: 'online_rate' },
    { code: '3.2', group: G.digital, title: { vi: 'Thanh toán trực tuyến phí, lệ phí', en: 'Online payment' }, guidance: { vi: 'Tỷ lệ giao dịch thanh toán trực tuyến.', en: 'Share of online payments.' } },
    { code: '3.3', group: G.digital, title: { vi: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', en: 'Digitisation of dossiers and results' }, guidance: { vi: 'Tỷ lệ hồ sơ, kết quả được số hóa.', en: 'Share digitised.' } },
    { code: '3.4', group: G.digital, title: { vi: 'Sử dụng phần mềm quản lý văn bản để chỉ đạo, xử lý và ký số', en: 'Document software used for routing with digital signatures' }, guidance: { vi: 'Tỷ lệ văn bản đến được lãnh đạo chuyển xử lý trên phần mềm; văn bản đi ký số.', en: 'Share of incoming documents routed in software; outgoing documents signed digitally.' } },
    { code: '4.1', group: G.civil, title: { vi: 'Chấp hành giờ giấc làm việc, đeo thẻ công chức', en: 'Staff discipline (hours, badges)' }, guidance: { vi: 'Kiểm tra thực tế.', en: 'Check on the spot.' } },
    { code: '5.1', group: G.impact, title: { vi: 'Mức độ hài lòng của người dân, tổ chức', en: 'Citizen satisfaction' }, guidance: { vi: 'Kết quả đánh giá sự hài lòng, ý kiến người dân tại Bộ phận Một cửa.', en: 'Satisfaction results and citizens met at the desk.' } },
  ],
};

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [COMMUNE_CHECKLIST_2025];

/** The template in force for a unit type on a day. */
export function checklistTemplateFor(unitType: string, on: LocalDate, templates: readonly ChecklistTemplate[] = CHECKLIST_TEMPLATES): ChecklistTemplate | null {
  return templates.find((t) => t.unitType === unitType && t.validFrom <= on && (t.validTo === null || on <= t.validTo)) ?? null;
}

/** Problems with a template (duplicate or empty codes, no items): one line each; [] when sound. */
export function validateChecklistTemplate(t: ChecklistTemplate): string[] {
  const problems: string[] = [];
  if (t.items.length === 0) problems.push(`${t.id}: no items`);
  const seen = new Set<string>();
  for (const it of t.items) {
    if (!it.code.trim()) problems.push(`${t.id}: an item has an empty code`);
    else if (seen.has(it.code)) problems.push(`${t.id}: duplicate item code ${it.code}`);
    seen.add(it.code);
    if (!it.title.vi.trim()) problems.push(`${t.id}: item ${it.code} has no Vietnamese title`);
  }
  return problems;
}

export interface ItemOutcome {
  code: string;
  result: ItemResult | null;
}

export interface ChecklistSummary {
  total: number;
  answered: number;
  meets: number;
  partly: number;
  doesNotMeet: number;
  notApplicable: number;
  /** Items still without a result. */
  missing: string[];
  /** Items that become findings (partly or does not meet), in checklist order. */
  shortcomings: string[];
  complete: boolean;
}

/** Tally of a visit's checklist: what is answered, what is missing, which items are shortcomings. */
export function summariseChecklist(items: readonly ItemOutcome[]): ChecklistSummary {
  const s: ChecklistSummary = { total: items.length, answered: 0, meets: 0, partly: 0, doesNotMeet: 0, notApplicable: 0, missing: [], shortcomings: [], complete: false };
  for (const it of items) {
    switch (it.result) {
      case null:
        s.missing.push(it.code);
        continue;
      case 'meets':
        s.meets++;
        break;
      case 'partly':
        s.partly++;
        s.shortcomings.push(it.code);
        break;
      case 'does_not_meet':
        s.doesNotMeet++;
        s.shortcomings.push(it.code);
        break;
      case 'not_applicable':
        s.notApplicable++;
        break;
    }
    s.answered++;
  }
  s.complete = s.missing.length === 0;
  return s;
}

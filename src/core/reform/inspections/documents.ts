/**
 * Inspection documents: the minutes (biên bản kiểm tra) and the conclusion notice (thông báo kết luận), in the
 * administrative format of Nghị định 30/2020/NĐ-CP (national motto, agency, number and symbol, place and date,
 * subject "V/v …", body, "Nơi nhận:", signature block). Pure: dates, names and items are parameters.
 */
import type { LocalDate } from '../../calendar/types.ts';
import { ITEM_RESULT_LABELS, type ItemResult } from './checklist.ts';

export const DOCUMENT_KINDS = ['minutes', 'conclusion'] as const;
export type InspectionDocumentKind = (typeof DOCUMENT_KINDS)[number];
export type InspectionDocumentStatus = 'draft' | 'issued';

/** Symbol part of "NN/BB-SNV" (biên bản) and "NN/TB-SNV" (thông báo). */
export const DOCUMENT_SYMBOLS: Readonly<Record<InspectionDocumentKind, string>> = { minutes: 'BB-SNV', conclusion: 'TB-SNV' };

export interface DocumentSection { key: string; heading: string; body: string }
export interface DocumentFinding { itemCode: string; group: string; title: string; result: ItemResult; note: string }
export interface DocumentRecommendation { id: string; ownerAgencyId: string; content: string; deadline: LocalDate | null }
export interface DocumentSigner { title: string[]; name: string | null }

export interface InspectionDocumentBody {
  subject: string;
  sections: DocumentSection[];
  findings: DocumentFinding[];
  recommendations: DocumentRecommendation[];
  recipients: string[];
  signer: DocumentSigner;
}

export interface DraftInput {
  kind: InspectionDocumentKind;
  unit: { id: string; name: string };
  planTitle: string;
  visitDate: LocalDate | null;
  items: { code: string; group: string; title: string; result: ItemResult | null; note: string }[];
  team: { name: string; role: 'leader' | 'member' }[];
  signerName: string | null;
  /** Stable ids for recommendations (the caller gives uuids; tests give fixed ones). */
  newId: () => string;
}

/** "ngày dd tháng mm năm yyyy" from a LocalDate. */
export function dateWords(d: LocalDate): string {
  const [y, m, day] = d.split('-');
  return `ngày ${day} tháng ${m} năm ${y}`;
}
/** "Gia Lai, ngày dd tháng mm năm yyyy". */
export function placeDate(place: string, d: LocalDate): string {
  return `${place}, ${dateWords(d)}`;
}
/** "07/TB-SNV": the number and symbol of an issued document (number padded to two digits, as registers print it). */
export function documentNumber(kind: InspectionDocumentKind, n: number): string {
  return `${String(n).padStart(2, '0')}/${DOCUMENT_SYMBOLS[kind]}`;
}
/** "Số: 07/TB-SNV" as the document's header prints it (blank number on a draft). */
export function documentNumberLabel(kind: InspectionDocumentKind, n: number | null): string {
  return n === null ? `Số:        /${DOCUMENT_SYMBOLS[kind]}` : `Số: ${documentNumber(kind, n)}`;
}

function dmy(d: LocalDate): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

/** Findings: items that do not meet or partly meet, in checklist order. */
export function findingsOf(items: DraftInput['items']): DocumentFinding[] {
  return items
    .filter((i) => i.result === 'does_not_meet' || i.result === 'partly')
    .map((i) => ({ itemCode: i.code, group: i.group, title: i.title, result: i.result as ItemResult, note: i.note }));
}

/** The body of the findings, grouped by checklist group. */
export function findingsText(findings: readonly DocumentFinding[]): string {
  if (findings.length === 0) return 'Không phát hiện tồn tại, hạn chế.';
  const groups = new Map<string, DocumentFinding[]>();
  for (const f of findings) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  const out: string[] = [];
  for (const [g, fs] of groups) {
    out.push(`${g}:`);
    for (const f of fs) out.push(`- ${f.itemCode}. ${f.title}: ${ITEM_RESULT_LABELS[f.result].vi}${f.note ? ` (${f.note})` : ''}.`);
  }
  return out.join('\n');
}

export function draftDocument(i: DraftInput): InspectionDocumentBody {
  const findings = findingsOf(i.items);
  const when = i.visitDate ? ` ngày ${dmy(i.visitDate)}` : '';
  const signer: DocumentSigner = { title: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: i.signerName };
  const recipients = ['Nơi nhận:', `- ${i.unit.name} (để thực hiện);`, '- Giám đốc Sở (để báo cáo);', '- Lưu: VT, CCHC.'];
  const counts = i.items.reduce<Record<string, number>>((a, x) => ({ ...a, [x.result ?? 'none']: (a[x.result ?? 'none'] ?? 0) + 1 }), {});
  const summary = `Tổng số nội dung kiểm tra: ${i.items.length}; đạt: ${counts.meets ?? 0}; đạt một phần: ${counts.partly ?? 0}; không đạt: ${counts.does_not_meet ?? 0}; không áp dụng: ${counts.not_applicable ?? 0}.`;
  if (i.kind === 'minutes') {
    return {
      subject: `V/v kiểm tra công tác cải cách hành chính tại ${i.unit.name}`,
      sections: [
        { key: 'basis', heading: 'I. Căn cứ, thành phần', body: `Thực hiện ${i.planTitle}, Đoàn kiểm tra tiến hành kiểm tra tại ${i.unit.name}${when}. Thành phần Đoàn: ${i.team.map((t) => `${t.name} (${t.role === 'leader' ? 'Trưởng đoàn' : 'Thành viên'})`).join(', ')}.` },
        { key: 'results', heading: 'II. Kết quả kiểm tra', body: summary },
        { key: 'findings', heading: 'III. Tồn tại, hạn chế', body: findingsText(findings) },
        { key: 'closing', heading: 'IV. Kết thúc', body: 'Biên bản được lập thành 02 bản có giá trị như nhau, đã đọc lại cho các thành viên cùng nghe và thống nhất ký tên.' },
      ],
      findings,
      recommendations: [],
      recipients,
      signer,
    };
  }
  return {
    subject: `V/v thông báo kết luận kiểm tra công tác cải cách hành chính tại ${i.unit.name}`,
    sections: [
      { key: 'general', heading: 'I. Kết quả chung', body: `Thực hiện ${i.planTitle}, Đoàn kiểm tra đã kiểm tra tại ${i.unit.name}${when}. ${summary}` },
      { key: 'findings', heading: 'II. Tồn tại, hạn chế', body: findingsText(findings) },
      { key: 'recommendations', heading: 'III. Kiến nghị', body: `Đề nghị ${i.unit.name} khắc phục các tồn tại, hạn chế nêu trên và báo cáo kết quả khắc phục về Sở Nội vụ đúng thời hạn.` },
    ],
    findings,
    recommendations: findings.map((f) => ({ id: i.newId(), ownerAgencyId: i.unit.id, content: `Khắc phục: ${f.title}${f.note ? ` (${f.note})` : ''}.`, deadline: null })),
    recipients,
    signer,
  };
}

export type IssueProblem = 'NOT_LEADER' | 'VISIT_NOT_DONE' | 'MINUTES_NOT_ISSUED' | 'ALREADY_ISSUED';

/** Why a document cannot be issued, or null. Pure guard used by the service. */
export function issueProblem(i: { kind: InspectionDocumentKind; isLeader: boolean; visitStatus: string; status: InspectionDocumentStatus; minutesIssued: boolean }): IssueProblem | null {
  if (!i.isLeader) return 'NOT_LEADER';
  if (i.status === 'issued') return 'ALREADY_ISSUED';
  if (i.visitStatus !== 'done') return 'VISIT_NOT_DONE';
  if (i.kind === 'conclusion' && !i.minutesIssued) return 'MINUTES_NOT_ISSUED';
  return null;
}

/**
 * The report template: title, the four sections of a Vietnamese administrative report with their default
 * drafted text quoting the figures, and the figures table printed as an appendix. Pure and deterministic: the
 * same figures always draft the same text (so a refresh can tell an untouched section from an edited one).
 */
import { parseLocalDate } from '../calendar/dates.ts';
import type { LocalDate } from '../calendar/types.ts';
import type { RateFigure, ReformFigures, ReportFigures } from './figures.ts';
import type { ReportKind } from './schedule.ts';
import { frameIndex } from '../service-index/framing.ts';

export const REPORT_TEMPLATE_ID = 'cchc-dinh-ky-2026';

export const SECTION_KEYS = ['results', 'shortcomings', 'plans', 'proposals'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface ReportSection {
  key: string;
  heading: string;
  body: string;
}

export const SECTION_HEADINGS: Readonly<Record<SectionKey, string>> = {
  results: 'I. Kết quả thực hiện nhiệm vụ cải cách hành chính',
  shortcomings: 'II. Tồn tại, hạn chế',
  plans: 'III. Phương hướng, nhiệm vụ kỳ tới',
  proposals: 'IV. Đề xuất, kiến nghị',
};

/** Below these rates the drafted "shortcomings" section names the figure (data; the unit edits the text anyway). */
export const SHORTCOMING_THRESHOLDS = { online: 50, onlinePayment: 50, digitisation: 100, onTime: 100 } as const;

// ------------------------------------------------------------------ Vietnamese number formats

/** `1.234` */
export function fmtInt(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** `85,5` (up to 2 decimals, decimal comma, no trailing zeros). */
export function fmtDecimal(x: number): string {
  const r = Math.round(x * 100) / 100;
  const [i, d] = Math.abs(r).toFixed(2).split('.') as [string, string];
  const dec = d.replace(/0+$/, '');
  return `${r < 0 ? '-' : ''}${fmtInt(Number(i))}${dec ? `,${dec}` : ''}`;
}

/** `85,5%`; `—` when there is nothing to divide. */
export function fmtPct(rate: number | null): string {
  return rate === null ? '—' : `${fmtDecimal(rate)}%`;
}

/** `15/12/2025` */
export function fmtLocalDate(d: LocalDate): string {
  const { year, month, day } = parseLocalDate(d);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

// ------------------------------------------------------------------ titles

/** "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026". */
export function periodPhrase(kind: ReportKind, year: number): string {
  switch (kind) {
    case 'q1':
      return `quý I năm ${year}`;
    case 'half':
      return `6 tháng đầu năm ${year}`;
    case 'q3':
      return `9 tháng năm ${year}`;
    case 'year':
      return `năm ${year}`;
  }
}

/** The period the "next period" section is about. */
export function nextPeriodPhrase(kind: ReportKind, year: number): string {
  switch (kind) {
    case 'q1':
      return `quý II năm ${year}`;
    case 'half':
      return `6 tháng cuối năm ${year}`;
    case 'q3':
      return `quý IV năm ${year}`;
    case 'year':
      return `năm ${year + 1}`;
  }
}

export function reportTitle(kind: ReportKind, year: number): { title: string; subtitle: string } {
  return { title: 'BÁO CÁO', subtitle: `Kết quả thực hiện công tác cải cách hành chính ${periodPhrase(kind, year)}` };
}

/** File name without extension: `bao-cao-cchc-quy-I-2026-000.01.00.H21`. */
export function reportFileName(kind: ReportKind, year: number, agencyCode: string): string {
  const k = { q1: 'quy-I', half: '6-thang', q3: '9-thang', year: 'nam' }[kind];
  return `bao-cao-cchc-${k}-${year}-${agencyCode.replace(/[^0-9A-Za-z.]/g, '')}`;
}

// ------------------------------------------------------------------ drafted text

const rateText = (r: RateFigure | null, unit: string): string =>
  r === null || r.rate === null ? 'chưa có số liệu' : `đạt ${fmtPct(r.rate)} (${fmtInt(r.numerator)}/${fmtInt(r.denominator)} ${unit})`;

/** "đơn vị được kiểm tra 1 lượt (gần nhất ngày 20/11/2026), phát hiện 6 nội dung tồn tại, hạn chế; …" */
function inspectionsText(r: ReformFigures): string {
  const i = r.inspections;
  const visits =
    i.done === 0
      ? `Công tác kiểm tra cải cách hành chính năm ${r.year}: đơn vị chưa được kiểm tra`
      : `Công tác kiểm tra cải cách hành chính năm ${r.year}: đơn vị được kiểm tra ${fmtInt(i.done)} lượt` +
        (i.lastVisitOn ? ` (gần nhất ngày ${fmtLocalDate(i.lastVisitOn)})` : '') +
        (i.findings > 0 ? `, phát hiện ${fmtInt(i.findings)} nội dung chưa đạt hoặc đạt một phần` : ', không phát hiện tồn tại, hạn chế');
  const pending = i.planned + i.inProgress > 0 ? `; ${fmtInt(i.planned + i.inProgress)} lượt kiểm tra theo kế hoạch chưa hoàn thành` : '';
  const m = r.remediation;
  const tasks =
    m.total === 0
      ? 'Không có nhiệm vụ khắc phục sau kiểm tra, đánh giá.'
      : `Khắc phục sau kiểm tra, đánh giá: ${fmtInt(m.total)} nhiệm vụ, đã hoàn thành ${fmtInt(m.accepted)}, đã báo cáo chờ xem xét ${fmtInt(m.reported)}, đang thực hiện ${fmtInt(m.open)}` +
        (m.returned > 0 ? ` (${fmtInt(m.returned)} bị trả lại)` : '') +
        (m.overdue > 0 ? `, trong đó quá hạn ${fmtInt(m.overdue)}.` : '.');
  return `${visits}${pending}. ${tasks}`;
}

/** The PAR line: the unit's standing in this year's round. */
function parLine(r: ReformFigures, today: LocalDate): string {
  const p = r.par;
  const head = `6. Chỉ số cải cách hành chính năm ${r.year}`;
  if (!p) return `${head}: đơn vị chưa có tên trong đợt đánh giá nào của năm.`;
  const self =
    p.unitStatus === 'submitted'
      ? 'đơn vị đã gửi bản tự đánh giá'
      : today > p.selfDeadline
        ? `đơn vị chưa gửi bản tự đánh giá, đã quá hạn ngày ${fmtLocalDate(p.selfDeadline)}`
        : `đơn vị đang tự đánh giá (hạn gửi ngày ${fmtLocalDate(p.selfDeadline)})`;
  if (p.roundStatus === 'published' && p.rank !== null && p.of !== null && p.index !== null) return `${head} (${p.roundTitle}): đã công bố kết quả, chỉ số đạt ${fmtDecimal(Number(p.index))}%, xếp thứ ${p.rank}/${p.of}.`;
  const provisional = p.index === null ? '' : `; chỉ số tạm tính ${fmtDecimal(Number(p.index))}%`;
  if (p.roundStatus === 'open') return `${head} (${p.roundTitle}): ${self}${provisional}.`;
  return `${head} (${p.roundTitle}): đã hoàn thành thẩm định, chờ công bố kết quả${provisional}.`;
}

function resultsBody(f: ReportFigures): string {
  const d = f.dossiers;
  const range = `từ ngày ${fmtLocalDate(f.cutoff.from)} đến ngày ${fmtLocalDate(f.cutoff.to)}`;
  const dossierLine =
    d.received === 0 && d.finished === 0 && d.openAtEnd === 0
      ? `2. Cải cách thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông (số liệu ${range}): trong kỳ chưa phát sinh hồ sơ thủ tục hành chính.`
      : `2. Cải cách thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông (số liệu ${range}): tiếp nhận ${fmtInt(d.received)} hồ sơ; ` +
        `đã giải quyết ${fmtInt(d.finished)} hồ sơ, trong đó trước hạn, đúng hạn ${fmtInt(d.finishedOnTime)} hồ sơ` +
        (d.onTime.rate === null ? '' : ` (đạt ${fmtPct(d.onTime.rate)})`) +
        `, trễ hạn ${fmtInt(d.finishedLate)} hồ sơ; đang giải quyết ${fmtInt(d.openAtEnd)} hồ sơ, trong đó quá hạn ${fmtInt(d.openLate)} hồ sơ.` +
        (d.averageProcessingDays === null ? '' : ` Thời gian giải quyết bình quân ${fmtDecimal(d.averageProcessingDays)} ngày.`);
  const digitalLine =
    `3. Xây dựng chính quyền điện tử, chuyển đổi số: tỷ lệ hồ sơ trực tuyến ${rateText(d.online, 'hồ sơ')}; ` +
    `tỷ lệ thanh toán trực tuyến ${rateText(d.onlinePayment, 'hồ sơ')}; tỷ lệ số hóa hồ sơ ${rateText(d.digitisation, 'hồ sơ')}` +
    (f.reform?.documents ? `; tỷ lệ văn bản đến được xử lý trên môi trường điện tử ${rateText(f.reform.documents, 'văn bản')}.` : '.');
  const fb = f.feedback;
  const feedbackLine =
    fb.received === 0
      ? '4. Tiếp nhận, xử lý phản ánh, kiến nghị: trong kỳ không phát sinh phản ánh, kiến nghị.'
      : `4. Tiếp nhận, xử lý phản ánh, kiến nghị: tiếp nhận ${fmtInt(fb.received)} phản ánh, kiến nghị; xử lý đúng hạn ${fmtInt(fb.onTime)}; ` +
        `người dân, doanh nghiệp hài lòng ${fmtInt(fb.satisfied)}.`;
  const ix = f.index;
  const framed = frameIndex(ix, 'vi');
  const groups = framed.groups.map((g) => `${g.name} ${g.label}${g.note ? ` (${g.note})` : ''}`).join('; ');
  const indexLine =
    `5. Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công: đạt ${framed.headline}` +
    `, xếp loại ${ix.band.label.vi}` +
    (groups ? `; trong đó: ${groups}.` : '.') +
    (framed.scaledNote ? ` ${framed.scaledNote}` : '');
  const reform = f.reform ?? null;
  return [
    '1. Công tác chỉ đạo, điều hành cải cách hành chính: [đơn vị bổ sung kế hoạch, văn bản chỉ đạo đã ban hành, công tác tuyên truyền, tự kiểm tra].' +
      (reform ? ` ${inspectionsText(reform)}` : ''),
    dossierLine,
    digitalLine,
    feedbackLine,
    indexLine,
    ...(reform ? [parLine(reform, f.computedAt.slice(0, 10))] : []),
  ].join('\n');
}

function shortcomingsBody(f: ReportFigures): string {
  const d = f.dossiers;
  const items: string[] = [];
  if (d.late > 0) {
    items.push(`- Còn ${fmtInt(d.late)} hồ sơ giải quyết quá hạn (${fmtInt(d.finishedLate)} hồ sơ đã giải quyết trễ hạn, ${fmtInt(d.openLate)} hồ sơ đang giải quyết quá hạn).`);
  }
  const low = (r: RateFigure | null, threshold: number) => r !== null && r.rate !== null && r.rate < threshold;
  if (low(d.online, SHORTCOMING_THRESHOLDS.online)) items.push(`- Tỷ lệ hồ sơ nộp trực tuyến (${fmtPct(d.online!.rate)}) còn thấp.`);
  if (low(d.onlinePayment, SHORTCOMING_THRESHOLDS.onlinePayment)) items.push(`- Tỷ lệ thanh toán trực tuyến (${fmtPct(d.onlinePayment!.rate)}) còn thấp.`);
  if (low(d.digitisation, SHORTCOMING_THRESHOLDS.digitisation)) items.push(`- Việc số hóa hồ sơ chưa đầy đủ (đạt ${fmtPct(d.digitisation!.rate)}).`);
  const lost = f.index.groups
    .map((g) => ({ name: g.name.vi, lost: Math.round((g.applicableMax - g.score) * 100) / 100 }))
    .filter((g) => g.lost > 0)
    .sort((a, b) => b.lost - a.lost)
    .slice(0, 3);
  if (lost.length > 0) items.push(`- Bộ chỉ số phục vụ người dân, doanh nghiệp còn mất điểm ở các nhóm: ${lost.map((g) => `${g.name} (${fmtDecimal(g.lost)} điểm)`).join(', ')}.`);
  const r = f.reform;
  if (r && r.inspections.findings > 0) items.push(`- Qua kiểm tra cải cách hành chính năm ${r.year}, còn ${fmtInt(r.inspections.findings)} nội dung chưa đạt hoặc đạt một phần.`);
  if (r && r.remediation.overdue > 0) items.push(`- Còn ${fmtInt(r.remediation.overdue)} nhiệm vụ khắc phục quá hạn chưa hoàn thành.`);
  if (r?.par && r.par.roundStatus === 'open' && r.par.unitStatus !== 'submitted' && f.computedAt.slice(0, 10) > r.par.selfDeadline) items.push(`- Chưa gửi bản tự đánh giá Chỉ số cải cách hành chính năm ${r.year} đúng hạn (${fmtLocalDate(r.par.selfDeadline)}).`);
  if (items.length === 0) items.push('- Số liệu trong kỳ chưa cho thấy tồn tại, hạn chế; đơn vị bổ sung (nếu có).');
  items.push('- Nguyên nhân: [đơn vị nêu nguyên nhân chủ quan, khách quan].');
  return items.join('\n');
}

function plansBody(kind: ReportKind, year: number): string {
  return [
    `Trong ${nextPeriodPhrase(kind, year)}, đơn vị tập trung thực hiện:`,
    '1. Tiếp tục rà soát, công khai đầy đủ, kịp thời thủ tục hành chính tại Bộ phận Một cửa và trên Cổng Dịch vụ công.',
    '2. Giải quyết hồ sơ đúng hạn, không để hồ sơ quá hạn; thực hiện xin lỗi và hẹn lại theo quy định khi trễ hạn.',
    '3. Nâng cao tỷ lệ hồ sơ trực tuyến, thanh toán trực tuyến và số hóa hồ sơ, kết quả giải quyết.',
    '4. Tiếp nhận, xử lý kịp thời phản ánh, kiến nghị của người dân, doanh nghiệp.',
  ].join('\n');
}

const PROPOSALS_BODY = '[Đơn vị nêu đề xuất, kiến nghị với cơ quan cấp trên (nếu có).]';

/** The default text of one section for the given figures. */
export function draftSection(key: SectionKey, f: ReportFigures, kind: ReportKind, year: number): ReportSection {
  const heading = SECTION_HEADINGS[key];
  switch (key) {
    case 'results':
      return { key, heading, body: resultsBody(f) };
    case 'shortcomings':
      return { key, heading, body: shortcomingsBody(f) };
    case 'plans':
      return { key, heading, body: plansBody(kind, year) };
    case 'proposals':
      return { key, heading, body: PROPOSALS_BODY };
  }
}

/** Every section of a new report, drafted from its figures. */
export function draftSections(f: ReportFigures, kind: ReportKind, year: number): ReportSection[] {
  return SECTION_KEYS.map((k) => draftSection(k, f, kind, year));
}

export const isSectionKey = (k: string): k is SectionKey => (SECTION_KEYS as readonly string[]).includes(k);

/**
 * After the figures are recomputed: sections whose text is still the draft of the old figures get the draft of
 * the new ones; sections someone edited are kept as they are.
 */
export function redraftUntouched(sections: readonly ReportSection[], oldFigures: ReportFigures, newFigures: ReportFigures, kind: ReportKind, year: number): { sections: ReportSection[]; redrafted: string[] } {
  const redrafted: string[] = [];
  const out = sections.map((s) => {
    if (!isSectionKey(s.key)) return s;
    const before = draftSection(s.key, oldFigures, kind, year);
    if (s.body !== before.body || s.heading !== before.heading) return s;
    const after = draftSection(s.key, newFigures, kind, year);
    if (after.body !== s.body) redrafted.push(s.key);
    return after;
  });
  return { sections: out, redrafted };
}

/** Applies an edit: known keys only (else `{ unknown }`); the heading is kept unless a non-empty one is given. */
export function applySectionEdits(sections: readonly ReportSection[], edits: readonly { key: string; heading?: string | undefined; body: string }[]): ReportSection[] | { unknown: string[] } {
  const known = new Set(sections.map((s) => s.key));
  const unknown = edits.map((e) => e.key).filter((k) => !known.has(k));
  if (unknown.length > 0) return { unknown };
  const byKey = new Map(edits.map((e) => [e.key, e]));
  return sections.map((s) => {
    const e = byKey.get(s.key);
    return e ? { key: s.key, heading: e.heading?.trim() ? e.heading.trim() : s.heading, body: e.body } : s;
  });
}

// ------------------------------------------------------------------ appendix table

/** "Phụ lục: Số liệu tổng hợp" — label, value rows printed after the sections (DOCX and PDF). */
export function figuresTable(f: ReportFigures): { title: string; columns: [string, string]; rows: [string, string][] } {
  const d = f.dossiers;
  const r = (x: RateFigure | null) => (x === null || x.rate === null ? '—' : `${fmtPct(x.rate)} (${fmtInt(x.numerator)}/${fmtInt(x.denominator)})`);
  const framedIndex = frameIndex(f.index, 'vi');
  const rows: [string, string][] = [
    ['Thời gian chốt số liệu', `${fmtLocalDate(f.cutoff.from)} – ${fmtLocalDate(f.cutoff.to)}`],
    ['Hồ sơ tiếp nhận', fmtInt(d.received)],
    ['Hồ sơ đã giải quyết', fmtInt(d.finished)],
    ['Trong đó: trước hạn, đúng hạn', d.onTime.rate === null ? fmtInt(d.finishedOnTime) : `${fmtInt(d.finishedOnTime)} (${fmtPct(d.onTime.rate)})`],
    ['Hồ sơ giải quyết trễ hạn', fmtInt(d.finishedLate)],
    ['Hồ sơ đang giải quyết', fmtInt(d.openAtEnd)],
    ['Trong đó: quá hạn', fmtInt(d.openLate)],
    ['Tỷ lệ hồ sơ trực tuyến', r(d.online)],
    ['Tỷ lệ thanh toán trực tuyến', r(d.onlinePayment)],
    ['Tỷ lệ số hóa hồ sơ', r(d.digitisation)],
    ['Phản ánh, kiến nghị tiếp nhận', fmtInt(f.feedback.received)],
    ['Phản ánh, kiến nghị xử lý đúng hạn', fmtInt(f.feedback.onTime)],
    [`Bộ chỉ số phục vụ người dân, doanh nghiệp (${f.profile.name.vi})`, `${framedIndex.headline} — ${f.index.band.label.vi}`],
    ...(framedIndex.scaledNote ? [['   Điểm quy đổi (thang 100)', framedIndex.scaledNote] as [string, string]] : []),
    ...framedIndex.groups.map((g): [string, string] => [`   ${g.name}`, g.note ? `${g.label} (${g.note})` : g.label]),
    ...(f.reform ? reformRows(f.reform) : []),
  ];
  return { title: 'Phụ lục: Số liệu tổng hợp từ hệ thống một cửa', columns: ['Chỉ tiêu', 'Số liệu'], rows };
}

function reformRows(r: ReformFigures): [string, string][] {
  const m = r.remediation;
  return [
    [`Lượt kiểm tra CCHC năm ${r.year} (đã thực hiện / chưa thực hiện)`, `${fmtInt(r.inspections.done)} / ${fmtInt(r.inspections.planned + r.inspections.inProgress)}`],
    ['Nội dung kiểm tra chưa đạt hoặc đạt một phần', fmtInt(r.inspections.findings)],
    ['Nhiệm vụ khắc phục (hoàn thành / chờ xem xét / đang thực hiện / quá hạn)', `${fmtInt(m.total)} (${fmtInt(m.accepted)} / ${fmtInt(m.reported)} / ${fmtInt(m.open)} / ${fmtInt(m.overdue)})`],
    [`Chỉ số CCHC năm ${r.year}`, r.par?.index ? `${fmtDecimal(Number(r.par.index))}%${r.par.rank !== null && r.par.of !== null ? ` — xếp thứ ${r.par.rank}/${r.par.of}` : ' (tạm tính)'}` : '—'],
    ['Tỷ lệ văn bản đến xử lý trên môi trường điện tử', r.documents && r.documents.rate !== null ? `${fmtPct(r.documents.rate)} (${fmtInt(r.documents.numerator)}/${fmtInt(r.documents.denominator)})` : '—'],
  ];
}

/** The note printed under the appendix: where and when the figures come from. */
export function figuresNote(f: ReportFigures, computedAtText: string): string {
  return `Số liệu tổng hợp tự động từ hệ thống một cửa lúc ${computedAtText}, thời gian chốt số liệu từ ngày ${fmtLocalDate(f.cutoff.from)} đến ngày ${fmtLocalDate(f.cutoff.to)}.`;
}

/**
 * The printed report, independent of the output format (the server renders it to DOCX and to PDF): the header
 * of an administrative document (parent body and agency on the left, the national motto on the right, number
 * and place/date), the title, "Kính gửi", the sections, the figures appendix, recipients and the signature.
 * Pure: the date and the names are parameters.
 */
import { formatDateTime, placeDateLine, upper } from '../slips/format.ts';
import type { ReportFigures } from './figures.ts';
import type { ReportKind, ReportStatus } from './schedule.ts';
import { figuresNote, figuresTable, reportFileName, reportTitle, type ReportSection } from './template.ts';

export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

export interface ReportDocument {
  header: { parentBody: string | null; agency: string; number: string; placeDate: string };
  /** "DỰ THẢO" above the title while the report is a draft. */
  draftMark: string | null;
  title: string;
  subtitle: string;
  recipient: string | null;
  sections: ReportSection[];
  appendix: { title: string; columns: [string, string]; rows: [string, string][]; note: string };
  recipients: string[];
  signature: { lines: string[]; name: string | null };
  meta: { title: string; subject: string; fileName: string; issuedAt: Date };
}

export interface ReportDocumentInput {
  kind: ReportKind;
  year: number;
  status: ReportStatus;
  agency: { name: string; code: string; kind: string; parentName: string | null; provinceName: string | null };
  /** The province's standing body for administrative reform (Sở Nội vụ), which receives the report; null: unknown. */
  standingBodyName?: string | null;
  figures: ReportFigures;
  sections: ReportSection[];
  /** The document date: the submission time, or now for a draft. */
  issuedAt: Date;
  signerName: string | null;
}

/** Number line, left blank for the unit's document register ("Số:      /BC-UBND"). */
function numberLine(agencyKind: string): string {
  return `Số:        /BC-${agencyKind === 'people_committee' ? 'UBND' : 'CQ'}`;
}

function signatureLines(agencyKind: string): string[] {
  return agencyKind === 'people_committee' ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : ['THỦ TRƯỞNG CƠ QUAN'];
}

export function buildReportDocument(i: ReportDocumentInput): ReportDocument {
  const { title, subtitle } = reportTitle(i.kind, i.year);
  const t = figuresTable(i.figures);
  const computedAt = new Date(i.figures.computedAt);
  const fileName = reportFileName(i.kind, i.year, i.agency.code);
  return {
    header: {
      parentBody: i.agency.parentName ? upper(i.agency.parentName) : null,
      agency: upper(i.agency.name),
      number: numberLine(i.agency.kind),
      placeDate: placeDateLine(i.agency.provinceName, i.issuedAt),
    },
    draftMark: i.status === 'draft' ? 'DỰ THẢO' : null,
    title,
    subtitle,
    recipient: reportAddressee(i),
    sections: i.sections,
    appendix: { ...t, note: figuresNote(i.figures, Number.isNaN(computedAt.getTime()) ? i.figures.computedAt : formatDateTime(computedAt)) },
    recipients: reportRecipients(i),
    signature: { lines: signatureLines(i.agency.kind), name: i.signerName },
    meta: { title: `${title} ${subtitle}`, subject: `${subtitle} — ${i.agency.name}`, fileName, issuedAt: i.issuedAt },
  };
}

/** "Kính gửi": the standing body for reform (Sở Nội vụ) when known, else the parent body. */
export function reportAddressee(i: Pick<ReportDocumentInput, 'agency' | 'standingBodyName'>): string | null {
  const to = i.standingBodyName && i.standingBodyName !== i.agency.name ? i.standingBodyName : i.agency.parentName;
  return to ? `Kính gửi: ${to}` : null;
}

/** "Nơi nhận": the parent body, the standing body for reform (to compile the province's report), the archive. */
export function reportRecipients(i: Pick<ReportDocumentInput, 'agency' | 'standingBodyName'>): string[] {
  const standing = i.standingBodyName && i.standingBodyName !== i.agency.name ? i.standingBodyName : null;
  return [
    'Nơi nhận:',
    ...(standing ? [`- ${standing} (để tổng hợp);`] : []),
    ...(i.agency.parentName ? [`- ${i.agency.parentName};`] : []),
    ...(standing || i.agency.name.startsWith('Sở Nội vụ') ? [] : ['- Sở Nội vụ (để tổng hợp);']),
    '- Lưu: VT.',
  ];
}

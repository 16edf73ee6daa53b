/**
 * The description of an official slip (phiếu) of the one-stop desk, independent of any output format: the
 * server renders it to PDF (pdfkit) and the register also to Excel. Built from data by ./builders.ts (pure).
 */
import type { WorkflowStep } from '../catalog/workflow.ts';
import type { WorkCalendar } from '../calendar/types.ts';

/** Slips printed for one dossier. `control` is form 05 (the process-control slip). */
export const DOSSIER_SLIP_KINDS = ['receipt', 'supplement_request', 'refusal', 'apology', 'control', 'stop_notice'] as const;
export type DossierSlipKind = (typeof DOSSIER_SLIP_KINDS)[number];
export type SlipDocKind = DossierSlipKind | 'register';

/** Who the printed copy is for: staff copies show the ID number; public copies mask it (and the phone). */
export type SlipAudience = 'staff' | 'public';

export interface SlipHeader {
  /** The parent body, as printed (upper case), e.g. "ỦY BAN NHÂN DÂN TỈNH GIA LAI"; null for a root agency. */
  parentBody: string | null;
  /** The issuing agency, as printed (upper case, bold). */
  agency: string;
  /** "Số: 0001/TNHS" */
  number: string | null;
  /** "Gia Lai, ngày 12 tháng 02 năm 2026" */
  placeDate: string;
}

export type TextAlign = 'left' | 'center' | 'right' | 'justify';

export interface TableColumn {
  title: string;
  /** Relative width (the renderer scales the columns to the printable width). */
  width: number;
  align?: TextAlign;
}

export type SlipBlock =
  | { type: 'text'; text: string; bold?: boolean; italic?: boolean; align?: TextAlign }
  /** "Label: value" — the value printed in bold. */
  | { type: 'field'; label: string; value: string }
  /** A numbered list (1. 2. 3.) with a hanging indent. */
  | { type: 'list'; items: string[] }
  | { type: 'table'; columns: TableColumn[]; rows: string[][] }
  | { type: 'spacer'; size: number };

export interface SlipSignature {
  title: string;
  /** "(Ký và ghi rõ họ tên)" */
  hint: string;
  name: string | null;
}

export interface SlipDoc {
  kind: SlipDocKind;
  page: { size: 'A5' | 'A4'; layout: 'portrait' | 'landscape' };
  /** "Mẫu số 01" (from the dossier's one-stop policy), or null when the policy has no such form. */
  formNumber: string | null;
  header: SlipHeader;
  /** Title as printed (upper case, bold). */
  title: string;
  /** Line under the title, e.g. "Mã hồ sơ: 000.01.00.H21-260212-0001". */
  subtitle: string | null;
  /** "Kính gửi: Ông/Bà …" */
  recipient: string | null;
  blocks: SlipBlock[];
  signatures: SlipSignature[];
  /** QR code opening the public tracking page, with the lines printed beside it. */
  qr: { url: string; lines: string[] } | null;
  /** QR code and short link of the rating page (receipt; process-control slip once the result is ready). */
  ratingQr: { url: string; lines: string[] } | null;
  footnote: string | null;
  meta: { title: string; subject: string; issuedAt: Date; fileName: string; keywords: string };
}

// ---------------------------------------------------------------- input data

export interface SlipApplicant {
  fullName: string;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  organisation?: string | null;
}

export interface SlipAgency {
  id: string;
  name: string;
  /** The parent agency's name (null for a root). */
  parentName: string | null;
  /** The province the agency belongs to, e.g. "Tỉnh Gia Lai" (gives the place on the date line). */
  provinceName: string | null;
}

export interface SlipDossier {
  id: string;
  code: string | null;
  state: string;
  channel: string;
  applicant: SlipApplicant;
  procedureCode: string;
  procedureName: string;
  limit: { amount: number; unit: string } | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  originalDueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  resultMethod: string | null;
  feeTotal: number;
  paidTotal: number;
  trackingSecret: string;
  /** One-stop rule version pinned at receipt (gives the form numbers). */
  onestopPolicy: string;
}

export interface SlipHistoryItem {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  at: Date;
  actorId: string | null;
  actorRole: string;
  agencyId: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** A component received (a dossier document), with the counts the procedure record asks for, when known. */
export interface SlipComponent {
  name: string;
  originalCount: number | null;
  copyCount: number | null;
}

export interface SlipFee {
  kind: string;
  description: string;
  amountVnd: number;
}

export interface SlipInput {
  dossier: SlipDossier;
  receivingAgency: SlipAgency;
  handlingAgency: SlipAgency;
  /** Documents received at intake (kind 'input'). */
  components: SlipComponent[];
  fees: SlipFee[];
  history: SlipHistoryItem[];
  /** Display names of users and agencies by id (actors, assignees, transfer targets). */
  names: Readonly<Record<string, string>>;
  audience: SlipAudience;
  /** The public tracking page (QR code); null prints no QR code. */
  trackingUrl: string | null;
  /** The short rating link PUBLIC_BASE_URL/danh-gia/<code>; null prints no rating QR code. */
  ratingUrl?: string | null;
  /** For the process-control slip: the internal workflow steps and the working calendar. */
  workflow: readonly WorkflowStep[] | null;
  calendar: WorkCalendar | null;
  /** When the slip is generated (used only where no history entry dates it, e.g. the control slip of an empty history). */
  now: Date;
}

export interface RegisterRowInput {
  code: string | null;
  applicantName: string;
  applicantAddress: string | null;
  applicantPhone: string | null;
  procedureCode: string;
  procedureName: string;
  state: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
}

export interface RegisterInput {
  agency: SlipAgency;
  /** YYYY-MM-DD, Vietnam time, inclusive. */
  from: string;
  to: string;
  rows: RegisterRowInput[];
  /** True when more dossiers matched than `cap`: only the first `cap` are listed. */
  truncated: boolean;
  cap: number;
  now: Date;
  /** One-stop policy in force (form number). */
  onestopPolicy: string;
}

/** One register row as printed (PDF) and exported (Excel: the dates stay dates). */
export interface RegisterRow {
  no: number;
  code: string;
  applicant: string;
  procedure: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  outcome: string;
}

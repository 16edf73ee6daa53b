/** Catalog record shared by the two sources (structured national records and the public-page index). */

export type ProcedureSource = 'national_record' | 'public_index';
export type ProcedureLevel = 'commune' | 'province' | 'ministry' | 'other';
export type OnlineLevel = 'full' | 'partial' | 'none';
export type SubmissionChannel = 'desk' | 'online' | 'postal';
export type TimeLimitUnit = 'working_days' | 'days' | 'hours' | 'same_day';

export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

/** 'fee' = phí (portal SERVICE_FEE), 'charge' = lệ phí (portal FEE). See national-record.ts. */
export interface ProcedureFee {
  kind: 'fee' | 'charge';
  amountVnd: number;
  description: string;
}

/**
 * A longer limit that applies in a case the text names (marriage registration: the same day, "trường hợp cần
 * xác minh … không quá 05 ngày làm việc"). The due-date engine (core/calendar computeDueAt) takes `limit` as is;
 * `channelLimit(spec, caseIndex)` (time-text.ts) picks the one a dossier is received under.
 */
export interface ConditionalLimit {
  /** The case, as the text words it (e.g. 'Trường hợp cần xác minh'). */
  condition: string;
  limit: TimeLimit;
}

/** Where a channel's `limit` comes from: the source's structured value, its text, or a reviewer. */
export type LimitSource = 'record' | 'text' | 'review';

export interface ChannelSpec {
  channel: SubmissionChannel;
  /**
   * The limit the due-date engine uses at receipt (core/calendar TimeLimit, same units). null = no fixed limit
   * (scheduled procedures, or a time the source does not state and its text does not give). `rawTime` keeps
   * the source value.
   */
  limit: TimeLimit | null;
  /** Optional (older stored records lack it): absent = 'record'. */
  limitSource?: LimitSource;
  /** The sentence the limit was read from when `limitSource` is 'text' (or the reviewer's legal reference). */
  limitQuote?: string | null;
  /** Longer limits for named cases; absent = none. */
  conditionalLimits?: ConditionalLimit[];
  /** Source value and unit (for a multi-stage channel: the sum of the stages and their common unit). */
  rawTime: { value: number; unit: string };
  /** Per-stage durations in source order when the channel is listed several times (1.012538), else []. */
  stages: number[];
  fees: ProcedureFee[];
  description: string;
}

export interface DossierComponent {
  code: string | null;
  name: string;
  caseName: string | null;
  required: boolean;
  originalCount: number;
  copyCount: number;
  hasEForm: boolean;
  forms: { fileName: string; ref: string }[];
}

/**
 * A note of the components section ("* Lưu ý:", "+ Người tiếp nhận có trách nhiệm…", lead-ins such as
 * "- Đối với giấy tờ gửi kèm theo …:"): shown as a note, never as a checklist item (notes.ts).
 */
export interface ProcedureNote {
  caseName: string | null;
  text: string;
}

export interface CodedName {
  code: string | null;
  name: string;
}

export interface ProcedureAgencies {
  executing: string[];
  competent: string[];
  coordinating: string[];
}

export interface ProcedurePublication {
  decisionNo: string | null;
  /** YYYY-MM-DD, Vietnam time (UTC+7). */
  decisionDate: string | null;
  /** ISO 8601 instant. */
  publishedAt: string | null;
}

export interface PublicIndexText {
  steps: string;
  methods: string;
  components: string;
  requirements: string;
  legalBasis: string;
  result: string;
}

/** Fields the page-text parser reads, each with a confidence flag (page-parser.ts). */
export const PARSED_FIELDS = ['channels', 'time', 'fees', 'components', 'results', 'legalBasis', 'agencies'] as const;
export type ParsedField = (typeof PARSED_FIELDS)[number];
export type FieldConfidence = 'high' | 'low';

/** Why a field is low-confidence (stable codes; labels in the UI catalogues). */
export interface ParseIssue {
  field: ParsedField;
  code: string;
  /** The source fragment concerned (short), when there is one. */
  detail: string | null;
}

/** What the page-text parser could read. A reviewer confirms or corrects the low fields (review.ts). */
export interface ParseReport {
  parser: string;
  confidence: Record<ParsedField, FieldConfidence>;
  issues: ParseIssue[];
}

/** A reviewed version: who confirmed it and which fields they changed. */
export interface ReviewStamp {
  reviewerId: string | null;
  reviewerName: string;
  /** ISO instant (the injected clock). */
  reviewedAt: string;
  /** Fields the reviewer corrected (the others were confirmed as read). */
  corrected: ParsedField[];
  note: string | null;
}

export interface ProcedureRecord {
  /** National code, trimmed (e.g. '1.010038'). */
  code: string;
  /** NFC, trimmed. */
  name: string;
  source: ProcedureSource;
  /** True when channels and components are structured (national record); index entries are false. */
  structured: boolean;
  /** Portal record uuid. */
  portalId: string | null;
  field: CodedName | null;
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  channels: ChannelSpec[];
  components: DossierComponent[];
  /** Notes of the components section (absent on records stored before notes were split out = none). */
  notes?: ProcedureNote[];
  results: CodedName[];
  subjects: CodedName[];
  legalBasis: CodedName[];
  steps: string;
  requirements: string;
  agencies: ProcedureAgencies;
  publication: ProcedurePublication | null;
  /** Issuing ministry (full name, e.g. 'Bộ Công an'). */
  ministry: string | null;
  isInterAgency: boolean;
  /** true when the text says the applicant must appear in person; null when the source does not say. */
  requiresPersonalPresence: boolean | null;
  /** Subjects include 'Công dân Việt Nam' (ĐT1). */
  citizenSubject: boolean;
  feeBearing: boolean;
  /** Public-page text (index entries only), kept verbatim as the source of every parsed version. */
  text: PublicIndexText | null;
  /** The procedure's description on its page ("Mô tả"), when it has one. */
  description?: string | null;
  /** Index entries structured by the page-text parser: its field confidences (absent for national records). */
  parse?: ParseReport | null;
  /** Set on a version a reviewer confirmed (absent/null = not reviewed). */
  review?: ReviewStamp | null;
}

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

export interface ChannelSpec {
  channel: SubmissionChannel;
  /** null = no fixed limit (OTHER / 0: scheduled procedures, unit not stated). `rawTime` keeps the source. */
  limit: TimeLimit | null;
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
  /** Public-page text (index entries only). */
  text: PublicIndexText | null;
}

/**
 * The document office (Decree 30/2020/NĐ-CP): incoming documents (văn bản đến) and outgoing documents (văn bản đi),
 * their states, actions and the roles that take them. Pure data; the machine is decide.ts.
 */
import type { Role } from '../dossier/states.ts';

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Incoming: registered (to direct) → directed (a handler named) → in_process → replied → closed. */
export const INCOMING_STATES = ['registered', 'directed', 'in_process', 'replied', 'closed'] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];

/** Outgoing: draft → in_review (comments, each version kept) → signed (leader) → numbered → sealed → sent. */
export const OUTGOING_STATES = ['draft', 'in_review', 'signed', 'numbered', 'sealed', 'sent'] as const;
export type OutgoingState = (typeof OUTGOING_STATES)[number];

export type DocumentState = IncomingState | OutgoingState;

export const INCOMING_ACTIONS = ['register', 'direct', 'assign', 'process', 'reply', 'close'] as const;
export type IncomingAction = (typeof INCOMING_ACTIONS)[number];

export const OUTGOING_ACTIONS = ['draft', 'submit', 'revise', 'comment', 'return', 'approve_sign', 'issue_number', 'seal', 'send'] as const;
export type OutgoingAction = (typeof OUTGOING_ACTIONS)[number];

export type DocumentAction = IncomingAction | OutgoingAction;

/**
 * Roles in the document office: the leader (lãnh đạo: directs, approves and signs), the clerk (văn thư: registers,
 * numbers, seals, sends) and the specialist (chuyên viên: handles, drafts). `system` registers a document another
 * agency inside motcua sent.
 */
export const DOCUMENT_ROLES = ['leader', 'clerk', 'specialist', 'system'] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/** The staff roles of the platform that act as each document role (a desk officer or unit admin keeps the registers). */
export const STAFF_ROLE_TO_DOCUMENT_ROLE: Partial<Record<Role, DocumentRole>> = {
  leader: 'leader',
  desk_officer: 'clerk',
  unit_admin: 'clerk',
  specialist: 'specialist',
};

export function documentRolesOf(staffRoles: readonly Role[]): DocumentRole[] {
  const out = new Set<DocumentRole>();
  for (const r of staffRoles) {
    const d = STAFF_ROLE_TO_DOCUMENT_ROLE[r];
    if (d) out.add(d);
  }
  return DOCUMENT_ROLES.filter((r) => out.has(r));
}

/** Kinds of administrative documents (Appendix III of Decree 30/2020) with their abbreviations. */
export const DOCUMENT_KINDS = {
  decision: { symbol: 'QĐ', vi: 'Quyết định', en: 'Decision' },
  official_letter: { symbol: 'CV', vi: 'Công văn', en: 'Official letter' },
  plan: { symbol: 'KH', vi: 'Kế hoạch', en: 'Plan' },
  report: { symbol: 'BC', vi: 'Báo cáo', en: 'Report' },
  notice: { symbol: 'TB', vi: 'Thông báo', en: 'Notice' },
  directive: { symbol: 'CT', vi: 'Chỉ thị', en: 'Directive' },
  submission: { symbol: 'TTr', vi: 'Tờ trình', en: 'Submission' },
  invitation: { symbol: 'GM', vi: 'Giấy mời', en: 'Invitation' },
  minutes: { symbol: 'BB', vi: 'Biên bản', en: 'Minutes' },
  other: { symbol: 'VB', vi: 'Văn bản khác', en: 'Other' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_NAMES = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

/** Urgency (độ khẩn) and confidentiality (độ mật) levels. */
export const URGENCY_LEVELS = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];
export const CONFIDENTIALITY_LEVELS = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export const isConfidential = (c: Confidentiality): boolean => c !== 'normal';

/** States in which nothing is left to do. */
export const DONE_STATES: ReadonlySet<DocumentState> = new Set(['replied', 'closed', 'sent']);
/** Incoming states in which the handler still works (the deadline runs). */
export const OPEN_INCOMING_STATES: ReadonlySet<IncomingState> = new Set(['directed', 'in_process']);

export const LABELS = {
  states: {
    registered: { vi: 'Chờ bút phê', en: 'To direct' },
    directed: { vi: 'Đã giao xử lý', en: 'Directed' },
    in_process: { vi: 'Đang xử lý', en: 'In process' },
    replied: { vi: 'Đã trả lời', en: 'Replied' },
    closed: { vi: 'Đã kết thúc', en: 'Closed' },
    draft: { vi: 'Dự thảo', en: 'Draft' },
    in_review: { vi: 'Đang trình duyệt', en: 'In review' },
    signed: { vi: 'Đã ký duyệt', en: 'Signed' },
    numbered: { vi: 'Đã cấp số', en: 'Numbered' },
    sealed: { vi: 'Đã ký số của cơ quan', en: 'Sealed' },
    sent: { vi: 'Đã phát hành', en: 'Sent' },
  } satisfies Record<DocumentState, { vi: string; en: string }>,
  actions: {
    register: { vi: 'Vào sổ văn bản đến', en: 'Register' },
    direct: { vi: 'Bút phê, giao xử lý', en: 'Direct' },
    assign: { vi: 'Giao lại người xử lý', en: 'Reassign' },
    process: { vi: 'Cập nhật xử lý', en: 'Record progress' },
    reply: { vi: 'Trả lời', en: 'Reply' },
    close: { vi: 'Kết thúc xử lý', en: 'Close' },
    draft: { vi: 'Tạo dự thảo', en: 'Draft' },
    submit: { vi: 'Trình duyệt', en: 'Submit for review' },
    revise: { vi: 'Cập nhật dự thảo', en: 'New version' },
    comment: { vi: 'Góp ý', en: 'Comment' },
    return: { vi: 'Trả lại để sửa', en: 'Return for changes' },
    approve_sign: { vi: 'Duyệt và ký số', en: 'Approve and sign' },
    issue_number: { vi: 'Cấp số văn bản đi', en: 'Issue the number' },
    seal: { vi: 'Ký số của cơ quan (đóng dấu)', en: 'Seal' },
    send: { vi: 'Phát hành', en: 'Send' },
  } satisfies Record<DocumentAction, { vi: string; en: string }>,
} as const;

/**
 * One row of the dossier's history (the process-control slip, form 05 of Circular 01/2018): who did what, when,
 * from which state to which. `describeEntry` gives the one-line text printed on the slip.
 */
import type { ActionName } from './actions.ts';
import { historyActionLabel, PAYMENT_METHOD_LABELS, RETURN_METHOD_LABELS, ROLE_LABELS, STATE_LABELS, type Lang } from './labels.ts';
import type { Actor, TransitionOk } from './machine.ts';
import type { DossierState, Role } from './states.ts';
import type { HistoryAction } from './labels.ts';
import { RATING_CHANNEL_LABELS, RATING_LABELS, type RatingChannel, type RatingValue } from '../rating/rating.ts';

export interface HistoryEntry {
  action: HistoryAction;
  /** `null` when the action created the dossier. */
  fromState: DossierState | null;
  toState: DossierState;
  actorId: string;
  actorRole: Role;
  unitId: string;
  /** ISO instant (e.g. `2026-09-15T08:30:00+07:00` or `…Z`). */
  at: string;
  note: string | null;
  reasons?: string[];
  /** Document ids. */
  attachments: string[];
  /** The other input fields of the action (missingItems, assigneeId, newDueAt, returnMethod, …). */
  data: Record<string, unknown>;
}

/** The history row of a successful transition; `at` is supplied by the caller (the core has no clock). */
export function createHistoryEntry(result: TransitionOk, actor: Actor, at: string): HistoryEntry {
  const { note, reasons, attachments, ...data } = result.data;
  const entry: HistoryEntry = {
    action: result.action,
    fromState: result.from,
    toState: result.to,
    actorId: actor.userId,
    actorRole: result.actingRole,
    unitId: actor.unitId,
    at,
    note: note ?? null,
    attachments: attachments ?? [],
    data,
  };
  if (reasons !== undefined) entry.reasons = reasons;
  return entry;
}

const FIELD_LABELS = {
  missingItems: { vi: 'Cần bổ sung', en: 'Missing' },
  reasons: { vi: 'Lý do', en: 'Reasons' },
  competentBody: { vi: 'Cơ quan có thẩm quyền', en: 'Competent body' },
  targetUnitId: { vi: 'Chuyển đến', en: 'To' },
  assigneeId: { vi: 'Người xử lý', en: 'Assignee' },
  targetAgency: { vi: 'Cơ quan phối hợp', en: 'Agency' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  deadline: { vi: 'Hạn', en: 'Deadline' },
  fromAgency: { vi: 'Từ cơ quan', en: 'From agency' },
  paperResult: { vi: 'Kết quả bản giấy', en: 'Paper result' },
  newDueAt: { vi: 'Hẹn lại ngày trả', en: 'New appointment' },
  returnMethod: { vi: 'Hình thức trả', en: 'Returned' },
  collectedBy: { vi: 'Người nhận', en: 'Collected by' },
  byProxy: { vi: 'Nhận theo ủy quyền', en: 'By proxy' },
  authorisationNote: { vi: 'Giấy ủy quyền', en: 'Authorisation' },
  trackingNumber: { vi: 'Số hiệu bưu gửi', en: 'Tracking number' },
  amount: { vi: 'Số tiền', en: 'Amount' },
  paymentMethod: { vi: 'Hình thức thanh toán', en: 'Payment method' },
  reference: { vi: 'Mã giao dịch', en: 'Reference' },
  rating: { vi: 'Mức độ', en: 'Rating' },
  ratingChannel: { vi: 'Hình thức đánh giá', en: 'Rated' },
  comment: { vi: 'Ý kiến', en: 'Comment' },
  answer: { vi: 'Nội dung trả lời', en: 'Answer' },
  attachments: { vi: 'Tài liệu đính kèm', en: 'Attachments' },
  note: { vi: 'Ghi chú', en: 'Note' },
} as const;

type Field = keyof typeof FIELD_LABELS;

/** `2026-09-15` → `15/09/2026`; an instant → Vietnam time `15/09/2026 08:30`; anything else unchanged. */
function formatWhen(v: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (date !== null) return `${date[3]}/${date[2]}/${date[1]}`;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return v;
  const iso = new Date(ms + 7 * 3_600_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

function formatValue(field: Field, v: unknown, lang: Lang, name: (id: string) => string): string | null {
  if (v === undefined || v === null || v === false) return null;
  switch (field) {
    case 'deadline':
    case 'newDueAt':
      return typeof v === 'string' ? formatWhen(v) : String(v);
    case 'assigneeId':
    case 'targetUnitId':
      return typeof v === 'string' ? name(v) : String(v);
    case 'returnMethod':
      return RETURN_METHOD_LABELS[v as keyof typeof RETURN_METHOD_LABELS]?.[lang] ?? String(v);
    case 'paymentMethod':
      return PAYMENT_METHOD_LABELS[v as keyof typeof PAYMENT_METHOD_LABELS]?.[lang] ?? String(v);
    case 'amount':
      return typeof v === 'number' ? `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(v)} đ` : String(v);
    case 'rating':
      return RATING_LABELS[v as RatingValue]?.[lang] ?? String(v);
    case 'ratingChannel':
      return RATING_CHANNEL_LABELS[v as RatingChannel]?.[lang] ?? String(v);
    case 'attachments':
      return Array.isArray(v) && v.length > 0 ? String(v.length) : null;
    case 'byProxy':
    case 'paperResult':
      return lang === 'vi' ? 'có' : 'yes';
    default:
      if (Array.isArray(v)) return v.length > 0 ? v.map(String).join('; ') : null;
      return String(v);
  }
}

export interface DescribeOptions {
  /** Display name of a user or unit id (assignee, target unit); the id itself by default. */
  displayName?: (id: string) => string;
}

/**
 * One line for the process-control slip, e.g. (vi) `Yêu cầu bổ sung, hoàn thiện hồ sơ: Đang xử lý → Chờ bổ sung
 * hồ sơ. Cần bổ sung: Bản sao CCCD; Tờ khai (Chuyên viên)`. Line breaks in notes become spaces.
 */
export function describeEntry(entry: HistoryEntry, lang: Lang = 'vi', opts: DescribeOptions = {}): string {
  const name = opts.displayName ?? ((id: string) => id);
  let line = historyActionLabel(entry.action, lang);
  if (entry.fromState !== entry.toState) {
    const from = entry.fromState === null ? (lang === 'vi' ? 'Mới' : 'New') : STATE_LABELS[entry.fromState][lang];
    line += `: ${from} → ${STATE_LABELS[entry.toState][lang]}`;
  }
  // Stored rows may carry reasons/note/attachments inside `data` too: the entry's own fields win when present.
  const values: Record<string, unknown> = { ...entry.data };
  if (entry.reasons !== undefined) values.reasons = entry.reasons;
  if (entry.attachments.length > 0) values.attachments = entry.attachments;
  if (entry.note !== null) values.note = entry.note;
  const parts: string[] = [];
  for (const field of Object.keys(FIELD_LABELS) as Field[]) {
    const text = formatValue(field, values[field], lang, name);
    if (text !== null) parts.push(`${FIELD_LABELS[field][lang]}: ${text}`);
  }
  if (parts.length > 0) line += `. ${parts.join('. ')}`;
  return `${line} (${ROLE_LABELS[entry.actorRole][lang]})`.replace(/\s+/g, ' ');
}

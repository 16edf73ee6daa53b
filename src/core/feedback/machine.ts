/**
 * The feedback state machine (phản ánh, kiến nghị): receive → classify (not accepted / within competence /
 * outside competence: forwarded to the competent agency, which receives it in turn) → request information
 * (optional) → answer (leader) → publish the answer (leader) → archive. Pure: no I/O, no clock.
 */
import type { Role } from '../dossier/index.ts';

export const FEEDBACK_STATES = ['submitted', 'received', 'not_accepted', 'in_progress', 'forwarded', 'answered', 'published', 'archived'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export const FEEDBACK_SUBJECTS = ['procedure', 'rule', 'officer', 'other'] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];

export const FEEDBACK_ACTIONS = ['receive', 'classify', 'request_info', 'answer', 'publish', 'archive'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export const CLASSIFICATIONS = ['not_accepted', 'within_competence', 'outside_competence'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Staff roles that work on feedback. */
export const FEEDBACK_STAFF_ROLES: readonly Role[] = ['desk_officer', 'specialist', 'leader', 'unit_admin'];

/** States in which the handling deadline runs (the "overdue" view looks at these). */
export const OPEN_FEEDBACK_STATES: readonly FeedbackState[] = ['received', 'in_progress', 'answered'];

export interface FeedbackActionSpec {
  from: readonly FeedbackState[];
  roles: readonly Role[];
}

/** Which action from which state, by which role (data). `classify` leads to a state that depends on its input. */
export const FEEDBACK_ACTION_SPECS: Record<FeedbackAction, FeedbackActionSpec> = {
  receive: { from: ['submitted', 'forwarded'], roles: ['desk_officer', 'specialist', 'leader', 'unit_admin'] },
  classify: { from: ['received'], roles: ['desk_officer', 'specialist', 'leader'] },
  request_info: { from: ['in_progress'], roles: ['specialist', 'leader'] },
  answer: { from: ['in_progress'], roles: ['leader'] },
  publish: { from: ['answered'], roles: ['leader'] },
  archive: { from: ['not_accepted', 'answered', 'published'], roles: ['desk_officer', 'specialist', 'leader', 'unit_admin'] },
};

export const FEEDBACK_STATE_LABELS: Record<FeedbackState, { vi: string; en: string }> = {
  submitted: { vi: 'Mới gửi', en: 'Submitted' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  not_accepted: { vi: 'Không tiếp nhận xử lý', en: 'Not accepted' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Forwarded to the competent agency' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  published: { vi: 'Đã công khai kết quả', en: 'Answer published' },
  archived: { vi: 'Đã lưu trữ', en: 'Archived' },
};

export const FEEDBACK_ACTION_LABELS: Record<FeedbackAction | 'submit' | 'rate', { vi: string; en: string }> = {
  submit: { vi: 'Gửi phản ánh, kiến nghị', en: 'Submitted' },
  receive: { vi: 'Tiếp nhận, vào sổ', en: 'Received and logged' },
  classify: { vi: 'Phân loại', en: 'Classified' },
  request_info: { vi: 'Đề nghị bổ sung thông tin', en: 'More information requested' },
  answer: { vi: 'Trả lời', en: 'Answered' },
  publish: { vi: 'Công khai kết quả trả lời', en: 'Answer published' },
  archive: { vi: 'Lưu trữ', en: 'Archived' },
  rate: { vi: 'Người phản ánh đánh giá', en: 'Rated by the petitioner' },
};

export interface FeedbackInput {
  classification?: Classification;
  reason?: string;
  targetAgencyId?: string;
  note?: string;
  answer?: string;
}

export type FeedbackTransition =
  | { ok: true; to: FeedbackState; role: Role }
  | { ok: false; code: 'ACTION_NOT_ALLOWED_IN_STATE' | 'ROLE_NOT_ALLOWED' | 'INPUT_REQUIRED'; fields?: string[] };

const has = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

/**
 * Decides an action: the state it leads to and the role it is taken in (the first of the caller's roles the
 * action allows), or why not. `targetIsCurrent` guards forwarding to the agency that already holds it.
 */
export function feedbackTransition(state: FeedbackState, action: FeedbackAction, roles: readonly Role[], input: FeedbackInput): FeedbackTransition {
  const spec = FEEDBACK_ACTION_SPECS[action];
  if (!spec.from.includes(state)) return { ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' };
  const role = spec.roles.find((r) => roles.includes(r));
  if (!role) return { ok: false, code: 'ROLE_NOT_ALLOWED' };
  switch (action) {
    case 'receive':
      return { ok: true, to: 'received', role };
    case 'classify': {
      if (!input.classification) return { ok: false, code: 'INPUT_REQUIRED', fields: ['classification'] };
      if (input.classification === 'not_accepted') {
        if (!has(input.reason)) return { ok: false, code: 'INPUT_REQUIRED', fields: ['reason'] };
        return { ok: true, to: 'not_accepted', role };
      }
      if (input.classification === 'outside_competence') {
        const missing = [!has(input.targetAgencyId) && 'targetAgencyId', !has(input.note) && 'note'].filter((x): x is string => !!x);
        if (missing.length > 0) return { ok: false, code: 'INPUT_REQUIRED', fields: missing };
        return { ok: true, to: 'forwarded', role };
      }
      return { ok: true, to: 'in_progress', role };
    }
    case 'request_info':
      if (!has(input.note)) return { ok: false, code: 'INPUT_REQUIRED', fields: ['note'] };
      return { ok: true, to: 'in_progress', role };
    case 'answer':
      if (!has(input.answer)) return { ok: false, code: 'INPUT_REQUIRED', fields: ['answer'] };
      return { ok: true, to: 'answered', role };
    case 'publish':
      return { ok: true, to: 'published', role };
    case 'archive':
      return { ok: true, to: 'archived', role };
    default: {
      const never: never = action;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

/** The actions the caller could take now (input aside). */
export function allowedFeedbackActions(state: FeedbackState, roles: readonly Role[]): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter((a) => FEEDBACK_ACTION_SPECS[a].from.includes(state) && FEEDBACK_ACTION_SPECS[a].roles.some((r) => roles.includes(r)));
}

/** A rating is possible once the agency has answered (answered, published, or archived after an answer). */
export function canRate(state: FeedbackState, answered: boolean, alreadyRated: boolean): boolean {
  return answered && !alreadyRated && ['answered', 'published', 'archived'].includes(state);
}

/**
 * Vietnamese and English labels of the dossier lifecycle (Vietnamese first; see the glossary). Terms follow the
 * 2018 circular's slips.
 */
import type { ActionName, SlipKind } from './actions.ts';
import type { PaymentMethod, ReturnMethod } from './inputs.ts';
import type { TransitionErrorCode } from './machine.ts';
import type { Channel, DossierState, Role } from './states.ts';

export type Lang = 'vi' | 'en';

export interface Label {
  readonly vi: string;
  readonly en: string;
}

export const STATE_LABELS: Readonly<Record<DossierState, Label>> = {
  submitted_online: { vi: 'Mới nộp, chờ tiếp nhận', en: 'Submitted, awaiting intake' },
  intake_incomplete: { vi: 'Yêu cầu bổ sung khi tiếp nhận', en: 'Incomplete at intake' },
  intake_rejected: { vi: 'Từ chối tiếp nhận', en: 'Rejected at intake' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  forwarded: { vi: 'Đã chuyển cơ quan giải quyết', en: 'Forwarded' },
  assigned: { vi: 'Đã phân công xử lý', en: 'Assigned' },
  in_process: { vi: 'Đang xử lý', en: 'In process' },
  inter_agency: { vi: 'Đang xử lý liên thông', en: 'With another agency' },
  supplement_requested: { vi: 'Chờ bổ sung hồ sơ', en: 'Awaiting supplement' },
  awaiting_approval: { vi: 'Chờ phê duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  result_ready: { vi: 'Đã có kết quả, chờ trả', en: 'Result ready' },
  refused: { vi: 'Từ chối giải quyết', en: 'Refused' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  stopped: { vi: 'Dừng xử lý', en: 'Processing stopped' },
};

export const ACTION_LABELS: Readonly<Record<ActionName, Label>> = {
  submit_online: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submit online' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  request_intake_supplement: { vi: 'Hướng dẫn bổ sung, hoàn thiện hồ sơ', en: 'Request completion at intake' },
  resubmit: { vi: 'Nộp lại hồ sơ đã bổ sung', en: 'Resubmit' },
  reject_intake: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Reject at intake' },
  forward: { vi: 'Chuyển hồ sơ đến cơ quan giải quyết', en: 'Forward' },
  assign: { vi: 'Phân công xử lý', en: 'Assign' },
  start_processing: { vi: 'Bắt đầu xử lý', en: 'Start processing' },
  request_supplement: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request supplement' },
  supply: { vi: 'Nhận hồ sơ bổ sung', en: 'Supplement supplied' },
  transfer: { vi: 'Chuyển xử lý liên thông', en: 'Transfer to another agency' },
  return_from_agency: { vi: 'Nhận lại hồ sơ liên thông', en: 'Returned from agency' },
  propose: { vi: 'Trình phê duyệt', en: 'Submit for approval' },
  send_back: { vi: 'Trả lại để xử lý lại', en: 'Send back' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  attach_result: { vi: 'Đính kèm kết quả điện tử', en: 'Attach electronic result' },
  mark_result_ready: { vi: 'Xác nhận đã có kết quả', en: 'Mark result ready' },
  refuse: { vi: 'Từ chối giải quyết', en: 'Refuse' },
  apologize: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apologise and set a new date' },
  return_result: { vi: 'Trả kết quả', en: 'Return result' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  stop: { vi: 'Dừng xử lý hồ sơ', en: 'Stop processing' },
  add_note: { vi: 'Ghi chú', en: 'Add note' },
  record_payment: { vi: 'Ghi nhận thanh toán phí, lệ phí', en: 'Record payment' },
  attach_document: { vi: 'Đính kèm tài liệu', en: 'Attach document' },
  record_field_check: { vi: 'Ghi nhận kiểm tra thực tế', en: 'Record field check' },
};

/**
 * History entries that are not state-machine actions: they record what happened to a dossier after (or beside)
 * its lifecycle — the applicant's rating and the unit's answer to a dissatisfied rating. The state does not change.
 */
export const RECORD_EVENTS = ['rate', 'answer_follow_up'] as const;
export type RecordEvent = (typeof RECORD_EVENTS)[number];
export type HistoryAction = ActionName | RecordEvent;

export const RECORD_EVENT_LABELS: Readonly<Record<RecordEvent, Label>> = {
  rate: { vi: 'Người nộp đánh giá mức độ hài lòng', en: 'Applicant rated the service' },
  answer_follow_up: { vi: 'Trả lời ý kiến không hài lòng của người nộp', en: 'Answered the applicant’s dissatisfied rating' },
};

/** The label of any history entry: a lifecycle action or a record event; the raw name if unknown. */
export function historyActionLabel(a: string, lang: Lang = 'vi'): string {
  return (ACTION_LABELS as Record<string, Label>)[a]?.[lang] ?? (RECORD_EVENT_LABELS as Record<string, Label>)[a]?.[lang] ?? a;
}

export const ROLE_LABELS: Readonly<Record<Role, Label>> = {
  desk_officer: { vi: 'Cán bộ Bộ phận Một cửa', en: 'Desk officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  unit_admin: { vi: 'Quản trị đơn vị', en: 'Unit administrator' },
  province_admin: { vi: 'Quản trị cấp tỉnh', en: 'Province administrator' },
  reform_officer: { vi: 'Cán bộ cải cách hành chính', en: 'Reform officer' },
  inspector: { vi: 'Cán bộ kiểm tra', en: 'Inspector' },
  citizen: { vi: 'Công dân, tổ chức', en: 'Applicant' },
  system: { vi: 'Hệ thống', en: 'System' },
};

export const CHANNEL_LABELS: Readonly<Record<Channel, Label>> = {
  desk: { vi: 'Trực tiếp', en: 'At the desk' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  postal: { vi: 'Qua bưu chính công ích', en: 'By post' },
};

export const RETURN_METHOD_LABELS: Readonly<Record<ReturnMethod, Label>> = {
  desk: { vi: 'Tại Bộ phận Một cửa', en: 'At the desk' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  postal: { vi: 'Qua bưu chính công ích', en: 'By post' },
};

export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, Label>> = {
  desk: { vi: 'Nộp tại Bộ phận Một cửa', en: 'At the desk' },
  bank_transfer: { vi: 'Chuyển khoản', en: 'Bank transfer' },
  postal: { vi: 'Qua bưu chính công ích', en: 'Via the postal operator' },
  online: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
};

export const SLIP_LABELS: Readonly<Record<SlipKind, Label>> = {
  receipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment slip' },
  supplement_request: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement request' },
  refusal: { vi: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ', en: 'Refusal notice' },
  apology: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
  transfer_note: { vi: 'Phiếu chuyển xử lý hồ sơ liên thông', en: 'Inter-agency transfer note' },
  stop_notice: { vi: 'Thông báo dừng xử lý hồ sơ', en: 'Stop-processing notice' },
};

export const ERROR_LABELS: Readonly<Record<TransitionErrorCode, Label>> = {
  UNKNOWN_ACTION: { vi: 'Thao tác không tồn tại', en: 'Unknown action' },
  TERMINAL_STATE: { vi: 'Hồ sơ đã kết thúc, không thể thao tác thêm', en: 'The dossier is closed' },
  ACTION_NOT_ALLOWED_IN_STATE: { vi: 'Không thể thực hiện ở trạng thái hiện tại của hồ sơ', en: 'Not allowed in the current state' },
  CHANNEL_NOT_ALLOWED: { vi: 'Không áp dụng cho hình thức nộp này', en: 'Not allowed for this submission channel' },
  ROLE_NOT_ALLOWED: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'Your role may not do this' },
  INPUT_REQUIRED: { vi: 'Thiếu thông tin bắt buộc', en: 'Required information is missing' },
  INPUT_INVALID: { vi: 'Thông tin không hợp lệ', en: 'Invalid information' },
  SAME_ASSIGNEE: { vi: 'Hồ sơ đã được phân công cho cán bộ này', en: 'Already assigned to this officer' },
  APOLOGY_ALREADY_SENT: { vi: 'Chỉ được xin lỗi và hẹn lại một lần', en: 'An apology may be sent only once' },
  APOLOGY_TOO_LATE: {
    vi: 'Phải gửi phiếu xin lỗi chậm nhất 01 ngày trước ngày hẹn trả',
    en: 'The apology must be sent at least one day before the appointment',
  },
  APOLOGY_DATE_NOT_LATER: { vi: 'Ngày hẹn mới phải sau ngày hẹn cũ', en: 'The new date must be later than the current one' },
  APOLOGY_WITHOUT_APPOINTMENT: { vi: 'Hồ sơ chưa có ngày hẹn để hẹn lại', en: 'The dossier has no appointment to move' },
  RESULT_MISSING: { vi: 'Chưa có kết quả điện tử hoặc kết quả giấy', en: 'No electronic or paper result yet' },
  ELECTRONIC_RESULT_REQUIRED: { vi: 'Trả kết quả trực tuyến cần có kết quả điện tử', en: 'An online return needs an electronic result' },
  TRANSFER_ALREADY_PENDING: { vi: 'Hồ sơ đã được chuyển và đang chờ cơ quan này trả lời', en: 'Already sent to this agency and awaiting its answer' },
  AGENCY_NOT_PENDING: { vi: 'Hồ sơ không chờ ý kiến của cơ quan này', en: 'The dossier is not awaiting this agency' },
};

export function stateLabel(s: DossierState, lang: Lang = 'vi'): string {
  return STATE_LABELS[s][lang];
}

export function actionLabel(a: ActionName, lang: Lang = 'vi'): string {
  return ACTION_LABELS[a][lang];
}

export function roleLabel(r: Role, lang: Lang = 'vi'): string {
  return ROLE_LABELS[r][lang];
}

/** Label of an error code of `transition`; the code itself when unknown. */
export function errorLabel(code: string, lang: Lang = 'vi'): string {
  return (ERROR_LABELS as Readonly<Record<string, Label>>)[code]?.[lang] ?? code;
}

/**
 * Staff-console strings of the dossier actions panel (keys `plan.*`, `waiting.*`): the confirmation asked before an
 * exceptional action (core/dossier/rank.ts `EXCEPTIONAL_ACTIONS`) and what a caller who cannot move the dossier on is
 * told (`WaitingReason`). Part of the one catalogue (ui.ts). Vietnamese first.
 */
export const UI_ACTIONS = {
  'plan.confirm.apologize': {
    vi: 'Xác nhận gửi thư xin lỗi và hẹn lại ngày trả kết quả? Mỗi hồ sơ chỉ được hẹn lại một lần; người nộp sẽ nhận thư xin lỗi với ngày hẹn mới.',
    en: 'Send the apology letter with a new appointment? A dossier may be re-appointed only once; the applicant receives the letter with the new date.',
  },
  'plan.confirm.refuse': {
    vi: 'Xác nhận từ chối giải quyết hồ sơ? Người nộp sẽ nhận thông báo từ chối nêu rõ lý do.',
    en: 'Refuse this dossier? The applicant receives a refusal notice stating the reasons.',
  },
  'plan.confirm.reject_intake': {
    vi: 'Xác nhận từ chối tiếp nhận hồ sơ? Người nộp sẽ nhận thông báo từ chối nêu rõ lý do.',
    en: 'Reject this dossier at intake? The applicant receives a refusal notice stating the reasons.',
  },
  'plan.confirm.withdraw': {
    vi: 'Xác nhận rút hồ sơ theo đề nghị của người nộp? Hồ sơ sẽ kết thúc và không thể tiếp tục giải quyết.',
    en: 'Withdraw this dossier at the applicant’s request? The dossier ends and cannot be processed any further.',
  },
  'plan.confirm.stop': {
    vi: 'Xác nhận dừng xử lý hồ sơ? Hồ sơ sẽ kết thúc và không thể tiếp tục giải quyết; người nộp sẽ nhận thông báo dừng xử lý.',
    en: 'Stop processing this dossier? The dossier ends and cannot be processed any further; the applicant receives a stop notice.',
  },
  'plan.confirmTick': { vi: 'Tôi xác nhận thực hiện thao tác này', en: 'I confirm this action' },
  'plan.exceptional': { vi: 'Trường hợp đặc biệt', en: 'Exceptional cases' },
  'waiting.intake': { vi: 'Hồ sơ đang chờ Bộ phận Một cửa kiểm tra, tiếp nhận.', en: 'The dossier is waiting for the one-stop desk to check and receive it.' },
  'waiting.applicant_completion': {
    vi: 'Hồ sơ đang chờ người nộp bổ sung, hoàn thiện và nộp lại.',
    en: 'The dossier is waiting for the applicant to complete and resubmit it.',
  },
  'waiting.forwarding': {
    vi: 'Hồ sơ đang chờ Bộ phận Một cửa chuyển đến cơ quan giải quyết.',
    en: 'The dossier is waiting for the one-stop desk to forward it to the handling agency.',
  },
  'waiting.assignment': { vi: 'Hồ sơ đang chờ lãnh đạo phân công.', en: 'The dossier is waiting for a leader to assign it.' },
  'waiting.assigned_to_other': {
    vi: 'Hồ sơ đã được phân công cho cán bộ khác xử lý: {assignee}.',
    en: 'The dossier is assigned to another officer: {assignee}.',
  },
  'waiting.processing': {
    vi: 'Hồ sơ đang chờ chuyên viên được phân công xử lý, trình phê duyệt.',
    en: 'The dossier is waiting for the assigned specialist to process it and submit it for approval.',
  },
  'waiting.agency_answer': {
    vi: 'Hồ sơ đang chờ ý kiến của cơ quan phối hợp.',
    en: 'The dossier is waiting for the answer of the agencies consulted.',
  },
  'waiting.applicant_supplement': {
    vi: 'Hồ sơ đang chờ người nộp bổ sung hồ sơ.',
    en: 'The dossier is waiting for the applicant to supply the missing documents.',
  },
  'waiting.approval': { vi: 'Hồ sơ đang chờ lãnh đạo phê duyệt.', en: 'The dossier is waiting for a leader’s approval.' },
  'waiting.result': {
    vi: 'Hồ sơ đã được phê duyệt, đang chờ chuyên viên hoàn thiện kết quả.',
    en: 'The dossier is approved and waiting for the specialist to complete the result.',
  },
  'waiting.return_result': {
    vi: 'Kết quả đang chờ Bộ phận Một cửa trả cho người nộp.',
    en: 'The result is waiting for the one-stop desk to return it to the applicant.',
  },
  'waiting.return_refusal': {
    vi: 'Thông báo từ chối đang chờ Bộ phận Một cửa trả cho người nộp.',
    en: 'The refusal notice is waiting for the one-stop desk to return it to the applicant.',
  },
  'waiting.who': { vi: 'Người thực hiện: {role}', en: 'To be done by: {role}' },
} as const satisfies Record<string, { vi: string; en: string }>;

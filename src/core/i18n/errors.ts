/**
 * The error catalogue: every stable error code with its HTTP status and its message in Vietnamese (first)
 * and English. Shared by the server (responses), the CLI and the web app (rendering). `{name}` placeholders
 * are filled from the error's params.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  TEXT_INVALID_CHARACTER: { status: 400, vi: 'Trường "{field}" chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng). Hãy nhập lại nội dung.', en: 'Field "{field}" contains a character that is not allowed (NUL or a broken Unicode sequence). Please type it again.' },
  MULTIPART_INVALID: { status: 400, vi: 'Tệp tải lên không đầy đủ hoặc sai định dạng gửi (multipart). Hãy chọn lại tệp và gửi lại.', en: 'The upload is incomplete or not a valid multipart request. Choose the file again and resend.' },
  INPUT_REQUIRED: { status: 400, vi: 'Thiếu thông tin bắt buộc: {fields}.', en: 'Required information is missing: {fields}.' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  INVALID_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  SESSION_EXPIRED: { status: 401, vi: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session has expired; please sign in again.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  ROLE_NOT_ALLOWED: { status: 403, vi: 'Vai trò của bạn không được phép thực hiện thao tác "{action}".', en: 'Your role may not perform "{action}".' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy {entity}.', en: '{entity} not found.' },
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  VERSION_CONFLICT: {
    status: 409,
    vi: 'Hồ sơ vừa được người khác cập nhật (phiên bản {current}). Vui lòng tải lại và thử lại.',
    en: 'The dossier was just changed by someone else (version {current}). Reload and try again.',
  },
  ACTION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: 'Không thể thực hiện "{action}" khi hồ sơ đang ở trạng thái "{state}".',
    en: '"{action}" is not allowed while the dossier is "{state}".',
  },
  TERMINAL_STATE: { status: 409, vi: 'Hồ sơ đã kết thúc, không thể thay đổi.', en: 'The dossier is closed and cannot change.' },
  APOLOGY_ALREADY_SENT: { status: 409, vi: 'Hồ sơ đã gửi thư xin lỗi và hẹn lại một lần; không được hẹn lại lần nữa.', en: 'An apology with a new date was already sent; it may be sent only once.' },
  APOLOGY_TOO_LATE: { status: 422, vi: 'Thư xin lỗi phải gửi chậm nhất 01 ngày trước ngày hẹn trả.', en: 'The apology must be sent at least one day before the due date.' },
  APOLOGY_DATE_NOT_LATER: { status: 422, vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.', en: 'The new date must be after the current due date.' },
  APOLOGY_WITHOUT_APPOINTMENT: { status: 409, vi: 'Hồ sơ đang tạm dừng hoặc không có thời hạn giải quyết nên không có ngày hẹn để hẹn lại.', en: 'The dossier is paused or has no time limit: there is no appointment to move.' },
  TRANSFER_ALREADY_PENDING: { status: 409, vi: 'Hồ sơ đã được chuyển liên thông tới {agency} và đang chờ cơ quan này trả lời.', en: 'The dossier was already sent to {agency} and awaits its answer.' },
  AGENCY_NOT_PENDING: { status: 422, vi: 'Hồ sơ không chờ ý kiến của {agency}. Chọn một trong các cơ quan đang chờ.', en: 'The dossier is not awaiting {agency}. Choose one of the agencies awaited.' },
  ELECTRONIC_RESULT_REQUIRED: { status: 409, vi: 'Trả kết quả trực tuyến cần có kết quả điện tử.', en: 'An online return needs an electronic result.' },
  CONFIRMATION_REQUIRED: {
    status: 409,
    vi: 'Cần xác nhận: yêu cầu bổ sung hồ sơ lần thứ hai làm hồ sơ bị tính là trễ hạn trong Bộ chỉ số phục vụ. Xem hệ quả và xác nhận để tiếp tục.',
    en: 'Confirmation required: a second supplement request makes the service index count the dossier late. Review the consequence and confirm to go on.',
  },
  RESULT_MISSING: { status: 409, vi: 'Chưa có kết quả giải quyết (điện tử hoặc bản giấy).', en: 'No result (electronic or paper) has been recorded.' },
  ALREADY_EXISTS: { status: 409, vi: '{entity} đã tồn tại.', en: '{entity} already exists.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, vi: 'Khóa chống gửi trùng đã được dùng cho một yêu cầu khác.', en: 'The idempotency key was already used for a different request.' },
  PROCEDURE_NOT_STRUCTURED: { status: 422, vi: 'Thủ tục chưa có đủ thông tin cấu trúc (cách thức thực hiện, thành phần hồ sơ) để công bố.', en: 'The procedure lacks structured channels and components needed for publication.' },
  PROCEDURE_NOT_REVIEWED: {
    status: 422,
    vi: 'Thủ tục {code} chưa được rà soát nên chưa công bố được: máy đọc chưa chắc chắn các mục {fieldsVi}. Quản trị viên cấp tỉnh cần xác nhận hoặc sửa các mục này (Danh mục thủ tục → Rà soát) trước khi công bố.',
    en: 'Procedure {code} has not been reviewed and cannot be published: the parser is not sure of {fieldsEn}. A province administrator must confirm or correct them (Catalog → Review) first.',
  },
  PROCEDURE_REVIEW_INVALID: { status: 400, vi: 'Nội dung rà soát không hợp lệ: {reason}', en: 'The review is not valid: {reason}' },
  PROCEDURE_VERSION_CONFLICT: {
    status: 409,
    vi: 'Thủ tục vừa được cập nhật (phiên bản {current}). Vui lòng tải lại và rà soát trên phiên bản mới.',
    en: 'The procedure was just updated (version {current}). Reload and review the new version.',
  },
  PROCEDURE_NOT_PUBLISHED: { status: 422, vi: 'Cơ quan chưa công bố tiếp nhận thủ tục này.', en: 'The agency does not publish this procedure.' },
  CHANNEL_NOT_OFFERED: { status: 422, vi: 'Thủ tục không hỗ trợ hình thức nộp "{channel}".', en: 'The procedure is not offered through channel "{channel}".' },
  WORKFLOW_INVALID: { status: 422, vi: 'Quy trình nội bộ không hợp lệ: {reason}', en: 'The internal workflow is invalid: {reason}' },
  FILE_TOO_LARGE: { status: 413, vi: 'Tệp quá lớn (tối đa {maxMb} MB).', en: 'The file is too large (at most {maxMb} MB).' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, vi: 'Loại tệp không được chấp nhận ({mime}). Chấp nhận: PDF, JPEG, PNG, DOCX, XLSX.', en: 'File type not accepted ({mime}). Accepted: PDF, JPEG, PNG, DOCX, XLSX.' },
  APPEND_ONLY: { status: 409, vi: 'Lịch sử xử lý chỉ được ghi thêm, không được sửa hoặc xóa.', en: 'The history is append-only: it cannot be changed or deleted.' },
  CALENDAR_OUT_OF_RANGE: { status: 422, vi: 'Ngày nằm ngoài phạm vi lịch hỗ trợ (1900–2100).', en: 'The date is outside the supported calendar range (1900–2100).' },
  CONTACT_INVALID: { status: 400, vi: 'Vui lòng nhập địa chỉ thư điện tử hoặc số điện thoại di động hợp lệ.', en: 'Enter a valid e-mail address or Vietnamese mobile number.' },
  RATE_LIMITED: { status: 429, vi: 'Bạn đã yêu cầu quá nhiều lần. Vui lòng thử lại sau {retryAfterMinutes} phút.', en: 'Too many requests. Try again in {retryAfterMinutes} minutes.' },
  OTP_INVALID: { status: 401, vi: 'Mã xác thực không đúng.', en: 'The code is not correct.' },
  OTP_EXPIRED: { status: 401, vi: 'Mã xác thực đã hết hạn hoặc đã được dùng. Vui lòng yêu cầu mã mới.', en: 'The code has expired or was already used. Request a new code.' },
  OTP_TOO_MANY_ATTEMPTS: { status: 429, vi: 'Nhập sai mã quá số lần cho phép. Vui lòng yêu cầu mã mới.', en: 'Too many wrong codes. Request a new code.' },
  PROCEDURE_NOT_ONLINE: { status: 422, vi: 'Thủ tục này không được cung cấp trực tuyến tại cơ quan đã chọn.', en: 'This procedure is not offered online by the chosen agency.' },
  RESULT_NOT_AVAILABLE: { status: 409, vi: 'Kết quả chưa sẵn sàng để nhận.', en: 'The result is not available yet.' },
  RATING_NOT_ALLOWED: { status: 422, vi: 'Hồ sơ chưa có kết quả nên chưa thể đánh giá. Ông/Bà vui lòng đánh giá sau khi nhận kết quả.', en: 'The dossier has no result yet, so it cannot be rated. Please rate it once you have received the result.' },
  ALREADY_RATED: { status: 409, vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần; cảm ơn Ông/Bà đã góp ý.', en: 'This dossier has already been rated. Each dossier can be rated once; thank you for your opinion.' },
  RATING_WINDOW_CLOSED: { status: 422, vi: 'Đã hết thời hạn đánh giá hồ sơ này.', en: 'The time for rating this dossier has passed.' },
  KIOSK_NOT_CURRENT: { status: 409, vi: 'Hồ sơ này không còn hiển thị trên máy đánh giá tại quầy.', en: 'This dossier is no longer shown on the desk kiosk.' },
  FOLLOW_UP_CLOSED: { status: 409, vi: 'Ý kiến này đã được xử lý và đóng.', en: 'This follow-up item has already been closed.' },
  FOLLOW_UP_VERSION_CONFLICT: { status: 409, vi: 'Ý kiến vừa được người khác cập nhật (phiên bản {current}). Vui lòng tải lại và thử lại.', en: 'The follow-up item was just changed by someone else (version {current}). Reload and try again.' },
  NOTHING_TO_PAY: { status: 409, vi: 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.', en: 'Nothing is left to pay on this dossier.' },
  PAYMENT_ACCOUNT_MISSING: { status: 422, vi: 'Cơ quan chưa khai báo tài khoản nhận thanh toán.', en: 'The agency has no collection account configured.' },
  PAYMENT_AMOUNT_MISMATCH: { status: 422, vi: 'Số tiền trong thông báo thanh toán ({received} đồng) khác số tiền phải nộp ({expected} đồng). Giao dịch chưa được ghi nhận, cán bộ sẽ kiểm tra.', en: 'The notified amount ({received} VND) differs from the amount due ({expected} VND). The payment was not recorded; staff will check it.' },
  PAYMENT_INTENT_NOT_PENDING: { status: 409, vi: 'Yêu cầu thanh toán này đã được xử lý. Giao dịch mới chưa được ghi nhận, cán bộ sẽ kiểm tra.', en: 'This payment request was already settled. The new transaction was not recorded; staff will check it.' },
  POSTAL_SIGNATURE_INVALID: { status: 401, vi: 'Chữ ký thông báo bưu gửi không hợp lệ.', en: 'The postal notice signature is not valid.' },
  PAYMENT_SIGNATURE_INVALID: { status: 401, vi: 'Chữ ký thông báo thanh toán không hợp lệ.', en: 'The payment notification signature is not valid.' },
  // service index (monitoring)
  PROFILE_EXISTS: { status: 409, vi: 'Đã có bộ tiêu chí chấm điểm mã "{id}". Một thay đổi phải là phiên bản mới với mã mới.', en: 'A scoring profile "{id}" already exists. A change must be a new version with a new id.' },
  INDICATOR_NOT_DOSSIER_BASED: { status: 422, vi: 'Chỉ số "{indicator}" không tính từ hồ sơ nên không có danh sách hồ sơ.', en: 'Indicator "{indicator}" is not computed from dossiers; it has no dossier list.' },
  PORTAL_COUNTS_INVALID: { status: 422, vi: 'Không đọc được số liệu Cổng DVC quốc gia từ tệp: {reasonVi}', en: 'The national portal counts could not be read from the file: {reasonEn}' },
  PERIOD_INVALID: { status: 422, vi: 'Kỳ báo cáo không hợp lệ: {reason}.', en: 'Invalid period: {reason}.' },
  FEEDBACK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phản ánh, kiến nghị.', en: 'Feedback not found.' },
  FEEDBACK_ACTION_NOT_ALLOWED: { status: 409, vi: 'Không thể thực hiện "{action}" khi phản ánh đang ở trạng thái "{state}".', en: '"{action}" is not allowed while the feedback is "{state}".' },
  FEEDBACK_VERSION_CONFLICT: { status: 409, vi: 'Phản ánh vừa được người khác cập nhật (phiên bản {current}). Vui lòng tải lại và thử lại.', en: 'The feedback was just changed by someone else (version {current}). Reload and try again.' },
  FEEDBACK_RATING_NOT_ALLOWED: { status: 409, vi: 'Chỉ đánh giá được sau khi cơ quan đã trả lời, và mỗi phản ánh chỉ đánh giá một lần.', en: 'Feedback can be rated once, after the agency has answered.' },
  // periodic reform reports
  REPORT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy báo cáo.', en: 'Report not found.' },
  REPORT_EXISTS: { status: 409, vi: 'Đơn vị đã có báo cáo {period}.', en: 'The unit already has the {periodEn} report.' },
  REPORT_NOT_DRAFT: { status: 409, vi: 'Báo cáo đã gửi, không thể sửa. Thu hồi báo cáo (trước hạn gửi) để sửa.', en: 'The report has been submitted and cannot be changed. Withdraw it (before the deadline) to edit it.' },
  REPORT_NOT_SUBMITTED: { status: 409, vi: 'Báo cáo chưa được gửi.', en: 'The report has not been submitted.' },
  REPORT_WITHDRAW_CLOSED: { status: 409, vi: 'Đã hết hạn gửi báo cáo (ngày {deadline}); không thể thu hồi báo cáo đã gửi.', en: 'The deadline ({deadline}) has passed; a submitted report can no longer be withdrawn.' },
  REPORT_PERIOD_NOT_STARTED: { status: 422, vi: 'Kỳ báo cáo chưa bắt đầu (số liệu tính từ ngày {from}).', en: 'The reporting period has not started yet (data from {from}).' },
  // digital signatures (platform/signing, modules/signatures)
  PDF_INVALID: { status: 422, vi: 'Tệp không phải là tài liệu PDF đọc được ({reason}).', en: 'The file is not a readable PDF document ({reason}).' },
  PDF_ENCRYPTED: { status: 422, vi: 'Tài liệu PDF được mã hóa bằng mật khẩu; hãy gửi bản không mã hóa.', en: 'The PDF is password-encrypted; send an unencrypted copy.' },
  SIGNER_PASSWORD_WRONG: { status: 422, vi: 'Mật khẩu của tệp khóa ký (PKCS#12) không đúng.', en: 'Wrong password for the signing key file (PKCS#12).' },
  SIGNER_INVALID: { status: 422, vi: 'Không dùng được khóa ký: {reason}.', en: 'The signing key cannot be used: {reason}.' },
  RESULT_SIGNATURE_REQUIRED: { status: 422, vi: 'Kết quả điện tử phải được ký số bằng chữ ký số của cơ quan trước khi trả cho người dân: {reason}.', en: 'An electronic result must carry the agency\'s digital signature before it is returned: {reason}.' },
  SIGNER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy khóa ký "{id}".', en: 'Signing key "{id}" not found.' },
  SIGNING_FAILED: { status: 500, vi: 'Không ký được tài liệu: {reason}.', en: 'The document could not be signed: {reason}.' },
  TIMESTAMP_FAILED: { status: 502, vi: 'Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian: {reason}.', en: 'No timestamp could be obtained from the timestamp authority: {reason}.' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' },
  // PAR index (reform/par)
  PAR_SET_INVALID: { status: 400, vi: 'Bộ tiêu chí không hợp lệ ({count} lỗi). Lỗi đầu tiên: {first}', en: 'The criteria set is not valid ({count} problems). First: {first}' },
  PAR_SET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bộ tiêu chí.', en: 'Criteria set not found.' },
  PAR_SET_EXISTS: { status: 409, vi: 'Đã có bộ tiêu chí mã "{code}" năm {year}.', en: 'A criteria set "{code}" for {year} already exists.' },
  PAR_SET_IN_USE: { status: 409, vi: 'Bộ tiêu chí đã được dùng cho một đợt đánh giá nên không sửa được; hãy sao chép thành bộ mới.', en: 'The criteria set is used by a round and cannot change; copy it to a new set.' },
  PAR_ROUND_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đợt đánh giá Chỉ số CCHC.', en: 'PAR round not found.' },
  PAR_UNIT_NOT_IN_ROUND: { status: 404, vi: 'Đơn vị không thuộc đợt đánh giá này.', en: 'The unit is not part of this round.' },
  PAR_NODE_NOT_FOUND: { status: 404, vi: 'Không có tiêu chí "{node}" trong bộ tiêu chí.', en: 'No criterion "{node}" in the criteria set.' },
  /** `{phaseVi}`, `{lockedVi}`, `{phaseEn}`, `{lockedEn}` come from PAR_LOCK_PHASE_TEXT; `{deadline}` is the deadline in force (dd/mm/yyyy). */
  ROUND_LOCKED: {
    status: 423,
    vi: 'Đã hết hạn {phaseVi} (ngày {deadline}); {lockedVi} đã khóa. Đề nghị quản trị viên cấp tỉnh mở khóa có thời hạn nếu cần bổ sung.',
    en: 'The {phaseEn} deadline ({deadline}) has passed and {lockedEn}. Ask a province administrator for a time-limited unlock.',
  },
  PAR_ROUND_STATE: { status: 409, vi: 'Không thể "{action}" khi đợt đánh giá đang ở trạng thái "{state}".', en: '"{action}" is not allowed while the round is "{state}".' },
  PAR_NOT_DRAFT: { status: 409, vi: 'Bản tự đánh giá đã gửi; thu hồi (trước hạn) để sửa.', en: 'The self-assessment has been submitted; withdraw it (before the deadline) to edit.' },
  PAR_NOT_SUBMITTED: { status: 409, vi: 'Đơn vị chưa gửi bản tự đánh giá.', en: 'The unit has not submitted its self-assessment.' },
  PAR_NODE_AUTO: { status: 409, vi: 'Tiêu chí "{node}" lấy số liệu tự động từ hệ thống; không nhập đè được, chỉ được ghi chú.', en: 'Criterion "{node}" is filled from motcua\'s own data; it cannot be typed over, only commented on.' },
  PAR_NODE_SURVEY: { status: 409, vi: 'Tiêu chí "{node}" chấm theo kết quả điều tra xã hội học.', en: 'Criterion "{node}" is scored from the survey.' },
  PAR_NODE_NOT_LEAF: { status: 409, vi: 'Tiêu chí "{node}" có tiêu chí con; điểm chỉ chấm ở tiêu chí thành phần.', en: 'Criterion "{node}" has sub-criteria; points are given on leaves only.' },
  PAR_POINTS_INVALID: { status: 400, vi: 'Điểm không hợp lệ: {reason}.', en: 'Invalid points: {reason}.' },
  PAR_INCOMPLETE: { status: 422, vi: 'Chưa gửi được: {count} tiêu chí còn thiếu điểm hoặc thiếu tài liệu kiểm chứng mà không giải trình ({nodes}).', en: 'Cannot submit: {count} criteria lack points, or evidence without an explanation ({nodes}).' },
  PAR_COMMENT_REQUIRED: { status: 400, vi: 'Điều chỉnh điểm phải kèm nhận xét của người thẩm định.', en: 'Adjusting a score requires the appraiser\'s comment.' },
  PAR_APPRAISER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phân công thẩm định này trong đợt đánh giá (có thể đã được gỡ).', en: 'No such appraiser assignment in this round (it may have been removed).' },
  PAR_NOT_ASSIGNED: { status: 403, vi: 'Bạn không được phân công thẩm định tiêu chí "{node}" của đơn vị này.', en: 'You are not assigned to appraise criterion "{node}" of this unit.' },
  PAR_ALREADY_ANSWERED: { status: 409, vi: 'Đơn vị đã trả lời nhận xét của tiêu chí "{node}" trong lượt thẩm định này.', en: 'The unit has already answered the comment on "{node}" in this appraisal cycle.' },
  PAR_NOTHING_TO_ANSWER: { status: 409, vi: 'Tiêu chí "{node}" chưa có nhận xét thẩm định để trả lời.', en: 'Criterion "{node}" has no appraisal comment to answer.' },
  PAR_VERSION_CONFLICT: { status: 409, vi: 'Dữ liệu vừa được người khác cập nhật (phiên bản {current}). Vui lòng tải lại và thử lại.', en: 'Someone else just changed this (version {current}). Reload and try again.' },
  PAR_SURVEY_LINK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiếu khảo sát. Vui lòng kiểm tra lại đường dẫn hoặc mã QR.', en: 'No questionnaire at this link. Check the link or the QR code.' },
  PAR_SURVEY_ANSWERED: { status: 409, vi: 'Phiếu khảo sát này đã được trả lời. Mỗi phiếu chỉ trả lời một lần.', en: 'This questionnaire has already been answered. Each one is answered once.' },
  PAR_SURVEY_CLOSED: { status: 423, vi: 'Đợt khảo sát đã kết thúc.', en: 'The survey is closed.' },
  PAR_SURVEY_ANSWERS_INVALID: { status: 400, vi: 'Vui lòng trả lời đầy đủ, mỗi câu một phương án (câu {nodes}).', en: 'Answer every question with one option (questions {nodes}).' },
  PAR_SURVEY_INVALID: { status: 400, vi: 'Kết quả điều tra không hợp lệ: {reason}.', en: 'Invalid survey result: {reason}.' },
  PAR_REASON_REQUIRED: { status: 400, vi: 'Vui lòng nêu lý do.', en: 'A reason is required.' },
  REMEDIATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhiệm vụ khắc phục.', en: 'Remediation task not found.' },
  REMEDIATION_VERSION_CONFLICT: { status: 409, vi: 'Nhiệm vụ khắc phục vừa được người khác cập nhật (phiên bản {current}). Vui lòng tải lại và thử lại.', en: 'The remediation task was just changed by someone else (version {current}). Reload and try again.' },
  REMEDIATION_STATE: { status: 409, vi: 'Không thể "{action}" khi nhiệm vụ đang ở trạng thái "{state}".', en: '"{action}" is not allowed while the task is "{state}".' },
  REMEDIATION_EVIDENCE_REQUIRED: { status: 400, vi: 'Báo cáo khắc phục phải kèm ít nhất một tài liệu kiểm chứng.', en: 'A remediation report needs at least one evidence file.' },
  REMEDIATION_COMMENT_REQUIRED: { status: 400, vi: 'Trả lại báo cáo khắc phục phải kèm ý kiến nêu rõ lý do.', en: 'Returning a remediation report requires a comment.' },
  REMEDIATION_NO_LOST_POINT: { status: 422, vi: 'Tiêu chí "{node}" của đơn vị không bị mất điểm trong đợt đánh giá này.', en: 'The unit lost no points on criterion "{node}" in this round.' },
  INSPECTION_TEMPLATE_NOT_FOUND: { status: 400, vi: 'Không có mẫu nội dung kiểm tra "{id}".', en: 'No inspection checklist template "{id}".' },
  INSPECTION_PLAN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kế hoạch kiểm tra.', en: 'Inspection plan not found.' },
  INSPECTION_VISIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cuộc kiểm tra.', en: 'Inspection visit not found.' },
  PLAN_INVALID: { status: 422, vi: 'Kế hoạch kiểm tra chưa hợp lệ ({count} lỗi). Lỗi đầu tiên: {first}', en: 'The inspection plan is not valid ({count} problems). First: {first}' },
  INSPECTION_PLAN_STATE: { status: 409, vi: 'Không thể "{action}" khi kế hoạch kiểm tra đang ở trạng thái "{state}".', en: '"{action}" is not allowed while the inspection plan is "{state}".' },
  INSPECTION_VISIT_STATE: { status: 409, vi: 'Không thể "{action}" khi cuộc kiểm tra đang ở trạng thái "{state}".', en: '"{action}" is not allowed while the visit is "{state}".' },
  INSPECTION_ITEM_NOT_FOUND: { status: 400, vi: 'Không có nội dung kiểm tra mã "{code}" trong cuộc kiểm tra này.', en: 'No checklist item "{code}" in this visit.' },
  CHECKLIST_INCOMPLETE: { status: 422, vi: 'Chưa kết thúc được cuộc kiểm tra: {count} nội dung chưa có kết quả ({codes}).', en: 'The visit cannot be finished: {count} checklist items have no result ({codes}).' },
  INSPECTION_PHOTO_TYPE: { status: 415, vi: 'Ảnh phải là tệp JPEG, PNG hoặc WebP (tệp gửi lên: {mime}).', en: 'A photo must be a JPEG, PNG or WebP file (received: {mime}).' },
  INSPECTION_DOCUMENT_STATE: { status: 409, vi: '{document} đã ban hành, không sửa được.', en: 'The {documentEn} has been issued and cannot change.' },
  INSPECTION_MINUTES_FIRST: { status: 422, vi: 'Phải ban hành biên bản kiểm tra trước thông báo kết luận.', en: 'The minutes must be issued before the conclusion notice.' },
  // The document office (modules/documents, core/documents).
  DOCUMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy văn bản.', en: 'Document not found.' },
  DOCUMENT_VERSION_CONFLICT: { status: 409, vi: 'Văn bản vừa được người khác cập nhật (phiên bản {current}). Vui lòng tải lại và thử lại.', en: 'The document was just changed by someone else (version {current}). Reload and try again.' },
  DOCUMENT_ACTION_NOT_ALLOWED: { status: 409, vi: 'Không thể thực hiện "{action}" khi văn bản đang ở trạng thái "{state}".', en: '"{action}" is not allowed while the document is "{state}".' },
  DOCUMENT_ROLE_NOT_ALLOWED: { status: 403, vi: 'Vai trò của bạn không được thực hiện "{action}" với văn bản này (lãnh đạo bút phê và ký; văn thư vào sổ, cấp số, đóng dấu, phát hành).', en: 'Your role may not "{action}" this document (leaders direct and sign; clerks register, number, seal and send).' },
  DOCUMENT_NOT_HANDLER: { status: 403, vi: 'Chỉ người được giao xử lý (hoặc người soạn thảo) mới được thực hiện "{action}".', en: 'Only the person assigned (or the drafter) may "{action}".' },
  DOCUMENT_FILE_NOT_PDF: { status: 422, vi: 'Chỉ ký số được tệp PDF. Hãy tải lên bản PDF của dự thảo trước khi trình ký.', en: 'Only a PDF can be signed. Upload the draft as PDF before signing.' },
  DOCUMENT_EVENT_INVALID: { status: 400, vi: 'Thông tin văn bản không hợp lệ: {issues}.', en: 'The document data is not valid: {issues}.' },
  DOCUMENT_FILE_UNKNOWN: { status: 422, vi: 'Chưa có tệp này trên hệ thống. Hãy tải tệp lên (POST /api/files) rồi gửi lại.', en: 'This file was never uploaded. Upload it (POST /api/files) and resend.' },
  DOCUMENT_FILE_TYPE: { status: 422, vi: 'Văn bản phải là tệp PDF hoặc DOCX (tệp gửi lên là {mime}).', en: 'A document must be a PDF or DOCX file (got {mime}).' },
  DOCUMENT_HANDLER_NOT_STAFF: { status: 422, vi: 'Người được giao không phải cán bộ của cơ quan giữ văn bản.', en: 'The person assigned is not on the staff of the agency holding the document.' },
  DOCUMENT_NO_SIGNER: { status: 409, vi: 'Cơ quan chưa có khóa ký số {kind}. Liên hệ quản trị để đăng ký chứng thư số.', en: 'The agency has no {kind} signing key. Ask the administrator to register a certificate.' },
  DOCUMENT_RECIPIENT_INVALID: { status: 422, vi: 'Nơi nhận không hợp lệ: {reason}.', en: 'Invalid recipient: {reason}.' },
  DOCUMENT_AGENCY_REQUIRED: { status: 400, vi: 'Bạn làm việc ở nhiều cơ quan: hãy chọn cơ quan (agencyId).', en: 'You work for several agencies: choose one (agencyId).' },
  DOCUMENT_PACKAGE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy gói văn bản (mã tải không đúng).', en: 'Package not found (wrong download code).' },
  WORK_FILE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ công việc.', en: 'Work file not found.' },
  WORK_FILE_ACTION_NOT_ALLOWED: { status: 409, vi: 'Không thể "{action}" hồ sơ công việc đang ở trạng thái "{state}".', en: 'Cannot "{action}" a work file that is "{state}".' },
  WORK_FILE_VERSION_CONFLICT: { status: 409, vi: 'Hồ sơ công việc vừa được người khác cập nhật (phiên bản {current}). Vui lòng tải lại và thử lại.', en: 'The work file was just changed by someone else (version {current}). Reload and try again.' },
  WORK_FILE_CODE_TAKEN: { status: 409, vi: 'Mã hồ sơ "{code}" đã được dùng trong cơ quan.', en: 'File code "{code}" is already used in the agency.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type Lang = 'vi' | 'en';

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

export function errorMessage(code: ErrorCode, lang: Lang, params?: Record<string, unknown>): string {
  return formatMessage(ERROR_CATALOGUE[code][lang], params);
}

/** The phases of a PAR round's deadline lock (core/reform/par deadlineLock), as the ROUND_LOCKED message names them. */
export const PAR_LOCK_PHASE_TEXT = {
  self: { phaseVi: 'tự đánh giá', lockedVi: 'bản tự đánh giá', phaseEn: 'self-assessment', lockedEn: 'the self-assessment is locked' },
  appraisal: { phaseVi: 'thẩm định', lockedVi: 'việc thẩm định và trả lời nhận xét thẩm định', phaseEn: 'appraisal', lockedEn: 'appraisal and answers to its comments are locked' },
} as const satisfies Record<'self' | 'appraisal', { phaseVi: string; lockedVi: string; phaseEn: string; lockedEn: string }>;

/**
 * Messages of the problems of an inspection plan (core/reform/inspections validatePlan), one per PlanProblem code.
 * `{n}` is the 1-based line of the visit or team member, `{unit}` the unit's name when known.
 */
export const PLAN_PROBLEM_MESSAGES = {
  year: { vi: 'Năm kế hoạch không hợp lệ (phải từ 2000 đến 2100).', en: 'The plan year is not valid (2000 to 2100).' },
  no_visits: { vi: 'Kế hoạch phải có ít nhất một đơn vị được kiểm tra.', en: 'The plan needs at least one unit to inspect.' },
  duplicate_unit: { vi: 'Đơn vị "{unit}" (dòng {n}) đã có trong kế hoạch; mỗi đơn vị chỉ kiểm tra một lần.', en: 'Unit "{unit}" (line {n}) is already in the plan; each unit is inspected once.' },
  date_required: { vi: 'Dòng {n} ({unit}): phải có ngày kiểm tra dự kiến (định dạng YYYY-MM-DD), hoặc đánh dấu kiểm tra đột xuất.', en: 'Line {n} ({unit}): a scheduled date (YYYY-MM-DD) is required, or mark it a surprise visit.' },
  date_outside_year: { vi: 'Dòng {n} ({unit}): ngày kiểm tra dự kiến không thuộc năm của kế hoạch.', en: 'Line {n} ({unit}): the scheduled date is outside the plan year.' },
  surprise_with_date: { vi: 'Dòng {n} ({unit}): kiểm tra đột xuất không công bố ngày trước; bỏ ngày dự kiến.', en: 'Line {n} ({unit}): a surprise visit has no announced date; remove the scheduled date.' },
  leader_count: { vi: 'Đoàn kiểm tra phải có đúng một trưởng đoàn.', en: 'The team needs exactly one leader.' },
  duplicate_member: { vi: 'Thành viên dòng {n} đã có trong đoàn kiểm tra.', en: 'The member on line {n} is already in the team.' },
  not_sub_unit: { vi: 'Dòng {n} ({unit}): tự kiểm tra chỉ áp dụng với đơn vị trực thuộc của đơn vị lập kế hoạch.', en: 'Line {n} ({unit}): a self-inspection covers only the owner unit\'s own sub-units.' },
} as const satisfies Record<string, { vi: string; en: string }>;

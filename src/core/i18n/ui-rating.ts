/** Portal and console strings of the dossier rating (keys `rate.*`, `kiosk.*`, `fu.*`). Vietnamese first, English second. */
export const PORTAL_RATING = {
  'rate.title': { vi: 'Đánh giá mức độ hài lòng', en: 'Rate your satisfaction' },
  'rate.intro': {
    vi: 'Nhập mã tra cứu in trên giấy tiếp nhận hoặc số điện thoại đã khai khi nộp hồ sơ để đánh giá.',
    en: 'Enter the tracking secret printed on your receipt, or the phone number you gave, to rate.',
  },
  'rate.code': { vi: 'Mã hồ sơ', en: 'Dossier code' },
  'rate.factor': { vi: 'Mã tra cứu hoặc số điện thoại', en: 'Tracking secret or phone number' },
  'rate.open': { vi: 'Tiếp tục', en: 'Continue' },
  'rate.wrongFactor': {
    vi: 'Mã tra cứu hoặc số điện thoại không đúng với hồ sơ này. Vui lòng kiểm tra giấy tiếp nhận và nhập lại.',
    en: 'The tracking secret or phone number does not match this dossier. Check your receipt and try again.',
  },
  'rate.tooMany': {
    vi: 'Ông/Bà đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
    en: 'Too many wrong attempts. Please try again in 15 minutes.',
  },
  'rate.notYet': {
    vi: 'Hồ sơ chưa có kết quả nên chưa thể đánh giá. Ông/Bà vui lòng đánh giá sau khi nhận kết quả.',
    en: 'The dossier has no result yet. Please rate it once you have received the result.',
  },
  'rate.already': { vi: 'Hồ sơ này đã được đánh giá. Cảm ơn Ông/Bà đã góp ý.', en: 'This dossier has already been rated. Thank you.' },
  'rate.closed': { vi: 'Đã hết thời hạn đánh giá hồ sơ này.', en: 'The time for rating this dossier has passed.' },
  'rate.question': { vi: 'Ông/Bà có hài lòng với việc giải quyết hồ sơ không?', en: 'Were you satisfied with how your dossier was handled?' },
  'rate.reasons': { vi: 'Điều gì chưa tốt? (có thể chọn nhiều)', en: 'What went wrong? (choose any)' },
  'rate.comment': { vi: 'Góp ý thêm (không bắt buộc)', en: 'Comment (optional)' },
  'rate.submit': { vi: 'Gửi đánh giá', en: 'Send the rating' },
  'rate.pickFace': { vi: 'Vui lòng chọn một mức đánh giá.', en: 'Please choose one of the faces.' },
  'rate.thanks': { vi: 'Cảm ơn Ông/Bà đã đánh giá!', en: 'Thank you for your rating!' },
  'rate.thanksFollowUp': {
    vi: 'Cơ quan sẽ xem xét ý kiến và trả lời Ông/Bà. Câu trả lời hiển thị tại trang tra cứu hồ sơ.',
    en: 'The office will look into it and answer you. The answer appears on the tracking page.',
  },
  'rate.yourRating': { vi: 'Đánh giá của Ông/Bà', en: 'Your rating' },
  'rate.answer': { vi: 'Trả lời của cơ quan', en: 'Answer from the office' },
  'rate.answerPending': { vi: 'Cơ quan đang xem xét ý kiến của Ông/Bà.', en: 'The office is looking into your comment.' },
  'rate.track': { vi: 'Xem tiến độ hồ sơ', en: 'Track the dossier' },
} as const;

/**
 * A realistic demo criteria set for communes/wards (constructed for the demo, modelled on the provincial sets
 * described in /work/shared/domain/reform-index-and-inspections.md: the 8 areas of the provincial index, maxima
 * adding up to 100, 22 points from the sociological survey). Every maximum is data; a province replaces this set by
 * importing its own (docs/par-criteria-format.md).
 */
type Json = Record<string, unknown>;
const yn = { kind: 'yesno' };
const opts = (...o: [string, string, number][]) => ({ kind: 'options', options: o.map(([key, vi, points]) => ({ key, label: { vi }, points })) });
const thresholds = (...t: [number, number][]) => ({ kind: 'thresholds', thresholds: t.map(([min, points]) => ({ min, points })) });
const linear = (zeroAt: number, fullAt: number) => ({ kind: 'linear', zeroAt, fullAt });
const auto = (metric: string, mapping: Json) => ({ kind: 'auto', metric, mapping });
const survey = (group: string) => ({ kind: 'survey', group });

const N = (code: string, vi: string, max: number, method?: Json, extra: Json = {}) => {
  const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : undefined;
  return { code, ...(parent ? { parent } : {}), title: { vi }, max, ...(method ? { method } : {}), ...extra };
};
const ev = (evidence: string) => ({ evidence });

export function communeCriteriaSet(year: number): Json {
  return {
    format: 'motcua.par.criteria-set',
    version: 1,
    code: `CCHC-XA-${year}`,
    year,
    unitType: 'commune',
    title: { vi: `Bộ tiêu chí xác định Chỉ số cải cách hành chính cấp xã năm ${year}`, en: `Commune PAR index criteria ${year}` },
    bands: [
      { code: 'A', label: { vi: 'Nhóm A (Tốt)', en: 'Group A' }, min: 90 },
      { code: 'B', label: { vi: 'Nhóm B (Khá)', en: 'Group B' }, min: 80 },
    ],
    answerWeights: { A: 100, B: 60, C: 20, D: 0 },
    nodes: [
      N('1', 'Công tác chỉ đạo, điều hành cải cách hành chính', 9),
      N('1.1', 'Kế hoạch cải cách hành chính năm', 3),
      N('1.1.1', 'Ban hành kế hoạch CCHC năm kịp thời (trước 31/12 năm trước hoặc trong 15 ngày kể từ kế hoạch của tỉnh)', 1, yn, ev('Kế hoạch CCHC năm của UBND xã')),
      N('1.1.2', 'Mức độ hoàn thành kế hoạch CCHC năm', 2, opts(['full', 'Hoàn thành 100% nhiệm vụ', 2], ['most', 'Từ 80% đến dưới 100%', 1], ['less', 'Dưới 80%', 0]), ev('Báo cáo CCHC năm, bảng theo dõi tiến độ')),
      N('1.2', 'Báo cáo CCHC định kỳ gửi đúng hạn (quý I, 6 tháng, 9 tháng, năm)', 2, auto('REPORTS_ON_TIME', thresholds([75, 1], [100, 2])), { guidance: 'motcua tính từ các báo cáo CCHC định kỳ đã gửi trên hệ thống.' }),
      N('1.3', 'Kiểm tra công tác CCHC', 2),
      N('1.3.1', 'Tỷ lệ bộ phận, công chức được tự kiểm tra trong năm (%)', 1, { kind: 'rate', mapping: thresholds([50, 1]) }, ev('Kế hoạch và báo cáo tự kiểm tra')),
      N('1.3.2', 'Xử lý các vấn đề phát hiện qua kiểm tra', 1, opts(['all', 'Đã xử lý hoặc kiến nghị xử lý 100%', 1], ['part', 'Xử lý một phần', 0.5], ['none', 'Chưa xử lý', 0]), ev('Văn bản chỉ đạo khắc phục, báo cáo kết quả khắc phục')),
      N('1.4', 'Tuyên truyền cải cách hành chính', 2, opts(['plan_done', 'Có kế hoạch và hoàn thành', 2], ['plan_part', 'Có kế hoạch, chưa hoàn thành', 1], ['none', 'Không có kế hoạch', 0]), ev('Kế hoạch tuyên truyền, tin bài, hình ảnh')),

      N('2', 'Cải cách thể chế', 6),
      N('2.1', 'Ban hành văn bản quy phạm pháp luật đúng thẩm quyền, trình tự, thủ tục', 2, yn, ev('Danh mục văn bản ban hành trong năm')),
      N('2.2', 'Rà soát, hệ thống hóa văn bản QPPL', 2, opts(['done', 'Thực hiện đầy đủ, đúng hạn', 2], ['late', 'Thực hiện nhưng chậm', 1], ['none', 'Không thực hiện', 0]), ev('Báo cáo kết quả rà soát')),
      N('2.3', 'Tỷ lệ văn bản QPPL được kiểm tra, xử lý sau ban hành (%)', 2, { kind: 'rate', mapping: linear(0, 100) }, ev('Báo cáo kiểm tra văn bản')),

      N('3', 'Cải cách thủ tục hành chính', 13),
      N('3.1', 'Công khai TTHC đầy đủ, đúng quy định tại Bộ phận Một cửa và trên Cổng dịch vụ công', 2, yn, ev('Ảnh chụp nơi niêm yết, đường dẫn trang công khai')),
      N('3.2', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 3, auto('ON_TIME', thresholds([95, 1], [98, 2], [100, 3])), { guidance: 'Từ dữ liệu hồ sơ của motcua trong kỳ đánh giá.' }),
      N('3.3', 'Thực hiện xin lỗi người dân khi giải quyết hồ sơ trễ hạn', 1, opts(['all', 'Xin lỗi 100% hồ sơ trễ hạn (hoặc không có hồ sơ trễ)', 1], ['part', 'Xin lỗi một phần', 0.5], ['none', 'Không thực hiện', 0]), ev('Thư xin lỗi, sổ theo dõi')),
      N('3.4', 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn', 2, auto('FEEDBACK_ON_TIME', linear(0, 100))),
      N('3.5', 'Tổ chức Bộ phận Một cửa theo quy định', 3),
      N('3.5.1', 'Bố trí trụ sở, trang thiết bị, công chức làm việc đủ giờ', 1.5, yn, ev('Quyết định thành lập, quy chế hoạt động, ảnh trụ sở')),
      N('3.5.2', 'Sổ theo dõi hồ sơ, phiếu tiếp nhận và hẹn trả kết quả đúng mẫu', 1.5, yn, ev('Sổ theo dõi, phiếu hẹn mẫu')),
      N('3.6', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC', 2, auto('DIGITISATION', linear(0, 100))),

      N('4', 'Cải cách tổ chức bộ máy hành chính nhà nước', 7),
      N('4.1', 'Sắp xếp, kiện toàn tổ chức theo quy định', 3, yn, ev('Quyết định kiện toàn')),
      N('4.2', 'Thực hiện quy định về số lượng cán bộ, công chức', 2, yn, ev('Báo cáo biên chế')),
      N('4.3', 'Thực hiện phân cấp, ủy quyền của cấp trên', 2, opts(['full', 'Thực hiện đầy đủ', 2], ['part', 'Thực hiện chưa đầy đủ', 1], ['none', 'Không thực hiện', 0])),

      N('5', 'Cải cách chế độ công vụ', 10),
      N('5.1', 'Bố trí công chức theo vị trí việc làm', 3, opts(['full', 'Đúng 100% vị trí', 3], ['most', 'Từ 80% vị trí', 2], ['less', 'Dưới 80%', 0]), ev('Đề án vị trí việc làm')),
      N('5.2', 'Tuyển dụng, sử dụng, quản lý công chức đúng quy định', 2, yn),
      N('5.3', 'Đánh giá, xếp loại chất lượng cán bộ, công chức hằng năm', 2, yn, ev('Quyết định xếp loại')),
      N('5.4', 'Chấp hành kỷ luật, kỷ cương hành chính', 3, opts(['none', 'Không có cán bộ, công chức vi phạm', 3], ['handled', 'Có vi phạm, đã xử lý', 1.5], ['open', 'Có vi phạm, chưa xử lý', 0])),

      N('6', 'Cải cách tài chính công', 6),
      N('6.1', 'Lập, giao, quyết toán dự toán ngân sách đúng quy định', 2, yn, ev('Quyết định giao dự toán, báo cáo quyết toán')),
      N('6.2', 'Công khai ngân sách và thực hiện quy chế chi tiêu nội bộ', 2, yn),
      N('6.3', 'Tỷ lệ hoàn thành dự toán thu ngân sách được giao (%)', 2, { kind: 'rate', mapping: thresholds([90, 1], [100, 2]) }, ev('Báo cáo thu ngân sách')),

      N('7', 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', 16),
      N('7.1', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', 4, auto('ONLINE_DOSSIERS', linear(0, 80))),
      N('7.2', 'Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến', 3, auto('ONLINE_PAYMENT', linear(0, 50))),
      N('7.3', 'Tỷ lệ kết quả giải quyết TTHC được cấp bản điện tử', 2, auto('ELECTRONIC_RESULTS', linear(0, 100))),
      N('7.4', 'Tỷ lệ văn bản đến, đi được xử lý và ký số trên môi trường mạng (%)', 3, { kind: 'rate', mapping: linear(0, 90) }, { ...ev('Trích xuất thống kê từ phần mềm quản lý văn bản'), guidance: 'Tự động lấy từ motcua khi có phân hệ quản lý văn bản; đến lúc đó đơn vị nhập và đính kèm thống kê.' }),
      N('7.5', 'Sử dụng hệ thống thông tin giải quyết TTHC của tỉnh', 2, yn),
      N('7.6', 'Bảo đảm an toàn thông tin mạng', 2, yn, ev('Quy chế, báo cáo an toàn thông tin')),

      N('8', 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội', 33),
      N('8.1', 'Đánh giá của đại biểu HĐND, lãnh đạo và công chức (điều tra xã hội học)', 10),
      N('8.1.1', 'Đánh giá của đại biểu HĐND và lãnh đạo', 5, survey('leaders')),
      N('8.1.2', 'Đánh giá của cán bộ, công chức', 5, survey('officials')),
      N('8.2', 'Sự hài lòng của người dân, tổ chức (điều tra xã hội học)', 12),
      N('8.2.1', 'Tiếp cận dịch vụ', 4, survey('citizens')),
      N('8.2.2', 'Thủ tục hành chính', 4, survey('citizens')),
      N('8.2.3', 'Công chức giải quyết TTHC', 4, survey('citizens')),
      N('8.3', 'Tác động đến phát triển kinh tế - xã hội', 11),
      N('8.3.1', 'Mức độ hài lòng đo trên hệ thống (đánh giá sau giải quyết hồ sơ)', 3, auto('SATISFACTION', linear(50, 100))),
      N('8.3.2', 'Thu nhập bình quân đầu người so với năm trước', 4, opts(['up', 'Tăng', 4], ['same', 'Không đổi', 2], ['down', 'Giảm', 0]), ev('Báo cáo kinh tế - xã hội')),
      N('8.3.3', 'Tỷ lệ hộ nghèo giảm so với năm trước', 4, opts(['met', 'Đạt chỉ tiêu giao', 4], ['part', 'Đạt từ 80% chỉ tiêu', 2], ['no', 'Dưới 80%', 0]), ev('Báo cáo giảm nghèo')),
    ],
  };
}

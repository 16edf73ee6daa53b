/**
 * Search vocabulary as data: everyday phrases citizens type → the catalog's wording, abbreviations, the
 * markers of special-case procedures, and filler words. Phrases are written in ordinary Vietnamese (with
 * diacritics, for review); the engine folds them with `tokenize`, so 'giấy khai sinh' also matches
 * 'giay khai sinh', 'GIẤY KHAI SINH' and decomposed input.
 *
 * Rules (`PHRASE_GROUPS`): when the query contains one of `from` as a run of words, `to` is put in its place
 * (the longest match wins; matches do not overlap). With mode 'replace' (default) the typed words are kept as
 * weak evidence only, so 'nhập hộ khẩu' does not drift to customs' 'nhập khẩu'; with 'add' they keep their
 * full weight and `to` is added (abbreviations, both spellings are real).
 */

export interface PhraseGroup {
  /** What the group is for (one line, for reviewers). */
  note: string;
  from: readonly string[];
  to: string;
  /** Phrases that apply only when they are the whole query (fillers aside): too ambiguous inside a longer one. */
  whole?: readonly string[];
  mode?: 'replace' | 'add';
}

export const PHRASE_GROUPS: readonly PhraseGroup[] = [
  // ── Hộ tịch (civil status) ──────────────────────────────────────────────────────────────────────────────
  {
    note: 'Birth registration: people ask for the paper (giấy khai sinh), not the procedure',
    from: ['giấy khai sinh', 'làm khai sinh', 'khai sinh cho con', 'khai sinh cho bé', 'khai sinh cho cháu', 'khai sinh con', 'khai sinh cho trẻ', 'báo sinh', 'làm giấy sinh', 'đăng kí giấy khai sinh', 'khai sinh mới sinh'],
    to: 'đăng ký khai sinh',
  },
  {
    note: 'Re-registration of a birth (lost or never-kept register): the everyday "lost / redo the birth paper"',
    from: ['làm lại giấy khai sinh', 'làm lại khai sinh', 'mất giấy khai sinh', 'khai sinh lại', 'đăng ký lại giấy khai sinh', 'cấp lại giấy khai sinh'],
    to: 'đăng ký lại khai sinh',
  },
  {
    note: 'Copy / extract of civil-status records (bản sao giấy khai sinh, trích lục kết hôn…)',
    from: ['bản sao giấy khai sinh', 'bản sao khai sinh', 'trích lục khai sinh', 'trích lục kết hôn', 'trích lục khai tử', 'bản sao giấy kết hôn', 'bản sao trích lục', 'xin bản sao hộ tịch', 'trích lục hộ tịch', 'sao lục khai sinh'],
    to: 'cấp bản sao trích lục hộ tịch',
  },
  {
    note: 'Death registration: giấy chứng tử, báo tử, khai tử for a relative',
    from: ['giấy chứng tử', 'báo tử', 'khai tử', 'làm giấy chứng tử', 'khai tử cho', 'người thân mất', 'bố mất', 'mẹ mất', 'người chết', 'giấy báo tử'],
    to: 'đăng ký khai tử',
  },
  {
    note: 'Marriage registration: giấy đăng ký kết hôn, đăng ký cưới, lấy vợ / lấy chồng',
    from: ['giấy kết hôn', 'giấy đăng ký kết hôn', 'đăng ký cưới', 'làm giấy kết hôn', 'làm đăng ký kết hôn', 'lấy vợ', 'lấy chồng', 'cưới vợ', 'cưới chồng', 'đám cưới', 'giấy hôn thú', 'hôn thú', 'làm hôn thú'],
    to: 'đăng ký kết hôn',
  },
  {
    note: 'Marriage re-registration',
    from: ['kết hôn lại', 'làm lại giấy kết hôn', 'mất giấy kết hôn', 'cấp lại giấy kết hôn'],
    to: 'đăng ký lại kết hôn',
  },
  {
    note: 'Certificate of marital status: "giấy xác nhận độc thân" is what everyone calls it',
    from: ['xác nhận độc thân', 'giấy độc thân', 'chứng nhận độc thân', 'độc thân', 'xác nhận chưa kết hôn', 'xác nhận chưa vợ', 'xác nhận chưa chồng', 'giấy xác nhận hôn nhân', 'xác nhận hôn nhân', 'tình trạng hôn nhân', 'giấy tình trạng hôn nhân'],
    to: 'xác nhận tình trạng hôn nhân',
  },
  {
    note: 'Recognition of parentage',
    from: ['nhận con', 'nhận cha', 'nhận bố', 'nhận mẹ', 'nhận cha cho con', 'nhận con ngoài giá thú', 'xác nhận cha con', 'xác nhận mẹ con', 'công nhận cha con', 'nhận cha mẹ con', 'nhận con riêng'],
    to: 'đăng ký nhận cha mẹ con',
  },
  {
    note: 'Correction / change of civil-status data: sửa tên, đổi họ, sửa ngày sinh, xác định lại dân tộc',
    from: ['sửa tên', 'đổi tên', 'đổi họ', 'sửa họ', 'sửa họ tên', 'đổi họ tên', 'sửa ngày sinh', 'sửa năm sinh', 'sửa giấy khai sinh', 'sai giấy khai sinh', 'sai tên khai sinh', 'cải chính hộ tịch', 'cải chính', 'thay đổi hộ tịch', 'đổi dân tộc', 'xác định lại dân tộc', 'sửa quê quán', 'bổ sung hộ tịch', 'thay đổi họ tên', 'đổi tên cho con'],
    to: 'thay đổi cải chính bổ sung thông tin hộ tịch',
  },
  {
    note: 'Guardianship',
    from: ['người giám hộ', 'làm giám hộ', 'giám hộ cho'],
    to: 'đăng ký giám hộ',
  },
  {
    note: 'Domestic adoption',
    from: ['nhận con nuôi', 'xin con nuôi', 'nuôi con nuôi', 'làm con nuôi', 'con nuôi'],
    to: 'đăng ký việc nuôi con nuôi',
  },
  {
    note: 'Divorce decided abroad, recorded in the civil-status book',
    from: ['ly hôn ở nước ngoài', 'ghi chú ly hôn', 'ly hôn nước ngoài'],
    to: 'ghi vào sổ hộ tịch việc ly hôn',
  },
  // ── Cư trú (residence) ─────────────────────────────────────────────────────────────────────────────────
  {
    note: 'Permanent residence: hộ khẩu (abolished 2023) is still the everyday word',
    from: ['nhập hộ khẩu', 'đăng ký hộ khẩu', 'làm hộ khẩu', 'chuyển hộ khẩu', 'lên hộ khẩu', 'sổ hộ khẩu', 'hộ khẩu', 'nhập khẩu về nhà', 'nhập khẩu cho con', 'chuyển khẩu', 'đăng ký thường trú cho con', 'về ở nhà chồng', 'nhập hk'],
    whole: ['thường trú'],
    to: 'đăng ký thường trú',
  },
  {
    note: 'Removal of permanent residence (cắt khẩu, xóa hộ khẩu)',
    from: ['cắt khẩu', 'cắt hộ khẩu', 'xóa hộ khẩu', 'xóa thường trú', 'xóa tên khỏi hộ khẩu', 'xoá tên hộ khẩu'],
    to: 'xóa đăng ký thường trú',
  },
  {
    note: 'Temporary residence: ở trọ, thuê trọ, sổ tạm trú',
    from: ['ở trọ', 'thuê trọ', 'nhà trọ', 'sổ tạm trú', 'làm tạm trú', 'đăng ký ở trọ', 'đăng ký tạm trú cho người thuê'],
    whole: ['tạm trú'],
    to: 'đăng ký tạm trú',
  },
  {
    note: 'Removal of temporary residence',
    from: ['xóa tạm trú', 'hủy tạm trú', 'cắt tạm trú'],
    to: 'xóa đăng ký tạm trú',
  },
  {
    note: 'Declaring temporary absence',
    from: ['tạm vắng', 'báo tạm vắng', 'đi vắng', 'vắng nhà', 'đi làm xa'],
    to: 'khai báo tạm vắng',
  },
  {
    note: 'Splitting a household (tách sổ hộ khẩu)',
    from: ['tách sổ hộ khẩu', 'tách hộ khẩu', 'tách khẩu', 'ra hộ riêng', 'tách sổ'],
    to: 'tách hộ',
  },
  {
    note: 'Short stay notice (khách ở qua đêm, homestay)',
    from: ['báo lưu trú', 'khai báo lưu trú', 'khách ở qua đêm', 'khách ngủ lại', 'người đến ở nhờ'],
    whole: ['lưu trú'],
    to: 'thông báo lưu trú',
  },
  {
    note: 'Residence confirmation (mẫu CT07, giấy xác nhận cư trú)',
    from: ['giấy xác nhận cư trú', 'xác nhận cư trú', 'xác nhận nơi ở', 'xác nhận chỗ ở', 'ct07', 'ct 07', 'mẫu ct07', 'giấy xác nhận thường trú', 'xác nhận thường trú', 'xác nhận tạm trú'],
    to: 'xác nhận thông tin về cư trú',
  },
  {
    note: 'Correcting residence data',
    from: ['sửa thông tin cư trú', 'sai thông tin cư trú', 'cập nhật thông tin cư trú', 'điều chỉnh hộ khẩu', 'sửa hộ khẩu'],
    to: 'điều chỉnh thông tin về cư trú',
  },
  // ── Căn cước / định danh (identity) ───────────────────────────────────────────────────────────────────
  {
    note: 'Identity card: CMND (old), CCCD (2016–2024) and căn cước (2024) are one thing for citizens',
    from: ['cmnd', 'chứng minh nhân dân', 'chứng minh thư', 'cccd', 'căn cước công dân', 'thẻ căn cước', 'căn cước', 'làm căn cước', 'làm cccd', 'làm cmnd', 'làm chứng minh', 'cmt', 'thẻ cccd', 'cấp căn cước', 'làm thẻ căn cước'],
    to: 'cấp thẻ căn cước',
  },
  {
    note: 'Lost / damaged identity card → cấp lại',
    from: ['mất cccd', 'mất căn cước', 'mất cmnd', 'mất chứng minh', 'làm lại cccd', 'làm lại căn cước', 'làm lại cmnd', 'mất thẻ căn cước', 'cccd bị mất', 'căn cước bị mất', 'làm lại chứng minh'],
    to: 'cấp lại thẻ căn cước',
  },
  {
    note: 'Identity card renewal / replacement → cấp đổi',
    from: ['đổi cccd', 'đổi căn cước', 'đổi cmnd', 'đổi chứng minh', 'đổi thẻ căn cước', 'cccd hết hạn', 'căn cước hết hạn', 'đổi cmnd sang cccd', 'đổi cmnd sang căn cước', 'cccd hỏng'],
    to: 'cấp đổi thẻ căn cước',
  },
  {
    note: 'Confirmation linking the old 9-digit ID number and the personal ID number',
    from: ['xác nhận số cmnd', 'xác nhận số chứng minh', 'xác nhận cmnd cũ', 'giấy xác nhận cmnd', 'xác nhận cmnd', 'xác nhận số định danh', 'xác nhận 2 số cmnd', 'giấy xác nhận số cmnd'],
    to: 'xác nhận số chứng minh nhân dân 09 số số định danh cá nhân',
  },
  {
    note: 'Electronic identity account (VNeID)',
    from: ['vneid', 'tài khoản vneid', 'định danh điện tử', 'tài khoản định danh', 'định danh mức 1'],
    to: 'cấp tài khoản định danh điện tử',
  },
  // ── Xuất nhập cảnh (passports, visas) ────────────────────────────────────────────────────────────────
  {
    note: 'Passport: hộ chiếu / passport',
    from: ['làm hộ chiếu', 'passport', 'làm passport', 'xin hộ chiếu', 'hộ chiếu', 'làm hộ chiếu phổ thông', 'cấp hộ chiếu'],
    to: 'cấp hộ chiếu phổ thông',
  },
  {
    note: 'Reporting a lost passport',
    from: ['mất hộ chiếu', 'mất passport', 'báo mất hộ chiếu', 'hộ chiếu bị mất'],
    to: 'trình báo mất hộ chiếu phổ thông',
  },
  {
    note: 'Visa',
    from: ['visa', 'xin visa', 'làm visa'],
    to: 'thị thực',
    mode: 'add',
  },
  // ── Đất đai (land) ───────────────────────────────────────────────────────────────────────────────────
  {
    note: 'Land-use certificate: sổ đỏ, sổ hồng, bìa đỏ, GCN QSDĐ',
    from: ['sổ đỏ', 'sổ hồng', 'bìa đỏ', 'bìa hồng', 'gcn qsdđ', 'gcnqsdđ', 'qsdđ', 'giấy tờ nhà đất', 'giấy tờ đất', 'giấy chứng nhận đất'],
    to: 'giấy chứng nhận quyền sử dụng đất',
  },
  {
    note: 'First issue of the land certificate',
    from: ['làm sổ đỏ', 'cấp sổ đỏ', 'xin cấp sổ đỏ', 'làm sổ đỏ lần đầu', 'cấp sổ đỏ lần đầu', 'làm sổ hồng', 'cấp sổ hồng', 'xin sổ đỏ', 'cấp giấy chứng nhận lần đầu', 'đăng ký đất lần đầu', 'làm giấy tờ đất'],
    to: 'đăng ký đất đai cấp giấy chứng nhận quyền sử dụng đất lần đầu hộ gia đình cá nhân',
  },
  {
    note: 'Lost land certificate',
    from: ['mất sổ đỏ', 'mất sổ hồng', 'làm lại sổ đỏ', 'cấp lại sổ đỏ', 'sổ đỏ bị mất', 'mất bìa đỏ'],
    to: 'cấp lại giấy chứng nhận do bị mất',
  },
  {
    note: 'Renewing / replacing the land certificate (old, torn, re-measured)',
    from: ['đổi sổ đỏ', 'cấp đổi sổ đỏ', 'đổi sổ hồng', 'sổ đỏ cũ', 'sổ đỏ rách', 'đổi bìa đỏ'],
    to: 'cấp đổi giấy chứng nhận quyền sử dụng đất',
  },
  {
    note: 'Correcting a land certificate',
    from: ['sửa sổ đỏ', 'sổ đỏ sai', 'sai sổ đỏ', 'sửa sai sổ đỏ', 'đính chính sổ đỏ'],
    to: 'đính chính giấy chứng nhận đã cấp',
  },
  {
    note: 'Transfer, inheritance and gift of land ("sang tên sổ đỏ", "mua bán đất")',
    from: ['sang tên sổ đỏ', 'sang tên đất', 'sang tên nhà đất', 'sang tên sổ hồng', 'mua bán đất', 'mua đất', 'bán đất', 'chuyển nhượng đất', 'chuyển nhượng quyền sử dụng đất', 'tặng cho đất', 'cho tặng đất', 'cho con đất', 'thừa kế đất', 'thừa kế nhà đất', 'thừa kế quyền sử dụng đất', 'mua bán nhà đất'],
    whole: ['sang tên', 'đăng ký biến động'],
    to: 'đăng ký biến động quyền sử dụng đất chuyển nhượng thừa kế tặng cho',
  },
  {
    note: 'Splitting / merging land plots',
    from: ['tách thửa', 'tách sổ đỏ', 'chia đất', 'tách đất', 'chia thửa', 'hợp thửa', 'gộp thửa', 'gộp sổ đỏ', 'tách thửa đất', 'gộp đất'],
    to: 'tách thửa hoặc hợp thửa đất',
  },
  {
    note: 'Change of land use (lên thổ cư)',
    from: ['lên thổ cư', 'chuyển lên thổ cư', 'chuyển đất ruộng', 'chuyển đất vườn', 'chuyển đất nông nghiệp sang đất ở', 'chuyển sang đất ở', 'chuyển mục đích', 'chuyển đổi mục đích sử dụng đất', 'làm thổ cư', 'đất thổ cư'],
    to: 'chuyển mục đích sử dụng đất',
  },
  {
    note: 'Land disputes',
    from: ['tranh chấp đất', 'kiện đất', 'tranh chấp ranh giới', 'lấn đất', 'cãi nhau đất'],
    to: 'tranh chấp đất đai',
  },
  // ── Xây dựng (construction) ──────────────────────────────────────────────────────────────────────────
  {
    note: 'Building permit for a house (nhà ở riêng lẻ), the everyday case',
    from: ['xin phép xây nhà', 'giấy phép xây dựng nhà', 'xin giấy phép xây dựng', 'xây nhà', 'phép xây nhà', 'cấp phép xây dựng', 'gpxd', 'xin phép xây dựng', 'giấy phép xây nhà', 'xây nhà ở', 'làm nhà', 'xây nhà mới', 'cấp phép xây nhà', 'xin giấy phép xây nhà'],
    whole: ['giấy phép xây dựng', 'cấp giấy phép xây dựng'],
    to: 'cấp giấy phép xây dựng mới nhà ở riêng lẻ',
  },
  {
    note: 'Permit to repair / renovate a house',
    from: ['sửa nhà', 'sửa chữa nhà', 'cải tạo nhà', 'xin phép sửa nhà', 'nâng tầng', 'xây thêm tầng', 'cơi nới nhà'],
    to: 'cấp giấy phép xây dựng sửa chữa cải tạo nhà ở riêng lẻ',
  },
  {
    note: 'Moving a building',
    from: ['di dời nhà', 'dời nhà', 'di dời công trình'],
    to: 'cấp giấy phép di dời công trình',
  },
  // ── Giao thông (driving licences, vehicles) ──────────────────────────────────────────────────────────
  {
    note: 'Driving licence: bằng lái, GPLX',
    from: ['bằng lái', 'bằng lái xe', 'gplx', 'bằng xe', 'bằng lái xe máy', 'bằng lái ô tô'],
    to: 'giấy phép lái xe',
  },
  {
    note: 'Sitting the driving test is applying for the licence',
    from: ['thi bằng lái', 'thi bằng lái xe', 'thi lái xe', 'học bằng lái', 'học lái xe', 'thi bằng lái xe máy', 'thi bằng lái ô tô', 'thi gplx'],
    to: 'cấp giấy phép lái xe',
  },
  {
    note: 'Vehicle registration, first time (cà vẹt, biển số)',
    from: ['đăng ký xe máy', 'đăng ký ô tô', 'đăng ký xe mới', 'đăng ký xe máy mới', 'cà vẹt', 'cavet', 'làm cà vẹt', 'biển số xe', 'bấm biển số', 'bốc biển số', 'làm biển số', 'giấy đăng ký xe', 'làm giấy tờ xe'],
    whole: ['đăng ký xe'],
    to: 'đăng ký cấp biển số xe lần đầu',
  },
  {
    note: 'Vehicle change of owner',
    from: ['sang tên xe', 'mua xe cũ', 'đổi chủ xe', 'sang tên xe máy', 'sang tên ô tô', 'bán xe', 'mua bán xe'],
    to: 'cấp chứng nhận đăng ký xe biển số xe thay đổi chủ xe sang tên xe',
  },
  {
    note: 'Lost vehicle registration',
    from: ['mất cà vẹt', 'mất đăng ký xe', 'mất giấy đăng ký xe', 'làm lại cà vẹt', 'mất biển số', 'mất cavet'],
    to: 'cấp lại chứng nhận đăng ký xe biển số xe',
  },
  // ── Tư pháp (justice: records, certification, nationality) ───────────────────────────────────────────
  {
    note: 'Criminal-record certificate',
    from: ['lý lịch tư pháp', 'phiếu lý lịch', 'lltp', 'xin lý lịch tư pháp', 'làm lý lịch tư pháp', 'giấy xác nhận không tiền án', 'không tiền án', 'xác nhận không tiền án', 'tiền án tiền sự', 'không có tiền án', 'tiền án', 'lý lịch tư pháp số 1', 'phiếu lý lịch tư pháp số 1', 'phiếu lý lịch tư pháp số 2'],
    whole: ['lý lịch'],
    to: 'cấp phiếu lý lịch tư pháp',
  },
  {
    note: 'Certified copies: "công chứng" in everyday speech mostly means chứng thực bản sao at the commune',
    from: ['công chứng giấy tờ', 'công chứng bản sao', 'sao y', 'sao y bản chính', 'photo công chứng', 'chứng thực bản sao', 'công chứng photo', 'sao y công chứng'],
    whole: ['công chứng', 'chứng thực', 'chứng thực giấy tờ'],
    to: 'chứng thực bản sao từ bản chính giấy tờ',
  },
  {
    note: 'Signature certification',
    from: ['chứng thực chữ ký', 'công chứng chữ ký', 'xác nhận chữ ký', 'thị thực chữ ký'],
    to: 'chứng thực chữ ký trong các giấy tờ văn bản',
  },
  {
    note: 'Certifying contracts on land, houses and movables',
    from: ['công chứng hợp đồng', 'chứng thực hợp đồng', 'hợp đồng mua bán nhà', 'hợp đồng mua bán đất', 'hợp đồng chuyển nhượng', 'hợp đồng tặng cho', 'chứng thực giao dịch', 'hợp đồng thế chấp'],
    to: 'chứng thực giao dịch liên quan đến tài sản động sản quyền sử dụng đất nhà ở',
  },
  {
    note: 'Wills',
    from: ['di chúc', 'làm di chúc', 'viết di chúc', 'chứng thực di chúc', 'công chứng di chúc'],
    to: 'chứng thực di chúc',
  },
  {
    note: 'Inheritance: refusing and dividing an estate',
    from: ['từ chối nhận di sản', 'từ chối thừa kế', 'từ chối nhận thừa kế', 'khước từ di sản', 'không nhận thừa kế'],
    to: 'chứng thực văn bản từ chối nhận di sản',
  },
  {
    note: 'Dividing an estate',
    from: ['chia di sản', 'chia thừa kế', 'phân chia thừa kế', 'phân chia di sản', 'chia tài sản thừa kế', 'khai nhận di sản', 'khai nhận thừa kế'],
    to: 'chứng thực văn bản phân chia di sản',
  },
  {
    note: 'Free legal aid',
    from: ['luật sư miễn phí', 'tư vấn pháp luật miễn phí', 'trợ giúp pháp lý miễn phí', 'giúp đỡ pháp lý'],
    to: 'yêu cầu trợ giúp pháp lý',
  },
  {
    note: 'Nationality: giving up / acquiring',
    from: ['bỏ quốc tịch', 'từ bỏ quốc tịch', 'xin thôi quốc tịch'],
    to: 'thôi quốc tịch việt nam',
  },
  {
    note: 'Acquiring nationality',
    from: ['xin quốc tịch', 'nhập tịch', 'vào quốc tịch việt nam', 'xin quốc tịch việt nam'],
    to: 'nhập quốc tịch việt nam',
  },
  // ── Kinh doanh, thuế (business, tax) ─────────────────────────────────────────────────────────────────
  {
    note: 'Household business registration (the small-shop licence)',
    from: ['mở hộ kinh doanh', 'đăng ký kinh doanh', 'giấy phép kinh doanh hộ cá thể', 'kinh doanh cá thể', 'hộ cá thể', 'mở cửa hàng', 'mở quán', 'mở tiệm', 'buôn bán nhỏ', 'giấy phép kinh doanh', 'làm giấy phép kinh doanh', 'đăng ký hộ kinh doanh', 'mở shop', 'mở hộ cá thể'],
    whole: ['hộ kinh doanh'],
    to: 'đăng ký thành lập hộ kinh doanh',
  },
  {
    note: 'Closing a household business',
    from: ['đóng cửa hộ kinh doanh', 'nghỉ kinh doanh', 'giải thể hộ kinh doanh', 'chấm dứt hộ kinh doanh', 'đóng hộ kinh doanh', 'dẹp quán', 'đóng cửa hàng', 'không kinh doanh nữa'],
    to: 'chấm dứt hoạt động hộ kinh doanh',
  },
  {
    note: 'Pausing a business',
    from: ['tạm nghỉ kinh doanh', 'tạm ngừng kinh doanh', 'nghỉ bán tạm thời', 'tạm đóng cửa'],
    to: 'tạm ngừng kinh doanh',
  },
  {
    note: 'Personal tax number',
    from: ['mã số thuế cá nhân', 'mst', 'làm mã số thuế', 'đăng ký mã số thuế', 'xin mã số thuế', 'mst cá nhân', 'mã số thuế người phụ thuộc'],
    whole: ['mã số thuế'],
    to: 'đăng ký thuế lần đầu cá nhân',
  },
  {
    note: 'Abbreviations used in tax and social-insurance names (both spellings occur in the catalog)',
    from: ['tncn'],
    to: 'thu nhập cá nhân',
    mode: 'add',
  },
  { note: 'Abbreviation (reverse direction)', from: ['thu nhập cá nhân'], to: 'tncn', mode: 'add' },
  { note: 'Abbreviation: GTGT / VAT', from: ['gtgt', 'vat'], to: 'giá trị gia tăng', mode: 'add' },
  { note: 'Abbreviation (reverse direction)', from: ['giá trị gia tăng'], to: 'gtgt', mode: 'add' },
  { note: 'Abbreviation: TNDN', from: ['tndn'], to: 'thu nhập doanh nghiệp', mode: 'add' },
  { note: 'Abbreviation: BHXH', from: ['bhxh'], to: 'bảo hiểm xã hội', mode: 'add' },
  { note: 'Abbreviation (reverse direction)', from: ['bảo hiểm xã hội'], to: 'bhxh', mode: 'add' },
  { note: 'Abbreviation: BHYT', from: ['bhyt'], to: 'bảo hiểm y tế', mode: 'add' },
  { note: 'Abbreviation: TNLĐ / BNN', from: ['tnlđ', 'tai nạn lao động'], to: 'tnlđ tai nạn lao động', mode: 'add' },
  { note: 'Abbreviation: PCCC', from: ['pccc'], to: 'phòng cháy chữa cháy', mode: 'add' },
  { note: 'Abbreviation: THPT', from: ['thpt', 'cấp 3'], to: 'trung học phổ thông', mode: 'add' },
  { note: 'Abbreviation: HTX', from: ['htx'], to: 'hợp tác xã', mode: 'add' },
  { note: 'Abbreviation: UBND', from: ['ubnd'], to: 'ủy ban nhân dân', mode: 'add' },
  {
    note: 'Company registration (doanh nghiệp)',
    from: ['thành lập công ty', 'mở công ty', 'đăng ký công ty', 'lập công ty', 'thành lập doanh nghiệp'],
    to: 'đăng ký thành lập doanh nghiệp',
  },
  // ── Bảo hiểm xã hội (social insurance) ───────────────────────────────────────────────────────────────
  {
    note: 'One-off social-insurance withdrawal',
    from: ['rút bhxh một lần', 'rút bảo hiểm một lần', 'lãnh bhxh một lần', 'rút sổ bảo hiểm', 'bhxh 1 lần', 'rút bảo hiểm xã hội', 'rút bhxh', 'bảo hiểm 1 lần', 'rút bảo hiểm 1 lần', 'nhận bhxh một lần', 'hưởng bhxh một lần', 'bảo hiểm xã hội một lần'],
    to: 'giải quyết hưởng bảo hiểm xã hội một lần',
  },
  {
    note: 'Maternity benefit',
    from: ['thai sản', 'tiền thai sản', 'hưởng thai sản', 'chế độ thai sản', 'nghỉ đẻ', 'tiền sinh con', 'nghỉ sinh'],
    to: 'giải quyết hưởng chế độ thai sản',
  },
  {
    note: 'Sickness benefit',
    from: ['ốm đau', 'nghỉ ốm', 'chế độ ốm đau', 'tiền ốm đau'],
    to: 'giải quyết hưởng chế độ ốm đau',
  },
  {
    note: 'Survivor benefit / funeral allowance',
    from: ['tử tuất', 'tiền tuất', 'mai táng phí', 'trợ cấp mai táng', 'chế độ tử tuất', 'tiền mai táng'],
    to: 'giải quyết hưởng chế độ tử tuất',
  },
  {
    note: 'Health-insurance card lost / replaced',
    from: ['mất thẻ bhyt', 'mất thẻ bảo hiểm y tế', 'làm lại thẻ bảo hiểm y tế', 'làm lại thẻ bhyt', 'cấp lại thẻ bhyt'],
    to: 'cấp lại thẻ bảo hiểm y tế',
  },
  // ── Other everyday matters ───────────────────────────────────────────────────────────────────────────
  {
    note: 'Poor-household certification',
    from: ['hộ nghèo', 'xác nhận hộ nghèo', 'sổ hộ nghèo', 'giấy chứng nhận hộ nghèo', 'hộ cận nghèo', 'xin hộ nghèo'],
    to: 'công nhận hộ nghèo hộ cận nghèo',
  },
  {
    note: 'Upper-secondary school-leaving exam',
    from: ['thi tốt nghiệp', 'thi thpt', 'đăng ký thi tốt nghiệp', 'thi tốt nghiệp cấp 3', 'đăng ký thi thpt', 'thi đại học'],
    to: 'đăng ký dự thi tốt nghiệp trung học phổ thông',
  },
  {
    note: 'Exam re-marking',
    from: ['phúc khảo', 'chấm lại bài thi', 'phúc tra', 'xin chấm lại', 'phúc khảo điểm thi'],
    to: 'phúc khảo bài thi tốt nghiệp trung học phổ thông',
  },
  {
    note: 'Correcting a diploma',
    from: ['sửa bằng', 'sửa văn bằng', 'sai tên trên bằng', 'sửa bằng tốt nghiệp', 'sửa thông tin trên bằng', 'bằng bị sai'],
    to: 'chỉnh sửa nội dung văn bằng chứng chỉ',
  },
  {
    note: 'Company / organisation seal',
    from: ['khắc dấu', 'làm con dấu', 'mẫu dấu'],
    whole: ['con dấu'],
    to: 'đăng ký mẫu con dấu',
  },
  {
    note: 'Converting rice land to other crops',
    from: ['chuyển đổi cây trồng', 'trồng cây trên đất lúa', 'chuyển đất lúa', 'chuyển đất trồng lúa', 'đất lúa sang trồng cây', 'chuyển ruộng lúa', 'chuyển ruộng lúa sang trồng cây', 'chuyển đổi đất lúa'],
    to: 'chuyển đổi cơ cấu cây trồng vật nuôi trên đất trồng lúa',
  },
  {
    note: 'Complaints and denunciations',
    from: ['khiếu kiện', 'kiện cáo', 'đơn khiếu nại'],
    to: 'giải quyết khiếu nại',
  },
  {
    note: 'Social housing',
    from: ['mua nhà ở xã hội', 'nhà ở xã hội', 'thuê nhà ở xã hội', 'nhà xã hội'],
    to: 'đăng ký mua thuê mua thuê nhà ở xã hội',
  },
];

/**
 * Markers of special-case procedures. A name containing `marker` is a variant of a more general procedure
 * ('đăng ký khai sinh lưu động' of 'đăng ký khai sinh'); it is ranked below (score × `factor`) unless the
 * query names the case — one of `triggers` (or the marker itself) appears in the query, before or after the
 * phrase rules.
 */
export interface SpecialCaseMarker {
  marker: string;
  triggers: readonly string[];
  factor: number;
}

// Triggers are folded like everything else: avoid words whose folded form is another common word
// ('dừng' = 'dựng' in 'xây dựng', 'đóng' = 'động' in 'lưu động'); use a two-word phrase instead.
export const SPECIAL_CASE_MARKERS: readonly SpecialCaseMarker[] = [
  { marker: 'có yếu tố nước ngoài', triggers: ['nước ngoài', 'người nước ngoài', 'ngoại quốc', 'việt kiều', 'ngoại kiều', 'quốc tịch nước ngoài', 'người nước ngoai'], factor: 0.7 },
  { marker: 'theo yêu cầu của cơ quan', triggers: ['cơ quan', 'tòa án', 'công an', 'viện kiểm sát'], factor: 0.8 },
  { marker: 'cho cơ quan tổ chức', triggers: ['cơ quan', 'tổ chức', 'doanh nghiệp', 'công ty'], factor: 0.85 },
  { marker: 'khu vực biên giới', triggers: ['biên giới', 'nước láng giềng'], factor: 0.75 },
  { marker: 'lưu động', triggers: ['lưu động', 'tại nhà', 'tận nhà', 'đến nhà'], factor: 0.7 },
  { marker: 'đăng ký lại', triggers: ['đăng ký lại', 'làm lại', 'mất', 'bị mất', 'thất lạc', 'khai lại', 'xin lại'], factor: 0.7 },
  { marker: 'cấp lại', triggers: ['cấp lại', 'làm lại', 'xin lại', 'mất', 'bị mất', 'hỏng', 'bị hỏng', 'rách', 'thất lạc'], factor: 0.7 },
  { marker: 'tái cấp', triggers: ['tái cấp', 'cấp lại', 'làm lại'], factor: 0.7 },
  { marker: 'cấp đổi', triggers: ['cấp đổi', 'đổi', 'hết hạn', 'chuyển đổi', 'cũ'], factor: 0.7 },
  { marker: 'thay đổi', triggers: ['thay đổi', 'đổi', 'sửa', 'sửa đổi', 'điều chỉnh', 'cập nhật', 'chuyển'], factor: 0.8 },
  { marker: 'bổ sung', triggers: ['bổ sung', 'sửa', 'thêm', 'cập nhật'], factor: 0.85 },
  { marker: 'cải chính', triggers: ['cải chính', 'sửa', 'sai'], factor: 0.85 },
  { marker: 'sửa đổi', triggers: ['sửa đổi', 'sửa', 'điều chỉnh', 'thay đổi'], factor: 0.8 },
  { marker: 'điều chỉnh', triggers: ['điều chỉnh', 'sửa', 'thay đổi', 'cập nhật', 'đổi'], factor: 0.8 },
  { marker: 'trích lục', triggers: ['trích lục', 'bản sao', 'sao lục'], factor: 0.75 },
  { marker: 'gia hạn', triggers: ['gia hạn', 'hết hạn', 'kéo dài', 'quá hạn'], factor: 0.75 },
  { marker: 'thu hồi', triggers: ['thu hồi'], factor: 0.8 },
  { marker: 'chấm dứt', triggers: ['chấm dứt', 'đóng cửa', 'nghỉ kinh doanh', 'nghỉ bán', 'giải thể', 'ngừng hoạt động', 'dừng hoạt động', 'dừng kinh doanh', 'thôi', 'kết thúc'], factor: 0.8 },
  { marker: 'xóa đăng ký', triggers: ['xóa', 'cắt', 'hủy'], factor: 0.75 },
  { marker: 'liên thông', triggers: ['liên thông', 'cùng lúc', 'đồng thời'], factor: 0.8 },
  { marker: 'kết hợp', triggers: ['kết hợp', 'cùng lúc', 'đồng thời'], factor: 0.8 },
  { marker: 'tạm thời', triggers: ['tạm thời'], factor: 0.85 },
  { marker: 'cho người đã có hồ sơ giấy tờ cá nhân', triggers: ['đã có hồ sơ', 'giấy tờ cá nhân', 'người lớn', 'quá hạn', 'trễ hạn', 'chưa khai sinh', 'chưa đăng ký khai sinh'], factor: 0.75 },
  { marker: 'thực hiện tại cấp trung ương', triggers: ['trung ương', 'cục', 'bộ'], factor: 0.9 },
  { marker: 'thực hiện tại cấp huyện', triggers: ['huyện', 'quận'], factor: 0.85 },
  { marker: 'ghi vào sổ', triggers: ['ghi vào sổ', 'ghi chú', 'ở nước ngoài', 'tại nước ngoài'], factor: 0.8 },
  { marker: 'người dưới 14 tuổi', triggers: ['dưới 14', 'trẻ em', 'cho con', 'cho bé', 'trẻ', 'con nhỏ', 'học sinh'], factor: 0.85 },
];

/**
 * Words that carry little meaning in a query ("làm giấy … ở đâu", "thủ tục … như thế nào"). They keep a small
 * weight (they still count in phrases and two-word matches), so 'làm' in 'lâm nghiệp' ('lam nghiep') is not
 * lost. 'thủ tục' is also stripped from names, where it is a prefix of about a third of them.
 */
export const QUERY_FILLERS: readonly string[] = [
  'thủ tục', 'làm', 'xin', 'muốn', 'tôi', 'mình', 'em', 'cần', 'phải', 'ở đâu', 'thế nào', 'như thế nào', 'bao lâu',
  'bao nhiêu', 'tiền', 'hết', 'mất bao lâu', 'hồ sơ', 'giấy tờ', 'gì', 'nào', 'ntn', 'cách', 'hướng dẫn', 'đi', 'để', 'được',
  'không', 'ạ', 'ơi', 'với', 'cho', 'của', 'và', 'thì', 'là', 'có', 'cái', 'việc', 'nộp', 'ở', 'tại', 'về', 'mẫu', 'đơn',
  'online', 'trực tuyến', 'dịch vụ công', 'nhanh', 'cần những gì', 'gồm',
  // the beneficiary ("… cho con", "… cho bố") does not change the procedure
  'cho con', 'cho bé', 'cho cháu', 'cho bố', 'cho mẹ', 'cho vợ', 'cho chồng', 'cho người thân', 'cho gia đình', 'cho ông', 'cho bà',
];

/** Phrases removed from names before indexing (noise common to many names). */
export const NAME_NOISE: readonly string[] = ['thủ tục'];

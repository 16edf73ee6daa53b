/**
 * Life events (sự kiện trong cuộc đời) as curated groups of procedures: what a citizen may need when a child
 * is born, when they marry, build a house… Data, not keyword searches: each group lists national procedure
 * codes, in the order a citizen meets them, chosen from the catalog in data/seed (every code is checked
 * against it by life-events.test.ts). The portal shows a group's procedures that are in the catalog and says
 * which the province publishes. Edit this list to change a group; add a group with its vi/en titles.
 */

export interface LifeEvent {
  slug: string;
  title: { vi: string; en: string };
  /** One line saying what the group covers. */
  lead: { vi: string; en: string };
  codes: readonly string[];
}

export const LIFE_EVENTS: readonly LifeEvent[] = [
  {
    slug: 'sinh-con',
    title: { vi: 'Sinh con', en: 'Having a baby' },
    lead: { vi: 'Khai sinh, đăng ký thường trú, thẻ bảo hiểm y tế và căn cước cho con; chế độ thai sản.', en: 'Birth registration, residence, health insurance and ID for the child; maternity benefits.' },
    codes: ['1.001193', '2.000986', '2.001023', '1.000689', '1.004222', '1.014062', '2.000693'],
  },
  {
    slug: 'ket-hon',
    title: { vi: 'Kết hôn', en: 'Getting married' },
    lead: { vi: 'Xác nhận tình trạng hôn nhân và đăng ký kết hôn.', en: 'Marital status certificate and marriage registration.' },
    codes: ['1.004873', '1.000894', '2.000806', '1.004746'],
  },
  {
    slug: 'xay-nha',
    title: { vi: 'Xây nhà, sửa nhà', en: 'Building or repairing a house' },
    lead: { vi: 'Giấy phép xây dựng, điều chỉnh, gia hạn; giấy chứng nhận quyền sử dụng đất.', en: 'Building permits, amendments and extensions; land-use certificates.' },
    codes: ['1.013225', '1.013229', '1.013226', '1.013227', '1.013228', '1.012753'],
  },
  {
    slug: 'chuyen-noi-o',
    title: { vi: 'Chuyển nơi ở', en: 'Moving house' },
    lead: { vi: 'Đăng ký thường trú, tạm trú, tách hộ, xác nhận thông tin về cư trú.', en: 'Permanent and temporary residence, splitting a household, residence confirmation.' },
    codes: ['1.004222', '1.004194', '1.010038', '1.003197', '1.010041', '1.010039'],
  },
  {
    slug: 'kinh-doanh',
    title: { vi: 'Mở cửa hàng, kinh doanh', en: 'Starting a business' },
    lead: { vi: 'Đăng ký, thay đổi, tạm ngừng, chấm dứt hộ kinh doanh; thuế của hộ kinh doanh.', en: 'Registering, changing, pausing or closing a household business; its taxes.' },
    codes: ['1.001612', '2.000720', '1.001570', '1.001266', '2.000575', '1.011022'],
  },
  {
    slug: 'di-nuoc-ngoai',
    title: { vi: 'Đi nước ngoài', en: 'Travelling abroad' },
    lead: { vi: 'Hộ chiếu phổ thông: cấp, trình báo mất, khôi phục.', en: 'Passports: issuing, reporting a loss, restoring.' },
    codes: ['1.001456', '1.010386', '1.001445', '1.010384'],
  },
  {
    slug: 'xin-viec',
    title: { vi: 'Đi làm, xin việc', en: 'Getting a job' },
    lead: { vi: 'Lý lịch tư pháp, chứng thực bản sao và chữ ký, xác nhận thông tin về cư trú.', en: 'Criminal record certificate, certified copies and signatures, residence confirmation.' },
    codes: ['3.000333', '2.000815', '2.000884', '1.010041'],
  },
  {
    slug: 'con-di-hoc',
    title: { vi: 'Con đi học', en: 'School' },
    lead: { vi: 'Hỗ trợ học tập và chi phí học tập, thi tốt nghiệp trung học phổ thông.', en: 'Study support, school costs, the upper-secondary graduation exam.' },
    codes: ['1.014336', '1.003702', '1.001714', '1.005142', '1.005095'],
  },
  {
    slug: 'nguoi-than-qua-doi',
    title: { vi: 'Người thân qua đời', en: 'A death in the family' },
    lead: { vi: 'Khai tử, chế độ tử tuất, di chúc và phân chia di sản.', en: 'Death registration, survivor benefits, wills and inheritance.' },
    codes: ['1.000656', '2.000821', '3.000510', '2.001019', '2.001406', '2.001016'],
  },
];

export function lifeEvent(slug: string): LifeEvent | null {
  return LIFE_EVENTS.find((e) => e.slug === slug) ?? null;
}

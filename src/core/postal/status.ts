/**
 * A parcel's status as the postal operator reports it (Vietnam Post's public-service parcels: Bưu chính công ích),
 * and the one the applicant sees: the latest by the operator's time (ties: the later notice). Pure.
 */
export const POSTAL_STATUSES = ['accepted', 'in_transit', 'out_for_delivery', 'delivered', 'delivery_failed', 'returned_to_sender'] as const;
export type PostalStatus = (typeof POSTAL_STATUSES)[number];

export const POSTAL_STATUS_LABELS: Record<PostalStatus, { vi: string; en: string }> = {
  accepted: { vi: 'Bưu cục đã nhận bưu gửi', en: 'Accepted by the post office' },
  in_transit: { vi: 'Đang vận chuyển', en: 'In transit' },
  out_for_delivery: { vi: 'Đang phát đến người nhận', en: 'Out for delivery' },
  delivered: { vi: 'Đã phát thành công', en: 'Delivered' },
  delivery_failed: { vi: 'Phát không thành công, bưu cục sẽ phát lại', en: 'Delivery failed; another attempt follows' },
  returned_to_sender: { vi: 'Đã chuyển hoàn về cơ quan gửi', en: 'Returned to the sender' },
};

export interface PostalEvent {
  status: PostalStatus;
  /** The operator's time of the event. */
  at: Date;
  /** The order the notice was received in (a tie-break for events at the same instant). */
  seq: number;
  location?: string | null;
}

export function latestPostalEvent<E extends PostalEvent>(events: readonly E[]): E | null {
  let best: E | null = null;
  for (const e of events) if (!best || e.at.getTime() > best.at.getTime() || (e.at.getTime() === best.at.getTime() && e.seq > best.seq)) best = e;
  return best;
}

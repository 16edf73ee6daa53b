/**
 * What the applicant is told when their dossier changes (e-mail / SMS), in plain Vietnamese: which agency,
 * who handles it, when, and what to do. Pure: the server fills the facts and queues the text in the outbox.
 */
import { formatVnIso } from '../calendar/index.ts';

export interface DossierNoticeFacts {
  action: string;
  code: string | null;
  procedureName: string;
  agencyName: string;
  at: Date;
  dueAt: Date | null;
  handlerName: string | null;
  missingItems?: string[] | undefined;
  reasons?: string[] | undefined;
  trackingUrl: string | null;
}

const vnDateTime = (d: Date) => {
  const s = formatVnIso(d); // 2026-02-26T17:00:00+07:00
  return `${s.slice(11, 16)} ngày ${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
};

/** The actions an applicant is told about; anything else (internal hand-overs, notes) stays internal. */
export const NOTIFIED_ACTIONS = [
  'submit_online', 'receive', 'request_intake_supplement', 'reject_intake', 'request_supplement', 'supply', 'resubmit',
  'apologize', 'refuse', 'mark_result_ready', 'return_result', 'withdraw', 'stop', 'record_payment',
] as const;

export function dossierNotice(f: DossierNoticeFacts): { subject: string; body: string; sms: string } | null {
  const ref = f.code ? `Hồ sơ ${f.code}` : 'Hồ sơ của Ông/Bà';
  const due = f.dueAt ? ` Ngày hẹn trả kết quả: ${vnDateTime(f.dueAt)}.` : '';
  const list = (xs?: string[]) => (xs && xs.length ? xs.map((x, i) => `${i + 1}. ${x}`).join('\n') : '');
  let what: string;
  switch (f.action) {
    case 'submit_online': what = `đã được gửi trực tuyến và đang chờ ${f.agencyName} kiểm tra, tiếp nhận.`; break;
    case 'receive': what = `đã được ${f.agencyName} tiếp nhận lúc ${vnDateTime(f.at)}.${due}`; break;
    case 'request_intake_supplement':
    case 'request_supplement': what = `cần bổ sung, hoàn thiện. Các giấy tờ cần bổ sung:\n${list(f.missingItems)}\nThời hạn giải quyết được tính lại từ đầu khi Ông/Bà nộp đủ.`; break;
    case 'reject_intake':
    case 'refuse': what = `không được giải quyết. Lý do:\n${list(f.reasons)}`; break;
    case 'supply':
    case 'resubmit': what = `đã được bổ sung và tiếp tục giải quyết.${due}`; break;
    case 'apologize': what = `sẽ trả kết quả chậm hơn hẹn. ${f.agencyName} xin lỗi Ông/Bà. Lý do:\n${list(f.reasons)}\n${due.trim()}`; break;
    case 'mark_result_ready': what = `đã có kết quả${f.handlerName ? ` (cán bộ xử lý: ${f.handlerName})` : ''}. Ông/Bà có thể nhận kết quả theo hình thức đã đăng ký.`; break;
    case 'return_result': what = `đã được trả kết quả lúc ${vnDateTime(f.at)}.`; break;
    case 'withdraw': what = 'đã được rút theo đề nghị.'; break;
    case 'stop': what = `đã dừng xử lý. Lý do:\n${list(f.reasons)}`; break;
    case 'record_payment': what = 'đã được ghi nhận thanh toán phí, lệ phí.'; break;
    default: return null;
  }
  const track = f.trackingUrl ? `\nTra cứu: ${f.trackingUrl}` : '';
  const body = `${ref} (${f.procedureName}) ${what}\n— ${f.agencyName}${track}`;
  const sms = `${ref} ${what.split('\n')[0]}`.slice(0, 300);
  return { subject: `[Một cửa] ${ref}: cập nhật tình trạng`, body, sms };
}

/**
 * Strings of the signature-verification view shared by the staff console and the portal (src/client/
 * SignatureVerifier.tsx), Vietnamese first. Statuses and problems come with the API's report (SIGNATURE_LABELS).
 */
import type { Lang } from './errors.ts';

export const SIGNATURE_UI = {
  title: { vi: 'Kiểm tra chữ ký số trên tài liệu PDF', en: 'Check the digital signatures of a PDF' },
  intro: {
    vi: 'Chọn tệp PDF đã ký số. Hệ thống cho biết ai đã ký, ký lúc nào, bằng chứng thư số nào và tài liệu có bị thay đổi sau khi ký hay không. Tệp không được lưu lại.',
    en: 'Choose a digitally signed PDF. You will see who signed it, when, with which certificate, and whether the document was changed after signing. The file is not kept.',
  },
  file: { vi: 'Tệp PDF', en: 'PDF file' },
  check: { vi: 'Kiểm tra', en: 'Check' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  caLink: { vi: 'Tải chứng thư số của tổ chức chứng thực thử nghiệm (demo)', en: 'Download the demo test CA certificate' },
  signature: { vi: 'Chữ ký {n}', en: 'Signature {n}' },
  signer: { vi: 'Người ký', en: 'Signer' },
  time: { vi: 'Thời điểm ký', en: 'Signing time' },
  timeTsa: { vi: '(dấu thời gian của máy chủ cấp dấu thời gian)', en: '(timestamp from a timestamp authority)' },
  timeClaimed: { vi: '(theo khai báo của người ký)', en: '(as claimed by the signer)' },
  reason: { vi: 'Lý do', en: 'Reason' },
  certificate: { vi: 'Chứng thư số', en: 'Certificate' },
  issuer: { vi: 'Tổ chức cấp', en: 'Issuer' },
  serial: { vi: 'Số hiệu', en: 'Serial number' },
  validity: { vi: 'Hiệu lực', en: 'Valid' },
  intact: { vi: 'Nội dung được ký còn nguyên vẹn', en: 'Signed content intact' },
  coversRevision: { vi: 'Chữ ký bao trọn phiên bản tài liệu', en: 'Covers the whole document revision' },
  changedAfter: { vi: 'Thay đổi sau khi ký', en: 'Changed after signing' },
  noChange: { vi: 'Không — đây là phiên bản cuối của tài liệu', en: 'No — this is the final revision' },
  changedBy: { vi: 'Có — {revisions} lần cập nhật sau, trong đó {signatures} là chữ ký số khác', en: 'Yes — {revisions} later update(s), {signatures} of them other signatures' },
  trusted: { vi: 'Chứng thư số được tin cậy', en: 'Trusted certificate' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type SignatureUiKey = keyof typeof SIGNATURE_UI;

export function ts(key: SignatureUiKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return SIGNATURE_UI[key][lang].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
}

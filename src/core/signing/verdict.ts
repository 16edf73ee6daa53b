/**
 * The verdict on one PDF signature from the facts a verifier measured, and on a whole document. Pure: the server,
 * the CLI and the screens show the same words for the same facts.
 *
 * A signature is **intact** when its bytes are exactly what was signed: the byte range starts at 0 and leaves out
 * only the signature itself, the signed bytes' SHA-256 equals the signed message digest, the signature over the
 * signed attributes verifies with the certificate's key, and the range ends where a revision of the file ends.
 * It is **valid** when intact and its certificate chains to a trusted CA and was valid at the signing time
 * (the timestamp's time when there is one, else the time the signer claims). Bytes after the signed range are a
 * later revision: the document was changed (or signed again) after this signature — shown, not an error.
 */

export type SignatureProblem =
  | 'CMS_UNREADABLE'
  | 'SUBFILTER_UNSUPPORTED'
  | 'BYTE_RANGE_INVALID'
  | 'NOT_REVISION_END'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'CHAIN_UNTRUSTED'
  | 'CERT_NOT_VALID_AT_SIGNING'
  | 'TIMESTAMP_INVALID';

export interface SignatureFacts {
  subFilter: string | null;
  cmsReadable: boolean;
  byteRangeValid: boolean;
  coversRevisionEnd: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  chainTrusted: boolean;
  certValidAtSigning: boolean;
  /** null: no timestamp. */
  timestampValid: boolean | null;
}

export type SignatureStatus = 'valid' | 'untrusted' | 'invalid';

export interface SignatureVerdict {
  status: SignatureStatus;
  intact: boolean;
  problems: SignatureProblem[];
}

export const SUPPORTED_SUBFILTERS = ['ETSI.CAdES.detached', 'adbe.pkcs7.detached'] as const;

export function signatureVerdict(f: SignatureFacts): SignatureVerdict {
  const problems: SignatureProblem[] = [];
  if (!f.cmsReadable) problems.push('CMS_UNREADABLE');
  if (!f.subFilter || !(SUPPORTED_SUBFILTERS as readonly string[]).includes(f.subFilter)) problems.push('SUBFILTER_UNSUPPORTED');
  if (!f.byteRangeValid) problems.push('BYTE_RANGE_INVALID');
  if (!f.coversRevisionEnd) problems.push('NOT_REVISION_END');
  if (!f.digestMatches) problems.push('DIGEST_MISMATCH');
  if (!f.signatureValid) problems.push('SIGNATURE_INVALID');
  if (f.timestampValid === false) problems.push('TIMESTAMP_INVALID');
  const intact = problems.length === 0;
  if (!f.chainTrusted) problems.push('CHAIN_UNTRUSTED');
  if (!f.certValidAtSigning) problems.push('CERT_NOT_VALID_AT_SIGNING');
  const status: SignatureStatus = !intact ? 'invalid' : problems.length > 0 ? 'untrusted' : 'valid';
  return { status, intact, problems };
}

export type DocumentStatus = 'unsigned' | 'valid' | 'untrusted' | 'invalid';

/** A document is invalid if any signature is, untrusted if any is, valid when every one is; unsigned without any. */
export function documentVerdict(statuses: SignatureStatus[]): DocumentStatus {
  if (statuses.length === 0) return 'unsigned';
  if (statuses.includes('invalid')) return 'invalid';
  if (statuses.includes('untrusted')) return 'untrusted';
  return 'valid';
}

/** Labels of statuses and problems, Vietnamese first. */
export const SIGNATURE_LABELS: Record<DocumentStatus | SignatureProblem, { vi: string; en: string }> = {
  unsigned: { vi: 'Tài liệu không có chữ ký số', en: 'The document has no digital signature' },
  valid: { vi: 'Chữ ký hợp lệ', en: 'Valid signature' },
  untrusted: { vi: 'Chữ ký nguyên vẹn nhưng chứng thư số không thuộc tổ chức chứng thực được tin cậy', en: 'Intact signature, but the certificate does not chain to a trusted CA' },
  invalid: { vi: 'Chữ ký không hợp lệ', en: 'Invalid signature' },
  CMS_UNREADABLE: { vi: 'Không đọc được dữ liệu chữ ký (CMS)', en: 'The signature data (CMS) cannot be read' },
  SUBFILTER_UNSUPPORTED: { vi: 'Định dạng chữ ký không được hỗ trợ', en: 'Unsupported signature format' },
  BYTE_RANGE_INVALID: { vi: 'Phạm vi ký (ByteRange) không hợp lệ', en: 'The signed byte range is not valid' },
  NOT_REVISION_END: { vi: 'Phạm vi ký không kết thúc tại cuối một phiên bản của tệp', en: 'The signed range does not end at the end of a file revision' },
  DIGEST_MISMATCH: { vi: 'Nội dung đã bị thay đổi sau khi ký (mã băm không khớp)', en: 'The content was changed after signing (digest mismatch)' },
  SIGNATURE_INVALID: { vi: 'Giá trị chữ ký không khớp với khóa công khai của chứng thư số', en: 'The signature value does not verify with the certificate’s public key' },
  CHAIN_UNTRUSTED: { vi: 'Chứng thư số không chứng thực được đến tổ chức chứng thực tin cậy', en: 'The certificate does not chain to a trusted CA' },
  CERT_NOT_VALID_AT_SIGNING: { vi: 'Chứng thư số không còn hiệu lực tại thời điểm ký', en: 'The certificate was not valid at the signing time' },
  TIMESTAMP_INVALID: { vi: 'Dấu thời gian không hợp lệ', en: 'The timestamp is not valid' },
};

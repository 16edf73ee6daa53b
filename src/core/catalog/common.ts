/** Rules shared by the national-record and public-index parsers. Internal. */
import { foldVietnamese } from '../text/fold.ts';
import type { CodedName } from './types.ts';

/**
 * Subject types (đối tượng thực hiện) with the portal's codes, as seen in the national records. Used to give
 * index entries (names only) the same codes. Names not listed keep code null.
 */
export const SUBJECT_CODES: ReadonlyMap<string, string> = new Map([
  ['Công dân Việt Nam', 'ĐT1'],
  ['Người nước ngoài cư trú tại Việt Nam', 'ĐT3'],
  ['Doanh nghiệp', 'ĐT2'],
  ['Người nước ngoài', 'ĐT4'],
  ['Đảng viên', 'ĐT5'],
  ['Tổ chức nước ngoài', 'ĐT7'],
  ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'ĐT9'],
  ['Doanh nghiệp có vốn đầu tư nước ngoài', 'ĐT10'],
  ['Hợp tác xã', 'DT11'],
  ['Người Việt Nam định cư ở nước ngoài', 'DT12'],
  ['Cán bộ, công chức, viên chức', 'DT13'],
].map(([name, code]) => [foldVietnamese(name as string), code as string]));

export function subjectCode(name: string): string | null {
  return SUBJECT_CODES.get(foldVietnamese(name)) ?? null;
}

/** Subjects include Vietnamese citizens (ĐT1 'Công dân Việt Nam'). */
export function hasCitizenSubject(subjects: readonly CodedName[]): boolean {
  return subjects.some((s) => s.code === 'ĐT1' || foldVietnamese(s.name) === 'cong dan viet nam');
}

/** Ministry slugs used by the public index → full names as in the national records' departmentPromulgateName. */
export const MINISTRY_NAMES: Readonly<Record<string, string>> = {
  'bo-tai-chinh': 'Bộ Tài chính',
  'bo-xay-dung': 'Bộ Xây dựng',
  'bo-nong-nghiep-mt': 'Bộ Nông nghiệp và Môi trường',
  'bo-tu-phap': 'Bộ Tư pháp',
  'ngan-hang-nha-nuoc': 'Ngân hàng Nhà nước Việt Nam',
  'bo-cong-an': 'Bộ Công an',
  'toa-an-nhan-dan': 'Tòa án nhân dân tối cao',
};

// Folded phrases saying the applicant must appear in person ("hai bên nam, nữ phải có mặt" in 1.000894).
const PRESENCE_PHRASES = ['phai co mat', 'phai truc tiep den', 'phai den truc tiep', 'truc tiep co mat'];

/**
 * true when any text says the applicant must appear in person; otherwise null (the source does not say —
 * silence is not evidence that presence is not required).
 */
export function detectPersonalPresence(texts: readonly string[]): true | null {
  const folded = foldVietnamese(texts.join(' \n '));
  return PRESENCE_PHRASES.some((p) => folded.includes(p)) ? true : null;
}

/** Inter-agency (liên thông): coordinating agencies named, or the name says "liên thông". */
export function detectInterAgency(name: string, coordinating: readonly string[]): boolean {
  return coordinating.length > 0 || foldVietnamese(name).includes('lien thong');
}

/** Date part (YYYY-MM-DD) of an epoch-ms instant in Vietnam time (UTC+7, no DST). */
export function vietnamDate(epochMs: number): string {
  return new Date(epochMs + 7 * 3600_000).toISOString().slice(0, 10);
}

export function uniq(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const key = foldVietnamese(item);
    if (item.trim() === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

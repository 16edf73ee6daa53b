/**
 * Parser for entries of the public-page procedure index (data/seed/procedure-index-2026.json: code, name,
 * levels, field, agencies, announcing decision and the pages' text). Pure: takes already-parsed JSON.
 *
 * Such entries are listed and searchable but are NOT structured: `structured: false`, `channels: []`,
 * `components: []`. A unit must add structured channels (time limits, fees) and components before it can
 * publish one. Decisions:
 * - levels: 'Cấp xã' → commune, 'Cấp tỉnh' → province, 'Cấp bộ' → ministry, 'Cơ quan khác' → other; also
 *   tolerated: 'Cấp huyện' (pre-2025 district level) → commune, and any other "Cơ quan …" → other; an
 *   unknown label is a CatalogParseError.
 * - field: { code: null, name } (the pages give no field code).
 * - subjects: the comma-joined text is split with `splitVietnameseList` (keeps "Tổ chức (không bao gồm
 *   doanh nghiệp, HTX)" and "Cán bộ, công chức, viên chức" whole) and coded with the portal's ĐT codes where
 *   known. Agencies are split the same way.
 * - ministry: the slug is mapped to the full name ('bo-cong-an' → 'Bộ Công an'); unknown slugs are kept.
 * - publication: { decisionNo: announcingDecision, decisionDate: null, publishedAt: null }.
 * - text fields: null → ''. `steps` and `requirements` copy the page text.
 * - onlineLevel: 'none' — the pages' online level is not in the index (to be set with the channels).
 * - feeBearing: the methods text shows an amount > 0 (e.g. "10,000 Việt Nam Đồng", "120,000 VNĐ").
 */
import { cleanText, foldVietnamese } from '../text/fold.ts';
import { splitVietnameseList } from '../text/list.ts';
import { detectInterAgency, detectPersonalPresence, hasCitizenSubject, MINISTRY_NAMES, subjectCode, uniq } from './common.ts';
import { Reader } from './read.ts';
import type { ProcedureLevel, ProcedureRecord, PublicIndexText, SubmissionChannel, TimeLimit } from './types.ts';

const LEVELS: Readonly<Record<string, ProcedureLevel>> = {
  'cap xa': 'commune',
  'cap huyen': 'commune',
  'cap tinh': 'province',
  'cap bo': 'ministry',
  'co quan khac': 'other',
};
const LEVEL_ORDER: readonly ProcedureLevel[] = ['commune', 'province', 'ministry', 'other'];
const TEXT_KEYS = ['steps', 'methods', 'components', 'requirements', 'legalBasis', 'result'] as const;

export function parsePublicIndexEntry(entry: unknown): ProcedureRecord {
  const r = Reader.root(entry);
  r.obj();
  const code = cleanText(r.get('code').nonEmptyStr());
  r.ctx.code = code;
  const name = cleanText(r.get('name').nonEmptyStr());

  const levelSet = new Set<ProcedureLevel>();
  for (const item of r.get('levels').items(true)) {
    const label = foldVietnamese(item.str());
    const level = LEVELS[label] ?? (label.startsWith('co quan') ? 'other' : undefined);
    if (!level) return item.fail(`unknown level ${JSON.stringify(item.str())}`);
    levelSet.add(level);
  }
  const levels = LEVEL_ORDER.filter((l) => levelSet.has(l));

  const textReader = r.get('text');
  const text = {} as PublicIndexText;
  const hasText = textReader.value !== undefined && textReader.value !== null;
  if (hasText) textReader.obj();
  for (const key of TEXT_KEYS) {
    text[key] = hasText ? cleanText(textReader.get(key).optStr()) : '';
  }

  const subjects = splitVietnameseList(r.get('subjects').optStr()).map((s) => ({ code: subjectCode(s), name: s }));
  const fieldName = cleanText(r.get('field').optStr());
  const ministrySlug = cleanText(r.get('ministry').optStr());
  const decisionNo = cleanText(r.get('announcingDecision').optStr());
  const coordinating = uniq(splitVietnameseList(r.get('coordinatingAgency').optStr()));

  return {
    code,
    name,
    source: 'public_index',
    structured: false,
    portalId: cleanText(r.get('portalId').optStr()) || null,
    field: fieldName ? { code: null, name: fieldName } : null,
    levels,
    onlineLevel: 'none',
    channels: [],
    components: [],
    results: [],
    subjects,
    legalBasis: [],
    steps: text.steps,
    requirements: text.requirements,
    agencies: {
      executing: uniq(splitVietnameseList(r.get('implementingAgency').optStr())),
      competent: uniq(splitVietnameseList(r.get('competentAgency').optStr())),
      coordinating,
    },
    publication: decisionNo ? { decisionNo, decisionDate: null, publishedAt: null } : null,
    ministry: ministrySlug ? (MINISTRY_NAMES[ministrySlug] ?? ministrySlug) : null,
    isInterAgency: detectInterAgency(name, coordinating),
    requiresPersonalPresence: detectPersonalPresence([text.steps, text.methods, text.requirements]),
    citizenSubject: hasCitizenSubject(subjects),
    feeBearing: methodsShowFee(text.methods),
    text,
  };
}

const AMOUNT = /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:VNĐ|VND|Việt Nam Đồng|đồng)/giu;

function methodsShowFee(methods: string): boolean {
  for (const m of methods.matchAll(AMOUNT)) {
    if (Number((m[1] ?? '').replace(/[.,]/g, '')) > 0) return true;
  }
  return false;
}

export interface TimeHint {
  channel: SubmissionChannel;
  amount: number;
  /** 'months' appears on a few pages; it is not a legal-limit unit of ours. */
  unit: TimeLimit['unit'] | 'months';
  /** The matched unit text, e.g. 'Ngày làm việc'. */
  raw: string;
}

// Page table cells run together: "Trực tiếp5 Ngày làm việc10,000 Việt Nam Đồng(…)". Only a number directly
// followed by a time unit is taken; "Trực tuyến1Miễn phí" (1.000894, no unit) yields nothing.
const TIME_CELL = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)\s*(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ|Tháng)/gu;
const HINT_CHANNELS: Readonly<Record<string, SubmissionChannel>> = {
  'Trực tiếp': 'desk',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'postal',
};
const HINT_UNITS: Readonly<Record<string, TimeHint['unit']>> = {
  'Ngày làm việc': 'working_days',
  Ngày: 'days',
  Giờ: 'hours',
  Tháng: 'months',
};

/**
 * Best-effort time limits from an index entry's `text.methods` (page table flattened to text). A hint, never a
 * published limit: a human confirms it when structuring the procedure.
 */
export function extractTimeHints(methods: string): TimeHint[] {
  const hints: TimeHint[] = [];
  for (const m of cleanText(methods).matchAll(TIME_CELL)) {
    const channel = HINT_CHANNELS[m[1] ?? ''];
    const unit = HINT_UNITS[m[3] ?? ''];
    const amount = Number((m[2] ?? '').replace(',', '.'));
    if (!channel || !unit || !Number.isFinite(amount)) continue;
    hints.push({ channel, amount, unit, raw: m[3] ?? '' });
  }
  return hints;
}

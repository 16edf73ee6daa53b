/**
 * Page-text parser: an index entry's page text (data/seed/procedure-index-2026.json) → the structured parts
 * of a procedure record, each field with a confidence flag. Pure. Measured against the national records in
 * bench/PARSER.md (`npx tsx bench/parser-accuracy.ts`); the floor is locked by page-parser.accuracy.test.ts.
 *
 * Page layout (see page-text.ts) and how each table is read:
 * - methods: header "Hình thức nộpThời gianPhí, lệ phíMô tả", then rows "<channel><time><fee>(<fee text>)<text>".
 *   A row starts at "Trực tiếp" / "Trực tuyến" / "Dịch vụ bưu chính" followed by a digit, "Miễn phí" or
 *   "Không có thông tin" (the words inside descriptions are followed by other words). Time cells: "N Ngày
 *   làm việc" → working_days, "N Ngày" → days, "N Giờ" → hours, "N Tháng" (not a limit unit: null, low),
 *   "N" alone = the portal's OTHER (time from text, time-text.ts, else null; low), "Không có thông tin" →
 *   null (low). When the number runs into a fee amount ("Trực tuyến120 VNĐ"), the time is the shortest
 *   leading part that leaves a well-formed amount (low). Fee cells: "Miễn phí" → one 0-VND line, "Không có
 *   thông tin" → none, "<amount> Việt Nam Đồng|VNĐ|đồng" (low below 1,000 VND: the pages show some amounts
 *   in thousands), USD or another currency → 0 VND with the text kept (low); one outer pair of parentheses
 *   after it is the fee's description. A fee of 0 whose text says a council or the province sets it is low
 *   (a reviewer enters the amount in force). A channel listed several times is one channel with `stages`,
 *   its limit the sum when the units agree (as parseNationalRecord does). Fee kind: the page does not say
 *   phí or lệ phí: 'charge' (lệ phí) unless the text says "phí" without "lệ phí".
 * - components: groups "<heading>Tên giấy tờMẫu đơn, tờ khaiSố lượng<rows>", each row "<name><form file
 *   names><count>" with count "N bản chính", "N bản chính,N bản sao" or "N bản sao"; a heading "--" is no
 *   heading. Form file names are the ASCII names of the portal's attachments ("1.MuCT01banhnhkmtheoThngts53
 *   (3).doc"): the trailing run of ASCII without spaces before the count that ends in a document extension,
 *   cut after the last ")", ";" or ":" of the preceding sentence. Notes (notes.ts) are split out. The page
 *   does not give `required` or e-forms: false.
 * - results: "<name>Mã: <code>" repeated, then "Từ khóa…Mô tả…" (the page's description) and form controls.
 * - legal basis: header "Tên văn bản pháp lýMã văn bản", then "<name><code>" rows. A code is "N/YYYY/ABBR"
 *   or "N/ABBR" (ABBR upper-case parts joined by "-", QH + 2 digits, "TTg"); it ends a row when followed by
 *   the end or an upper-case letter. A name that still holds a lower→upper join ("phápThông") is split there.
 * - agencies: the entry's implementing agency (its own field), split as public-index.ts does; when it names
 *   none, a commune-level procedure gets "Ủy ban nhân dân cấp xã" (low), others nothing (low).
 */
import { foldVietnamese, nfc } from '../text/fold.ts';
import { isFeeBearing } from './national-record.ts';
import { splitNotes } from './notes.ts';
import { COMPONENTS_HEADER, LEGAL_HEADER, METHODS_HEADER, NO_INFO, readParenthesised, splitResultSection, stripFormControls, stripHeader, tidy } from './page-text.ts';
import { conditionOf, timeFromText } from './time-text.ts';
import {
  PARSED_FIELDS,
  type ChannelSpec,
  type CodedName,
  type DossierComponent,
  type FieldConfidence,
  type ParsedField,
  type ParseIssue,
  type ParseReport,
  type ProcedureFee,
  type ProcedureNote,
  type ProcedureLevel,
  type ProcedureRecord,
  type PublicIndexText,
  type SubmissionChannel,
  type TimeLimit,
} from './types.ts';

export const PAGE_PARSER_VERSION = 'page-text/1';
export const COMMUNE_COMMITTEE = 'Ủy ban nhân dân cấp xã';

const CHANNEL_LABELS: Readonly<Record<string, SubmissionChannel>> = { 'Trực tiếp': 'desk', 'Trực tuyến': 'online', 'Dịch vụ bưu chính': 'postal' };
const CHANNEL_ORDER: readonly SubmissionChannel[] = ['desk', 'online', 'postal'];
/** The page's own channel words, for issue details a reviewer reads. */
const PAGE_LABEL: Readonly<Record<SubmissionChannel, string>> = { desk: 'Trực tiếp', online: 'Trực tuyến', postal: 'Dịch vụ bưu chính' };
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\s*(?:\d|Không có thông tin|Miễn phí))/gu;
const TIME_UNITS: Readonly<Record<string, TimeLimit['unit'] | 'months'>> = { 'Ngày làm việc': 'working_days', Ngày: 'days', Giờ: 'hours', Tháng: 'months' };
const TIME_WITH_UNIT = /^\s*(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ|Tháng)/u;
const CURRENCY = /^\s*(Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD)/u;
/** A fee amount as the pages print it: 10,000 / 10.000 / 150000. */
const AMOUNT = /^(?:[1-9]\d{0,2}(?:[.,]\d{3})+|[1-9]\d*|0)$/;

type Issues = ParseIssue[];
const issue = (issues: Issues, field: ParsedField, code: string, detail: string | null = null) => {
  if (!issues.some((i) => i.field === field && i.code === code && i.detail === detail)) issues.push({ field, code, detail: detail && detail.length > 160 ? `${detail.slice(0, 157)}…` : detail });
};

// ------------------------------------------------------------------------------------------------- methods

export interface MethodRow {
  channel: SubmissionChannel;
  /** The row's cells as the page shows them (channel label, time, fee with its text, description). */
  cells: [string, string, string, string];
  /** The time cell: amount and unit ('other' = a number without unit), or null ("Không có thông tin"). */
  time: { amount: number; unit: TimeLimit['unit'] | 'months' | 'other' } | null;
  fees: ProcedureFee[];
  description: string;
}

function feeKind(text: string): ProcedureFee['kind'] {
  const f = text.toLowerCase();
  return f.includes('lệ phí') || !/(^|[^\p{L}])phí/u.test(f) ? 'charge' : 'fee';
}

/** Splits a run of digits glued to an amount ("140,000" → time 1, amount 40,000): the shortest valid time. */
function splitTimeAndAmount(digits: string): { time: number; amount: string } | null {
  for (let i = 1; i < digits.length; i++) {
    const t = digits.slice(0, i);
    const rest = digits.slice(i);
    if (!/^\d+$/.test(t) || !AMOUNT.test(rest)) continue;
    return { time: Number(t), amount: rest };
  }
  return null;
}

function parseMethodRow(label: string, cell: string, issues: Issues): MethodRow {
  const channel = CHANNEL_LABELS[label]!;
  let rest = cell;
  let time: MethodRow['time'] = null;
  let gluedAmount: string | null = null;
  const withUnit = TIME_WITH_UNIT.exec(rest);
  if (withUnit) {
    time = { amount: Number((withUnit[1] ?? '0').replace(',', '.')), unit: TIME_UNITS[withUnit[2] ?? ''] ?? 'other' };
    rest = rest.slice(withUnit[0].length);
  } else if (rest.trimStart().startsWith(NO_INFO)) {
    rest = rest.trimStart().slice(NO_INFO.length);
  } else {
    const m = /^\s*(\d[\d.,]*)/u.exec(rest);
    if (m) {
      const digits = m[1] ?? '';
      const after = rest.slice(m[0].length);
      if (CURRENCY.test(after)) {
        const split = splitTimeAndAmount(digits);
        if (split) {
          time = { amount: split.time, unit: 'other' };
          gluedAmount = split.amount;
          issue(issues, 'time', 'time_glued_to_fee', `${digits}${after.slice(0, 12)}`);
          issue(issues, 'fees', 'time_glued_to_fee', `${digits}${after.slice(0, 12)}`);
        }
        rest = gluedAmount === null ? rest : after;
      } else {
        time = { amount: Number(digits.replace(',', '.')), unit: 'other' };
        rest = after;
      }
    }
  }

  const timeCell = cell.slice(0, cell.length - rest.length);
  const afterTime = rest;
  // Fee cell.
  const fees: ProcedureFee[] = [];
  const trimmed = rest.trimStart();
  let feeText = '';
  const takeParen = (s: string): { text: string; rest: string } => {
    const t = s.trimStart();
    if (!t.startsWith('(')) return { text: '', rest: s };
    const p = readParenthesised(t, 0);
    return { text: tidy(p.inner), rest: t.slice(p.end) };
  };
  if (gluedAmount !== null) {
    const cur = CURRENCY.exec(trimmed);
    const after = takeParen(trimmed.slice(cur ? cur[0].length : 0));
    feeText = after.text;
    rest = after.rest;
    fees.push(amountFee(gluedAmount, cur?.[1] ?? 'VNĐ', feeText, issues));
  } else if (trimmed.startsWith('Miễn phí')) {
    const after = takeParen(trimmed.slice('Miễn phí'.length));
    feeText = after.text;
    rest = after.rest;
    fees.push({ kind: feeKind(feeText), amountVnd: 0, description: feeText });
  } else if (trimmed.startsWith(NO_INFO)) {
    rest = trimmed.slice(NO_INFO.length);
  } else {
    const m = /^(\d[\d.,]*)\s*(?=Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD)/u.exec(trimmed);
    if (m) {
      const afterAmount = trimmed.slice(m[0].length);
      const cur = CURRENCY.exec(afterAmount)!;
      const after = takeParen(afterAmount.slice(cur[0].length));
      feeText = after.text;
      rest = after.rest;
      fees.push(amountFee(m[1] ?? '0', cur[1] ?? 'VNĐ', feeText, issues));
    } else {
      issue(issues, 'fees', 'fee_unreadable', trimmed.slice(0, 60));
      rest = trimmed;
    }
  }
  const feeCell = afterTime.slice(0, afterTime.length - rest.length);
  return { channel, cells: [label, tidy(timeCell), tidy(feeCell), tidy(rest)], time, fees, description: tidy(rest) };
}

function amountFee(amount: string, currency: string, text: string, issues: Issues): ProcedureFee {
  if (currency === 'USD') {
    issue(issues, 'fees', 'fee_currency', `${amount} USD`);
    return { kind: feeKind(text), amountVnd: 0, description: tidy(`${amount} USD${text ? ` (${text})` : ''}`) };
  }
  const vnd = Number(amount.replace(/[.,]/g, ''));
  if (vnd > 0 && vnd < 1000) issue(issues, 'fees', 'fee_amount_small', `${amount} ${currency}`);
  return { kind: feeKind(text), amountVnd: vnd, description: text };
}

/** The rows of the methods table, in page order (`lead`: text before the first row, if any). */
export function readMethodRows(methods: string, issues: Issues): { rows: MethodRow[]; lead: string } {
  const body = stripHeader(nfc(methods), METHODS_HEADER);
  const starts = [...body.matchAll(ROW_START)];
  if (starts.length === 0) {
    if (body.trim()) issue(issues, 'channels', 'methods_unreadable', body.slice(0, 80));
    else issue(issues, 'channels', 'methods_missing');
    return { rows: [], lead: tidy(body) };
  }
  const lead = tidy(body.slice(0, starts[0]!.index));
  if (lead) issue(issues, 'channels', 'methods_leftover', lead);
  const rows = starts.map((m, i) => {
    const from = m.index + m[0].length;
    const to = i + 1 < starts.length ? starts[i + 1]!.index : body.length;
    return parseMethodRow(m[1] ?? '', body.slice(from, to), issues);
  });
  return { rows, lead };
}

/** The methods table → channels (desk, online, postal order) and the issues met. */
export function parseMethods(methods: string, texts: { steps: string; requirements: string }, issues: Issues): ChannelSpec[] {
  const { rows } = readMethodRows(methods, issues);
  if (rows.length === 0) return [];

  const out: ChannelSpec[] = [];
  for (const channel of CHANNEL_ORDER) {
    const all = rows.filter((r) => r.channel === channel);
    if (all.length === 0) continue;
    // Rows for a verification case are conditional limits, not stages (conditionOf); the others are stages.
    const conditionalRows = all.length > 1 ? all.filter((r) => conditionOf(r.description) !== null && r.time && r.time.unit === 'working_days') : [];
    const mine = conditionalRows.length < all.length ? all.filter((r) => !conditionalRows.includes(r)) : all;
    const units = new Set(mine.map((r) => r.time?.unit ?? 'none'));
    const total = mine.reduce((s, r) => s + (r.time?.amount ?? 0), 0);
    const unit = mine[0]!.time?.unit ?? null;
    let limit: TimeLimit | null = null;
    let limitSource: ChannelSpec['limitSource'] = 'record';
    let limitQuote: string | null = null;
    let conditionalLimits: NonNullable<ChannelSpec['conditionalLimits']> = [];
    const description = all.map((r) => r.description).filter((d) => d !== '').join('\n');
    if (units.size === 1 && unit && unit !== 'other' && unit !== 'months' && total > 0) {
      limit = { amount: total, unit };
    } else if (units.size === 1 && (unit === 'other' || unit === null)) {
      const fromText = timeFromText([description, texts.steps, texts.requirements], mine.length === 1 && unit === 'other' ? (mine[0]!.time?.amount ?? null) : null);
      if (fromText) {
        limit = fromText.limit;
        limitSource = 'text';
        limitQuote = fromText.quote;
        conditionalLimits = fromText.conditional;
        issue(issues, 'time', 'time_from_text', fromText.quote);
      } else issue(issues, 'time', unit === null ? 'time_missing' : 'time_unit_missing', unit === null ? PAGE_LABEL[channel] : `${PAGE_LABEL[channel]}: ${total}`);
    } else if (units.has('months')) issue(issues, 'time', 'time_months', `${PAGE_LABEL[channel]}: ${total} tháng`);
    else issue(issues, 'time', units.has('none') ? 'time_missing' : 'time_units_mixed', PAGE_LABEL[channel]);
    for (const r of conditionalRows) conditionalLimits.push({ condition: conditionOf(r.description)!, limit: { amount: r.time!.amount, unit: 'working_days' } });
    if (limit && limit.unit === 'working_days' && !Number.isInteger(limit.amount * 2)) {
      issue(issues, 'time', 'time_fraction', `${PAGE_LABEL[channel]}: ${limit.amount}`);
      limit = null;
    }
    if (limit && limit.unit === 'days' && !Number.isInteger(limit.amount)) {
      issue(issues, 'time', 'time_fraction', `${PAGE_LABEL[channel]}: ${limit.amount}`);
      limit = null;
    }
    const fees: ProcedureFee[] = [];
    const seen = new Set<string>();
    for (const f of all.flatMap((r) => r.fees)) {
      const key = `${f.amountVnd}|${f.description}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fees.push(f);
    }
    for (const f of fees) {
      const lower = f.description.toLowerCase();
      if (f.amountVnd === 0 && /(hội đồng nhân dân|hđnd|ủy ban nhân dân tỉnh|mức (lệ )?phí cụ thể|theo quy định)/u.test(lower) && !/^\(?\s*miễn/u.test(lower)) {
        issue(issues, 'fees', 'fee_set_elsewhere', f.description);
      }
    }
    out.push({
      channel,
      limit,
      limitSource,
      limitQuote,
      conditionalLimits,
      rawTime: { value: total, unit: unit === null ? 'NONE' : unit === 'other' ? 'OTHER' : unit.toUpperCase() },
      stages: mine.length > 1 ? mine.map((r) => r.time?.amount ?? 0) : [],
      fees,
      description,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- components

const COUNT = /(\d+) bản chính(?:\s*,\s*(\d{1,2}) bản sao)?|(\d+) bản sao/gu;
const FORM_EXT = /(?: \(\d+\))?\.(?:docx|doc|pdf|xlsx|xls|rtf|odt|ods|zip|rar|jpe?g|png)$/iu;

/**
 * The count cell glued to the name ("…theo Mẫu số 181 bản chính" = "Mẫu số 18" + "1 bản chính"): counts are
 * one digit unless the number stands alone (after a space or at the start) and is at most 20.
 */
function splitCount(raw: string, digits: string): { nameTail: string; count: number } {
  if (digits.length === 1) return { nameTail: '', count: Number(digits) };
  const alone = raw === '' || /\s$/u.test(raw);
  if (alone && Number(digits) <= 20) return { nameTail: '', count: Number(digits) };
  return { nameTail: digits.slice(0, -1), count: Number(digits.slice(-1)) };
}

/**
 * Where a glued form file name starts in `base` (the row text before the extension), by the first rule that
 * applies within its last 120 characters: after the last ";", ")", ":" or sentence-ending "." (after a letter,
 * before a non-space) ("…NĐ-CP;Mẫu số 09.QLT. Buôn bán", "…NĐ-CP).Mus02-…", "…hồ sơ giấy.PC22"); at a case join ("…NĐ-CPPhụ
 * lục IV-NĐ 112", "…theo mẫuTokhai"); else the trailing run of ASCII without spaces (the national crawl's
 * names are often the original names with non-ASCII letters and spaces removed). -1: no file name.
 */
function formStart(base: string): number {
  const from = Math.max(0, base.length - 120);
  const region = base.slice(from);
  const dot = [...region.matchAll(/(?<=\p{L})\.(?=\S)/gu)].at(-1)?.index ?? -1;
  const sep = Math.max(region.lastIndexOf(';'), region.lastIndexOf(')'), region.lastIndexOf(':'), dot);
  if (sep >= 0 && sep < region.length - 1) return from + sep + 1;
  const join = [...region.matchAll(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu)].at(-1);
  if (join) return from + join.index;
  const run = /[\x21-\x7e]+$/u.exec(base);
  return run ? run.index : -1;
}

/** Trailing form file names of a row ("…;1.MuCT01…(3).doc") → the name without them and the files. */
export function splitFormFiles(row: string): { name: string; files: string[] } {
  let name = row.trimEnd();
  const files: string[] = [];
  for (let guard = 0; guard < 5; guard++) {
    const ext = FORM_EXT.exec(name);
    if (!ext) break;
    const base = name.slice(0, ext.index);
    const at = formStart(base);
    if (at < 0) break;
    const lead = /^[.,\s-]*/u.exec(base.slice(at))![0].length;
    const file = name.slice(at + lead);
    if (!/[A-Za-zÀ-ỹ]/u.test(base.slice(at + lead))) break;
    files.unshift(file.trim());
    name = name.slice(0, at).trimEnd();
  }
  return { name: tidy(name), files };
}

/** All rows of the components tables, notes included, in source order. */
export function parseComponentRows(components: string, issues: Issues): DossierComponent[] {
  const text = nfc(components);
  const parts = text.split(COMPONENTS_HEADER);
  const rows: DossierComponent[] = [];
  let heading = tidy(parts[0] ?? '');
  if (parts.length === 1) {
    if (text.trim()) issue(issues, 'components', 'components_unreadable', text.slice(0, 80));
    else issue(issues, 'components', 'components_missing');
    return rows;
  }
  for (let p = 1; p < parts.length; p++) {
    const part = parts[p] ?? '';
    const caseName = heading === '' || heading === '--' || heading === '-' ? null : heading;
    let last = 0;
    for (const m of part.matchAll(COUNT)) {
      let raw = part.slice(last, m.index);
      last = m.index + m[0].length;
      const first = splitCount(raw, m[1] ?? m[3] ?? '0');
      raw += first.nameTail;
      const { name, files } = splitFormFiles(raw);
      if (!name) {
        issue(issues, 'components', 'component_without_name', m[0]);
        continue;
      }
      const original = m[3] !== undefined ? 0 : first.count;
      const copy = m[3] !== undefined ? first.count : Number(m[2] ?? '0');
      if (name.length > 1500) issue(issues, 'components', 'component_too_long', name.slice(0, 80));
      rows.push({ code: null, name, caseName, required: false, originalCount: original, copyCount: copy, hasEForm: false, forms: files.map((f) => ({ fileName: f, ref: f })) });
    }
    const tail = tidy(part.slice(last));
    if (p + 1 < parts.length) heading = tail;
    else if (tail) issue(issues, 'components', 'components_leftover', tail);
  }
  if (rows.length === 0) issue(issues, 'components', 'components_missing');
  return rows;
}

// ----------------------------------------------------------------------------------------- results, legal

export function parseResults(result: string, issues: Issues): { results: CodedName[]; description: string | null } {
  const { results: text, description } = splitResultSection(result);
  const out: CodedName[] = [];
  let last = 0;
  // Codes: KQ.G15.000032, KQ-G01.000001, 000.00.00.G01-KQ0001, TP-G15.0000001 — ending in a digit (the next
  // name follows without a space: "…000030Thông báo").
  for (const m of text.matchAll(/Mã:\s*([A-Z0-9][A-Z0-9.\-]*\d)/gu)) {
    const name = tidy(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (!name) {
      issue(issues, 'results', 'result_without_name', m[1] ?? null);
      continue;
    }
    out.push({ code: m[1] ?? null, name });
  }
  const tail = tidy(text.slice(last));
  if (tail) {
    out.push({ code: null, name: tail });
    issue(issues, 'results', 'result_without_code', tail);
  }
  if (out.length === 0) issue(issues, 'results', 'results_missing');
  return { results: out, description };
}

// Legal document codes: 85/2019/TT-BTC, 52/2014/QH13, 66.7/2025/NQ-CP, 163/QĐ-BTP, 766/QĐ-TTg.
const ABBR = String.raw`(?:TTg|QH\d{2}|[A-ZĐ]+)`;
const LEGAL_CODE = new RegExp(String.raw`(?:(?<!\d)|(?<=QH\d{2}))(\d+(?:\.\d+)?)(/(?:\d{4}/)?${ABBR}(?:[-–]${ABBR})*)`, 'gu');
/** Abbreviations that end a code even when an upper-case word follows ("TT-BTPThông"). */
const KNOWN_ABBR = new Set(['CP', 'TTg', 'BTC', 'BTP', 'BCA', 'BXD', 'NHNN', 'BNNPTNT', 'BTNMT', 'BNNMT', 'BYT', 'BQP', 'BCT', 'BNV', 'BGTVT', 'BKHĐT', 'BLĐTBXH', 'BGDĐT', 'VPCP', 'UBTVQH', 'TANDTC', 'HĐTP', 'HĐND', 'UBND', 'BTTTT', 'BKHCN', 'BVHTTDL', 'BNG', 'KTNN', 'VKSNDTC', 'BDTTG', 'UBDT', 'TCHQ', 'TCT', 'KBNN', 'NQ', 'NĐ', 'TT', 'QĐ', 'TTLT', 'PL']);
const UPPER = /\p{Lu}/u;
const DOC_TYPE_ONLY = /^(?:Thông tư|Nghị định|Quyết định|Luật|Nghị quyết|Công văn|Chỉ thị)(?: số)?$/u;
const LOWER = /\p{Ll}/u;

/**
 * Where a code really ends: a last part that swallowed the first letter of the next name ("BTPT|hông") gives
 * it back; a known abbreviation glued to a lower-case word ("BCA|ngày") keeps it (and is then not a row end).
 */
function codeEnd(text: string, start: number, code: string): string {
  const next = text[start + code.length] ?? '';
  if (!LOWER.test(next)) return code;
  const parts = code.split(/[-–]/);
  const lastPart = parts[parts.length - 1] ?? '';
  if (/^QH\d{2}$|^TTg$/.test(lastPart) || lastPart.length < 2) return code;
  return KNOWN_ABBR.has(lastPart) && !KNOWN_ABBR.has(lastPart.slice(0, -1)) ? code : code.slice(0, -1);
}

/**
 * The number of a code glued to the text before it: "QH13" + "52/2014/QH13" (the 2 digits after QH are the
 * previous code's), "năm 2023" + "23/2023/QH15" (a 4-digit year first).
 */
function codeNumber(text: string, index: number, num: string): number | null {
  const before = text.slice(Math.max(0, index - 2), index);
  if (before === 'QH' && num.length > 2) return 2;
  if (/^(19|20)\d{2}\d+$/.test(num) && num.length >= 5 && num.length <= 8) return 4;
  if (before.endsWith('/')) return null; // a date ("20/7/2023/…")
  return 0;
}

export function parseLegalBasis(legal: string, issues: Issues): CodedName[] {
  const text = tidy(stripHeader(nfc(legal), LEGAL_HEADER));
  const out: CodedName[] = [];
  if (!text) {
    issue(issues, 'legalBasis', 'legal_missing');
    return out;
  }
  let last = 0;
  for (const m of text.matchAll(LEGAL_CODE)) {
    const skip = codeNumber(text, m.index, m[1] ?? '');
    if (skip === null) continue;
    const start = m.index + skip;
    if (start < last) continue;
    const code = codeEnd(text, start, m[0].slice(skip));
    const end = start + code.length;
    const next = text[end] ?? '';
    // A row ends at the end, before an upper-case letter, or before " " + an upper-case letter; otherwise the
    // code is inside a name ("… 120/2025/NĐ-CP ngày …").
    if (next !== '' && !UPPER.test(next) && !(next === ' ' && UPPER.test(text[end + 1] ?? ''))) continue;
    let name = text.slice(last, start);
    // "Nghị định 101/2024/NĐ-CP" + its code: the first code is the name's own.
    if (DOC_TYPE_ONLY.test(name.trim())) continue;
    let fullCode = code;
    // "…Bộ Tư phápThông tư số 03/2023/TT-BTP": the code cell itself starts with words.
    const join = /[^\s]((?:Thông tư|Nghị định|Quyết định|Luật|Nghị quyết|Công văn|Chỉ thị)(?: số)?\s*)$/u.exec(name);
    if (join && join[1]) {
      fullCode = `${join[1]}${code}`;
      name = name.slice(0, name.length - join[1].length);
    }
    name = tidy(name);
    last = end;
    if (!name) {
      issue(issues, 'legalBasis', 'legal_without_name', fullCode);
      out.push({ code: fullCode, name: fullCode });
      continue;
    }
    if (/\p{Ll}\p{Lu}\p{Ll}/u.test(name)) issue(issues, 'legalBasis', 'legal_cells_joined', name.slice(0, 80));
    out.push({ code: fullCode, name });
  }
  const tail = tidy(text.slice(last));
  if (tail) {
    issue(issues, 'legalBasis', 'legal_without_code', tail);
    out.push({ code: null, name: tail });
  }
  return out;
}

// --------------------------------------------------------------------------------------------- the record

export interface PageParse {
  channels: ChannelSpec[];
  components: DossierComponent[];
  notes: ProcedureNote[];
  /** components and notes together, in source order (for the accuracy bench). */
  rows: DossierComponent[];
  results: CodedName[];
  legalBasis: CodedName[];
  description: string | null;
  report: ParseReport;
}

export function parsePageText(text: PublicIndexText, executing: readonly string[], levels: readonly ProcedureLevel[] = []): PageParse {
  const issues: Issues = [];
  const channels = parseMethods(text.methods, { steps: text.steps, requirements: text.requirements }, issues);
  const rows = parseComponentRows(text.components, issues);
  const { components, notes } = splitNotes(rows);
  if (rows.length > 0 && components.length === 0) issue(issues, 'components', 'components_only_notes');
  const { results, description } = parseResults(text.result, issues);
  const legalBasis = parseLegalBasis(text.legalBasis, issues);
  if (executing.length === 0) issue(issues, 'agencies', levels.includes('commune') ? 'agency_from_level' : 'agency_missing');
  const confidence = Object.fromEntries(PARSED_FIELDS.map((f) => [f, issues.some((i) => i.field === f) ? 'low' : 'high'])) as Record<ParsedField, FieldConfidence>;
  // A channel without a limit leaves the time low even when nothing else was noted.
  if (channels.some((c) => c.limit === null)) confidence.time = 'low';
  if (channels.length === 0) {
    confidence.time = 'low';
    confidence.fees = 'low';
  }
  return { channels, components, notes, rows, results, legalBasis, description, report: { parser: PAGE_PARSER_VERSION, confidence, issues } };
}

/**
 * An index entry (parsePublicIndexEntry) with its page text structured: channels, components and notes,
 * results, legal basis, the parse report. `structured` is true when the parser found channels. Entries
 * without page text are returned unchanged.
 */
export function structureIndexRecord(r: ProcedureRecord): ProcedureRecord {
  if (r.source !== 'public_index' || !r.text) return r;
  const p = parsePageText(r.text, r.agencies.executing, r.levels);
  const allFees = p.channels.flatMap((c) => c.fees);
  // No agency named: a commune-level procedure is handled by the commune People's Committee (the national
  // records' unit group "Ủy ban nhân dân cấp xã"); low confidence until reviewed.
  const executing = r.agencies.executing.length === 0 && r.levels.includes('commune') ? [COMMUNE_COMMITTEE] : r.agencies.executing;
  return {
    ...r,
    agencies: { ...r.agencies, executing },
    structured: p.channels.length > 0,
    onlineLevel: p.channels.some((c) => c.channel === 'online') ? 'partial' : 'none',
    channels: p.channels,
    components: p.components,
    notes: p.notes,
    results: p.results,
    legalBasis: p.legalBasis,
    description: p.description,
    feeBearing: r.feeBearing || isFeeBearing(allFees.filter((f) => f.amountVnd > 0)),
    parse: p.report,
    review: null,
  };
}

/**
 * The page text made readable (for the source view of the review screen and for display where a record has
 * no structured part): no form controls or table headers, one table row per line with its cells separated by
 * " · ", component rows as "- name — counts", notes kept as lines of their own.
 */
export function cleanPageText(source: PublicIndexText | { [K in keyof PublicIndexText]?: string | null }): PublicIndexText {
  const text: PublicIndexText = { steps: source.steps ?? '', methods: source.methods ?? '', components: source.components ?? '', requirements: source.requirements ?? '', legalBasis: source.legalBasis ?? '', result: source.result ?? '' };
  const none: Issues = [];
  const { rows: methodRows, lead } = readMethodRows(text.methods, none);
  const methods = [lead, ...methodRows.map((r) => r.cells.filter((c) => c !== '').join(' · '))].filter((l) => l !== '').join('\n');
  const lines: string[] = [];
  let heading: string | null | undefined;
  for (const r of parseComponentRows(text.components, none)) {
    if (r.caseName !== heading) {
      if (r.caseName) lines.push(r.caseName);
      heading = r.caseName;
    }
    const counts = [r.originalCount > 0 ? `${r.originalCount} bản chính` : '', r.copyCount > 0 ? `${r.copyCount} bản sao` : ''].filter(Boolean).join(', ');
    const forms = r.forms.length ? ` [${r.forms.map((f) => f.fileName).join(', ')}]` : '';
    lines.push(`${r.name}${forms}${counts ? ` — ${counts}` : ''}`);
  }
  const components = lines.length ? lines.join('\n') : tidy(stripFormControls(text.components));
  const legal = parseLegalBasis(text.legalBasis, none).map((d) => (d.code && d.code !== d.name ? `${d.name} (${d.code})` : d.name));
  const res = parseResults(text.result, none);
  const result = [...res.results.map((x) => (x.code ? `${x.name} (${x.code})` : x.name)), ...(res.description ? ['', res.description] : [])].join('\n').trim();
  // Some pages' sections run into each other (a components table inside the requirements): headers go.
  const prose = (s: string) => tidy(stripFormControls(s).split(COMPONENTS_HEADER).join('\n').split(METHODS_HEADER).join('\n').split(LEGAL_HEADER).join('\n'));
  return { steps: prose(text.steps), methods, components: lines.length ? components : prose(text.components), requirements: prose(text.requirements), legalBasis: legal.join('\n'), result };
}

/** The fields still low-confidence on a record that no reviewer confirmed (empty = publishable). */
export function unreviewedLowFields(r: Pick<ProcedureRecord, 'parse' | 'review'>): ParsedField[] {
  if (!r.parse || r.review) return [];
  return PARSED_FIELDS.filter((f) => r.parse!.confidence[f] === 'low');
}

/** Exposed for tests. */
export const _internal = { splitTimeAndAmount, codeEnd, codeNumber, splitCount };

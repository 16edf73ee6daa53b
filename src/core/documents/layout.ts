/**
 * The layout of an administrative document per Appendix I of Decree 30/2020/NĐ-CP (thể thức và kỹ thuật trình bày
 * văn bản hành chính), as pure data: a document spec (kind, agency, number, place and date, subject, body,
 * signature, recipients) → positioned blocks with the font size, weight and style the decree prescribes for each
 * part, on A4 with margins chosen inside the decree's ranges. A renderer (platform/pdf/administrative-document.ts)
 * only flows the blocks: it wraps lines and breaks pages, nothing else is decided there.
 *
 * The decree's rules applied here (Appendix I, part I):
 * - A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman, black.
 * - Page numbers in Arabic digits, 13–14 pt upright, centred in the top margin, not shown on page 1.
 * - Ô 1, national motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" capitals 12–13 pt upright bold; "Độc lập - Tự do -
 *   Hạnh phúc" 13–14 pt upright bold, centred under it, a solid rule as long as the line under it.
 * - Ô 2, issuing agency: the parent agency in capitals 12–13 pt upright; the agency in capitals 12–13 pt upright
 *   bold, a solid rule 1/3–1/2 of the line's length under it.
 * - Ô 3, number and symbol: "Số" then a colon, the symbol in capitals, 13 pt upright, centred under the agency;
 *   numbers below 10 get a leading 0. Official letters: AGENCY-UNIT (e.g. `UBND-VP`); other kinds: KIND-AGENCY
 *   (`QĐ-UBND`, `KH-UBND`, `BC-UBND`, `TB-UBND`). Before numbering the number is left blank (`Số:      /UBND-VP`).
 * - Ô 4, place and date: 13–14 pt italic, centred under the motto; "ngày … tháng … năm …", days below 10 and the
 *   months 1 and 2 with a leading 0 ("ngày 04 tháng 02", "ngày 15 tháng 3").
 * - Ô 5a, kind and subject: the kind in capitals 13–14 pt upright bold, centred; the subject under it 13–14 pt
 *   upright bold, a rule 1/3–1/2 of the line under it. Ô 5b, official letters: no kind; "V/v …" 12–13 pt upright,
 *   centred under the number.
 * - Ô 6, body: 13–14 pt, justified, first line indented 1–1.27 cm, at least 6 pt between paragraphs, line spacing
 *   single to 1.5 lines. "Kính gửi:" (ô 9a) 14 pt upright.
 * - Ô 7, signature: the authority (TM., KT., TL., TUQ., Q.) and title in capitals 13–14 pt upright bold; the
 *   signer's name 13–14 pt upright bold, centred under them; the signature between them.
 * - Ô 10b, urgency: "KHẨN", "THƯỢNG KHẨN" or "HỎA TỐC" in capitals 13–14 pt upright bold, in a single-line frame,
 *   under the number and symbol (confidentiality marks, ô 10a, follow the state-secret rules and are not drawn here).
 * - Ô 9b, recipients: "Nơi nhận:" 12 pt bold italic; each recipient 11 pt upright on its own line, "- …;", the last
 *   one "- Lưu: VT, ….".
 *
 * Coordinates are PDF points (1/72 in) from the page's top-left corner, the convention of
 * core/signing SignaturePlacement.
 */
import { z } from 'zod';
import type { SignaturePlacement } from '../signing/appearance.ts';
import { isUnsafeText } from '../text/unsafe.ts';

// ---------------------------------------------------------------------------------------------------------------
// Kinds

export const DOCUMENT_KINDS = ['official_letter', 'decision', 'plan', 'report', 'notice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Each kind's name (Vietnamese, printed in capitals as the title) and its abbreviation in the symbol (Appendix III). */
export const KIND_INFO: Record<DocumentKind, { vi: string; en: string; abbreviation: string | null }> = {
  official_letter: { vi: 'Công văn', en: 'Official letter', abbreviation: null },
  decision: { vi: 'Quyết định', en: 'Decision', abbreviation: 'QĐ' },
  plan: { vi: 'Kế hoạch', en: 'Plan', abbreviation: 'KH' },
  report: { vi: 'Báo cáo', en: 'Report', abbreviation: 'BC' },
  notice: { vi: 'Thông báo', en: 'Notice', abbreviation: 'TB' },
};

/** Urgency marks (ô 10b): capitals, bold, in a single-line frame, centred under the number. */
export const URGENCY_LEVELS = ['khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];
export const URGENCY_MARKS: Record<Urgency, string> = { khan: 'KHẨN', thuong_khan: 'THƯỢNG KHẨN', hoa_toc: 'HỎA TỐC' };

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const SLOGAN = 'Độc lập - Tự do - Hạnh phúc';
/** What stands in the number's place before the register gives one (the clerk writes it in). */
export const BLANK_NUMBER = '      ';
/** The authority prefixes of a signature block: on behalf of (collective), deputy for, by order of, by delegation, acting. */
export const AUTHORITY_PREFIXES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Settings: every size and margin the decree leaves a range for

const MM = 72 / 25.4;
export const mm = (v: number) => Math.round(v * MM * 100) / 100;
/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * Widths of the fixed header lines per point of font size, in Times New Roman (Liberation Serif) metrics: the motto
 * in bold capitals and the slogan in bold. Used to check that the right header column holds each on one line.
 */
export const MOTTO_WIDTH_PER_PT = 20.74;
export const SLOGAN_WIDTH_PER_PT = 12.25;

const range = (lo: number, hi: number, what: string) =>
  z.number({ error: `${what}: a number` }).min(lo, { error: `${what}: at least ${lo} (Decree 30/2020, Appendix I)` }).max(hi, { error: `${what}: at most ${hi} (Decree 30/2020, Appendix I)` });

export const LayoutSettingsSchema = z
  .object({
    /** Margins in millimetres, inside the decree's ranges. */
    marginTopMm: range(20, 25, 'top margin (mm)').default(20),
    marginBottomMm: range(20, 25, 'bottom margin (mm)').default(20),
    marginLeftMm: range(30, 35, 'left margin (mm)').default(30),
    marginRightMm: range(15, 20, 'right margin (mm)').default(15),
    mottoSize: range(12, 13, 'motto size (pt)').default(13),
    sloganSize: range(13, 14, 'slogan size (pt)').default(14),
    agencySize: range(12, 13, 'agency size (pt)').default(13),
    placeDateSize: range(13, 14, 'place and date size (pt)').default(14),
    titleSize: range(13, 14, 'kind and subject size (pt)').default(14),
    excerptSize: range(12, 13, '"V/v" size (pt)').default(13),
    bodySize: range(13, 14, 'body size (pt)').default(14),
    signatureSize: range(13, 14, 'signature block size (pt)').default(14),
    pageNumberSize: range(13, 14, 'page number size (pt)').default(14),
    /** Line spacing of the body, in lines: single (1) to 1.5. */
    lineSpacing: range(1, 1.5, 'line spacing (lines)').default(1.1),
    /** Space between body paragraphs, points: at least 6. */
    paragraphSpacing: range(6, 18, 'paragraph spacing (pt)').default(6),
    /** First-line indent of body paragraphs: 1 cm or 1.27 cm. */
    firstLineIndentMm: range(10, 12.7, 'first-line indent (mm)').default(10),
    /** Share of the text width the left header column (agency, number) takes; the motto takes the rest. */
    headerLeftShare: range(0.3, 0.45, 'left header column share').default(0.38),
    /** Share of the text width the recipients take beside the signature block. */
    closingLeftShare: range(0.35, 0.55, 'recipients column share').default(0.45),
    /** Length of the rule under the agency and under the subject, as a share of the line: 1/3 to 1/2. */
    ruleRatio: range(1 / 3, 1 / 2, 'rule length (share of the line)').default(0.4),
    /** Height left blank between the signer's title and name for the signature (and the seal), points. */
    signatureSpace: range(56, 140, 'signature space (pt)').default(84),
    /** The electronic-copy box at the top right of page 1 (bản sao điện tử), points. */
    copyBoxWidth: range(120, 260, 'electronic-copy box width (pt)').default(200),
    copyBoxHeight: range(30, 50, 'electronic-copy box height (pt)').default(44),
  })
  .strict();
export type LayoutSettings = z.output<typeof LayoutSettingsSchema>;
export type LayoutSettingsInput = z.input<typeof LayoutSettingsSchema>;
export const DEFAULT_LAYOUT_SETTINGS: LayoutSettings = LayoutSettingsSchema.parse({});

// ---------------------------------------------------------------------------------------------------------------
// The spec: what a user (or a template) gives

/** An error message that says "required" when the field is missing and what is expected otherwise. */
const expected = (what: string, wanted: string) => (iss: { input?: unknown }) => (iss.input === undefined ? `${what}: required` : `${what}: ${wanted}`);

const text = (what: string, max = 2000) =>
  z
    .string({ error: expected(what, 'a text') })
    .transform((s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim())
    .refine((s) => s.length > 0, { error: `${what}: must not be empty` })
    .refine((s) => s.length <= max, { error: `${what}: at most ${max} characters` })
    .refine((s) => !isUnsafeText(s), { error: `${what}: contains a character that is not allowed (NUL or a broken Unicode sequence)` });

/** An abbreviation in a symbol: capitals and digits (Đ included), e.g. UBND, VP, HĐND, TCKT. */
const abbreviation = (what: string) =>
  z
    .string({ error: expected(what, 'a text') })
    .transform((s) => s.normalize('NFC').trim())
    .refine((s) => /^[A-ZĐ0-9]{1,12}$/u.test(s), { error: `${what}: capitals and digits only, 1–12 characters (e.g. UBND, VP, HĐND)` });

/** A body paragraph: a text (a normal paragraph) or an object with a style. */
export const ParagraphSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { text: v } : v),
  z
    .object(
      {
        text: text('paragraph', 5000),
        /**
         * normal: justified, first line indented; basis: a legal basis ("Căn cứ …"), italic; heading: bold, centred
         * ("QUYẾT ĐỊNH:", the issuing authority of a decision); section: bold heading of a part ("I. MỤC ĐÍCH, YÊU CẦU").
         */
        style: z.enum(['normal', 'basis', 'heading', 'section'], { error: 'paragraph style: normal, basis, heading or section' }).default('normal'),
        /** A bold lead-in on the same line, e.g. "Điều 1." (normal paragraphs only). */
        lead: text('paragraph lead', 60).optional(),
      },
      { error: 'paragraph: a text or {text, style?, lead?}' },
    )
    .strict(),
);
export type ParagraphInput = string | { text: string; style?: 'normal' | 'basis' | 'heading' | 'section'; lead?: string };

const isoDate = z
  .string({ error: expected('date', 'YYYY-MM-DD, or YYYY for a date left blank until signing') })
  .refine((s) => /^\d{4}(-\d{2}-\d{2})?$/.test(s) && validDate(s), { error: 'date: YYYY-MM-DD (a real day, 1900–2100), or YYYY for a date left blank until signing' });

function validDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  if (y < 1900 || y > 2100) return false;
  if (s.length === 4) return true;
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const DocumentSpecSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS, { error: expected('kind', `one of ${DOCUMENT_KINDS.join(', ')}`) }),
    agency: z
      .object({
        /** The issuing agency, e.g. "Ủy ban nhân dân phường Pleiku" (printed in capitals). */
        name: text('agency.name', 200),
        /** The parent agency directly above it, e.g. "Ủy ban nhân dân tỉnh Gia Lai"; absent for the top bodies. */
        parent: text('agency.parent', 200).optional(),
        /** The agency's abbreviation in the symbol, e.g. "UBND". */
        abbreviation: abbreviation('agency.abbreviation'),
      }, { error: expected('agency', 'an object {name, parent?, abbreviation}') })
      .strict(),
    /** The drafting unit's abbreviation, official letters only (the symbol AGENCY-UNIT, e.g. UBND-VP). */
    draftingUnit: abbreviation('draftingUnit').optional(),
    /** The register number; null or absent before numbering (the number is left blank). */
    number: z.number({ error: 'number: a whole number from 1, or null before numbering' }).int({ error: 'number: a whole number' }).min(1, { error: 'number: from 1' }).max(999_999, { error: 'number: at most 999999' }).nullish(),
    /** The urgency mark (ô 10b): khan (KHẨN), thuong_khan (THƯỢNG KHẨN), hoa_toc (HỎA TỐC); absent: none. */
    urgency: z.enum(URGENCY_LEVELS, { error: `urgency: one of ${URGENCY_LEVELS.join(', ')}` }).optional(),
    /** The place on the date line, e.g. "Pleiku" (its first letter is a capital). */
    place: text('place', 80),
    date: isoDate,
    /** The subject (trích yếu): official letters print it after "V/v", the others under the kind. */
    subject: text('subject', 500),
    /** "Kính gửi:" — the addressees (official letters mostly; reports and plans sent up may have one too). */
    addressees: z.array(text('addressee', 300)).max(20, { error: 'addressees: at most 20' }).optional(),
    body: z.array(ParagraphSchema, { error: expected('body', 'a list of paragraphs') }).min(1, { error: 'body: at least one paragraph' }).max(400, { error: 'body: at most 400 paragraphs' }),
    signature: z
      .object({
        /** Authority lines, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]; each starts with TM., KT., TL., TUQ. or Q. */
        authority: z.array(text('signature.authority', 120)).max(3, { error: 'signature.authority: at most 3 lines' }).default([]),
        /** The signer's title, e.g. "Phó Chủ tịch" (printed in capitals). */
        title: text('signature.title', 120),
        /** The signer's full name, e.g. "Nguyễn Văn Lãnh" (as written, not in capitals). */
        name: text('signature.name', 80),
      }, { error: expected('signature', 'an object {authority?, title, name}') })
      .strict(),
    /** "Nơi nhận": one recipient per entry, without the leading "-" and the ";" (added here). */
    recipients: z.array(text('recipient', 300), { error: expected('recipients', 'a list of texts') }).min(1, { error: 'recipients: at least one ("Như trên" for an official letter)' }).max(30, { error: 'recipients: at most 30' }),
    /** The filing line "Lưu: VT, VP." — the units that keep a copy; default the clerical office (VT). */
    archive: z.array(abbreviation('archive')).min(1, { error: 'archive: at least VT' }).max(6).default(['VT']),
    settings: LayoutSettingsSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.kind === 'official_letter' && !s.draftingUnit) ctx.addIssue({ code: 'custom', path: ['draftingUnit'], message: 'draftingUnit: an official letter’s symbol names the drafting unit (e.g. UBND-VP)' });
    if (s.kind !== 'official_letter' && s.draftingUnit) ctx.addIssue({ code: 'custom', path: ['draftingUnit'], message: `draftingUnit: only official letters carry it; a ${KIND_INFO[s.kind].en.toLowerCase()}’s symbol is ${KIND_INFO[s.kind].abbreviation}-${s.agency.abbreviation}` });
    s.signature.authority.forEach((a, i) => {
      if (!AUTHORITY_PREFIXES.some((p) => a.toUpperCase().startsWith(`${p} `))) ctx.addIssue({ code: 'custom', path: ['signature', 'authority', i], message: `signature.authority[${i}]: starts with ${AUTHORITY_PREFIXES.join(', ')} and a space (e.g. "TM. ỦY BAN NHÂN DÂN")` });
    });
    s.recipients.forEach((r, i) => {
      if (/^[-–•+\s]*lưu\s*:/iu.test(r)) ctx.addIssue({ code: 'custom', path: ['recipients', i], message: `recipients[${i}]: the filing line "Lưu: …" comes from archive, not from the recipients` });
    });
    s.body.forEach((p, i) => {
      if (p.lead && p.style !== 'normal') ctx.addIssue({ code: 'custom', path: ['body', i, 'lead'], message: `body[${i}].lead: only a normal paragraph has a lead-in` });
    });
    const settings = s.settings ?? DEFAULT_LAYOUT_SETTINGS;
    const rightWidth = textWidth(settings) * (1 - settings.headerLeftShare);
    if (rightWidth < MOTTO_WIDTH_PER_PT * settings.mottoSize) {
      ctx.addIssue({ code: 'custom', path: ['settings'], message: `settings: the motto at ${settings.mottoSize} pt needs ${Math.ceil(MOTTO_WIDTH_PER_PT * settings.mottoSize)} pt on one line; the right header column has ${Math.floor(rightWidth)} pt (lower headerLeftShare, the margins or mottoSize)` });
    }
  });
export type DocumentSpec = z.output<typeof DocumentSpecSchema>;
export type DocumentSpecInput = z.input<typeof DocumentSpecSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The rules, one function each

/** Upper case as printed on headers and titles (Unicode case mapping covers Vietnamese: đ → Đ, ư → Ư …). */
export function upper(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi-VN');
}

/** A day or month written on the date line: days below 10 and the months 1 and 2 get a leading 0. */
export function dayText(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}
export function monthText(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/**
 * "Pleiku, ngày 04 tháng 12 năm 2026"; a date given as a year only leaves the day and month blank for the signer
 * ("Pleiku, ngày      tháng      năm 2026"). The place's first letter is a capital.
 */
export function placeDateLine(place: string, date: string): string {
  const p = place.normalize('NFC').trim();
  const where = p.charAt(0).toLocaleUpperCase('vi-VN') + p.slice(1);
  const y = date.slice(0, 4);
  if (date.length === 4) return `${where}, ngày${BLANK_NUMBER}tháng${BLANK_NUMBER}năm ${y}`;
  return `${where}, ngày ${dayText(Number(date.slice(8, 10)))} tháng ${monthText(Number(date.slice(5, 7)))} năm ${y}`;
}

/** The symbol: AGENCY-UNIT for an official letter (UBND-VP), KIND-AGENCY otherwise (QĐ-UBND). */
export function documentSymbol(kind: DocumentKind, agency: string, draftingUnit?: string): string {
  const abbr = KIND_INFO[kind].abbreviation;
  if (abbr === null) return draftingUnit ? `${agency}-${draftingUnit}` : agency;
  return `${abbr}-${agency}`;
}

/** "Số: 12/UBND-VP", "Số: 05/QĐ-UBND" (below 10 with a leading 0), or "Số:      /UBND-VP" before numbering. */
export function numberLine(number: number | null | undefined, symbol: string): string {
  if (number == null) return `Số:${BLANK_NUMBER}/${symbol}`;
  return `Số: ${number < 10 ? `0${number}` : number}/${symbol}`;
}

/** The first letter in upper case; the rest as written. */
export function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);
}

/** A typed "V/v" (or "Về việc") in front of a subject, which the layout adds itself where it belongs. */
const VV = /^(v\/v|về việc)\s*:?\s*/iu;

/**
 * The "V/v …" line of an official letter: the subject after "V/v ", its first word in lower case unless it is an
 * abbreviation or a name in capitals ("V/v UBND …" stays).
 */
export function excerptLine(subject: string): string {
  const s = subject.replace(VV, '');
  const first = s.split(/\s/u)[0] ?? '';
  const keep = first.length > 1 && first === upper(first);
  return `V/v ${keep ? s : s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1)}`;
}

/** The subject under a kind's title: as written, its first letter a capital ("Về việc …", "Ban hành …"). */
export function subjectLine(subject: string): string {
  return capitalise(subject.replace(/^v\/v\s*:?\s*/iu, 'Về việc '));
}

/** The addressee lines: one on the "Kính gửi:" line, or several, each on its own line ("- …;", the last "- ….") */
export function addresseeLines(addressees: readonly string[]): string[] {
  const clean = addressees.map(stripListPunctuation);
  if (clean.length === 1) return [`Kính gửi: ${clean[0]}.`];
  return ['Kính gửi:', ...clean.map((a, i) => `- ${a}${i === clean.length - 1 ? '.' : ';'}`)];
}

/** The recipients list: "- X;" each, then "- Lưu: VT, VP." */
export function recipientLines(recipients: readonly string[], archive: readonly string[]): string[] {
  return [...recipients.map((r) => `- ${stripListPunctuation(r)};`), `- Lưu: ${archive.join(', ')}.`];
}

function stripListPunctuation(s: string): string {
  return s.replace(/^[\s\-–•+]+/u, '').replace(/[\s;,.]+$/u, '').trim();
}

/** The signature block's capitals: authority lines, then the title. */
export function signatureLines(sig: { authority: readonly string[]; title: string }): string[] {
  return [...sig.authority.map(upper), upper(sig.title)];
}

// ---------------------------------------------------------------------------------------------------------------
// The layout

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';
export interface TextRun {
  text: string;
  face: FontFace;
}

export type BlockId =
  | 'motto'
  | 'slogan'
  | 'parentAgency'
  | 'agency'
  | 'number'
  | 'excerpt'
  | 'urgency'
  | 'placeDate'
  | 'kindTitle'
  | 'subject'
  | 'addressee'
  | 'paragraph'
  | 'heading'
  | 'section'
  | 'authority'
  | 'signerTitle'
  | 'signerName'
  | 'recipientsLabel'
  | 'recipient';

export interface LayoutBlock {
  id: BlockId;
  /** Blocks of one band sit side by side (left and right columns); the next band starts under the lowest column. */
  band: number;
  column: 'left' | 'right' | 'full';
  /** The block's box, points from the page's left edge. */
  x: number;
  width: number;
  runs: TextRun[];
  size: number;
  align: 'left' | 'center' | 'justify';
  /** First-line indent, points. */
  indent: number;
  /** Space above the block, points. */
  spaceBefore: number;
  /** Extra space between the block's lines, points (0 = single spacing). */
  lineGap: number;
  /** A solid rule under the block, centred, this share of the line's length. */
  rule?: number;
  /** A single-line frame around the text (the urgency mark). */
  frame?: boolean;
  /** Must stay on one line (the motto, the slogan). */
  oneLine?: boolean;
  /** Keep on the same page as the next block (headings). */
  keepWithNext?: boolean;
  /** Blank space after the block where the signature (and the seal) goes, points. */
  signatureSpaceAfter?: number;
}

export interface DocumentLayout {
  kind: DocumentKind;
  page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
  /** Page numbers: from page 2, centred in the top margin, upright. */
  pageNumbers: { fromPage: 2; size: number; face: FontFace };
  blocks: LayoutBlock[];
  /** The electronic-copy area (bản sao điện tử): top right of page 1, inside the top margin. */
  copyArea: SignaturePlacement;
  /** PDF metadata. */
  meta: { title: string; subject: string; author: string; fileName: string };
  /** The number line and the date line as printed (for registers and tests). */
  numberLine: string;
  placeDate: string;
}

function textWidth(s: LayoutSettings): number {
  return A4.width - mm(s.marginLeftMm) - mm(s.marginRightMm);
}

/** Line gap (extra leading) in points for a spacing in lines; a single line of Times is 1.15 em. */
const gapFor = (size: number, lines: number) => Math.round(size * 1.15 * (lines - 1) * 100) / 100;

export type LayoutResult = { ok: true; layout: DocumentLayout; spec: DocumentSpec } | { ok: false; problems: string[] };

/** Validates a spec (JSON) and lays it out; every problem is one line naming its field. */
export function layoutDocument(input: unknown): LayoutResult {
  const parsed = DocumentSpecSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: specProblems(parsed.error) };
  return { ok: true, layout: buildLayout(parsed.data), spec: parsed.data };
}

/** The issues of a failed parse as one line each: "path: message" (messages already name their field). */
export function specProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    const message = i.message.replace(/^[^:]{1,40}: /u, '');
    if (i.code === 'unrecognized_keys') return `${where || 'spec'}: unknown field(s) ${i.keys.join(', ')}`;
    return `${where || 'spec'}: ${message}`;
  });
}

/** Lays out a validated spec. */
export function buildLayout(spec: DocumentSpec): DocumentLayout {
  const s = spec.settings ?? DEFAULT_LAYOUT_SETTINGS;
  const margins = { top: mm(s.marginTopMm), bottom: mm(s.marginBottomMm), left: mm(s.marginLeftMm), right: mm(s.marginRightMm) };
  const width = textWidth(s);
  const left = margins.left;
  const headLeftW = round2(width * s.headerLeftShare);
  const headRight = { x: round2(left + headLeftW), width: round2(width - headLeftW) };
  const headLeft = { x: left, width: headLeftW };
  const closeLeftW = round2(width * s.closingLeftShare);
  const closeLeft = { x: left, width: closeLeftW };
  const closeRight = { x: round2(left + closeLeftW), width: round2(width - closeLeftW) };
  const full = { x: left, width: round2(width) };
  const symbol = documentSymbol(spec.kind, spec.agency.abbreviation, spec.draftingUnit);
  const number = numberLine(spec.number, symbol);
  const placeDate = placeDateLine(spec.place, spec.date);
  const isLetter = spec.kind === 'official_letter';
  const blocks: LayoutBlock[] = [];
  let band = 0;
  const add = (b: Omit<LayoutBlock, 'band' | 'x' | 'width' | 'indent' | 'spaceBefore' | 'lineGap'> & Partial<Pick<LayoutBlock, 'indent' | 'spaceBefore' | 'lineGap'>>, box: { x: number; width: number }) =>
    blocks.push({ band, x: box.x, width: box.width, indent: 0, spaceBefore: 0, lineGap: 0, ...b });
  const run = (t: string, face: FontFace = 'regular'): TextRun[] => [{ text: t, face }];

  // Band 0, the header: agency and number (left), motto and date (right).
  if (spec.agency.parent) add({ id: 'parentAgency', column: 'left', runs: run(upper(spec.agency.parent)), size: s.agencySize, align: 'center' }, headLeft);
  add({ id: 'agency', column: 'left', runs: run(upper(spec.agency.name), 'bold'), size: s.agencySize, align: 'center', rule: s.ruleRatio }, headLeft);
  add({ id: 'number', column: 'left', runs: run(number), size: 13, align: 'center', spaceBefore: 6 }, headLeft);
  if (isLetter) add({ id: 'excerpt', column: 'left', runs: run(excerptLine(spec.subject)), size: s.excerptSize, align: 'center', spaceBefore: 6 }, headLeft);
  if (spec.urgency) add({ id: 'urgency', column: 'left', runs: run(URGENCY_MARKS[spec.urgency], 'bold'), size: 13, align: 'center', spaceBefore: 10, frame: true, oneLine: true }, headLeft);
  add({ id: 'motto', column: 'right', runs: run(MOTTO, 'bold'), size: s.mottoSize, align: 'center', oneLine: true }, headRight);
  add({ id: 'slogan', column: 'right', runs: run(SLOGAN, 'bold'), size: s.sloganSize, align: 'center', oneLine: true, rule: 1 }, headRight);
  add({ id: 'placeDate', column: 'right', runs: run(placeDate, 'italic'), size: s.placeDateSize, align: 'center', spaceBefore: 8 }, headRight);

  // Band 1, the kind and subject (not for official letters), then "Kính gửi" and the body.
  band += 1;
  if (!isLetter) {
    add({ id: 'kindTitle', column: 'full', runs: run(upper(KIND_INFO[spec.kind].vi), 'bold'), size: s.titleSize, align: 'center', spaceBefore: 18, keepWithNext: true }, full);
    add({ id: 'subject', column: 'full', runs: run(subjectLine(spec.subject), 'bold'), size: s.titleSize, align: 'center', rule: s.ruleRatio, keepWithNext: true, lineGap: gapFor(s.titleSize, 1) }, full);
  }
  const bodyGap = gapFor(s.bodySize, s.lineSpacing);
  if (spec.addressees?.length) {
    const lines = addresseeLines(spec.addressees);
    // One addressee: the line is centred. Several: "Kính gửi:" and the list start a little left of the centre.
    const box = lines.length === 1 ? full : { x: round2(left + width * 0.18), width: round2(width * 0.82) };
    lines.forEach((l, i) =>
      add({ id: 'addressee', column: 'full', runs: run(l), size: s.bodySize, align: lines.length === 1 ? 'center' : 'left', spaceBefore: i === 0 ? 18 : 0, keepWithNext: true, indent: i === 0 || lines.length === 1 ? 0 : mm(18) }, box),
    );
  }
  const indent = mm(s.firstLineIndentMm);
  spec.body.forEach((p, i) => {
    const para = p;
    const spaceBefore = i === 0 ? 18 : s.paragraphSpacing;
    switch (para.style) {
      case 'heading':
        add({ id: 'heading', column: 'full', runs: run(para.text, 'bold'), size: s.bodySize, align: 'center', spaceBefore, lineGap: bodyGap, keepWithNext: true }, full);
        break;
      case 'section':
        add({ id: 'section', column: 'full', runs: run(para.text, 'bold'), size: s.bodySize, align: 'justify', indent, spaceBefore, lineGap: bodyGap, keepWithNext: true }, full);
        break;
      case 'basis':
        add({ id: 'paragraph', column: 'full', runs: run(para.text, 'italic'), size: s.bodySize, align: 'justify', indent, spaceBefore, lineGap: bodyGap }, full);
        break;
      case 'normal':
        add({ id: 'paragraph', column: 'full', runs: para.lead ? [{ text: `${para.lead} `, face: 'bold' }, { text: para.text, face: 'regular' }] : run(para.text), size: s.bodySize, align: 'justify', indent, spaceBefore, lineGap: bodyGap }, full);
        break;
    }
  });

  // Band 2, the closing: recipients (left), signature (right).
  band += 1;
  add({ id: 'recipientsLabel', column: 'left', runs: run('Nơi nhận:', 'boldItalic'), size: 12, align: 'left', spaceBefore: 12 }, closeLeft);
  for (const r of recipientLines(spec.recipients, spec.archive)) add({ id: 'recipient', column: 'left', runs: run(r), size: 11, align: 'left' }, closeLeft);
  const sigLines = signatureLines(spec.signature);
  sigLines.forEach((l, i) => {
    const last = i === sigLines.length - 1;
    add({ id: last ? 'signerTitle' : 'authority', column: 'right', runs: run(l, 'bold'), size: s.signatureSize, align: 'center', spaceBefore: i === 0 ? 12 : 0, ...(last ? { signatureSpaceAfter: s.signatureSpace } : {}) }, closeRight);
  });
  add({ id: 'signerName', column: 'right', runs: run(spec.signature.name, 'bold'), size: s.signatureSize, align: 'center' }, closeRight);

  const kindName = KIND_INFO[spec.kind].vi;
  const numberPart = spec.number == null ? 'du-thao' : `${spec.number}-${symbol}`;
  return {
    kind: spec.kind,
    page: { width: A4.width, height: A4.height, margins },
    pageNumbers: { fromPage: 2, size: s.pageNumberSize, face: 'regular' },
    blocks,
    copyArea: {
      page: 1,
      x: round2(A4.width - margins.right - s.copyBoxWidth),
      y: round2(Math.max(6, margins.top - s.copyBoxHeight - 4)),
      width: s.copyBoxWidth,
      height: s.copyBoxHeight,
    },
    meta: {
      title: isLetter ? `${kindName} ${number.replace(/\s+/g, ' ')} ${excerptLine(spec.subject)}` : `${kindName} ${subjectLine(spec.subject)}`,
      subject: spec.subject,
      author: spec.agency.name,
      fileName: `${spec.kind}-${numberPart}-${spec.date}`.replace(/[^\p{L}\p{N}-]+/gu, '-'),
    },
    numberLine: number,
    placeDate,
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

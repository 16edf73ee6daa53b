/**
 * Parser for procedure records in the National Public Service Portal's structured format (the national crawl
 * `data/details` and the thinner Gia Lai crawl `data-gl/details`; see data/seed/national-procedures/SOURCE.md).
 * Pure: takes already-parsed JSON.
 *
 * Decisions on ambiguous data (each is pinned by a test in national-record.test.ts):
 * - Time units: WORKING_DAY → working_days, DAY → days, HOUR → hours. OTHER: the time the record's text gives
 *   (core/catalog time-text.ts: same day, "trong thời hạn NN ngày làm việc kể từ …" agreeing with the value,
 *   conditional "trường hợp cần xác minh" limits; `limitSource: 'text'` with the sentence), else — and for a
 *   value of 0 — `limit: null` (no fixed limit), the source kept in `rawTime`. This covers the scheduled procedures
 *   (1.001714, 1.003702, 1.005142: 0 OTHER, paid/decided per term or exam) and the two "1 OTHER" records:
 *   - 1.000894 (đăng ký kết hôn): no channel description, the steps text and the public page give "1" with no
 *     unit, and the record's own sub-cases disagree (1.000894.01 = 1 DAY, 1.000894.02 = 1 WORKING_DAY). "Same
 *     day" comes from the Civil Status Law, not from this record's text, so the parser does not invent it:
 *     limit null, rawTime {1, 'OTHER'}. The reviewed version (src/server/seed/ward-reviews.ts, Civil Status
 *     Law 2014 art. 18(2)) sets same_day with a conditional 5 working days when checks are needed.
 *   - 1.013888 (ngừng kinh doanh viễn thông): a notification filed ≥30 days before stopping; 1 OTHER → null.
 *   Any other unit string is rejected with CatalogParseError (so a new portal unit is noticed, not guessed).
 * - A channel listed several times (1.012538: 2 WD one-stop check, 5 WD appraisal, 3 WD chairman) is one
 *   ChannelSpec with `stages` in source order (the POSTAL rows come as 2/3/5 in the source), `limit` = the sum
 *   (10 WD) when all stages share a unit, else null; descriptions joined with '\n', fees de-duplicated.
 * - A further row of a channel whose description names a verification case ("… với trường hợp cần xác minh")
 *   is a conditional limit (`conditionalLimits`), not a stage (time-text.ts conditionOf).
 * - Channels are returned in the order desk, online, postal.
 * - Notes: rows of the components section that are notes ("* Lưu ý" headings, rows with no original and no
 *   copy) go to `notes`, not `components` (notes.ts), so the desk's checklist lists documents only.
 * - Fee kind: portal SERVICE_FEE → 'fee' (phí), FEE → 'charge' (lệ phí). The portal uses FEE for most lines,
 *   including real phí (1.001686 thú y inspection 230,000; 3.000333 phí lý lịch tư pháp), so treat `kind`
 *   as the portal's label, not a legal classification.
 * - feeBearing: some line > 0 VND, or a 0 VND line whose description says an amount applies (non-empty and not
 *   starting with "Miễn…"): 1.001612 (HĐND tỉnh sets the charge), 1.012787/1.012817/1.013831 ("theo Luật phí
 *   và lệ phí"), 3.000333 (TT 244/2016) are fee-bearing; 1.000894 ("Miễn lệ phí…") and empty 0-lines are not.
 * - Levels from isWard/isProvince/isMinistry/isOtherAgency (isUndetermined adds nothing).
 * - onlineLevel: isFullProcess → 'full'; else an ONLINE channel → 'partial'; else 'none'.
 * - Agencies: structured departments + unit groups; the flat text field is used only when both are empty
 *   (it is not split: names contain commas, e.g. "Ủy ban Nhân dân xã, phường, thị trấn.").
 * - Publication: procedureProposal.proposalNumber (else decisionNumber, else the top-level decisionNo);
 *   decisionDate as a Vietnam-time (UTC+7) date; publicationDate as an ISO instant.
 */
import { cleanText, foldVietnamese, nfc } from '../text/fold.ts';
import { detectInterAgency, detectPersonalPresence, hasCitizenSubject, uniq, vietnamDate } from './common.ts';
import { splitNotes } from './notes.ts';
import { Reader } from './read.ts';
import { conditionOf, timeFromText } from './time-text.ts';
import type {
  ChannelSpec,
  CodedName,
  DossierComponent,
  ProcedureFee,
  ProcedureLevel,
  ProcedurePublication,
  ProcedureRecord,
  SubmissionChannel,
  TimeLimit,
} from './types.ts';

const CHANNELS: Readonly<Record<string, SubmissionChannel>> = { DIRECT: 'desk', ONLINE: 'online', POSTAL: 'postal' };
const CHANNEL_ORDER: readonly SubmissionChannel[] = ['desk', 'online', 'postal'];
const UNITS: Readonly<Record<string, TimeLimit['unit'] | null>> = {
  WORKING_DAY: 'working_days',
  DAY: 'days',
  HOUR: 'hours',
  OTHER: null,
};
const FEE_KINDS: Readonly<Record<string, ProcedureFee['kind']>> = { FEE: 'charge', SERVICE_FEE: 'fee' };

interface MethodRow {
  channel: SubmissionChannel;
  value: number;
  unit: string;
  description: string;
  fees: ProcedureFee[];
}

export function parseNationalRecord(json: unknown): ProcedureRecord {
  const r = Reader.root(json);
  r.obj();
  const code = cleanText(r.get('code').nonEmptyStr());
  r.ctx.code = code;
  const name = cleanText(r.get('name').nonEmptyStr());

  const rows = r.get('executionMethods').items().map(parseMethod);
  const channels = groupChannels(rows);

  const levels: ProcedureLevel[] = [];
  if (r.get('isWard').optBool(false)) levels.push('commune');
  if (r.get('isProvince').optBool(false)) levels.push('province');
  if (r.get('isMinistry').optBool(false)) levels.push('ministry');
  if (r.get('isOtherAgency').optBool(false)) levels.push('other');

  const isFull = r.get('isFullProcess').optBool(false);
  const onlineLevel = isFull ? 'full' : channels.some((c) => c.channel === 'online') ? 'partial' : 'none';

  const rowsAll = r
    .get('executionCases')
    .items(true)
    .flatMap((c) => {
      const caseName = cleanText(c.get('name').optStr()) || null;
      return c.get('profileComponents').items(true).map((p) => parseComponent(p, caseName));
    });
  const { components, notes } = splitNotes(rowsAll);

  const subjects = codedNames(r.get('subjectTypesDetails'));
  const results = codedNames(r.get('resultsDetails'));
  const legalBasis = codedNames(r.get('legalBasisesDetails'));

  const categories = codedNames(r.get('categoriesDetails'));
  let field: CodedName | null = categories[0] ?? null;
  if (!field && r.has('category')) field = codedName(r.get('category'));

  const executing = agencyNames(r, 'departmentsExecuting', 'unitGroupsExecuting', 'executingAgencies');
  const competent = agencyNames(r, 'departmentsAuthority', 'unitGroupsAuthority', 'delegatedAgencies');
  const coordinating = agencyNames(r, 'departmentsCoordinating', 'unitGroupsCoordinating', 'coordinatingAgencies');

  const steps = r
    .get('executionSteps')
    .items(true)
    .map((s) => {
      const title = cleanText(s.get('name').optStr());
      const body = cleanText(s.get('description').optStr());
      return title && body ? `${title}\n${body}` : title || body;
    })
    .filter((s) => s !== '')
    .join('\n');
  const requirements = cleanText(r.get('requirementsAndConditions').optStr()) || cleanText(r.get('description').optStr());

  // OTHER: the time as the text gives it (time-text.ts), else no fixed limit.
  for (const c of channels) {
    if (c.limit !== null || c.rawTime.unit !== 'OTHER') continue;
    const t = timeFromText([c.description, steps, requirements], c.stages.length === 0 ? c.rawTime.value : null);
    if (t) Object.assign(c, { limit: t.limit, limitSource: 'text', limitQuote: t.quote, conditionalLimits: t.conditional });
  }

  const allFees = channels.flatMap((c) => c.fees);
  const ministry = cleanText(r.get('departmentPromulgateName').optStr()) || null;

  return {
    code,
    name,
    source: 'national_record',
    structured: true,
    portalId: cleanText(r.get('id').optStr()) || null,
    field,
    levels,
    onlineLevel,
    channels,
    components,
    notes,
    results,
    subjects,
    legalBasis,
    steps,
    requirements,
    agencies: { executing, competent, coordinating },
    publication: parsePublication(r),
    ministry,
    isInterAgency: detectInterAgency(name, coordinating),
    requiresPersonalPresence: detectPersonalPresence([steps, requirements, ...channels.map((c) => c.description)]),
    citizenSubject: hasCitizenSubject(subjects),
    feeBearing: isFeeBearing(allFees),
    text: null,
  };
}

function parseMethod(m: Reader): MethodRow {
  m.obj();
  const methodReader: Reader = m.get('submissionMethod');
  const method = methodReader.str();
  const channel = CHANNELS[method];
  if (!channel) methodReader.fail(`unknown submission method ${JSON.stringify(method)} (expected DIRECT, ONLINE or POSTAL)`);
  const value = m.get('processingTime').nonNegNum();
  const unitReader: Reader = m.get('processingTimeUnit');
  const unit = unitReader.str();
  if (!(unit in UNITS)) unitReader.fail(`unknown processing time unit ${JSON.stringify(unit)} (expected WORKING_DAY, DAY, HOUR or OTHER)`);
  const fees = m
    .get('fees')
    .items(true)
    .map((f) => {
      const typeReader: Reader = f.get('type');
      const type = typeReader.str();
      const kind = FEE_KINDS[type];
      if (!kind) typeReader.fail(`unknown fee type ${JSON.stringify(type)} (expected FEE or SERVICE_FEE)`);
      const amountReader: Reader = f.get('value');
      const amountVnd = amountReader.nonNegNum();
      if (!Number.isInteger(amountVnd)) amountReader.fail(`expected a whole number of VND, got ${amountVnd}`);
      return { kind, amountVnd, description: cleanText(f.get('description').optStr()) };
    });
  return { channel, value, unit, description: cleanText(m.get('description').optStr()), fees };
}

function limitOf(value: number, unit: string): TimeLimit | null {
  const mapped = UNITS[unit];
  if (!mapped || value <= 0) return null;
  return { amount: value, unit: mapped };
}

function groupChannels(rows: readonly MethodRow[]): ChannelSpec[] {
  const out: ChannelSpec[] = [];
  for (const channel of CHANNEL_ORDER) {
    const all = rows.filter((row) => row.channel === channel);
    if (all.length === 0) continue;
    // A row for a verification case is a conditional limit, not a stage (time-text.ts conditionOf).
    const conditional = all.length > 1 ? all.filter((row) => row.unit === 'WORKING_DAY' && row.value > 0 && conditionOf(row.description) !== null) : [];
    const mine = conditional.length < all.length ? all.filter((row) => !conditional.includes(row)) : all;
    const conditionalLimits = conditional.map((row) => ({ condition: conditionOf(row.description)!, limit: { amount: row.value, unit: 'working_days' as const } }));
    const first = mine[0]!;
    if (mine.length === 1) {
      out.push({
        channel,
        limit: limitOf(first.value, first.unit),
        conditionalLimits,
        rawTime: { value: first.value, unit: first.unit },
        stages: [],
        fees: dedupeFees(all.flatMap((row) => row.fees)),
        description: all.map((row) => row.description).filter((d) => d !== '').join('\n'),
      });
      continue;
    }
    const sameUnit = mine.every((row) => row.unit === first.unit);
    const total = mine.reduce((sum, row) => sum + row.value, 0);
    const fees = dedupeFees(all.flatMap((row) => row.fees));
    out.push({
      channel,
      limit: sameUnit ? limitOf(total, first.unit) : null,
      conditionalLimits,
      rawTime: sameUnit ? { value: total, unit: first.unit } : { value: first.value, unit: first.unit },
      stages: mine.map((row) => row.value),
      fees,
      description: all
        .map((row) => row.description)
        .filter((d) => d !== '')
        .join('\n'),
    });
  }
  return out;
}

function dedupeFees(list: readonly ProcedureFee[]): ProcedureFee[] {
  const fees: ProcedureFee[] = [];
  const seen = new Set<string>();
  for (const fee of list) {
    const key = `${fee.kind}|${fee.amountVnd}|${foldVietnamese(fee.description)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fees.push(fee);
  }
  return fees;
}

function parseComponent(p: Reader, caseName: string | null): DossierComponent {
  p.obj();
  const forms = p
    .get('attachments')
    .items(true)
    .map((a) => {
      const fileName = cleanText(a.get('fileName').optStr());
      const bucket = a.get('bucketName').optStr();
      const filePath = nfc(a.get('filePath').optStr());
      const id = a.get('id').optStr();
      const ref = bucket && filePath ? `${bucket}/${filePath}` : filePath || id;
      if (!ref) a.fail('attachment has neither filePath nor id');
      return { fileName: fileName || ref, ref };
    });
  return {
    code: cleanText(p.get('code').optStr()) || null,
    name: cleanText(p.get('name').nonEmptyStr()),
    caseName,
    required: p.get('required').optBool(false),
    originalCount: p.get('originalQty').optNum(0),
    copyCount: p.get('copyQty').optNum(0),
    hasEForm: p.get('hasElectronicForm').optBool(false),
    forms,
  };
}

function codedName(d: Reader): CodedName {
  d.obj();
  return { code: cleanText(d.get('code').optStr()) || null, name: cleanText(d.get('name').nonEmptyStr()) };
}

function codedNames(list: Reader): CodedName[] {
  return list.items(true).map(codedName);
}

function agencyNames(r: Reader, departmentsKey: string, groupsKey: string, flatKey: string | null): string[] {
  const names = [...r.get(departmentsKey).items(true), ...r.get(groupsKey).items(true)].map((d) =>
    cleanText(d.get('name').nonEmptyStr()),
  );
  if (names.length === 0 && flatKey) {
    const flat = cleanText(r.get(flatKey).optStr());
    if (flat) names.push(flat);
  }
  return uniq(names);
}

function parsePublication(r: Reader): ProcedurePublication | null {
  const topDecision = cleanText(r.get('decisionNo').optStr()) || null;
  if (!r.has('procedureProposal')) return topDecision ? { decisionNo: topDecision, decisionDate: null, publishedAt: null } : null;
  const p = r.get('procedureProposal');
  p.obj();
  const decisionNo =
    cleanText(p.get('proposalNumber').optStr()) || cleanText(p.get('decisionNumber').optStr()) || topDecision;
  const decisionDate = p.has('decisionDate') ? vietnamDate(p.get('decisionDate').num()) : null;
  const publishedAt = p.has('publicationDate') ? new Date(p.get('publicationDate').num()).toISOString() : null;
  return { decisionNo, decisionDate, publishedAt };
}

/** See the module comment for the rule. */
export function isFeeBearing(fees: readonly ProcedureFee[]): boolean {
  return fees.some((fee) => {
    if (fee.amountVnd > 0) return true;
    const folded = foldVietnamese(fee.description).replace(/^[^a-z0-9]+/, '');
    return folded !== '' && !folded.startsWith('mien');
  });
}

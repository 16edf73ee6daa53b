/**
 * Builders of the one-stop desk's slips (Circular 01/2018/TT-VPCP forms 01–06; the 2025 stop-processing notice)
 * from a dossier's data and its append-only history. Pure: no I/O, no clock reads (the caller passes `now`).
 *
 * Each dossier slip is dated by the history entry that produced it (the receipt by the receipt, the apology by
 * the apology…), so the same data always gives the same slip. Slip numbers ("Số: 0001/TNHS") use the running
 * number of the dossier code and a per-form suffix (a convention of this system: the circular leaves the
 * numbering to the agency).
 */
import { addOfficeMinutes, appointmentInstant } from '../calendar/deadline.ts';
import { agencyKey, pendingAgencies } from '../dossier/transfers.ts';
import type { WorkflowStep } from '../catalog/workflow.ts';
import { historyActionLabel, RETURN_METHOD_LABELS, ROLE_LABELS, SLIP_LABELS, STATE_LABELS } from '../dossier/labels.ts';
import type { ActionName } from '../dossier/actions.ts';
import type { DossierState, Role } from '../dossier/states.ts';
import { ONESTOP_POLICIES } from '../dossier/onestop-policy.ts';
import { RATABLE_STATES } from '../rating/rating.ts';
import {
  OUTCOME_LABELS,
  compareToDeadline,
  formatDate,
  formatDateTime,
  formatLimit,
  feeSentence,
  formatVnd,
  maskNumber,
  parseInstant,
  placeDateLine,
  runningNumber,
  upper,
} from './format.ts';
import type {
  DossierSlipKind,
  RegisterInput,
  RegisterRow,
  SlipAgency,
  SlipBlock,
  SlipComponent,
  SlipDoc,
  SlipHeader,
  SlipHistoryItem,
  SlipInput,
  SlipSignature,
} from './types.ts';

export const SLIP_TITLES: Readonly<Record<DossierSlipKind | 'register', string>> = {
  receipt: SLIP_LABELS.receipt.vi,
  supplement_request: SLIP_LABELS.supplement_request.vi,
  refusal: SLIP_LABELS.refusal.vi,
  apology: SLIP_LABELS.apology.vi,
  control: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  stop_notice: SLIP_LABELS.stop_notice.vi,
  register: 'Sổ theo dõi hồ sơ',
};

/** Suffix of the slip number ("Số: 0001/TNHS"). */
export const SLIP_NUMBER_SUFFIX: Readonly<Record<DossierSlipKind, string>> = {
  receipt: 'TNHS',
  supplement_request: 'HDHS',
  refusal: 'TCHS',
  apology: 'XLHS',
  control: 'KSHS',
  stop_notice: 'DXLHS',
};

/** History actions that produce each slip (the latest one is printed unless a `seq` is asked for). */
export const SLIP_SOURCE_ACTIONS: Readonly<Record<Exclude<DossierSlipKind, 'control'>, readonly string[]>> = {
  receipt: ['receive'],
  supplement_request: ['request_supplement', 'request_intake_supplement'],
  refusal: ['refuse', 'reject_intake'],
  apology: ['apologize'],
  stop_notice: ['stop'],
};

/** Why a slip cannot be printed yet (Vietnamese, shown to the officer). */
export const SLIP_UNAVAILABLE: Readonly<Record<DossierSlipKind, string>> = {
  receipt: 'Hồ sơ chưa được tiếp nhận nên chưa có giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
  supplement_request: 'Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nào nên chưa có phiếu yêu cầu bổ sung.',
  refusal: 'Hồ sơ không bị từ chối tiếp nhận hoặc từ chối giải quyết nên không có phiếu từ chối.',
  apology: 'Hồ sơ chưa có thư xin lỗi và hẹn lại ngày trả kết quả.',
  control: 'Hồ sơ chưa được tiếp nhận nên chưa có phiếu kiểm soát quá trình giải quyết.',
  stop_notice: 'Hồ sơ không bị dừng xử lý nên không có thông báo dừng xử lý.',
};

/** The history entry a slip is printed from, or null when the dossier has none (→ 409 at the API). */
export function slipSourceEntry(kind: DossierSlipKind, history: readonly SlipHistoryItem[], seq?: number): SlipHistoryItem | null {
  if (kind === 'control') {
    if (!history.some((h) => h.action === 'receive')) return null;
    return history[history.length - 1] ?? null;
  }
  const actions = SLIP_SOURCE_ACTIONS[kind];
  const matching = history.filter((h) => actions.includes(h.action));
  if (seq !== undefined) return matching.find((h) => h.seq === seq) ?? null;
  return matching[matching.length - 1] ?? null;
}

export function formNumberFor(policyId: string, kind: DossierSlipKind | 'register'): string | null {
  const p = ONESTOP_POLICIES.find((x) => x.id === policyId) ?? ONESTOP_POLICIES[ONESTOP_POLICIES.length - 1]!;
  return p.slipForms[kind] ?? null;
}

function headerOf(agency: SlipAgency, number: string | null, at: Date): SlipHeader {
  return {
    parentBody: agency.parentName ? upper(agency.parentName) : null,
    agency: upper(agency.name),
    number,
    placeDate: placeDateLine(agency.provinceName, at),
  };
}

function slipNumber(kind: DossierSlipKind, code: string | null): string {
  return `Số: ${runningNumber(code) ?? '......'}/${SLIP_NUMBER_SUFFIX[kind]}`;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function personName(input: SlipInput, id: string | null | undefined): string | null {
  if (!id) return null;
  return input.names[id] ?? null;
}

function roleName(role: string): string {
  return ROLE_LABELS[role as Role]?.vi ?? role;
}

function stateName(state: string): string {
  return STATE_LABELS[state as DossierState]?.vi ?? state;
}

/** Applicant lines: name, ID number (masked on public copies), phone, address, email. */
function applicantBlocks(input: SlipInput, nameLabel = 'Ông/Bà:'): SlipBlock[] {
  const a = input.dossier.applicant;
  const pub = input.audience === 'public';
  const out: SlipBlock[] = [{ type: 'field', label: nameLabel, value: a.fullName }];
  if (a.organisation) out.push({ type: 'field', label: 'Tổ chức:', value: a.organisation });
  if (a.idNumber) out.push({ type: 'field', label: 'Số định danh cá nhân:', value: pub ? maskNumber(a.idNumber) : a.idNumber });
  if (a.address) out.push({ type: 'field', label: 'Địa chỉ:', value: a.address });
  const contact = [a.phone ? `Số điện thoại: ${pub ? maskNumber(a.phone, 4, 3) : a.phone}` : null, a.email ? `Email: ${a.email}` : null].filter(Boolean);
  if (contact.length > 0) out.push({ type: 'text', text: contact.join('    ') });
  return out;
}

function procedureBlock(input: SlipInput): SlipBlock {
  const d = input.dossier;
  return { type: 'field', label: 'Nội dung yêu cầu giải quyết:', value: `${d.procedureName}${d.procedureCode ? ` (mã thủ tục ${d.procedureCode})` : ''}` };
}

function qrOf(input: SlipInput, withSecret: boolean): SlipDoc['qr'] {
  if (!input.trackingUrl || !input.dossier.code) return null;
  const lines = ['Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập', input.trackingUrl];
  lines.push(withSecret ? `Mã hồ sơ: ${input.dossier.code} — Mã tra cứu: ${input.dossier.trackingSecret}` : `Mã hồ sơ: ${input.dossier.code}`);
  return { url: input.trackingUrl, lines };
}

/** The rating QR: on the receipt (rate once the result is received) and on the slip that goes with the result. */
function ratingQrOf(input: SlipInput, when: 'receipt' | 'result'): SlipDoc['ratingQr'] {
  if (!input.ratingUrl || !input.dossier.code) return null;
  if (when === 'result' && !RATABLE_STATES.has(input.dossier.state)) return null;
  const lead = when === 'receipt' ? 'Nhận kết quả xong, mời đánh giá mức độ hài lòng:' : 'Mời Ông/Bà đánh giá mức độ hài lòng:';
  return { url: input.ratingUrl, lines: [lead, input.ratingUrl, 'Nhập mã tra cứu hoặc số điện thoại đã đăng ký.'] };
}

function meta(kind: DossierSlipKind, input: SlipInput, issuedAt: Date): SlipDoc['meta'] {
  const code = input.dossier.code ?? input.dossier.id;
  return {
    title: `${SLIP_TITLES[kind]} — ${code}`,
    subject: `${input.dossier.procedureName} — ${input.dossier.applicant.fullName}`,
    issuedAt,
    fileName: `${code}-${kind}.pdf`,
    keywords: [code, input.dossier.procedureCode, kind].join(', '),
  };
}

const A5 = { size: 'A5', layout: 'portrait' } as const;
const SIGN_HINT = '(Ký và ghi rõ họ tên)';
const SEAL_HINT = '(Ký tên, đóng dấu)';

function baseDoc(kind: DossierSlipKind, input: SlipInput, entry: SlipHistoryItem, agency: SlipAgency, parts: Partial<SlipDoc>): SlipDoc {
  const d = input.dossier;
  return {
    kind,
    page: A5,
    formNumber: formNumberFor(d.onestopPolicy, kind),
    header: headerOf(agency, slipNumber(kind, d.code), entry.at),
    title: upper(SLIP_TITLES[kind]),
    subtitle: d.code ? `Mã hồ sơ: ${d.code}` : null,
    recipient: null,
    blocks: [],
    signatures: [],
    qr: qrOf(input, false),
    ratingQr: null,
    footnote: null,
    meta: meta(kind, input, entry.at),
    ...parts,
  };
}

// ---------------------------------------------------------------- 01 receipt and appointment

/**
 * The components an entry records as handed over: what the officer ticked, with the counts received
 * (`componentsReceived` of the receive/supply input), scanned or not. Entries recorded before the officer's
 * ticks were kept fall back to the scanned documents (`input.components`).
 */
export function componentsOfEntry(input: Pick<SlipInput, 'components'>, entry: Pick<SlipHistoryItem, 'data'>): SlipComponent[] {
  const ticked = entry.data.componentsReceived;
  if (!Array.isArray(ticked)) return input.components;
  return ticked
    .filter((c): c is { name: string; originals: number; copies: number } => typeof c === 'object' && c !== null && typeof (c as { name?: unknown }).name === 'string')
    .map((c) => ({ name: c.name, originalCount: Number.isInteger(c.originals) ? c.originals : null, copyCount: Number.isInteger(c.copies) ? c.copies : null }));
}

export function buildReceipt(input: SlipInput, entry: SlipHistoryItem): SlipDoc {
  const d = input.dossier;
  const receivedAt = parseInstant(entry.data.receivedAt) ?? entry.at;
  const dueAt = parseInstant(entry.data.dueAt) ?? d.originalDueAt;
  const blocks: SlipBlock[] = [
    { type: 'field', label: 'Bộ phận tiếp nhận và trả kết quả:', value: input.receivingAgency.name },
    { type: 'text', text: 'Tiếp nhận hồ sơ của:' },
    ...applicantBlocks(input),
    procedureBlock(input),
    { type: 'text', text: '1. Thành phần hồ sơ nộp gồm:', bold: true },
  ];
  const components = componentsOfEntry(input, entry);
  if (components.length > 0) {
    blocks.push({
      type: 'table',
      columns: [
        { title: 'TT', width: 7, align: 'center' },
        { title: 'Tên giấy tờ', width: 55 },
        { title: 'Bản chính', width: 12, align: 'center' },
        { title: 'Bản sao', width: 12, align: 'center' },
      ],
      rows: components.map((c, i) => [String(i + 1), c.name, c.originalCount === null ? '—' : String(c.originalCount), c.copyCount === null ? '—' : String(c.copyCount)]),
    });
  } else {
    blocks.push({ type: 'text', text: '(Không có giấy tờ được ghi nhận khi tiếp nhận.)', italic: true });
  }
  blocks.push(
    { type: 'field', label: '2. Số lượng hồ sơ:', value: '01 (bộ)' },
    { type: 'field', label: '3. Thời gian giải quyết hồ sơ theo quy định:', value: formatLimit(d.limit) },
    { type: 'field', label: '4. Thời gian nhận hồ sơ:', value: formatDateTime(receivedAt) },
    { type: 'field', label: '5. Thời gian trả kết quả giải quyết hồ sơ:', value: dueAt ? formatDateTime(dueAt) : 'Không quy định' },
  );
  const fees = input.fees.filter((f) => f.amountVnd > 0);
  if (fees.length === 0) blocks.push({ type: 'field', label: '6. Phí, lệ phí:', value: 'Không' });
  else {
    const total = fees.reduce((s, f) => s + f.amountVnd, 0);
    blocks.push({ type: 'field', label: '6. Phí, lệ phí:', value: formatVnd(total) });
    for (const f of fees) {
      blocks.push({ type: 'text', text: `– ${feeSentence(f)}` });
    }
  }
  const method = RETURN_METHOD_LABELS[(d.resultMethod ?? 'desk') as keyof typeof RETURN_METHOD_LABELS]?.vi ?? d.resultMethod ?? '';
  blocks.push(
    { type: 'field', label: '7. Đăng ký nhận kết quả:', value: method },
    { type: 'field', label: 'Mã tra cứu hồ sơ:', value: d.trackingSecret },
    { type: 'text', text: `Vào Sổ theo dõi hồ sơ, số thứ tự: ${runningNumber(d.code) ?? '......'}.`, italic: true },
  );
  const signatures: SlipSignature[] = [
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: SIGN_HINT, name: d.applicant.fullName },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: SIGN_HINT, name: personName(input, entry.actorId) },
  ];
  return baseDoc('receipt', input, entry, input.receivingAgency, { blocks, signatures, qr: qrOf(input, true), ratingQr: ratingQrOf(input, 'receipt') });
}

// ---------------------------------------------------------------- 02 supplement request

export function buildSupplementRequest(input: SlipInput, entry: SlipHistoryItem): SlipDoc {
  const d = input.dossier;
  const atIntake = entry.action === 'request_intake_supplement';
  const agency = atIntake ? input.receivingAgency : agencyOfEntry(input, entry);
  const items = strings(entry.data.missingItems);
  const blocks: SlipBlock[] = [
    { type: 'text', text: 'Hồ sơ của:' },
    ...applicantBlocks(input),
    procedureBlock(input),
  ];
  if (!atIntake && d.receivedAt) blocks.push({ type: 'field', label: 'Ngày tiếp nhận hồ sơ:', value: formatDateTime(d.receivedAt) });
  blocks.push({ type: 'text', text: `Sau khi xem xét, ${agency.name} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`, align: 'justify' });
  blocks.push({ type: 'list', items: items.length > 0 ? items : ['(không ghi rõ)'] });
  const note = entry.note ?? str(entry.data.note);
  if (note) blocks.push({ type: 'field', label: 'Lý do:', value: note });
  blocks.push({
    type: 'text',
    align: 'justify',
    text: atIntake
      ? 'Hồ sơ chưa được tiếp nhận. Ông/Bà vui lòng nộp lại hồ sơ khi đã bổ sung đầy đủ các nội dung trên.'
      : 'Thời hạn giải quyết hồ sơ được tính lại từ đầu kể từ khi nhận đủ hồ sơ bổ sung, hoàn thiện.',
  });
  blocks.push({ type: 'text', align: 'justify', text: `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${input.receivingAgency.name} để được hướng dẫn.` });
  const signatures: SlipSignature[] = [
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: SIGN_HINT, name: d.applicant.fullName },
    { title: 'NGƯỜI HƯỚNG DẪN', hint: SIGN_HINT, name: personName(input, entry.actorId) },
  ];
  return baseDoc('supplement_request', input, entry, agency, { blocks, signatures });
}

function agencyOfEntry(input: SlipInput, entry: SlipHistoryItem): SlipAgency {
  if (entry.agencyId && entry.agencyId === input.receivingAgency.id) return input.receivingAgency;
  return input.handlingAgency;
}

// ---------------------------------------------------------------- 03 refusal

export function buildRefusal(input: SlipInput, entry: SlipHistoryItem): SlipDoc {
  const d = input.dossier;
  const atIntake = entry.action === 'reject_intake';
  const agency = atIntake ? input.receivingAgency : agencyOfEntry(input, entry);
  const reasons = strings(entry.data.reasons);
  const blocks: SlipBlock[] = [
    { type: 'field', label: 'Bộ phận tiếp nhận và trả kết quả:', value: input.receivingAgency.name },
    { type: 'text', text: 'Tiếp nhận hồ sơ của:' },
    ...applicantBlocks(input),
    procedureBlock(input),
  ];
  if (!atIntake && d.receivedAt) blocks.push({ type: 'field', label: 'Ngày tiếp nhận hồ sơ:', value: formatDateTime(d.receivedAt) });
  blocks.push({
    type: 'text',
    align: 'justify',
    text: `Qua xem xét, ${agency.name} thông báo không ${atIntake ? 'tiếp nhận' : 'giải quyết'} hồ sơ này với lý do cụ thể như sau:`,
  });
  blocks.push({ type: 'list', items: reasons.length > 0 ? reasons : ['(không ghi rõ)'] });
  const competent = str(entry.data.competentBody);
  if (competent) blocks.push({ type: 'field', label: 'Cơ quan có thẩm quyền giải quyết:', value: competent });
  blocks.push({ type: 'text', text: 'Xin thông báo để Ông/Bà được biết và thực hiện./.' });
  const signatures: SlipSignature[] = [
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: SIGN_HINT, name: d.applicant.fullName },
    { title: atIntake ? 'NGƯỜI TIẾP NHẬN HỒ SƠ' : 'NGƯỜI LẬP PHIẾU', hint: SIGN_HINT, name: personName(input, entry.actorId) },
  ];
  return baseDoc('refusal', input, entry, agency, { blocks, signatures });
}

// ---------------------------------------------------------------- 04 apology and new appointment

/** The appointment in force just before an entry (the latest earlier entry that recorded one). */
function appointmentBefore(history: readonly SlipHistoryItem[], entry: SlipHistoryItem): Date | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!;
    if (h.seq >= entry.seq) continue;
    const due = parseInstant(h.data.dueAt);
    if (due) return due;
  }
  return null;
}

export function buildApology(input: SlipInput, entry: SlipHistoryItem): SlipDoc {
  const d = input.dossier;
  const agency = agencyOfEntry(input, entry);
  const reasons = strings(entry.data.reasons);
  const oldDue = appointmentBefore(input.history, entry) ?? d.originalDueAt;
  const newDue = parseInstant(entry.data.dueAt) ?? parseInstant(entry.data.newDueAt);
  const received = d.receivedAt ? `Ngày ${formatDate(d.receivedAt)}, ` : '';
  const blocks: SlipBlock[] = [
    {
      type: 'text',
      align: 'justify',
      text: `${received}${input.receivingAgency.name} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục: ${d.procedureName}.`,
    },
    { type: 'field', label: 'Mã hồ sơ:', value: d.code ?? '' },
    { type: 'field', label: 'Thời hạn trả kết quả giải quyết hồ sơ:', value: oldDue ? formatDateTime(oldDue) : '' },
    { type: 'text', align: 'justify', text: `Tuy nhiên đến nay, ${agency.name} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.` },
    { type: 'text', text: 'Lý do:' },
    { type: 'list', items: reasons.length > 0 ? reasons : ['(không ghi rõ)'] },
    {
      type: 'text',
      align: 'justify',
      text: `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${agency.name} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào:`,
    },
    { type: 'field', label: 'Ngày hẹn trả kết quả mới:', value: newDue ? formatDateTime(newDue) : '' },
    { type: 'text', text: 'Mong nhận được sự thông cảm của Ông/Bà./.' },
  ];
  const signatures: SlipSignature[] = [{ title: 'THỦ TRƯỞNG CƠ QUAN', hint: SEAL_HINT, name: personName(input, entry.actorId) }];
  return baseDoc('apology', input, entry, agency, { blocks, signatures, recipient: `Kính gửi: Ông/Bà ${d.applicant.fullName}` });
}

// ---------------------------------------------------------------- 2025: stop-processing notice

export function buildStopNotice(input: SlipInput, entry: SlipHistoryItem): SlipDoc {
  const d = input.dossier;
  const agency = agencyOfEntry(input, entry);
  const reasons = strings(entry.data.reasons);
  const blocks: SlipBlock[] = [
    { type: 'text', align: 'justify', text: `${agency.name} thông báo dừng xử lý hồ sơ sau:` },
    procedureBlock(input),
    { type: 'field', label: 'Mã hồ sơ:', value: d.code ?? '' },
  ];
  if (d.receivedAt) blocks.push({ type: 'field', label: 'Ngày tiếp nhận hồ sơ:', value: formatDateTime(d.receivedAt) });
  blocks.push({ type: 'field', label: 'Thời điểm dừng xử lý:', value: formatDateTime(entry.at) });
  blocks.push({ type: 'text', text: 'Lý do dừng xử lý:' }, { type: 'list', items: reasons.length > 0 ? reasons : ['(không ghi rõ)'] });
  blocks.push({ type: 'text', align: 'justify', text: `Ông/Bà liên hệ ${input.receivingAgency.name} để được hướng dẫn và nhận lại hồ sơ (nếu có).` });
  const signatures: SlipSignature[] = [{ title: 'THỦ TRƯỞNG CƠ QUAN', hint: SEAL_HINT, name: personName(input, entry.actorId) }];
  return baseDoc('stop_notice', input, entry, agency, { blocks, signatures, recipient: `Kính gửi: Ông/Bà ${d.applicant.fullName}` });
}

// ---------------------------------------------------------------- 05 process-control slip

/** History actions that hand the dossier (or the result) from one party to another. */
export const HANDOVER_ACTIONS: readonly string[] = [
  'receive',
  'forward',
  'assign',
  'request_supplement',
  'supply',
  'transfer',
  'return_from_agency',
  'propose',
  'send_back',
  'approve',
  'mark_result_ready',
  'refuse',
  'return_result',
];

type StepKey = 'receive' | 'assign' | 'process' | 'approve';

function stepOf(steps: readonly WorkflowStep[] | null, key: StepKey): WorkflowStep | null {
  if (!steps || steps.length === 0) return null;
  const sorted = [...steps].sort((a, b) => a.order - b.order);
  const byRole = (r: string) => sorted.filter((s) => s.role === r);
  switch (key) {
    case 'receive':
      return byRole('desk_officer')[0] ?? null;
    case 'assign':
      return byRole('leader')[0] ?? null;
    case 'process':
      return byRole('specialist')[0] ?? null;
    case 'approve': {
      const leaders = byRole('leader');
      return leaders.length > 1 ? leaders[leaders.length - 1]! : null;
    }
  }
}

export interface HandoverRow {
  seq: number;
  action: string;
  label: string;
  giver: string;
  receiver: string;
  at: Date;
  /** The step's deadline (workflow allotment) or the appointment (finishing, returning); null = not timed. */
  deadline: Date | null;
  outcome: string;
}

/**
 * The hand-overs of a dossier from its history, each with who handed over, who received, when, and — where a
 * workflow step or the appointment applies — whether it was early, on time or late.
 */
export function handoverRows(input: SlipInput): HandoverRow[] {
  const h = input.history.filter((e) => HANDOVER_ACTIONS.includes(e.action));
  const agencyName = (a: string | null) => (a ? input.names[a] ?? a : '—');
  const applicant = input.dossier.applicant.fullName;
  const who = (e: SlipHistoryItem) => personName(input, e.actorId) ?? roleName(e.actorRole);
  const lastBefore = (i: number, actions: string[]) => {
    for (let j = i - 1; j >= 0; j--) if (actions.includes(h[j]!.action)) return h[j]!;
    return null;
  };
  const rows: HandoverRow[] = [];
  h.forEach((e, i) => {
    const next = h[i + 1];
    const nextActor = next && !['request_supplement', 'refuse', 'return_result'].includes(e.action) ? (next.action === 'supply' ? null : who(next)) : null;
    let giver = who(e);
    let receiver = nextActor ?? '—';
    let step: StepKey | null = null;
    let start: Date | null = null;
    let deadline: Date | null = null;
    switch (e.action) {
      case 'receive':
      case 'supply':
        giver = `${applicant} (người nộp)`;
        receiver = who(e);
        break;
      case 'request_supplement':
        receiver = `${applicant} (người nộp)`;
        break;
      case 'refuse':
        receiver = `${applicant} (người nộp)`;
        deadline = parseInstant(e.data.dueAt);
        break;
      case 'return_result': {
        const collected = str(e.data.collectedBy);
        const tracking = str(e.data.trackingNumber);
        const address = str(e.data.postalAddress);
        receiver = collected ?? (tracking ? `${applicant} (qua bưu chính, số hiệu ${tracking}${address ? `, gửi đến ${address}` : ''})` : applicant);
        deadline = parseInstant(e.data.dueAt);
        break;
      }
      case 'assign':
        receiver = personName(input, str(e.data.assigneeId)) ?? receiver;
        step = 'assign';
        start = lastBefore(i, ['forward', 'receive'])?.at ?? null;
        break;
      case 'transfer':
        receiver = agencyName(str(e.data.targetAgency));
        break;
      case 'return_from_agency': {
        // Each agency's answer against the time it was allotted in its transfer (parallel transfers: one row each).
        const before = input.history.filter((x) => x.seq < e.seq);
        const waiting = pendingAgencies(before);
        const from = str(e.data.fromAgency) ?? (waiting.length === 1 ? waiting[0]! : null);
        const sent = from ? [...before].reverse().find((x) => x.action === 'transfer' && agencyKey(str(x.data.targetAgency) ?? '') === agencyKey(from)) : undefined;
        if (from) giver = agencyName(from);
        const due = str(sent?.data.deadline);
        if (due) deadline = input.calendar ? appointmentInstant(due, input.calendar) : parseInstant(due);
        if (e.data.proceedWithout === true) {
          rows.push({ seq: e.seq, action: e.action, label: 'Tiếp tục giải quyết không chờ ý kiến', giver, receiver, at: e.at, deadline, outcome: `Không chờ ý kiến: ${str(e.data.reason) ?? ''}`.trim() });
          return;
        }
        break;
      }
      case 'forward':
        if (!next) receiver = input.handlingAgency.name;
        step = 'receive';
        start = lastBefore(i, ['receive'])?.at ?? null;
        break;
      case 'propose': {
        step = 'process';
        const starts = ['assign', 'supply', 'send_back', 'return_from_agency'].map((a) => lastBefore(i, [a])?.at.getTime() ?? 0);
        const t = Math.max(...starts);
        start = t > 0 ? new Date(t) : null;
        break;
      }
      case 'approve':
        step = 'approve';
        start = lastBefore(i, ['propose'])?.at ?? null;
        break;
      case 'mark_result_ready':
        deadline = parseInstant(e.data.dueAt);
        break;
      default:
        break;
    }
    if (step && start && input.calendar) {
      const s = stepOf(input.workflow, step);
      if (s && s.allotmentHalfDays > 0) deadline = addOfficeMinutes(start, s.allotmentHalfDays * 240, input.calendar);
    }
    rows.push({
      seq: e.seq,
      action: e.action,
      label: historyActionLabel(e.action, 'vi'),
      giver,
      receiver,
      at: e.at,
      deadline,
      outcome: deadline ? OUTCOME_LABELS[compareToDeadline(e.at, deadline)] : '—',
    });
  });
  return rows;
}

const twoLines = (d: Date) => formatDateTime(d).replace(', ', '\n');

export function buildControl(input: SlipInput, entry: SlipHistoryItem): SlipDoc {
  const d = input.dossier;
  const rows = handoverRows(input);
  const partners = [
    ...new Set(input.history.filter((e) => e.action === 'transfer').map((e) => input.names[str(e.data.targetAgency) ?? ''] ?? str(e.data.targetAgency) ?? '')),
  ].filter(Boolean);
  const receipt = input.history.find((e) => e.action === 'receive');
  const blocks: SlipBlock[] = [
    { type: 'text', text: `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${slipNumber('receipt', d.code).replace('Số: ', 'số ')})`, italic: true, align: 'center' },
    { type: 'field', label: 'Người nộp hồ sơ:', value: d.applicant.fullName },
    procedureBlock(input),
    { type: 'field', label: 'Cơ quan (bộ phận) giải quyết hồ sơ:', value: input.handlingAgency.name },
  ];
  if (partners.length > 0) blocks.push({ type: 'field', label: 'Cơ quan phối hợp giải quyết hồ sơ:', value: partners.join('; ') });
  const firstDue = receipt ? parseInstant(receipt.data.dueAt) : null;
  if (firstDue) blocks.push({ type: 'field', label: 'Ngày hẹn trả kết quả khi tiếp nhận:', value: formatDateTime(firstDue) });
  blocks.push({
    type: 'table',
    columns: [
      { title: 'TT', width: 5, align: 'center' },
      { title: 'Nội dung', width: 21 },
      { title: 'Bên giao', width: 18 },
      { title: 'Bên nhận', width: 18 },
      { title: 'Giao, nhận lúc', width: 13, align: 'center' },
      { title: 'Hạn xử lý', width: 13, align: 'center' },
      { title: 'Kết quả', width: 12, align: 'center' },
    ],
    // Date above time: the columns of an A5 page are narrow.
    rows: rows.map((r, i) => [String(i + 1), r.label, r.giver, r.receiver, twoLines(r.at), r.deadline ? twoLines(r.deadline) : '—', r.outcome]),
  });
  for (const e of input.history) {
    if (e.action === 'apologize') {
      const newDue = parseInstant(e.data.dueAt) ?? parseInstant(e.data.newDueAt);
      blocks.push({
        type: 'text',
        text: `Ngày ${formatDate(e.at)}: xin lỗi và hẹn lại ngày trả kết quả vào ${newDue ? formatDateTime(newDue) : '—'}. Lý do: ${strings(e.data.reasons).join('; ')}.`,
      });
    }
  }
  blocks.push({ type: 'field', label: 'Trạng thái hiện tại:', value: stateName(d.state) });
  return baseDoc('control', input, entry, input.handlingAgency, {
    blocks,
    signatures: [],
    ratingQr: ratingQrOf(input, 'result'),
    footnote: 'Kết quả: so sánh thời điểm giao với hạn của bước trong quy trình nội bộ (giao, phân công, thẩm định, phê duyệt) hoặc với ngày hẹn trả kết quả (có kết quả, trả kết quả).',
  });
}

// ---------------------------------------------------------------- dispatcher

export function buildDossierSlip(kind: DossierSlipKind, input: SlipInput, entry: SlipHistoryItem): SlipDoc {
  switch (kind) {
    case 'receipt':
      return buildReceipt(input, entry);
    case 'supplement_request':
      return buildSupplementRequest(input, entry);
    case 'refusal':
      return buildRefusal(input, entry);
    case 'apology':
      return buildApology(input, entry);
    case 'control':
      return buildControl(input, entry);
    case 'stop_notice':
      return buildStopNotice(input, entry);
  }
}

// ---------------------------------------------------------------- 06 register

const TIMED_STATES = new Set(['result_ready', 'returned', 'refused']);
const OPEN_STATES = new Set(['received', 'forwarded', 'assigned', 'in_process', 'inter_agency', 'awaiting_approval', 'approved']);

export function registerRows(input: RegisterInput): RegisterRow[] {
  return input.rows.map((r, i) => {
    let outcome = stateName(r.state);
    if (r.finishedAt && r.dueAt && TIMED_STATES.has(r.state)) outcome += ` – ${OUTCOME_LABELS[compareToDeadline(r.finishedAt, r.dueAt)]}`;
    else if (!r.finishedAt && r.dueAt && OPEN_STATES.has(r.state) && input.now.getTime() > r.dueAt.getTime()) outcome += ' – Quá hạn';
    return {
      no: i + 1,
      code: r.code ?? '',
      applicant: r.applicantName,
      procedure: r.procedureName,
      receivedAt: r.receivedAt,
      dueAt: r.dueAt,
      finishedAt: r.finishedAt,
      returnedAt: r.returnedAt,
      outcome,
    };
  });
}

const localDay = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;

export function registerTruncationNote(cap: number): string {
  return `Sổ chỉ liệt kê ${formatCount(cap)} hồ sơ đầu tiên của khoảng thời gian đã chọn (giới hạn của một lần xuất); hãy chọn khoảng thời gian ngắn hơn để có đủ danh sách.`;
}

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function registerPeriod(from: string, to: string): string {
  return `Từ ngày ${localDay(from)} đến ngày ${localDay(to)}`;
}

export function buildRegister(input: RegisterInput): { doc: SlipDoc; rows: RegisterRow[] } {
  const rows = registerRows(input);
  // Date above time in the narrow date columns of the printed register.
  const dt = (v: Date | null) => (v ? twoLines(v) : '');
  const notes = [`Tổng số: ${formatCount(rows.length)} hồ sơ.`];
  if (input.truncated) notes.push(registerTruncationNote(input.cap));
  const doc: SlipDoc = {
    kind: 'register',
    page: { size: 'A4', layout: 'landscape' },
    formNumber: formNumberFor(input.onestopPolicy, 'register'),
    header: headerOf(input.agency, null, input.now),
    title: upper(SLIP_TITLES.register),
    subtitle: registerPeriod(input.from, input.to),
    recipient: null,
    blocks: [
      { type: 'field', label: 'Cơ quan:', value: input.agency.name },
      {
        type: 'table',
        columns: [
          { title: 'TT', width: 3.5, align: 'center' },
          { title: 'Mã hồ sơ', width: 18.5 },
          { title: 'Người nộp hồ sơ', width: 14 },
          { title: 'Thủ tục hành chính', width: 25 },
          { title: 'Nhận hồ sơ', width: 8, align: 'center' },
          { title: 'Hẹn trả kết quả', width: 8, align: 'center' },
          { title: 'Giải quyết xong', width: 8, align: 'center' },
          { title: 'Trả kết quả', width: 8, align: 'center' },
          { title: 'Kết quả', width: 13 },
        ],
        rows: rows.map((r) => [String(r.no), r.code, r.applicant, r.procedure, dt(r.receivedAt), dt(r.dueAt), dt(r.finishedAt), dt(r.returnedAt), r.outcome]),
      },
    ],
    signatures: [],
    qr: null,
    ratingQr: null,
    footnote: notes.join(' '),
    meta: {
      title: `${SLIP_TITLES.register} — ${input.agency.name} — ${registerPeriod(input.from, input.to)}`,
      subject: input.agency.name,
      issuedAt: input.now,
      fileName: `so-theo-doi-ho-so-${input.from}-${input.to}.pdf`,
      keywords: 'sổ theo dõi hồ sơ',
    },
  };
  return { doc, rows };
}


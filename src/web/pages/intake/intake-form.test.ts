/**
 * The desk intake's form state without a browser: the draft's round trip through storage, the applicant's checks
 * (the same rules as the API), the draft's edits, and the bodies of the three outcomes and of the payment taken at
 * the desk — checked against the API's own schemas (CreateDossierBody, the actions' inputs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelSpec, DossierComponent } from '../../../core/catalog/types.ts';
import { validateActionInput } from '../../../core/dossier/inputs.ts';
import { t } from '../../../core/i18n/ui.ts';
import { ApplicantSchema, CreateDossierBody } from '../../../server/modules/dossiers/dossiers.schemas.ts';
import {
  addFiles,
  applicantErrors,
  channelFees,
  clearDraft,
  confirmOnModEnter,
  draftKey,
  emptyDraft,
  idNumberInput,
  initialMissing,
  intakeBody,
  isBlank,
  loadDraft,
  matchesAllWords,
  newestDossierOf,
  nextDraft,
  parseDraft,
  paymentInput,
  pickAgency,
  pickProcedure,
  prefillApplicant,
  rejectInput,
  removeFile,
  saveDraft,
  setPresent,
  submitProblem,
  supplementInput,
  vnInstant,
  type Draft,
  type DraftStorage,
} from './intake-form.ts';

const AGENCY = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function component(name: string, o: Partial<DossierComponent> = {}): DossierComponent {
  return { code: null, name, caseName: null, required: true, originalCount: 1, copyCount: 0, hasEForm: false, forms: [], ...o };
}
const COMPONENTS = [
  component('- Tờ khai đăng ký khai sinh theo mẫu;', { code: 'TK01' }),
  component('+ Giấy chứng sinh', { originalCount: 1, copyCount: 2 }),
  component('Văn bản ủy quyền (nếu có)', { code: 'UQ', required: false, originalCount: 0, copyCount: 1 }),
];
const FEES = [
  { kind: 'fee' as const, description: 'Lệ phí đăng ký', amountVnd: 10_000 },
  { kind: 'charge' as const, description: 'Phí cấp bản sao', amountVnd: 8_000 },
];

/** A draft ready to send: procedure, agency, a valid applicant, two ticked components, one with a scan. */
function ready(): Draft & { agencyId: string; procedureCode: string } {
  return {
    ...emptyDraft(AGENCY, 'idem-1'),
    agencyId: AGENCY,
    procedureCode: '1.001193',
    applicant: { fullName: '  Nguyễn Thị Mai ', idNumber: '052190001234', phone: '0905 123 456', email: '', address: ' 12 Lê Lợi ' },
    present: [1, 0],
    files: { 0: [{ sha256: SHA_A, fileName: 'to-khai.pdf' }] },
  };
}

/** localStorage's behaviour on a Map; `broken` makes every call throw (storage disabled or full). */
function memoryStorage(broken = false): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const guard = () => {
    if (broken) throw new Error('QuotaExceededError');
  };
  return {
    map,
    getItem: (k) => (guard(), map.get(k) ?? null),
    setItem: (k, v) => (guard(), void map.set(k, v)),
    removeItem: (k) => (guard(), void map.delete(k)),
  };
}

describe('the draft in storage', () => {
  it('a saved draft comes back as it was, under the officer’s own key', () => {
    const store = memoryStorage();
    const d = { ...ready(), channel: 'postal' as const, postalHandoverAt: '2026-03-02T09:30', paidNow: true, payMethod: 'transfer' as const, note: 'Hồ sơ gửi qua bưu điện' };
    saveDraft(store, 'u-1', d);
    expect([...store.map.keys()]).toEqual([draftKey('u-1')]);
    expect(draftKey('u-1')).toBe('motcua.intakeDraft.u-1');
    expect(loadDraft(store, 'u-1')).toEqual(d);
    expect(loadDraft(store, 'u-2')).toBeNull();
  });

  it('any draft survives the round trip (its Idempotency-Key included: a retry cannot make a second dossier)', () => {
    const text = fc.string({ maxLength: 30 });
    const draftArb = fc.record({
      agencyId: fc.option(fc.uuid(), { nil: null }),
      procedureCode: fc.option(fc.stringMatching(/^[0-9]\.[0-9]{6}$/), { nil: null }),
      channel: fc.constantFrom('desk' as const, 'postal' as const),
      postalHandoverAt: text,
      applicant: fc.record({ fullName: text, idNumber: text, phone: text, email: text, address: text }),
      present: fc.uniqueArray(fc.nat(20)),
      files: fc.dictionary(fc.nat(20).map(String), fc.array(fc.record({ sha256: fc.stringMatching(/^[0-9a-f]{64}$/), fileName: fc.string({ minLength: 1 }) }), { maxLength: 3 })),
      resultMethod: fc.constantFrom('desk' as const, 'online' as const, 'postal' as const),
      paidNow: fc.boolean(),
      payMethod: fc.constantFrom('cash' as const, 'transfer' as const),
      payReference: text,
      note: text,
      idemKey: fc.uuid(),
    });
    fc.assert(
      fc.property(draftArb, (d) => {
        const store = memoryStorage();
        saveDraft(store, 'u', d);
        if (isBlank(d)) expect(store.map.size).toBe(0);
        else expect(loadDraft(store, 'u')).toEqual(d);
      }),
    );
  });

  it('a blank draft is not kept: saving it removes the stored one', () => {
    const store = memoryStorage();
    saveDraft(store, 'u', ready());
    expect(store.map.size).toBe(1);
    // Ticks and scans alone are not worth restoring.
    saveDraft(store, 'u', { ...emptyDraft(AGENCY, 'k'), present: [0], files: { 0: [{ sha256: SHA_A, fileName: 'x.pdf' }] } });
    expect(store.map.size).toBe(0);
    saveDraft(store, 'u', ready());
    clearDraft(store, 'u');
    expect(loadDraft(store, 'u')).toBeNull();
  });

  it('blank means nothing typed: any one field makes it a draft', () => {
    const empty = emptyDraft(null, 'k');
    expect(isBlank(empty)).toBe(true);
    expect(isBlank({ ...empty, procedureCode: '1.000001' })).toBe(false);
    expect(isBlank({ ...empty, note: 'x' })).toBe(false);
    for (const k of ['fullName', 'idNumber', 'phone', 'email', 'address'] as const) expect(isBlank({ ...empty, applicant: { ...empty.applicant, [k]: 'x' } })).toBe(false);
  });

  it('an older draft without the newer fields is completed from an empty one, its key kept', () => {
    const back = parseDraft(JSON.stringify({ idemKey: 'k-old', procedureCode: '1.001193', applicant: { fullName: 'Mai' } }))!;
    expect(back).toEqual({ ...emptyDraft(null, 'k-old'), procedureCode: '1.001193', applicant: { ...emptyDraft(null, 'k').applicant, fullName: 'Mai' } });
  });

  it('nothing stored, unreadable text, no key, or storage that throws: no draft, and saving does not throw', () => {
    for (const raw of [null, '', '{not json', 'null', '42', JSON.stringify({ procedureCode: 'x' }), JSON.stringify({ idemKey: 7 })]) expect(parseDraft(raw)).toBeNull();
    const broken = memoryStorage(true);
    expect(loadDraft(broken, 'u')).toBeNull();
    expect(() => saveDraft(broken, 'u', ready())).not.toThrow();
    expect(() => clearDraft(broken, 'u')).not.toThrow();
    expect(loadDraft(null, 'u')).toBeNull();
    expect(() => saveDraft(null, 'u', ready())).not.toThrow();
  });

  it('a new intake keeps the agency and the channel, and nothing else, under a new key', () => {
    const next = nextDraft({ ...ready(), channel: 'postal' }, 'idem-2');
    expect(next).toEqual({ ...emptyDraft(AGENCY, 'idem-2'), channel: 'postal' });
  });
});

describe('edits of the draft', () => {
  it('a scan ticks its component; removing the scan leaves the tick', () => {
    let d = addFiles(emptyDraft(AGENCY, 'k'), 2, [{ sha256: SHA_A, fileName: 'a.pdf' }]);
    d = addFiles(d, 2, [{ sha256: SHA_B, fileName: 'b.pdf' }]);
    expect(d.present).toEqual([2]);
    expect(d.files[2]!.map((f) => f.fileName)).toEqual(['a.pdf', 'b.pdf']);
    d = removeFile(d, 2, 0);
    expect(d.files[2]).toEqual([{ sha256: SHA_B, fileName: 'b.pdf' }]);
    expect(d.present).toEqual([2]);
  });

  it('ticks on and off, never twice', () => {
    let d = setPresent(emptyDraft(AGENCY, 'k'), 1, true);
    d = setPresent(d, 1, true);
    d = setPresent(d, 0, true);
    expect(d.present).toEqual([1, 0]);
    expect(setPresent(d, 1, false).present).toEqual([0]);
  });

  it('another procedure or agency drops the ticks and scans of the old checklist', () => {
    const p = pickProcedure(ready(), '2.000001');
    expect(p).toMatchObject({ procedureCode: '2.000001', present: [], files: {}, agencyId: AGENCY });
    const a = pickAgency(ready(), 'other');
    expect(a).toMatchObject({ agencyId: 'other', procedureCode: null, present: [], files: {} });
    expect(a.applicant).toEqual(ready().applicant);
  });

  it('the ID field keeps digits only, at most twelve', () => {
    expect(idNumberInput('052 190-001.234 99')).toBe('052190001234');
    expect(idNumberInput('abc')).toBe('');
  });
});

describe('the applicant’s checks', () => {
  const ok = ready().applicant;
  it('a malformed ID, phone or e-mail is flagged as typed; an empty one is not', () => {
    expect(applicantErrors(ok, false)).toEqual({ fullName: null, idNumber: null, phone: null, email: null });
    expect(applicantErrors({ ...ok, idNumber: '05219000123' }, false).idNumber).toBe('intake.idNumber.invalid');
    expect(applicantErrors({ ...ok, idNumber: '123456789' }, false).idNumber).toBeNull();
    expect(applicantErrors({ ...ok, phone: '12 34' }, false).phone).toBe('intake.phone.invalid');
    expect(applicantErrors({ ...ok, phone: '+84 905 123 456' }, false).phone).toBeNull();
    expect(applicantErrors({ ...ok, email: 'mai@' }, false).email).toBe('intake.email.invalid');
    // The API's rule: an address it would refuse is refused on the field, not by a 400 after submitting.
    expect(applicantErrors({ ...ok, email: 'a@b.c' }, false).email).toBe('intake.email.invalid');
    expect(applicantErrors({ ...ok, email: 'mai@example.vn' }, false).email).toBeNull();
    expect(applicantErrors({ ...ok, email: ' mai@example.vn ' }, false).email).toBeNull();
    expect(applicantErrors({ ...ok, idNumber: '', phone: '', email: '' }, false)).toEqual({ fullName: null, idNumber: null, phone: null, email: null });
    expect(t('intake.idNumber.invalid', 'vi')).toBe('Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số)');
  });

  it('the missing name only after a submit attempt', () => {
    expect(applicantErrors({ ...ok, fullName: '  ' }, false).fullName).toBeNull();
    expect(applicantErrors({ ...ok, fullName: '  ' }, true).fullName).toBe('intake.fullName.required');
  });

  it('the ID and phone checks accept exactly what the API accepts', () => {
    const idish = fc.stringMatching(/^[0-9 ]{0,14}$/);
    const phoneish = fc.stringMatching(/^\+?[0-9 a]{0,17}$/);
    fc.assert(
      fc.property(idish, phoneish, (idNumber, phone) => {
        const e = applicantErrors({ ...ok, idNumber, phone }, false);
        if (idNumber.trim()) expect(e.idNumber === null).toBe(ApplicantSchema.shape.idNumber.safeParse(idNumber).success);
        if (phone.trim()) expect(e.phone === null).toBe(ApplicantSchema.shape.phone.safeParse(phone).success);
      }),
    );
  });

  it('what stops a submission: first the procedure, then any invalid field', () => {
    expect(submitProblem(ready())).toBeNull();
    expect(submitProblem({ ...ready(), procedureCode: null })).toBe('intake.pickProcedure');
    expect(submitProblem({ ...ready(), agencyId: null })).toBe('intake.pickProcedure');
    expect(submitProblem({ ...ready(), applicant: { ...ok, fullName: ' ' } })).toBe('intake.fixErrors');
    expect(submitProblem({ ...ready(), applicant: { ...ok, email: 'x@y' } })).toBe('intake.fixErrors');
    expect(submitProblem({ ...ready(), procedureCode: null, applicant: { ...ok, fullName: '' } })).toBe('intake.pickProcedure');
  });
});

describe('the procedure', () => {
  it('fees charged on the channel: zero lines left out, summed', () => {
    const spec = { fees: [...FEES, { kind: 'fee' as const, description: 'Miễn lệ phí', amountVnd: 0 }] } as unknown as ChannelSpec;
    expect(channelFees(spec)).toEqual({ fees: FEES, total: 18_000 });
    expect(channelFees(undefined)).toEqual({ fees: [], total: 0 });
  });

  it('the picker matches every word, in any order', () => {
    expect(matchesAllWords('1.001193 — dang ky khai sinh', 'khai sinh dang')).toBe(true);
    expect(matchesAllWords('1.001193 — dang ky khai sinh', 'khai tu')).toBe(false);
    expect(matchesAllWords('x', '')).toBe(true);
  });

  it('the lookup takes the newest dossier of that very ID and fills only what it knows', () => {
    const dossier = (idNumber: string, submittedAt: string | null, receivedAt: string | null, extra: Record<string, string> = {}) => ({ applicant: { fullName: `N ${idNumber} ${submittedAt ?? receivedAt}`, idNumber, ...extra }, submittedAt, receivedAt });
    const found = [dossier('052190001234', '2026-01-05T02:00:00Z', null), dossier('052190001234', null, '2026-02-01T02:00:00Z', { phone: '0905000111' }), dossier('052190001999', '2026-03-01T02:00:00Z', null)];
    const newest = newestDossierOf(found, '052190001234');
    expect(newest).toBe(found[1]);
    expect(newestDossierOf(found, '000000000')).toBeUndefined();
    const typed = { fullName: '', idNumber: '052190001234', phone: '', email: 'typed@example.vn', address: 'typed' };
    expect(prefillApplicant(typed, newest!.applicant)).toEqual({ fullName: 'N 052190001234 2026-02-01T02:00:00Z', phone: '0905000111', email: 'typed@example.vn', address: 'typed' });
  });
});

describe('what the outcomes send', () => {
  it('receive: the applicant trimmed, every scan, every ticked component with its counts, the fees and the note', () => {
    const body = intakeBody({ ...ready(), note: ' Thiếu bản chính ' }, 'receive', {}, COMPONENTS, FEES);
    expect(body).toEqual({
      agencyId: AGENCY,
      procedureCode: '1.001193',
      channel: 'desk',
      action: 'receive',
      applicant: { fullName: 'Nguyễn Thị Mai', idNumber: '052190001234', phone: '0905 123 456', address: '12 Lê Lợi' },
      resultMethod: 'desk',
      documents: [{ kind: 'input', componentCode: 'TK01', componentName: '- Tờ khai đăng ký khai sinh theo mẫu;', sha256: SHA_A, fileName: 'to-khai.pdf' }],
      fees: FEES,
      input: {
        note: 'Thiếu bản chính',
        componentsReceived: [
          { code: 'TK01', name: '- Tờ khai đăng ký khai sinh theo mẫu;', originals: 1, copies: 0 },
          { code: null, name: '+ Giấy chứng sinh', originals: 1, copies: 2 },
        ],
      },
    });
    expect(CreateDossierBody.safeParse(body).success).toBe(true);
    expect(validateActionInput('receive', body.input).ok).toBe(true);
  });

  it('a ticked component without a scan is on the record all the same; nothing ticked sends no list', () => {
    const body = intakeBody({ ...ready(), files: {}, present: [2] }, 'receive', {}, COMPONENTS, []);
    expect(body.documents).toEqual([]);
    expect(body.input).toEqual({ componentsReceived: [{ code: 'UQ', name: 'Văn bản ủy quyền (nếu có)', originals: 0, copies: 1 }] });
    expect(intakeBody({ ...ready(), present: [] }, 'receive', {}, COMPONENTS, []).input).toEqual({});
  });

  it('the counts and names are kept within what the API accepts', () => {
    const huge = [component('x'.repeat(1500), { originalCount: 250, copyCount: -3 })];
    const body = intakeBody({ ...ready(), present: [0], files: { 0: [{ sha256: SHA_A, fileName: 'a.pdf' }] } }, 'receive', {}, huge, []);
    expect(body.input?.componentsReceived).toEqual([{ code: null, name: 'x'.repeat(1000), originals: 99, copies: 0 }]);
    expect(body.documents?.[0]?.componentName).toHaveLength(1000);
    expect(CreateDossierBody.safeParse(body).success).toBe(true);
    expect(validateActionInput('receive', body.input).ok).toBe(true);
  });

  it('by post: the hand-over time in Vietnam time, only when it is a whole date and time', () => {
    expect(vnInstant('2026-03-02T09:30')).toBe('2026-03-02T09:30:00+07:00');
    expect(vnInstant('2026-03-02')).toBeUndefined();
    expect(vnInstant('')).toBeUndefined();
    const postal = intakeBody({ ...ready(), channel: 'postal', postalHandoverAt: '2026-03-02T09:30' }, 'receive', {}, COMPONENTS, FEES);
    expect(postal.postalHandoverAt).toBe('2026-03-02T09:30:00+07:00');
    expect(CreateDossierBody.safeParse(postal).success).toBe(true);
    expect('postalHandoverAt' in intakeBody({ ...ready(), channel: 'postal' }, 'receive', {}, COMPONENTS, FEES)).toBe(false);
    expect('postalHandoverAt' in intakeBody({ ...ready(), postalHandoverAt: '2026-03-02T09:30' }, 'receive', {}, COMPONENTS, FEES)).toBe(false);
  });

  it('request completion: every missing item in one request, the ticked components with it, no fees', () => {
    const missing = initialMissing(COMPONENTS, [0]);
    expect([...missing]).toEqual([1]);
    expect(initialMissing(COMPONENTS, [])).toEqual(new Set([0, 1]));
    const input = supplementInput(COMPONENTS, new Set([1, 0]), ' Bản sao sổ hộ khẩu \n\n Giấy xác nhận cư trú ')!;
    expect(input).toEqual({ missingItems: ['Tờ khai đăng ký khai sinh theo mẫu', 'Giấy chứng sinh', 'Bản sao sổ hộ khẩu', 'Giấy xác nhận cư trú'] });
    expect(supplementInput(COMPONENTS, new Set(), ' \n ')).toBeNull();
    const body = intakeBody({ ...ready(), present: [0] }, 'request_intake_supplement', input, COMPONENTS, FEES);
    expect(body.fees).toEqual([]);
    expect(body.input).toEqual({ ...input, componentsReceived: [{ code: 'TK01', name: '- Tờ khai đăng ký khai sinh theo mẫu;', originals: 1, copies: 0 }] });
    expect(CreateDossierBody.safeParse(body).success).toBe(true);
    expect(validateActionInput('request_intake_supplement', body.input).ok).toBe(true);
  });

  it('reject: the reasons one a line, the competent body when given; no fees and no components list', () => {
    expect(rejectInput('  \n', 'UBND huyện')).toBeNull();
    expect(rejectInput(' Không thuộc thẩm quyền \nHồ sơ giả mạo', '  ')).toEqual({ reasons: ['Không thuộc thẩm quyền', 'Hồ sơ giả mạo'] });
    const input = rejectInput('Không thuộc thẩm quyền', ' Sở Tư pháp ')!;
    expect(input).toEqual({ reasons: ['Không thuộc thẩm quyền'], competentBody: 'Sở Tư pháp' });
    const body = intakeBody({ ...ready(), note: 'Đã giải thích' }, 'reject_intake', input, COMPONENTS, FEES);
    expect(body.fees).toEqual([]);
    expect(body.input).toEqual({ ...input, note: 'Đã giải thích' });
    expect(CreateDossierBody.safeParse(body).success).toBe(true);
    expect(validateActionInput('reject_intake', body.input).ok).toBe(true);
  });

  it('the payment taken at the desk: what is still unpaid, by the method ticked, only on a receipt', () => {
    const paid = { ...ready(), paidNow: true, payReference: ' GD-123 ' };
    expect(paymentInput(paid, 'receive', 18_000, 0)).toEqual({ amount: 18_000, paymentMethod: 'desk', reference: 'GD-123' });
    expect(paymentInput({ ...paid, payMethod: 'transfer', payReference: '' }, 'receive', 18_000, 8_000)).toEqual({ amount: 10_000, paymentMethod: 'bank_transfer' });
    expect(paymentInput(paid, 'receive', 18_000, 18_000)).toBeNull();
    expect(paymentInput(paid, 'receive', 0, 0)).toBeNull();
    expect(paymentInput({ ...paid, paidNow: false }, 'receive', 18_000, 0)).toBeNull();
    expect(paymentInput(paid, 'request_intake_supplement', 18_000, 0)).toBeNull();
    const input = paymentInput(paid, 'receive', 18_000, 0)!;
    expect(validateActionInput('record_payment', input).ok).toBe(true);
  });
});

describe('a modal’s Ctrl+Enter', () => {
  const key = (o: { ctrlKey?: boolean; metaKey?: boolean; key: string }) => {
    const seen: string[] = [];
    const e = { ctrlKey: false, metaKey: false, ...o, preventDefault: () => seen.push('prevent'), stopPropagation: () => seen.push('stop') };
    let confirmed = 0;
    confirmOnModEnter(() => confirmed++)(e);
    return { confirmed, seen };
  };
  it('confirms on Ctrl+Enter or ⌘+Enter and stops there; other keys pass', () => {
    expect(key({ ctrlKey: true, key: 'Enter' })).toEqual({ confirmed: 1, seen: ['prevent', 'stop'] });
    expect(key({ metaKey: true, key: 'Enter' })).toEqual({ confirmed: 1, seen: ['prevent', 'stop'] });
    expect(key({ key: 'Enter' })).toEqual({ confirmed: 0, seen: [] });
    expect(key({ ctrlKey: true, key: 'a' })).toEqual({ confirmed: 0, seen: [] });
  });
});

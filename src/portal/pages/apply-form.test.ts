import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierComponent } from '../../core/catalog/types.ts';
import { tp } from '../../core/i18n/portal.ts';
import { clip, compKey, draftKey, firstInvalidStep, newDraft, parseDraft, STEPS, submitBody, submittedDocuments, validateStep, type Draft } from './apply-form.ts';

const NOW = new Date('2026-03-02T02:00:00Z');

function component(name: string, code: string | null = null): DossierComponent {
  return { code, name, caseName: null, required: true, originalCount: 1, copyCount: 0, hasEForm: false, forms: [] };
}
const COMPONENTS = [component('- Tờ khai đăng ký khai sinh', 'TK01'), component('+ Giấy chứng sinh'), component('Văn bản ủy quyền', 'UQ')];

/** A draft that passes every step. */
function complete(): Draft {
  return {
    ...newDraft('key-1', NOW),
    agencyId: 'agency-1',
    docs: { [compKey(0)]: { sha256: 'a'.repeat(64), fileName: 'to-khai.pdf' }, [compKey(2)]: { sha256: 'b'.repeat(64), fileName: 'uy-quyen.pdf', reused: true } },
    applicant: { fullName: '  Nguyễn Thị Mai ', idNumber: '0521 9000 1234', phone: '0905.123.456', email: '', address: ' 12 Lê Lợi ' },
  };
}

describe('the draft', () => {
  it('a new draft starts at the documents step with its Idempotency-Key and the online result', () => {
    const d = newDraft('idem-123', NOW);
    expect(d).toMatchObject({ v: 1, idemKey: 'idem-123', step: 0, resultMethod: 'online', savedAt: '2026-03-02T02:00:00.000Z' });
    expect(draftKey('1.001193')).toBe('motcua.portal.draft.1.001193');
    expect(STEPS).toHaveLength(4);
  });

  it('a stored draft comes back as it was saved, its Idempotency-Key included (a reload cannot make a second dossier)', () => {
    const saved = { ...complete(), step: 2, resultMethod: 'postal' as const, postalAddress: 'Thôn 3' };
    const back = parseDraft(JSON.stringify(saved), newDraft('another-key', NOW));
    expect(back).toEqual(saved);
  });

  it('an older draft without the newer fields is completed from a fresh one', () => {
    const old = { v: 1, idemKey: 'k-old', step: 1, agencyId: 'a', applicant: complete().applicant };
    const back = parseDraft(JSON.stringify(old), newDraft('k-new', NOW))!;
    expect(back.idemKey).toBe('k-old');
    expect(back.step).toBe(1);
    expect(back.eforms).toEqual({});
    expect(back.resultMethod).toBe('online');
  });

  it('nothing stored, unreadable text, another version or no key: no draft', () => {
    const fresh = newDraft('k', NOW);
    expect(parseDraft(null, fresh)).toBeNull();
    expect(parseDraft('', fresh)).toBeNull();
    expect(parseDraft('{not json', fresh)).toBeNull();
    expect(parseDraft('null', fresh)).toBeNull();
    expect(parseDraft(JSON.stringify({ ...complete(), v: 2 }), fresh)).toBeNull();
    expect(parseDraft(JSON.stringify({ v: 1, step: 0 }), fresh)).toBeNull();
  });

  it('any draft survives the round trip through storage', () => {
    const draftArb = fc.record({
      v: fc.constant(1 as const),
      idemKey: fc.string({ minLength: 1 }),
      step: fc.integer({ min: 0, max: 3 }),
      agencyId: fc.string(),
      docs: fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'), fc.record({ sha256: fc.stringMatching(/^[0-9a-f]{64}$/), fileName: fc.string() })),
      eforms: fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'), fc.string()),
      request: fc.string(),
      applicant: fc.record({ fullName: fc.string(), idNumber: fc.string(), phone: fc.string(), email: fc.string(), address: fc.string() }),
      resultMethod: fc.constantFrom('online' as const, 'desk' as const, 'postal' as const),
      postalAddress: fc.string(),
      savedAt: fc.constant(NOW.toISOString()),
    });
    fc.assert(
      fc.property(draftArb, (d) => {
        expect(parseDraft(JSON.stringify(d), newDraft('x', NOW))).toEqual(d);
      }),
    );
  });
});

describe('the checks of each step', () => {
  it('a complete draft passes every step', () => {
    for (const s of [0, 1, 2, 3]) expect(validateStep(s, complete(), COMPONENTS)).toEqual({});
    expect(firstInvalidStep(complete(), COMPONENTS)).toBeNull();
  });

  it('documents: a place to submit and at least one document or e-form', () => {
    const d = { ...complete(), agencyId: '', docs: {} };
    expect(validateStep(0, d, COMPONENTS)).toEqual({ agency: 'apply.err.agency', docs: 'apply.needOneDoc' });
    expect(tp('apply.needOneDoc', 'vi')).toBe('Vui lòng tải lên ít nhất một giấy tờ.');
    expect(validateStep(0, { ...d, agencyId: 'a', eforms: { [compKey(1)]: '   ' } }, COMPONENTS)).toEqual({ docs: 'apply.needOneDoc' });
    expect(validateStep(0, { ...d, agencyId: 'a', eforms: { [compKey(1)]: 'Nội dung tờ khai' } }, COMPONENTS)).toEqual({});
    // A procedure without components needs no document.
    expect(validateStep(0, { ...d, agencyId: 'a' }, [])).toEqual({});
  });

  it('applicant: a name, a 12-digit ID number, a 10-digit phone number from 0, a valid e-mail if any', () => {
    const base = complete();
    const step1 = (applicant: Partial<Draft['applicant']>) => validateStep(1, { ...base, applicant: { ...base.applicant, ...applicant } }, COMPONENTS);
    expect(step1({ fullName: '   ' })).toEqual({ fullName: 'apply.err.fullName' });
    expect(step1({ idNumber: '05219000123' })).toEqual({ idNumber: 'apply.err.idNumber' });
    expect(step1({ idNumber: '05219000123X' })).toEqual({ idNumber: 'apply.err.idNumber' });
    expect(step1({ idNumber: '052 190 001 234' })).toEqual({});
    expect(step1({ phone: '905123456' })).toEqual({ phone: 'apply.err.phone' });
    expect(step1({ phone: '1905123456' })).toEqual({ phone: 'apply.err.phone' });
    expect(step1({ phone: '0905 123 456' })).toEqual({});
    expect(step1({ email: 'mai@' })).toEqual({ email: 'apply.err.email' });
    expect(step1({ email: 'a@b.c' })).toEqual({ email: 'apply.err.email' }); // refused by the API too
    expect(step1({ email: ' mai@example.vn ' })).toEqual({});
    expect(tp('apply.err.idNumber', 'vi')).toBe('Số định danh gồm đúng 12 chữ số.');
  });

  it('result by post needs the address', () => {
    const d = { ...complete(), resultMethod: 'postal' as const, postalAddress: '  ' };
    expect(validateStep(2, d, COMPONENTS)).toEqual({ postal: 'apply.err.postal' });
    expect(validateStep(2, { ...d, postalAddress: 'Thôn 3, xã Ia Grai' }, COMPONENTS)).toEqual({});
    expect(validateStep(2, { ...d, resultMethod: 'desk' }, COMPONENTS)).toEqual({});
  });

  it('submitting goes back to the first step with a problem', () => {
    expect(firstInvalidStep({ ...complete(), resultMethod: 'postal', postalAddress: '' }, COMPONENTS)).toBe(2);
    expect(firstInvalidStep({ ...complete(), resultMethod: 'postal', postalAddress: '', applicant: { ...complete().applicant, phone: '' } }, COMPONENTS)).toBe(1);
    expect(firstInvalidStep({ ...complete(), agencyId: '', applicant: { ...complete().applicant, phone: '' } }, COMPONENTS)).toBe(0);
  });
});

describe('what is sent', () => {
  it('the documents in the components’ order, with the component’s code (or its slot) and its name without the bullet', () => {
    const docs = submittedDocuments(complete(), COMPONENTS);
    expect(docs).toEqual([
      { componentCode: 'TK01', componentName: 'Tờ khai đăng ký khai sinh', sha256: 'a'.repeat(64), fileName: 'to-khai.pdf' },
      { componentCode: 'UQ', componentName: 'Văn bản ủy quyền', sha256: 'b'.repeat(64), fileName: 'uy-quyen.pdf', reused: true },
    ]);
    const noCode = submittedDocuments({ ...complete(), docs: { [compKey(1)]: { sha256: 'c'.repeat(64), fileName: 'chung-sinh.jpg' } } }, COMPONENTS);
    expect(noCode).toEqual([{ componentCode: 'c1', componentName: 'Giấy chứng sinh', sha256: 'c'.repeat(64), fileName: 'chung-sinh.jpg' }]);
  });

  it('a long component name is clipped to what the API keeps', () => {
    const long = 'Bản sao '.repeat(200);
    const [doc] = submittedDocuments({ ...complete(), docs: { [compKey(0)]: { sha256: 'a'.repeat(64), fileName: 'x.pdf' } } }, [component(long)]);
    expect(doc!.componentName).toHaveLength(1000);
    expect(doc!.componentName.endsWith('…')).toBe(true);
    expect(clip('ngắn', 10)).toBe('ngắn');
  });

  it('the body: trimmed, numbers without spaces or dots, empty optional fields left out, the postal address only by post', () => {
    const d = { ...complete(), request: '  Cấp bản sao  ', eforms: { [compKey(0)]: ' Họ tên cha: Nguyễn Văn Hùng ', [compKey(1)]: '  ' } };
    const body = submitBody(d, '1.001193', COMPONENTS);
    expect(body).toEqual({
      agencyId: 'agency-1',
      procedureCode: '1.001193',
      applicant: { fullName: 'Nguyễn Thị Mai', idNumber: '052190001234', phone: '0905123456', address: '12 Lê Lợi' },
      formData: { request: 'Cấp bản sao', eforms: { TK01: 'Họ tên cha: Nguyễn Văn Hùng' } },
      documents: submittedDocuments(d, COMPONENTS),
      resultMethod: 'online',
    });
    const byPost = submitBody({ ...d, resultMethod: 'postal', postalAddress: ' Thôn 3 ' }, '1.001193', COMPONENTS);
    expect(byPost.postalAddress).toBe('Thôn 3');
    expect(byPost.resultMethod).toBe('postal');
    expect(submitBody({ ...d, applicant: { ...d.applicant, email: ' mai@example.vn ' } }, '1.001193', COMPONENTS).applicant.email).toBe('mai@example.vn');
  });
});

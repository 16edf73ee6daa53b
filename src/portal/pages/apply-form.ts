/**
 * The form state of "apply online" (Apply.tsx), without React: the draft kept in localStorage (with the
 * Idempotency-Key fixed when the form first opens), the checks of each step, and the body sent to
 * `POST /api/citizen/dossiers`. The page holds the draft in state and calls these.
 */
import type { DossierComponent } from '../../core/catalog/types.ts';
import type { PortalKey } from '../../core/i18n/portal.ts';
import type { ApplicantInput, ResultMethod, SubmitBody, SubmittedDocument } from '../api.ts';
import type { PickedFile } from '../components/FileField.tsx';
import { stripBullet } from '../format.ts';
import { applicantFieldValid } from '../../core/dossier/applicant.ts';

export interface Draft {
  v: 1;
  idemKey: string;
  step: number;
  agencyId: string;
  docs: Record<string, PickedFile>;
  eforms: Record<string, string>;
  request: string;
  applicant: ApplicantInput;
  resultMethod: ResultMethod;
  postalAddress: string;
  savedAt: string;
}

/** The steps after sign-in, by their title's catalogue key; the last one is the review. */
export const STEPS = ['apply.step.docs', 'apply.step.applicant', 'apply.step.result', 'apply.step.review'] as const satisfies readonly PortalKey[];

export const draftKey = (code: string) => `motcua.portal.draft.${code}`;

export function newDraft(idemKey: string, now: Date): Draft {
  return {
    v: 1,
    idemKey,
    step: 0,
    agencyId: '',
    docs: {},
    eforms: {},
    request: '',
    applicant: { fullName: '', idNumber: '', phone: '', email: '', address: '' },
    resultMethod: 'online',
    postalAddress: '',
    savedAt: now.toISOString(),
  };
}

/**
 * A stored draft (the text kept in localStorage), completed with `fresh`'s fields for what it lacks; `null` when
 * there is none or it is not a version-1 draft with an Idempotency-Key (unreadable text included).
 */
export function parseDraft(raw: string | null, fresh: Draft): Draft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<Draft> | null;
    return d && typeof d === 'object' && d.v === 1 && typeof d.idemKey === 'string' ? { ...fresh, ...d } : null;
  } catch {
    return null;
  }
}

/** The key of the `i`-th component's slot in `docs` and `eforms`. */
export const compKey = (i: number) => `c${i}`;

/** The API keeps at most `max` characters of a component's name (some catalogue entries are whole paragraphs). */
export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export type ApplyField = 'agency' | 'docs' | 'fullName' | 'idNumber' | 'phone' | 'email' | 'postal' | 'pledge';

/** The problems of a step, as catalogue keys (the page shows them translated). */
export type ApplyErrors = Partial<Record<ApplyField, PortalKey>>;

const digits = (s: string) => s.replace(/\s/g, '');
const phoneDigits = (s: string) => s.replace(/[\s.]/g, '');

/** The documents sent: one per component with a file, in the components' order. */
export function submittedDocuments(draft: Draft, components: readonly DossierComponent[]): SubmittedDocument[] {
  return components.flatMap((c, i) => {
    const f = draft.docs[compKey(i)];
    return f ? [{ componentCode: c.code ?? compKey(i), componentName: clip(stripBullet(c.name), 1000), sha256: f.sha256, fileName: f.fileName, ...(f.reused ? { reused: true } : {}) }] : [];
  });
}

const filledEforms = (draft: Draft) => Object.values(draft.eforms).filter((v) => v.trim()).length;

/** The checks of one step (0 documents, 1 applicant, 2 result delivery; the review has none). */
export function validateStep(step: number, draft: Draft, components: readonly DossierComponent[]): ApplyErrors {
  const e: ApplyErrors = {};
  const a = draft.applicant;
  if (step === 0) {
    if (!draft.agencyId) e.agency = 'apply.err.agency';
    if (components.length > 0 && submittedDocuments(draft, components).length === 0 && filledEforms(draft) === 0) e.docs = 'apply.needOneDoc';
  }
  if (step === 1) {
    if (!a.fullName.trim()) e.fullName = 'apply.err.fullName';
    if (!/^\d{12}$/.test(digits(a.idNumber))) e.idNumber = 'apply.err.idNumber';
    if (!/^0\d{9}$/.test(phoneDigits(a.phone))) e.phone = 'apply.err.phone';
    if (a.email.trim() && !applicantFieldValid('email', a.email)) e.email = 'apply.err.email'; // the API's rule
  }
  if (step === 2 && draft.resultMethod === 'postal' && !draft.postalAddress.trim()) e.postal = 'apply.err.postal';
  return e;
}

/** The first step before the review with a problem (submitting sends the applicant back there), else `null`. */
export function firstInvalidStep(draft: Draft, components: readonly DossierComponent[]): number | null {
  for (const s of [0, 1, 2]) if (Object.keys(validateStep(s, draft, components)).length > 0) return s;
  return null;
}

/** The body of the application: trimmed, spaces out of the numbers, empty optional fields left out. */
export function submitBody(draft: Draft, procedureCode: string, components: readonly DossierComponent[]): SubmitBody {
  const a = draft.applicant;
  const eforms: Record<string, string> = {};
  components.forEach((c, i) => {
    const v = draft.eforms[compKey(i)]?.trim();
    if (v) eforms[c.code ?? compKey(i)] = v;
  });
  return {
    agencyId: draft.agencyId,
    procedureCode,
    applicant: {
      fullName: a.fullName.trim(),
      idNumber: digits(a.idNumber),
      phone: phoneDigits(a.phone),
      ...(a.email.trim() ? { email: a.email.trim() } : {}),
      ...(a.address.trim() ? { address: a.address.trim() } : {}),
    },
    formData: { request: draft.request.trim(), eforms },
    documents: submittedDocuments(draft, components),
    resultMethod: draft.resultMethod,
    ...(draft.resultMethod === 'postal' ? { postalAddress: draft.postalAddress.trim() } : {}),
  };
}

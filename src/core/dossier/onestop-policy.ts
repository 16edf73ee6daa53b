/**
 * One-stop rule versions as dated data (Decree 61/2018 + Circular 01/2018; replaced from 1/7/2025 by
 * Decree 118/2025 + Circular 03/2025). Each dossier is pinned to the version in force when it was received.
 * Values marked (unverified) in the domain notes are settings with the stated default.
 */
export interface OneStopPolicy {
  id: string;
  validFrom: string; // YYYY-MM-DD
  validTo: string | null;
  legalBasis: string;
  /** A supplement during appraisal must be requested within this many working days of receipt. */
  supplementRequestWithinWorkingDays: number;
  /** An apology must be sent at least this many days before the appointment. */
  apologyMinDaysBefore: number;
  /** How many apologies (re-appointments) a dossier may have. */
  maxApologies: number;
  /** Paper dossiers received after this time are forwarded at the start of the next working day. */
  paperForwardCutoff: string;
  /** Slip numbering of the circular in force. */
  slipForms: Record<string, string>;
}

export const ONESTOP_POLICIES: readonly OneStopPolicy[] = [
  {
    id: 'onestop-2018',
    validFrom: '2018-08-21',
    validTo: '2025-06-30',
    legalBasis: 'Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP',
    supplementRequestWithinWorkingDays: 3,
    apologyMinDaysBefore: 1,
    maxApologies: 1,
    paperForwardCutoff: '15:00',
    slipForms: { receipt: 'Mẫu số 01', supplement_request: 'Mẫu số 02', refusal: 'Mẫu số 03', apology: 'Mẫu số 04', control: 'Mẫu số 05', register: 'Mẫu số 06' },
  },
  {
    id: 'onestop-2025',
    validFrom: '2025-07-01',
    validTo: null,
    legalBasis: 'Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP); Thông tư 03/2025/TT-VPCP',
    supplementRequestWithinWorkingDays: 3,
    apologyMinDaysBefore: 1,
    maxApologies: 1,
    paperForwardCutoff: '15:00',
    slipForms: { receipt: 'Mẫu số 01', supplement_request: 'Mẫu số 02', refusal: 'Mẫu số 03', apology: 'Mẫu số 04', control: 'Mẫu số 05', register: 'Mẫu số 06', stop_notice: 'Mẫu số 07' },
  },
];

export function oneStopPolicyFor(localDate: string, policies: readonly OneStopPolicy[] = ONESTOP_POLICIES): OneStopPolicy {
  const p = policies.find((x) => x.validFrom <= localDate && (x.validTo === null || localDate <= x.validTo));
  return p ?? policies[0]!;
}

/** The version a dossier is pinned to (its `onestopPolicy` id); a dossier not yet received uses the one in force. */
export function oneStopPolicyById(id: string | null, localDate: string, policies: readonly OneStopPolicy[] = ONESTOP_POLICIES): OneStopPolicy {
  return (id !== null ? policies.find((x) => x.id === id) : undefined) ?? oneStopPolicyFor(localDate, policies);
}

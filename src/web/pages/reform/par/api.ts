/** Calls of the PAR API (/api/reform/par/…) used by the console's "Chỉ số CCHC" screens. */
import { apiUrl, request as http, type HttpOptions } from '../../../../client/http.ts';
import { UNAUTHENTICATED_EVENT } from '../../../api.ts';
import type { CriteriaSetJson } from '../../../../core/reform/par/criteria-set.ts';

function request<T>(method: string, path: string, opts: HttpOptions = {}): Promise<T> {
  return http<T>(method, path, { ...opts, onError: (e) => e.status === 401 && window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT)) });
}
type Text = { vi: string; en?: string };
type AgencyRef = { id: string; code: string; name: string };

export interface SetSummary { id: string; code: string; year: number; unitType: string; title: Text; version: number; nodes: number; areas: number; max: string; inUse: boolean }
export interface RoundSummary { id: string; title: string; year: number; status: 'open' | 'finalised' | 'published'; statusLabel: Text; surveyRun: boolean; selfDeadline: string; appraisalDeadline: string; cycle: number; version: number; publishedAt: string | null; units?: number; admin?: boolean; appraiser?: boolean; mine?: string[] }
/** A phase's lock as the API derives it (core deadlineLock): the deadline in force is the grace date when it extends the deadline. */
export interface PhaseLock { locked: boolean; pastDeadline: boolean; graceUntil: string | null; inGrace: boolean; deadlineInForce: string; lockedSince: string | null }
export interface RoundUnit extends Omit<PhaseLock, 'graceUntil'> { agency: AgencyRef; status: 'draft' | 'submitted'; version: number; submittedAt: string | null; graceUntil: string | null; late: boolean; index: string | null; mine: boolean; appraisalLock: PhaseLock }
export interface Appraiser { id: string; userId: string; name: string; username: string; agencyId: string | null; areaCode: string | null }
export type LockPhase = 'self' | 'appraisal';
export interface Round extends Omit<RoundSummary, 'units'> {
  set: { id: string; title: Text; unitType: string }; ownerAgencyId: string; areas: { code: string; title: Text }[]; units: RoundUnit[]; appraisers: Appraiser[];
  can: { admin: boolean; council: boolean; appraise: boolean; finalise: boolean; publish: boolean; reopen: boolean };
}
export interface LostRow { nodeCode: string; title: string; path: string[]; max: string; points: string; lost: string; appraiserNote: string | null }
export interface ResultRow { agency: AgencyRef; rank: number | null; of: number | null; tied: boolean; group: string | null; points: string; max: string; index: string | null; lastYear: string | null; change: string | null; areas: { code: string; points: string; max: string; percent: string | null }[]; lostPoints?: LostRow[] }
export interface Results { round: RoundSummary; set: { code: string; title: Text; bands: { code: string; min: number; label: Text }[] }; areas: { code: string; title: Text; max: string }[]; rows: ResultRow[]; ranked: boolean }
export type Method = { kind: 'options'; options: { key: string; label: Text; points: number }[] } | { kind: 'rate' | 'number' | 'auto'; metric?: string } | { kind: 'yesno' | 'manual' | 'survey' };
export interface AssessmentNode {
  code: string; parent: string | null; title: Text; leaf: boolean; depth: number; max: string; method: Method | null; evidenceExpected: string | null; evidenceRequired: boolean; guidance: string | null; applicable: boolean; version: number | null;
  answer: { kind: string; key?: string; value?: number; yes?: boolean; points?: number } | null; selfPoints: string | null; selfMax: string; explanation: string | null; unitComment: string | null;
  autoFigure: { rate: number | null; numerator: number | null; denominator: number | null; query: string; drill: string | null; available: boolean } | null;
  appraisal: string | null; appraisedPoints: string | null; appraiserNote: string | null; points: string; percent: string | null; canAppraise: boolean;
  evidence: { id: string; fileName: string; pageNote: string; addedAt: string }[]; comments: { id: string; kind: 'appraisal' | 'answer'; cycle: number; body: string; createdAt: string }[];
  remediation: { id: string; content: string; deadline: string | null; status: string; overdue: boolean }[];
}
export interface Assessment {
  round: RoundSummary; agency: AgencyRef; status: 'draft' | 'submitted'; version: number; locked: boolean; pastDeadline: boolean; graceUntil: string | null; late: boolean; deadlineInForce: string; appraisalLock: PhaseLock;
  running: { points: string; max: string; index: string | null }; result: { points: string; max: string; index: string | null };
  missing: { code: string; reason: 'points' | 'evidence' }[]; nodes: AssessmentNode[];
  can: { edit: boolean; submit: boolean; withdraw: boolean; answer: boolean; appraise: boolean; unlock: boolean };
}

export interface SurveySample { agencyId: string; group: string; items: { id: string; link: string; qr: string }[] }
export interface SurveyProgress { agencyId: string; group: 'citizens' | 'officials' | 'leaders'; sampled: number; answered: number }

const R = '/reform/par';
const U = (id: string, a: string) => `${R}/rounds/${id}/units/${a}`;
export const parApi = {
  sets: () => request<{ items: SetSummary[] }>('GET', `${R}/sets`).then((r) => r.items),
  importSet: (doc: unknown) => request<{ id: string; code: string; nodes: number }>('POST', `${R}/sets/import`, { body: doc }),
  copySet: (id: string, year: number) => request<{ id: string }>('POST', `${R}/sets/${id}/copy`, { body: { year } }),
  exportUrl: (id: string) => apiUrl(`${R}/sets/${id}/export`),
  set: (id: string) => request<{ id: string; version: number; inUse: boolean; document: CriteriaSetJson }>('GET', `${R}/sets/${id}`),
  updateSet: (id: string, version: number, document: CriteriaSetJson) => request<{ id: string; version: number; inUse: boolean; document: CriteriaSetJson }>('PUT', `${R}/sets/${id}`, { body: { version, document } }),
  rounds: () => request<{ items: RoundSummary[] }>('GET', `${R}/rounds`).then((r) => r.items),
  openRound: (b: { setId: string; agencyIds: string[]; surveyRun: boolean; selfDeadline: { workingDays: number }; appraisalDeadline: { workingDays: number } }) => request<Round>('POST', `${R}/rounds`, { body: b }),
  round: (id: string) => request<Round>('GET', `${R}/rounds/${id}`),
  unlock: (id: string, a: string, reason: string, phase: LockPhase = 'self') => request<Round>('POST', `${U(id, a)}/unlock`, { body: { reason, phase } }),
  relock: (id: string, a: string, reason: string, phase: LockPhase = 'self') => request<Round>('POST', `${U(id, a)}/relock`, { body: { reason, phase } }),
  assign: (id: string, b: { userId: string; agencyId?: string; areaCode?: string }) => request<Round>('POST', `${R}/rounds/${id}/appraisers`, { body: b }),
  removeAppraiser: (id: string, appraiserId: string, reason: string) => request<Round>('DELETE', `${R}/rounds/${id}/appraisers/${appraiserId}`, { body: { reason } }),
  finalise: (id: string, version: number) => request<Round>('POST', `${R}/rounds/${id}/finalise`, { body: { version } }),
  publish: (id: string, version: number) => request<Round>('POST', `${R}/rounds/${id}/publish`, { body: { version } }),
  reopen: (id: string, version: number, reason: string) => request<Round>('POST', `${R}/rounds/${id}/reopen`, { body: { version, reason } }),
  results: (id: string) => request<Results>('GET', `${R}/rounds/${id}/results`),
  exportResults: (id: string, f: 'xlsx' | 'pdf') => apiUrl(`${R}/rounds/${id}/results.${f}`),
  sampleRespondents: (id: string, b: { agencyId: string; group: string; count: number }) => request<SurveySample>('POST', `${R}/rounds/${id}/survey/respondents`, { body: b }),
  surveyProgress: (id: string) => request<{ items: SurveyProgress[] }>('GET', `${R}/rounds/${id}/survey/progress`).then((r) => r.items),
  applySurvey: (id: string) => request<{ applied: { agencyId: string; nodeCode: string; answers: number }[] }>('POST', `${R}/rounds/${id}/survey/apply`),
  importSurvey: (id: string, csv: string) => request<unknown>('POST', `${R}/rounds/${id}/survey/import`, { body: { csv } }),
  assessment: (id: string, a: string) => request<Assessment>('GET', U(id, a)),
  saveNode: (id: string, a: string, code: string, body: Record<string, unknown>) => request<Assessment>('PUT', `${U(id, a)}/nodes/${encodeURIComponent(code)}`, { body }),
  addEvidence: (id: string, a: string, code: string, body: Record<string, unknown>) => request<Assessment>('POST', `${U(id, a)}/nodes/${encodeURIComponent(code)}/evidence`, { body }),
  documents: (id: string, a: string) => request<{ items: { kind: string; id: string; title: string }[] }>('GET', `${U(id, a)}/documents`).then((r) => r.items),
  submit: (id: string, a: string, version: number) => request<Assessment>('POST', `${U(id, a)}/submit`, { body: { version } }),
  withdraw: (id: string, a: string, version: number) => request<Assessment>('POST', `${U(id, a)}/withdraw`, { body: { version } }),
  appraise: (id: string, a: string, code: string, body: Record<string, unknown>) => request<Assessment>('POST', `${U(id, a)}/nodes/${encodeURIComponent(code)}/appraise`, { body }),
  answer: (id: string, a: string, code: string, text: string) => request<Assessment>('POST', `${U(id, a)}/nodes/${encodeURIComponent(code)}/answer`, { body: { body: text } }),
  lostPoints: (id: string, a: string) => request<{ index: string | null; rows: LostRow[] }>('GET', `${U(id, a)}/lost-points`),
};

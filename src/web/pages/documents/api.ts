/** Calls of the document office's API (/api/documents…) for the /van-ban screens. */
import { apiUrl, request as http, type HttpOptions } from '../../../client/http.ts';
import type { VerificationView } from '../../../core/signing/report.ts';
import { UNAUTHENTICATED_EVENT } from '../../api.ts';
import type { DraftBody, ListQuery, RegisterBody } from './logic.ts';

function request<T>(method: string, path: string, opts: HttpOptions = {}): Promise<T> {
  return http<T>(method, path, { ...opts, onError: (e) => e.status === 401 && window.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT)) });
}

type Label = { vi: string; en: string };
type Person = { id: string; name: string | null };

export interface DocListItem {
  id: string;
  agencyId: string;
  direction: 'incoming' | 'outgoing';
  state: string;
  stateLabel: Label;
  version: number;
  kind: string;
  urgency: string;
  confidentiality: string;
  summary: string;
  numberSymbol: string | null;
  registerNo: number | null;
  registerYear: number | null;
  senderName: string | null;
  handler: Person | null;
  dueAt: string | null;
  createdAt: string;
  sourceDocumentId: string | null;
}

export interface DocFile { versionNo: number; kind: 'original' | 'draft' | 'signed' | 'sealed'; fileName: string; mime: string; sha256: string; at: string }

export interface Doc {
  id: string;
  agency: { id: string; name: string };
  direction: 'incoming' | 'outgoing';
  state: string;
  stateLabel: Label;
  version: number;
  kind: string;
  urgency: string;
  confidentiality: string;
  summary: string;
  numberSymbol: string | null;
  issuedOn: string | null;
  registerNo: number | null;
  registerYear: number | null;
  senderName: string | null;
  pages: number | null;
  unitSymbol: string | null;
  createdBy: Person | null;
  createdAt: string;
  directedBy: Person | null;
  directedAt: string | null;
  directionNote: string | null;
  handler: Person | null;
  coHandlers: Person[];
  dueAt: string | null;
  timing: 'in_time' | 'due_soon' | 'overdue' | null;
  finishedAt: string | null;
  signedBy: Person | null;
  signedAt: string | null;
  sealedAt: string | null;
  sourceDocumentId: string | null;
  inReplyTo: string | null;
  replyDocumentId: string | null;
  files: DocFile[];
  comments: { versionNo: number; comment: string; by: string | null; at: string }[];
  recipients: ({ kind: 'internal'; agencyId: string; agencyName: string; incomingDocumentId: string } | { kind: 'external'; name: string; packageId: string })[];
  allowedActions: string[];
}

export interface DocHistory { seq: number; action: string; actionLabel: Label; fromState: string | null; toState: string; actor: Person | null; actorRole: string; at: string; data: Record<string, unknown> }

export interface SendResult { document: Doc; received: { agencyId: string; documentId: string }[]; packages: { name: string; packageId: string; downloadCode: string; url: string }[] }

type FileIn = { sha256: string; fileName: string };

export const docApi = {
  list: (q: ListQuery) => request<{ items: DocListItem[]; next: string | null }>('GET', '/documents', { query: { ...q } }),
  get: (id: string) => request<Doc>('GET', `/documents/${id}`),
  history: (id: string) => request<{ items: DocHistory[] }>('GET', `/documents/${id}/history`).then((r) => r.items),
  register: (body: RegisterBody & { file: FileIn }) => request<Doc>('POST', '/documents/incoming', { body }),
  draft: (body: DraftBody & { file: FileIn }) => request<Doc>('POST', '/documents/outgoing', { body }),
  act: <T = Doc>(id: string, path: string, body: Record<string, unknown>) => request<T>('POST', `/documents/${id}/${path}`, { body }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<{ sha256: string; size: number; mime: string }>('POST', '/files', { form });
  },
  /** Reads the latest file and asks the console's verifier for its signatures. */
  verify: async (id: string): Promise<VerificationView> => {
    const res = await fetch(docLinks.file(id), { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`file ${res.status}`);
    const form = new FormData();
    form.append('file', await res.blob(), 'van-ban.pdf');
    return request<VerificationView>('POST', '/signatures/verify', { form });
  },
};

export const docLinks = {
  file: (id: string, version?: number) => apiUrl(`/documents/${id}/file`, { version }),
};

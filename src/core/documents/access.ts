/**
 * Who may see a document: staff of its agency (a role on the agency or an ancestor), and staff of the agencies it
 * was sent to; a confidential one (any level above "normal") only those named — the clerk who registered or the
 * drafter, the readers named at registration, the leader who directed it, the handler and co-handlers. Every view
 * of a confidential document is logged (the service does it).
 */
import { isConfidential, type Confidentiality } from './states.ts';

export interface AccessFacts {
  agencyPath: string;
  confidentiality: Confidentiality;
  createdBy: string | null;
  directedBy: string | null;
  handlerId: string | null;
  coHandlerIds: readonly string[];
  readerIds: readonly string[];
  /** Paths of the agencies inside motcua it was sent to. */
  recipientAgencyPaths: readonly string[];
}

export interface Viewer {
  userId: string;
  /** The agency paths of the viewer's roles (a role covers the agency's subtree). */
  scopePaths: readonly string[];
}

export function namedOn(d: AccessFacts, userId: string): boolean {
  return d.createdBy === userId || d.directedBy === userId || d.handlerId === userId || d.coHandlerIds.includes(userId) || d.readerIds.includes(userId);
}

export function canViewDocument(d: AccessFacts, v: Viewer): boolean {
  const covers = (path: string) => v.scopePaths.some((p) => path.startsWith(p));
  const inReach = covers(d.agencyPath) || d.recipientAgencyPaths.some(covers);
  if (!inReach) return false;
  return isConfidential(d.confidentiality) ? namedOn(d, v.userId) : true;
}

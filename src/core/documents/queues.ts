/**
 * The queues of the document office as predicates over a document's current facts: the repository's SQL for each
 * queue selects exactly the documents these accept (documents.db.test.ts compares them).
 */
import { DONE_STATES, OPEN_INCOMING_STATES, type Direction, type DocumentState, type IncomingState } from './states.ts';

export const DOCUMENT_QUEUES = ['to_direct', 'assigned_to_me', 'due_soon', 'overdue', 'done', 'to_sign', 'to_number', 'to_seal', 'to_send', 'drafts'] as const;
export type DocumentQueue = (typeof DOCUMENT_QUEUES)[number];

export interface QueueFacts {
  direction: Direction;
  state: DocumentState;
  handlerId: string | null;
  coHandlerIds: readonly string[];
  createdBy: string | null;
  dueAt: Date | null;
}

export interface QueueViewer {
  userId: string;
  now: Date;
  /** core/calendar dueSoonUntil(now, calendar): the last instant that is due soon. */
  dueSoonUntil: Date;
}

const openIncoming = (d: QueueFacts) => d.direction === 'incoming' && OPEN_INCOMING_STATES.has(d.state as IncomingState);

export const QUEUE_PREDICATES: Record<DocumentQueue, (d: QueueFacts, v: QueueViewer) => boolean> = {
  /** Incoming documents waiting for the leader's direction (bút phê). */
  to_direct: (d) => d.direction === 'incoming' && d.state === 'registered',
  /** Open incoming documents the viewer handles or co-handles. */
  assigned_to_me: (d, v) => openIncoming(d) && (d.handlerId === v.userId || d.coHandlerIds.includes(v.userId)),
  /** Open incoming documents due from now to the end of the due-soon window (core/calendar dueSoonUntil). */
  due_soon: (d, v) => openIncoming(d) && d.dueAt !== null && d.dueAt.getTime() >= v.now.getTime() && d.dueAt.getTime() <= v.dueSoonUntil.getTime(),
  /** Open incoming documents past their deadline. */
  overdue: (d, v) => openIncoming(d) && d.dueAt !== null && d.dueAt.getTime() < v.now.getTime(),
  /** Replied or closed incoming documents, sent outgoing ones. */
  done: (d) => DONE_STATES.has(d.state),
  /** Outgoing documents waiting for the leader's approval and signature. */
  to_sign: (d) => d.direction === 'outgoing' && d.state === 'in_review',
  /** Signed outgoing documents waiting for the clerk's number. */
  to_number: (d) => d.direction === 'outgoing' && d.state === 'signed',
  to_seal: (d) => d.direction === 'outgoing' && d.state === 'numbered',
  to_send: (d) => d.direction === 'outgoing' && d.state === 'sealed',
  /** The viewer's own drafts (not yet submitted, or returned). */
  drafts: (d, v) => d.direction === 'outgoing' && d.state === 'draft' && d.createdBy === v.userId,
};

export const inQueue = (q: DocumentQueue, d: QueueFacts, v: QueueViewer): boolean => QUEUE_PREDICATES[q](d, v);

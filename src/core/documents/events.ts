/**
 * The typed history event of a document: what one `document_history.data` holds, versioned (`v`) and
 * Zod-validated, one schema per action (a discriminated union on `action`). An event that does not validate is
 * never stored; a stored one is read back through `readDocumentEvent`. Version 1 is the first; a later version
 * adds an upcaster here, as core/dossier/events.ts does.
 */
import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS, DOCUMENT_KIND_NAMES, URGENCY_LEVELS } from './states.ts';

export const DOCUMENT_EVENT_VERSION = 1 as const;

const instant = z.iso.datetime({ offset: true });
const uuid = z.string().uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

const v = z.literal(DOCUMENT_EVENT_VERSION);

/** An incoming document's particulars, as registered. */
export const incomingParticularsSchema = z.object({
  /** Number and symbol as printed by the sender, e.g. "45/UBND-VP". */
  numberSymbol: text(100),
  /** The date the sender issued it (YYYY-MM-DD). */
  issuedOn: z.iso.date(),
  senderName: text(300),
  senderAgencyId: uuid.nullable(),
  kind: z.enum(DOCUMENT_KIND_NAMES),
  urgency: z.enum(URGENCY_LEVELS),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  summary: text(2000),
  pages: z.number().int().min(1).max(10_000),
});
export type IncomingParticulars = z.infer<typeof incomingParticularsSchema>;

const fileRef = z.object({ sha256, fileName: text(255), mime: text(100) });
export type FileRef = z.infer<typeof fileRef>;

export const documentEventSchema = z.discriminatedUnion('action', [
  // ---- incoming
  z.object({
    v,
    action: z.literal('register'),
    particulars: incomingParticularsSchema,
    /** The number in the incoming register (per agency and year, consecutive). */
    registerNo: z.number().int().min(1),
    registerYear: z.number().int().min(1900).max(2100),
    file: fileRef,
    /** The outgoing document of another agency inside motcua this one came from (arrived on its own, signed). */
    sourceDocumentId: uuid.nullable(),
    /** Those named to read a confidential document, besides its handlers. */
    readerIds: z.array(uuid).max(50),
  }),
  z.object({
    v,
    action: z.literal('direct'),
    /** The leader's direction (bút phê). */
    direction: text(2000),
    handlerId: uuid,
    coHandlerIds: z.array(uuid).max(20),
    workingDays: z.number().int().min(1).max(365),
    dueAt: instant,
  }),
  z.object({ v, action: z.literal('assign'), handlerId: uuid, coHandlerIds: z.array(uuid).max(20), dueAt: instant, note: text(2000).nullable() }),
  z.object({ v, action: z.literal('process'), note: text(4000) }),
  z.object({ v, action: z.literal('reply'), note: text(4000), replyDocumentId: uuid.nullable() }),
  z.object({ v, action: z.literal('close'), note: text(4000) }),
  // ---- outgoing
  z.object({
    v,
    action: z.literal('draft'),
    kind: z.enum(DOCUMENT_KIND_NAMES),
    subject: text(1000),
    urgency: z.enum(URGENCY_LEVELS),
    confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
    /** The drafting unit's symbol (e.g. "VP") in the number and symbol. */
    unitSymbol: z.string().trim().max(20).nullable(),
    versionNo: z.literal(1),
    file: fileRef,
    /** The incoming document this one answers. */
    inReplyTo: uuid.nullable(),
    readerIds: z.array(uuid).max(50),
  }),
  z.object({ v, action: z.literal('submit'), note: z.string().trim().max(2000).nullable() }),
  z.object({ v, action: z.literal('revise'), versionNo: z.number().int().min(2), file: fileRef, note: z.string().trim().max(2000).nullable() }),
  z.object({ v, action: z.literal('comment'), versionNo: z.number().int().min(1), comment: text(4000) }),
  z.object({ v, action: z.literal('return'), note: text(2000) }),
  z.object({ v, action: z.literal('approve_sign'), signerId: text(100), versionNo: z.number().int().min(2), file: fileRef }),
  z.object({
    v,
    action: z.literal('issue_number'),
    registerNo: z.number().int().min(1),
    registerYear: z.number().int().min(1900).max(2100),
    /** "12/UBND-VP" (core/documents/number.ts). */
    numberSymbol: text(100),
    issuedOn: z.iso.date(),
  }),
  z.object({ v, action: z.literal('seal'), signerId: text(100), versionNo: z.number().int().min(2), file: fileRef }),
  z.object({
    v,
    action: z.literal('send'),
    recipients: z
      .array(
        z.discriminatedUnion('kind', [
          /** An agency inside motcua: a new incoming document there, linked to this one. */
          z.object({ kind: z.literal('internal'), agencyId: uuid, agencyName: text(300), incomingDocumentId: uuid }),
          /** Anyone else: a downloadable package. */
          z.object({ kind: z.literal('external'), name: text(300), packageId: uuid }),
        ]),
      )
      .min(1)
      .max(100),
  }),
]);

export type DocumentEvent = z.infer<typeof documentEventSchema>;
export type DocumentEventOf<A extends DocumentEvent['action']> = Extract<DocumentEvent, { action: A }>;
/** An event as the caller gives it (the version is added). */
export type DocumentEventInput = DocumentEvent extends infer E ? (E extends DocumentEvent ? Omit<E, 'v'> : never) : never;

export class DocumentEventError extends Error {
  constructor(
    readonly action: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`invalid ${action} document event: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

const issuesOf = (e: z.ZodError) => e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

/** A new event, validated (throws DocumentEventError). */
export function documentEvent(input: DocumentEventInput): DocumentEvent {
  const r = documentEventSchema.safeParse({ ...input, v: DOCUMENT_EVENT_VERSION });
  if (!r.success) throw new DocumentEventError(String((input as { action?: unknown }).action), issuesOf(r.error));
  return r.data;
}

/** A stored `data` read back as a typed event (throws DocumentEventError when it does not validate). */
export function readDocumentEvent(data: unknown, seq?: number): DocumentEvent {
  const r = documentEventSchema.safeParse(data);
  if (!r.success) {
    const action = String((data as { action?: unknown } | null)?.action);
    throw new DocumentEventError(action, issuesOf(r.error).map((i) => ({ ...i, path: seq === undefined ? i.path : `seq ${seq}: ${i.path}` })));
  }
  return r.data;
}

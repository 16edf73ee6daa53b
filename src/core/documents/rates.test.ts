import { describe, expect, it } from 'vitest';
import { createWorkCalendar, DEFAULT_CALENDAR_POLICIES, formatVnIso } from '../calendar/index.ts';
import { decide, documentRates, type Decision, type DocumentActor, type DocumentSnapshot, type StoredDocumentEvent } from './index.ts';
import type { DocumentAction } from './states.ts';

const cal = createWorkCalendar([...DEFAULT_CALENDAR_POLICIES], []);
const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLERK: DocumentActor = { id: U(1), roles: ['clerk'] };
const LEADER: DocumentActor = { id: U(2), roles: ['leader'] };
const SPEC: DocumentActor = { id: U(3), roles: ['specialist'] };
const file = { sha256: 'a'.repeat(64), fileName: 'x.pdf', mime: 'application/pdf' };

/** A history: each step at its own time, through decide (so it is a history the product could write). */
function history(steps: [string, DocumentAction, DocumentActor, unknown][]): StoredDocumentEvent[] {
  let s: DocumentSnapshot | null = null;
  const out: StoredDocumentEvent[] = [];
  for (const [at, a, actor, input] of steps) {
    const now = new Date(at);
    const d: Decision = decide(s, a, actor, input as never, { now, calendar: cal });
    if (!d.ok) throw new Error(`${a}: ${d.code}`);
    s = d.next;
    out.push({ event: d.event, at: formatVnIso(now), actorId: actor.id });
  }
  return out;
}
const reg = (at: string): [string, DocumentAction, DocumentActor, unknown] => [at, 'register', CLERK, { particulars: { numberSymbol: '1/UBND', issuedOn: '2026-03-01', senderName: 'X', senderAgencyId: null, kind: 'report', urgency: 'normal', confidentiality: 'normal', summary: 'S', pages: 1 }, registerNo: 1, registerYear: 2026, file, sourceDocumentId: null, readerIds: [] }];
const dir = (at: string, days = 3): [string, DocumentAction, DocumentActor, unknown] => [at, 'direct', LEADER, { direction: 'x', handlerId: SPEC.id, coHandlerIds: [], workingDays: days }];
const reply = (at: string): [string, DocumentAction, DocumentActor, unknown] => [at, 'reply', SPEC, { note: 'x', replyDocumentId: null }];

const MARCH = [new Date('2026-03-01T00:00:00+07:00'), new Date('2026-04-01T00:00:00+07:00')] as const;

describe('rates for reform, from the histories', () => {
  it('directed and processed in software, average time, overdue, signed digitally', () => {
    const h = [
      // Registered, directed, replied in March: 2 days (Mon 2 → Wed 4 March, 09:00).
      history([reg('2026-03-02T09:00:00+07:00'), dir('2026-03-02T10:00:00+07:00'), reply('2026-03-04T09:00:00+07:00')]),
      // Registered and directed (1 working day), never answered: overdue at the end of March.
      history([reg('2026-03-10T09:00:00+07:00'), dir('2026-03-10T10:00:00+07:00', 1)]),
      // Registered, never directed in the software.
      history([reg('2026-03-20T09:00:00+07:00')]),
      // Registered in February, replied in March after its deadline: finished late, not in March's registered.
      history([reg('2026-02-23T09:00:00+07:00'), dir('2026-02-23T10:00:00+07:00', 2), reply('2026-03-03T09:00:00+07:00')]),
      // Registered in March, replied in April: directed in March, not processed by the end of March.
      history([reg('2026-03-30T09:00:00+07:00'), dir('2026-03-30T10:00:00+07:00', 10), reply('2026-04-02T09:00:00+07:00')]),
      // Outgoing: drafted, signed, numbered, sealed, sent in March.
      history([
        ['2026-03-05T09:00:00+07:00', 'draft', SPEC, { kind: 'report', subject: 'S', urgency: 'normal', confidentiality: 'normal', unitSymbol: null, file, inReplyTo: null, readerIds: [] }],
        ['2026-03-05T10:00:00+07:00', 'submit', SPEC, { note: null }],
        ['2026-03-05T11:00:00+07:00', 'approve_sign', LEADER, { signerId: 's', file }],
        ['2026-03-05T14:00:00+07:00', 'issue_number', CLERK, { registerNo: 1, registerYear: 2026, numberSymbol: '01/UBND', issuedOn: '2026-03-05' }],
        ['2026-03-05T14:10:00+07:00', 'seal', CLERK, { signerId: 'x', file }],
        ['2026-03-05T14:20:00+07:00', 'send', CLERK, { recipients: [{ kind: 'external', name: 'A', packageId: U(9) }] }],
      ]),
    ];
    expect(documentRates(h, ...MARCH)).toEqual({
      registered: 4,
      directedInSoftware: 3,
      directedRate: 75,
      processedInSoftware: 1,
      processedRate: 25,
      sent: 1,
      signedDigitally: 1,
      signedRate: 100,
      finished: 2,
      // (2 days + 8 days) / 2
      averageProcessingDays: 5,
      overdueOpen: 1,
      finishedLate: 1,
    });
  });

  it('an empty period has no rates (null, not 0)', () => {
    expect(documentRates([], ...MARCH)).toMatchObject({ registered: 0, directedRate: null, processedRate: null, signedRate: null, averageProcessingDays: null, overdueOpen: 0 });
  });

  it('only what happened before the period end counts (a later event does not change a past period)', () => {
    const h = [history([reg('2026-03-02T09:00:00+07:00'), dir('2026-04-02T10:00:00+07:00')])];
    expect(documentRates(h, ...MARCH)).toMatchObject({ registered: 1, directedInSoftware: 0 });
  });
});

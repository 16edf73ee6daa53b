import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canViewDocument, type AccessFacts } from './access.ts';
import { DOCUMENT_QUEUES, inQueue, type QueueFacts } from './queues.ts';
import { INCOMING_STATES, OUTGOING_STATES } from './states.ts';

const me = 'u-me';
const now = new Date('2026-03-06T09:00:00+07:00');
const v = { userId: me, now, dueSoonUntil: new Date('2026-03-10T23:59:59+07:00') };
const inc = (o: Partial<QueueFacts>): QueueFacts => ({ direction: 'incoming', state: 'directed', handlerId: null, coHandlerIds: [], createdBy: null, dueAt: null, ...o });

describe('queues', () => {
  it('to direct: registered incoming documents', () => {
    expect(inQueue('to_direct', inc({ state: 'registered' }), v)).toBe(true);
    expect(inQueue('to_direct', inc({ state: 'directed' }), v)).toBe(false);
  });
  it('assigned to me: open incoming documents I handle or co-handle', () => {
    expect(inQueue('assigned_to_me', inc({ handlerId: me }), v)).toBe(true);
    expect(inQueue('assigned_to_me', inc({ coHandlerIds: [me], state: 'in_process' }), v)).toBe(true);
    expect(inQueue('assigned_to_me', inc({ handlerId: me, state: 'replied' }), v)).toBe(false);
    expect(inQueue('assigned_to_me', inc({ handlerId: 'other' }), v)).toBe(false);
  });
  it('due soon and overdue split the open documents by their deadline', () => {
    expect(inQueue('due_soon', inc({ dueAt: new Date('2026-03-09T17:00:00+07:00') }), v)).toBe(true);
    expect(inQueue('due_soon', inc({ dueAt: new Date('2026-03-20T17:00:00+07:00') }), v)).toBe(false);
    expect(inQueue('overdue', inc({ dueAt: new Date('2026-03-05T17:00:00+07:00') }), v)).toBe(true);
    expect(inQueue('overdue', inc({ dueAt: new Date('2026-03-05T17:00:00+07:00'), state: 'closed' }), v)).toBe(false);
  });
  it('no document is both due soon and overdue; a done document is in no working queue (property)', () => {
    const states = [...INCOMING_STATES.map((s) => ['incoming', s] as const), ...OUTGOING_STATES.map((s) => ['outgoing', s] as const)];
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }), fc.constantFrom(me, 'x', null), (ds, dayOffset, handler) => {
        const d: QueueFacts = { direction: ds[0], state: ds[1], handlerId: handler, coHandlerIds: [], createdBy: handler, dueAt: dayOffset === null ? null : new Date(now.getTime() + dayOffset * 86_400_000) };
        const inQ = DOCUMENT_QUEUES.filter((q) => inQueue(q, d, v));
        expect(inQ.includes('due_soon') && inQ.includes('overdue')).toBe(false);
        if (inQ.includes('done')) expect(inQ).toEqual(['done']);
      }),
    );
  });
});

describe('access', () => {
  const doc = (o: Partial<AccessFacts>): AccessFacts => ({ agencyPath: '/a/b/', confidentiality: 'normal', createdBy: null, directedBy: null, handlerId: null, coHandlerIds: [], readerIds: [], recipientAgencyPaths: [], ...o });
  it('staff of the agency or above, and of the recipient agencies', () => {
    expect(canViewDocument(doc({}), { userId: me, scopePaths: ['/a/b/'] })).toBe(true);
    expect(canViewDocument(doc({}), { userId: me, scopePaths: ['/a/'] })).toBe(true);
    expect(canViewDocument(doc({}), { userId: me, scopePaths: ['/a/c/'] })).toBe(false);
    expect(canViewDocument(doc({ recipientAgencyPaths: ['/a/c/'] }), { userId: me, scopePaths: ['/a/c/'] })).toBe(true);
  });
  it('a confidential document: only those named, even inside the agency', () => {
    const c = doc({ confidentiality: 'confidential', readerIds: ['leader'], handlerId: 'h' });
    expect(canViewDocument(c, { userId: me, scopePaths: ['/a/b/'] })).toBe(false);
    expect(canViewDocument(c, { userId: 'leader', scopePaths: ['/a/b/'] })).toBe(true);
    expect(canViewDocument(c, { userId: 'h', scopePaths: ['/a/b/'] })).toBe(true);
    expect(canViewDocument(c, { userId: 'h', scopePaths: ['/z/'] })).toBe(false);
  });
});

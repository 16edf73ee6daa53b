import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, DEFAULT_CALENDAR_POLICIES, formatVnIso } from '../calendar/index.ts';
import {
  allowedDocumentActions,
  decide,
  documentEvent,
  DocumentEventError,
  foldDocument,
  readDocumentEvent,
  type Decision,
  type DocumentActionInputs,
  type DocumentActor,
  type DocumentSnapshot,
  type StoredDocumentEvent,
} from './index.ts';
import type { DocumentAction } from './states.ts';

const cal = createWorkCalendar([...DEFAULT_CALENDAR_POLICIES], []);
const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLERK: DocumentActor = { id: U(1), roles: ['clerk'] };
const LEADER: DocumentActor = { id: U(2), roles: ['leader'] };
const SPEC: DocumentActor = { id: U(3), roles: ['specialist'] };
const CO: DocumentActor = { id: U(4), roles: ['specialist'] };
const OTHER: DocumentActor = { id: U(5), roles: ['specialist'] };
const pdf = (c: string) => ({ sha256: c.repeat(64).slice(0, 64), fileName: 'van-ban.pdf', mime: 'application/pdf' });
// Friday 6 March 2026, 09:00 Vietnam time.
const NOW = new Date('2026-03-06T09:00:00+07:00');
const ctx = { now: NOW, calendar: cal };

const registerInput: DocumentActionInputs['register'] = {
  particulars: { numberSymbol: '45/UBND-VP', issuedOn: '2026-03-04', senderName: 'UBND tỉnh Gia Lai', senderAgencyId: null, kind: 'official_letter', urgency: 'urgent', confidentiality: 'normal', summary: 'V/v báo cáo kết quả cải cách hành chính quý I', pages: 3 },
  registerNo: 12,
  registerYear: 2026,
  file: pdf('a'),
  sourceDocumentId: null,
  readerIds: [],
};

function run(steps: [DocumentAction, DocumentActor, unknown][]): DocumentSnapshot {
  let s: DocumentSnapshot | null = null;
  for (const [a, actor, input] of steps) {
    const d: Decision = decide(s, a, actor, input as never, ctx);
    if (!d.ok) throw new Error(`${a}: ${d.code}`);
    s = d.next;
  }
  return s!;
}

describe('incoming documents: register → direct → process/reply → close', () => {
  it('the clerk registers; the leader directs with a deadline in working days from the stored calendar', () => {
    const s = run([
      ['register', CLERK, registerInput],
      ['direct', LEADER, { direction: 'Giao đồng chí Minh chủ trì, tham mưu trả lời', handlerId: SPEC.id, coHandlerIds: [CO.id, SPEC.id], workingDays: 5 }],
    ]);
    expect(s).toMatchObject({ direction: 'incoming', state: 'directed', version: 2, registerNo: 12, handlerId: SPEC.id, coHandlerIds: [CO.id], directedBy: LEADER.id });
    // 5 working days from Friday 6/3: Mon 9 … Fri 13 March, end of office hours.
    expect(s.dueAt).toBe(formatVnIso(new Date('2026-03-13T17:00:00+07:00')));
  });

  it('the deadline skips the Tết holidays of the stored calendar', () => {
    const d = decide(run([['register', CLERK, registerInput]]), 'direct', LEADER, { direction: 'Xử lý', handlerId: SPEC.id!, coHandlerIds: [], workingDays: 1 }, { now: new Date('2026-02-13T10:00:00+07:00'), calendar: cal });
    expect(d.ok).toBe(true);
    // Tết Bính Ngọ 2026: 14–22 February off; the next working day is Monday 23 February.
    if (d.ok) expect(d.next.dueAt!.slice(0, 10)).toBe('2026-02-23');
  });

  it('only the leader directs; only the handler replies; a co-handler records progress; the leader may close', () => {
    const reg = run([['register', CLERK, registerInput]]);
    expect(decide(reg, 'direct', SPEC, { direction: 'x', handlerId: SPEC.id!, coHandlerIds: [], workingDays: 3 }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_ROLE_NOT_ALLOWED' });
    const dir = run([['register', CLERK, registerInput], ['direct', LEADER, { direction: 'x', handlerId: SPEC.id, coHandlerIds: [CO.id], workingDays: 3 }]]);
    expect(decide(dir, 'reply', CO, { note: 'Đã trả lời', replyDocumentId: null }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_NOT_HANDLER' });
    expect(decide(dir, 'process', OTHER, { note: 'x' }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_NOT_HANDLER' });
    const p = decide(dir, 'process', CO, { note: 'Đã phối hợp lấy số liệu' }, ctx);
    expect(p).toMatchObject({ ok: true, next: { state: 'in_process' } });
    const r = decide(dir, 'reply', SPEC, { note: 'Đã trả lời bằng công văn', replyDocumentId: U(99) }, ctx);
    expect(r).toMatchObject({ ok: true, next: { state: 'replied', replyDocumentId: U(99), finishedAt: formatVnIso(NOW) } });
    expect(decide(dir, 'close', LEADER, { note: 'Lưu hồ sơ' }, ctx)).toMatchObject({ ok: true, next: { state: 'closed' } });
  });

  it('actions out of state are refused with the state named', () => {
    const reg = run([['register', CLERK, registerInput]]);
    expect(decide(reg, 'reply', SPEC, { note: 'x', replyDocumentId: null }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_ACTION_NOT_ALLOWED', params: { action: 'reply', state: 'registered' } });
    expect(decide(reg, 'approve_sign', LEADER, { signerId: 'x', file: pdf('b') }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_ACTION_NOT_ALLOWED' });
    expect(decide(null, 'direct', LEADER, { direction: 'x', handlerId: SPEC.id!, coHandlerIds: [], workingDays: 3 }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_ACTION_NOT_ALLOWED', params: { state: 'none' } });
  });

  it('bad input is refused as DOCUMENT_EVENT_INVALID, naming the field', () => {
    const d = decide(null, 'register', CLERK, { ...registerInput, particulars: { ...registerInput.particulars, pages: 0 } }, ctx);
    expect(d).toMatchObject({ ok: false, code: 'DOCUMENT_EVENT_INVALID' });
    if (!d.ok) expect(d.params).toMatchObject({ issues: expect.stringContaining('particulars.pages') });
  });

  it('reassigning keeps the deadline unless new working days are given', () => {
    const dir = run([['register', CLERK, registerInput], ['direct', LEADER, { direction: 'x', handlerId: SPEC.id, coHandlerIds: [], workingDays: 3 }]]);
    const a = decide(dir, 'assign', LEADER, { handlerId: CO.id!, coHandlerIds: [], workingDays: null, note: null }, ctx);
    expect(a).toMatchObject({ ok: true, next: { handlerId: CO.id, dueAt: dir.dueAt, state: 'directed' } });
  });

  it('the allowed actions follow the state and the actor', () => {
    const dir = run([['register', CLERK, registerInput], ['direct', LEADER, { direction: 'x', handlerId: SPEC.id, coHandlerIds: [CO.id], workingDays: 3 }]]);
    expect(allowedDocumentActions(dir, SPEC)).toEqual(['process', 'reply', 'close']);
    expect(allowedDocumentActions(dir, CO)).toEqual(['process']);
    expect(allowedDocumentActions(dir, LEADER)).toEqual(['assign', 'close']);
    expect(allowedDocumentActions(dir, OTHER)).toEqual([]);
  });
});

describe('outgoing documents: draft → review → approve+sign → number → seal → send', () => {
  const draft: DocumentActionInputs['draft'] = { kind: 'official_letter', subject: 'V/v trả lời kiến nghị', urgency: 'normal', confidentiality: 'normal', unitSymbol: 'VP', file: pdf('1'), inReplyTo: null, readerIds: [] };

  it('every version is kept; comments name the version they were made on', () => {
    const s = run([
      ['draft', SPEC, draft],
      ['submit', SPEC, { note: null }],
      ['comment', LEADER, { comment: 'Sửa đoạn 2' }],
      ['revise', SPEC, { file: pdf('2'), note: 'Đã sửa' }],
      ['approve_sign', LEADER, { signerId: 'pleiku.leader', file: pdf('3') }],
      ['issue_number', CLERK, { registerNo: 7, registerYear: 2026, numberSymbol: '07/UBND-VP', issuedOn: '2026-03-06' }],
      ['seal', CLERK, { signerId: 'pleiku.seal', file: pdf('4') }],
      ['send', CLERK, { recipients: [{ kind: 'external', name: 'Công ty A', packageId: U(50) }] }],
    ]);
    expect(s.state).toBe('sent');
    expect(s.files.map((f) => [f.versionNo, f.kind])).toEqual([[1, 'draft'], [2, 'draft'], [3, 'signed'], [4, 'sealed']]);
    expect(s.comments).toEqual([{ versionNo: 1, comment: 'Sửa đoạn 2', by: LEADER.id, at: formatVnIso(NOW) }]);
    expect(s).toMatchObject({ numberSymbol: '07/UBND-VP', registerNo: 7, signedBy: LEADER.id, signerId: 'pleiku.leader', version: 8 });
  });

  it('the leader signs, the clerk numbers and seals and sends, in that order', () => {
    const inReview = run([['draft', SPEC, draft], ['submit', SPEC, { note: null }]]);
    expect(decide(inReview, 'approve_sign', SPEC, { signerId: 'x', file: pdf('3') }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_ROLE_NOT_ALLOWED' });
    expect(decide(inReview, 'issue_number', CLERK, { registerNo: 1, registerYear: 2026, numberSymbol: '01/UBND-VP', issuedOn: '2026-03-06' }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_ACTION_NOT_ALLOWED', params: { state: 'in_review' } });
    expect(decide(inReview, 'submit', OTHER, { note: null }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_ACTION_NOT_ALLOWED' });
    expect(decide(inReview, 'revise', OTHER, { file: pdf('5'), note: null }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_NOT_HANDLER' });
    const back = decide(inReview, 'return', LEADER, { note: 'Bổ sung số liệu' }, ctx);
    expect(back).toMatchObject({ ok: true, next: { state: 'draft' } });
  });

  it('only a PDF is signed', () => {
    const docx = run([['draft', SPEC, { ...draft, file: { sha256: 'c'.repeat(64), fileName: 'du-thao.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } }], ['submit', SPEC, { note: null }]]);
    expect(decide(docx, 'approve_sign', LEADER, { signerId: 'x', file: pdf('3') }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_FILE_NOT_PDF' });
  });

  it('an incoming action on an outgoing document is refused', () => {
    const s = run([['draft', SPEC, draft]]);
    expect(decide(s, 'close', LEADER, { note: 'x' }, ctx)).toMatchObject({ ok: false, code: 'DOCUMENT_ACTION_NOT_ALLOWED' });
  });
});

describe('events', () => {
  it('are versioned and validated; a stored event reads back as it was written', () => {
    const e = documentEvent({ action: 'process', note: 'Đang lấy ý kiến' });
    expect(e).toEqual({ v: 1, action: 'process', note: 'Đang lấy ý kiến' });
    expect(readDocumentEvent(JSON.parse(JSON.stringify(e)))).toEqual(e);
    expect(() => documentEvent({ action: 'process', note: '' })).toThrow(DocumentEventError);
    expect(() => readDocumentEvent({ v: 2, action: 'process', note: 'x' }, 4)).toThrow(/seq 4/);
    expect(() => readDocumentEvent({ v: 1, action: 'teleport' })).toThrow(DocumentEventError);
  });
});

// ---------------------------------------------------------------------------------------------------- the fold

const actors = [CLERK, LEADER, SPEC, CO, OTHER, { id: U(6), roles: ['leader', 'clerk'] } as DocumentActor];
const inputFor = (a: DocumentAction, pick: number): unknown => {
  const who = actors[pick % actors.length]!.id!;
  switch (a) {
    case 'register': return registerInput;
    case 'direct': return { direction: 'Giao xử lý', handlerId: who, coHandlerIds: [actors[(pick + 1) % actors.length]!.id], workingDays: 1 + (pick % 10) };
    case 'assign': return { handlerId: who, coHandlerIds: [], workingDays: pick % 2 ? null : 2, note: null };
    case 'process': case 'close': return { note: `ghi chú ${pick}` };
    case 'reply': return { note: 'trả lời', replyDocumentId: null };
    case 'draft': return { kind: 'report', subject: 'Báo cáo', urgency: 'normal', confidentiality: 'normal', unitSymbol: null, file: pdf('d'), inReplyTo: null, readerIds: [] };
    case 'submit': return { note: null };
    case 'revise': return { file: pdf(String(pick % 10)), note: null };
    case 'comment': return { comment: `góp ý ${pick}` };
    case 'return': return { note: 'sửa lại' };
    case 'approve_sign': case 'seal': return { signerId: 's', file: pdf('e') };
    case 'issue_number': return { registerNo: 1 + pick, registerYear: 2026, numberSymbol: `${1 + pick}/UBND`, issuedOn: '2026-03-06' };
    case 'send': return { recipients: [{ kind: 'external', name: 'X', packageId: U(70) }] };
  }
};
const ALL_ACTIONS: DocumentAction[] = ['register', 'direct', 'assign', 'process', 'reply', 'close', 'draft', 'submit', 'revise', 'comment', 'return', 'approve_sign', 'issue_number', 'seal', 'send'];

describe('the fold of the history (property)', () => {
  it('folding the stored events (serialised and read back) gives the state every decision returned', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(fc.nat(14), fc.nat(50), fc.nat(600)), { maxLength: 40 }), (incoming, steps) => {
        let s: DocumentSnapshot | null = null;
        let t = NOW.getTime();
        const stored: StoredDocumentEvent[] = [];
        const first = decide(null, incoming ? 'register' : 'draft', incoming ? CLERK : SPEC, inputFor(incoming ? 'register' : 'draft', 0) as never, ctx);
        if (!first.ok) return false;
        s = first.next;
        stored.push({ event: first.event, at: formatVnIso(NOW), actorId: (incoming ? CLERK : SPEC).id });
        for (const [ai, pick, minutes] of steps) {
          t += minutes * 60_000;
          const action = ALL_ACTIONS[ai]!;
          const actor = actors[pick % actors.length]!;
          const d: Decision = decide(s, action, actor, inputFor(action, pick) as never, { now: new Date(t), calendar: cal });
          if (!d.ok) {
            expect(d.code).toMatch(/^DOCUMENT_/);
            continue;
          }
          expect(d.next.version).toBe(s!.version + 1);
          s = d.next;
          stored.push({ event: readDocumentEvent(JSON.parse(JSON.stringify(d.event))), at: formatVnIso(new Date(t)), actorId: actor.id });
          expect(foldDocument(stored)).toEqual(s);
        }
        expect(foldDocument(stored)!.version).toBe(stored.length);
        // Versions of files only grow; a sent or closed document takes no action.
        const files = s!.files.map((f) => f.versionNo);
        expect(files).toEqual([...files].sort((a, b) => a - b));
        if (s!.state === 'sent' || s!.state === 'closed') for (const a of actors) expect(allowedDocumentActions(s!, a)).toEqual([]);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

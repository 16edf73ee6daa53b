import { describe, expect, it } from 'vitest';
import { allowedDocumentActions, applyEvent, documentRolesOf, type DocumentRole, type DocumentSnapshot } from '../../../core/documents/index.ts';
import { actionButtons, checkAction, checkDraft, checkRegister, EMPTY_ACTION, EMPTY_DRAFT, EMPTY_REGISTER, INCOMING_TABS, listQuery, OUTGOING_TABS, parseDate, signatureLines, tabFrom } from './logic.ts';

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sha = 'a'.repeat(64);

describe('queue tabs → GET /api/documents query', () => {
  it('each incoming tab asks its queue; "all" asks none; direction and the page size always', () => {
    expect(INCOMING_TABS.map((t) => listQuery('incoming', t))).toEqual([
      { direction: 'incoming', limit: 20, queue: 'to_direct' },
      { direction: 'incoming', limit: 20, queue: 'assigned_to_me' },
      { direction: 'incoming', limit: 20, queue: 'due_soon' },
      { direction: 'incoming', limit: 20, queue: 'overdue' },
      { direction: 'incoming', limit: 20, queue: 'done' },
      { direction: 'incoming', limit: 20 },
    ]);
    expect(OUTGOING_TABS.map((t) => listQuery('outgoing', t).queue)).toEqual(['drafts', 'to_sign', 'to_number', 'to_seal', 'to_send', 'done', undefined]);
  });

  it('search fields are trimmed, empty ones left out; sender only on incoming; the cursor for "load more"', () => {
    expect(listQuery('incoming', 'done', { number: ' 45/UBND ', q: '  cải cách ', sender: ' ' }, 'c1')).toEqual({ direction: 'incoming', limit: 20, queue: 'done', number: '45/UBND', q: 'cải cách', cursor: 'c1' });
    expect(listQuery('outgoing', 'all', { number: '', q: '', sender: 'Gia Lai' }, null)).toEqual({ direction: 'outgoing', limit: 20 });
  });

  it('a tab from the address, or the default when unknown', () => {
    expect(tabFrom(INCOMING_TABS, 'overdue', 'to_direct')).toBe('overdue');
    expect(tabFrom(INCOMING_TABS, 'to_sign', 'to_direct')).toBe('to_direct');
    expect(tabFrom(OUTGOING_TABS, null, 'drafts')).toBe('drafts');
  });
});

describe('the action buttons a document shows', () => {
  const at = '2026-03-06T09:00:00+07:00';
  const file = { sha256: sha, fileName: 'a.pdf', mime: 'application/pdf' };
  const leader = U(1), clerk = U(2), spec = U(3), other = U(4);
  const incoming = applyEvent(null, {
    at,
    actorId: clerk,
    event: { v: 1, action: 'register', particulars: { numberSymbol: '45/UBND-VP', issuedOn: '2026-03-04', senderName: 'UBND tỉnh', senderAgencyId: null, kind: 'official_letter', urgency: 'normal', confidentiality: 'normal', summary: 'x', pages: 1 }, registerNo: 1, registerYear: 2026, file, sourceDocumentId: null, readerIds: [] },
  });
  const directed = applyEvent(incoming, { at, actorId: leader, event: { v: 1, action: 'direct', direction: 'Giao đ/c Minh', handlerId: spec, coHandlerIds: [other], workingDays: 5, dueAt: '2026-03-13T17:00:00+07:00' } });
  const draft = applyEvent(null, { at, actorId: spec, event: { v: 1, action: 'draft', kind: 'official_letter', subject: 'V/v x', urgency: 'normal', confidentiality: 'normal', unitSymbol: 'VP', versionNo: 1, file, inReplyTo: null, readerIds: [] } });
  const review = applyEvent(draft, { at, actorId: spec, event: { v: 1, action: 'submit', note: null } });
  const signed = applyEvent(review, { at, actorId: leader, event: { v: 1, action: 'approve_sign', signerId: 's', versionNo: 2, file } });
  const shown = (s: DocumentSnapshot, id: string, roles: DocumentRole[]) => actionButtons({ direction: s.direction, allowedActions: allowedDocumentActions(s, { id, roles }) }).map((b) => b.action);

  it('incoming: the leader directs a registered one; the clerk and a specialist see nothing', () => {
    expect(shown(incoming, leader, ['leader'])).toEqual(['direct']);
    expect(shown(incoming, clerk, ['clerk'])).toEqual([]);
    expect(shown(incoming, spec, ['specialist'])).toEqual([]);
  });

  it('incoming, directed: the handler processes, replies, closes; a co-handler only processes; the leader reassigns or closes', () => {
    expect(shown(directed, spec, ['specialist'])).toEqual(['process', 'reply', 'close']);
    expect(shown(directed, other, ['specialist'])).toEqual(['process']);
    expect(shown(directed, leader, ['leader'])).toEqual(['assign', 'close']);
  });

  it('outgoing: the drafter submits, revises, comments; the leader signs or returns; the clerk numbers a signed one', () => {
    expect(shown(draft, spec, ['specialist'])).toEqual(['submit', 'revise', 'comment']);
    expect(shown(review, leader, ['leader'])).toEqual(['revise', 'comment', 'return', 'approve_sign']);
    expect(shown(signed, clerk, documentRolesOf(['desk_officer']))).toEqual(['issue_number']);
    expect(shown(signed, leader, ['leader'])).toEqual([]);
  });

  it('keeps only the document’s direction, in the machine’s order, with the API path and the main step marked', () => {
    expect(actionButtons({ direction: 'outgoing', allowedActions: ['send', 'direct', 'comment', 'approve_sign', 'register'] })).toEqual([
      { action: 'comment', path: 'comment', primary: false },
      { action: 'approve_sign', path: 'approve-sign', primary: true },
      { action: 'send', path: 'send', primary: true },
    ]);
    expect(actionButtons({ direction: 'incoming', allowedActions: ['issue_number'] })).toEqual([]);
  });
});

describe('the incoming register form', () => {
  const good = { ...EMPTY_REGISTER, numberSymbol: ' 45/UBND-VP ', issuedOn: '04/03/2026', senderName: 'UBND tỉnh Gia Lai', summary: ' V/v báo cáo ', pages: '2', urgency: 'urgent', fileName: 'cong-van.PDF' };

  it('sends the trimmed fields, the date as yyyy-mm-dd, the page count as a number', () => {
    expect(checkRegister(good)).toEqual({ ok: true, body: { numberSymbol: '45/UBND-VP', issuedOn: '2026-03-04', senderName: 'UBND tỉnh Gia Lai', kind: 'official_letter', urgency: 'urgent', confidentiality: 'normal', summary: 'V/v báo cáo', pages: 2 } });
    expect(checkRegister({ ...good, fileName: 'x.docx' }).ok).toBe(true);
  });

  it('names every missing field of an empty form', () => {
    expect(checkRegister(EMPTY_REGISTER)).toEqual({ ok: false, errors: { numberSymbol: 'required', issuedOn: 'required', senderName: 'required', summary: 'required', fileName: 'required' } });
  });

  it('refuses an impossible date, a page count out of range or not whole, a file neither PDF nor DOCX', () => {
    expect(checkRegister({ ...good, issuedOn: '30/02/2026', pages: '0', fileName: 'scan.png' })).toEqual({ ok: false, errors: { issuedOn: 'invalid', pages: 'invalid', fileName: 'fileType' } });
    expect(checkRegister({ ...good, pages: '1.5' })).toEqual({ ok: false, errors: { pages: 'invalid' } });
    expect(checkRegister({ ...good, pages: '10001' })).toEqual({ ok: false, errors: { pages: 'invalid' } });
  });

  it('a confidential document names its readers (none: refused, no one could direct it); a normal one sends none', () => {
    expect(checkRegister({ ...good, confidentiality: 'confidential' })).toEqual({ ok: false, errors: { readerIds: 'required' } });
    const r = checkRegister({ ...good, confidentiality: 'secret', readerIds: [U(1), U(1), U(2)] });
    expect(r.ok && r.body).toMatchObject({ confidentiality: 'secret', readerIds: [U(1), U(2)] });
    const n = checkRegister({ ...good, readerIds: [U(1)] });
    expect(n.ok && 'readerIds' in n.body).toBe(false);
  });

  it('reads dd/mm/yyyy and yyyy-mm-dd, nothing else', () => {
    expect([parseDate('4/3/2026'), parseDate('2026-03-04'), parseDate('29/02/2028'), parseDate('29/02/2026'), parseDate('2026/03/04'), parseDate('')]).toEqual(['2026-03-04', '2026-03-04', '2028-02-29', null, null, null]);
  });
});

describe('the draft form', () => {
  it('a PDF, the subject trimmed, an empty unit symbol as null, the incoming document it answers', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, subject: ' V/v trả lời ', fileName: 'du-thao.pdf', inReplyTo: U(9) })).toEqual({ ok: true, body: { kind: 'official_letter', subject: 'V/v trả lời', urgency: 'normal', confidentiality: 'normal', unitSymbol: null, inReplyTo: U(9) } });
    expect(checkDraft({ ...EMPTY_DRAFT, subject: 'x', unitSymbol: 'VP', fileName: 'a.pdf' }).ok && checkDraft({ ...EMPTY_DRAFT, subject: 'x', unitSymbol: 'VP', fileName: 'a.pdf' })).toMatchObject({ body: { unitSymbol: 'VP' } });
  });
  it('refuses a DOCX (a draft is signed as PDF), a symbol with a dash, an empty subject', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, unitSymbol: 'V-P', fileName: 'a.docx' })).toEqual({ ok: false, errors: { subject: 'required', unitSymbol: 'invalid', fileName: 'fileType' } });
  });
});

describe('the action modals: what is sent', () => {
  it('direct: the direction, the handler, co-handlers without the handler or repeats, the working days as a number', () => {
    expect(checkAction('direct', { ...EMPTY_ACTION, direction: ' Giao đ/c Minh ', handlerId: U(3), coHandlerIds: [U(2), U(3), U(2)], workingDays: '7' })).toEqual({ ok: true, body: { direction: 'Giao đ/c Minh', handlerId: U(3), coHandlerIds: [U(2)], workingDays: 7 } });
    expect(checkAction('direct', { ...EMPTY_ACTION, workingDays: '0' })).toEqual({ ok: false, errors: { direction: 'required', handlerId: 'required', workingDays: 'invalid' } });
    expect(checkAction('direct', { ...EMPTY_ACTION, direction: 'x', handlerId: U(3), workingDays: '' })).toEqual({ ok: false, errors: { workingDays: 'required' } });
  });

  it('assign: empty days keep the deadline (null), an empty note is null', () => {
    expect(checkAction('assign', { ...EMPTY_ACTION, handlerId: U(4), workingDays: '' })).toEqual({ ok: true, body: { handlerId: U(4), coHandlerIds: [], workingDays: null, note: null } });
    expect(checkAction('assign', { ...EMPTY_ACTION, handlerId: U(4), workingDays: 'abc' })).toEqual({ ok: false, errors: { workingDays: 'invalid' } });
  });

  it('process, reply, close, return need a note; comment sends it as the comment; submit may go without', () => {
    for (const a of ['process', 'close', 'return'] as const) {
      expect(checkAction(a, { ...EMPTY_ACTION, note: '  ' })).toEqual({ ok: false, errors: { note: 'required' } });
      expect(checkAction(a, { ...EMPTY_ACTION, note: ' Đã xong ' })).toEqual({ ok: true, body: { note: 'Đã xong' } });
    }
    expect(checkAction('reply', { ...EMPTY_ACTION, note: 'Đã trả lời', replyDocumentId: U(5) })).toEqual({ ok: true, body: { note: 'Đã trả lời', replyDocumentId: U(5) } });
    expect(checkAction('comment', { ...EMPTY_ACTION, note: 'Bổ sung số liệu' })).toEqual({ ok: true, body: { comment: 'Bổ sung số liệu' } });
    expect(checkAction('submit', EMPTY_ACTION)).toEqual({ ok: true, body: { note: null } });
  });

  it('revise needs a PDF; sign, number and seal send nothing but the version (added at send time)', () => {
    expect(checkAction('revise', EMPTY_ACTION)).toEqual({ ok: false, errors: { fileName: 'required' } });
    expect(checkAction('revise', { ...EMPTY_ACTION, fileName: 'v2.docx' })).toEqual({ ok: false, errors: { fileName: 'fileType' } });
    expect(checkAction('revise', { ...EMPTY_ACTION, fileName: 'v2.pdf', note: 'Sửa' })).toEqual({ ok: true, body: { note: 'Sửa' } });
    for (const a of ['approve_sign', 'issue_number', 'seal'] as const) expect(checkAction(a, EMPTY_ACTION)).toEqual({ ok: true, body: {} });
  });

  it('send: agencies in motcua by id, others by name (one a line, trimmed, no repeats); at least one', () => {
    expect(checkAction('send', { ...EMPTY_ACTION, agencyIds: [U(7), U(7)], outsideNames: ' Công ty Minh Phát \n\nCông ty Minh Phát\nSở Nội vụ' })).toEqual({ ok: true, body: { recipients: [{ agencyId: U(7) }, { name: 'Công ty Minh Phát' }, { name: 'Sở Nội vụ' }] } });
    expect(checkAction('send', { ...EMPTY_ACTION, outsideNames: '  ' })).toEqual({ ok: false, errors: { agencyIds: 'required' } });
  });
});

describe('signature lines', () => {
  it('one line per signature: the certificate’s name (or subject), the time, valid or not', () => {
    expect(signatureLines({ signatures: [
      { status: 'valid', signingTime: '2026-03-09T02:00:00Z', signer: { commonName: 'Nguyễn Văn Lãnh', subject: 'CN=Nguyễn Văn Lãnh' } },
      { status: 'invalid', signingTime: null, signer: { commonName: null, subject: 'CN=UBND' } },
      { status: 'unsigned', signingTime: null, signer: null },
    ] })).toEqual([
      { signer: 'Nguyễn Văn Lãnh', at: '2026-03-09T02:00:00Z', valid: true },
      { signer: 'CN=UBND', at: null, valid: false },
      { signer: '—', at: null, valid: false },
    ]);
    expect(signatureLines(null)).toEqual([]);
  });
});

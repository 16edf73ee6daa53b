/**
 * The registers under concurrency, on the real database: 20 parallel registrations through the service (the real
 * path: counter upsert, document row, history, file) get incoming numbers 1..20 with no gap and no repeat; 20
 * parallel counter reads on a second connection pool (another server process, on PostgreSQL) continue 21..40; a
 * failed registration's transaction rolls its number back. The queues' SQL selects exactly what the core
 * predicates accept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededEnv, openPeer, samplePdf, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { DOCUMENT_QUEUES, inQueue } from '../../../core/documents/index.ts';
import { dueSoonUntil } from '../../../core/calendar/index.ts';
import { findUserByUsername, loadAssignments } from '../staff/index.ts';
import type { AuthInfo } from '../../platform/http/auth.ts';
import * as repo from './documents.repository.ts';

let env: TestEnv;
const clock = new TestClock(new Date('2026-03-06T09:00:00+07:00'));
const as = async (username: string): Promise<AuthInfo> => {
  const u = (await findUserByUsername(env.ctx.db, username))!;
  return { userId: u.id, username, fullName: u.fullName, assignments: await loadAssignments(env.ctx.db, u.id) };
};
let file: { sha256: string; fileName: string };

beforeAll(async () => {
  env = await createSeededEnv(clock);
  const bytes = samplePdf('cong van');
  const stored = await env.ctx.files.put(bytes);
  await env.ctx.services.dossiers.registerFile(stored.sha256, stored.size, 'application/pdf');
  file = { sha256: stored.sha256, fileName: 'cong-van.pdf' };
});
afterAll(async () => {
  await env?.close();
});

const body = (i: number) => ({ numberSymbol: `${i}/UBND-VP`, issuedOn: '2026-03-05', senderName: 'UBND tỉnh Gia Lai', kind: 'official_letter' as const, urgency: 'normal' as const, confidentiality: 'normal' as const, summary: `Công văn số ${i}`, pages: 1, file });

describe('register numbers under concurrency', () => {
  it('20 parallel registrations get 1..20, no gap, no repeat; each number once in the history too', async () => {
    const clerk = await as('pleiku.motcua');
    const docs = await Promise.all(Array.from({ length: 20 }, (_, i) => env.ctx.services.documents.register(clerk, body(i + 1))));
    expect(docs.map((d) => d.registerNo).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const histories = await Promise.all(docs.map((d) => repo.historyOf(env.ctx.db, d.id)));
    expect(histories.map((h) => (h[0]!.data as { registerNo: number }).registerNo).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a second server process continues the same register: 21..40 from 20 parallel transactions', async () => {
    const peer = openPeer(env);
    try {
      const agencyId = (await as('pleiku.motcua')).assignments[0]!.agencyId;
      const both = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? peer.ctx.db : env.ctx.db).transaction((tx) => repo.nextRegisterNo(tx, agencyId, 2026, 'incoming'))));
      expect([...both].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 21));
      // The outgoing register and another year start at 1.
      expect(await env.ctx.db.transaction((tx) => repo.nextRegisterNo(tx, agencyId, 2026, 'outgoing'))).toBe(1);
      expect(await env.ctx.db.transaction((tx) => repo.nextRegisterNo(tx, agencyId, 2027, 'incoming'))).toBe(1);
    } finally {
      await peer.close();
    }
  });

  it('a registration that fails after taking a number gives it back (the transaction rolls back)', async () => {
    const clerk = await as('dienhong.motcua');
    const ok1 = await env.ctx.services.documents.register(clerk, body(1));
    // Invalid in the event schema (caught by decide inside the transaction, after the counter moved).
    await expect(env.ctx.services.documents.register(clerk, { ...body(2), issuedOn: 'not a date' })).rejects.toMatchObject({ code: 'DOCUMENT_EVENT_INVALID' });
    const ok2 = await env.ctx.services.documents.register(clerk, body(3));
    expect([ok1.registerNo, ok2.registerNo]).toEqual([1, 2]);
  });
});

describe('queues: the SQL and the core predicates agree', () => {
  it('for every queue and viewer, on documents in several states', async () => {
    const svc = env.ctx.services.documents;
    const [clerk, leader, spec] = await Promise.all([as('pleiku.motcua'), as('pleiku.lanhdao'), as('pleiku.chuyenvien')]);
    const all = (await svc.list(clerk, { limit: 100 })).items;
    // Direct some, move the clock, process and reply some.
    for (const [i, d] of all.slice(0, 12).entries()) await svc.direct(leader, d.id, { version: 1, direction: 'Xử lý', handlerId: i % 3 ? spec.userId : clerk.userId, coHandlerIds: i % 4 === 0 ? [spec.userId] : [], workingDays: 1 + (i % 6) });
    clock.set('2026-03-11T10:00:00+07:00');
    for (const d of all.slice(0, 4)) {
      const cur = await svc.get(spec, d.id);
      if (cur.handler?.id === spec.userId) await svc.reply(spec, d.id, { version: cur.version, note: 'Đã trả lời' });
    }
    const now = clock.now();
    const until = dueSoonUntil(now, await env.ctx.services.calendar.calendar());
    const agencyId = clerk.assignments[0]!.agencyId;
    const rows = await repo.documentsOfAgencies(env.ctx.db, [agencyId]);
    for (const viewer of [clerk, spec, leader]) {
      for (const queue of DOCUMENT_QUEUES) {
        const sqlIds = (await svc.list(viewer, { queue, limit: 100 })).items.map((d) => d.id).sort();
        const expected = rows
          .filter((r) => inQueue(queue, { direction: r.direction as 'incoming', state: r.state as 'registered', handlerId: r.handlerId, coHandlerIds: r.coHandlerIds, createdBy: r.createdBy, dueAt: r.dueAt }, { userId: viewer.userId, now, dueSoonUntil: until }))
          .map((r) => r.id)
          .sort();
        expect(sqlIds, `${viewer.username} ${queue}`).toEqual(expected);
      }
    }
    // Not vacuous: several queues hold documents.
    const sizes = await Promise.all(DOCUMENT_QUEUES.map(async (q) => (await svc.list(spec, { queue: q, limit: 100 })).items.length));
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  });
});

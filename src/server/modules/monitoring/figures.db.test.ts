/**
 * The SQL twins of the pure predicates (issue 10 item 4), on a real database:
 * - the drill-down's SQL (monitoring.repository drillPredicates) selects exactly the dossiers core drill.ts
 *   inDenominator / inNumerator accept, for every dossier-based indicator and several windows;
 * - the feedback on-time SQL (feedback.repository feedbackOnTimeSql, via feedbackFigures) counts exactly what core
 *   feedback on-time.ts accepts, on random feedback (fast-check), deadlines missing included;
 * - an index derived by older rules (RULES_VERSION) is rebuilt once at start, to the same counters.
 */
import fc from 'fast-check';
import crypto from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededEnv, seedHistory, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { feedback, indexCounts, indexDossierFacts } from '../../platform/db/schema.ts';
import { DRILL_SPECS, inDenominator, inNumerator, COUNTERS } from '../../../core/service-index/index.ts';
import { feedbackOnTime, feedbackSatisfied } from '../../../core/feedback/index.ts';
import { drillDossiers } from './monitoring.repository.ts';
import { feedbackFigures } from '../feedback/feedback.repository.ts';
import { ensureIndexRules, factsFromRow } from './index-maintenance.ts';
import { sql } from 'drizzle-orm';

let env: TestEnv;

beforeAll(async () => {
  env = await createSeededEnv(new TestClock(new Date('2026-06-20T10:00:00+07:00')));
  await seedHistory(env, { months: 3, perMonth: 6, lateShare: 0.4, seed: 31 });
});
afterAll(() => env?.close());

const vn = (s: string) => new Date(`${s}T00:00:00+07:00`);

describe('drill-down SQL = the pure predicate', () => {
  it('for every dossier-based indicator and window, the same dossiers in the denominator and the numerator', async () => {
    const rows = await env.ctx.db.select().from(indexDossierFacts);
    const facts = rows.map(factsFromRow);
    const agencyIds = [...new Set(rows.map((r) => r.agencyId))];
    const windows = [
      { from: vn('2026-04-01'), end: vn('2026-07-01') },
      { from: vn('2026-05-01'), end: vn('2026-06-01') },
      { from: vn('2026-04-10'), end: vn('2026-06-13') },
      { from: vn('2026-06-01'), end: vn('2026-06-21') },
    ];
    let seen = 0;
    for (const w of windows) {
      for (const [code, spec] of Object.entries(DRILL_SPECS)) {
        const list = async (want: 'numerator' | 'denominator' | 'missing') => (await drillDossiers(env.ctx.db, { agencyIds, spec, window: w, want, after: null, limit: 100_000 })).map((r) => r.id).sort();
        const den = facts.filter((f) => inDenominator(spec, f, w)).map((f) => f.dossierId).sort();
        const num = facts.filter((f) => inNumerator(spec, f, w)).map((f) => f.dossierId).sort();
        expect(await list('denominator'), `${code} denominator`).toEqual(den);
        expect(await list('numerator'), `${code} numerator`).toEqual(num);
        expect(await list('missing'), `${code} missing`).toEqual(den.filter((id) => !num.includes(id)));
        seen += den.length;
      }
    }
    expect(seen).toBeGreaterThan(100);
  });
});

describe('feedback on time: SQL = the pure predicate', () => {
  it('random feedback (answered or not, late or not, refused, no deadline), judged at random instants', async () => {
    const base = new Date('2026-03-02T08:00:00+07:00').getTime();
    const H = 3_600_000;
    const one = fc.record({
      status: fc.constantFrom('received', 'in_progress', 'not_accepted', 'answered', 'published', 'archived', 'forwarded'),
      received: fc.integer({ min: 0, max: 60 * 24 }),
      due: fc.option(fc.integer({ min: 1, max: 30 * 24 }), { nil: null }),
      answered: fc.option(fc.integer({ min: 1, max: 40 * 24 }), { nil: null }),
      rating: fc.constantFrom(null, 'satisfied', 'neutral', 'dissatisfied'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(one, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 100 * 24 }), async (items, judge) => {
        const agencyId = crypto.randomUUID();
        const rows = items.map((x) => {
          const receivedAt = new Date(base + x.received * H);
          return {
            reference: `PAKN-P-${crypto.randomBytes(6).toString('hex')}`,
            trackingSecret: 'X',
            agencyId,
            originAgencyId: agencyId,
            subject: 'procedure',
            title: 't',
            content: 'c',
            contact: { fullName: 'A' },
            status: x.status,
            submittedAt: receivedAt,
            receivedAt,
            handleDueAt: x.due === null ? null : new Date(receivedAt.getTime() + x.due * H),
            answeredAt: x.answered === null ? null : new Date(receivedAt.getTime() + x.answered * H),
            rating: x.rating,
            createdAt: receivedAt,
            updatedAt: receivedAt,
          };
        });
        await env.ctx.db.insert(feedback).values(rows);
        const judgeAt = new Date(base + judge * H);
        const got = await feedbackFigures(env.ctx.db, [agencyId], new Date(base), new Date(base + 61 * 24 * H), judgeAt);
        expect(got.received).toBe(rows.length);
        expect(got.onTime).toBe(rows.filter((r) => feedbackOnTime(r, judgeAt)).length);
        expect(got.satisfied).toBe(rows.filter((r) => feedbackSatisfied(r, judgeAt)).length);
      }),
      { numRuns: 40, seed: 10 },
    );
  });

  it('no deadline is on time, answered or not; a deadline passed unanswered is late', () => {
    const at = new Date('2026-04-30T00:00:00+07:00');
    expect(feedbackOnTime({ status: 'answered', answeredAt: new Date('2026-04-20'), handleDueAt: null }, at)).toBe(true);
    expect(feedbackOnTime({ status: 'in_progress', answeredAt: null, handleDueAt: null }, at)).toBe(true);
    expect(feedbackOnTime({ status: 'in_progress', answeredAt: null, handleDueAt: new Date('2026-04-20') }, at)).toBe(false);
    expect(feedbackOnTime({ status: 'answered', answeredAt: new Date('2026-04-21'), handleDueAt: new Date('2026-04-20') }, at)).toBe(false);
  });
});

describe('a rules-version change rebuilds the index at start', () => {
  it('facts derived by older rules and counters without the new columns are rebuilt to the same figures; then nothing to do', async () => {
    const snapshot = async () => (await env.ctx.db.select().from(indexCounts).orderBy(asc(indexCounts.agencyId), asc(indexCounts.grain), asc(indexCounts.bucket), asc(indexCounts.procedureId))).filter((r) => COUNTERS.some((c) => r[c] !== 0));
    const before = await snapshot();
    expect(before.some((r) => r.finishedOnTimeContent > 0 && r.contentOpenDelta !== 0)).toBe(true);
    // What an existing database looks like after migration 0024: the new columns 0, the facts of the old rules.
    await env.ctx.db.execute(sql`update index_counts set finished_on_time_content = 0, content_open_delta = 0, content_late_open_delta = 0`);
    await env.ctx.db.execute(sql`update index_dossier_facts set rules_version = 'classification-2026-1'`);
    const r = await ensureIndexRules(env.ctx.db);
    expect(r?.dossiers).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
    expect(await ensureIndexRules(env.ctx.db)).toBeNull();
  });
});

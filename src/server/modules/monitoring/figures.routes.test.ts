/**
 * Issue 10 item 4, "figures with two definitions": every figure, staff or public, comes from the index counters
 * with one predicate per indicator, and the drill-down lists exactly the dossiers its figure counts.
 *
 * - for every dossier-based indicator, the dashboard's numerator and denominator equal the number of drill-down
 *   rows with filter=numerator and filter=denominator (and missing = denominator − numerator), on seeded histories
 *   with complaints on late, withdrawn and earlier-received dossiers (the satisfaction trap);
 * - the drill-down is keyset paged: every row exactly once, in order, and the paging stops (fast-check);
 * - /api/public/stats reads the same counters as the dashboard: an apologised-late dossier is late in both;
 * - feedback with no deadline is on time (or not) the same way in the dashboard and the public figures.
 */
import fc from 'fast-check';
import crypto from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, seedHistory, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { dossierHistory, dossiers, feedback, indexDossierFacts } from '../../platform/db/schema.ts';
import { DRILL_SPECS } from '../../../core/service-index/index.ts';
import { toLocalDate } from '../../../core/calendar/time.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-06-20T10:00:00+07:00'));
let staff: ApiClient;
let desk: ApiClient;
let anon: ApiClient;
const agencyId: Record<string, string> = {};
const PLEIKU = '000.01.00.H21';
const PROVINCE = '000.00.00.H21';
const PERIODS = ['period=quarter&year=2026&index=2', 'period=month&year=2026&index=5', 'period=month&year=2026&index=6', 'period=custom&from=2026-04-10&to=2026-06-12'];

const ind = (d: { result: { groups: { indicators: { code: string }[] }[] } }, code: string) => d.result.groups.flatMap((g) => g.indicators).find((i) => i.code === code) as unknown as { numerator: number; denominator: number };

/** Every row of a drill-down, following the pages (the cursor of each page, as the console does). */
async function allRows(c: ApiClient, query: string, limit = 200): Promise<{ id: string; counts: boolean }[]> {
  const out: { id: string; counts: boolean }[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const r: { status: number; body: any } = await c.get(`/api/monitoring/index/dossiers?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    out.push(...r.body.rows);
    if (!r.body.hasMore) return out;
    expect(r.body.next, 'a page with more rows after it carries the cursor of the next one').toEqual(expect.any(String));
    cursor = r.body.next;
  }
  throw new Error('the drill-down never stops');
}

beforeAll(async () => {
  env = await createSeededEnv(clock);
  await seedHistory(env, { months: 4, perMonth: 7, lateShare: 0.45, seed: 23 });
  clock.set('2026-06-20T10:00:00+07:00');
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  staff = await new ApiClient(http.base).login('tinh.caicach');
  desk = await new ApiClient(http.base).login('pleiku.motcua');
  for (const a of (await anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;

  // Complaints that the receipt-day "dissatisfied" counter got wrong: on late dossiers (subtracted twice), on a
  // withdrawn one (no longer in the progress figures), and on dossiers received before the period they are judged in.
  const facts = await env.ctx.db.select().from(indexDossierFacts).where(and(eq(indexDossierFacts.agencyId, agencyId[PLEIKU]!), eq(indexDossierFacts.counted, true)));
  const open = facts.filter((f) => !f.finishedAt && !f.withdrawnAt).sort((a, b) => a.receivedAt!.getTime() - b.receivedAt!.getTime());
  expect(open.length).toBeGreaterThan(1);
  const withdrawnId = open[0]!.dossierId;
  const [w] = await env.ctx.db.select().from(dossiers).where(eq(dossiers.id, withdrawnId));
  const wr = await desk.post(`/api/dossiers/${withdrawnId}/actions`, { action: 'withdraw', version: w!.version, input: { reasons: ['Công dân xin rút hồ sơ'] }, documents: [] });
  expect(wr.status, JSON.stringify(wr.body)).toBe(200);
  const late = facts.filter((f) => f.lateAt).slice(0, 3).map((f) => f.dossierId);
  const earlier = facts.filter((f) => f.receivedAt! < new Date('2026-04-01T00:00:00+07:00') && (!f.finishedAt || f.finishedAt >= new Date('2026-04-01T00:00:00+07:00'))).slice(0, 2).map((f) => f.dossierId);
  expect(late.length).toBeGreaterThan(1);
  expect(earlier.length).toBeGreaterThan(0);
  const named = await env.ctx.db.select({ code: dossiers.code }).from(dossiers).where(eq(dossiers.handlingAgencyId, agencyId[PLEIKU]!));
  const codeOf = new Map((await env.ctx.db.select({ id: dossiers.id, code: dossiers.code }).from(dossiers)).map((d) => [d.id, d.code]));
  expect(named.length).toBeGreaterThan(0);
  for (const id of [withdrawnId, ...late, ...earlier]) {
    const r = await anon.post('/api/public/feedback', { agencyId: agencyId[PLEIKU], subject: 'officer', dossierCode: codeOf.get(id), title: 'Chậm trả kết quả', content: 'Hồ sơ của tôi bị chậm.', contact: { fullName: 'Người dân' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  const complained = await env.ctx.db.select().from(indexDossierFacts).where(eq(indexDossierFacts.dissatisfied, true));
  expect(complained.length).toBeGreaterThanOrEqual(4);
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('one predicate per indicator: the figure and its drill-down', () => {
  it('for every dossier-based indicator and period, numerator and denominator equal the drill-down rows', async () => {
    for (const code of [PLEIKU, PROVINCE]) {
      for (const period of PERIODS) {
        const base = `agencyId=${agencyId[code]}&${period}`;
        const dash = (await staff.get(`/api/monitoring/index?${base}`)).body;
        for (const indicator of Object.keys(DRILL_SPECS)) {
          const m = ind(dash, indicator);
          const q = `${base}&indicator=${indicator}`;
          const num = await allRows(staff, `${q}&filter=numerator`);
          const den = await allRows(staff, `${q}&filter=denominator`);
          const missing = await allRows(staff, `${q}&filter=missing`);
          const where = `${code} ${period} ${indicator}`;
          expect(num.length, `${where} numerator`).toBe(m.numerator);
          expect(den.length, `${where} denominator`).toBe(m.denominator);
          expect(missing.length, `${where} missing`).toBe(m.denominator - m.numerator);
          expect(num.every((r) => r.counts) && missing.every((r) => !r.counts), where).toBe(true);
          expect(den.filter((r) => r.counts).length, where).toBe(m.numerator);
        }
      }
    }
  });

  it('the satisfaction figure is not moved by a complaint on a withdrawn dossier, nor counts a late complained one twice', async () => {
    const base = `agencyId=${agencyId[PLEIKU]}&period=quarter&year=2026&index=2`;
    const sat = ind((await staff.get(`/api/monitoring/index?${base}`)).body, 'DOSSIER_RECEIVING_SATISFACTION');
    const onTime = ind((await staff.get(`/api/monitoring/index?${base}`)).body, 'ON_TIME');
    const rows = await allRows(staff, `${base}&indicator=DOSSIER_RECEIVING_SATISFACTION&filter=denominator`);
    const facts = new Map((await env.ctx.db.select().from(indexDossierFacts)).map((f) => [f.dossierId, f]));
    const end = new Date('2026-06-21T00:00:00+07:00'); // a running quarter is judged today
    const notLate = (id: string) => !facts.get(id)!.lateAt || facts.get(id)!.lateAt! >= end;
    // Satisfied = not late and not complained about: of the on-time dossiers, those without a complaint.
    expect(sat.denominator).toBe(onTime.denominator);
    expect(sat.numerator).toBe(rows.filter((r) => notLate(r.id) && !facts.get(r.id)!.dissatisfied).length);
    expect(sat.numerator).toBe(onTime.numerator - rows.filter((r) => notLate(r.id) && facts.get(r.id)!.dissatisfied).length);
  });
});

describe('keyset paging of the drill-down', () => {
  it('any page size: every row exactly once, in the order of the whole list, and the paging stops', async () => {
    const indicators = Object.keys(DRILL_SPECS);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...indicators), fc.constantFrom('missing', 'numerator', 'denominator'), fc.constantFrom(...PERIODS), fc.integer({ min: 1, max: 9 }), async (indicator, filter, period, limit) => {
        const q = `agencyId=${agencyId[PROVINCE]}&${period}&indicator=${indicator}&filter=${filter}`;
        const whole = await allRows(staff, q, 200);
        const paged = await allRows(staff, q, limit);
        expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
        expect(new Set(paged.map((r) => r.id)).size).toBe(paged.length);
      }),
      { numRuns: 25, seed: 4 },
    );
  });

  it('a cursor that is not one of ours is refused with 400', async () => {
    const r = await staff.get(`/api/monitoring/index/dossiers?agencyId=${agencyId[PROVINCE]}&period=quarter&year=2026&index=2&indicator=ON_TIME&cursor=not-a-cursor`);
    expect(r.status).toBe(400);
  });
});

describe('public figures come from the same counters as the dashboard', () => {
  it('an apologised-late dossier is late in the public figures and in the dashboard alike', async () => {
    // A dossier the leader apologised for, finished after its appointment but before the apology's new date.
    const apologised = await env.ctx.db
      .selectDistinct({ id: dossierHistory.dossierId })
      .from(dossierHistory)
      .where(eq(dossierHistory.action, 'apologize'));
    const rows = await env.ctx.db.select({ f: indexDossierFacts, d: dossiers }).from(indexDossierFacts).innerJoin(dossiers, eq(dossiers.id, indexDossierFacts.dossierId)).where(and(isNotNull(indexDossierFacts.finishedAt), isNotNull(indexDossierFacts.lateAt)));
    const ids = new Set(apologised.map((a) => a.id));
    const hit = rows.find((r) => ids.has(r.d.id) && r.d.dueAt && r.d.finishedAt && r.d.finishedAt <= r.d.dueAt && r.d.handlingAgencyId === agencyId[PLEIKU]);
    expect(hit, 'the seeded history has an apologised dossier finished within its new date').toBeDefined();
    const day = toLocalDate(hit!.f.finishedAt!);
    const month = Number(day.slice(5, 7));
    const lastDay = month === 6 ? '2026-06-20' : day.slice(0, 8) + String(new Date(Date.UTC(2026, month, 0)).getUTCDate()).padStart(2, '0');
    const pub = (await anon.get(`/api/public/stats?agencyId=${agencyId[PLEIKU]}&period=month&date=${lastDay}`)).body;
    const dash = (await staff.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&period=month&year=2026&index=${month}`)).body;
    expect(pub.finished).toBe(dash.figures.finished);
    expect(pub.onTime).toBe(dash.figures.finishedOnTime);
    expect(pub.received).toBe(dash.figures.received);
    // The late ones, counted from the per-dossier facts: the apologised dossier is among them.
    const from = new Date(`${day.slice(0, 8)}01T00:00:00+07:00`);
    const to = new Date(`${lastDay}T00:00:00+07:00`).getTime() + 86_400_000;
    const lateFinished = rows.filter((r) => r.f.agencyId === agencyId[PLEIKU] && r.f.finishedAt! >= from && r.f.finishedAt!.getTime() < to);
    expect(lateFinished.some((r) => r.d.id === hit!.d.id)).toBe(true);
    expect(pub.finished - pub.onTime).toBe(lateFinished.length);
    const ratePct = Math.round((pub.onTime / pub.finished) * 1000) / 10;
    expect(pub.onTimeRate).toBe(ratePct);
  });

  it('feedback with no deadline is judged the same way by the dashboard and the public figures', async () => {
    const at = (s: string) => new Date(`${s}T09:00:00+07:00`);
    const f = (receivedAt: string, handleDueAt: string | null, answeredAt: string | null, status: string) => ({
      reference: `PAKN-FIG-${crypto.randomBytes(4).toString('hex')}`,
      trackingSecret: 'X',
      agencyId: agencyId[PLEIKU]!,
      originAgencyId: agencyId[PLEIKU]!,
      subject: 'procedure',
      title: 't',
      content: 'c',
      contact: { fullName: 'A' },
      status,
      submittedAt: at(receivedAt),
      receivedAt: at(receivedAt),
      handleDueAt: handleDueAt ? at(handleDueAt) : null,
      answeredAt: answeredAt ? at(answeredAt) : null,
      createdAt: at(receivedAt),
      updatedAt: at(receivedAt),
    });
    // April: answered with no deadline, open with no deadline, answered late, open and overdue.
    await env.ctx.db.insert(feedback).values([f('2026-04-06', null, '2026-04-20', 'answered'), f('2026-04-07', null, null, 'in_progress'), f('2026-04-08', '2026-04-10', '2026-04-15', 'answered'), f('2026-04-09', '2026-04-20', null, 'in_progress')]);
    const pub = (await anon.get(`/api/public/stats?agencyId=${agencyId[PLEIKU]}&period=month&date=2026-04-30`)).body;
    const dash = (await staff.get(`/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&period=month&year=2026&index=4`)).body;
    const m = ind(dash, 'PETITION_PROCESSING_ON_TIME');
    expect(pub.feedback.received).toBe(m.denominator);
    expect(pub.feedback.onTime).toBe(m.numerator);
    expect(m.denominator).toBeGreaterThanOrEqual(4);
  });
});

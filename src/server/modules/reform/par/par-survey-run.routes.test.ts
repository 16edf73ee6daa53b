/**
 * The survey run in motcua over real HTTP: the reform officer samples citizens of a commune, each link opens the
 * citizens' questionnaire without an account and answers once (the second time 409, a partial answer 400, an unknown
 * link 404), the progress counts sampled and answered, and the answers become the commune's survey points with the
 * set's weights (A 100 %, B 60 %, C 20 %, D 0 %), audited. Only the token's hash is stored; answers are append-only.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../../test/support/harness.ts';
import { communeCriteriaSet } from '../../../seed/par-commune-set.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const P = '/api/reform/par';
let anon: ApiClient;
let reform: ApiClient;
let leader: ApiClient;
let roundId: string;
let pleiku: string;
let links: string[] = [];
const token = (link: string) => link.split('/').pop()!;

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  reform = await new ApiClient(http.base).login('tinh.caicach');
  leader = await new ApiClient(http.base).login('pleiku.lanhdao');
  const agencies = (await anon.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[];
  pleiku = agencies.find((a) => a.code === '000.01.00.H21')!.id;
  const dienhong = agencies.find((a) => a.code === '000.02.00.H21')!.id;
  const set = await reform.post(`${P}/sets/import`, communeCriteriaSet(2026));
  expect(set.status).toBe(201);
  const r = await reform.post(`${P}/rounds`, { setId: set.body.id, agencyIds: [pleiku, dienhong], selfDeadline: { workingDays: 10 }, appraisalDeadline: { workingDays: 20 } });
  expect(r.status).toBe(201);
  roundId = r.body.id;
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('the survey run in motcua', () => {
  it('samples respondents: a link and a QR code each, only the token hash stored; the owners only', async () => {
    const r = await reform.post(`${P}/rounds/${roundId}/survey/respondents`, { agencyId: pleiku, group: 'citizens', count: 3 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.items).toHaveLength(3);
    links = r.body.items.map((x: { link: string }) => x.link);
    for (const x of r.body.items) {
      expect(x.link).toMatch(/\/dich-vu-cong\/khao-sat\/[A-Za-z0-9_-]{22}$/);
      expect(x.qr).toMatch(/^data:image\/png;base64,/);
    }
    expect(new Set(links).size).toBe(3);
    const stored = (await env.ctx.db.execute(sql`select token_hash from par_survey_respondents`)) as unknown as { rows: { token_hash: string }[] };
    expect(stored.rows.map((x) => x.token_hash).sort()).toEqual(links.map((l) => createHash('sha256').update(token(l)).digest('hex')).sort());
    expect(JSON.stringify(stored.rows)).not.toContain(token(links[0]!));
    expect((await leader.post(`${P}/rounds/${roundId}/survey/respondents`, { agencyId: pleiku, group: 'citizens', count: 1 })).status).toBe(403);
    const zero = await reform.post(`${P}/rounds/${roundId}/survey/respondents`, { agencyId: pleiku, group: 'citizens', count: 0 });
    expect(zero.status).toBe(400);
  });

  it('a link opens the citizens’ questionnaire without an account, and answers once', async () => {
    const q = await anon.get(`/api/public/par/survey/${token(links[0]!)}`);
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ agency: { name: 'Ủy ban nhân dân Phường Pleiku' }, group: 'citizens', answered: false, open: true });
    expect(q.body.questions.map((x: { nodeCode: string }) => x.nodeCode)).toEqual(['8.2.1', '8.2.2', '8.2.3']);
    expect(q.body.questions[0].letters).toEqual(['A', 'B', 'C', 'D']);

    const partial = await anon.post(`/api/public/par/survey/${token(links[0]!)}`, { answers: [{ nodeCode: '8.2.1', letter: 'A' }] });
    expect(partial.status).toBe(400);
    expect(partial.body.error.code).toBe('PAR_SURVEY_ANSWERS_INVALID');
    expect(partial.body.error.message).toContain('8.2.2, 8.2.3');

    const answers = (a: string, b: string, c: string) => ({ answers: [{ nodeCode: '8.2.1', letter: a }, { nodeCode: '8.2.2', letter: b }, { nodeCode: '8.2.3', letter: c }] });
    expect((await anon.post(`/api/public/par/survey/${token(links[0]!)}`, answers('A', 'A', 'C'))).status).toBe(201);
    const again = await anon.post(`/api/public/par/survey/${token(links[0]!)}`, answers('D', 'D', 'D'));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PAR_SURVEY_ANSWERED');
    expect((await anon.get(`/api/public/par/survey/${token(links[0]!)}`)).body.answered).toBe(true);
    // Two answers at once on the same link: exactly one is stored.
    const both = await Promise.all([anon.post(`/api/public/par/survey/${token(links[1]!)}`, answers('B', 'B', 'B')), anon.post(`/api/public/par/survey/${token(links[1]!)}`, answers('B', 'B', 'B'))]);
    expect(both.map((x) => x.status).sort()).toEqual([201, 409]);

    expect((await anon.get('/api/public/par/survey/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await anon.get('/api/public/par/survey/not a token')).status).toBe(400);
    expect((await anon.post(`/api/public/par/survey/${token(links[2]!)}`, answers('A', 'E', 'A'))).status).toBe(400);
  });

  it('follows progress and turns the answers into the commune’s survey points, audited', async () => {
    const p = await reform.get(`${P}/rounds/${roundId}/survey/progress`);
    expect(p.body.items).toEqual([{ agencyId: pleiku, group: 'citizens', sampled: 3, answered: 2 }]);
    expect((await leader.get(`${P}/rounds/${roundId}/survey/progress`)).body.items).toEqual([{ agencyId: pleiku, group: 'citizens', sampled: 3, answered: 2 }]);
    expect((await leader.post(`${P}/rounds/${roundId}/survey/apply`)).status).toBe(403);

    const a = await reform.post(`${P}/rounds/${roundId}/survey/apply`);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const res = Object.fromEntries((a.body.results as { agencyId: string; nodeCode: string; points: string }[]).filter((x) => x.agencyId === pleiku).map((x) => [x.nodeCode, x.points]));
    // 8.2.1: A and B → (100 + 60) ÷ 2 = 80 % of 4 = 3.20; 8.2.2: A, B → 3.20; 8.2.3: C, B → 40 % → 1.60.
    expect(res).toEqual({ '8.2.1': '3.20', '8.2.2': '3.20', '8.2.3': '1.60' });
    const h = (await env.ctx.db.execute(sql`select action, count(*)::int as n from par_history where round_id = ${roundId} and action in ('survey.sample', 'survey.enter') group by action order by action`)) as unknown as { rows: { action: string; n: number }[] };
    expect(h.rows).toEqual([{ action: 'survey.enter', n: 3 }, { action: 'survey.sample', n: 1 }]);
  });

  it('answers cannot be changed in the database', async () => {
    const fail = (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => String((e as { cause?: unknown }).cause ?? e));
    expect(await fail(env.ctx.db.execute(sql`update par_survey_answers set letter = 'A'`))).toMatch(/APPEND_ONLY/);
    expect(await fail(env.ctx.db.execute(sql`delete from par_survey_answers`))).toMatch(/APPEND_ONLY/);
  });
});

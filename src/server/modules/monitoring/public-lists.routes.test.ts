/** Public lists are bounded and keyset-paginated (issue 10, trap): the agency tree of the public index page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
let anon: ApiClient;
beforeAll(async () => {
  env = await createSeededEnv(new TestClock());
  http = await startHttp(env);
  anon = new ApiClient(http.base);
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('GET /api/public/index/agencies', () => {
  it('pages through the whole tree (parents first) with any page size, each agency once, and stops', async () => {
    const whole = await anon.get('/api/public/index/agencies');
    expect(whole.status).toBe(200);
    expect(whole.body.next).toBeNull();
    const all = whole.body.agencies as { id: string; parentId: string | null }[];
    expect(all.length).toBeGreaterThan(5);
    const seen = new Set<string>();
    for (const a of all) {
      if (a.parentId) expect(seen.has(a.parentId)).toBe(true);
      seen.add(a.id);
    }
    for (const limit of [1, 2, 5]) {
      const ids: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages <= all.length + 1; pages++) {
        const r: { body: { agencies: { id: string }[]; next: string | null } } = await anon.get(`/api/public/index/agencies?limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        expect(r.body.agencies.length).toBeLessThanOrEqual(limit);
        ids.push(...r.body.agencies.map((a: { id: string }) => a.id));
        after = r.body.next;
        if (!after) break;
      }
      expect(ids).toEqual(all.map((a) => a.id));
    }
    expect((await anon.get('/api/public/index/agencies?limit=5000')).status).toBe(400);
  });
});

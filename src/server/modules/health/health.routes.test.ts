/** /api/health and the OpenAPI documentation, over real HTTP on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestEnv, DB_KIND, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
let api: ApiClient;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));

beforeAll(async () => {
  env = await createTestEnv(clock);
  http = await startHttp(env);
  api = new ApiClient(http.base);
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('GET /api/health', () => {
  it('answers ok with the database kind and the clock time, without signing in', async () => {
    const r = await api.get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.body.database).toBe(DB_KIND);
    expect(r.body.time).toBe('2026-03-02T02:00:00.000Z');
  });

  it('an unknown /api path is a 404 with the error envelope', async () => {
    const r = await api.get('/api/no-such-route');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    expect(typeof r.body.error.message).toBe('string');
    expect(typeof r.body.error.messageEn).toBe('string');
  });
});

describe('API documentation', () => {
  it('/api/docs serves the Swagger UI page', async () => {
    const res = await fetch(`${http.base}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type') ?? '').toContain('text/html');
    const html = await res.text();
    expect(html.toLowerCase()).toContain('swagger');
  });

  it('/api/docs/json is an OpenAPI 3 document listing every module’s paths', async () => {
    const r = await api.get('/api/docs/json');
    expect(r.status).toBe(200);
    expect(String(r.body.openapi)).toMatch(/^3\./);
    expect(r.body.info.title).toBe('motcua API');
    const paths = Object.keys(r.body.paths);
    for (const p of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/units',
      '/api/units/{id}',
      '/api/agencies',
      '/api/staff',
      '/api/staff/{id}/roles',
      '/api/procedures',
      '/api/procedures/{code}',
      '/api/agencies/{agencyId}/publications',
      '/api/publications/{id}/workflow',
      '/api/calendar/holidays/{year}',
      '/api/calendar/due',
      '/api/calendar/lunar/{date}',
      '/api/calendar/overrides',
      '/api/dossiers',
      '/api/dossiers/{id}',
      '/api/dossiers/{id}/actions',
      '/api/dossiers/{id}/history',
      '/api/files',
    ]) {
      expect(paths, p).toContain(p);
    }
    // Operations carry the schema-derived request descriptions.
    expect(Object.keys(r.body.paths['/api/auth/login'])).toContain('post');
    expect(Object.keys(r.body.paths['/api/calendar/overrides']).sort()).toEqual(['get', 'put']);
    expect(r.body.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });
});

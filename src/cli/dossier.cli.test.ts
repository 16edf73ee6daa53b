/**
 * `motcua dossier …` as a user runs it: a real process talking HTTP to a running server.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededEnv, PASSWORD, startHttp, type TestEnv } from '../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;

beforeAll(async () => {
  env = await createSeededEnv();
  http = await startHttp(env);
});
afterAll(async () => {
  await http?.close();
  await env?.close();
});

function motcua(user: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/motcua.js', 'dossier', ...args], { env: { ...process.env, MOTCUA_URL: http.base, MOTCUA_USER: user, MOTCUA_PASSWORD: PASSWORD } });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('close', (code) => resolve({ code, out: out.trim(), err: err.trim() }));
  });
}

describe('motcua dossier', () => {
  let code = '';
  it('creates (receives) a dossier at the desk and prints it with its code', async () => {
    const r = await motcua('pleiku.motcua', 'create', '--agency', '000.01.00.H21', '--procedure', '1.010038', '--channel', 'desk', '--name', 'Nguyễn Văn An', '--id-number', '052090001234');
    expect(r.err).toBe('');
    const d = JSON.parse(r.out);
    expect(d.state).toBe('received');
    code = d.code;
    expect(code).toMatch(/^000\.01\.00\.H21-\d{6}-0001$/);
  });

  it('acts on it by code and shows the history', async () => {
    const fwd = await motcua('pleiku.motcua', 'act', code, 'forward', '--note', 'Chuyển xử lý');
    expect(JSON.parse(fwd.out).state).toBe('forwarded');
    const h = await motcua('pleiku.motcua', 'history', code);
    expect(h.out.split('\n')).toHaveLength(2);
    expect(h.out).toMatch(/Chuyển xử lý/);
  });

  it('reports a refused action with the error code and the Vietnamese message', async () => {
    const r = await motcua('pleiku.motcua', 'act', code, 'approve');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ROLE_NOT_ALLOWED|ACTION_NOT_ALLOWED_IN_STATE/);
  });

  it('another commune’s officer cannot see it', async () => {
    const r = await motcua('dienhong.motcua', 'show', code);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/DOSSIER_NOT_FOUND/);
  });
});

/**
 * Configuration (issue 11, set-up): the mail catcher is on only when asked for, and a production start without the
 * settings it needs stops with a message naming them — checked on the function and on the real `serve` command.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConfigProblems, loadConfig, productionProblems } from './config.ts';

const complete = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://motcua@db.internal:5432/motcua',
  PUBLIC_BASE_URL: 'https://dichvucong.gialai.gov.vn',
  SMTP_URL: 'smtp://mail.gialai.gov.vn:25',
  PAYMENT_WEBHOOK_SECRET: 'a-secret-of-at-least-16',
  RESULT_SIGNATURE: 'required',
};

describe('the mail catcher', () => {
  it('is off without MAIL_CATCHER and without the demo, whatever NODE_ENV is', () => {
    expect(loadConfig({}).mailCatcher).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).mailCatcher).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).mailCatcher).toBe(false);
  });
  it('is on with the demo or MAIL_CATCHER=1, and MAIL_CATCHER=0 turns it off even with the demo', () => {
    expect(loadConfig({}, { demo: true }).mailCatcher).toBe(true);
    expect(loadConfig({ MAIL_CATCHER: '1' }).mailCatcher).toBe(true);
    expect(loadConfig({ MAIL_CATCHER: '0' }, { demo: true }).mailCatcher).toBe(false);
  });
});

describe('productionProblems', () => {
  it('asks nothing outside production', () => {
    expect(productionProblems(loadConfig({}), {})).toEqual([]);
  });
  it('names every missing setting in production', () => {
    const env = { NODE_ENV: 'production' };
    const names = productionProblems(loadConfig(env), env).map((p) => p.variable);
    expect(names).toEqual(['DATABASE_URL', 'PUBLIC_BASE_URL', 'SMTP_URL', 'PAYMENT_WEBHOOK_SECRET', 'RESULT_SIGNATURE']);
  });
  it('accepts a complete production configuration, and refuses a loopback base URL, the mail catcher and the demo', () => {
    expect(productionProblems(loadConfig(complete), complete)).toEqual([]);
    const loop = { ...complete, PUBLIC_BASE_URL: 'http://127.0.0.1:3000' };
    expect(productionProblems(loadConfig(loop), loop).map((p) => p.variable)).toEqual(['PUBLIC_BASE_URL']);
    const unsigned = { ...complete, RESULT_SIGNATURE: 'if-available' };
    expect(productionProblems(loadConfig(unsigned), unsigned).map((p) => p.variable)).toEqual(['RESULT_SIGNATURE']);
    expect(loadConfig({}).resultSignature).toBe('if-available');
    expect(() => loadConfig({ RESULT_SIGNATURE: 'sometimes' })).toThrow(/RESULT_SIGNATURE/);
    const catcher = { ...complete, MAIL_CATCHER: '1' };
    expect(productionProblems(loadConfig(catcher), catcher).map((p) => p.variable)).toEqual(['MAIL_CATCHER']);
    expect(productionProblems(loadConfig(complete, { demo: true }), complete, { demo: true }).map((p) => p.variable)).toEqual(['MAIL_CATCHER', '--demo']);
  });
  it('formats one line per problem', () => {
    const text = formatConfigProblems([{ variable: 'SMTP_URL', reason: 'r' }]);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toContain('  - SMTP_URL: r');
  });
});

describe('`motcua serve` in production without settings', () => {
  it('exits 1 with a message naming each missing variable and does not listen', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-config-'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATA_DIR: dir, PORT: '0' };
    const r = spawnSync(process.execPath, ['bin/motcua.js', 'serve'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    for (const v of ['DATABASE_URL', 'PUBLIC_BASE_URL', 'SMTP_URL', 'PAYMENT_WEBHOOK_SECRET', 'RESULT_SIGNATURE']) expect(r.stderr).toContain(`- ${v}:`);
    expect(r.stdout).not.toContain('motcua is running');
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});

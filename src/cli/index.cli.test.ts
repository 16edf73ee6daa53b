/**
 * `motcua index score` as a user runs it (a real process): published national-portal worked examples scored with
 * the shipped profile; clear errors on bad input.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-index-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function motcua(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/motcua.js', ...args], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}
const file = (name: string, body: unknown) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, typeof body === 'string' ? body : JSON.stringify(body));
  return f;
};

describe('motcua index score', () => {
  it('scores the published worked examples (96.34 % → 3.85 of 4; 21.12 % → 0.84 of 4; 18.63 % → 0.47 of 2, threshold 80)', () => {
    const f = file('counts.json', {
      metrics: [
        { code: 'PUBLIC_UPDATE_ON_TIME', numerator: 79, denominator: 82 },
        { code: 'SO_HOA_GIAY_TO_GIAI_QUYET', numerator: 93664, denominator: 443565 },
        { code: 'REUSED_DIGITIZED_DATA', numerator: 82645, denominator: 443565 },
      ],
    });
    const r = motcua(['index', 'score', '--input', f]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const m = new Map(out.metrics.map((x: { code: string }) => [x.code, x]));
    expect(m.get('PUBLIC_UPDATE_ON_TIME')).toMatchObject({ rate: 96.34, score: 3.85 });
    expect(m.get('SO_HOA_GIAY_TO_GIAI_QUYET')).toMatchObject({ rate: 21.12, score: 0.84 });
    expect(m.get('REUSED_DIGITIZED_DATA')).toMatchObject({ rate: 18.63, score: 0.47 });
    expect(out.groups.find((g: { code: string }) => g.code === 'DIGITISATION').score).toBe(1.31);
    expect(out.total).toBe(5.16);
    expect(out.profile).toBe('portal-2025');
    expect(out.missing).toContain('ON_TIME');
  });

  it('reads standard input, takes another profile, and warns about codes the profile does not know', () => {
    const counts = JSON.stringify({ metrics: [{ code: 'PAYMENT_DOSSIERS', numerator: 1, denominator: 2 }, { code: 'SOMETHING_ELSE', numerator: 1, denominator: 1 }] });
    const r = motcua(['index', 'score', '--input', '-', '--profile', 'qd766-2022'], counts);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.profile).toBe('qd766-2022');
    expect(out.groups.find((g: { code: string }) => g.code === 'ONLINE_SERVICE').score).toBe(3);
    expect(out.ignored).toEqual(['SOMETHING_ELSE']);
    expect(r.err).toContain('SOMETHING_ELSE');
  });

  it('bad input gets a clear error and exit 1', () => {
    const r = motcua(['index', 'score', '--input', file('bad.json', { metrics: [{ code: 'ON_TIME', numerator: 'x' }] })]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/expected \{"metrics"/);
    expect(motcua(['index', 'score', '--input', file('notjson.json', '{oops')]).err).toMatch(/not valid JSON/);
  });
});

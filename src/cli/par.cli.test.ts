/**
 * `motcua par score` as a user runs it (a real process): the reports' example (docs/examples) gives 76.97 %;
 * standard input; without a survey the survey nodes leave the maximum; bad input → one line per problem, exit 1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-par-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function motcua(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/motcua.js', ...args], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}
const example = fs.readFileSync('docs/examples/par-score-report-example.json', 'utf8');

describe('motcua par score', () => {
  it("prints the reports' example: total 76.97 of 100, index 76.97, survey 20.49 of 24.5 (6.5/6.5 + 13.99/18)", () => {
    const r = motcua(['par', 'score', '--input', 'docs/examples/par-score-report-example.json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['total', 'max', 'index', 'nodes']);
    expect([out.total, out.max, out.index]).toEqual([76.97, 100, 76.97]);
    const n = new Map(out.nodes.map((x: { code: string }) => [x.code, x]));
    expect(n.get('VIII')).toEqual({ code: 'VIII', points: 20.49, max: 24.5, percent: 83.63, lost: 4.01 });
    expect(n.get('VIII.1')).toEqual({ code: 'VIII.1', points: 6.5, max: 6.5, percent: 100, lost: 0 });
    expect(n.get('VIII.2')).toEqual({ code: 'VIII.2', points: 13.99, max: 18, percent: 77.72, lost: 4.01 });
  });

  it('reads standard input; "surveyRun": false takes the survey nodes out and rescales', () => {
    const input = { ...JSON.parse(example), surveyRun: false };
    const r = motcua(['par', 'score', '--input', '-'], JSON.stringify(input));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect([out.total, out.max, out.index]).toEqual([56.48, 75.5, 74.81]);
  });

  it('bad input exits non-zero with one line per problem naming the node', () => {
    const bad = {
      nodes: [
        { code: 'A', max: 10 },
        { code: 'a', parent: 'A', max: 4, points: 5 },
        { code: 'b', parent: 'Q', max: 1, points: -1 },
        { code: 'x', parent: 'y', max: 1 },
        { code: 'y', parent: 'x', max: 1 },
      ],
    };
    const r = motcua(['par', 'score', '--input', '-'], JSON.stringify(bad));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      'error: b: unknown parent Q',
      'error: x: parent chain loops (x → y → x)',
      'error: y: parent chain loops (y → x → y)',
      "error: A: maximum 10 but its children's maxima add up to 4",
      'error: a: points 5 above the maximum 4',
      'error: b: points -1 below 0',
    ]);
    const nj = motcua(['par', 'score', '--input', '-'], '{oops');
    expect(nj.code).toBe(1);
    expect(nj.err).toMatch(/not valid JSON/);
    expect(motcua(['par', 'score', '--input', path.join(dir, 'missing.json')]).err).toMatch(/cannot read/);
  });
});

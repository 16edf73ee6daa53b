/**
 * The `motcua calendar` commands as a user runs them (a real process, a fresh embedded database).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function motcua(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/motcua.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe('motcua calendar', () => {
  it('lunar: Tết Bính Ngọ is 17/02/2026; JSON has day, month, year, leap', () => {
    const r = motcua('calendar', 'lunar', '2026-02-17', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ day: 1, month: 1, year: 2026, leap: false });
  });

  it('lunar: 1985-01-21 is Tết in Vietnam (the Chinese calendar puts it on 20/02/1985)', () => {
    expect(JSON.parse(motcua('calendar', 'lunar', '1985-01-21', '--json').out)).toEqual({ day: 1, month: 1, year: 1985, leap: false });
  });

  it('lunar: a day of a leap month (2025 has a leap 6th month from 25/07/2025)', () => {
    expect(JSON.parse(motcua('calendar', 'lunar', '2025-07-25', '--json').out)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
  });

  it('holidays: 2026 lists the Tết days, Hùng Kings, 30/4, 1/5 and National Day with reasons', () => {
    const r = motcua('calendar', 'holidays', '2026', '--json');
    expect(r.code).toBe(0);
    const days = JSON.parse(r.out) as { date: string; reason: string; kind: string }[];
    const off = days.filter((d) => d.kind === 'day_off').map((d) => d.date);
    for (const d of ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01', '2026-09-02']) expect(off).toContain(d);
    expect(days.find((d) => d.date === '2026-02-17')!.reason).toMatch(/Tết/);
    // Hùng Kings' day 10/3 lunar = Sun 26/04/2026 → compensatory Monday 27/04.
    expect(off).toContain('2026-04-27');
  });

  it('due: received Fri 13/02/2026 10:00, 1 working day → Mon 23/02 17:00 (Tết week off)', () => {
    const r = motcua('calendar', 'due', '--from', '2026-02-13T10:00:00+07:00', '--amount', '1', '--unit', 'working-days');
    expect(r.code).toBe(0);
    expect(r.out).toBe('2026-02-23T17:00:00+07:00');
  });

  it('due: a same-day procedure received at 15:30 is due the next working day', () => {
    const r = motcua('calendar', 'due', '--from', '2026-03-02T15:30:00+07:00', '--amount', '1', '--unit', 'same-day', '--json');
    expect(JSON.parse(r.out).due).toBe('2026-03-03T17:00:00+07:00');
  });

  it('holidays 2013 and due agree: received Fri 08/02/2013 10:00, 1 working day is due on a day the listing leaves working', () => {
    const days = JSON.parse(motcua('calendar', 'holidays', '2013', '--json').out) as { date: string; kind: string }[];
    const due = motcua('calendar', 'due', '--from', '2013-02-08T10:00:00+07:00', '--amount', '1', '--unit', 'working-days').out;
    expect(days.filter((d) => d.kind === 'day_off').map((d) => d.date)).not.toContain(due.slice(0, 10));
    expect(due).toBe('2013-02-15T17:00:00+07:00');
  });

  it('an official override stored in the database changes the computed days', () => {
    expect(motcua('calendar', 'override', 'set', '2026-03-09', 'day_off', 'Nghỉ bù theo thông báo (thử nghiệm)').code).toBe(0);
    const r = motcua('calendar', 'due', '--from', '2026-03-06T10:00:00+07:00', '--amount', '1', '--unit', 'working-days');
    expect(r.out).toBe('2026-03-10T17:00:00+07:00');
    const days = JSON.parse(motcua('calendar', 'holidays', '2026', '--json').out) as { date: string; source: string }[];
    expect(days.find((d) => d.date === '2026-03-09')?.source).toBe('override');
  });

  it('rejects a datetime without an offset and an unknown unit, with a clear message', () => {
    const a = motcua('calendar', 'due', '--from', '2026-02-13T10:00:00', '--amount', '1', '--unit', 'working-days');
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/offset/i);
    const b = motcua('calendar', 'due', '--from', '2026-02-13T10:00:00+07:00', '--amount', '1', '--unit', 'weeks');
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/working-days/);
  });
});

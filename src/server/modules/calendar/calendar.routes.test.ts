/** The stored working calendar (holidays, due dates, lunar dates, official overrides) over real HTTP on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-01-05T09:00:00+07:00'));
const as: Record<string, ApiClient> = {};
let anon: ApiClient;

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  anon = new ApiClient(http.base);
  for (const u of ['tinh.quantri', 'pleiku.quantri', 'pleiku.motcua']) as[u] = await new ApiClient(http.base).login(u);
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

type Day = { date: string; reason: string; source: string; kind: string };
const holidays = async (year: number): Promise<Day[]> => {
  const r = await anon.get(`/api/calendar/holidays/${year}`);
  expect(r.status).toBe(200);
  expect(r.body.year).toBe(year);
  return r.body.days;
};
const due = async (from: string, amount: number, unit = 'working_days') => {
  const r = await anon.get(`/api/calendar/due?from=${encodeURIComponent(from)}&amount=${amount}&unit=${unit}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.due as string;
};
// Friday 13/02/2026, the last working day before the Tết holiday (Mon 16 – Fri 20/02/2026).
const FRI_BEFORE_TET = '2026-02-13T10:00:00+07:00';

describe('holidays', () => {
  it('2026: New Year, the five Tết days 16–20 Feb, 30/4, 1/5 and National Day 2/9', async () => {
    const days = await holidays(2026);
    const dates = days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    for (const d of ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01', '2026-09-02']) expect(dates, d).toContain(d);
    for (const d of days.filter((x) => x.date >= '2026-02-16' && x.date <= '2026-02-20')) {
      expect(d).toMatchObject({ source: 'rule', kind: 'day_off' });
      expect(d.reason.length).toBeGreaterThan(0);
    }
    // National Day 2/9/2026 is a Wednesday: one adjacent day is also off (1/9 or 3/9).
    expect(dates.filter((d) => d === '2026-09-01' || d === '2026-09-03')).toHaveLength(1);
    expect(days.every((d) => d.source !== 'override')).toBe(true);
  });

  it('a year in range but before the first stored policy (1995) is 422 CALENDAR_OUT_OF_RANGE', async () => {
    const r = await anon.get('/api/calendar/holidays/1950');
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect((await holidays(1995)).map((d) => d.date)).toContain('1995-09-02');
  });

  it('the listing and the due dates are one calendar: 2013 (Labour Code 2012 in force from 1 May) and every listed weekday off 1995–2099 is skipped', async () => {
    const feb2013 = (await holidays(2013)).filter((d) => d.date.startsWith('2013-02-') && d.kind === 'day_off').map((d) => d.date);
    const d = (await due('2013-02-08T10:00:00+07:00', 1)).slice(0, 10);
    expect(feb2013).not.toContain(d);
    expect(d).toBe('2013-02-15');
    for (let y = 1995; y <= 2099; y++) {
      for (const h of (await holidays(y)).filter((x) => x.kind === 'day_off' && ![0, 6].includes(new Date(`${x.date}T12:00:00Z`).getUTCDay()))) {
        // Received the evening before at 10:00, one working day: never due on a listed day off.
        const before = new Date(Date.parse(`${h.date}T10:00:00+07:00`) - 86_400_000).toISOString();
        expect((await due(before, 1)).slice(0, 10), h.date).not.toBe(h.date);
      }
    }
  });

  it('years outside 1901–2099 are 400; a non-numeric year 400', async () => {
    for (const y of ['1900', '2100', 'abc', '2026.5']) {
      const r = await anon.get(`/api/calendar/holidays/${y}`);
      expect(r.status, y).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('due dates', () => {
  it('received Fri 13/02/2026 10:00, 1 working day → Mon 23/02/2026 17:00 (the Tết week is off)', async () => {
    expect(await due(FRI_BEFORE_TET, 1)).toBe('2026-02-23T17:00:00+07:00');
    const r = await anon.get(`/api/calendar/due?from=${encodeURIComponent(FRI_BEFORE_TET)}&amount=1&unit=working_days`);
    expect(r.body).toEqual({ from: FRI_BEFORE_TET, amount: 1, unit: 'working_days', due: '2026-02-23T17:00:00+07:00' });
  });

  it('the same instant written in UTC gives the same due date', async () => {
    expect(await due('2026-02-13T03:00:00Z', 1)).toBe('2026-02-23T17:00:00+07:00');
  });

  it('5 working days from Thu 12/02/2026 → Thu 26/02/2026 17:00', async () => {
    expect(await due('2026-02-12T10:00:00+07:00', 5)).toBe('2026-02-26T17:00:00+07:00');
  });

  it('rejects a datetime without an offset, a negative amount and an unknown unit (400)', async () => {
    for (const q of ['from=2026-02-13T10:00:00&amount=1&unit=working_days', `from=${encodeURIComponent(FRI_BEFORE_TET)}&amount=-1&unit=working_days`, `from=${encodeURIComponent(FRI_BEFORE_TET)}&amount=1&unit=weeks`, 'amount=1&unit=working_days']) {
      const r = await anon.get(`/api/calendar/due?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('an instant outside the supported calendar (1900–2100) is 422 CALENDAR_OUT_OF_RANGE', async () => {
    // Also before the first stored calendar policy (1995-01-01): no rules to count with.
    for (const from of ['1899-12-29T10:00:00+07:00', '1994-12-30T10:00:00+07:00', '2101-03-01T10:00:00+07:00']) {
      const r = await anon.get(`/api/calendar/due?from=${encodeURIComponent(from)}&amount=1&unit=working_days`);
      expect(r.status, from).toBe(422);
      expect(r.body.error.code).toBe('CALENDAR_OUT_OF_RANGE');
    }
  });
});

describe('lunar dates', () => {
  it('17/02/2026 is the first day of the first lunar month of 2026', async () => {
    const r = await anon.get('/api/calendar/lunar/2026-02-17');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ day: 1, month: 1, year: 2026, leap: false });
  });

  it('16/02/2026 is still the old lunar year (the last day of month 12 of 2025)', async () => {
    const r = await anon.get('/api/calendar/lunar/2026-02-16');
    expect(r.body).toMatchObject({ month: 12, year: 2025, leap: false });
    expect([29, 30]).toContain(r.body.day);
  });

  it('the intercalary sixth month of 2025 (from 25/07/2025) is flagged leap', async () => {
    expect((await anon.get('/api/calendar/lunar/2025-08-01')).body).toEqual({ day: 8, month: 6, year: 2025, leap: true });
  });

  it('the edges of the table: 1900 works; before 1900 or after 2100 is 422; a malformed date 400', async () => {
    expect((await anon.get('/api/calendar/lunar/1900-01-31')).body).toEqual({ day: 1, month: 1, year: 1900, leap: false });
    for (const d of ['1899-12-31', '2101-01-01']) {
      const r = await anon.get(`/api/calendar/lunar/${d}`);
      expect(r.status, d).toBe(422);
      expect(r.body.error.code).toBe('CALENDAR_OUT_OF_RANGE');
      expect(r.body.error.message).toBe('Ngày nằm ngoài phạm vi lịch hỗ trợ (1900–2100).');
    }
    expect((await anon.get('/api/calendar/lunar/17-02-2026')).status).toBe(400);
  });
});

describe('official overrides', () => {
  let baseline: Day[];
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    baseline = await holidays(2026);
  });

  it('only a province admin may set or remove overrides: unit admin and desk officer 403, anonymous 401', async () => {
    const body = { date: '2026-02-23', kind: 'day_off', reason: 'Nghỉ thêm sau Tết' };
    for (const u of ['pleiku.quantri', 'pleiku.motcua']) {
      const r = await as[u]!.put('/api/calendar/overrides', body);
      expect(r.status, u).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    expect((await anon.put('/api/calendar/overrides', body)).status).toBe(401);
    expect((await anon.get('/api/calendar/overrides?year=2026')).body.items).toEqual([]);
    expect(await due(FRI_BEFORE_TET, 1)).toBe('2026-02-23T17:00:00+07:00');
  });

  it('an extra day off moves due dates and appears among the holidays at once', async () => {
    const r = await as['tinh.quantri']!.put('/api/calendar/overrides', { date: '2026-02-23', kind: 'day_off', reason: 'Nghỉ thêm sau Tết' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: expect.any(String), date: '2026-02-23', kind: 'day_off', reason: 'Nghỉ thêm sau Tết' });
    ids.dayOff = r.body.id;
    expect(await due(FRI_BEFORE_TET, 1)).toBe('2026-02-24T17:00:00+07:00');
    expect(await due('2026-02-12T10:00:00+07:00', 5)).toBe('2026-02-27T17:00:00+07:00');
    expect((await holidays(2026)).find((d) => d.date === '2026-02-23')).toEqual({ date: '2026-02-23', reason: 'Nghỉ thêm sau Tết', source: 'override', kind: 'day_off' });
  });

  it('a make-up Saturday is a working day: due dates count it', async () => {
    const r = await as['tinh.quantri']!.put('/api/calendar/overrides', { date: '2026-02-14', kind: 'working_day', reason: 'Làm bù cho ngày nghỉ Tết' });
    expect(r.status).toBe(200);
    ids.makeUp = r.body.id;
    // Received Fri 13 10:00: the receipt day is not counted; Sat 14 is now the first working day.
    expect(await due(FRI_BEFORE_TET, 1)).toBe('2026-02-14T17:00:00+07:00');
    expect((await holidays(2026)).find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', reason: 'Làm bù cho ngày nghỉ Tết', source: 'override', kind: 'working_day' });
    const list = await anon.get('/api/calendar/overrides?year=2026');
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { date: string; kind: string }) => `${o.date} ${o.kind}`)).toEqual(['2026-02-14 working_day', '2026-02-23 day_off']);
    expect((await anon.get('/api/calendar/overrides?year=2027')).body.items).toEqual([]);
  });

  it('setting the same date again replaces its override (one per date)', async () => {
    const r = await as['tinh.quantri']!.put('/api/calendar/overrides', { date: '2026-02-23', kind: 'day_off', reason: 'Nghỉ thêm sau Tết (Công văn số 01)' });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(ids.dayOff);
    const list = await anon.get('/api/calendar/overrides?year=2026');
    expect(list.body.items).toHaveLength(2);
    expect((await holidays(2026)).find((d) => d.date === '2026-02-23')!.reason).toBe('Nghỉ thêm sau Tết (Công văn số 01)');
  });

  it('invalid bodies are 400', async () => {
    for (const body of [
      { date: '2026-02-30x', kind: 'day_off', reason: 'Nghỉ thêm' },
      { date: '2026-03-09', kind: 'holiday', reason: 'Nghỉ thêm' },
      { date: '2026-03-09', kind: 'day_off', reason: 'ab' },
      { date: '2026-03-09', kind: 'day_off' },
    ]) {
      expect((await as['tinh.quantri']!.put('/api/calendar/overrides', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await anon.get('/api/calendar/overrides?year=1900')).status).toBe(400);
  });

  it('an override outside the supported calendar range is 422 and does not break the calendar', async () => {
    const r = await as['tinh.quantri']!.put('/api/calendar/overrides', { date: '1899-12-29', kind: 'day_off', reason: 'Ngày ngoài phạm vi' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(await due(FRI_BEFORE_TET, 1)).toBe('2026-02-14T17:00:00+07:00');
  });

  it('only a province admin may delete; DELETE restores the rules; an unknown id is 404', async () => {
    expect((await as['pleiku.quantri']!.del(`/api/calendar/overrides/${ids.makeUp}`)).status).toBe(403);
    expect((await anon.del(`/api/calendar/overrides/${ids.makeUp}`)).status).toBe(401);

    const del = await as['tinh.quantri']!.del(`/api/calendar/overrides/${ids.makeUp}`);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ id: ids.makeUp, date: '2026-02-14', kind: 'working_day' });
    expect(await due(FRI_BEFORE_TET, 1)).toBe('2026-02-24T17:00:00+07:00');

    expect((await as['tinh.quantri']!.del(`/api/calendar/overrides/${ids.dayOff}`)).status).toBe(200);
    expect(await due(FRI_BEFORE_TET, 1)).toBe('2026-02-23T17:00:00+07:00');
    expect(await holidays(2026)).toEqual(baseline);
    expect((await anon.get('/api/calendar/overrides?year=2026')).body.items).toEqual([]);

    const again = await as['tinh.quantri']!.del(`/api/calendar/overrides/${ids.dayOff}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
    expect((await as['tinh.quantri']!.del('/api/calendar/overrides/not-a-uuid')).status).toBe(400);
  });
});

/** Processing time read from text (time-text.ts), on constructed sentences and on the real index pages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeDueAt, createWorkCalendar } from '../calendar/index.ts';
import { DEFAULT_CALENDAR_POLICIES } from '../calendar/policies.ts';
import { parsePublicIndexEntry } from './public-index.ts';
import { structureIndexRecord } from './page-parser.ts';
import { channelLimit, conditionOf, timeFromText } from './time-text.ts';

const index = JSON.parse(readFileSync(new URL('../../../data/seed/procedure-index-2026.json', import.meta.url), 'utf8')) as { procedures: { code: string }[] };
const rec = (code: string) => structureIndexRecord(parsePublicIndexEntry(index.procedures.find((p) => p.code === code)));

describe('timeFromText', () => {
  it('the civil-status "after 15:00 → next working day" wording is the same-day unit', () => {
    const t = timeFromText(['(i) Trường hợp hồ sơ đầy đủ, hợp lệ thì tiếp nhận hồ sơ; nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn, trả kết quả cho người yêu cầu trong ngày làm việc tiếp theo.'], 1);
    expect(t?.limit).toEqual({ amount: 0, unit: 'same_day' });
    expect(t?.quote).toContain('sau 15 giờ');
  });

  it('"trả kết quả ngay trong ngày" is the same day; a larger cell amount wins over a same-day sub-step', () => {
    expect(timeFromText(['Công chức tư pháp trả kết quả ngay trong ngày tiếp nhận.'], 1)?.limit.unit).toBe('same_day');
    expect(timeFromText(['Công chức tư pháp trả kết quả ngay trong ngày tiếp nhận.'], 3)).toBeNull();
  });

  it('a working-day limit only when the cell amount agrees', () => {
    const s = ['Trong thời hạn 03 ngày làm việc kể từ ngày tiếp nhận hồ sơ, công chức tư pháp - hộ tịch cấp giấy xác nhận.'];
    expect(timeFromText(s, 3)?.limit).toEqual({ amount: 3, unit: 'working_days' });
    expect(timeFromText(s, 5)).toBeNull();
    expect(timeFromText(s, null)).toBeNull();
  });

  it('a verification case gives a conditional limit next to the base one', () => {
    const t = timeFromText(['Ngay sau khi nhận đủ giấy tờ, công chức tư pháp trả kết quả ngay trong ngày.', 'Trường hợp cần xác minh thì thời hạn giải quyết không quá 05 ngày làm việc.'], 1);
    expect(t).toMatchObject({ limit: { amount: 0, unit: 'same_day' }, conditional: [{ condition: 'Trường hợp cần xác minh', limit: { amount: 5, unit: 'working_days' } }] });
  });

  it('nothing said → null (no guess)', () => {
    expect(timeFromText(['Người yêu cầu nộp hồ sơ tại Ủy ban nhân dân cấp xã.'], 1)).toBeNull();
    expect(timeFromText([], 1)).toBeNull();
  });

  it('decomposed Unicode ("Unicode tổ hợp") reads the same', () => {
    const s = 'nếu tiếp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.'.normalize('NFD');
    expect(timeFromText([s], 1)?.limit.unit).toBe('same_day');
  });
});

describe('on the real pages', () => {
  it('birth (1.001193) and death (1.000656) registration: "1" without unit → same day, from their steps', () => {
    for (const code of ['1.001193', '1.000656']) {
      const r = rec(code);
      expect(r.channels.length).toBeGreaterThan(0);
      for (const c of r.channels) {
        expect(c.rawTime.unit).toBe('OTHER');
        expect(c.limit).toEqual({ amount: 0, unit: 'same_day' });
        expect(c.limitSource).toBe('text');
      }
      // Read from text: the reviewer still confirms it.
      expect(r.parse!.confidence.time).toBe('low');
      expect(r.parse!.issues.some((i) => i.code === 'time_from_text')).toBe(true);
    }
  });

  it('residence confirmation (1.010041): the "trường hợp cần xác minh" row is a conditional limit, not a stage', () => {
    const online = rec('1.010041').channels.find((c) => c.channel === 'online')!;
    expect(online.limit).toEqual({ amount: 1, unit: 'working_days' });
    expect(online.stages).toEqual([]);
    expect(online.conditionalLimits).toEqual([{ condition: 'Trường hợp cần xác minh', limit: { amount: 3, unit: 'working_days' } }]);
    expect(conditionOf('… trong thời hạn 03 ngày làm việc với trường hợp cần xác minh;')).toBe('Trường hợp cần xác minh');
    expect(conditionOf('Thẩm định hồ sơ trong thời hạn 05 ngày làm việc')).toBeNull();
  });

  it('marriage registration (1.000894) states no rule in its text: no fixed limit, low (a reviewer sets it)', () => {
    const r = rec('1.000894');
    expect(r.channels.every((c) => c.limit === null)).toBe(true);
    expect(r.parse!.confidence.time).toBe('low');
  });
});

describe('channelLimit: what the due-date engine receives', () => {
  const cal = createWorkCalendar(DEFAULT_CALENDAR_POLICIES, []);
  const spec = { limit: { amount: 0, unit: 'same_day' as const }, conditionalLimits: [{ condition: 'Trường hợp cần xác minh', limit: { amount: 5, unit: 'working_days' as const } }] };

  it('the base limit, or the conditional one the desk records', () => {
    const at = new Date('2026-03-02T09:00:00+07:00'); // Monday
    expect(computeDueAt(at, channelLimit(spec)!, cal).toISOString()).toBe(new Date('2026-03-02T17:00:00+07:00').toISOString());
    expect(computeDueAt(at, channelLimit(spec, 0)!, cal).toISOString()).toBe(new Date('2026-03-09T17:00:00+07:00').toISOString());
    expect(() => channelLimit(spec, 1)).toThrow(RangeError);
    expect(channelLimit({ limit: null })).toBeNull();
  });
});

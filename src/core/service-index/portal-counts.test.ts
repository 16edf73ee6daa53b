import { describe, expect, it } from 'vitest';
import { parsePortalCounts, portalCountsFromRows } from './portal-counts.ts';

describe('portal counts from JSON', () => {
  it('reads {"metrics":[…]} and a bare array', () => {
    expect(parsePortalCounts('{"metrics":[{"code":"ONLINE_RATE","numerator":3,"denominator":10}]}')).toEqual({ metrics: [{ code: 'ONLINE_RATE', numerator: 3, denominator: 10 }] });
    expect(parsePortalCounts('\uFEFF[{"code":"A1","numerator":0,"denominator":0}]')).toEqual({ metrics: [{ code: 'A1', numerator: 0, denominator: 0 }] });
  });
  it('names what is wrong', () => {
    expect(parsePortalCounts('{')).toEqual({ error: 'mon.rec.err.json' });
    expect(parsePortalCounts('{"x":1}')).toEqual({ error: 'mon.rec.err.shape' });
    expect(parsePortalCounts('[]')).toEqual({ error: 'mon.rec.err.empty' });
    expect(parsePortalCounts('[{"code":"A","numerator":1,"denominator":2},{"code":"b","numerator":1,"denominator":2}]')).toEqual({ error: 'mon.rec.err.item', params: { n: 2 } });
    expect(parsePortalCounts('[{"code":"A","numerator":1.5,"denominator":2}]')).toEqual({ error: 'mon.rec.err.item', params: { n: 1 } });
    expect(parsePortalCounts('[{"code":"A","numerator":1,"denominator":2},{"code":"A","numerator":1,"denominator":2}]')).toEqual({ error: 'mon.rec.err.duplicate', params: { code: 'A' } });
  });
});

describe('portal counts from a spreadsheet', () => {
  const sheet = [
    ['CỔNG DỊCH VỤ CÔNG QUỐC GIA — Bộ chỉ số 766', null, null, null],
    ['Đơn vị: Phường Pleiku; kỳ: quý I/2026', null, null, null],
    [],
    ['STT', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Tử số', 'Mẫu số'],
    [1, 'ONLINE_RATE', 'Tỷ lệ hồ sơ trực tuyến', 120, '1.234'],
    [null, null, null, null, null],
    [2, 'on_time', 'Tỷ lệ đúng hạn', 980, 1000],
  ];
  it('finds the header row by its column names (with or without diacritics) and reads one indicator per row', () => {
    expect(portalCountsFromRows(sheet)).toEqual({
      metrics: [
        { code: 'ONLINE_RATE', numerator: 120, denominator: 1234 },
        { code: 'ON_TIME', numerator: 980, denominator: 1000 },
      ],
    });
    expect(portalCountsFromRows([['Ma chi tieu', 'Tu so', 'Mau so'], ['X', 1, 2]])).toEqual({ metrics: [{ code: 'X', numerator: 1, denominator: 2 }] });
    expect(portalCountsFromRows([['code', 'numerator', 'denominator'], ['X', 1, 2]])).toEqual({ metrics: [{ code: 'X', numerator: 1, denominator: 2 }] });
  });
  it('names the spreadsheet row that is wrong, a missing header, an empty sheet and a repeated indicator', () => {
    expect(portalCountsFromRows([...sheet, [3, 'PAY', 'x', -1, 5]])).toEqual({ error: 'mon.rec.err.row', params: { row: 8 } });
    expect(portalCountsFromRows([...sheet, [3, 'PAY', 'x', 'mười', 5]])).toEqual({ error: 'mon.rec.err.row', params: { row: 8 } });
    expect(portalCountsFromRows([['Mã', 'Tên'], ['X', 'y']])).toEqual({ error: 'mon.rec.err.header' });
    expect(portalCountsFromRows([['Mã chỉ tiêu', 'Tử số', 'Mẫu số']])).toEqual({ error: 'mon.rec.err.empty' });
    expect(portalCountsFromRows([...sheet, [3, 'ONLINE_RATE', 'x', 1, 5]])).toEqual({ error: 'mon.rec.err.duplicate', params: { code: 'ONLINE_RATE' } });
  });
});

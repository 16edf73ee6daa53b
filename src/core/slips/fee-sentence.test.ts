import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feeSentence } from './format.ts';

describe('feeSentence', () => {
  it.each([
    [{ kind: 'charge', description: 'Lệ phí đăng ký;', amountVnd: 10000 }, 'Lệ phí đăng ký: 10.000 đồng'],
    [{ kind: 'charge', description: 'Lệ phí đăng ký cư trú', amountVnd: 10000 }, 'Lệ phí đăng ký cư trú: 10.000 đồng'],
    [{ kind: 'charge', description: 'lệ phí cấp giấy:', amountVnd: 8000 }, 'Lệ phí cấp giấy: 8.000 đồng'],
    [{ kind: 'charge', description: 'Cấp bản sao trích lục.', amountVnd: 8000 }, 'Lệ phí cấp bản sao trích lục: 8.000 đồng'],
    [{ kind: 'fee', description: 'Thẩm định hồ sơ', amountVnd: 500000 }, 'Phí thẩm định hồ sơ: 500.000 đồng'],
    [{ kind: 'fee', description: 'Phí chứng thực  bản sao ; ', amountVnd: 2000 }, 'Phí chứng thực bản sao: 2.000 đồng'],
    [{ kind: 'charge', description: 'UBND cấp xã xác nhận', amountVnd: 0 }, 'Lệ phí UBND cấp xã xác nhận: 0 đồng'],
    [{ kind: 'charge', description: '  ', amountVnd: 15000 }, 'Lệ phí: 15.000 đồng'],
    [{ kind: 'charge', description: '- Lệ phí: ', amountVnd: 15000 }, 'Lệ phí: 15.000 đồng'],
  ])('%o → %s', (fee, expected) => {
    expect(feeSentence(fee)).toBe(expected);
  });

  it('always reads "<label>: <amount> đồng" with one colon before the amount and no stray punctuation', () => {
    fc.assert(
      fc.property(fc.constantFrom('fee', 'charge'), fc.string({ maxLength: 40 }), fc.nat(10_000_000), fc.constantFrom('', ';', ':', '.', ' ;: ', ','), (kind, text, amount, tail) => {
        const s = feeSentence({ kind, description: text.replace(/:/g, ' ') + tail, amountVnd: amount });
        expect(s).toMatch(/^\S.*[^;:,.\s]: [\d.]+ đồng$/u);
        expect(s).not.toMatch(/[;,.]\s*:/u);
        expect(s.split(': ').length).toBe(2);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

const uuid = '0b6f8d4e-1c2a-4e5f-9a7b-3c4d5e6f7a8b';

describe('keyset cursors', () => {
  it('decodes what it encodes, column for column', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.uuid(), fc.integer({ min: 1990, max: 2100 }), (at, id, year) => {
        expect(decodeCursor(encodeCursor([year, at, id]), ['int', 'timestamp', 'uuid'])).toEqual([String(year), at.toISOString(), id]);
      }),
    );
    expect(decodeCursor(encodeCursor(['infinity', uuid]), ['timestamp|infinity', 'uuid'])).toEqual(['infinity', uuid]);
    expect(decodeCursor(encodeCursor(['2026-12-04 08:00:00.123+07', uuid]), ['timestamp', 'uuid'])).toEqual(['2026-12-04 08:00:00.123+07', uuid]);
  });

  it('refuses, as a 400, a token that is not a cursor of these columns', () => {
    const bad = [
      '',
      'not base64 at all!',
      encodeCursor([uuid]),
      encodeCursor(['2026-12-04T00:00:00.000Z', uuid, 'extra']),
      encodeCursor(['infinity', uuid]),
      encodeCursor(['2026-13-45T99:00:00Z', uuid]),
      encodeCursor(['2026-12-04T00:00:00.000Z', 'x']),
      encodeCursor(['2026-12-04T00:00:00.000Z', `${uuid}'; drop table x`]),
    ];
    for (const token of bad) {
      expect(() => decodeCursor(token, ['timestamp', 'uuid']), token).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
    expect(() => decodeCursor(encodeCursor(['2026.5', uuid]), ['int', 'uuid'])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

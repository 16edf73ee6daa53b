import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeText, isUnsafeText } from './unsafe.ts';

describe('text a database cannot hold', () => {
  it('is the NUL character and lone surrogates, not Vietnamese, emoji, RTL or zero-width text', () => {
    for (const s of ['a\u0000b', '\u0000', 'x\uD800', '\uDC00y', 'a\uDBFFb']) expect(isUnsafeText(s)).toBe(true);
    for (const s of ['Nguyễn Thị Hoà', 'Nguye\u0302\u0303n', '😀 đạt', '\u202Eabc', 'a\u200Bb', '\t\n', '']) expect(isUnsafeText(s)).toBe(false);
  });
  it('names the field, in nested objects, arrays and keys', () => {
    expect(findUnsafeText({ applicant: { fullName: 'An\u0000' } })).toBe('applicant.fullName');
    expect(findUnsafeText({ documents: [{ name: 'ok' }, { name: '\uD800' }] })).toBe('documents[1].name');
    expect(findUnsafeText({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findUnsafeText('\u0000')).toBe('(body)');
    expect(findUnsafeText({ a: 1, b: [true, null, 'fine'] })).toBeNull();
  });
  it('finds nothing in any well-formed string, and always finds an inserted NUL', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => findUnsafeText({ s }) === null));
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => findUnsafeText({ x: [a + '\u0000' + b] }) === 'x[0]'));
  });
});

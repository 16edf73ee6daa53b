import { describe, expect, it } from 'vitest';
import { validateActionInput } from './inputs.ts';

describe('components received at the desk', () => {
  it('receive and supply keep what the officer ticked, with counts, trimmed', () => {
    for (const action of ['receive', 'supply', 'resubmit', 'request_intake_supplement'] as const) {
      const v = validateActionInput(action, {
        missingItems: ['Bản sao giấy khai sinh'],
        componentsReceived: [{ code: ' c1 ', name: ' Tờ khai CT01 ', originals: 1, copies: 0 }, { name: 'Sổ hộ khẩu', originals: 0, copies: 1 }],
      });
      expect(v.ok).toBe(true);
      if (v.ok) expect(v.data.componentsReceived).toEqual([{ code: 'c1', name: 'Tờ khai CT01', originals: 1, copies: 0 }, { code: null, name: 'Sổ hộ khẩu', originals: 0, copies: 1 }]);
    }
  });

  it('a negative or fractional count, or a nameless component, is INPUT_INVALID / INPUT_REQUIRED naming the field', () => {
    const bad = validateActionInput('receive', { componentsReceived: [{ name: 'Tờ khai', originals: -1, copies: 0.5 }] });
    expect(bad).toMatchObject({ ok: false, code: 'INPUT_INVALID', fields: ['componentsReceived'] });
    const nameless = validateActionInput('receive', { componentsReceived: [{ name: '  ', originals: 1, copies: 0 }] });
    expect(nameless).toMatchObject({ ok: false, code: 'INPUT_REQUIRED', fields: ['componentsReceived'] });
  });
});

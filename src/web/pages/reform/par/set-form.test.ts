import { describe, expect, it } from 'vitest';
import { CRITERIA_FORMAT, CRITERIA_FORMAT_VERSION, parseCriteriaSet, type ScoringMethod } from '../../../../core/reform/par/criteria-set.ts';
import { methodFromForm, methodToForm } from './set-form.ts';

describe('the set editor’s scoring-method form', () => {
  const methods: ScoringMethod[] = [
    { kind: 'yesno' },
    { kind: 'manual' },
    { kind: 'survey', group: 'citizens' },
    { kind: 'options', options: [{ key: 'A', points: 1.5, label: { vi: 'Ban hành đúng hạn' } }, { key: 'B', points: 0.75, label: { vi: 'Ban hành muộn | có lý do' } }] },
    { kind: 'rate', mapping: { kind: 'thresholds', thresholds: [{ min: 50, points: 0.5 }, { min: 95, points: 2 }] } },
    { kind: 'auto', metric: 'ON_TIME', mapping: { kind: 'linear', zeroAt: 0, fullAt: 100 } },
    { kind: 'number', unit: 'cuộc', mapping: { kind: 'thresholds', thresholds: [{ min: 1, points: 1 }] } },
  ];

  it.each(methods.map((m) => [m.kind, m] as const))('%s: form and back gives the same method', (_k, m) => {
    expect(methodFromForm(methodToForm(m))).toEqual({ ok: true, method: m });
  });

  it('shows decimals with a comma and reads either separator', () => {
    const f = methodToForm(methods[3]);
    expect(f.options).toBe('A | 1,5 | Ban hành đúng hạn\nB | 0,75 | Ban hành muộn | có lý do');
    expect(methodFromForm({ ...f, options: 'A | 1.25 | Có\nB | 0 | Không' })).toEqual({ ok: true, method: { kind: 'options', options: [{ key: 'A', points: 1.25, label: { vi: 'Có' } }, { key: 'B', points: 0, label: { vi: 'Không' } }] } });
  });

  it('names the first line that does not follow the pattern', () => {
    const f = methodToForm(methods[4]);
    expect(methodFromForm({ ...f, thresholds: '50 | 0,5\n95 điểm | 2' })).toEqual({ ok: false, line: 2 });
    expect(methodFromForm({ ...f, thresholds: '' })).toEqual({ ok: false, line: 1 });
    expect(methodFromForm({ ...methodToForm(methods[3]), options: 'A | 1' })).toEqual({ ok: false, line: 1 });
  });

  it('a method from the form is one the server’s validator accepts on a leaf', () => {
    for (const m of methods) {
      const r = methodFromForm(methodToForm(m));
      if (!r.ok) throw new Error('form rejected');
      const doc = { format: CRITERIA_FORMAT, version: CRITERIA_FORMAT_VERSION, code: 'T', year: 2026, unitType: 'commune', title: { vi: 'T' }, nodes: [{ code: '1', title: { vi: 'Tiêu chí' }, max: 2, method: r.method }] };
      expect(parseCriteriaSet(doc)).toMatchObject({ ok: true });
    }
  });
});

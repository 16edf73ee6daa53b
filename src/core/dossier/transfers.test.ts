// Parallel inter-agency transfers (issue 10 item 9): the dossier waits for every agency it was sent to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition, type Actor, type DossierSnapshot, type TransitionResult } from './machine.ts';
import { agencyKey, pendingAgencies } from './transfers.ts';

const spec: Actor = { userId: 'u-spec', roles: ['specialist'], unitId: 'unit-1' };
const inProcess: DossierSnapshot = {
  state: 'in_process',
  channel: 'desk',
  apologiesSent: 0,
  supplementRequests: 0,
  hasElectronicResult: false,
  paperResult: false,
  assigneeId: 'u-spec',
  version: 5,
};
const send = (agency: string) => ({ targetAgency: agency, task: `Ý kiến của ${agency}`, deadline: '2026-09-25' });
const ok = (r: TransitionResult) => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
};

describe('parallel transfers', () => {
  const tax = 'Chi cục Thuế khu vực Pleiku';
  const land = 'Văn phòng Đăng ký đất đai';
  const both = () => ok(transition(ok(transition(inProcess, 'transfer', spec, send(tax))).next, 'transfer', spec, send(land))).next;

  it('a dossier sent to two agencies waits for both', () => {
    const d = both();
    expect(d.state).toBe('inter_agency');
    expect(d.pendingAgencies).toEqual([tax, land]);
    const first = ok(transition(d, 'return_from_agency', spec, { fromAgency: tax }));
    expect(first.to).toBe('inter_agency');
    expect(first.stateChanged).toBe(false);
    expect(first.next.pendingAgencies).toEqual([land]);
    const second = ok(transition(first.next, 'return_from_agency', spec, { fromAgency: land }));
    expect(second.to).toBe('in_process');
    expect(second.next.pendingAgencies).toEqual([]);
  });

  it('an answer must name the agency while several are awaited, and only an awaited one', () => {
    const d = both();
    const unnamed = transition(d, 'return_from_agency', spec, {});
    expect(unnamed.ok === false && unnamed.code).toBe('INPUT_REQUIRED');
    const other = transition(d, 'return_from_agency', spec, { fromAgency: 'Sở Xây dựng' });
    expect(other.ok === false && other.code).toBe('AGENCY_NOT_PENDING');
    // Spelling differences (case, spaces, Unicode form) name the same agency.
    expect(ok(transition(d, 'return_from_agency', spec, { fromAgency: '  chi cục thuế   khu vực PLEIKU ' })).next.pendingAgencies).toEqual([land]);
  });

  it('sending again to an agency still awaited is refused', () => {
    const d = both();
    const again = transition(d, 'transfer', spec, send(tax.toUpperCase()));
    expect(again.ok === false && again.code).toBe('TRANSFER_ALREADY_PENDING');
  });

  it('going on without an agency needs a reason and is recorded as such', () => {
    const d = ok(transition(both(), 'return_from_agency', spec, { fromAgency: tax })).next;
    const noReason = transition(d, 'return_from_agency', spec, { fromAgency: land, proceedWithout: true });
    expect(noReason.ok).toBe(false);
    const go = ok(transition(d, 'return_from_agency', spec, { fromAgency: land, proceedWithout: true, reason: 'Quá hạn 05 ngày, đã có đủ căn cứ' }));
    expect(go.to).toBe('in_process');
    expect(go.data).toMatchObject({ proceedWithout: true, reason: 'Quá hạn 05 ngày, đã có đủ căn cứ' });
  });

  it('a single transfer is answered without naming the agency, as before', () => {
    const d = ok(transition(inProcess, 'transfer', spec, send(tax))).next;
    expect(ok(transition(d, 'return_from_agency', spec, {})).to).toBe('in_process');
  });

  it('history written before parallel transfers (no agency named) folds to nothing awaited', () => {
    expect(pendingAgencies([{ action: 'transfer', data: { targetAgency: tax } }, { action: 'transfer', data: { targetAgency: land } }, { action: 'return_from_agency', data: {} }])).toEqual([]);
  });

  it('property: the machine and the history fold agree, and the dossier is back in process exactly when nobody is awaited', () => {
    const agencies = ['A', 'B', 'C', 'D'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('transfer' as const), agency: fc.constantFrom(...agencies) }),
      fc.record({ kind: fc.constant('return' as const), agency: fc.option(fc.constantFrom(...agencies), { nil: undefined }), without: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let d = inProcess;
        const history: { action: string; data: Record<string, unknown> }[] = [];
        for (const s of steps) {
          const input =
            s.kind === 'transfer'
              ? send(s.agency)
              : { ...(s.agency !== undefined ? { fromAgency: s.agency } : {}), ...(s.without && s.agency !== undefined ? { proceedWithout: true, reason: 'Đủ căn cứ' } : {}) };
          const r = transition(d, s.kind === 'transfer' ? 'transfer' : 'return_from_agency', spec, input);
          if (!r.ok) {
            // Refusals are exactly the documented ones.
            expect(['ACTION_NOT_ALLOWED_IN_STATE', 'TRANSFER_ALREADY_PENDING', 'AGENCY_NOT_PENDING', 'INPUT_REQUIRED']).toContain(r.code);
            continue;
          }
          history.push({ action: r.action, data: r.data as Record<string, unknown> });
          d = r.next;
          const pending = d.pendingAgencies ?? [];
          expect(pendingAgencies(history)).toEqual(pending);
          expect(d.state).toBe(pending.length > 0 ? 'inter_agency' : 'in_process');
          expect(new Set(pending.map(agencyKey)).size).toBe(pending.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

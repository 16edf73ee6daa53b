import { describe, expect, it } from 'vitest';
import { DOSSIER_STATES, TERMINAL_STATES } from '../dossier/states.ts';
import { allowedActions, type DossierSnapshot } from '../dossier/machine.ts';
import { EXCEPTIONAL_ACTIONS, waitingFor } from '../dossier/rank.ts';
import { ROLES } from '../dossier/states.ts';
import { t, UI, type UiKey } from './ui.ts';

const snap = (state: DossierSnapshot['state']): DossierSnapshot => ({
  state,
  channel: 'desk',
  apologiesSent: 0,
  supplementRequests: 0,
  hasElectronicResult: false,
  paperResult: false,
  assigneeId: 'someone-else',
  version: 1,
});

describe('the actions panel strings', () => {
  it('every exceptional action has a Vietnamese confirmation question and its English text', () => {
    for (const a of EXCEPTIONAL_ACTIONS) {
      const key = `plan.confirm.${a}` as UiKey;
      expect(UI[key], a).toBeDefined();
      expect(t(key, 'vi')).toMatch(/^Xác nhận .+\?/);
      expect(t(key, 'en').length).toBeGreaterThan(10);
    }
  });

  it('every reason waitingFor can give, for any role in any state, is in the catalogue in both languages', () => {
    const seen = new Set<string>();
    for (const state of DOSSIER_STATES) {
      if (TERMINAL_STATES.has(state)) continue;
      for (const role of ROLES) {
        const actor = { userId: 'me', roles: [role], unitId: 'u' };
        const w = waitingFor(snap(state), actor, allowedActions(snap(state), actor).filter((a) => a !== 'propose' && a !== 'start_processing'));
        if (w) seen.add(w.reason);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(12);
    for (const reason of seen) {
      const key = `waiting.${reason}` as UiKey;
      expect(UI[key], reason).toBeDefined();
      expect(t(key, 'vi', { assignee: 'Nguyễn Văn B' })).not.toContain('{');
      expect(t(key, 'en', { assignee: 'Nguyễn Văn B' })).not.toContain('{');
    }
    expect(t('waiting.assignment', 'vi')).toBe('Hồ sơ đang chờ lãnh đạo phân công.');
    expect(t('waiting.approval', 'vi')).toContain('chờ lãnh đạo phê duyệt');
  });
});

import { describe, expect, it } from 'vitest';
import { PLAIN_ACTIONS, STATE_ADVICE } from './portal.ts';

describe('what the citizen reads matches what happened', () => {
  it('an approval is "phê duyệt": nothing claims a signature, because approving records no digital signature', () => {
    const texts = [...Object.values(PLAIN_ACTIONS), ...Object.values(STATE_ADVICE)].flatMap((l) => [l!.vi, l!.en]);
    for (const t of texts) {
      expect(t).not.toMatch(/ký duyệt|\bsigned\b|\bsignature\b/iu);
    }
    expect(PLAIN_ACTIONS.approve?.vi).toBe('Lãnh đạo đã phê duyệt');
    expect(STATE_ADVICE.awaiting_approval.vi).toContain('phê duyệt');
  });
});

import { describe, expect, it } from 'vitest';
import { followUpSummary, opensFollowUp, ratingDecision, ratingPolicyFor, RATING_POLICIES, secondFactorMatches, type RatingPolicy } from './rating.ts';

const at = (s: string) => new Date(s);
const eq = (a: string, b: string) => a === b;
const ready = { state: 'result_ready', finishedAt: at('2026-03-02T09:00:00+07:00'), returnedAt: null, alreadyRated: false };

describe('ratingDecision — one rule for every channel', () => {
  it('allows a rating once the result is ready or returned', () => {
    expect(ratingDecision(ready, at('2026-03-02T10:00:00+07:00')).ok).toBe(true);
    expect(ratingDecision({ ...ready, state: 'returned', returnedAt: at('2026-03-03T09:00:00+07:00') }, at('2027-03-03T09:00:00+07:00')).ok).toBe(true);
  });

  it('refuses before the result (not yet) and after a rating (once per dossier)', () => {
    for (const state of ['received', 'in_process', 'supplement_requested', 'awaiting_approval', 'approved', 'refused', 'withdrawn']) {
      const r = ratingDecision({ ...ready, state, finishedAt: null }, at('2026-03-02T10:00:00+07:00'));
      expect(r).toEqual({ ok: false, code: 'RATING_NOT_ALLOWED' });
    }
    expect(ratingDecision({ ...ready, alreadyRated: true }, at('2026-03-02T10:00:00+07:00'))).toEqual({ ok: false, code: 'ALREADY_RATED' });
    // Already rated wins over the state: the applicant is told it is done, not that it is too early.
    expect(ratingDecision({ ...ready, state: 'returned', alreadyRated: true }, at('2026-03-02T10:00:00+07:00')).ok).toBe(false);
  });

  it('the default policy has no time limit', () => {
    const p = ratingPolicyFor(at('2026-01-01T00:00:00Z'));
    expect(p.windowDays).toBeNull();
    expect(RATING_POLICIES.length).toBeGreaterThan(0);
  });

  it('a dated window applies to results issued from its first day, and closes the rating after it', () => {
    const policies: RatingPolicy[] = [...RATING_POLICIES, { id: 'province-2026', validFrom: '2026-03-01', windowDays: 30, source: 'test' }];
    const early = { ...ready, finishedAt: at('2026-02-27T09:00:00+07:00') };
    expect(ratingDecision(early, at('2026-12-01T09:00:00+07:00'), policies).ok).toBe(true); // issued before the window policy
    const r = ratingDecision(ready, at('2026-03-20T09:00:00+07:00'), policies);
    expect(r.ok && r.closesAt?.toISOString()).toBe(at('2026-04-01T09:00:00+07:00').toISOString());
    const late = ratingDecision(ready, at('2026-04-01T09:00:00+07:00'), policies);
    expect(late.ok).toBe(false);
    expect(!late.ok && late.code).toBe('RATING_WINDOW_CLOSED');
    // Policy boundary in Vietnam time: 00:30 on 1 March (VN) is 17:30 UTC on 28 February.
    expect(ratingPolicyFor(at('2026-02-28T17:30:00Z'), policies).id).toBe('province-2026');
    expect(ratingPolicyFor(at('2026-02-28T16:30:00Z'), policies).id).toBe('rating-2018');
  });
});

describe('follow-up and second factor', () => {
  it('only a dissatisfied rating opens a follow-up; the summary names the dossier, channel and reasons', () => {
    expect(opensFollowUp('dissatisfied')).toBe(true);
    expect(opensFollowUp('neutral')).toBe(false);
    expect(opensFollowUp('satisfied')).toBe(false);
    const s = followUpSummary('000.01.00.H21-260302-0001', ['Trả kết quả trễ hẹn'], 'kiosk');
    expect(s).toContain('000.01.00.H21-260302-0001');
    expect(s).toContain('máy đánh giá');
    expect(s).toContain('Trả kết quả trễ hẹn');
  });

  it('accepts the receipt secret (any case) or the full phone number, nothing shorter', () => {
    const d = { trackingSecret: 'ABCDEF123456', phone: '0905 111 222' };
    expect(secondFactorMatches(' abcdef123456 ', d, eq)).toBe(true);
    expect(secondFactorMatches('0905111222', d, eq)).toBe(true);
    expect(secondFactorMatches('0905.111.222', d, eq)).toBe(true);
    expect(secondFactorMatches('1222', d, eq)).toBe(false);
    expect(secondFactorMatches('', d, eq)).toBe(false);
    expect(secondFactorMatches('ABCDEF12345', d, eq)).toBe(false);
    expect(secondFactorMatches('0905111222', { ...d, phone: null }, eq)).toBe(false);
  });
});

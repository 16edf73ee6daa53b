import { describe, expect, it } from 'vitest';
import { faceAsksReasons, faceFromScore, faceScore, RATING_FACES } from './faces.ts';
import { RATING_VALUES } from './rating.ts';

describe('rating faces', () => {
  it('lists the three faces best first with Vietnamese labels', () => {
    expect(RATING_FACES.map((f) => f.vi)).toEqual(['Hài lòng', 'Bình thường', 'Không hài lòng']);
    const scores = RATING_FACES.map((f) => f.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(3);
  });
  it('maps every value to a score and back', () => {
    for (const v of RATING_VALUES) expect(faceFromScore(faceScore(v))).toBe(v);
    expect(faceFromScore(7)).toBeUndefined();
    expect(faceScore('satisfied')).toBeGreaterThan(faceScore('neutral'));
    expect(faceScore('neutral')).toBeGreaterThan(faceScore('dissatisfied'));
  });
  it('asks reasons only for the dissatisfied face', () => {
    expect(RATING_VALUES.filter(faceAsksReasons)).toEqual(['dissatisfied']);
  });
});

/**
 * Points are kept in hundredths of a point (integers) everywhere: a criteria set's maxima, a unit's scores and
 * every sum over them. Decimal numbers only appear at the edges (JSON in, JSON out), and percentages are rounded to
 * two decimals once, at the end, from the integer sums (never from binary floating sums).
 */

/** Hundredths of a point (an integer). */
export type Hundredths = number;

/** A decimal number with at most two decimals → hundredths; null when it has more decimals or is not finite. */
export function toHundredths(x: number): Hundredths | null {
  if (!Number.isFinite(x)) return null;
  const h = Math.round(x * 100);
  if (Math.abs(x * 100 - h) > 1e-6 * Math.max(1, Math.abs(h))) return null;
  return h === 0 ? 0 : h;
}

/** Hundredths → a JSON number with at most two decimals (12.5, 13.99). */
export function fromHundredths(h: Hundredths): number {
  return h / 100;
}

/** Hundredths → the decimal string of the contract ("13.99", "6.50", "-0.25"). */
export function hundredthsString(h: Hundredths): string {
  const sign = h < 0 ? '-' : '';
  const a = Math.abs(h);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * round(numerator ÷ denominator) for non-negative integers, half up, in integer arithmetic (exact while
 * 2·numerator + denominator stays below 2^53).
 */
export function divRound(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  if (numerator < 0) return -divRound(-numerator, denominator);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * points ÷ max × 100, in hundredths of a percent (7697 = 76.97 %), rounded half up once; null when max is 0.
 */
export function percentHundredths(points: Hundredths, max: Hundredths): number | null {
  if (max === 0) return null;
  return divRound(points * 10000, max);
}

/** A percentage in hundredths (7697) → 76.97. */
export function percentNumber(p: number | null): number | null {
  return p === null ? null : p / 100;
}

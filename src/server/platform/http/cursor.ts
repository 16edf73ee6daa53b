/**
 * Keyset cursors: the values of the ORDER BY columns of a page's last row, in order, as an opaque base64url token.
 * Every paged list encodes and decodes its cursor here, so a cursor holds exactly the columns its query orders by
 * (the caller names their kinds) and a forged or cut token is a 400 `VALIDATION_FAILED`, never a 500.
 */
import { AppError } from './errors.ts';

/** What one cursor column holds: a timestamp (ISO 8601 or PostgreSQL text; `'infinity'` only for `timestamp|infinity`), a uuid, an integer. */
export type CursorColumn = 'timestamp' | 'timestamp|infinity' | 'uuid' | 'int';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INT = /^-?\d{1,15}$/;

const valid: Record<CursorColumn, (v: string) => boolean> = {
  timestamp: (v) => TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v)),
  'timestamp|infinity': (v) => v === 'infinity' || (TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v))),
  uuid: (v) => UUID.test(v),
  int: (v) => INT.test(v),
};

export function encodeCursor(values: readonly (string | number | Date)[]): string {
  return Buffer.from(values.map((v) => (v instanceof Date ? v.toISOString() : String(v))).join('|')).toString('base64url');
}

/** The cursor's values, one per column kind, or 400 when the token is not a cursor of these columns. */
export function decodeCursor<const K extends readonly CursorColumn[]>(token: string, columns: K): { [I in keyof K]: string } {
  const values = Buffer.from(token, 'base64url').toString().split('|');
  if (values.length !== columns.length || !columns.every((c, i) => valid[c](values[i]!))) {
    throw new AppError('VALIDATION_FAILED', {}, { reason: 'bad cursor' });
  }
  return values as { [I in keyof K]: string };
}

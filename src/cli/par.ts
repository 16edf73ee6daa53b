/**
 * `motcua par score --input <file.json | ->`: scores a criteria tree with leaf points through the same core the
 * PAR rounds use (core/reform/par scoreInput). Pure: no database. Bad input → one line per problem naming the
 * node on stderr and exit code 1.
 */
import fs from 'node:fs';
import { scoreInput } from '../core/reform/par/index.ts';

export function parScore(file: string): { code: number; out: string; err: string } {
  let text: string;
  try {
    text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { code: 1, out: '', err: `error: cannot read ${file}: ${(e as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { code: 1, out: '', err: `error: ${file} is not valid JSON: ${(e as Error).message}` };
  }
  const r = scoreInput(json);
  if (!r.ok) return { code: 1, out: '', err: r.problems.map((p) => `error: ${p.message}`).join('\n') };
  return { code: 0, out: JSON.stringify(r.output, null, 2), err: '' };
}

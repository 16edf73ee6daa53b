/** Building search documents from catalog records (pure). */
import type { ProcedureRecord } from '../catalog/types.ts';
import { RANKING, type SearchDoc } from './engine.ts';

/** The parts of a catalog record the search reads (the server selects only these from the database). */
export type SearchSource = Pick<ProcedureRecord, 'code' | 'name' | 'field' | 'levels' | 'onlineLevel' | 'structured' | 'steps' | 'results'> & {
  text: Pick<NonNullable<ProcedureRecord['text']>, 'result'> | null;
};

/** Result text (index entries: the page's result; structured records: the result documents), then the steps. */
export function searchDocFromRecord(r: SearchSource): SearchDoc {
  const result = [r.text?.result ?? '', ...(r.results ?? []).map((x) => x.name)].filter(Boolean).join(' ');
  const text = `${result} ${r.steps ?? ''}`.slice(0, RANKING.textChars);
  return {
    code: r.code,
    name: r.name,
    fieldName: r.field?.name ?? null,
    levels: r.levels,
    onlineLevel: r.onlineLevel,
    structured: r.structured,
    text,
  };
}

/**
 * Ranked procedure search for the public portal. The index (core/search) is built in memory from the
 * procedures table on first use and rebuilt when the catalog changes: at most every 30 seconds (by the
 * context clock) a cheap probe (catalog repository `catalogStamp`: number of procedures, sum of versions) is compared with the one the index was built
 * from. Concurrent requests share one probe/rebuild. Filtering by agency goes through the publications table.
 */
import type { AppContext } from '../../platform/context.ts';
import { catalogStamp, publishedCodesOf, searchSources } from '../catalog/index.ts';
import { SearchIndex, searchDocFromRecord, type SearchDoc, type SearchSource } from '../../../core/search/index.ts';
import { foldVietnamese } from '../../../core/text/index.ts';
import type { ProcedureLevel, ProcedureRecord } from '../../../core/catalog/index.ts';

export const CATALOG_CHECK_INTERVAL_MS = 30_000;

export interface ProcedureSearchQuery {
  q: string;
  field?: string | undefined;
  level?: ProcedureLevel | undefined;
  agencyId?: string | undefined;
  limit: number;
}

export interface ProcedureSearchItem {
  code: string;
  name: string;
  fieldName: string | null;
  levels: string[];
  onlineLevel: string;
  structured: boolean;
  score: number;
}

export class ProcedureSearchService {
  private index: SearchIndex | null = null;
  private stamp: string | null = null;
  private checkedAt = 0;
  private pending: Promise<SearchIndex> | null = null;
  /** Number of index builds (for tests and logs). */
  builds = 0;

  constructor(private readonly ctx: AppContext) {}

  /** The current index; probes the catalog when the last probe is older than the interval. */
  async getIndex(): Promise<SearchIndex> {
    const now = this.ctx.now().getTime();
    if (this.index && Math.abs(now - this.checkedAt) < CATALOG_CHECK_INTERVAL_MS) return this.index;
    this.pending ??= this.refresh(now).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async refresh(now: number): Promise<SearchIndex> {
    const stamp = await catalogStamp(this.ctx.db);
    this.checkedAt = now;
    if (this.index && stamp === this.stamp) return this.index;
    const rows = await searchSources(this.ctx.db);
    const docs: SearchDoc[] = rows.map((r) => {
      const source: SearchSource = {
        code: r.code,
        name: r.name,
        field: r.fieldName ? { code: null, name: r.fieldName } : null,
        levels: r.levels as ProcedureLevel[],
        onlineLevel: r.onlineLevel as ProcedureRecord['onlineLevel'],
        structured: r.structured,
        steps: r.steps ?? '',
        results: Array.isArray(r.results) ? r.results : [],
        text: r.result === null ? null : { result: r.result },
      };
      return searchDocFromRecord(source);
    });
    this.index = new SearchIndex(docs);
    this.stamp = stamp;
    this.builds++;
    return this.index;
  }

  async search(q: ProcedureSearchQuery): Promise<ProcedureSearchItem[]> {
    const [index, allowed] = await Promise.all([this.getIndex(), q.agencyId ? publishedCodesOf(this.ctx.db, q.agencyId) : Promise.resolve(null)]);
    if (allowed && allowed.size === 0) return [];
    const field = q.field ? foldVietnamese(q.field) : null;
    const hits = index.search(q.q, {
      limit: q.limit,
      filter: (d) =>
        (!allowed || allowed.has(d.code)) &&
        (!q.level || d.levels.includes(q.level)) &&
        (!field || (d.fieldName !== null && foldVietnamese(d.fieldName) === field)),
    });
    return hits.map(({ doc, score }) => ({
      code: doc.code,
      name: doc.name,
      fieldName: doc.fieldName,
      levels: [...doc.levels],
      onlineLevel: doc.onlineLevel,
      structured: doc.structured,
      score: Math.round(score * 1000) / 1000,
    }));
  }
}

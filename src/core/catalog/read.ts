/** Small typed accessors over unknown JSON that throw CatalogParseError with the field path. Internal. */
import { CatalogParseError } from './errors.ts';

type Obj = Record<string, unknown>;

export class Reader {
  constructor(
    readonly value: unknown,
    readonly path: string,
    readonly ctx: { code: string | null },
  ) {}

  static root(value: unknown): Reader {
    return new Reader(value, '', { code: null });
  }

  fail(reason: string, path: string = this.path): never {
    throw new CatalogParseError(path, reason, this.ctx.code);
  }

  private childPath(key: string | number): string {
    if (typeof key === 'number') return `${this.path}[${key}]`;
    return this.path ? `${this.path}.${key}` : key;
  }

  obj(): Obj {
    const v = this.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(`expected an object, got ${describe(v)}`);
    return v as Obj;
  }

  /** Child reader (the object must be an object). */
  get(key: string): Reader {
    return new Reader(this.obj()[key], this.childPath(key), this.ctx);
  }

  has(key: string): boolean {
    const v = this.obj()[key];
    return v !== undefined && v !== null;
  }

  str(): string {
    if (typeof this.value !== 'string') this.fail(`expected a string, got ${describe(this.value)}`);
    return this.value;
  }

  /** Non-empty after trimming. */
  nonEmptyStr(): string {
    const s = this.str();
    if (s.trim() === '') this.fail('expected a non-empty string');
    return s;
  }

  /** string, or `fallback` when missing/null. */
  optStr(fallback = ''): string {
    if (this.value === undefined || this.value === null) return fallback;
    return this.str();
  }

  num(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail(`expected a number, got ${describe(this.value)}`);
    return this.value;
  }

  optNum(fallback: number): number {
    if (this.value === undefined || this.value === null) return fallback;
    return this.num();
  }

  nonNegNum(): number {
    const n = this.num();
    if (n < 0) this.fail(`expected a non-negative number, got ${n}`);
    return n;
  }

  optBool(fallback: boolean): boolean {
    if (this.value === undefined || this.value === null) return fallback;
    if (typeof this.value !== 'boolean') this.fail(`expected a boolean, got ${describe(this.value)}`);
    return this.value;
  }

  /** Items of an array; missing/null → [] when `optional`. */
  items(optional = false): Reader[] {
    const v = this.value;
    if ((v === undefined || v === null) && optional) return [];
    if (!Array.isArray(v)) this.fail(`expected an array, got ${describe(v)}`);
    return v.map((item, i) => new Reader(item, this.childPath(i), this.ctx));
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : typeof v;
}

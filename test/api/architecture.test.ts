/**
 * Module boundaries (ARCHITECTURE.md "Module boundaries"), checked on the source of src/server/modules:
 *
 *   sql         only a repository (`*.repository.ts`) or a schema file (`*.schema.ts`) uses drizzle's SQL
 *               builders (any value imported from `drizzle-orm`, or a `db`/`tx` `.select/.insert/.update/.delete/
 *               .execute/.query` call) or imports a table from a schema file;
 *   repository  a file imports only its own module's repository; another module's data is read through that
 *               module's service or index.ts.
 *
 * Today's violations that are not fixed yet are listed in ALLOWED with the reason. The list can only shrink: an
 * entry whose file no longer violates fails the test, so it must be removed with the fix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODULES = 'src/server/modules';

type Kind = 'sql' | 'repository';

interface Violation {
  file: string;
  line: number;
  kind: Kind;
  /** For `repository`: the imported repository file; for `sql`: what was found. */
  detail: string;
}

/**
 * Violations not fixed yet: `sql` entries are per file, `repository` entries per (file, imported repository).
 * Every entry gives its reason in one line.
 */
const M = MODULES + '/';
const ALLOWED: ReadonlyArray<{ file: string; kind: Kind; target?: string; reason: string }> = [
];

// ---------------------------------------------------------------------------------------------------------
// The scanner

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

/**
 * The code without comments and without the text of string and template literals (quotes kept, `${…}` code kept),
 * each blanked character replaced by a space and newlines kept: offsets and line numbers are the source's.
 */
export function blankText(src: string): string {
  const out = src.split('');
  let i = 0;
  const blank = (k: number) => {
    if (out[k] !== '\n') out[k] = ' ';
  };
  // Code until `stop` (a `}` closing a template's `${`) or the end; returns the index after the stop.
  const code = (stop: boolean): number => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i]!;
      const n = src[i + 1];
      if (c === '/' && n === '/') {
        while (i < src.length && src[i] !== '\n') blank(i++);
      } else if (c === '/' && n === '*') {
        while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) blank(i++);
        blank(i++);
        blank(i++);
      } else if (c === "'" || c === '"') {
        i++;
        while (i < src.length && src[i] !== c && src[i] !== '\n') {
          if (src[i] === '\\') blank(i++);
          blank(i++);
        }
        i++;
      } else if (c === '`') {
        i++;
        while (i < src.length && src[i] !== '`') {
          if (src[i] === '\\') {
            blank(i++);
            blank(i++);
          } else if (src[i] === '$' && src[i + 1] === '{') {
            i += 2;
            code(true);
          } else blank(i++);
        }
        i++;
      } else {
        if (c === '{') depth++;
        if (c === '}') {
          if (stop && depth === 0) return ++i;
          depth--;
        }
        i++;
      }
    }
    return i;
  };
  code(false);
  return out.join('');
}

export interface ImportStatement {
  /** The module specifier as written. */
  from: string;
  /** Names bound as values (type-only bindings left out); '*' for a namespace, 'default' for a default import. */
  values: string[];
  line: number;
}

/**
 * Import (and re-export) statements: `import … from '…'`, `import '…'`, `export … from '…'` and `import('…')`.
 * Anchored at the start of a statement, so the word "import" in a string or identifier is not one.
 */
export function parseImports(source: string): ImportStatement[] {
  const code = blankText(source);
  // Specifiers are blanked in `code`; read them from the source at the same offsets.
  const spec = (m: RegExpMatchArray, group: number) => {
    const [from, to] = m.indices![group]!;
    return source.slice(from, to).trim();
  };
  const lineOf = (offset: number) => code.slice(0, offset).split('\n').length;
  const out: ImportStatement[] = [];
  // The clause holds only names, braces, commas, `*` and `as`/`type`: a statement cannot run on into the next.
  const statement = /(?:^|[;\n}])[ \t]*(import|export)\s+(type\s+)?([\w$\s{},*]*?)\s*from\s*(['"])([^'"\n]*)\4/dg;
  for (const m of code.matchAll(statement)) {
    const [, , typeOnly, clause] = m;
    const at = m.index! + m[0].search(/import|export/);
    out.push({ from: spec(m, 5), values: typeOnly ? [] : bindings(clause!), line: lineOf(at) });
  }
  for (const m of code.matchAll(/(?:^|[;\n])[ \t]*import\s*(['"])([^'"\n]*)\1/dg)) {
    out.push({ from: spec(m, 2), values: ['(side effect)'], line: lineOf(m.index! + m[0].indexOf('import')) });
  }
  for (const m of code.matchAll(/\bimport\(\s*(['"])([^'"\n]*)\1\s*\)/dg)) {
    out.push({ from: spec(m, 2), values: ['*'], line: lineOf(m.index!) });
  }
  return out.sort((a, b) => a.line - b.line);
}

function bindings(clause: string): string[] {
  const values: string[] = [];
  const braces = clause.match(/\{([^}]*)\}/);
  const outside = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim();
  if (outside.startsWith('*')) values.push('*');
  else if (outside) values.push('default');
  if (braces) {
    for (const part of braces[1]!.split(',')) {
      const name = part.trim();
      if (!name || /^type\s/.test(name)) continue;
      values.push(name.split(/\s+as\s+/)[0]!.trim());
    }
  }
  return values;
}

const isRepository = (file: string) => file.endsWith('.repository.ts');
const isSchema = (file: string) => file.endsWith('.schema.ts');
/** A schema file: a module's `<module>.schema.ts` or the re-exporting `platform/db/schema.ts`. */
const isTableSource = (file: string) => isSchema(file) || file.endsWith('/platform/db/schema.ts');

/** The module a file belongs to: the nearest folder (from the file's own) holding a service, repository or routes. */
function moduleOf(file: string, all: Set<string>): string {
  let dir = posix.dirname(file);
  while (dir.startsWith(MODULES + '/')) {
    const here = [...all].some((f) => posix.dirname(f) === dir && /\.(service|repository|routes)\.ts$/.test(f));
    if (here) return dir;
    dir = posix.dirname(dir);
  }
  return posix.dirname(file);
}

const DB_CALL = /\b(?:ctx\.db|this\.db|db|tx|trx)\s*\.\s*(select|selectDistinct|insert|update|delete|execute|query)\b/g;

export function scan(files: Array<{ file: string; source: string }>): Violation[] {
  const all = new Set(files.map((f) => f.file));
  const out: Violation[] = [];
  for (const { file, source } of files) {
    const code = blankText(source);
    const own = moduleOf(file, all);
    const sqlAllowed = isRepository(file) || isSchema(file);
    for (const imp of parseImports(source)) {
      if (!imp.from.startsWith('.')) {
        if (!sqlAllowed && /^drizzle-orm(\/|$)/.test(imp.from) && imp.values.length > 0) {
          out.push({ file, line: imp.line, kind: 'sql', detail: `${imp.values.join(', ')} from '${imp.from}'` });
        }
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file), imp.from));
      if (!sqlAllowed && isTableSource(target) && imp.values.length > 0) {
        out.push({ file, line: imp.line, kind: 'sql', detail: `table ${imp.values.join(', ')} from '${imp.from}'` });
      }
      if (isRepository(target) && target.startsWith(MODULES + '/') && moduleOf(target, all) !== own) {
        out.push({ file, line: imp.line, kind: 'repository', detail: target });
      }
    }
    if (!sqlAllowed) {
      for (const m of code.matchAll(DB_CALL)) {
        out.push({ file, line: code.slice(0, m.index).split('\n').length, kind: 'sql', detail: m[0].replace(/\s+/g, '') });
      }
    }
  }
  return out;
}

function moduleSources() {
  return walk(join(ROOT, MODULES)).map((full) => ({
    file: relative(ROOT, full).split('\\').join('/'),
    source: readFileSync(full, 'utf8'),
  }));
}

const allowed = (v: Violation) =>
  ALLOWED.some((a) => a.file === v.file && a.kind === v.kind && (v.kind === 'sql' || a.target === v.detail));

// ---------------------------------------------------------------------------------------------------------

describe('module boundaries', () => {
  const violations = scan(moduleSources());

  it('SQL only in repositories; no other module\'s repository imported (except the allowlist)', () => {
    const found = violations.filter((v) => !allowed(v)).map((v) => `${v.file}:${v.line} ${v.kind}: ${v.detail}`);
    expect(found, 'move the SQL into the module\'s repository / read through the other module\'s service').toEqual([]);
  });

  it('the allowlist only shrinks: every entry still violates, and names an existing file', () => {
    const stale = ALLOWED.filter(
      (a) => !violations.some((v) => v.file === a.file && v.kind === a.kind && (a.kind === 'sql' || v.detail === a.target)),
    ).map((a) => `${a.file} ${a.kind}${a.target ? ' ' + a.target : ''}`);
    expect(stale, 'fixed: remove these entries from ALLOWED').toEqual([]);
    for (const a of ALLOWED) {
      expect(a.reason.trim().length, `${a.file}: give a reason`).toBeGreaterThan(10);
      expect(a.reason.includes('\n'), `${a.file}: one line`).toBe(false);
    }
  });
});

describe('the scanner', () => {
  const f = (file: string, source: string) => scan([{ file: `${MODULES}/${file}`, source }, { file: `${MODULES}/b/b.service.ts`, source: '' }, { file: `${MODULES}/a/a.service.ts`, source: '' }]);

  it('finds drizzle builders, tables and db calls in a service, with their lines', () => {
    const v = f('a/a.service.ts', [
      "import { AppError } from '../../platform/http/errors.ts';",
      "import { and, eq,",
      "  sql } from 'drizzle-orm';",
      "import { dossiers } from '../../platform/db/schema.ts';",
      'export const x = () => ctx.db',
      '  .select().from(dossiers);',
    ].join('\n'));
    expect(v.map((x) => [x.line, x.kind])).toEqual([[2, 'sql'], [4, 'sql'], [5, 'sql']]);
    expect(v[0]!.detail).toBe("and, eq, sql from 'drizzle-orm'");
  });

  it('leaves repositories, schema files, type-only imports, comments and strings alone', () => {
    expect(f('a/a.repository.ts', "import { sql } from 'drizzle-orm';\nimport { dossiers } from '../dossiers/dossiers.schema.ts';\ndb.select()")).toEqual([]);
    expect(f('a/a.schema.ts', "import { sql } from 'drizzle-orm';\nimport { id } from '../../platform/db/columns.ts';")).toEqual([]);
    expect(f('a/a.service.ts', [
      "import type { SQL } from 'drizzle-orm';",
      "import { type InferSelectModel } from 'drizzle-orm';",
      "// import { sql } from 'drizzle-orm'; db.select()",
      "/* tx.execute(sql`x`) */",
      "const s = 'db.select() and import { x } from \"../b/b.repository.ts\"';",
      "map.delete(key);",
    ].join('\n'))).toEqual([]);
  });

  it('finds another module\'s repository, not its own', () => {
    const v = f('a/a.service.ts', "import * as repo from './a.repository.ts';\nimport { findB } from '../b/b.repository.ts';\nexport { y } from '../b/b.repository.ts';\nconst z = await import('../b/b.repository.ts');");
    expect(v.map((x) => [x.line, x.kind, x.detail])).toEqual([
      [2, 'repository', `${MODULES}/b/b.repository.ts`],
      [3, 'repository', `${MODULES}/b/b.repository.ts`],
      [4, 'repository', `${MODULES}/b/b.repository.ts`],
    ]);
  });
});

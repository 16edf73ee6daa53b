/**
 * Size of the offline inspection bundle: every file the browser needs to open the visit route
 * (/kiem-tra-cchc/dot/:id) — the console's entry chunk and CSS with their static imports, the inspection routes
 * chunk and the visit page chunk (with theirs) — plus the service worker. Raw and gzip (level 9) per file and in
 * total, from the Vite manifest of a fresh production build (dist/web). Run:
 *
 *   npx tsx bench/inspection-bundle.ts            # builds first
 *   npx tsx bench/inspection-bundle.ts --no-build # measures the existing dist/web
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist/web');

interface Entry { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] }

if (!process.argv.includes('--no-build')) {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
const manifest = JSON.parse(fs.readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Entry>;
const files = new Map<string, string>(); // file → why
const walk = (key: string, why: string) => {
  const e = manifest[key];
  if (!e || files.has(e.file)) return;
  files.set(e.file, why);
  for (const c of e.css ?? []) if (!files.has(c)) files.set(c, `${why} (css)`);
  for (const i of e.imports ?? []) walk(i, `${why} → import`);
};
walk('index.html', 'entry');
const routes = Object.keys(manifest).find((k) => k.endsWith('inspections/InspectionRoutes.tsx'));
const visit = Object.keys(manifest).find((k) => k.endsWith('inspections/VisitPage.tsx'));
if (!routes || !visit) throw new Error('inspection chunks not found in the manifest');
walk(routes, 'inspection routes (lazy)');
walk(visit, 'visit page (lazy)');
files.set('sw.js', 'service worker');

const rows = [...files].map(([f, why]) => {
  const buf = fs.readFileSync(path.join(DIST, f));
  return { file: f, why, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
});
const kb = (n: number) => (n / 1024).toFixed(1);
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
const own = rows.filter((r) => /InspectionRoutes|VisitPage|sw\.js/.test(r.file)).reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log('| file | why | raw KiB | gzip KiB |\n|---|---|---:|---:|');
for (const r of rows) console.log(`| ${r.file.replace(/-[A-Za-z0-9_-]{8}\./, '-[hash].')} | ${r.why} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
console.log(`| **total (visit route + service worker)** | | **${kb(total.raw)}** | **${kb(total.gzip)}** |`);
console.log(`| of which inspection-only (routes + visit chunks + sw.js) | | ${kb(own.raw)} | ${kb(own.gzip)} |`);

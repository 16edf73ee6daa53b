#!/usr/bin/env node
// `npm test`: the whole suite on the embedded database (PGlite), then — when TEST_DATABASE_URL is set — the
// database and API tiers again on PostgreSQL. Ends with one summary line "N passed, N failed".
// Extra arguments are passed to Vitest (e.g. `npm test -- src/core`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { POPPLER_TOOLS, popplerTestFiles, summarise } from './gating.mjs';

const extra = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromium);
const runs = [{ name: 'PGlite (embedded): unit + web + db + api' + (hasChromium ? ' + browser (e2e)' : ''), env: { TEST_DATABASE_URL: '' }, args: hasChromium ? [] : ['--project', 'unit', '--project', 'web', '--project', 'db', '--project', 'api'] }];
const missingPoppler = POPPLER_TOOLS.filter((t) => spawnSync(t, ['-v'], { stdio: 'ignore' }).error);
const hasPoppler = missingPoppler.length === 0;
// Without poppler, every test file that calls one of its tools is left out — by name, loudly.
const popplerExcluded = hasPoppler ? [] : popplerTestFiles();
if (!hasPoppler) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n!! poppler-utils not found (${missingPoppler.join(', ')}): these ${popplerExcluded.length} PDF TEST FILES WILL NOT RUN:\n${popplerExcluded.map((f) => `!!   ${f}`).join('\n')}\n!! Install it (apt-get install poppler-utils). The rest of the suite runs now.\n${bar}\n`);
  if (process.env.CI) {
    console.error('[motcua] CI is set: missing poppler is a failure.');
    process.exitCode = 1;
  }
}
if (!hasChromium) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n!! Chromium not found at ${chromium}: the BROWSER TESTS (test/e2e) WILL NOT RUN.\n!! Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.\n!! The rest of the suite runs now.\n${bar}\n`);
  if (process.env.CI) {
    console.error('[motcua] CI is set: a missing browser is a failure.');
    process.exitCode = 1;
  }
}
if (process.env.TEST_DATABASE_URL) {
  runs.push({ name: `PostgreSQL (${process.env.TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//')}): db + api`, env: {}, args: ['--project', 'db', '--project', 'api'] });
} else {
  console.log('\n[motcua] TEST_DATABASE_URL is not set: the database suite runs on PGlite only. Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run it on PostgreSQL too; .ci/run does.\n');
}

let passed = 0;
let failed = 0;
let ok = true;
for (const run of runs) {
  console.log(`\n=== ${run.name} ===`);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-vitest-')), 'report.json');
  const env = { ...process.env, ...run.env };
  if (!env.TEST_DATABASE_URL) delete env.TEST_DATABASE_URL;
  const r = spawnSync('npx', ['vitest', 'run', ...run.args, ...popplerExcluded.flatMap((f) => ['--exclude', f]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], { stdio: 'inherit', env });
  if (!fs.existsSync(out)) {
    console.error(`[motcua] ${run.name}: Vitest produced no report (exit ${r.status})`);
    ok = false;
    failed += 1;
    continue;
  }
  const s = summarise(JSON.parse(fs.readFileSync(out, 'utf8')));
  passed += s.passed;
  failed += s.failed;
  for (const e of s.fileErrors) console.error(`[motcua] ${run.name}: test file failed to run (counted as 1 failed): ${e.file}\n    ${e.message}`);
  if (r.status !== 0 || s.failed > 0 || s.total === 0) ok = false;
  if (s.pending > 0) {
    console.error(`[motcua] ${run.name}: ${s.pending} skipped/todo tests — suites must run whole.`);
    ok = false;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 && !process.exitCode ? 0 : 1);

// What `npm test` runs and how it counts — pure functions, unit-tested in src/cli/gating.unit.test.ts.
import fs from 'node:fs';
import path from 'node:path';

/** The poppler tools a test may call (pdftotext for text, pdfinfo for page size, pdfsig as the independent verifier…). */
export const POPPLER_TOOLS = ['pdftotext', 'pdfinfo', 'pdfsig', 'pdftoppm', 'pdffonts', 'pdfimages'];
// A call names the tool as a string literal: execFileSync('pdftotext', …), spawnSync("pdfsig", …).
const POPPLER_RE = new RegExp(`['"\x60](${POPPLER_TOOLS.join('|')})['"\x60]`);

/** Whether a test file's source calls a poppler tool (it names the tool as a quoted string). */
export function needsPoppler(source) {
  return POPPLER_RE.test(source);
}

/** Every `*.test.ts` under the given roots (relative to cwd), sorted. */
export function listTestFiles(roots, cwd = process.cwd()) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(cwd, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.test.ts')) out.push(rel);
    }
  };
  for (const r of roots) walk(r);
  return out.sort();
}

/** The test files that cannot run without poppler. */
export function popplerTestFiles(roots = ['src', 'test'], cwd = process.cwd()) {
  return listTestFiles(roots, cwd).filter((f) => needsPoppler(fs.readFileSync(path.join(cwd, f), 'utf8')));
}

/**
 * Counts a Vitest JSON report. A file that fails to import (or throws in a hook) has status "failed" and no failed
 * assertion — Vitest does not count it in numFailedTests, and older versions do not emit numRuntimeErrorTestSuites —
 * so it is counted here as one failure per file.
 */
export function summarise(report) {
  const files = report.testResults ?? [];
  const fileErrors = files.filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + fileErrors.length,
    fileErrors: fileErrors.map((f) => ({ file: f.name, message: String(f.message ?? '').split('\n')[0] })),
    pending: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    total: report.numTotalTests ?? 0,
  };
}

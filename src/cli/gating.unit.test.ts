// `npm test`'s own rules (scripts/gating.mjs): which files need poppler, and how a report is counted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsPoppler, popplerTestFiles, summarise } from '../../scripts/gating.mjs';

// The tool names are spelled in pieces so that this file does not itself look like a poppler test.
const TEXT = 'pdf' + 'totext';
const SIG = 'pdf' + 'sig';
const INFO = 'pdf' + 'info';

describe('poppler gating', () => {
  it('recognises every poppler tool a test calls, and nothing else', () => {
    expect(needsPoppler(`execFileSync('${TEXT}', ['-layout', f, '-'])`)).toBe(true);
    expect(needsPoppler(`spawnSync("${SIG}", [file])`)).toBe(true);
    expect(needsPoppler(`execFileSync(\`${INFO}\`, [file])`)).toBe(true);
    expect(needsPoppler(`// the PDF is checked with ${TEXT} in the API tier`)).toBe(false);
    expect(needsPoppler("import { renderPdf } from './pdf.ts'; expect(pdf.subarray(0, 4).toString()).toBe('%PDF')")).toBe(false);
    expect(needsPoppler(`const tool = 'my${TEXT}'`)).toBe(false);
  });

  it('lists the test files that need poppler, from their source', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-gating-'));
    fs.mkdirSync(path.join(dir, 'src/a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/a/x.routes.test.ts'), `execFileSync('${TEXT}', [f])`);
    fs.writeFileSync(path.join(dir, 'src/a/y.routes.test.ts'), 'expect(1).toBe(1)');
    fs.writeFileSync(path.join(dir, 'src/a/z.ts'), `execFileSync('${TEXT}', [f])`);
    expect(popplerTestFiles(['src', 'test'], dir)).toEqual(['src/a/x.routes.test.ts']);
  });

  it('the real suite: the PDF test files are in the list (the slips, reform and Decree 30 document tests among them)', () => {
    const files = popplerTestFiles();
    for (const f of ['src/server/modules/slips/slips.routes.test.ts', 'src/server/modules/reform/reform.routes.test.ts', 'src/server/platform/pdf/administrative-document.io.test.ts']) expect(files).toContain(f);
    for (const f of files) expect(needsPoppler(fs.readFileSync(f, 'utf8'))).toBe(true);
  });
});

describe('report counting', () => {
  it('counts a test file that failed to import as one failure', () => {
    const s = summarise({
      numPassedTests: 5,
      numFailedTests: 1,
      numTotalTests: 6,
      testResults: [
        { name: '/r/a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
        { name: '/r/b.test.ts', status: 'failed', message: 'Failed to load url ./missing.ts\n  at …', assertionResults: [] },
        { name: '/r/c.test.ts', status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'passed' }] },
      ],
    });
    expect(s).toEqual({ passed: 5, failed: 2, fileErrors: [{ file: '/r/b.test.ts', message: 'Failed to load url ./missing.ts' }], pending: 0, total: 6 });
  });

  it('counts skipped and todo tests as pending', () => {
    expect(summarise({ numPassedTests: 1, numPendingTests: 2, numTodoTests: 1, numTotalTests: 4, testResults: [] }).pending).toBe(3);
  });
});

/**
 * Lighthouse on the citizen portal: starts the real server in-process on a temporary data dir (seeded demo
 * organisation, built web apps), creates one dossier for the tracking page, then audits with Debian's Chromium
 * (never a downloaded browser) using Lighthouse's defaults: mobile form factor, simulated throttling.
 *
 *   npx tsx bench/lighthouse.ts            # prints performance / accessibility / best-practices per page
 *   RUNS=3 npx tsx bench/lighthouse.ts     # median of 3 runs per page
 *   LH_REPORT_DIR=/tmp/lh npx tsx bench/lighthouse.ts   # also writes the HTML reports there
 *
 * CHROME_PATH overrides the browser (default /usr/bin/chromium). Results: bench/LIGHTHOUSE.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureWebBuilt } from '../src/server/platform/http/web.ts';
import { ApiClient, createSeededEnv, startHttp, TestClock } from '../test/support/harness.ts';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const RUNS = Math.max(1, Number(process.env.RUNS ?? 1));
const REPORT_DIR = process.env.LH_REPORT_DIR;

type Scores = Record<(typeof CATEGORIES)[number], number>;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function main() {
  if (!fs.existsSync(CHROME_PATH)) throw new Error(`No Chromium at ${CHROME_PATH} (set CHROME_PATH). This script never downloads a browser.`);
  await ensureWebBuilt(() => {});
  const env = await createSeededEnv(new TestClock(new Date()));
  const http = await startHttp(env);
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    const desk = await new ApiClient(http.base).login('pleiku.motcua');
    const agencies = await desk.get('/api/agencies?limit=1000');
    const pleiku = agencies.body.items.find((a: { code: string }) => a.code === '000.01.00.H21');
    const d = await desk.post(
      '/api/dossiers',
      { agencyId: pleiku.id, procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Lâm Thị Thu', idNumber: '052190001122', phone: '0905111222' } },
      { 'idempotency-key': `lighthouse-${Date.now()}` },
    );
    if (d.status !== 201) throw new Error(`dossier: ${JSON.stringify(d.body)}`);

    const pages = [
      { name: 'procedure', url: `${http.base}/dich-vu-cong/thu-tuc/1.010038` },
      { name: 'tracking', url: `${http.base}/dich-vu-cong/tra-cuu?code=${encodeURIComponent(d.body.code)}&secret=${encodeURIComponent(d.body.trackingSecret)}` },
    ];

    chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
    console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} · ${CHROME_PATH} · mobile, simulated throttling · ${RUNS} run(s) per page`);
    const rows: { name: string; path: string; scores: Scores; metrics: Record<string, string> }[] = [];
    for (const p of pages) {
      const runs: Scores[] = [];
      let metrics: Record<string, string> = {};
      for (let i = 0; i < RUNS; i++) {
        const r = await lighthouse(p.url, { port: chrome.port, output: REPORT_DIR ? 'html' : 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!r) throw new Error(`no result for ${p.url}`);
        const lhr = r.lhr;
        if (lhr.runtimeError) throw new Error(`${p.name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        runs.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores);
        metrics = Object.fromEntries(
          ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((k) => [k, lhr.audits[k]?.displayValue ?? '']),
        );
        for (const c of CATEGORIES) {
          const failing = lhr.categories[c]?.auditRefs
            .filter((a) => a.weight > 0 && (lhr.audits[a.id]?.score ?? 1) < 0.9 && lhr.audits[a.id]?.scoreDisplayMode !== 'notApplicable')
            .map((a) => `${a.id} (${lhr.audits[a.id]?.displayValue || lhr.audits[a.id]?.score})`);
          if (failing?.length && i === RUNS - 1) console.log(`  ${p.name} · ${c}: below 0.9 → ${failing.join(', ')}`);
        }
        if (i === RUNS - 1) {
          // What to fix: opportunities with savings, and the elements that shifted.
          const opp = Object.values(lhr.audits)
            .filter((a) => a.details?.type === 'opportunity' && ((a.details as { overallSavingsMs?: number }).overallSavingsMs ?? 0) > 0)
            .map((a) => `${a.id} (${a.displayValue ?? ''})`);
          if (opp.length) console.log(`  ${p.name} · opportunities: ${opp.join(', ')}`);
          const shifts = (lhr.audits['layout-shifts']?.details as { items?: { node?: { snippet?: string; selector?: string }; score?: number }[] } | undefined)?.items ?? [];
          for (const it of shifts.slice(0, 3)) console.log(`  ${p.name} · layout shift ${it.score?.toFixed(3)}: ${it.node?.selector ?? ''} ${it.node?.snippet?.slice(0, 100) ?? ''}`);
        }
        if (REPORT_DIR && typeof r.report === 'string') {
          fs.mkdirSync(REPORT_DIR, { recursive: true });
          fs.writeFileSync(path.join(REPORT_DIR, `${p.name}-${i + 1}.html`), r.report);
        }
      }
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((s) => s[c]))])) as Scores;
      rows.push({ name: p.name, path: new URL(p.url).pathname + (p.name === 'tracking' ? '?code=…&secret=…' : ''), scores, metrics });
    }

    console.log('\n| Page | Performance | Accessibility | Best practices | FCP | LCP | TBT | CLS |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const m = r.metrics;
      console.log(
        `| ${r.name} \`${r.path}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${m['first-contentful-paint']} | ${m['largest-contentful-paint']} | ${m['total-blocking-time']} | ${m['cumulative-layout-shift']} |`,
      );
    }
  } finally {
    chrome?.kill();
    await http.close();
    await env.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

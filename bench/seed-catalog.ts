/**
 * Seed time of the catalog: the public index imported (parsed into structured records, each with its version
 * row), the national records, and — with --ward — the demo ward's reviews and publications. In-memory PGlite
 * (the embedded database `npm start` uses), one run per invocation.
 *
 *   npx tsx bench/seed-catalog.ts           # index + national records
 *   npx tsx bench/seed-catalog.ts --ward    # + seedWardCatalog (reviews, Phường Pleiku's publications)
 */
import { createSeededEnv, TestClock } from '../test/support/harness.ts';
import { seedCatalog, seedWardCatalog } from '../src/server/seed/demo.ts';

const env = await createSeededEnv(new TestClock(new Date('2026-03-02T09:00:00+07:00')));
const t0 = performance.now();
await seedCatalog(env.ctx);
const t1 = performance.now();
console.log(`seedCatalog (2,642 index entries + 26 national records): ${((t1 - t0) / 1000).toFixed(1)} s`);
if (process.argv.includes('--ward')) {
  const pleiku = (await env.ctx.services.units.listAgencies({ limit: 1000 })).find((a) => a.code === '000.01.00.H21')!;
  const out = await seedWardCatalog(env.ctx, pleiku.id);
  console.log(`seedWardCatalog: ${((performance.now() - t1) / 1000).toFixed(1)} s — ${out.reviewed.length} reviewed, ${out.published} published, ${out.waitingReview} waiting for review`);
}
await env.close();

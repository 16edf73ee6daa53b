import { computeNewMoons, computeMajorTerms } from './gen-lunar-table.ts';
const vn = (d: Date) => new Date(d.getTime()+7*3600e3).toISOString().replace('Z','+07:00');
const near = (d: Date) => { const ms = (((d.getTime()+7*3600e3) % 86400000)+86400000)%86400000; return Math.min(ms, 86400000-ms) < 10*60e3; };
for (const n of computeNewMoons(new Date('1900-01-01'), new Date('2101-01-01'))) if (near(n.at)) console.log('nm', vn(n.at));
for (const t of computeMajorTerms(1900, 2100)) if (near(t.at)) console.log('term', t.lon, vn(t.at));

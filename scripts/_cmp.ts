import { hndSolarToLunar } from '../src/core/calendar/hnd-reference.ts';
import { solarToLunar } from '../src/core/calendar/lunar.ts';
import { daysFromCivil, fromEpochDay, civilFromDays } from '../src/core/calendar/dates.ts';
const out: string[] = [];
for (let e = daysFromCivil(1900,1,1); e <= daysFromCivil(2100,12,31); e++) {
  const d = fromEpochDay(e); const c = civilFromDays(e);
  const a = solarToLunar(d); const [hd, hm, hy, hl] = hndSolarToLunar(c.day, c.month, c.year);
  if (a.day !== hd || a.month !== hm || a.year !== hy || a.leap !== (hl === 1)) out.push(`${d} table ${a.day}/${a.month}${a.leap?'N':''}/${a.year} hnd ${hd}/${hm}${hl?'N':''}/${hy}`);
}
console.log(out.length); console.log(out.join('\n'));

import { SearchMoonPhase, SearchSunLongitude, MakeTime } from 'astronomy-engine';
const vn = (d: Date) => new Date(d.getTime()+7*3600e3).toISOString().replace('Z','+07:00');
for (const [s,lon] of [['1938-08-15',150],['1938-09-15',180],['1938-07-15',120],['1938-10-15',210]] as const) {
  const t = SearchSunLongitude(lon, MakeTime(new Date(s+'T00:00:00Z')), 40)!; console.log('term', lon, vn(t.date));
}
for (const s of ['1938-08-20','1938-09-20','1938-10-20','2072-12-05','2085-10-14','2054-05-01','2062-04-03']) {
  const t = SearchMoonPhase(0, MakeTime(new Date(s+'T00:00:00Z')), 40)!; console.log('nm', s, vn(t.date));
}

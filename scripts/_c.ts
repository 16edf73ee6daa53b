import * as C from '../src/core/calendar/index.ts';
const cal = C.createWorkCalendar(C.DEFAULT_CALENDAR_POLICIES, []);
for (const y of [2028,2029,2032,2033]) console.log(y, C.weekdayNameVi(C.isoWeekday(`${y}-09-02`)), cal.holidaysOfYear(y).filter(h=>h.date>=`${y}-08-01`).map(h=>h.date+' '+h.reason).join(' | '));
let n=0; for (let y=2014;y<=2100;y++){ const r=C.ruleHolidaysOfYear(y, C.POLICY_LABOUR_CODE_2019); if (r.some(x=>x.reason.includes(';'))) console.log('collide',y); n+=r.length;} console.log(n);

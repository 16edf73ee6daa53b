import * as C from '../src/core/calendar/index.ts';
const cal = C.createWorkCalendar(C.DEFAULT_CALENDAR_POLICIES, []);
for (const y of [2021,2022,2023,2024,2025,2026,2027,2019,2020]) console.log(y, cal.holidaysOfYear(y).map(h => `${h.date}(${C.weekdayNameVi(C.isoWeekday(h.date))}) ${h.source} ${h.reason}`).join('\n   '));
const r = (s: string) => C.parseIsoWithOffset(s);
console.log(C.formatVnIso(C.computeDueAt(r('2026-02-13T10:00:00+07:00'), {amount: 3, unit:'working_days'}, cal)));

import * as C from '../src/core/calendar/index.ts';
const ys=[1900,1945,1954,1968,1975,1985,2000,2001,2004,2006,2007,2008,2009,2010,2011,2012,2013,2014,2015,2016,2017,2018,2019,2020,2021,2022,2023,2024,2025,2026,2027,2028,2029,2030,2031,2033,2036,2050,2100];
for (const y of ys) console.log(y, C.tetOf(y), C.leapMonthOf(y), C.lunarYearName(y));
console.log(C.leapMonthOf(1984), C.leapMonthOf(1899));
console.log(C.solarToLunar('2100-12-31'), C.solarToLunar('1900-01-01'));

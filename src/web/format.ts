/** Display formats (Vietnam time, UTC+7, whatever the browser's zone) and the remaining-time computation. */
import { createWorkCalendar, DEFAULT_CALENDAR_POLICIES, toLocalDate } from '../core/calendar/index.ts';
import type { Lang } from '../core/i18n/ui.ts';
import { t } from '../core/i18n/ui.ts';

const TZ = 'Asia/Ho_Chi_Minh';

function locale(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

export function fmtDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

export function fmtDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00+07:00`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

export function fmtMoney(amount: number, lang: Lang): string {
  return t('common.vnd', lang, { amount: new Intl.NumberFormat(locale(lang)).format(amount) });
}

export function fmtLimit(limit: { amount: number; unit: string } | null | undefined, lang: Lang): string {
  if (!limit) return t('unit.none', lang);
  switch (limit.unit) {
    case 'working_days':
      return t('unit.working_days', lang, { n: limit.amount });
    case 'days':
      return t('unit.days', lang, { n: limit.amount });
    case 'hours':
      return t('unit.hours', lang, { n: limit.amount });
    case 'same_day':
      return t('unit.same_day', lang);
    default:
      return `${limit.amount} ${limit.unit}`;
  }
}

/** Today's date in Vietnam, YYYY-MM-DD. */
export function todayVn(now = new Date()): string {
  return toLocalDate(now);
}

let calendar: ReturnType<typeof createWorkCalendar> | null = null;

/** The default working calendar (rules only; official overrides are applied by the server's own timing). */
export function workCalendar() {
  calendar ??= createWorkCalendar(DEFAULT_CALENDAR_POLICIES, []);
  return calendar;
}

/** Working days from today to the due date: positive = left, 0 = due today, negative = over. */
export function workingDaysLeft(dueAt: string | null, now = new Date()): number | null {
  if (!dueAt) return null;
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return null;
  try {
    return workCalendar().workingDaysBetween(toLocalDate(now), toLocalDate(due));
  } catch {
    return null;
  }
}

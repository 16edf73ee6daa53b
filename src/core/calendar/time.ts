/**
 * Instants (JS Date) ⇄ Vietnam local time. Vietnam uses UTC+7 all year (no daylight saving since 1975), so the
 * conversion is a fixed offset and needs no time-zone database (browser-safe, deterministic).
 */
import type { LocalDate, LocalTime } from './types.ts';
import { fromEpochDay, toEpochDay } from './dates.ts';

export const VN_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const MS_PER_DAY = 86_400_000;

function checkInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError('Invalid Date');
  return t;
}

/** The Vietnamese civil date of an instant. */
export function toLocalDate(instant: Date): LocalDate {
  return fromEpochDay(Math.floor((checkInstant(instant) + OFFSET_MS) / MS_PER_DAY));
}

/** Minutes since local midnight (0..1439, fractional part = seconds/ms) of an instant in Vietnam. */
export function localMinutesOfDay(instant: Date): number {
  const ms = (((checkInstant(instant) + OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return ms / 60_000;
}

/** 'HH:MM' of an instant in Vietnam (truncated to the minute). */
export function toLocalTime(instant: Date): LocalTime {
  const m = Math.floor(localMinutesOfDay(instant));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Parses 'HH:MM' or 'HH:MM:SS' (00:00..23:59:59; '24:00' allowed = end of day) into minutes since midnight. */
export function parseLocalTime(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(hhmm);
  if (!m) throw new RangeError(`Invalid local time '${hhmm}' (expected HH:MM or HH:MM:SS)`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (min > 59 || s > 59 || h > 24 || (h === 24 && (min > 0 || s > 0))) {
    throw new RangeError(`Invalid local time '${hhmm}'`);
  }
  return h * 60 + min + s / 60;
}

/** The instant of a Vietnamese wall-clock time on a civil date. */
export function localDateTimeToInstant(d: LocalDate, hhmm: string): Date {
  return localMinutesToInstant(d, parseLocalTime(hhmm));
}

/** The instant `minutes` after local midnight of `d` (minutes may be fractional). */
export function localMinutesToInstant(d: LocalDate, minutes: number): Date {
  return new Date(toEpochDay(d) * MS_PER_DAY + Math.round(minutes * 60_000) - OFFSET_MS);
}

/** ISO 8601 in Vietnam time: '2026-02-24T17:00:00+07:00' (milliseconds only when non-zero). */
export function formatVnIso(instant: Date): string {
  const t = checkInstant(instant) + OFFSET_MS;
  const iso = new Date(t).toISOString(); // 'YYYY-MM-DDTHH:MM:SS.sssZ' shifted to local
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 19)}${ms === '000' ? '' : `.${ms}`}+07:00`;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses an ISO 8601 date-time that carries an explicit offset ('Z' or ±HH:MM). Strings without an offset are
 * rejected (RangeError): a bare local time is ambiguous across server, CLI and browser time zones.
 */
export function parseIsoWithOffset(s: string): Date {
  const m = ISO_WITH_OFFSET.exec(s);
  if (!m) throw new RangeError(`Invalid ISO date-time with offset: '${s}'`);
  const [, y, mo, d, h, mi, sec, frac, zone, oh, om] = m;
  const month = Number(mo);
  const hour = Number(h);
  const minute = Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`Invalid ISO date-time: '${s}'`);
  }
  let epochDay: number;
  try {
    epochDay = toEpochDay(`${y}-${mo}-${d}`);
  } catch {
    throw new RangeError(`Invalid ISO date-time: '${s}'`);
  }
  let offsetMin = 0;
  if (zone !== 'Z') {
    const oH = Number(oh);
    const oM = Number(om);
    if (oH > 14 || oM > 59) throw new RangeError(`Invalid offset in '${s}'`);
    offsetMin = (zone?.startsWith('-') ? -1 : 1) * (oH * 60 + oM);
  }
  return new Date(epochDay * MS_PER_DAY + ((hour * 60 + minute - offsetMin) * 60 + second) * 1000 + ms);
}

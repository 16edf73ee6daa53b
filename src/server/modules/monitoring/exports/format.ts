/**
 * Shared helpers of the service-index exports: number and date formatting per language, labels of statuses and
 * rules, the group names of a rankings table (Rankings carries group codes only).
 */
import { BUILTIN_PROFILES, PORTAL_2025, type IndicatorScore, type Rankings } from '../../../../core/service-index/index.ts';
import { MONTHS_EN, tx } from '../../../../core/i18n/exports-monitoring.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as people read it: vi `1.234,56`, en `1,234.56` (at most `digits` decimals, trailing zeros dropped). */
export function fmtNum(n: number | null | undefined, lang: Lang, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return f.format(n);
}

/** A signed difference: +1,5 / −2 / 0. */
export function fmtDelta(n: number | null, lang: Lang): string {
  if (n === null || !Number.isFinite(n)) return '—';
  if (n === 0) return fmtNum(0, lang);
  return `${n > 0 ? '+' : '−'}${fmtNum(Math.abs(n), lang)}`;
}

/** A rate in percent (already ×100): `96,34%`. */
export function fmtRate(rate: number | null, lang: Lang): string {
  return rate === null ? '—' : `${fmtNum(rate, lang)}%`;
}

/** `YYYY-MM-DD…` → `dd/mm/yyyy` (both languages: the official form). */
export function fmtDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** `YYYY-MM-DD…` → an Excel date (a Date at UTC midnight: Excel dates have no time zone). */
export function excelDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Short month of a month period starting on `from`: vi `T3`, en `Mar`. */
export function monthShort(from: string, lang: Lang): string {
  const m = Number(from.slice(5, 7));
  return tx('xm.trend.monthShort', lang, { m, mon: MONTHS_EN[m - 1] });
}

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

export function statusLabel(s: IndicatorScore['status'], lang: Lang): string {
  return tx(`xm.status.${s}`, lang);
}

export function ruleLabel(rule: IndicatorScore['rule'], lang: Lang): string {
  if (rule.kind === 'threshold') return tx('xm.rule.threshold', lang, { t: fmtNum(rule.threshold, lang) });
  return tx(`xm.rule.${rule.kind}`, lang);
}

export interface GroupColumn {
  code: string;
  name: string;
}

/**
 * The group columns of a rankings table, in the profile's order: names from the built-in profile of that id,
 * else from the portal profile (it has every current group code), else the code itself.
 */
export function rankingGroups(r: Rankings, lang: Lang): GroupColumn[] {
  const profile = BUILTIN_PROFILES.find((p) => p.id === r.profile.id);
  const known = new Map([...PORTAL_2025.groups, ...(profile?.groups ?? [])].map((g) => [g.code, g.name[lang]]));
  const codes: string[] = profile ? profile.groups.map((g) => g.code) : [];
  for (const row of r.rows) for (const c of Object.keys(row.groups)) if (!codes.includes(c)) codes.push(c);
  // Only columns some row has (a profile's group no row carries is left out), profile order first.
  const present = new Set(r.rows.flatMap((row) => Object.keys(row.groups)));
  return codes.filter((c) => present.has(c) || r.rows.length === 0).map((code) => ({ code, name: known.get(code) ?? code }));
}

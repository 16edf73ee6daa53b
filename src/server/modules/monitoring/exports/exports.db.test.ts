/**
 * Service-index exports: the dashboard and rankings workbooks and PDF reports, generated from figures scored by
 * the pure core (scoreMetrics on the portal-2025 profile) — no database needed. The workbooks are reopened with
 * exceljs and read at the cells dashboard-xlsx.ts / rankings-xlsx.ts document; the PDFs are read back with
 * poppler (`pdftotext`, `pdffonts`, `pdfinfo`) as a reader would see them; the chart SVGs are checked for their
 * values and for print in black and white.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  indicatorsOf,
  monthsOfYearUntil,
  PORTAL_2025,
  previousPeriod,
  resolvePeriod,
  scoreMetrics,
  type IndexDashboard,
  type IndexResult,
  type IndicatorScore,
  type MetricCount,
  type Rankings,
  type RankingRow,
} from '../../../../core/service-index/index.ts';
import { EXPORTS_MONITORING } from '../../../../core/i18n/exports-monitoring.ts';
import { groupBarsSvg, rankingBarsSvg, spreadLabels, trendSvg } from './charts.ts';
import { DASHBOARD_XLSX, renderDashboardPdf, renderDashboardXlsx, renderRankingsPdf, renderRankingsXlsx, RANKINGS_XLSX } from './index.ts';
import { UNITS_PER_CHART } from './rankings-pdf.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-exports-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// ---- fixtures: counts from a seeded generator, scored by the core ----

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Counts for every indicator but one external one (not imported: no data), one with an empty denominator; all
 * below 1000.
 */
function countsFor(seed: number): MetricCount[] {
  const r = rng(seed);
  const skip = PORTAL_2025.indicators.find((i) => i.source === 'external')!.code;
  return PORTAL_2025.indicators
    .filter((i) => i.code !== skip)
    .map((i, n) => {
      if (n === 2) return { code: i.code, numerator: 0, denominator: 0 };
      const denominator = 20 + Math.floor(r() * 900);
      return { code: i.code, numerator: Math.floor(r() * (denominator + 1)), denominator };
    });
}

const groupsOf = (r: IndexResult) => Object.fromEntries(r.groups.map((g) => [g.code, g.score]));

function dashboard(seed = 7, months = true): IndexDashboard {
  const period = resolvePeriod({ kind: 'quarter', year: 2026, index: 1 });
  const result = scoreMetrics(PORTAL_2025, countsFor(seed));
  const prev = scoreMetrics(PORTAL_2025, countsFor(seed + 100));
  const trend = months
    ? monthsOfYearUntil(period, '2026-03-31').map((p, k) => {
        const m = scoreMetrics(PORTAL_2025, countsFor(seed + 10 + k));
        return { period: p, total: m.total, scaled: m.scaled, groups: groupsOf(m) };
      })
    : [];
  const g = rng(seed);
  const figures = () => {
    const received = 100 + Math.floor(g() * 800);
    const finished = Math.floor(received * 0.8);
    return { received, finished, finishedOnTime: finished - 3, openAtEnd: received - finished, lateOpenAtEnd: 2, averageProcessingDays: Math.round(g() * 1000) / 100 };
  };
  return {
    agency: { id: crypto.randomUUID(), code: '000.01.00.H21', name: 'Ủy ban nhân dân Phường Pleiku' },
    period,
    judgedOn: '2026-03-31',
    profile: { id: PORTAL_2025.id, name: PORTAL_2025.name },
    result,
    figures: figures(),
    previous: { period: previousPeriod(period), result: prev, figures: figures() },
    trend,
    importedCodes: [],
  };
}

const UNIT_NAMES = ['Phường Pleiku', 'Phường Diên Hồng', 'Phường Hội Phú', 'Phường Quy Nhơn', 'Xã Ia Grai', 'Xã Đăk Đoa', 'Xã Chư Sê', 'Xã Kbang'];

function rankings(n = UNIT_NAMES.length, minDossiers = 5): Rankings {
  const rows: RankingRow[] = Array.from({ length: n }, (_, i) => {
    const r = scoreMetrics(PORTAL_2025, countsFor(1000 + i));
    const received = i % 5 === 4 ? minDossiers - 1 : 30 + ((i * 37) % 400);
    return {
      agency: { id: crypto.randomUUID(), code: `000.${String(i + 1).padStart(2, '0')}.00.H21`, name: `Ủy ban nhân dân ${UNIT_NAMES[i % UNIT_NAMES.length]}${i >= UNIT_NAMES.length ? ` ${i}` : ''}` },
      received,
      eligible: received >= minDossiers,
      rank: null,
      total: r.total,
      scaled: r.scaled,
      band: { code: r.band.code, label: r.band.label },
      groups: groupsOf(r),
    };
  });
  rows.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.total - a.total);
  let rank = 0;
  for (const r of rows) if (r.eligible) r.rank = ++rank;
  return {
    parent: { id: crypto.randomUUID(), code: '000.00.00.H21', name: 'Ủy ban nhân dân tỉnh Gia Lai' },
    period: resolvePeriod({ kind: 'year', year: 2026 }),
    profile: { id: PORTAL_2025.id, name: PORTAL_2025.name },
    minDossiers,
    rows,
  };
}

// ---- readers ----

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const poppler = (tool: string, args: string[]) => execFileSync(tool, args).toString('utf8').normalize('NFC');

function pdf(buf: Buffer, name: string) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, buf);
  const layout = poppler('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  // Content-stream order: a table cell's wrapped lines stay together.
  const raw = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  return {
    layout,
    squashed: raw.replace(/\s+/g, ''),
    pages: Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))![1]),
    fonts: poppler('pdffonts', [file]),
  };
}

/** Numbers as the Vietnamese report writes them (below 1000): decimal comma. */
const vi = (n: number) => String(n).replace('.', ',');
const squash = (s: string) => s.replace(/\s+/g, '');
const cellNumber = (ws: ExcelJS.Worksheet, addr: string) => {
  const v = ws.getCell(addr).value;
  return v === null || v === undefined ? null : v;
};

/** Points are written for indicators that score (not for no data, not applicable, tracking only). */
const hasPoints = (i: IndicatorScore) => !['no_data', 'not_applicable', 'tracking'].includes(i.status);

/** Every visible fill/stroke colour of an SVG is a grey (r = g = b). */
function visibleColours(svg: string): string[] {
  const out: string[] = [];
  for (const tag of svg.match(/<(path|rect|text|circle|polyline|polygon|line)\b[^>]*>/g) ?? []) {
    const attr = (n: string) => new RegExp(`\\s${n}="([^"]*)"`).exec(tag)?.[1];
    const fill = attr('fill');
    if (fill && fill !== 'none' && !fill.startsWith('url(') && attr('fill-opacity') !== '0') out.push(fill);
    const stroke = attr('stroke');
    if (stroke && stroke !== 'none' && attr('stroke-width') !== '0') out.push(stroke);
  }
  return out;
}
function isGrey(c: string): boolean {
  let rgb: number[];
  if (/^#[0-9a-f]{6}$/i.test(c)) rgb = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  else if (/^#[0-9a-f]{3}$/i.test(c)) rgb = [1, 2, 3].map((i) => parseInt(c[i]! + c[i]!, 16));
  else rgb = (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '').split(',').slice(0, 3).map((x) => Number(x.trim()));
  return rgb.length === 3 && rgb[0] === rgb[1] && rgb[1] === rgb[2];
}

// ---- dashboard ----

describe('dashboard workbook', () => {
  it('has the header figures and one row per indicator at the documented cells, numbers as numbers', async () => {
    const d = dashboard();
    const wb = await workbook(await renderDashboardXlsx(d, 'vi'));
    const L = DASHBOARD_XLSX.summary;
    expect(wb.worksheets.map((w) => w.name)).toEqual([L.name.vi, DASHBOARD_XLSX.trend.name.vi, DASHBOARD_XLSX.previous.name.vi]);
    expect(L.name.vi).toBe('Tổng hợp');
    const ws = wb.getWorksheet(L.name.vi)!;
    expect(ws.getCell(L.unitName).value).toBe(d.agency.name);
    expect(ws.getCell(L.unitCode).value).toBe(d.agency.code);
    expect(ws.getCell(L.periodLabel).value).toBe(d.period.label.vi);
    expect((ws.getCell(L.periodFrom).value as Date).toISOString().slice(0, 10)).toBe(d.period.from);
    expect((ws.getCell(L.periodTo).value as Date).toISOString().slice(0, 10)).toBe(d.period.to);
    expect(ws.getCell(L.profileId).value).toBe(d.profile.id);
    expect((ws.getCell(L.judgedOn).value as Date).toISOString().slice(0, 10)).toBe(d.judgedOn);
    expect(ws.getCell(L.total).value).toBe(d.result.total);
    expect(typeof ws.getCell(L.total).value).toBe('number');
    expect(ws.getCell(L.applicableMax).value).toBe(d.result.applicableMax);
    expect(ws.getCell(L.scaled).value).toBe(d.result.scaled);
    expect(ws.getCell(L.bandLabel).value).toBe(d.result.band.label.vi);
    expect(ws.getCell(L.bandCode).value).toBe(d.result.band.code);

    const C = L.indicatorColumns;
    const inds = indicatorsOf(d.result);
    expect(inds.some((i) => i.status === 'no_data')).toBe(true);
    expect(inds.some((i) => i.status.startsWith('empty_'))).toBe(true);
    inds.forEach((i, k) => {
      const row = L.firstIndicatorRow + k;
      const group = d.result.groups.find((g) => g.code === i.group)!;
      expect(ws.getCell(`${C.group}${row}`).value).toBe(group.name.vi);
      expect(ws.getCell(`${C.code}${row}`).value).toBe(i.code);
      expect(ws.getCell(`${C.name}${row}`).value).toBe(i.name.vi);
      expect(cellNumber(ws, `${C.numerator}${row}`)).toBe(i.numerator);
      expect(cellNumber(ws, `${C.denominator}${row}`)).toBe(i.denominator);
      expect(cellNumber(ws, `${C.rate}${row}`)).toBe(i.rate);
      expect(ws.getCell(`${C.max}${row}`).value).toBe(i.max);
      expect(cellNumber(ws, `${C.points}${row}`)).toBe(hasPoints(i) ? i.score : null);
      expect(ws.getCell(`${C.lost}${row}`).value).toBe(i.lost);
      expect(ws.getCell(`${C.note}${row}`).value).toBe(EXPORTS_MONITORING[`xm.status.${i.status}`].vi);
      expect(ws.getCell(`${C.groupCode}${row}`).value).toBe(i.group);
      expect(ws.getCell(`${C.status}${row}`).value).toBe(i.status);
      if (i.numerator !== null) expect(typeof ws.getCell(`${C.numerator}${row}`).value).toBe('number');
    });
    // Nothing after the last indicator row until the group table.
    expect(ws.getCell(`${C.code}${L.firstIndicatorRow + inds.length}`).value).toBeNull();

    const G = L.groupColumns;
    const gh = L.groupHeaderRow(inds.length);
    d.result.groups.forEach((g, k) => {
      expect(ws.getCell(`${G.code}${gh + 1 + k}`).value).toBe(g.code);
      expect(ws.getCell(`${G.name}${gh + 1 + k}`).value).toBe(g.name.vi);
      expect(ws.getCell(`${G.max}${gh + 1 + k}`).value).toBe(g.max);
      expect(ws.getCell(`${G.points}${gh + 1 + k}`).value).toBe(g.score);
    });
    expect(ws.getCell(`${G.points}${gh + 1 + d.result.groups.length}`).value).toBe(d.result.total);
  });

  it('has the months of the trend and the comparison with the previous period', async () => {
    const d = dashboard(11);
    const wb = await workbook(await renderDashboardXlsx(d, 'vi'));
    const T = DASHBOARD_XLSX.trend;
    const tw = wb.worksheets[T.sheetIndex - 1]!;
    expect(tw.name).toBe('Xu hướng');
    expect(d.trend.length).toBe(3);
    const firstGroupCol = tw.getColumn(T.columns.firstGroup).number;
    d.trend.forEach((p, k) => {
      const row = tw.getRow(T.firstRow + k);
      expect(row.getCell(T.columns.label).value).toBe(p.period.label.vi);
      expect(row.getCell(T.columns.total).value).toBe(p.total);
      expect(row.getCell(T.columns.scaled).value).toBe(p.scaled);
      d.result.groups.forEach((g, j) => expect(row.getCell(firstGroupCol + j).value).toBe(p.groups[g.code]));
    });
    expect(tw.getRow(T.firstRow + d.trend.length).getCell(T.columns.total).value).toBeNull();

    const P = DASHBOARD_XLSX.previous;
    const pw = wb.worksheets[P.sheetIndex - 1]!;
    expect(pw.name).toBe('Kỳ trước');
    const c = P.columns;
    expect(pw.getCell(`${c.current}${P.periodRow}`).value).toBe(d.period.label.vi);
    expect(pw.getCell(`${c.previous}${P.periodRow}`).value).toBe(d.previous.period.label.vi);
    expect(pw.getCell(`${c.current}${P.totalRow}`).value).toBe(d.result.total);
    expect(pw.getCell(`${c.previous}${P.totalRow}`).value).toBe(d.previous.result.total);
    expect(pw.getCell(`${c.change}${P.totalRow}`).value).toBeCloseTo(d.result.total - d.previous.result.total, 2);
    expect(pw.getCell(`${c.current}${P.bandRow}`).value).toBe(d.result.band.label.vi);
    d.result.groups.forEach((g, k) => {
      const row = P.firstGroupRow + k;
      expect(pw.getCell(`${c.key}${row}`).value).toBe(g.code);
      expect(pw.getCell(`${c.current}${row}`).value).toBe(g.score);
      expect(pw.getCell(`${c.previous}${row}`).value).toBe(d.previous.result.groups[k]!.score);
    });
    const figRow = P.firstGroupRow + d.result.groups.length;
    expect(pw.getCell(`${c.key}${figRow}`).value).toBe('received');
    expect(pw.getCell(`${c.current}${figRow}`).value).toBe(d.figures.received);
    expect(pw.getCell(`${c.previous}${figRow}`).value).toBe(d.previous.figures.received);
    const firstInd = figRow + 6;
    indicatorsOf(d.result).forEach((i, k) => {
      expect(pw.getCell(`${c.key}${firstInd + k}`).value).toBe(i.code);
      expect(cellNumber(pw, `${c.current}${firstInd + k}`)).toBe(hasPoints(i) ? i.score : null);
    });
  });

  it('in English: the sheet names and labels change, the positions do not', async () => {
    const d = dashboard(3);
    const wb = await workbook(await renderDashboardXlsx(d, 'en'));
    const L = DASHBOARD_XLSX.summary;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Trend', 'Previous period']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A6').value).toBe('Total score');
    expect(ws.getCell(L.total).value).toBe(d.result.total);
    expect(ws.getCell(L.periodLabel).value).toBe(d.period.label.en);
    expect(ws.getCell(`${L.indicatorColumns.name}${L.firstIndicatorRow}`).value).toBe(indicatorsOf(d.result)[0]!.name.en);
  });
});

describe('dashboard PDF', () => {
  it('is an A4 PDF in Vietnamese with the embedded official serif (Liberation Serif): header, total, every group and indicator, page numbers', async () => {
    const d = dashboard();
    const buf = await renderDashboardPdf(d, 'vi');
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const p = pdf(buf, 'dashboard-vi.pdf');
    // Fonts: only the embedded Liberation Serif family (the charts' text too: no standard-14 fallback such as Helvetica).
    const fontLines = p.fonts.split('\n').slice(2).filter(Boolean);
    expect(fontLines.length).toBeGreaterThan(0);
    for (const l of fontLines) {
      expect(l).toMatch(/LiberationSerif/);
      expect(l).toMatch(/\byes\s+yes\s+yes\b/);
    }
    expect(p.layout).toContain('CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP');
    expect(p.layout).toContain(d.agency.name);
    expect(p.layout).toContain(d.period.label.vi);
    expect(p.squashed).toContain(squash(d.profile.name.vi));
    expect(p.layout).toContain('31/03/2026');
    expect(p.layout).toContain(`Tổng điểm: ${vi(d.result.total)}/100 điểm`);
    expect(p.layout).toContain(`Xếp loại: ${d.result.band.label.vi}`);
    for (const g of d.result.groups) {
      expect(p.layout).toContain(g.name.vi);
      // The bar chart labels each group "points / max".
      expect(p.layout).toContain(`${vi(g.score)} / ${vi(g.max)}`);
    }
    for (const i of indicatorsOf(d.result)) {
      expect(p.squashed).toContain(squash(i.name.vi));
      expect(p.squashed).toContain(i.code);
    }
    // A scored indicator's row: numerator, denominator, rate, max, points, lost in that order.
    const scored = indicatorsOf(d.result).find((i) => i.status === 'scored' && i.rate !== null && i.rate < 100 && i.lost > 0)!;
    expect(p.squashed).toContain(`${scored.numerator}${scored.denominator}${vi(scored.rate!)}%${vi(scored.max)}${vi(scored.score)}${vi(scored.lost)}`);
    // Trend: every month's total is labelled.
    for (const t of d.trend) expect(p.layout).toContain(vi(t.total));
    expect(p.layout).toContain('So sánh với kỳ trước');
    expect(p.layout).toContain(d.previous.period.label.vi);
    expect(p.layout).toContain(vi(d.previous.result.total));
    expect(p.pages).toBeGreaterThanOrEqual(2);
    expect(p.layout).toContain(`Trang 1/${p.pages}`);
    expect(p.layout).toContain(`Trang ${p.pages}/${p.pages}`);
  });

  it('is the same bytes for the same figures, and says so when there is no monthly trend', async () => {
    const d = dashboard(5, false);
    const a = await renderDashboardPdf(d, 'vi');
    const b = await renderDashboardPdf(d, 'vi');
    expect(crypto.createHash('sha256').update(a).digest('hex')).toBe(crypto.createHash('sha256').update(b).digest('hex'));
    expect(pdf(a, 'no-trend.pdf').layout).toContain('Chưa có số liệu theo tháng.');
  });

  it('in English: English labels, data names in English where the profile has them', async () => {
    const d = dashboard(9);
    const p = pdf(await renderDashboardPdf(d, 'en'), 'dashboard-en.pdf');
    expect(p.layout).toContain('SERVICE INDEX FOR CITIZENS AND BUSINESSES');
    expect(p.layout).toContain(`Total score: ${d.result.total}/100 points`);
    for (const g of d.result.groups) expect(p.layout).toContain(g.name.en);
    expect(p.layout).toContain(`Page 1 of ${p.pages}`);
  });
});

describe('charts (SVG)', () => {
  it('carry their values as labels and use greys only, lines told apart by dashes', () => {
    const d = dashboard(21);
    const bars = groupBarsSvg(d.result, 'vi', 500, 220);
    for (const g of d.result.groups) expect(bars).toContain(`${vi(g.score)} / ${vi(g.max)}`);
    for (const g of d.result.groups) expect(bars).toContain(g.name.vi);

    const trend = trendSvg(d.trend, d.result.groups, 'vi', 500, 320);
    for (const t of d.trend) expect(trend).toContain(`>${vi(t.total)}<`);
    const last = d.trend[d.trend.length - 1]!;
    for (const g of d.result.groups) expect(trend).toContain(`>${vi(last.groups[g.code]!)}<`);
    const dashes = new Set([...trend.matchAll(/stroke-dasharray="([^"]+)"/g)].map((m) => m[1]));
    expect(dashes.size).toBeGreaterThanOrEqual(d.result.groups.length - 1);

    const r = rankings();
    const rk = rankingBarsSvg(r.rows, 'vi', 700);
    for (const u of r.rows) expect(rk).toContain(`>${vi(u.total)}<`);
    // Units not ranked are hatched (a pattern), ranked ones filled.
    expect(rk).toMatch(/<pattern\b/);

    for (const svg of [bars, trend, rk]) {
      expect(svg).toContain('font-family:Liberation Serif');
      const colours = visibleColours(svg);
      expect(colours.length).toBeGreaterThan(0);
      expect(colours.filter((c) => !isGrey(c))).toEqual([]);
    }
  });

  it('end-of-line labels of the trend are kept apart and above the axis', () => {
    const r = rng(5);
    for (let n = 0; n < 50; n++) {
      const values = Array.from({ length: 6 }, () => (r() < 0.1 ? null : Math.round(r() * 2200) / 100));
      const ppu = 2 + r() * 6;
      const gap = 10;
      const off = spreadLabels(values, ppu, gap);
      const ys = values.flatMap((v, i) => (v === null ? [] : [-v * ppu + off[i]!])).sort((a, b) => a - b);
      for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(gap - 1e-9);
      for (const y of ys) expect(y).toBeLessThanOrEqual(1e-9);
      values.forEach((v, i) => v === null && expect(off[i]).toBe(0));
    }
  });

  it('English numbers use a decimal point', () => {
    const d = dashboard(21);
    const bars = groupBarsSvg(d.result, 'en', 500, 220);
    for (const g of d.result.groups) expect(bars).toContain(`${g.score} / ${g.max}`);
  });
});

// ---- rankings ----

describe('rankings workbook', () => {
  it('has one row per unit at the documented cells', async () => {
    const r = rankings();
    const wb = await workbook(await renderRankingsXlsx(r, 'vi'));
    const L = RANKINGS_XLSX;
    const ws = wb.worksheets[L.sheetIndex - 1]!;
    expect(ws.name).toBe(L.name.vi);
    expect(ws.getCell(L.parentName).value).toBe(r.parent.name);
    expect(ws.getCell(L.parentCode).value).toBe(r.parent.code);
    expect(ws.getCell(L.periodLabel).value).toBe(r.period.label.vi);
    expect(ws.getCell(L.minDossiers).value).toBe(r.minDossiers);
    const C = L.columns;
    const firstGroup = ws.getColumn(C.firstGroup).number;
    const groupCodes = PORTAL_2025.groups.map((g) => g.code);
    groupCodes.forEach((code, j) => {
      expect(ws.getRow(L.groupCodeRow).getCell(firstGroup + j).value).toBe(code);
      expect(ws.getRow(L.headerRow).getCell(firstGroup + j).value).toBe(PORTAL_2025.groups[j]!.name.vi);
    });
    expect(r.rows.some((u) => !u.eligible)).toBe(true);
    r.rows.forEach((u, k) => {
      const row = ws.getRow(L.firstRow + k);
      expect(row.getCell(C.rank).value ?? null).toBe(u.rank);
      expect(row.getCell(C.code).value).toBe(u.agency.code);
      expect(row.getCell(C.name).value).toBe(u.agency.name);
      expect(row.getCell(C.received).value).toBe(u.received);
      expect(row.getCell(C.eligible).value).toBe(u.eligible ? 'Có' : 'Không');
      expect(row.getCell(C.total).value).toBe(u.total);
      expect(typeof row.getCell(C.total).value).toBe('number');
      expect(row.getCell(C.scaled).value).toBe(u.scaled);
      expect(row.getCell(C.band).value).toBe(u.band.label.vi);
      groupCodes.forEach((code, j) => expect(row.getCell(firstGroup + j).value).toBe(u.groups[code]));
    });
    expect(ws.getRow(L.firstRow + r.rows.length).getCell(C.code).value).toBeNull();
  });

  it('with no units: the header and a sentence saying so', async () => {
    const r = { ...rankings(0), rows: [] };
    const wb = await workbook(await renderRankingsXlsx(r, 'vi'));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(RANKINGS_XLSX.parentName).value).toBe(r.parent.name);
    expect(ws.getCell(`A${RANKINGS_XLSX.firstRow}`).value).toBe(EXPORTS_MONITORING['xm.rank.none'].vi);
  });
});

describe('rankings PDF', () => {
  it('has the chart and the table of every unit, in Vietnamese', async () => {
    const r = rankings();
    const buf = await renderRankingsPdf(r, 'vi');
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const p = pdf(buf, 'rankings-vi.pdf');
    expect(p.layout).toContain('XẾP HẠNG CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP');
    expect(p.layout).toContain(r.parent.name);
    expect(p.layout).toContain(r.period.label.vi);
    expect(p.layout).toContain(`dưới ${r.minDossiers} hồ sơ`);
    for (const u of r.rows) {
      expect(p.squashed).toContain(squash(u.agency.name));
      expect(p.layout).toContain(vi(u.total));
    }
    for (const g of PORTAL_2025.groups) expect(p.squashed).toContain(squash(g.name.vi));
    expect(p.layout).toContain('Chưa đủ hồ sơ để xếp hạng');
  });

  it('splits the chart of many units over pages and numbers them', async () => {
    const r = rankings(UNITS_PER_CHART * 2 + 3);
    const p = pdf(await renderRankingsPdf(r, 'vi'), 'rankings-many.pdf');
    expect(p.layout).toContain('(phần 1/3)');
    expect(p.layout).toContain('(phần 3/3)');
    expect(p.pages).toBeGreaterThanOrEqual(4);
    expect(p.layout).toContain(`Trang ${p.pages}/${p.pages}`);
    for (const u of r.rows) expect(p.squashed).toContain(squash(u.agency.name));
  });

  it('with no units: a valid PDF that says so', async () => {
    const r = { ...rankings(0), rows: [] };
    const p = pdf(await renderRankingsPdf(r, 'en'), 'rankings-empty.pdf');
    expect(p.layout).toContain(EXPORTS_MONITORING['xm.rank.none'].en);
  });
});

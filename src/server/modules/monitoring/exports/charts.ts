/**
 * Charts of the service-index exports, rendered on the server by ECharts (SSR, SVG renderer) and drawn into the
 * PDF by svg-to-pdfkit. Made for black-and-white print: greys only, and every series is told apart by something
 * other than colour (filled vs outlined bars, hatching, line dashes, marker shapes) and carries its values as
 * labels. Text uses the family `CHART_FONT`, which the PDF maps to its embedded serif (`chartFonts`).
 * Numbers are written as in the rest of the report (vi: `15,5`; en: `15.5`).
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import type { IndexResult, RankingRow, TrendPoint } from '../../../../core/service-index/index.ts';
import { tx } from '../../../../core/i18n/exports-monitoring.ts';
import type { Lang } from '../../../../core/i18n/errors.ts';
import { fmtNum, monthShort } from './format.ts';
import { SERIF_FAMILY } from '../../../platform/pdf/fonts.ts';

const require = createRequire(import.meta.url);
let lib: typeof Echarts | null = null;
/**
 * ECharts, loaded on the first chart (about 1 MB of code the server needs only for PDF exports; `require` of its
 * CommonJS build is several times faster under tsx than an ESM import).
 */
function echarts(): typeof Echarts {
  return (lib ??= require('echarts') as typeof Echarts);
}

export const CHART_FONT = SERIF_FAMILY;

/** Greys from black: every one prints distinctly on a laser printer. */
export const GREYS = ['#000000', '#595959', '#8c8c8c', '#262626', '#737373', '#404040', '#a6a6a6'] as const;
/** Line dashes, one per series, so the lines differ without colour. */
export const DASHES: ('solid' | 'dashed' | 'dotted' | number[])[] = ['solid', 'dashed', 'dotted', [8, 3, 2, 3], [12, 4], [2, 2, 6, 2]];
/** Marker shapes, one per series. */
export const SYMBOLS = ['emptyCircle', 'rect', 'triangle', 'diamond', 'emptyRect', 'emptyTriangle'] as const;

/** Diagonal hatching (a decal pattern) for the second kind of bar. */
const HATCH = { symbol: 'rect', color: 'rgba(0,0,0,0.55)', backgroundColor: '#ffffff', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, symbolSize: 1 };

const BASE = {
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: CHART_FONT, fontSize: 9, color: '#000000' },
  aria: { enabled: true },
} as const;

/** Renders an ECharts option to an SVG document string (server-side, no DOM). */
export function renderSvg(option: Echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...BASE, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Horizontal bars per group: the maximum as an outlined bar, the points as a filled bar over it, `15,5 / 20`. */
export function groupBarsSvg(result: IndexResult, lang: Lang, width: number, height: number): string {
  const names = result.groups.map((g) => g.name[lang]);
  const longest = Math.max(...result.groups.map((g) => g.max), 1);
  return renderSvg(
    {
      legend: {
        top: 0,
        left: 'center',
        itemWidth: 18,
        itemHeight: 10,
        textStyle: { fontFamily: CHART_FONT, fontSize: 9, color: '#000000' },
        data: [tx('xm.chart.points', lang), tx('xm.chart.max', lang)],
      },
      grid: { left: 8, right: 70, top: 24, bottom: 18, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        max: Math.ceil(longest / 2) * 2,
        interval: longest > 10 ? 2 : 1,
        axisLabel: { fontFamily: CHART_FONT, fontSize: 8, color: '#000000', formatter: (v: number) => fmtNum(v, lang) },
        splitLine: { lineStyle: { color: '#bfbfbf', type: 'dashed', width: 0.5 } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#000000' } },
        axisLabel: { fontFamily: CHART_FONT, fontSize: 9, color: '#000000', width: 150, overflow: 'break' },
      },
      series: [
        {
          name: tx('xm.chart.max', lang),
          type: 'bar',
          barWidth: 14,
          z: 1,
          data: result.groups.map((g) => g.max),
          itemStyle: { color: '#ffffff', borderColor: '#000000', borderWidth: 1 },
          label: {
            show: true,
            position: 'right',
            fontFamily: CHART_FONT,
            fontSize: 9,
            color: '#000000',
            formatter: (p: { dataIndex: number }) => {
              const g = result.groups[p.dataIndex]!;
              return `${fmtNum(g.score, lang)} / ${fmtNum(g.max, lang)}`;
            },
          },
        },
        {
          name: tx('xm.chart.points', lang),
          type: 'bar',
          barWidth: 14,
          barGap: '-100%',
          z: 2,
          data: result.groups.map((g) => g.score),
          itemStyle: { color: '#595959', borderColor: '#000000', borderWidth: 1 },
          label: { show: false },
        },
      ],
    },
    width,
    height,
  );
}

/**
 * The months of the year: the total (solid black line, every value labelled) above, the groups (one dash and one
 * marker shape each, the last value labelled, legend below) underneath.
 */
export function trendSvg(trend: readonly TrendPoint[], groups: IndexResult['groups'], lang: Lang, width: number, height: number): string {
  const months = trend.map((p) => monthShort(p.period.from, lang));
  const groupMax = Math.max(...groups.map((g) => g.max), 1);
  const last = trend.length - 1;
  const axisLabel = { fontFamily: CHART_FONT, fontSize: 8, color: '#000000' };
  const split = { lineStyle: { color: '#bfbfbf', type: 'dashed' as const, width: 0.5 } };
  const topH = Math.round((height - 90) * 0.42);
  const bottomTop = 24 + topH + 34;
  const yMax = Math.ceil(groupMax / 5) * 5;
  const endOffsets = spreadLabels(
    groups.map((g) => trend[last]?.groups[g.code] ?? null),
    (height - 54 - bottomTop) / yMax,
    10,
  );
  return renderSvg(
    {
      title: [
        { text: tx('xm.trend.totalPanel', lang), left: 4, top: 4, textStyle: { fontFamily: CHART_FONT, fontSize: 9, fontWeight: 'bold', color: '#000000' } },
        { text: tx('xm.trend.groupsPanel', lang), left: 4, top: 24 + topH + 14, textStyle: { fontFamily: CHART_FONT, fontSize: 9, fontWeight: 'bold', color: '#000000' } },
      ],
      legend: {
        bottom: 0,
        left: 'center',
        itemWidth: 28,
        itemHeight: 8,
        textStyle: { fontFamily: CHART_FONT, fontSize: 8, color: '#000000' },
        data: groups.map((g) => g.name[lang]),
      },
      grid: [
        { left: 36, right: 44, top: 24, height: topH },
        { left: 36, right: 44, top: bottomTop, bottom: 54 },
      ],
      xAxis: [
        { type: 'category', gridIndex: 0, data: months, boundaryGap: true, axisLabel, axisLine: { lineStyle: { color: '#000000' } } },
        { type: 'category', gridIndex: 1, data: months, boundaryGap: true, axisLabel, axisLine: { lineStyle: { color: '#000000' } } },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, min: 0, max: 100, interval: 25, axisLabel: { ...axisLabel, formatter: (v: number) => fmtNum(v, lang) }, splitLine: split },
        { type: 'value', gridIndex: 1, min: 0, max: yMax, axisLabel: { ...axisLabel, formatter: (v: number) => fmtNum(v, lang) }, splitLine: split },
      ],
      series: [
        {
          name: tx('xm.total', lang),
          type: 'line',
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: trend.map((p) => p.total),
          symbol: 'circle',
          symbolSize: 6,
          lineStyle: { color: '#000000', width: 2 },
          itemStyle: { color: '#000000' },
          label: { show: true, position: 'top', fontFamily: CHART_FONT, fontSize: 8, color: '#000000', formatter: (p: { value: unknown }) => fmtNum(Number(p.value), lang) },
        },
        ...groups.map((g, i) => ({
          name: g.name[lang],
          type: 'line' as const,
          xAxisIndex: 1,
          yAxisIndex: 1,
          symbol: SYMBOLS[i % SYMBOLS.length],
          symbolSize: 6,
          lineStyle: { color: GREYS[i % GREYS.length], width: 1.4, type: DASHES[i % DASHES.length] },
          itemStyle: { color: GREYS[i % GREYS.length], borderColor: GREYS[i % GREYS.length] },
          data: trend.map((p, k) => ({
            value: p.groups[g.code] ?? null,
            label:
              k === last
                ? { show: true, position: 'right' as const, distance: 4, offset: [0, endOffsets[i] ?? 0], fontFamily: CHART_FONT, fontSize: 8, color: '#000000', formatter: (q: { value: unknown }) => fmtNum(Number(q.value), lang) }
                : { show: false },
          })),
        })),
      ],
    },
    width,
    height,
  );
}

/**
 * Vertical offsets (px) for end-of-line labels so that none is closer than `gap` to another: values are placed at
 * `value × pxPerUnit` above the axis, sorted from the top and pushed down where they would collide, then pushed
 * back up where that took them below the axis (y = 0).
 */
export function spreadLabels(values: readonly (number | null)[], pxPerUnit: number, gap: number): number[] {
  const items = values.map((v, i) => ({ i, y0: v === null ? null : -v * pxPerUnit, y: 0 })).filter((x): x is { i: number; y0: number; y: number } => x.y0 !== null);
  items.sort((a, b) => a.y0 - b.y0);
  let prev = -Infinity;
  for (const it of items) prev = it.y = Math.max(it.y0, prev + gap);
  let next = 0 + gap;
  for (let k = items.length - 1; k >= 0; k--) next = items[k]!.y = Math.min(items[k]!.y, next - gap);
  const out = values.map(() => 0);
  for (const it of items) out[it.i] = it.y - it.y0;
  return out;
}

/** A unit's label on the rankings chart: `1. Phường Pleiku` (unranked: `– Phường …`). */
export function rankingLabel(row: RankingRow): string {
  const name = row.agency.name.length > 48 ? `${row.agency.name.slice(0, 47)}…` : row.agency.name;
  return `${row.rank === null ? '–' : `${row.rank}.`} ${name}`;
}

/** Height (px = pt) of a rankings chart of `n` units. */
export const rankingChartHeight = (n: number) => 48 + n * 16;

/** Horizontal bars of the totals, in the rows' order: ranked units filled, units with too few dossiers hatched. */
export function rankingBarsSvg(rows: readonly RankingRow[], lang: Lang, width: number): string {
  const labelStyle = { show: true, position: 'right' as const, fontFamily: CHART_FONT, fontSize: 8, color: '#000000', formatter: (p: { value: unknown }) => (p.value === null || p.value === undefined ? '' : fmtNum(Number(p.value), lang)) };
  return renderSvg(
    {
      legend: {
        top: 0,
        left: 'center',
        itemWidth: 18,
        itemHeight: 10,
        textStyle: { fontFamily: CHART_FONT, fontSize: 9, color: '#000000' },
        data: [tx('xm.chart.ranked', lang), tx('xm.chart.unranked', lang)],
      },
      grid: { left: 8, right: 48, top: 26, bottom: 20, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 10,
        axisLabel: { fontFamily: CHART_FONT, fontSize: 8, color: '#000000', formatter: (v: number) => fmtNum(v, lang) },
        splitLine: { lineStyle: { color: '#bfbfbf', type: 'dashed', width: 0.5 } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map(rankingLabel),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#000000' } },
        axisLabel: { fontFamily: CHART_FONT, fontSize: 8, color: '#000000', interval: 0 },
      },
      series: [
        {
          name: tx('xm.chart.ranked', lang),
          type: 'bar',
          barWidth: 10,
          data: rows.map((r) => (r.eligible ? r.total : null)),
          itemStyle: { color: '#595959', borderColor: '#000000', borderWidth: 0.8 },
          label: labelStyle,
        },
        {
          name: tx('xm.chart.unranked', lang),
          type: 'bar',
          barWidth: 10,
          barGap: '-100%',
          data: rows.map((r) => (r.eligible ? null : r.total)),
          itemStyle: { color: '#ffffff', borderColor: '#000000', borderWidth: 0.8, decal: HATCH },
          label: labelStyle,
        },
      ],
    },
    width,
    rankingChartHeight(rows.length),
  );
}
